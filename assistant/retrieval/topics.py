"""Several topics asked at once: 学前 义务教育 普高 三块 各市都定了啥目标; 各市 特殊教育 和 民族教育 今年咋写的.

Asked side by side, such a question is not about the one task nearest to all its words: a plan holding one of the
topics holds part of what was asked, and the nearest task to all of them may hold none well. This module only finds
where the question lists its topics; search.py asks each of them of every plan.

A list is read where the asker plainly makes one, never from a phrase that merely contains 和:
- items joined by 和 / 跟 / 与 / 及 / 以及 / 还有 / 、 (each a separate word: 和谐 joins nothing), when a join stands
  apart with spaces (特殊教育 和 民族教育) or the question counts or shares out what it asks (这两块, 三块, 分别, 各自);
- or as many items set apart by spaces as a count word just after them says (学前 义务教育 普高 三块).
Items offered as alternatives (坐校车 或者住校) are ways of one need, not a list. Each item must name something (`named`, the search's judgement of its words); asker talk around the list (写报告要用,
报告要分两块) is outside it, so it never becomes a topic.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..documents.parser import numeral_value

_JOINS = {"和", "跟", "与", "及", "以及", "还有", "、", "/", "／"}
_GAP = re.compile(r"[\s，,。？?！!；;：:]+")
# 三块, 这两块, 两样, 几个方面: how many topics the asker lists
_COUNT = r"[这那]?(?P<n>[两二三四五六七八九])\s*(?:大块|块|样|个方面|方面|摊|部分)"
_COUNT_AT_START = re.compile(rf"^{_COUNT}")
_COUNT_AT_END = re.compile(rf"{_COUNT}$")
COUNTED = re.compile(_COUNT)  # taken out of the question each topic is asked by
_ALTERNATIVE = re.compile(r"或者|或是|或|还是")
_SHARED_OUT = re.compile(rf"{_COUNT}|分别|各自|各是|各咋|各怎么|各有|各定")


@dataclass
class Piece:
    """A stretch of the question between gaps (spaces, punctuation) and joins, where it stands in the question."""
    start: int
    end: int
    text: str
    joined: bool = False  # a join stands between this piece and the one before
    spaced: bool = False  # ... and the join is set apart by a space (特殊教育 和 民族教育)


def pieces(text: str, cut: Callable[[str], list[str]]) -> list[Piece]:
    """`text` cut at gaps and at join words, in order; `cut` gives its words with every character kept."""
    out: list[Piece] = []
    at, current, boundary = 0, None, []
    for word in cut(text):
        end = at + len(word)
        if _GAP.fullmatch(word) or word in _JOINS:
            current = None
            boundary.append(word)
        elif current is None:
            joined = any(w in _JOINS for w in boundary)
            spaced = joined and any(w.isspace() for w in boundary)
            current = Piece(at, end, word, joined, spaced)
            out.append(current)
            boundary = []
        else:
            current.end, current.text = end, current.text + word
        at = end
    return out


def listed_topics(text: str, cut: Callable[[str], list[str]],
                  named: Callable[[str], tuple[int, int] | None]) -> list[tuple[int, int]] | None:
    """The spans of `text` that name the topics it lists, in order, or None when it lists none. `named(piece)`
    gives the span of a piece's words that name something (its topic words), or None for asker talk, places and
    asking words."""
    parts = pieces(text, cut)
    if any(_ALTERNATIVE.match(p.text) for p in parts):  # 坐校车 或者住校: ways of one need, not topics apart
        return None
    if not any(p.joined or _COUNT_AT_START.match(p.text) for p in parts):  # no list: no piece need be read
        return None
    # a count word closing the last item (学前、义务教育、普高三块) is no part of it
    trimmed = []
    for p in parts:
        m = _COUNT_AT_END.search(p.text)
        trimmed.append(p.text[:m.start()] if m and m.start() else p.text)
    spans = [_absolute(p, named(t)) if t else None for p, t in zip(parts, trimmed)]
    shared_out = bool(_SHARED_OUT.search(text))
    # items joined one to the next
    chain: list[int] = []
    for i, p in enumerate(parts):
        if p.joined and chain and chain[-1] == i - 1 and spans[i] and spans[i - 1]:
            chain.append(i)
            continue
        if len(chain) >= 2 and _plainly_listed(chain, parts, shared_out):
            return [spans[j] for j in chain]
        chain = [i] if spans[i] else []
    if len(chain) >= 2 and _plainly_listed(chain, parts, shared_out):
        return [spans[j] for j in chain]
    # items set apart by spaces and counted just after: 学前 义务教育 普高 三块
    for i, p in enumerate(parts):
        m = _COUNT_AT_START.match(p.text)
        if not m:
            continue
        n = numeral_value(m.group("n").replace("两", "二"))
        items = list(range(i - n, i))
        if n >= 2 and items[0] >= 0 and all(spans[j] for j in items):
            return [spans[j] for j in items]
    return None


def _plainly_listed(chain: list[int], parts: list[Piece], shared_out: bool) -> bool:
    return shared_out or any(parts[j].spaced for j in chain[1:])


def _absolute(piece: Piece, span: tuple[int, int] | None) -> tuple[int, int] | None:
    return (piece.start + span[0], piece.start + span[1]) if span else None
