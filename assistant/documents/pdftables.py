"""Ruled task tables in a PDF, read by where their text stands.

A PDF's text layer gives a table cell by cell, and a cell whose text wraps gives each of its lines on its own, so a
row's cells cannot be told apart from the lines of one long cell (`深入学习宣传贯彻党` / `的二十大精神` / `1.局党组…`).
The ruling lines the table is drawn with say where each cell is: the vertical rules part the columns, the horizontal
rules the rows. On a page whose rules frame a task table (its header row names the columns as `tables.read_header`
knows them), the table is read one tab-separated line per row, each cell's wrapped lines joined back, so the parser
reads it as any other task table; the text above and below it is read line by line. A page without such a table is
left to the text layer's own order.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .labels import is_office_name
from .normalize import join_wrapped, rebuilt_line
from .tables import read_header, read_side_header, task_and_offices_header

_SAME_LINE = 2.0  # points: fragments this close in height are on one printed line
_RULE_MIN = 8.0  # points: shorter strokes are glyph parts or ticks, not rules
_GLYPH_MIDDLE = 0.35  # a glyph's middle stands this share of the font size above its baseline
_EDGE = 1.0  # points: a rule this close to another is the same rule (double strokes, rounding)
_SHORT_OF_EDGE = 2  # characters: a line ending further than this from its cell's right rule was ended by hand
_MIN_COLUMNS = 3
_UPRIGHT = 1.0  # degrees: text turned further is laid over the page (a watermark, a seal's rim)
_STRIKE_LOW, _STRIKE_HIGH = 0.15, 0.6  # of the font's height above the baseline: where a strikethrough runs
_UNDERLINE_LOW = -0.35  # of the font's height below the baseline: how far under it an underline runs
_STRUCK_SHARE = 0.6  # of a fragment's width a strikethrough covers
_PANE_HEIGHT, _PANE_LEFT = 0.7, 0.55  # a filled box this tall, starting this far right: Word's markup pane
_BACKWARD_ALLOWED = 4  # steps back up a page a text layer in reading order may take (header, footer, columns, notes)
_BACKWARD_SHARE = 0.2  # of its lines: more steps back than this and the page was drawn out of order
_CURVES = (b"c", b"v", b"y")  # path operators drawing a curve (a badge's circle, a box's round corners)
_FILLS = (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*")  # painting operators that fill the path
_LIGHT = 0.75  # a fill this light in every channel is a watermark's grey (or white), not print
_DARK = 0.5  # a fill this dark (luminance) is a shape light text can be read on
_TWICE = 0.15  # of the font's height: a glyph drawn again this close beside itself is one character made bold
_TWICE_BACK = 4  # fragments back a glyph drawn twice is looked for (each glyph twice, or each run twice)


@dataclass(frozen=True)
class _Fragment:
    x: float
    y: float
    text: str
    size: float = 0.0  # the font's height on the page, in points


def _upright(text_matrix, cm, rotation: int = 0) -> bool:
    """Whether the text runs left to right as the page is shown: on a page stored portrait and shown turned by
    /Rotate 90 (a landscape table printed so), text running up the stored page is upright."""
    a = text_matrix[0] * cm[0] + text_matrix[1] * cm[2]
    b = text_matrix[0] * cm[1] + text_matrix[1] * cm[3]
    return abs((math.degrees(math.atan2(b, a)) - rotation + 180) % 360 - 180) <= _UPRIGHT


def _shown(page):
    """The page's turn (/Rotate, clockwise) and a function taking a point of the stored page to where it is shown,
    so that lines read top to bottom and left to right as a reader sees them."""
    rotation = (page.rotation or 0) % 360
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    if rotation == 90:
        return rotation, lambda x, y: (y, width - x)
    if rotation == 180:
        return rotation, lambda x, y: (width - x, height - y)
    if rotation == 270:
        return rotation, lambda x, y: (height - y, x)
    return 0, lambda x, y: (x, y)


def _cropped_to(page, shown):
    """Whether a point (as shown) lies inside the page's CropBox: a page cropped in Acrobat (裁剪页面) to take off a
    column of internal notes, a header or a margin still draws them; only what lies inside the box is shown."""
    box = page.cropbox
    (ax, ay), (bx, by) = shown(float(box.left), float(box.bottom)), shown(float(box.right), float(box.top))
    x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
    return lambda x, y: x0 - _EDGE <= x <= x1 + _EDGE and y0 - _EDGE <= y <= y1 + _EDGE


def _red(fill: tuple[float, ...]) -> bool:
    red, green, blue = fill
    return red >= 0.6 and green <= 0.35 and blue <= 0.35


def _overlay(text_matrix, cm, fill: tuple[float, ...], rotation: int = 0) -> bool:
    """Text laid over the page rather than printed in its lines: set at a slant (a diagonal watermark such as
    内部资料 注意保存, the characters of a seal set along its rim), in a seal's red, or in a light grey a watermark
    uses (or white). Upright black text is the plan's; light text on a dark shape is too (`_on_dark`)."""
    return not _upright(text_matrix, cm, rotation) or _red(fill) or _light(fill)


def _light(fill: tuple[float, ...]) -> bool:
    return min(fill) >= _LIGHT


def _dark(fill: tuple[float, ...]) -> bool:
    red, green, blue = fill
    return 0.299 * red + 0.587 * green + 0.114 * blue <= _DARK


def _drawn_again(fragment: _Fragment, fragments: list[_Fragment]) -> bool:
    """Whether the fragment repeats one just drawn a hair to its side: a font without a bold face (仿宋_GB2312,
    楷体_GB2312) is emboldened by drawing each glyph (or run) twice, 0.2–0.5 pt apart, and the text layer then holds
    every bold character twice (`11..深深入入`, pdfplumber's dedupe_chars case). A character set again a whole glyph
    further on (the 1 after 1 in 11) is another character."""
    return any(f.text == fragment.text and abs(f.y - fragment.y) <= _EDGE
               and abs(f.x - fragment.x) <= _TWICE * max(fragment.size, 1.0) for f in fragments[-_TWICE_BACK:])


def _shown_once(items: list) -> list:
    """A TJ array with every string shown twice in place read once: `(深) 981.25 (深) 18.75` shows 深, moves back all
    but 0.3 pt, shows it again and moves back the 0.3 pt, the way an exporter emboldens a font with no bold face. The
    cursor ends where one showing leaves it, so the copy and both moves are dropped."""
    out, i = [], 0
    while i < len(items):
        if i + 3 < len(items) and isinstance(items[i], (str, bytes)) and items[i + 2] == items[i] \
                and _number(items[i + 1]) and _number(items[i + 3]) and 0 < float(items[i + 3]) <= _TWICE * 1000 \
                and float(items[i + 1]) > float(items[i + 3]):
            out.append(items[i])
            i += 4
            continue
        out.append(items[i])
        i += 1
    return out


def _number(item) -> bool:
    return isinstance(item, (int, float)) and not isinstance(item, bool)


def _on_dark(fragment: _Fragment, shapes: list[tuple[float, float, float, float]]) -> bool:
    """Whether light text stands on a dark filled shape: a slide's white task number on its blue badge, a white
    heading on a coloured banner. That is print a reader sees, not a watermark's pale grey."""
    return any(x0 - _EDGE <= fragment.x <= x1 + _EDGE and y0 - _EDGE <= fragment.y <= y1 + _EDGE
               for x0, y0, x1, y1 in shapes)


def plain_page_text(page) -> str | None:
    """The page's text without what is laid over it (`_overlay`: a watermark, a seal), or drawn out of reading order
    (`_scrambled`), put back into printed lines; None otherwise (the text layer's own order is kept, so that a page set
    in two columns is read column by column)."""
    fragments: list[_Fragment] = []
    over = _read_page(page, fragments, [])
    return "\n".join(_lines(fragments)) if over or _scrambled(fragments) else None


def _scrambled(fragments: list[_Fragment]) -> bool:
    """Whether the text layer draws the page's lines out of reading order: back up the page, or a line's right part
    before its left, more often than a header or footer drawn last, or a second column begun at the top, explain
    (some layout programs write lines bottom-up, in shuffled blocks, or a line as pieces placed in any order)."""
    backward = sum(1 for before, after in zip(fragments, fragments[1:])
                   if after.y > before.y + _SAME_LINE or (abs(after.y - before.y) <= _SAME_LINE and after.x < before.x))
    return backward > max(_BACKWARD_ALLOWED, _BACKWARD_SHARE * len(_grouped(fragments)))


def ruled_page_text(page) -> str | None:
    """The page's text with its ruled task table read row by row, or None when the page holds no such table."""
    fragments: list[_Fragment] = []
    strokes: list[tuple[float, float, float, float]] = []
    _read_page(page, fragments, strokes)
    return _table_text(fragments, strokes)


def aligned_page_text(page) -> str | None:
    """The page's text with a task table drawn WITHOUT rules read row by row: its columns only stand apart by
    position, so the header line (序号 / 重点任务 / … naming the columns as `tables.read_header` knows them) says where
    each column starts, a number under 序号 starts a row, and each cell's wrapped lines are joined back. None when the
    page has no such header line."""
    fragments: list[_Fragment] = []
    _read_page(page, fragments, [])
    lines = _grouped(fragments)
    at = next((i for i, line in enumerate(lines) if len(line) >= _MIN_COLUMNS and read_header(
        rebuilt_line(0, "\t".join(f.text.strip() for f in line)))), None)
    if at is None:
        return None
    starts = [f.x for f in lines[at]]
    out = [join_wrapped([f.text.strip() for f in line]) for line in lines[:at]]
    out.append("\t".join(f.text.strip() for f in lines[at]))
    row: list[list[str]] | None = None
    end = len(lines)
    for k in range(at + 1, len(lines)):
        line = lines[k]
        columns = [_column_of(f.x, starts) for f in line]
        first = line[0].text.strip()
        if _PAGE_NUMBER.match("".join(f.text for f in line)):  # — 2 —: the page's foot, below the table
            end = k
            break
        if columns[0] == 0 and first.isdigit():  # 序号: a new row
            if row:
                out.append("\t".join(join_wrapped(cell) for cell in row))
            row = [[] for _ in starts]
        elif columns == [0] and (_SECTION_ROW.match(first) or row is None):  # 一、… across the table
            if row:
                out.append("\t".join(join_wrapped(cell) for cell in row))
                row = None
            out.append(first)
            continue
        elif row is None or columns[0] == 0:  # text in the 序号 column that is no number: the table has ended
            end = k
            break
        for f, c in zip(line, columns):
            row[c].append(f.text.strip())
    if row:
        out.append("\t".join(join_wrapped(cell) for cell in row))
    out.extend(join_wrapped([f.text.strip() for f in line]) for line in lines[end:])
    return "\n".join(out)


def two_column_page_text(page) -> str | None:
    """The page's text with a two-column task table drawn without rules (工作任务及主要措施 | 责任分工) read row by
    row: a scanner app's text layer gives such a table column by column (all the tasks, then all the office cells),
    so read in its own order every office list would follow the last task of the page. A task (1.) or a section
    heading (一、) in the left column starts a row; the right column's lines from that height down are its offices.
    None when the page has no such header."""
    fragments: list[_Fragment] = []
    _read_page(page, fragments, [])
    lines = _grouped(fragments)
    at = next((i for i, line in enumerate(lines) if len(line) == 2 and task_and_offices_header(
        [f.text.strip() for f in line])), None)
    if at is None:
        return None
    middle = (lines[at][0].x + lines[at][1].x) / 2
    right = [f.x for line in lines[at + 1:] for f in line if f.x > middle]
    left = [f.x for line in lines[at + 1:] for f in line if f.x <= middle]
    if len(right) < 2 or not left:
        return None
    boundary, start = min(right) - _ALIGN, min(left)
    out = [join_wrapped([f.text.strip() for f in line]) for line in lines[:at]]
    out.append("\t".join(f.text.strip() for f in lines[at]))
    row: list[list[str]] | None = None
    end = len(lines)
    for k in range(at + 1, len(lines)):
        cells = ([f.text.strip() for f in lines[k] if f.x < boundary], [f.text.strip() for f in lines[k] if f.x >= boundary])
        first = lines[k][0]
        if cells[0] and first.x > start + _ALIGN and not cells[1]:  # an indented paragraph under the table
            end = k
            break
        if cells[0] and _SECTION_ROW.match(cells[0][0]):
            if row:
                out.append(_row_text(row))
            out.append(join_wrapped(cells[0]))
            row = None
            continue
        if cells[0] and _TASK_START.match(cells[0][0]):
            if row:
                out.append(_row_text(row))
            row = [[], []]
        if row is None:
            if cells[1]:  # office text before any task: no such table after all
                return None
            out.append(join_wrapped(cells[0]))
            continue
        row[0].extend(cells[0])
        row[1].extend(cells[1])
    if row:
        out.append(_row_text(row))
    out.extend(join_wrapped([f.text.strip() for f in line]) for line in lines[end:])
    return "\n".join(out)


def _row_text(row: list[list[str]]) -> str:
    """A two-column row as one line: the task's wrapped lines joined, and its office cell's, each labelled list
    (牵头：… / 配合：… / 时限：…) parted from the one before by ；, a list wrapped inside a name joined back."""
    offices = ""
    for piece in row[1]:
        if offices and _CELL_LABEL.match(piece):
            offices += "；" + piece
        else:
            offices = join_wrapped([offices, piece])
    return join_wrapped(row[0]) + "\t" + offices


_CELL_LABEL = re.compile(r"^(?:牵头|配合|责任|协助|参与|时限|完成时限)[^：:]{0,4}[：:]")
_TASK_START = re.compile(r"^\d{1,3}\s*[.、．]")
_SECTION_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
_PAGE_NUMBER = re.compile(r"^[\s\-—–－]*(?:第\s*)?\d{1,3}\s*(?:页)?[\s\-—–－]*$")
_ALIGN = 6.0  # points: text may start this far left of its column's header (a header set a little indented)


def _column_of(x: float, starts: list[float]) -> int:
    return max([i for i, start in enumerate(starts) if x >= start - _ALIGN] or [0])


def _grouped(fragments: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments as printed lines, top to bottom, each line's fragments left to right."""
    lines: list[list[_Fragment]] = []
    for f in sorted(fragments, key=lambda f: (-f.y, f.x)):
        if lines and abs(lines[-1][0].y - f.y) <= _SAME_LINE:
            lines[-1].append(f)
        else:
            lines.append([f])
    return [sorted(line, key=lambda f: f.x) for line in lines]


def _read_page(page, fragments: list[_Fragment], strokes: list[tuple[float, float, float, float]]) -> bool:
    """Collect the page's upright text fragments and ruling strokes; whether any text was laid over the page. A page
    is read once: the ruled, aligned, two-column and plain readings of it share what its content stream gives."""
    found, drawn, over, _ = _page_reading(page)
    fragments.extend(found)
    strokes.extend(drawn)
    return over


def layer_text(page) -> str:
    """The page's text layer in its own order (pypdf's extraction), from the same pass as its positioned reading: a
    page set glyph by glyph is slow to parse twice."""
    return _page_reading(page)[3] or ""


def _page_reading(page) -> tuple[tuple[_Fragment, ...], tuple[tuple[float, float, float, float], ...], bool, str]:
    """The page's fragments, strokes, whether text was laid over it, and its text layer: read once per page."""
    cached = getattr(page, "_plan_reading", None)
    if cached is None:
        found: list[_Fragment] = []
        drawn: list[tuple[float, float, float, float]] = []
        over, text = _read_stream(page, found, drawn)
        cached = (tuple(found), tuple(drawn), over, text)
        page._plan_reading = cached
    return cached


def _read_stream(page, fragments: list[_Fragment],
                 strokes: list[tuple[float, float, float, float]]) -> tuple[bool, str]:
    path: list[tuple[float, float]] = []
    fills: list[tuple[float, ...]] = [(0.0, 0.0, 0.0)]  # the fill colour, saved and restored with the graphics state
    over = [False]
    rects: list[tuple[float, float, float, float]] = []
    reds: list[_Fragment] = []
    lights: list[_Fragment] = []  # upright light text: print where it stands on a dark shape
    shape: list[tuple[float, float]] = []  # the points of the path being built, whatever its operators
    darks: list[tuple[float, float, float, float]] = []  # the boxes of the dark shapes filled so far

    rotation, shown = _shown(page)
    inside = _cropped_to(page, shown)

    def on_text(text, cm, tm, font, size):
        if text.strip():
            x, y = shown(tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
            if not inside(x, y):  # cropped away: the file holds it, no viewer shows or prints it
                return
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]) or 1.0
            if _overlay(tm, cm, fills[-1], rotation):
                upright = _upright(tm, cm, rotation)
                if upright and _light(fills[-1]):  # laid over the page unless it stands on a dark shape
                    lights.append(_Fragment(x, y, text, size * scale))
                    return
                over[0] = True
                if upright and _red(fills[-1]):  # a seal's red, unless underlined as an insertion is
                    reds.append(_Fragment(x, y, text, size * scale))
                return
            fragment = _Fragment(x, y, text, size * scale)
            if _drawn_again(fragment, fragments):  # fake bold: the page reads once what it draws twice
                over[0] = True
                return
            if darks and _dark(fills[-1]) and (masked := _masked(fragment, darks)) is not fragment:
                over[0] = True  # black on a black bar drawn before it (Word's black highlight): blacked out
                fragment = masked
            fragments.append(fragment)

    def on_operator(op, args, cm, tm):
        def at(px, py):
            return shown(px * cm[0] + py * cm[2] + cm[4], px * cm[1] + py * cm[3] + cm[5])
        try:
            if op == b"TJ" and args and isinstance(args[0], list):
                args[0][:] = _shown_once(args[0])  # before pypdf reads it: its text then holds each glyph once
            if op == b"q":
                fills.append(fills[-1])
            elif op == b"Q" and len(fills) > 1:
                fills.pop()
            elif op == b"rg" and len(args) == 3:
                fills[-1] = tuple(float(v) for v in args)
            elif op == b"g" and len(args) == 1:
                fills[-1] = (float(args[0]),) * 3
            elif op == b"k" and len(args) == 4:
                c, m, y, k = (float(v) for v in args)
                fills[-1] = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
            elif op in _CURVES and len(args) in (4, 6):
                shape.extend(at(float(args[i]), float(args[i + 1])) for i in range(0, len(args), 2))
            elif op in _FILLS:
                if shape and _dark(fills[-1]):
                    xs, ys = [p[0] for p in shape], [p[1] for p in shape]
                    darks.append((min(xs), min(ys), max(xs), max(ys)))
                shape.clear()
            elif op in (b"n", b"S", b"s"):
                shape.clear()
            elif op == b"m":
                path[:] = [at(float(args[0]), float(args[1]))]
                shape.append(path[0])
            elif op == b"l" and path:
                end = at(float(args[0]), float(args[1]))
                strokes.append((*path[-1], *end))
                path.append(end)
                shape.append(end)
            elif op == b"re":  # a thin filled rectangle is how many writers draw a rule
                x0, y0 = at(float(args[0]), float(args[1]))
                x1, y1 = at(float(args[0]) + float(args[2]), float(args[1]) + float(args[3]))
                for edge in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                    strokes.append(edge)
                rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
                shape.extend(((x0, y0), (x1, y1)))
        except (TypeError, ValueError, IndexError):
            pass

    text = page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    if bars := _blacked_out(page, shown):  # a black rectangle comment drawn over words hides them on the page
        masked = [_masked(f, bars) for f in fragments]
        over[0] = over[0] or any(m is not f for m, f in zip(masked, fragments))
        fragments[:] = masked
    strokes[:] = [s for s in strokes if inside(s[0], s[1]) or inside(s[2], s[3])]
    fragments.extend(f for f in _typed_on(page, shown) if inside(f.x, f.y))
    printed = [f for f in lights if _on_dark(f, darks)]
    fragments.extend(printed)
    over[0] = over[0] or len(printed) < len(lights)
    # a draft printed with its tracked changes: struck text is what the plan no longer says, and Word's markup pane
    # down the right side holds the reviewers' balloons, no text of the plan
    panes = [r for r in rects if r[3] - r[1] >= _PANE_HEIGHT * float(page.mediabox.height)
             and r[0] >= _PANE_LEFT * float(page.mediabox.width)]
    fragments.extend(f for f in reds if _underlined(f, strokes))  # a reviser's insertion in red: the plan's text
    kept = [f for f in fragments if not _struck(f, strokes) and not any(
        x0 <= f.x <= x1 and y0 <= f.y <= y1 for x0, y0, x1, y1 in panes)]
    if len(kept) < len(fragments):
        fragments[:] = kept
        return True, text
    return over[0], text


_FONT_SIZE = re.compile(r"([\d.]+)\s+Tf")
_HIDDEN = 2 | 32  # annotation flags Hidden and NoView


def _masked(fragment: _Fragment, boxes: list[tuple[float, float, float, float]]) -> _Fragment:
    """The fragment as the page shows it under black bars: each character whose middle a bar covers reads ■. A
    redaction that only paints over the words (a black highlight in Word, a filled rectangle comment on the PDF)
    leaves them in the text layer, where every extractor reads them as printed; what the published page shows is
    the bar, so a figure or name under it is no part of what the plan says. The same fragment when none is."""
    chars, x, hit = [], fragment.x, False
    for c in fragment.text:
        width = 0.0 if c in "\r\n" else _width(c, fragment.size)
        middle_x, middle_y = x + width / 2, fragment.y + _GLYPH_MIDDLE * fragment.size
        covered = width > 0 and any(x0 <= middle_x <= x1 and y0 <= middle_y <= y1 for x0, y0, x1, y1 in boxes)
        chars.append("■" if covered else c)
        hit = hit or covered
        x += width
    return _Fragment(fragment.x, fragment.y, "".join(chars), fragment.size) if hit else fragment


def _blacked_out(page, shown) -> list[tuple[float, float, float, float]]:
    """The boxes of the page's black shape comments (批注 › 矩形, filled black: /Square with a dark /IC), which a
    reviewer draws over what is not to be published."""
    boxes = []
    try:
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            fill = annotation.get("/IC")
            if annotation.get("/Subtype") not in ("/Square", "/Polygon") or int(annotation.get("/F", 0)) & _HIDDEN \
                    or not fill or len(fill) != 3 or not _dark(tuple(float(v) for v in fill)):
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            (a, b), (c, d) = shown(x0, y0), shown(x1, y1)
            boxes.append((min(a, c), min(b, d), max(a, c), max(b, d)))
    except (KeyError, TypeError, ValueError, AttributeError):
        return boxes
    return boxes


def _typed_on(page, shown) -> list[_Fragment]:
    """Text typed onto the page with a PDF editor's typewriter or text-box tool (Foxit, WPS 「添加文字」), or into
    a form's fields: shown where its box stands but absent from the page's content stream. A table sent round as PDF
    comes back with its office cells filled so; a sticky note (a Text annotation) is a comment, not the page."""
    out: list[_Fragment] = []
    try:
        annotations = page.get("/Annots") or []
        for ref in annotations:
            annotation = ref.get_object()
            if int(annotation.get("/F", 0)) & _HIDDEN:
                continue
            if annotation.get("/Subtype") == "/FreeText":
                contents = str(annotation.get("/Contents") or "")
            elif annotation.get("/Subtype") == "/Widget":
                contents = _field_shown(annotation)
            else:
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            size = float(m.group(1)) if (m := _FONT_SIZE.search(str(annotation.get("/DA") or ""))) else 10.0
            # a line the typist broke is a break between items (基础教育科⏎市人民政府教育督导室), unless it ends a list
            # item already (计划财务科、⏎各县（市、区）教育局)
            typed = ""
            for line in (l.strip() for l in re.split(r"\r\n|\r|\n", contents) if l.strip()):
                typed += ("" if not typed or typed[-1] in "、，,；;" else " ") + line
            if typed:
                x, y = shown(min(x0, x1) + 1, max(y0, y1) - size)
                out.append(_Fragment(x, y, typed, size))
    except (KeyError, TypeError, ValueError, AttributeError):
        return out
    return out


def _inherited(annotation, key: str):
    """A form field's entry, from the widget or the field it belongs to (a field's widgets share its value)."""
    node, depth = annotation, 0
    while node is not None and depth < 8:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node, depth = (parent.get_object() if parent is not None else None), depth + 1
    return None


def _field_shown(widget) -> str:
    """What a filled-in form field shows in its box (a PDF table whose cells are form fields, returned filled in):
    a text field's value; a list's chosen item by its display name, not the code it stores (AQJT06 shows
    基础教育科); nothing for buttons and empty fields."""
    kind = _inherited(widget, "/FT")
    value = _inherited(widget, "/V")
    if kind not in ("/Tx", "/Ch") or value is None:
        return ""
    values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    names = {}
    for option in _inherited(widget, "/Opt") or []:
        if isinstance(option, list) and len(option) == 2:
            names[str(option[0])] = str(option[1])
    return "、".join(names.get(v, v) for v in values if v and v != "/Off")


def _struck(fragment: _Fragment, strokes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a horizontal stroke runs through the fragment's characters at mid-height (strikethrough), over most of
    its width (an underline runs below the baseline; a table's rule is not through the text's middle)."""
    return _ruled_at(fragment, strokes, _STRIKE_LOW, _STRIKE_HIGH)


def _underlined(fragment: _Fragment, strokes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a horizontal stroke runs just under the fragment's baseline over most of its width: how a tracked
    insertion is printed."""
    return _ruled_at(fragment, strokes, _UNDERLINE_LOW, 0.0)


def _ruled_at(fragment: _Fragment, strokes: list[tuple[float, float, float, float]], low: float, high: float) -> bool:
    if not fragment.size:
        return False
    width = sum(fragment.size if ord(c) > 0x2E80 else fragment.size / 2 for c in fragment.text.strip())
    low, high = fragment.y + low * fragment.size, fragment.y + high * fragment.size
    for x0, y0, x1, y1 in strokes:
        if abs(y1 - y0) < _EDGE and low <= y0 <= high:
            covered = min(max(x0, x1), fragment.x + width) - max(min(x0, x1), fragment.x)
            if covered >= _STRUCK_SHARE * width:
                return True
    return False


def _ruled_rows(fragments: list[_Fragment], strokes: list[tuple[float, float, float, float]]
                ) -> tuple[list[list[str]], list[_Fragment], float, float] | None:
    """The ruled table's rows top to bottom (each a list of its cells' text), the fragments inside it, and its bottom
    and top edges; None when the strokes rule no table."""
    columns = _rules([min(x0, x1) for x0, y0, x1, y1 in strokes if abs(x1 - x0) < _EDGE and abs(y1 - y0) >= _RULE_MIN])
    rows = _rules([min(y0, y1) for x0, y0, x1, y1 in strokes if abs(y1 - y0) < _EDGE and abs(x1 - x0) >= _RULE_MIN])
    if len(columns) < _MIN_COLUMNS + 1 or len(rows) < 3:
        return None
    left, right, bottom, top = columns[0], columns[-1], rows[0], rows[-1]
    inside = [f for f in fragments if left - _EDGE <= f.x <= right and bottom <= f.y <= top]
    across = [(min(x0, x1), max(x0, x1), y0) for x0, y0, x1, y1 in strokes
              if abs(y1 - y0) < _EDGE and abs(x1 - x0) >= _RULE_MIN]
    bands = list(zip(reversed(rows[1:]), reversed(rows[:-1])))  # top to bottom
    table = []
    for index, (upper, lower) in enumerate(bands):
        cells = []
        for start, end in zip(columns, columns[1:]):
            if index and not _crossed(across, upper, start, end):
                cells.append("")  # the cell merged down from the row above: its text was read with that cell's
                continue
            stop = next((y for y in reversed(rows) if y <= lower + _EDGE and _crossed(across, y, start, end)), bottom)
            cell = [f for f in inside if stop < f.y < upper and start - _EDGE <= f.x < end]
            cells.append(_cell_text(cell, end))
        if any(cells):
            table.append(cells)
    return table, inside, bottom, top


def _crossed(across: list[tuple[float, float, float]], y: float, start: float, end: float) -> bool:
    """Whether the row rule at `y` crosses the column between `start` and `end`. A cell merged down over several rows
    (a 类别 column whose 一、党的建设 stands beside three tasks, set vertically) has no rule across it between them: its
    text is one cell, read whole into the first row it covers, not shared out line by line among the rows beside."""
    middle = (start + end) / 2
    return any(abs(ry - y) <= _EDGE and x0 - _EDGE <= middle <= x1 + _EDGE for x0, x1, ry in across)


def side_columns(page) -> tuple[list[str], dict[str, list[str]]] | None:
    """The columns a page holds beside a number column only (序号 | 牵头股室 | 配合股室 | 完成时限, no task column): a
    sheet too wide for the paper printed its last columns on later pages, down then over (Excel's default page
    order), the 序号 column repeated to pair them. Its header cells after the number's, and each numbered row's
    cells after it; None for any other page."""
    fragments: list[_Fragment] = []
    strokes: list[tuple[float, float, float, float]] = []
    _read_page(page, fragments, strokes)
    ruled = _ruled_rows(fragments, strokes)
    if ruled is None:
        return None
    table = ruled[0]
    at = next((i for i, cells in enumerate(table[:3]) if read_side_header(rebuilt_line(0, "\t".join(cells)))), None)
    if at is None:
        return None
    return table[at][1:], {cells[0].strip(): cells[1:] for cells in table[at + 1:] if cells[0].strip()}


def beside_their_rows(pages: list[str], sides: list[tuple[list[str], dict[str, list[str]]] | None]) -> list[str]:
    """The pages with the columns printed apart (`side_columns`) put back at the end of the rows of the same number
    on the pages before, and of the header naming the number column; the pages that held them left out."""
    header = next(side[0] for side in sides if side)
    rows: dict[str, list[str]] = {}
    for side in sides:
        if side:
            rows.update(side[1])
    out = []
    for page, side in zip(pages, sides):
        if side:
            continue
        lines = []
        for line in page.split("\n"):
            cells = line.split("\t")
            if len(cells) > 1 and read_header(rebuilt_line(0, line)):
                line = "\t".join([*cells, *header])
            elif len(cells) > 1 and (extra := rows.get(cells[0].strip())) is not None:
                line = "\t".join([*cells, *extra])
            lines.append(line)
        out.append("\n".join(lines))
    return out


def _table_text(fragments: list[_Fragment], strokes: list[tuple[float, float, float, float]]) -> str | None:
    ruled = _ruled_rows(fragments, strokes)
    if ruled is None:
        return None
    table, inside, bottom, top = ruled
    table = _without_sheet_headings(table)
    if not table or not any(read_header(rebuilt_line(0, "\t".join(cells))) for cells in table[:3]):
        return None
    above = _lines([f for f in fragments if f.y > top and f not in inside])
    below = _lines([f for f in fragments if f.y < bottom and f not in inside])
    return "\n".join([*above, *("\t".join(cells) for cells in table), *below])


def _without_sheet_headings(table: list[list[str]]) -> list[list[str]]:
    """The table without the column letters and row numbers Excel prints when 行和列标题 is ticked in page setup: a
    first row A B C … over the columns (its corner empty) and a first column of the sheet's row numbers, which never
    are the plan's 序号 (sheet row 5 holds task 2)."""
    letters = [c for c in table[0] if c] if table else []
    if not letters or table[0][0] or letters != [chr(ord("A") + i) for i in range(len(letters))]:
        return table
    rows = table[1:]
    if all(not row[0] or row[0].isdigit() for row in rows):
        rows = [row[1:] for row in rows]
    return rows


def _cell_text(cell: list[_Fragment], end: float) -> str:
    """A ruled cell's lines joined. A line wrapped at the cell's edge runs on with nothing inserted (a name broken
    mid-word: 区人民政府教 / 育督导室); an office name ending a line well short of the edge was ended by hand (Alt+Enter
    in the workbook printed: 基础教育科 / 区人民政府教育督导室), and a space parts it from the next name, as the
    workbook's own line break reads."""
    out, short = "", False
    for line in _grouped(cell):
        text = join_wrapped([f.text.strip() for f in line])
        out = f"{out} {text}" if short and is_office_name(out) else join_wrapped([out, text])
        last = line[-1]
        short = last.x + _width(last.text.strip(), last.size) < end - _SHORT_OF_EDGE * (last.size or 1)
    return out


def _width(text: str, size: float) -> float:
    """How wide the text prints: a Chinese character is as wide as the font is high, a digit or letter half that."""
    return sum(size if unicodedata.east_asian_width(c) in "WFA" else size / 2 for c in text)


def _rules(positions: list[float]) -> list[float]:
    """Distinct rule positions, ascending; strokes within `_EDGE` of each other are one rule."""
    out: list[float] = []
    for p in sorted(positions):
        if not out or p - out[-1] > _EDGE:
            out.append(p)
    return out


def _lines(fragments: list[_Fragment]) -> list[str]:
    """Fragments put back into printed lines, top to bottom and left to right."""
    return [join_wrapped([f.text.strip() for f in line]) for line in _grouped(fragments)]
