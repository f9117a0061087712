"""Office cells filled with codes from a workbook's own code list.

A task table made as an import template for a 督查督办 system has its office cells filled from a dropdown of unit
codes (01 办公室, 02 组织人事科 …), the names only on a second sheet of the workbook (代码 | 单位名称). A person reads
`03` or `02、01` against that list; a reader of cell values gets offices called 03. A code typed into a cell Excel
kept as General shows as the number (`3` for 03), so codes are matched by their value; a name typed beside a code
(`03、各县区教育局`) stays as typed.

The same list is kept for short names: a district's 分解表 fills the cells with 基教科, 组人科 and gives the full names
on a sheet of their own (序号 | 简称 | 全称, titled 科室简称对照表). A short name is read only as a whole piece of an
office cell, and only from a sheet that says it lists short names (its title or its header row), since a short name,
unlike a code, could be any two-column table's first cell.
"""
from __future__ import annotations

import re

from .labels import header_role, is_office_name
from .normalize import fold

_CODE = re.compile(r"\d{1,3}")
_SEPARATORS = re.compile(r"([、，,；;\s]+)")
MIN_CODES = 4  # a code list names at least this many units; two or three code-like rows are a table's own numbers
_SHORT_LIST = re.compile(r"简称|缩写|对照")
_SHORT = re.compile(r"[^\s、，,；;]{2,8}")


def code_lists(sheets: dict[str, list[list[str]]]) -> dict[str, dict[int | str, str]]:
    """The sheets that are a code list (`code | unit name` on nearly every filled row), each as {code value: name},
    or a list of short names (`[序号 |] short | full name` under a title or header saying 简称), each as {short: name}."""
    found = {}
    for title, rows in sheets.items():
        filled = [[c.strip() for c in row if c.strip()] for row in rows]
        filled = [row for row in filled if row]
        pairs: dict[int | str, str] = {int(row[0]): row[1] for row in filled
                                       if len(row) == 2 and _CODE.fullmatch(row[0]) and is_office_name(fold(row[1]))}
        if len(pairs) < MIN_CODES and (_SHORT_LIST.search(title) or any(
                _SHORT_LIST.search(c) for row in filled[:3] for c in row)):
            pairs = {row[-2]: row[-1] for row in filled
                     if 2 <= len(row) <= 3 and (len(row) == 2 or _CODE.fullmatch(row[0]))
                     and _SHORT.fullmatch(row[-2]) and row[-2] != row[-1] and is_office_name(fold(row[-1]))}
        if len(pairs) >= MIN_CODES and len(pairs) >= len(filled) - 3:  # a header row, a 注 line under the list
            found[title] = pairs
    return found


def decoded(rows: list[list[str]], codes: dict[int | str, str]) -> list[list[str]]:
    """`rows` with each office column's codes read as the units the code list names: the columns under a header
    naming an office role (牵头单位, 配合单位), below that header."""
    out, columns = [], set()
    for cells in rows:
        if not columns and (found := {i for i, c in enumerate(cells) if c.strip() and header_role(fold(c.strip()))}):
            columns = found
            out.append(cells)
            continue
        out.append([_named(c, codes) if i in columns else c for i, c in enumerate(cells)])
    return out


def _named(cell: str, codes: dict[int | str, str]) -> str:
    parts = _SEPARATORS.split(cell)
    names = [codes.get(int(p)) if _CODE.fullmatch(p) else codes.get(p) for p in parts]
    if not any(names):
        return cell
    return "".join(name or part for name, part in zip(names, parts))
