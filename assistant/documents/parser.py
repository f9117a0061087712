"""Cut a plan's lines into records: preamble, sections, tasks with their fields and offices, summary items.

The parser reads `SourceLine`s (see normalize.py) and knows nothing of files, catalogs or indexes. It matches its
patterns against the Simplified `folded` view and slices the original `text` view at the same offsets, so titles,
fields and offices come out exactly as printed, in the original script.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import SourceLine, is_chrome, join_wrapped
from .offices import split_offices
from .records import PREAMBLE, SUMMARY, TASK, Record

PARSER_VERSION = "2"

_NUMERALS = "一二三四五六七八九十"
_DASH_PREFIX = re.compile(r"^\s*[-–—•·]\s+")
_SECTION = re.compile(rf"^([{_NUMERALS}]+)、\s*(\S.*)$")
_ITEM = re.compile(rf"^([（(])([{_NUMERALS}]+)([)）])\s*(\S.*)$")
# A task number must be followed by a CJK character or an opening quote, so "2.0行动计划" or "3.15亿元" at the
# start of a wrapped line is not taken for a task.
_TASK = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?=[\u4e00-\u9fff“\"《「])(.*)$")
_SUMMARY_PART = re.compile(r"^(20\d\d)\s*年\s*(?:度\s*)?工作总结$")
_PLAN_PART = re.compile(r"^(?:.*?)(20\d\d)\s*年\s*(?:度\s*)?工作要点$")
# Field labels start a line or follow a space or sentence end (PDF copies run 工作措施: on after 目标任务's text);
# office labels may follow anything (`市后勤与资助中心责任科室(单位): ...`).
_LABEL = re.compile(
    r"(?:^|(?<=[\s。；;]))(?P<field>问题描述|目标任务|任务目标|工作措施|工作举措|主要措施|具体措施|备注)\s*[:：]"
    r"|(?P<role>牵头|责任|配合)(?:科室|单位|处室|部门)\s*(?:[（(]\s*单位\s*[)）])?\s*[:：]"
)
_TRAILER = re.compile(r"^(信息公开选项|信息公开属性|抄送|主题词|附件[:：]|.{0,30}\d{4}\s*年.*印发$)")
_PREAMBLE_KEY = re.compile(r"(总体思路|总体要求|指导思想|总体目标)")

LEAD, RESPONSIBLE = "lead", "responsible"
NOTE_LEAD_FROM_RESPONSIBLE = "原文未标“牵头科室”：此处列为牵头的是原文第一条“责任科室”"


@dataclass
class _Builder:
    """A record being filled line by line."""

    kind: str
    section: str | None
    section_title: str | None
    task_no: int | None
    title: str
    first: SourceLine
    item: str | None = None
    year: int | None = None
    lines: list[SourceLine] = field(default_factory=list)
    fields: dict[str, list[list[str]]] = field(default_factory=dict)  # name -> paragraphs -> wrapped pieces
    offices: list[tuple[str, list[str]]] = field(default_factory=list)  # (牵头/责任/配合, printed text parts)
    slot: list[str] | None = None  # the parts list that continuation text goes to

    def add_line(self, line: SourceLine) -> None:
        self.lines.append(line)

    def open_field(self, name: str) -> None:
        """A label seen again in the same task (达州 34 prints 问题描述 twice) starts a new paragraph of that field."""
        self.fields.setdefault(name, []).append([])
        self.slot = self.fields[name][-1]

    def open_office(self, role: str) -> None:
        self.offices.append((role, []))
        self.slot = self.offices[-1][1]

    def append(self, text: str) -> None:
        if self.slot is None:
            self.open_field("内容")
        self.slot.append(text)


@dataclass
class ParseResult:
    records: list[Record]
    warnings: list[str]
    plan_year: int | None
    summary_year: int | None
    title: str


def numeral_value(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23."""
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(numeral, 0)


def strip_list_prefix(s: str) -> str:
    return _DASH_PREFIX.sub("", s, count=1)


def parse_lines(lines: list[SourceLine], doc: str = "", city: str = "", year: int | None = None) -> ParseResult:
    """Parse one document. `year` (from the catalog) wins over the year the plan's heading states."""
    parser = _Parser(lines, doc, city, year)
    return parser.run()


class _Parser:
    def __init__(self, lines: list[SourceLine], doc: str, city: str, year: int | None):
        self.lines = lines
        self.doc, self.city, self.catalog_year = doc, city, year
        self.mode = "plan"
        self.plan_year: int | None = None
        self.summary_year: int | None = None
        self.title = ""
        self.section: tuple[str, str] | None = None
        self.last_task_no = 0
        self.tasks_in_section = 0
        self.current: _Builder | None = None
        self.builders: list[_Builder] = []
        self.front: list[SourceLine] = []  # lines before the first section of the current part
        self.warnings: list[str] = []
        self.ended = False
        # Plans that number their tasks （一）（二） under each section instead of 1. 2.: then those items are tasks.
        self.items_are_tasks = not any(
            (m := _TASK.match(self._key(l))) and m.group(1) == "1" for l in lines if not l.blank)

    # -- driving -----------------------------------------------------------------------------------------------
    def run(self) -> ParseResult:
        has_parts = any(_PLAN_PART.match(self._key(l)) or _SUMMARY_PART.match(self._key(l)) for l in self.lines)
        if has_parts:
            self.mode = "front"
        for line in self.lines:
            if line.blank or is_chrome(line):
                continue
            if self.ended:
                break
            self._feed(line)
        self._flush_front()
        self._close()
        records = [self._finish(b) for b in self.builders]
        self._check_offices(records)
        return ParseResult(records, self.warnings, self.plan_year, self.summary_year, self.title)

    @staticmethod
    def _key(line: SourceLine) -> str:
        return strip_list_prefix(line.folded.strip())

    def _feed(self, line: SourceLine) -> None:
        key = self._key(line)
        if m := _SUMMARY_PART.match(key):
            self._start_part("summary", int(m.group(1)), line)
            return
        if m := _PLAN_PART.match(key):
            if self.mode != "plan" or self.section is None:
                self._start_part("plan", int(m.group(1)), line)
                return
        if self.mode == "front":
            return  # notice head before the plan: not part of any record
        if _TRAILER.match(key):
            self._close()
            self.ended = True
            return
        if m := _SECTION.match(key):
            self._start_section(m.group(1), self._slice(line, key, m.start(2)), line)
            return
        if self.mode == "summary" and (m := _ITEM.match(key)):
            self._start_item(line, key, m)
            return
        if self.mode == "plan" and (m := _TASK.match(key)) and self._is_next_task(int(m.group(1))):
            self._start_task(int(m.group(1)), self._slice(line, key, m.start(2)), line)
            return
        if self.mode == "plan" and self.items_are_tasks and (m := _ITEM.match(key)) \
                and self._is_next_task(numeral_value(m.group(2))):
            self._start_task(numeral_value(m.group(2)), self._slice(line, key, m.start(4)), line)
            return
        if self.current is None:
            self.front.append(line)
            return
        self.current.add_line(line)
        self._content(line, key)

    def _slice(self, line: SourceLine, key: str, start: int) -> str:
        """The original-script text of `line` from offset `start` of its key (folded, prefix-stripped) form."""
        text = line.text.strip()
        offset = len(text) - len(key)
        return text[offset + start:].strip()

    # -- parts, sections, records ------------------------------------------------------------------------------
    def _start_part(self, mode: str, year: int, line: SourceLine) -> None:
        self._flush_front()
        self._close()
        self.mode = mode
        self.section = None
        self.front = []
        if mode == "summary":
            self.summary_year = year
            self.current = _Builder(SUMMARY, None, None, None, line.text.strip(), line, year=year)
            self.current.add_line(line)
        else:
            self.plan_year = year
            self.title = self.title or line.text.strip()

    def _start_section(self, numeral: str, title: str, line: SourceLine) -> None:
        self._flush_front()
        self._close()
        self.section = (numeral, title)
        self.tasks_in_section = 0
        if self.mode == "summary":
            self.current = _Builder(SUMMARY, numeral, title, None, title, line, year=self.summary_year)
            self.current.add_line(line)

    def _start_item(self, line: SourceLine, key: str, m: re.Match) -> None:
        self._close()
        body = self._slice(line, key, m.start(4))
        title, rest = _split_title(body)
        numeral, title_section = self.section or (None, None)
        item = self._slice(line, key, m.start(1))[: len(m.group(1) + m.group(2) + m.group(3))]
        self.current = _Builder(SUMMARY, numeral, title_section, None, title, line, item=item, year=self.summary_year)
        self.current.add_line(line)
        if rest:
            self.current.append(rest)

    def _is_next_task(self, number: int) -> bool:
        return number == self.last_task_no + 1 or (number == 1 and self.tasks_in_section == 0)

    def _start_task(self, number: int, body: str, line: SourceLine) -> None:
        self._flush_front()
        self._close()
        self.last_task_no = number
        self.tasks_in_section += 1
        numeral, section_title = self.section or (None, None)
        title, rest = _split_title(body)
        self.current = _Builder(TASK, numeral, section_title, number, title, line, year=self.plan_year)
        self.current.add_line(line)
        if rest:
            self.current.append(rest)

    def _close(self) -> None:
        if self.current is not None:
            self.builders.append(self.current)
        self.current = None

    def _flush_front(self) -> None:
        """Lines between a part's heading and its first section: the plan's preamble or the summary's intro."""
        front, self.front = self.front, []
        if self.mode != "plan" or self.section is not None:
            return
        start = next((i for i, l in enumerate(front) if _PREAMBLE_KEY.search(l.folded)), None)
        if start is None:
            return
        first = front[start]
        label = _PREAMBLE_KEY.search(first.folded)
        title = first.text[label.start(): label.end()]  # the label as printed (总体思路 / 總體思路)
        builder = _Builder(PREAMBLE, None, None, None, title, first, year=self.plan_year)
        for line in front[start:]:
            builder.add_line(line)
            builder.append(line.text.strip())
        self.builders.append(builder)

    # -- lines inside a record ---------------------------------------------------------------------------------
    def _content(self, line: SourceLine, key: str) -> None:
        """Distribute a line over the record's slots: field labels and office labels may start anywhere in it."""
        builder = self.current
        assert builder is not None
        text = line.text.strip()
        offset = len(text) - len(key)
        labels = list(_LABEL.finditer(key)) if builder.kind == TASK else []
        if not labels:
            builder.append(text)
            return
        pos = 0
        for m in labels:
            if key[pos: m.start()].strip():
                builder.append(text[offset + pos: offset + m.start()])
            if m.group("field"):
                builder.open_field(text[offset + m.start("field"): offset + m.end("field")])
            else:
                builder.open_office(m.group("role"))
            pos = m.end()
        if key[pos:].strip():
            builder.append(text[offset + pos:])

    # -- finishing ---------------------------------------------------------------------------------------------
    def _finish(self, b: _Builder) -> Record:
        fields = {}
        for name, paragraphs in b.fields.items():
            text = "\n".join(p for p in (join_wrapped(parts) for parts in paragraphs) if p)
            if text:
                fields[name] = text
        lead: list[str] = []
        responsible: list[str] = []
        notes: list[str] = []
        roles = [role for role, _ in b.offices]
        for index, (role, parts) in enumerate(b.offices):
            names = split_offices(join_wrapped(parts))
            if role == "牵头" or (role == "责任" and "牵头" not in roles and roles.count("责任") > 1 and index == roles.index("责任")):
                if role == "责任":
                    notes.append(NOTE_LEAD_FROM_RESPONSIBLE)
                lead.extend(n for n in names if n not in lead)
            else:
                responsible.extend(n for n in names if n not in responsible)
        last = b.lines[-1].no
        year = self.catalog_year if b.kind != SUMMARY and self.catalog_year else b.year
        return Record(
            doc=self.doc, city=self.city, year=year, kind=b.kind, section=b.section, task_no=b.task_no,
            title=b.title, fields=fields, lead_offices=lead, responsible_offices=responsible,
            text="\n".join(l.text for l in self.lines[b.first.no - 1: last]).strip("\n"),
            line_start=b.first.no, line_end=last, notes=notes, section_title=b.section_title, item=b.item,
        )

    def _check_offices(self, records: list[Record]) -> None:
        """Warn where offices are missing: per task when other tasks list them, once when the plan lists none."""
        tasks = [r for r in records if r.kind == TASK]
        with_offices = [t for t in tasks if t.lead_offices or t.responsible_offices]
        if tasks and not with_offices:
            self.warnings.append("全文未列牵头科室或责任科室")
            return
        for t in tasks:
            if t not in with_offices:
                self.warnings.append(f"{t.section or ''}、第{t.task_no}项「{t.title}」未列科室（第{t.line_start}行）")


def _split_title(body: str) -> tuple[str, str]:
    """A task line is either a bare title or "title。body...": the title is everything before the first 。."""
    if "。" in body:
        title, rest = body.split("。", 1)
        return title.strip(), rest.strip()
    return body.strip(), ""
