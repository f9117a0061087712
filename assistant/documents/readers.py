"""Turn a document file into text, or refuse it with a reason a user can act on.

Readers never raise anything but `DocumentError`, so one bad file in a folder cannot stop the others from loading.
"""
from __future__ import annotations

import csv
import datetime
import io
import logging
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from .codelists import code_lists, decoded
from .databinding import data_stores, fill_bound_controls
from .dittos import filled
from .layout_text import columns_read
from .mail import message_text
from .numformat import shown_date, shown_number, shown_text
from .tickboxes import chosen, drawn, in_font

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")
MAX_BYTES = 20 * 1024 * 1024
# Limits against files built to exhaust memory or time (zip bombs, endless PDFs), checked before the libraries
# that would otherwise unpack them are called.
MAX_UNPACKED = 50 * 1024 * 1024  # a .docx's or .xlsx's entries, uncompressed, together
MAX_SHEET_CELLS = 200_000  # a workbook's cells, all sheets together: a task table has a few hundred
MAX_ZIP_ENTRIES = 2000
MAX_PDF_PAGES = 500

log = logging.getLogger(__name__)


class DocumentError(Exception):
    """A file that cannot be used, with a message in Chinese naming the file and the reason."""

    def __init__(self, file: str, reason: str):
        self.file = file
        self.reason = reason
        super().__init__(f"《{file}》无法读取：{reason}")

    def __reduce__(self):  # pickles (from a parse worker, documents.sandbox) with both its arguments
        return type(self), (self.file, self.reason), self.__dict__


def read_document(path: Path) -> str:
    """Return the document's text (lines separated by newlines, as in the file)."""
    path = Path(path)
    data = _read_bytes(path)
    return decode_document(path.name, data)


def decode_document(name: str, data: bytes) -> str:
    """Decode the bytes of a file called `name`; the suffix decides the format."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(name, f"不支持的文件类型“{suffix or '无扩展名'}”，只支持 .txt、.docx、.pdf、.xlsx")
    if not data:
        raise DocumentError(name, "文件是空的")
    if len(data) > MAX_BYTES:
        raise DocumentError(name, f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限")
    if suffix == ".txt":
        # a mail saved from its source: its plain-text part, decoded from quoted-printable or base64 in its charset
        mailed = message_text(data)
        text = _without_line_numbers(mailed if mailed is not None else _decode_text(name, data))
        if _looks_like_html(text):
            text = _html_text(text)
        elif _looks_like_markdown(text):
            text = _markdown_text(text)
        elif (rows := _csv_rows(text)) is not None:
            text = _csv_text(rows)
        elif (columns := columns_read(text)) is not None:  # two printed columns side by side (pdftotext -layout)
            text = columns
    elif suffix == ".docx":
        text = _read_docx(name, data)
    elif suffix == ".xlsx":
        text = _read_xlsx(name, data)
    else:
        text = _read_pdf(name, data)
    text = _ZERO_WIDTH.sub("", text)
    if not text.strip():
        raise DocumentError(name, "文件中没有文字")
    return as_characters(text)


# Characters of no width that a web editor (UEditor and the like) leaves in a published page and a copy keeps:
# inside a title, an office name (教育\u200b督导室), between a number and its dot. The page shows nothing there;
# U+FEFF inside the text (opening a pasted line) is one of them, as the one opening the file is
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def as_characters(text: str) -> str:
    """The text with radicals (and vertical punctuation forms) read as the characters they stand for: a PDF made by
    some exporters (macOS Quartz, some WPS versions) maps the glyphs its font shares with a radical to the radical's
    code point (⼀、全⾯…, 校⻓), so the page shows 一、全面… but the text layer, a copy and a search hold other
    characters. Only those blocks change: NFKC on them alone (Kangxi ⼀ -> 一, ︑ -> 、), and the simplified-form
    radicals NFKC leaves as they are (⻓ -> 长); full-width punctuation and letters keep their forms."""
    if not _RADICALS.search(text):
        return text
    return _RADICALS.sub(lambda m: _SIMPLIFIED_RADICALS.get(m.group(0)) or unicodedata.normalize("NFKC", m.group(0)), text)


# also the punctuation's vertical presentation forms (︑ for 、, ︒ for 。, ︵ for （): text set 竖排 in Word or WPS keeps
# them in the text layer, and read across they are the marks they stand for (二︑基础教育 is a section 二、)
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\ufe10-\ufe19\ufe30-\ufe44]")
# the CJK Radicals Supplement's simplified forms (C-SIMPLIFIED / SIMPLIFIED), which have no compatibility mapping
_SIMPLIFIED_RADICALS = dict(zip("⺟⻅⻆⻈⻉⻋⻐⻓⻔⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳", "母见角讠贝车钅长门韦页风飞饣马鱼鸟卤麦黄黾齐齿龙龟"))


# A plan copied out of a code editor or an OA preview, or printed with line numbers in the margin, opens every line
# with the line's number, blank lines too (`  12  （三）…`, `  12│…`, `12: …`): that number is no task number.
_GUTTER = re.compile(r"^[ \t]*(\d{1,5})(?:[ \t]+|(?=\r?$))(.*)$")  # CRLF files keep their \r
_RULED_GUTTER = re.compile(r"^[ \t]*(\d{1,5})[ \t]*[│|┃¦:：][ \t]?(.*)$")
_MARKED_AFTER = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def _without_line_numbers(text: str) -> str:
    """The text without a line-number gutter, when one runs down the file: nearly every line opens with a number
    one more than the line before's, and the gutter shows itself apart from any plan numbering, by a rule (│, |, :)
    after it on every line, by numbering blank lines, or by standing before the plan's own markers (`12  （三）`,
    `13  1.`). A plan whose lines are all numbered tasks (1 … 2 … 3 …) numbers no blank line and puts no marker after
    its numbers; a pipe table's rows (`12  | 1 | …`) keep their first rule, as not every line has one."""
    lines = text.split("\n")
    written = len([line for line in lines if line.strip()])
    for gutter, ruled in ((_RULED_GUTTER, True), (_GUTTER, False)):
        found = [gutter.match(line) for line in lines]
        numbered = [m for m in found if m]
        if len(numbered) < 3 or len(numbered) < 0.9 * written:
            continue
        numbers = [int(m.group(1)) for m in numbered]
        if sum(b == a + 1 for a, b in zip(numbers, numbers[1:])) < 0.9 * (len(numbers) - 1):
            continue
        blank = sum(not m.group(2).strip() for m in numbered)
        marked = sum(bool(_MARKED_AFTER.match(m.group(2))) for m in numbered)
        if ruled or blank >= 2 or marked >= 2:
            return "\n".join(m.group(2) if m else line for m, line in zip(found, lines))
    return text


# A web page saved as text keeps its markup: paragraphs in <p>…</p>, <strong> titles, &nbsp; indents, &ldquo; quotes.
# A few <br> alone (a markdown table's line breaks inside cells) are no web page.
_HTML_TAG = re.compile(r"</?(?:p|div|span|strong|b|font|table|tbody|tr|td|th|html|body|section|article|h[1-6])\b[^>]*>",
                       re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|tr|h[1-6]|section|article|li)\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<!--.*?-->|<[a-zA-Z/!][^<>]*>", re.DOTALL)


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_CELL_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)


def _html_table_rows(markup: str) -> list[str]:
    """One line per <tr>, its cells split by tabs: a cell spanning columns (colspan) gives its text to its first column
    (a section row 一、… across the table), a cell spanning rows (rowspan) gives it to each row it covers (a 牵头科室
    shared by two tasks), the lines of a cell (<br>, <p>) joined by a space, entities decoded."""
    import lxml.html

    try:
        table = lxml.html.fragment_fromstring(_CELL_BREAK.sub(" ", markup))
    except Exception:  # lxml's parser errors (an unclosed or broken table): read as the text around it is
        return [markup]
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered) of a cell spanning rows
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):  # a table nested in a cell is that cell's text
        row: list[str] = []
        column = 0
        for cell in tr.xpath("./td|./th"):
            while column in pending:  # a cell above still covers this column
                value, left = pending.pop(column)
                row.append(value)
                if left > 1:
                    pending[column] = (value, left - 1)
                column += 1
            value = " ".join(cell.text_content().replace("\xa0", " ").split())
            span = _span(cell.get("colspan"))
            down = _span(cell.get("rowspan"))
            for k in range(span):
                row.append(value if k == 0 else "")
                if down > 1:
                    pending[column + k] = (value if k == 0 else "", down - 1)
            column += span
        while column in pending:
            value, left = pending.pop(column)
            row.append(value)
            if left > 1:
                pending[column] = (value, left - 1)
            column += 1
        if any(row):
            rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return ["\t".join(r + [""] * (width - len(r))) for r in rows]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def _looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text, 0, 200_000)) >= 3


def _html_text(text: str) -> str:
    """The text a browser shows: a line per paragraph or <br>, the markup dropped, entities decoded (&nbsp; as a
    space). Lines that were lines in the file stay lines; a <table> becomes one tab-separated line per row, the way a
    Word table is read (`_table_lines`)."""
    import html

    text = _HTML_TABLE.sub(lambda m: "\n".join(_html_table_rows(m.group(0))) + "\n", text)
    text = _HTML_BREAK.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


# A web article exported as markdown: ### headings, **bold** titles, - bullets. The headings and bold are markup; the
# bullets stay, as they may be all that marks a task (- **title。**body（牵头科室：…）)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)", re.MULTILINE)
_MD_BOLD = re.compile(r"\*\*|__")


def _looks_like_markdown(text: str) -> bool:
    return len(_MD_HEADING.findall(text, 0, 200_000)) >= 2


# a task list's item (- [ ] 3. …, - [x] …, nested under a task too): the viewer shows a box, the text is what follows
_MD_CHECKBOX = re.compile(r"^([ \t]*)[-*+][ \t]+\[[ xX]\][ \t]*", re.MULTILINE)


def _markdown_text(text: str) -> str:
    """The text a markdown viewer shows, line for line: heading marks, bold marks and task-list boxes dropped."""
    return _MD_CHECKBOX.sub(r"\1", _MD_BOLD.sub("", _MD_HEADING.sub("", text)))


# A task table saved from Excel as CSV (and named .txt): nearly every row has the same number of cells, four or more,
# and a header cell names the tasks or offices; cells holding a comma, a quote or a line break are quoted.
_CSV_HEADER = re.compile(r"^(?:序号|编号)$|任务|科室|单位|股室|处室")


# Excel's 「Unicode 文本」 export is the same table with tabs between cells (UTF-16): a cell holding a line break or
# a quote is quoted there too, so one row may run over several lines of the file.
_QUOTED_TAB_CELL = re.compile(r'(?:^|\t)"[^"\t\n]*(?:""|\n)', re.MULTILINE)


def _csv_rows(text: str) -> list[list[str]] | None:
    if text.count("\t") >= 12 and _QUOTED_TAB_CELL.search(text):
        delimiter = "\t"
    elif text.count(",") >= 12:
        delimiter = ","
    else:
        return None
    try:
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error:
        return None
    widths = [len(r) for r in rows]
    width = max(set(widths), key=widths.count) if widths else 0
    if width < 4 or len(rows) < 5 or widths.count(width) < 0.8 * len(rows) or not any(
            _CSV_HEADER.search(c.strip()) for r in rows[:10] for c in r):
        return None
    return rows


def _csv_text(rows: list[list[str]]) -> str:
    """The rows as tab-separated lines, as a workbook is read: a line break inside a cell is a space there, except
    inside Chinese text the cell's width wrapped (推进义务教育 / 优质均衡发展 is one title); after an office's name
    (基础教育科 / 县人民政府教育督导室) it parts two names."""
    return "\n".join("\t".join(_CELL_BREAKS.sub(" ", _WRAPPED_IN_CELL.sub("", c)).replace("\t", " ").strip()
                               for c in row) for row in rows)


# a line break between two Chinese characters, the first closing no office's name
_WRAPPED_IN_CELL = re.compile(r"(?<=[\u4e00-\u9fff])(?<![科室组局处办委站])\r?\n(?=[\u4e00-\u9fff])")
_CELL_BREAKS = re.compile(r"[\r\n]+")


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            raise DocumentError(path.name, "这不是普通文件")
        if info.st_size > MAX_BYTES:  # refused before anything is read into memory
            raise DocumentError(path.name, f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限")
        with open(path, "rb") as fh:  # read(n) allocates n bytes up front: ask for what the file holds
            return fh.read(info.st_size + 1)
    except FileNotFoundError:
        raise DocumentError(path.name, "文件不存在") from None
    except IsADirectoryError:
        raise DocumentError(path.name, "这是一个文件夹，不是文件") from None
    except OSError as exc:
        raise DocumentError(path.name, f"无法打开文件（{exc.strerror}）") from None


def _decode_text(name: str, data: bytes) -> str:
    try:
        return _decode_text_strict(name, data)
    except (UnicodeError, LookupError):
        raise DocumentError(name, "文字编码有误或无法识别，请另存为 UTF-8 文本") from None


def _decode_text_strict(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "这不是文本文件（含有二进制内容）")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        # a GBK file the detector cannot place (a table drawn in box characters ┌─┬─┐ outweighs its words): GB18030,
        # the superset, when it decodes cleanly into Chinese text
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise DocumentError(name, "无法识别文字编码，请另存为 UTF-8 文本") from None
        if _cjk_share(text) < 0.2:
            raise DocumentError(name, "无法识别文字编码，请另存为 UTF-8 文本")
        return text
    encoding = best.encoding
    # GBK-family guesses are decoded as GB18030, the superset, so no character of a GBK file is lost.
    if encoding.lower().replace("-", "_") in {"gbk", "gb2312", "cp936", "hz", "gb18030"}:
        encoding = "gb18030"
    text = data.decode(encoding, errors="strict")
    if _cjk_share(text) < 0.2:
        raise DocumentError(name, f"按 {encoding} 解码后不是中文文本，请另存为 UTF-8 文本")
    return text


def _cjk_share(text: str) -> float:
    """The share of Chinese characters among the visible ones, a table's box-drawing lines (─│┼) left aside."""
    visible = [ch for ch in text if not ch.isspace() and not "\u2500" <= ch <= "\u257f"]
    if not visible:
        return 0.0
    return sum("\u3400" <= ch <= "\u9fff" for ch in visible) / len(visible)


_NOT_DOCX = "不是有效的 Word（.docx）文件，或文件已损坏"
_NOT_XLSX = "不是有效的 Excel（.xlsx）文件，或文件已损坏"


def _check_zip(name: str, data: bytes, kind: str = "Word", invalid: str = _NOT_DOCX) -> None:
    """Refuse an Office file that is no zip, holds no Office document, or would unpack to more than the limits,
    before python-docx or openpyxl unpacks anything. (zipfile never inflates an entry beyond the size its directory
    declares, so the declared sizes bound what can be unpacked.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError):
        raise DocumentError(name, invalid) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise DocumentError(name, f"压缩包内有 {len(entries)} 个部件，超过 {MAX_ZIP_ENTRIES} 个上限，不像正常的 {kind} 文件")
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED:
        raise DocumentError(name, f"解压后共 {unpacked / (1024 * 1024):.0f} MB，超过 {MAX_UNPACKED // (1024 * 1024)} MB 上限，"
                                  f"不像正常的 {kind} 文件")
    if not any(e.filename == "[Content_Types].xml" for e in entries):
        raise DocumentError(name, invalid)


def _read_docx(name: str, data: bytes) -> str:
    _check_zip(name, data)
    try:
        return _docx_text(data)
    except DocumentError:
        raise
    except Exception as exc:  # lxml, zipfile, zlib and python-docx errors alike: the file is damaged
        from lxml import etree
        from docx.opc.exceptions import PackageNotFoundError

        known = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, etree.Error, KeyError, ValueError, EOFError,
                 NotImplementedError, RuntimeError)
        if not isinstance(exc, known):
            log.warning("unexpected %s reading %s: %s", type(exc).__name__, name, exc)
        if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
            raise DocumentError(name, "Word 文件已加密，请先解除密码保护") from None
        raise DocumentError(name, _NOT_DOCX) from None


def _docx_text(data: bytes) -> str:
    import docx
    import docx.table

    document = docx.Document(io.BytesIO(data))
    if stores := data_stores(document.part.package):  # controls a platform fills from a data part (databinding.py)
        fill_bound_controls(document.element.body, stores)
    numbering = _WordNumbering(document)
    styles = _StyleNames()
    comments = _office_notes(document, "comment")
    ranges = _comment_ranges(document.element.body) if comments else {}
    footnotes = _office_notes(document, "footnote") | _office_notes(document, "endnote")
    referred = _note_references(document.element.body) if footnotes else {}
    blocks = [b for b in _blocks(document.element.body, document._body)  # paragraphs and tables in print order
              if isinstance(b, (docx.table.Table, _AltChunk)) or not styles.contents(b)]
    headings = _unnumbered_headings([b for b in blocks if not isinstance(b, _AltChunk)], styles, document)
    side = _side_column(document.element.body)
    lines = []
    joined = ""  # a paragraph whose mark a tracked change deleted runs on into the next
    beside: list[str] = []  # the office groups of the right column, given after the tasks they stand beside
    for block in blocks:
        if isinstance(block, _AltChunk):
            lines.extend(_alt_chunk_lines(document.part, block.rid))
            continue
        if beside and (isinstance(block, docx.table.Table) or block._p not in side):
            lines.append(_side_groups(beside))
            beside = []
        if not isinstance(block, docx.table.Table) and block._p in side:
            beside.append(side[block._p])
            continue
        if isinstance(block, docx.table.Table):
            lines.extend(_table_lines(block, numbering))
        elif _mark_deleted(block) or _drop_cap(block):
            joined += accepted_text(block)
        else:
            label = numbering.label(block)
            if block._p in headings:
                label = chinese_numeral(headings[block._p]) + "、"
            notes = "".join(f"（{comments[i]}）" for i in ranges.get(block._p, ()) if i in comments)
            notes += "".join(f"（{footnotes[i]}）" for i in referred.get(block._p, ()) if i in footnotes)
            text = accepted_text(block)
            if sheets := _embedded_sheets(block._p, document.part):
                # a task table pasted from Excel as a worksheet object: the rows it shows, where it stands
                if text.strip() or label:
                    lines.append(label + joined + text)
                    joined = ""
                lines.extend(sheets)
                continue
            boxes = _text_boxes(block._p)
            notes += "".join(f"（{box}）" for box in boxes if _OFFICE_COMMENT.match(box))
            if (not text.strip() and not joined and not label) or not any(line.strip() for line in lines):
                # a text box anchored to an empty paragraph, or to the first one (a title set in a box), is the text
                # the page shows there; a side note in a box beside a task is not read
                lines.extend(box for box in boxes if not _OFFICE_COMMENT.match(box))
            lines.append(label + joined + text + notes)
            joined = ""
    if beside:
        lines.append(_side_groups(beside))
    return "\n".join(lines + ([joined] if joined else []))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SIDE_GROUP = re.compile(r"^\s*\d{1,3}\s*[.．、]\s*(?:牵头|配合|责任|协办|协助|主责|参与)(?:科室|股室|处室|单位)?\s*[：:]")
_SIDE_LABEL = re.compile(r"^\s*(?:牵头|配合|责任|协办|协助|主责|参与|完成时限|时限|时间)(?:科室|股室|处室|单位)?\s*[：:]")


def _side_column(body) -> dict:
    """Paragraph element -> its text, for the paragraphs set in the right column of a section laid out in columns
    (w:cols num 2 and more) after its column break, when they are office groups by task number (`1.牵头：X` /
    `配合：Y` / `时限：…`): a plan that prints each section's tasks on the left and their offices on the right.
    Running text flowing from one column into the next is no side column and is read as it is."""
    chunks, chunk = [], []
    for child in body.iterchildren():
        if child.tag == _W + "p":
            chunk.append(child)
            if (props := child.find(f"{_W}pPr/{_W}sectPr")) is not None:
                chunks.append((chunk, props))
                chunk = []
        elif child.tag == _W + "sectPr":
            chunks.append((chunk, child))
            chunk = []
    side: dict = {}
    for paragraphs, props in chunks:
        cols = props.find(_W + "cols")
        number = cols.get(_W + "num", "1") if cols is not None else "1"
        if not number.isdigit() or int(number) < 2:
            continue
        right, texts = False, {}
        for p in paragraphs:
            before, after, broken = [], [], False
            for node in p.iter(_W + "t", _W + "br"):
                if _ruby_text(node):
                    continue
                if node.tag == _W + "br" and node.get(_W + "type") == "column":
                    broken = right = True
                elif node.tag == _W + "t":
                    (after if broken else before).append(node.text or "")
            if broken and "".join(before).strip():
                continue  # the break closes a task's paragraph: the paragraph is the left column's
            if right:
                texts[p] = "".join(after if broken else before).strip()
        groups = [t for t in texts.values() if t]
        if groups and _SIDE_GROUP.match(groups[0]) and all(
                _SIDE_GROUP.match(t) or _SIDE_LABEL.match(t) for t in groups):
            side.update(texts)
    return side


def _side_groups(texts: list[str]) -> str:
    """The right column's groups as one line giving each task its offices by number, as plans print it after a
    section (本部分任务分工：1.牵头：X，配合：Y；2.…)."""
    groups: list[list[str]] = []
    for text in filter(None, (t.strip() for t in texts)):
        if _SIDE_GROUP.match(text) or not groups:
            groups.append([text])
        else:
            groups[-1].append(text)
    return "本部分任务分工：" + "；".join("，".join(g) for g in groups) + "。"


class _StyleNames:
    """Paragraph style names by style id, looked up once per id (resolving a paragraph's style is slow in
    python-docx)."""

    def __init__(self):
        self._names: dict[str | None, str] = {}

    def name(self, paragraph) -> str:
        pPr = paragraph._p.pPr
        style_id = pPr.pStyle.val if pPr is not None and pPr.pStyle is not None else None
        if style_id not in self._names:
            try:
                self._names[style_id] = (paragraph.style.name or "").lower() if style_id else "normal"
            except (KeyError, AttributeError, ValueError):
                self._names[style_id] = (style_id or "").lower()
        return self._names[style_id]

    def contents(self, paragraph) -> bool:
        """A line of Word's table of contents (styles TOC 1–9 and its heading): a list of the sections and tasks
        with page numbers that the body then gives in full; read, every task would be read twice."""
        name = self.name(paragraph).replace(" ", "")
        return name.startswith("toc")

    def heading_level(self, paragraph) -> int | None:
        m = re.fullmatch(r"(?:heading|标题)\s*(\d)", self.name(paragraph))
        return int(m.group(1)) if m else None


_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}\s*(?:部分|章|篇|板块))")


def _unnumbered_headings(blocks: list, styles: _StyleNames, document) -> dict:
    """In a plan that numbers none of its sections, the headings of Word's top heading level used (`全面加强党的建设`
    in style 标题 2) are its sections: paragraph element -> its count, so the reader prints 一、 before it as a plan
    that numbers them would. Empty when any line carries a section number of its own (a 标题 2 between numbered
    tasks is a subheading), or fewer than two such headings exist (a title in a heading style is no section)."""
    from docx.table import Table

    paragraphs = [b for b in blocks if not isinstance(b, Table)]
    levelled = [(p, level) for p in paragraphs if (level := styles.heading_level(p)) is not None]
    if not levelled:
        return {}
    top = min(level for _, level in levelled)
    heads = [p for p, level in levelled if level == top and accepted_text(p).strip()]
    if len(heads) < 2:
        return {}
    numbering = _WordNumbering(document)  # its own count: the labels are counted again as the text is read
    if any(_SECTION_NUMBER.match(numbering.label(p) + accepted_text(p)) for p in paragraphs):
        return {}
    return {p._p: i for i, p in enumerate(heads, 1)}


# 牵头：X；配合：Y — a comment assigning a task's offices, as some bureaus send a plan back with them; a reviewer's
# remark (此处数据请计财科核实) is no part of the plan
_OFFICE_COMMENT = re.compile(r"^\s*(?:牵头|配合|责任|协办|参与|主责|协助)(?:科室|单位|部门|处室)?\s*[：:]")


def _office_notes(document, kind: str) -> dict[str, str]:
    """The text of each comment (批注), footnote or endnote (脚注 / 尾注) that assigns offices, by its id: the kind's
    own part. A plan may give each task's offices in a note on its title; a note giving a source (数据来源：…) or a
    reviewer's remark is no part of the plan."""
    from lxml import etree

    found = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith(f"/{kind}s") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            for note in root.iter(_W + kind):
                # a note of two paragraphs (牵头：X / 配合：Y) reads as one list: 牵头：X；配合：Y
                text = "；".join(part.rstrip("；;") for part in (
                    _printed(q).strip() for q in note.iter(_W + "p")) if part)
                if _OFFICE_COMMENT.match(text):
                    found[(kind, note.get(_W + "id")) if kind != "comment" else note.get(_W + "id")] = text
    return found


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OLE_SIZE = re.compile(rb'<oleSize\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


def _embedded_sheets(p, part) -> list[str]:
    """The rows an Excel worksheet object embedded in the paragraph shows, one tab-separated line per row. Word keeps
    the whole workbook inside (every sheet, a drop-down's source list beside the table); the page shows the active
    sheet within the object's range (the workbook's oleSize), and only that is the plan's."""
    lines: list[str] = []
    for ole in p.iter(_OLE):
        if not (ole.get("ProgID") or "").startswith("Excel.Sheet") or not (rid := ole.get(_RELATIONSHIP_ID)):
            continue
        try:
            blob = part.related_parts[rid].blob
            lines.extend(_shown_range_lines(blob))
        except (KeyError, ValueError, TypeError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            log.warning("embedded worksheet %s not read: %s", rid, exc)
    return lines


def _shown_range_lines(blob: bytes) -> list[str]:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries

    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        size = _OLE_SIZE.search(package.read("xl/workbook.xml"))
    workbook = openpyxl.load_workbook(io.BytesIO(blob), data_only=True)
    sheet = workbook.active
    if size:
        min_col, min_row, max_col, max_row = range_boundaries(size.group(1).decode())
    else:
        min_col, min_row, max_col, max_row = 1, 1, sheet.max_column, sheet.max_row
    if (max_col - min_col + 1) * (max_row - min_row + 1) > MAX_SHEET_CELLS:
        raise ValueError("embedded worksheet range too large")
    shared = _merged_values(sheet)
    lines = []
    for row in sheet.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        cells = [_cell_text(shared.get((cell.row, cell.column), cell.value), cell.number_format) for cell in row]
        if any(c.strip() for c in cells):
            lines.append("\t".join(cells))
    return lines


def _text_boxes(p) -> list[str]:
    """The text of each text box anchored in the paragraph, its own paragraphs joined by ； (牵头：X / 配合：Y reads
    牵头：X；配合：Y). Word writes a box twice, as a drawing and as a VML fallback for old readers: the fallback is
    the same box and is not read again."""
    boxes = []
    for content in p.iter(_W + "txbxContent"):
        if any(a.tag == _MC + "Fallback" for a in content.iterancestors()):
            continue
        if any(a.tag == _W + "txbxContent" for a in content.iterancestors()):
            continue  # a box inside a box is read with it
        parts = [_printed(q).strip() for q in content.iter(_W + "p")]
        if text := "；".join(part.rstrip("；;") for part in parts if part):
            boxes.append(text)
    return boxes


def _note_references(body) -> dict:
    """Paragraph element -> the (kind, id) of the footnotes and endnotes it refers to: by a reference mark, or by a
    cross-reference (a NOTEREF field naming the bookmark around another paragraph's mark), as Word numbers a second
    task sharing the first one's note."""
    refs = (_W + "footnoteReference", _W + "endnoteReference")
    bookmarked: dict[str, list] = {}
    open_marks: dict[str, str] = {}
    for element in body.iter(_W + "bookmarkStart", _W + "bookmarkEnd", *refs):
        if element.tag == _W + "bookmarkStart":
            open_marks[element.get(_W + "id")] = element.get(_W + "name")
        elif element.tag == _W + "bookmarkEnd":
            open_marks.pop(element.get(_W + "id"), None)
        else:
            for name in open_marks.values():
                bookmarked.setdefault(name, []).append(_note_key(element))
    found: dict = {}
    for element in body.iter(*refs, _W + "instrText"):
        paragraph = next(element.iterancestors(_W + "p"), None)
        if paragraph is None or any(a.tag in _REMOVED for a in element.iterancestors()):
            continue
        if element.tag == _W + "instrText":
            m = re.match(r"\s*NOTEREF\s+(\S+)", element.text or "")
            keys = bookmarked.get(m.group(1), []) if m else []
        else:
            keys = [_note_key(element)]
        for key in keys:
            if key not in found.setdefault(paragraph, []):
                found[paragraph].append(key)
    return found


def _note_key(reference) -> tuple[str, str]:
    kind = "footnote" if reference.tag == _W + "footnoteReference" else "endnote"
    return kind, reference.get(_W + "id")


def _comment_ranges(body) -> dict:
    """Paragraph element -> the ids of the comments whose range covers it: opened in it, or opened before it and not
    yet closed (one comment marked over two tasks gives both its offices), or pinned to it by a reference alone."""
    covering: dict = {}
    open_ids: list[str] = []
    for element in body.iter(_W + "p", _W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference"):
        if element.tag == _W + "p":
            covering.setdefault(element, []).extend(open_ids)
            continue
        comment = element.get(_W + "id")
        paragraph = next(element.iterancestors(_W + "p"), None)
        if element.tag == _W + "commentRangeEnd":
            if comment in open_ids:
                open_ids.remove(comment)
        elif paragraph is not None:
            if element.tag == _W + "commentRangeStart":
                open_ids.append(comment)
            if comment not in covering.setdefault(paragraph, []):
                covering[paragraph].append(comment)
    return covering


def _blocks(container, parent):
    """The paragraphs and tables of a body in print order, with those a content control wraps (a template's locked
    section: w:sdt around whole paragraphs), which python-docx's iter_inner_content passes over."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == _W + "p":
            yield Paragraph(child, parent)
        elif child.tag == _W + "tbl" and _frame(child):
            # a template framing the whole document in one cell (a 红头 set as a one-cell table): its paragraphs
            # and tables are the document's, read as a body is
            table = Table(child, parent)
            cell = table.cell(0, 0)
            yield from _blocks(cell._tc, cell)
        elif child.tag == _W + "tbl":
            yield Table(child, parent)
        elif child.tag == _W + "sdt" and (content := child.find(_W + "sdtContent")) is not None:
            yield from _blocks(content, parent)
        elif child.tag == _W + "altChunk" and (rid := child.get(_RELATIONSHIP_ID)):
            yield _AltChunk(rid)


@dataclass(frozen=True)
class _AltChunk:
    """Where a part imported whole stands in the body (an OA system's HTML 正文 under a Word template's title):
    Word shows its content there, and keeps it as that part until the file is saved again."""
    rid: str


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""")


def _alt_chunk_lines(part, rid: str) -> list[str]:
    """The lines an imported HTML part shows, decoded by the charset it declares (GBK from many OA systems)."""
    try:
        blob = part.related_parts[rid].blob
    except KeyError:
        return []
    declared = _CHARSET.search(blob[:4096])
    try:
        text = blob.decode(declared.group(1).decode("ascii")) if declared else _decode_text_strict("", blob)
    except (UnicodeError, LookupError):
        text = _decode_text_strict("", blob)
    if not _looks_like_html(text):
        return [line for line in text.splitlines() if line.strip()]
    return [line for line in _html_text(text).splitlines() if line.strip()]


def _frame(tbl) -> bool:
    """Whether a table is one cell holding a document's worth of paragraphs or tables of its own (a frame, not a
    table of tasks)."""
    rows = tbl.findall(_W + "tr")
    cells = rows[0].findall(_W + "tc") if len(rows) == 1 else []
    return len(cells) == 1 and (len(cells[0].findall(_W + "p")) >= _FRAME_PARAGRAPHS or bool(cells[0].findall(_W + "tbl")))


_FRAME_PARAGRAPHS = 8
_REMOVED = (_W + "del", _W + "moveFrom")
_NOT_INLINE = (_W + "txbxContent", _W + "rt")
_TEXT_TAGS = {_W + "t": None, _W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n",
              _W + "noBreakHyphen": "-"}


def _ruby_text(node) -> bool:
    """Whether a text node is the pinyin over a character (w:rt of a w:ruby), which is no part of the text."""
    return any(a.tag == _W + "rt" for a in node.iterancestors())


def _printed(paragraph) -> str:
    """A paragraph element's text nodes, without the pinyin Word's 拼音指南 sets over rare characters."""
    return "".join(t.text or "" for t in paragraph.iter(_W + "t") if not _ruby_text(t))


def accepted_text(paragraph) -> str:
    """A paragraph's text with its tracked changes accepted, as Word prints the final version: text inserted or
    moved in (w:ins, w:moveTo) is read, text deleted or moved out (w:del, w:moveFrom) is not. A draft returned with
    its revisions still marked reads as the plan it became, not as both versions at once."""
    out, underlined = [], set()
    hidden = _cross_reference_numbers(paragraph._p)
    enclosed = _enclosed_numbers(paragraph._p)
    for element in paragraph._p.iter(*_TEXT_TAGS, _W + "sym", *((_W + "fldChar",) if enclosed else ())):
        if element in hidden or (element.tag == _W + "fldChar" and element not in enclosed):
            continue
        removed = False
        for ancestor in element.iterancestors():
            if ancestor is paragraph._p:
                break
            if ancestor.tag in _REMOVED or ancestor.tag in _NOT_INLINE or _placeholder(ancestor) or (
                    ancestor.tag == _W + "r" and _hidden_run(ancestor)):
                # a text box is not the paragraph's; nor is the pinyin Word's 拼音指南 sets over a rare character
                # (w:rt of a w:ruby: the page shows 盱眙 with xū yí above it, the text is 盱眙); an unfilled
                # control shows only Word's hint; hidden text
                # (w:vanish: a drafter's note, an old title kept out of print) is not printed
                removed = True
                break
        if removed:
            continue
        if element.tag == _W + "sym":  # a symbol inserted from 插入 › 符号: read only where it draws a box (☐ ☑)
            out.append(drawn(element.get(_W + "font"), int(element.get(_W + "char") or "0", 16)) or "")
        elif element in enclosed:
            out.append(enclosed[element])
        elif _TEXT_TAGS[element.tag] is None:
            if _underlined_run(element.getparent()):
                underlined.add(len(out))
            out.append(in_font(_run_font(element.getparent()), element.text or ""))
        else:
            out.append(_TEXT_TAGS[element.tag])
    return "".join(_blanks_shown(out, underlined))


def _blanks_shown(pieces: list[str], underlined: set[int]) -> list[str]:
    """Fill-in blanks as the page shows them. A run of underlined spaces with nothing written on its line is a blank
    the drafter left to fill (新增公办学位＿＿＿＿个, 提高到＿＿＿%): it reads as a line (____), so no figure is read into
    it and the sentence does not read whole without it; the spaces padding a figure written on the line (宣讲＿60＿场)
    are no part of the text."""
    out = list(pieces)
    for under, run in groupby(range(len(out)), key=lambda k: k in underlined):
        group = list(run)
        if not under:
            continue
        written = any(out[k].strip() for k in group)
        for k in group:
            if out[k] and not out[k].strip():
                out[k] = "" if written else "_" * len(out[k])
    return out


def _run_font(run) -> str | None:
    """The font a run's Latin letters are set in (a letter set in Wingdings 2 is drawn as a box)."""
    fonts = run.find(f"{_W}rPr/{_W}rFonts") if run is not None else None
    return None if fonts is None else fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi")


def _enclosed_numbers(p) -> dict:
    """The circled numbers Word's 带圈字符 draws, by the end mark of their field: from 11 on (the office fonts and
    GB2312 have ①–⑩ only) a typist encloses the digits with Word's tool, which stores no character but a field
    `eq \\o\\ac(○,11)` Word draws each time; its text holds no number at all. Read as the number Word shows (⑪)."""
    if not any("ac" in (t.text or "") for t in p.iter(_W + "instrText")):
        return {}
    found, fields = {}, []  # fields: per open field, [its instruction so far, whether it shows a stored result]
    for element in p.iter(_W + "fldChar", _W + "instrText"):
        if element.tag == _W + "instrText":
            if fields:
                fields[-1][0] += element.text or ""
            continue
        kind = element.get(_W + "fldCharType")
        if kind == "begin":
            fields.append(["", False])
        elif kind == "separate" and fields:
            fields[-1][1] = True
        elif kind == "end" and fields:
            instruction, shown = fields.pop()
            if not shown and (m := _ENCLOSED.match(instruction)) and (number := _circled(m.group(1))):
                found[element] = number
    return found


# eq \o\ac(○,11), the digits perhaps raised or shrunk inside the circle: \o\ac(◯,\s\up 1(12))
_ENCLOSED = re.compile(r"^\s*eq\s+\\o\s*\\ac\s*\(\s*[○◯〇]\s*,\s*(?:\\s\s*\\up\s*-?\d*\s*\()?\s*(\d{1,2})\s*\)?\s*\)\s*$",
                      re.IGNORECASE)


def _circled(digits: str) -> str | None:
    n = int(digits)
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return None


def _underlined_run(run) -> bool:
    """Whether the run is underlined (w:u of any style but none)."""
    underline = run.find(f"{_W}rPr/{_W}u")
    return underline is not None and underline.get(_W + "val", "single") != "none"


def _hidden_run(run) -> bool:
    """Whether the run is formatted as hidden text (w:vanish on, not switched off by w:val 0 / false)."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false", "off")


def _cross_reference_numbers(p) -> set:
    """The text elements showing a NOTEREF field's result: the superscript number of a note another paragraph
    carries, which is a mark, not text of the task (加强师德师风建设7)."""
    if not any("NOTEREF" in (t.text or "") for t in p.iter(_W + "instrText")):
        return set()
    hidden, showing = set(), []  # showing: per open field, whether its result is a NOTEREF number
    for element in p.iter(_W + "fldChar", _W + "instrText", _W + "t"):
        if element.tag == _W + "fldChar":
            kind = element.get(_W + "fldCharType")
            if kind == "begin":
                showing.append([False, False])  # [is NOTEREF, in result]
            elif kind == "separate" and showing:
                showing[-1][1] = True
            elif kind == "end" and showing:
                showing.pop()
        elif element.tag == _W + "instrText":
            if showing and re.match(r"\s*NOTEREF\b", element.text or ""):
                showing[-1][0] = True
        elif showing and showing[-1][0] and showing[-1][1]:
            hidden.add(element)
    return hidden


def _placeholder(element) -> bool:
    """A content control left unfilled (w:showingPlcHdr): its text is Word's grey hint (选择一项。 / 单击或点击此处输入
    日期。), not the plan's."""
    return element.tag == _W + "sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


def _drop_cap(paragraph) -> bool:
    """Whether the paragraph is a drop cap (首字下沉 / 悬挂): Word keeps the enlarged first character in a framed
    paragraph of its own, and the page prints it as the first character of the paragraph after (推 | 进义务教育…)."""
    frame = paragraph._p.find(f"{_W}pPr/{_W}framePr")
    return frame is not None and frame.get(_W + "dropCap") in ("drop", "margin")


def _mark_deleted(paragraph) -> bool:
    """A tracked change deleted the paragraph's mark: its text (if any remains) joins the next paragraph's."""
    properties = paragraph._p.pPr
    return properties is not None and properties.find(f"{_W}rPr/{_W}del") is not None


UPRIGHT_CHARACTERS = 3  # paragraphs of one character each that make a name set upright in a cell


def _table_lines(table, numbering: _WordNumbering) -> list[str]:
    """A Word table as one tab-separated line per row, one cell per grid column, so columns stay aligned.

    A cell merged across columns gives its text to its first column and leaves the others empty (a section row
    spanning the table reads `一、…` followed by empty cells); a cell merged down several rows gives its text to
    every row it spans (python-docx returns the top cell for each), so each task keeps its shared 牵头单位.
    Paragraphs inside a cell, and the lines a break splits a paragraph into, are joined with a space (the line is one
    row); an automatic number in a cell (a 序号 column numbered by Word) is rebuilt as printed, like a paragraph's.
    """
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            same = previous is not None and cell._tc is previous._tc
            texts = [] if same else [numbering.label(p) + accepted_text(p).strip() for p in cell.paragraphs] \
                + [_nested_text(t) for t in cell.tables]
            texts = chosen([t for t in texts if t.strip()])
            # a name typed one character a paragraph, to stand upright in a narrow merged column (三 / 、 / 促 / 进 …),
            # is one word, not characters apart
            joiner = "" if len(texts) >= UPRIGHT_CHARACTERS and all(len(t.strip()) == 1 for t in texts) else " "
            cells.append(re.sub(r"[\t\r\n]+", " ", joiner.join(t.strip() if not joiner else t for t in texts)))
            previous = cell
        rows.append(cells)
    rows = filled(rows)
    if card := _task_card(rows):
        return card
    return ["\t".join(cells) for cells in _two_up(rows)]  # two tasks a row (1 | 2, 3 | 4): read one a line


def _nested_text(table) -> str:
    """A table nested in a cell (a 责任分工 cell holding `牵头 | X` / `配合 | Y`) as one run of text: a two-cell row is
    `label：value`, rows are parted by ；, so the cell reads as the labelled lists it shows."""
    rows = []
    for row in table.rows:
        cells = [" ".join(accepted_text(p).strip() for p in c.paragraphs if accepted_text(p).strip()) for c in row.cells]
        cells = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]  # a merged cell once
        if cells:
            rows.append(f"{cells[0]}：{cells[1]}" if len(cells) == 2 else " ".join(cells))
    return "；".join(rows)


_CARD_KEY = re.compile(r"[\u4e00-\u9fff（）()]{2,10}")
_CARD_TASK = re.compile(r"任务|事项|名称")
_CARD_OFFICE = re.compile(r"牵头|责任|配合|协办|参与|主责|协同")


def _task_card(rows: list[list[str]]) -> list[str] | None:
    """A table on its side: each row a field, each column after the first a task. A task card (任务卡) is the
    two-column case (任务名称 | 1.推进… ; 工作内容 | … ; 牵头科室 | … ; 完成时限 | …); a bureau that lists a section's
    tasks side by side prints several columns (序号 | 1 | 2 | 3 ; 重点任务 | … ; 牵头科室 | …). Turned upright into a
    header line and one row per task, it reads as a task table."""
    if len(rows) < 3 or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return None
    keys = [r[0].strip() for r in rows]
    named = _CARD_TASK.search(keys[0]) or (keys[0] == "序号" and _CARD_TASK.search(keys[1]))
    if not all(_CARD_KEY.fullmatch(k) for k in keys) or not named or not any(_CARD_OFFICE.search(k) for k in keys):
        return None
    columns = [[r[j] for r in rows] for j in range(1, len(rows[0]))]
    return ["\t".join(keys)] + ["\t".join(c) for c in columns if any(v.strip() for v in c)]


def _label_blocks(rows: list[list[str]]) -> list[list[str]]:
    """Task cards pasted one under another in a sheet: each task a block of rows, a label in the first column (任务名称 /
    工作措施 / 牵头科室 / 配合科室 / 完成时限) and its value in the next, a row with no label going on with the value above,
    a section row alone on its line. Read as task tables: each card a header of its own labels over one row of its
    values (a label a card does not print is no column of it), a section row where it stood. The rows unchanged when
    the sheet holds fewer than CARD_BLOCKS cards, or they name no office."""
    def key(cells: list[str]) -> str:
        return re.sub(r"[:：\s]+$", "", cells[0].strip()) if cells else ""
    starts = [i for i, cells in enumerate(rows) if len(cells) >= 2 and _CARD_TASK.search(key(cells))
              and _CARD_KEY.fullmatch(key(cells)) and cells[1].strip()]
    if len(starts) < CARD_BLOCKS or len({key(rows[i]) for i in starts}) != 1:
        return rows
    opening = key(rows[starts[0]])
    blocks: list[dict[str, str] | list[str]] = []
    for cells in rows[starts[0]:]:
        label, value = key(cells), " ".join(c.strip() for c in cells[1:] if c.strip())
        cards = [b for b in blocks if isinstance(b, dict)]
        if label == opening:
            blocks.append({label: value})
        elif label and not value and not (_CARD_OFFICE.search(label) or any(label in card for card in cards)):
            blocks.append([label])  # a section row (二、推动…) or a note: where it stands
        elif label and _CARD_KEY.fullmatch(label) and blocks and isinstance(blocks[-1], dict):
            blocks[-1][label] = value
        elif not label and value and blocks and isinstance(blocks[-1], dict):  # the value above goes on
            last = list(blocks[-1])[-1]
            blocks[-1][last] += value
        else:
            blocks.append([" ".join(c for c in cells if c.strip())])
    if not any(_CARD_OFFICE.search(label) for b in blocks if isinstance(b, dict) for label in b):
        return rows
    table: list[list[str]] = []
    for b in blocks:
        if isinstance(b, dict) and not any(_CARD_OFFICE.search(label) for label in b):
            # a card naming no office is no table row (its header would name no office column): its lines as
            # printed, the task's number and title first
            items = list(b.items())
            head, rest = items[0][1], items[1:]
            if rest and not _TIME_KEY.search(rest[0][0]):  # its measures follow the title, as a paragraph prints them
                head, rest = f"{head}。{rest[0][1]}", rest[1:]
            table += [[head]] + [[f"{k}：{v}"] for k, v in rest]
        else:
            table += [list(b), list(b.values())] if isinstance(b, dict) else [b]
    return rows[:starts[0]] + table


_TIME_KEY = re.compile(r"时限|时间|节点")
CARD_BLOCKS = 3  # task cards one under another in a sheet, at least this many, make it a card list


def _read_xlsx(name: str, data: bytes) -> str:
    _check_zip(name, data, "Excel", _NOT_XLSX)
    try:
        return _xlsx_text(name, data)
    except DocumentError:
        raise
    except Exception as exc:  # openpyxl, zipfile and lxml errors alike: the file is damaged or no workbook
        if not isinstance(exc, (zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, EOFError, OSError)):
            log.warning("unexpected %s reading %s: %s", type(exc).__name__, name, exc)
        raise DocumentError(name, _NOT_XLSX) from None


def _xlsx_text(name: str, data: bytes) -> str:
    """Every sheet of a workbook as one tab-separated line per row, the way a Word table is read (`_table_lines`):
    a cell merged across columns gives its text to its first column (a section row 一、… spanning the table), a
    cell merged down several rows gives its text to each of them (a 牵头单位 shared by two tasks); empty rows are
    left out. Numbers and dates read as Excel shows them (序号 1, not 1.0; a date cell as 2023年6月30日)."""
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # not read-only: merged ranges are needed
    if sum(sheet.max_row * sheet.max_column for sheet in workbook.worksheets) > MAX_SHEET_CELLS:
        raise DocumentError(name, f"表格超过 {MAX_SHEET_CELLS} 个单元格上限，不像一份工作要点")
    if merged := _office_sheets_text(workbook):
        return merged
    struck = _unseen_text(data)
    sheets = {}
    for sheet in _shown_sheets(workbook):
        shared = _merged_values(sheet)
        # a hidden column (the codes a lookup formula reads) is no part of the plan the sheet shows
        hidden = {i for d in sheet.column_dimensions.values() if d.hidden and d.min
                  for i in range(d.min, (d.max or d.min) + 1)}
        bold = _bold_marked(sheet, data)
        noted = _office_comments(sheet)
        coloured = _colour_marks(sheet)
        shown, cancelled = struck.get(sheet.title, ({}, set()))
        months, month_row, last_months = _gantt(sheet)
        table_end = max([r for r in last_months] + [month_row or 0])
        rows = []
        for row in sheet.iter_rows():
            if row and (row[0].row in cancelled or row[0].row == month_row):
                continue
            charted = bool(months) and month_row - 1 <= row[0].row <= table_end  # the chart's rows, not those under it
            # a formula's saved error (#N/A of a lookup that found no office) shows nothing the plan says
            cells = ["" if cell.data_type == "e" else shown.get((cell.row, cell.column)) if (
                cell.row, cell.column) in shown else bold.get((cell.row, cell.column)) or coloured.get(
                (cell.row, cell.column)) or _cell_text(shared.get((cell.row, cell.column), cell.value), cell.number_format)
                     for cell in row if cell.column not in hidden and not (charted and cell.column in months)]
            if charted and any(cells):
                # a Gantt chart's months read as the deadline they end at: the header names the column
                cells.append("完成时限" if row[0].row == month_row - 1 else last_months.get(row[0].row, ""))
            if noted and any(cells):
                # offices given only in comments on the task's cells: read as a column of them, headed as they are
                header = not rows or any(c.strip() in ("序号", "编号") for c in cells) and not any(
                    r[-1] for r in rows)
                cells.append(noted.get(row[0].row, "责任分工" if header and any(
                    _COMMENT_HEADER.search(c) for c in cells) else ""))
            if any(cells):
                rows.append(cells)
        rows = _label_blocks(_two_up(filled(rows)))
        if coloured.get((0, 0)):
            rows.append([coloured[(0, 0)]])
        if _SHEET_SECTION.match(sheet.title.strip()) and rows:
            # one sheet per section, the section printed only as the sheet's name (一、党的建设): its section row
            # goes before the sheet's first numbered row, as a section row spanning the table would stand
            # (the 序号 column need not be the first: a 牵头科室 column written once per run of tasks may lead)
            first = next((i for i, cells in enumerate(rows) if any(c.isascii() and c.isdigit() for c in cells[:3])), 0)
            rows.insert(first, [sheet.title.strip()] + [""] * (len(rows[first]) - 1))
        sheets[sheet.title] = rows
    # a sheet of unit codes (01 办公室 …) is the legend of the office cells of the others, no part of the plan
    codes = code_lists(sheets) if len(sheets) > 1 else {}
    legend = {code: name for found in codes.values() for code, name in found.items()}
    return "\n".join("\t".join(cells) for title, rows in sheets.items() if title not in codes
                     for cells in (decoded(rows, legend) if legend else rows))


def _merged_values(sheet) -> dict[tuple[int, int], object]:
    """(row, column) of a cell under the top of a range merged down rows -> the range's value: a 牵头单位 written once
    for two tasks belongs to each."""
    shared = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row + 1, merged.max_row + 1):
            shared[(row, merged.min_col)] = value
    return shared


def _gantt(sheet) -> tuple[dict[int, str], int | None, dict[int, str]]:
    """A 推进计划表 scheduled as a Gantt chart: a header row of months (1月 … 12月) under a merged 推进时间安排, each task
    marking the months it runs (■, or the cell shaded). The plan gives no 完成时限 column; the last marked month is
    when the task is done, as the chart's legend says. Returns the month columns (column -> 8月), the months' header
    row, and each marked row's last month; nothing when the sheet has no such chart."""
    for row in sheet.iter_rows(max_row=min(sheet.max_row, 12)):
        found = {cell.column: str(cell.value).strip() for cell in row
                 if isinstance(cell.value, str) and _MONTH_HEADER.fullmatch(cell.value.strip())}
        if len(found) < _MIN_MONTHS or [int(v[:-1]) for v in found.values()] != sorted(int(v[:-1]) for v in found.values()):
            continue
        header_fill = {_fill(cell) for cell in row if cell.column in found}
        last: dict[int, str] = {}
        for below in sheet.iter_rows(min_row=row[0].row + 1):
            marked = [cell.column for cell in below if cell.column in found and (
                isinstance(cell.value, str) and 0 < len(cell.value.strip()) <= 2  # ■, √: a mark, not a signature
                or (fill := _fill(cell)) and fill not in header_fill)]
            if marked:
                last[below[0].row] = found[max(marked)]
            elif isinstance(below[0].value, int) or str(below[0].value or "").strip().isdigit():
                last[below[0].row] = ""  # a task row marking no month: still the chart's
        return found, row[0].row, last
    return {}, None, {}


def _fill(cell) -> str | None:
    """A cell's solid fill colour, None when it has none (or white)."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid" or not isinstance(fill.fgColor.rgb, str):
        return None
    return None if fill.fgColor.rgb.upper() in ("FFFFFFFF", "00000000", "00FFFFFF") else fill.fgColor.rgb.upper()


_MONTH_HEADER = re.compile(r"(?:[1-9]|1[0-2])月(?:份)?")
_MIN_MONTHS = 6


def _unseen_text(data: bytes) -> dict[str, tuple[dict[tuple[int, int], str], set[int]]]:
    """Per sheet, the text of the cells holding text nobody sees, as they read once it is taken out, and the rows it
    cancels. Struck text: a task table revised by hand marks what it drops in 删除线 and what it adds in red
    (新建幼儿园[-12-]9所; a lead crossed out and the new one typed under it), and struck text is what the plan no
    longer says; a row whose longest cell is struck in whole is a task taken out of the plan, though its number or
    offices may stay plain. White text on a light cell: a template's tracking codes, old figures and offices kept in
    white before the new ones (16202160个 shows 2160个), a white / in a cell that looks empty; the page shows none of
    it (white on a dark fill, a header's, is seen)."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        marks = [archive.read(n) for n in archive.namelist() if n.endswith(".xml")]
    if not any(b"<strike" in m or b'rgb="FFFFFFFF"' in m or b'theme="0"' in m for m in marks):
        return {}
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, rich_text=True)
    out = {}
    for sheet in workbook.worksheets:
        shown: dict[tuple[int, int], str] = {}
        cancelled: set[int] = set()
        for row in sheet.iter_rows():
            longest, struck_whole = 0, False
            for cell in row:
                if cell.value is None:
                    continue
                light = _light_fill(cell.fill)
                if isinstance(cell.value, CellRichText):
                    full = "".join(b.text if isinstance(b, TextBlock) else str(b) for b in cell.value)
                    text = "".join(b.text if isinstance(b, TextBlock) else str(b) for b in cell.value
                                   if not (isinstance(b, TextBlock) and b.font is not None and (
                                       b.font.strike or light and _white(b.font.color)))
                                   and not (not isinstance(b, TextBlock) and light and _white(cell.font.color)))
                    if text != full:
                        shown[cell.row, cell.column] = "\n".join(l for l in text.split("\n") if l.strip()) \
                            if text.strip() else ""
                elif cell.font is not None and (cell.font.strike or light and _white(cell.font.color)):
                    full = str(cell.value)
                    shown[cell.row, cell.column] = ""
                else:
                    full = str(cell.value)
                length = len(full.strip())
                if length > longest:
                    longest, struck_whole = length, shown.get((cell.row, cell.column)) == ""
            if struck_whole:
                cancelled.add(row[0].row)
        if shown:
            out[sheet.title] = (shown, cancelled)
    return out


def _white(color) -> bool:
    """Excel's white: RGB FFFFFF, or the theme's first colour (白色，背景 1) not darkened by a tint."""
    if color is None:
        return False
    if color.type == "rgb" and isinstance(color.rgb, str):
        return color.rgb.upper().endswith("FFFFFF")
    return color.type == "theme" and color.theme == 0 and (color.tint or 0) > -0.25


def _light_fill(fill) -> bool:
    """Whether a cell's fill lets white text vanish: none, white, or a light colour."""
    if fill is None or fill.fill_type in (None, "none"):
        return True
    color = fill.fgColor
    if color is not None and color.type == "rgb" and isinstance(color.rgb, str) and len(color.rgb) >= 6:
        r, g, b = (int(color.rgb[-6:][i:i + 2], 16) for i in (0, 2, 4))
        return 0.299 * r + 0.587 * g + 0.114 * b >= 200
    return bool(color is not None and color.type == "theme" and color.theme == 0)


def _two_up(rows: list[list[str]]) -> list[list[str]]:
    """A task table laid out twice side by side to fill a landscape page (tasks 1–7 in columns A–E, 8–15 in G–K, each
    half under its own copy of the header row; or two tasks a row, 1 | 2, 3 | 4): one task a row, in the order the
    numbers run.
    The rows unchanged when no header row repeats its run of at least TWO_UP_HEADER named cells further right."""
    for at, cells in enumerate(rows[:TWO_UP_SEARCH]):
        named = [c.strip() for c in cells]
        first = next((i for i, c in enumerate(named) if c), None)
        if first is None:
            continue
        width = next((n for n in range(len(named) - first, TWO_UP_HEADER - 1, -1)
                      if all(named[first:first + n]) and named[first:first + n] == named[first + n + 1:first + 2 * n + 1]
                      or all(named[first:first + n]) and named[first:first + n] == named[first + n:first + 2 * n]), None)
        if width is None:
            continue
        second = first + width + (0 if named[first:first + width] == named[first + width:first + 2 * width] else 1)
        body = rows[at + 1:]
        if _paired_by_row(body, first, second):  # 1 | 2, 3 | 4: read each row left then right
            halves = [half for r in body for half in (r[:second], r[second:])]
        else:  # 1–7 down the left, 8–15 down the right
            halves = [r[:second] for r in body] + [rows[at][second:]] + [r[second:] for r in body]
        return rows[:at] + [rows[at][:second]] + [h for h in halves if any(c.strip() for c in h)]
    return rows


def _paired_by_row(body: list[list[str]], first: int, second: int) -> bool:
    """Whether a table laid out twice numbers its tasks across each row (1 | 2, 3 | 4, as a Word table of two tasks a
    row prints them) rather than down each half: most rows' right number is one more than their left."""
    pairs = [(r[first].strip(), r[second + first].strip()) for r in body if len(r) > second + first]
    pairs = [(int(a), int(b)) for a, b in pairs if a.isdigit() and b.isdigit()]
    return bool(pairs) and sum(b == a + 1 for a, b in pairs) * 2 > len(pairs)


TWO_UP_HEADER = 3  # named header cells a row must repeat to be a table's header laid out twice
TWO_UP_SEARCH = 10  # rows from a sheet's top where its header row may stand


_ROLE_WORD = re.compile(r"^\s*((?:牵头|配合|责任|协办|协助|参与|主责)(?:科室|股室|处室|单位)?)\s*$")
_COLOUR_LEGEND = re.compile(r"(红|黄|绿|蓝|橙|紫|灰)色?(?:填充|底色|背景|标注|标记)?\s*[＝=：:为是表示代表即]{1,2}\s*"
                            r"((?:牵头|配合|责任|协办|协助|参与|主责)(?:科室|股室|处室|单位)?)")


def _colour_name(cell) -> str | None:
    """The colour a cell is filled with, as a legend names it (红, 黄, 绿, 蓝, 橙, 紫, 灰), or None when unfilled."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    colour = fill.fgColor
    if colour.type == "indexed":  # Excel's numbered palette (10 red, 13 yellow)
        from openpyxl.styles.colors import COLOR_INDEX
        rgb = COLOR_INDEX[colour.indexed] if isinstance(colour.indexed, int) and colour.indexed < len(COLOR_INDEX) else ""
    else:
        rgb = colour.rgb if isinstance(colour.rgb, str) else ""
    rgb = rgb[-6:]
    try:
        r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return None
    import colorsys
    hue, light, saturation = colorsys.rgb_to_hls(r, g, b)
    if saturation < 0.25 or light > 0.95:
        return "灰" if light < 0.95 else None
    degrees = hue * 360
    for name, upto in (("红", 15), ("橙", 40), ("黄", 70), ("绿", 170), ("蓝", 260), ("紫", 330), ("红", 361)):
        if degrees < upto:
            return name
    return None


def _colour_marks(sheet) -> dict[tuple[int, int], str]:
    """(row, column) -> the mark (★ ● ◎) an empty cell's fill colour stands for, in a sheet whose legend gives the
    roles by colour (a filled cell beside 牵头科室, or 红色填充＝牵头科室 in words), and at (0, 0) that legend written
    as a matrix's (注：“★”表示牵头科室…): a responsibility matrix marked by colour alone reads as one marked by
    symbols. Nothing when the sheet has no such legend."""
    legend: dict[str, str] = {}
    legend_cells = set()
    for row in sheet.iter_rows():
        for i, cell in enumerate(row):
            text = cell.value if isinstance(cell.value, str) else ""
            for m in _COLOUR_LEGEND.finditer(text):
                legend.setdefault(m.group(1), m.group(2))
            if not text and (name := _colour_name(cell)):
                beside = next((c.value for c in row[i + 1:i + 3] if isinstance(c.value, str) and c.value.strip()), "")
                if m := _ROLE_WORD.match(beside):
                    legend[name] = m.group(1)
                    legend_cells.add((cell.row, cell.column))
    if not legend:
        return {}
    symbols = {}
    for colour, role in legend.items():  # each role's mark as a matrix prints it: ★ leads, ● shares, ◎ answers for
        symbols[colour] = "★" if role[:2] in ("牵头", "主责") else "◎" if role.startswith("责任") else "●"
    marks = {}
    for row in sheet.iter_rows():
        for cell in row:
            if (cell.row, cell.column) not in legend_cells and cell.value in (None, "") and (
                    mark := symbols.get(_colour_name(cell) or "")):
                marks[(cell.row, cell.column)] = mark
    if marks:  # the legend, as the marks' legend under a matrix reads
        marks[(0, 0)] = "注：" + "，".join(f"“{symbols[c]}”表示{role}" for c, role in legend.items())
    return marks


_COMMENT_ROLE = re.compile(r"^\s*(?:牵头|配合|责任|协办|协助|主责|参与)(?:科室|股室|处室|单位)?\s*[：:]", re.MULTILINE)
_COMMENT_HEADER = re.compile(r"任务|事项|内容")


def _office_comments(sheet) -> dict[int, str]:
    """Row -> the office lists written as cell comments (批注) on that row's cells, one line each joined by ；, the
    comment's first line (the author's name Excel writes, 局办公室:) left out. A comment with no role label (a
    reviewer's 请与计划财务股再核对, an instruction on a header cell) gives no office."""
    out: dict[int, str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            comment = cell.comment
            if comment is None or not comment.text:
                continue
            text = comment.text.strip()
            author = (comment.author or "").strip()
            if author and re.match(re.escape(author) + r"\s*[:：]\s*\n", text):
                text = text.split("\n", 1)[1]
            if not _COMMENT_ROLE.search(text):
                continue
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            out[cell.row] = "；".join(filter(None, [out.get(cell.row, "")] + lines))
    return out


def _shown_sheets(workbook) -> list:
    """The sheets Excel shows: a hidden sheet (last year's tasks kept for reference, the list a dropdown reads) is no
    part of the plan the workbook presents. All of them when none is shown, so a file is never read as empty."""
    shown = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    return shown or list(workbook.worksheets)


# A workbook split by office: one sheet per office, named by it, listing the tasks that office takes part in with its
# role (本科室职责: 牵头 / 配合 / 责任) and a task code the same on every sheet (二-3); the sections only in a list on a
# 说明 sheet.
_OFFICE_SHEET_NAME = re.compile(r"(?:科|室|办|中心|股|处|组|委|馆|站|所|院)$")
_ROLE_COLUMN = re.compile(r"^(?:本科室职责|本单位职责|本股室职责|职责|承担方式|责任类型)$")
_CODE_COLUMN = re.compile(r"^(?:任务编号|编号|序号)$")
_TASK_CODE = re.compile(r"^([一二三四五六七八九十]+)\s*[-－—.．]\s*(\d{1,3})$")
_LISTED_SECTION = re.compile(r"^([一二三四五六七八九十]+)、\S")


def _office_sheets_text(workbook) -> str | None:
    """Such a workbook read as the one plan it splits: the 说明 sheet's lines to its list of sections, then one table
    of every (task, office) row, the office the sheet's name, its role the sheet's column, the rows of a task
    together in code order under its section's row, then the rest of the 说明 sheet (its closing and signature). A
    task's measures are its longest version (one sheet may abbreviate them). None for any other workbook."""
    sheets = []
    for sheet in _shown_sheets(workbook):
        if not _OFFICE_SHEET_NAME.search(sheet.title.strip()):
            continue  # (cheap: most workbooks name no sheet after an office, and are not read twice)
        rows = [[_cell_text(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
        header = next((i for i, r in enumerate(rows) if any(_ROLE_COLUMN.match(c.strip()) for c in r)
                       and any(_CODE_COLUMN.match(c.strip()) for c in r)), None)
        if header is not None:
            sheets.append((sheet.title.strip(), rows[header], rows[header + 1:]))
    if len(sheets) < 2 or len({tuple(h) for _, h, _ in sheets}) != 1:
        return None
    names = [c.strip() for c in sheets[0][1]]
    code_at = next(i for i, c in enumerate(names) if _CODE_COLUMN.match(c))
    role_at = next(i for i, c in enumerate(names) if _ROLE_COLUMN.match(c))
    rows_of: dict[str, list[list[str]]] = {}
    for office, _, rows in sheets:
        for row in rows:
            if len(row) > max(code_at, role_at) and row[code_at].strip() and row[role_at].strip():
                rows_of.setdefault(row[code_at].strip(), []).append(
                    [*row[:role_at], office, *row[role_at:]][:len(names) + 1])
    if not rows_of or not all(_TASK_CODE.match(code) for code in rows_of):
        return None
    header = [*names[:role_at], "责任单位", *names[role_at:]]
    notes = [ws for ws in _shown_sheets(workbook) if ws.title.strip() not in {office for office, _, _ in sheets}]
    front = [line for ws in notes for row in ws.iter_rows()
             if (line := "\t".join(_cell_text(c.value, c.number_format) for c in row).rstrip("\t"))]
    at = [i for i, line in enumerate(front) if _LISTED_SECTION.match(line.strip())]  # the list of sections
    listed = {_LISTED_SECTION.match(front[i].strip()).group(1): front[i].strip() for i in at}

    def order(code: str) -> tuple[int, int]:
        numeral, number = _TASK_CODE.match(code).groups()
        return next((n for n in range(1, 100) if chinese_numeral(n) == numeral), 100), int(number)

    table = ["\t".join(header)]
    section = None
    for code in sorted(rows_of, key=order):
        numeral = _TASK_CODE.match(code).group(1)
        if numeral != section:
            section = numeral
            table.append(listed.get(numeral, f"{numeral}、"))
        task_rows = rows_of[code]
        for j in range(len(header)):  # a field one sheet abbreviates: every row takes the longest
            if j not in (code_at, role_at, role_at + 1):
                longest = max((r[j] for r in task_rows if j < len(r)), key=len, default="")
                for r in task_rows:
                    if j < len(r):
                        r[j] = longest
        table.extend("\t".join(r) for r in task_rows)
    before, after = (at[0], at[-1] + 1) if at else (len(front), len(front))
    return "\n".join([*front[:before], *table, *front[after:]])


# 注：责任科室中加粗者为牵头科室: the legend of a sheet whose office cells mark their lead in bold type
_BOLD_LEGEND = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:栏|列)?(?:中|里|内)?(?:以|用)?(?:加粗|粗体|黑体加粗)(?:字体)?(?:者|的|显示的|标注的)?"
                          r"(?:为|是|表示|系)(牵头)")
_NAME_SEPARATORS = "、，,；; \u3000"


def _bold_marked(sheet, data: bytes) -> dict[tuple[int, int], str]:
    """Under a legend saying the lead offices are the bold ones (注：责任科室中加粗者为牵头科室), the cells of the
    column it names, below that column's header, with each bold office name written **X**, as the reader of a
    printed page sees it stand out; the parser reads **X** in an office list as the list's lead (parser._LEAD_MARK).
    Only that column: a bold header or section row is no mark. Empty when the sheet has no such legend."""
    legend = next((m for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)
                   and (m := _BOLD_LEGEND.search(cell.value))), None)
    if legend is None:
        return {}
    import openpyxl

    rich = openpyxl.load_workbook(io.BytesIO(data), data_only=True, rich_text=True)[sheet.title]
    header = next(((cell.row, cell.column) for row in rich.iter_rows() for cell in row
                   if isinstance(cell.value, str) and cell.value.strip() == legend.group(1)), None)
    if header is None:
        return {}
    marked = {}
    for cell in next(rich.iter_cols(min_col=header[1], max_col=header[1], min_row=header[0] + 1), ()):
        runs = ([(str(block.text), bool(block.font and block.font.b)) if hasattr(block, "font") else (str(block), False)
                 for block in cell.value] if not isinstance(cell.value, str) and cell.value is not None
                else [(cell.value, bool(cell.font and cell.font.b))] if isinstance(cell.value, str) else [])
        if any(b for _, b in runs):
            marked[(cell.row, cell.column)] = "".join(_bold_names(text) if b else text for text, b in runs)
    return marked


def _bold_names(text: str) -> str:
    """Each name of a bold run written **X**, the separators between names left outside the marks."""
    return "".join(part if part.strip(_NAME_SEPARATORS) == "" else f"**{part}**"
                   for part in re.split(f"([{_NAME_SEPARATORS}]+)", text) if part)


_SHEET_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")


def _cell_text(value, number_format: str = "General") -> str:
    """A cell as the sheet shows it: its value through its number format (numformat.py)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return _date_text(value, number_format)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if (shown := shown_number(value, number_format)) is not None:
            return shown
        if isinstance(value, float):
            if "%" in (number_format or ""):
                return f"{value * 100:g}%"
            return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, str):
        value = shown_text(_OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value), number_format)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)  # a cell's own line breaks


# a character a workbook stores escaped (_x000D_: the carriage return of a macro's vbCrLf), which Excel shows as the
# character and openpyxl leaves as written
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _date_text(value: datetime.date, number_format: str) -> str:
    """A date cell as the sheet shows it (2024-09-30 in a yyyy-mm-dd cell, 2023年6月底前 in a yyyy"年"m"月底前" one), so
    its deadline is quoted as printed. Excel's built-in short date (mm-dd-yy) is shown the way the reader's own system
    shows dates, unknown here, and a format with anything else (a time, a month's or weekday's name) is not a
    deadline's: both read as 2024年9月30日."""
    shown = re.sub(r'\[[^\]]*\]|;@|["\\]', "", number_format or "").strip().lower()
    printed = None if shown in ("", "general", "mm-dd-yy") else shown_date(value, number_format)
    return printed if printed is not None else f"{value.year}年{value.month}月{value.day}日"


def _read_pdf(name: str, data: bytes) -> str:
    import pypdf

    from .pdftables import (aligned_page_text, beside_their_rows, layer_text, plain_page_text, ruled_page_text,
                            side_columns, two_column_page_text)
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(name, "PDF 已加密，请先解除密码保护")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise DocumentError(name, f"PDF 共 {count} 页，超过 {MAX_PDF_PAGES} 页上限")
        # a ruled task table is read by where its cells stand; any other page in the text layer's own order
        # (a watermark or seal laid over a page is left out, the rest put back into its printed lines)
        ruled = [ruled_page_text(page) for page in reader.pages]
        pages = [table or aligned_page_text(page) or two_column_page_text(page) or plain_page_text(page)
                 or layer_text(page) for table, page in zip(ruled, reader.pages)]
        # a ruled table's last columns printed on pages of their own (a sheet wider than the paper)
        if any(ruled) and any(sides := [None if table else side_columns(page) for table, page in zip(ruled, reader.pages)]):
            pages = beside_their_rows(pages, sides)
    except DocumentError:
        raise
    except Exception as exc:  # pypdf's own errors, and whatever a damaged file makes it trip on
        if not isinstance(exc, (PyPdfError, ValueError, KeyError, TypeError, OSError, zlib.error)):
            log.warning("unexpected %s reading %s: %s", type(exc).__name__, name, exc)
        raise DocumentError(name, "不是有效的 PDF 文件，或文件已损坏") from None
    pages = _without_section_covers(_without_running_heads(_in_printed_order(pages)))
    text = _without_autospace(_without_line_numbers("\n".join(p.rstrip("\n") for p in pages)))
    if not text.strip():
        raise DocumentError(name, "PDF 中没有文字层（可能是扫描件），请提供文字版")
    return text


# the gap a word processor sets between Chinese and a figure (2025 年, 学位 2880 个, 92% 以上), which a PDF's text
# layer gives as a space: no character of the plan. A number opening a line keeps its space unless a unit follows
# (1 推进… numbers a task; 2025 年是… is a year).
_AUTOSPACE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=\d)|(?<=[\d%]) (?=[\u4e00-\u9fff])")
_AUTOSPACE_UNIT = "年月日号个所项名人万亿元次届期批家台套间条轮册"
_LINE_OPENING_NUMBER = re.compile(r"\s*[\d.]+%?")


def _without_autospace(text: str) -> str:
    def joined(m: re.Match) -> str:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[m.start() - 1] in "0123456789%" and _LINE_OPENING_NUMBER.fullmatch(text, line_start, m.start()) and \
                text[m.end()] not in _AUTOSPACE_UNIT:
            return m.group(0)
        return ""
    return _AUTOSPACE.sub(joined, text)


def _in_printed_order(pages: list[str]) -> list[str]:
    """The printed pages in the order of their numbers, when the file holds them in another: a booklet's print file
    (口袋本, saddle-stitched) sets two pages a sheet in imposition order, 8 | 1, 2 | 7, 6 | 3, 4 | 5, each half closing
    with its own footer (— 8 —). Every piece of text must close with such a number, and the numbers run 1 to N."""
    pieces: list[str] = []
    numbers: list[int] = []
    for page in pages:
        lines, piece = page.split("\n"), []
        for line in lines:
            piece.append(line)
            if m := _FOOTER_NUMBER.match(line.strip()):
                pieces.append("\n".join(piece))
                numbers.append(int(m.group(1)))
                piece = []
        if any(line.strip() for line in piece):
            return pages  # text after the last footer: not a file of numbered pages
    if len(numbers) < 3 or numbers == sorted(numbers) or sorted(numbers) != list(range(1, len(numbers) + 1)):
        return pages
    return [piece for _, piece in sorted(zip(numbers, pieces))]


_FOOTER_NUMBER = re.compile(r"^[-—–－]\s*(\d{1,3})\s*[-—–－]$")


def _without_running_heads(pages: list[str]) -> list[str]:
    """The pages without the line every page after the first opens (or closes) with, when the first page prints it
    too: a document number such as 铜教发〔2024〕6号 or the plan's title set as a running head is printed once per page,
    no text of the plan, and read where a page break falls it would run into the list or sentence the break cut.
    Likewise the lines standing at the top or bottom of every page, the first too, that are no line of the plan,
    and a page count (1/3) numbering them in order: a browser's margins on a web page it printed."""
    split = [[line.strip() for line in page.split("\n") if line.strip()] for page in pages]
    if len(split) < 2 or not all(split[1:]):
        return pages
    repeated = set()
    for edge in (0, -1):
        lines = {page[edge] for page in split[1:]}
        if len(lines) == 1 and (line := lines.pop()) in split[0]:
            repeated.add(line)
    # a web page printed from the browser carries its margins on every page, the first too: the date and time, the
    # page's title, its address and the page count (1/3), drawn after the page's own text
    margins = set.intersection(*(set(page[:EDGE_LINES] + page[-EDGE_LINES:]) for page in split))
    margins = {line for line in margins if not _PLAN_LINE.search(line)}
    counters = [{line for line in page[:EDGE_LINES] + page[-EDGE_LINES:]
                 if (m := _PAGE_COUNT.match(line)) and int(m.group(1)) == i + 1 and int(m.group(2)) == len(split)}
                for i, page in enumerate(split)]
    # (only beside such a count: a plan's title heading each page of a long table is its title on the first)
    margins = margins | set().union(*counters) if all(counters) else set()
    # a slide deck's footer: the same words with the slide's number (宜春市教育局 5), on every page after the cover
    numbered = [{line for line in page[:EDGE_LINES] + page[-EDGE_LINES:] if _with_number(line, i + 1)}
                for i, page in enumerate(split) if i > 0]
    if all(numbered) and len(set.union(*numbered)) > 1 and len(
            words := {_with_number(line, i + 2) for i, lines in enumerate(numbered) for line in lines}) == 1:
        margins |= set.union(*numbered)
    if not repeated and not margins:
        return pages
    return [_without_lines(page, repeated if i > 0 else set(), margins) for i, page in enumerate(pages)]


def _with_number(line: str, number: int) -> str | None:
    """The words of a footer line printing the page's `number` after or before them (宜春市教育局 5 -> 宜春市教育局)."""
    squeezed = re.sub(r"\s+", "", line)
    for words in (squeezed.removesuffix(str(number)), squeezed.removeprefix(str(number))):
        if words != squeezed and words and not words[-1].isdigit() and not words[0].isdigit() \
                and not _PLAN_LINE.search(words):
            return words
    return None


def _without_section_covers(pages: list[str]) -> list[str]:
    """The pages without a slide deck's section covers: a page of at most three short lines (PART 02 / the section's
    name) announcing the section the next page opens with (二、推动…). It is no text of the plan, and read on from the
    last task's office list it would run into that list."""
    out = list(pages)
    for i in range(len(pages) - 1):
        lines = [line.strip() for line in pages[i].split("\n") if line.strip()]
        following = next((line.strip() for line in pages[i + 1].split("\n") if line.strip()), "")
        heading = _SECTION_HEADING.match(following)
        if heading and 0 < len(lines) <= 3 and heading.group(1) in lines:
            out[i] = ""
    return out


_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*(\S.{1,30})$")


def _without_lines(page: str, anywhere: set[str], at_edges: set[str]) -> str:
    """The page without the lines of `anywhere`, and those of `at_edges` where they stand at its top or bottom."""
    lines = page.split("\n")
    shown = [j for j, line in enumerate(lines) if line.strip()]
    edge = set(shown[:EDGE_LINES] + shown[-EDGE_LINES:])
    return "\n".join(line for j, line in enumerate(lines)
                     if line.strip() not in anywhere and not (j in edge and line.strip() in at_edges))


EDGE_LINES = 4  # the lines at a page's top or bottom where a header or footer stands
# a line of the plan itself, never a margin: a label, a numbered task or section
_PLAN_LINE = re.compile(r"牵头|责任|配合|协办|时限|^\s*(?:\d+[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_PAGE_COUNT = re.compile(r"^(\d+)\s*/\s*(\d+)$")  # 1/3, as a browser numbers the pages it prints


_CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五 (as plans number their sections)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CHINESE_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    return str(n)


class _WordNumbering:
    """Word's automatic list numbers are not part of a paragraph's text; plans number their sections (一、) and tasks
    (1.) that way, so the printed labels are rebuilt from the numbering definitions and counted in order."""

    _FORMATS = {"decimal": str, "chineseCounting": chinese_numeral, "chineseCountingThousand": chinese_numeral,
                "ideographTraditional": chinese_numeral, "japaneseCounting": chinese_numeral,
                "decimalFullWidth": str, "decimalZero": lambda n: f"{n:02d}"}

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._style_num_pr: dict[str | None, object] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                levels = dict(abstract[ref.get(f"{_W}val")])
                # 设置编号值: a list started at a set value (a task moved out of the section leaves it starting at 2)
                for override in num.findall(f"{_W}lvlOverride"):
                    level, start = int(override.get(f"{_W}ilvl", "0")), override.find(f"{_W}startOverride")
                    if start is not None and level in levels:
                        levels[level] = (*levels[level][:2], int(start.get(f"{_W}val")))
                self.levels[num.get(f"{_W}numId")] = levels

    def _num_pr(self, paragraph):
        pPr = paragraph._p.pPr
        if pPr is not None and pPr.numPr is not None:
            return pPr.numPr
        # A style's numbering is looked up once per style: resolving a paragraph's style is slow in python-docx,
        # and a task table has hundreds of cell paragraphs of the same style.
        style_id = pPr.pStyle.val if pPr is not None and pPr.pStyle is not None else None
        if style_id not in self._style_num_pr:
            found, style = None, paragraph.style
            while style is not None and found is None:
                spPr = style._element.pPr
                found = spPr.numPr if spPr is not None and spPr.numPr is not None else None
                style = style.base_style
            self._style_num_pr[style_id] = found
        return self._style_num_pr[style_id]

    def label(self, paragraph) -> str:
        num_pr = self._num_pr(paragraph) if self.levels else None
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        level = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        levels = self.levels.get(num_id)
        if not levels or level not in levels:
            return ""
        fmt, text, start = levels[level]
        if fmt in ("bullet", "none") or not text:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        for k in range(level + 1):
            render = self._FORMATS.get(levels.get(k, ("decimal", "", 1))[0], str)
            text = text.replace(f"%{k + 1}", render(counts.get(k, levels.get(k, ("", "", 1))[2])))
        return text
