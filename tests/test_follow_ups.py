"""Conversations: an elliptical follow-up (a place, a year or an office alone) keeps the previous topic and intent;
a question with its own topic and no place is asked of every plan; what is carried is said on the first line."""
from __future__ import annotations

from assistant.answers.answer import to_json
from assistant.retrieval.search import follow_up_context

from conftest import CHANGCHUN, CHENGDE, DAZHOU, SUINING, WENZHOU


def converse(engine, *questions: str) -> list[dict]:
    context, out = None, []
    for question in questions:
        answer = engine.ask(question, context=context)
        context = follow_up_context(answer, context)
        out.append(to_json(answer, engine.index.documents))
    return out


def test_a_follow_up_naming_only_a_place_keeps_the_topic_and_intent(engine):
    first, second = converse(engine, "达州学生资助谁牵头", "那遂宁呢？")
    assert first["results"][0]["doc"] == DAZHOU
    assert second["intent"] == "lead" and second["results"][0]["doc"] == SUINING
    assert second["answer"].startswith("（沿用上文：问题“学生资助谁牵头”）")
    assert "资助" in second["results"][0]["text"]


def test_a_follow_up_naming_only_a_year_keeps_the_place_and_topic(engine):
    _, second = converse(engine, "承德学前教育怎么安排的", "2020年的呢")
    assert second["filters"]["year"] == 2020 and second["results"][0]["doc"] == CHENGDE
    assert second["results"][0]["kind"] == "summary"  # 承德's 2020 summary holds the year 2020
    assert second["answer"].startswith("（沿用上文：承德，问题“学前教育怎么安排的”）")


def test_a_year_of_the_same_file_that_lacks_the_topic_says_so(engine):
    # 承德's file holds the 2020 summary and the 2021 plan: 双带头人 is the plan's, the summary never says it
    _, second = converse(engine, "承德高校双带头人党支部书记咋弄", "2020年的呢")
    assert second["status"] == "not_found" and "承德市2020年工作总结没有提到“双带头人”" in second["reason"]
    # asked of the file without a year, a word neither year prints names the file as the catalog does
    third = converse(engine, "承德学校操场塑胶跑道 啥时候翻新")[0]
    assert third["status"] == "not_found" and "所选文件" not in third["reason"]


def test_a_follow_up_naming_only_an_office_narrows_the_topic_to_its_tasks(engine):
    _, second = converse(engine, "达州学前教育有哪些安排", "计财科呢")
    top = second["results"][0]
    assert top["doc"] == DAZHOU and "计财科" in top["lead_offices"] + top["responsible_offices"]


def test_a_question_with_its_own_topic_and_no_place_is_asked_of_every_plan(engine):
    _, second = converse(engine, "遂宁人事科牵头了哪几项", "疫情防控谁牵头")
    assert second["results"][0]["doc"] != SUINING  # 遂宁's plan never mentions 疫情
    assert not second["answer"].startswith("（沿用上文")


def test_a_refusal_keeps_the_conversation_where_it_was(engine):
    context = {"city": "达州", "year": 2020, "office": None, "topic": "职业教育"}
    answer = engine.ask("南充的学前教育呢", context=context)
    assert follow_up_context(answer, context) is context


def test_a_follow_up_naming_another_place_drops_the_previous_year(engine):
    # 2020 was 达州's plan year; 遂宁's plan is 2019's: 那遂宁呢 asks 遂宁's plan, not a 遂宁 2020 plan the corpus lacks
    first, second, third = converse(engine, "达州2020年师德师风怎么抓？", "那遂宁呢", "承德呢？")
    assert (second["results"][0]["doc"], second["results"][0]["task_no"]) == (SUINING, 38)
    assert (third["results"][0]["doc"], third["results"][0]["task_no"]) == (CHENGDE, 25)


def test_a_follow_up_asking_only_for_the_figure_keeps_the_topic(engine):
    *_, last = converse(engine, "遂宁2019年学前三年毛入园率目标是多少？", "承德呢？", "那承德2020年实际达到多少？")
    assert last["answered"] and last["results"][0]["year"] == 2020 and last["results"][0]["item"] == "（一）"
    assert "沿用上文" in last["answer"].split("\n")[0]


def test_eval_replays_follow_up_sessions_turn_by_turn(engine):
    from pathlib import Path
    from assistant.evaluate import evaluate, load_questions
    sessions = [q for q in load_questions(Path(__file__).resolve().parent.parent / "eval" / "compare_calibrate.jsonl")
                if q.get("session") == "cf-s07"]
    result = evaluate(engine, sessions)
    assert result["follow_up_turns_right"] == "3/3" and "cf-s07" not in result["misses"]


def test_a_follow_up_asking_only_who_leads_keeps_the_topic_and_asks_its_offices(engine):
    first, second, third = converse(engine, "遂宁研学旅行咋安排的", "牵头的呢", "那达州呢")
    assert first["intent"] != "lead" and second["intent"] == "lead"
    assert second["results"][0]["doc"] == SUINING and second["results"][0]["task_no"] == 21
    assert second["answer"].startswith("（沿用上文：遂宁，问题“研学旅行咋安排的”）")
    assert third["intent"] == "lead" and third["results"][0]["doc"] == DAZHOU  # the topic, not “牵头的”
    assert "研学" in third["results"][0]["text"]


def test_a_follow_up_asking_last_year_asks_the_plan_a_year_before(engine):
    _, second = converse(engine, "承德学前教育怎么安排的", "去年呢")
    assert second["filters"]["year"] == 2020 and second["results"][0]["doc"] == CHENGDE
    assert second["results"][0]["kind"] == "summary"
    assert "2020年（2021年的上一年）" in second["answer"].split("\n")[0]


def test_a_place_asked_whether_it_has_it_too_keeps_the_topic(engine):
    # 有吗 / 也搞了吗 ask whether the new place has the same topic, not about 有
    _, second = converse(engine, "达州学生资助谁牵头", "遂宁有吗")
    assert second["answer"].startswith("（沿用上文：") and second["results"][0]["doc"] == SUINING
    assert "资助" in second["results"][0]["text"]
    _, third = converse(engine, "长春冰雪进校园咋安排的", "温州也搞了吗")
    assert third["answer"].startswith("（沿用上文：") and third["status"] == "not_found"


def test_a_follow_up_asking_only_a_value_asks_it_of_the_same_task(engine):
    # 评几个 / 谁负责 after 承德's 在线教育示范区 task: that task's count (it prints none: partial), then its offices,
    # not the count again
    first, count, who = converse(engine, "承德 今年 在线教育示范区 标杆校 评选 在哪条", "评几个", "谁负责")
    assert first["answered"] and (first["results"][0]["section"], first["results"][0]["task_no"]) == ("四", 21)
    assert count["status"] == "partial" and (count["results"][0]["section"], count["results"][0]["task_no"]) == ("四", 21)
    assert who["answered"] and (who["results"][0]["section"], who["results"][0]["task_no"]) == ("四", 21)


def test_this_year_after_last_year_goes_back_to_the_citys_latest_plan(engine):
    # 承德 holds its 2020 summary and its 2021 plan: 今年那条 after 20年的呢 is the 2021 task again
    *_, back = converse(engine, "承德 今年 校门值守 六个一律 在哪条", "20年的呢", "今年那条谁负责")
    assert back["answered"] and back["results"][0]["year"] == 2021
    assert (back["results"][0]["section"], back["results"][0]["task_no"]) == ("六", 34)


def test_a_follow_up_asking_which_places_is_asked_of_every_plan_not_the_previous_one(engine):
    first, second = converse(engine, "长春 校车管理 在哪条", "另外 学校请法律顾问 哪几个地方写了")
    assert first["results"][0]["doc"] == CHANGCHUN
    assert second["intent"] == "compare" and len(second["plans"]) == 5


def test_a_follow_up_asking_which_bureau_wrote_it_is_asked_of_every_plan(engine):
    # 是哪家的 asks which plan, as 哪个市的 does: after a 长春 question, 遂宁 (一-2) is the one that has it
    _, second = converse(engine, "长春 请应急管理局的专家 查学校安全 在哪条", "另外 走红色路线 看红色经典 那个活动 是哪家的")
    assert second["intent"] == "compare" and len(second["plans"]) == 5
    assert [p["city"] for p in second["plans"] if p["status"] == "answered"] == ["遂宁"]


def test_a_follow_up_asking_the_same_of_another_office_with_huan_cheng_keeps_the_topic(engine):
    first, second = converse(engine, "达州 自学考试改革 在哪条 谁挑头", "换成计财科呢")
    assert second["intent"] == "lead" and second["results"][0]["doc"] == DAZHOU
    assert (second["results"][0]["section"], second["results"][0]["task_no"]) == ("二", 12)


def test_a_year_only_follow_up_the_conversations_city_has_no_plan_of_asks_that_years_plan(engine):
    _, second, third = converse(engine, "承德今年 兼职督学换届 在哪条", "那19年的呢", "牵头的呢")
    assert second["results"][0]["doc"] == SUINING and second["status"] == "answered"  # 遂宁's is the 2019 plan
    assert third["intent"] == "lead" and third["results"][0]["doc"] == SUINING


def test_a_refused_question_asked_afresh_is_asked_again_of_the_place_a_correction_names(engine):
    first, second = converse(engine, "达州 劳动实践教室 配建 在哪条", "不对 我问的是温州")
    assert first["status"] == "not_found"
    assert second["status"] != "not_found" and second["results"][0]["doc"] == WENZHOU
    assert (second["results"][0]["section"], second["results"][0]["task_no"]) == ("二", 4)


def test_a_refused_follow_up_keeps_the_conversation_where_it_was(engine):
    _, second, third = converse(engine, "达州农村营养餐那个计划谁牵头", "基教科呢", "承德的呢")
    assert second["status"] == "not_found"  # 基教科 does not share that task
    assert third["results"][0]["doc"] == CHENGDE and third["status"] != "not_found"


def test_after_an_office_list_a_turn_naming_only_a_role_or_a_place_lists_that_office_again(engine):
    first, shared, there, both = converse(engine, "遂宁人事科牵头哪些工作", "那它配合的呢", "那达州呢", "都算上呢")
    assert first["intent"] == "office_tasks" and {r["role"] for r in first["results"]} == {"牵头"}
    # 它 is the office: what it shares, of the same plan
    assert shared["intent"] == "office_tasks" and {r["role"] for r in shared["results"]} == {"参与"}
    assert all(r["doc"] == SUINING for r in shared["results"]) and "人事科" in shared["answer"].split("\n")[0]
    # another place: the same office there (达州's 人事师训科) in the role asked last
    assert there["intent"] == "office_tasks" and all(r["doc"] == DAZHOU for r in there["results"])
    assert {r["role"] for r in there["results"]} == {"参与"}
    assert {r["role"] for r in both["results"]} == {"牵头", "参与"}


def test_after_who_leads_a_task_asking_who_shares_it_keeps_the_task(engine):
    first, shared = converse(engine, "达州自学考试改革谁牵头", "那配合的呢")
    assert shared["intent"] == "lead" and shared["results"][0]["doc"] == DAZHOU
    assert (shared["results"][0]["section"], shared["results"][0]["task_no"]) == \
        (first["results"][0]["section"], first["results"][0]["task_no"])


def test_it_after_an_office_was_named_is_that_office_and_asks_its_list(engine):
    # 换成计财科呢 asks the task's offices again with 计财科; 它配合的 can only be the office's: a task does not 配合
    *_, listed = converse(engine, "达州 自学考试改革 在哪条 谁挑头", "换成计财科呢", "那它配合的呢")
    assert listed["intent"] == "office_tasks" and {r["role"] for r in listed["results"]} == {"参与"}
    assert all(r["doc"] == DAZHOU and "计财科" in r["responsible_offices"] + r.get("cooperating_offices", [])
               for r in listed["results"])


def test_a_question_whose_words_the_task_just_cited_holds_continues_its_place(engine):
    # 要创几个基地 after 温州's 研学 task (which speaks of 基地) asks 温州, though it names no place and has no 那…呢
    first, second = converse(engine, "溫州 研學指導師 持證上崗 咋說的", "要创几个基地")
    assert first["results"][0]["doc"] == WENZHOU
    assert second["intent"] != "compare" and second["results"][0]["doc"] == WENZHOU
    assert second["answer"].startswith("（沿用上文：温州")
    # a topic the cited task never mentions is asked of every plan, as before
    _, wide = converse(engine, "遂宁体育产业谁牵头", "疫情防控谁牵头")
    assert wide["intent"] == "compare" and len(wide["plans"]) == 5


def test_a_value_asked_with_words_the_topic_already_says_asks_that_topics_value(engine):
    # 认定 is a word of the topic before: 承德呢 今年认定几所 asks that topic's count of 承德, and 遂宁那边 牵头的是哪个科
    # then still asks of 普惠性民办园认定
    _, count, lead = converse(engine, "达州 普惠性民办园认定 谁牵头", "承德呢 今年认定几所", "遂宁那边 牵头的是哪个科")
    assert count["results"][0]["doc"] == CHENGDE and "认定普惠园10所" in "".join(count["results"][0]["evidence"])
    assert count["answer"].startswith("（沿用上文：问题“普惠性民办园认定")
    assert lead["status"] == "answered" and lead["results"][0]["doc"] == SUINING
    assert (lead["results"][0]["section"], lead["results"][0]["task_no"]) == ("二", 5)


def test_a_refused_follow_up_naming_another_place_moves_the_conversation_there(engine):
    # 承德's 2021 plan says nothing of 九年义务教育巩固率; 20年的呢 then asks 承德's 2020 part, not 达州's
    _, refused, last_year = converse(engine, "达州 九年义务教育巩固率 目标多少", "那承德", "20年的呢")
    assert refused["status"] == "not_found" and refused["filters"]["city"] == "承德"
    assert last_year["results"][0]["doc"] == CHENGDE and last_year["results"][0]["kind"] == "summary"


def test_the_next_or_previous_task_is_the_one_printed_beside_the_task_just_cited(engine):
    first, second, third = converse(engine, "遂宁第25条谁牵头", "下一条呢", "上一条说的啥")
    assert (first["results"][0]["section"], first["results"][0]["task_no"]) == ("四", 25)
    assert second["intent"] == "lead" and second["results"][0]["doc"] == SUINING
    assert second["results"][0]["task_no"] == 26 and second["results"][0]["lead_offices"]
    assert "下一条" in second["answer"].split("\n")[0]  # what was carried is said on the first line
    assert third["results"][0]["task_no"] == 25
    last, beyond = converse(engine, "遂宁最后一条谁牵头", "下一条呢")
    assert last["results"][0]["task_no"] == 42
    assert beyond["status"] == "not_found" and not beyond["results"] and "最后一项" in beyond["answer"]
    _, after_restart = converse(engine, "温州一、第4条 咋说的", "下一条呢")  # 温州 numbers again in every part
    assert (after_restart["results"][0]["section"], after_restart["results"][0]["task_no"]) == ("二", 1)


def test_other_places_after_a_single_answer_compares_the_plans_left(engine):
    """别的地方呢 / 其他市有吗 after an answer from one plan: the same topic, asked of every other plan side by side."""
    first, second = converse(engine, "温州 培训机构纳入网格化管理 是哪条", "别的地方呢")
    assert first["results"][0]["doc"] == WENZHOU
    assert second["intent"] == "compare" and WENZHOU not in [p["doc"] for p in second["plans"]]
    assert len(second["plans"]) == 4 and "温州以外的文件" in second["answer"].split("\n")[0]
    _, third = converse(engine, "达州学生资助谁牵头", "其他市有吗")
    assert third["intent"] == "compare" and DAZHOU not in [p["doc"] for p in third["plans"]]
    assert all(p["status"] != "not_found" for p in third["plans"])  # every other plan has 学生资助


def test_the_nth_one_after_a_comparison_is_the_task_of_the_nth_plan_holding_the_topic(engine):
    """第一个那条谁牵头 / 第二个呢 after a comparison: the blocks that hold the topic, in the plans' order."""
    first, second, third = converse(engine, "局机关干部学法 法律进机关这种 几个市写了", "第一个那条 谁牵头", "第二个呢")
    held = [p for p in first["plans"] if p["status"] != "not_found"]
    assert len(held) >= 2
    assert (second["results"][0]["doc"], second["results"][0]["task_no"]) == (held[0]["doc"],
                                                                              held[0]["results"][0]["task_no"])
    assert (third["results"][0]["doc"], third["results"][0]["task_no"]) == (held[1]["doc"],
                                                                             held[1]["results"][0]["task_no"])
    assert "牵头科室" in second["answer"] and "第一个" in second["answer"].split("\n")[0]
    fourth = converse(engine, "局机关干部学法 法律进机关这种 几个市写了", "第九个呢")[1]
    assert fourth["status"] == "not_found" and "没有第九个" in fourth["reason"]


def test_the_last_block_its_offices_and_its_offices_list_after_a_comparison(engine):
    """最后那个 is the last block's task; 配合的科室呢 asks the compared topic's offices again, not a topic of 配合;
    第一个那个电教中心 一共牵头几项 is that office's list in the first block's plan, not a count in the task."""
    first, last = converse(engine, "普惠性民办园 扶持 认定 达州 承德 长春 咋写的", "最后那个 原文发我")
    held = [p for p in first["plans"] if p["status"] != "not_found"]
    assert (last["results"][0]["doc"], last["results"][0]["task_no"]) == (held[-1]["doc"],
                                                                          held[-1]["results"][0]["task_no"])
    compared, again = converse(engine, "达州 遂宁 长春 足球特色学校 各定了多少所", "配合的科室呢")
    assert again["intent"] == "compare"
    assert [p["results"][0]["task_no"] for p in again["plans"] if p["results"]] == \
        [p["results"][0]["task_no"] for p in compared["plans"] if p["results"]]
    _, listed = converse(engine, "实验教学 达州 遂宁 咋要求的", "第一个那个电教中心 一共牵头几项")
    assert listed["intent"] == "office_tasks" and listed["answered"]
    assert {r["doc"] for r in listed["results"]} == {DAZHOU} and len(listed["results"]) >= 2


def test_that_citys_task_after_a_comparison_is_the_task_its_block_cited(engine):
    # 承德's block holds 组织网络安全演习 (四 21); asked afresh, 承德 lacks 攻防 and would be refused
    first, second = converse(engine, "网络安全演练 攻防演练 谁家搞得最勤", "那承德那条谁负责")
    assert any(p["doc"] == CHENGDE and p["status"] == "answered" for p in first["plans"])
    r = second["results"][0]
    assert (r["doc"], r["section"], r["task_no"]) == (CHENGDE, "四", 21) and second["intent"] == "lead"
    assert r["responsible_offices"] == ["电教馆"] and second["answer"].startswith("（沿用上文")


def test_a_follow_up_asking_only_a_role_after_a_comparison_compares_the_same_plans_again(engine):
    """只看牵头的 after 达州 承德 长春 各是哪个科在管: the three plans compared again, not one task of one plan."""
    first, second = converse(engine, "老师编制这块 达州 承德 长春 各是哪个科在管", "只看牵头的")
    assert [p["city"] for p in first["plans"]] == ["达州", "承德", "长春"]
    assert second["intent"] == "compare" and [p["city"] for p in second["plans"]] == ["达州", "承德", "长春"]
    assert [(p["results"][0]["section"], p["results"][0]["task_no"]) for p in second["plans"]] == [
        ("五", 33), ("五", 27), ("五", 21)]
    assert second["answer"].startswith("（沿用上文：比较的达州、承德、长春")


def test_a_follow_up_asking_who_leads_does_not_ask_again_the_value_asked_before(engine):
    """那就看达州的 谁牵头 after a comparison asking when: who leads is asked, not the date again (the lead was shown
    as a missing date); the words that asked the earlier value (各办到第几届了) weigh nothing in the later turn."""
    _, lead = converse(engine, "校外培训机构整治 达州 长春 遂宁 啥时候搞 定时间没", "那就看达州的 谁牵头")
    assert lead["status"] == "answered" and lead["results"][0]["doc"] == DAZHOU and "时间" not in lead["reason"]
    *_, again = converse(engine, "经典诵读比赛 承德 长春 达州 各办到第几届了", "那就看长春的 谁牵头", "几月办 写了没",
                         "那承德呢", "承德那条谁负责")
    assert again["status"] == "answered" and again["results"][0]["doc"] == CHENGDE


def test_a_bare_change_of_place_asks_the_value_the_last_turn_asked(engine):
    """那承德呢 after 几月办 写了没 asks 承德's month (its plan prints none), not the edition the session began with."""
    *_, month, chengde = converse(engine, "经典诵读比赛 承德 长春 达州 各办到第几届了", "那就看长春的 谁牵头",
                                  "几月办 写了没", "那承德呢")
    assert month["status"] == "partial" and "时间" in month["reason"]
    r = chengde["results"][0]
    assert (r["doc"], r["section"], r["task_no"]) == (CHENGDE, "二", 9)
    assert chengde["status"] == "partial" and "时间" in chengde["reason"]
    # a question asked afresh names its place and year in its own clause: 承德呢 asks the rate, not 遂宁's 2019
    _, rate = converse(engine, "遂宁2019年学前三年毛入园率目标是多少？", "承德呢？")
    assert rate["status"] == "answered" and rate["results"][0]["doc"] == CHENGDE and "92%" in rate["answer"]


def test_a_turn_about_a_part_of_the_task_just_cited_is_asked_of_that_task(engine):
    """三年从哪年算起 after 遂宁's 集团化办学 task (给予3年经费扶持): that task, whose 3年 is the 三年 asked; 那长春呢
    next asks 长春's 集团化办学, not a 长春 task that says 三年."""
    *_, part, changchun = converse(engine, "集团化办学 扶持给几年 遂宁 长春 承德 咋写", "那就看遂宁的 谁牵头",
                                   "三年从哪年算起 写了没", "那长春呢")
    r = part["results"][0]
    assert (r["doc"], r["section"], r["task_no"]) == (SUINING, "二", 11) and part["status"] == "partial"
    r = changchun["results"][0]
    assert (r["doc"], r["section"], r["task_no"]) == (CHANGCHUN, "三", 11) and changchun["status"] == "partial"


def test_a_follow_up_can_take_a_place_out_of_a_comparison_put_it_back_or_swap_it(engine):
    """温州那个不要了 leaves 温州 out of the comparison before (not a topic word 不要); 温州还是加上吧 puts it back;
    长春换成遂宁 puts 遂宁 in 长春's place and keeps 达州."""
    first, fewer = converse(engine, "各市 民办学校分类登记 分类管理 咋写的", "温州那个不要了 只看另外几个")
    assert len(first["plans"]) == 5 and [p["city"] for p in fewer["plans"]] == ["达州", "承德", "遂宁", "长春"]
    assert any(p["status"] == "answered" for p in fewer["plans"])
    *_, back = converse(engine, "长春 特教资源教室 要给几所学校配设备", "其他几个市呢 温州不用看", "哦 温州还是加上吧")
    assert [p["city"] for p in back["plans"]] == ["达州", "温州", "承德", "遂宁"]
    _, swapped = converse(engine, "达州 长春 放管服 咋写的", "不对 长春换成遂宁")
    assert [p["city"] for p in swapped["plans"]] == ["达州", "遂宁"]
    assert next(p for p in swapped["plans"] if p["city"] == "达州")["status"] == "answered"


def test_a_role_said_not_to_be_the_one_asked_is_not_asked(engine):
    """是参与的 不是牵头的: the shared role is asked, the lead taken back (not both roles because both are said)."""
    q, _ = engine.reading("遂宁人事科 是参与的 不是牵头的 有哪些")
    assert q.intent == "office_tasks" and q.role == "shared"
    q, _ = engine.reading("遂宁人事科 不是配合的 是牵头的 有哪些")
    assert q.intent == "office_tasks" and q.role == "lead"


def test_going_back_to_a_place_or_its_block_continues_the_conversation_there(engine):
    """回到达州 … / 回到达州那条: back to a place or a block the conversation spoke of, never a topic word 回到 (which a
    plan prints): the office's list again for 达州, and 达州's block of the comparison with its offices."""
    *_, third = converse(engine, "达州职成科牵头哪些", "那遂宁呢", "回到达州 职成科还lead啥")
    assert third["intent"] == "office_tasks" and {r["doc"] for r in third["results"]} == {DAZHOU}
    *_, back = converse(engine, "巴中 达州 学校食堂 校长陪餐 家长监餐 咋写的", "遂宁呢", "回到达州那条 谁挑头 还有谁配合")
    assert back["answered"] and back["intent"] == "lead"
    assert (back["results"][0]["doc"], back["results"][0]["section"], back["results"][0]["task_no"]) == (DAZHOU, "三", 22)


def test_going_back_to_a_place_returns_to_the_task_cited_for_it_turns_before(engine):
    """回到遂宁那条, after a turn on another place and a comparison of another topic that 遂宁 lacks: the task cited
    for 遂宁 then, not the last topic asked of 遂宁 afresh; 配合的都有谁 asks its offices."""
    first, _, compared, back = converse(engine, "遂宁 体育产业 在哪条 谁牵头", "那长春呢", "另外 军训 哪几个市写了",
                                        "回到遂宁那条 配合的都有谁")
    assert compared["intent"] == "compare" and SUINING not in {p["doc"] for p in compared["plans"]
                                                               if p["status"] != "not_found"}
    cited = lambda answer: (answer["results"][0]["doc"], answer["results"][0]["section"], answer["results"][0]["task_no"])
    assert back["intent"] == "lead" and back["answered"] and cited(back) == cited(first)
    assert first["results"][0]["doc"] == SUINING and "回到" not in back["reason"]


def test_an_office_described_by_what_it_handles_is_each_plans_office_for_it(engine):
    """管钱的那个科: 遂宁's 计财科, 承德's 规划财务（审计）科 (money is what their 财 stands for)."""
    _, suining, chengde = converse(engine, "承德督导室负责哪些", "遂宁管钱的那个科呢", "承德管钱的那个科呢")
    assert suining["intent"] == chengde["intent"] == "office_tasks"
    head = lambda answer: "\n".join(answer["answer"].split("\n")[:3])  # the line naming the office listed
    assert "计财科" in head(suining) and "规划财务（审计）科" in head(chengde)


def test_a_follow_up_naming_two_places_compares_them_on_the_topic(engine):
    """达州 遂宁 有没有 after a 长春 question: the topic asked of both, side by side, not of 达州 alone."""
    *_, last = converse(engine, "长春 幼儿园老师培训那个三年计划 在哪条", "承德那边呢", "达州 遂宁 有没有")
    assert last["intent"] == "compare" and [p["doc"] for p in last["plans"]] == [DAZHOU, SUINING]
    assert "幼儿园老师培训" in last["answer"].split("\n")[0]  # the topic carried is said in the first line


def test_a_place_after_picking_a_compared_block_asks_the_compared_topic(engine):
    """第二个谁牵头 picks 遂宁's block of 矛盾纠纷 排查化解; 那温州呢 then asks 温州 of 矛盾纠纷, not of 谁牵头."""
    *_, pick, last = converse(engine, "达州 遂宁 矛盾纠纷 排查化解 各咋写的", "第二个谁牵头", "那温州呢")
    assert pick["results"][0]["doc"] == SUINING
    assert "矛盾纠纷" in last["answer"].split("\n")[0]
