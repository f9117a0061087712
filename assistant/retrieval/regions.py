"""China's places as questions name them: prefecture-level cities by province, county-level places by city, and the
parts of the country (北方, 西南). With these a question can name the plans it wants by where they are rather than
by their cities (两个四川的, 北方那俩, 浙江那个) or by the ones it leaves out (除了温州的), and a city or province the
corpus has no plan for is noticed instead of being read as a topic word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

_DATA = Path(__file__).parent / "data"

# Provinces and autonomous regions (the municipalities are in data/cities.txt): said before a city, they only place it
PROVINCES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|"
             "青海|台湾|内蒙古|广西|西藏|宁夏|新疆")


def _table(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            rows.append((key, values.split()))
    return rows


@lru_cache(maxsize=1)
def city_provinces() -> dict[str, str]:
    """Prefecture-level city (without 市) -> its province (a municipality is its own)."""
    return {city: province for province, cities in _table("cities.txt") for city in cities}


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Every prefecture-level city and municipality, without 市."""
    return frozenset(city_provinces())


@lru_cache(maxsize=1)
def nicknames() -> dict[str, list[str]]:
    """A city's other name as staff say it (春城, 蓉城) -> the cities it may mean, most usual first."""
    return dict(_table("nicknames.txt"))


@lru_cache(maxsize=1)
def districts() -> dict[str, frozenset[str]]:
    """County-level places -> the prefecture-level cities that have one of that name (朝阳区: 北京, 长春)."""
    out: dict[str, set[str]] = {}
    for name, parents in _table("districts.txt"):
        out.setdefault(name, set()).update(parents)
    return {name: frozenset(parents) for name, parents in out.items()}


@lru_cache(maxsize=1)
def regions() -> dict[str, frozenset[str]]:
    """Part of the country (北方, 东北, 西南) -> its provinces and municipalities."""
    return {name: frozenset(provinces) for name, provinces in _table("regions.txt")}


@lru_cache(maxsize=1)
def provinces() -> frozenset[str]:
    return frozenset(PROVINCES.split("|")) | frozenset(p for p in city_provinces().values())


@lru_cache(maxsize=1)
def areas() -> dict[str, frozenset[str]]:
    """Every province and part of the country a question may name plans by -> its provinces. A province sharing its
    name with a city (吉林) is left out: the name is read as the city."""
    return {p: frozenset([p]) for p in provinces() if p not in gazetteer()} | regions()


def province_of(names: Iterable[str | None]) -> str | None:
    """The province of a plan's place, from any of its names (达州, 南部县, 上海市崇明区's region 上海市, 浙江省);
    None when no name places it, or a county name is shared by places in two provinces."""
    by_city = city_provinces()
    for name in filter(None, names):
        name = name.strip()
        for bare in (name, re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$", "", name)):
            if bare in by_city:
                return by_city[bare]
            if bare in provinces():
                return bare
        if name in districts():
            found = {by_city.get(parent) for parent in districts()[name]}
            if len(found) == 1 and None not in found:
                return found.pop()
    return None
