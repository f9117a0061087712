"""The office task ledger (任务台账): the tasks in scope as an Excel workbook, one sheet per plan, plus a 责任矩阵
sheet of offices against tasks.

Every cell holds a record's value as printed: the offices, fields and time phrases are joined, never rewritten.
Which office a task belongs to, and under which canonical name, is the office directory's decision
(`directory.office_directory`), so the workbook, the 科室目录 tab and the chat count the same tasks.
"""
from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..documents.records import TASK, Record, task_path
from ..retrieval.store import DocumentInfo
from .answer import citation
from .directory import OfficeEntry, office_directory

HEADERS = ("序号", "部分", "任务", "牵头", "责任", "目标任务", "工作措施", "时间节点", "出处")
WIDTHS = (7, 24, 30, 18, 18, 60, 60, 20, 44)
MATRIX_SHEET = "责任矩阵"
MATRIX_HEADERS = ("城市", "科室", "牵头数", "参与数")
MATRIX_WIDTHS = (10, 18, 8, 8)
MATRIX_TASK_WIDTH = 12
LEAD, SHARED = "牵头", "参与"
UNKNOWN_PLACE = "地点未知"

# Field names plans print a task's targets and measures under (`parse --json` on the corpus and the fixture
# plans): 目标任务 / 任务目标 go to 目标任务; 工作措施 / 工作举措 and a table's 具体内容（工作措施） to 工作措施.
TARGET_FIELDS = ("目标任务", "任务目标", "工作目标")
MEASURE_FIELDS = ("工作措施", "工作举措", "具体内容（工作措施）", "具体内容", "主要措施", "推进措施")
BODY_FIELD = "内容"  # where the parser keeps a task's body when the plan prints no field labels

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\：]")
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # control characters an .xlsx cannot hold
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)


class EmptyLedger(ValueError):
    """Nothing in scope: no task of the chosen plans (or none the office leads or shares)."""


@dataclass
class PlanSheet:
    name: str  # the sheet's name: 遂宁2019
    doc: str
    city: str | None
    year: int | None
    tasks: list[Record] = field(default_factory=list)


@dataclass
class LedgerSummary:
    path: Path
    plans: list[PlanSheet]
    offices: list[OfficeEntry]  # the 责任矩阵's rows, in the directory's order

    @property
    def tasks(self) -> int:
        return sum(len(p.tasks) for p in self.plans)

    @property
    def sheets(self) -> list[str]:
        return [p.name for p in self.plans] + [MATRIX_SHEET]


def ledger_scope(records: list[Record], documents: dict[str, DocumentInfo], city: str | None = None,
                 year: int | None = None, office: str | None = None) -> tuple[list[PlanSheet], list[OfficeEntry]]:
    """The plans (with their tasks in scope, in printed order) and the office directory entries of the ledger.

    `office` is matched as the 科室目录 tab matches it: the canonical name or any written form folded into it."""
    chosen = [r for r in records if r.kind == TASK and (not city or r.city == city) and (not year or r.year == year)]
    entries = office_directory(chosen, documents, city)
    if office:
        entries = [e for e in entries if office == e.office or office in e.forms]
        keep = {id(r) for e in entries for r in e.lead + e.shared}
        chosen = [r for r in chosen if id(r) in keep]
    plans: dict[str, PlanSheet] = {}
    used: set[str] = {MATRIX_SHEET}
    for record in chosen:
        if record.doc not in plans:
            name = _sheet_name(f"{record.city or UNKNOWN_PLACE}{record.year or ''}", used)
            plans[record.doc] = PlanSheet(name, record.doc, record.city, record.year)
        plans[record.doc].tasks.append(record)
    return list(plans.values()), entries


def write_ledger(records: list[Record], documents: dict[str, DocumentInfo], path: str | Path,
                 city: str | None = None, year: int | None = None, office: str | None = None) -> LedgerSummary:
    """Write the ledger of the tasks in scope to `path` (.xlsx). With `office`, the plan sheets hold the tasks it
    leads or shares and the matrix only its rows (one per city). Raises EmptyLedger when no task is in scope, and
    OSError when the file cannot be written; the file is replaced whole, never left half written."""
    plans, entries = ledger_scope(records, documents, city, year, office)
    if not plans:
        raise EmptyLedger("所选范围内没有任务")
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = "任务台账"
    workbook.properties.creator = "工作要点问答助手"
    for plan in plans:
        _plan_sheet(workbook.create_sheet(plan.name), plan, documents)
    _matrix_sheet(workbook.create_sheet(MATRIX_SHEET), plans, entries)
    path = Path(path)
    _save(workbook, path)
    return LedgerSummary(path, plans, entries)


# -- one plan ------------------------------------------------------------------------------------------------------
def ledger_row(record: Record, documents: dict[str, DocumentInfo]) -> list:
    """The nine cells of a task's row, in HEADERS order."""
    targets = _joined(record, TARGET_FIELDS)
    measures = _joined(record, MEASURE_FIELDS)
    if not targets and not measures:  # a plan without such labels: the task's body goes under 工作措施
        measures = record.fields.get(BODY_FIELD, "")
    return [_number(record), _part(record), record.title, "、".join(record.lead_offices),
            "、".join(record.responsible_offices + record.cooperating_offices), targets, measures,
            "；".join(node["text"] for node in record.time_nodes), citation(record, documents)]


def _plan_sheet(sheet, plan: PlanSheet, documents: dict[str, DocumentInfo]) -> None:
    sheet.append(list(HEADERS))
    for record in plan.tasks:
        sheet.append([_cell(v) for v in ledger_row(record, documents)])
    _as_text(sheet)
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP
    _header(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(plan.tasks) + 1}"


def _number(record: Record):
    """The task number as printed (3, （1）, ①); a plan whose （一） items are the tasks has it as the subsection."""
    number = record.number
    if number is None:
        number = record.subsection if record.subsection and not record.subsection_title else record.task_no
    if isinstance(number, str) and number.isascii() and number.isdigit():
        return int(number)  # a plain number stays a number in Excel, so the column sorts
    return number if number is not None else ""


def _part(record: Record) -> str:
    parts = []
    if record.section:
        parts.append(f"{record.section}、{record.section_title or ''}")
    if record.subsection and record.subsection_title:  # not when the （一） item is the task itself
        parts.append(f"{record.subsection}{record.subsection_title}")
    return "\n".join(parts)


def _joined(record: Record, names: tuple[str, ...]) -> str:
    return "\n".join(value for name, value in record.fields.items() if name in names)


# -- the matrix ----------------------------------------------------------------------------------------------------
def matrix_header(plan: PlanSheet, record: Record) -> str:
    """遂宁2019 三、第16项: the plan's sheet name and where the task sits."""
    path = record.path or task_path(record.section, record.subsection, record.task_no, record.number)
    return f"{plan.name} {path}"


def _matrix_sheet(sheet, plans: list[PlanSheet], entries: list[OfficeEntry]) -> None:
    columns = [(plan, record) for plan in plans for record in plan.tasks]
    sheet.append(list(MATRIX_HEADERS) + [matrix_header(p, r) for p, r in columns])
    for column, (_, record) in enumerate(columns, start=len(MATRIX_HEADERS) + 1):
        cell = sheet.cell(row=1, column=column)
        cell.comment = Comment(_cell(record.title), "任务台账", width=240, height=80)
        sheet.column_dimensions[get_column_letter(column)].width = MATRIX_TASK_WIDTH
    for entry in entries:
        lead, shared = {id(r) for r in entry.lead}, {id(r) for r in entry.shared}
        roles = [LEAD if id(r) in lead else SHARED if id(r) in shared else None for _, r in columns]
        sheet.append([entry.city or UNKNOWN_PLACE, entry.office, len(entry.lead), len(entry.shared)] + roles)
    _as_text(sheet)
    for column, width in enumerate(MATRIX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row[len(MATRIX_HEADERS):]:
            cell.alignment = _CENTER
            if cell.value == LEAD:
                cell.font = _HEADER_FONT
    _header(sheet)
    sheet.row_dimensions[1].height = 45
    sheet.freeze_panes = sheet.cell(row=2, column=len(MATRIX_HEADERS) + 1).coordinate
    last = get_column_letter(len(MATRIX_HEADERS) + len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(entries) + 1}"


# -- shared --------------------------------------------------------------------------------------------------------
def _sheet_name(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters, a (2), (3) … suffix when taken."""
    base = _SHEET_FORBIDDEN.sub("_", wanted).strip("'") or "文件"
    name, n = base[:31], 1
    while name.casefold() in {u.casefold() for u in used}:
        n += 1
        suffix = f"({n})"
        name = base[:31 - len(suffix)] + suffix
    used.add(name)
    return name


def _cell(value):
    """A value as printed; only control characters that an .xlsx cannot store at all are dropped."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def _as_text(sheet) -> None:
    """Text that starts with = is text from a plan, not a formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _header(sheet) -> None:
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER


def _save(workbook: Workbook, path: Path) -> None:
    """Written to a new file beside `path`, then moved over it: a reader never sees half a workbook."""
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
