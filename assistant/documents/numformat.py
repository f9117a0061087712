"""A workbook cell as Excel shows it: its value put through its number format.

Templates put units, per cents, 万 and Chinese numerals on bare numbers (`0"所"`, `0%`, `0!.0,"万人次"`,
`[DBNum1]General"、"`) and make a date column read `2023年6月底前` (`yyyy"年"m"月底前"`); `;;;` hides a value. A
reader of values alone reads 1 for 一、 (a section row taken for task 1), 0.955 for 96% and the day a deadline
column never shows. Formats this module does not know (scientific, fractions, times) give None: the caller keeps
its plain reading."""
from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

_TOKEN = re.compile(r'(?i:general)|"[^"]*"|\\.|!.|_.|\*.|\[[^\]]*\]|[^"\\!_*\[]')
_CN_DIGITS = "〇一二三四五六七八九"


def _sections(fmt: str) -> list[str]:
    parts, current = [], ""
    for token in _TOKEN.findall(fmt):
        if token == ";":
            parts.append(current)
            current = ""
        else:
            current += token
    return [*parts, current]


def _section_for(fmt: str, value: float) -> tuple[str, float]:
    """The format's section for the value (positive; negative; zero; text) and the value as that section shows it."""
    sections = _sections(fmt)
    if value < 0 and len(sections) >= 2:
        return sections[1], -value  # its own sign, if any, is in the section's literals
    if value == 0 and len(sections) >= 3:
        return sections[2], value
    return sections[0], value


def _literal(token: str) -> str:
    """What a format token shows as itself: a quoted run, an escaped (\\x, !x) character, nothing for a padding (_x)
    or fill (*x) mark, any other character as typed."""
    if token.startswith('"'):
        return token[1:-1]
    if token[0] in "\\!":
        return token[1]
    return "" if token[0] in "_*" else token


def _chinese_reading(n: int) -> str:
    """12 -> 十二, 105 -> 一百零五 (Excel's [DBNum1] on a whole number below ten thousand)."""
    if n == 0:
        return "〇"
    if n >= 10000:
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    out, zero = "", False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, size)
        if digit:
            if zero and out:
                out += "零"
            out += ("" if unit == "十" and digit == 1 and not out else _CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def shown_number(value: float | int, fmt: str) -> str | None:
    """`value` as a cell formatted `fmt` shows it, or None for a format this reader does not know."""
    if not fmt or fmt == "General":
        return None
    section, value = _section_for(fmt, float(value))
    tokens = _TOKEN.findall(section)
    dbnum = any(t.lower().startswith("[dbnum") for t in tokens)
    tokens = [t for t in tokens if not t.startswith("[")]
    if not tokens:
        return ""  # ;;; hides the value
    if any(t in ("E", "e", "/", "h", "s", "@") or t.lower() in ("y", "m", "d") for t in tokens):
        return None
    if any(t.lower() == "general" for t in tokens):
        number = int(value) if float(value).is_integer() else value
        shown = _chinese_reading(number) if dbnum and isinstance(number, int) else f"{number:g}"
        return "".join(shown if t.lower() == "general" else _literal(t) for t in tokens)
    places = [i for i, t in enumerate(tokens) if t in ("0", "#", "?")]
    if not places:
        return "".join(_literal(t) for t in tokens)
    dot = next((i for i, t in enumerate(tokens) if t == "."), None)
    integer_places = [i for i in places if dot is None or i < dot]
    fraction_places = [i for i in places if dot is not None and i > dot]
    last_integer = integer_places[-1] if integer_places else (dot if dot is not None else places[0])
    scale = 0  # commas right after the last integer place divide by a thousand each
    j = last_integer + 1
    while j < len(tokens) and tokens[j] == ",":
        scale += 1
        j += 1
    grouping = any(tokens[i] == "," for i in range(integer_places[0] if integer_places else 0, last_integer))
    percent = sum(1 for t in tokens if t == "%")
    number = Decimal(str(value)) * (Decimal(100) ** percent) / (Decimal(1000) ** scale)
    rounded = number.quantize(Decimal(1).scaleb(-len(fraction_places)), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{rounded:f}".partition(".")
    whole = whole.lstrip("0")
    zeros = sum(1 for i in integer_places if tokens[i] == "0")
    whole = whole.rjust(zeros, "0")
    if grouping:
        whole = f"{int(whole or 0):,}" if whole else ""
    out = []
    digits = list(whole)
    spread = not grouping and any(tokens[i] not in ("0", "#", "?", ",") for i in range(integer_places[0], last_integer)) \
        if integer_places else False
    if spread:  # 0!.0,"万": each place takes one digit, right to left, the literals between stay where they are
        fill = {}
        for i in reversed(integer_places):
            fill[i] = digits.pop() if digits else ""
        fill[integer_places[0]] = "".join(digits) + fill[integer_places[0]]
    else:
        fill = {i: "" for i in integer_places}
        if integer_places:
            fill[integer_places[0]] = whole
    fraction_digits = list(fraction)
    for n, i in enumerate(fraction_places):
        digit = fraction_digits[n] if n < len(fraction_digits) else "0"
        fill[i] = digit
    if fraction_places:  # a # place shows no trailing zero
        for i in reversed(fraction_places):
            if tokens[i] == "#" and fill[i] == "0":
                fill[i] = ""
            else:
                break
    for i, t in enumerate(tokens):
        if i in fill:
            out.append(fill[i])
        elif t == "," or (t == "." and fraction_places and not any(fill[p] for p in fraction_places)):
            continue
        elif t == ".":
            out.append("." if fraction_places else "")
        else:
            out.append(_literal(t))
    text = "".join(out)
    if dbnum:
        text = re.sub(r"\d", lambda m: _CN_DIGITS[int(m.group())], text)
    return text


_DATE_PART = re.compile(r"(?i)yyyy|yy|mm|m|dd|d")
_NOT_A_DATE = re.compile(r"(?i)[hs]|mmm|ddd|am/pm|a/p|e|general|[0#?@%]")


def shown_date(value: datetime.date, fmt: str) -> str | None:
    """A date cell as its format shows it (`yyyy"年"m"月底前"` -> 2023年6月底前), or None when the format holds a
    time, a month's or weekday's name, or no date code at all."""
    codes = {"yyyy": f"{value.year}", "yy": f"{value.year % 100:02d}", "mm": f"{value.month:02d}",
             "m": f"{value.month}", "dd": f"{value.day:02d}", "d": f"{value.day}"}
    shown, run, found = [], "", False

    def flush() -> None:
        nonlocal run, found
        found = found or bool(_DATE_PART.search(run))
        shown.append(_DATE_PART.sub(lambda m: codes[m.group().lower()], run))
        run = ""

    for token in _TOKEN.findall(_sections(fmt or "")[0]):
        if token.startswith("["):
            continue
        if token.startswith('"') or token[0] in "\\!":
            flush()
            shown.append(token[1:-1] if token.startswith('"') else token[1])
        elif token[0] in "_*":
            continue
        elif _NOT_A_DATE.search(run + token):  # a time, a name of a month or day: no deadline's format
            return None
        else:
            run += token
    flush()
    return "".join(shown) if found else None


def shown_text(value: str, fmt: str) -> str:
    """A text cell as its format shows it: a format's fourth section is for text, and an empty one (`;;;`) hides it."""
    sections = _sections(fmt or "")
    if len(sections) < 4:
        return value
    return "".join(value if t == "@" else "" if t.startswith("[") else _literal(t) for t in _TOKEN.findall(sections[3]))
