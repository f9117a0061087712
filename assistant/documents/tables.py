"""Task tables: a 重点任务分解表 whose rows are the plan's tasks.

Many bureaus attach their tasks as a table with columns such as 序号 / 重点任务 / 具体内容（工作措施） / 牵头单位 /
责任单位 / 完成时限, in a .docx or pasted as text with tabs or pipes between the cells. The reader turns a Word table
into tab-separated lines (see readers.py), so one module reads all three. A table is found by its header row; each
later row is a task, a section row (one filled cell: `一、…`), or the continuation of the task above (its number and
task cells empty, or repeated by a vertically merged Word cell). Offices come from the columns whose header is an
office label, with the header as their printed label; every other column is kept as a field under its header, so
完成时限 stays in the record.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .labels import (LEAD, COOPERATING, RESPONSIBLE, header_role, is_office_name, label_groups, spoken_role,
                     spoken_roles)
from .normalize import SourceLine, fold, is_chrome, join_wrapped, rebuilt_line
from .offices import split_offices
from .places import is_date_line, is_issuer_line

NUMBER, TITLE, CONTENT, OFFICE, OTHER = "number", "title", "content", "office", "other"
ASIDE = "aside"  # a column beside the task, not of it: where it comes from (任务来源), how far it got (进展情况)
LEVEL = "level"  # an outline column (一级任务 / 二级任务): the section or subsection a row's task sits in
MARK = "mark"  # a responsibility matrix: one column per office, a mark (★ / ●, or 牵头 / 参与) in its cell
ROLE = "role"  # 责任类型: the role (牵头 / 配合 / 参与 / 责任) of the office its row names, one row per task and office
_YEAR_HEADER = re.compile(r"(?:19|20)\d\d\s*年")
_SHARE_HEADER = re.compile(r"^(?:责任分工|任务分工|职责分工|分工|责任主体)$")
_ROLE_HEADER = re.compile(r"^(?:责任类型|责任方式|职责类型|承担方式|角色|分工类型|责任分工类型|本科室职责|本单位职责|本股室职责)$")
_MAX_HEADER_CELL = 24  # 具体内容（工作措施）, 责任单位（配合单位）: a header cell names a column in a few words
_NUMBER = re.compile(r"^(?:(?:任务|事项|工作)?(?:序号|编号)|序|No\.?)$", re.IGNORECASE)  # 任务编号: an OA's code
_TITLE = re.compile(r"重点任务|工作任务|任务名称|主要任务|重点工作|工作事项|任务事项|项目名称|工作项目|^任务$|^事项$|^项目$|"
                    r"^(?:具体|三级)任务$")
# an outline column, or the 类别 column whose cell opens each section (一、…) on its first row only
_LEVEL_HEADER = re.compile(r"^(?:[一二]级(?:任务|工作|指标|目标)?|(?:所属)?(?:工作|任务)?(?:类别|板块)|所属领域)$")
_CONTENT = re.compile(r"内容|措施|举措|目标|要求|标准")
# a 督办清单's columns around the plan's task: its source and the progress reported mid-year (拟录用418名 beside the
# task's 420名) are no part of what the plan sets, and are not read into the task
_ASIDE_HEADER = re.compile(r"来源|依据|进展|推进情况|落实情况|完成情况")
_NUMERAL_CELL = re.compile(r"([（(])?[一二三四五六七八九十]{1,3}(?(1)[)）]|([、.．])?)")  # 一, 一、 or （一） alone in a 序号 cell
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_NUMBERED_TITLE = re.compile(r"(\d{1,3})\s*[.、．]\s*(?=[\u4e00-\u9fff“\"《])")
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Column:
    name: str  # the header as printed
    kind: str
    role: str | None = None  # for office columns: lead / responsible / cooperating


@dataclass
class Row:
    """One row of a task table, already classified."""

    index: int  # position of its line in the parser's line list
    heading: str | None = None  # a section row: its single cell as printed (一、…)
    number: str = ""
    title: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)  # (header, cell) for content and other columns
    offices: list[tuple[str, str, str]] = field(default_factory=list)  # (role, header, cell)
    marks: list[tuple[str, str]] = field(default_factory=list)  # in a matrix: (office, the mark in its cell)
    levels: list[str] = field(default_factory=list)  # its outline cells (一、… / （一）…), widest first
    continues: bool = False  # the task of the row above goes on
    # a cell packing several numbered tasks one a line (1.…。 2.…。), the row's offices shared by them: one part each
    parts: list["Row"] = field(default_factory=list)


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    end: int  # index of the first line after the table
    warnings: list[str] = field(default_factory=list)
    # a matrix's row of office names and its legend: where each row's offices are printed, shown with every task
    key_lines: list[int] = field(default_factory=list)


def split_cells(text: str) -> list[str] | None:
    """The cells of a table line (tabs, or pipes with a pipe at the line's start), or None for an ordinary line."""
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        # a line break inside a cell is written <br>: read as a Word cell's paragraphs are, joined by a space
        return [_BREAK.sub(" ", c).strip() for c in stripped.strip("|").split("|")]
    if "\t" in text.strip(" \u3000") and text.count("\t") >= 2:
        return [c.strip() for c in text.split("\t")]
    return None


def read_header(line: SourceLine) -> list[Column] | None:
    """The columns, when `line` is the header row of a task table (a task or content column, and a number or an
    office column)."""
    cells = split_cells(line.text)
    if not cells or len(cells) < 3:
        return None
    if any(len(c) > _MAX_HEADER_CELL or c.isdigit() for c in cells):
        return None  # a task's row (13 | 保障教育经费投入 | …标准… | 计划财务科 | 牵头): its cells say more than names
    columns = [_column(cell) for cell in cells]
    kinds = {c.kind for c in columns}
    if (TITLE in kinds or CONTENT in kinds) and (NUMBER in kinds or OFFICE in kinds):
        return columns
    return None


def read_side_header(line: SourceLine) -> list[Column] | None:
    """The columns, when `line` heads only a number column and office (or deadline) columns: the part of a task
    table a wide sheet printed on pages of its own (序号 | 牵头股室 | 配合股室 | 完成时限)."""
    cells = split_cells(line.text)
    if not cells or len(cells) < 3 or any(len(c) > _MAX_HEADER_CELL or c.isdigit() for c in cells):
        return None
    columns = [_column(cell) for cell in cells]
    kinds = [c.kind for c in columns]
    if kinds[0] == NUMBER and OFFICE in kinds and not {TITLE, CONTENT} & set(kinds):
        return columns
    return None


def task_and_offices_header(cells: list[str]) -> bool:
    """Whether two header cells head a task column and an office column (工作任务及主要措施 | 责任分工): a table of two
    columns, the tasks with their measures beside who does them."""
    return len(cells) == 2 and _column(cells[0]).kind in (TITLE, CONTENT) and _column(cells[1]).kind == OFFICE


def _column(name: str) -> Column:
    folded = fold(name).strip()
    if _NUMBER.match(folded):
        return Column(name, NUMBER)
    if _LEVEL_HEADER.match(folded):
        return Column(name, LEVEL)
    if _ROLE_HEADER.match(folded):
        return Column(name, ROLE)
    if _ASIDE_HEADER.search(folded):
        return Column(name, ASIDE)
    if _SHARE_HEADER.match(folded):  # 责任分工: its cells print the roles (牵头：X；配合：Y), read by their labels
        return Column(name, OFFICE, RESPONSIBLE)
    if role := header_role(folded):
        return Column(name, OFFICE, role)
    if re.search(r"时限|时间|进度", folded) or _YEAR_HEADER.search(folded):
        return Column(name, OTHER)  # 2023年目标, 2022年: a column of a year's figures, in a table of targets
    if _TITLE.search(folded):
        return Column(name, TITLE)
    if _CONTENT.search(folded):
        return Column(name, CONTENT)
    return Column(name, OTHER)


def read_table(lines: list[SourceLine], start: int, columns: list[Column]) -> Table:
    """Read the rows after the header at `lines[start]` until a line that is neither a row nor a section heading."""
    table = Table(columns, [], len(lines))
    if not any(c.kind == OFFICE for c in columns):
        table.warnings.append(f"第{lines[start].no}行的任务表没有牵头或责任科室列，各项任务未列科室")
    previous: Row | None = None
    columns = table.columns = _outline_titles(lines, start, columns)
    levels = [""] * sum(1 for c in columns if c.kind == LEVEL)
    matrix = _matrix_row(lines, start, columns)
    if matrix is not None:
        columns = table.columns = matrix[1]
        table.key_lines.append(matrix[0])
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.blank or is_chrome(line) or _RULE.match(line.text) or (matrix and index == matrix[0]):
            continue
        cells = split_cells(line.text)
        if cells is not None and len(filled := [c for c in cells if c]) == 1 and (
                is_issuer_line(filled[0]) or is_date_line(filled[0])):
            table.end = index  # the signature under the table, in its last column (衢州市教育局 / 2023年2月15日)
            break
        if matrix is not None and cells is not None and len(filled := [c for c in cells if c]) == 1 \
                and _LEGEND.search(fold(filled[0])):
            table.end = index  # the legend under a matrix, typed into its first cell (注：“★”表示牵头单位…)
            break
        if cells is None:
            if _HEADING.match(fold(line.text).strip()):
                table.rows.append(Row(index, heading=line.text.strip()))
                previous = None
                continue
            table.end = index
            break
        if [c.strip() for c in cells] == [c.name.strip() for c in columns]:
            continue  # the header again (Word repeats it on every page)
        if (other := read_header(line)) is not None:
            # the next section's own table, under a header of its own (责任科室 / 协办科室 where the first had 牵头科室)
            # or the header's second row, naming the columns a merged office group spans
            other = _under_office_group(columns, other) if previous is None and not table.rows else other
            columns = table.columns = other
            levels = [""] * sum(1 for c in columns if c.kind == LEVEL)
            previous = None
            continue
        if previous is not None and matrix is None and (band := _band_row(index, cells)) is not None:
            table.rows.append(band)  # the task's measures or its offices, on a row of their own merged across
            continue
        row = _row(index, cells, columns)
        if _TOTALS.fullmatch(fold(row.number).strip()):
            continue  # 合计 | … | 100: the sum of a scoring column, no task
        for depth, cell in enumerate(row.levels):  # 一级任务 / 二级任务 merged down: a new value opens its heading
            if cell and cell != levels[depth]:
                table.rows.append(Row(index, heading=cell))
                levels[depth + 1:] = [""] * (len(levels) - depth - 1)
                levels[depth] = cell
                previous = None
        if row.heading is None and previous is not None and _continues(row, previous):
            row.continues = True
        if row.heading is None and not row.continues and not (row.title or row.fields):
            continue  # an empty row
        table.rows.append(row)
        previous = row if row.heading is None else None
    if matrix is not None:
        _resolve_marks(table, lines)
    return table


# A task as a band of rows (序号 | 任务名称 | 完成时限, then its measures merged across the row, then 牵头：X；配合：Y
# merged across): a row of one cell under a task is the task's, never a section (its sections open with 一、).
_BAND_TEXT = re.compile(r"[。，,；;]")
# a note under a table or a plan (注：未选择牵头科室的任务…), typed into a table's first cell or after an empty label
NOTE_LINE = re.compile(r"^(?:注|备注|说明|填表说明)\s*\d*\s*[:：]")
BAND_FIELD = "工作措施"  # the field a band's measures row is kept in (the table has no column for them)


_TOTALS = re.compile(r"(?:合\s*计|总\s*计|小\s*计|共\s*计)(?:分值|得分)?")


def _band_row(index: int, cells: list[str]) -> Row | None:
    filled = [c for c in cells if c]
    if len(filled) != 1 or cells[0] != filled[0]:
        return None
    text, folded = filled[0].strip(), fold(filled[0]).strip()
    if _HEADING.match(folded) or NOTE_LINE.match(folded):
        return None
    if (groups := label_groups(folded)) and not folded[:groups[0].label[0]].strip():
        return Row(index, offices=[(RESPONSIBLE, "责任分工", text)], continues=True)
    if len(text) >= 20 and _BAND_TEXT.search(text):
        return Row(index, fields=[(BAND_FIELD, text)], continues=True)
    return None


def _outline_titles(lines: list[SourceLine], start: int, columns: list[Column]) -> list[Column]:
    """板块 / 重点工作 / 具体任务: a task column before another whose every cell opens with a heading marker
    (（一）强化政治引领) is an outline column, the subsection its rows sit in, not the tasks' titles."""
    titles = [i for i, c in enumerate(columns) if c.kind == TITLE]
    if len(titles) < 2:
        return columns
    rows = []
    for line in lines[start + 1:]:
        if line.blank:
            continue
        if (cells := split_cells(line.text)) is None:
            break
        rows.append(cells)
    out = list(columns)
    for i in titles[:-1]:
        cells = [r[i] for r in rows if i < len(r) and r[i].strip() and len([c for c in r if c]) > 1]
        if cells and all(_HEADING.match(fold(c).strip()) for c in cells):
            out[i] = Column(columns[i].name, LEVEL)
    return out


# A responsibility matrix: under a header cell 责任科室 merged over several columns, a second header row names one
# office a column; each task row marks its offices (★ 牵头, ● 配合), as a note under the table says.
_LEGEND = re.compile(r"[“\"‘「]?([★☆●○◎◇◆√✓✔△▲■□])[”\"’」]?\s*(?:表示|为|代表|是|指)\s*"
                     r"((?:牵头|主责|配合|参与|协助|协办|协同|责任)(?:科室|单位|部门|处室|股室)?)")
_DEFAULT_MARKS = {"★": LEAD, "☆": LEAD, "▲": LEAD, "◆": LEAD, "●": COOPERATING, "○": COOPERATING, "◎": COOPERATING,
                  "√": COOPERATING, "✓": COOPERATING, "✔": COOPERATING, "△": COOPERATING, "■": COOPERATING,
                  "□": COOPERATING, "◇": COOPERATING}
_DEFAULT_LABELS = {LEAD: "牵头", COOPERATING: "配合"}


def _matrix_row(lines: list[SourceLine], start: int, columns: list[Column]) -> tuple[int, list[Column]] | None:
    """(index of the second header row, the columns read with it), when the header at `start` heads a matrix."""
    index = next((i for i in range(start + 1, min(start + 3, len(lines))) if not lines[i].blank), None)
    cells = split_cells(lines[index].text) if index is not None else None
    if not cells or len(cells) != len(columns):
        return None
    matrix, under_office, offices = [], False, 0
    for column, cell in zip(columns, cells):
        # under 责任科室, or under a group of offices named for what they are (局机关科室 | 直属单位), merged across
        group = column.kind == OTHER and is_office_name(fold(column.name)) and is_office_name(fold(cell))
        under_office = column.kind == OFFICE or group or (under_office and not column.name.strip())
        if under_office and cell and is_office_name(fold(cell)):
            # a name a cell prints on two lines (职业教育与⏎成人教育科) is one name
            matrix.append(Column(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cell), MARK))
            offices += 1
        elif cell in ("", column.name.strip()) and not under_office:
            matrix.append(column)
        else:
            return None
    if offices < 2:
        return None
    marked = [j for j, c in enumerate(matrix) if c.kind == MARK]
    for line in lines[index + 1:index + 6]:
        row = split_cells(line.text)
        if row and len(row) == len(matrix) and any(
                is_office_name(fold(name)) for j in marked for name in re.split(r"[、，,\s]", row[j])):
            return None  # the cells under the group's columns name offices (局机关科室 | 局属单位 over lists): no marks
    return index, matrix


def _resolve_marks(table: Table, lines: list[SourceLine]) -> None:
    """Each row's marks read by the legend printed near the table (注：“★”表示牵头科室，“●”表示配合科室), every role
    it names present on every row (printed for the whole table), or by the common marks when there is none."""
    near = [i for i in range(table.end, min(table.end + 4, len(lines))) if _LEGEND.search(lines[i].folded)]
    table.key_lines.extend(near)
    legend = {m.group(1): (spoken_role(m.group(2)), m.group(2)) for i in near for m in _LEGEND.finditer(lines[i].text)}
    legend = {mark: (role, label) for mark, (role, label) in legend.items() if role}
    for row in table.rows:
        if row.heading is not None or row.continues:
            continue
        named: dict[str, tuple[str, list[str]]] = {role: (label, []) for role, label in legend.values()}
        for office, mark in row.marks:
            if mark in legend:
                role, label = legend[mark]
            elif role := (spoken_role(mark) or _DEFAULT_MARKS.get(mark[:1])):
                label = mark if spoken_role(mark) else _DEFAULT_LABELS.get(role, "配合")
            else:
                continue
            named.setdefault(role, (label, []))[1].append(office)
        row.offices = [(role, label, "、".join(names)) for role, (label, names) in named.items()]


def _row(index: int, cells: list[str], columns: list[Column]) -> Row:
    filled = [c for c in cells if c]
    # A section row: one cell merged across the row (Word), only its first cell filled (text copies), or a lone
    # 一、 / （一） heading in whatever column.
    if len(set(filled)) == 1 and (cells[0] == filled[0] and not (filled[0].isascii() and filled[0].isdigit())
                                  or _HEADING.match(fold(filled[0]))):
        return Row(index, heading=filled[0])
    if len(filled) == 2 and cells[0] == filled[0] and any(c.kind == NUMBER for c in columns[:1]) \
            and (m := _NUMERAL_CELL.fullmatch(fold(cells[0]).strip())):
        # 序号 一 beside the section's name, 序号 （一） beside the subsection's
        return Row(index, heading=f"{cells[0].strip()}{'' if m.group(1) or m.group(2) else '、'}{filled[1]}")
    row = Row(index)
    role_word = ""
    for column, cell in zip(columns, cells + [""] * (len(columns) - len(cells))):
        if column.kind == NUMBER:
            row.number = cell.rstrip(".、．")  # the number as printed, without its trailing mark
        elif column.kind == LEVEL:
            row.levels.append(cell)
        elif column.kind == TITLE and not row.title:
            numbered = not any(c.kind == NUMBER for c in columns) and _NUMBERED_TITLE.match(cell)
            if numbered:  # 任务名称 1.推进…: no 序号 column, the number opens the task's cell
                row.number, cell = numbered.group(1), cell[numbered.end():].strip()
                if len(items := _packed(row.number, cell)) > 1:
                    row.parts = [_part(index, number, text, column.name) for number, text in items]
                    row.title = row.parts[0].title
                    continue
            row.title = cell
            if "。" in cell.rstrip("。") and not any(c.kind == CONTENT for c in columns):
                # 具体任务 holding the task's title and its measures: 扩大普惠性学前教育资源。新建…
                row.title, rest = cell.split("。", 1)
                row.fields.append((column.name, rest.strip()))
            elif (split := _TITLE_PARAGRAPH.match(cell)) and len(split.group(2)) > 2 * len(split.group(1)) \
                    and not any(c.kind == CONTENT for c in columns):
                # 推动县域普通高中振兴 / 实施…，推进…。: the title a paragraph of its own in the cell, its measures the next
                row.title = split.group(1)
                row.fields.append((column.name, split.group(2).strip()))
        elif column.kind == OFFICE:
            if row.offices and row.offices[-1][:2] == (column.role or "", column.name):
                # the next column of one office group (局机关科室 | 局属单位 under 责任单位): one list
                row.offices[-1] = (*row.offices[-1][:2], "、".join(c for c in (row.offices[-1][2], cell) if c.strip()))
            elif cell.strip() or not _SHARE_HEADER.match(fold(column.name).strip()):
                # an empty 责任分工 cell prints no label: the roles of such a column are the labels inside its cells
                row.offices.append((column.role or "", column.name, cell))
        elif column.kind == MARK:
            if cell.strip():
                row.marks.append((column.name, cell.strip()))
        elif column.kind == ROLE:
            role_word = cell.strip()
        elif cell and column.kind != ASIDE:
            row.fields.append((column.name, cell))
    if not any(_TIME_HEADER.search(fold(name)) for name, _ in row.fields):
        due = next((d for name, value in row.fields if _SCHEDULE_HEADER.search(fold(name)) and (d := _last_step_due(value))),
                   None)
        if due:
            row.fields.append((DEADLINE_FIELD, due))
    if (role := spoken_role(role_word)) and row.offices:
        # one row per task and office: the row's 责任类型 says the office's role, and is printed as its label
        row.offices = [(role, role_word, cell) for _, _, cell in row.offices]
    elif len(row.offices) == 1 and (remark := next((v for n, v in row.fields if _REMARK.match(fold(n).strip())), "")):
        row.offices = _roles_by_remark(row.offices[0], remark)
    if row.parts:
        _share_out(row)
    return row


# A schedule of steps in one cell (季度推进计划: 一季度（3月底前）：…；…；四季度（12月底前）：…) and no 完成时限 column:
# the task is due when its last step is, the date in that step's brackets, or its label when it prints none (四季度,
# 每季度). Earlier steps are milestones, read as time nodes from the cell's text.
_SCHEDULE_HEADER = re.compile(r"推进计划|推进安排|进度计划|进度安排|季度计划|季度安排|阶段安排|分阶段|时序安排")
_TIME_HEADER = re.compile(r"时限|时间|截止")
DEADLINE_FIELD = "完成时限"  # the field a deadline read from elsewhere in the task is kept in
_STEP = re.compile(r"(?P<label>(?:第?[一二三四1-4]|每)季度|上半年|下半年|(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月份?)"
                   r"\s*(?:[（(](?P<date>[^（）()]{2,16})[)）])?\s*[:：]")


# a task cell whose first paragraph (a line break the cell's text keeps as a space) is a bare title, the next a sentence
_TITLE_PARAGRAPH = re.compile(r"^([^\s。，,；;：:、]{4,30}?)\s+(?=[\u4e00-\u9fff“（(])(\S.*[，,；;。].*)$")


def _last_step_due(cell: str) -> str | None:
    steps = list(_STEP.finditer(cell))
    if not steps or (len(steps) == 1 and steps[0].start() > 0):  # one step must open the cell
        return None
    last = steps[-1]
    return (last.group("date") or last.group("label")).strip()


# the next task packed into the same cell: 。 (or ；), the line break the cell's text keeps as a space, its number
_PACKED_NEXT = re.compile(r"(?<=[。；;])\s+(\d{1,3})\s*[.、．]\s*(?=[\u4e00-\u9fff“\"《])")


_REMARK = re.compile(r"^(?:备注|说明|备注说明)$")


def _roles_by_remark(offices: tuple[str, str, str], remark: str) -> list[tuple[str, str, str]]:
    """责任科室 `X、Y、Z` with 备注 `X牵头，Y配合` (or `共同牵头`, or a bare `牵头` beside one office): the remark gives
    the roles of the offices it names, the others keep the column's; every role keeps the column's header as its
    label. A remark naming no office of the list (纳入督查事项) changes nothing."""
    role, label, cell = offices
    names = split_offices(cell)
    given: dict[str, str] = {}
    for clause in re.split(r"[；;。]", fold(remark)):
        clause = clause.strip()
        if clause in ("牵头", "负责牵头") and len(names) == 1:
            given[names[0]] = LEAD
        for group in spoken_roles(clause) or []:
            for name in split_offices(clause[group.names[0]:group.names[1]]):
                if name in names:
                    given.setdefault(name, group.role)
    if not given:
        return [offices]
    out = []
    for each in (LEAD, role, RESPONSIBLE, COOPERATING):
        members = [n for n in names if given.get(n, role) == each]
        if members and each not in [r for r, _, _ in out]:
            out.append((each, label, "、".join(members)))
    return out


def _packed(first: str, cell: str) -> list[tuple[str, str]]:
    """(number, text) of each task packed into one cell after the first (whose number is cut off already): the
    numbers must run on 1, 2, 3 from the first, so a measure list inside one task (其中：1.… 2.…) is no task."""
    items, start, number = [], 0, int(first)
    for m in _PACKED_NEXT.finditer(cell):
        if int(m.group(1)) != number + 1:
            continue
        items.append((str(number), cell[start:m.start()].strip()))
        start, number = m.end(), number + 1
    items.append((str(number), cell[start:].strip()))
    return items


def _part(index: int, number: str, text: str, name: str) -> Row:
    title, _, body = text.partition("。")
    return Row(index, number=number, title=title.strip(), fields=[(name, body.strip())] if body.strip() else [])


def _share_out(row: Row) -> None:
    """Give each packed task the row's offices and its other cells; a cell marked by task number
    (7.2023年8月底前 8.2023年12月底前) gives each its own value."""
    numbers = [part.number for part in row.parts]
    for name, value in row.fields:
        by_number = _by_number(value, numbers)
        for part in row.parts:
            part.fields.append((name, by_number.get(part.number, value) if by_number else value))
    for part in row.parts:
        part.offices = list(row.offices)


_NUMBERED_VALUE = re.compile(r"(?:^|\s+)(\d{1,3})\s*[.、．](?=\s*(?:\d{4}年|[\u4e00-\u9fff]))")


def _by_number(value: str, numbers: list[str]) -> dict[str, str]:
    """`7.2023年8月底前 8.2023年12月底前` -> {"7": "2023年8月底前", "8": "2023年12月底前"}, when every piece is marked by
    one of `numbers`; else {}."""
    pieces = _NUMBERED_VALUE.split(value.strip())
    if len(pieces) < 3 or pieces[0].strip():
        return {}
    found = {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}
    return found if set(found) <= set(numbers) and all(found.values()) else {}


def _under_office_group(group_row: list[Column], columns: list[Column]) -> list[Column]:
    """A second header row under a merged office group (责任单位 over 局机关科室 | 局属单位): the group splits its names
    by kind of office, not by role, so each of its columns is an office column of the group's role and label, and a
    row's names in them are one list (a bare role word under the group, 牵头 | 配合, names its own role instead)."""
    out = list(columns)
    for i, group in enumerate(group_row):
        if group.kind != OFFICE:
            continue
        span = i + 1
        while span < len(group_row) and span < len(out) and not group_row[span].name.strip():
            span += 1
        if span - i < 2:
            continue
        for j in range(i, min(span, len(out))):
            if out[j].kind != OFFICE and out[j].name.strip():
                out[j] = Column(group.name, OFFICE, group.role)
    return out


def _continues(row: Row, previous: Row) -> bool:
    """A task spanning rows: no number and no task of its own, or both repeated by a vertically merged cell."""
    if not row.number and not row.title:
        return True
    if row.number and row.number == previous.number and not row.title \
            and not any(cell.strip() for _, _, cell in row.offices):
        return True  # the rest of a row a page cut, its 序号 typed again over the next piece (11 | | 3.… | | |)
    return row.number == previous.number and row.title == previous.title


# A table copied out of a PDF's text layer comes one cell a line: 序号 / 工作任务 / 牵头科室 / … each on a line of its
# own, then every row's cells the same way, a section row (一、…) on one line.
_HEADER_CELL = re.compile(r"[^\s，,。；;：:、]{2,10}")
_ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")


def join_stacked_cells(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with every such stacked table put back into one tab-separated line per row, so it is read as any
    task table. Only a run that starts with a header the table reader knows (a task column, and a 序号 or office
    column) and rows that start with their number are joined; a row missing a cell (an empty cell leaves no line)
    ends the run, so nothing is ever joined out of step."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        width = _stacked_header(lines, i)
        if not width:
            out.append(lines[i])
            i += 1
            continue
        out.append(_joined(lines[i:i + width]))
        i += width
        while i < len(lines):
            key = lines[i].folded.strip()
            if not key or _HEADING.match(key):
                out.append(lines[i])  # a blank line or a section row, read as such by the table reader
                i += 1
            elif _ROW_NUMBER.fullmatch(key) and i + width <= len(lines) and not any(
                    _ROW_NUMBER.fullmatch(l.folded.strip()) or l.blank for l in lines[i + 1:i + width]):
                out.append(_joined(lines[i:i + width]))
                i += width
            else:
                break
    return out


def _stacked_header(lines: list[SourceLine], start: int) -> int:
    """The number of columns when a stacked header starts at `lines[start]`, else 0."""
    end = start
    while end < len(lines) and _header_cell(lines[end].folded.strip(), first=end == start):
        end += 1
    if end - start < 3:
        return 0
    return end - start if read_header(_joined(lines[start:end])) else 0


def _header_cell(key: str, first: bool) -> bool:
    """A short cell naming a column the table reader knows, or, after the first, a deadline or remarks column."""
    return bool(_HEADER_CELL.fullmatch(key)) and (
        _column(key).kind != OTHER or (not first and bool(re.search(r"时限|时间|进度|备注", key))))


def _joined(lines: list[SourceLine]) -> SourceLine:
    return rebuilt_line(lines[0].no, "\t".join(l.text.strip() for l in lines))


# A table copied out of WPS or Word as fixed-width text: the columns padded with spaces to a display width (a Chinese
# character two columns wide, a digit one), a long cell wrapped inside its column onto the next lines, where the
# other columns are blank.
_GAP = re.compile(r"\S+(?: \S+)*")  # a run of text; two spaces or more part the cells
_TOLERANCE = 3  # display columns a centred cell may start left of its header


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _chunks(text: str) -> list[tuple[int, str]]:
    """(display column, text) of each run of a line."""
    return [(_width(text[:m.start()]), m.group(0)) for m in _GAP.finditer(text)]


def join_fixed_width(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with every fixed-width task table put back into one tab-separated line per row, so it is read as
    any task table: a header the table reader knows, parted by two spaces or more; a row starting with its number
    in the first column, its wrapped lines (the first column blank) joined cell by cell; a section row (一、…) alone
    from the left margin. A line that is none of these ends the table."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        header = _chunks(lines[i].text.rstrip())
        columns = read_header(rebuilt_line(lines[i].no, "\t".join(c for _, c in header))) \
            if len(header) >= 3 and "\t" not in lines[i].text else None
        if columns is None or columns[0].kind != NUMBER:
            out.append(lines[i])
            i += 1
            continue
        starts = [at for at, _ in header]
        out.append(rebuilt_line(lines[i].no, "\t".join(c for _, c in header)))
        i += 1
        row: list[list[str]] | None = None
        first = 0
        while i < len(lines):
            line = lines[i]
            chunks = _chunks(line.text.rstrip())
            if not chunks:
                break
            cells = [[] for _ in starts]
            for at, text in chunks:
                column = max((k for k, s in enumerate(starts) if s <= at + _TOLERANCE), default=0)
                cells[column].append(text)
            lead = " ".join(cells[0])
            if lead.isdigit():  # a new row
                if row is not None:
                    out.append(_fixed_row(first, row))
                row, first = cells, line.no
            elif len(chunks) == 1 and chunks[0][0] == 0 and _HEADING.match(fold(chunks[0][1])):
                if row is not None:
                    out.append(_fixed_row(first, row))
                row = None
                out.append(rebuilt_line(line.no, chunks[0][1]))
            elif row is not None and not lead:  # the row's cells go on
                for k, parts in enumerate(cells):
                    row[k].extend(parts)
            else:
                break
            i += 1
        if row is not None:
            out.append(_fixed_row(first, row))
    return out


def _fixed_row(no: int, cells: list[list[str]]) -> SourceLine:
    return rebuilt_line(no, "\t".join(join_wrapped(parts) for parts in cells))


# A table typed as plain text with no header row and nothing but runs of spaces between its cells, its columns named
# instead by a legend line above it (说明：以下各行依次为序号、重点任务、牵头股室、配合股室、完成时限，未列配合的空缺).
_COLUMN_LEGEND = re.compile(r"(?:各行|各列|每行|表中)?(?:内容)?(?:依次|分别|顺序)为[:：]?\s*([^，,。；;]+)")
# a cell that says when: the last cell of a row short of a cell is the deadline column's, the missing one an office's
_DUE_CELL = re.compile(r"^(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月(?:份)?)?\s*(?:\d{1,2}\s*[日号])?\s*"
                       r"(?:底|末|初|中旬|上旬|下旬|前|底前|末前|开学前|以前|之前)?$|^(?:全年|持续推进|长期|长期坚持|常态化|"
                       r"每学期|每季度|每月|年内|年底前|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$")


def join_spaced_rows(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with such a table put into tab-separated lines, the legend read as its header row, so it is read as
    any task table. A row starts with its number and has at least three cells; a row short of cells leaves out an
    office column (the legend's 未列配合的空缺): its last cell goes to the deadline column when it says when, the
    others fill the columns from the left. A section row (一、…) is kept; any other line ends the table."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        columns = _legend_columns(lines[i])
        if columns is None:
            out.append(lines[i])
            i += 1
            continue
        out.append(rebuilt_line(lines[i].no, "\t".join(c.name for c in columns)))
        i += 1
        while i < len(lines):
            line = lines[i]
            cells = [c for _, c in _chunks(line.text.strip())]
            if not cells or _HEADING.match(line.folded.strip()):
                out.append(rebuilt_line(line.no, line.text.strip()) if cells else line)
            elif _ROW_NUMBER.fullmatch(cells[0]) and 3 <= len(cells) <= len(columns):
                out.append(rebuilt_line(line.no, "\t".join(_fill(cells, columns))))
            else:
                break
            i += 1
    return out


def _legend_columns(line: SourceLine) -> list[Column] | None:
    m = _COLUMN_LEGEND.search(line.folded)
    if not m or "\t" in line.text:
        return None
    names = [n.strip() for n in m.group(1).split("、") if n.strip()]
    if len(names) < 3 or any(len(n) > _MAX_HEADER_CELL for n in names):
        return None
    columns = read_header(rebuilt_line(line.no, "\t".join(names)))
    return columns if columns and columns[0].kind == NUMBER else None


def _fill(cells: list[str], columns: list[Column]) -> list[str]:
    if len(cells) == len(columns):
        return cells
    filled = [""] * len(columns)
    if _DUE_CELL.match(fold(cells[-1]).strip()) and _TIME_HEADER.search(fold(columns[-1].name)):
        filled[-1], cells = cells[-1], cells[:-1]
    filled[:len(cells)] = cells
    return filled
