"""Citation links: a plain link to the page itself with the plan, the lines and the quote in the query string
(?doc=…&lines=45-57&hl=…), which opens the 文件 view there (`source_view.py`). Being a plain relative link, it also
works when pasted into a new tab or sent to a colleague on the same intranet, and it never leads to another host."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from ..documents.records import Record

MAX_QUOTE = 160  # characters of the quote carried in a link (enough to find it; a URL stays short)
_LINES = re.compile(r"^\s*(\d{1,6})\s*(?:[-–—~～]\s*(\d{1,6}))?\s*$")


@dataclass(frozen=True)
class Target:
    """What a citation link points at."""
    doc: str
    first: int = 0  # 0: no lines asked, the plan opens at its top
    last: int = 0
    quote: str = ""


def citation_link(record: Record, quotes: list[str] | None = None) -> str:
    """A link, relative to the page, that opens the 文件 view at the record's lines with its first quote marked."""
    params = {"doc": record.doc, "lines": f"{record.line_start}-{record.line_end}"}
    quote = next((q for q in quotes or [] if q.strip()), "")
    if quote:
        params["hl"] = quote[:MAX_QUOTE]
    return "?" + urlencode(params)


def read_target(params: Mapping[str, str] | None) -> Target | None:
    """The target of a page address's query (None when it names no plan); malformed lines are ignored, not fatal."""
    doc = str((params or {}).get("doc") or "").strip()
    if not doc:
        return None
    first = last = 0
    match = _LINES.match(str(params.get("lines") or ""))
    if match:
        first = int(match.group(1))
        last = int(match.group(2) or first)
        first, last = min(first, last), max(first, last)
    return Target(doc, first, last, str(params.get("hl") or "")[:MAX_QUOTE])
