"""Questions as staff ask them, answered from the real index built with the real default model."""
from assistant.answers.answer import NO_LEAD, NO_RESPONSIBLE
from assistant.documents.records import JSON_KEYS
from assistant.retrieval.terms import in_digits

from conftest import CHANGCHUN, CHENGDE, DAZHOU, SUINING, WENZHOU, top


def test_lead_question_names_the_printed_offices_and_quotes_the_office_line(ask):
    a = ask("遂宁的体育产业和龙舟赛由哪个科室牵头？")
    assert a["answered"] and a["intent"] == "lead"
    assert top(a) == (SUINING, "五", 35)
    first = a["results"][0]
    assert (first["lead_offices"], first["responsible_offices"]) == (["社体科"], ["体卫艺科", "青竞科"])
    assert first["evidence"][0] == "牵头科室：社体科"
    assert "- **牵头科室：社体科**" in a["answer"] and "- **责任科室：体卫艺科、青竞科**" in a["answer"]
    assert "《遂宁市2019年工作要点》五、第35项「推动体育产业发展壮大」" in a["answer"]
    assert f"出处：{SUINING} 第476–486行" in a["answer"]


def test_lead_taken_from_a_second_responsible_line_carries_its_note(ask):
    a = ask("达州教育督导体制改革谁牵头？")
    assert top(a) == (DAZHOU, "二", 11)
    assert a["results"][0]["lead_offices"] == ["督导办"]
    assert "注：原文未标“牵头科室”" in a["answer"]


def test_lead_question_on_a_plan_without_offices_is_a_partial_answer(ask):
    a = ask("长春校园绿化美化工程谁负责？")
    assert a["status"] == "partial" and not a["answered"] and top(a) == (CHANGCHUN, "六", 26)
    assert "涉及此事，但原文没有列出这项任务的牵头科室或责任科室" in a["answer"]
    assert NO_LEAD in a["answer"] and NO_RESPONSIBLE in a["answer"]


def test_office_tasks_lists_every_task_the_office_leads(ask, corpus):
    a = ask("达州计财科牵头了哪些工作？")
    assert a["answered"] and a["intent"] == "office_tasks"
    expected = [(r.section, r.task_no) for r in corpus.records if r.doc == DAZHOU and "计财科" in r.lead_offices]
    assert [(r["section"], r["task_no"]) for r in a["results"]] == expected == [("三", 15), ("三", 16), ("六", 35), ("六", 38)]
    assert all(r["role"] == "牵头" for r in a["results"])
    assert "达州市2020年工作要点中，计财科牵头的任务共 4 项" in a["answer"]


def test_office_tasks_fold_the_ways_one_office_is_written(ask, corpus):
    a = ask("遂宁基教科牵头哪些任务？")
    forms = {"基础教育科", "基教科", "基础教科"}
    expected = [r.task_no for r in corpus.records if r.doc == SUINING and forms & set(r.lead_offices)]
    assert [r["task_no"] for r in a["results"]] == expected
    assert {"基础教育科", "基础教科"} <= {o for r in a["results"] for o in r["lead_offices"]}
    assert "含写法" in a["answer"]


def test_office_tasks_with_part_taking_office_lists_responsible_roles(ask, corpus):
    a = ask("承德督导室参与了哪些工作？")
    expected = [r.task_no for r in corpus.records if r.doc == CHENGDE and "督导室" in r.responsible_offices]
    assert [r["task_no"] for r in a["results"]] == expected
    assert {r["role"] for r in a["results"]} == {"参与"}


def test_office_tasks_across_documents_when_no_city_is_named(ask, corpus):
    a = ask("督导室牵头了哪些任务？")
    docs = {r["doc"] for r in a["results"]}
    assert docs == {r.doc for r in corpus.records if "督导室" in r.lead_offices} == {SUINING}


def test_figure_question_quotes_the_sentence_holding_the_figure(ask):
    a = ask("承德学前三年毛入园率要达到多少？")
    assert top(a) == (CHENGDE, "三", 10)
    assert "学前三年毛入园率达到92%" in a["results"][0]["evidence"][0]
    b = ask("长春2020年要新增多少所国家级冰雪特色校？")
    assert top(b) == (CHANGCHUN, "八", 35)
    assert "新增国家级冰雪特色校80所" in b["results"][0]["evidence"][0]


def test_traditional_question_finds_the_traditional_plan_and_quotes_it_as_printed(ask):
    a = ask("溫州新建多少個新型教學空間？")
    assert top(a) == (WENZHOU, "六", 1)
    assert "新建1500個新型教學空間" in a["results"][0]["evidence"][0]
    assert "《xx市（温州）2022年工作要点》六、第1项「加強數字化賦能」" in a["answer"]


def test_year_filter_reaches_the_2020_summary_inside_the_2021_plan(ask):
    a = ask("承德2020年线上教学精选了几个在线教育平台？")
    assert a["filters"] == {"city": "承德", "year": 2020, "office": None}
    first = a["results"][0]
    assert (first["kind"], first["section"], first["item"]) == ("summary", "二", "（三）")
    assert all(r["year"] == 2020 for r in a["results"])
    assert "《承德市2020年工作总结》二、（三）" in a["answer"]


def test_city_and_year_filters_keep_results_inside_the_named_plan(ask):
    a = ask("遂宁2019年特殊教育怎么做？")
    assert a["filters"]["city"] == "遂宁" and a["filters"]["year"] == 2019
    assert {r["doc"] for r in a["results"]} == {SUINING}


def test_city_alias_of_the_anonymised_plan(ask):
    a = ask("xx市的清廉学校建设比例目标是多少？")
    assert a["filters"]["city"] == "温州"
    assert top(a) == (WENZHOU, "一", 4)


def test_unknown_city_is_refused_listing_what_the_corpus_holds(ask):
    a = ask("南充市今年的学前教育重点是什么？")
    assert not a["answered"] and a["results"] == []
    assert "没有南充" in a["reason"] and "遂宁（2019年）" in a["reason"]


def test_city_mentioned_in_a_plan_is_a_topic_unless_asked_about(ask):
    assert not ask("成都今年学前教育怎么安排？")["answered"]
    a = ask("遂宁和成都的教育交流合作是哪项？")
    assert a["answered"] and top(a) == (SUINING, "二", 12)


def test_year_the_corpus_does_not_hold_is_refused(ask):
    a = ask("达州2023年的职业教育有哪些安排？")
    assert not a["answered"]
    assert "达州2023年" in a["reason"] and "达州（2020年）" in a["reason"]


def test_unanswerable_topic_is_refused_with_possibly_related_tasks(ask):
    a = ask("长春2020年给教师发放多少取暖补贴？")
    assert not a["answered"]
    assert a["results"], "refusals still list 可能相关 tasks"
    assert "可能相关" in a["answer"]


def test_unknown_office_for_the_city_is_refused_plainly(ask):
    a = ask("承德安信办牵头了哪些工作？")
    assert not a["answered"]


def test_json_answer_has_the_documented_keys(ask):
    a = ask("达州从严治党那项谁牵头？", k=3)
    assert set(a) == {"question", "answered", "status", "reason", "intent", "filters", "answer", "results",
                      "office_check", "elsewhere", "plans", "parts"}
    assert len(a["results"]) == 3
    for result in a["results"]:
        assert set(JSON_KEYS) | {"score", "evidence"} <= set(result)
        assert result["citation"].endswith(f"第{result['line_start']}–{result['line_end']}行")


def test_nothing_in_an_answer_is_invented(ask, engine):
    """Offices and quotes in the Markdown come from the cited record's own text."""
    for question in ("达州中小学心理健康谁牵头？", "承德高中阶段毛入学率目标？", "遂宁扶贫工作由谁负责？"):
        a = ask(question)
        best = a["results"][0]
        for office in best["lead_offices"] + best["responsible_offices"]:
            assert office in best["text"]
        for quote in best["evidence"]:
            assert quote.replace(" ", "") in best["text"].replace("\n", "").replace(" ", "")


def test_empty_question_gets_a_clear_message(engine):
    answer = engine.ask("   ")
    assert not answer.answered and answer.reason == "请输入问题。"


def test_office_named_without_its_leading_city_prefix(ask, corpus):
    a = ask("达州市招考办牵头哪些任务？")
    assert a["intent"] == "office_tasks" and a["filters"]["office"] == "市招考办"
    expected = [r.task_no for r in corpus.records if r.doc == DAZHOU and "市招考办" in r.lead_offices]
    assert [r["task_no"] for r in a["results"]] == expected == [12]


def test_answer_warns_when_the_cited_task_lacks_a_distinctive_word_of_the_question(ask):
    a = ask("长春搞校友名人录是哪条")  # the task speaks of 名人录, never of 校友: answered, the word flagged
    assert a["answered"] and top(a) == (CHANGCHUN, "五", 23)
    assert "所引任务中没有出现“校友”" in a["answer"]
    b = ask("遂宁的体育产业和龙舟赛由哪个科室牵头？")
    assert "没有出现" not in b["answer"]


def test_caveat_never_names_a_colloquial_word_the_plans_say_otherwise(ask):
    a = ask("长春怎么防止孩子近视？")  # 孩子 is the plans' 学生/儿童: bridged, not flagged
    assert a["answered"] and top(a) == (CHANGCHUN, "二", 7)
    assert "没有出现" not in a["answer"]


def test_caveat_never_names_an_everyday_word_or_who_asks(ask):
    a = ask("达州师德师风 人事这边要写总结 在哪条")  # 人事 signs who asks (the plan's 人事师训科)
    assert a["answered"] and "没有出现" not in a["answer"]
    b = ask("达州学生资助 最后落到哪个科")  # 最后 is everyday talk, weighed but never named
    assert b["answered"] and "没有出现" not in b["answer"]


def test_caveat_never_names_a_verb_with_an_aspect_particle(ask):
    a = ask("长春职校专业设置 跟着产业调专业 咋弄的")  # 跟着 tells how, not what about
    assert a["answered"] and "没有出现" not in a["answer"]


def test_topic_the_plans_know_but_not_for_this_city_is_refused(ask):
    a = ask("达州2020年校服采购怎么安排？")  # 校服 appears in 承德's plan only
    assert not a["answered"] and "“校服”" in a["reason"]
    assert a["results"]


def test_two_offices_named_together_list_the_tasks_they_share(ask, corpus):
    a = ask("达州职成科和计财科一起负责哪些任务？")
    both = [r.task_no for r in corpus.records if r.doc == DAZHOU
            and {"职成科", "职教科"} & set(r.lead_offices + r.responsible_offices)
            and "计财科" in r.lead_offices + r.responsible_offices]
    assert [r["task_no"] for r in a["results"]] == both and len(both) == 12
    assert "职成科（含写法：职教科）与计财科同时列名的任务共 12 项，其中职成科牵头 2 项、参与 10 项" in a["answer"]


def test_two_offices_asked_what_they_lead_together_list_only_the_tasks_both_lead(ask, corpus):
    a = ask("达州基教科和法规科一起牵头的工作有哪些")
    both = [r.task_no for r in corpus.records if r.doc == DAZHOU
            and {"基教科", "法规科"} <= set(r.lead_offices)]
    assert both == [10] and [r["task_no"] for r in a["results"]] == both
    assert "基教科与法规科共同牵头的任务共 1 项" in a["answer"]


def test_office_asked_what_it_is_responsible_for_lists_its_tasks(ask):
    a = ask("承德局防控办负责什么？")
    assert a["answered"] and a["intent"] == "office_tasks"
    assert [r["task_no"] for r in a["results"]] == [34]


def test_overall_approach_question_quotes_the_preamble(ask):
    a = ask("达州2020年教育工作的总体思路是什么？")
    assert a["answered"] and a["results"][0]["kind"] == "preamble"
    assert "《达州市2020年工作要点》「总体思路」" in a["answer"]


def test_question_words_do_not_count_as_missing_content(ask):
    a = ask("遂宁2019年教师节要组织第几个教师节活动？")
    assert a["answered"] and top(a) == (SUINING, "六", 38)
    assert "第35个教师节" in "".join(a["results"][0]["evidence"])


def test_concurrent_questions_get_the_same_answers_as_one_at_a_time(engine):
    from concurrent.futures import ThreadPoolExecutor

    questions = ["达州从严治党那项谁牵头？", "承德学前三年毛入园率要达到多少？", "溫州新建多少個新型教學空間？",
                 "遂宁的体育产业和龙舟赛由哪个科室牵头？"] * 4
    alone = [engine.ask(q).hits[0].record.key for q in questions]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda q: engine.ask(q).hits[0].record.key, questions))
    assert together == alone


def test_a_number_said_in_words_matches_the_plans_digits():
    """三年 is what a plan prints as 3年 (给予3年经费扶持); 二次 (二次托管) and 一批 are words, not counts."""
    assert in_digits("三年") == ("3年", "3 年") and in_digits("十二所") == ("12所", "12 所")
    assert in_digits("二次") == () and in_digits("一批") == () and in_digits("教师") == ()


def test_a_pair_said_twice_over_weighs_nothing_and_close_tasks_prefer_the_one_lacking_nothing(engine):
    """跑跑跳跳 pictures the race, no topic word; 奥运 (奥林匹克) is held by the summary item next in the ranking, not by
    the one that says 省级 and 示范 more often: that item answers with its 15所."""
    a = engine.ask("达州今年娃娃们那个跑跑跳跳的全市田径赛 办到第几界了")
    assert a.status == "answered" and (a.hits[0].record.doc, a.hits[0].record.task_no) == (DAZHOU, 28)
    a = engine.ask("承德去年 省里评的奥运教育样板校 一共多少所")
    assert a.status == "answered" and a.hits[0].record.item == "（二）" and "15所" in "".join(a.hits[0].evidence)


def test_the_askers_own_post_is_no_topic_but_their_kind_of_school_is(engine):
    """我是承德学校管资助的会计: 会计 is who asks (the 资助 task answers); 我是…初中的校长 keeps 初中, which says what
    schools are meant."""
    a = engine.ask("我是承德学校管资助的会计 今年全市计划发多少资助的钱")
    assert a.hits and (a.hits[0].record.doc, a.hits[0].record.task_no) == (CHENGDE, 30) and "会计" not in a.reason
    q, terms = engine.reading("我是达州一所初中的校长 今年学校体育上要搞啥")
    assert next(t for t in terms if t.word == "初中").weight > 0
