"""Adding, removing and replacing a document in the corpus: check it, preview what the parser finds, then commit it
atomically.

Nothing is written until the user confirms, and a commit that fails half-way is rolled back, so corpus/ and its
catalog are never left with a file the index does not know or a catalog entry without its file.

Every change (add, remove, replace) first writes a journal, `corpus/.adding-|.removing-|.replacing-<name>.json`,
holding what it takes to restore the corpus exactly: the catalog's previous bytes and, for every file it touches,
that file's previous bytes or "did not exist". The journal goes once the change is confirmed to the user
(`settle_change`); one left by a killed process is undone at the next start (`recover_interrupted`).

Several app instances (or sessions) may share one corpus: a commit and the index update after it run under an
exclusive lock on `corpus/.lock` (fcntl.flock), so two of them cannot both take one name.
"""
from __future__ import annotations

import base64
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
from dataclasses import asdict, dataclass, replace
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
# each change's journal, corpus/<prefix><name>.json (<name>: the document's name before the change)
JOURNAL_PREFIXES = {"add": JOURNAL_PREFIX, "remove": ".removing-", "replace": ".replacing-"}
JOURNAL_VERSION = 2  # version 1 (no "version" key): {"name", "previous_catalog": text or null}, adds only
VERBS = {"add": "添加", "remove": "删除", "replace": "替换"}
LOCK_TIMEOUT = 180.0  # seconds to wait for another instance's commit and index update
BUSY = "另一位用户正在添加文件、更新索引，请稍后再试"
LAST_DOCUMENT = ("这是文件库中唯一的文件，不能删除：文件库为空时无法建立索引。"
                 "可以先添加新文件再删除它，或用“替换”换成新版本")
_ANY = "*"  # a version-1 journal's "after": the upload's file goes, whatever it holds
_FORM_FIELDS = ("title", "city", "city_aliases", "year", "issuer", "doc_no", "date")  # what the upload form asks


class UploadError(Exception):
    """A reason to refuse an upload, a removal or a replacement, in Chinese, for the user."""


@dataclass
class Preview:
    name: str  # the file name it will have in corpus/
    data: bytes
    entry: CatalogEntry
    document: ParsedDocument
    fingerprint: str = ""  # of the normalised text, to refuse the same content under another name or encoding
    replaces: str = ""  # the corpus file this upload is to replace ("" for an upload that adds a document)


@dataclass
class Change:
    """A change written to the corpus but not yet settled: what `undo_change` needs to restore it exactly."""

    action: str  # "add", "remove" or "replace"
    name: str  # the document's file name before the change (an added document: its new name)
    new_name: str | None  # its file name after the change; None when it was removed
    previous_entry: CatalogEntry | None  # its catalog entry before the change (None: it had none, or was added)
    journal: Path
    record: dict  # the journal's content

    @property
    def previous_catalog(self) -> bytes | None:
        """The catalog file's bytes before the change, None when there was none."""
        state = self.record["catalog"]
        return base64.b64decode(state["data"]) if state["existed"] else None


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


def existing_document(corpus_dir: Path, name: str | None) -> Path:
    """The corpus file `name` names. UploadError unless `name` is the plain name of a document in the corpus: a
    path (../x, a/b) or the catalog never gets past here, so a removal or a replacement stays inside corpus/."""
    name = str(name or "")
    if not name:
        raise UploadError("请先选择文件")
    if not _plain(name):
        raise UploadError(f"文件名“{name}”无效，只能是文件库中的文件名")
    if name not in {p.name for p in document_files(corpus_dir)}:
        raise UploadError(f"文件库中没有文件“{name}”")
    return Path(corpus_dir) / name


def _plain(name: str) -> bool:
    """A name that can only mean a file directly in corpus/, and no hidden file (journal, lock) or the catalog."""
    return (isinstance(name, str) and bool(name) and name == Path(name).name and not name.startswith(".")
            and not {"/", "\\", "\x00"} & set(name) and name != CATALOG_NAME)


def preview_upload(corpus_dir: Path, original_name: str, data: bytes, fields: dict,
                   replacing: str | None = None) -> Preview:
    """Check an uploaded file and parse it with the catalog fields the user typed; nothing is written.

    `replacing`: the corpus file the upload is to replace. Its name may then be taken (the replacement keeps it when
    the suffix is the same), its catalog entry is kept (a field typed in the form wins), and the content must differ
    from it and from every other file.

    The file is read and parsed in a worker process (`documents.sandbox`), with a time and a memory limit: a file
    that would take minutes or gigabytes is refused, and the server keeps neither."""
    corpus_dir = Path(corpus_dir)
    old = existing_document(corpus_dir, replacing) if replacing is not None else None
    name = safe_name(original_name)
    if Path(name).suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型“{Path(name).suffix or '无扩展名'}”，只支持 .txt、.docx、.pdf、.xlsx")
    if len(data) > MAX_BYTES:
        raise UploadError(f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限")
    if old is not None and Path(name).suffix == old.suffix.lower():
        name = old.name  # the document keeps its file name: citations and bookmarks to it stay valid
    aliases = [a for a in re.split(r"[，,、\s]+", str(fields.get("city_aliases") or "")) if a]
    entry = CatalogEntry(
        file=name, title=str(fields.get("title") or "").strip(), city=str(fields.get("city") or "").strip(),
        city_aliases=aliases, year=_year(fields.get("year")), issuer=str(fields.get("issuer") or "").strip(),
        doc_no=str(fields.get("doc_no") or "").strip(), date=str(fields.get("date") or "").strip(),
    )
    if old is not None:
        try:
            entry = _keep_catalog_fields(load_catalog(corpus_dir).get(old.name), entry)
        except CatalogError as exc:
            raise UploadError(f"{exc}。请先修正目录文件") from None
    try:
        document, fingerprint = sandbox.run(read_upload, name, data, entry if entry.city or entry.year else None)
    except (DocumentError, SandboxError) as exc:
        raise UploadError(str(exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    if old is not None and _same_content(old, fingerprint, digest):
        raise UploadError(f"新文件与“{old.name}”的内容相同，无需替换")
    existing = duplicate_of(corpus_dir, fingerprint, digest, skip=replacing)
    if existing:
        raise UploadError(f"文件库中已有内容相同的文件：{existing}")
    if (corpus_dir / name).exists() and name != replacing:
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
    return Preview(name, data, entry, document, fingerprint, replaces=replacing or "")


def _keep_catalog_fields(old: CatalogEntry | None, typed: CatalogEntry) -> CatalogEntry:
    """A replacement keeps what staff wrote in the catalog about the plan (its place, display name, office aliases
    and so on): a new version of a plan is still that plan. A field typed in the upload form wins."""
    if old is None:
        return typed
    kept = replace(old, file=typed.file, city_aliases=list(old.city_aliases), office_aliases=dict(old.office_aliases),
                   office_distinct=list(old.office_distinct), added="", added_by="")
    for field_name in _FORM_FIELDS:
        if getattr(typed, field_name):
            setattr(kept, field_name, getattr(typed, field_name))
    return kept


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


# -- the three changes ---------------------------------------------------------------------------------------------
def commit_upload(corpus_dir: Path, preview: Preview) -> bytes | None:
    """Write the file and its catalog entry, under the corpus lock; on any failure neither stays (no file, no
    temporary file, the catalog's bytes unchanged). A name or content another instance added since the preview is
    refused; a write that fails (a full disk, no permission) is an UploadError saying so.

    Returns the catalog file's previous bytes (None if there was none), for `withdraw_upload`.
    """
    return add_document(corpus_dir, preview).previous_catalog


def add_document(corpus_dir: Path, preview: Preview) -> Change:
    """`commit_upload`, returning the `Change` for `undo_change` / `settle_change`."""
    if preview.replaces:
        raise UploadError(f"这是替换“{preview.replaces}”的预览，请用“确认替换”")
    corpus_dir = Path(corpus_dir)
    with corpus_lock(corpus_dir):
        if (corpus_dir / preview.name).exists():
            raise UploadError(f"文件库中已有同名文件“{preview.name}”（可能是刚由别人添加的），请改名后再上传")
        if preview.fingerprint:
            existing = duplicate_of(corpus_dir, preview.fingerprint, hashlib.sha256(preview.data).hexdigest())
            if existing:
                raise UploadError(f"文件库中已有内容相同的文件：{existing}")
        preview.entry.added = _now()
        return _apply(corpus_dir, "add", preview.name, {preview.name: preview.data}, {preview.name: preview.entry})


def remove_document(corpus_dir: Path, name: str) -> Change:
    """Delete a document's file and its catalog entry, under the corpus lock and journaled; on any failure both
    stay as they were. The last document is refused: an empty corpus cannot be indexed (the BM25 index of no
    passage fails), so the app would no longer start."""
    corpus_dir = Path(corpus_dir)
    existing_document(corpus_dir, name)  # a bad name is refused before waiting for the lock
    with corpus_lock(corpus_dir):
        existing_document(corpus_dir, name)
        if not [p for p in document_files(corpus_dir) if p.name != name and p.suffix.lower() in SUPPORTED_SUFFIXES]:
            raise UploadError(LAST_DOCUMENT)
        return _apply(corpus_dir, "remove", name, {name: None}, {name: None})


def replace_document(corpus_dir: Path, name: str, preview: Preview) -> Change:
    """Put the previewed file (`preview_upload(..., replacing=name)`) in the place of `name`, under the corpus lock
    and journaled: with the same suffix it keeps the name, otherwise it gets its own and the old file goes. Its
    catalog entry keeps the staff's fields, with `added` now. What changed since the preview is checked again."""
    corpus_dir = Path(corpus_dir)
    if preview.replaces != name:
        raise UploadError(f"这份预览不是用来替换“{name}”的，请重新预览")
    existing_document(corpus_dir, name)
    with corpus_lock(corpus_dir):
        old = existing_document(corpus_dir, name)
        if preview.name != name and (corpus_dir / preview.name).exists():
            raise UploadError(f"文件库中已有同名文件“{preview.name}”（可能是刚由别人添加的），请改名后再上传")
        digest = hashlib.sha256(preview.data).hexdigest()
        if _same_content(old, preview.fingerprint, digest):
            raise UploadError(f"新文件与“{name}”的内容相同，无需替换")
        existing = duplicate_of(corpus_dir, preview.fingerprint, digest, skip=name)
        if existing:
            raise UploadError(f"文件库中已有内容相同的文件：{existing}")
        preview.entry.file, preview.entry.added = preview.name, _now()
        writes: dict[str, bytes | None] = {preview.name: preview.data}
        entries: dict[str, CatalogEntry | None] = {preview.name: preview.entry}
        if preview.name != name:
            writes[name], entries[name] = None, None
        return _apply(corpus_dir, "replace", name, writes, entries, new_name=preview.name)


def settle_change(corpus_dir: Path, change: Change) -> None:
    """The change is confirmed to the user (its index is published): drop its journal, so it stays."""
    _remove(change.journal)


def undo_change(corpus_dir: Path, change: Change) -> None:
    """Undo a change not yet settled (used when the index cannot be updated): every file it touched and the
    catalog get their exact previous bytes back, and its journal goes. Raises OSError (or UploadError, CatalogError)
    when that cannot be done; the journal then stays, so the next start finishes the undo."""
    with corpus_lock(Path(corpus_dir)):
        _restore(Path(corpus_dir), change.record)
        _remove(change.journal)


def settle_upload(corpus_dir: Path, name: str) -> None:
    """The upload is confirmed to the user (its index is published): drop its journal, so it stays."""
    _remove(_journal(Path(corpus_dir), name))


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


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def _apply(corpus_dir: Path, action: str, name: str, writes: dict[str, bytes | None],
           entries: dict[str, CatalogEntry | None], new_name: str | None = None) -> Change:
    """Journal, then write the files, the catalog, and only then delete (so a failure before the last step needs no
    rewrite of a deleted file). On any failure what was written is restored and the journal goes. Under the lock.

    `writes`: file name -> its new bytes, or None to delete it; `entries`: file name -> its new entry, or None."""
    if not all(_plain(file) for file in [name, *writes]):
        raise UploadError(f"文件名“{name}”无效，只能是文件库中的文件名")
    journal = corpus_dir / f"{JOURNAL_PREFIXES[action]}{name}.json"
    if journal.exists():
        raise UploadError(f"上次对“{name}”的改动被中断，尚未撤回，请重启程序后再试")
    record = None
    try:
        catalog = load_catalog(corpus_dir)
        previous_entry = catalog.get(name)
        record = _record(corpus_dir, action, name, writes)
        # the journal first: a process killed from here until `settle_change` is undone at the next start
        atomic_write(journal, json.dumps(record).encode("ascii"), prefix=".journal.")
        mode = corpus_mode(corpus_dir)
        for file, data in writes.items():
            if data is not None:
                target = corpus_dir / file
                atomic_write(target, data, mode=None if target.exists() else mode, prefix=".upload.")
        for file, entry in entries.items():
            if entry is None:
                catalog.pop(file, None)
            else:
                catalog[file] = entry
        save_catalog(corpus_dir, catalog)  # atomic: on failure the old catalog stays, its temporary file goes
        for file, data in writes.items():
            if data is None:
                (corpus_dir / file).unlink()
    except BaseException as exc:
        if record is not None:
            _roll_back(corpus_dir, record, journal)
        refusal = _refusal(exc, action, name, corpus_dir)
        if refusal is None:
            raise
        raise refusal from None
    new = None if action == "remove" else (new_name or name)
    return Change(action, name, new, previous_entry if action != "add" else None, journal, record)


def _refusal(exc: BaseException, action: str, name: str, corpus_dir: Path) -> UploadError | None:
    """The user's reason for a change that failed while writing, or None for a failure that is no refusal."""
    verb = VERBS[action]
    if isinstance(exc, OSError):
        log.warning("%s of %s in %s failed: %s", action, name, corpus_dir, exc)
        return UploadError(f"{write_failure(exc)}，文件未{verb}，文件库保持原样。请处理后再试。")
    if isinstance(exc, CatalogError):
        return UploadError(f"{exc}，文件未{verb}。请先修正目录文件")
    return None


def _roll_back(corpus_dir: Path, record: dict, journal: Path) -> None:
    """Restore what a failed change wrote; when even that fails the journal stays for the next start."""
    try:
        _restore(corpus_dir, record)
    except (OSError, CatalogError) as exc:
        log.error("could not roll back %s of %s in %s (the journal %s stays, for the next start): %s",
                  record["action"], record["name"], corpus_dir, journal.name, exc)
        return
    _remove(journal)


# -- the journal -----------------------------------------------------------------------------------------------------
def _record(corpus_dir: Path, action: str, name: str, writes: dict[str, bytes | None]) -> dict:
    """The journal of a change: the catalog and every file it touches as they are now, and what the change will
    leave in each file (its SHA-256, or None for a deletion) so a later change by someone else is told apart."""
    files = {file: {**_state(corpus_dir / file), "after": None if data is None else _sha(data)}
             for file, data in writes.items()}
    return {"version": JOURNAL_VERSION, "action": action, "name": name, "pid": os.getpid(),
            "host": socket.gethostname(), "created": time.time(), "catalog": _state(corpus_dir / CATALOG_NAME),
            "files": files}


def _state(path: Path) -> dict:
    """A file as it is now, to be put back exactly: its bytes (base64) and mode, or that it did not exist."""
    try:
        data = path.read_bytes()
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return {"existed": False}
    return {"existed": True, "data": base64.b64encode(data).decode("ascii"), "mode": mode}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _digest(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, None when it does not exist."""
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return None


def _before(state: dict) -> bytes | None:
    return base64.b64decode(state["data"]) if state["existed"] else None


def _restore(corpus_dir: Path, record: dict) -> None:
    """Put the files and the catalog a change touched back as its journal recorded them. A file written since by
    another change (holding neither its old bytes nor what this change left) keeps that, and its catalog entry too;
    the catalog gets its exact previous bytes back when nothing else in it changed since, otherwise only the
    entries of the files put back return to what they were."""
    files = record["files"]
    ours = {file for file, state in files.items() if _ours(corpus_dir / file, state)}
    for file in sorted(ours):
        _put_back(corpus_dir / file, files[file])
    _restore_catalog(corpus_dir, record.get("catalog"), set(files), ours)


def _ours(path: Path, state: dict) -> bool:
    after = state.get("after", _ANY)
    current = _digest(path)
    before = _before(state)
    return after == _ANY or current == after or current == (None if before is None else _sha(before))


def _put_back(path: Path, state: dict) -> None:
    before = _before(state)
    if before is None:
        path.unlink(missing_ok=True)
    elif _digest(path) != _sha(before):
        atomic_write(path, before, mode=state.get("mode"), prefix=".restore.")


def _restore_catalog(corpus_dir: Path, saved: dict | None, touched: set[str], ours: set[str]) -> None:
    """`saved`: the catalog's journaled state; None when unknown (a damaged version-1 journal)."""
    path = corpus_dir / CATALOG_NAME
    current = path.read_bytes() if path.exists() else None
    before: dict[str, dict] = {}
    if saved is not None:
        previous = _before(saved)
        if current == previous:
            return
        if ours == touched and _raw_entries(previous, touched) == _raw_entries(current, touched):
            if previous is None:
                path.unlink()
            else:
                atomic_write(path, previous, prefix=".catalog.")  # nothing else changed since: its exact bytes
            return
        before = _raw_entries(previous)
    entries = _raw_entries(current)
    merged = dict(entries)
    for file in ours:  # others changed the catalog since: only this change's entries go back
        if file in before:
            merged[file] = before[file]
        else:
            merged.pop(file, None)
    if merged != entries:
        save_catalog(corpus_dir, {file: CatalogEntry(**entry) for file, entry in merged.items()})


def _raw_entries(data: bytes | None, leave_out: set[str] = frozenset()) -> dict[str, dict]:
    """A catalog's entries (file -> all fields, defaults filled in, so a hand-written catalog and the same one
    saved by the app compare equal), without those of `leave_out`."""
    if data is None:
        return {}
    try:
        documents = json.loads(data.decode("utf-8")).get("documents", [])
        entries = {entry.file: asdict(entry) for entry in (CatalogEntry(**item) for item in documents)}
    except (ValueError, AttributeError, TypeError) as exc:
        raise CatalogError(f"目录文件 {CATALOG_NAME} 格式错误：{exc}") from None
    return {file: entry for file, entry in entries.items() if file not in leave_out}


def recover_interrupted(corpus_dir: Path) -> list[str]:
    """Undo every change a killed process left half-done (a journal without its settle), newest first: each file it
    touched and the catalog get back what the journal recorded, so a change the user never saw confirmed never
    goes live. Only while no other instance holds the corpus lock (one committing right now keeps its journal).
    Journals of the first format (`.adding-<name>.json` with the catalog's text) are undone too. Returns the names
    of the documents whose change was undone."""
    corpus_dir = Path(corpus_dir)
    if not _journals(corpus_dir):
        return []
    undone = []
    try:
        with corpus_lock(corpus_dir, timeout=0.5):
            records = [(journal, _read_journal(journal)) for journal in _journals(corpus_dir)]
            for journal, record in sorted(records, key=lambda item: -_created(item[1])):
                if record is None:
                    log.error("journal %s cannot be read: left for an administrator to check", journal)
                    continue
                _restore(corpus_dir, record)
                _remove(journal)
                undone.append(record["name"])
                log.warning("%s of %s was interrupted before it was confirmed: undone", record["action"],
                            record["name"])
    except (UploadError, OSError, CatalogError) as exc:
        log.warning("interrupted changes in %s not undone now: %s", corpus_dir, exc)
    return undone


def _created(record: dict | None) -> float:
    try:
        return float((record or {}).get("created") or 0)
    except (TypeError, ValueError):
        return 0.0


def _journals(corpus_dir: Path) -> list[Path]:
    return sorted(p for prefix in JOURNAL_PREFIXES.values() for p in corpus_dir.glob(f"{prefix}*.json"))


def _read_journal(journal: Path) -> dict | None:
    """A journal's record (a version-1 one converted), or None when it cannot be trusted to restore anything."""
    try:
        data = json.loads(journal.read_bytes().decode("utf-8", "surrogateescape"))
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("version") == JOURNAL_VERSION:
        record = data
    elif journal.name.startswith(JOURNAL_PREFIX):
        record = _version_1(journal, data if isinstance(data, dict) else None)
    else:
        return None
    try:
        valid = all(_plain(file) for file in [record["name"], *record["files"]])
    except (KeyError, TypeError):
        return None
    return record if valid else None


def _version_1(journal: Path, data: dict | None) -> dict:
    """A first-format `.adding-` journal as a record: the upload's file goes whatever it holds; the catalog gets its
    previous text back (unknown when the journal is damaged: then only the upload's entry goes)."""
    if data is not None and "name" in data:
        name = Path(str(data["name"])).name
        previous = data.get("previous_catalog")
        catalog = ({"existed": False} if previous is None else
                   {"existed": True, "data": base64.b64encode(str(previous).encode("utf-8", "surrogateescape"))
                    .decode("ascii")})
    else:
        name, catalog = journal.name[len(JOURNAL_PREFIX):-len(".json")], None
    created = (data or {}).get("created") or 0
    return {"version": 1, "action": "add", "name": name, "created": created, "catalog": catalog,
            "files": {name: {"existed": False, "after": _ANY}}}


def _journal(corpus_dir: Path, name: str) -> Path:
    return Path(corpus_dir) / f"{JOURNAL_PREFIX}{name}.json"


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


def duplicate_of(corpus_dir: Path, fingerprint: str, digest: str | None = None, skip: str | None = None) -> str | None:
    """The name of a corpus file with the same bytes (`digest`) or the same normalised text, or None. `skip`: a
    file not to compare with (the one a replacement takes the place of)."""
    for path in document_files(corpus_dir):
        if path.name != skip and _same_content(path, fingerprint, digest):
            return path.name
    return None


def _same_content(path: Path, fingerprint: str, digest: str | None) -> bool:
    """Whether a corpus file has the same normalised text, or (an unreadable file) the same bytes."""
    try:
        info = path.stat()
    except OSError:
        return False
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
        return True
    if digest and info.st_size and known is None:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest() == digest
        except OSError:
            return False
    return False


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
