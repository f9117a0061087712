"""Adding a document to the corpus: check it, preview what the parser finds, then commit it atomically.

Nothing is written until the user confirms, and a commit that fails half-way is rolled back, so corpus/ and its
catalog are never left with a file the index does not know or a catalog entry without its file.

Several app instances (or sessions) may share one corpus: a commit and the index update after it run under an
exclusive lock on `corpus/.lock` (fcntl.flock), so two of them cannot both take one name.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import socket
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..documents import sandbox
from ..documents.catalog import CATALOG_NAME, CatalogEntry, CatalogError, load_catalog, save_catalog
from ..documents.corpus import document_files, parse_text
from ..documents.files import atomic_write, default_mode, write_failure
from ..documents.normalize import fold, split_lines
from ..documents.readers import MAX_BYTES, SUPPORTED_SUFFIXES, DocumentError, decode_document, read_document
from ..documents.records import ParsedDocument
from ..documents.sandbox import SandboxError

log = logging.getLogger(__name__)
MAX_LINES = 20_000  # an upload longer than this is no work plan (the longest in the corpus has about 600 lines)
MAX_TASKS = 2_000
LOCK_NAME = ".lock"
JOURNAL_PREFIX = ".adding-"  # corpus/.adding-<name>.json: an upload written but not yet confirmed to its user
LOCK_TIMEOUT = 180.0  # seconds to wait for another instance's commit and index update
BUSY = "另一位用户正在添加文件、更新索引，请稍后再试"


class UploadError(Exception):
    """A reason to refuse an upload, in Chinese, for the user."""


@dataclass
class Preview:
    name: str  # the file name it will have in corpus/
    data: bytes
    entry: CatalogEntry
    document: ParsedDocument
    fingerprint: str = ""  # of the normalised text, to refuse the same content under another name or encoding


def safe_name(original: str) -> str:
    """Keep letters, digits, CJK, dot, dash and underscore of the base name; a path in the name is ignored."""
    base = Path(original.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", stem).strip("._") or "document"
    return f"{stem[:80]}{suffix.lower()}"


def _year(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise UploadError(f"年份“{value}”不是数字，请填写四位年份，如 2023") from None
    if not 1990 <= year <= date.today().year + 2:
        raise UploadError(f"年份 {year} 不在合理范围内")
    return year


def preview_upload(corpus_dir: Path, original_name: str, data: bytes, fields: dict) -> Preview:
    """Check an uploaded file and parse it with the catalog fields the user typed; nothing is written.

    The file is read and parsed in a worker process (`documents.sandbox`), with a time and a memory limit: a file
    that would take minutes or gigabytes is refused, and the server keeps neither."""
    name = safe_name(original_name)
    if Path(name).suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型“{Path(name).suffix or '无扩展名'}”，只支持 .txt、.docx、.pdf")
    if len(data) > MAX_BYTES:
        raise UploadError(f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限")
    corpus_dir = Path(corpus_dir)
    aliases = [a for a in re.split(r"[，,、\s]+", str(fields.get("city_aliases") or "")) if a]
    entry = CatalogEntry(
        file=name, title=str(fields.get("title") or "").strip(), city=str(fields.get("city") or "").strip(),
        city_aliases=aliases, year=_year(fields.get("year")), issuer=str(fields.get("issuer") or "").strip(),
        doc_no=str(fields.get("doc_no") or "").strip(), date=str(fields.get("date") or "").strip(),
    )
    try:
        document, fingerprint = sandbox.run(read_upload, name, data, entry if entry.city or entry.year else None)
    except (DocumentError, SandboxError) as exc:
        raise UploadError(str(exc)) from None
    existing = duplicate_of(corpus_dir, fingerprint, hashlib.sha256(data).hexdigest())
    if existing:
        raise UploadError(f"文件库中已有内容相同的文件：{existing}")
    if (corpus_dir / name).exists():
        raise UploadError(f"文件库中已有同名文件“{name}”，请改名后再上传")
    # fill what the user left empty with what the text says, so the catalog entry is complete; a place the text
    # does not name stays empty (the catalog's "unknown"), never a guess
    if not entry.city and document.city:
        entry.city = document.city
        entry.city_aliases = entry.city_aliases or [n for n in [document.place] if n and n != document.city]
    entry.level = entry.level or (document.level or "")
    entry.region = entry.region or (document.region or "")
    entry.year = entry.year or document.year
    entry.title = entry.title or document.title
    entry.issuer = entry.issuer or (document.issuer or "")
    return Preview(name, data, entry, document, fingerprint)


def read_upload(name: str, data: bytes, entry: CatalogEntry | None) -> tuple[ParsedDocument, str]:
    """Decode and parse an upload, refusing a text too long or a plan too big to be a work plan; returns the
    document and the text's `content_fingerprint`. Runs in the parse worker (see `preview_upload`)."""
    text = decode_document(name, data)
    lines = len(split_lines(text))
    if lines > MAX_LINES:
        raise UploadError(f"文件共 {lines} 行，超过 {MAX_LINES} 行上限，不像一份工作要点，请检查文件")
    document = parse_text(name, text, entry)
    if len(document.tasks) > MAX_TASKS:
        raise UploadError(f"解析出 {len(document.tasks)} 项任务，超过 {MAX_TASKS} 项上限，不像一份工作要点，请检查文件")
    return document, content_fingerprint(text)


def commit_upload(corpus_dir: Path, preview: Preview) -> bytes | None:
    """Write the file and its catalog entry, under the corpus lock; on any failure neither stays (no file, no
    temporary file, the catalog's bytes unchanged). A name or content another instance added since the preview is
    refused; a write that fails (a full disk, no permission) is an UploadError saying so.

    Returns the catalog file's previous bytes (None if there was none), for `withdraw_upload`.
    """
    corpus_dir = Path(corpus_dir)
    target = corpus_dir / preview.name
    with corpus_lock(corpus_dir):
        if target.exists():
            raise UploadError(f"文件库中已有同名文件“{preview.name}”（可能是刚由别人添加的），请改名后再上传")
        if preview.fingerprint:
            existing = duplicate_of(corpus_dir, preview.fingerprint, hashlib.sha256(preview.data).hexdigest())
            if existing:
                raise UploadError(f"文件库中已有内容相同的文件：{existing}")
        catalog_path = corpus_dir / CATALOG_NAME
        placed = False
        journal = _journal(corpus_dir, preview.name)
        preview.entry.added = time.strftime("%Y-%m-%dT%H:%M:%S")
        try:
            previous = catalog_path.read_bytes() if catalog_path.exists() else None
            catalog = load_catalog(corpus_dir)
            # the journal first: a process killed from here until `settle_upload` is undone at the next start
            atomic_write(journal, json.dumps({
                "name": preview.name, "pid": os.getpid(), "host": socket.gethostname(), "created": time.time(),
                "previous_catalog": None if previous is None else previous.decode("utf-8", "surrogateescape"),
            }).encode("utf-8", "surrogateescape"), prefix=".journal.")
            atomic_write(target, preview.data, mode=corpus_mode(corpus_dir), prefix=".upload.")
            placed = True
            catalog[preview.name] = preview.entry
            save_catalog(corpus_dir, catalog)  # atomic: on failure the old catalog stays, its temporary file goes
        except BaseException as exc:
            if placed:
                _remove(target)
            _remove(journal)
            if isinstance(exc, OSError):
                log.warning("adding %s to %s failed: %s", preview.name, corpus_dir, exc)
                raise UploadError(f"{write_failure(exc)}，文件未添加，文件库保持原样。请处理后再试。") from None
            if isinstance(exc, CatalogError):
                raise UploadError(f"{exc}，文件未添加。请先修正目录文件") from None
            raise
    return previous


def settle_upload(corpus_dir: Path, name: str) -> None:
    """The upload is confirmed to the user (its index is published): drop its journal, so it stays."""
    _remove(_journal(Path(corpus_dir), name))


def recover_interrupted(corpus_dir: Path) -> list[str]:
    """Undo every upload a killed process left half-done (a journal without its settle): its file goes and the
    catalog gets its previous bytes back, so a document the user never saw confirmed never goes live. Only while no
    other instance holds the corpus lock (one committing right now keeps its journal). Returns the names undone."""
    corpus_dir = Path(corpus_dir)
    journals = sorted(corpus_dir.glob(f"{JOURNAL_PREFIX}*.json"))
    if not journals:
        return []
    undone = []
    try:
        with corpus_lock(corpus_dir, timeout=0.5):
            for journal in journals:
                try:
                    entry = json.loads(journal.read_bytes().decode("utf-8", "surrogateescape"))
                    name, previous = Path(str(entry["name"])).name, entry.get("previous_catalog")
                except (OSError, ValueError, KeyError, TypeError):
                    name, previous = journal.name[len(JOURNAL_PREFIX):-len(".json")], None
                catalog = load_catalog(corpus_dir)
                catalog.pop(name, None)
                if previous is not None and _same_catalog(previous.encode("utf-8", "surrogateescape"), catalog):
                    atomic_write(corpus_dir / CATALOG_NAME, previous.encode("utf-8", "surrogateescape"),
                                 prefix=".catalog.")  # nothing else changed since: its exact bytes back
                elif name in load_catalog(corpus_dir):
                    save_catalog(corpus_dir, catalog)  # others added since: only this upload's entry goes
                _remove(corpus_dir / name)
                _remove(journal)
                undone.append(name)
                log.warning("upload of %s was interrupted before it was confirmed: undone", name)
    except (UploadError, OSError, CatalogError) as exc:
        log.warning("interrupted uploads in %s not undone now: %s", corpus_dir, exc)
    return undone


def _same_catalog(data: bytes, entries: dict) -> bool:
    try:
        previous = json.loads(data.decode("utf-8"))
    except ValueError:
        return False
    return {e.get("file") for e in previous.get("documents", [])} == set(entries)


def _journal(corpus_dir: Path, name: str) -> Path:
    return Path(corpus_dir) / f"{JOURNAL_PREFIX}{name}.json"


def withdraw_upload(corpus_dir: Path, name: str, previous_catalog: bytes | None) -> None:
    """Undo `commit_upload` (used when the index cannot be updated): the file goes, the catalog gets its exact
    previous bytes back. Raises OSError when that cannot be done (the caller logs it and tells the user)."""
    corpus_dir = Path(corpus_dir)
    catalog_path = corpus_dir / CATALOG_NAME
    with corpus_lock(corpus_dir):
        if previous_catalog is None:
            catalog_path.unlink(missing_ok=True)
        else:
            atomic_write(catalog_path, previous_catalog, prefix=".catalog.")
        (corpus_dir / name).unlink(missing_ok=True)
        _remove(_journal(corpus_dir, name))


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.error("could not remove %s after a failed commit: %s", path, exc)


def corpus_mode(corpus_dir: Path) -> int:
    """The permission bits the corpus's documents have (the most common), or 0644 less the umask for an empty
    corpus: an uploaded file is readable by whoever reads the others."""
    modes = Counter()
    for path in document_files(corpus_dir):
        try:
            modes[path.stat().st_mode & 0o777] += 1
        except OSError:
            continue
    return modes.most_common(1)[0][0] if modes else default_mode()


# -- the same content under another name or encoding -------------------------------------------------------------
_WHITESPACE = re.compile(r"\s+")
_fingerprints: dict[tuple, str | None] = {}  # (path, size, mtime, inode) -> fingerprint of an existing corpus file
_fingerprints_guard = threading.Lock()


def content_fingerprint(text: str) -> str:
    """What stays of a text when encoding, line endings, script (Traditional folded to Simplified as the parser
    folds it) and whitespace are set aside."""
    normalised = _WHITESPACE.sub("", fold(text.lstrip("\ufeff")))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def duplicate_of(corpus_dir: Path, fingerprint: str, digest: str | None = None) -> str | None:
    """The name of a corpus file with the same bytes (`digest`) or the same normalised text, or None."""
    for path in document_files(corpus_dir):
        try:
            info = path.stat()
        except OSError:
            continue
        key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
        with _fingerprints_guard:
            known = _fingerprints.get(key, "")
        if known == "":
            try:
                known = content_fingerprint(read_document(path))
            except DocumentError:
                known = None  # an unreadable file duplicates nothing (and is reported where the corpus loads)
            with _fingerprints_guard:
                if len(_fingerprints) > 2000:
                    _fingerprints.clear()
                _fingerprints[key] = known
        if known == fingerprint:
            return path.name
        if digest and info.st_size and known is None:
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                    return path.name
            except OSError:
                continue
    return None


# -- the cross-process lock ---------------------------------------------------------------------------------------
class _Held:
    """One corpus's lock as this process holds it: re-entrant for the thread holding it (confirm takes it around
    commit_upload, which takes it too), exclusive across threads and, through flock, across processes."""

    def __init__(self):
        self.guard = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_held: dict[str, _Held] = {}
_held_guard = threading.Lock()


@contextmanager
def corpus_lock(corpus_dir: Path, timeout: float | None = None):
    """Hold the exclusive lock on `corpus_dir/.lock`; UploadError when another instance keeps it beyond `timeout`
    seconds or the lock file cannot be made. The lock file is removed again when the lock is released, so the
    corpus folder holds only documents and the catalog."""
    path = Path(corpus_dir).resolve() / LOCK_NAME
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    with _held_guard:
        held = _held.setdefault(str(path), _Held())
    deadline = time.monotonic() + timeout
    if not held.guard.acquire(timeout=timeout):
        raise UploadError(BUSY)
    try:
        if held.depth == 0:
            held.fd = _acquire(path, deadline)
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0:
                fd, held.fd = held.fd, None
                try:
                    path.unlink(missing_ok=True)  # while still locked: a waiter then sees the file is gone
                except OSError:
                    pass
                os.close(fd)  # releases the flock
    finally:
        held.guard.release()


def _acquire(path: Path, deadline: float) -> int:
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise UploadError(f"无法在文件库目录中加锁（{write_failure(exc)}），文件未添加") from None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise UploadError(BUSY) from None
                time.sleep(0.05)
        # the holder before us may have removed the file after we opened it: then our lock is on a stale inode
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)
