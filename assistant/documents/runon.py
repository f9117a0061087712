"""Split run-on text back into lines before parsing.

A plan copied from a web page or through some PDF converters arrives with its heading, preamble, sections and tasks
on one line, separated only by spaces: `…工作要点 2022年，全县… 一、坚持… 1.深化…。（牵头单位：…） 2.加强…`. The parser
reads a plan line by line (a task starts a line), so such a line is cut before every numbering marker that follows
a space, and after a plan heading that ends in 工作要点. The pieces keep the line number of the line they came from,
and the caller reports which lines were split so the user can check the result.
"""
from __future__ import annotations

import re

from .normalize import SourceLine, rebuilt_line
from .tables import split_cells

_NUMERALS = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SECTION = rf"[{_NUMERALS}]+、"
_TASK = (rf"[（(][{_NUMERALS}]+[)）]|\d{{1,3}}\s*[.、．](?=[\u4e00-\u9fff“\"《「])"
         rf"|[（(]\d{{1,3}}[)）](?=[\u4e00-\u9fff“\"《「])|[{_CIRCLED}]")
_BREAK = re.compile(rf"\s+(?=(?P<section>{_SECTION})|(?P<task>{_TASK}))|(?<=工作要点)\s+")
MIN_LENGTH = 120  # shorter lines are ordinary lines, whatever they hold
# several tasks in one paragraph, each closed by its office bracket: …。【牵头：…；时限：6月底】2.推进…
_AFTER_BRACKET = re.compile(r"(?<=】)\s*(?=\d{1,3}\s*[.、．][\u4e00-\u9fff“\"《「])")
_STARTS_TASK = re.compile(rf"^\s*(?:{_TASK})")


def _cuts(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each whitespace run to cut at, when the line is plainly run-on: it holds a section marker
    after a space, or at least three numbered items after spaces, or a task starts right after another's office
    bracket."""
    if _STARTS_TASK.match(folded) and (after := list(_AFTER_BRACKET.finditer(folded))):
        return [m.span() for m in after]
    if len(folded) < MIN_LENGTH or " " not in folded:
        return []
    found = list(_BREAK.finditer(folded))
    sections = sum(1 for m in found if m.group("section"))
    tasks = sum(1 for m in found if m.group("task"))
    if (sections and sections + tasks >= 2) or tasks >= 3:
        return [m.span() for m in found]
    return []


def split_run_on(lines: list[SourceLine]) -> tuple[list[SourceLine], list[int]]:
    """The lines with every run-on line cut into pieces, and the numbers of the lines that were cut."""
    out: list[SourceLine] = []
    split: list[int] = []
    for line in lines:
        # a table row is the table reader's to split (several tasks packed into one of its cells)
        cuts = [] if split_cells(line.text) is not None else _cuts(line.folded)
        if not cuts:
            out.append(line)
            continue
        split.append(line.no)
        bounds = [0] + [edge for span in cuts for edge in span] + [len(line.text)]
        for start, end in zip(bounds[::2], bounds[1::2]):
            piece = line.text[start:end].strip()
            if piece:
                out.append(rebuilt_line(line.no, piece))
    return out, split
