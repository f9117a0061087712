"""Plans written the ways other bureaus write them (tests/fixtures/plans, conventions in its README) parse exactly as
the expected file beside each says: for every task its path, title, offices by role with their printed labels,
deadline and first words; for the plan its title, place, level, region and year. Each fixture goes through the real
reader and parser with no catalog entry, as an uploaded file does."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from assistant.documents.corpus import parse_file
from assistant.documents.normalize import is_chrome, source_lines
from assistant.documents.records import TASK, TIME_FIELDS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
GOLDS = sorted(FIXTURES.glob("*.expected.json"))
PLAN_KEYS = ("title", "place", "level", "region", "year", "issuer")


@lru_cache(maxsize=None)
def parsed(gold: Path):
    return parse_file(FIXTURES / gold.name.removesuffix(".expected.json"))


def first_words(record) -> str:
    """The first 12 characters of the task's body: its first field, with the field's label when the plan prints
    one before it (问题描述：…, 【目标任务】…), without the title or an inline office list."""
    body = [(name, value) for name, value in record.fields.items() if name not in TIME_FIELDS]
    if not body:  # a table row with no measures column: its deadline is no body
        return ""
    name, value = body[0]
    printed = next((label for label in (f"{name}：", f"{name}:", f"【{name}】") if label in record.text), None)
    body = (printed + value) if printed else value
    return "".join(body.split())[:12]


def task_view(record) -> dict:
    return {
        "path": [record.section, record.subsection, record.number],
        "title": record.title,
        "lead": record.lead_offices,
        "responsible": record.responsible_offices,
        "cooperating": record.cooperating_offices,
        "labels": record.office_labels,
        "time": next((record.fields[f] for f in TIME_FIELDS if f in record.fields), None),
        "first_words": first_words(record),
    }


def document_view(document) -> dict:
    return {"title": document.title, "place": document.place, "level": document.level, "region": document.region,
            "year": document.year, "issuer": document.issuer}


def test_there_are_at_least_ten_fixture_plans_of_every_kind():
    suffixes = {g.name.removesuffix(".expected.json").rsplit(".", 1)[1] for g in GOLDS}
    assert len(GOLDS) >= 10 and suffixes == {"txt", "docx", "pdf", "xlsx"}


@pytest.mark.parametrize("gold", GOLDS, ids=lambda g: g.name.split("_")[0])
def test_plan_title_place_level_region_year_and_issuer(gold):
    expected = json.loads(gold.read_text(encoding="utf-8"))
    assert document_view(parsed(gold)) == {k: expected[k] for k in PLAN_KEYS}


@pytest.mark.parametrize("gold", GOLDS, ids=lambda g: g.name.split("_")[0])
def test_every_task_exactly(gold):
    expected = json.loads(gold.read_text(encoding="utf-8"))["tasks"]
    got = [task_view(t) for t in parsed(gold).tasks]
    assert len(got) == len(expected)
    for mine, theirs in zip(got, expected):
        assert mine == theirs


# an office list in brackets: labelled (（牵头科室：…）) or in plain words (（基础教育科牵头，督导室配合）),
# (a mark quoted in a preamble explaining it, 标注“（牵头）”的为牵头股室, is prose of the plan, no office list)
_INLINE_OFFICES = re.compile(r"(?<!“)[（(](?:牵头|责任|配合|协办|参与|主责|协同)(?:[^（）()]|[（(][^（）()]*[)）])*[)）]|"
                             r"(?<!“)[（(](?:[^（）()]|[（(][^（）()]*[)）])*(?:牵头|负责|配合)(?:[^（）()]|[（(][^（）()]*[)）])*[)）]|"
                             # or mentions closing a line of a collaborative document: @X（牵头）@Y（配合）📅 2025-09-01
                             r"[@＠][^@＠（()）]+?[（(](?:牵头|配合|协办|协助|参与|责任)[)）]|📅[\d\-./]+|分管[:：][@＠][\u4e00-\u9fff]{2,3}")


def printed_in(name: str, flat: str) -> bool:
    """The name as printed: whole, or in two pieces in order, as a page break cuts a cell (…各幼儿园、各 / the header
    repeated / 中小学校)."""
    return name in flat or any((at := flat.find(name[:k])) >= 0 and flat.find(name[k:], at + k) >= 0
                               for k in range(1, len(name)))


@pytest.mark.parametrize("gold", GOLDS, ids=lambda g: g.name.split("_")[0])
def test_titles_offices_and_fields_are_printed_text_of_their_record(gold):
    """Nothing is invented: every title, office and field paragraph is in the record's source text (wrapped lines
    joined, an inline office list taken out of the body), every label is printed in it or heads its table column,
    no office keeps a stray bracket or separator, and no title holds an office label."""
    for record in parsed(gold).records:
        flat = "".join("".join(l.text.split()) for l in source_lines(record.text) if not is_chrome(l))
        flat = re.sub(r"<br\s*/?>", "", flat)  # a pasted table's line break inside a cell is markup, not text
        body = _INLINE_OFFICES.sub("", flat)
        assert "".join(record.title.split()) in flat
        for name, value in record.fields.items():
            for paragraph in value.split("\n"):  # a deadline may sit inside the office list's brackets
                assert "".join(paragraph.split()) in (flat if name in TIME_FIELDS else body), (record.path, paragraph[:20])
        for name in (*record.lead_offices, *record.responsible_offices, *record.cooperating_offices):
            assert printed_in(name, flat), (record.path, name)
            assert name.count("（") + name.count("(") == name.count("）") + name.count(")"), (record.path, name)
            assert not name.endswith(("、", "；", "。", "，")), (record.path, name)
        if "\t" not in record.text and "|" not in record.text:
            assert all(label in record.text for label in record.office_labels.values()), record.path
        # (a task's title; a closing paragraph's opening words may name the offices it addresses: 各牵头科室要于…)
        assert record.kind != TASK or not any(word in record.title for word in ("牵头", "责任科室", "责任单位", "主责")), \
            record.path


def test_record_identity_keeps_tasks_of_restarting_subsections_apart():
    """建安区 numbers its tasks 1, 2 in every subsection: the subsection is part of a task's identity and path."""
    document = parsed(FIXTURES / "p06_jianan_district_2023_attachment1.txt.expected.json")
    keys = [t.key for t in document.tasks]
    assert len(set(keys)) == len(keys) == 12
    assert [t.path for t in document.tasks[:3]] == ["一、（一）第1项", "一、（一）第2项", "一、（二）第1项"]
    assert document.tasks[0].subsection_title == "强化政治引领"


def test_paths_print_the_number_as_the_plan_does():
    hebi = parsed(FIXTURES / "p07_hebi_city_2024_attachment_colon.txt.expected.json")
    assert hebi.tasks[0].path == "一、（一）（1）" and hebi.tasks[0].task_no == 1
    zhejiang = parsed(FIXTURES / "p04_zhejiang_province_2023_subsection_tasks.txt.expected.json")
    assert zhejiang.tasks[10].path == "三、（十一）" and zhejiang.tasks[10].task_no == 11


def test_run_on_text_is_split_and_the_outline_says_so():
    from assistant.documents.outline import outline

    document = parsed(FIXTURES / "p05_anji_county_2022_runon.txt.expected.json")
    assert any("连排" in w and "第2行" in w for w in document.warnings)
    assert "已按编号拆分" in outline(document)
    assert all(t.line_start == t.line_end == 2 for t in document.tasks)


def test_a_plan_without_a_place_loads_with_none_and_the_outline_says_so():
    from assistant.documents.outline import outline

    document = parsed(FIXTURES / "p08_benju_noplace_2023_circled.txt.expected.json")
    assert document.city is None and document.place is None
    assert all(r.city is None for r in document.records)
    text = outline(document)
    assert "地点：未知" in text and "未能推断" in text


def test_the_table_deadline_and_content_are_fields_under_their_printed_headers():
    luohe = parsed(FIXTURES / "p09_luohe_city_2023_table.docx.expected.json")
    first = luohe.tasks[0]
    assert first.fields["完成时限"] == "全年"
    assert first.fields["具体内容（工作措施）"].startswith("落实局党组理论学习中心组学习制度")
    assert first.line_start == first.line_end and first.text.startswith("1\t加强政治理论武装")


def test_a_checklist_copied_from_a_collaborative_document_reads_its_mentions_as_offices():
    # 飞书 task lines: - [ ] N. title：body。 @X（牵头） @Y（配合） 分管：@person 📅 date
    gongshu = {t.task_no: t for t in parsed(FIXTURES / "p106_gongshu_district_2025_checklist.txt.expected.json").tasks}
    assert len(gongshu) == 14 and not gongshu[1].title.startswith("[")
    five = gongshu[5]
    assert five.lead_offices == ["基础教育科", "区人民政府教育督导室"] and five.cooperating_offices == ["组织人事科"]
    assert "郑国华" not in five.lead_offices + five.responsible_offices + five.cooperating_offices
    assert gongshu[7].responsible_offices == ["校外教育培训监管科"] and not gongshu[7].office_labels  # unmarked
    assert gongshu[8].cooperating_offices == ["区教育发展研究院"]  # the mention wrapped onto the next line
    assert not (gongshu[10].lead_offices or gongshu[10].responsible_offices or gongshu[10].cooperating_offices)


def test_an_unnumbered_heading_between_two_tasks_is_no_office_of_the_first():
    # 昌黎: Word 标题 2 paragraphs (强化政治引领) sit between tasks whose offices close the paragraph after a tab
    changli = {t.task_no: t for t in parsed(FIXTURES / "p107_changli_county_2023_tabright.docx.expected.json").tasks}
    assert changli[2].cooperating_offices == ["党建办公室"] and "推进全面从严治党" not in changli[2].text
    assert changli[7].cooperating_offices == ["基础教育股"]
    assert changli[10].responsible_offices == ["体育卫生艺术股"] and changli[10].subsection is None


def test_an_oa_export_reads_task_codes_its_section_column_and_dates_as_the_sheet_shows_them():
    # 宜宾: rwbh/ssbk… codes over the Chinese header, 任务编号 2024-JY-07, 所属板块 on every row, a yyyy-mm-dd date cell
    yibin = {t.number: t for t in parsed(FIXTURES / "p108_yibin_city_2024_oaexport.xlsx.expected.json").tasks}
    assert len(yibin) == 16 and yibin["2024-JY-16"].section == "二"  # added later, sorted last
    assert yibin["2024-JY-11"].fields["完成时限"] == "2024-09-30"
    assert yibin["2024-JY-05"].lead_offices == ["基础教育科", "市人民政府教育督导室"]
    assert not (yibin["2024-JY-09"].lead_offices or yibin["2024-JY-09"].cooperating_offices)


def test_offices_given_by_quoted_title_words_after_a_section_reach_their_tasks():
    # 浦江: 以上“学前教育普惠”“义务教育均衡”两项由…；“普高特色”一项由…共同牵头；其余两项分别由X、Y负责
    pujiang = {t.task_no: t for t in parsed(FIXTURES / "p109_pujiang_county_2024_titlewords.txt.expected.json").tasks}
    assert pujiang[4].lead_offices == pujiang[5].lead_offices == ["基础教育科"]
    assert pujiang[7].lead_offices == ["基础教育科", "县教育研究和教师发展中心"]  # characters in order: 普高特色
    assert pujiang[6].responsible_offices == ["校外培训监管科"]  # “‘双减’工作”
    assert pujiang[8].fields["完成时限"] == "2024年9月底前"  # the clause went on to the next line
    assert (pujiang[14].responsible_offices, pujiang[16].responsible_offices) == (["县教育技术中心"], ["安全管理科"])
    assert not (pujiang[12].lead_offices or pujiang[12].responsible_offices)  # quoted nowhere


def test_word_content_controls_are_read_and_their_unfilled_hints_are_not():
    siming = {t.task_no: t for t in parsed(FIXTURES / "p110_siming_district_2025_contentctrl.docx.expected.json").tasks}
    assert len(siming) == 14  # section 三 sits inside one locked control
    assert "1800" in siming[7].text  # a figure typed into a plain-text control
    assert "完成时限" not in siming[2].fields and not siming[3].cooperating_offices  # 单击或点击此处输入…
    assert "注" not in siming[14].fields.get("完成时限", "")


def test_a_task_is_due_when_the_last_of_its_quarterly_steps_is():
    baotou = {t.task_no: t for t in parsed(FIXTURES / "p111_baotou_city_2024_quarterplan.xlsx.expected.json").tasks}
    assert baotou[1].fields["完成时限"] == "12月底前" and baotou[4].fields["完成时限"] == "9月1日前"
    assert baotou[9].fields["完成时限"] == "四季度" and baotou[6].fields["完成时限"] == "每季度"
    assert baotou[16].fields["完成时限"] == "12月底前"  # 每季度：… then 四季度（12月底前）
    assert "完成时限" not in baotou[10].fields  # an empty schedule cell


def test_a_headerless_text_table_is_read_by_its_legend_and_a_short_row_lacks_an_office_not_its_deadline():
    tancheng = {t.task_no: t for t in parsed(FIXTURES / "p112_tancheng_county_2024_spacedcols.txt.expected.json").tasks}
    assert len(tancheng) == 15
    # 3   …   组织人事股     2024年6月底前: four cells under five columns; the missing one is 配合股室
    assert tancheng[3].lead_offices == ["组织人事股"] and not tancheng[3].cooperating_offices
    assert tancheng[3].fields["完成时限"] == "2024年6月底前"
    assert "AI 创新实验室12个" in tancheng[9].text  # one space inside a cell parts nothing
    assert tancheng[5].lead_offices == ["基础教育股", "县人民政府教育督导室"]


def test_a_task_as_a_band_of_rows_takes_its_merged_measures_and_office_rows():
    suining = {t.task_no: t for t in parsed(FIXTURES / "p113_suining_city_2025_bandrows.docx.expected.json").tasks}
    assert len(suining) == 15
    assert suining[1].lead_offices == ["机关党委"] and suining[1].cooperating_offices == ["组织人事科"]
    assert "理论学习中心组" in suining[1].text and suining[1].fields["完成时限"] == "2025年12月底前"
    assert suining[3].responsible_offices == ["政策法规科"] and not suining[3].lead_offices
    assert not (suining[10].lead_offices or suining[10].responsible_offices)  # a band with no 责任分工 row
    assert suining[2].section == "一" and suining[4].section == "二"  # 一、… rows stay sections


def test_a_formulas_saved_error_and_a_hidden_column_are_no_part_of_the_task():
    gulou = {t.task_no: t for t in parsed(FIXTURES / "p114_gulou_district_2024_formulas.xlsx.expected.json").tasks}
    assert not gulou[10].lead_offices and gulou[10].cooperating_offices == ["计划财务科"]  # #N/A lead
    assert not gulou[7].cooperating_offices and "#N/A" not in gulou[7].text
    assert not any("代码" in name for t in gulou.values() for name in t.fields)  # the hidden codes column
    assert gulou[5].lead_offices == ["基础教育科", "区人民政府教育督导室"]  # =科室代码!B2&"、"&科室代码!B5


def test_the_offices_after_the_first_take_the_role_the_preamble_gives_them():
    # p203: 排在第一位的为牵头单位，其他为配合单位 -> the first leads, the rest cooperate under the printed label
    wangcheng = parsed(FIXTURES / "p203_wangcheng_district_2025_leadfirst.pdf.expected.json").tasks
    first = wangcheng[0]
    assert first.lead_offices == ["机关党委"] and first.cooperating_offices == ["组织人事科", "办公室"]
    assert not first.responsible_offices and first.office_labels == {"lead": "责任单位", "cooperating": "责任单位"}
    # p29 says only who leads (排在第一位的为牵头单位): the rest stay responsible, as printed
    renshou = parsed(FIXTURES / "p29_renshou_county_2021_firstlead.txt.expected.json").tasks
    assert renshou[0].lead_offices == ["党建办"] and renshou[0].responsible_offices == ["机关党委", "各中小学校"]
