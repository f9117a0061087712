"""Figures a question names as what a task is known by (那个要建37所幼儿园的, 投3.15个亿那个, 百分之九十五那个覆盖率),
and whether a task prints them.

Why: staff remember a task by a number it prints. Such a number is no topic word (it is read as a value, never
weighed as a word), so without this the task printing 37所 ranks no higher than any task on 幼儿园, and a number no
task prints (要建200所智慧校园的) is answered by the nearest task on the words around it, as if the plan set 200. A
number is compared by its value, so 一万二 finds 1.2万 and 三个多亿 finds 3.15亿元; a number the question only asks
to confirm (是30所吧) is not named here: the plan's own figure answers that (details.Detail.stated).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}

_NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)"
# kinds of what is counted; a count's measure words are one kind (staff say 42个学校 of 42所)
_PEOPLE = r"人次|人|名"
_MONEY = r"亿元|万元|元|亿|块钱|块"
_SHARE = r"%|％|成|个百分点|百分点"
# (条 and 项 are left out: 达州十二项, 承德19条 say where a task stands, with or without 第)
_COUNTED = r"所|个|家|支|间|座|场|台|套|批|辆|张|栋|亩|节|门|本|期"
_YEAR = re.compile(r"(?:19|20)\d\d")
_BEFORE = r"近|快|约|大约|大概|将近|接近|差不多"  # 快四十所: about, up to
_AFTER = r"多|余|来|出头"  # 三个多亿: from the number up
_AROUND = r"左右|上下"
# a figure the question checks (是200所吗, 目标90%？, 是5所吧, 我印象是150所, 好像是20个 对吧): the plan's own figure
# answers it, whichever it is
_CHECKED_AFTER = re.compile(r"[的了]?\s*(?:吗|吧|嘛|么|对吧|是吧|对不对|对吗|没错|不对|没记错|[？?])")
_BELIEF = re.compile(r"印象|好像|记得|记成|记的是|以为|听说|写的|写着|据说|应该是|是不是|是否|大概是|貌似|还是|或者|或是")
BELIEF_REACH = 4  # characters between a word of belief and the figure it holds (我印象中是150所)
_CLAUSE_MARK = re.compile(r"[，,。；;！!？?\s]")
_CHECK_ONLY = re.compile(r"[\s，,]*(?:对吧|是吧|对不对|对吗|没错吧?|是不是|吧|吗|"
                         r"是(?:这个数字?|这么多|这些|这样)(?:吗|吧|嘛|么)?)(?=[\s？?。！!，,]|$)")  # …7所幼儿园 是这个数吗


def _checked(question: str, m: re.Match) -> bool:
    """Whether the figure `m` is one the question checks: a check right after it (是200所吗, 90%？), in its clause's
    words of belief (我印象是150所, 10个好像是…), or a clause of its own after its clause (4所本科、3所高职 对吧)."""
    if _CHECKED_AFTER.match(question, m.end()):
        return True
    start = max((b.end() for b in _CLAUSE_MARK.finditer(question, 0, m.start())), default=0)
    end = next((b.start() for b in _CLAUSE_MARK.finditer(question, m.end())), len(question))
    # a belief said right at the figure (印象中是10个, 10个好像是…); 听说有个地方建了37所 tells what was heard of a task
    return bool(_BELIEF.search(question, max(start, m.start() - BELIEF_REACH), m.start())
                or _BELIEF.match(question, m.end()) or _CHECK_ONLY.match(question, end))
_FIGURE = re.compile(
    rf"(?<![第\d.零〇一二两三四五六七八九十百千万亿])(?P<before>{_BEFORE})?"
    rf"(?:百分之(?P<per>{_NUMBER})"
    rf"|(?P<number>\d+(?:\.\d+)?|[零〇一二两三四五六七八九][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?"
    rf"|十[一二三四五六七八九]?)\s*"
    rf"(?P<big>[万亿](?!元))?\s*(?:(?P<after>{_AFTER})\s*(?P<ge>个)?|(?P<ge2>个)\s*(?P<after2>多|余)?)?\s*"
    rf"(?P<unit>{_PEOPLE}|{_MONEY}|{_SHARE}|{_COUNTED})?)(?P<around>{_AROUND})?")
# 花了两千九百五十万, 投三个多亿: after a verb of spending, 万 and 亿 count money though 元 is not said
_SPENT = re.compile(r"(?:花|投|拨|用|资金|经费|预算|补助|奖补)了?\s*$")
# a number the plan prints, with whatever follows it (10 个 lost its measure in a page's text: it is still 10)
_PRINTED = re.compile(rf"(?<![\d.]){_NUMBER}")
_PRINTED_UNIT = re.compile(rf"\s*(?P<big>[万亿](?!元))?\s*(?P<unit>{_PEOPLE}|{_MONEY}|{_SHARE}|{_COUNTED})?")


@dataclass(frozen=True)
class Figure:
    """A number as the question names it: its value in its kind's unit (yuan, people, per cent, things)."""
    text: str
    value: float
    kind: str  # people / money / share / count
    low: float
    high: float

    def matches(self, value: float) -> bool:
        return self.low - 1e-9 <= value <= self.high + 1e-9


def number_value(number: str) -> float | None:
    """12, 1.2, 三十七, 一万二 (12000), 两百五 (250), 一点五: the value, or None for what reads as no number."""
    if number[:1].isdigit():
        try:
            return float(number)
        except ValueError:
            return None
    whole, _, decimal = number.partition("点")
    value = _chinese_whole(whole)
    if value is None:
        return None
    if decimal:
        if not all(ch in _DIGIT for ch in decimal):
            return None
        value += float("0." + "".join(str(_DIGIT[ch]) for ch in decimal))
    return value


def _chinese_whole(numeral: str) -> float | None:
    if not numeral:
        return None
    total = section = 0.0
    digit: float | None = None
    last_unit = 1
    for ch in numeral:
        if ch in _DIGIT:
            if digit is not None and digit != 0:  # 二三: two digits side by side name something (十四五), no number
                return None
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            section += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            last_unit, digit = _SMALL_UNIT[ch], None
        elif ch in _BIG_UNIT:
            total += (section + (digit or 0)) * _BIG_UNIT[ch]
            section, digit, last_unit = 0.0, None, _BIG_UNIT[ch]
        else:
            return None
    if digit:  # 一万二 = 12000, 两百五 = 250: a digit after a unit counts the next unit down
        section += digit * (last_unit // 10 if last_unit >= 10 else 1)
    return total + section


def _kind(unit: str) -> str:
    if re.fullmatch(_PEOPLE, unit):
        return "people"
    if re.fullmatch(_MONEY, unit):
        return "money"
    if re.fullmatch(_SHARE, unit):
        return "share"
    return "count"


def _scaled(value: float, big: str | None, unit: str) -> float:
    value *= _BIG_UNIT.get(big or "", 1)
    if unit.startswith("亿"):
        value *= _BIG_UNIT["亿"]
    elif unit.startswith("万"):
        value *= _BIG_UNIT["万"]
    elif unit == "成":
        value *= 10
    return value


@lru_cache(maxsize=256)
def named_figures(question: str, confirmed: str = "") -> tuple[Figure, ...]:
    """The figures `question` names a task by (asked for by several stages of one answer: read once). Left out: a small number said in words (五个一, 三个课堂, 十项严禁:
    names of programmes, not figures), a number whose kind is a date or a year (9月, 2020年 never match: 年 and 月
    are no units here), and `confirmed`, the figure the question asks to confirm."""
    figures, checked = [], set()
    for m in _FIGURE.finditer(question):
        if confirmed and (m.group(0).strip() in confirmed or confirmed in m.group(0) or re.search(
                rf"(?<![\d.]){re.escape(m.group('number') or m.group('per'))}(?![\d.])", confirmed)):
            continue  # 低于85%的地区…，是85吧: the number checked, said again
        if _checked(question, m):
            checked.add(m.group(0).strip())
            continue
        if m.group("per"):
            value, kind = number_value(m.group("per")), "share"
        else:
            number, unit = m.group("number"), m.group("unit")
            if unit is None and (m.group("ge") or m.group("ge2")):
                unit = "个"
            elif unit is None:
                if not (m.group("big") or number[-1] in _BIG_UNIT) or not _SPENT.search(
                        question, max(0, m.start() - 4), m.start()):
                    continue
                unit = "元"
            value = number_value(number)
            if value is not None and not number[:1].isdigit() and value <= 10 and not m.group("big") \
                    and not unit.startswith(("亿", "万")):
                continue
            if value is not None:
                kind, value = _kind(unit), _scaled(value, m.group("big"), unit)
                if kind in ("count", "people") and _YEAR.fullmatch(number):
                    continue  # 九江2024校园…, 2020个人: a year, whatever follows it
        if not value:
            continue
        if m.group("after") or m.group("after2"):
            low, high = value, value * 1.5
        elif m.group("before"):
            low, high = value * 0.8, value
        elif m.group("around"):
            low, high = value * 0.85, value * 1.15
        else:
            low = high = value
        figures.append(Figure(m.group(0).strip(), value, kind, low, high))
    # 我印象中是10个 但10个好像是新建学校的数: a figure checked once is checked wherever it is said again
    return tuple(f for f in figures if f.text not in checked)


def printed_values(text: str) -> list[tuple[float, str | None]]:
    """Every number `text` prints, with its kind (None when no unit follows: 10 个 can lose its measure)."""
    values = []
    for m in _PRINTED.finditer(text):
        number = m.group(0)
        if not number[:1].isdigit() and not re.search(r"[零〇一二两三四五六七八九]", number):
            continue  # 百, 千万 alone
        value = number_value(number)
        if value is None:
            continue
        tail = _PRINTED_UNIT.match(text, m.end())
        unit = tail.group("unit") if tail else None
        big = tail.group("big") if tail else None
        before = text[max(0, m.start() - 3):m.start()]
        if before.endswith("百分之"):
            values.append((value, "share"))
            continue
        values.append((_scaled(value, big, unit or ""), _kind(unit) if unit else None))
    return values


def prints(text: str, figure: Figure, strict: bool = False) -> bool:
    """Whether `text` prints `figure`: a number of its value (within the approximation said), of its kind (a count
    of people is either: 2101个学生 of 2101名); leniently (`strict` False) a number of that value with no unit after it
    counts too."""
    for value, kind in printed_values(text):
        if figure.matches(value) and (kind == figure.kind or {kind, figure.kind} == {"count", "people"}
                                      or (kind is None and not strict)):
            return True
    return False
