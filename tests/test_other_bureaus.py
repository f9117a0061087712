"""Questions over plans written the way other bureaus write them (tests/fixtures/plans: inline office brackets,
three numbering levels, tasks numbered again in every subsection, a pipe table), indexed with the real model: the
reading and the answering rules must hold there too, not only on the five seed plans they were tuned on."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "plans"


def plan(prefix: str) -> str:
    """The fixture plan whose file name starts with `prefix`: p06 -> p06_jianan_district_2023_attachment1.txt."""
    return next(p.name for p in sorted(FIXTURES.glob(f"{prefix}_*")) if not p.name.endswith(".json"))


# Each round of fixture plans (tests/fixtures/plans/README.md) is indexed on its own, as another bureau's corpus.
CORPORA = {
    "other": "p01 p04 p06 p07 p10 p13",  # inline brackets, three levels, numbers restarting per （一）, a pipe table
    "more": "p02 p03 p05 p08 p09 p11 p12",  # CRLF, GB18030, run-on page, no place, Word table, TSV, wrapped PDF
    "later": "p14 p15 p16 p17",  # parts, sub-measures, an office list before the title, full-width digits
    "newest": "p18 p19 p20 p21",  # （牵头） marks, one line per task, a Word table, offices after the last 。
    "excel": "p22 p23 p24 p25",  # two Excel task tables, offices in plain words, 责任领导 lines
    "fourth": "p26 p27 p28 p29",  # a PDF table one cell a line, 第一部分 parts, <br> cells, the first office leads
    "fifth": "p30 p31 p32 p33",  # 1.1 numbering, Word task cards, 任务一：, an automatically numbered table
    "sixth": "p34 p35 p36 p37",  # last year's review, offices in an attached 分工表, a WPS export, bracket lines
    "seventh": "p38 p39 p40 p41",  # Word auto-numbered paragraphs, a sheet per section, Traditional, a table per section
    "eighth": "p42 p43 p44 p45",  # offices under section headings, a ★/● matrix, a saved web page, merged measure rows
    "ninth": "p46 p47 p48 p49",  # 以上工作由… lines, tasks run on after 【】, outline columns, ◆ bullets
    "tenth": "p50 p51 p52 p53",  # PDF page headers, 第一章 / 第一条, a table per section, an attached task list
    "eleventh": "p54 p55 p56 p57",  # a legend of short office names, a markdown export, 本部分任务分工, bold titles
    "twelfth": "p58 p59 p60 p61",  # 责任人 lines, ★/☆ marks and a banner table, reversed columns, | 牵头 | X | rows
    "thirteenth": "p62 p63 p64 p65",  # 1） tasks with 协助, 第一篇 parts, Word list levels, a WeChat article
    "fourteenth": "p66 p67 p68 p69",  # ① tasks closed by ——offices, roles on two lines of one cell, spaced labels, labels alone on a line
    "fifteenth": "p70 p71 p72 p73",  # 【1】 tasks, titles before a colon, a 1-1 task workbook, a CSV export
    "sixteenth": "p74 p75 p76 p77",  # 第一板块, 【目标任务】 paragraphs, a 牵头 | 配合 header row, [offices] before the number
    "seventeenth": "p78 p79 p80 p81",  # an office table under each task, offices indexed by number, quarter columns, sections by office
    "eighteenth": "p82 p83 p84",  # three numbered levels 1 / 1.1 / 1.1.1, an OCR copy of a scan, tasks packed into cells
    "nineteenth": "p85 p86 p87",  # Word tracked changes left in, one row per task and office, an HTML table saved as text
    "twentieth": "p88 p89 p90",  # offices after a line break in the paragraph, offices by item number after each section, a ruled PDF table with wrapping cells
    "twentyfirst": "p91 p92 p93",  # a fixed-width text table, tasks numbered by Word heading styles, a table nested in a cell
    "twentysecond": "p94 p95 p96",  # offices in words after the title, a 备注 column giving roles, a targets table first
    "twentythird": "p97 p98 p99",  # a plan quoted in an e-mail, ★ and （新增） flags with Chinese-numeral dates, a ★/● workbook
    "twentyfourth": "p100 p101 p102",  # offices per measure on a portal page, offices by title in section tables, a 督办清单
    "twentyfifth": "p103 p104 p105",  # short names defined in the preamble, a two-column Word table, （一） rows in 序号
    "twentysixth": "p106 p107 p108",  # a 飞书 checklist of @mentions, offices after a right-aligned tab, an OA export
    "twentyseventh": "p109 p110 p111",  # offices by quoted title words, Word content controls, quarterly steps
    "twentyeighth": "p112 p113 p114",  # a headerless spaced text table, tasks as bands of rows, formulas' saved values
    "twentyninth": "p115 p116 p117",  # offices once per section with exceptions, Word tables on their side, bold leads
    "thirtieth": "p118 p119 p120",  # circled marks resolved in a section's note, a two-column PDF, sheets by office
    "thirtyfirst": "p121 p122 p123",  # a Word table of contents, offices in Word comments, unnumbered Word headings
    "thirtysecond": "p124 p125 p126",  # offices in Word footnotes, hidden sheets and columns, rows a page break cuts
    "thirtythird": "p127 p128 p129",  # offices in Word text boxes, a watermark and a seal, a plan pasted into a sheet
    "thirtyfourth": "p130 p131 p132",  # offices in cell comments, in a Word section's right column; line numbers
    "thirtyfifth": "p133 p134 p135",  # Word hidden text, a matrix marked by fill colour, a PDF table without rules
    "thirtysixth": "p136 p137 p138",  # Word fields, a workbook table laid out twice side by side, a PDF drawn out of order
    "thirtyseventh": "p139 p140 p141",  # a PDF printed two-up, an upright merged section column, columns on pages apart
    "thirtyeighth": "p142 p143 p144",  # a row per measure, a photographed page's OCR text, leads merged over task runs
    "thirtyninth": "p145 p146 p147",  # a draft printed with tracked changes, task cards in a sheet, two tasks a row
    "fortieth": "p148 p149 p150",  # a subtotalled sheet sorted by lead, offices in endnotes, a web page printed to PDF
    "fortyfirst": "p151 p152 p153",  # a slide deck saved as PDF, an Excel outline saved collapsed, a WPS plan in 全角
    "fortysecond": "p154 p155 p156",  # 带圈字符 fields, a task table revised in 删除线 and red, radicals in a PDF's text
    "fortythird": "p157 p158 p159",  # a plan posted in a work chat, a table with its cells unmerged, a sideways matrix
    "fortyfourth": "p160 p161 p162",  # a mail's source saved as text, a PDF turned into Word, Word lists started at 2
    "fortyfifth": "p163 p164 p165",  # a scanner app's column-by-column text layer, a box-drawn text table, turned pages
    "fortysixth": "p166 p167 p168",  # a Gantt-chart schedule, a document framed in one Word cell, a booklet's print file
    "fortyseventh": "p169 p170 p171",  # Excel's Unicode-text export, a WPS PDF set glyph by glyph, a filtered sheet
    "fortyeighth": "p172 p173 p174",  # zero-width characters of a web copy, Excel objects in Word, PDF typewriter boxes
    "fortyninth": "p175 p176 p177",  # a PDF form filled in, an OA export's HTML part in Word, white text in a sheet
    "fiftieth": "p178 p179 p180",  # two columns side by side in a text file, Word's style separator, a cropped PDF
    "fiftyfirst": "p181 p182 p183",  # Word text saved CR-only in GB18030, controls mapped to a data part, number formats
    "fiftysecond": "p184 p185 p186",  # Word smart tags, a sheet printed with its row and column headings, ⒈ ㈠ numbers
    "fiftythird": "p187 p188 p189",  # a Word tick-box form, a PDF bold drawn twice, ditto marks in a sheet
    "fiftyfourth": "p190 p191 p192",  # Word drop caps, task numbers drawn as pictures in a PDF, a macro's _x000D_
    "fiftyfifth": "p193 p194 p195",  # Word pinyin over rare characters, a vertical merged 类别 column in a PDF, Big5 text
    "fiftysixth": "p196 p197 p198",  # Word fill-in blanks, a PDF blacked out by painting over, a sheet of office codes
    "fiftyseventh": "p199 p200 p201",  # ordinary plans written afresh: three levels with closing brackets, a task table, office paragraphs
    "fiftyeighth": "p202 p203 p204",  # ordinary plans: offices after a （一） title, the first office leads, a table restarting per section
    "fiftyninth": "p205 p206 p207",  # ordinary plans: a WeChat repost with office brackets, a Word table with a 责任领导 column, three levels in a PDF
    "sixtieth": "p208 p209 p210",  # ordinary plans: a workbook's 类别 column merged down, offices in a closing sentence, a bold 牵头领导 line in a PDF
    "sixtyfirst": "p211 p212 p213",  # ordinary plans: a portal page copy with （牵头）-marked office lines, a Word table whose one office column marks its lead, a WPS PDF with 主责 / 协同 paragraphs
    "sixtysecond": "p214 p215 p216",  # ordinary plans: a Notepad GB18030 text indented with tabs, offices closing each task in words or labels; a PDF of （一） tasks each as labelled field paragraphs; a workbook whose office cells hold short names its second sheet spells out
    "sixtythird": "p217 p218 p219",  # ordinary plans: a Word outline whose （一） headings close with the offices of the 1. tasks under them; an OA notice copied as text, a section's tasks run on in one line; a workbook ledger repeating its header above every section's block
    "sixtyfourth": "p220 p221 p222",  # ordinary plans: a Word task table cut by hand at page ends under 续表 (主办 / 协办 columns); a DingTalk notice copied as GB18030 text, the lead named again in a bracket closing each office list; a workbook whose 责任单位 splits its names by kind of office, the lead marked （牵头）
    "sixtyfifth": "p223 p224 p225",  # ordinary plans: a Word draft for comments with a filled feedback form attached after its signature, （一） tasks only; an OA 收文 page copied as text, offices worded 承办 / 协办, a section numeral misprinted twice; a workbook that is also the year's scoring rules (分值 / 考核办法 / 考核科室 columns, a 合计 row)
}
JIANAN, CHONGMING, ANJI, BOLUO, XINDU = map(plan, ["p06", "p02", "p05", "p16", "p19"])
ZHAOQING, TONGLU, YANCHENG, LINQU, JIANGNING = map(plan, ["p22", "p24", "p26", "p32", "p35"])
YUHUA, ZIBO, TIANHE, ANXI = map(plan, ["p39", "p42", "p43", "p44"])
LUOYANG, SHUYANG, YUBEI, YUXI = map(plan, ["p46", "p47", "p48", "p49"])
WUHOU, CHANGXING, YULIN = map(plan, ["p51", "p52", "p53"])
CHANGDE, JIANGBEI, RUDONG, KAIFENG = map(plan, ["p54", "p55", "p56", "p57"])
BENGBU, XIAOSHAN, BAOJI, PINGYIN = map(plan, ["p58", "p59", "p60", "p61"])
SHUCHENG, SHAOXING, JINSHUI, ZUNYI = map(plan, ["p62", "p63", "p64", "p65"])
HEBI, WENJIANG, YONGXIN, LUOYANG_2026 = map(plan, ["p66", "p67", "p68", "p69"])
GUIYANG, SHASHI, QUZHOU, LINGSHOU = map(plan, ["p70", "p71", "p72", "p73"])
NINGCHUAN, BAISHUI, XINCHENG, YONGAN = map(plan, ["p74", "p75", "p76", "p77"])
ZHANGZHOU, SUCHENG, JINGDEZHEN, QIMEN = map(plan, ["p78", "p79", "p80", "p81"])
NANTONG, XINCHANG, JINNIU = map(plan, ["p82", "p83", "p84"])
TAIAN, YUELU, DEQING = map(plan, ["p85", "p86", "p87"])
HANJIANG, FEIXI, YANTAI = map(plan, ["p88", "p89", "p90"])
XIANGTAN, YUHANG, JUXIAN = map(plan, ["p91", "p92", "p93"])
XUANCHENG, PANYU, GUANGRAO = map(plan, ["p94", "p95", "p96"])
KEQIAO, XIANJU, XIAOGAN = map(plan, ["p97", "p98", "p99"])
JIANGJIN, LISHUI, PEIXIAN = map(plan, ["p100", "p101", "p102"])
NINGHAI, PUKOU, HUANGSHI = map(plan, ["p103", "p104", "p105"])
TANCHENG, SUINING_2025, GULOU = map(plan, ["p112", "p113", "p114"])
NANLING, HENGYANG, LIXIA, TAIHE, ZHANJIANG, YANTA = map(plan, ["p115", "p116", "p117", "p118", "p119", "p120"])
ZHENJIANG, MENGCHENG, TIANNING = map(plan, ["p121", "p122", "p123"])
YUEYANG, PINGYANG, QINGYANG = map(plan, ["p124", "p125", "p126"])
CHUNAN, SHIYAN, JIANGHAN = map(plan, ["p130", "p131", "p132"])
WUYI, SHAOGUAN, QINHUAI = map(plan, ["p133", "p134", "p135"])
DEYANG, WUYUAN, TONGSHAN = map(plan, ["p136", "p137", "p138"])
KAIFU, LESHAN, LANKAO = map(plan, ["p139", "p140", "p141"])
GUSU, DEHUA, NANPING = map(plan, ["p142", "p143", "p144"])
JINHUA, JIANGDU, CHANGSHAN = map(plan, ["p145", "p146", "p147"])


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
def plans_of(tmp_path_factory):
    """plans_of("more") asks over that round's plans: each small index is built once, when a test first needs it."""
    made = {}

    def get(name: str):
        if name not in made:
            made[name] = _asker(tmp_path_factory, [plan(p) for p in CORPORA[name].split()])
        return made[name]
    return get


def where(answer: dict) -> tuple:
    r = answer["results"][0]
    return r["doc"], r["section"], r["subsection"], r["task_no"]


def test_a_position_with_its_subsection_names_one_task_where_numbers_restart(plans_of):
    other = plans_of("other")
    # 建安区 numbers its tasks again in every （一）: 二、（二）第1项 is 推进集团化办学, not 二、（一）第1项
    a = other("建安区二、（二）第1项谁负责")
    assert a["answered"] and where(a) == (JIANAN, "二", "（二）", 1)
    b = other("建安区一（二）第2项讲啥")
    assert b["answered"] and where(b) == (JIANAN, "一", "（二）", 2)


def test_asking_for_the_topic_uses_a_place_of_this_corpus_as_its_example(plans_of):
    other = plans_of("other")
    a = other("第15项谁牵头")
    assert a["status"] == "not_found" and "请写明是哪个地方" in a["answer"]
    assert "达州" not in a["answer"] and "衢州" in a["answer"]


def test_a_district_or_county_named_without_its_suffix_is_its_plan(plans_of):
    more = plans_of("more")
    # staff write 崇明 for 崇明区 and 安吉 for 安吉县: the plan's filter, not a topic word no task holds
    a = more("崇明2022年示范党支部评几个？")
    assert a["status"] == "answered" and a["results"][0]["doc"] == CHONGMING and "10个" in a["answer"]
    # 全民健身路径 is 南部县's, not 安吉's: the other county is named, not its figure quoted for 安吉
    b = more("安吉全民健身路径建多少条")
    assert b["status"] == "not_found" and "20条" not in b["answer"] and "南部县" in b["answer"]
    # 南部 alone is an ordinary word (southern), not the bare name of 南部县
    engine = more.engine
    assert engine.reading("西南部山区学校有啥安排")[0].cities == []


def test_an_everyday_word_is_no_shortening_of_an_office_name(plans_of):
    more = plans_of("more")
    # 教室 skips 研 of 安吉's 教研室 and is an everyday word: the question asks about classrooms, filtered by no office
    a = more("安吉多媒体设备更新要换多少间教室")
    assert a["filters"]["office"] is None
    assert a["status"] == "partial" and a["results"][0]["doc"] == ANJI


def test_an_office_list_printed_before_the_title_answers_who_leads_and_when(plans_of):
    later = plans_of("later")
    # 4.【牵头：学前教育股；配合：…；时限：2021年8月底】扩大公办幼儿园学位供给。: offices and deadline of task 4
    a = later("博罗公办幼儿园学位谁挑头 啥时候完成")
    assert a["answered"] and a["results"][0]["doc"] == BOLUO and a["results"][0]["task_no"] == 4
    assert "学前教育股" in a["answer"] and "2021年8月底" in a["answer"]



def test_a_deadline_question_is_answered_by_the_tasks_own_deadline_line(plans_of):
    newest = plans_of("newest")
    # （…；完成时限：2022年9月10日前）: the line names nothing of the task, yet it is the task's deadline
    a = newest("新都区师德标兵评选 deadline是哪天")
    assert a["answered"] and a["results"][0]["doc"] == XINDU and "2022年9月10日前" in a["answer"]
    # which months the drills are held is no deadline: the task gives a count, not months
    b = newest("宜昌应急疏散演练具体哪几个月搞？")
    assert b["status"] == "partial"



def test_an_excel_task_table_and_offices_in_plain_words_answer_who_leads(plans_of):
    excel = plans_of("excel")
    # p22 is a .xlsx 重点任务分解表: the 牵头单位 cell merged down over tasks 4 and 5 leads both
    a = excel("肇庆第5项谁牵头")
    assert a["answered"] and a["results"][0]["doc"] == ZHAOQING and a["results"][0]["task_no"] == 5
    assert a["results"][0]["lead_offices"] == a["results"][0]["lead_offices"][:1] != []
    # （学前教育科牵头，计划财务科、基建办配合）: the lead named in plain words
    b = excel("桐庐公办幼儿园学位 谁挑头")
    assert b["answered"] and b["results"][0]["doc"] == TONGLU and b["results"][0]["lead_offices"] == ["学前教育科"]



def test_a_task_table_in_a_pdf_and_a_small_corpus_keep_their_answers_and_refusals(plans_of):
    fourth = plans_of("fourth")
    # p26's table comes out of the PDF one cell a line: rows are put back together, the lead is the 牵头科室 cell
    a = fourth("盐城防溺水专项行动谁牵头")
    assert a["answered"] and a["results"][0]["doc"] == YANCHENG and a["results"][0]["lead_offices"] == ["安监科"]
    # 几年 asks a span of years: 300名 of the same task is no answer to it
    b = fourth("青岛名师培养工程培养周期几年")
    assert b["status"] != "answered" and "300名" not in b["answer"].split("\n")[0]



def test_asked_who_shares_a_task_that_prints_its_lead_only_the_answer_is_partial(plans_of):
    fifth = plans_of("fifth")
    # 任务七：办好特殊教育。…【牵头】…: the plan names no 配合 office for it
    a = fifth("临朐县特教送教上门配合科室是哪些")
    assert a["status"] == "partial" and a["results"][0]["doc"] == LINQU and a["results"][0]["number"] == "任务七"
    b = fifth("临朐县特教送教上门谁牵头")
    assert b["status"] == "answered" and b["results"][0]["lead_offices"]



def test_offices_given_only_in_an_attached_table_and_last_years_review_are_read(plans_of):
    sixth = plans_of("sixth")
    # 江宁区 prints no offices in its body; the 分工表 after the signature gives them by 序号
    a = sixth("江宁 县管校聘 谁牵头")
    assert a["answered"] and a["results"][0]["doc"] == JIANGNING and a["results"][0]["lead_offices"] == ["组织人事科"]
    # 曲靖's 一、2022年工作回顾 is last year's summary: its items are no 2023 tasks
    engine = sixth.engine
    qujing = [r for r in engine.records if r.doc.startswith("p34")]
    assert {r.year for r in qujing if r.kind == "summary"} == {2022}
    assert all(r.year == 2023 for r in qujing if r.kind == "task")


def test_a_workbook_with_a_sheet_per_section_and_roles_in_words_in_one_column_answers_who_leads(plans_of):
    seventh = plans_of("seventh")
    # 雨花区: 责任单位 holds 校外培训监管科牵头，基础教育科、区教育科学研究所参与; the sheet 二、基础教育 is section 二
    a = seventh("雨花区 双减 谁牵头 谁配合")
    assert a["answered"] and where(a) == (YUHUA, "二", None, 3)
    first = a["results"][0]
    assert first["lead_offices"] == ["校外培训监管科"]
    assert first["cooperating_offices"] == ["基础教育科", "区教育科学研究所"] and first["responsible_offices"] == []
    # the column's header 责任单位 is the printed label of both roles; the cooperating ones are shown as such
    assert "配合单位：基础教育科、区教育科学研究所" in a["answer"] and "责任单位：基础教育科" not in a["answer"]


def test_offices_printed_under_a_section_in_a_matrix_or_in_the_body_answer_who_leads(plans_of):
    eighth = plans_of("eighth")
    # 淄博 prints 牵头科室：基础教育科；责任科室：… once under 二、: task 5 takes them, and its citation says where
    a = eighth("淄博 普惠性学前教育 幼儿园 谁牵头")
    assert a["answered"] and where(a) == (ZIBO, "二", None, 5)
    assert a["results"][0]["lead_offices"] == ["基础教育科"] and "本部分标题下" in a["answer"]
    # 天河's matrix marks 学前教育科 ★ and 计划财务科 ● in the row of task 4
    b = eighth("天河区 扩大学前教育资源 谁挑头")
    assert b["answered"] and where(b) == (TIANHE, "二", None, 4)
    assert (b["results"][0]["lead_offices"], b["results"][0]["cooperating_offices"]) == (["学前教育科"], ["计划财务科"])
    # 安溪's web page names them in the body: 由体卫艺股牵头，安全股、各中小学校（幼儿园）配合落实
    c = eighth("安溪 校园疫情防控 谁牵头")
    assert c["answered"] and where(c) == (ANXI, "一", None, 1)
    assert c["results"][0]["lead_offices"] == ["体卫艺股"] and "&nbsp;" not in c["answer"] and "<p" not in c["answer"]


def test_a_compound_asked_beside_words_the_plan_holds_is_missing_when_only_another_plan_prints_it(plans_of):
    # 潍坊's plan prints 进校园 and 校园 but not 茶文化, which 安溪's 推进“茶文化进校园” holds: 茶文化 is not covered
    # by the 进校园 half of 茶文化进校园, and 潍坊 is refused naming it
    a = plans_of("eighth")("潍坊茶文化进校园谁负责")
    assert a["status"] == "not_found" and "“茶文化”" in a["reason"]
    assert any(e["doc"] == ANXI for e in a["elsewhere"])


def test_the_words_naming_the_asked_value_do_not_dilute_a_topic_no_plan_names(plans_of):
    # 营养餐 is in none of the four plans; 补助 and 标准 say which value is asked, so the question is mostly about
    # what no plan names, though 永新's 学生资助 task holds 补助
    a = plans_of("fourteenth")("永新 营养餐补助标准多少")
    assert a["status"] == "not_found" and "“营养餐”" in a["reason"]


def test_a_rate_named_by_a_verb_jieba_cuts_off_must_be_the_tasks(plans_of):
    # 压减率 is cut 压减 | 率: 长兴's 校外培训 task gives a 全覆盖 of 课后服务, no 压减; 嘉兴's plan has the word
    a = plans_of("tenth")("长兴县校外培训机构压减率要到多少")
    assert a["status"] == "not_found" and "“压减”" in a["reason"]
    assert a["elsewhere"] and all(e["doc"] != CHANGXING for e in a["elsewhere"])


def test_a_piece_of_a_word_no_plan_uses_held_inside_another_word_does_not_answer(plans_of):
    # no plan prints 中外合作; 衢州's 产教融合 task holds 合作 only in 校企合作, which is no 中外合作办学
    a = plans_of("fifteenth")("衢州 中外合作办学 谁牵头")
    assert a["status"] == "not_found" and "“中外合作”" in a["reason"]


def test_staff_words_for_growing_and_hiring_reach_the_plans_words(plans_of):
    # 扩容 -> 扩大 (扩大普惠性学前教育资源); 还有 only joins the second ask
    a = plans_of("eighth")("淄博幼儿园扩容那块谁挑头，还有哪些科室负责")
    assert a["answered"] and where(a) == (ZIBO, "二", None, 5)
    # 新招 -> 招聘 (公开招聘中小学幼儿园教师680名)
    b = plans_of("sixteenth")("宁川 今年计划新招多少老师")
    assert b["answered"] and "680" in b["results"][0]["evidence"][0]


def test_a_value_word_pointing_at_a_task_asks_nothing_and_its_deadline_line_says_when(plans_of):
    # 比例那条 names the task (交流轮岗教师比例不低于15%); 啥时候 is answered by its 完成时限 cell, 2024年9月前
    a = plans_of("sixteenth")("新城 老师交流轮岗比例那条 谁负责 啥时候")
    assert a["answered"] and a["results"][0]["title"] == "优化教师队伍结构"
    assert any("2024年9月前" in e for e in a["results"][0]["evidence"]) and "组织人事科" in a["answer"]


def test_closing_office_lines_run_on_tasks_outline_columns_and_bullet_tasks_answer_who_leads(plans_of):
    ninth = plans_of("ninth")
    # 洛阳: 以上工作由组织人事科牵头，机关党委、宣传科配合 closes tasks 1–2; the line is shown with each of them
    a = ninth("洛阳 校长负责制 谁牵头")
    assert a["answered"] and where(a) == (LUOYANG, "一", "（一）", 2)
    assert a["results"][0]["lead_offices"] == ["组织人事科"] and "以上工作由组织人事科牵头" in a["answer"]
    # 沭阳 runs tasks on in one paragraph, each closed by 【牵头：…；配合：…；时限：…】
    b = ninth("沭阳 普惠性学前教育 谁牵头 啥时候完成")
    assert where(b) == (SHUYANG, "二", "（一）", 4) and b["results"][0]["lead_offices"] == ["学前科"]
    # 渝北's workbook prints 一级任务 / 二级任务 / 具体任务 columns and no 序号: its rows are counted
    c = ninth("渝北区 学前教育 普惠 谁牵头")
    assert c["answered"] and where(c) == (YUBEI, "二", "（一）", 4) and c["results"][0]["lead_offices"] == ["学前教育科"]
    # 玉溪 marks its tasks ◆ with no number; the ● lines inside task 6 are its measures, not tasks
    yuxi = [r for r in ninth.engine.records if r.doc == YUXI]
    assert [r.task_no for r in yuxi] == list(range(1, 15))
    assert "消除大班额" in next(r for r in yuxi if r.task_no == 6).text


def test_articles_a_table_per_section_and_an_attached_task_list_answer_who_leads_and_when(plans_of):
    tenth = plans_of("tenth")
    # 武侯区 numbers 第一条… under 第一章 chapters
    a = tenth("武侯区 校长负责制 谁牵头")
    assert a["answered"] and where(a) == (WUHOU, "一", None, 2) and a["results"][0]["lead_offices"] == ["组织人事科"]
    # 长兴县: 二's table heads its columns 责任科室 / 协办科室, not 一's 牵头科室 / 配合科室
    changxing = {(r.section, r.task_no): r for r in tenth.engine.records if r.doc == CHANGXING}
    assert len(changxing) == 13 and changxing[("二", 1)].lead_offices == []
    assert changxing[("二", 1)].responsible_offices and changxing[("一", 1)].lead_offices == ["组织人事科"]
    # 榆林's body prints no offices or deadlines: the attached 重点任务清单 gives both by 序号
    yulin = [r for r in tenth.engine.records if r.doc == YULIN]
    assert all(r.lead_offices and r.fields.get("完成时限") for r in yulin)
    b = tenth("长兴县那3所未来学校是哪几所")  # the plan counts them and names none
    assert b["status"] == "partial" and "名称" in b["answer"]


def test_short_office_names_markdown_bullets_section_splits_and_unnumbered_tasks_answer_who_leads(plans_of):
    eleventh = plans_of("eleventh")
    # 常德 prints （牵头：基；配合：财、资助）: the legend at the top says who 基, 财 and 资助 are
    a = eleventh("常德 特殊教育保障 谁牵头")
    assert a["answered"] and where(a) == (CHANGDE, "二", "（二）", 8)
    assert a["results"][0]["lead_offices"] == ["基础教育科"]
    assert a["results"][0]["cooperating_offices"] == ["计划财务科", "市学生资助管理中心"]
    # 江北's tasks are unnumbered markdown bullets, counted; the indented bullets under task 6 are its measures
    jiangbei = [r for r in eleventh.engine.records if r.doc == JIANGBEI and r.kind == "task"]
    assert [r.task_no for r in jiangbei] == list(range(1, 14))
    assert "作业管理" in next(r for r in jiangbei if r.task_no == 6).text
    # 如东 gives each section's offices and deadlines by number in a 本部分任务分工 paragraph after it
    rudong = {r.task_no: r for r in eleventh.engine.records if r.doc == RUDONG and r.kind == "task"}
    assert rudong[4].lead_offices == ["基础教育科"] and rudong[4].fields.get("时限") == "2022年8月底前"
    assert rudong[15].responsible_offices == ["安全稳定科", "各区镇教育管理办公室"]
    # 开封 numbers nothing: a paragraph opening with its title sentence is a task, an intro is not
    kaifeng = [r for r in eleventh.engine.records if r.doc == KAIFENG and r.kind == "task"]
    assert len(kaifeng) == 12 and not any(r.title.startswith("坚持健康第一") for r in kaifeng)
    b = eleventh("开封 普惠民办园生均补助 谁牵头")  # the second paragraph of task 4 carries its offices
    assert b["answered"] and where(b) == (KAIFENG, "二", None, 4) and b["results"][0]["lead_offices"] == ["基础教育科"]


def test_person_lines_star_marks_reversed_columns_and_pipe_rows_answer_who_leads(plans_of):
    twelfth = plans_of("twelfth")
    # 蚌埠: 责任科室：机关党委（牵头）、…, then 责任人：王建平（副局长）, a person, no office
    a = twelfth("蚌埠 学习贯彻二十大精神 谁牵头")
    assert a["answered"] and where(a) == (BENGBU, "一", None, 1)
    assert a["results"][0]["lead_offices"] == ["机关党委"] and a["results"][0]["responsible_offices"] == ["组织人事科", "宣传科"]
    # 萧山: ★牵头：X　☆配合：Y　◎时限：…, and a data table after a task is neither a task nor its deadline
    b = twelfth("萧山 学校建设项目 谁牵头")
    assert b["answered"] and where(b) == (XIAOSHAN, "二", None, 3) and b["results"][0]["lead_offices"] == ["计划财务科"]
    xiaoshan = {(r.section, r.task_no): r for r in twelfth.engine.records if r.doc == XIAOSHAN and r.kind == "task"}
    assert len(xiaoshan) == 14 and xiaoshan[("二", 3)].fields["时限"] == "2023年8月底前"
    # 宝鸡's workbook puts the office columns first and the task last, under a header over two rows
    c = twelfth("宝鸡 特殊教育 谁牵头")
    assert c["answered"] and where(c) == (BAOJI, "二", None, 9) and c["results"][0]["lead_offices"] == ["基础教育科"]
    # 平阴 numbers 第一项…, each followed by | 牵头 | X | 配合 | Y |; a dash is no office
    d = twelfth("平阴 普惠性学前教育资源 谁牵头")
    assert d["answered"] and where(d) == (PINGYIN, "二", None, 4) and d["results"][0]["lead_offices"] == ["学前教育科"]
    ninth = next(r for r in twelfth.engine.records if r.doc == PINGYIN and r.task_no == 9)
    assert ninth.cooperating_offices == [] and ninth.office_labels.get("cooperating") == "配合"


def test_half_bracket_numbers_parts_list_levels_and_a_wechat_article_answer_who_leads(plans_of):
    thirteenth = plans_of("thirteenth")
    # 舒城 numbers 1） and prints （责任股室：X；协助股室：Y）: 协助 cooperates; 协助股室：无 names no office
    a = thirteenth("舒城 学前教育 谁负责")
    assert a["answered"] and where(a) == (SHUCHENG, "二", None, 1)
    assert a["results"][0]["responsible_offices"] == ["学前教育股"] and a["results"][0]["cooperating_offices"]
    assert not any("无" in r.cooperating_offices for r in thirteenth.engine.records if r.doc == SHUCHENG)
    # 绍兴 is in 第一篇…第三篇 parts: a part's heading and intro belong to no task's office list
    shaoxing = [r for r in thirteenth.engine.records if r.doc == SHAOXING and r.kind == "task"]
    assert [r.task_no for r in shaoxing] == list(range(1, 17))
    assert not any("篇" in name for r in shaoxing for name in r.cooperating_offices)
    # 遵义's WeChat article: 📌一、 headings, 01【title】 tasks, 牵头科室：X｜配合科室：Y, a footer after the plan
    b = thirteenth("遵义 清廉学校 谁牵头")
    assert b["answered"] and where(b) == (ZUNYI, "一", None, 3) and b["results"][0]["title"] == "深化清廉学校建设"
    assert b["results"][0]["lead_offices"] == ["驻局纪检监察组"] and b["results"][0]["cooperating_offices"] == ["计划财务科"]
    zunyi = [r for r in thirteenth.engine.records if r.doc == ZUNYI and r.kind == "task"]
    assert len(zunyi) == 14 and not any("来源" in r.text for r in zunyi)


def test_dash_lists_roles_inside_one_cell_spaced_labels_and_labels_alone_answer_who_leads_and_when(plans_of):
    fourteenth = plans_of("fourteenth")
    # 鹤壁 closes each ① task with ——offices: bare names are the responsible offices, X牵头，Y配合 gives the roles
    a = fourteenth("鹤壁 校园安全 谁牵头")
    assert a["answered"] and where(a) == (HEBI, "四", None, 4)
    assert a["results"][0]["lead_offices"] == ["校园安全科"]
    assert a["results"][0]["cooperating_offices"] == ["各县（区）教育局", "局属各学校"]
    hebi = {r.number: r for r in fourteenth.engine.records if r.doc == HEBI and r.section == "二"}
    assert hebi["④"].responsible_offices == ["基础教育科", "教育教学研究室"] and hebi["④"].office_labels == {}
    assert hebi["④"].fields["完成时限"] == "2025年9月底前"
    # 温江's Word table: 牵头：X and 配合：Y (or 参与：Y after a line break) in the one 责任科室 cell
    b = fourteenth("温江 特殊教育 谁牵头")
    assert b["answered"] and where(b) == (WENJIANG, "二", None, 7)
    assert b["results"][0]["lead_offices"] == ["基础教育科"] and b["results"][0]["cooperating_offices"] == ["各中小学校"]
    assert len([r for r in fourteenth.engine.records if r.doc == WENJIANG and r.kind == "task"]) == 14
    # 永新: 牵头股室：X 配合股室：Y 完成时限：… apart only by spaces; 完成时间 asks the deadline, not 学前三年
    c = fourteenth("永新学前 扩普惠资源 完成时间")
    assert c["answered"] and where(c) == (YONGXIN, "二", "（一）", 1) and c["results"][0]["evidence"] == ["2023年8月底前"]
    # 洛阳: 牵头单位： on a line of its own, the offices on the next
    d = fourteenth("洛阳 学前教育 谁牵头")
    assert d["answered"] and where(d) == (LUOYANG_2026, "二", None, 4)
    assert d["results"][0]["lead_offices"] == ["市教育局学前教育处"]


def test_square_numbers_colon_titles_dashed_numbers_and_a_csv_export_answer_who_leads_and_when(plans_of):
    fifteenth = plans_of("fifteenth")
    # 桂阳 numbers 【1】…【13】 through the plan; （主责股室：X；协同股室：Y）: 主责 leads, 协同 cooperates
    a = fifteenth("桂阳 职业教育 谁主责")
    assert a["answered"] and where(a) == (GUIYANG, "三", None, 8) and a["results"][0]["lead_offices"] == ["职成股"]
    # 沙市区 (荆州市沙市区): unnumbered tasks titled before a colon, counted through the plan
    b = fifteenth("沙市区 学前普惠资源 谁负责")
    assert b["answered"] and where(b) == (SHASHI, "二", None, 4)
    assert b["results"][0]["responsible_offices"] == ["学前教育科"]
    # 衢州's workbook: 序号 一 beside a section's name is the section; 1-1 numbers; the signature ends the table
    quzhou = [r for r in fifteenth.engine.records if r.doc == QUZHOU and r.kind == "task"]
    assert [r.number for r in quzhou][:4] == ["1-1", "1-2", "1-3", "2-1"] and [r.section for r in quzhou][3] == "二"
    assert quzhou[-1].fields["完成时限"] == "2023年12月"
    # 灵寿's CSV export named .txt: quoted cells keep their commas (1,260万元), 类别 opens each section
    c = fifteenth("灵寿 薄弱学校改造 投了多少钱")
    assert c["answered"] and where(c) == (LINGSHOU, "二", None, 5) and "1,260万元" in "".join(c["results"][0]["evidence"])
    d = fifteenth("灵寿 课后服务那条 完成时限是啥")  # an empty 完成时限 cell, and 每学期 is no date
    assert d["status"] == "partial" and where(d) == (LINGSHOU, "二", None, 6)


def test_bankuai_sections_bracketed_labels_two_row_headers_and_offices_before_the_number_answer_who_leads(plans_of):
    sixteenth = plans_of("sixteenth")
    # 宁川: 第一板块：… sections, （1） tasks through the plan, 责任处室：X（牵头），Y after each
    ningchuan = [r for r in sixteenth.engine.records if r.doc == NINGCHUAN and r.kind == "task"]
    assert len(ningchuan) == 13 and ningchuan[0].section == "一" and ningchuan[0].lead_offices == ["机关党委"]
    # 白水: 【目标任务】【工作措施】【牵头股室】【配合股室】【完成时限】 paragraphs under each 1.title
    baishui = next(r for r in sixteenth.engine.records if r.doc == BAISHUI and r.section == "四" and r.task_no == 2)
    assert baishui.fields["完成时限"] == "2023年9月1日前" and baishui.cooperating_offices == ["计划财务股", "基础教育股"]
    # 新城: 责任单位 merged over a second header row 牵头 | 配合
    a = sixteenth("新城区 学前学位 谁牵头")
    assert a["answered"] and where(a) == (XINCHENG, "二", None, 4) and a["results"][0]["lead_offices"] == ["基础教育科"]
    # 永安: [基础教育科、教研室牵头，督导室配合]5.title。 — the offices before the number
    b = sixteenth("永安 义务教育优质均衡 谁牵头")
    assert b["answered"] and where(b) == (YONGAN, "二", None, 5)
    assert b["results"][0]["lead_offices"] == ["基础教育科", "教研室"] and b["results"][0]["cooperating_offices"] == ["督导室"]


# The held-back halves of the questions over each fixture corpus (eval/README.md says how each was written and first
# measured): hit@1, answerable refused, unanswerable answered, wrong figures, as this build measured them.
# (2026-12-03b: a placeless question golded "which place?" and answered plan by plan counts as declining to pick a
# plan, see assistant/evaluate.py: rounds 4-8 and 17 gained 1 or 2 refused rightly by that count alone)
HELD_FLOORS = [
    # fixture, file, (hit@1, refused at most, refused rightly at least, wrong figures at most)   measured
    ("other", "other_bureaus_heldout.jsonl", (0.91, 1, 10, 0)),  # 0.917, 1/12, 10/10, 0/6 (whole: 0.950)
    # (the task's 完成时限 line answering a deadline, 哪些街道 asking a place: 0.875 -> 1.000, refused 2 -> 0)
    ("more", "other_bureaus2_heldout.jsonl", (1.0, 0, 12, 1)),  # 1.000, 0/16, 12/14, 1/10 (whole: 0.900)
    ("later", "other_bureaus3_heldout.jsonl", (0.93, 1, 5, 1)),  # 0.933, 1/15, 5/6, 1/9 (whole: 0.929)
    ("newest", "other_bureaus4_heldout.jsonl", (0.92, 1, 6, 1)),  # 0.923, 1/13, 6/7, 1/6 (whole: 0.893)
    ("excel", "other_bureaus5_heldout.jsonl", (1.0, 0, 4, 2)),  # 1.000, 0/18, 4/6, 2/9 (whole: 1.000, 0/28, 8/12, 2/14)
    # (2026-12-03: one more refused here by the rule on words no plan uses, missing from the best task; was 0.889, 2/18)
    ("fourth", "other_bureaus6_heldout.jsonl", (0.83, 3, 4, 1)),  # 0.833, 3/18, 4/5, 1/8 (whole: 0.929, 2/28, 5/12, 2/13)
    ("fifth", "other_bureaus7_heldout.jsonl", (1.0, 0, 5, 0)),  # 1.000, 0/14, 5/5, 0/8 (whole: 1.000, 0/28, 9/12, 1/14)
    ("sixth", "other_bureaus8_heldout.jsonl", (1.0, 0, 7, 1)),  # 1.000, 0/15, 7/8, 1/7 (whole: 1.000, 0/28, 9/12, 1/14)
    # 0.889, 2/18 until 2026-12-06, when a yes/no check's word no plan uses began to count as lacking (the other one
    # of the two answerable questions that change refuses, against two unanswerable ones it stops answering)
    ("seventh", "other_bureaus9_heldout.jsonl", (0.83, 3, 4, 0)),  # 0.833, 3/18, 4/4, 0/9 (whole: 0.679, 2/28, 11/12, 3/13)
    ("eighth", "other_bureaus10_heldout.jsonl", (1.0, 0, 6, 1)),  # 1.000, 0/14, 6/6, 1/6 (whole: 0.643, 8/28, 9/12, 2/11)
    ("ninth", "other_bureaus11_heldout.jsonl", (1.0, 0, 5, 0)),  # 1.000, 0/12, 5/5, 0/6 (whole: 0.250, 10/28, 12/12, 3/9)
    ("tenth", "other_bureaus12_heldout.jsonl", (1.0, 0, 5, 1)),  # 1.000, 0/16, 5/6, 1/6 (whole: 0.607, 10/28, 10/12, 1/9)
    ("eleventh", "other_bureaus13_heldout.jsonl", (0.81, 1, 5, 0)),  # 0.818, 1/11, 5/7, 0/3 (whole: 0.321, 18/28, 10/12, 0/5)
    ("twelfth", "other_bureaus14_heldout.jsonl", (1.0, 0, 5, 0)),  # 1.000, 0/16, 5/7, 0/6 (whole: 0.607, 9/28, 9/12, 1/9)
    ("thirteenth", "other_bureaus15_heldout.jsonl", (1.0, 0, 6, 0)),  # 1.000, 0/16, 6/6, 0/5 (whole: 0.500, 13/28, 12/12, 0/5)
    ("fourteenth", "other_bureaus16_heldout.jsonl", (1.0, 0, 7, 0)),  # 1.000, 0/17, 7/7, 0/8 (whole: 0.500, 8/28, 11/12, 2/12)
    ("fifteenth", "other_bureaus17_heldout.jsonl", (0.83, 2, 5, 0)),  # 0.833, 2/12, 5/5, 0/5 (whole: 0.000, 20/28, 10/12, 3/6)
    ("sixteenth", "other_bureaus18_heldout.jsonl", (1.0, 0, 7, 0)),  # 1.000, 0/13, 7/8, 0/2 (whole: 0.286, 11/28, 10/12, 1/3)
    ("seventeenth", "other_bureaus19_heldout.jsonl", (0.94, 0, 4, 0)),  # 0.941, 0/17, 4/4, 0/1 (whole: 0.464, 14/28, 11/12, 0/3)
    # (whole, first measure: 0.318, 6/22, 7/8, 0/2; parser 22 read p82: 0.682; parser 23 read p83 and p84)
    ("eighteenth", "other_bureaus20_heldout.jsonl", (0.91, 1, 5, 0)),  # 0.917, 1/12, 5/6, 0/1
    # (whole, first measured after parser 23 read the three plans: 0.909, 2/22, 8/8, 0/2; parser 22 had 0.227, 13/22)
    ("nineteenth", "other_bureaus21_heldout.jsonl", (0.87, 1, 5, 0)),  # 0.875, 1/8, 5/5, 0/1
    # (whole, first measured after parser 25 read the three plans: 0.864, 3/22, 7/8, 0/2; parser 22 had 0.545, 10/22)
    ("twentieth", "other_bureaus22_heldout.jsonl", (0.92, 1, 5, 0)),  # 0.929, 1/14, 5/6, 0/1 (全年 says when)
    # (whole, first measured after parser 26 read the three plans: 0.909, 1/22, 7/8, 1/2; parser 22 had 0.409, 11/22)
    ("twentyfirst", "other_bureaus23_heldout.jsonl", (1.0, 0, 3, 1)),  # 1.000, 0/11, 3/4, 1/1 (全年 says when)
    # (whole, first measured after parser 27 read the three plans: 0.955, 1/22, 8/8, 0/2; parser 22 had 0.773, 4/22)
    ("twentysecond", "other_bureaus24_heldout.jsonl", (1.0, 0, 4, 0)),  # 1.000, 0/11, 4/4, 0/2
    # (whole, first measured before any change, parser 27, which read only p99 and none of its offices: 0.143, 10/14,
    # 7/8, 1/3 wrong figures; after parser 28 read the three plans: 1.000, 0/14, 8/8, 0/3)
    ("twentythird", "other_bureaus25_heldout.jsonl", (1.0, 0, 5, 0)),  # 1.000, 0/6, 5/5, 0/3
    # (whole, first measured before any change, parser 28 of e11dc72: 0.643, 4/14, 6/8, 0/4; after parser 29 read the
    # three plans: 1.000, 0/14, 6/8, 1/4)
    ("twentyfourth", "other_bureaus26_heldout.jsonl", (1.0, 0, 4, 1)),  # 1.000, 0/9, 4/6, 1/3    # (whole, first measured before any change, parser 29 of 35d4ce1: 0.643, 2/14, 8/8, 0/4; after parser 30 read the
    # three plans: 1.000, 0/14, 8/8, 0/4)
    ("twentyfifth", "other_bureaus27_heldout.jsonl", (1.0, 0, 4, 0)),  # 1.000, 0/8, 4/4, 0/3
    # whole, first measured at parser 30 (c-HEAD 2026-12-04e): 0.429, 5/14, 8/8, 0/4; after parsers 31 and 32 read
    # the three plans: 1.000, 0/14, 8/8, 0/4
    ("twentysixth", "other_bureaus28_heldout.jsonl", (1.0, 0, 6, 0)),  # 1.000, 0/6, 6/6, 0/3
    # whole, first measured at parser 32 (80a921e): 0.571, 6/14, 6/8, 1/5; after parser 33 read the three plans:
    # 0.929, 1/14, 8/8, 0/5
    ("twentyseventh", "other_bureaus29_heldout.jsonl", (0.83, 1, 4, 0)),  # 0.833, 1/6, 4/4, 0/2
    # whole, first measured at parser 33 (2026-12-05): 0.214, 9/14, 7/8, 1/3; after parser 34 read the three plans:
    # 0.929, 1/14, 8/8, 0/3
    ("twentyeighth", "other_bureaus30_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/7, 3/3, 0/1
    # whole (the 17 questions on p115 and p116), first measured at parser 35 (2026-12-06), after it read the two plans
    # (before, p116 did not open and p115 had no offices): 0.900, 1/10, 7/7, 0/2; unchanged with p117 in the corpus
    ("twentyninth", "other_bureaus31_heldout.jsonl", (0.75, 1, 3, 0)),  # 0.750, 1/4, 3/3, 0/1
    # the round's five questions on p117 (bold leads), set apart until the reader saw cell formatting; whole, first
    # measured once it did: 1.000, 0/4, 1/1, 0/1
    ("twentyninth", "other_bureaus31b_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/2, 0/0, 0/0
    # whole (the 17 questions on p118 and p119; the five on p120's sheets by office wait for its reader), first
    # measured at parser 36 (2026-12-06), after it read the two plans: 1.000, 0/10, 6/7, 1/2; after 哪个股 was read
    # as asking who (the one answered, with a wrong figure, was a 哪个股负责 asked of a task printing no office):
    # 1.000, 0/10, 7/7, 0/2
    ("thirtieth", "other_bureaus32_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/4, 3/3, 0/1
    # the round's five questions on p120 (sheets by office), set apart until the reader merged the sheets; golds given
    # the task's count for its code (三-3 -> 12, the evaluator's convention for codes without letters) and one who-leads
    # of a task printing only 配合 typed lead_unprinted / partial; first measured whole once it did: 0.750, 1/4, 1/1
    ("thirtieth", "other_bureaus32b_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/1, 0/0, 0/0
    # whole (22 questions on p121–p123), first measured at parser 38 (2026-12-07), after it read the three plans
    # (before, p123 did not open, p121's tasks were each read twice and p122 had no offices): 0.929, 1/14, 8/8, 0/2
    ("thirtyfirst", "other_bureaus33_heldout.jsonl", (0.83, 1, 4, 0)),  # 0.833, 1/6, 4/4, 0/1
    # whole (22 questions on p124–p126), first measured at parser 39 (2026-12-08), after it read the three plans
    # (before, p124 had no offices, p125 was read with last year's hidden sheet and p126 cut an office name): 0.929,
    # 1/14, 8/8, 0/3; the one refused, a when asked of a 完成时限 of 全年, answered since
    ("thirtysecond", "other_bureaus34_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/6, 3/3, 0/1
    # whole (22 questions on p127–p129), first measured at parser 40 (2026-12-09); the text-box and watermark readers
    # were written before the round arrived, from the brief's kinds; one fix after (a title's box anchored to the
    # first paragraph): 0.929, 1/14, 8/8, 0/3
    ("thirtythird", "other_bureaus35_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/6, 3/3, 0/1
    ("thirtyfourth", "other_bureaus36_heldout.jsonl", (0.66, 2, 0, 0)),  # 0.667, 2/6, 3/3, 0/2
    ("thirtyfifth", "other_bureaus37_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/6, 3/3, 0/2
    ("thirtysixth", "other_bureaus38_heldout.jsonl", (0.83, 1, 0, 0)),  # 0.833, 1/6, 0/2, 0/2
    ("thirtyseventh", "other_bureaus39_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/2, 0/2
    ("thirtyeighth", "other_bureaus40_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/2, 0/2
    ("thirtyninth", "other_bureaus41_heldout.jsonl", (1.0, 0, 1, 1)),  # 1.000, 0/7, 1/2, 1/2
    ("fortieth", "other_bureaus42_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/6, 0/2, 0/2
    ("fortyfirst", "other_bureaus43_heldout.jsonl", (1.0, 0, 1, 1)),  # 1.000, 0/7, 1/2, 1/2
    ("fortysecond", "other_bureaus44_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/2, 0/2
    ("fortythird", "other_bureaus45_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/5, 0/1, 0/1
    ("fortythird", "other_bureaus45b_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/1, 0/0, 0/0
    ("fortyfourth", "other_bureaus46_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fortyfifth", "other_bureaus47_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/6, 0/3, 0/2
    ("fortysixth", "other_bureaus48_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/6, 0/3, 0/2
    ("fortyseventh", "other_bureaus49_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/6, 0/3, 0/2
    ("fortyeighth", "other_bureaus50_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fortyninth", "other_bureaus51_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fiftieth", "other_bureaus52_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fiftyfirst", "other_bureaus53_heldout.jsonl", (0.85, 1, 0, 0)),  # 0.857, 1/7, 0/3, 0/2
    ("fiftysecond", "other_bureaus54_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fiftythird", "other_bureaus55_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/2
    ("fiftyfourth", "other_bureaus56_heldout.jsonl", (0.66, 2, 0, 0)),  # 0.667, 2/6, 0/4, 0/3
    ("fiftyfifth", "other_bureaus57_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/3
    ("fiftysixth", "other_bureaus58_heldout.jsonl", (1.0, 0, 1, 1)),  # 1.000, 0/7, 1/3, 1/3
    ("fiftyseventh", "other_bureaus59_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/3
    ("fiftyeighth", "other_bureaus60_heldout.jsonl", (0.85, 1, 2, 1)),  # 0.857, 1/7, 2/4, 1/4
    ("fiftyninth", "other_bureaus61_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/3
    ("sixtieth", "other_bureaus62_heldout.jsonl", (1.0, 0, 2, 0)),  # 1.000, 0/7, 2/2, 0/3
    ("sixtyfirst", "other_bureaus63_heldout.jsonl", (1.0, 0, 0, 0)),  # 1.000, 0/7, 0/3, 0/4
    ("sixtysecond", "other_bureaus64_heldout.jsonl", (1.0, 0, 1, 0)),  # 1.000, 0/7, 1/3, 0/3
    ("sixtythird", "other_bureaus65_heldout.jsonl", (1.0, 0, 3, 0)),  # 1.000, 0/7, 3/3, 0/4
    ("sixtyfourth", "other_bureaus66_heldout.jsonl", (1.0, 0, 2, 1)),  # 1.000, 0/7, 2/3, 1/4
    ("sixtyfifth", "other_bureaus67_heldout.jsonl", (0.85, 1, 3, 0)),  # 0.857, 1/7, 3/3, 0/4
]


@pytest.mark.parametrize("fixture, name, floors", HELD_FLOORS, ids=[f for _, f, _ in HELD_FLOORS])
def test_the_held_back_questions_over_other_bureaus_plans_stay_within_the_measured_bounds(plans_of, fixture, name,
                                                                                          floors):
    from assistant.evaluate import evaluate, load_questions

    engine = plans_of(fixture).engine
    result = evaluate(engine, load_questions(Path(__file__).parent.parent / "eval" / name))
    hit, refused, refused_rightly, figures = floors
    assert result["hit@1"] >= hit, result["misses"]
    assert int(result["answerable_refused"].split("/")[0]) <= refused, result["misses"]
    assert int(result["unanswerable_refused"].split("/")[0]) >= refused_rightly, result["wrongly_answered"]
    assert int(result["wrong_figures"].split("/")[0]) <= figures, result["figure_errors"]


def test_office_tables_under_tasks_an_index_by_office_and_sections_named_by_office_answer_who_leads(plans_of):
    seventeenth = plans_of("seventeenth")
    # 漳州 (Word): a small table 牵头科室 | X, 配合科室 | Y, 完成时限 | … under each task paragraph
    a = seventeenth("漳州 闽台教育交流 谁牵头")
    assert a["answered"] and where(a) == (ZHANGZHOU, "三", None, 10)
    assert a["results"][0]["lead_offices"] == ["对外交流合作科"] and a["results"][0]["cooperating_offices"] == ["思政德育科"]
    # 宿城: offices only in 局机关科室任务分工 after the signature, one line per office, ranges 第4—7项 / 第9至11项
    sucheng = {r.task_no: r for r in seventeenth.engine.records if r.doc == SUCHENG and r.kind == "task"}
    assert sucheng[6].lead_offices == ["基础教育科"] and sucheng[6].cooperating_offices == ["督导室", "各学校"]
    assert sucheng[10].lead_offices == ["体卫艺科"] and sucheng[13].lead_offices == ["计划财务科", "基建装备科"]
    assert sucheng[14].responsible_offices == ["安全保卫科"] and "局机关科室任务分工" not in sucheng[14].fields.get("内容", "")
    # 祁门 (PDF): 一、办公室 … the section is the office answering for its tasks; （配 / 合股室：…） cut by the line break
    qimen = [r for r in seventeenth.engine.records if r.doc == QIMEN and r.kind == "task"]
    assert qimen[0].responsible_offices == ["办公室"] and qimen[0].cooperating_offices == ["计财股", "安全股"]
    assert [r.responsible_offices for r in qimen if r.subsection] == [["县教研室"], ["县教研室"], ["县电教中心"]]


def test_asked_who_cooperates_where_the_plan_prints_none_the_answer_says_none(plans_of):
    """配合科室 | 无 answers 配合科室呢: the plan says there is none, which is an answer, not a missing part; and 配合
    asked about is no topic word the cited task would lack."""
    seventeenth = plans_of("seventeenth")
    a = seventeenth("景德镇 驻市高校那条 谁牵头 配合科室呢")
    assert a["status"] == "answered" and where(a) == (JINGDEZHEN, "三", None, 8)
    assert "配合科室：无" in a["answer"] and "没有出现“配合”" not in a["answer"]
    # 有配合的没 asks whether a 配合 list is printed, of a task whose text box gives only 牵头: never a missing topic
    a = plans_of("thirtythird")("海曙 双减 谁牵头 有配合的没")
    assert a["status"] == "answered" and where(a)[1:] == ("二", None, 7)
    assert a["results"][0]["lead_offices"] == ["校外教育培训监管科"] and "配合" not in a["reason"]


def test_a_scanned_copy_and_tasks_packed_into_cells_answer_as_any_plan(plans_of):
    """新昌's OCR copy (a space inside 体质 健康 and 基础教 育科, a label broken over two lines) and 金牛's workbook
    (two or three tasks packed into one cell, the deadline cell split by task number) answer who leads and when."""
    eighteenth = plans_of("eighteenth")
    a = eighteenth("新昌 体质健康那条谁牵头")
    assert a["status"] == "answered" and where(a) == (XINCHANG, "三", None, 7)
    assert a["results"][0]["lead_offices"] == ["体育卫生艺术科"]
    a = eighteenth("新昌 双减 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["基础教育科"]
    a = eighteenth("金牛 双减 啥时候完成")
    assert a["status"] == "answered" and where(a) == (JINNIU, "二", "（二）", 8)
    assert "2023年12月底前" in a["answer"] and "2023年8月底前" not in a["answer"]
    a = eighteenth("金牛区 新增义务教育学位多少个")
    assert a["status"] == "answered" and where(a) == (JINNIU, "二", "（一）", 4) and "3600个" in a["answer"]


def test_tracked_changes_one_row_per_office_and_an_html_table_answer_as_any_plan(plans_of):
    """泰安's draft reads as its revisions accepted (the lead replaced, a figure changed), 岳麓's list gives each row's
    office the role its 责任类型 cell names, 德清's HTML table shares a 牵头 cell spanning two rows."""
    nineteenth = plans_of("nineteenth")
    a = nineteenth("泰安 清廉学校 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["驻局纪检监察组"]
    a = nineteenth("泰安 新建改扩建公办幼儿园几所")
    assert a["status"] == "answered" and "15所" in a["answer"] and "10所" not in a["answer"]
    a = nineteenth("心理健康那条 区卫健局也要参与吗")  # only 岳麓 names the office: its plan is asked
    assert a["status"] == "answered" and where(a) == (YUELU, "三", None, 9)
    assert "区卫生健康局" in a["results"][0]["cooperating_offices"]
    a = nineteenth("德清 清廉学校 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["党建办"]


def test_offices_by_item_number_after_a_section_and_a_ruled_pdf_table_answer_who_leads(plans_of):
    """肥西 names each section's offices after it by item number (以上第（1）（2）项由X牵头…); 烟台's PDF table wraps
    titles and office names inside their cells (read by where the ruling lines put them)."""
    twentieth = plans_of("twentieth")
    feixi = {(r.section, r.task_no): r for r in twentieth.engine.records if r.doc == FEIXI and r.kind == "task"}
    assert feixi[("二", 1)].lead_offices == ["基础教育股", "计划财务股"]
    assert feixi[("二", 5)].responsible_offices == ["基础教育股"]
    yantai = {r.task_no: r for r in twentieth.engine.records if r.doc == YANTAI and r.kind == "task"}
    assert yantai[1].title == "深入学习宣传贯彻党的二十大精神"
    assert yantai[5].lead_offices == ["基础教育科", "市人民政府教育督导室"]
    a = twentieth("烟台 双减那条 哪个科牵头")
    assert a["status"] == "answered" and where(a) == (YANTAI, "二", None, 7)
    assert a["results"][0]["lead_offices"] == ["校外教育培训监管科"]


def test_a_fixed_width_table_heading_styles_and_a_table_nested_in_a_cell_answer_who_leads(plans_of):
    """湘潭's table copied as fixed-width text, 余杭's tasks numbered only by their Word heading style, 莒县's 责任分工
    cell holding a nested table 牵头 | X, 配合 | Y (and a county named by one character)."""
    twentyfirst = plans_of("twentyfirst")
    juxian = {r.task_no: r for r in twentyfirst.engine.records if r.doc == JUXIAN and r.kind == "task"}
    assert juxian[1].lead_offices == ["党建工作科"] and juxian[1].cooperating_offices == ["组织人事科", "各镇（街道）中心学校"]
    assert twentyfirst.engine.index.documents[JUXIAN].city == "莒县"
    a = twentyfirst("莒县 清廉学校 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["驻局纪检监察组"]
    xiangtan = {r.task_no: r for r in twentyfirst.engine.records if r.doc == XIANGTAN and r.kind == "task"}
    assert xiangtan[1].title == "深入学习贯彻党的二十大精神"
    yuhang = [r for r in twentyfirst.engine.records if r.doc == YUHANG and r.kind == "task"]
    assert [(r.section, r.task_no) for r in yuhang[:4]] == [("一", 1), ("一", 2), ("一", 3), ("二", 1)]


def test_offices_in_words_after_the_title_and_roles_in_a_remark_column_answer_who_leads(plans_of):
    """宣城 closes each title with its offices in words (（X牵头，Y配合）。) and each paragraph with its deadline in a
    bracket; 番禺's 备注 column names who leads among the 责任科室; 广饶's targets table before the tasks is no task."""
    twentysecond = plans_of("twentysecond")
    xuancheng = {r.task_no: r for r in twentysecond.engine.records if r.doc == XUANCHENG and r.kind == "task"}
    assert xuancheng[1].title == "深化党的创新理论武装" and xuancheng[1].lead_offices == ["机关党委"]
    assert xuancheng[1].fields["完成时限"] == "2024年12月底前完成"
    panyu = {(r.section, r.task_no): r for r in twentysecond.engine.records if r.doc == PANYU and r.kind == "task"}
    assert panyu[("一", 2)].lead_offices == ["驻局纪检监察组"] and panyu[("一", 2)].cooperating_offices == ["计划财务科", "审计科"]
    assert len([r for r in twentysecond.engine.records if r.doc == GUANGRAO and r.kind == "task"]) == 15
    a = twentysecond("番禺 清廉学校 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["驻局纪检监察组"]


def test_when_asked_of_a_table_row_its_deadline_cell_answers_even_without_a_date(plans_of):
    """德清's 双减 row prints 全年 in its 完成时限 cell: that is the plan's answer to 啥时候完成, not a missing date."""
    a = plans_of("nineteenth")("德清 双减那条 谁牵头 啥时候完成")
    assert a["status"] == "answered" and "全年" in a["answer"] and "校外培训监管科" in a["answer"]


def test_a_plan_quoted_in_a_mail_flagged_tasks_and_a_workbook_of_marks_answer_who_leads(plans_of):
    """柯桥 reached the bureau quoted in an e-mail (`> ` lines re-wrapped at 72 columns, a covering note and an older
    mail around it); 仙居 flags tasks with ★ and （新增）/（延续） and prints every date in Chinese numerals; 孝感's
    workbook marks each task's offices with ★ / ● under columns grouped as 局机关科室 and 直属单位."""
    twentythird = plans_of("twentythird")
    keqiao = {r.task_no: r for r in twentythird.engine.records if r.doc == KEQIAO and r.kind == "task"}
    assert len(keqiao) == 14 and keqiao[6].lead_offices == ["基础教育科"]
    assert keqiao[6].cooperating_offices == ["组织人事科", "区人民政府教育督导室", "区教师发展中心"]  # 区教 / 师发展中心
    assert not any(">" in r.text for r in keqiao.values())
    xianju = {(r.section, r.task_no): r for r in twentythird.engine.records if r.doc == XIANJU and r.kind == "task"}
    assert xianju[("一", 1)].title == "深化党的创新理论武装" and xianju[("二", 2)].title == "实施县域普通高中振兴行动"
    assert xianju[("一", 1)].fields["完成时限"] == "二〇二四年十二月底前" and xianju[("一", 1)].year == 2024
    assert xianju[("一", 1)].lead_offices == ["组织人事科"]  # 【责任领导：张立新　牵头科室：…】: the person is no office
    assert "各科室、各学校要对照任务分工" not in xianju[("四", 4)].text  # the plan's closing is no task's body
    xiaogan = {r.task_no: r for r in twentythird.engine.records if r.doc == XIAOGAN and r.kind == "task"}
    assert len(xiaogan) == 15 and xiaogan[5].lead_offices == ["基础教育科", "市人民政府教育督导室"]
    assert xiaogan[11].lead_offices == ["职业教育与成人教育科"]  # typed on two lines of its header cell
    a = twentythird("孝感 职业教育产教融合 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["职业教育与成人教育科"]
    b = twentythird("柯桥 学前教育 哪个科牵头 啥时候完成")
    assert b["status"] == "answered" and "学前教育科" in b["answer"] and "2025年8月底前" in b["answer"]


def test_offices_per_measure_offices_by_title_in_a_section_table_and_a_progress_sheet_answer_who_leads(plans_of):
    """江津's plan is a portal page (索引号 … 相关链接) whose measures close with their own office brackets; 丽水 prints
    unnumbered bold-titled paragraphs and, after each section, a table giving offices by task title; 沛县's 督办清单
    beside each task reports its source and its progress, which are no part of the task."""
    twentyfourth = plans_of("twentyfourth")
    lishui = {r.task_no: r for r in twentyfourth.engine.records if r.doc == LISHUI and r.kind == "task"}
    assert len(lishui) == 14 and lishui[5].title == "推进义务教育优质均衡发展"
    assert lishui[5].lead_offices == ["基础教育科", "市人民政府教育督导室"]  # the row's shortened title names it
    assert lishui[5].fields["完成时限"] == "2025年10月底前"
    peixian = {r.task_no: r for r in twentyfourth.engine.records if r.doc == PEIXIAN and r.kind == "task"}
    fields = {n: "".join(r.fields.values()) for n, r in peixian.items()}  # the row is quoted whole as its source
    assert len(peixian) == 15 and "拟录用418名" not in fields[12] and "420名" in fields[12]
    assert not any("推进中" in f or "县政府工作报告" in f for f in fields.values())
    jiangjin = [r for r in twentyfourth.engine.records if r.doc == JIANGJIN and r.kind == "task"]
    assert len(jiangjin) == 14 and jiangjin[0].city == "江津区"
    a = twentyfourth("沛县 教师招聘 招多少 谁牵头")
    assert a["status"] == "answered" and "420" in a["answer"] and "418" not in a["answer"]


def test_short_names_a_preamble_defines_a_two_column_table_and_outline_rows_answer_who_leads(plans_of):
    """宁海 defines its offices' short names once (基础教育股（以下简称“基教股”）) and closes each one-line task with
    ——牵头：基教股；配合：…; 浦口's plan is one two-column table (（一）title | body and office paragraphs); 黄石's
    workbook prints 一 / （一） / 1 in its 序号 column, the names beside them."""
    twentyfifth = plans_of("twentyfifth")
    ninghai = {r.task_no: r for r in twentyfifth.engine.records if r.doc == NINGHAI and r.kind == "task"}
    assert len(ninghai) == 18 and ninghai[4].lead_offices == ["基础教育股"]
    assert ninghai[12].cooperating_offices == ["计划财务与审计股", "组织人事股"]  # wrapped after 、
    pukou = [r for r in twentyfifth.engine.records if r.doc == PUKOU and r.kind == "task"]
    assert len(pukou) == 14 and pukou[2].title == "纵深推进清廉学校建设" and pukou[2].lead_offices == ["驻局纪检监察组"]
    huangshi = {r.task_no: r for r in twentyfifth.engine.records if r.doc == HUANGSHI and r.kind == "task"}
    assert len(huangshi) == 15 and (huangshi[4].section, huangshi[4].subsection) == ("一", "（二）")
    a = twentyfifth("宁海县 职业教育产教融合 配合股室有哪些")
    assert a["status"] == "answered" and "组织人事股" in a["answer"]


def test_mentions_offices_after_a_tab_and_an_oa_export_answer_who_leads(plans_of):
    """拱墅 pasted its plan out of a 飞书 checklist (@基础教育科（牵头） mentions); 昌黎's Word tasks end with
    `\t牵头：…；配合：…` pushed right by a tab stop, unnumbered 标题 2 headings between them; 宜宾 exported its tasks from an
    OA system, task codes 2024-JY-07 and the section in a 所属板块 column of every row."""
    twentysixth = plans_of("twentysixth")
    a = twentysixth("拱墅 优质均衡 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]
    a = twentysixth("昌黎 落实校长负责制 配合的是哪个股")
    assert a["status"] == "answered" and a["results"][0]["cooperating_offices"] == ["党建办公室"]
    a = twentysixth("宜宾 学生资助 谁牵头")
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["市学生资助管理中心"]
    assert "2024-JY-16" in a["answer"]  # cited by the code the plan numbers it with
    a = twentysixth("宜宾 清廉学校建设 啥时候完成")
    assert a["status"] == "partial"  # its 完成时限 cell is empty


def test_offices_by_title_words_content_controls_and_quarterly_steps_answer_who_leads_and_when(plans_of):
    """浦江 gives each section's offices once, after its tasks, naming them by quoted words of their titles
    (“普高特色”一项由…共同牵头; 其余两项分别由…负责); 思明's Word template holds its offices and dates in content
    controls, section 三 inside one locked control, unfilled ones showing Word's hint; 包头's workbook has no deadline
    column: a task is due when the last of its quarterly steps is."""
    twentyseventh = plans_of("twentyseventh")
    a = twentyseventh("浦江县 普高特色发展 哪个科室牵头")
    assert a["status"] == "answered"
    assert a["results"][0]["lead_offices"] == ["基础教育科", "县教育研究和教师发展中心"]
    a = twentyseventh("思明区 学生心理健康 牵头科室是哪个")  # a task inside the locked section
    assert a["status"] == "answered" and a["results"][0]["lead_offices"] == ["德育与体卫艺科"]
    a = twentyseventh("思明 清廉学校建设 完成时限是哪天")  # the date picker still shows its hint
    assert a["status"] == "partial"
    a = twentyseventh("包头 学前教育 啥时候完成")
    assert a["status"] == "answered" and "9月1日前" in a["answer"]


def test_a_headerless_spaced_table_bands_of_rows_and_a_failed_lookup_answer_who_leads(plans_of):
    ask = plans_of("twentyeighth")
    a = ask("郯城 双减 配合的股室有哪些")  # a row of four cells under five columns: 配合 left out
    assert where(a) == (TANCHENG, "二", None, 7) and a["results"][0]["lead_offices"] == ["校外培训监管股"]
    assert a["results"][0]["cooperating_offices"] == [] and "配合股室：无" in a["answer"]
    b = ask("遂宁 依法治教 谁负责")  # 责任：政策法规科 on the band's last row
    assert where(b) == (SUINING_2025, "一", None, 3) and "政策法规科" in b["answer"]
    c = ask("鼓楼 体教融合 牵头科室是哪个")  # its lead is a lookup saved as #N/A
    assert where(c) == (GULOU, "三", None, 10) and c["status"] == "partial" and "#N/A" not in c["answer"]


def test_section_defaults_side_tables_bold_leads_circled_marks_and_two_columns_answer_who_leads(plans_of):
    """南陵 gives each section's offices once under its heading, with 其中第N项 exceptions; 衡阳's tables lie on their
    side, a column per task; 历下's lead offices are the bold names of one 责任科室 cell; 泰和's tasks carry circled
    marks its section notes resolve; 湛江's plan is typeset in two columns, a title broken over two lines; 雁塔's workbook
    lists each office's tasks on a sheet of its own."""
    twentyninth, thirtieth = plans_of("twentyninth"), plans_of("thirtieth")
    a = twentyninth("南陵 清廉学校建设 谁牵头")  # 第3项由驻局纪检监察组牵头: the lead alone replaced
    assert where(a) == (NANLING, "一", "（三）", 3) and a["results"][0]["lead_offices"] == ["驻局纪检监察组"]
    assert a["results"][0]["cooperating_offices"] == ["组织人事股", "办公室"]
    b = twentyninth("衡阳 心理健康教育 牵头科室")  # a table with no 配合科室 row
    assert where(b) == (HENGYANG, "三", None, 12) and b["results"][0]["lead_offices"] == ["体育卫生与艺术教育科"]
    c = twentyninth("历下 学生资助 哪个科室牵头")  # one office, bold by the cell's style
    assert where(c) == (LIXIA, "四", None, 14) and c["results"][0]["lead_offices"] == ["区学生资助管理中心"]
    d = thirtieth("泰和 心理健康教育 哪个股牵头")  # mark ① of section 三, ①②均由…牵头
    assert where(d) == (TAIHE, "三", None, 9) and d["results"][0]["lead_offices"] == ["体育卫生艺术股"]
    e = thirtieth("泰和 劳动教育 哪个股牵头")  # a task carrying no mark prints no office
    assert where(e) == (TAIHE, "三", None, 11) and e["status"] == "partial"
    f = thirtieth("湛江 学习贯彻三中全会精神 谁牵头")
    assert where(f) == (ZHANJIANG, "一", "（一）", 1) and f["results"][0]["lead_offices"] == ["机关党委"]
    g = thirtieth("雁塔 中小学学位建设 谁牵头")  # 牵头 on two office sheets, 配合 on a third
    assert where(g)[:2] == (YANTA, "二") and g["results"][0]["lead_offices"] == ["基础教育科", "计划财务科"]
    assert g["results"][0]["cooperating_offices"] == ["组织人事科"]



def test_a_table_of_contents_comments_and_unnumbered_headings_answer_who_leads(plans_of):
    """镇江's plan opens with Word's table of contents (every task listed with a page number, one title cut short):
    each task is read once, from the body; 蒙城 assigns offices only in Word comments, one spanning two tasks, a
    reviewer's remark naming 计划财务科 is none; 天宁 numbers nothing, its sections Word headings, its tasks bold
    run-in sentences."""
    ask = plans_of("thirtyfirst")
    a = ask("镇江 义务教育优质均衡 城乡学校共同体 谁牵头")  # the title the contents cut short, asked in full
    assert where(a) == (ZHENJIANG, "二", "（二）", 2)
    assert a["results"][0]["lead_offices"] == ["基础教育科", "市人民政府教育督导室"]
    b = ask("蒙城 规范民办学校办学行为 谁牵头")  # the comment marked over tasks 6 and 7
    assert where(b) == (MENGCHENG, "二", None, 7) and b["results"][0]["lead_offices"] == ["校外培训监管科"]
    c = ask("蒙城 体教融合 配合科室有哪些")  # 此处数据请计财科核实 is a remark, not an office
    assert where(c) == (MENGCHENG, "三", None, 10) and c["results"][0]["cooperating_offices"] == ["基础教育科"]
    d = ask("蒙城 劳动教育 研学实践 谁牵头")  # no comment on it: no office printed
    assert where(d) == (MENGCHENG, "三", None, 11) and d["status"] == "partial"
    e = ask("天宁 义务教育优质均衡 谁牵头")  # two offices marked （牵头）
    assert where(e) == (TIANNING, "二", None, 5)
    assert e["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]


def test_footnotes_hidden_sheets_and_rows_cut_by_a_page_answer_who_leads(plans_of):
    """岳阳 gives each task's offices in a Word footnote on its title, one task sharing another's by a cross-reference
    (its cached number 7 is no part of the title), a source note giving none; 平阳's workbook hides last year's sheet
    and a notes column, which are no part of the plan; 青羊's ruled PDF table cuts two rows at a page break, one inside
    an office name."""
    ask = plans_of("thirtysecond")
    a = ask("岳阳 普通高中振兴 牵头科室是哪个")  # NOTEREF to 二（二）'s footnote 7
    assert where(a) == (YUEYANG, "二", "（四）", 4) and a["results"][0]["lead_offices"] == ["基础教育科"]
    assert a["results"][0]["title"] == "实施县域普通高中振兴行动"
    b = ask("岳阳 普惠性学前教育 哪个科牵头")  # footnote 5 on the title; 数据来源 footnote 6 on a figure gives none
    assert where(b) == (YUEYANG, "二", "（一）", 1) and b["results"][0]["lead_offices"] == ["基础教育科"]
    assert b["results"][0]["responsible_offices"] == ["发展规划科", "计划财务科"]
    c = ask("岳阳 学生资助 谁牵头")  # no footnote: no office printed
    assert where(c) == (YUEYANG, "四", "（三）", 3) and c["status"] == "partial"
    d = ask("平阳 校舍安全鉴定 谁牵头")  # a task of the hidden 2023 sheet only
    assert d["status"] == "not_found"
    e = ask("平阳 双减 由哪个股牵头")  # the hidden note 拟改由基础教育股牵头 changes nothing
    assert where(e) == (PINGYANG, "二", None, 6) and e["results"][0]["lead_offices"] == ["校外培训监管股"]
    g = ask("平阳 学习贯彻二十大 几时完成")  # its 完成时限 says 全年: the plan's own answer to when
    assert where(g) == (PINGYANG, "一", None, 1) and g["status"] == "answered" and "全年" in g["results"][0]["evidence"]
    f = ask("青羊 研学实践 协同科室")  # …各幼儿园、各 | page 3 | 中小学校
    assert where(f) == (QINGYANG, None, "（三）", 11)
    assert f["results"][0]["cooperating_offices"][-2:] == ["各幼儿园", "各中小学校"]



def test_offices_in_cell_comments_a_side_column_and_under_line_numbers_answer_who_leads(plans_of):
    """淳安 gives its offices only as cell comments (批注) by 局办公室, a reviewer's remark naming 计划财务股 no office
    list; 十堰 prints each section's tasks in the left column and their offices by number in the right, after a
    column break; 江汉 was copied with a line number before every line, none of them a task number."""
    ask = plans_of("thirtyfourth")
    a = ask("淳安 学生资助 哪个股牵头 计财股是配合吗")  # the reviewer's 计划财务股 remark is on this task's row
    assert where(a) == (CHUNAN, "四", None, 14) and a["status"] == "answered"
    assert a["results"][0]["lead_offices"] == ["县学生资助管理中心"]
    assert a["results"][0]["cooperating_offices"] == ["基础教育股", "职业与成人教育股"]
    b = ask("淳安 研学实践 哪个股牵头")  # no comment on this task: no office printed
    assert where(b) == (CHUNAN, "三", None, 11) and b["status"] == "partial"
    c = ask("十堰 义务教育优质均衡 哪几个科牵头")  # group 5. in the right column
    assert where(c) == (SHIYAN, "二", None, 5)
    assert c["results"][0]["lead_offices"] == ["基础教育科", "市人民政府教育督导室"]
    d = ask("十堰 数字化转型 啥时候完成")  # 12.牵头：市电化教育馆 / 时限：2024年12月底前
    assert where(d) == (SHIYAN, "四", None, 12) and "2024年12月底前" in d["answer"]
    e = ask("江汉 双减 谁牵头")
    assert where(e) == (JIANGHAN, "二", None, 6) and e["results"][0]["lead_offices"] == ["校外教育培训监管科"]


def test_hidden_text_a_colour_marked_matrix_and_an_unruled_pdf_table_answer_who_leads(plans_of):
    """武义's draft keeps hidden text (a drafter's notes naming offices, an old title, a hidden office line): only
    what Word shows is the plan; 韶关 marks each task's offices by fill colour alone, under a colour legend; 秦淮's PDF
    table is drawn without rules, its columns apart by position only, titles and office names wrapped."""
    ask = plans_of("thirtyfifth")
    a = ask("武义 清廉学校 谁牵头 计财审计股有份吗")  # a hidden note names 计划财务与审计股 beside task 3
    assert where(a) == (WUYI, "一", None, 3) and a["results"][0]["lead_offices"] == ["驻局纪检监察组"]
    assert "计划财务与审计股" not in a["results"][0]["cooperating_offices"]
    b = ask("武义 研学实践基地 哪个股牵头")  # its only office line is hidden: no office printed
    assert where(b) == (WUYI, "三", None, 11) and b["status"] == "partial"
    c = ask("韶关 职教产教融合 红色标的是哪个科 配合有谁")
    assert where(c) == (SHAOGUAN, "三", None, 11)
    assert c["results"][0]["lead_offices"] == ["职业教育与成人教育科"]
    assert c["results"][0]["cooperating_offices"] == ["组织人事科", "计划财务科"]
    d = ask("秦淮 义务教育优质均衡 牵头科室是哪几个")  # 基础教育科、区人 | 民政府教育督导室 wrapped in its column
    assert where(d) == (QINHUAI, "二", None, 5)
    assert d["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]


def test_word_fields_a_table_laid_out_twice_and_a_pdf_drawn_out_of_order_answer_who_leads(plans_of):
    """德阳 numbers its tasks with SEQ fields and links some offices: what Word shows is the plan, never the field's
    instruction; 婺源's sheet prints its task table twice side by side (tasks 1–7 left, 8–15 right), each half under
    its own header; 铜山's PDF draws each page's lines out of reading order, its document number heading every page."""
    ask = plans_of("thirtysixth")
    a = ask("德阳 义务教育优质均衡 哪几个科牵头")
    assert where(a) == (DEYANG, "二", None, 5)
    assert a["results"][0]["lead_offices"] == ["基础教育科", "市人民政府教育督导室"]
    assert not any("SEQ" in r["text"] or "HYPERLINK" in r["text"] for r in a["results"])
    b = ask("婺源 普通高中特色发展 哪个股牵头")  # the right half's first task, beside task 1 on the sheet
    assert where(b) == (WUYUAN, "二", None, 8) and b["results"][0]["lead_offices"] == ["基础教育股"]
    assert b["results"][0]["cooperating_offices"] == ["县教研室"]
    c = ask("铜山 义务教育优质均衡 配合科室有哪些")  # 组织人事科、区 | 教师发展中心；完成时限：… wrapped inside a name
    assert where(c) == (TONGSHAN, "二", None, 5)
    assert c["results"][0]["cooperating_offices"] == ["组织人事科", "区教师发展中心"]
    d = ask("铜山 职业教育产教融合 谁配合")  # the next page's running head 铜教发〔2024〕6号 is no office
    assert d["results"][0]["cooperating_offices"] == ["计划财务科"]
    e = ask("铜山 校园安全 配合的有哪些")  # the plan's closing, wrapped after the last office line, is no office
    assert e["results"][0]["cooperating_offices"] == ["办公室", "各中小学校"]


def test_a_two_up_pdf_an_upright_section_column_and_columns_printed_apart_answer_who_leads(plans_of):
    """开福's A5 pages are printed two to a landscape sheet, a deadline broken after 2025年6月 and a label after 完成;
    乐山's table names its sections in a merged column set upright, one typed a character a paragraph; 兰考's sheet,
    too wide for the paper, printed its office and deadline columns on pages of their own, paired back by 序号."""
    ask = plans_of("thirtyseventh")
    a = ask("开福 党组织领导的校长负责制 啥时候完成")
    assert where(a) == (KAIFU, "一", None, 2) and "2025年6月底前" in "".join(a["results"][0]["evidence"])
    b = ask("乐山 心理健康教育 谁牵头")  # section 三 typed 三 / 、 / 促 / 进 … one character a paragraph
    assert where(b) == (LESHAN, "三", None, 9) and b["results"][0]["lead_offices"] == ["体育卫生与艺术教育科"]
    c = ask("兰考 义务教育优质均衡 牵头股室是哪几个")  # its offices two pages after its measures
    assert where(c) == (LANKAO, "二", None, 5)
    assert c["results"][0]["lead_offices"] == ["基础教育股", "县人民政府教育督导室"]
    assert c["results"][0]["cooperating_offices"] == ["人事股", "基建股"]


def test_a_row_per_measure_an_ocr_copy_and_leads_merged_over_task_runs_answer_who_leads(plans_of):
    """姑苏 gives each measure of a task its own row and offices (the task's the union, a lead never also a helper);
    德化's plan is a photographed page's OCR text (—、 for 一、, 1O. for 10., a label's colon lost); 南平 writes the
    lead office once in a cell merged over a run of tasks, its sections the sheets' names."""
    ask = plans_of("thirtyeighth")
    a = ask("姑苏 学前教育普惠资源 谁牵头 配合的有哪些")
    assert where(a) == (GUSU, "二", None, 4) and a["results"][0]["lead_offices"] == ["基础教育处"]
    assert a["results"][0]["cooperating_offices"] == ["基建装备处", "计划财务处", "各幼儿园"]
    b = ask("德化 体教融合 哪个股牵头")  # numbered 1O. in the copy
    assert where(b) == (DEHUA, "三", None, 10) and b["results"][0]["lead_offices"] == ["体卫艺股"]
    c = ask("南平 体教融合 谁牵头 配合单位有哪些")  # its lead in a cell merged down over tasks 9–11
    assert where(c) == (NANPING, "三", None, 10) and c["results"][0]["lead_offices"] == ["体育卫生与艺术教育科"]


def test_a_draft_with_tracked_changes_task_cards_in_a_sheet_and_two_tasks_a_row_answer_who_leads(plans_of):
    """金华's consultation draft is a PDF printed with its tracked changes: struck text is gone, a red insertion
    underlined is kept, the balloons in the markup pane are no office; 江都 pastes its task cards (label | value) one
    under another in a sheet; 常山 sets two tasks a row in a Word table, numbered left then right."""
    ask = plans_of("thirtyninth")
    a = ask("金华 清廉学校 配合处室有哪些")  # 、审计处 inserted in red and underlined
    assert where(a) == (JINHUA, "一", None, 3) and a["results"][0]["cooperating_offices"] == ["计划财务处", "审计处"]
    assert "征求意见稿" not in "".join(r["text"] for r in a["results"])
    b = ask("江都 义务教育优质均衡 哪几个科牵头")
    assert where(b) == (JIANGDU, "二", None, 5)
    assert b["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]
    c = ask("常山 双减 谁牵头 配合的有哪些")  # task 6, the right half of its row
    assert where(c) == (CHANGSHAN, "二", None, 6) and c["results"][0]["lead_offices"] == ["校外培训监管股"]


def test_a_long_office_name_set_apart_by_a_space_that_the_plan_never_prints_is_refused_by_name(plans_of):
    """校外教育培训监管科 stands only in the notes column 吴中's PDF was cropped to hide: asked for its tasks, the answer
    says the plan lists no such office, rather than citing the 双减 task on 培训 and 校外."""
    a = plans_of("fiftieth")("吴中 校外教育培训监管科 负责哪些任务")
    assert a["status"] == "not_found" and "没有列出“校外教育培训监管科”" in a["reason"]


def test_a_figure_left_blank_or_painted_over_is_not_given_and_no_other_figure_is_quoted(plans_of):
    """缙云's draft leaves 新增公办学位____个 to fill, 北仑's published copy paints over the 学前教育专项资金: asked for
    them, the answer is partial (the task named, nothing quoted as the figure), never 新建公办幼儿园3所 or last
    year's 52%; a figure printed after a bar in the same sentence (投入■■■■建设智慧教室180间) is still given."""
    ask = plans_of("fiftysixth")
    for question in ("缙云 幼儿园 新增多少公办学位", "缙云 体质健康优良率 目标多少", "北仑 学前教育专项资金 安排多少"):
        a = ask(question)
        assert a["status"] == "partial" and not a["answered"], question
    b = ask("北仑 智慧教室 建几间")
    assert b["answered"] and "180间" in "".join(b["results"][0]["evidence"])
    c = ask("铜陵 幼儿园 哪个科牵头")  # an office cell holding the code 3, named on the 单位代码 sheet
    assert c["answered"] and c["results"][0]["lead_offices"] == ["基础教育科"]


def test_a_place_typed_with_a_same_sounding_character_and_the_person_a_task_is_hung_on_are_read(plans_of):
    """郴洲 (a pinyin slip for 郴州) asks 郴州's plan, not every plan; 分管领导是谁 asks who, as 谁牵头 does, and the
    answer gives the person the workbook's 分管领导 column prints beside the offices."""
    ask = plans_of("sixtieth")
    a = ask("郴洲 公办幼儿园新增学位多少个")
    assert a["answered"] and a["results"][0]["doc"].startswith("p209") and "4500个" in "".join(a["results"][0]["evidence"])
    b = ask("曹县 义务教育优质均衡 谁牵头 分管领导是谁")
    assert b["answered"] and b["results"][0]["lead_offices"] == ["基础教育科", "县人民政府教育督导室"]
    assert "分管领导：刘建军" in b["answer"]
    c = ask("郴州 双减 牵头的是哪个科")  # the office sentence closing the task, with no 由: 校外教育培训监管科牵头，…配合。
    assert c["answered"] and c["results"][0]["lead_offices"] == ["校外教育培训监管科"]


def test_a_lead_marked_by_a_suffix_in_one_office_list_and_a_close_task_holding_more_of_the_question(plans_of):
    """A county portal copy whose office line marks the lead second (计财股、人事股（牵头）、…), a Word table whose one
    office column carries the mark and wraps over two paragraphs, a WPS PDF's 主责 / 协同 paragraph; and 招老师招多少个
    answered by the task printing 招聘…教师420名, not by the 师德 task ranked a hair ahead, which holds only 老师 (its
    优秀班主任100名 is no count of teachers hired)."""
    ask = plans_of("sixtyfirst")
    a = ask("鹿邑 县管校聘 谁牵头")
    assert a["answered"] and a["results"][0]["doc"].startswith("p211")
    assert a["results"][0]["lead_offices"] == ["人事股"] and a["results"][0]["responsible_offices"] == ["计财股", "县教师发展中心"]
    b = ask("钦州 平陆运河 调专业 谁牵头 还有哪些科")
    assert b["answered"] and b["results"][0]["lead_offices"] == ["职业教育与成人教育科"]
    assert b["results"][0]["responsible_offices"] == ["计划财务科", "各中等职业学校"]
    c = ask("花都 义务教育优质均衡 主责科室 协同科室")
    assert c["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]
    assert c["results"][0]["cooperating_offices"] == ["计划财务科", "各镇（街）中心学校"]
    d = ask("花都 今年招老师招多少个")
    assert d["answered"] and d["results"][0]["task_no"] == 15
    quote = "".join(d["results"][0]["evidence"])
    assert "420名" in quote and "100名" not in quote


def test_a_table_cut_at_page_ends_a_lead_named_again_after_its_list_and_offices_split_by_kind(plans_of):
    """汉中 (Word): the task table cut by hand under 续表, 主办 / 协办 columns, task 11's third measure in a row of the
    next piece under its 序号 typed again; 泌阳 (a DingTalk notice): 责任股室：A、B、C（A、督导室共同牵头）, the lead named
    again in a closing bracket, by a short form too; 盘龙 (a workbook): 责任单位 over 局机关科室 | 局属单位, the lead
    marked （牵头） in either, the rest 配合单位 by the sheet's legend."""
    ask = plans_of("sixtyfourth")
    a = ask("汉中 县中振兴 主办科室哪个 有协办没")  # 主办科室 / 协办 ask who, as 牵头 / 配合 do
    assert a["answered"] and a["results"][0]["lead_offices"] == ["基础教育科"]
    b = ask("汉中市 劳动教育实践基地 今年建几个")
    assert b["answered"] and "10个" in "".join(b["results"][0]["evidence"])
    assert b["results"][0]["lead_offices"] == ["体育卫生与艺术教育科"]
    c = ask("泌阳 义务教育优质均衡 lead是谁")
    assert c["answered"] and c["results"][0]["lead_offices"] == ["基础教育股", "县人民政府教育督导室"]
    assert c["results"][0]["cooperating_offices"] == ["计财股", "县教研室"]
    d = ask("泌阳 家校社协同育人 完成时线")  # 时线 typed for 时限: the task's deadline
    assert d["answered"] and "2026年12月底前" in "".join(d["results"][0]["evidence"])
    e = ask("盘龙区 全民健身 哪个单位牵头")
    assert e["answered"] and e["results"][0]["lead_offices"] == ["区全民健身服务中心"]
    assert e["results"][0]["cooperating_offices"] == ["群众体育科", "计划财务科"]


def test_a_draft_with_its_feedback_form_offices_worded_chengban_and_a_scoring_table(plans_of):
    """晋中 (a Word draft): （一） tasks only, the signature's day left blank, a filled 意见反馈表 after it (no tasks, its
    proposals no offices), 牵头科室：待定 (no lead yet); 甘谷 (an OA 收文 page): 承办股室 leads, 协办股室 cooperates, the
    fourth section misprinted 三、; 龙沙 (a workbook that is also the scoring rules): 基础教育科/区人民政府教育督导室 as
    two leads, the 合计 row no task."""
    ask = plans_of("sixtyfifth")
    a = ask("晋中 人工智能教育 牵头科室是哪个")  # 待定: the plan names no lead yet
    assert a["status"] == "partial" or (a["results"] and a["results"][0]["lead_offices"] == [])
    b = ask("甘谷 师德师风这块 谁承办")
    assert b["answered"] and b["results"][0]["lead_offices"] == ["人事股"]
    assert b["results"][0]["section"] == "四"
    c = ask("龙沙 义务教育优质均衡那项 谁牵头")
    assert c["answered"] and c["results"][0]["lead_offices"] == ["基础教育科", "区人民政府教育督导室"]


def test_a_leader_asked_of_a_plan_naming_offices_only_is_the_part_missing(plans_of):
    """分管领导是谁: 盘龙's workbook hangs its tasks on offices only, so the offices are shown and the person named
    missing; 曹县's plan prints a 分管领导 column, which answers."""
    a = plans_of("sixtyfourth")("盘龙 清廉学校 分管领导是谁")
    assert a["status"] == "partial" and "分管领导" in a["reason"]
    assert a["results"][0]["lead_offices"] == ["驻局纪检监察组"]
    b = plans_of("sixtieth")("曹县教体局 义务教育优质均衡 谁牵头 分管领导是谁")
    assert b["answered"]
