"""The corpus catalog: the facts about each plan that the text does not state plainly (place, year, issuer, ...).

The catalog is `corpus/catalog.json`, a file office staff may edit. A document without an entry still loads: its
place (with its level and region), year and issuer are inferred from its text (`infer_metadata`), and the inference
is reported so the user can confirm it. A place that cannot be inferred is None, never "": an empty name would match
every question.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .files import atomic_write
from .normalize import fold
from .places import Place, full_name, is_issuer_line, issuer_in, level_of, make_place, place_in_heading, region_of

CATALOG_NAME = "catalog.json"


class CatalogError(Exception):
    """The catalog file is unreadable; the message is for the user, in Chinese."""


@dataclass
class CatalogEntry:
    file: str
    title: str = ""
    city: str = ""  # the name questions use: 达州 (a city without 市), 崇明区, 南部县; empty when unknown
    city_aliases: list[str] = field(default_factory=list)
    province: str = ""
    level: str = ""  # province / city / district / county; empty: read from the name's suffix (a bare name: city)
    region: str = ""  # the parent place as printed (上海市 for 崇明区), when known
    display_name: str = ""  # how answers name the city when the plan does not say it plainly, e.g. xx市（温州）
    year: int | None = None
    issuer: str = ""
    doc_no: str = ""
    date: str = ""
    office_aliases: dict[str, str] = field(default_factory=dict)  # written form -> canonical office
    office_distinct: list[str] = field(default_factory=list)  # never folded automatically
    added: str = ""  # when it was added through the app (ISO time); empty for documents placed by hand
    added_by: str = ""  # the logged-in user who added it, when the app runs with --auth

    @property
    def city_names(self) -> list[str]:
        """Every name questions may use for this plan's place; never an empty one (an empty name would match every
        question)."""
        return [n for n in dict.fromkeys([self.city, *self.city_aliases]) if n and n.strip()]

    @property
    def place(self) -> Place | None:
        """The place with its suffix and level (达州 -> 达州市, city), or None when the entry names no place."""
        if not self.city or not self.city.strip():
            return None
        level = self.level or level_of(self.city)
        return Place(full_name(self.city, level), level, self.region or None)


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
    """Write atomically: a crash or a full disk mid-write leaves the old catalog and no temporary file, never half
    a file. The catalog keeps the mode it had (a new one gets 0644 less the umask)."""
    path = Path(corpus_dir) / CATALOG_NAME
    payload = {"documents": [asdict(e) for e in sorted(entries.values(), key=lambda e: e.file)]}
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"), prefix=".catalog.")


_CITY = re.compile(r"([\u4e00-\u9fff]{2,3}?)市(?:委|教育|人民政府)")
_PLAN_YEAR = re.compile(r"(20\d\d)\s*年\s*(?:度\s*)?[^\s，。；：、《》“”]{0,12}?工作要点")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")
_PORTAL_FOOTER = re.compile(r"(?:相关链接|友情链接|扫一扫在手机打开当前页|【打印本页】|网站标识码)")
_SOURCE = re.compile(r"(?:信息来源|来源|发布机构|发文机关|发文单位)\s*[:：]\s*")


@dataclass(frozen=True)
class Inference:
    """What a plan's text says about it, for a document the catalog does not describe."""

    place: Place | None
    year: int | None
    issuer: str | None


def infer_metadata(lines: list[str], folded: list[str], heading: str | None) -> Inference:
    """A plan's place, level, region, year and issuer from its lines (`lines` as printed, `folded` the same in
    Simplified characters). The heading names the plan's own place when it prints one (崇明区教育局2022年工作要点,
    2021年泸州市教育工作要点); otherwise the signature or source line does (衢州市教育局 under 2023年全市教育工作
    要点). The region is the place printed right before it anywhere (上海市崇明区教育局). Nothing found: None."""
    text = "\n".join(folded)
    issuer, chain = _printed_issuer(lines, folded)
    heading_chain = place_in_heading(fold(heading)) if heading else []
    names = heading_chain or chain
    if not names and (found := issuer_in(text[:3000])):
        names = found[1]
    if not names and (m := _CITY.search(text[:3000])):
        names = [m.group(1) + "市"]
    place = None
    if names:
        # the region printed before the place in the issuer's own name (南京市浦口区教育局) before any other line's
        # (支持南京市浦口区行知高级中学 reads as 支持南京市)
        region = names[-2] if len(names) > 1 else chain[-2] if len(chain) > 1 and chain[-1] == names[-1] \
            else region_of(names[-1], text)
        place = make_place(names[-1], region)
    if issuer is None and heading and (found := issuer_in(fold(heading))):
        start = fold(heading).index(found[0])
        issuer = heading[start: start + len(found[0])]
    head = text[:3000]
    year_match = _PLAN_YEAR.search(head) or _ANY_YEAR.search(head)
    return Inference(place, int(year_match.group(1)) if year_match else None, issuer)


def _printed_issuer(lines: list[str], folded: list[str]) -> tuple[str | None, list[str]]:
    """The issuing body as printed in the last signature line (the body alone on its line) or source line
    (信息来源：…), with its chain of places."""
    found: tuple[str | None, list[str]] = (None, [])
    for line, key in zip(lines, folded):
        if _PORTAL_FOOTER.match(key.strip()):
            break  # a portal page's footer (相关链接：重庆市教育委员会 …) lists other bodies, not the plan's issuer
        stripped = key.strip()
        offset = len(key) - len(key.lstrip())
        if is_issuer_line(stripped):
            found = (line[offset: offset + len(stripped)], issuer_in(stripped)[1])
        elif (m := _SOURCE.search(key)) and (hit := issuer_in(key[m.end():])) and key[m.end():].startswith(hit[0]):
            found = (line[m.end(): m.end() + len(hit[0])], hit[1])
    return found
