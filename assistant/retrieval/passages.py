"""What gets indexed for each record: the sentences it quotes from, and the texts the embedder and BM25 see.

Dense vectors are computed per sentence (plus one short header per record), so the best-matching sentence is
known for free and becomes the evidence quote; a record scores as its best sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.labels import OFFICE_LABEL, inline_brackets, sentence_roles
from ..documents.normalize import fold, inserts_inline
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
    """The record's office lists exactly as printed, for quoting who leads: a label's line together with the lines
    its list wraps onto (a PDF breaks `法规科、计财科、` / `督导室` and `市教科` / `所`), so a quote never stops at a line
    wrap; and an inline list in parentheses (`（牵头科室：组干科；责任科室：宣传科）`) without the paragraph around it."""
    lines = [line.strip() for line in record.text.split("\n")]
    out = []
    i = 0
    while i < len(lines):
        line, key = lines[i], fold(lines[i])
        i += 1
        if brackets := inline_brackets(key):
            out.extend(line[b.start + 1: b.end - (key[b.end - 1] in "）)")].strip() for b in brackets)
            continue
        if not OFFICE_LABEL.search(key):
            continue
        while (following := next((j for j in range(i, len(lines)) if lines[j]), None)) is not None \
                and _wraps_onto(line, lines[following]):
            line, i = line + lines[following], following + 1
        out.append(line)
    if not out and (record.lead_offices or record.responsible_offices or record.cooperating_offices):
        # no list printed: the sentence that names them (以上工作由组织人事科牵头，机关党委配合 / …，由教研室牵头，电教站配合，…)
        for line in lines:
            if groups := sentence_roles(fold(line)):
                by = groups[0].names[0] - 1  # the 由 before the first names
                closing = line.rfind("以上", 0, by)  # 以上工作由…: from its start
                start = closing if 0 <= closing and by - closing <= 8 else by
                out.append(line[start: groups[-1].label[1]])
    if not out:
        # a task table's row: the cells that print its offices, each as printed (校外培训监管科 | 基础教育科)
        offices = set(record.lead_offices + record.responsible_offices + record.cooperating_offices)
        out = [cell.strip() for line in lines if "\t" in line for cell in line.split("\t")
               if cell.strip() and any(o in cell for o in offices)]
    return out


_NOT_CONTINUATION = re.compile(r"[。：:]|^\s*[-–—]?\s*(?:\d{1,3}\s*[.、．]|[一二三四五六七八九十]+、|[（(①-⑳])")


def _wraps_onto(line: str, following: str) -> bool:
    """`following` is the rest of `line`'s office list: the list ends in 、 or ， (the next office is on the next
    line), or the next line is a short fragment (`所`) or a list of offices itself (`所、市电教技装中心`); and it holds
    no label, sentence or numbering of its own."""
    key = fold(following)
    if OFFICE_LABEL.search(key) or _NOT_CONTINUATION.search(key) or len(key) > 20:
        return False
    return line.endswith(("、", "，", ",")) or len(key) <= 6 or ("、" in key and bool(_OFFICE_END.search(key)))


_OFFICE_END = re.compile(r"(?:科|室|办|所|中心|局|校|馆|站|委|处|股)$")


def context(record: Record, place: str) -> str:
    """Where the record sits, in words: document, section, title. Prefixed to what the embedder sees."""
    section = f"{record.section}、{record.section_title or ''} " if record.section else ""
    return fold(f"{place} {section}{record.title}")


def bm25_text(record: Record, place: str) -> str:
    """Title weighs double: a question usually names the task's subject. A short parenthesised insert is read inline
    (新改(扩、建) as 新改扩建), so a question's 改扩建 counts as the plan's word here too."""
    body = " ".join(record.fields.values())
    return " ".join([context(record, place), fold(record.title), inserts_inline(fold(body))])
