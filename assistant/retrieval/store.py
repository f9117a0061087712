"""Reading and writing a built index folder, atomically and verifiably.

Layout: `index/CURRENT` names the live build folder (`index/build-…`). A build is written completely into a new
folder, every file's SHA-256 goes into its manifest, and only then is CURRENT replaced (an atomic rename), so a
reader sees either the old index or the new one, never half of one. A file that does not match its checksum, a
missing file or a manifest that cannot be read makes the index invalid: it is reported and rebuilt, never served.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import faiss
import numpy as np

from ..documents.records import JSON_KEYS, Record
from .tokenize import TOKENIZER_VERSION

FORMAT_VERSION = 1
POINTER = "CURRENT"
_FILES = ("records.jsonl", "chunks.jsonl", "documents.json", "userwords.txt", "vectors.npy", "dense.faiss")


class IndexInvalid(Exception):
    """The stored index cannot be used; the message says why (for logs and the user)."""


@dataclass
class DocumentInfo:
    """What search needs to know of a document without re-reading the corpus."""

    file: str
    sha256: str
    city: str | None  # None when the plan's place is unknown: such a plan is searched only without a place filter
    city_names: list[str]
    year: int | None
    title: str
    display_city: str  # how answers name the city: 遂宁市, or xx市（温州） for the anonymised plan
    aliases: dict[str, str] = field(default_factory=dict)  # office written form -> canonical
    alias_decisions: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    issuer: str = ""
    doc_no: str = ""
    date: str = ""
    place: str | None = None  # with its suffix: 崇明区
    level: str | None = None  # province / city / district / county
    region: str | None = None  # the parent place, when printed


@dataclass
class Chunk:
    record: int  # position in IndexData.records
    field: str  # field name, or "标题" for the record's header
    text: str  # verbatim (original script); the header chunk holds the record's context line instead


@dataclass
class IndexData:
    model_id: str
    dim: int
    parser_version: str
    documents: dict[str, DocumentInfo]
    records: list[Record]
    chunks: list[Chunk]
    vectors: np.ndarray  # (len(chunks), dim) float32, L2-normalised
    dense: faiss.Index
    bm25: bm25s.BM25
    user_words: list[str]
    path: Path | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _all_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "manifest.json")


def write_index(root: Path, data: IndexData) -> Path:
    """Write `data` as a new build folder under `root` and make it the live one."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    build = root / f"build-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
    staging = root / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        _write_files(staging, data)
        manifest = {
            "format": FORMAT_VERSION,
            "model_id": data.model_id,
            "dim": data.dim,
            "parser_version": data.parser_version,
            "tokenizer_version": TOKENIZER_VERSION,
            "documents": {f: d.sha256 for f, d in data.documents.items()},
            "counts": {"records": len(data.records), "chunks": len(data.chunks)},
            "files": {str(p.relative_to(staging)): _sha256(p) for p in _all_files(staging)},
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(staging, build)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _point_to(root, build.name)
    _remove_old_builds(root, keep={build.name})
    data.path = build
    return build


def _write_files(folder: Path, data: IndexData) -> None:
    with open(folder / "records.jsonl", "w", encoding="utf-8") as fh:
        for record in data.records:
            fh.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    with open(folder / "chunks.jsonl", "w", encoding="utf-8") as fh:
        for chunk in data.chunks:
            fh.write(json.dumps([chunk.record, chunk.field, chunk.text], ensure_ascii=False) + "\n")
    documents = {f: d.__dict__ for f, d in data.documents.items()}
    (folder / "documents.json").write_text(json.dumps(documents, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "userwords.txt").write_text("\n".join(data.user_words) + "\n", encoding="utf-8")
    np.save(folder / "vectors.npy", data.vectors, allow_pickle=False)
    faiss.write_index(data.dense, str(folder / "dense.faiss"))
    data.bm25.save(str(folder / "bm25"), show_progress=False)


def _point_to(root: Path, name: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".CURRENT.")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, root / POINTER)
    except BaseException:  # a full disk: the old pointer stays, no temporary file is left
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_old_builds(root: Path, keep: set[str]) -> None:
    """Keep the new build and the one before it (a reader may still be loading that one)."""
    builds = sorted((p for p in root.glob("build-*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
    for old in builds[:-2]:
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in root.glob(".staging-*"):
        if time.time() - leftover.stat().st_mtime > 3600:
            shutil.rmtree(leftover, ignore_errors=True)


_BUILD_NAME = re.compile(r"build-[0-9A-Za-z_-]{1,80}")


def live_build(root: Path) -> Path:
    """The folder CURRENT names. A pointer that is missing, empty, unreadable, not UTF-8, not a build name, or names
    a folder that is not there raises IndexInvalid, like a missing one: the index is rebuilt, never a crash."""
    pointer = Path(root) / POINTER
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        raise IndexInvalid("索引尚未建立") from None
    except OSError as exc:
        raise IndexInvalid(f"索引指针 {POINTER} 无法读取（{exc.strerror or type(exc).__name__}）") from None
    try:
        name = raw[:4096].decode("utf-8").strip()
    except UnicodeDecodeError:
        raise IndexInvalid(f"索引指针 {POINTER} 已损坏（不是有效的文字）") from None
    if not name:
        raise IndexInvalid(f"索引指针 {POINTER} 是空的")
    if not _BUILD_NAME.fullmatch(name):
        raise IndexInvalid(f"索引指针 {POINTER} 已损坏（内容不是索引目录名）")
    folder = Path(root) / name
    if not folder.is_dir():
        raise IndexInvalid(f"索引指针指向不存在的目录“{name}”")
    return folder


def builds(root: Path) -> list[Path]:
    """Every complete build folder under `root`, newest first (staging folders are never listed)."""
    try:
        found = [p for p in Path(root).iterdir() if _BUILD_NAME.fullmatch(p.name) and p.is_dir()]
    except OSError:
        return []

    def age(p: Path) -> tuple[float, str]:
        try:
            return p.stat().st_mtime, p.name
        except OSError:
            return 0.0, p.name
    return sorted(found, key=age, reverse=True)


def read_last_good(root: Path, model_id: str | None = None) -> IndexData:
    """The live build when it is valid, otherwise the newest build folder that verifies (and was made by
    `model_id`, when given): what can still be served when the index cannot be rebuilt. IndexInvalid when none."""
    candidates: list[Path] = []
    try:
        candidates.append(live_build(root))
    except IndexInvalid:
        pass
    candidates += [b for b in builds(root) if b not in candidates]
    reasons = []
    for folder in candidates:
        try:
            data = _read_build(root, folder)
        except IndexInvalid as exc:
            reasons.append(f"{folder.name}：{exc}")
            continue
        if model_id is not None and data.model_id != model_id:
            reasons.append(f"{folder.name}：向量模型不同")
            continue
        return data
    raise IndexInvalid("没有可用的索引" + (f"：{'；'.join(reasons)}" if reasons else ""))


def check_writable(root: Path) -> None:
    """Raise OSError now when a build could not be written under `root` (a read-only folder, a full disk), before
    minutes are spent embedding."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    probe = Path(tempfile.mkdtemp(dir=root, prefix=".staging-probe-"))
    probe.rmdir()


def read_manifest(root: Path) -> dict:
    return _manifest(live_build(root))


def _manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError):
        raise IndexInvalid("索引清单（manifest.json）缺失或损坏") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise IndexInvalid("索引清单（manifest.json）缺失或损坏")
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexInvalid("索引格式版本不同")
    return manifest


def read_index(root: Path, attempts: int = 3) -> IndexData:
    """Load and verify the live index; raise IndexInvalid with the reason when anything is off.

    A build published while we read may prune the folder we were reading; then CURRENT names a newer build and
    reading starts again from it.
    """
    for _ in range(attempts - 1):
        folder = live_build(root)
        try:
            return _read_build(root, folder)
        except IndexInvalid:
            if live_build(root) == folder:
                raise
    return _read_build(root, live_build(root))


def _read_build(root: Path, folder: Path) -> IndexData:
    manifest = _manifest(folder)
    expected = manifest.get("files", {})
    for name in _FILES:
        if name not in expected:
            raise IndexInvalid(f"索引清单缺少 {name}")
    try:
        present = {str(p.relative_to(folder)) for p in _all_files(folder)}
        for name, digest in expected.items():
            if name not in present:
                raise IndexInvalid(f"索引文件 {name} 缺失")
            if _sha256(folder / name) != digest:
                raise IndexInvalid(f"索引文件 {name} 已损坏（校验和不符）")
    except OSError as exc:
        raise IndexInvalid(f"索引文件无法读取（{exc.strerror or type(exc).__name__}）") from None
    try:
        records = [Record(**{k: v for k, v in json.loads(line).items() if k in JSON_KEYS})
                   for line in (folder / "records.jsonl").read_text(encoding="utf-8").splitlines()]
        chunks = [Chunk(*json.loads(line)) for line in (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
        documents = {f: DocumentInfo(**d) for f, d in
                     json.loads((folder / "documents.json").read_text(encoding="utf-8")).items()}
        user_words = [w for w in (folder / "userwords.txt").read_text(encoding="utf-8").splitlines() if w]
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
        dense = faiss.read_index(str(folder / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(folder / "bm25"))
    except Exception as exc:  # checksums matched, so this is a format problem: report, never serve
        raise IndexInvalid(f"索引无法读取（{type(exc).__name__}）") from None
    try:
        dim = int(manifest["dim"])
        counts_match = len(records) == manifest["counts"]["records"]
        model_id, parser_version = str(manifest["model_id"]), str(manifest["parser_version"])
    except (KeyError, TypeError, ValueError):
        raise IndexInvalid("索引清单（manifest.json）缺少必要的项") from None
    if vectors.shape != (len(chunks), dim) or dense.ntotal != len(chunks) or not counts_match:
        raise IndexInvalid("索引各部分的条数不一致")
    return IndexData(model_id, dim, parser_version, documents, records, chunks, vectors, dense, bm25, user_words,
                     folder)
