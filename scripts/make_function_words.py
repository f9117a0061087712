"""Write assistant/retrieval/data/function_words.txt: the words of jieba's dictionary that its part-of-speech table
tags as pronouns, adverbs, directions, conjunctions, prepositions, particles, interjections, onomatopoeia, numerals,
measure words or state words (我家, 从来不, 上面, 总是, 好几个, 乱糟糟). A question word of these kinds that no plan
uses is how the question is told, never what it is about, so it weighs nothing (terms.py).

Kept as a file so the engine need not import jieba.posseg (0.6 s of start-up) to read one table.

    .venv/bin/python scripts/make_function_words.py
"""
from __future__ import annotations

import re
from pathlib import Path

import jieba
import jieba.posseg as posseg

TAGS = ("r", "d", "f", "c", "p", "u", "e", "y", "o", "q", "m", "mq", "ad", "ag", "z")
# jieba tags as numerals (m) many words that count nothing: 港澳台, 少年, 首届, 港元, 左派, 片名. A numeral word holds a
# numeral character (好几个, 若干, 第一, 数十); the rest are taken for words like any other
NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿半几多数若第每单双俩仨卅廿壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９]")
OUT = Path(__file__).resolve().parent.parent / "assistant" / "retrieval" / "data" / "function_words.txt"


def main() -> None:
    words = sorted(w for w, tag in posseg.dt.word_tag_tab.items()
                   if tag in TAGS and len(w) >= 2 and (tag != "m" or NUMERAL.search(w)))
    header = (f"# Words jieba {jieba.__version__}'s dictionary tags {' '.join(TAGS)} (pronouns, adverbs, directions, "
              "conjunctions, prepositions, particles, interjections, onomatopoeia, numerals, measure and state words).\n"
              "# Made by scripts/make_function_words.py; read by assistant/retrieval/terms.py. One word a line.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
