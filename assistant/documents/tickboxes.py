"""Tick-box forms filled in Word: an office cell whose every line ends `☐牵头　☐配合`, a deadline cell offering
`☐6月底前　☐9月底前　☐12月底前　☐全年`. A 分工确认表 sent round for ticking says who does what only by which box
is ticked, so a box is read as the person reading the form reads it, and the form is read as the choice made.

Word has no box character of its own: a box is a symbol of a Wingdings font (插入 › 符号, stored as `w:sym`, which
python-docx drops), a letter set in Wingdings 2 (the tutorials' 输入R，字体改为Wingdings 2: Word shows ☑), or, where
the box was deleted, a √ typed with the input method."""
from __future__ import annotations

import re

EMPTY, TICKED = "☐", "☑"

# What the Wingdings fonts draw at a code (w:sym stores it from F000 on, a run's text holds it as a letter)
_DRAWN = {
    "wingdings 2": {0x52: TICKED, 0x50: "✓", 0xA3: EMPTY, 0x2A: EMPTY, 0x53: "☒", 0x54: "☒", 0x4F: "✗"},
    "wingdings": {0xFE: TICKED, 0xFC: "✓", 0xA8: EMPTY, 0x6F: EMPTY, 0x71: EMPTY, 0xFD: "☒", 0xFB: "✗"},
}
_TICKS = "☑✓√✔"
_BOXES = f"{EMPTY}{_TICKS}☒□"
# `基础教育股　☑牵头　☐配合`: a name, then two or more role words, each after its box
_ROLE = r"牵头|配合|协办|协助|参与|负责|责任"
_ROLE_OPTIONS = re.compile(rf"^(?P<name>.*?)[\s　]*(?P<options>(?:[{_BOXES}][\s　]*(?:{_ROLE})[\s　]*){{2,}})$", re.S)
_OPTION = re.compile(rf"([{_BOXES}])[\s　]*({_ROLE})")
# `☐6月底前　☑9月底前`: nothing but options, each after its box
_CHOICES = re.compile(rf"^[\s　]*(?:[{_BOXES}][\s　]*[^{_BOXES}\s　]+[\s　]*){{2,}}$")
_CHOICE = re.compile(rf"([{_BOXES}])[\s　]*([^{_BOXES}\s　]+)")


def drawn(font: str | None, code: int) -> str | None:
    """The box a Wingdings font draws at `code` (F052 or 52 alike), or None for any other glyph or font."""
    table = _DRAWN.get((font or "").strip().lower())
    return table.get(code & 0xFF if 0xF000 <= code <= 0xF0FF else code) if table else None


def in_font(font: str | None, text: str) -> str:
    """A run's text as its font draws it: R set in Wingdings 2 is ☑; a letter the table lacks stays."""
    table = _DRAWN.get((font or "").strip().lower())
    return "".join(table.get(ord(ch), ch) for ch in text) if table else text


def chosen(lines: list[str]) -> list[str]:
    """A cell's lines with its tick-box form read as filled in. Office lines `X　☑牵头　☐配合` become one line
    `牵头：X、…；配合：…` (every role the form offers, in its order, each with the offices ticked for it: an office
    ticked for neither takes no part); a line of options `☐6月底前　☑9月底前` becomes the options ticked. A cell
    without boxes is returned as it was."""
    if not any(ch in line for line in lines for ch in _BOXES):
        return lines
    roles: dict[str, list[str]] = {}
    out, form_at = [], None
    for line in lines:
        if m := _ROLE_OPTIONS.match(line.strip()):
            name = re.sub(r"[\s　_]+", "", m.group("name"))
            for box, role in _OPTION.findall(m.group("options")):
                names = roles.setdefault(role, [])
                if box in _TICKS and name:
                    names.append(name)
            if form_at is None:
                form_at = len(out)
                out.append("")
        elif _CHOICES.match(line):
            out.append("、".join(option for box, option in _CHOICE.findall(line) if box in _TICKS))
        else:
            out.append(line)
    if form_at is not None:
        out[form_at] = "；".join(f"{role}：{'、'.join(names)}" for role, names in roles.items())
    return [line for line in out if line.strip()]
