"""Place names and issuing bodies as plans print them: 四川省南充市南部县教育和体育局, 崇明区教育局, 浙江省教育厅.

A bureau is named by a chain of places, widest first, then the body: the last place is the plan's own (南部县), the
one printed immediately before it is its region (南充市), and the suffix gives its level. Used by the catalog to
infer a plan's place and by the parser to recognise the signature that ends a plan.

Patterns run on the folded (Simplified) text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PROVINCE, CITY, DISTRICT, COUNTY = "province", "city", "district", "county"
LEVELS = (PROVINCE, CITY, DISTRICT, COUNTY)
LEVEL_NAMES = {PROVINCE: "省级", CITY: "市级", DISTRICT: "区级", COUNTY: "县级"}

_SUFFIX_LEVEL = {"省": PROVINCE, "自治区": PROVINCE, "市": CITY, "自治州": CITY, "州": CITY, "地区": CITY,
                 "盟": CITY, "区": DISTRICT, "县": COUNTY, "自治县": COUNTY, "旗": COUNTY}
_SUFFIXES = "|".join(sorted(_SUFFIX_LEVEL, key=len, reverse=True))
# The four municipalities are provinces in rank although their names end in 市.
_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
# Characters that (almost) never occur inside a place name but often right before 市/区/县 in running text: 全市,
# 各县（市、区）, 我省, 县区, 2023年泸州市.
_NOT_IN_NAME = "省市区县各全我该其此每的与及或在对为从向至等年月日"
# ... save the districts named after a 市 they once were or lie in: 沙市区 (荆州), 新市区, 市中区, 市北区
# ... and the counties of one character (莒县, 沛县, 歙县), only where nothing but a city may stand before them
_NAME = (rf"(?:[^\W\d_{_NOT_IN_NAME}]{{2,8}}?(?:{_SUFFIXES})|[^\W\d_{_NOT_IN_NAME}]{{1,2}}市区(?!域|内|外|级)"
         rf"|市[中东南西北]区|(?:(?<![\u4e00-\u9fff])|(?<=市))[^\W\d_{_NOT_IN_NAME}本这那此]县)")
# An education body after its place: 教育局, 教育厅, 教体局, 教育和体育局, 教科局 / 教育和科学技术局, 教育委员会 /
# 教委, and the party committees that co-sign plans (市委教育工委).
BODY = (r"(?:教育和体育局|教育体育局|教育和科学技术局|教育科学技术局|教育科技局|教育局|教体局|教科局|教育厅"
        r"|教育委员会|教委|委教育工作委员会|委教育工委|教育工委)")
_CHAIN = re.compile(rf"(?:中共)?(?P<chain>(?:{_NAME}){{1,3}}?)(?P<body>{BODY})")
_ONE = re.compile(_NAME)
# A place printed right before the plan's education heading: 2021年泸州市教育工作要点, 浙江省教育厅….
_PLACE_BEFORE_EDUCATION = re.compile(rf"(?P<chain>(?:{_NAME}){{1,3}}?)(?=教育|教体)")
# 江津区2024年教育工作要点: the place opening the heading, its year between it and 教育
_PLACE_BEFORE_YEAR = re.compile(rf"^(?P<chain>(?:{_NAME}){{1,3}}?)\s*(?:20\d\d|[〇○零一二三四五六七八九]{{4}})\s*年")
# (2024年2月　日: a draft's date, the day left blank to be filled in when it is issued)
_DATE = re.compile(r"^\s*(?:20\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                   r"\s*[\d一二三四五六七八九十]{0,3}\s*日\s*$")


@dataclass(frozen=True)
class Place:
    name: str  # with its suffix: 崇明区
    level: str
    region: str | None = None  # the place printed immediately before it, if any

    @property
    def short(self) -> str:
        """The name questions usually use: 达州 for 达州市, 浙江 for 浙江省; districts and counties keep their suffix
        (崇明区, 南部县), because 南部 alone is an ordinary word."""
        if self.level in (CITY, PROVINCE) and self.name not in _MUNICIPALITIES:
            for suffix in ("自治区", "省", "市"):
                if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                    return self.name[: -len(suffix)]
        return self.name


def bare_name(name: str) -> str | None:
    """崇明区 -> 崇明, 安吉县 -> 安吉, 浦东新区 -> 浦东: a district or county as staff often name it, without its suffix;
    None when nothing of two characters or more would be left. Whether the bare name is an ordinary word (南部 of
    南部县) and so no name at all is for the caller to judge."""
    for suffix in ("自治县", "新区", "区", "县", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2 and name not in _MUNICIPALITIES:
            return name[: -len(suffix)]
    return None


def level_of(name: str) -> str:
    """The level a place name's suffix gives it; a bare name (达州) is a city, as catalog entries write them."""
    if name in _MUNICIPALITIES:
        return PROVINCE
    for suffix in sorted(_SUFFIX_LEVEL, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return _SUFFIX_LEVEL[suffix]
    return CITY


def full_name(name: str, level: str | None) -> str:
    """达州 + city -> 达州市; a name that already ends in a place suffix is kept as it is."""
    if _ONE.fullmatch(name) or name in _MUNICIPALITIES:
        return name
    return name + {PROVINCE: "省", CITY: "市", DISTRICT: "区", COUNTY: "县"}.get(level or CITY, "市")


def _split_chain(chain: str) -> list[str]:
    return [m.group(0) for m in _ONE.finditer(chain)]


def issuer_in(text: str) -> tuple[str, list[str]] | None:
    """The first issuing body in `text` as printed, with its chain of places: ("上海市崇明区教育局", [上海市, 崇明区])."""
    m = _CHAIN.search(text)
    if not m:
        return None
    return m.group("chain") + m.group("body"), _split_chain(m.group("chain"))


def is_issuer_line(text: str) -> bool:
    """A line that is nothing but an issuing body: the signature under a plan (上海市崇明区教育局)."""
    text = text.strip()
    return len(text) <= 40 and bool(_CHAIN.fullmatch(text))


def is_date_line(text: str) -> bool:
    """A line that is nothing but a date: 2023年2月20日, 二〇二三年二月二十日."""
    return bool(_DATE.match(text))


def place_in_heading(text: str) -> list[str]:
    """The chain of places in a plan's heading: 崇明区教育局2022年工作要点 -> [崇明区]; 2023年全市教育工作要点 -> []."""
    if found := issuer_in(text):
        return found[1]
    m = _PLACE_BEFORE_EDUCATION.search(text) or _PLACE_BEFORE_YEAR.match(text)
    return _split_chain(m.group("chain")) if m else []


def region_of(name: str, text: str) -> str | None:
    """The place printed immediately before `name` anywhere in `text` (南充市 in 四川省南充市南部县), or None."""
    for m in re.finditer(rf"(?={re.escape(name)})", text):
        if found := _split_tail(text[max(0, m.start() - 12): m.start()]):
            return found[-1]
    return None


def _split_tail(before: str) -> list[str]:
    """Place names that end exactly where `before` ends."""
    m = re.search(rf"(?:{_NAME})+$", before)
    return _split_chain(m.group(0)) if m else []


def make_place(name: str, region: str | None = None) -> Place:
    return Place(name, level_of(name), region)
