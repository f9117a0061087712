"""HTML and text for the web page. Every piece of document or user text goes through `esc` here, so a `<script>`
in a question or an uploaded file shows as text and runs nothing, and Markdown link and image syntax
(`![](http://host/x.png)`) shows as text too: the chat renders Markdown, and a live image would make every reader's
browser fetch from that host."""
from __future__ import annotations

import html

from ..answers.answer import citation, locator, source_line
from ..answers.directory import OfficeEntry
from ..retrieval.search import Answer, Hit
from ..retrieval.store import DocumentInfo
from .links import citation_link

_MARKDOWN_LINK = str.maketrans({"[": "&#91;", "]": "&#93;"})


def esc(text: str) -> str:
    """HTML-escaped, with the brackets of Markdown links and images as character references: shown as typed,
    never parsed into a link or an image."""
    return html.escape(text).translate(_MARKDOWN_LINK)


def marked(text: str, quotes: list[str]) -> str:
    """`text` escaped, with every occurrence of a quote wrapped in <mark>."""
    out, pos = [], 0
    for start, end in quote_spans(text, quotes):
        if start < pos:
            continue
        out += [esc(text[pos:start]), "<mark>", esc(text[start:end]), "</mark>"]
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def quote_spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    """Where each quote occurs in `text` (sorted; overlapping spans are the caller's to skip): exactly, or else
    across line breaks (see `_spans_across_lines`)."""
    spans = []
    for quote in quotes:
        start = text.find(quote)
        while quote and start >= 0:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + len(quote))
        if quote and quote not in text:
            spans.extend(_spans_across_lines(text, quote))
    return sorted(spans)


def _spans_across_lines(text: str, quote: str) -> list[tuple[int, int]]:
    """Where a quote joined from wrapped lines (an office list a PDF broke across lines) occurs in `text`, comparing
    both without whitespace and mapping back, so the mark covers the list on all its lines."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed, wanted = "".join(text[i] for i in positions), "".join(quote.split())
    spans, start = [], squeezed.find(wanted) if wanted else -1
    while start >= 0:
        spans.append((positions[start], positions[start + len(wanted) - 1] + 1))
        start = squeezed.find(wanted, start + len(wanted))
    return spans


def source_card(hit: Hit, documents: dict[str, DocumentInfo]) -> str:
    record = hit.record
    info = documents.get(record.doc)
    link = esc(citation_link(record, hit.evidence))  # opens the plan at these lines, the quote marked
    meta = [f'<a class="open-source" href="{link}" target="_blank">{source_line(record, esc)}</a>']
    if info and info.doc_no:
        meta.append(esc(info.doc_no))
    if info and info.title:
        meta.append(esc(info.title))
    parts = [f'<div class="source"><div class="loc">{locator(record, documents, esc)}</div>',
             f'<div class="meta">{" · ".join(meta)}</div>']
    if record.lead_offices or record.responsible_offices or record.cooperating_offices:
        cooperating = ""
        if record.cooperating_offices:  # 配合 / 协办 / 参与 / 协同, under the plan's own word
            label = record.cooperating_label
            cooperating = f'　<b>{esc(label)}：</b>{esc("、".join(record.cooperating_offices))}'
        parts.append('<div class="offices">'
                     f'<b>牵头科室：</b>{esc("、".join(record.lead_offices) or "原文未列明")}　'
                     f'<b>责任科室：</b>{esc("、".join(record.responsible_offices) or "原文未列明")}'
                     f'{cooperating}</div>')
    for note in record.notes:
        parts.append(f'<div class="note">注：{esc(note)}</div>')
    parts.append("<dl>")
    for name, value in record.fields.items():
        parts.append(f"<dt>{esc(name)}</dt><dd>{marked(value, hit.evidence)}</dd>")
    parts.append("</dl>")
    parts.append(f"<details><summary>原文（第{record.line_start}–{record.line_end}行）</summary>"
                 f"<pre>{marked(record.text, hit.evidence)}</pre></details></div>")
    return "".join(parts)


def sources_html(answer: Answer, documents: dict[str, DocumentInfo], limit: int = 3) -> str:
    if not answer.hits:
        return '<div class="empty">没有可显示的来源。</div>'
    heading = "来源" if answer.answered else "可能相关（未能确认答案）"
    hits = answer.hits if answer.question.intent == "office_tasks" else answer.hits[:limit]
    cards = []
    for n, hit in enumerate(hits):
        card = source_card(hit, documents)
        if n and answer.question.intent != "office_tasks":  # the cited task open, the runners-up folded
            card = f'<details class="more"><summary>{locator(hit.record, documents, esc)}</summary>{card}</details>'
        cards.append(card)
    return f'<div class="sources"><h4>{heading}</h4>' + "".join(cards) + "</div>"


def citations_text(answer: Answer, documents: dict[str, DocumentInfo]) -> str:
    """Plain text for the copy box: the best task's citation, or every task of an office list."""
    if not answer.hits or not answer.answered:
        return ""
    hits = answer.hits if answer.question.intent == "office_tasks" else answer.hits[:1]
    return "\n".join(citation(h.record, documents) for h in hits)


def office_chart_html(entries: list[OfficeEntry], chosen: str | None = None, unknown_place: str = "地点未知") -> str:
    """Tasks led and shared per office as horizontal bars, plain HTML and CSS (nothing loaded from anywhere), one
    group per city, in the directory's order; the chosen office (any of its written forms) is highlighted."""
    if not entries:
        return '<div class="empty">所选范围内没有列出科室的任务。</div>'
    widest = max(len(e.lead) + len(e.shared) for e in entries) or 1
    parts = ['<div class="office-chart" role="img" aria-label="各科室牵头和参与的任务数">',
             '<div class="legend"><b>各科室任务数</b>　<span class="swatch lead"></span>牵头　'
             '<span class="swatch shared"></span>参与</div>']
    city = object()
    for entry in entries:
        if entry.city != city:
            city = entry.city
            parts.append(f'<div class="city">{esc(city or unknown_place)}</div>')
        lead, shared = len(entry.lead), len(entry.shared)
        mark = " chosen" if chosen and (chosen == entry.office or chosen in entry.forms) else ""
        parts.append(
            f'<div class="bar-row{mark}" title="{esc(entry.office)}：牵头 {lead} 项，参与 {shared} 项">'
            f'<span class="name">{esc(entry.office)}</span><span class="bars">'
            f'<span class="lead" style="width:{100 * lead / widest:.1f}%"></span>'
            f'<span class="shared" style="width:{100 * shared / widest:.1f}%"></span></span>'
            f'<span class="count">牵头 {lead} · 参与 {shared}</span></div>')
    parts.append("</div>")
    return "".join(parts)
