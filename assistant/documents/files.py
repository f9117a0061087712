"""Writing files into the corpus safely: all or nothing, with the mode the folder's files already have.

`atomic_write` writes into a temporary file next to the target, syncs it and renames it over the target; when any
step fails (a full disk, a read-only folder) the temporary file is removed and the target is left as it was.
"""
from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

DEFAULT_MODE = 0o644


def umask() -> int:
    """The process's umask, read without changing it (os.umask would change it for every thread meanwhile)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            found = re.search(r"^Umask:\s*([0-7]+)", fh.read(), re.MULTILINE)
        if found:
            return int(found.group(1), 8)
    except OSError:
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def default_mode() -> int:
    """The mode a new file gets when there is none to copy: 0644 less the umask."""
    return DEFAULT_MODE & ~umask()


def mode_of(path: Path) -> int | None:
    """A file's permission bits, or None when it does not exist (or cannot be looked at)."""
    try:
        return Path(path).stat().st_mode & 0o777
    except OSError:
        return None


def atomic_write(path: Path, data: bytes, mode: int | None = None, prefix: str = ".tmp.") -> None:
    """Replace `path` by `data` in one rename. `mode` None keeps the mode `path` has, or gives the default mode to
    a new file. On failure nothing is left behind and the exception (an OSError) propagates."""
    path = Path(path)
    if mode is None:
        mode = mode_of(path)
        if mode is None:
            mode = default_mode()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fchmod(fd, mode)  # mkstemp makes 0600, which other accounts (a service user, a backup) cannot read
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_failure(exc: OSError) -> str:
    """Why a write failed, in Chinese, for the user."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return "没有写入权限"
    if exc.errno == errno.EROFS:
        return "所在磁盘是只读的"
    if exc.errno == errno.ENOENT:
        return "目录不存在"
    return f"写入出错（{exc.strerror or type(exc).__name__}）"
