"""Numbers typed as GB2312's enclosed numerals, read as the numbers they stand for.

GB2312 has carried single characters for numbered points since 1980 (⒈–⒛ full stop numbers, ㈠–㈩ parenthesised
ideographs, ⑴–⒇ parenthesised digits), and a typist picks them from the input method's symbol panel: a plan then
numbers its tasks ⒈ and its subsections ㈠ without one typed 1. or （一）. At the start of a line they are read as
1. and （一）; ⑴ stays as typed, a point inside a task's body as （1） is.
"""
from __future__ import annotations

import re

from .normalize import SourceLine, rebuilt_line

_NUMERALS = "一二三四五六七八九十"
_FULL_STOP = re.compile(r"^([\s\u3000]*)([\u2488-\u249b])")  # ⒈ … ⒛
_IDEOGRAPH = re.compile(r"^([\s\u3000]*)([\u3220-\u3229])")  # ㈠ … ㈩


def _read(text: str) -> str:
    text = _FULL_STOP.sub(lambda m: f"{m.group(1)}{ord(m.group(2)) - 0x2487}.", text)
    return _IDEOGRAPH.sub(lambda m: f"{m.group(1)}（{_NUMERALS[ord(m.group(2)) - 0x3220]}）", text)


def read_enclosed_numbers(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines, each opening with an enclosed task or subsection number rewritten as the number it stands for."""
    if not any(_FULL_STOP.match(line.text) or _IDEOGRAPH.match(line.text) for line in lines):
        return lines
    return [rebuilt_line(line.no, mended) if (mended := _read(line.text)) != line.text else line for line in lines]
