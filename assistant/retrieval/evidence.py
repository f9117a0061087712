"""Picking, inside a record, the sentence that answers: the one closest to the question in meaning and words, and
for a question about a figure or a date, one that holds it."""
from __future__ import annotations

import re

import numpy as np

_HAS_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万亿]+(?:所|个|项|家|名|万|亿|次|条|批|大|类|种|级|轮)|%|％|百分之|秋季|春季|年底|年内|月")


_NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿]+)\s*"
_ASKED_MEASURE = re.compile(r"(?:几|多少)\s*([所个项家名万亿次条批类种级轮期届大校园元人])")


def asked_measure(question: str) -> str | None:
    """The measure word a count question asks for: 几项 -> 项, 多少个 -> 个."""
    m = _ASKED_MEASURE.search(question)
    return m.group(1) if m else None


def figure_bonus(sentence: str, measure: str | None = None) -> float:
    """1 for a sentence holding the asked figure (a number with the asked measure word), 0.5 for any figure."""
    if measure and re.search(_NUMERAL + re.escape(measure), sentence):
        return 1.0
    return 0.5 if _HAS_FIGURE.search(sentence) else 0.0


def rank_sentences(dense: np.ndarray, lexical: np.ndarray, figure: np.ndarray, want_figure: bool) -> np.ndarray:
    """Order of the candidate sentences, best first."""
    score = dense + 0.35 * lexical + (0.15 * figure if want_figure else 0.0)
    return np.argsort(-score, kind="stable")
