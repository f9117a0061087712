"""Regional spoken words in a question read as the Mandarin a plan's reader would use (data/spoken.tsv).

Why: staff type as they talk at home (啥子时候, 要建好多所, 谁来整啊, 晓得伐); these words are in no plan, so read as typed
they either count as a topic the plans lack (and the answer is refused) or hide what is asked (好多所 asks how many).
The table is small, hand-checked and inspectable (`python -m assistant terms QUESTION` shows a question as read); each replacement has the
length of what it replaces, so the question's offsets carry over.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("data") / "spoken.tsv"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpokenRule:
    pattern: re.Pattern
    mandarin: str
    what: str


@lru_cache(maxsize=1)
def spoken_rules() -> tuple[SpokenRule, ...]:
    rules = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, mandarin, what = (line.split("\t") + [""] * 2)[:3]
        rules.append(SpokenRule(re.compile(pattern), mandarin, what))
    return tuple(rules)


def as_mandarin(text: str) -> str:
    """`text` (folded) with its regional spoken words replaced; a match whose length differs from its replacement is
    left as typed (the table promises equal lengths; a pattern that breaks it is logged, not applied)."""
    for rule in spoken_rules():
        def mandarin(m: re.Match, rule: SpokenRule = rule) -> str:
            if len(m.group(0)) != len(rule.mandarin):
                log.warning("spoken.tsv: %r replaces %r of another length; left as typed", rule.mandarin, m.group(0))
                return m.group(0)
            return rule.mandarin
        text = rule.pattern.sub(mandarin, text)
    return text
