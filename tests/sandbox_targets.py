"""Functions tests/test_reliability.py runs in a parse worker (assistant.documents.sandbox) in place of the real
parse. A worker imports its function by name, so they live here, in a module that imports nothing heavy (not the
test module, which imports the search engine and torch)."""
from __future__ import annotations

import os
import resource
import signal
import time
from pathlib import Path

from assistant.documents.corpus import parse_bytes
from assistant.documents.readers import DocumentError

MB = 1024 * 1024


def sleep_long(name, data, entry):
    """A parse that never ends: writes its pid to the file named by `data`, then sleeps."""
    Path(data.decode()).write_text(str(os.getpid()))
    time.sleep(120)


def allocate_1gb(name, data, entry):
    """A parse that needs a gigabyte at once."""
    block = bytearray(1024 * MB)
    return block


def allocate_in_a_reader(name, data, entry):
    """A reader that turns whatever its library raises, MemoryError too, into 'damaged file'."""
    try:
        bytearray(1024 * MB)
    except Exception:
        raise DocumentError(name, "不是有效的 PDF 文件，或文件已损坏") from None


def killed(name, data, entry):
    """A worker the kernel kills (as the OOM killer does, or a crash on a failed allocation in C)."""
    os.kill(os.getpid(), signal.SIGKILL)


def touch_then_parse(name, data, megabytes):
    """Really use `megabytes` of memory, free it, then parse; returns the document and the worker's peak RSS (MB)."""
    block = b"x" * (megabytes * MB)
    del block
    return parse_bytes(name, data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
