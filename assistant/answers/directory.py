"""The office directory: for each office (its written forms folded), the tasks it leads and the tasks it shares."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..documents.offices import task_role
from ..documents.records import TASK, Record
from ..retrieval.store import DocumentInfo


@dataclass
class OfficeEntry:
    city: str | None  # None for a plan whose place is unknown
    office: str  # canonical name
    forms: set[str] = field(default_factory=set)  # every written form folded into it
    lead: list[Record] = field(default_factory=list)
    shared: list[Record] = field(default_factory=list)


def office_directory(records: list[Record], documents: dict[str, DocumentInfo],
                     city: str | None = None) -> list[OfficeEntry]:
    entries: dict[tuple[str, str], OfficeEntry] = {}
    for record in records:
        if record.kind != TASK or (city and record.city != city):
            continue
        aliases = documents[record.doc].aliases if record.doc in documents else {}
        shared = record.responsible_offices + record.cooperating_offices  # 责任 and 配合 / 协办 / 参与 alike
        written: dict[str, set[str]] = {}  # canonical office -> its forms printed in this task
        for name in record.lead_offices + shared:
            written.setdefault(aliases.get(name, name), set()).add(name)
        for canonical, forms in written.items():
            entry = entries.setdefault((record.city, canonical), OfficeEntry(record.city, canonical))
            entry.forms |= forms
            lead = task_role(record.lead_offices, shared, forms) == "lead"
            (entry.lead if lead else entry.shared).append(record)
    return sorted(entries.values(), key=lambda e: (e.city or "", -len(e.lead), -len(e.shared), e.office))
