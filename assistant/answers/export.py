"""A conversation, or one answer, as a Word document (.docx) ready to paste into a report: each question, its answer
with every quote exactly as the plan prints it, and the citations to paste.

The answers are written from the Markdown `to_markdown` makes (plain, without the web page's escaping or links), so
the Word text is the chat's text; the few Markdown forms it uses become Word forms: bold lines, bullet items, quotes
in the Quote style, and a comparison's table as a real table.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^(\s*)- (.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
CJK_FONT = "宋体"


@dataclass
class Turn:
    question: str
    answer: str  # Markdown as `to_markdown` writes it (no HTML escaping)
    citations: list[str] = field(default_factory=list)


def write_docx(turns: list[Turn], path: Path, title: str = "工作要点问答记录") -> Path:
    """Write the turns to `path` (replaced if it exists) and return it."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    # Chinese text in a Chinese font (the template names only a Latin one)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)
    document.add_heading(title, level=1)
    document.add_paragraph(f"导出时间：{time.strftime('%Y-%m-%d %H:%M')}。以下引文均照录原文件。")
    for n, turn in enumerate(turns, start=1):
        document.add_heading(f"问{n}：{turn.question}", level=2)
        _add_markdown(document, turn.answer)
        if turn.citations:
            document.add_paragraph("引用：", style="Body Text").runs[0].bold = True
            for line in turn.citations:
                document.add_paragraph(line, style="List Bullet")
    path = Path(path)
    document.save(str(path))
    return path


def _add_markdown(document, text: str) -> None:
    rows: list[list[str]] = []
    for raw in text.splitlines():
        line = _LINK.sub(r"\1", raw.rstrip())
        if line.lstrip().startswith("|"):
            if not _TABLE_RULE.match(line.strip()):
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        if bullet:
            depth, body = len(bullet.group(1)) // 4, bullet.group(2)
            if body.startswith("> "):
                _add_runs(document.add_paragraph(style="Quote"), body[2:])
            else:
                _add_runs(document.add_paragraph(style="List Bullet 2" if depth else "List Bullet"), body)
        elif line.startswith("> "):
            _add_runs(document.add_paragraph(style="Quote"), line[2:])
        else:
            _add_runs(document.add_paragraph(), line.strip())
    if rows:
        _add_table(document, rows)


def _add_runs(paragraph, text: str) -> None:
    """`text` with its **bold** parts bold; everything else exactly as it is."""
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos:match.start()])
        paragraph.add_run(match.group(1)).bold = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _add_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            cell = table.cell(r, c)
            cell.text = row[c] if c < len(row) else ""
            if r == 0 and cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph()  # a table runs into the next paragraph otherwise
