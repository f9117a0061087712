"""Plans of other bureaus, indexed and asked with the real model: citations print the plan's own numbering path,
a plan with no place is listed as such, and an office that only cooperates (配合 / 协办) is found by its name."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.answers.answer import to_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
PROVINCE = "p04_zhejiang_province_2023_subsection_tasks.txt"
NO_PLACE = "p08_benju_noplace_2023_circled.txt"


@pytest.fixture(scope="module")
def fixture_engine(tmp_path_factory):
    from assistant.service import open_engine

    corpus = tmp_path_factory.mktemp("fixture_corpus")
    for name in (PROVINCE, NO_PLACE):
        shutil.copy(FIXTURES / name, corpus / name)
    return open_engine(corpus, tmp_path_factory.mktemp("fixture_index"), progress=False).engine


def ask(engine, question: str) -> dict:
    return to_json(engine.ask(question), engine.index.documents)


def test_citation_prints_the_numbering_path_of_a_plan_whose_tasks_are_the_middle_level(fixture_engine):
    a = ask(fixture_engine, "浙江高校党建谁负责")
    first = a["results"][0]
    assert (first["doc"], first["section"], first["subsection"]) == (PROVINCE, "一", "（二）")
    assert "》一、（二）「全面加强高校党的建设」" in a["answer"]


def test_a_plan_with_no_place_is_listed_as_such_when_a_city_is_refused(fixture_engine):
    a = ask(fixture_engine, "成都2023年学前教育怎么安排")
    assert not a["answered"] and "地点未知（2023年）" in a["reason"] and "None" not in a["reason"]


def test_an_office_that_only_cooperates_is_found_by_its_name(fixture_engine):
    a = ask(fixture_engine, "浙江财务处参与了哪些工作")
    assert a["intent"] == "office_tasks" and a["answered"]
    expected = [r for r in fixture_engine.records if "财务处" in r.cooperating_offices]
    assert expected and {(r["section"], r["subsection"]) for r in a["results"]} >= {
        (r.section, r.subsection) for r in expected}
    assert all(r["role"] == "参与" for r in a["results"] if "财务处" not in r["lead_offices"])
