"""Plain records that flow from the parser to the index and the answers.

A `Record` is the unit the assistant cites: one task of a plan, one item of a work summary, or a plan's preamble.
Everything the assistant says about a task is read from these fields, so they hold the source text as printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .labels import COOPERATING, role_of

TASK = "task"
SUMMARY = "summary"
PREAMBLE = "preamble"

# Keys of `parse --json`, in the order they are printed (the later ones were added for plans of other bureaus).
JSON_KEYS = (
    "doc", "city", "year", "kind", "section", "task_no", "title", "fields",
    "lead_offices", "responsible_offices", "text", "line_start", "line_end", "notes",
    "section_title", "item", "subsection", "subsection_title", "number", "path",
    "cooperating_offices", "office_labels", "time_nodes",
)
# Field names under which plans print a task's deadline (a separate line or a table column).
TIME_FIELDS = ("完成时限", "时间节点", "完成时间", "时限要求", "时间安排", "时间要求", "进度安排", "时限")


@dataclass
class Record:
    doc: str
    city: str | None  # None when neither the catalog nor the text names the plan's place
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
    # The middle numbering level (一、 / （二） / 3.): its marker as printed and its heading. For plans whose tasks
    # are the （一） items themselves, `subsection` is the task's own marker and `subsection_title` is None.
    subsection: str | None = None
    subsection_title: str | None = None
    number: str | None = None  # the task number as printed, without its trailing 。/、: "3", "（1）", "①"
    path: str = ""  # where the task sits, as a citation prints it: 三、（二）第4项
    cooperating_offices: list[str] = field(default_factory=list)  # 配合 / 协办 / 参与 / 协同, as printed
    office_labels: dict[str, str] = field(default_factory=dict)  # role (lead/responsible/cooperating) -> label printed
    # Every printed time commitment (3月底前, 上半年, a 完成时限 cell), as dicts {text, start, end, sentence}: `text`
    # and `sentence` as printed, `start`/`end` ISO dates resolved with the plan's year, or None when the phrase sets
    # no date (长期坚持). Empty when the task prints none: a task is never given a date it does not print.
    time_nodes: list[dict] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str | None, str | None, int | None, str | None, str]:
        """Identity of a record inside the corpus: task numbers restart per section, or per subsection, in some
        plans, so the subsection is part of it."""
        return (self.doc, self.section, self.subsection, self.task_no, self.item, self.kind)

    @property
    def cooperating_label(self) -> str:
        """The plan's own word for the cooperating offices (配合科室, 协办处室), or 配合单位 where the printed label
        names another role: a 责任单位 column whose cells say 牵头 / 配合 in words lends its header to both."""
        label = self.office_labels.get("cooperating", "")
        return label if label and role_of(label) == COOPERATING else "配合单位"

    def to_json(self) -> dict:
        """The JSON fields, copied (lists and dicts too) so a caller changing them leaves the record as it is;
        without `asdict`, which walked every value and cost more than the rest of an answer's JSON."""
        return {k: _copied(getattr(self, k)) for k in JSON_KEYS}


def _copied(value):
    if isinstance(value, list):
        return [_copied(v) for v in value]
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    return value


def place_name(display_city: str | None, year: int | None, kind: str) -> str:
    """How answers name the document a record comes from: 遂宁市2019年工作要点, 承德市2020年工作总结."""
    return f"{display_city or ''}{year or ''}年{'工作总结' if kind == SUMMARY else '工作要点'}"


def task_path(section: str | None, subsection: str | None, task_no: int | None, number: str | None) -> str:
    """三、（二）第4项 for a plain task number; 一、（一）（1） or 一、（一）① when the number is printed otherwise;
    一、（一） when the （一） item is the task itself."""
    parts = [f"{section}、" if section else "", subsection or ""]
    if number is not None:
        parts.append(f"第{task_no}项" if number.isascii() and number.isdigit() else number)
    elif task_no is not None and not subsection:
        parts.append(f"第{task_no}项")
    return "".join(parts)


@dataclass
class ParsedDocument:
    """One corpus file after parsing: its records plus what a user should check before trusting them."""

    file: str
    city: str | None  # the name questions and filters use (达州, 崇明区); None when no place is known
    year: int | None
    title: str
    records: list[Record]
    warnings: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)  # catalog field -> how it was inferred
    place: str | None = None  # the place as printed, with its suffix: 达州市, 崇明区, 南部县, 浙江省
    level: str | None = None  # province / city / district / county
    region: str | None = None  # the parent place printed before it (上海市 for 崇明区), when printed
    issuer: str | None = None  # the issuing body as printed (signature, source line or title)

    @property
    def tasks(self) -> list[Record]:
        return [r for r in self.records if r.kind == TASK]
