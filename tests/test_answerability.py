"""Answers in three states (answered / partial / not_found), figures quoted only for what was asked, colloquial
words bridged; on the real index with the real model. The last test runs the held-back question set."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluate import evaluate, load_questions
from assistant.retrieval.details import asked_detail
from assistant.retrieval.search import _counts_the_asked, _part_of_found
from assistant.retrieval.terms import synonyms

from conftest import CHANGCHUN, CHENGDE, DAZHOU, SUINING, WENZHOU, top
from assistant.retrieval.query import _without_source, read_position


def position_read(text: str):
    return read_position(" " + text)[0]

EVAL = Path(__file__).resolve().parent.parent / "eval"


def test_figure_question_whose_figure_is_not_printed_is_partial(ask):
    a = ask("长春校园绿化试点投多少钱")  # the task says 20所左右学校 试点, no amount
    assert a["status"] == "partial" and not a["answered"]
    assert top(a) == (CHANGCHUN, "六", 26)
    assert a["results"][0]["evidence"] == [], "nothing is quoted as the answer"
    assert "涉及此事，但原文没有给出所问的金额" in a["answer"] and "「" not in a["answer"].split("**")[-1]


def test_figure_of_another_object_in_the_same_task_is_never_quoted(ask):
    # 达州 四、28 gives 足球特色学校139所 and 少年军校3所, nothing on how many take part in the 田径运动会
    a = ask("达州中小学生田径运动会有多少人参加")
    assert a["status"] == "partial" and top(a) == (DAZHOU, "四", 28)
    assert not any("139" in e or "3所" in e for e in a["results"][0]["evidence"])
    b = ask("达州少年军校今年建几所")
    assert b["answered"] and top(b) == (DAZHOU, "四", 28)
    quote = "".join(b["results"][0]["evidence"])
    assert "军校" in quote and "3所" in quote and "139" not in quote


def test_figure_is_quoted_from_the_clause_that_names_the_asked_object(ask):
    a = ask("达州公办园的娃占比要到多少")  # the task gives 80% for 普惠性幼儿园 and 50% for 公办园
    assert a["answered"] and top(a) == (DAZHOU, "四", 23)
    assert "50%" in "".join(a["results"][0]["evidence"])


def test_between_sentences_giving_the_asked_kind_of_value_the_one_naming_the_object_is_quoted(ask):
    # 遂宁 二、11 gives 每年50-100万元 for 集团化项目 and 每年100-150万元 for 一体化 in the next sentence; the task's
    # title (极核区教育一体化) names 一体化 for both, the sentence itself for one
    a = ask("遂宁一体化项目每年扶持多少钱")
    assert a["answered"] and top(a) == (SUINING, "二", 11)
    assert "100-150万元" in "".join(a["results"][0]["evidence"]) and "50-100" not in "".join(a["results"][0]["evidence"])
    b = ask("遂宁集团化项目每年扶持多少钱")
    assert "50-100万元" in "".join(b["results"][0]["evidence"])
    # 承德's 2020 summary: 中职在校生3.8万人 comes first; the college's 3856人 names it clauses back in its sentence
    c = ask("承德应用技术职业学院现在在校生规模多少人")
    quote = "".join(c["results"][0]["evidence"])
    assert c["answered"] and "3856人" in quote and "3.8万" not in quote


def test_the_period_a_value_is_asked_per_need_not_be_repeated_by_the_clause_giving_it(ask):
    # 一年 is found in 高一年级 elsewhere in the task; the figure's clause says 每生每年, not 一年
    a = ask("遂宁市级示范高中生均公用经费一年多少钱")
    assert a["answered"] and top(a) == (SUINING, "二", 7)
    assert "1180 元" in "".join(a["results"][0]["evidence"])


def test_the_word_naming_the_asked_value_does_not_count_against_the_topic(ask):
    a = ask("温州评名班主任 名额多少")  # the plan prints 名班主任250名 and never says 名额
    assert a["answered"] and top(a) == (WENZHOU, "五", 1)
    assert "250名" in "".join(a["results"][0]["evidence"])


def test_the_money_or_rate_that_names_an_asked_value_is_no_missing_topic(ask):
    # 补助 names the amount asked, 近视率 and 百分点 the share: the task on the topic that prints neither is partial
    a = ask("长春现代学徒制试点专业点 每个补助多少钱")
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "四", 17)
    assert "金额" in a["answer"]
    b = ask("温州学生近视率要降多少个百分点")
    assert b["status"] == "partial" and top(b) == (WENZHOU, "二", 3)
    assert "比例" in b["answer"]


def test_an_office_shortening_before_guan_ma_names_the_office(ask):
    a = ask("达州学校卫生室建设 是体卫艺管吗")
    assert a["answered"] and top(a) == (DAZHOU, "四", 28)
    assert a["filters"]["office"] == "体卫艺科"


def test_generic_words_for_training_classes_and_documents_reach_the_plans_words(ask):
    a = ask("达州打击黑培训班 哪个科牵头")  # 培训班 -> 校外培训机构
    assert a["answered"] and top(a) == (DAZHOU, "四", 27) and a["results"][0]["lead_offices"] == ["法规科"]
    b = ask("遂宁研学旅行 出了啥文件")  # 文件 -> 《遂宁市研学旅行实施意见》
    assert b["answered"] and top(b) == (SUINING, "三", 21)


def test_a_count_is_quoted_only_from_a_clause_naming_what_is_counted(ask):
    # 职业学校 weighs more than 新型职业农民, but the clause giving 1500人 names the 农民 counted, not the schools
    a = ask("承德中职学校今年培训多少新型职业农民")
    assert a["answered"] and top(a) == (CHENGDE, "三", 14)
    assert "1500人" in "".join(a["results"][0]["evidence"])
    # 多少个中小学的工程: 35 个中小学校建设项目, not the 42 所 of 各级各类学校 in the 工程 sentence
    b = ask("达州城区要建多少个中小学项目")
    assert "35 个中小学校" in "".join(b["results"][0]["evidence"])


def test_who_forwards_a_question_is_not_its_topic(ask, engine):
    for question in ("张局微信问：达州控辍保学谁牵头", "达州张局问：控辍保学谁牵头"):
        q, _ = engine.reading(question)
        assert q.cities == ["达州"] and "局" not in q.topic and q.intent == "lead", question
    a = ask("王局问：承德防疫常态化落到哪个科室")
    assert a["answered"] and top(a) == (CHENGDE, "六", 34)


def test_who_reported_a_matter_and_how_is_not_its_topic(ask, engine):
    """A complaint retold (有考生打热线反映…, 达州几个家长联名写信…, 有人实名举报…) asks of the matter: the reporter, the
    channel and a count of reporters weigh nothing, unless the question asks of reports themselves."""
    _, terms = engine.reading("有考生打热线反映达州普通化考试考场监考很松 这块今年计划里是谁牵头")
    weights = {t.word: t.weight for t in terms}
    assert weights.get("考生", 0.0) == weights.get("热线", 0.0) == weights.get("反映", 0.0) == 0.0
    a = ask("有考生打热线反映达州普通化考试考场监考很松 这块今年计划里是谁牵头")
    assert a["answered"] and top(a) == (DAZHOU, "六", 36)
    assert ask("达州几个家长联名写信反映 学校食堂的饭菜 这事计划里哪个科牵头")["status"] != "partial"
    _, terms = engine.reading("承德有人要投诉执法人员态度蛮横 20年是不是专门出过一个受理投诉的制度")
    assert {t.word: t.weight for t in terms}["投诉"] > 0  # asked of complaints themselves


def test_a_compound_and_its_pieces_weigh_once_against_a_topic_no_plan_prints(ask, engine):
    """jieba cuts 大学生 into 大学, 学生 and 大学生: said once, they count once, so a task holding 大学生 does not
    outweigh 传销, which no plan prints; a word jieba tags as a numeral but that counts nothing (港澳台) is a topic."""
    a = ask("大学生防传销教育 哪个市写了")
    assert not a["answered"] and not any(p["status"] == "answered" for p in a["plans"])
    assert ask("温州校史馆建设 校园文化里提没")["status"] == "not_found"
    _, terms = engine.reading("溫州港澳台學生交流 要點有沒")
    assert {t.word: t.weight for t in terms}["港澳台"] > 0
    assert ask("溫州港澳台學生交流 要點有沒")["status"] == "not_found"
    a = ask("温州 培训机构 纳入网格化管理 是哪条")  # the compound a task prints still answers
    assert a["answered"] and top(a) == (WENZHOU, "二", 1)


def test_a_figure_heard_and_checked_is_answered_with_the_plans_own(ask):
    """听说…新建改扩建7所幼儿园 是这个数吗 checks a figure: the plan's 17 所 answers it, the task is not refused for
    not printing 7."""
    a = ask("达州有家长打热线 听说今年全市新建改扩建7所幼儿园 是这个数吗")
    assert a["answered"] and top(a) == (DAZHOU, "三", 16)


def test_whom_a_chat_line_is_addressed_to_is_not_its_topic(ask, engine):
    """@小李 in a line pasted from a group chat names a colleague: no plan prints it, and it must not be the word
    that makes the task 'not mention' what is asked (the date of the meeting, which the plan does not give)."""
    q, terms = engine.reading("@小李 领导问从严治党大会几号开，承德要点上写日子了吗")
    assert "小李" not in {t.word for t in terms}
    a = ask("@小李 领导问从严治党大会几号开，承德要点上写日子了吗")
    assert a["status"] == "partial" and top(a) == (CHENGDE, "一", 4)


def test_everyday_words_for_who_heads_a_group_reach_the_plans_words(ask):
    """一把手挂帅 is how staff say 主要领导任组长 (承德 task 2's 学习教育领导小组)."""
    assert {"主要领导", "任组长"} <= set(synonyms()["一把手"] + synonyms()["挂帅"])
    a = ask("承德党史学习那个领导小组 是局里一把手挂帅吗")
    assert a["answered"] and top(a) == (CHENGDE, "一", 2)


def test_greetings_thanks_and_urgency_around_a_question_change_nothing(ask, engine):
    plain = ask("遂宁研学旅行 出了啥文件")
    for question in ("您好，领导让我查一下：遂宁研学旅行 出了啥文件", "各位老师好，遂宁研学旅行 出了啥文件",
                     "请问一下，遂宁研学旅行 出了啥文件", "问个事，遂宁研学旅行 出了啥文件",
                     "遂宁研学旅行 出了啥文件，谢谢", "遂宁研学旅行 出了啥文件 急用", "遂宁研学旅行 出了啥文件。今天下班前要",
                     "遂宁研学旅行 出了啥文件，麻烦帮忙看下，在线等"):
        q, terms = engine.reading(question)
        assert {t.word for t in terms} == {t.word for t in engine.reading("遂宁研学旅行 出了啥文件")[1]}, question
        a = ask(question)
        assert a["answered"] and top(a) == top(plain) == (SUINING, "三", 21), question
    # what is said around the question is not embedded with it, and a guess or a signature still ends the question
    for question in ("您好，王局问：遂宁研学旅行 出了啥文件？在线等，急", "打扰一下，遂宁研学旅行 出了啥文件，麻烦了"):
        assert engine.reading(question)[0].asked == "遂宁研学旅行 出了啥文件", question
    b = ask("遂宁舆情监控 意识形态那条 组干科牵头吗，麻烦了")  # 组干科 is the guess, checked against task 4
    assert b["answered"] and top(b) == (SUINING, "一", 4)
    c = ask("遂宁课后服务试点学校定了几所 基教，下午要报")  # 基教 signs the question
    assert c["status"] == "partial" and top(c) == (SUINING, "五", 32)
    # a question about a topic no plan has stays refused however politely it is asked (老师 of 老师好 is no topic)
    for question in ("各位老师好，遂宁学校周边网吧咋管", "您好，领导让我查一下：遂宁学校周边网吧咋管？谢谢"):
        a = ask(question)
        assert a["status"] == "not_found" and "网吧" in a["reason"], question


def test_is_this_office_leading_asks_who_leads_even_where_the_plan_names_none(ask):
    a = ask("长春冰雪特色学校创建 是体卫艺科牵头吗")  # 长春 prints no offices
    assert a["status"] == "partial" and a["intent"] == "lead" and top(a) == (CHANGCHUN, "八", 35)



def test_a_wrong_guess_of_who_leads_is_corrected_not_used_as_a_filter(ask):
    # none of 组干科's tasks holds 意识形态; the task that does is led by 思宣科, and the answer says the guess is off
    a = ask("遂宁舆情监空 意识形态那条 组干科牵头吗")
    assert a["answered"] and top(a) == (SUINING, "一", 4) and a["results"][0]["lead_offices"] == ["思宣科"]
    assert a["office_check"] == "所问的组干科不在这项任务所列的科室中。" and "核对：所问的组干科" in a["answer"]
    b = ask("宪法晨读 学宪法讲宪法 承德哪个科负责 是不是思政德育科")
    assert b["answered"] and top(b) == (CHENGDE, "四", 22) and "思政德育科不在" in b["office_check"]
    c = ask("达州控辍保学是基教科牵头吗")  # a right guess is confirmed
    assert c["answered"] and c["office_check"] == "基教科是这项任务的牵头科室。"


def test_who_leads_and_a_detail_asked_together_is_partial_when_the_detail_is_not_printed(ask):
    a = ask("承德有偿补课专项整治 哪个科管 几月份开始")  # the task names its offices, not when it starts
    assert a["status"] == "partial" and top(a) == (CHENGDE, "五", 25) and "时间" in a["reason"]
    assert "教师工作科" in a["answer"]  # the offices are still shown
    b = ask("高考综合改革那条遂宁谁lead 好像是好几个科室一起牵头？")  # 好几个科室: several, answered by the office lines
    assert b["answered"] and top(b) == (SUINING, "四", 25)


def test_a_span_of_years_is_no_date(ask):
    # 九年义务教育巩固率 is the only “年” in the task: a span, not when the task is done
    a = ask("达州控辍保学谁牵头 啥时候完成")
    assert a["status"] == "partial" and top(a) == (DAZHOU, "四", 24) and "时间" in a["reason"]
    assert "基教科" in a["answer"]
    # a range of years is a date though the plan prints no 年 (三年(20182020)培训计划)
    b = ask("幼师三年培训 哪几年 长春")
    assert b["answered"] and top(b) == (CHANGCHUN, "五", 23) and "20182020" in b["results"][0]["evidence"][0]


def test_two_values_asked_together_are_each_answered_or_named_missing(ask):
    # 3所 is printed, no amount: the count is quoted and the amount named missing; the answer is partial
    a = ask("达州少年军校建几所 花多少钱")
    assert a["status"] == "partial" and not a["answered"] and top(a) == (DAZHOU, "四", 28)
    assert "给出了所问的数量" in a["reason"] and "没有给出所问的金额" in a["reason"]
    assert "3所" in a["results"][0]["evidence"][0] and "3所" in a["answer"]
    # neither is printed (配备坐姿矫正仪): both named, nothing quoted; a 、 between two asks parts them
    b = ask("长春坐姿矫正仪配多少台、花多少钱")
    assert b["status"] == "partial" and "金额和数量" in b["reason"] and b["results"][0]["evidence"] == []
    # both printed: answered, each from its own clause (车辆202台 counts vehicles as 辆 does)
    c = ask("承德两次去石家庄接学生 一共接回来多少名 派了多少辆车")
    quoted = "".join(c["results"][0]["evidence"])
    assert c["answered"] and "2101名" in quoted and "202台" in quoted
    # a value asked beside who leads, of a plan that names no office: the value is quoted, the offices named missing
    d = ask("长春国家级冰雪特色校新增几所 哪个科负责")
    assert d["status"] == "partial" and "给出了所问的数量" in d["reason"] and "科室" in d["reason"]
    assert "80所" in d["results"][0]["evidence"][0]


def test_schools_counted_with_ge_answer_how_many_suo(ask):
    a = ask("长春新建改扩建几所义务教育学校 投多少钱")  # 启动新建和改扩建10个义务教育学校; no amount
    assert a["status"] == "partial" and "10个义务教育学校" in a["results"][0]["evidence"][0]
    b = ask("长春今年新增省级冰雪特色校多少所？")  # 5个青少年校外冰雪活动基地 counts no schools
    assert b["status"] == "partial"


def test_which_item_number_is_answered_by_the_citation_not_a_figure(ask):
    a = ask("长春智慧校园建设指南 是要点第几条")
    assert a["answered"] and top(a) == (CHANGCHUN, "六", 27) and "第27项" in a["answer"]


def test_last_year_of_a_city_whose_plan_holds_the_year_before_asks_that_part(ask):
    a = ask("承德去年民办义务教育学校招生 是考试招的吧")  # 承德's 2020 summary, beside its 2021 plan
    assert a["answered"] and a["filters"]["year"] == 2020 and "摇号招生" in "".join(a["results"][0]["evidence"])
    b = ask("达州去年控辍保学谁牵头")  # 达州 has one plan year: 去年 does not empty the scope
    assert b["answered"] and top(b)[0] == DAZHOU
    c = ask("承德 不问去年的 今年毛入园率定的多少")  # last year taken back: the 2021 plan's task, not the summary
    assert c["answered"] and c["filters"]["year"] != 2020 and top(c) == (CHENGDE, "三", 10)

def test_the_bound_of_a_value_and_an_idiom_for_its_size_ask_the_value_not_a_topic(ask):
    a = ask("遂宁市级示范高中生均公用经费最低多少")  # other plans print 最低; 遂宁 says 不低于
    assert a["answered"] and top(a) == (SUINING, "二", 7)
    assert "1180 元" in "".join(a["results"][0]["evidence"])
    b = ask("承德今年学生资助资金盘子多大")  # 盘子多大: how much money in all
    assert b["answered"] and top(b) == (CHENGDE, "六", 30)
    assert "4亿元" in "".join(b["results"][0]["evidence"])


def test_a_plan_word_ending_in_ke_is_not_read_as_an_office(ask, engine):
    q, _ = engine.reading("承德短缺学科老师怎么配")  # 学科 is no shortening of 学校安全工作科
    assert q.office is None and "学科" in q.topic
    assert top(ask("承德短缺学科老师怎么配")) == (CHENGDE, "五", 27)


def test_an_office_stem_before_zai_qiantou_names_the_office(ask):
    a = ask("达州语言文字工作是不是语委在牵头")
    assert a["intent"] == "lead" and a["filters"]["office"] == "语委办" and top(a) == (DAZHOU, "六", 36)


def test_a_number_the_question_states_itself_is_not_its_answer(ask):
    # 130个 is what the user already knows; the plan gives no share per district, and 42億元 is money, not a count
    a = ask("温州新建改扩建那130个中小学项目 苍南能分几个")
    assert not a["answered"] and top(a) == (WENZHOU, "五", 3)
    assert "130" not in a["answer"].split("可能相关")[0]
    assert asked_detail("能分几个").pattern.search("130万人次") and not asked_detail("能分几个").pattern.search("42亿元")


def test_a_task_named_by_its_position_answers_though_the_question_says_little_of_it(ask):
    a = ask("遂宁第42条 最后那条其他工作 谁牵头")  # 42 is no topic word (not the 420个 of task 14)
    assert a["answered"] and top(a) == (SUINING, "六", 42)
    b = ask("达州三、第15项讲的啥")
    assert b["answered"] and top(b) == (DAZHOU, "三", 15)
    c = ask("温州二、第1条 双减咋说")  # 温州 numbers its tasks again in every part: the part decides
    assert c["answered"] and top(c) == (WENZHOU, "二", 1)
    d = ask("遂宁第3条 校园足球谁牵头")  # a mistyped number beside a clear topic: the topic's task answers
    assert d["answered"] and top(d) == (SUINING, "三", 19)
    e = ask("第15项谁牵头")  # every plan has a 第15项: the answer asks which plan, instead of picking one
    assert e["status"] == "not_found" and "请写明是哪个地方" in e["answer"]


def test_a_position_counted_in_its_part_or_from_the_end_names_one_task(ask):
    a = ask("长春第三部分第4条 说的啥")  # 长春 numbers 1–38 straight through: the fourth task of part 三 is 12
    assert a["answered"] and top(a) == (CHANGCHUN, "三", 12)
    b = ask("遂宁倒数第二条谁牵头")
    assert b["answered"] and top(b) == (SUINING, "六", 41)
    c = ask("遂宁第五部分最后一条 谁牵头")
    assert c["answered"] and top(c) == (SUINING, "五", 35)
    d = ask("遂宁 35条 写的啥")  # a bare number with 条 and nothing counted after it
    assert d["answered"] and top(d) == (SUINING, "五", 35)
    e = ask("达州 教师队伍那部分第二条 谁牵头")  # the part named by its title's words: 五、切实加强教师队伍建设
    assert e["answered"] and top(e) == (DAZHOU, "五", 31)
    f = ask("达州 党建那一部分第一条 牵头的是谁")  # 党建 for 党的建设
    assert f["answered"] and top(f) == (DAZHOU, "一", 1)
    g = ask("承德去年的总结 二（二） 讲了啥")  # a summary item, named by its part and marker
    assert g["answered"] and g["results"][0]["city"] == "承德" and g["results"][0]["section"] == "二"
    assert g["results"][0]["item"] == "（二）"
    assert position_read("有18条措施") is None and position_read("要评10项 谁牵头") is None  # counts, no positions


def test_a_position_the_plan_does_not_have_is_refused_with_how_far_it_goes(ask):
    a = ask("达州第50条谁牵头")  # 38 tasks: no task is cited for a number the plan never reaches
    assert a["status"] == "not_found" and not a["results"] and "没有第50项" in a["answer"] and "共38项" in a["answer"]
    b = ask("遂宁第七部分第2条")
    assert b["status"] == "not_found" and "没有第七部分" in b["answer"]
    d = ask("承德去年总结三（五） 讲的啥")  # the summary's part 三 has four items
    assert d["status"] == "not_found" and "没有（五）" in d["answer"] and "共4点" in d["answer"]
    c = ask("达州第50条 学前教育谁牵头")  # a clear topic beside the impossible number: the topic's task answers
    assert c["answered"] and top(c) == (DAZHOU, "四", 23)


def test_a_part_named_alone_narrows_the_search_to_its_tasks_and_its_title_words_name_no_topic(ask):
    """第八部分保民生里 蓓蕾计划那条: the part says where, its title's words (民生) are not the task's topic; a part asked
    about as a whole (第一部分讲啥的) is answered by its opening task; a part the plan lacks is refused; 最后一部分 is
    the plan's last part."""
    a = ask("长春第八部分保民生里 蓓蕾计划那条 课后服务的钱要咋管")
    assert a["answered"] and top(a) == (CHANGCHUN, "八", 34)
    b = ask("承德21年要点第一部分 主要讲啥的")
    assert b["answered"] and top(b) == (CHENGDE, "一", 1)
    c = ask("达州第七部分讲的啥")  # 达州 has six parts
    assert c["status"] == "not_found" and "没有第七部分" in c["answer"]
    d = ask("遂宁第一部分“政治方向”头一条 谁牵头")  # 头一条 is the first
    assert d["answered"] and top(d) == (SUINING, "一", 1)
    assert position_read("第三部分里 资助那条") == ("三", None, 0)
    e = ask("长春第六部分“资源配置”那块 主要讲啥")  # only the part's title words: the part, as its opening task says
    assert e["answered"] and top(e) == (CHANGCHUN, "六", 25)
    f = ask("承德最后一部分 主要讲啥")  # the plan's last part, whatever its numeral: 承德 2021's 六
    assert f["answered"] and top(f) == (CHENGDE, "六", 29)
    assert position_read("最后一部分里 统计那条") == ("最后", None, 0)


def test_where_in_the_document_and_what_the_answer_is_for_are_no_topic_words(ask):
    a = ask("承德21年要点开头那个总体思路 帮我一句话概括下 做PPT用")  # 开头, 做PPT用
    assert a["answered"] and a["results"][0]["kind"] == "preamble" and a["results"][0]["city"] == "承德"


def test_a_work_summary_asked_of_a_plan_that_has_none_is_refused(ask):
    a = ask("承德21年工作总结里 疫情防控那块咋总结的")  # 承德's file holds the 2021 plan and the 2020 summary
    assert a["status"] == "not_found" and "没有工作总结部分" in a["answer"]
    b = ask("承德去年总结里 疫情防控咋说的")
    assert b["answered"] and b["results"][0]["kind"] == "summary"


def test_a_magnitude_without_a_number_names_a_programme_not_a_count(ask):
    # 万名艺术家进校园 is 长春's programme; 万名 is no count that any plan may hold, so 遂宁's 美育 task does not answer
    a = ask("遂宁有万名艺术家进校园吗")
    assert a["status"] == "not_found" and "万名" in a["reason"]
    assert "长春" in [r["city"] for r in a["elsewhere"]]


def test_the_clause_asking_for_the_figure_is_never_set_aside(ask):
    # 层面, a word no plan prints, thins the asking clause; it still names what is counted: 三个提高, not 两类管理
    a = ask("温州双减那条我没太看懂，学校层面要聚焦几个“提高”？分别是哪几块？")
    assert a["answered"] and top(a) == (WENZHOU, "二", 1)
    assert "三個提高" in "".join(a["results"][0]["evidence"])


def test_who_asks_before_a_colon_is_no_office_filter_nor_topic(ask):
    a = ask("纪委新来的同事：达州落实作风规定那段，市委市政府的规定是多少项？")  # an office and a few words of who
    assert a["intent"] != "office_tasks" and a["answered"] and "十一项" in "".join(a["results"][0]["evidence"])
    b = ask("市场监管局：遂宁学校食堂明厨亮灶谁牵头")  # another bureau asks
    assert b["answered"] and top(b) == (SUINING, "二", 6)


def test_a_quoted_phrase_is_one_topic_though_its_words_are_everywhere(ask):
    # 职业, 教育 and 活动 are in 遂宁's plan; “职业教育活动周” is only in 承德's
    a = ask("遂宁有没有办“职业教育活动周”")
    assert a["status"] == "not_found" and "职业教育活动周" in a["reason"]
    assert [r["city"] for r in a["elsewhere"]] == ["承德"]
    assert ask("承德有没有办“职业教育活动周”")["answered"]


def test_what_a_task_says_is_quoted_beside_offices_it_does_not_list(ask):
    # 温州 prints no offices: 咋说的 is answered from the text, 谁牵头 is named as missing; 谁牵头 alone quotes nothing
    a = ask("温州智慧校园2.0那条咋说的 谁牵头")
    assert a["status"] == "partial" and top(a) == (WENZHOU, "六", 1)
    assert "智慧校園2.0" in "".join(a["results"][0]["evidence"]) and "智慧校園2.0" in a["answer"]
    assert "原文没有列出这项任务的牵头科室或责任科室" in a["answer"]
    b = ask("温州智慧校园2.0那条谁牵头")
    assert b["status"] == "partial" and b["results"][0]["evidence"] == []


def test_a_common_function_word_a_plan_happens_to_print_never_says_the_topic_is_elsewhere(ask):
    # 本地 is printed by another plan only; it says how the question is told, not what about
    a = ask("遂宁职业学校根据本地产业调整专业谁牵头")
    assert a["answered"] and top(a) == (SUINING, "五", 33)
    # a numbered one (一类 of 一类园) may name the thing itself: 达州 prints no 一类园 share
    assert ask("达州要求多少比例的幼儿园达到一类园")["status"] == "not_found"


def test_a_word_another_plan_prints_about_something_else_does_not_say_the_topic_is_elsewhere(ask):
    # 温州 and 长春 print 百姓, 承德 名单 and 分数, each in a task holding little else of the question: the asked
    # plan's task holding the rest answers
    a = ask("达州要查老百姓普通话说得咋样 那个调查谁负责")
    assert a["answered"] and top(a) == (DAZHOU, "六", 36)
    b = ask("达州给教育人才分类型分层次评价 直属单位也在配合名单里吧")
    assert b["answered"] and top(b) == (DAZHOU, "一", 5)
    # a word another plan's task prints with the rest of the question is that plan's topic, as before
    c = ask("遂宁少年军校今年创建几所")
    assert c["status"] == "not_found" and "军校" in c["reason"]


def test_two_characters_jieba_cuts_apart_that_a_plan_prints_together_are_a_word(ask):
    # 根脉 (温州's 红色根脉) is cut 根 / 脉; read as one word, it is 温州's, and 达州's 工程 tasks do not answer
    a = ask("达州有没有搞红色根脉那种工程")
    assert a["status"] == "not_found" and "根脉" in a["reason"]
    # a result character (建好用好) or an office ending (哪个股室) makes no such word
    b = ask("遂宁DingTalk禁毒平台建好用好 谁牵头")
    assert b["answered"] and top(b) == (SUINING, "六", 36)


def test_who_asks_after_a_dash_at_the_end_is_no_office_filter(ask):
    a = ask("遂宁安全管理人员专题培训谁牵头？——体艺科问")
    assert a["answered"] and a["filters"]["office"] is None and top(a) == (SUINING, "六", 36)


def test_the_own_plan_of_a_corpus_citys_county_is_refused_by_name(ask):
    a = ask("瑞安市2022年教育工作要点 名师送教咋安排的")  # 瑞安 is 温州's; its own plan is not in the corpus
    assert a["status"] == "not_found" and "瑞安市" in a["reason"]
    assert ask("瑞安市名师送教咋安排")["answered"]  # a place of 温州's plan stays a topic


def test_spoken_levels_of_government_and_english_office_words_are_bridged(ask):
    # 县里 is the plans' 县级/县区, platform their 平台: neither is a topic no plan names
    a = ask("遂宁县里的学校 校安云platform 咋弄")
    assert a["answered"] and top(a) == (SUINING, "六", 36)


def test_an_office_alone_before_a_colon_asks_even_when_the_question_counts_items(ask):
    # 多少项 is a count of the plan's items, not the office's task list: 法规科 signs the question
    a = ask("法规科：达州体制机制改革任务清单列了多少项")
    assert a["intent"] != "office_tasks" and a["status"] == "partial" and top(a) == (DAZHOU, "二", 8)


def test_a_word_the_plans_print_is_no_slip_of_an_office_name(ask):
    # 思政课 is printed as a class; it is not 思政科 (思政德育科), which would filter the tasks and leave no topic
    a = ask("承德去年班子成员讲了多少场思政课")
    assert a["answered"] and a["filters"]["office"] is None
    assert "200余场次" in "".join(a["results"][0]["evidence"])  # about that many: 余 between number and measure


def test_a_figure_of_another_level_is_never_quoted_for_the_asked_level(ask):
    # 长春 prints 新增国家级冰雪特色校80所 and no 省级 count: 80所 is another object's figure
    a = ask("长春今年新增省级冰雪特色校多少所")
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "八", 35) and a["results"][0]["evidence"] == []
    b = ask("长春冰雪 国字号特色校 今年加几所")  # 国字号 is staff's 国家级
    assert b["answered"] and "80所" in "".join(b["results"][0]["evidence"])


def test_an_ordinal_asked_with_di_is_answered_where_the_plan_leaves_di_out(ask):
    a = ask("长春开总结大会的质量提升工程是第几期")  # the plan prints 二期质量提升工程
    assert a["answered"] and "二期质量提升工程" in "".join(a["results"][0]["evidence"])


def test_colloquial_synonyms_still_answer(ask):
    z = ask("达州小散弱职高合并 谁负责")  # synonyms.tsv: 合并 is the plan's 整合
    assert z["answered"] and top(z) == (DAZHOU, "四", 26)
    y = ask("温州特教学校 赶工建几所")  # 赶工 is the plan's 加快: 加快3所特殊教育學校建設
    assert y["answered"] and top(y) == (WENZHOU, "三", 2) and "3所" in "".join(y["results"][0]["evidence"])
    a = ask("遂宁好老师评选是哪条")  # 老师 -> 教师
    assert a["answered"] and top(a) == (SUINING, "六", 38)
    b = ask("长春扶贫协作 对口的是哪个市")  # 对口 (other plans print it) is this plan's 协作 and 帮扶
    assert b["answered"] and top(b) == (CHANGCHUN, "八", 33) and "白城市" in "".join(b["results"][0]["evidence"])
    b = ask("承德乡村老师补贴还发不")  # 老师 -> 教师, 补贴 -> 补助, 还 and 发不 carry no topic
    assert b["answered"] and top(b) == (CHENGDE, "五", 28)
    c = ask("遂宁教体扶贫谁挑头")  # 教体 shortens 教育体育, 挑头 is 牵头
    assert c["answered"] and c["intent"] == "lead" and top(c) == (SUINING, "五", 31)
    d = ask("达州跟万州开州职教合作谁负责")  # the plan prints 达(州)开(州)万(州)
    assert d["answered"] and top(d) == (DAZHOU, "二", 13) and "没有出现" not in d["answer"]


def test_regional_spoken_words_are_read_as_the_mandarin_they_stand_for(ask):
    # data/spoken.tsv: 好多所 asks how many (Sichuanese), 啥子时候 when, 整 is do (northeastern), 伐 closes a question
    a = ask("达州足球特色学校总共要搞好多所嘛")
    assert a["answered"] and top(a) == (DAZHOU, "四", 28) and "139所" in "".join(a["results"][0]["evidence"])
    b = ask("遂宁标准化考点升级改造啥子时候要弄完")
    assert b["status"] != "not_found" and top(b)[0] == SUINING
    c = ask("承德去年老年教育整得咋样 唠唠")  # 整得, 唠唠: how one talks, never a topic the plan lacks
    assert c["answered"] and top(c)[0] == CHENGDE and "老年" in "".join(c["results"][0]["evidence"])
    d = ask("承德基层党建都哪几个科室参与 老鼻子了吧")
    assert d["answered"] and top(d) == (CHENGDE, "一", 3)
    # a word that only looks like one stays as typed: 完整 is no 完搞, 好多学校 (many schools) asks no count
    from assistant.retrieval.spoken import as_mandarin
    assert as_mandarin("完整的体系 调整了吗 好多学校") == "完整的体系 调整了吗 好多学校"
    assert as_mandarin("好久报一次 deadline是好久") == "多久报一次 deadline是啥时"
    e = ask("达州学前教育边个科牵头")  # Cantonese 边个 is 哪个
    assert e["answered"] and e["intent"] == "lead" and top(e) == (DAZHOU, "四", 23)


def test_a_feeling_about_the_topic_said_after_it_is_no_topic(ask):
    a = ask("长春近视率今年要降多少 贼关心这个")  # 关心 is in other plans, not 长春's: it must not refuse
    assert a["status"] != "not_found" and top(a) == (CHANGCHUN, "二", 7)
    b = ask("达州 学前教育这块")  # a topic before 这块 is still the topic
    assert b["status"] != "not_found" and "学前" in b["results"][0]["title"] + "".join(b["results"][0]["evidence"])


def test_the_period_a_figure_falls_in_need_not_be_named_by_its_clause(ask):
    # 承德's summary: 停课不停学 is said sentences before 开展网络教研124次，参与教师1.1万人
    a = ask("停课不停学那会儿网络教研参与老师多少人")
    assert a["answered"] and "1.1万人" in "".join(a["results"][0]["evidence"])


def test_a_rule_or_procedure_the_task_does_not_print_is_partial(ask):
    # 达州 三、21 names 资助名额分配 among its 四个精准, never the standard it goes by
    a = ask("资助名额按啥标准分到学校？达州")
    assert a["status"] == "partial" and not a["answered"] and top(a) == (DAZHOU, "三", 21)
    assert a["results"][0]["evidence"] == []
    # a rule said with 按 gives it: 长春 allots 民族学校 公用经费 按普通学校两倍核拨
    b = ask("长春 民族校 公用钱 按啥标准拨")
    assert b["answered"] and top(b) == (CHANGCHUN, "三", 14) and "两倍" in "".join(b["results"][0]["evidence"])


def test_a_city_the_corpus_lacks_named_before_a_short_year_is_refused_by_name(ask):
    a = ask("杭州22年新建公办园几所")  # 温州's plan mentions 杭州亚运会; 杭州 has no plan here
    assert a["status"] == "not_found" and "没有杭州的工作要点" in a["reason"]


def test_topic_held_by_another_city_names_that_city(ask):
    a = ask("达州校服的事谁管")  # only 承德's plan mentions 校服
    assert a["status"] == "not_found"
    assert "达州市2020年工作要点没有提到“校服”" in a["reason"]
    assert [r["city"] for r in a["elsewhere"]] == ["承德"]
    assert "其他文件中涉及" in a["answer"] and "承德市2021年工作要点" in a["answer"]


def test_a_colloquial_word_weighs_as_the_plain_word_it_stands_for(ask):
    # 老师 stands for 教师, which nearly every task prints: it cannot carry a question whose real topic (体检, 外籍)
    # no plan mentions, though a plan prints 老师 once somewhere
    for question in ("有没有哪个市提了给老师搞体检", "温州招外籍老师 有说法没"):
        assert ask(question)["status"] == "not_found", question


def test_the_one_clause_that_asks_is_never_set_aside_as_talk_around_the_question(ask):
    # 教室 and 夏天 of the told clauses are in 遂宁's 教室照明 task; the asked 空调 is only in 承德's plan
    a = ask("家长群里老在吵，说夏天教室太热，遂宁有没有给教室装空调的安排？")
    assert a["status"] == "not_found" and "空调" in a["reason"]
    b = ask("学校问我们要依据，达州控辍保学谁牵头？")  # the told clause is still set aside
    assert b["answered"] and top(b)[0] == DAZHOU


def test_a_word_everyday_chinese_uses_often_is_read_as_itself_not_as_a_shortening(ask):
    # 留学生 keeps 留, 学, 生 in order like a shortening of 遂宁's 留守学生, but it is a common word meaning itself
    assert ask("遂宁有没有招外国留学生的安排？")["status"] == "not_found"
    a = ask("遂宁教体扶贫谁挑头")  # 教体, which everyday Chinese lacks, still shortens 教育体育
    assert a["answered"] and top(a) == (SUINING, "五", 31)


def test_a_word_the_asked_plan_prints_in_full_is_not_held_only_elsewhere(ask):
    a = ask("承德缺科老师 走教咋整")  # 遂宁 prints 缺科; 承德 prints 短缺学科
    assert a["answered"] and top(a) == (CHENGDE, "五", 27)
    b = ask("达州职校搞1+X证书那个是哪条")  # typed lower-case or upper, the plan's 1+X
    assert b["answered"] and top(b) == (DAZHOU, "四", 26)


def test_a_typing_slip_is_read_as_the_plan_word_it_sounds_like(ask):
    a = ask("承德教育评介改革谁负责")  # 评介 for 评价: same syllable and tone, one character off
    assert a["answered"] and top(a) == (CHENGDE, "四", 19)
    b = ask("承德2020义教巩故率多少")  # 巩故, which jieba can only cut one character at a time, for 巩固
    assert b["answered"] and "98.6%" in "".join(b["results"][0]["evidence"])


def test_a_slip_in_another_tone_of_the_same_syllable_is_read_by_the_characters_usual_reading(ask):
    # staff type pinyin without tones: 倾泄 (xie4) for the plan's 倾斜 (xie2) is the same key presses
    a = ask("遂宁村小老师评职称 有没有倾泄")
    assert a["answered"] and top(a) == (SUINING, "四", 26)
    # ... but only by the usual reading: 假 may be read jie, yet 春假 is never a slip of 春节
    from assistant.retrieval.slips import SoundAlike
    assert SoundAlike(["春节", "倾斜"])("春假") == () and SoundAlike(["春节", "倾斜"])("倾泄") == ("倾斜",)


def test_a_slip_in_a_words_last_character_is_read_as_the_plan_word(ask):
    # jieba cuts 教师结 into 教师 + 结; 结 sounds as 节: the plan's 教师节, not the 35 个中小学校 of another task
    a = ask("达州是第35个教师结吧")
    assert a["answered"] and top(a) == (DAZHOU, "五", 30) and "第36个教师节" in "".join(a["results"][0]["evidence"])
    b = ask("教师结 达州咋安排")
    assert b["answered"] and top(b) == (DAZHOU, "五", 30)


def test_a_whole_word_said_alike_is_read_as_the_plan_word_the_next_character_confirms(ask, engine):
    """进士率 dictated for 近视率: 进士 is a word of its own, but the plans print 近视率 (近视 said exactly as 进士 is),
    so the question asks of 近视; 进士 alone, with nothing the plans print after it, stays 进士."""
    a = ask("长春 学生进士率 目标降多少")
    assert a["answered"] and "近视率下降0.5%" in "".join(a["results"][0]["evidence"])
    _, terms = engine.reading("长春 进士 有没有")
    assert all("近视" not in t.slips for t in terms)


def test_a_guessed_reading_never_counts_against_a_task():
    from assistant.retrieval.terms import Term, share
    asked = [Term("冰雪", ("冰雪",), 2.0), Term("医教", ("医教",), 3.0, guess=True)]
    assert share(asked, "冰雪运动进校园") == 1.0  # the guess is not there: it neither counts nor weighs
    assert share(asked, "医教结合") == 0.6


def test_the_task_whose_title_names_the_asked_topic_ranks_first(ask):
    a = ask("承德职业教育谁挑头")  # 推动高等教育内涵发展 names 职业 as often; 加快职业教育高质量发展 is the task
    assert a["answered"] and a["intent"] == "lead" and top(a) == (CHENGDE, "三", 14)


def test_the_verb_that_reaches_an_asked_value_is_not_a_missing_topic(ask):
    a = ask("长春蓓蕾托管延到几点")  # 延到 asks the time; the task says 适当延长托管时间, no hour
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "八", 34)
    assert "原文没有给出所问的具体时间" in a["answer"]


def test_ranking_counts_the_question_words_a_task_holds_by_synonym_and_shortening(ask):
    a = ask("温州职院升本科这事 提了没")  # 职院 is not printed; the task names 职业技术学院升格为本科
    assert a["answered"] and top(a)[1:] == ("四", 1)
    b = ask("请问承德21年教育十四五规划编不编")
    assert b["answered"] and top(b) == (CHENGDE, "一", 1)


def test_a_parenthesised_insert_is_read_inline_and_left_out_for_matching():
    from assistant.documents.normalize import with_inserts_read
    from assistant.retrieval.terms import Term
    text = with_inserts_read("计划新改(扩、建)各级各类学校 42 所，推动12个县(市)区达标")
    assert text.startswith("计划新改(扩、建)各级各类学校 42 所")  # as printed first
    assert Term("改扩建", ("改扩建",), 1.0).found_in(text) and Term("县区", ("县区",), 1.0).found_in(text)
    assert with_inserts_read("没有括号的句子") == "没有括号的句子"


def test_a_colloquial_word_jieba_would_cut_apart_is_read_by_its_table_line(ask):
    a = ask("承德推普那摊事谁管")  # 推普: without the table, jieba cuts 推 and 普 and nothing is left to search for
    assert a["answered"] and top(a) == (CHENGDE, "二", 9)


def test_a_table_word_inside_a_longer_word_stands_for_its_plan_word_there(ask):
    a = ask("遂宁好老师评选是哪条")  # 好老师 -> 好教师, which 遂宁 prints; 优秀教师 elsewhere must not outrank it
    assert a["answered"] and top(a) == (SUINING, "六", 38)


def test_a_question_mostly_about_what_no_plan_names_is_refused_naming_it(ask):
    a = ask("遂宁学校周边网吧咋管")  # 遂宁 36 speaks of 校园周边环境治理, no plan of 网吧
    assert a["status"] == "not_found" and "都没有提到“网吧”" in a["reason"]
    b = ask("遂宁围棋象棋进校园 搞没搞")
    assert b["status"] == "not_found"
    c = ask("遂宁乡下学校改厕所是哪项")  # 乡下 is no plan's word, but the question is mostly about 学校改厕
    assert c["answered"]


def test_a_thing_no_plan_names_asked_beside_a_real_task_is_refused_naming_it(ask):
    # 竞赛 and 特色校 are plan words; 无人机 and 击剑 are no plan's, and the tasks that share the rest hold little else
    a = ask("遂宁中小学无人机竞赛 哪个科管")
    assert a["status"] == "not_found" and "无人机" in a["reason"]
    b = ask("长春击剑特色校 新增几所")
    assert b["status"] == "not_found" and "击剑" in b["reason"]
    c = ask("遂宁老师职称评审 有没有向村小倾斜")  # every topic word is the plan's: still answered
    assert c["answered"]


def test_an_office_shortening_signing_or_guessing_is_no_topic_the_task_lacks(ask):
    a = ask("体卫艺问 遂宁中小学生田径比赛 谁牵头")  # the asker's office, printed by no plan's text
    assert a["answered"] and top(a) == (SUINING, "三", 19) and "“体卫艺”" not in a["answer"]
    b = ask("计财问 达州义务教育学校建设项目 投了多少钱")  # 达州 16 prints no amount: partial, not a missing 计财
    assert b["status"] == "partial" and top(b) == (DAZHOU, "三", 16)


def test_a_plan_word_inside_a_word_no_plan_uses_is_no_topic_of_its_own(ask):
    a = ask("遂宁关爱单亲家庭娃有没有写")  # 遂宁 21 and 31 speak of 家庭 (留守, 贫困家庭), no plan of 单亲家庭
    assert a["status"] == "not_found" and "单亲家庭" in a["reason"]
    b = ask("遂宁教研室转智库是哪条")  # 教研 is printed: 教研室 leaves one character, a suffix
    assert b["answered"] and top(b) == (SUINING, "三", 23)
    # but a building of the activity is another thing: 遂宁 三、20 has a 游泳 team and school, no pool
    c = ask("遂宁要新建几个游泳馆")
    assert c["status"] == "not_found" and "游泳馆" in c["reason"]
    d = ask("遂宁游泳项目谁牵头")
    assert d["answered"] and top(d) == (SUINING, "三", 20)


def test_a_word_that_sounds_like_one_the_asked_plan_prints_is_not_held_only_elsewhere(ask):
    a = ask("遂宁学生心里健康教育 牵头的是哪个科")  # 心里 (other plans print it) typed for 心理
    assert a["answered"] and top(a) == (SUINING, "三", 22)


def test_words_about_why_one_asks_never_say_a_plan_lacks_the_topic(ask):
    a = ask("达州小学初中那个巩固率，今年目标定的多少来着？写材料要用")  # 材料: everyday talk, in another plan
    assert a["answered"] and top(a) == (DAZHOU, "四", 24) and "95%" in "".join(a["results"][0]["evidence"])


def test_how_long_and_english_detail_words_ask_the_value_not_about_what(ask):
    a = ask("温州劳动教育 一学年要安排多长时间劳动")
    assert a["answered"] and "一周" in "".join(a["results"][0]["evidence"])
    b = ask("遂宁普高标准化考点升级改造的deadline是啥时候")  # deadline asks a date; 普高 is 普通高中
    assert b["answered"] and top(b) == (SUINING, "二", 7) and "12 月底" in "".join(b["results"][0]["evidence"])


def test_a_count_with_an_unlisted_measure_word_is_not_answered_with_another_number(ask):
    a = ask("长春给小学低年级配坐姿矫正仪，预算多少？配多少台")  # the task gives 近视率下降0.5%, no 台, no 预算
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "二", 7) and a["results"][0]["evidence"] == []


def test_a_clause_about_why_one_asks_is_set_aside(ask):
    a = ask("达州中小学每个月至少要搞几次集中政治学习？学校问我们要依据")  # 依据 is another plan's word
    assert a["answered"] and top(a) == (DAZHOU, "一", 4) and "1次" in "".join(a["results"][0]["evidence"])
    b = ask("遂宁 网吧 管理")  # one clause, however spaced: 网吧 is not set aside
    assert b["status"] == "not_found"


def test_a_value_word_alone_in_the_asking_clause_leaves_the_object_to_the_rest(ask):
    a = ask("承德2020年那108个民心工程 总投资多少亿")  # the item gives 资助资金4.92亿元, nothing on 民心工程's cost
    assert a["status"] == "partial" and a["results"][0]["evidence"] == []


def test_the_rest_of_the_question_picks_between_values_the_asking_words_share(ask):
    a = ask("教育装备达标园 温州打造多少")  # 打造2-3个县级示范 and 打造80所以上教育装备达标园 in one task
    assert a["answered"] and "80所以上" in "".join(a["results"][0]["evidence"])


def test_when_a_value_was_set_is_not_what_it_is_about(ask):
    a = ask("承德停课期间贫困生配多少平板")  # 期间 (during) need not stand beside 平板电脑73台
    assert a["answered"] and "73台" in "".join(a["results"][0]["evidence"])


def test_a_summary_item_holding_the_question_answers_before_the_summarys_opening(ask):
    # the opening names 政协委员提案承办先进单位; chapter 五 prints 政协委员提案50件
    a = ask("承德 2020总结 政协委员提案 办理多少件")
    assert a["answered"] and top(a) == (CHENGDE, "五", None) and "50件" in "".join(a["results"][0]["evidence"])
    b = ask("承德2020年高考成绩怎么样")  # only the opening speaks of it: it still answers
    assert b["answered"] and b["results"][0]["title"] == "2020年工作总结"


def test_a_year_alone_does_not_answer_which_day(ask):
    a = ask("遂宁2019年全民终身学习活动周是哪天开始？")  # the task: 办好2019年全民终身学习活动周
    assert a["status"] == "partial" and top(a) == (SUINING, "二", 13) and a["results"][0]["evidence"] == []
    b = ask("遂宁全民终身学习活动周 是哪几天")  # which days: still no year's answer
    assert b["status"] == "partial" and top(b) == (SUINING, "二", 13) and b["results"][0]["evidence"] == []


def test_a_name_is_answered_only_by_a_name_the_plan_prints(ask):
    a = ask("温州心理健康守护联盟叫啥名")  # printed as “溫心健康”守護聯盟
    assert a["answered"] and "“溫心健康”守護聯盟" in "".join(a["results"][0]["evidence"])
    b = ask("温州那3所特殊教育学校都叫什么")  # the task says 加快3所特殊教育學校建設 and names none
    assert b["status"] == "partial" and b["results"][0]["evidence"] == []
    assert "没有给出所问的名称" in b["answer"]


def test_the_members_of_a_counted_set_are_answered_only_by_a_clause_listing_them(ask):
    a = ask("达州那三张教育名片分别是什么")  # 做优基础教育、做强职业教育、做亮素质教育，打造达州教育三张名片
    assert a["answered"] and "做优基础教育、做强职业教育、做亮素质教育" in "".join(a["results"][0]["evidence"])
    b = ask("承德的三大爱国主义教育品牌都有啥")  # three quoted names, the first holding a comma
    assert b["answered"] and "“青春告白祖国”" in "".join(b["results"][0]["evidence"])
    c = ask("温州六大项目研究共同体分别是哪些")  # 成立六大项目研究共同体 names none of the six
    assert c["status"] == "partial" and c["results"][0]["evidence"] == [] and "名称" in c["answer"]
    # the task that lists the four answers, though the 师德 task speaking of 宣扬 ranks first
    d = ask("遂宁开展的系列宣扬工作是哪四好")
    assert d["answered"] and top(d)[1:] == ("六", 41) and "好学生、好教师、好校长、好学校" in "".join(d["results"][0]["evidence"])
    # 七大机制 named but never listed: three 信访 机制 listed two sentences on are not the seven, and who leads, asked
    # after the members in another clause, does not make it an office question
    e = ask("达州学校安全七大机制 哪七个 谁牵头")
    assert e["status"] == "partial" and top(e)[1:] == ("二", 14) and "名称" in e["answer"]
    assert "信访办理机制" not in e["answer"] and "安信办" in e["answer"]


def test_times_asked_in_a_period_read_as_how_often_and_a_count_printed_without_its_measure_word(ask):
    """每学期搞几次 asks how often (每学期开展一次 answers as 2次 would); 认定几个 is answered by 认定10双师型名师工作室,
    whose plan dropped the 个; 多少个公办幼儿园学位 counts places, not the children the 幼儿 of 幼儿园 names."""
    from assistant.retrieval.details import asked_detail
    a = ask("长春 校园周边联合治理 每学期搞几次")
    assert a["answered"] and "每学期开展一次" in "".join(a["results"][0]["evidence"])
    assert asked_detail("一年搞几次培训").kind == "frequency" and asked_detail("一年级开了几次").kind == "count"
    b = ask("长春 双师型名师工作室 认定几个")
    assert b["answered"] and "10双师型名师工作室" in "".join(b["results"][0]["evidence"])
    assert asked_detail("新增多少个公办幼儿园学位").pattern.search("新增公办学位810个")
    assert asked_detail("补充多少个幼儿园老师").pattern.search("补充教师30人")  # a teacher of a kindergarten is people


def test_a_count_in_a_list_of_counted_things_is_of_its_own_item(ask):
    """139所足球特色学校(国家级120所、市级19所)、13所足球特色幼儿园: 国家级120所 counts schools, so the 幼儿园 asked by
    level (国家级的有几所, the object said before it) get no figure; the schools still get theirs, and the list's
    lead-in (推进) is every item's."""
    from assistant.retrieval.details import asked_detail
    a = ask("达州足球特色幼儿园13所 里面国家级的有几所")
    assert a["status"] == "partial" and not a["results"][0]["evidence"]
    b = ask("达州足球特色学校 国家级的有几所")
    assert b["answered"] and "国家级120所" in "".join(b["results"][0]["evidence"])
    c = ask("达州 足球特色学校一共推进多少所")
    assert c["answered"] and "139所足球特色学校" in "".join(c["results"][0]["evidence"])
    # a figure checked after words of its own (是不是规定最多只能收3个月) is a stated duration, not a count of 个
    stated = asked_detail("温州预收费 是不是规定最多只能收3个月")
    assert stated.kind == "duration" and stated.stated == "3个月"


def test_how_often_is_answered_by_a_frequency_the_task_prints(ask):
    a = ask("达州中小学集中政治学习多长时间搞一次")  # 各中小学校每月至少组织1次集中政治学习
    assert a["answered"] and "每月至少组织1次" in "".join(a["results"][0]["evidence"])
    b = ask("长春校园周边乱象 隔多久联合治理一次")  # 每学期开展一次…，打击校园周边重点乱象行为: the object follows
    assert b["answered"] and "每学期开展一次" in "".join(b["results"][0]["evidence"])
    c = ask("达州红烛党建 多久评一次")  # the task prints no frequency
    assert c["status"] == "partial" and "频次" in c["answer"]
    d = ask("达州带量食谱 多久一份 谁lead")  # once in any unit of times: 制定每周带量营养食谱
    assert d["answered"] and "每周带量营养食谱" in "".join(d["results"][0]["evidence"])
    # the verb and whom between 多久 and 一回 (专门给上头报一回), and 每半年 as a frequency: not a date, not 每季度's
    # sentence on another duty of the same task
    e = ask("达州意识形态那条 落实情况多久专门给上头报一回？谁牵头")
    assert e["answered"] and "每半年" in "".join(e["results"][0]["evidence"])


def test_a_common_shortening_reaches_the_plans_full_name(ask):
    a = ask("遂宁高三联考是哪条")  # 联考 (synonyms.tsv): the task says 高三“多市联合诊断考试”
    assert a["answered"] and top(a)[1:] == ("三", 23)


def test_what_a_yes_no_check_asks_about_must_be_in_the_plan(ask):
    # the 学生赛事 / 全民健身 tasks hold the rest of the question; the thing checked for is in no plan of the city
    a = ask("达州学生体育赛事 有没有拔河比赛")
    assert a["status"] == "not_found" and "拔河" in a["reason"]
    b = ask("遂宁全民健身 踢毽子比赛办不办")
    assert b["status"] == "not_found" and "踢毽子" in b["reason"]
    c = ask("遂宁校园足球 搞不搞")  # the checked thing is the plan's: answered
    assert c["answered"]
    d = ask("达州推普周这摊是不是语委办在牵头")  # 是不是 checks a guess, not whether something is there
    assert d["answered"]
    # X 有具体安排没 / 有说法没 checks X, typed before it after a space
    e = ask("承德 踢毽子进校园 有具体安排没")
    assert e["status"] == "not_found" and "踢毽子" in e["reason"]
    assert ask("遂宁 校园足球 有说法没")["answered"]
    # a guess that the plan does it too (也开了X吧) checks X, the particle no part of it, though X is a word no plan
    # uses at all and so weighs too little to be missing from the task holding the rest (名师云课)
    f = ask("长春除了名师云课 也开了慕课吧")
    assert f["status"] == "not_found" and "慕课" in f["reason"]


def test_a_word_no_plan_uses_counts_with_its_pieces_the_task_lacks(ask):
    # jieba cuts 人脸识别 into 识别 and 人脸识别; 门禁 and 校门 alone do not make the 校门值守 task an answer
    a = ask("承德学校人脸识别门禁系统 有没有")
    assert a["status"] == "not_found" and "人脸识别" in a["reason"]


def test_a_system_going_live_is_the_plans_system_being_built(ask):
    a = ask("长春数字校园综合服务系统 啥时候上线")  # 上线 (synonyms.tsv) reaches 开发; the task prints no date
    assert a["status"] == "partial" and top(a)[1:] == ("六", 27) and "时间" in a["answer"]


def test_where_something_is_built_is_answered_only_by_a_named_place(ask):
    a = ask("遂宁省游泳学校要建在哪个区县")  # the task says 落户我市: no county named
    assert a["status"] == "partial" and top(a) == (SUINING, "三", 20) and "地点" in a["answer"]
    b = ask("达州少年军校分别建在哪几个县")
    assert b["answered"] and "达川区、开江县、大竹县" in "".join(b["results"][0]["evidence"])
    for question in ("承德民族学校要开哪些校本课程", "遂宁12345热线办理放哪"):  # which courses; where in the plan
        assert ask(question)["answered"], question


def test_an_ordinal_is_not_a_count(ask):
    a = ask("遂宁好教师评选有多少个名额")  # the task's only 个 is 第35个教师节
    assert a["status"] == "partial" and top(a) == (SUINING, "六", 38) and a["results"][0]["evidence"] == []
    b = ask("承德2021资助学生多少人次")  # 130万人次: 万 belongs to the number
    assert b["answered"] and "130万人次" in "".join(b["results"][0]["evidence"])


def test_words_a_bracketed_term_glosses_do_not_count_against_it(ask):
    a = ask("达州学校里那种让家长能看到后厨的做法（明厨亮灶）归哪个科管")  # 后厨, 家长 describe what 明厨亮灶 names
    assert a["answered"] and top(a) == (DAZHOU, "三", 19)
    b = ask("班级人太多（大班额）达州打算咋消化")
    assert b["answered"] and top(b)[0] == DAZHOU and "大班额" in "".join(b["results"][0]["evidence"])


def test_a_city_name_inside_another_word_is_not_a_place(ask, engine):
    a = ask("承德推广普通化谁负责")  # 普通化, a slip for 普通话, holds the letters of 通化
    assert a["answered"] and top(a) == (CHENGDE, "二", 9)
    for question, city in (("唐山教育据2021年工作要点 谁牵头抓劳动教育", "唐山"), ("白城市教育局2020年教育扶贫", "白城")):
        q, _ = engine.reading(question)
        assert q.unknown_cities == [city], question


def test_a_word_jieba_knows_only_as_the_start_of_a_longer_one_is_still_read(ask):
    a = ask("遂宁学校防性侵教育咋搞")  # 性侵 (of 性侵犯) would be cut into single characters and dropped
    assert a["status"] == "not_found" and "性侵" in a["answer"]
    b = ask("县管校拼达州今年还推不推")  # 县管校 is found inside the plan's 县管校聘, and ranked by it
    assert b["answered"] and top(b) == (DAZHOU, "五", 33)


def test_a_word_jiebas_best_path_cuts_across_is_still_read(engine):
    # 中 | 考招生 is jieba's path; 中考 | 招生 is nearly as likely and asks 中考
    assert "中考" in engine.tokenizer.tokens("中考招生改革 谁牵头", hmm=False)
    # 去 | 石家庄 and 新 | 改扩建 are far likelier than 去石 | 家庄 and 新改 | 扩建
    assert "去石" not in engine.tokenizer.tokens("去石家庄接学生", hmm=False)
    assert "新改" not in engine.tokenizer.tokens("新改扩建那17所幼儿园", hmm=False)


def test_why_one_asks_typed_after_a_space_is_not_the_topic(ask):
    a = ask("达州义务教育大班额要控制在百分之几以内 写材料用")
    assert a["answered"] and top(a) == (DAZHOU, "四", 24) and "3%" in "".join(a["results"][0]["evidence"])


def test_in_the_plan_is_where_one_looks_not_what_one_asks(ask):
    # 文件里 would otherwise be a topic word no plan holds, and weigh as much as the topic
    a = ask("长春学校要求男生剪短头发，文件里有没有这种规定")
    assert a["status"] == "not_found" and "头发" in a["answer"]


def test_a_year_in_chinese_numerals_is_read_as_a_year(ask):
    a = ask("长春二〇二一年学前教育目标")
    assert a["status"] == "not_found" and "长春2021年" in a["answer"]
    b = ask("达州二〇二一 区域教育中心")  # without 年
    assert b["status"] == "not_found" and "达州2021年" in b["answer"]
    c = ask("承德二二年 劳动课 开齐没")  # the spoken two digits
    assert c["status"] == "not_found" and "承德2022年" in c["answer"]
    d = ask("长春一二年级 近视防控 咋要求")  # grades one and two, not 2012
    assert d["answered"] and top(d) == (CHANGCHUN, "二", 7)


def test_a_city_name_keeps_the_characters_that_begin_the_next_word(ask):
    a = ask("遂宁市长教育奖谁牵头")  # 遂宁|市长教育奖, not 遂宁市|长教育奖
    assert a["answered"] and top(a) == (SUINING, "四", 27)


def test_people_counted_by_who_they_are_answer_how_many_people(ask):
    a = ask("承德2020年核酸检测一共检测了多少人")  # 70万师生全覆盖进行核酸检测
    assert a["answered"] and "70万师生" in "".join(a["results"][0]["evidence"])


def test_words_that_tell_how_a_question_is_told_weigh_nothing(engine):
    _, terms = engine.reading("我家娃说学校从来不管上面的事 遂宁网吧")
    weights = {t.word: t.weight for t in terms}
    assert weights["我家"] == weights["从来"] == weights["上面"] == 0  # pronoun, adverb, direction
    assert weights["网吧"] > 3  # a noun no plan uses keeps its weight: it may be the topic


def test_english_words_for_who_leads_ask_the_offices(ask):
    for question, where in (("承德 校服 owner 是谁", (CHENGDE, "六", 31)), ("达州 控辍保学 lead office", (DAZHOU, "四", 24)),
                            ("遂宁创客教育谁lead", (SUINING, "二", 9))):
        a = ask(question)
        assert a["answered"] and a["intent"] == "lead" and top(a) == where, question


def test_a_keyword_question_ending_in_qiantou_asks_who_leads(ask):
    a = ask("达州 师德师风 牵头")
    assert a["intent"] == "lead" and a["answered"] and top(a) == (DAZHOU, "五", 30)


def test_a_topic_with_deadline_asks_its_date_not_a_list_of_due_tasks(ask):
    a = ask("温州智慧校园 deadline")  # 智 sounds like 之, but a topic is no filler around a time word
    assert a["intent"] != "deadline" and a["status"] == "partial" and "时间" in a["answer"]


def test_everyday_words_around_the_topic_do_not_count_against_it(engine):
    for question in ("达州那个研学基地的事放在哪条", "帮我查一下达州少年军校是哪项"):
        assert engine.ask(question).answered, question


def test_a_yes_no_question_asked_by_repeating_the_verb_is_read_for_its_topic(ask):
    a = ask("遂宁研学旅行的文件 出没出")  # 出没出: jieba would read 出没 (to haunt) as a missing topic word
    assert a["answered"] and top(a) == (SUINING, "三", 21)


def test_a_question_about_one_tasks_offices_is_no_office_list(ask):
    # 有哪些 asks for the task's other offices here, not for every task of 基础教育科
    a = ask("遂宁高考综合改革那条，是不是基础教育科牵头？配合的单位有哪些")
    assert a["intent"] == "lead" and a["answered"] and top(a) == (SUINING, "四", 25)
    b = ask("达州要定教师培训学时管理办法 是人事师训科lead吧？还有哪几个科配合")
    assert b["intent"] == "lead" and b["answered"] and top(b) == (DAZHOU, "五", 31)


def test_measures_asked_for_are_what_the_plan_does_not_a_topic(engine, ask):
    _, terms = engine.reading("各地在教育督导上有哪些举措")
    assert not {"举措", "措施", "做法"} & {t.word for t in terms}
    a = ask("承德校园足球有啥举措")  # not the 2020 summary's 以非常举措，坚决防止疫情在校园蔓延
    assert a["answered"] and top(a) == (CHENGDE, "二", 6)


def test_who_wants_the_answer_after_the_question_is_no_topic(ask):
    for question in ("遂宁研学旅行实施意见 谁牵头", "成都2020年新建几所学校"):
        plain = ask(question)
        for said in ("，领导要的", "？局长急要", " 科长要用"):
            a = ask(question + said)
            assert (a["status"], a["results"][:1] and top(a)) == (plain["status"], plain["results"][:1] and top(plain))
            assert "领导" not in a["reason"] and "局长" not in a["reason"], question + said


def test_where_a_task_goes_asks_who_leads_it_and_is_no_topic(ask):
    a = ask("达州校责险那摊事 落到哪个科室？计财是不是配合的")  # 落到 is printed only in 承德's 落到实处
    assert a["intent"] == "lead" and a["answered"] and top(a) == (DAZHOU, "三", 19)


def test_how_often_is_never_a_topic_another_plan_holds(ask):
    a = ask("达州意识形态那块，集中政治学习是不是一学期一次")  # 学期 is in other plans, not in 达州's
    assert a["answered"] and top(a) == (DAZHOU, "一", 4)


def test_a_phrase_jieba_lists_in_passing_weighs_as_its_rarer_word(engine, ask):
    _, terms = engine.reading("温州仁济学院转设啥时候搞完")
    weights = {t.word: t.weight for t in terms}
    assert weights["搞完"] < 0.5 * weights["仁济"]  # 搞 + 完, both everyday words
    a = ask("温州仁济学院转设啥时候搞完")
    assert a["status"] == "partial" and top(a) == (WENZHOU, "四", 2)


def test_numbers_and_quantities_never_name_a_topic(engine, ask):
    _, terms = engine.reading("遂宁高考综合改革谁lead 好像是好几个科室一起牵头")
    assert {t.word: t.weight for t in terms}["好几个"] == 0
    a = ask("承德我家娃作业写到十一二点，这事谁管")  # 十一 is printed in other plans (十一届)
    assert a["answered"] and top(a) == (CHENGDE, "二", 7)


def test_a_city_whose_own_plan_is_asked_is_named_missing_beside_a_corpus_city(ask):
    a = ask("成都市教育局2019年工作要点里对职业教育有啥安排？我们想跟遂宁对比")
    # 遂宁's side is given, 成都's block says the corpus lacks it: the question is answered in part only
    assert a["status"] == "partial" and not a["answered"] and "没有成都的工作要点" in a["answer"]
    blocks = {p["city"]: p["status"] for p in a["plans"]}
    assert blocks["成都"] == "not_found" and blocks["遂宁"] == "answered"
    assert ask("遂宁和成都的教育合作有啥")["answered"]  # 成都 as the partner of 遂宁's task


def test_how_many_people_named_by_who_they_are_skips_list_markers(ask):
    a = ask("承德2020年总共补充了多少老师")  # 二是加强教师补充 is the second point, not a count
    quote = "".join(a["results"][0]["evidence"])
    assert a["answered"] and "1867人" in quote


def test_a_slip_of_the_tasks_own_word_is_not_a_missing_topic(ask):
    a = ask("遂宁标准化心里辅导室要建多少个")  # 心里 for 心理; the task gives no number
    assert a["status"] == "partial" and top(a) == (SUINING, "三", 22)


def test_who_asks_said_after_the_question_is_not_its_topic(ask):
    # 后勤中心问的 says who asks; read as the topic it made 承德's 后勤 task look like the answer
    a = ask("承德冬天冷，学校供暖改造有没有写进2021年要点？后勤中心问的")
    assert a["status"] == "not_found" and "供暖" in a["answer"]
    b = ask("遂宁校服谁管？家长问的")
    assert b["status"] == "not_found" and "校服" in b["answer"]


def test_a_word_said_on_its_own_counts_though_a_longer_word_holds_it_too(engine):
    _, terms = engine.reading("承德课间十分钟 大课间那个 有没有硬性要求")  # no plan says 课间
    assert "课间" in {t.word for t in terms}
    _, terms = engine.reading("意大利的学校")  # 大利 is only a piece of 意大利
    assert "大利" not in {t.word for t in terms}


def test_an_office_set_apart_at_either_end_of_a_question_is_who_asks(ask):
    a = ask("基教 承德21年高中阶段毛入学率目标是90%吧")  # 90% is the user's guess, printed only in other plans
    assert a["answered"] and top(a) == (CHENGDE, "三", 12) and "93%" in "".join(a["results"][0]["evidence"])
    b = ask("遂宁课后服务试点学校定了几所 基教")
    assert b["status"] == "partial" and top(b) == (SUINING, "五", 32)
    c = ask("安全科：达州学校六大安全工程是哪六个")  # 六个 counts, it names no topic
    assert c["answered"] and top(c) == (DAZHOU, "二", 14)
    d = ask("人事 长春强师计划特岗计划招多少人 有数没")  # 长春 prints no offices: 人事 is no topic either
    assert d["status"] == "partial" and top(d) == (CHANGCHUN, "五", 21)
    assert ask("达州 基教科 牵头哪些")["intent"] == "office_tasks"  # asked of the office: no signature
    for question in ("体卫艺要数：遂宁要求每个学生掌握几项体育技能 几项艺术特长",  # 几项 counts skills, no office list
                     "请问一下，体卫艺要数：遂宁要求每个学生掌握几项体育技能 几项艺术特长"):
        e = ask(question)
        assert e["answered"] and top(e) == (SUINING, "三", 19) and e["intent"] != "office_tasks", question
    assert ask("基教科：达州牵头几项")["intent"] == "office_tasks"  # the office alone before the colon: asked of it


def test_how_many_yi_asks_an_amount(ask):
    assert asked_detail("体彩销量目标多少个亿").kind == "amount"
    a = ask("遂宁体彩今年销量目标几个亿")
    assert a["answered"] and "1.2 亿元" in "".join(a["results"][0]["evidence"])


def test_a_found_head_word_does_not_cover_a_compound_the_task_lacks():
    # what the caveat names as missing: 家庭 leaves 单亲 uncovered; 教研 leaves only the suffix 室
    assert not _part_of_found("单亲家庭", ["单亲家庭", "家庭"], ["家庭"], strict=True)
    assert _part_of_found("教研室", ["教研室", "教研"], ["教研"], strict=True)


def test_asking_whether_the_plan_mentions_a_topic_reads_the_topic_after_ti(ask, engine):
    a = ask("承德总结里有没有提防溺水")  # 提防 (to guard against) is no topic: 防溺水 is
    assert a["answered"] and a["results"][0]["title"] == "人民群众对教育的满意度获得感显著提升"
    q, _ = engine.reading("长春有没有提高收费标准")  # 提高 is a word of the plans: it stays
    assert "提高" in q.topic
    q, _ = engine.reading("达州提没提校园足球")
    assert q.topic == "校园足球"


def test_a_shortening_of_two_things_is_not_found_where_only_one_is(ask):
    # 幼小 (衔接) is kindergarten and primary school together: 长春's 幼儿园 tasks do not hold it, 承德's 幼小衔接 does
    a = ask("长春幼小衔接今年咋弄")
    assert a["status"] == "not_found" and "承德" in a["answer"]
    assert ask("承德幼小衔接今年咋弄")["answered"]


def test_a_question_with_nothing_to_look_up_asks_for_the_topic_instead_of_answering_every_plan(ask):
    for question in ("那个", "有没有提到", "帮我查一下", "谁牵头"):
        a = ask(question)
        assert a["status"] == "not_found" and not a["results"] and "没有看出要查的事项" in a["answer"], question
    assert ask("学前教育")["answered"]  # a topic alone is asked of every plan


def test_asked_detail_reads_the_kind_of_value_asked():
    assert asked_detail("遂宁今年新建公办园几所").kind == "count"
    assert asked_detail("长春残疾儿童每年补助多少钱").kind == "amount"
    assert asked_detail("达州普惠园占比要到多少").kind == "share"
    assert asked_detail("承德推普周是哪天").kind == "date"
    assert asked_detail("跟云策集团合作的是哪几所学校") is None  # asks which, not how many
    assert asked_detail("承德抓作业 睡眠 手机那几样管理的 是哪条") is None  # those things, pointed at
    assert asked_detail("这几年一直在推的课后服务 谁牵头") is None
    assert asked_detail("那多少钱呢").kind == "amount" and asked_detail("那多少人参加").kind == "count"
    # a bonus is asked of by how much, not by naming it (绩效奖金怎么分 asks how it is shared out)
    assert asked_detail("公办学校老师绩效奖金怎么分的 谁牵头") is None
    assert asked_detail("一个老师在几个学校之间轮着上课 计划咋说的") is None  # between several, not how many
    assert asked_detail("要改造几个房间").kind == "count"
    assert asked_detail("等保要落实到几点零").kind == "count"  # 2.0, a version, not an hour
    assert asked_detail("晚上几点放学").kind == "date"
    assert asked_detail("一年给多少扶持钱").kind == "amount" and asked_detail("奖金有多少").kind == "amount"
    assert asked_detail("温州学生近视率要降多少个百分点").kind == "share"
    # how long it lasts (一周 answers) is not when (多久能建好) nor how often (多长时间整治一次)
    assert asked_detail("温州娃每学年劳动活动 至少安排多久").pattern.search("每學年至少安排一周開展勞動活動")
    assert asked_detail("体育活动每天几小时").kind == "duration"
    assert asked_detail("多久能建好").kind == "date"
    assert asked_detail("老年教育三年计划管的是哪几年").kind == "date"  # which years, not how many (三年)
    assert asked_detail("长春学校周边乱象多长时间联合整治一次").kind == "frequency"
    # the count stated, the names asked: 建设未来学校3所 names none, a list of named schools would
    which = asked_detail("长兴县那3所未来学校是哪几所")
    assert which.kind == "name" and which.pattern.search("支持长兴中学、华盛达实验学校等创建")
    assert not which.pattern.search("建设未来学校3所")
    assert asked_detail("承德21年党史学习教育那条 责任科室有哪几个") is None  # offices, and 21年 is a year
    assert asked_detail("达州教育扶贫谁牵头") is None
    assert asked_detail("缺科老师几个学校轮着用的那个办法叫啥").kind == "name"  # a name, not how many
    assert asked_detail("那项任务叫啥") is None  # the task's title answers
    assert asked_detail("第几批特级教师").kind == "ordinal"
    assert asked_detail("第几届推普周").pattern.search("组织开展第 24 届全国推普周")  # plans space their numbers
    assert asked_detail("职教博物馆建在哪").kind == "place"
    assert not asked_detail("职教博物馆建在哪").pattern.search("培育以职教园区为核心")  # 园区 is no place name
    assert not asked_detail("幼儿园建在哪").pattern.search("独立建制和小区配套幼儿园")  # nor is 小区
    assert asked_detail("校长去哪儿跟岗培训").kind == "place"  # where they go to learn
    assert not asked_detail("校长去哪儿跟岗培训").pattern.search("到先进地区优质名校跟岗培训")
    assert asked_detail("这事去哪儿问") is None  # where to ask is no detail of a task


def test_synonym_table_is_readable_and_maps_everyday_words_to_plan_words():
    table = synonyms()
    assert "教师" in table["老师"] and "学生" in table["孩子"] and "校园超市" in table["小卖部"]
    assert "食堂" in table["餐厅"] and "校车" in table["校巴"]  # the lines proposed from the plans' vocabulary
    assert "班级人数" not in table  # 班级 and 人数 match piece by piece: no table word to be found whole
    assert all(word == alternatives[0] for word, alternatives in table.items())
    # one line a word: a second line for a word would silently replace the first's plan words
    from assistant.retrieval.terms import _table_lines
    words = [word for word, _ in _table_lines()]
    assert sorted({w for w in words if words.count(w) > 1}) == []


# Regression floors on the held-back parts (never tuned on), as this build measured them (2026-12-02): hit@1, answerable
# questions refused, unanswerable questions answered, answers whose quote lacks the asked figure. The issue's targets
# (refused ≤ 3%, answered ≤ 5%, no wrong figure, hit@1 ≥ 0.95) are not all met; any regression fails. Batches 7a and
# 7b paraphrase every official term away (eval/README.md): far below the targets.
HELDOUT_FLOORS = {
    # file: (hit@1, refused, answered, wrong figures)   measured
    "colloquial_heldout.jsonl": (0.89, 8, 4, 1),  # 0.897, 8/107, 4/47, 1/30
    "colloquial_batch3.jsonl": (0.96, 3, 4, 1),  # 0.962, 3/105, 4/55, 1/62 (2026-12-02c; was 0.952)
    "colloquial_batch4_heldout.jsonl": (0.95, 2, 1, 0),  # 0.952, 2/42, 1/21, 0/19 (2026-12-02b; was 0.929, 3/42)
    # 0.974, 1/39 until 2026-12-06: a yes/no check's word that no plan uses now counts as lacking from the task
    # (也开了慕课吧), which over all held-back sets answers two unanswerable questions fewer and refuses two answerable
    # ones more, one of them here
    "colloquial_batch5_heldout.jsonl": (0.94, 2, 1, 1),  # 0.949, 2/39, 1/20, 1/19
    # the one asking clause kept from the asides (2026-12-02d) refuses one 6a question again (0.862 -> 0.828) and
    # rightly refuses three more batch 13 questions (4 -> 1)
    # 2026-12-03, a question refused when the best task lacks words no plan uses and holds little else: 4 fewer
    # unanswerable questions answered over the held sets, 2 more answerable ones refused (here and in batch 22)
    # 2026-12-05: a slip in another tone of the same syllable is read (倾泄 -> 倾斜): one more answer here, which
    # quotes a figure of another object (0.828, 4/29, 0/8 -> 0.862, 3/29, 1/9; noticed, not read: held back)
    "colloquial_batch6a_heldout.jsonl": (0.89, 2, 2, 1),  # 0.897, 2/29, 2/14, 1/10 (inserts read inline in BM25: was 0.862, 3/29)
    "colloquial_batch6b_heldout.jsonl": (0.96, 0, 0, 0),  # 0.966, 0/29, 0/14, 0/10
    # the two-part and wrong-guess changes of 2026-12-02b refuse one more 7a question (16 -> 17), hit@1 unchanged
    # 2026-12-02d: a common word (jieba count >= 300) is no shortening; one 7a answer relied on reading it as one
    # 2026-12-04f: the clause holding what a yes/no check asks is no longer set aside, so 溫州有沒有打算專門立個法 keeps
    # its adverb 专门, which 温州 does not print: 0.250, 17/28 -> 0.214, 18/28 (noticed, left: an adverb as a topic)
    "colloquial_batch7a_heldout.jsonl": (0.21, 18, 0, 1),  # 0.214, 18/28, 0/11, 1/6
    # the synonym lines of 2026-12-02 refuse two 7b questions that were answered with a wrong task (12 -> 14 refused)
    # 2026-12-02d: the clause asking for the figure is kept; one 7b answer came from setting it aside
    # 2026-12-04: 多少回会 now asks a count in 回/次; the summary item ranked first gives none, so a wrong-item answer
    # (the right item ranked second) became partial: 13 -> 14 refused, hit@1 unchanged
    # 2026-12-10: one question fewer at rank 1 once a text's source (家长投诉…) is read as no topic, while batch 49's
    # held half gained two
    "colloquial_batch7b_heldout.jsonl": (0.37, 13, 1, 0),  # 0.370, 13/27, 1/11, 0/6 (2026-12-05: 0.407)
    "colloquial_batch8_heldout.jsonl": (0.90, 3, 3, 0),  # 0.906, 3/32, 3/19, 0/10
    # ... and cost one batch 9 answer (0.900 -> 0.867, 3 -> 4 refused)
    "colloquial_batch9_heldout.jsonl": (0.93, 2, 2, 1),  # 0.933, 2/30, 2/14, 1/15 (2026-12-05, toneless slips; was 0.900, 3/30)
    "colloquial_batch10_heldout.jsonl": (0.86, 4, 1, 0),  # 0.867, 4/30, 1/9, 0/9 (2026-12-02d; was 0.833, 5/30)
    "colloquial_batch11.jsonl": (0.98, 1, 1, 0),  # 0.981, 1/54, 0/26, 0/21 (2026-12-24, a compound counted once against a word no plan prints: 加多 of 加多少 and 人心惶惶 now outweigh the rest); 1.000, 0/54, 1/26 before
    "colloquial_batch12_heldout.jsonl": (0.98, 0, 0, 0),  # 1.000, 0/32, 0/12, 0/22
    # ... and answer one more unanswerable batch 13 question (3 -> 4)
    "colloquial_batch13_heldout.jsonl": (0.93, 2, 1, 0),  # 0.931, 2/29, 1/18, 0/12 (2026-12-02d; was 4/18 answered)
    "colloquial_batch14_heldout.jsonl": (0.96, 1, 1, 0),  # 0.963, 1/27, 1/24, 0/16
    "colloquial_batch15_heldout.jsonl": (0.93, 1, 0, 0),  # 0.931, 1/29, 0/13, 0/10
    # written late in the session, measured once, never read: 0.889, 6/54, 1/26, 1/21
    # 2026-12-02e: the helper-drafted synonym lines answer one more unanswerable question here (1 -> 2/26), and one more
    # 7a question rightly (6 -> 7/28)
    "colloquial_batch16.jsonl": (0.88, 5, 2, 1),  # 2026-12-02d: 5/54 refused (was 6)
    # first measured whole (before any question was read): batch 17 0.917, 4/60, 6/30, 1/26; batch 18 1.000, 0/60,
    # 4/30, 0/27; then split once by a hash of the id
    "colloquial_batch17_heldout.jsonl": (0.98, 0, 1, 1),  # 1.000, 0/27, 1/13, 1/11
    "colloquial_batch18_heldout.jsonl": (0.98, 0, 1, 0),  # 1.000, 0/37, 1/10, 0/15
    # first measured whole (before any question was read): batch 19 0.833, 8/60, 6/30, 2/6; batch 20 0.950, 2/60,
    # 4/30, 1/27; then split once by a hash of the id (2026-12-02c)
    # 2026-12-02e: an everyday word printed only inside a fixed phrase (一路 of 一带一路) is no topic held elsewhere:
    # one more unanswerable question answered here (3 -> 4/13), one more answer each in 6a and 9
    "colloquial_batch19_heldout.jsonl": (0.84, 4, 4, 1),  # 0.840, 4/25, 3/13, 1/2 (2026-12-02d; was 0.800, 5/25)
    "colloquial_batch20_heldout.jsonl": (0.95, 1, 1, 0),  # 0.958, 1/24, 1/17, 0/12 (2026-12-03; was 2/17)
    # first measured whole (before any question was read), 2026-12-02d: batch 21 0.933, 3/60, 3/30, 1/27; batch 22
    # 0.967, 2/60, 6/30, 4/30; batch 23 0.800, 11/60, 7/30, 1/25; batch 24 0.923, 5/65, 4/25, 4/70; then split once
    "colloquial_batch21_heldout.jsonl": (0.93, 2, 2, 1),  # 0.938, 2/32, 2/15, 1/12
    "colloquial_batch22_heldout.jsonl": (0.90, 3, 4, 1),  # 0.909, 3/33, 4/13, 1/17 (2026-12-03; was 0.939, 2/33)
    # 2026-12-02e: 几年 asks a span of years: a wrong figure here became a refusal (fig 1/12 -> 0/11, refused 3 -> 4)
    "colloquial_batch23_heldout.jsonl": (0.88, 4, 0, 0),  # 0.882, 4/34, 0/8, 0/11 (a bare place before its own plan: 1/8 -> 0/8)
    # 2026-12-04e: a number the question states is found only as that number (20 is not in 120所): one wrong figure
    # and one unanswerable answered fewer, one answerable question refused more (was 0.977, 1/44, 1/11, 2/43)
    "colloquial_batch24_heldout.jsonl": (0.95, 2, 0, 1),  # 0.955, 2/44, 0/11, 1/43
    # every topic in everyday words (eval/README.md): measured whole once 0.667, 16/60, 4/30, 3/25
    # 2026-12-03c: X 有没有 checks X (calibration +5 refused rightly, held-back +8 over all sets); 请外面的专家来打分评估
    # 那种 有没有 now misses 长春's 第三方评估 on 打分: 0.774 -> 0.742, 7 -> 8 refused
    # and 哪几年 asks which years: 省里的计划 管的是哪几年, answered with a 三年 figure of another plan line, is
    # refused instead (wrong figures 2 -> 1, 8 -> 9 refused)
    "colloquial_batch25_heldout.jsonl": (0.70, 9, 3, 1),  # 0.710, 9/31, 3/15, 1/13
    # staff recalling a fragment (a figure, a date, a slogan, two offices), 2026-12-02f: measured whole once 0.933,
    # 4/60, 2/30, 0/26
    "colloquial_batch26_heldout.jsonl": (0.96, 1, 2, 0),  # 0.969, 1/32, 2/15, 0/17 (2026-12-05, inserts read inline in BM25; was 0.938, 2/32)
    # one measure deep in a task, staff voice, 2026-12-02f: measured whole once 0.900, 4/60, 7/30, 1/25
    "colloquial_batch27_heldout.jsonl": (0.96, 0, 2, 1),  # 0.966, 0/29, 2/13, 1/13 (2026-12-03; was 3/13)
    # figures and their neighbours, 2026-12-02g: measured whole once 0.945, 2/55, 2/35, 3/48
    "colloquial_batch28_heldout.jsonl": (0.90, 2, 1, 1),  # 0.906, 2/32, 1/17, 1/24
    "colloquial_batch29_heldout.jsonl": (0.95, 1, 0, 0),  # 0.952, 1/21, 0/16, 0/11 (2026-12-05, was 1/16; whole: 0.950, 3/60, 3/30, 0/27)
    "colloquial_batch30_heldout.jsonl": (0.95, 1, 0, 0),  # 0.950, 1/20, 0/18, 0/13 (whole: 0.926, 3/54, 4/36, 1/25)
    # input-method slips (同音字), 2026-12-03b: measured whole once 0.933, 2/60, 6/30, 0/20; split, nothing read
    "colloquial_batch31_heldout.jsonl": (0.93, 1, 3, 0),  # 0.938, 1/32, 3/13, 0/11
    # the sentence frames of staff who know roughly what they want (有没有写, 在第几条, 谁挑头, 多久一次), 2026-12-03c:
    # measured whole once 0.933, 3/60, 3/30, 0/21; split, only the calibration half read
    "colloquial_batch32_heldout.jsonl": (0.96, 1, 2, 0),  # 0.967, 1/30, 2/11, 0/10
    # two-part questions (谁牵头 啥时候完成), 2026-12-04: measured whole once 0.950, 3/60, 3/30, 0/30
    "colloquial_batch33_heldout.jsonl": (0.92, 2, 1, 0),  # 0.929, 2/28, 1/17, 0/8
    # dictated by voice and forwarded from chat (@小李, 转：, 领导问), 2026-12-04b: measured whole once 0.934, 2/61,
    # 3/29, 0/8; split, only the calibration half read
    "colloquial_batch34_heldout.jsonl": (0.96, 0, 1, 0),  # 0.968, 0/31, 1/13, 0/4 (was 0.935, 1/31)
    # confirming a half-remembered premise (是职成科牵头吧, 是9月中旬搞对吧, 长春也搞了X吧), 2026-12-04c: measured whole
    # once 0.700, 13/60, 14/30, 0/8; split, only the calibration half read (held at the first measure 0.688, 6/32, 8/14)
    "colloquial_batch35_heldout.jsonl": (0.84, 3, 3, 0),  # 0.844, 3/32, 3/14, 0/7 (was 7/14 before figures stated to
    # be confirmed were read as asking the plan's figure, 2026-12-04e)
    # keywords typed into a search box (达州 营养餐 牵头), 2026-12-04d: measured whole once 0.883, 4/60, 6/30, 0/8;
    # split, only the calibration half read
    "colloquial_batch36_heldout.jsonl": (0.85, 2, 4, 0),  # 0.857, 2/28, 4/11, 0/3
    # figures said in words (三十所吧, 两个亿, 九成), 2026-12-04e: measured whole once 0.950, 2/40, 4/20, 1/10; split,
    # only the calibration half read
    "colloquial_batch37_heldout.jsonl": (1.0, 0, 2, 0),  # 1.000, 0/17, 2/9, 0/3 (was 0.941, 1/17)
    # when, asked in everyday time words (开学前, 是每季度一回吧, 几月开班), 2026-12-04e: measured whole once 0.650,
    # 12/40, 1/20, 0/12; split, only the calibration half read (no change it led to moved this half)
    # 2026-12-05: a run two touching words spell by chance (高一|年级 spells 一年) is no mention: one wrong-task answer
    # here became a refusal (hit@1 unchanged, 7 -> 8 refused)
    "colloquial_batch38_heldout.jsonl": (0.57, 8, 0, 0),  # 0.571, 8/21, 0/14, 0/6
    # figures a finance office asks for (经费多少, 占比, 几所; decoy figures of neighbouring objects), 2026-12-04f:
    # measured whole once 0.895, 4/38, 4/22, 2/48; split, only the calibration half read
    "colloquial_batch39_heldout.jsonl": (0.85, 3, 0, 0),  # 0.850, 3/20, 0/10, 0/23 (2026-12-05; was 1/10)
    # long rambling chat messages with hedges, guesses and self-corrections, 2026-12-04g: measured whole once 0.850,
    # 6/40, 2/20, 0/17; split, only the calibration half read
    "colloquial_batch40_heldout.jsonl": (0.94, 1, 1, 0),  # 0.941, 1/17, 1/9, 0/6
    # fast typing with input-method slips (达州饭堂 明出亮灶, 常春残疾娃), 2026-12-05: measured whole once 0.933, 4/60,
    # 2/30, 1/40; split, only the calibration half read
    # who else, except, role checks (除了基教还有谁, 是体卫艺管吧, 不是问中考), 2026-12-05: measured whole once (golds
    # first put in the earlier sets' convention: the gold's city put first where the helper gave none, lead_unprinted
    # where the plan prints no office) 0.893, 5/56, 5/34, 2/33; split, only the calibration half read
    "colloquial_batch41_heldout.jsonl": (0.86, 4, 1, 0),  # 0.862, 4/29, 1/16, 0/16
    "colloquial_batch42_heldout.jsonl": (0.93, 2, 2, 1),  # 0.931, 2/29, 2/14, 1/19
    # policy shorthand, relayed questions, a school's point of view (双减, 领导让查, 我们学校要做啥), 2026-12-06: measured
    # whole once (six questions with no place given the gold's city first) 0.950, 2/60, 3/30, 0/31; split, only the
    # calibration half read
    "colloquial_batch43_heldout.jsonl": (0.96, 0, 1, 0),  # 0.966, 0/29, 1/15, 0/16
    # the plan quoted from memory, half right (有一条说要“…” 是哪条, 是不是100所吧, 是管到2022年吧), 2026-12-06: measured
    # whole once (35 questions with no place given the gold's city first) 0.967, 2/60, 4/30, 1/30; split, only the
    # calibration half read
    "colloquial_batch44_heldout.jsonl": (0.96, 1, 3, 1),  # 0.966, 1/29, 3/14, 1/14
    # who to contact, offices described by what they do (该找哪个科, 是管钱的那个科牵头吗), 2026-12-06c: one gold
    # dropped as ambiguous before the first measure (遂宁 学生资助: two tasks treat it); measured whole once (two
    # questions with no place given the gold's city first) 0.983, 1/59, 0/30, 0/30; split, calibration half read
    "colloquial_batch45_heldout.jsonl": (1.0, 0, 0, 0),  # 1.000, 0/29, 0/15, 0/15
    # staff typing as they talk at home, mixed scripts (好多所, 啥子时候, 整明白, 晓得伐, ２０２０, jyj, 🙏), 2026-12-07:
    # measured whole once 0.900, 6/60, 3/30, 2/26; split, only the calibration half read
    "colloquial_batch46_heldout.jsonl": (1.0, 0, 3, 1),  # 1.000, 0/29, 3/14, 1/14
    # how a task is done, for whom, and the procedures plans never give (申报流程, 按啥标准, 联系电话), 2026-12-08:
    # measured whole once 0.933, 4/60, 3/30, 1/30; split, only the calibration half read
    "colloquial_batch47_heldout.jsonl": (0.86, 4, 0, 0),  # 0.862, 4/29, 0/14, 0/15
    # tasks named by where they stand in the printed plan (18条, 第三部分倒数第一条, 党建那部分第一条, 总结三（一）,
    # 第50条 of a plan of 38), 2026-12-09: measured whole once 0.900, 2/60, 3/30, 1/31; split (held 0.897, 1/29, 1/14,
    # 0/15), only the calibration half read
    "colloquial_batch48_heldout.jsonl": (0.96, 0, 1, 0),  # 0.966, 0/29, 1/14, 0/15
    # a text from outside matched to the plan (人社局说…“…”，要点里对应哪条; 新闻标题「…」; 检查清单第3项“…”),
    # 2026-12-10: measured whole once 0.567, 24/60, 3/30, 0/8; split (held 0.500, 12/28, 1/15, 0/4), only the
    # calibration half read (it led to the source of the text read as no topic)
    # (2026-12-11: a quoted name kept as the topic when the asking clause names nothing of its own costs one: 0.536, 12/28)
    "colloquial_batch49_heldout.jsonl": (0.53, 12, 1, 0),  # 0.536, 12/28, 1/15, 0/4
    # the plan's frame: the preamble's 总体思路, a part as a whole (第三部分讲啥的), the 2020 summary's items, tasks reached
    # through their part (党建那部分里讲巡察那条), 2026-12-10: measured whole once 0.650, 18/60, 11/30, 2/8; split
    # (held 0.586, 12/29, 3/15, 1/4), only the calibration half read
    "colloquial_batch50_heldout.jsonl": (0.62, 10, 4, 1),  # 0.621, 10/29, 4/15, 1/4 (3/15 since 2026-12-11)
    # staff who speak rather than type: regional speech (啥子, 整, 多会儿, 阿拉…伐) and voice input (no punctuation,
    # fillers, spoken numbers, 签头 / 自助 / 营养参 heard for 牵头 / 资助 / 营养餐), 2026-12-11: measured whole once
    # 0.967, 2/60, 9/30, 1/19; split, only the calibration half read
    "colloquial_batch51_heldout.jsonl": (0.96, 1, 1, 1),  # 0.967, 1/30, 1/15, 1/9
    # compound asks of one task (谁牵头 啥时候完成, 投多少钱 新建几所) and of two tasks of one plan (营养餐跟学生资助 分别谁
    # 牵头), 2026-12-11: measured whole once 0.717, 10/60, 2/30, 3/49; split (held 0.724, 3/29, 1/14, 2/25), only the
    # calibration half read (it led to each value looked for with its own object and two topics answered each)
    "colloquial_batch52_heldout.jsonl": (0.86, 3, 1, 2),  # 0.862, 3/29, 1/14, 2/25
    # a task named by a figure or date it prints (那个要建37所幼儿园的, 投3.15个亿的那个, 6月底前要完成的那个党建的),
    # 2026-12-11: measured whole once 0.933, 4/60, 5/30, 1/28; split, only the calibration half read
    "colloquial_batch53_heldout.jsonl": (0.9, 3, 3, 1),  # 0.900, 3/30, 3/14, 1/13
    # search-box keyword queries (达州 控辍 牵头, 心理健康 遂宁, 学前 毛入园率 达州), 2026-12-12: measured whole once
    # 0.967, 1/60, 4/30, 1/24; split, only the calibration half read
    "colloquial_batch54_heldout.jsonl": (1.0, 0, 2, 1),  # 1.000, 0/29, 2/14, 1/12
    # no place named: staff asking their own bureau's plan (咱们今年要点里…), the topic one plan's alone, or a hint
    # only one plan fits (an office, a county, a province), 2026-12-12: measured whole once 0.967, 1/60, 8/30, 1/33;
    # split, only the calibration half read
    "colloquial_batch55_heldout.jsonl": (0.96, 1, 3, 0),  # 0.966, 1/29, 3/15, 0/16
    # a point buried inside a long task (its fourth or fifth clause), told in the asker's own words with no run of four
    # characters from the plan, 2026-12-13: measured whole once 0.617, 22/60, 3/30, 0/26; split, only the calibration
    # half read
    "colloquial_batch56_heldout.jsonl": (0.55, 13, 1, 0),  # 0.552, 13/29, 1/14, 0/11
    # what a task is for (让农村娃也能上好学校的那条, 防止孩子溺水的), told with no four characters of the plan's,
    # 2026-12-14: measured whole once 0.400, 33/60, 1/30, 0/13; split, calibration half not yet read
    "colloquial_batch57_heldout.jsonl": (0.42, 16, 1, 0),  # 0.429, 16/28, 1/14, 0/7
    # checking a premise heard (是不是要新建30所, 是基教科挑头的？对不对), half of them wrong, 2026-12-15: measured whole
    # once 0.667, 16/60, 13/30, 3/30; split
    # (3 wrong figures since 2026-12-26: reading 12个工作小组对吧 as a figure to confirm, chosen on calibration where it
    # mended one wrong figure, makes one here)
    "colloquial_batch58_heldout.jsonl": (0.72, 6, 6, 3),  # 0.759, 5/29, 6/14, 3/17
    "colloquial_batch59_heldout.jsonl": (0.78, 6, 2, 1),  # 0.750, 7/28, 2/15, 1/8 at the split; 0.786, 6/28 since
    "colloquial_batch60_heldout.jsonl": (0.64, 8, 2, 2),  # 0.643, 8/28, 2/14, 2/9
    # numbers, dates and amounts in the asker's own form (九城五, 一个半亿, 年低前, Q3, 连着16年), 2026-12-18: measured
    # whole once 0.817, 11/60, 4/30, 1/61; split
    "colloquial_batch61_heldout.jsonl": (0.82, 5, 2, 1),  # 0.821, 5/28, 2/14, 1/29
    # neighbouring categories: the asker names a group, level or kind next to the plan's (初中 for 义务教育, 职高 for
    # 中职, 托班, 民办园 asked where only 公办园 is printed), 2026-12-19: measured whole once 0.717, 13/60, 8/30, 3/29; split
    "colloquial_batch62_heldout.jsonl": (0.78, 5, 5, 1),  # 0.786, 5/28, 5/14, 1/12 (0.750, 6/28 at its first measure)
    # one plan term said in everyday words (课外班 for 校外培训机构, 教师证, 便宜的幼儿园 for 普惠园), 2026-12-20:
    # measured whole once 0.417, 31/60, 4/30, 0/18; split
    "colloquial_batch63_heldout.jsonl": (0.44, 13, 3, 0),  # 0.448, 13/29, 3/14, 0/8
    # events, campaigns and recurring activities remembered instead of the task (运动会, 送教下乡, 专项督查, 评选示范校,
    # 教师节庆祝), often a clause inside a wider task, 2026-12-21: measured whole once 0.567, 23/60, 4/30, 0/18; split
    "colloquial_batch64_heldout.jsonl": (0.51, 12, 2, 0),  # 0.517, 12/29, 2/14, 0/8
    # the receiving end: a principal, a kindergarten director, a class teacher, a training centre's manager asking
    # what the plan asks of them or gives them (我是小学校长 今年要我们搞啥), 2026-12-22: measured whole once 0.450,
    # 28/60, 2/30, 0/14; split
    "colloquial_batch65_heldout.jsonl": (0.34, 16, 1, 0),  # 0.345, 16/29, 1/14, 0/5
    "colloquial_batch66_heldout.jsonl": (0.41, 17, 1, 0),  # 0.414, 17/29, 1/14, 0/8 (2026-12-24, a compound counted once against a word no plan prints: 加多 of 加多少 and 人心惶惶 now outweigh the rest); 0.448, 16/29 before
    "colloquial_batch67_heldout.jsonl": (0.82, 3, 4, 0),  # 0.828, 3/29, 4/14, 0/8
    # the issue's own mix, every voice at once, tasks drawn at random over the least-asked, 2026-12-25: measured whole
    # once 0.933, 4/60, 3/30, 0/17; split
    "colloquial_batch68_heldout.jsonl": (0.93, 2, 0, 0),  # 0.933, 2/30, 0/14, 0/8
    # the issue's own mix again, every voice at once, 2026-12-26: measured whole once 0.918, 4/61, 3/29, 2/17; split
    "colloquial_batch69_heldout.jsonl": (0.90, 3, 1, 1),  # 0.900, 3/30, 1/13, 1/8
    "colloquial_batch70_heldout.jsonl": (0.96, 1, 0, 0),  # 0.968, 1/31, 0/13, 0/8
    "colloquial_batch71_heldout.jsonl": (0.83, 5, 2, 0),  # 0.833, 5/30, 2/13, 0/7
    "colloquial_batch72_heldout.jsonl": (0.96, 1, 1, 0),  # 0.967, 1/30, 1/14, 0/10
    "colloquial_batch73_heldout.jsonl": (0.92, 2, 1, 0),  # 0.929, 2/28, 1/15, 0/8 (whole at first measure: 0.917, 4/60, 3/30, 0/17)
    "colloquial_batch74_heldout.jsonl": (0.9, 3, 3, 0),  # 0.900, 3/30, 3/15, 0/7 (whole at first measure: 0.933, 4/60, 5/30, 0/14)
    "colloquial_batch75_heldout.jsonl": (0.96, 0, 1, 0),  # 0.966, 0/29, 1/15, 0/6 (whole at first measure: 0.933, 3/60, 7/30, 0/12)
}


@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_questions_stay_within_the_measured_bounds(engine, name):
    hit1, max_refused, max_answered, max_wrong = HELDOUT_FLOORS[name]
    result = evaluate(engine, load_questions(EVAL / name))
    refused = int(result["answerable_refused"].split("/")[0])
    kept, unanswerable = map(int, result["unanswerable_refused"].split("/"))
    assert result["hit@1"] >= hit1, result["misses"]
    assert refused <= max_refused, result["misses"]
    assert unanswerable - kept <= max_answered, result["wrongly_answered"]
    assert int(result["wrong_figures"].split("/")[0]) <= max_wrong, result["figure_errors"]


def test_a_quoted_name_a_check_asks_about_must_be_printed_not_spelled_apart(ask):
    # 承德 prints 思政课 and 大中小幼思政课 but never the name 大思政课: the check is answered no, and says so
    a = ask("承德思政那条 有没有提“大思政课”")
    assert a["status"] == "not_found" and "“大思政课”" in a["reason"]
    # a name retyped with a word left out of the printed one (课后服务试点) is still the plan's
    b = ask("遂宁 有没有提“课后试点”")
    assert b["answered"] and "课后试点" not in (b["reason"] or "")


def test_a_quoted_name_is_the_thing_asked_when_the_asking_clause_names_nothing_of_its_own(ask):
    # the story around it (有厂家来推销…，说要点里有配备计划) shares 配备 with a 遂宁 task; the quoted product is 长春's
    a = ask("有厂家来推销防近视的“坐姿矫正器”，说教育局要点里有配备计划，遂宁的要点里真有吗？")
    assert a["status"] == "not_found" and "坐姿" in a["reason"]
    # a clause asking of a topic of its own says what is asked: the quoted outside words are its surroundings
    b = ask("省厅要搞乡村教师支持计划“收官评估”，遂宁要点里提的那个实施细则管到哪一年？")
    assert b["answered"] and top(b) == (SUINING, "四", 26)


def test_a_place_told_as_the_example_is_not_asked_the_place_checked_after_it_is(ask):
    # 俺们长春整百万学子上冰雪 is what the asker holds; the question checks 达州, which has no 冰雪, and names 长春's task
    a = ask("俺们长春整百万学子上冰雪 达州那边儿有没有整冰雪进校园啥的")
    assert a["status"] == "not_found" and not a["plans"] and "达州" in a["reason"]
    assert any(e["doc"] == CHANGCHUN and e["task_no"] == 35 for e in a["elsewhere"])
    b = ask("遂宁要点里办龙舟赛马拉松 承德多会儿也办啊 要点里有这事没")
    assert b["status"] == "not_found" and "承德" in b["reason"]
    # two places joined, or both asked, are still compared
    assert ask("达州和遂宁的学生资助分别谁挑头")["plans"]
    assert ask("长春有没有冰雪进校园，达州呢")["plans"]


def test_how_many_offices_share_a_task_is_answered_by_its_office_lines(ask):
    a = ask("承德 老年开放大学 老年教育那个 嗯 责任科室 有几个 都是谁")
    assert a["status"] == "answered" and top(a) == (CHENGDE, "三", 18)
    assert a["results"][0]["responsible_offices"] == ["职成教科", "老年教育科"]


def test_each_value_asked_together_is_looked_for_with_its_own_object(ask):
    # 投多少钱 新建改扩建几所: 改扩建 names what is counted; the money is the task's own, printed beside it
    a = ask("遂宁城乡一体化那条 投多少钱 新建改扩建几所 谁牵头")
    assert a["status"] == "answered" and top(a) == (SUINING, "二", 6)
    assert "3.15亿元" in "".join(a["results"][0]["evidence"]) and "17所" in "".join(a["results"][0]["evidence"])


def test_two_topics_asked_of_each_are_answered_each_in_the_order_named(ask):
    # no one 达州 task holds 营养餐 and 贫困生资助: each is its own task, the first named first
    a = ask("达州 农村娃营养餐跟贫困生资助 这两样分别哪个单位牵头")
    assert a["status"] == "answered" and [p["topic"] for p in a["parts"]] == ["农村娃营养餐", "贫困生资助"]
    assert top(a) == (DAZHOU, "三", 22) and (a["results"][1]["section"], a["results"][1]["task_no"]) == ("三", 21)
    assert a["answer"].index("营养改善计划") < a["answer"].index("提高资助工作精准管理能力")
    b = ask("达州民办学校那条 跟法治建设那条 是不是一个科牵头")
    assert top(b) == (DAZHOU, "四", 27) and (b["results"][1]["section"], b["results"][1]["task_no"]) == ("二", 9)
    # two places joined are compared, not split into topics; a joined phrase without 分别 / 这两样 is one topic
    assert ask("达州和遂宁的学生资助分别谁挑头")["plans"] and not ask("达州 学校跟家庭共育 谁牵头")["parts"]


def test_a_question_with_no_letters_gets_the_please_ask_message_not_an_answer(ask):
    for question in ("👍👍", "？？？……", "!!!"):
        data = ask(question)
        assert data["status"] == "not_found" and not data["results"]
        assert data["answer"].startswith("没有看到文字问题")


def test_a_plan_prints_the_offices_it_names_so_an_office_word_is_not_held_only_elsewhere(ask):
    # 人事 is printed by 达州 only inside 人事师训科; it must not make 达州 look as if it lacked the topic
    a = ask("达州今年教师节活动 人事要写方案")
    assert a["answered"] and top(a) == (DAZHOU, "五", 30) and "人事" not in a["reason"]


def test_a_generic_part_does_not_cover_a_programme_only_another_city_runs(ask):
    # 承德 prints 计划 everywhere and 普通话 too, but 童语同音 only 达州 runs: 计划 must not cover 童语同音计划
    a = ask("承德 童语同音计划 幼儿普通话 有没有")
    assert a["status"] == "not_found" and "童语同音" in a["reason"]
    assert [e["city"] for e in a["elsewhere"]] == ["达州"]


def test_a_counted_number_is_no_topic_and_never_named_as_missing(ask, engine):
    _, terms = engine.reading("听说达州要办一所职业教育大学？要点里怎么写的")
    assert {t.word: t.weight for t in terms}["一所"] == 0
    a = ask("听说达州要办一所职业教育大学？要点里怎么写的")
    assert a["answered"] and top(a) == (DAZHOU, "四", 26) and "一所" not in a["answer"]


def test_a_province_before_the_city_and_the_bureau_after_it_only_name_the_plan(ask, engine):
    for plain, placed in (("承德职业教育谁挑头", "河北承德职业教育谁挑头"), ("达州控辍保学谁牵头", "四川省达州市教育局 控辍保学谁牵头"),
                          ("承德学生放学时间能弹性吗", "承德教育局学生放学时间能弹性吗")):
        assert engine.reading(placed)[0].topic == engine.reading(plain)[0].topic, placed
        a, b = ask(plain), ask(placed)
        assert (a["status"], top(a)) == (b["status"], top(b)), placed
    # a province inside the topic stays: 河北省奥林匹克教育示范学校 is what is asked about
    assert "河北省" in engine.reading("承德被评为河北省奥林匹克教育示范学校的有几所")[0].topic


def test_a_district_or_county_of_a_city_the_corpus_lacks_is_refused_naming_it(ask):
    for question, place in (("海淀区今年课后服务怎么安排", "海淀区"), ("义乌市教育局 校外培训治理 谁牵头", "义乌市"),
                            ("浦东新区教育局2021年工作要点里学前教育咋说", "浦东新区")):
        a = ask(question)
        assert a["status"] == "not_found" and not a["results"] and f"没有{place}的工作要点" in a["answer"], question
    # a place of a corpus city, or one a plan names beside the asked city, stays a topic
    assert ask("达州跟开州区的职教合作谁牵头")["answered"]
    assert "没有瑞安市的工作要点" not in ask("瑞安市 集团化办学")["answer"]  # 瑞安 is a county-level city of 温州


def test_a_numeral_with_da_says_how_many_not_what(ask, engine):
    # 这一大摊子: 一大 is a quantity (as 一所 is), though the plans print it inside 三重一大
    _, terms = engine.reading("达州 体育锻炼、近视防控、校园足球这一大摊子")
    assert {t.word: t.weight for t in terms}["一大"] == 0
    a = ask("孩子们体育锻炼、近视防控、校园足球这一大摊子，达州今年是哪个科牵头、哪些单位一起干？")
    assert a["answered"] and top(a) == (DAZHOU, "四", 28) and "一大" not in a["answer"]


def test_an_office_after_a_possessive_is_another_bodys_office_and_part_of_the_topic(ask):
    # 督导委员会及其办公室: the committee's office, not the bureau's 办公室 filtering the tasks
    a = ask("承德規範教育督導委員會及其辦公室設置，是哪個科室負責？")
    assert a["filters"]["office"] is None
    assert a["answered"] and top(a) == (CHENGDE, "四", 20)


def test_the_whole_county_or_district_is_the_askers_scope_not_a_topic(engine):
    # 全县 / 本区 say where, as 全市 does: a county's staff type them, and no plan needs to print them
    _, terms = engine.reading("达州查全县老百姓普通话讲得咋样那个调查")
    assert "全县" not in {t.word for t in terms}
    _, terms = engine.reading("本区学前教育有啥安排")
    assert "本区" not in {t.word for t in terms}


def test_everyday_words_for_plan_terms_from_the_second_table_draft_find_their_task(ask):
    # 吃拿卡要 (synonyms.tsv) is what the plan calls 不正之风 and 微腐败
    a = ask("承德今年整治老百姓身边那些吃拿卡要、小贪小占的，是哪个科室负责？")
    assert a["answered"] and top(a) == (CHENGDE, "一", 4)


def test_an_everyday_word_printed_only_inside_a_fixed_phrase_is_no_topic_held_elsewhere(ask):
    # 一路 (all the way) is printed only inside 一带一路: another plan's 一带一路 does not make 温州 lack the topic
    a = ask("温州职校娃一路读上去 读到本科研究生那种连着读 有没有试点")
    assert a["status"] != "not_found" and "一路" not in a["answer"].split("\n")[0]


def test_how_many_years_asks_a_span_of_years_not_a_year():
    from assistant.retrieval.details import asked_detail
    detail = asked_detail("名师培养工程培养周期几年")
    assert detail.label == "年限"
    found = [m.group(0) for m in detail.pattern.finditer("实施三年行动计划，2024年完成，培养周期3年")]
    assert found == ["三年", "3年"]
    assert asked_detail("几年级开始").label != "年限"


def test_a_place_named_without_its_suffix_before_its_own_plan_is_a_place_the_corpus_lacks(ask):
    # 龙港2022年教育工作要点: a county-level place (written without 市/区) asking its own plan, which is not 温州's
    a = ask("龙港2022年教育工作要点 名师送教那块咋安排的")
    assert a["status"] == "not_found" and "没有龙港的工作要点" in a["answer"]


def test_a_word_typed_in_pinyin_letters_is_read_as_the_plan_word_it_spells(ask, engine):
    # the input method was switched to letters: zhoubian is 周边; 整治 reaches the plan's 治理
    a = ask("校园zhoubian环境整治 达州有啥动作")
    assert a["answered"] and top(a) == (DAZHOU, "二", 14) and a["question"] == "校园zhoubian环境整治 达州有啥动作"
    assert engine.pinyin_spelled("zhoubian") == ("周边",) and engine.pinyin_spelled("kecheng") == ("课程",)
    # English words staff use spell no plan word
    assert engine.pinyin_spelled("budget") == engine.pinyin_spelled("deadline") == engine.pinyin_spelled("lead") == ()


def test_characters_a_dropped_question_word_stood_between_are_no_typing_slip(engine):
    # 贷 and 市 of 校园贷 哪个市有提 are not the run 贷市, read as the plans' 待市 (a refusal once named it)
    _, terms = engine.reading("承德校园贷 哪个市有提")
    assert not any(t.word == "待市" or "待市" in t.slips for t in terms)
    _, terms = engine.reading("遂宁新理咨询室建设咋要求的")  # a run as typed still is: 新理 -> 心理
    assert any("心理" in t.slips for t in terms)


def test_a_measure_word_typed_by_sound_at_the_end_of_the_ask_is_read(ask):
    # 第几论的 for 第几轮: 督促指導各縣(市、區)出臺本地學前教育發展第四輪行動計劃
    a = ask("温州督促各县出台的本地学前教育发展行动计划是第几论的？")
    assert a["answered"] and "第四輪" in a["results"][0]["evidence"][0]
    # inside a word or a unit asked as typed, nothing is mended: 多少比例 asks a share, 多少万 a number in 万
    from assistant.retrieval.details import asked_detail
    assert asked_detail("要多少比例的幼儿园").kind == "share" and asked_detail("脱贫人口 多少万").kind == "count"


def test_a_role_word_typed_by_sound_asks_of_the_offices(ask, engine):
    # 谁牵投 for 谁牵头: asked of a 长春 task (长春 prints no office) it is partial, as 谁牵头 is, not answered as content
    a = ask("长春管理信息系统整合 谁牵投")
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "六", 27)
    from assistant.retrieval.slips import read_role_slips
    cut = engine.tokenizer.cut
    assert read_role_slips("哪几个股室陪合", cut) == "哪几个股室配合" and read_role_slips("那个科负则", cut) == "那个科负责"
    assert read_role_slips("是哪个科前头的", cut) == "是哪个科牵头的"  # a word of its own, right after who is asked
    # … but never a word that means itself, nor characters of two words (这些|办理), nor two characters off (写着)
    for typed in ("走在前头的学校", "这些办理工作", "清单上写着各级"):
        assert read_role_slips(typed, cut) == typed


def test_a_compound_of_a_plan_word_and_a_word_that_says_nothing_is_heard(ask):
    # 保密工作 is printed nowhere, but 保密 is (遂宁 42 …做好保密…): 工作 says nothing, so the compound is no topic the
    # plans lack; 单亲家庭 stays unheard where 家庭 is heard (单亲 is a thing of its own)
    a = ask("机关保密工作 牵头科室")
    assert a["answered"] and top(a) == (SUINING, "六", 42)


def test_asked_which_phase_the_task_printing_it_beside_the_thing_answers(ask):
    # 遂宁 4 names 遂宁教育云平台 with no phase, 遂宁 9 prints 启动遂宁教育云平台二期建设: 第几期 is answered by 9, as a
    # count is by the close task printing it beside the thing
    a = ask("遂宁教育云平台 这回建第几期")
    assert a["answered"] and top(a) == (SUINING, "二", 9) and "二期" in a["results"][0]["evidence"][0]


def test_the_limit_a_value_is_asked_as_names_the_value_not_a_topic(ask):
    # 红线 says which value (the limit) is asked: 不出现56人以上的大班额 answers it (大斑额 is a slip of 大班额)
    a = ask("遂宁高一大斑额红线是多少人")
    assert a["answered"] and top(a) == (SUINING, "二", 7) and "56" in a["results"][0]["evidence"][0]


def test_the_bureau_naming_itself_is_not_the_topic(ask):
    # 教育局 is who asks about (the bureau itself); 多少回 counts times (累计召开专题部署会130余次)
    a = ask("承德20年疫情刚来那阵 教育局前前后后开了多少回部署会")
    assert a["answered"] and "130余次" in a["results"][0]["evidence"][0]
    c = ask("承德 高中和高校学生军训 国防教育 归哪几个科")  # 军训 is the plan's 军事训练
    assert c["answered"] and top(c) == (CHENGDE, "二", 6)



def test_a_half_remembered_premise_is_checked_against_the_plan(ask):
    """Staff type what they think the plan says and ask to confirm (…吧, 对吧). A guessed office is checked, never
    trusted: the task holding the topic answers and its offices correct the guess. A guessed date the task does not
    print gives partial; a thing this plan is guessed to do 'too' that it never names is not found; a span of years
    (2017到2030) is a programme's period, not a plan year to look for."""
    a = ask("遂宁请高考专家团队来遂办全市高考学科培训 是市招办牵头的吧")
    assert a["answered"] and top(a) == (SUINING, "三", 23) and a["results"][0]["lead_offices"] == ["教科所"]
    b = ask("遂宁课桌椅、教室照明按健康教室标准配 那条是职成科牵头吧")
    assert b["answered"] and top(b) == (SUINING, "三", 24)
    c = ask("长春推普周书法作品展 是9月中旬搞对吧")
    assert c["status"] == "partial" and top(c) == (CHANGCHUN, "五", 24)
    d = ask("长春也搞了劳模进校园吧 跟万名艺术家进校园一块的那种")
    assert d["status"] == "not_found" and "劳模" in d["answer"]
    e = ask("长春规划区中小学校布局专项规划 是2017到2030那版吧")
    assert e["answered"] and top(e) == (CHANGCHUN, "一", 3)


def test_which_documents_a_task_issues_are_the_titles_it_names(ask):
    a = ask("长春美育今年要出哪两个文件?")
    assert a["status"] == "answered" and top(a) == (CHANGCHUN, "二", 8)
    assert "《" in "".join(a["results"][0]["evidence"])


def test_a_body_named_in_full_that_only_another_plan_names_is_held_elsewhere(ask):
    """中国教育科学研究院 is 长春's partner: asked of 承德, whose plan prints 中国, 科学 and 研究院 apart but never the
    body, the question is not answered by 承德's 十四五 task; the refusal names what is missing."""
    a = ask("领导问：承德编十四五规划，要点里说跟中国教育科学研究院合作了吗？")
    assert a["status"] == "not_found" and "中国教育科学研究院" in a["answer"]


def test_keywords_typed_into_a_search_box_are_read_as_staff_mean_them(ask):
    """长春 中考 新加 哪些科 asks the exam's new subjects (科 of an exam is a subject, not an office); 新加 is the
    plan's 新增/纳入 and 履职 its 履行职责, everyday words that must not count as topics no plan holds."""
    a = ask("长春 中考 新加 哪些科")
    assert a["answered"] and top(a) == (CHANGCHUN, "一", 2) and a.get("intent") != "lead"
    b = ask("承德 县政府 履职评价 评价改革")
    assert b["answered"] and top(b) == (CHENGDE, "四", 19)


def test_a_figure_stated_in_words_to_confirm_asks_the_plans_figure_of_that_object(ask):
    # 达州 四、28 prints 3所 少年军校 beside 139所 足球特色学校: the stated figure picks the measure, the words the object
    a = ask("达州少年军校 是三所吧")
    assert a["answered"] and top(a) == (DAZHOU, "四", 28)
    quote = "".join(a["results"][0]["evidence"])
    assert "3所" in quote and "139" not in quote
    # a wrong premise is answered with the plan's own figure, never left unanswered because the figure differs
    b = ask("达州足球特色学校是一百所对吧")
    assert b["answered"] and "139所足球特色学校" in "".join(b["results"][0]["evidence"])
    # the task is on the topic but prints no count of people: partial, nothing quoted as the figure
    c = ask("达州田径运动会 参加的是两千人吧")
    assert c["status"] == "partial" and top(c) == (DAZHOU, "四", 28) and c["results"][0]["evidence"] == []


def test_how_many_thousand_people_asks_a_count_of_people_and_a_span_of_years_is_no_count(ask):
    detail = asked_detail("农村教师远程培训 今年培训几千人")
    assert detail.kind == "count" and detail.pattern.search("培训1200人") and not detail.pattern.search("培训1200所")
    plain = asked_detail("培训了多少").pattern
    assert plain.search("继续实施《幼儿教师培训计划(20182020)》") is None and plain.search("2020年启动") is None
    # 长春 五、23 names 远程培训 and a plan of 三年(20182020), but no number trained
    a = ask("长春农村教师远程培训 培训几千人")
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "五", 23)


def test_a_number_said_in_words_is_how_much_never_a_missing_topic(ask):
    # jieba cuts 百万 (a word of 百万学子) out of 一千二百万; neither is what the question is about
    a = ask("长春投了一千二百万搞校企共建的是哪条")
    assert a["answered"] and top(a) == (CHANGCHUN, "四", 19)
    # a number the plans print as a name keeps its weight: 十九 of 十九大
    b = ask("遂宁把学十九大精神当首要政治任务的是哪条")
    assert b["answered"] and top(b) == (SUINING, "一", 1)


def test_a_thing_made_of_a_plan_word_and_one_more_character_is_another_thing(ask):
    # 学生奶 is no 学生 (as 体育馆 is no 体育): every plan prints 学生, none 学生奶
    a = ask("学生奶 推广")
    assert a["status"] == "not_found" and not a["answered"]


def test_when_asked_in_everyday_time_words_is_answered_by_the_plans_time(ask):
    # 百日攻坚 names no day: the task prints no date for it
    a = ask("长春学校周边乱象百日攻坚 几月开始")
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "七", 30)
    # a frequency remembered wrong is answered with the plan's (每年不少于 2 次)
    b = ask("遂宁一把手上廉政党课 是每月一次吧")
    assert b["answered"] and top(b) == (SUINING, "一", 3) and "每年不少于 2 次" in b["results"][0]["evidence"][0]
    # a span of years recalled (21到23年) is the value to check, not a plan year the corpus lacks
    c = ask("承德老年教育三年行动计划 是21到23年吧")
    assert c["answered"] and "2020-2022" in c["results"][0]["evidence"][0]
    # the date opens the sentence, what happened on it follows
    d = ask("承德去年省督导委员会实地督查是哪几天")
    assert d["answered"] and "12月21日至25日" in d["results"][0]["evidence"][0]
    # 一开学 says when, not what about
    e = ask("承德2021年秋季一开学 大中小学要开什么课")
    assert e["answered"] and top(e) == (CHENGDE, "二", 8)


def test_a_number_the_question_states_is_found_only_as_that_number():
    from assistant.retrieval.terms import Term
    term = Term("21", ("21",), 1.0)
    assert not term.found_in("2021年全市全民终身学习活动周") and term.found_in("每年21所") and not term.found_in("2.21亿")


def test_a_city_named_with_its_suffix_before_a_level_is_the_city_and_the_level(ask):
    a = ask("达州市级足球特色学校是不是20所")  # 达州 | 市级: the plan prints 市级19所
    assert a["answered"] and top(a) == (DAZHOU, "四", 28) and "市级19所" in a["results"][0]["evidence"][0]


def test_a_count_of_people_is_never_answered_by_an_amount_or_a_name(ask):
    # 长春 三、13: 送教上门 for children who cannot come to school, and 1.8万元 a year for each: no count of them
    a = ask("长春送教上门 今年要覆盖多少残疾孩子")
    assert a["status"] == "partial" and a["results"][0]["evidence"] == []
    detail = asked_detail("覆盖多少残疾孩子")
    assert detail.pattern.search("送教300名残疾儿童") and not detail.pattern.search("每人每年提供1.8万元")
    assert asked_detail("第几个教师节").kind == "ordinal"
    # 遂宁 三、19 trains 书法戏曲 teachers and holds a “千人书法现场展演”: a lone 千 names the event, it counts nobody
    b = ask("遂宁书法戏曲这些专业艺术老师培训 今年培训多少人")
    assert b["status"] == "partial" and b["results"][0]["evidence"] == []


def test_the_money_asked_of_a_topic_is_the_topics_not_the_tasks_other_money(ask):
    # 温州 五、2 强化投入保障 names the 信息化平台 and raises 生均公用经费 by 150元: that is not the platform's money
    a = ask("温州22年教育信息化平台建设 投入多少钱 计财填预算表用")
    assert a["status"] == "partial" and "150" not in "".join(a["results"][0]["evidence"])


def test_a_year_end_word_says_when_and_is_no_missing_topic(ask):
    # 年终表要填 / 年末: the year-end the figure is wanted for, not what it is of
    a = ask("承德21年高中阶段毛入学律 KPI到多少 年终表要填")
    assert a["answered"] and "93%" in "".join(a["results"][0]["evidence"])
    assert asked_detail("承德高中毛入学率 多少 年终要填").kind == "share"


def test_a_count_opening_a_name_makes_a_set_of_its_own(ask):
    # only 遂宁 prints the 十项严禁; 达州 prints 严禁 and 十项 (of other things), not the named set
    a = ask("达州 教育部十项严禁 专项检查 谁牵头")
    assert a["status"] == "not_found" and "十项严禁" in a["answer"]


def test_a_message_that_corrects_itself_asks_of_the_place_and_year_it_settles_on(engine, ask):
    q, _ = engine.reading("早上好 温州那份我看过了 温州… 不对 我说错了 不是温州 是台州 台州22年要点里学术高中咋写的")
    assert q.cities == [] and "台州" in q.unknown_cities and q.year == 2022
    q, _ = engine.reading("人事这块 长春20年的我有 但领导要的是长春21年的 教师资格定期注册 扩到哪些区县了")
    assert q.cities == ["长春"] and q.year == 2021
    a = ask("人事这块 长春20年的我有 但领导要的是长春21年的 21年要点里教师资格首次定期注册 扩到哪些区县了 急")
    assert a["status"] == "not_found" and not a["answered"]
    # a correction of something else (上次填的好像不对) takes back no place
    assert engine.reading("承德21年学前教育 普惠园要达到多少来着 上次填的好像不对")[0].cities == ["承德"]


def test_a_long_message_is_read_for_its_question_not_its_hedges_and_guesses(ask):
    # the sentence asking 有没有校长陪餐 holds the topic; the guess of where it might be (后勤保障那条) does not
    a = ask("食安办刚来电话 问遂宁2019年要点里有没有校长陪餐这个要求 就是校长跟学生一块吃饭那个 我记得后勤保障那条可能有 你帮我翻翻 谢谢")
    assert a["status"] == "not_found" and not a["answered"]



def test_hedges_memories_and_corrections_are_no_topic(engine):
    q, terms = engine.reading("不对不对 我说错了 承德的我已经弄完了 要的是长春20年的 中考改革那块 我记得好像加了科目")
    assert q.cities == ["长春"] and q.year == 2020
    assert {t.word for t in terms if t.weight > 0} >= {"中考", "科目"}
    assert not {t.word for t in terms} & {"说错", "已经", "记得", "好像", "不对"}


def test_a_verb_with_a_result_complement_no_plan_prints_is_no_missing_topic(ask, engine):
    # 盖好 (built, done) is no word of everyday Chinese nor of any plan; it says the thing is done, not what it is
    _, terms = engine.reading("承德高中 去年新盖好了哪几所 今年学位还扩不")
    assert {t.word: t.weight for t in terms}.get("盖好", 0) == 0
    a = ask("承德高中 去年新盖好了哪几所 今年学位还扩不")
    blocks = {(p["year"], p["status"]): p["results"][0] for p in a["plans"]}
    assert blocks[(2020, "answered")]["item"] == "（一）" and blocks[(2021, "answered")]["task_no"] == 12


def test_two_words_whose_touching_characters_spell_a_third_do_not_mention_it(ask, engine):
    # 温州 prints 高校服务 (高校|服务), never 校服: a question about school uniforms is not answered from it
    a = ask("温州校服这块有啥规定没")
    assert a["status"] == "not_found"
    # ... and 高一年级 does not say 一年, nor does a task lacking that period word lose the figure asked per year
    b = ask("遂宁 省示范高中 每个学生公用钱一年几多")
    assert b["answered"] and top(b) == (SUINING, "二", 7) and "1420" in "".join(b["results"][0]["evidence"])
    from assistant.retrieval.terms import Passage, Term
    term = Term("校服", ("校服",), 1.0)
    assert term.found_in("高校服务") and not term.found_in(Passage("高校服务", {"校服": 1}))
    assert term.found_in(Passage("高校服务和校服管理", {"校服": 1}))


def test_a_quoted_name_typed_without_its_marks_is_one_topic_held_where_it_is_printed(ask):
    # 承德 prints “双随机、一公开”; 长春 prints 抽查 and 公开 elsewhere, never the name
    a = ask("长春 双随机一公开 抽查咋安排")
    assert a["status"] == "not_found"
    b = ask("承德双随机一公开 谁负责")
    assert b["answered"] and top(b) == (CHENGDE, "四", 22)


def test_a_few_kuai_of_money_asks_an_amount_and_names_no_topic(ask, engine):
    # 几块钱 is how much money (块 as in yuan), never a count of pieces nor a word a plan lacks
    _, terms = engine.reading("温州生均公用经飞 提高几块钱")
    assert not any("块" in t.word for t in terms)
    a = ask("温州生均公用经飞 提高几块钱")
    assert a["answered"] and "150元" in "".join(a["results"][0]["evidence"])
    b = ask("达州营养餐一天补几块钱")  # the task gives no daily amount
    assert b["status"] == "partial" and "金额" in b["answer"]


def test_what_need_not_be_answered_is_no_topic_and_last_year_taken_back_is_not_asked(ask):
    a = ask("达州 师德师风那条 光牵头的是谁 配合的不用说")  # 不用说: the asker waives it
    assert a["answered"] and top(a) == (DAZHOU, "五", 30)
    b = ask("承德 不是去年完成的 今年学前三年毛入园率目标多少")  # 不是去年: no year-over-year question
    assert b["intent"] != "compare"



def test_the_year_a_programme_runs_to_is_not_the_plan_asked(ask):
    # 管到2023年吧 checks how long 承德's 提质培优行动计划（2020-2023年） runs; it does not ask for a 2023 plan
    a = ask("承德职教提质培优行动计划 是管到2023年吧")
    assert a["answered"] and top(a) == (CHENGDE, "三", 14)
    assert ask("承德2023年职教提质培优怎么安排")["status"] == "not_found"  # a year named as the plan's still is


def test_a_count_printed_beside_the_asked_thing_in_a_close_task_answers(ask, engine):
    # 达州's 学前教育 task speaks of 幼儿园 with no count; its 重大项目 task prints 新改(扩、建)幼儿园 17 所
    a = ask("达州新建幼儿园几所")
    assert a["answered"] and top(a) == (DAZHOU, "三", 16) and "17 所" in a["results"][0]["evidence"][0]
    _, terms = engine.reading("新建幼儿园几所")
    assert _counts_the_asked(terms, "新改(扩、建)幼儿园 17 所。", "所")
    assert not _counts_the_asked(terms, "新建改扩建中小学10所。", "所")  # another thing's count never moves it


def test_a_word_closed_by_a_place_or_thing_character_no_plan_prints_is_a_topic_of_its_own(ask):
    # jieba cuts 学区房 into 学区 and a lone 房; 温州 prints 学区制, never 学区房
    a = ask("温州学区房 有啥新说法")
    assert a["status"] == "not_found" and "学区房" in a["reason"]
    assert ask("温州学区制 有啥新说法")["answered"]
    # so is a corner, a wall or a gallery (读书角, 文化墙): 读书 is printed, 读书角 nowhere
    b = ask("班级读书角 建设要求")
    assert b["status"] == "not_found" and "读书角" in b["reason"]


def test_a_piece_opening_a_longer_word_that_the_found_parts_do_not_reach_is_still_asked(ask):
    # 冰雪运动进校园: 运动进校园 is printed in 达州's plan, 冰雪 (which sport) is not; 长春 prints it
    a = ask("达州冰雪运动进校园 谁牵头")
    assert a["status"] == "not_found" and "冰雪" in a["reason"]
    words = ["冰雪", "运动", "进校园", "冰雪运动进校园"]
    assert not _part_of_found("冰雪", words, ["运动", "进校园"])
    assert _part_of_found("锻炼", ["体育", "锻炼", "体育锻炼"], ["体育"])  # a piece closing it still is covered
    assert _part_of_found("评职", ["评职", "职称", "评职称"], ["职称"])  # and one the found parts reach into


def test_a_count_inside_the_plans_phrase_does_not_make_it_another(ask):
    # 遂宁 prints 建10所公办幼儿园; 建公办幼儿园, asked without the count, is that phrase, not one only others print
    a = ask("遂宁建公办幼儿园 哪个科牵头")
    assert a["answered"] and top(a) == (SUINING, "二", 5)



def test_words_pointing_back_at_the_topics_named_are_no_topic(engine):
    words = engine.tokenizer.tokens("坐校车 或者住校 这两块 各地咋安排", hmm=False)
    assert "校车" in words and not any(w in words for w in ("这两块", "两块"))
    assert not {"这一部分", "一部分"} & set(engine.tokenizer.tokens("课后服务 这一部分 谁管", hmm=False))


def test_the_source_of_a_text_the_user_holds_is_no_topic_word(ask):
    """Staff match a line of a notice, a news headline or what another body said to the plan: who sent or said it
    (新闻标题, 人社局说, 检查清单第5项) is not what is asked about, and a 第N项 of the source's list is no position."""
    a = ask("新闻标题「遂宁启动研学旅行实践教育」，遂宁要点里对应哪条")
    assert a["answered"] and top(a) == (SUINING, "三", 21)
    assert "新闻" not in a["reason"] and "对应" not in a["reason"]
    b = ask("环保局检查清单第5项“学校实验室危化药品要规范管理”，遂宁要点里落实在哪条？谁牵头")
    assert b["answered"] and top(b) == (SUINING, "三", 24)
    assert _without_source("教师发展中心要求啥") == "教师发展中心要求啥"  # no text follows: the body's demands are asked
    assert _without_source("家长群里传“中考要多考两门”，长春要点里").strip().startswith("“中考")


def test_a_task_known_by_a_figure_it_prints_is_found_by_that_figure(ask):
    # no place named: only 承德's 2020 summary prints 37所 (幼儿园); every plan speaks of building kindergartens
    a = ask("听说有个地方建了37所幼儿园 是哪一项")
    assert a["answered"] and a["results"][0]["city"] == "承德" and a["results"][0]["year"] == 2020
    assert "37所" in "".join(a["results"][0]["evidence"]), "the sentence printing the figure is quoted"
    b = ask("说是花了两千九百五十万那个是哪条")  # the figure said in words, no topic word at all
    assert b["answered"] and b["results"][0]["city"] == "承德" and "2950万元" in "".join(b["results"][0]["evidence"])
    c = ask("建37所幼儿园那个 谁牵头")  # the summary item names no office: said so, not another task's office
    assert c["status"] == "partial" and c["results"][0]["year"] == 2020


def test_a_figure_no_task_prints_is_not_vouched_for_by_the_nearest_task(ask):
    a = ask("遂宁要建800所未来学校的那条 谁牵头")
    assert a["status"] == "not_found" and not a["answered"]
    b = ask("长春今年要建成300所智慧校园的 是哪条")  # 长春 27 is on 智慧校园 and prints no count
    assert b["status"] == "not_found" and "“300所”" in b["reason"]


def test_a_figure_the_question_checks_is_answered_by_the_plans_own_figure(ask):
    a = ask("温州新建公办幼儿园是40所吧")  # the plan prints 50所: the task answers, with its own figure
    assert a["answered"] and top(a) == (WENZHOU, "三", 1) and "50所" in "".join(a["results"][0]["evidence"])
    d = ask("哪个市建了37所幼儿园")  # side by side: the one plan part printing it, 承德's 2020 summary, holds it
    held = [p for p in d["plans"] if p["status"] == "answered"]
    assert [(p["city"], p["year"]) for p in held] == [("承德", 2020)]


def test_when_asked_as_sha_shi_without_hou_asks_a_date(ask):
    a = ask("长春 智慧校园指南 啥时出")  # 长春 27 issues the 指南 and prints no date for it
    assert a["status"] == "partial" and top(a) == (CHANGCHUN, "六", 27)


def test_an_unlicensed_kindergarten_said_as_wuzheng_is_the_plans_wuzizhi(ask):
    a = ask("长春 无证幼儿圆 咋办")  # 长春 10 prints 无资质幼儿园; 无证 is 承德's word
    assert a["answered"] and top(a) == (CHANGCHUN, "三", 10)


def test_a_county_of_a_corpus_city_asks_that_citys_plan(ask, engine):
    q, _ = engine.reading("瑞安那边 少年军校今年建几所")
    assert q.cities == ["温州"]
    a = ask("瑞安那边 少年军校今年建几所")  # only 达州 builds 少年军校: 温州's plan is asked, and lacks it
    assert not a["answered"] and a["status"] == "not_found"
    assert engine.reading("通川区 学前教育 谁牵头")[0].cities == ["达州"]
    assert engine.reading("安居乐业")[0].cities == [], "a bare name everyday Chinese uses as a word is no place"


def test_an_anniversary_is_no_time_of_the_year(ask):
    a = ask("建党100周年时事知识竞赛 啥时候举办")  # 承德 5 names the 竞赛 and no date (100 周年中小学生 holds 年中)
    assert a["status"] == "partial" and top(a) == (CHENGDE, "二", 5)


def test_a_list_away_from_the_plans_count_must_be_nearly_as_long_as_the_count_asked(ask):
    a = ask("要点里说的省厅“九大示范” 具体是哪九个")  # 达州 8 names 九大示范 and never lists them
    assert a["status"] == "partial" and top(a) == (DAZHOU, "二", 8)
    b = ask("达州校园安全那六个工程具体指哪些?")  # the plan's own count says 六大: its bracket lists them
    assert b["answered"] and "三防+隐患排查" in "".join(b["results"][0]["evidence"])


def test_a_rate_named_with_its_value_names_the_task_and_asks_nothing(ask):
    # 比例控制在15%: the asker names the task by its figure; the ask is the date, which the plan gives (2020年前)
    a = ask("达州大班额比例控制在15%的那条 啥时候完成")
    assert a["status"] == "answered" and top(a) == (DAZHOU, "四", 25)
    assert "2020年前" in "".join(a["results"][0]["evidence"])
    b = ask("达州大班额比例压到15%是哪条")  # no ask beside it: which task, not a missing 比例
    assert b["status"] == "answered" and top(b) == (DAZHOU, "四", 25)


def test_at_least_and_bottom_line_said_colloquially_name_the_bound_not_a_topic(ask):
    """起码 / 底线 say which bound of the value is asked (至少, 不低于), as 最低 does: never a word the task lacks."""
    a = ask("达州学校老师集中学政治 一个月起码搞几回")
    assert a["status"] == "answered" and top(a) == (DAZHOU, "一", 4)
    assert "每月至少组织1次集中政治学习" in a["answer"]
    b = ask("承德中职跟普高招生的比例 底线是四比六那个 哪些科负责")
    assert b["status"] == "answered" and top(b) == (CHENGDE, "三", 14)
    assert "4：6" in b["answer"]  # a ratio of two parts answers a question for a 比例


def test_a_span_of_years_counted_is_no_year(ask):
    a = ask("承德学校连着16年零安全事故 是这么说的吧")
    assert "2016" not in a["reason"] and a["results"] and a["results"][0]["doc"] == CHENGDE


def test_a_length_of_time_checked_that_the_task_does_not_print_is_partial(ask):
    assert asked_detail("每天是不是各一小时").kind == "duration"
    a = ask("温州娃在学校里和校外锻炼 每天是不是各一小时 要点咋定的")
    assert a["status"] == "partial" and top(a) == (WENZHOU, "二", 3)


def test_a_year_after_dao_ends_a_span_and_names_no_plan_year(ask):
    """管到2022年: the end of a span the asker remembers, not the plan year asked (长春 has only its 2020 plan)."""
    a = ask("长春依法治教 落实的那个纲要 是不是管到2022年")
    assert "2022年的文件" not in a["reason"] and a["status"] == "answered" and top(a) == (CHANGCHUN, "一", 4)


def test_a_value_at_the_asked_level_is_the_one_quoted(ask):
    """县一级 is 县级: of a task's figures for 示范, the one said at the asked level answers (2-3个县级示范), not a
    count of 示范校 that names no level."""
    a = ask("温州为了山区县智慧教育 要打造几个县一级的示范")
    assert a["status"] == "answered" and top(a) == (WENZHOU, "六", 1)
    assert "2-3個縣級示范" in "".join(a["results"][0]["evidence"])


def test_a_part_of_a_ratio_counts_nothing():
    """4：6 is a ratio: neither 4 nor 6 is a count of anything (招多少新生 is not answered by it), unless the question
    names the ratio it asks (招生比不低于多少)."""
    for question in ("招多少新生", "招几个人", "新招多少学生"):
        detail = asked_detail(question)
        assert detail is not None and not detail.pattern.search("确保职普招生结构比不低于4：6")
    assert asked_detail("招多少新生").pattern.search("招生1500人")
    assert asked_detail("职普招生比最低不低于多少").pattern.search("确保职普招生结构比不低于4：6")


def test_everyday_words_for_the_plans_words_do_not_sink_the_task(ask):
    """老百姓 (群众, 国民), 文凭 (学历): staff's words for the plans' count as the plans' words."""
    a = ask("遂宁给老百姓做体质监测 谁牵头")
    assert a["status"] == "answered" and top(a) == (SUINING, "二", 14)
    b = ask("长春不发文凭的那种培训机构 审批权放到哪")
    assert b["status"] == "answered" and top(b) == (CHANGCHUN, "七", 29)


def test_several_things_acting_together_are_no_count_asked():
    """几个区一块搞教研, 跑几所学校轮着上课: 几 is "several" when the things counted then act together or in turn; the
    question asks who, not how many. 新建几所幼儿园 still asks a count."""
    assert asked_detail("遂宁城区几个区一块搞教研、一块考试比赛那个平台 谁牵头") is None
    assert asked_detail("一个老师跑几所学校轮着上课 这做法谁负责") is None
    assert asked_detail("新建几所幼儿园 谁牵头").kind == "count"
    assert asked_detail("几个区一块搞教研 一年搞几次").asked_in == "一年搞几次"


def test_a_few_inside_a_yes_no_question_is_no_count_asked(ask):
    """是不是先拿几个点试, 能不能几个学校共用: inside a yes-no question 几个 is "a few"; the question asks whether,
    and is answered by the task, not refused for lacking a count. A day or span asked there is still asked."""
    assert asked_detail("承德幼儿园跟小学的衔接 是不是先拿几个点试") is None
    assert asked_detail("能不能几所学校共用一个音乐老师") is None
    assert asked_detail("计划里有没有规定最晚每个月几号发").kind == "date"
    assert asked_detail("是不是新建了30所 到底新建几所").kind == "count"
    assert asked_detail("我们前几年评上的达标学校 今年还抽查吗") is None  # some years back, not how many
    assert asked_detail("近几年一直在推的课后服务 谁牵头") is None
    assert asked_detail("培养周期几年").label == "年限"
    a = ask("承德幼小衔接 是不是先拿几个点试 原话发一下")
    assert a["status"] == "answered" and top(a)[0] == CHENGDE


def test_the_pieces_of_a_word_said_around_the_question_are_no_topic(engine, ask):
    """疫情刚来那阵子, 刚起来那会儿: search mode would cut 阵子 and 会儿 out of the whole, which no plan prints; they
    say when, loosely, no more than the whole word does, and must not refuse the question as a missing topic."""
    _, terms = engine.reading("承德疫情刚来那阵子 局里多久调度一回")
    assert not {"阵子", "那阵子"} & {t.word for t in terms}
    _, terms = engine.reading("疫情刚起来那会儿 拉起几个工作小组")
    assert not {"会儿", "那会儿"} & {t.word for t in terms}
    a = ask("承德疫情刚来那阵子 局里多久调度一回")
    assert a["status"] != "not_found" and top(a)[0] == CHENGDE


def test_a_count_of_sheets_or_copies_and_a_one_character_insert_read_as_staff_mean_them(engine):
    """一张 (列一张单子) says how many, never what about; 校（园）长 holds 园长 for matching, while a place's 县(市)区 is
    never read as 市区 (a city's downtown)."""
    from assistant.documents.normalize import with_inserts_read

    _, terms = engine.reading("长春给老师列一张不许干啥的单子")
    assert all(t.weight == 0 for t in terms if t.word == "一张")
    assert "园长和教师" in with_inserts_read("启动新一轮校（园）长和教师队伍培训")
    assert "各市区" not in with_inserts_read("各县(市)区教育局")  # 县市区 and 县区, never 市区 for 县


def test_a_value_the_title_gives_is_quoted_from_the_title_not_from_a_body_figure_of_another_thing(ask):
    """长春 八、34 「打造蓓蕾计划、温馨村小两个升级版」: asked how many 升级版, the title gives 两个 beside its object; the
    body's only figure is 二次托管, of another thing, and must never be quoted as the answer."""
    a = ask("长春蓓蕾计划 升级版有几个")
    assert a["answered"] and top(a) == (CHANGCHUN, "八", 34)
    evidence = "".join(a["results"][0]["evidence"])
    assert "两个升级版" in evidence and "二次托管" not in evidence


def test_the_time_of_an_event_asked_by_its_verb_asks_a_date(ask):
    """出台时间, 启动时间, 具体时间: when a thing is issued, started or done is asked as 完成时间 is; 承德 三、16 asks
    for a guiding plan of 民办学校 布局 but prints no date for it, so the answer is partial."""
    for question in ("有出台时间没", "启动时间定了没", "有没有具体时间", "竣工时间是哪天"):
        assert asked_detail(question).kind == "date", question
    a = ask("承德统筹民办学校布局的指导性规划 有出台时间没")
    assert a["status"] == "partial" and top(a) == (CHENGDE, "三", 16)


def test_a_numbered_name_or_a_word_holding_one_states_no_figure(ask):
    """“5+2”类 names a kind of work (as 3+2 学制 does), not a count the asker already knows, so the 5 of “5”类新型安全工作
    may answer; 统一批 (approved as one) states no batch to confirm."""
    assert asked_detail("审批是要收到市里统一批吧") is None
    assert asked_detail("达州“5+2”类传统安全工作以外 新型的有几类").given == ()
    a = ask("达州“5+2”类传统安全工作以外 新型安全工作有几类")
    assert a["answered"] and top(a) == (DAZHOU, "二", 14)
    assert "新型安全工作" in "".join(a["results"][0]["evidence"])


def test_pointing_at_a_kind_just_named_is_no_topic(engine, ask):
    """普惠的那一类, 强基计划那一类: 那一类 points back as 那类 does; its 一类 is no word a plan lacks."""
    _, terms = engine.reading("遂宁私立幼儿园收费不高 能不能算进普惠的那一类")
    assert "一类" not in {t.word for t in terms}
    a = ask("遂宁私立幼儿园收费不高 能不能算进普惠的那一类")
    assert a["status"] != "not_found" and top(a) == (SUINING, "二", 5)


def test_a_bandwidth_asked_in_megabits_is_answered_only_by_a_figure_in_megabits(ask):
    """几百兆 asks a bandwidth: 遂宁's 100Mbps（兆/秒） answers it; 长春's task names the 三通 target and no figure of
    bandwidth, so it is partial, never answered with the 三 of 三通."""
    a = ask("遂宁中小学出口带宽要多少兆")
    assert a["answered"] and "100Mbps" in "".join(a["results"][0]["evidence"])
    b = ask("长春学校宽带三通 带宽要到几百兆")
    assert b["status"] == "partial" and not b["answered"]


def test_a_figure_to_confirm_with_the_thing_counted_after_it_checks_that_things_figure(ask):
    """12个工作小组对吧: the figure to confirm is 12个, the thing counted (工作小组) still says what about; 承德's summary
    二（一） 组建9个工作组 answers, not the 12个督导检查组 of 二（二）, which counts another thing."""
    assert asked_detail("局里一下拉起12个工作小组对吧").stated == "12个"
    a = ask("承德疫情刚起来那会儿 局里一下拉起12个工作小组对吧")
    assert a["answered"] and a["results"][0]["item"] == "（一）"
    assert "9个工作组" in "".join(a["results"][0]["evidence"])


def test_the_list_of_a_role_checked_for_an_office_is_no_topic(engine, ask):
    """市教育直属单位也在配合名单里吧 checks the office's role: 配合名单 asks who, as 配合科室 does, and is no topic word the
    cited task lacks (达州's 人才 task names 市教育直属单位 among those responsible)."""
    q, terms = engine.reading("达州人才分类评价那条 市教育直属单位也在配合名单里吧")
    assert q.intent == "lead" and not {"配合", "名单"} & {t.word for t in terms}
    a = ask("达州教育人才分类评价那条 市教育直属单位也在配合名单里吧")
    assert a["answered"] and a["results"][0]["title"] == "加强教育系统干部人才队伍建设"


def test_a_county_level_said_as_xian_yi_ji_and_a_count_in_words_are_read_as_the_plan_prints_them(ask):
    """县一级 is the plans' 县级 (never the 一级 of 一级园), and 十一 of 十一个县区 is the count, not the plan's 十一届:
    承德's summary answers that every county has its 教育工委."""
    a = ask("承德去年总结里 十一个县区 县一级的教育工委都成立了吗")
    assert a["answered"] and a["results"][0]["doc"].startswith("002") and "11个县市区全部成立教育工委" in a["answer"]


def test_a_place_pair_a_plan_shortens_is_read_by_the_synonym_table(ask):
    """北京天津 are the plans' 京津: 承德's summary counts the schools paired with 京津 (手拉手), the answer."""
    a = ask("承德跟北京天津的学校结对子 去年有多少所")
    assert a["answered"] and "京津两地" in a["answer"]


def test_a_thing_left_out_is_neither_a_topic_word_nor_the_object_counted(ask):
    """幼儿园那个先别管, 别把校长老师算进去, 劳动的不算: what the question leaves out is no topic a task must hold (the
    caveat never names 不算), and a figure whose own clause counts it with the asked thing is no figure of that thing
    alone: 温州's 名教师、名校长、名班主任250名 gives no count of 班主任 by themselves."""
    a = ask("长春小学初中布点那个专项的规划 管到哪一年 幼儿园那个先别管")
    assert a["answered"] and top(a) == (CHANGCHUN, "一", 3)
    assert "中小学校布局" in "".join(a["results"][0]["evidence"])
    b = ask("温州第七届评的班主任 光评班主任这一类有多少个 別把校長老師算進去")
    assert b["status"] == "partial" and top(b) == (WENZHOU, "五", 1) and b["results"][0]["evidence"] == []
    c = ask("承德20年建了几个市级研学基地 劳动的不算")
    assert c["answered"] and "研学基地24个" in "".join(c["results"][0]["evidence"]) and "不算" not in c["answer"]
    d = ask("承德2020年补充的教师里 公开招聘在编的有多少 特岗不算")
    assert d["answered"] and "470人" in "".join(d["results"][0]["evidence"])



def test_what_is_left_out_is_read_only_where_the_question_says_so(engine):
    """幼儿园的不算 set apart leaves 幼儿园 out; 买学位的算不算 asks whether it counts, leaving nothing out; and
    without a space or mark before it (…几个幼儿园的不算) any word before could be the one meant: only 不算 goes."""
    q, _ = engine.reading("达州中心城区中小学建设项目几个 幼儿园的不算")
    assert q.left_out == ["幼儿园"] and "幼儿园" not in q.topic
    q, _ = engine.reading("温州随迁子女进公办学校读书的比例 买学位的算不算")
    assert q.left_out == [] and "买学位" in q.topic
    q, _ = engine.reading("达州中心城区中小学建设项目几个幼儿园的不算")
    assert q.left_out == [] and "幼儿园" in q.topic and "不算" not in q.topic


def test_an_office_guessed_for_a_topic_none_of_its_tasks_holds_is_corrected_by_the_task_that_does(ask):
    """是不是该转给管钱的计财科去查: 管钱的 describes the office (it is still read as 计财科), the office is a guess, and
    the task holding 小金库 (遂宁's 党风廉政, led by 组干科) answers, its offices correcting the guess."""
    a = ask("遂宁小金库 是不是该转给管钱的计财科去查")
    assert a["answered"] and top(a) == (SUINING, "一", 3)
    assert a["results"][0]["lead_offices"] == ["组干科", "机关党办"]


def test_a_count_with_a_character_after_it_that_a_plan_prints_is_a_name(ask):
    """五个一 is 遂宁's 五个一素质能力, a name as 十四五 is: not the count 五个, which weighs nothing."""
    a = ask("五个一 做家务那个 遂宁")
    assert a["answered"] and top(a) == (SUINING, "三", 15)


def test_a_count_is_quoted_from_the_task_printing_the_objects_whole_name_beside_it(ask):
    """省级体育传统项目示范学校创建几所: the 体育美育 task ranks first on the words 省级 / 体育 / 示范 / 学校 and prints 省级艺术
    特色学校 4 所, another object's count; the 竞技体育 task close behind prints the whole name beside 1 所 and answers. So too
    计划几所 asks what is planned (承德's plan says 规划新建、改扩建中小学10所), 计划 no object the clause must name."""
    a = ask("遂宁 省级体育传统项目示范学校 今年创建几所")
    assert a["answered"] and top(a) == (SUINING, "三", 20)
    quote = "".join(a["results"][0]["evidence"])
    assert "体育传统项目示范学校 1 所" in quote and "艺术特色学校 4" not in quote
    b = ask("承德 中小学 新建改扩建 计划几所")
    assert b["answered"] and top(b) == (CHENGDE, "三", 11) and "中小学10所" in "".join(b["results"][0]["evidence"])


def test_a_city_called_by_its_other_name_asks_that_citys_plan(ask, engine):
    """春城 is 长春 (the corpus has no 昆明, the other city so called); 蓉城 is 成都, a city with no plan here; 长春城区
    names 长春 and holds no 春城 of its own."""
    a = ask("春城那份要点 语言文字达标校 要干啥")
    assert a["answered"] and top(a) == (CHANGCHUN, "五", 24)
    b = ask("蓉城的要点 课后服务咋说")
    assert b["status"] == "not_found" and "成都" in b["reason"]
    assert engine.reading("长春城区学校 课后服务")[0].cities == ["长春"]
    # 鹿城区教育局: the district of 温州 named so asks that district's own plan, not 温州's by its other name 鹿城
    c = ask("鹿城区教育局2022年要点 学前普及普惠区创建咋安排")
    assert c["status"] == "not_found" and "鹿城区" in c["reason"]


def test_one_office_alone_said_with_a_count_word_states_no_count(ask):
    """中学教研室一家负责吧: 一家 says the office is alone, not a count of 家 to check against the plan."""
    a = ask("承德一中做大做强那条 记得是中学教研室一家负责吧")
    assert a["answered"] and top(a) == (CHENGDE, "三", 12)
    assert "中学教研室" in a["results"][0]["responsible_offices"]


def test_which_indicators_a_task_draws_up_asks_no_figure(ask):
    """要制定啥指标: the indicators drawn up, which 温州 一、4 names (“清廉教育”監測指標); no figure is asked."""
    a = ask("溫州清廉學校 要制定啥指標 完善啥辦法")
    assert a["answered"] and top(a) == (WENZHOU, "一", 4)


def test_a_ratio_the_task_never_names_is_not_answered_by_another_figure(ask):
    """师生比按多少配: 遂宁's 身心健康 task names no 师生比, only that schools with a counselling room are 不足 50%."""
    a = ask("心理健康老师 师生比按多少配 遂宁19年")
    assert not a["answered"] and a["status"] in ("partial", "not_found")


def test_how_often_is_said_once_for_its_sentence_whose_object_may_stand_clauses_back(ask):
    """按照“一校一案”…原则，…对重点学校周边存在的问题，每学期开展一次联合专项治理行动: the frequency is the sentence's, so
    its object three clauses back counts; a frequency whose clauses name nothing asked (每月…集中政治学习, asked of
    体检) still answers nothing."""
    a = ask("长春一校一案 周边整治多久搞一回")
    assert a["answered"] and top(a) == (CHANGCHUN, "七", 31) and "每学期开展一次" in "".join(a["results"][0]["evidence"])
    b = ask("达州 教职工体检 一年几次")
    assert not b["answered"]


def test_a_list_points_heading_sentence_is_the_subject_of_the_sentences_under_it(ask):
    """二是认真落实党风廉政建设主体责任。 heads the sentence …责任清单，对七方面28项内容逐一进行分解: 主体责任 is what the
    28项 are of, as a task's title is of its body."""
    a = ask("承德2020年工作总结里，主体责任清单分了多少项")
    assert a["answered"] and "七方面28项" in "".join(a["results"][0]["evidence"])


def test_a_provinces_own_plan_is_one_the_library_lacks(ask):
    """河北省教育厅2021年工作要点: a province's plan, not 承德's (which quotes the province's 一肩挑 document)."""
    a = ask("河北省教育厅2021年工作要点 书记校长一肩挑咋要求的")
    assert a["status"] == "not_found" and "河北省教育厅" in a["reason"]
    b = ask("河北省教育厅要求一肩挑 承德要点咋落实")  # 承德 named: its plan is asked
    assert b["answered"] and top(b)[0] == CHENGDE


def test_a_check_for_a_rule_asks_whether_the_plan_names_the_thing(ask):
    """升旗仪式有统一要求没: whether a rule on 升旗仪式 is set, which no 承德 task names (its 爱国主义教育 task holds the
    rest of the question)."""
    a = ask("承德爱国主义教育 学校升旗仪式有统一要求没 每周一那种")
    assert a["status"] == "not_found" and "升旗仪式" in a["reason"]


def test_which_place_in_an_order_is_answered_by_the_ordinal_printed(ask):
    """稳居全省第几方阵: the 双减 task prints 第一方陣; 第几界 typed for 第几届 is answered by 第二十一届; 第几部分 asks where
    in the plan, not an ordinal of the task's text."""
    a = ask("溫州雙減那條 教學質量目標是穩居全省第幾方陣")
    assert a["answered"] and top(a) == (WENZHOU, "二", 1) and "第一方陣" in "".join(a["results"][0]["evidence"])
    b = ask("达州今年那个全市中小学生田径运动会 办到第几界了")
    assert b["answered"] and "第二十一届" in "".join(b["results"][0]["evidence"])
