"""Mend what a scan's OCR or a PDF's text layer does to a plan before it is parsed.

Such a copy breaks lines at the page's width, wherever that falls, and often leaves a space where a line broke
inside a word once the lines were joined back (`全县教 育系统`, `达州中 医职院`, `基础教 育科`, `2025 年9月底前`).
A parser that trusts those spaces splits office names in two and keeps titles and deadlines that match nothing
a user types. Three mends, each only where the copy plainly needs it:

- stray spaces: in a copy that has them (a space that cuts a dictionary word in two, at least `_MIN_CUT_WORDS`
  times), a single space between two Chinese characters, or between a figure and its 年/月/日, is dropped — unless it
  separates two office names (`基础教育股 督导室`), which is a list, not a break;
- a label broken over two lines (`牵头科` / `室：基础教育科`) is put back on one line;
- a task title broken over two lines (`5.推进普通高中特色多样` / `化发展。支持…`) is put back on its heading line, in a
  copy whose other task headings print `title。body` on one line.

The mended line keeps the number of the first raw line it comes from; its raw text is unchanged, and the quoted
text is the mended one (the stray space is an artefact of the copy, not part of what the plan says).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .labels import OFFICE_LABEL, OFFICE_LABEL_WORD, is_office_name
from .normalize import SourceLine, fold, rebuilt_line

_CJK = r"\u4e00-\u9fff"
# one plain space between two Chinese characters, or between a figure and the date unit after it (2025 年)
_STRAY = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])|(?<=\d) (?=[年月日])|(?<=[年月]) (?=\d)")
_MIN_CUT_WORDS = 3  # a copy with fewer spaces inside words has typed spaces, not a scan's
_CONTEXT = 4  # characters each side of a space that the dictionary reads to see whether a word runs across it
_CHUNK_END = re.compile(r"[\s，,、；;。：:（）()“”\"《》]")
# a task heading's number, as the run-on splitter and the parser read it
# (Word's automatic list numbers come out as text with a tab after them: `13.\t持续…`)
_TASK_HEAD = re.compile(rf"^\s*(?:\d{{1,3}}\s*[.、．]|[（(]\d{{1,3}}[)）]|[（(][一二三四五六七八九十]+[)）])[\t ]?(?=[{_CJK}“\"《「])")
_TITLE_STOP = "。"
_MAX_TITLE_PIECE = 12  # the part of a title carried onto the next line; longer, it is the body of a bare title
_LABEL_START = re.compile(rf"^\s*{OFFICE_LABEL_WORD}\s*[:：]")


def mend_scanned_copy(lines: list[SourceLine]) -> tuple[list[SourceLine], bool]:
    """The lines with a scan's breaks mended, and whether stray spaces were dropped (for the parse warning)."""
    spaced = has_stray_spaces(lines)
    if spaced:
        lines = [_without_stray_spaces(line) for line in lines]
    lines = [_misread_mended(line) for line in lines]
    lines = _join_broken_labels(lines)
    # a title broken over two lines: a scan's, or a narrow PDF column's (`（一）深入学习贯彻…全会精` / `神。局党组…`)
    lines = _join_broken_titles(lines)
    return lines, spaced


# What OCR reads a character as where only one reading makes sense: a section's 一 read as a dash (—、全面加强…), a
# task number's 0 as the letter O (1O.深化…), the 日 of a date as 口 (2025年6月30口前), a label's colon lost before
# the office it labels (牵头股室 驻局纪检监察组;配合股室:…)
_DASH_SECTION = re.compile(r"^(\s*)[—―─－-](\s*[、，,])")
_LETTER_ZERO = re.compile(r"^(\s*\d)[OoＯ〇](?=\s*[.．、])")
_BOX_DAY = re.compile(r"(?<=月)(\d{1,2})口")
_LOST_COLON = re.compile(rf"(^[ \u3000]*|[;；,，][ \u3000]*)({OFFICE_LABEL_WORD})[ \u3000]+(?=[{_CJK}])(?!{OFFICE_LABEL_WORD})")


def _misread_mended(line: SourceLine) -> SourceLine:
    text = _DASH_SECTION.sub(r"\1一\2", line.text)
    text = _LETTER_ZERO.sub(r"\g<1>0", text)
    text = _BOX_DAY.sub(r"\1日", text)
    text = _LOST_COLON.sub(lambda m: f"{m.group(1)}{m.group(2)}：" if _labels_an_office(m.string, m.end())
                           else m.group(0), text)
    return line if text == line.text else rebuilt_line(line.no, text)


def _labels_an_office(text: str, at: int) -> bool:
    """Whether an office name follows at `at` (up to the next separator): a label word before a space and a name lost
    its colon; before a sentence it is prose (牵头单位 要…)."""
    name = re.split(r"[;；,，、。\s]", text[at:], maxsplit=1)[0]
    return bool(name) and is_office_name(name)


def has_stray_spaces(lines: list[SourceLine]) -> bool:
    """True when at least `_MIN_CUT_WORDS` spaces fall inside a dictionary word (教 育, 中 心, 高 考)."""
    candidates = [(line.text, m.start()) for line in lines for m in _STRAY.finditer(line.text)
                  if m.group(0) == " " and "\t" not in line.text]
    if len(candidates) < _MIN_CUT_WORDS:
        return False
    return sum(_cuts_a_word(text, at) for text, at in candidates) >= _MIN_CUT_WORDS


def _cuts_a_word(text: str, at: int) -> bool:
    before, after = text[max(0, at - _CONTEXT):at], text[at + 1:at + 1 + _CONTEXT]
    if not (before and after and re.match(rf"[{_CJK}]", before[-1]) and re.match(rf"[{_CJK}]", after[0])):
        return False
    position = 0
    for word in _words(fold(before + after)):
        if position < len(before) < position + len(word):
            return True
        position += len(word)
    return False


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    import jieba  # only for a copy with spaces to judge: most plans never load the dictionary here

    jieba.setLogLevel(60)
    return tuple(jieba.cut(text, HMM=False))


def _without_stray_spaces(line: SourceLine) -> SourceLine:
    mended = without_stray_spaces(line.text)
    return line if mended == line.text else SourceLine(no=line.no, raw=line.raw, text=mended, folded=fold(mended))


def without_stray_spaces(text: str) -> str:
    """One line of a copy that has stray spaces, with them dropped (a table row, its cells split by tabs, stays)."""
    if "\t" in text:
        return text
    out, last = [], 0
    for m in _STRAY.finditer(text):
        if not _separates_offices(text, m.start()):
            out.append(text[last:m.start()])
            last = m.end()
    return "".join(out) + text[last:]


def _separates_offices(text: str, at: int) -> bool:
    """`基础教育股 督导室`, `工作委员会 达州市教育局`: the space ends one office name and the next is one too."""
    left = _CHUNK_END.split(text[:at])[-1]
    right = _CHUNK_END.split(text[at + 1:])[0]
    return bool(left and right) and is_office_name(fold(left)) and is_office_name(fold(right))


def _join_broken_labels(lines: list[SourceLine]) -> list[SourceLine]:
    """`牵头科` / `室：基础教育科` -> `牵头科室：基础教育科`: a short line that begins a label word the next line ends."""
    def broken(line: SourceLine, following: SourceLine) -> bool:
        head, rest = line.folded.strip(), following.folded.strip()
        return 2 <= len(head) <= 5 and not OFFICE_LABEL.search(head) and bool(_LABEL_START.match(head + rest)) \
            and not _LABEL_START.match(rest)
    return _joined_where(lines, broken)


def _join_broken_titles(lines: list[SourceLine]) -> list[SourceLine]:
    """`5.推进普通高中特色多样` / `化发展。支持…` -> one line, where the copy's other headings print `title。body`."""
    heads = [line for line in lines if _TASK_HEAD.match(line.folded)]
    whole = sum(1 for line in heads if _TITLE_STOP in line.folded)
    if len(heads) < 3 or whole * 2 <= len(heads):
        return lines
    return _joined_where(lines, lambda line, following: bool(_TASK_HEAD.match(line.folded))
                         and _TITLE_STOP not in line.folded and _continues(following))


def _joined_where(lines: list[SourceLine], broken: Callable[[SourceLine, SourceLine], bool]) -> list[SourceLine]:
    """The lines with each one that `broken` says runs on into the next joined to it (no space: Chinese needs none)."""
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and broken(line, lines[i + 1]):
            out.append(rebuilt_line(line.no, line.text.rstrip() + lines[i + 1].text.strip()))
            i += 2
        else:
            out.append(line)
            i += 1
    return out


def _continues(line: SourceLine) -> bool:
    """The next line carries the end of a title: a short run of words, then 。, and no marker or label of its own."""
    text = line.folded.strip()
    stop = text.find(_TITLE_STOP)
    return 0 < stop <= _MAX_TITLE_PIECE and not re.search(r"[，,；;：:、]", text[:stop]) \
        and not _TASK_HEAD.match(text) and not OFFICE_LABEL.search(text[:stop + 1])
