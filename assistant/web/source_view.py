"""The 文件 view of one plan, opened from a citation: every line numbered, the cited task's lines marked and the quoted
sentence highlighted, and, where the quote differs from the file's bytes (converter debris removed, Traditional
script), the raw lines beside it with a note of what was cleaned, so a user who searches the file for the quote
knows why it is not found verbatim.

The view is reached by a citation link (`links.py`).
"""
from __future__ import annotations

import re
from ..documents.normalize import SourceLine, fold
from .links import Target
from .views import esc, quote_spans

_PINYIN_LEFT = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}\)")


def cleaning_notes(lines: list[SourceLine]) -> list[str]:
    """What the quoted text changed from these raw lines, in words a user understands."""
    notes = []
    removed = [bit for line in lines if line.raw != line.text for bit in _PINYIN_LEFT.findall(line.raw)]
    if removed:
        shown = "、".join(dict.fromkeys(removed[:6]))
        notes.append(f"原文件中字后带有转换工具留下的拼音注音（如 {shown}），引文已删去，所以在原文件中逐字搜索引文会找不到。")
    elif any(line.raw != line.text for line in lines):
        notes.append("原文件中有转换工具留下的标记（如书签），引文已删去。")
    if any(fold(line.text) != line.text for line in lines):
        notes.append("原文为繁体字，引文照录繁体；检索时按简体比对，用简体字搜索原文件也会找不到。")
    return notes


def source_view_html(title: str, lines: list[SourceLine], target: Target) -> str:
    """The whole plan, numbered; the target's lines in a marked block (`.cited`, which the page scrolls into view)
    with the quote in <mark>, and the raw lines with the cleaning notes when they differ."""
    total = len(lines)
    first, last = max(1, min(target.first, total)), min(total, target.last)
    has_range = target.first > 0 and first <= last
    head = f"《{esc(title)}》 · {esc(target.doc)}"
    if has_range:
        head += f" · 第{first}–{last}行"
    parts = [f'<div class="doc-view"><div class="doc-head">{head}</div>']
    cited = lines[first - 1:last] if has_range else []
    notes = cleaning_notes(cited)
    marks = _marked(cited, target.quote)
    if target.quote and has_range and not any("<mark>" in m for m in marks):
        notes.append("引文未能在这几行中定位（文件可能已被替换），请核对。")
    body = []
    for line in lines:
        if has_range and line.no == first:
            body.append('<div class="cited" id="cited">')
        text = marks[line.no - first] if has_range and first <= line.no <= last else esc(line.text)
        body.append(f'<div class="line" id="L{line.no}"><span class="no">{line.no}</span>'
                    f'<span class="text">{text or "&nbsp;"}</span></div>')
        if has_range and line.no == last:
            if notes:
                body.append('<div class="cleaned">' + "".join(f"<p>{esc(n)}</p>" for n in notes))
                if any(line.raw != line.text for line in cited):
                    body.append("<p>原文件中的原样：</p><pre>" + esc("\n".join(
                        f"{line.no:>4}  {line.raw}" for line in cited)) + "</pre>")
                body.append("</div>")
            body.append("</div>")
    parts.append('<div class="lines">' + "".join(body) + "</div></div>")
    return "".join(parts)


def _marked(lines: list[SourceLine], quote: str) -> list[str]:
    """Each line's text escaped, with the quote marked even where it runs over several lines."""
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    spans = quote_spans(joined, [quote]) if quote else []
    out, offset = [], 0
    for text in texts:
        start, end = offset, offset + len(text)
        pieces, pos = [], start
        for a, b in spans:
            a, b = max(a, start), min(b, end)
            if a >= b or a < pos:
                continue
            pieces += [esc(joined[pos:a]), "<mark>", esc(joined[a:b]), "</mark>"]
            pos = b
        pieces.append(esc(joined[pos:end]))
        out.append("".join(pieces))
        offset = end + 1
    return out
