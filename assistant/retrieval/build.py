"""Build the search index from the parsed corpus, reusing stored vectors of documents that did not change.

A document's vectors are reused when its file bytes, its catalog entry, the embedding model and the parser version
are all the same as when they were computed; everything else is embedded again.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bm25s
import faiss
import numpy as np
from tqdm import tqdm

from ..documents.catalog import CatalogEntry
from ..documents.corpus import Corpus
from .embedders import Embedder
from ..documents.normalize import fold
from ..documents.parser import PARSER_VERSION
from .passages import HEADER, bm25_text, context, sentences
from ..documents.records import ParsedDocument, place_name
from .store import (Chunk, DocumentInfo, IndexData, IndexInvalid, check_writable, read_last_good, read_manifest,
                    write_index)
from .tokenize import TOKENIZER_VERSION, Tokenizer, quoted_terms

BATCH = 16


@dataclass
class BuildReport:
    reason: str
    embedded: int = 0  # passages embedded in this build
    reused: int = 0  # passages whose stored vectors were reused
    embedded_documents: list[str] = field(default_factory=list)
    seconds: float = 0.0


def document_sha(corpus: Corpus, document: ParsedDocument) -> str:
    """Identity of a document's content: its bytes and its catalog entry (city or year edits change records)."""
    entry = corpus.catalog.get(document.file)
    digest = hashlib.sha256((corpus.directory / document.file).read_bytes())
    digest.update(json.dumps(asdict(entry) if entry else {}, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


def display_city(document: ParsedDocument, entry: CatalogEntry | None) -> str:
    """How answers name the plan's place: 遂宁市, 崇明区, 浙江省; an anonymised plan keeps its printed name with the
    real city: xx市（温州）; "" when the place is unknown."""
    return entry.display_name if entry and entry.display_name else (document.place or "")


def city_names(document: ParsedDocument, entry: CatalogEntry | None) -> list[str]:
    """The names a question may use for the plan's place; none (never "") when the place is unknown."""
    names = entry.city_names if entry and entry.city_names else [document.city or "", document.place or ""]
    return [n for n in dict.fromkeys(names) if n and n.strip()]


def staleness(corpus: Corpus, model_id: str, root: Path) -> str | None:
    """Why the stored index does not fit this corpus and model, or None when it does."""
    try:
        manifest = read_manifest(root)
    except IndexInvalid as exc:
        return str(exc)
    if manifest.get("model_id") != model_id:
        return "向量模型已更换"
    if manifest.get("parser_version") != PARSER_VERSION:
        return "解析程序已更新"
    if manifest.get("tokenizer_version") != TOKENIZER_VERSION:
        return "检索分词已更新"
    stored = manifest.get("documents", {})
    current = {d.file: document_sha(corpus, d) for d in corpus.documents}
    if stored != current:
        changed = sorted(set(stored) ^ set(current) | {f for f in current if f in stored and stored[f] != current[f]})
        return "文件有变动：" + "、".join(changed)
    return None


def _user_words(corpus: Corpus) -> list[str]:
    words = set()
    for document in corpus.documents:
        entry = corpus.catalog.get(document.file)
        words.update(city_names(document, entry))
        for record in document.records:
            words.update(record.lead_offices + record.responsible_offices + record.cooperating_offices)
            words.update(quoted_terms(record.title + " " + " ".join(record.fields.values())))
    return sorted(w for w in words if 2 <= len(w) <= 16)


def build_index(corpus: Corpus, embedder: Embedder, root: Path, reason: str = "重建索引",
                progress: bool = True) -> tuple[IndexData, BuildReport]:
    started = time.perf_counter()
    report = BuildReport(reason)
    check_writable(root)  # a read-only or full index folder fails now, not after the embedding
    old = _reusable(root, embedder)
    records, chunks, documents = [], [], {}
    vector_rows: list[np.ndarray | None] = []
    pending: list[str] = []  # texts to embed, in the order of the empty rows of vector_rows
    for document in corpus.documents:
        entry = corpus.catalog.get(document.file)
        sha = document_sha(corpus, document)
        documents[document.file] = _document_info(corpus, document, entry, sha)
        doc_chunks, doc_texts = [], []
        for record in document.records:
            place = place_name(display_city(document, entry), record.year, record.kind)
            position = len(records)
            records.append(record)
            doc_chunks.append(Chunk(position, HEADER, context(record, place)))
            doc_texts.append(context(record, place))
            for sentence in sentences(record):
                doc_chunks.append(Chunk(position, sentence.field, sentence.text))
                doc_texts.append(fold(sentence.text))
        stored_sha, stored_chunks, stored_vectors = old.get(document.file, ("", [], []))
        if stored_sha == sha and [c.text for c in stored_chunks] == [c.text for c in doc_chunks]:
            vector_rows.extend(stored_vectors)
            report.reused += len(doc_chunks)
        else:
            pending.extend(doc_texts)
            vector_rows.extend([None] * len(doc_chunks))
            report.embedded_documents.append(document.file)
        chunks.extend(doc_chunks)
    _embed_pending(embedder, vector_rows, pending, progress)
    report.embedded = len(pending)
    vectors = np.vstack(vector_rows).astype(np.float32) if vector_rows else np.zeros((0, embedder.dim), np.float32)
    dense = faiss.IndexFlatIP(embedder.dim)
    dense.add(vectors)
    user_words = _user_words(corpus)
    tokenizer = Tokenizer(user_words)
    bm25 = bm25s.BM25()
    bm25.index([tokenizer.tokens(bm25_text(r, "")) or ["∅"] for r in records], show_progress=False)
    data = IndexData(embedder.model_id, embedder.dim, PARSER_VERSION, documents, records, chunks, vectors, dense,
                     bm25, user_words)
    write_index(root, data)
    report.seconds = time.perf_counter() - started
    return data, report


def _embed_pending(embedder: Embedder, rows: list, texts: list[str], progress: bool) -> None:
    slots = [i for i, row in enumerate(rows) if row is None]
    bar = tqdm(total=len(texts), desc="嵌入向量", unit="段", disable=not progress or not texts, file=sys.stderr)
    for start in range(0, len(texts), BATCH):
        batch = texts[start:start + BATCH]
        vectors = embedder.encode_passages(batch)
        for offset, vector in enumerate(vectors):
            rows[slots[start + offset]] = vector
        bar.update(len(batch))
    bar.close()


def _reusable(root: Path, embedder: Embedder) -> dict[str, tuple[str, list[Chunk], list[np.ndarray]]]:
    """Per document: (content hash, stored chunks, their vectors), from the live build or, when CURRENT is damaged,
    the newest build folder that verifies, made by the same model and parser; nothing otherwise."""
    try:
        old = read_last_good(root, embedder.model_id)
    except IndexInvalid:
        return {}
    if old.model_id != embedder.model_id or old.parser_version != PARSER_VERSION:
        return {}
    out = {}
    for file, info in old.documents.items():
        positions = [i for i, c in enumerate(old.chunks) if old.records[c.record].doc == file]
        out[file] = (info.sha256, [old.chunks[i] for i in positions], [old.vectors[i] for i in positions])
    return out


def _document_info(corpus: Corpus, document: ParsedDocument, entry: CatalogEntry | None, sha: str) -> DocumentInfo:
    table = corpus.aliases[document.file]
    return DocumentInfo(
        file=document.file, sha256=sha, city=document.city,
        city_names=city_names(document, entry),
        year=document.year, title=document.title,
        display_city=display_city(document, entry),
        aliases={d.alias: table.canonical(d.alias) for d in table.decisions if d.source != "ambiguous"},
        alias_decisions=[asdict(d) for d in table.decisions],
        warnings=document.warnings,
        issuer=(entry.issuer if entry else "") or document.issuer or "", doc_no=entry.doc_no if entry else "",
        date=entry.date if entry else "", place=document.place, level=document.level, region=document.region,
    )
