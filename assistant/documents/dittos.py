"""Ditto marks in a task table: a cell typed `同上` or `〃` ("same as above"), the way a form typed from a paper
draft saves repeating a 牵头科室 or a deadline. Read as a person reads the form: the cell holds what the same column
holds in the row above, followed up through a chain of dittos. Excel never resolves one; a reader of cell values
would meet an office called 同上."""
from __future__ import annotations

import re

_DITTO = re.compile(r"[\s　]*(?:同上|仝上|〃)[\s　。.]*")


def is_ditto(text: str) -> bool:
    return bool(_DITTO.fullmatch(text or ""))


def filled(rows: list[list[str]]) -> list[list[str]]:
    """`rows` (a table's cells, row by row) with every ditto cell given its column's value from the rows above. A
    heading row (one cell filled: a section row spanning the table, the header) is never what a ditto repeats."""
    if not any(is_ditto(cell) for cells in rows for cell in cells):
        return rows
    out: list[list[str]] = []
    for cells in rows:
        cells = list(cells)
        for col, cell in enumerate(cells):
            if is_ditto(cell):
                above = next((r for r in reversed(out) if col < len(r) and sum(bool(c.strip()) for c in r) > 1), None)
                cells[col] = above[col] if above is not None else cell
        out.append(cells)
    return out
