"""Read a plan that reached the bureau by e-mail and was saved as text.

A forwarded or replied mail quotes the message it answers: every line of the plan starts with `> ` (once `>` with no
space), an older message under it with `>> `, and the forwarder's own headers and covering note stand unquoted above.
Read as it is, no line starts with a task number, and the covering note's offices, dates and 第N项 would mix with
the plan's. The plan is the quoted level that holds most of the text: its lines are read without their marks, the
other levels (the covering note, the older message under the signature) are left out.

Only a copy that plainly is a quoted mail is read this way: most of its lines carry marks, at least `_MIN_LINES` of
them, so a plan that happens to print one `>` (`> 90%`) is left alone.
"""
from __future__ import annotations

import re
from collections import Counter

from .normalize import SourceLine, fold

_MARKS = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
_MIN_LINES = 10
_MIN_SHARE = 0.5  # of the non-blank lines


def _depth(text: str) -> tuple[int, int]:
    """How many quote marks open the line, and where its own text starts."""
    m = _MARKS.match(text)
    return (m.group(1).count(">"), m.end()) if m else (0, 0)


def unquote_mail(lines: list[SourceLine]) -> tuple[list[SourceLine], bool]:
    """The lines of the quoted level that holds the plan, without their marks; the lines unchanged when the text is
    no quoted mail. A kept line keeps its number; its raw text stays as the file prints it."""
    filled = [line for line in lines if line.text.strip()]
    depths = [_depth(line.text) for line in lines]
    quoted = sum(1 for line, (d, _) in zip(lines, depths) if d and line.text.strip())
    if quoted < _MIN_LINES or quoted < _MIN_SHARE * len(filled):
        return lines, False
    volume: Counter[int] = Counter()
    for line, (d, start) in zip(lines, depths):
        if d:
            volume[d] += len(line.text[start:].strip())
    level = volume.most_common(1)[0][0]
    out = []
    for line, (d, start) in zip(lines, depths):
        if d == level:
            text = line.text[start:]
            out.append(SourceLine(no=line.no, raw=line.raw, text=text, folded=fold(text)))
        elif not line.text.strip():
            out.append(line)
    return out, True


def message_text(data: bytes) -> str | None:
    """The text of a mail saved from its source (.eml, 显示邮件原文, renamed .txt): its plain-text part decoded from
    quoted-printable or base64 in its own charset (GBK most often), or its HTML part when it has no plain one. None
    when the bytes are no mail source: they must open with mail headers that declare a MIME body."""
    head = data[:4000].decode("ascii", errors="replace")
    headers = head.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
    if not (_MIME_HEADER.search(headers) and _CONTENT_TYPE.search(headers)):
        return None
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return None
    try:
        text = body.get_content()
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    return text if body.get_content_subtype() == "plain" else "\n" + text  # HTML: read as a saved page is


_MIME_HEADER = re.compile(r"^(?:Mime-Version|Received|From|Message-ID):", re.IGNORECASE | re.MULTILINE)
_CONTENT_TYPE = re.compile(r"^Content-Type:\s*(?:multipart|text)/", re.IGNORECASE | re.MULTILINE)
