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


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    from assistant.answers.answer import to_json
    from assistant.service import open_engine

    corpus = tmp_path_factory.mktemp("other_corpus")
    for name in PLANS:
        shutil.copyfile(FIXTURES / name, corpus / name)
    engine = open_engine(corpus, tmp_path_factory.mktemp("other_index"), progress=False).engine

    def run(question: str, **kwargs) -> dict:
        return to_json(engine.ask(question, **kwargs), engine.index.documents)
    run.engine = engine
    return run


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
