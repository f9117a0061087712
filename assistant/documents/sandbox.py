"""Parse an uploaded file in a worker process with a time limit and a memory limit, so a file built (or broken) to
take minutes or gigabytes to read costs the worker, never the web server: the worker is killed at the time limit,
and its address space is capped (RLIMIT_AS) before it reads a byte of the file.

    document = sandbox.parse_bytes(name, data, entry)  # corpus.parse_bytes, in a worker
    result = sandbox.run(function, *args)               # any importable function, in a worker

Workers come from a fork server (multiprocessing's "forkserver" context): the server process holds torch, FAISS
and OpenMP threads, so forking it directly is unsafe, and a spawned interpreter would import everything again. The
fork server is a small process started once, with the document readers and parser already imported (`PRELOAD`);
each worker is a fork of it and starts in milliseconds. A worker never imports the server's main module (`app.py`
and with it Gradio and torch): its function is imported by name.

What the worker raises comes back as itself (a `DocumentError` keeps its Chinese reason); running out of time or
memory is a `SandboxError` whose message, in Chinese, is for the user.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import resource
import sys
import threading
import time
import traceback
from pathlib import Path

from .catalog import CatalogEntry
from .corpus import parse_bytes as _parse_bytes
from .records import ParsedDocument

log = logging.getLogger(__name__)

TIMEOUT = 30.0  # seconds a worker may take
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space a worker may use
# Imported once by the fork server, so a worker starts with them: the parser, and the libraries the readers import
# on first use. A name that cannot be imported is skipped.
PRELOAD = ["assistant.documents.corpus", "assistant.documents.sandbox", "charset_normalizer", "docx", "docx.table",
           "lxml.etree", "pypdf", "pypdf.errors", "openpyxl"]
_EXIT_WAIT = 1.0  # seconds a worker that has answered gets to exit before it is killed
_STOP_WAIT = 5.0  # seconds to wait for a killed or finished worker to be gone
_OUT_OF_MEMORY = 75  # a worker's exit status when it could not even report that memory ran out
_ROOT = Path(__file__).resolve().parents[2]  # the folder `assistant` is imported from


class SandboxError(Exception):
    """A worker that did not finish, with a message in Chinese for the user."""


class ParseTimeout(SandboxError):
    pass


class ParseOutOfMemory(SandboxError):
    pass


class WorkerFailed(RuntimeError):
    """A worker that ended without an answer for a reason other than time or memory (a bug, not the file)."""


def timeout_message(seconds: float | None = None) -> str:
    return f"解析超时（超过 {TIMEOUT if seconds is None else seconds:g} 秒），文件可能过大或格式异常，未添加"


def memory_message(limit: int | None = None) -> str:
    limit = MEMORY_LIMIT if limit is None else limit
    size = f"{limit / 1024 ** 3:g} GB" if limit >= 1024 ** 3 else f"{limit / 1024 ** 2:g} MB"
    return f"解析时占用内存过多（超过 {size}），文件可能格式异常，未添加"


def parse_bytes(name: str, data: bytes, entry: CatalogEntry | None = None) -> ParsedDocument:
    """`corpus.parse_bytes` in a worker: the same document, or the same DocumentError; ParseTimeout or
    ParseOutOfMemory when the worker exceeds `TIMEOUT` or `MEMORY_LIMIT`."""
    return run(_parse_bytes, name, data, entry)


def run(function, *args):
    """Call `function(*args)` in a worker and return its result (both must pickle; the function is pickled by
    name, so it must be importable at module level). The limits are read now, from `TIMEOUT` and `MEMORY_LIMIT`."""
    timeout, limit = TIMEOUT, MEMORY_LIMIT
    context = _context()
    reader, writer = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(writer, function, args, limit), name="parse-worker", daemon=True)
    answered = False
    try:
        worker.start()
        writer.close()  # the worker holds the only write end: when it dies, the reader sees the end of the pipe
        started = time.monotonic()
        if not multiprocessing.connection.wait([reader, worker.sentinel], timeout):
            log.warning("parse worker %s ran past %g s; killed", worker.pid, timeout)
            raise ParseTimeout(timeout_message(timeout))
        message = _receive(reader)
        if message is None:  # it ended without an answer
            worker.join(_STOP_WAIT)
            code = worker.exitcode
            if code is not None and (code < 0 or code == _OUT_OF_MEMORY):  # killed (the kernel, a failed allocation)
                log.warning("parse worker %s ended with %s after %.1f s", worker.pid, code, time.monotonic() - started)
                raise ParseOutOfMemory(memory_message(limit))
            raise WorkerFailed(f"the parse worker ended with exit status {code} and no result")
        answered = True
        kind, value, trace = message
        if kind == "ok":
            return value
        if kind == "memory":
            log.warning("parse worker %s ran out of memory (limit %d bytes)", worker.pid, limit)
            raise ParseOutOfMemory(memory_message(limit))
        if kind == "error":
            value.add_note(f"raised in the parse worker:\n{trace}")
            raise value
        raise WorkerFailed(f"the parse worker failed:\n{trace}")
    finally:
        reader.close()
        writer.close()
        _stop(worker, answered)


def _receive(reader):
    if not reader.poll():
        return None
    try:
        return reader.recv()
    except (EOFError, OSError):  # the pipe ended half-way: the worker was killed while sending
        return None
    except Exception as exc:  # an answer that does not unpickle here
        raise WorkerFailed(f"the parse worker's answer could not be read: {exc!r}") from exc


def _stop(worker, answered: bool) -> None:
    """Kill the worker if it still runs and wait until it is gone (the fork server reaps it: no zombie)."""
    if worker.pid is None:  # never started
        return
    if answered:
        worker.join(_EXIT_WAIT)  # it is exiting
    if worker.is_alive():
        worker.kill()
    worker.join(_STOP_WAIT)
    if worker.exitcode is None:
        log.error("parse worker %s did not stop after SIGKILL", worker.pid)
        return
    worker.close()


# -- the worker ---------------------------------------------------------------------------------------------------
def _work(conn, function, args, limit: int) -> None:
    """In the worker: cap memory, run, send ("ok", result, None), ("error", exception, traceback), ("memory", None,
    None) or ("failed", None, traceback)."""
    try:
        _cap(resource.RLIMIT_AS, limit)
        _cap(resource.RLIMIT_CORE, 0)  # a crash on a failed allocation must not write a core file of that size
        try:
            message = ("ok", function(*args), None)
        except Exception as exc:
            message = ("memory", None, None) if _out_of_memory(exc) else ("error", exc, traceback.format_exc())
            if message[0] == "error" and not _round_trips(exc):
                message = ("failed", None, message[2])
        try:
            conn.send(message)
        except MemoryError:
            os._exit(_OUT_OF_MEMORY)
        except Exception:  # the result does not pickle
            conn.send(("failed", None, traceback.format_exc()))
    finally:
        conn.close()


def _round_trips(exc: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
        return True
    except Exception:
        return False


def _cap(which: int, value: int) -> None:
    soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))


def _out_of_memory(exc: BaseException) -> bool:
    """A MemoryError, or an error a reader raised while handling one (they turn whatever a library raises into
    'damaged file')."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, MemoryError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


# -- the fork server ----------------------------------------------------------------------------------------------
_context_guard = threading.Lock()
_ready = False


def _context():
    global _ready
    context = multiprocessing.get_context("forkserver")
    with _context_guard:
        if not _ready:
            context.set_forkserver_preload(PRELOAD)
            _importable_in_fork_server()
            _ready = True
    return context


def _importable_in_fork_server() -> None:
    """The fork server is a new `python -c` whose import path is its working directory and PYTHONPATH (Python 3.11
    does not pass it the server's sys.path), so with the app started from another folder it could not preload the
    parser, nor keep workers from importing app.py: put the package's folder on PYTHONPATH for it."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if any(_same(p, _ROOT) for p in [os.getcwd(), *paths]):
        return
    os.environ["PYTHONPATH"] = os.pathsep.join([str(_ROOT), *paths])


def _same(path: str, root: Path) -> bool:
    try:
        return Path(path).resolve() == root
    except OSError:
        return False


def _skip_main_module_in_workers() -> None:
    """Run in the fork server only. A worker would otherwise start by re-running the server's main script (how
    multiprocessing rebuilds `__main__` in a child): for app.py that imports Gradio and torch, seconds and more
    address space than a worker may have. The worker's function is imported by name, so `__main__` is not needed."""
    from multiprocessing import spawn

    prepare = spawn.prepare

    def prepare_without_main(data):
        prepare({k: v for k, v in data.items() if k not in ("init_main_from_name", "init_main_from_path")})

    spawn.prepare = prepare_without_main


def _preloaded_by_fork_server() -> bool:
    from multiprocessing import forkserver

    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is forkserver.main.__code__:
            return True
        frame = frame.f_back
    return False


def _warm_up() -> None:
    """Run in the fork server only: parse a small plan once, so the parser's lazily built tables (compiled
    patterns, the script converter) are there in every worker instead of being built again in each."""
    plan = "示例市教育局2023年工作要点\n一、加强数字校园建设\n1.推进智慧黑板进课堂。3月底前完成。\n牵头科室：电教馆\n责任科室：计财科"
    try:
        _parse_bytes("warm-up.txt", plan.encode())
    except Exception:  # only a warm-up
        log.debug("warming the parse workers up failed", exc_info=True)


if _preloaded_by_fork_server():
    _skip_main_module_in_workers()
    _warm_up()
