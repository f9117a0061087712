"""The chat's office lists equal the 科室目录 tab's, for every office of every plan: both ask documents.offices.task_role.
“X负责哪些工作” lists what X leads and what it takes part in, grouped with counts; 牵头/挑头 lists only what it leads;
参与/配合 only the rest."""
from __future__ import annotations

import pytest

from assistant.answers.directory import office_directory

from conftest import CHENGDE, DAZHOU, SUINING


def _keys(records) -> list[tuple]:
    return sorted((r.doc, r.section, r.subsection, r.task_no) for r in records)


def test_chat_office_lists_equal_the_directory_for_every_office(engine, ask):
    entries = office_directory(engine.records, engine.index.documents)
    assert len(entries) > 60
    checked = 0
    for entry in entries:
        a = ask(f"{entry.city}{entry.office}负责哪些工作？")
        if a["intent"] != "office_tasks" or a["filters"]["office"] not in entry.forms:
            continue  # a name the question reader takes for another office (市教科 inside 市教科所) is not this one
        checked += 1
        lead = [r for r in a["results"] if r["role"] == "牵头"]
        shared = [r for r in a["results"] if r["role"] == "参与"]
        assert _keys(_Row(r) for r in lead) == _keys(entry.lead), entry.office
        assert _keys(_Row(r) for r in shared) == _keys(entry.shared), entry.office
    assert checked >= 0.9 * len(entries), f"only {checked} of {len(entries)} offices were read from the question"


class _Row:
    """A JSON result with the attributes _keys reads."""

    def __init__(self, row: dict):
        self.doc, self.section, self.subsection, self.task_no = (row["doc"], row["section"], row["subsection"],
                                                                 row["task_no"])


def test_what_an_office_is_responsible_for_is_grouped_by_role_with_counts(ask):
    a = ask("遂宁人事科负责哪些工作？")
    assert "人事科牵头 3 项、参与 11 项" in a["answer"]
    assert "**牵头（3 项）**" in a["answer"] and "**参与（11 项）**" in a["answer"]


@pytest.mark.parametrize("question, roles", [
    ("遂宁人事科牵头的有哪些", {"牵头"}),
    ("遂宁人事科挑头的活有哪些", {"牵头"}),
    ("遂宁人事科参与了哪些工作", {"参与"}),
    ("遂宁人事科配合的有哪些", {"参与"}),
    ("遂宁人事科牵头的和配合的都算，有哪些", {"牵头", "参与"}),
    ("遂宁人事科都参与了啥", {"参与"}),
    ("遂寧人事科牽頭哪些", {"牵头"}),  # typed in Traditional characters
    ("遂宁招办 挑头跟配合的 都列下", {"牵头", "参与"}),  # 列下 asks for the list as 列出 does
    ("遂宁人事科参与了哪些工作 它自己牵头的不算", {"参与"}),  # the role left out says which is asked
    ("遂宁人事科 除了牵头的还参与了哪些", {"参与"}),
    ("遂宁人事科配合的不算 挑头的有哪些", {"牵头"}),
    ("遂宁人事科 当责任科室参与的工作 列一下", {"参与"}),  # a 责任科室 said with 参与 is the shared role
    ("遂宁人事科 牵头配合都要", {"牵头", "参与"}),  # both roles wanted: the list, with no list word
    ("遂宁人事科 挑头的跟配合的都算上", {"牵头", "参与"}),
    ("遂宁人事科 光它挑头的", {"牵头"}),  # only the role, the list word left out
    ("遂宁人事科 只配合的", {"参与"}),
    ("遂宁人事科 光它挑大梁的 几项", {"牵头"}),  # the roles in everyday words
    ("遂宁人事科 只给别人打下手的 列全", {"参与"}),
    ("遂宁人事科 牵头的配合的一块算 一共管几摊", {"牵头", "参与"}),
    ("人事科 牵头 遂宁", {"牵头"}),  # typed as keywords: an office, a role and a place, no topic
    ("遂宁 人事科 配合", {"参与"}),
    ("遂宁人事科 只是打配合的是哪些", {"参与"}),  # 的是哪些 asks the list as 的有哪些 does
    ("遂宁人事科 由它牵头的 一共几件", {"牵头"}),  # the total said between the role and the count
    ("遂宁人事科 还挑头了啥", {"牵头"}),  # 挑头 asks as 牵头 does
    ("遂宁人事科 lead的活 配合的不要", {"牵头"}),  # its tasks named by their kind alone, in an English role word
    ("遂宁人事科配合的活儿", {"参与"}),
])
def test_role_words_choose_which_tasks_are_listed(ask, question, roles):
    a = ask(question)
    assert a["intent"] == "office_tasks" and {r["role"] for r in a["results"]} == roles


def test_asked_what_an_office_leads_in_a_plan_that_prints_no_lead_the_answer_says_so(ask):
    a = ask("承德规划财务（审计）科主抓什么？")  # 承德 lists only 责任科室; 主抓 asks what it leads
    # partial: the plan does not say what it leads; the 8 tasks naming it are listed for reference, none as led
    assert a["intent"] == "office_tasks" and a["status"] == "partial" and not a["answered"]
    assert len(a["results"]) == 8 and {r["role"] for r in a["results"]} == {"参与"}
    assert "任务只列责任科室，没有单列牵头科室" in a["answer"].split("\n")[0]
    b = ask("达州计财科主抓什么？")  # 达州 prints 牵头科室: only what 计财科 leads
    assert {r["role"] for r in b["results"]} == {"牵头"}


def test_an_office_named_without_its_ke_before_a_role_word_is_that_office(ask, engine):
    a = ask("达州基教牵头的有几项")  # 基教 for 基教科, 计财 for 计财科: as staff type them
    assert a["intent"] == "office_tasks" and {r["role"] for r in a["results"]} == {"牵头"}
    assert all("基教科" in r["lead_offices"] for r in a["results"])
    q, _ = engine.reading("达州计财负责哪些")
    assert q.office == "计财科"
    q, _ = engine.reading("达州学前教育谁负责")  # 谁 stands between: no office is named
    assert q.office is None
    q, _ = engine.reading("遂宁校园安全牵头科室是哪个")  # 安全 is a word of the plans' text, not only of 安全科
    assert q.office is None


def test_an_office_named_as_colleagues_say_it_lists_that_offices_tasks(ask):
    a = ask("达州招办都管哪些事？")  # 招办 for 达州's 市招考办, though 遂宁 prints 市招办 in its own office lines
    assert a["intent"] == "office_tasks" and all(
        "市招考办" in r["lead_offices"] + r["responsible_offices"] for r in a["results"])
    b = ask("遂宁基教那块 牵头的有几项？")  # a word standing between the office and its role word
    assert b["intent"] == "office_tasks" and {r["role"] for r in b["results"]} == {"牵头"}
    c = ask("遂宁搞财务的那个科 牵头了几项？")  # 计财科 shortens 计划财务科: the one office holding 财
    assert c["intent"] == "office_tasks" and all("计财科" in r["lead_offices"] for r in c["results"])
    d = ask("达州 直属单位 有哪些活")  # 达州 prints 市教育直属单位: the bureau's own name before the unit's left off
    assert d["intent"] == "office_tasks" and d["results"] and all(
        "市教育直属单位" in r["lead_offices"] + r["responsible_offices"] for r in d["results"])


def test_an_office_name_holding_another_offices_shortening_inside_a_word_is_not_that_office(engine, ask):
    # 审计科 ends in 计科, which would shorten 达州's 计财科; but 审计 is a word: the asker names an office of its own,
    # which 达州's plan does not have, and 计财科's list is no answer to it
    q, _ = engine.reading("达州审计科负责哪些工作")
    assert not q.office_forms
    a = ask("达州审计科负责哪些工作")
    assert a["status"] == "not_found" and "没有列出“审计科”" in a["reason"]
    q, _ = engine.reading("达州计财科负责哪些工作")
    assert q.office == "计财科" and q.intent == "office_tasks"


def test_one_office_of_each_plan_named_together_lists_each_ones_tasks_in_its_own_plan(ask, engine):
    # 达州's 市电教中心 and 遂宁's 电教站: no plan prints both, so 各有哪些活 asks each one's list, not the tasks they share
    a = ask("管电教的 达州电教中心 遂宁电教站 手上各有哪些活 牵头配合都要")
    assert a["intent"] == "office_tasks" and a["results"]
    cities = {r["doc"] for r in a["results"]}
    assert cities == {DAZHOU, SUINING}
    for r in a["results"]:
        offices = r["lead_offices"] + r["responsible_offices"]
        assert any("电教" in o for o in offices)
    # two offices of one plan said to work together (一起) ask what they share (遂宁's 基教科 and 法规科 both)
    b = ask("遂宁基教科和法规科一起负责哪些")
    assert b["results"] and all({"基础教育科", "法规科"} <= set(r["lead_offices"] + r["responsible_offices"])
                                for r in b["results"])


def test_two_offices_of_one_plan_asked_each_list_what_either_does_in_the_role_asked(ask, engine):
    # 各牵头几项 with no word of working together: every task either one leads, as the directory lists them
    a = ask("达州基教科和职成科各牵头几项")
    led = {(r["section"], r["task_no"]) for r in a["results"]}
    expected = {(t.section, t.task_no) for t in engine.records if t.doc == DAZHOU and t.kind == "task"
                and {"基教科", "职成科"} & set(t.lead_offices)}
    assert led and led == expected and all(r["role"] == "牵头" for r in a["results"])


def test_another_plans_office_name_shortening_this_plans_office_names_it(ask, engine):
    # 人事科 is 遂宁's office and a plain shortening of 达州's 人事师训科: asked of 达州 it is that office, not a topic
    q, _ = engine.reading("达州人事科负责哪些")
    assert q.office == "人事师训科" and q.intent == "office_tasks"
    a = ask("达州人事科牵头哪些工作")
    assert a["intent"] == "office_tasks" and a["results"]
    assert all("人事师训科" in r["lead_offices"] for r in a["results"])


def test_an_office_printed_with_a_second_name_in_brackets_is_asked_by_either_name(ask, engine):
    # 承德 prints 体卫艺（国防教育办） and 党建办（巡察办）: one unit, two names
    by_bracket = ask("承德国防教育办负责哪些工作")
    by_name = ask("承德体卫艺负责哪些工作")
    assert by_bracket["intent"] == by_name["intent"] == "office_tasks"
    assert _keys(_Row(r) for r in by_bracket["results"]) == _keys(_Row(r) for r in by_name["results"])
    assert len(by_bracket["results"]) == 3
    q, _ = engine.reading("承德体卫艺 国防教育办那个 牵头的有哪些")  # named twice: still one office
    assert q.office is not None and "国防教育办" in q.office and not q.other_offices
    assert ask("承德巡察办负责哪些工作")["filters"]["office"] == "党建办（巡察办）"



def test_an_office_asked_by_its_full_name_or_a_word_of_it_is_that_office(ask, engine):
    """机关党委办公室 is written out for 遂宁's printed 机关党办 (办 standing for 办公室), not the 办公室 inside it; 督导那个科
    names the office whose name holds 督导 in each plan asked: 达州's 督导办 and 遂宁's 督导室."""
    full = ask("遂宁机关党委办公室负责哪些工作")
    short = ask("遂宁机关党办负责哪些工作")
    assert full["intent"] == "office_tasks" and full["filters"]["office"] == "机关党办"
    assert _keys(_Row(r) for r in full["results"]) == _keys(_Row(r) for r in short["results"])
    q, _ = engine.reading("督导那个科 达州跟遂宁 各自牵头几项")
    assert q.intent == "office_tasks" and {"督导办", "督导室"} <= q.office_forms and q.role == "lead"
    a = ask("督导那个科 达州跟遂宁 各自牵头几项")
    assert {r["city"] for r in a["results"]} == {"达州", "遂宁"}
    assert all(r["role"] == "牵头" for r in a["results"])
    # one plan's name said first, then the office described for each plan asked: one office, whichever run reads it
    # (equal-length names 督导办 and 督导室 come out of a set in an order that changes from run to run)
    q, _ = engine.reading("我们督导室 达州 遂宁 督导那个科 各自牵头几件 配合几件")
    assert q.office_forms >= {"督导办", "督导室"} and not q.other_offices
    q, _ = engine.reading("达州书记抓党建述职评议 是党建办挑头吗")  # the short form written inside: that office
    assert q.office == "党建办"


def test_an_office_the_plan_does_not_have_asked_for_its_tasks_is_refused_by_name(ask):
    """工会 and 关工委 are no office of 达州's or 承德's plan (no office name shares two characters of them): the answer
    says the plan lists no such office, rather than answering with a task on some word of the question."""
    a = ask("我在县里是管工会的 达州教育工会牵头的有哪些事")
    assert a["status"] == "not_found" and not a["results"]
    assert "达州市2020年工作要点没有列出“教育工会”" in a["reason"]
    assert ask("承德关工委负责哪些任务")["status"] == "not_found"


def test_an_office_named_as_another_unit_names_it_lists_the_plans_office_sharing_its_name(ask):
    """职教教研中心 is 承德's 职成教研室 (职, 教, 研 in order; 职成教科 holds two), 后勤处 its 学校后勤管理中心."""
    a = ask("承德职教教研中心参与哪些工作")
    assert a["intent"] == "office_tasks" and a["filters"]["office"] == "职成教研室"
    assert all("职成教研室" in r["responsible_offices"] for r in a["results"])
    b = ask("承德后勤处负责的活有哪些")
    assert b["intent"] == "office_tasks" and b["filters"]["office"] == "学校后勤管理中心"



def test_which_city_gives_an_office_the_most_tasks_in_a_role_lists_them_across_the_plans(ask):
    """哪个市让基教科打配合的事最多 达州 遂宁 承德: the office's shared tasks in each named plan, counted, not a topic."""
    a = ask("哪个市让基教科打配合的事最多 达州 遂宁 承德 比一比")
    assert a["intent"] == "office_tasks" and a["results"]
    assert {r["doc"] for r in a["results"]} == {DAZHOU, SUINING, CHENGDE}
    assert all(r["role"] != "牵头" for r in a["results"])


def test_an_office_name_holding_a_role_word_does_not_widen_the_roles_asked(ask):
    """写成机关所有科室的也算: 遂宁 prints the office as 机关各科室 and 机关所有科室; the 所有 of its name asks for no
    other role than the 打配合 said, and 写成 / 也算 (how to count) are no topic words."""
    a = ask("遂宁 机关各科室 打配合的活 都列下 写成机关所有科室的也算")
    assert a["intent"] == "office_tasks" and {r["role"] for r in a["results"]} == {"参与"}
    assert len(a["results"]) == 16


def test_a_role_said_after_the_question_corrects_itself_is_the_role_listed(ask):
    """配合的有哪些 哦说错了 我要它牵头的: 牵头, said after the correction, is asked; 督导室 leads one task in 遂宁."""
    a = ask("遂宁督导室 配合的有哪些 哦说错了 我要它牵头的")
    assert a["intent"] == "office_tasks" and {r["role"] for r in a["results"]} == {"牵头"}
    assert [r["task_no"] for r in a["results"]] == [28]


def test_whether_an_office_leads_anything_is_answered_by_its_list(ask):
    """有自己牵头的活没 没有就说没有: 承德's plan names no lead at all, and the answer says so (电教馆 only shares)."""
    a = ask("承德电教馆 有自己牵头的活没 没有就说没有")
    assert a["intent"] == "office_tasks" and a["status"] == "partial" and not a["answered"]


def test_the_led_tasks_listed_apart_asks_both_roles(ask):
    """牵头的单列: list what it leads apart from the rest, so both roles are listed."""
    a = ask("遂宁督导室 手上几件事 牵头的单列")
    assert a["intent"] == "office_tasks" and {r["role"] for r in a["results"]} == {"牵头", "参与"}
