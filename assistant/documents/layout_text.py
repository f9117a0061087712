"""A plan saved by a layout-keeping PDF-to-text converter (pdftotext -layout and the PDF转TXT tools that wrap it) from a
page set in two text columns, as bureaus reprint their plans in their own journals (《XX教育》 文件选登).

Such a file holds the page as printed: each line is the left column's line, spaces up to the gutter, then the right
column's line at the same height; where the columns are out of step, their lines come out alternately, a right-column
line opening with spaces up to the gutter. Read line by line, a task's text runs into the other column's task. A
person reads the left column down, then the right one, page by page (form feeds part the pages); a line across the
gutter (a title, a folio) stands between what is above and what is below it, on both sides.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# text set apart from the next by two spaces or more (the converter pads with ASCII spaces; an ideographic space
# belongs to the text: 第一条\u3000深入…)
_SEGMENT = re.compile(r"[^ \t]+(?: [^ \t]+)*")
MIN_GUTTER = 20  # cells: a column holds ten characters at least (line numbers in a margin are no column)
MIN_LINES = 10  # lines with text on both sides of the gutter before the file is read as two columns
MIN_SHARE = 0.3  # ... and this share of the lines with text
FULL = 6  # a left column's line ends within this many cells of the gutter when it is a full line of prose
_FOLIO = re.compile(r"^[\s·•\-—–－]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?[\s·•\-—–－]*$")  # · 12 ·, — 3 —, 第 2 页，共 5 页
INDENT = 4  # a paragraph's first line is indented by two characters (four cells)


def _cells(text: str) -> int:
    """Display width: a Chinese character or full-width mark takes two cells, as the converter counts them (quotes and · too: ambiguous width is wide in Chinese text)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def _segments(line: str) -> list[tuple[int, int, str]]:
    """The line's stretches of text as (first cell, cell after the last, text)."""
    out = []
    for m in _SEGMENT.finditer(line):
        start = _cells(line[:m.start()])
        out.append((start, start + _cells(m.group(0)), m.group(0)))
    return out


def _gutter(lines: list[list[tuple[int, int, str]]]) -> int | None:
    """Where the right column starts: the cell at which the second stretch of most two-sided lines starts, when the
    left stretches before it are full lines of prose (not the cells of a table set out with spaces)."""
    starts = Counter(segs[1][0] for segs in lines if len(segs) >= 2)
    if not starts:
        return None
    gutter, _ = starts.most_common(1)[0]
    if gutter < MIN_GUTTER:
        return None
    two_sided = [segs for segs in lines if len(segs) >= 2 and segs[1][0] == gutter]
    full = sum(segs[0][1] >= gutter - FULL and len(segs) == 2 for segs in two_sided)
    with_text = sum(bool(segs) for segs in lines)
    # out of step, the columns' lines come out one by one: a right column's line alone, from the gutter
    placed = sum(any(a in (gutter, gutter + INDENT) for a, _, _ in segs) for segs in lines)
    if len(two_sided) < MIN_LINES or placed < MIN_SHARE * with_text or full < len(two_sided) / 2:
        return None
    return gutter


def columns_read(text: str) -> str | None:
    """The text read column by column, page by page, or None when it is no two-column layout."""
    pages = text.split("\f")
    segmented = [[_segments(line) for line in page.split("\n")] for page in pages]
    gutter = _gutter([segs for page in segmented for segs in page])
    if gutter is None:
        return None
    out: list[str] = []
    for page in segmented:
        left: list[str] = []
        right: list[str] = []
        first = next((i for i, segs in enumerate(page) if segs), None)
        last = max((i for i, segs in enumerate(page) if segs), default=None)
        for i, segs in enumerate(page):
            if not segs:
                continue
            across = any(a < gutter < b for a, b, _ in segs)
            # a running head (怀远教育 … 2024年第1期, 文件选登): the page's first line, its right-hand text not where
            # the right column's lines start
            head = i == first and any(a >= gutter for a, _, _ in segs) and not any(
                a in (gutter, gutter + INDENT) for a, _, _ in segs)
            if head or (i == last and _FOLIO.match(_joined(segs))):  # a running head or the page's folio
                continue
            if across:
                out += left + right + [_joined(segs)]
                left, right = [], []
                continue
            left_text = [s for a, _, s in segs if a < gutter]
            right_text = [s for a, _, s in segs if a >= gutter]
            if left_text:
                left.append(_indented(segs[0][0]) + "  ".join(left_text))
            if right_text:
                start = next(a for a, _, _ in segs if a >= gutter)
                right.append(_indented(start - gutter) + "  ".join(right_text))
        out += left + right
    return "\n".join(out)


def _joined(segs: list[tuple[int, int, str]]) -> str:
    return "  ".join(s for _, _, s in segs)


def _indented(cells: int) -> str:
    """A paragraph's first line keeps its indent (two characters), which says a new paragraph begins."""
    return " " * cells if 0 < cells <= INDENT else ""
