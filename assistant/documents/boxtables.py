"""Read a table drawn in box characters in a text file.

WPS, an OA system or a console tool exporting a table to text draws it with box characters: `┌─┬─┐` over it, `│`
between cells, `├─┼─┤` between rows, `└─┴─┘` under it, a section row spanning the table between `├─┴─┤` and
`├─┬─┤`. Each cell wraps over as many text rows as its longest cell needs, so a row of the table is several lines of
the file, every cell a piece on each. Read line by line, a task's title, measures and offices would interleave. Here
the lines between two rules are one row: each cell's pieces joined in order, the cells set apart by tabs, the way a
Word table is read; the rules themselves are no text.
"""
from __future__ import annotations

import re

from .normalize import SourceLine, join_wrapped, rebuilt_line

_RULE = re.compile(r"^\s*[┌├└╔╠╚┏┣┗][─━═┬┼┴┯┷┳┻╤╪╧╦╬╩\s]*[┐┤┘╗╣╝┓┫┛]\s*$")
_ROW = re.compile(r"^\s*[│║┃](.*)[│║┃]\s*$")
_BAR = re.compile(r"[│║┃]")
_MIN_ROWS = 2


def join_box_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with each box-drawn table row read as one tab-separated line (numbered as its first text row); the
    lines unchanged when the text holds no such table."""
    if sum(1 for line in lines if _RULE.match(line.text)) < _MIN_ROWS:
        return lines
    out: list[SourceLine] = []
    group: list[SourceLine] = []

    def flush() -> None:
        if not group:
            return
        rows = [[cell.strip() for cell in _BAR.split(_ROW.match(line.text).group(1))] for line in group]
        width = max(len(cells) for cells in rows)
        if any(len(cells) != width for cells in rows):  # a row whose lines part differently: read as they are
            out.extend(rebuilt_line(line.no, "\t".join(cells)) for line, cells in zip(group, rows))
        else:
            out.append(rebuilt_line(group[0].no, "\t".join(join_wrapped([cells[c] for cells in rows])
                                                          for c in range(width))))
        group.clear()

    for line in lines:
        if _RULE.match(line.text):
            flush()
        elif _ROW.match(line.text):
            group.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out
