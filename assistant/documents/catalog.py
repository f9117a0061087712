"""The corpus catalog: the facts about each plan that the text does not state plainly (city, year, issuer, ...).

The catalog is `corpus/catalog.json`, a file office staff may edit. A document without an entry still loads: its
city and year are inferred from its text, and the inference is reported so the user can confirm it.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

CATALOG_NAME = "catalog.json"


class CatalogError(Exception):
    """The catalog file is unreadable; the message is for the user, in Chinese."""


@dataclass
class CatalogEntry:
    file: str
    title: str = ""
    city: str = ""
    city_aliases: list[str] = field(default_factory=list)
    province: str = ""
    display_name: str = ""  # how answers name the city when the plan does not say it plainly, e.g. xx市（温州）
    year: int | None = None
    issuer: str = ""
    doc_no: str = ""
    date: str = ""
    office_aliases: dict[str, str] = field(default_factory=dict)  # written form -> canonical office
    office_distinct: list[str] = field(default_factory=list)  # never folded automatically

    @property
    def city_names(self) -> list[str]:
        return [n for n in dict.fromkeys([self.city, *self.city_aliases]) if n]


def load_catalog(corpus_dir: Path) -> dict[str, CatalogEntry]:
    path = Path(corpus_dir) / CATALOG_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = [CatalogEntry(**item) for item in data.get("documents", [])]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CatalogError(f"目录文件 {path.name} 格式错误：{exc}") from None
    except TypeError as exc:
        raise CatalogError(f"目录文件 {path.name} 中有无法识别的字段：{exc}") from None
    return {e.file: e for e in entries}


def save_catalog(corpus_dir: Path, entries: dict[str, CatalogEntry]) -> None:
    """Write atomically: a crash mid-write leaves the old catalog, never half a file."""
    path = Path(corpus_dir) / CATALOG_NAME
    payload = {"documents": [asdict(e) for e in sorted(entries.values(), key=lambda e: e.file)]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    os.replace(tmp, path)


_CITY = re.compile(r"([\u4e00-\u9fff]{2,3}?)市(?:委|教育|人民政府)")
_PLAN_YEAR = re.compile(r"(20\d\d)\s*年\s*(?:度\s*)?工作要点")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")


def infer_city_year(folded_text: str) -> tuple[str, int | None]:
    """Best guess of a plan's city and year from its (Simplified) text; empty / None when there is no clue."""
    head = folded_text[:3000]
    city_match = _CITY.search(head)
    year_match = _PLAN_YEAR.search(head) or _ANY_YEAR.search(head)
    return (city_match.group(1) if city_match else "", int(year_match.group(1)) if year_match else None)
