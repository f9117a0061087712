"""Time nodes: every time commitment a task prints (3月底前, 上半年, 第一季度, a 完成时限 cell), resolved to dates.

Staff keep their ledger by what is due when, so a node is only what the plan prints: the phrase as printed, the
sentence that holds it, and the dates it means in the plan's year. A phrase that names no date (长期坚持, 按上级
要求) keeps its text with no dates; a task that prints nothing has no node, never a guessed one.

Two readings, because plans say it two ways:
- a time column or line (完成时限 / 时间节点): its whole value is a commitment; a value with no datable phrase is
  still one node, as printed;
- running text: only phrases that are dates or periods. A date with a printed year before the plan's is a reference
  to something done (2023年9月出台的办法), not a commitment; ongoing words (持续推进) count only when set apart in
  brackets, since in running text they are ordinary verbs.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .normalize import fold
from .records import TIME_FIELDS
# Fields that describe the present state, not what is to be done.
_NOT_COMMITMENTS = ("问题描述", "存在问题", "现状")

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
       "十一": 11, "十二": 12, "两": 2}
_NUM = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_YEAR = r"(?:(?P<year>20\d\d)\s*年\s*)?"
_BEFORE = r"(?P<before>以前|之前|前)?"
PHRASE = re.compile(
    r"(?<!\d)(?P<iso>(?P<iso_year>20\d\d)\s*[-/.]\s*(?P<iso_month>\d{1,2})\s*[-/.]\s*(?P<iso_day>\d{1,2}))(?!\d)(?P<iso_before>以前|之前|前)?"
    # 2024-09-30, 2024/9/30: a date cell as an OA export or a sheet's date format prints it
    + r"|" + _YEAR + r"(?:"
    # 3月至6月 / 3—6月 / 3-6月
    r"(?P<m1>" + _NUM + r")\s*(?:月\s*(?:份\s*)?)?(?:至|到|—|－|-|~|～)\s*(?P<m2>" + _NUM + r")\s*月(?:份)?(?P<m2end>底|末)?"
    r"|(?P<month>" + _NUM + r")\s*月\s*(?:份\s*)?"
    r"(?:(?P<day>\d{1,2})\s*[日号]|(?P<part>底|末|初|上旬|中旬|下旬))?"
    r"|(?P<half>上半年|下半年)"
    r"|第(?P<quarter>[一二三四1-4])季度?|(?P<quarter2>[一二三四1-4])季度"
    r"|(?<![去前明])(?P<yearend>年底|年末|年内)"
    r"|(?<=年)(?P<yend>底|末)"  # 2024年底: the year group took the 年
    r"|(?P<whole>全年)(?![龄级度])"
    r"|(?P<term>春季|秋季)(?:学期)?(?P<opening>开学)?"
    r"|(?P<summer>暑假|暑期)"
    r")" + _BEFORE
)
# A month that is a count or a frequency, not a date: 3个月, 每月, 按月.
_NOT_A_MONTH_BEFORE = re.compile(r"(每|按|逐|个|半)\s*$")
_ONGOING = re.compile(r"[（(](长期坚持|持续推进|常态化推进|长期推进|长期)[)）]")
_SENTENCE_END = "。；;！？!?"


@dataclass(frozen=True)
class TimeNode:
    text: str  # as printed
    start: str | None  # ISO date, or None when the phrase sets no start (a deadline) or no date at all
    end: str | None
    sentence: str  # the printed sentence (or the time cell) that holds it

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "sentence": self.sentence}


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _CN[text]


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def resolve(match: re.Match, plan_year: int | None) -> tuple[date | None, date | None] | None:
    """The dates a phrase means; None when it cannot be a date (a month 13, a year the plan does not give)."""
    g = match.groupdict()
    if g["iso"]:
        try:
            day = date(int(g["iso_year"]), int(g["iso_month"]), int(g["iso_day"]))
        except ValueError:  # 2024-02-30
            return None
        return (None if g["iso_before"] else day), day
    year = int(g["year"]) if g["year"] else plan_year
    if year is None:
        return None
    before = bool(g["before"])
    try:
        if g["m1"]:
            first, last = _number(g["m1"]), _number(g["m2"])
            if not 1 <= first <= last <= 12:
                return None
            return (None if before else date(year, first, 1)), _last_day(year, last)
        if g["month"]:
            month = _number(g["month"])
            if not 1 <= month <= 12:
                return None
            if g["day"]:
                day = date(year, month, int(g["day"]))
                return (None if before else day), day
            part = g["part"]
            if part in ("底", "末"):
                return None, _last_day(year, month)
            if part in ("上旬", "中旬", "下旬", "初"):
                first, last = {"初": (1, 10), "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}[part]
                end = min(last, _last_day(year, month).day)
                return (None if before else date(year, month, first)), date(year, month, end)
            if before:  # 3月前: before March begins
                return None, (_last_day(year - 1, 12) if month == 1 else _last_day(year, month - 1))
            return date(year, month, 1), _last_day(year, month)
        if g["half"]:
            first_half = g["half"] == "上半年"
            start, end = (date(year, 1, 1), date(year, 6, 30)) if first_half else (date(year, 7, 1), date(year, 12, 31))
            return (None if before else start), end
        if g["quarter"] or g["quarter2"]:
            q = _number(g["quarter"] or g["quarter2"])
            start, end = date(year, 3 * q - 2, 1), _last_day(year, 3 * q)
            return (None if before else start), end
        if g["yend"] and not g["year"]:
            return None
        if g["yearend"] or g["yend"]:
            return None, date(year, 12, 31)
        if g["whole"]:
            return date(year, 1, 1), date(year, 12, 31)
        if g["term"]:
            autumn = g["term"] == "秋季"
            if g["opening"] or before:  # 秋季开学前: done before the term begins
                return None, (date(year, 8, 31) if autumn else date(year, 1, 31))
            if not g["opening"] and not match.group(0).rstrip("前之以").endswith("学期"):
                return None  # 秋季 alone is a season word (秋季运动会), not a term
            return (date(year, 9, 1), date(year + 1, 1, 31)) if autumn else (date(year, 2, 1), date(year, 7, 31))
        if g["summer"]:
            return (None if before else date(year, 7, 1)), date(year, 8, 31)
    except ValueError:  # 2月30日
        return None
    return None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    rights = [i for i in (text.find(c, end) for c in "。；;") if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def date_phrases(text: str):
    """The matches of PHRASE in `text` that can be dates: not a count or frequency (3个月, 每月) and not the tail of
    a longer number."""
    for m in PHRASE.finditer(text):
        if m.group("month") and not m.group("year") and (_NOT_A_MONTH_BEFORE.search(text[:m.start()])
                                                         or text[m.start() - 1: m.start()].isdigit()):
            continue
        yield m


def phrases(text: str, plan_year: int | None, in_time_field: bool = False) -> list[TimeNode]:
    """The time phrases of `text` in reading order (as printed; matched on its Simplified form of the same length):
    dates and periods, and ongoing words set apart in brackets."""
    key = fold(text)
    if len(key) != len(text):
        key = text
    found: list[tuple[int, TimeNode]] = []
    for m in date_phrases(key):
        dates = resolve(m, plan_year)
        if dates is None:
            continue
        printed_year = m.group("year") or m.group("iso_year")
        if printed_year and plan_year and int(printed_year) < plan_year and not in_time_field:
            continue  # a reference to something already done
        start, end = dates
        printed = text[m.start():m.end()].strip()
        found.append((m.start(), TimeNode(printed, _iso(start), _iso(end), _sentence(text, m.start(), m.end()))))
    if not in_time_field:
        for m in _ONGOING.finditer(key):
            found.append((m.start(), TimeNode(text[m.start(1):m.end(1)], None, None,
                                              _sentence(text, m.start(), m.end()))))
    return [node for _, node in sorted(found, key=lambda pair: pair[0])]


def time_nodes(title: str, fields: dict[str, str], body: str, plan_year: int | None) -> list[TimeNode]:
    """Every time node of one task, in reading order: title, then each field (a time field as a whole), else the body
    when the task has no named fields."""
    nodes: list[TimeNode] = []
    segments = [(None, title)] + (list(fields.items()) if fields else [(None, body)])
    for name, value in segments:
        if not value or (name and name.startswith(_NOT_COMMITMENTS)):
            continue
        if name and name.startswith(TIME_FIELDS):
            found = phrases(value, plan_year, in_time_field=True)
            for node in found:
                nodes.append(TimeNode(node.text, node.start, node.end, value.strip()))
            if not found:
                nodes.append(TimeNode(value.strip(), None, None, value.strip()))
            continue
        nodes.extend(phrases(value, plan_year))
    return nodes
