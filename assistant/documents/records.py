"""Plain records that flow from the parser to the index and the answers.

A `Record` is the unit the assistant cites: one task of a plan, one item of a work summary, or a plan's preamble.
Everything the assistant says about a task is read from these fields, so they hold the source text as printed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

TASK = "task"
SUMMARY = "summary"
PREAMBLE = "preamble"

# Keys of `parse --json`, in the order they are printed.
JSON_KEYS = (
    "doc", "city", "year", "kind", "section", "task_no", "title", "fields",
    "lead_offices", "responsible_offices", "text", "line_start", "line_end", "notes",
    "section_title", "item",
)


@dataclass
class Record:
    doc: str
    city: str
    year: int | None
    kind: str
    section: str | None
    task_no: int | None
    title: str
    fields: dict[str, str] = field(default_factory=dict)
    lead_offices: list[str] = field(default_factory=list)
    responsible_offices: list[str] = field(default_factory=list)
    text: str = ""
    line_start: int = 0
    line_end: int = 0
    notes: list[str] = field(default_factory=list)
    section_title: str | None = None
    item: str | None = None  # summary item marker as printed, e.g. "（二）"

    @property
    def key(self) -> tuple[str, str | None, int | None, str | None, str]:
        """Identity of a record inside the corpus: task numbers restart per section in some plans."""
        return (self.doc, self.section, self.task_no, self.item, self.kind)

    def to_json(self) -> dict:
        data = asdict(self)
        return {k: data[k] for k in JSON_KEYS}


def place_name(display_city: str, year: int | None, kind: str) -> str:
    """How answers name the document a record comes from: 遂宁市2019年工作要点, 承德市2020年工作总结."""
    return f"{display_city}{year or ''}年{'工作总结' if kind == SUMMARY else '工作要点'}"


@dataclass
class ParsedDocument:
    """One corpus file after parsing: its records plus what a user should check before trusting them."""

    file: str
    city: str
    year: int | None
    title: str
    records: list[Record]
    warnings: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)  # catalog field -> how it was inferred

    @property
    def tasks(self) -> list[Record]:
        return [r for r in self.records if r.kind == TASK]
