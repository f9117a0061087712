"""Questions across plans get one block per plan in scope, in the corpus's order, by the same answerability rules
as a single answer, plus a table; 承德's 2020 summary and 2021 plan answer 去年/今年 side by side."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHANGCHUN, CHENGDE, DAZHOU, SUINING, WENZHOU
from assistant.retrieval.details import asked_detail


def blocks(answer: dict) -> list[tuple]:
    return [(p["doc"], p["year"], p["status"], (p["results"][0]["section"], p["results"][0]["task_no"])
             if p["results"] else None) for p in answer["plans"]]


def test_a_question_across_all_plans_gets_one_block_per_plan(ask):
    a = ask("各地在学前教育上分别有什么目标？")
    assert a["intent"] == "compare"
    assert [p["doc"] for p in a["plans"]] == [DAZHOU, WENZHOU, CHENGDE, SUINING, CHANGCHUN]
    tops = {doc: top for doc, _, _, top in blocks(a)}
    assert tops[DAZHOU] == ("四", 23) and tops[WENZHOU] == ("三", 1)
    assert tops[CHENGDE] == ("三", 10) and tops[SUINING] == ("二", 5)
    assert tops[CHANGCHUN] == ("三", 10)  # not 七、32 (督导), which names 学前教育 and 目标 in passing
    assert "| 文件 | 任务 | 牵头 | 责任 | 原文 |" in a["answer"]
    assert "| 遂宁市2019年工作要点 | 二、第5项「提高学前教育普惠发展水平」 | 计财科 |" in a["answer"]


def test_bi_yi_bi_asks_to_compare_and_a_plan_phrase_stands_for_its_shortening(ask):
    # 比一比 is no topic (not 一比, a slip of 一批); 长春 prints 双高 in full: 中国特色高水平高职学校
    a = ask("温州和长春的双高计划 比一比")
    assert a["intent"] == "compare"
    assert blocks(a) == [(WENZHOU, 2022, "answered", ("四", 2)), (CHANGCHUN, 2020, "answered", ("四", 16))]


def test_a_plan_without_the_topic_says_not_covered(ask):
    a = ask("哪些地方提到了课后服务？")
    statuses = {doc: status for doc, _, status, _ in blocks(a)}
    assert statuses[DAZHOU] == "not_found" and statuses[SUINING] == "answered"
    assert "**《达州市2020年工作要点》：未涉及**" in a["answer"]
    assert a["answer"].startswith("**共 5 个文件，")


def test_a_plan_holding_one_of_the_listed_topics_is_answered(ask):
    """教师交流轮岗、县管校聘: 达州 has the first, not the second; it is not 未涉及 because 承德 has the second."""
    a = ask("各地在教师交流轮岗、县管校聘方面怎么做？")
    tops = {doc: (status, top) for doc, _, status, top in blocks(a)}
    assert tops[DAZHOU] == ("answered", ("五", 33)) and tops[CHENGDE] == ("answered", ("五", 27))


def test_a_plan_printing_the_synonym_of_the_asked_word_is_covered(ask):
    """宽带 and 带宽 (synonyms.tsv): 遂宁 prints 出口带宽, 长春 宽带网络; neither is 未涉及 for the other's word."""
    a = ask("遂宁和长春的学校宽带 对比一下")
    tops = {doc: (status, top) for doc, _, status, top in blocks(a)}
    assert tops[SUINING] == ("answered", ("二", 9)) and tops[CHANGCHUN] == ("answered", ("六", 27))


def test_one_topic_lacking_its_distinctive_word_stays_not_covered(ask):
    a = ask("化学实验室的废液处理 哪个市要配设备")
    assert a["results"][0]["doc"] == CHANGCHUN
    assert [doc for doc, _, status, _ in blocks(a) if status != "not_found"] in ([], [CHANGCHUN])


def test_two_cities_named_are_compared(ask):
    a = ask("比较一下达州和遂宁的教师队伍建设")
    assert [(doc, status) for doc, _, status, _ in blocks(a)] == [(DAZHOU, "answered"), (SUINING, "answered")]


def test_a_place_the_corpus_lacks_named_among_compared_ones_gets_a_block_saying_so(ask, engine):
    # 宁波 has no plan here: 温州 and 长春 are still compared, and 宁波's block says the corpus lacks it
    a = ask("宁波 温州 长春 三家 名师送教下乡这块 各咋写的？")
    assert a["intent"] == "compare"
    blocks = {p["city"]: p for p in a["plans"]}
    assert set(blocks) == {"温州", "长春", "宁波"}
    assert blocks["宁波"]["status"] == "not_found" and "没有宁波" in blocks["宁波"]["reason"]
    assert blocks["宁波"]["doc"] is None and blocks["宁波"]["year"] is None  # no document: null, not a file name
    assert blocks["长春"]["status"] == "answered"
    assert "文件库中没有宁波的工作要点" in a["answer"]
    # a place the corpus lacks named alone is refused whole, as before
    b = ask("宁波的名师送教下乡咋写的")
    assert b["status"] == "not_found" and not b["plans"] and "没有宁波" in b["answer"]


def test_last_year_and_this_year_side_by_side(ask):
    a = ask("承德去年学前教育做了什么，今年要做什么？")
    assert [(doc, year) for doc, year, _, _ in blocks(a)] == [(CHENGDE, 2020), (CHENGDE, 2021)]
    summary, plan = a["plans"]
    assert summary["results"][0]["kind"] == "summary" and plan["results"][0]["task_no"] == 10
    assert "《承德市2020年工作总结》" in a["answer"] and "《承德市2021年工作要点》三、第10项" in a["answer"]


def test_a_question_naming_no_place_whose_topic_several_plans_hold_is_answered_per_plan(ask):
    a = ask("课后服务怎么搞")
    assert a["intent"] == "compare" and a["answer"].startswith("**共 5 个文件，")
    b = ask("打击隐形变异培训是在哪项任务里?")  # one plan holds it: a single answer
    assert b["intent"] != "compare" and b["answered"] and not b["plans"]


def test_which_plan_holds_it_cites_the_plan_holding_the_question_best_first(ask):
    """哪个市写了 with several plans near the topic: the blocks keep the plans' order, the answer's own citation (the one
    a follow-up keeps, the chat's sources panel) is the task holding all of the question, 长春's 换届 task."""
    a = ask("党支部到期换届选举 哪个市写了")
    assert a["intent"] == "compare" and [p["doc"] for p in a["plans"]][:2] == [DAZHOU, WENZHOU]
    assert (a["results"][0]["doc"], a["results"][0]["section"], a["results"][0]["task_no"]) == (CHANGCHUN, "九", 36)


def test_plans_holding_as_much_of_a_placeless_question_as_the_best_one_are_answered_per_plan(ask):
    a = ask("研学基地、研学游有啥安排")  # every plan holds 研学基地, no plan's best task holds 研学游
    assert a["intent"] == "compare" and [p["status"] for p in a["plans"]] == ["answered"] * 5
    assert blocks(a)[0][3] == ("二", 7) and blocks(a)[3][3] == ("三", 21)


def test_a_plan_word_jieba_lists_without_a_frequency_is_read_whole(ask):
    # jieba's dictionary lists 线上 at frequency 0: read apart (线 / 上) the question asked only about 教学
    a = ask("承德的线上教学2020年做了什么，2021年还打算怎么做？")
    assert blocks(a)[1][3] == ("四", 21)


def test_two_years_named_are_side_by_side_like_last_year_and_this(ask):
    a = ask("承德的线上教学2020年做了什么，2021年还打算怎么做？")
    assert [(doc, year) for doc, year, _, _ in blocks(a)] == [(CHENGDE, 2020), (CHENGDE, 2021)]
    assert blocks(a)[0][3] == ("二", None)  # the 2020 summary's item on 线上教学
    assert "线上教学" in a["plans"][0]["results"][0]["title"]



# Regression floors on the held-back comparison sets, as this build measured them (2026-12-02): plan blocks right,
# comparisons right in every block, follow-up turns right
COMPARE_FLOORS = {
    "compare_heldout.jsonl": (60, 15, 17),  # 60/63, 15/18, 17/21
    # 2026-12-02d (common function words such as 本地 never distinctive; year-over-year clauses asked of their year):
    # one block fewer here, one more in batches 6 and 8 and in batch 12's held half
    "compare_batch2_heldout.jsonl": (66, 13, 8),  # 66/74, 13/18, 8/8 (was 67/74, 14/18)
    # 2026-12-08: a plan whose best task holds under half of what the best-holding plan's task holds, short of one of
    # the question's two heaviest words, is 未涉及 (COMPARED_SHARE): calibration blocks 727 -> 742/856, all right
    # 145 -> 149; held-back blocks over all sets 851 -> 855/1045, all right 164 -> 163, turns 294 -> 295; here
    # 118 -> 111 blocks, 23 -> 21, in batch 12 27 -> 26, 8 -> 7, in batch 5 39 -> 41, 8 -> 7
    "compare_batch3.jsonl": (111, 21, 9),  # 111/130, 21/31, 9/11 (was 118, 23)
    # a plan printing the topic's words only in separate tasks is 未涉及 (2026-12-02c): +2 blocks on calibration,
    # one block fewer here
    "compare_batch4_heldout.jsonl": (46, 8, 13),  # 46/52, 8/13, 13/15 (2026-12-02e; was 45/52)
    # 2026-12-04c: a topic said twice apart (城乡义务教育一体化 缩小城乡差距这块) is held by a plan holding either way
    # of saying it: calibration blocks +8 (batches 10 and 16), held-back and measuring-only blocks +3 over all sets, two
    # fewer here and in batch 11
    "compare_batch5_heldout.jsonl": (41, 7, 12),  # 41/45, 7/11, 12/14 (2026-12-08; was 39/45, 8/11)
    "compare_batch6.jsonl": (52, 12, 22),  # 52/63, 12/17, 22/23 (2026-12-02d; was 51/63)
    "compare_batch7_heldout.jsonl": (33, 4, 11),  # 33/39, 4/9, 11/12 (first measured whole: 62/75 over both halves)
    # (2026-12-04, parser 23: 达州's PDF copy now reads 达州中医职院 where it printed 达州中 医职院, and a placeless
    # question's 中意 — printed by 温州 — is read as a typing slip for 达州's 中医, so 达州 counts as holding the topic:
    # one turn 23 -> 22. Letting a word printed in the asked plans be no slip regained it but cost held batch 3 three
    # blocks, and no calibration set moved either way: not kept)
    # (later the same day the comparison's citation led with the plan holding the question best, and the turn came back)
    "compare_batch8.jsonl": (49, 9, 23),  # 49/66, 9/17, 23/24, never read (2026-12-02d; was 48/66, 8/17)
    # 2026-12-03c: a plan is a file and a year, so 2020年的呢 after a 2021 task the summary lacks is refused (calibration
    # turns +1, held-back turns +1 over all sets); here the carried 岗前 of 新老师岗前培训 is missing from the summary's
    # teacher item, 9 -> 8 turns
    "compare_batch9_heldout.jsonl": (30, 5, 8),  # 30/44, 5/11, 8/9 (first measured whole: 51/70, 9/18, 20/23)
    "compare_batch10_heldout.jsonl": (30, 5, 11),  # 30/34, 5/9, 11/12 (2026-12-04b: 9 -> 11 turns; first measured whole: 54/65, 9/18, 18/24)
    # 2026-12-03: one plan's block turned 未涉及 by the rule on words no plan uses (was 38/45, 6/11)
    # 2026-12-05: inserts read inline in BM25 and chance runs (高校|服务 spells 校服) no mention: 35 -> 34/45, 4 -> 3/11
    "compare_batch11_heldout.jsonl": (34, 3, 4),  # 34/45, 3/11, 4/6 (2026-12-04c, was 37/45, 5/11; first measured whole: 56/66, 10/18, 17/23)
    "compare_batch12_heldout.jsonl": (26, 7, 11),  # 26/28, 7/9, 11/15 (2026-12-08, was 27, 8, 10; first measured whole: 54/63, 12/17, 19/24)
    "compare_batch13_heldout.jsonl": (19, 5, 10),  # 19/24, 5/8, 10/11 (first measured whole: 39/61, 9/17, 21/23)
    "compare_batch14_heldout.jsonl": (14, 3, 11),  # 14/20, 3/5, 11/13 (first measured whole: 47/61, 10/17, 18/21)
    "compare_batch15_heldout.jsonl": (17, 5, 3),  # 17/18, 5/6, 3/4 (first measured whole: 35/43, 8/12, 9/10)
    "compare_batch16_heldout.jsonl": (26, 5, 14),  # 26/29, 5/7, 14/16 (first measured whole: 56/74, 10/18, 15/18)
    # the way staff phrase a comparison in a work chat (谁家X搞得早, 就长春提了吧, 哪几个市没提, 转：…汇总一下), 2026-12-04e
    "compare_batch17_heldout.jsonl": (18, 2, 8),  # 18/36, 2/8, 8/10 (first measured whole: 45/74, 8/18, 16/20)
    # a section chief's meeting brief: who leads and when across plans (各地X都是哪个科牵头, 有时间表没), 2026-12-04f
    "compare_batch18_heldout.jsonl": (26, 4, 10),  # 26/38, 4/10, 10/15 (first measured whole: 54/72, 7/18, 15/20)
    # conversations that go on (评几个, 那啥时候完成, 回到达州, 今年那条), 2026-12-04g: a value asked alone is asked of
    # the same task, 今年 after 20年的呢 goes back (16/32 -> 24/32 turns here)
    "compare_batch19_heldout.jsonl": (11, 2, 24),  # 11/13, 2/4, 24/32 (first measured whole: 42/52, 7/14, 34/57)
    # topics earlier sets left (作业管理, 文明校园, 人人通, 公费师范生), corrections inside a conversation (不对 我问的是长春,
    # 不是这条), 2026-12-05: first measured whole 64/81, 12/20, 25/35, office lists 5/6; split, calibration half read
    "compare_batch20_heldout.jsonl": (34, 7, 12),  # 34/39, 7/10, 12/17 (office lists 2/3, 3/3 since an office's
    # bracketed second name is one of its names)
    # narrower topics (幼儿园评等级, 驻局纪检组, 医教结合), office lists asked with the list word left out (光它挑头的) or
    # by a unit's bracketed second name (国防教育办), 2026-12-06: first measured whole 57/82, 9/20, 22/31, office lists
    # 3/6; split, calibration half read
    "compare_batch21_heldout.jsonl": (27, 4, 9),  # 27/40, 4/10, 9/16 (office lists 3/3)
    # figures and who leads compared across plans (新建幼儿园 哪个市最多, 各地X哪个科牵头), follow-ups switching from a
    # figure to its office or another plan, 2026-12-06b: first measured whole 61/82, 10/20, 27/37, office lists 6/6;
    # split, calibration half read
    "compare_batch22_heldout.jsonl": (26, 5, 15),  # 26/40, 5/10, 15/19 (office lists 3/3)
    # places given in odd ways (两个四川的, 北方那俩, 除了温州的, 浙江那个), topics in everyday words (娃上学远, 老师没地方
    # 住), 2026-12-06c: first measured whole 47/75, 6/20, 26/32, office lists 5/6; split, calibration half read
    # 2026-12-07 (places by province, part of the country and exclusion: 20/35 -> 23/35 here)
    "compare_batch23_heldout.jsonl": (23, 3, 13),  # 23/35, 3/10, 13/16 (office lists 3/3)
    # plans named by year or kind (20年那两份, 最新那份, 四川以外那仨), deadlines and organisation compared, follow-ups
    # changing only the year or the office (那19年的呢, 换成计财科呢), office lists in everyday role words (挑大梁,
    # 打下手), 2026-12-07: first measured whole 41/71, 6/20, 16/35, office lists 3/6; split, calibration half read
    # (17/30; 16/30 since listed topics are compared one by one: cc24-016's 温州 holds 语言文字 of 语言文字达标校,
    # one topic of two, and is read as holding part of the question)
    "compare_batch24_heldout.jsonl": (16, 3, 10),  # 16/30, 3/10, 10/17 (office lists 3/3)
    # comparisons asked as a report table's counts and exclusions (是不是五个都有, 除了长春都有吗, 哪俩市没写), a single
    # answer turned into a comparison by 别的地方呢, offices by full name or by a word of it (机关党委办公室, 督导那个科),
    # 2026-12-10: first measured whole 56/82, 8/20, 20/35, office lists 2/6; split, calibration half read
    # 27 blocks until 2026-12-19: 专门 (专门写了) now weighs nothing, as asker talk; in cc26-002 遂宁 had been refused
    # for lacking it, and its 高危险性体育项目 (high-risk sports) is now read as holding 高危 (children at high risk)
    "compare_batch26_heldout.jsonl": (26, 3, 10),  # 26/41, 3/10, 10/19 (office lists 1/3)
    # a planning office's cross-city table of figures and roles (各地今年新建几所, 哪几个市给了完成时限, 各市谁牵头),
    # 承德's figures year over year, office lists as a ledger asks them, follow-ups drilling into one block,
    # 2026-12-11: first measured whole 67/96, 10/24, 11/19, office lists 3/6; split, calibration half read
    "compare_batch27_heldout.jsonl": (28, 4, 7),  # 28/47, 4/12, 5/10 at the split, 7/10 since 那承德那条 cites the block (office lists 1/3)
    # rankings and "which one / which not" across plans (哪个市目标最高, 就一个市写了吧), places mistyped or shortened
    # (达洲, 承徳, 河北那份), office lists as rankings, 2026-12-11: first measured whole 50/90, 11/24, 9/17, office
    # lists 1/6; split, calibration half read
    "compare_batch28_heldout.jsonl": (22, 4, 6),  # 22/45, 4/12, 6/9 (office lists 0/3)
    # comparisons and follow-ups typed as terse keywords (学区制 各市, 换遂宁, 几所?), 2026-12-12: first measured whole
    # 57/75, 10/20, 19/33, office lists 0/6; split, calibration half read
    "compare_batch29_heldout.jsonl": (31, 7, 11),  # 31/38, 7/10, 11/17 (office lists 0/3)
    # sub-topics inside tasks compared across plans (家务劳动, 第三方进课后服务, 师德档案) and offices named as colleagues
    # say them (招办, 搞财务的, 人事那边), 2026-12-13: first measured whole 51/77, 9/20, 21/27, office lists 1/8; split,
    # calibration half read
    "compare_batch30_heldout.jsonl": (22, 5, 12),  # 22/36, 5/10, 12/14 (office lists 1/4)
    # an office preparing a meeting (我们计财科那块各地都咋写的) and long conversations that wander (a comparison, one
    # city, another office, back to the topic in a new city, a new topic with no city), 2026-12-15: first measured
    # whole 37/73, 5/18, 37/55, office lists 2/8; split
    "compare_batch31_heldout.jsonl": (19, 3, 19),  # 19/37, 3/8, 19/27 (office lists 0/4)
    # conversations that point back (这两个市, 上面那个科, 回到刚才…) and switch one thing at a time (the role, the
    # detail, the office, the place), 2026-12-16: first measured whole 52/61, 10/15, 49/76, office lists 3/6; split
    "compare_batch32_heldout.jsonl": (21, 4, 25),  # 21/27, 4/7, 25/38 (office lists 1/3)
    # a report outline: several topics at once across cities (学前、义教、普高三块各定了啥目标), two offices' lists at
    # once, then narrowing to one topic, city or detail and widening again, 2026-12-17: first measured whole 51/67,
    # 7/17, 44/67, office lists 0/5; split
    "compare_batch33_heldout.jsonl": (33, 4, 23),  # 33/37, 4/8, 23/35 (office lists 0/2)
    # who does what across cities: one topic's lead and responsible offices compared, an office (or its counterpart)
    # counted across plans, 承德's lead last year and this, 2026-12-18: first measured whole 60/67, 11/17, 39/51, office
    # lists 4/10; split
    "compare_batch34_heldout.jsonl": (29, 5, 23),  # 29/33, 5/8, 23/26 (office lists 1/5)
    # discovery: which plans mention a topic asked with no place (in all, some, one or none), then narrowing to one
    # plan, a role, a detail it does not print, a new topic, 2026-12-19: first measured whole 71/89, 8/22, 32/50, office
    # lists 3/4; split
    "compare_batch35_heldout.jsonl": (38, 5, 17),  # 38/43, 5/10, 17/25 (office lists 2/2)
    # when: a topic's deadline or time node compared across plans (partial where the task prints no time), rankings
    # (最早, 一样吗), 承德 last year and this, offices' dated tasks, 2026-12-20: first measured whole 54/86, 6/20, 45/59,
    # office lists 0/3; split
    "compare_batch36_heldout.jsonl": (22, 1, 24),  # 22/42, 1/9, 24/30 (office lists 0/1)
    # corrections and repairs: 不对 我问的是达州的, 不是牵头的 是配合的, 我说错了 是2021年的, 重新问, a scope narrowed or
    # widened inside one message (温州除外), 2026-12-21: first measured whole 12/29, 3/11, 42/88, office lists 1/3; split
    "compare_batch37_heldout.jsonl": (6, 2, 25),  # 6/16, 2/5, 25/44 (office lists 1/1)
    "compare_batch38_heldout.jsonl": (16, 1, 25),  # 16/21, 1/6, 25/42 (office lists 2/2)
    "compare_batch39_heldout.jsonl": (29, 5, 14),  # 29/38, 5/9, 14/25 (office lists 2/2)
    # the issue's own mix across plans (各地, 分别, 和…相比, two cities, a city the corpus lacks; place, year and office
    # follow-ups; office lists by role), 2026-12-25: first measured whole 59/81, 8/19, 18/40, office lists 3/5; split
    "compare_batch40_heldout.jsonl": (35, 5, 9),  # 35/42, 5/9, 9/17 (office lists 1/2)
    # the mix across plans again, 2026-12-26: first measured whole 38/63, 5/19, 24/40, office lists 4/5; split;
    # its one-plan blocks inside sessions put as single turns, as earlier sessions write them
    "compare_batch41_heldout.jsonl": (25, 3, 15),  # 25/35, 3/9, 15/18 (office lists 2/2)
    "compare_batch42_heldout.jsonl": (31, 3, 14),  # 31/40, 3/9, 14/18 (office lists 1/2)
    "compare_batch43_heldout.jsonl": (25, 5, 10),  # 25/31, 5/9, 10/17 (office lists 2/2)
    "compare_batch44_heldout.jsonl": (37, 6, 10),  # 37/42, 6/9, 10/18 (office lists 1/2)
    "compare_batch45_heldout.jsonl": (34, 6, 9),  # 34/41, 6/10, 9/13 (office lists 2/2)
    "compare_batch46_heldout.jsonl": (33, 4, 11),  # 33/44, 4/10, 11/13 (office lists 1/2)
    "compare_batch47_heldout.jsonl": (33, 5, 8),  # 33/41, 5/10, 8/12 (office lists 2/2)
}


@pytest.mark.parametrize("name", sorted(COMPARE_FLOORS))
def test_heldout_comparisons_stay_within_the_measured_bounds(engine, name):
    from assistant.evaluate import evaluate, load_questions
    blocks_min, all_min, turns_min = COMPARE_FLOORS[name]
    result = evaluate(engine, load_questions(Path(__file__).resolve().parent.parent / "eval" / name))
    assert int(result["plan_blocks_right"].split("/")[0]) >= blocks_min, result["misses"]
    assert int(result["comparisons_all_right"].split("/")[0]) >= all_min, result["misses"]
    assert int(result["follow_up_turns_right"].split("/")[0]) >= turns_min, result["misses"]


def test_a_plan_holding_the_topics_words_only_in_separate_tasks_has_not_covered_it(ask):
    # 长春 prints 督学 (task 32) and 换届 (task 36, 党组织换届) apart; 承德 20 and 遂宁 28 speak of 督学换届 together
    a = ask("督学换届 各地有没有安排")
    statuses = {p["doc"]: p["status"] for p in a["plans"]}
    assert statuses[CHANGCHUN] == "not_found" and statuses[CHENGDE] == statuses[SUINING] == "answered"
    b = ask("长春督学换届")
    assert b["status"] == "not_found" and "没有一项任务同时提到“督学”和“换届”" in b["reason"]
    assert any(e["doc"] == CHENGDE and e["task_no"] == 20 for e in b["elsewhere"])


def test_a_refusal_never_names_a_piece_of_a_word_beside_the_word(ask):
    # 离退 is jieba's piece of 离退休: 温州 lacks one thing, not two
    a = ask("离退休老干部的服务 各地都有吗")
    wenzhou = next(p for p in a["plans"] if p["doc"] == WENZHOU)
    assert wenzhou["status"] == "not_found"
    assert "“离退休”" in wenzhou["reason"] and "“离退”" not in wenzhou["reason"]
    # two words held apart are both named: 长春 has 督学 and 换届, in no one task
    b = ask("督学换届 今年哪些地方要换")
    changchun = next(p for p in b["plans"] if p["doc"] == CHANGCHUN)
    assert changchun["status"] == "not_found" and "同时提到“督学”和“换届”" in changchun["reason"]


def test_what_is_asked_of_last_year_is_not_asked_of_this_years_plan(ask):
    # 多少师德标兵 is asked of 2020 (the summary); 今年还搞表彰吗 of the 2021 plan, which prints no count and no 标兵
    a = ask("承德去年表彰了多少师德标兵，今年还搞表彰吗")
    years = {p["year"]: p for p in a["plans"]}
    assert years[2020]["status"] == "answered" and years[2021]["status"] == "answered"
    assert years[2021]["results"][0]["task_no"] == 25
    b = ask("承德大班额去年消除得咋样 今年有啥要求")  # 大班额, said before 去年, is asked of both years
    assert {p["year"]: p["status"] for p in b["plans"]} == {2020: "answered", 2021: "answered"}


def test_each_year_is_asked_the_value_its_own_clause_asks(ask):
    # 去年…几所 asks a count of the 2020 summary (新建、改扩建幼儿园37所); 今年…投多少钱 an amount of the 2021 plan
    a = ask("承德去年新建改扩建了几所幼儿园 今年预算投多少钱")
    years = {p["year"]: p for p in a["plans"]}
    assert years[2020]["status"] == "answered" and "37所" in years[2020]["results"][0]["evidence"][0]
    assert years[2021]["status"] in ("partial", "not_found")


def test_the_plans_counted_as_places_are_the_scope_not_the_topic(ask):
    a = ask("集团化办学 五个市比较一下")  # 五个市 is not a topic word 达州 lacks, nor a count asked
    assert a["intent"] == "compare" and all(p["status"] == "answered" for p in a["plans"])
    b = ask("特岗教师计划 这几个地方都有吗")  # 这几个地方 asks which plans, not how many
    statuses = {p["doc"]: p["status"] for p in b["plans"]}
    assert statuses[DAZHOU] == statuses[CHENGDE] == statuses[CHANGCHUN] == "answered"
    assert statuses[WENZHOU] == statuses[SUINING] == "not_found"


def test_a_task_holding_the_whole_topic_answers_when_a_looser_one_ranks_first(ask):
    # in 达州 the 教师队伍 task (31) ranks first on 教师 but holds little of 特岗教师计划; task 34 holds it all
    b = ask("特岗教师计划 这几个地方都有吗")
    dazhou = next(p for p in b["plans"] if p["doc"] == DAZHOU)
    assert (dazhou["results"][0]["section"], dazhou["results"][0]["task_no"]) == ("六", 34)


def test_a_bracketed_term_is_what_each_plan_is_asked_about(ask):
    # 温州's 以班级为单位 shares 班级 with the words the bracket glosses, but 温州 never says 大班额
    a = ask("班级人太多(大班额) 哪些地方有安排")
    statuses = {p["doc"]: p["status"] for p in a["plans"]}
    assert statuses[WENZHOU] == "not_found"
    assert statuses[DAZHOU] == statuses[CHENGDE] == statuses[SUINING] == statuses[CHANGCHUN] == "answered"


def test_a_count_of_city_level_things_is_not_a_count_of_plans(ask):
    b = ask("达州今年评几个市一级研学基地")  # 几个市一级 counts bases, it names no plans
    assert b["intent"] != "compare" and not b["answered"]  # the plan gives no such count


def test_a_slip_read_as_the_topic_counts_against_the_plans_without_it(ask):
    # 章城 is read as 章程; with only 学校 and 建设 beside it, the guess is the topic: plans without 章程 are 未涉及
    a = ask("学校章城建设 哪些市提了")
    statuses = {doc: status for doc, _, status, _ in blocks(a)}
    assert statuses[CHANGCHUN] == "answered"
    assert statuses[DAZHOU] == statuses[SUINING] == statuses[WENZHOU] == statuses[CHENGDE] == "not_found"


def test_a_plan_printing_the_office_word_for_an_everyday_term_is_answered(ask):
    # synonyms.tsv: 离退休 is what 长春 calls 老干部 work; 党风廉政 is 清廉 (温州) and 从严治党 (承德); 清理 is 治理
    a = ask("离退休干部的服务管理 哪些市有安排")
    tops = {doc: (status, top) for doc, _, status, top in blocks(a)}
    assert tops[CHANGCHUN] == ("answered", ("九", 36)) and tops[WENZHOU][0] == "not_found"
    b = ask("各地党风廉政建设怎么抓的")
    tops = {doc: (status, top) for doc, _, status, top in blocks(b)}
    assert tops[WENZHOU] == ("answered", ("一", 4)) and tops[CHENGDE] == ("answered", ("一", 4))
    c = ask("公参民学校的清理 各地有没有")
    tops = {doc: (status, top) for doc, _, status, top in blocks(c)}
    assert tops[CHANGCHUN] == ("answered", ("七", 29)) and tops[DAZHOU][0] == "not_found"


def test_a_placeless_question_answered_per_plan_scores_as_declining_to_pick_a_plan(engine):
    """A gold written as "no place named: which one?" and an answer per plan both decline to pick one plan; the
    evaluation counts it as refused rightly and says how many were answered this way. A year the corpus lacks is
    still refused outright."""
    from assistant.evaluate import score

    gold = {"id": "x", "type": "unanswerable", "kind": "missing_place_year", "status": "not_found", "doc": None}
    row = score(gold, engine.ask("疫情防控谁牵头"), 0.0)
    assert row["per_plan"] and row["refused_correctly"]
    row = score(gold, engine.ask("达州2022年疫情防控谁牵头"), 0.0)
    assert not row["per_plan"] and row["refused_correctly"]
    row = score({**gold, "kind": "absent_topic"}, engine.ask("疫情防控谁牵头"), 0.0)
    assert not row["per_plan"] and not row["refused_correctly"]


def test_who_leads_a_line_pasted_from_one_plan_is_answered_from_that_plan(ask):
    """重配备轻应用 is 遂宁's own wording (重建设轻管理、重配备轻应用较为普遍); 配备 and 应用 are in every plan, but a
    question asking who leads that line means 遂宁's task, not a comparison of every plan's equipment task. A topic one
    plan happens to print word for word (常见传染病防控) asked across plans is still compared."""
    a = ask("重配备轻应用 谁lead")
    assert a.get("intent") != "compare" and a["answered"]
    first = a["results"][0]
    assert (first["doc"], first["section"], first["task_no"]) == (SUINING, "三", 24)
    b = ask("除了新冠 学校常见传染病防控 有写的吗")
    assert b["intent"] == "compare" and len(b["plans"]) == 5


def test_a_topic_said_twice_apart_is_held_by_a_plan_holding_one_way_of_saying_it(ask):
    """城乡义务教育一体化 缩小城乡差距这块 says one topic twice: a plan holding the first is not 未涉及 because only
    another plan prints 差距. A stretch that asks (公参民学校 哪些地方在清理) is no second topic: plans without 公参民
    stay 未涉及."""
    a = ask("城乡义务教育一体化 缩小城乡差距这块 五个市都咋说的")
    dazhou = next(p for p in a["plans"] if p["doc"] == DAZHOU)
    assert a["intent"] == "compare" and dazhou["status"] == "answered"
    assert (dazhou["results"][0]["section"], dazhou["results"][0]["task_no"]) == ("四", 24)
    b = ask("公参民学校 哪些地方在清理")
    assert next(p for p in b["plans"] if p["doc"] == DAZHOU)["status"] == "not_found"


def test_an_adverb_glued_to_the_verb_and_a_request_to_compile_are_no_topic(ask):
    # jieba reads 都督 (a general of old) in 都督了些啥, and 汇总一下 is what the asker will do with the answer
    a = ask("各市专项督导 都督了些啥 汇总一下")
    assert a["intent"] == "compare" and len(a["plans"]) == 5
    assert all(p["status"] == "answered" for p in a["plans"])


def test_is_there_a_timetable_asks_when():
    assert asked_detail("学前教育督导评估 有时间表没").kind == "date"


def test_plans_named_by_their_province_or_part_of_the_country_are_the_scope(ask):
    a = ask("两个四川的 教育扶贫 各是哪个科挑头")  # 四川: 达州 and 遂宁, never a topic word
    assert a["intent"] == "compare" and [p["doc"] for p in a["plans"]] == [DAZHOU, SUINING]
    assert all(p["status"] == "answered" for p in a["plans"])
    b = ask("北方那俩 学前教育 咋写的")  # 北方: 承德 (河北) and 长春 (吉林)
    assert [p["doc"] for p in b["plans"]] == [CHENGDE, CHANGCHUN]
    c = ask("浙江那个 教育数字化改革咋说的")  # one plan in the province: a single answer from it
    assert c["intent"] != "compare" and c["results"][0]["doc"] == WENZHOU


def test_a_province_with_no_plan_is_said_to_be_missing(ask):
    a = ask("广东的 学前教育 咋写的")
    assert a["status"] == "not_found" and "没有广东的工作要点" in a["reason"]


def test_a_province_said_as_the_object_of_a_task_stays_a_topic(engine):
    from assistant.retrieval.regions import province_of
    assert province_of(["南部县"]) == "四川" and province_of(["上海市"]) == "上海" and province_of(["浙江省"]) == "浙江"
    q, _ = engine.reading("遂宁 对口支援新疆 援疆 咋说的")  # what is supported, beside the plan asked
    assert q.cities == ["遂宁"] and not q.unknown_cities and "新疆" in q.topic
    q, _ = engine.reading("学习浙江经验 达州咋写的")  # 浙江经验: a topic, not a scope
    assert q.cities == ["达州"] and "浙江" in q.topic
    # 川东北 (north-east Sichuan, 达州's region) names a part of one province by its one-character name: not the
    # 东北 of 长春, whose plan never speaks of it
    q, _ = engine.reading("川东北几个市 职校联盟 谁牵头")
    assert "长春" not in q.cities and "川东北" in q.topic


def test_the_plans_left_out_are_the_ones_a_comparison_does_not_ask(ask):
    a = ask("除了温州的 依法治校 普法这摊 各是谁牵头")
    assert a["intent"] == "compare" and [p["doc"] for p in a["plans"]] == [DAZHOU, CHENGDE, SUINING, CHANGCHUN]
    b = ask("学前教育 温州和长春以外的 比比")
    assert [p["doc"] for p in b["plans"]] == [DAZHOU, CHENGDE, SUINING]


def test_plans_counted_by_the_copy_with_a_year_are_that_years_plans(ask):
    a = ask("20年那两份里 学前教育 咋写的")  # 两份: plans, not a topic; 20年: the plans of 2020
    assert a["intent"] == "compare" and {p["year"] for p in a["plans"]} == {2020}
    assert {DAZHOU, CHANGCHUN} <= {p["doc"] for p in a["plans"]}


def test_what_is_wanted_of_a_topic_said_after_it_is_no_second_topic(ask):
    # 把它算进…考核了 says what is asked of 近视, not a topic a plan may hold instead: 遂宁 has no 近视
    a = ask("孩子近视这事 哪几个市把它算进对县里的考核了")
    assert {p["doc"]: p["status"] for p in a["plans"]}[SUINING] == "not_found"


def test_a_plan_touching_a_word_of_the_topic_is_not_involved_beside_one_that_treats_it(ask):
    # 承德 puts 党政领导干部带头讲好思政课 into its 考核; 遂宁's nearest task (党风廉政) holds 领导干部 and 考核 only
    a = ask("领导干部去学校讲思政课 哪个市把这事列进年度考核")
    statuses = {doc: status for doc, _, status, _ in blocks(a)}
    assert statuses[CHENGDE] == "answered" and statuses[SUINING] == "not_found"
    suining = next(p for p in a["plans"] if p["doc"] == SUINING)
    assert "承德市2021年工作要点" in suining["reason"] and "未涉及" in suining["reason"]


def test_one_place_named_as_the_only_one_is_checked_against_every_plan(ask):
    # 就承德写了吧: whether any other plan does too is the question; 统战 is 承德's 统一战线 (一 3)
    a = ask("統戰工作 就承德寫了吧 確認下")
    statuses = {p["doc"]: p["status"] for p in a["plans"]}
    assert len(statuses) == 5 and statuses[CHENGDE] == "answered"
    assert [doc for doc, status in statuses.items() if status == "answered"] == [CHENGDE]


def test_topics_listed_side_by_side_are_each_compared_plan_by_plan(ask):
    """特殊教育 和 民族教育: each topic gets its own blocks; a plan holding one of them is partial, naming the other;
    the asker's own talk (报告要分两块) is no topic."""
    a = ask("各市 特殊教育 和 民族教育 今年咋写的 报告要分两块")
    assert [part["topic"] for part in a["parts"]] == ["特殊教育", "民族教育"]
    assert all(len(part["plans"]) == 5 for part in a["parts"])
    merged = {p["doc"]: p for p in a["plans"]}
    assert merged[WENZHOU]["status"] == "partial" and "民族教育" in merged[WENZHOU]["reason"]
    assert merged[CHENGDE]["status"] == "answered"
    assert [(r["section"], r["task_no"]) for r in merged[CHENGDE]["results"][:2]] == [("三", 13), ("三", 17)]
    assert "### 特殊教育" in a["answer"] and "### 民族教育" in a["answer"]


def test_topics_counted_after_a_spaced_list_are_each_compared(ask):
    a = ask("写报告要用 学前 义务教育 普高 三块 各市都定了啥硬指标")
    assert [part["topic"] for part in a["parts"]] == ["学前", "义务教育", "普高"]
    firsts = {p["doc"]: (p["status"], [(r["section"], r["task_no"]) for r in p["results"][:3]]) for p in a["plans"]}
    assert firsts[CHENGDE] == ("answered", [("三", 10), ("三", 11), ("三", 12)])
    assert firsts[DAZHOU][1][0] == ("四", 23)


def test_ways_of_one_need_offered_as_alternatives_are_one_topic(ask):
    a = ask("娃上学远 坐校车 或者住校 这两块 各地咋安排")
    assert a["intent"] == "compare" and a["parts"] == []


def test_a_place_opening_a_list_with_a_corpus_city_is_compared_though_a_plan_mentions_it(ask):
    a = ask("成都 遂宁 研学 和 劳动教育 这两块 咋写的")
    assert [(p["city"], p["status"]) for p in a["plans"]] == [("遂宁", "answered"), ("成都", "not_found")]
    assert "文件库中没有成都的工作要点" in a["reason"]
    # inside the topic it stays a topic: 遂宁's plan on working with 成都
    b = ask("遂宁跟成都教育合作是写在哪条里的 谁牵头")
    assert b["intent"] != "compare" and b["results"][0]["doc"] == SUINING


def test_what_targets_were_set_asks_for_the_figures_not_for_the_word_target(ask):
    assert asked_detail("特教定了啥指标").kind == "count"
    a = ask("各市 学前 定了啥指标")
    assert all(p["status"] != "not_found" for p in a["plans"])


def test_a_comparisons_citation_leads_with_a_plan_that_answers(ask):
    """生均公用经费 每生每年多少 哪个市写了: 遂宁 prints the sums (1420 元); 达州 names the topic without one and keeps
    its block, after the plan that answers."""
    answer = ask("高中生均公用经费 每生每年多少 哪个市写了")
    blocks = {p["city"]: p["status"] for p in answer["plans"]}
    assert blocks["遂宁"] == "answered" and blocks["达州"] == "partial"
    r = answer["results"][0]
    assert (r["doc"], r["section"], r["task_no"]) == (SUINING, "二", 7)


def test_a_comparison_corrected_inside_its_message_compares_the_places_meant(ask):
    """哦不 takes back the places before it; 不是承德 我说的是遂宁 takes back 承德 alone; 承德不要 leaves 承德 out of the
    places named before it."""
    assert [p["city"] for p in ask("达州和遂宁 哦不 达州和温州 职业院校办大学 升本科这块 比较一下")["plans"]] == ["达州", "温州"]
    assert [p["city"] for p in ask("长春 承德 冰雪运动进校园 不是承德 我说的是遂宁")["plans"]] == ["遂宁", "长春"]
    assert [p["city"] for p in ask("达州 承德 遂宁 教育装备 质量抽检 咋写的 承德不要 换成长春")["plans"]] == [
        "达州", "遂宁", "长春"]


def test_a_plan_printing_one_of_the_listed_ways_of_saying_the_topic_holds_it(ask):
    """不想用 不会用 重配备轻应用: 达州 prints the first two (不想用、不会用), 遂宁 the third word for word (重配备轻应用);
    beside 达州's fuller task 遂宁's is no mere touch of the topic."""
    a = ask("教育装备 买回来不想用 不会用 重配备轻应用 这问题 哪几个市点出来了 谁牵头")
    blocks = {p["doc"]: p for p in a["plans"]}
    assert blocks[DAZHOU]["status"] == "answered" and blocks[SUINING]["status"] == "answered"
    assert blocks[SUINING]["results"][0]["task_no"] == 24
    assert blocks[CHANGCHUN]["status"] == "not_found"


def test_which_ones_said_with_jia_asks_across_plans(ask, engine):
    """是哪几家: which bureaus, a comparison; 哪几家单位配合 still asks offices of one task."""
    assert engine.reading("职校 中职那块的思政 有专门安排的 是哪几家")[0].compare
    assert not engine.reading("遂宁 课后服务 哪几家单位配合")[0].compare


def test_the_only_place_asked_about_may_be_typed_with_a_slip(engine):
    """只有承得写了吗: 承德 typed 承得 after 只有 is still the one place checked against every plan."""
    q, _ = engine.reading("新老师岗前培训 只有承得写了吗")
    assert q.only and q.compare and q.cities == []


def test_which_plans_own_up_to_a_problem_is_read_from_the_problems_they_state(ask):
    """社区教育 老年教育 投入少 发展滞后 这问题 哪几个市点了: 达州 and 遂宁 state each task's problems (问题描述); 承德,
    温州 and 长春 state none, so their tasks on 社区教育 do not own up to it."""
    a = ask("社区教育 老年教育 投入少 发展滞后 这问题 哪几个市在要点里自己点了 谁牵头")
    status = {p["city"]: p["status"] for p in a["plans"]}
    assert status["达州"] == "answered" and status["遂宁"] == "answered"
    assert status["承德"] == status["温州"] == status["长春"] == "not_found"
    b = ask("社区教育 老年教育 哪几个市写了")  # no problem asked: 承德's task on the topic answers
    assert {p["city"]: p["status"] for p in b["plans"]}["承德"] == "answered"
