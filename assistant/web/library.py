"""Adding a document to the corpus: check it, preview what the parser finds, then commit it atomically.

Nothing is written until the user confirms, and a commit that fails half-way is rolled back, so corpus/ and its
catalog are never left with a file the index does not know or a catalog entry without its file.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..documents.catalog import CATALOG_NAME, CatalogEntry, load_catalog, save_catalog
from ..documents.corpus import document_files, parse_bytes
from ..documents.readers import MAX_BYTES, SUPPORTED_SUFFIXES, DocumentError
from ..documents.records import ParsedDocument


class UploadError(Exception):
    """A reason to refuse an upload, in Chinese, for the user."""


@dataclass
class Preview:
    name: str  # the file name it will have in corpus/
    data: bytes
    entry: CatalogEntry
    document: ParsedDocument


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
    """Check an uploaded file and parse it with the catalog fields the user typed; nothing is written."""
    name = safe_name(original_name)
    if Path(name).suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型“{Path(name).suffix or '无扩展名'}”，只支持 .txt、.docx、.pdf")
    if len(data) > MAX_BYTES:
        raise UploadError(f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限")
    corpus_dir = Path(corpus_dir)
    digest = hashlib.sha256(data).hexdigest()
    for existing in document_files(corpus_dir):
        if hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise UploadError(f"文件库中已有内容相同的文件：{existing.name}")
        if existing.name == name:
            raise UploadError(f"文件库中已有同名文件“{name}”，请改名后再上传")
    aliases = [a for a in re.split(r"[，,、\s]+", str(fields.get("city_aliases") or "")) if a]
    entry = CatalogEntry(
        file=name, title=str(fields.get("title") or "").strip(), city=str(fields.get("city") or "").strip(),
        city_aliases=aliases, year=_year(fields.get("year")), issuer=str(fields.get("issuer") or "").strip(),
        doc_no=str(fields.get("doc_no") or "").strip(), date=str(fields.get("date") or "").strip(),
    )
    try:
        document = parse_bytes(name, data, entry if entry.city or entry.year else None)
    except DocumentError as exc:
        raise UploadError(str(exc)) from None
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
    return Preview(name, data, entry, document)


def commit_upload(corpus_dir: Path, preview: Preview) -> bytes | None:
    """Write the file and its catalog entry; on any failure neither stays.

    Returns the catalog file's previous bytes (None if there was none), for `withdraw_upload`.
    """
    corpus_dir = Path(corpus_dir)
    target = corpus_dir / preview.name
    if target.exists():
        raise UploadError(f"文件库中已有同名文件“{preview.name}”")
    catalog_path = corpus_dir / CATALOG_NAME
    previous = catalog_path.read_bytes() if catalog_path.exists() else None
    catalog = load_catalog(corpus_dir)
    fd, tmp = tempfile.mkstemp(dir=corpus_dir, prefix=".upload.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(preview.data)
        os.replace(tmp, target)
        catalog[preview.name] = preview.entry
        save_catalog(corpus_dir, catalog)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        withdraw_upload(corpus_dir, preview.name, previous)
        raise
    return previous


def withdraw_upload(corpus_dir: Path, name: str, previous_catalog: bytes | None) -> None:
    """Undo `commit_upload` (used when the index cannot be updated): the file goes, the catalog gets its exact
    previous bytes back."""
    corpus_dir = Path(corpus_dir)
    catalog_path = corpus_dir / CATALOG_NAME
    if previous_catalog is None:
        catalog_path.unlink(missing_ok=True)
    else:
        fd, tmp = tempfile.mkstemp(dir=corpus_dir, prefix=".catalog.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(previous_catalog)
        os.replace(tmp, catalog_path)
    (corpus_dir / name).unlink(missing_ok=True)
