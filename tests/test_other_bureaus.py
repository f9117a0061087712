"""Questions over plans written the way other bureaus write them (tests/fixtures/plans: inline office brackets,
three numbering levels, tasks numbered again in every subsection, a pipe table), indexed with the real model: the
reading and the answering rules must hold there too, not only on the five seed plans they were tuned on."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "plans"
PLANS = ["p01_quanshi_2023_endbracket.txt", "p04_zhejiang_province_2023_subsection_tasks.txt",
         "p06_jianan_district_2023_attachment1.txt", "p07_hebi_city_2024_attachment_colon.txt",
         "p10_mianyang_city_2022_pipetable.txt", "p13_luzhou_city_2021_long.txt"]
JIANAN = "p06_jianan_district_2023_attachment1.txt"
# the seven other fixtures: a CRLF district plan, a GB18030 county plan, a run-on web page, a plan naming no place,
# a Word table, a tab-separated table and a hard-wrapped PDF
MORE_PLANS = ["p02_chongming_district_2022_crlf.txt", "p03_nanbu_county_2023_gb18030.txt",
              "p05_anji_county_2022_runon.txt", "p08_benju_noplace_2023_circled.txt", "p09_luohe_city_2023_table.docx",
              "p11_jingmen_city_2021_tsv.txt", "p12_guangan_city_2020_wrapped.pdf"]
CHONGMING, ANJI = "p02_chongming_district_2022_crlf.txt", "p05_anji_county_2022_runon.txt"


def _asker(tmp_path_factory, plans: list[str]):
    from assistant.answers.answer import to_json
    from assistant.service import open_engine

    corpus = tmp_path_factory.mktemp("other_corpus")
    for name in plans:
        shutil.copyfile(FIXTURES / name, corpus / name)
    engine = open_engine(corpus, tmp_path_factory.mktemp("other_index"), progress=False).engine

    def run(question: str, **kwargs) -> dict:
        return to_json(engine.ask(question, **kwargs), engine.index.documents)
    run.engine = engine
    return run


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    return _asker(tmp_path_factory, PLANS)


@pytest.fixture(scope="module")
def more(tmp_path_factory):
    return _asker(tmp_path_factory, MORE_PLANS)


def where(answer: dict) -> tuple:
    r = answer["results"][0]
    return r["doc"], r["section"], r["subsection"], r["task_no"]


def test_a_position_with_its_subsection_names_one_task_where_numbers_restart(other):
    # 建安区 numbers its tasks again in every （一）: 二、（二）第1项 is 推进集团化办学, not 二、（一）第1项
    a = other("建安区二、（二）第1项谁负责")
    assert a["answered"] and where(a) == (JIANAN, "二", "（二）", 1)
    b = other("建安区一（二）第2项讲啥")
    assert b["answered"] and where(b) == (JIANAN, "一", "（二）", 2)


def test_asking_for_the_topic_uses_a_place_of_this_corpus_as_its_example(other):
    a = other("第15项谁牵头")
    assert a["status"] == "not_found" and "请写明是哪个地方" in a["answer"]
    assert "达州" not in a["answer"] and "衢州" in a["answer"]


def test_the_held_back_questions_over_other_bureaus_plans_stay_within_the_measured_bounds(other):
    # eval/other_bureaus_heldout.jsonl: written by a helper from these six plans only; measured whole once before any
    # question was read (hit@1 0.950, answerable refused 2/40, unanswerable answered 0/20, wrong figures 0/19)
    from assistant.evaluate import evaluate, load_questions

    result = evaluate(other.engine, load_questions(Path(__file__).parent.parent / "eval" / "other_bureaus_heldout.jsonl"))
    assert result["hit@1"] >= 0.91, result["misses"]  # 0.917
    assert result["answerable_refused"].split("/")[0] == "1", result["misses"]  # 1/12
    assert result["unanswerable_refused"] == "10/10", result["wrongly_answered"]
    assert result["wrong_figures"].split("/")[0] == "0", result["figure_errors"]


def test_a_district_or_county_named_without_its_suffix_is_its_plan(more):
    # staff write 崇明 for 崇明区 and 安吉 for 安吉县: the plan's filter, not a topic word no task holds
    a = more("崇明2022年示范党支部评几个？")
    assert a["status"] == "answered" and a["results"][0]["doc"] == CHONGMING and "10个" in a["answer"]
    # 全民健身路径 is 南部县's, not 安吉's: the other county is named, not its figure quoted for 安吉
    b = more("安吉全民健身路径建多少条")
    assert b["status"] == "not_found" and "20条" not in b["answer"] and "南部县" in b["answer"]
    # 南部 alone is an ordinary word (southern), not the bare name of 南部县
    engine = more.engine
    assert engine.reading("西南部山区学校有啥安排")[0].cities == []


def test_an_everyday_word_is_no_shortening_of_an_office_name(more):
    # 教室 skips 研 of 安吉's 教研室 and is an everyday word: the question asks about classrooms, filtered by no office
    a = more("安吉多媒体设备更新要换多少间教室")
    assert a["filters"]["office"] is None
    assert a["status"] == "partial" and a["results"][0]["doc"] == ANJI


def test_the_held_back_questions_over_seven_more_plans_stay_within_the_measured_bounds(more):
    # eval/other_bureaus2_heldout.jsonl: written by a helper from the seven other fixture plans only; measured whole
    # once before any question was read (hit@1 0.900, answerable refused 4/40, unanswerable answered 3/20, wrong
    # figures 1/15)
    from assistant.evaluate import evaluate, load_questions

    result = evaluate(more.engine, load_questions(Path(__file__).parent.parent / "eval" / "other_bureaus2_heldout.jsonl"))
    assert result["hit@1"] >= 0.87, result["misses"]  # 0.875
    assert int(result["answerable_refused"].split("/")[0]) <= 2, result["misses"]  # 2/16
    assert int(result["unanswerable_refused"].split("/")[0]) >= 12, result["wrongly_answered"]  # 12/14
    assert int(result["wrong_figures"].split("/")[0]) <= 1, result["figure_errors"]  # 1/8
