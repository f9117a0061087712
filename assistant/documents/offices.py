"""Office names: splitting printed office lists, and folding the several ways one office is written.

Offices are kept exactly as printed in the records; folding is only for finding and grouping them
(the office directory, office filters). Each fold is a decision a user can inspect (`python -m assistant aliases`)
and override in the catalog.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_OPEN, _CLOSE = "（(", "）)"
_SEPARATORS = set("、，,；; \u00a0\u3000\t｜/／")  # ｜ between two labelled lists (牵头科室：X｜配合科室：Y); X/Y
# 协助股室：无 prints the label and no office; 牵头科室：待定 in a draft, none decided yet
_NO_OFFICE = {"无", "無", "暂无", "暫無", "—", "——", "-", "－", "/", "／", "待定", "待确定", "待明确", "未定"}
_FILL_LINE = re.compile(r"[_＿]+")  # 配合科室：＿＿＿＿ left blank on a draft: no office yet
_TRAILING = "。.；;，,、 \u00a0\u3000★☆◎｜"  # ☆ opening the next label (★牵头：X　☆配合：Y)


def split_offices(printed: str) -> list[str]:
    """Split an office list as printed: 、 ， ; or spaces separate names, except inside parentheses.

    `局机关各科室（馆、站）` stays one name; a trailing 。 is not part of the last name.
    """
    names, current, depth = [], "", 0
    for ch in printed.strip().rstrip(_TRAILING):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            if current.strip():
                names.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        names.append(current.strip().rstrip(_TRAILING))
    return [n for n in names if n and n not in _NO_OFFICE and not _FILL_LINE.fullmatch(n)]


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _split_parenthetical(name: str) -> tuple[str, str]:
    """党建办（巡察办） -> ("党建办", "巡察办"); a name without a trailing parenthetical -> (name, "")."""
    m = re.fullmatch(r"(.+?)[（(]([^（）()]*)[)）]", name)
    return (m.group(1), m.group(2)) if m else (name, "")


def _shortens(short: str, long: str) -> bool:
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0]:
        return False
    return long.startswith(short) or (short[-1] == long[-1] and is_subsequence(short, long))


@lru_cache(maxsize=1 << 16)  # asked for every office form at every position of every question: pure, so remembered
def is_abbreviation(short: str, long: str) -> bool:
    """True when `short` is plainly a shortened writing of `long`.

    Plain means: same first character, every character of `short` appears in `long` in order, and either the same
    last character (基教科 / 基础教育科, 市电教中心 / 市电教技装中心) or `long` merely extends `short`
    (体卫艺 / 体卫艺科, 市教科 / 市教科所). A trailing parenthetical must match, or be the only thing the short
    form leaves out (党建办 / 党建办（巡察办）).
    """
    short_base, short_paren = _split_parenthetical(short)
    long_base, long_paren = _split_parenthetical(long)
    if short_paren:
        return short_paren == long_paren and _shortens(short_base, long_base)
    if long_paren:
        return short_base == long_base or _shortens(short_base, long_base)
    return _shortens(short, long)


@dataclass(frozen=True)
class AliasDecision:
    alias: str
    canonical: str
    source: str  # "auto" (derived), "catalog" (set by the catalog), "ambiguous" (not folded: several candidates)
    candidates: tuple[str, ...] = ()


def derive_aliases(
    names: list[str], overrides: dict[str, str] | None = None, distinct: list[str] | None = None
) -> list[AliasDecision]:
    """Decide, for one document's office names, which fold into which.

    A name folds into the longest name it abbreviates; if it abbreviates several unrelated names it is left alone
    and reported as ambiguous. Catalog overrides win; names listed as distinct are never folded automatically.
    """
    overrides = dict(overrides or {})
    distinct_set = set(distinct or [])
    unique = sorted(set(names), key=lambda n: (-len(n), n))
    decisions: list[AliasDecision] = []
    for alias, canonical in sorted(overrides.items()):
        decisions.append(AliasDecision(alias, canonical, "catalog"))
    for name in unique:
        if name in overrides or name in distinct_set:
            continue
        longer = [c for c in unique if c not in overrides and is_abbreviation(name, c)]
        # keep only maximal candidates: drop a candidate that itself abbreviates another candidate
        maximal = [c for c in longer if not any(is_abbreviation(c, o) for o in longer if o != c)]
        if len(maximal) == 1:
            decisions.append(AliasDecision(name, maximal[0], "auto"))
        elif len(maximal) > 1:
            decisions.append(AliasDecision(name, name, "ambiguous", tuple(sorted(maximal))))
    return decisions


class AliasTable:
    """Maps every written form of an office in one document to its canonical name."""

    def __init__(self, decisions: list[AliasDecision]):
        self.decisions = decisions
        self._map = {d.alias: d.canonical for d in decisions if d.source != "ambiguous"}

    def canonical(self, name: str) -> str:
        seen = set()
        while name in self._map and name not in seen:  # follow chains (alias -> override -> canonical)
            seen.add(name)
            name = self._map[name]
        return name

    def forms(self, canonical: str) -> list[str]:
        return sorted({canonical, *(a for a in self._map if self.canonical(a) == canonical)})


def task_role(lead_offices: list[str], shared_offices: list[str], forms: set[str]) -> str | None:
    """An office's role in one task, given every written form of the office: "lead" when a lead line names it,
    "shared" when only a 责任 / 配合 line does, else None. The chat's office lists and the office directory both
    ask this one function, so they cannot disagree."""
    if forms & set(lead_offices):
        return "lead"
    if forms & set(shared_offices):
        return "shared"
    return None
