"""What gets indexed for each record: the sentences it quotes from, and the texts the embedder and BM25 see.

Dense vectors are computed per sentence (plus one short header per record), so the best-matching sentence is
known for free and becomes the evidence quote; a record scores as its best sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.normalize import fold
from ..documents.records import Record

_SENTENCE = re.compile(r"[^。；;！？!?\n]+(?:[。；;！？!?]+[”’」』]?|$)")
HEADER = "标题"  # field name of the chunk that holds a record's context line (plan, section, title)
MIN_SENTENCE = 12  # shorter pieces are merged with the next, so a chunk carries enough meaning to embed


@dataclass(frozen=True)
class Sentence:
    field: str  # the field it comes from ("标题" for the title line)
    text: str  # verbatim, original script


def sentences(record: Record) -> list[Sentence]:
    """The record's quotable sentences, in order: split on 。；！？ and line breaks, short pieces merged."""
    out: list[Sentence] = []
    for name, value in record.fields.items():
        pending = ""
        for m in _SENTENCE.finditer(value):
            piece = m.group(0).strip()
            if not piece:
                continue
            pending += piece
            if len(pending) >= MIN_SENTENCE:
                out.append(Sentence(name, pending))
                pending = ""
        if pending:
            if out and out[-1].field == name:
                out[-1] = Sentence(name, out[-1].text + pending)
            else:
                out.append(Sentence(name, pending))
    return out


def office_lines(record: Record) -> list[str]:
    """The record's office lines exactly as printed (for quoting who leads)."""
    return [line.strip() for line in record.text.split("\n") if re.search(r"(牵头|责任)(科室|单位)", fold(line))]


def context(record: Record, place: str) -> str:
    """Where the record sits, in words: document, section, title. Prefixed to what the embedder sees."""
    section = f"{record.section}、{record.section_title or ''} " if record.section else ""
    return fold(f"{place} {section}{record.title}")


def bm25_text(record: Record, place: str) -> str:
    """Title weighs double: a question usually names the task's subject."""
    body = " ".join(record.fields.values())
    return " ".join([context(record, place), fold(record.title), fold(body)])
