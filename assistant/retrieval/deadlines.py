"""Deadline questions (6月底前要完成哪些任务, 第一季度的任务, 计财科年底前要做什么): the window a question asks about and
which printed time nodes fall in it. Answered from the records' time nodes, like office lists, never from vectors,
so the list is complete and every date in it is one the plan prints.

A window is read with the same phrase grammar as the plans' own time nodes and resolved with each plan's year:
- "by" windows (X前, X底, 截至X): a task is due when one of its nodes ends on or before X ends;
- period windows (第一季度, 下半年, 10月份): a task is due when one of its nodes ends inside the period.
A node with no date (长期坚持) is never due by a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..documents.timenodes import PHRASE, date_phrases, resolve
from .slips import mend_to_pattern, sounds_like

# Words that only ask what is due, whatever the topic: a question holding nothing else is a deadline question.
DEADLINE_WORDS = frozenset(
    "完成 做完 干完 弄完 办完 搞完 整完 结束 到期 截止 截至 之前 以前 前 为止 时间 时间节点 节点 时限 完成时限 期限 "
    "做 干 办 需要 需 得 应 应该 必须 落实 推进 开展 事项 事 计划 清单 列出 列 列一下 出来 重点 的 要 完 交 "
    "底 月底 年底 年内 份 月份 季度 学期 开学 上半年 下半年 前要 之内 以内 内 期间 这段 时候 哪天 几月 截 "
    "所有 全部 全都 一共 总共 到 列 交差 交账 搞定 弄好 做好 干好 办好 完事 到点 赶 赶在".split()
)
# The characters time phrases are made of: a same-sounding slip of one of them is read as it where the phrase then
# fits (5月地前, 上班年, 第三季渡, 11月中询前; slips.py). Particles that may follow a date are never read as slips
# (6月的任务 asks about June, not 6月底).
_GRAMMAR_CHARS = "月底末初旬上中下半年季度前之以内全春秋学期开暑假至到份号日"
_NEVER_SLIPS = "的得了起和与及是"
_RELATIVE_YEAR = re.compile(r"(今年|明年|去年|下一年|次年)\s*$")
_OFFSET = {"今年": 0, "明年": 1, "下一年": 1, "次年": 1, "去年": -1}
_ALL_DATED = re.compile(r"时间节点|节点|完成时限|时限|截止时间|截止日期|deadline", re.I)


@dataclass(frozen=True)
class Window:
    text: str  # as the question wrote it: 6月底前, 第一季度
    match: re.Match | None  # None: every task with a printed time node (有时间节点的任务)
    by: bool  # True: due on or before the end; False: due inside the period
    offset: int = 0  # 明年1月底前: a year after the plan's

    def dates(self, plan_year: int | None) -> tuple[date | None, date | None] | None:
        if self.match is None:
            return None, None
        return resolve(self.match, plan_year + self.offset if plan_year else plan_year)


def mend(text: str) -> str:
    """The question with slips inside time phrases put right (same length, so offsets hold)."""
    kept = {i: c for i, c in enumerate(text) if c in _NEVER_SLIPS}
    mended = list(mend_to_pattern(text, PHRASE, _GRAMMAR_CHARS))
    for i, c in kept.items():
        mended[i] = c
    return "".join(mended)


def is_filler(word: str, stopwords: frozenset[str]) -> bool:
    """A word of a deadline question that names no topic: a deadline word, made of them (全部列), or a slip of one
    (完城, 任物)."""
    known = DEADLINE_WORDS | stopwords
    return word in known or _made_of(word, known)


@lru_cache(maxsize=4096)
def _made_of(word: str, known: frozenset[str]) -> bool:
    """Whether `word` is a run of known words, each as written or as a slip of one."""
    if not word:
        return True
    # a slip is read only for words of two characters or more: one character sounds like too many (智 like 之)
    return any(len(w) <= len(word) and (word.startswith(w) or (len(w) >= 2 and sounds_like(word[:len(w)], w)))
               and _made_of(word[len(w):], known) for w in known if w)


def find_window(text: str) -> Window | None:
    """The first time phrase of a (folded) question, or the plain ask for time nodes; None when it names neither."""
    text = mend(text)
    for m in date_phrases(text):
        dates = resolve(m, 2000)
        if dates is None:
            continue
        start, _ = dates
        by = start is None or bool(re.search(r"^\s*(?:之前|以前|前|为止)", text[m.end():])) or \
            bool(re.search(r"(?:截至|截止|到)\s*$", text[:m.start()]))
        relative = _RELATIVE_YEAR.search(text[:m.start()]) if not m.group("year") else None
        return Window(m.group(0).strip(), m, by, _OFFSET[relative.group(1)] if relative else 0)
    if m := _ALL_DATED.search(text):
        return Window(m.group(0), None, True)
    return None


def strip_window(text: str, window: Window) -> str:
    """`text` without the window; the question reader may already have taken its year (2019年底前 -> 底前)."""
    text = mend(text)
    for piece in (window.text, re.sub(r"^20\d\d\s*年\s*", "", window.text)):
        text = text.replace(piece, " ", 1)
    return text


def due(node: dict, window: Window, plan_year: int | None) -> bool:
    """Whether a printed time node falls in the window, in the plan's own year."""
    if window.match is None:
        return True
    if not node.get("end"):
        return False
    dates = window.dates(plan_year)
    if dates is None:
        return False
    start, end = dates
    node_end = date.fromisoformat(node["end"])
    if window.by or start is None:
        return node_end <= end
    return start <= node_end <= end
