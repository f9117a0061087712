"""Line-level cleaning that never loses the way back to the raw file.

Each raw line becomes a `SourceLine` with two views:
- `text`: the original script with only converter artefacts removed (pinyin a Traditional converter left in
  parentheses, Word bookmark markers). This is what the assistant quotes.
- `folded`: `text` in Simplified characters with odd spaces made plain. This is what the parser matches its
  patterns against and what search indexes; it has the same length as `text`, so an offset found in one
  slices the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

# Pinyin syllables a Traditional converter left after each character: 要點(diǎn). Only lowercase Latin letters
# holding at least one tone mark, right after a character (also after garbled ones), so real parentheses such as
# (市、區(qū)) or (2017-2035) stay.
_PINYIN = re.compile(r"(?<=\S)\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}\)")
# Markers left by document converters, never part of the printed text.
_STRAY_MARKERS = re.compile(r"\[bookmark: [^\]]*\]")
# Web-page chrome of scraped copies (breadcrumb, date/source line, font-size and print links) and the page numbers
# a PDF extraction leaves between lines (- 3 -, — 12 —, 第3页 共10页, 3/10).
_CHROME = re.compile(
    r"^(您当前的位置|当前位置|首页\s*[>＞»›]|时间[:：].*来源|【字体|【?打印本页|【?关闭窗口|【打印】|\[打印\])"
    r"|^[-—–－]\s*\d{1,3}\s*[-—–－]$|^第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$"
    # 续表 over a table's next piece, which a typist cut at the page's end: the table goes on, nothing is said
    r"|^[（(]?\s*续\s*表\s*\d{0,2}\s*[)）]?$"
)
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\ufeff": " ", "\t": " ",
                             # full-width digits, letters and % (２０２４年, ３．２万人次, ＳＴＥＭ): one character each
                             **{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".",
                             **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
                             **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}})


@dataclass(frozen=True)
class SourceLine:
    no: int  # 1-based line number in the raw file (the pieces of a split run-on line share it)
    raw: str
    text: str
    folded: str

    @property
    def blank(self) -> bool:
        return not self.folded.strip()


def remove_converter_artefacts(line: str) -> str:
    """Drop pinyin-in-parentheses and converter markers; nothing else is changed."""
    line = _PINYIN.sub("", line)
    line = _STRAY_MARKERS.sub("", line)
    return line


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified with OpenCC (phrase-aware)."""
    return _converter().convert(text)


def fold(text: str) -> str:
    """Simplified characters, plain spaces and half-width digits, same length as the input (so offsets carry over)."""
    out = to_simplified(text).translate(_ODD_SPACES)
    if len(out) != len(text):  # a phrase rule changed the length: fall back to character by character
        out = "".join(to_simplified(ch) if len(to_simplified(ch)) == 1 else ch for ch in text).translate(_ODD_SPACES)
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_YEAR_DIGITS), out)


# a year in Chinese numerals (二〇二三年, and 二O二三年 typed with the letter O): digit for digit, the same length
_CHINESE_YEAR = re.compile(r"(?<![一二三四五六七八九十〇○OoＯ零])(?:二[〇○OoＯ零]|一九)[〇○OoＯ零一二三四五六七八九]{2}(?=\s*年)")
_YEAR_DIGITS = str.maketrans({**{c: "0" for c in "〇○OoＯ零"}, **{c: str(i) for i, c in enumerate("零一二三四五六七八九") if i}})


# A short insert in parentheses that plans use to fold several words into one: 新改(扩、建) for 新改扩建, 达(州)开(州)
# for 达州开州, 各县(市)区 for 各县区 and 各县市区
_INSERT = re.compile(r"[（(]([\u4e00-\u9fff、]{1,4})[）)]")
_CLAUSE_END = re.compile(r"[，,。；;：:\n]")


def inserts_inline(text: str) -> str:
    """`text` with each short parenthesised insert read inline: 新改(扩、建) as 新改扩建, 县(市)区 as 县市区."""
    return _INSERT.sub(lambda m: m.group(1).replace("、", ""), text)


def with_inserts_read(text: str) -> str:
    """`text`, followed (on new lines) by the clauses holding a short parenthesised insert, read with it inline and
    left out, so a question's 新改扩建 or 县区 is found in a plan's 新改(扩、建) or 县(市)区; a one-character insert
    also read in place of the character before it, so 园长 is found in 校（园）长. For matching only: quotes always
    come from the text as printed."""
    if not _INSERT.search(text):
        return text
    clauses = [c for c in _CLAUSE_END.split(text) if _INSERT.search(c)]  # only what an insert changes
    inline = [inserts_inline(c) for c in clauses]
    left_out = [_INSERT.sub("", c) for c in clauses]
    instead = [_INSTEAD.sub(r"\2", c) for c in clauses if _INSTEAD.search(c)]
    return "\n".join([text, *inline, *left_out, *instead])


# 校（园）长: 园 in place of 校; not a place's 县(市)区, whose 市区 would be another word (a city's downtown)
_INSTEAD = re.compile(r"([\u4e00-\u9fff])[（(]([^\W\d_市县区州镇乡])[）)]")


def split_lines(raw_text: str) -> list[str]:
    """Split on any newline convention; a final newline does not make an extra line."""
    lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "" and raw_text.endswith(("\n", "\r")):
        lines.pop()
    return lines


def source_lines(raw_text: str) -> list[SourceLine]:
    out = []
    for i, raw in enumerate(split_lines(raw_text.lstrip("\ufeff")), start=1):
        text = remove_converter_artefacts(raw)
        out.append(SourceLine(no=i, raw=raw, text=text, folded=fold(text)))
    return out


def rebuilt_line(no: int, text: str) -> SourceLine:
    """A line put together from others (a piece of a run-on line, a table row or an office list joined back): its
    text is its raw form; `no` is the number of the first line it comes from."""
    return SourceLine(no=no, raw=text, text=text, folded=fold(text))


def is_chrome(line: SourceLine) -> bool:
    return bool(_CHROME.match(line.folded.strip()))


def join_wrapped(parts: list[str]) -> str:
    """Join pieces of one paragraph that a PDF extraction broke across lines.

    Chinese needs no space at a join; a space is kept only between two Latin letters or digits.
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out
