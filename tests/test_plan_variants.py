"""Small plans written for one rule each: where the parser is unsure it says so (warnings in the outline and the
upload preview), Word tables with merged cells, inline office lists in their variants, and a plan without a place
that must not disturb questions about the others."""
from __future__ import annotations

import docx
import pytest

from assistant.documents.corpus import parse_bytes, parse_text
from assistant.documents.outline import outline

HEAD = ["测试市教育局2023年工作要点", "一、加强党的建设"]


def _plan(*lines: str):
    return parse_text("plan.txt", "\n".join([*HEAD, *lines]))


def test_an_office_line_outside_any_task_is_reported():
    document = _plan("牵头科室：党建办", "1.深入学习。开展专题培训。", "牵头科室：组干科")
    assert [t.lead_offices for t in document.tasks] == [["组干科"]]
    assert any("第3行的科室未能归入任何任务" in w for w in document.warnings)


def test_offices_under_a_section_heading_belong_to_each_of_its_tasks_printing_none():
    document = _plan("牵头科室：党建办；责任科室：组干科、宣传科", "1.深入学习。开展专题培训。",
                     "2.清廉建设。开展监督。", "牵头科室：纪委", "二、推进教育发展", "（一）学前教育", "牵头科室：基教科",
                     "3.扩大学前资源。新建幼儿园5所。")
    first, second, third = document.tasks
    assert (first.lead_offices, first.responsible_offices) == (["党建办"], ["组干科", "宣传科"])
    assert "牵头科室：党建办" in first.text and "第3行" in first.notes[0]  # the source shows where they are printed
    assert (second.lead_offices, second.responsible_offices) == (["纪委"], [])  # its own line overrides
    assert (third.subsection, third.lead_offices) == ("（一）", ["基教科"])
    assert not any("未能归入" in w for w in document.warnings)


def test_a_numbering_jump_is_read_as_a_task_and_reported():
    document = _plan("1.深入学习。开展专题培训。", "牵头科室：组干科", "3.推进清廉学校建设。开展监督。", "牵头科室：纪委")
    assert [t.task_no for t in document.tasks] == [1, 3]
    assert any("第5行编号不连续：1 之后是 3" in w for w in document.warnings)


def test_a_task_table_without_an_office_column_is_reported():
    document = parse_text("plan.txt", "\n".join([
        "测试市教育局2023年工作要点", "序号\t重点任务\t工作措施\t完成时限", "一、加强党的建设\t\t\t",
        "1\t深入学习\t开展专题培训。\t全年", "2\t清廉建设\t开展监督。\t6月底"]))
    assert [(t.section, t.task_no, t.title, t.fields["完成时限"]) for t in document.tasks] == [
        ("一", 1, "深入学习", "全年"), ("一", 2, "清廉建设", "6月底")]
    assert any("任务表没有牵头或责任科室列" in w for w in document.warnings)


def test_the_upload_preview_shows_the_warnings(tmp_path):
    from assistant.web.library import preview_upload

    data = "\n".join([*HEAD, "1.深入学习。开展专题培训。", "牵头科室：组干科", "3.推进清廉学校建设。开展监督。"]).encode()
    preview = preview_upload(tmp_path, "plan.txt", data, {})
    assert "编号不连续" in outline(preview.document)
    assert preview.entry.city == "测试" and preview.entry.level == "city"


@pytest.mark.parametrize("bracket", [
    "（牵头科室：组干科；责任科室：宣传科、办公室）", "(牵头科室:组干科;责任科室:宣传科、办公室)",
    "（牵头科室：组干科，责任科室：宣传科、办公室）", "（牵头科室：组干科；责任科室：宣传科、办公室",
])
def test_inline_office_lists_in_every_bracket_and_separator(bracket):
    after_title = _plan(f"1.加强理论武装{bracket}", "深入学习贯彻。").tasks[0]
    at_end = _plan(f"1.加强理论武装。深入学习贯彻。{bracket}").tasks[0]
    for task in (after_title, at_end):
        assert task.title == "加强理论武装"
        assert (task.lead_offices, task.responsible_offices) == (["组干科"], ["宣传科", "办公室"])
        assert task.fields["内容"] == "深入学习贯彻。"


def test_the_label_words_of_every_role_are_kept_as_printed():
    document = _plan("1.加强理论武装。深入学习。", "牵头处室：组织处", "协办单位：宣传处", "2.推进清廉建设。开展监督。",
                     "主责：纪检组；协同：审计股", "3.推进集团办学。组建集团。", "【牵头部门】基教科　【参与单位】教研室")
    got = [(t.lead_offices, t.responsible_offices, t.cooperating_offices, t.office_labels) for t in document.tasks]
    assert got == [
        (["组织处"], [], ["宣传处"], {"lead": "牵头处室", "cooperating": "协办单位"}),
        (["纪检组"], [], ["审计股"], {"lead": "主责", "cooperating": "协同"}),
        (["基教科"], [], ["教研室"], {"lead": "牵头部门", "cooperating": "参与单位"})]


def _table_docx(path):
    """A 分解表 with a section row merged across all columns, and a task 2 spanning two rows: its 序号, 重点任务 and
    牵头单位 cells merged down, its 工作措施 and 完成时限 one per row."""
    document = docx.Document()
    document.add_paragraph("测试市教育局2023年工作要点")
    table = document.add_table(rows=5, cols=5)
    rows = [["序号", "重点任务", "工作措施", "牵头单位", "完成时限"],
            ["一、加强党的建设", "", "", "", ""],
            ["1", "深入学习", "开展专题培训。", "组干科", "全年"],
            ["2", "清廉建设", "开展监督。", "纪委", "6月底"],
            ["", "", "开展警示教育。", "", "9月底"]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(1, 4)).text = "一、加强党的建设"
    for column in (0, 1, 3):
        merged = table.cell(3, column).merge(table.cell(4, column))
        for paragraph in merged.paragraphs[1:]:
            if not paragraph.text:
                paragraph._p.getparent().remove(paragraph._p)
    document.save(path)
    return path


def test_word_table_merged_cells_give_their_value_to_every_row_they_span(tmp_path):
    document = parse_bytes("plan.docx", _table_docx(tmp_path / "plan.docx").read_bytes())
    assert [(t.section, t.task_no, t.title, t.lead_offices, t.office_labels) for t in document.tasks] == [
        ("一", 1, "深入学习", ["组干科"], {"lead": "牵头单位"}), ("一", 2, "清廉建设", ["纪委"], {"lead": "牵头单位"})]
    assert document.tasks[1].fields == {"工作措施": "开展监督。\n开展警示教育。", "完成时限": "6月底\n9月底"}


def test_a_plan_without_a_place_does_not_match_every_question():
    from assistant.retrieval.query import read_question
    from assistant.retrieval.store import DocumentInfo

    nowhere = parse_text("nowhere.txt", "本局2023年工作要点\n一、加强党的建设\n1.深入学习。开展培训。\n牵头科室：办公室")
    assert (nowhere.city, nowhere.place, nowhere.level) == (None, None, None)
    documents = {
        "a.txt": DocumentInfo("a.txt", "", None, [], 2023, "本局2023年工作要点", ""),
        "b.txt": DocumentInfo("b.txt", "", "崇明区", ["崇明区"], 2022, "崇明区教育局2022年工作要点", "崇明区"),
        "old.txt": DocumentInfo("old.txt", "", "", [""], 2022, "an index built before the fix", ""),
    }
    q = read_question("学前教育谁牵头？", documents, {}, "")
    assert q.cities == [] and q.topic == "学前教育谁牵头？"
    q = read_question("崇明区学前教育谁牵头？", documents, {}, "")
    assert q.cities == ["崇明区"]


def test_a_subsection_without_numbered_tasks_is_a_task_itself():
    """Plans mix levels: （一） may carry its own body and offices, while （二） only heads tasks 1. 2."""
    document = _plan("（一）强化政治引领。全面加强党的政治建设。", "牵头科室：办公室", "（二）从严治党",
                     "1.推进清廉建设。开展监督。", "牵头科室：纪委", "2.加强作风。改进作风。", "牵头科室：办公室")
    assert [(t.path, t.title, t.lead_offices, t.subsection_title) for t in document.tasks] == [
        ("一、（一）", "强化政治引领", ["办公室"], None), ("一、（二）第1项", "推进清廉建设", ["纪委"], "从严治党"),
        ("一、（二）第2项", "加强作风", ["办公室"], "从严治党")]


def test_a_sentence_after_an_office_list_is_body_not_offices():
    task = _plan("1.推进改革", "牵头科室：办公室、", "法规科", "开展专项监督检查，完善制度。").tasks[0]
    assert task.lead_offices == ["办公室", "法规科"] and task.fields["内容"] == "开展专项监督检查，完善制度。"


def test_a_deadline_wrapped_onto_its_own_line_does_not_end_the_plan():
    document = _plan("1.深入学习。开展培训。", "牵头科室：组干科", "完成时限：", "2023年12月31日", "2.推进清廉建设。开展监督。",
                     "牵头科室：纪委", "", "测试市教育局", "2023年2月1日")
    assert [(t.title, t.fields.get("完成时限")) for t in document.tasks] == [
        ("深入学习", "2023年12月31日"), ("推进清廉建设", None)]
    assert "测试市教育局" not in document.tasks[-1].text and document.issuer == "测试市教育局"


def test_an_attachment_after_the_tasks_is_not_read_into_the_last_task():
    document = _plan("1.深入学习。开展培训。", "牵头科室：组干科", "附件1", "序号\t重点任务\t牵头单位", "1\t深入学习\t组干科")
    assert len(document.tasks) == 1 and "附件" not in document.tasks[0].text


def test_a_table_header_repeated_on_a_new_page_and_a_heading_in_another_column_are_not_tasks():
    document = parse_text("plan.txt", "\n".join([
        "测试市教育局2023年工作要点", "| 序号 | 重点任务 | 牵头单位 |", "|---|---|---|", "| | 一、加强党的建设 | |",
        "| 1. | 深入学习 | 组干科 |", "| 序号 | 重点任务 | 牵头单位 |", "| 2. | 清廉建设 | 纪委 |"]))
    assert [(t.path, t.title, t.lead_offices) for t in document.tasks] == [
        ("一、第1项", "深入学习", ["组干科"]), ("一、第2项", "清廉建设", ["纪委"])]


def test_a_district_is_named_with_or_without_its_region():
    from assistant.retrieval.query import read_question
    from assistant.retrieval.store import DocumentInfo

    documents = {"b.txt": DocumentInfo("b.txt", "", "崇明区", ["崇明区"], 2022, "", "崇明区", region="上海市")}
    for question in ("崇明区学前教育谁牵头？", "上海市崇明区学前教育谁牵头？", "上海崇明区学前教育谁牵头？"):
        q = read_question(question, documents, {}, "")
        assert (q.cities, q.unknown_cities) == (["崇明区"], []), question
    assert read_question("上海学前教育谁牵头？", documents, {}, "").unknown_cities == ["上海"]


def test_an_office_line_quote_runs_past_a_pdf_line_wrap():
    """「责任科室(单位): 法规科、计财科、」 stopped where the PDF wrapped; the quote now holds the last office too."""
    from pathlib import Path

    from assistant.documents.corpus import parse_file
    from assistant.retrieval.passages import office_lines

    doc = parse_file(Path(__file__).parent / "fixtures" / "plans" / "p12_guangan_city_2020_wrapped.pdf")
    task = next(r for r in doc.tasks if r.responsible_offices == ["法规科", "计财科", "督导室"])
    assert "计财科、\n" in task.text, "the source wraps inside the list"
    assert "责任科室(单位): 法规科、计财科、督导室" in office_lines(task)


def test_tasks_packed_into_one_table_cell_are_tasks_of_their_own_sharing_the_rows_offices():
    document = parse_text("plan.txt", "\n".join([
        "测试市教育局2023年工作要点",
        "板块\t重点工作\t具体任务\t牵头科室\t配合科室\t完成时限",
        "一、加强党的建设\t（一）强化政治引领\t1.深化理论学习。全年集中学习12次。 2.推进党建品牌。培育示范学校15所。"
        "\t机关党委\t组织人事科\t7.2023年8月底前 8.2023年12月底前",
        "一、加强党的建设\t（二）建强干部队伍\t3.优化领导班子。选拔校级干部20名。\t组织人事科\t办公室\t全年",
    ]))
    first, second, third = document.tasks
    assert [(t.subsection, t.number, t.title) for t in document.tasks] == [
        ("（一）", "1", "深化理论学习"), ("（一）", "2", "推进党建品牌"), ("（二）", "3", "优化领导班子")]
    assert first.lead_offices == second.lead_offices == ["机关党委"]
    assert second.fields["具体任务"] == "培育示范学校15所。"
    # a deadline cell marked 7. and 8. names other tasks than these: it is shared whole, not guessed apart
    assert first.fields["完成时限"] == second.fields["完成时限"] == "7.2023年8月底前 8.2023年12月底前"


def test_a_measure_list_numbered_inside_one_task_cell_stays_that_tasks_body():
    document = parse_text("plan.txt", "\n".join([
        "测试市教育局2023年工作要点",
        "任务名称\t牵头科室\t完成时限",
        "1.深化理论学习。措施如下。 1.集中学习12次。 3.开展宣讲20场。\t机关党委\t全年",
        "2.推进党建品牌。培育示范学校15所。\t组织人事科\t全年",
    ]))
    assert [t.title for t in document.tasks] == ["深化理论学习", "推进党建品牌"]
    assert "集中学习12次" in document.tasks[0].fields["任务名称"]


def test_a_list_of_one_row_per_task_and_office_reads_each_rows_role_from_its_role_column():
    document = parse_text("plan.txt", "\n".join([
        "测试区教育局2024年工作要点",
        "序号\t重点任务\t工作措施\t责任单位\t责任类型\t完成时限",
        "一、加强党的建设",
        "1\t深化党建引领\t创建示范校12所，落实相关标准。\t组织人事科\t配合\t全年",
        "1\t深化党建引领\t创建示范校12所，落实相关标准。\t党建工作科\t牵头\t全年",
        "1\t深化党建引领\t创建示范校12所，落实相关标准。\t各中小学校\t参与\t全年",
        "2\t办好特殊教育\t新建资源教室8间。\t基础教育科\t责任\t2024年11月底前",
    ]))
    first, second = document.tasks
    assert (first.lead_offices, first.cooperating_offices) == (["党建工作科"], ["组织人事科", "各中小学校"])
    assert first.office_labels == {"cooperating": "配合", "lead": "牵头"}  # the role words as printed
    assert first.fields["完成时限"] == "全年" and second.responsible_offices == ["基础教育科"]


def test_offices_given_after_a_section_by_item_number_reach_those_items():
    document = _plan("（1）深入学习。开展专题培训。", "（2）清廉建设。开展监督。", "（3）强化宣传。开展宣讲。",
                     "以上第（1）（2）项由党建办牵头，人事股配合；第（3）项由宣传股负责。",
                     "二、推进教育发展", "（1）扩大学前资源。新建幼儿园5所。", "（2）推进均衡。新建学校2所。",
                     "以上第（1）至（2）项由基教股、计财股共同牵头，督导室配合。")
    assert [(t.section, t.lead_offices, t.responsible_offices, t.cooperating_offices) for t in document.tasks] == [
        ("一", ["党建办"], [], ["人事股"]), ("一", ["党建办"], [], ["人事股"]), ("一", [], ["宣传股"], []),
        ("二", ["基教股", "计财股"], [], ["督导室"]), ("二", ["基教股", "计财股"], [], ["督导室"])]


def test_a_fixed_width_table_copied_as_text_reads_its_wrapped_cells_back_into_rows():
    document = parse_text("plan.txt", "\n".join([
        "测试市教育局2024年工作要点",
        "序号  重点任务          具体措施                      牵头单位          配合单位",
        "一、加强党的建设",
        " 1    深入学习贯彻党的  全年集中学习不少于12          机关党委          组织人事科、各县",
        "      二十大精神        次，开展专题培训。                              市区教育局",
        " 2    推进清廉学校建设  新建示范校30所。              驻局纪检监察组",
        "",
        "注：各单位按季度报送进展。",
    ]))
    first, second = document.tasks
    assert (first.title, first.lead_offices, first.cooperating_offices) == (
        "深入学习贯彻党的二十大精神", ["机关党委"], ["组织人事科", "各县市区教育局"])
    assert first.fields["具体措施"] == "全年集中学习不少于12次，开展专题培训。"
    assert (second.title, second.lead_offices, second.cooperating_offices) == ("推进清廉学校建设", ["驻局纪检监察组"], [])


def test_offices_in_words_closing_the_title_and_a_date_bracket_closing_the_paragraph():
    document = _plan("1.深化理论武装（机关党委牵头，组织人事科配合）。全年集中学习12次（2024年12月底前完成）。",
                     "2.推进清廉学校建设。开展专项监督（牵头：纪检组；配合：计财科）（含民办学校）。")
    first, second = document.tasks
    assert (first.title, first.lead_offices, first.cooperating_offices) == ("深化理论武装", ["机关党委"], ["组织人事科"])
    assert first.fields["完成时限"] == "2024年12月底前完成" and "完成时限" not in second.fields
    assert second.lead_offices == ["纪检组"]


def test_a_remark_column_names_who_leads_among_the_listed_offices():
    document = parse_text("plan.txt", "\n".join([
        "测试区教育局2025年工作要点",
        "序号\t重点任务\t工作措施\t责任科室\t完成时限\t备注",
        "一、党建引领",
        "1\t深化理论武装\t集中学习12次。\t党建工作科、组织人事科、办公室\t全年\t党建工作科牵头，办公室配合",
        "2\t加快学校建设\t新建学校3所。\t基建办、计划财务科\t全年\t区十件民生实事；基建办、计划财务科共同牵头",
        "3\t巩固双减成果\t开展检查。\t校外培训监管科、基础教育科\t持续推进\t纳入督查事项",
    ]))
    first, second, third = document.tasks
    assert (first.lead_offices, first.responsible_offices, first.cooperating_offices) == (
        ["党建工作科"], ["组织人事科"], ["办公室"])
    assert second.lead_offices == ["基建办", "计划财务科"]
    assert third.responsible_offices == ["校外培训监管科", "基础教育科"] and not third.lead_offices


def test_a_table_of_a_years_targets_is_no_task_table():
    document = _plan("序号\t指标\t2022年\t2023年目标", "1\t学前三年毛入园率\t91%\t92%",
                     "1.深入学习。开展专题培训。", "牵头科室：党建办")
    assert [t.title for t in document.tasks] == ["深入学习"]


def test_a_plan_quoted_in_a_mail_is_read_from_its_quoted_level_only():
    text = "\n".join(["发件人: 王芳", "主题: 转发: 2023年工作要点", "", "各科室：第2项另行通知，请于3月1日前反馈。", "",
                      *("> " + line for line in [*HEAD, "1.深入学习。开展专题培训，全年不少于", "12次。",
                                                 "牵头科室：组干科；配合科室：办公室", "2.清廉建设。开展监督。",
                                                 "牵头科室：纪委", "", "测试市教育局", "2023年2月1日"]),
                      ">> 原邮件：第2项牵头科室改为纪委。"])
    document = parse_text("mail.txt", text)
    assert [(t.task_no, t.lead_offices) for t in document.tasks] == [(1, ["组干科"]), (2, ["纪委"])]
    assert document.tasks[0].fields["内容"] == "开展专题培训，全年不少于12次。"
    assert not any("原邮件" in t.text or "另行通知" in t.text for t in document.tasks)
    assert any("邮件" in w for w in document.warnings)
    # one quoted line in an ordinary plan is text, not a mail
    plain = _plan("1.深入学习。开展专题培训。", "> 全年不少于12次。", "牵头科室：组干科")
    assert plain.tasks[0].lead_offices == ["组干科"] and not any("邮件" in w for w in plain.warnings)


def test_task_flags_beside_the_number_and_after_the_title_are_not_part_of_the_title():
    document = _plan("1.★深入学习（延续）。开展专题培训。【责任领导：张三　牵头科室：组干科　协办科室：办公室　完成时限：全年】",
                     "★2.（新增）推进清廉学校建设。开展监督。【责任领导：李四　牵头科室：纪委】")
    assert [t.title for t in document.tasks] == ["深入学习", "推进清廉学校建设"]
    assert document.tasks[0].lead_offices == ["组干科"] and document.tasks[0].cooperating_offices == ["办公室"]
    assert document.tasks[0].fields["完成时限"] == "全年" and document.tasks[1].lead_offices == ["纪委"]


def test_prose_after_the_last_tasks_office_list_is_the_plans_closing_where_every_task_ends_with_its_list():
    tasks = ["1.深入学习。开展专题培训。", "牵头科室：组干科", "2.清廉建设。开展监督。", "牵头科室：纪委",
             "3.安全稳定。开展演练。", "牵头科室：安全科"]
    closing = _plan(*tasks, "各科室要对照任务分工，确保各项任务按期完成。", "测试市教育局", "2023年2月1日")
    assert closing.tasks[-1].fields["内容"] == "开展演练。"
    # where a task's body goes on after its list, the last task's does too
    going_on = _plan("1.深入学习。", "牵头科室：组干科", "开展专题培训。", *tasks[2:],
                     "各科室要对照任务分工，确保各项任务按期完成。")
    assert "确保各项任务按期完成" in going_on.tasks[-1].fields["内容"]
    # prose after a list followed by another task stays that task's body
    middle = _plan(*tasks[:4], "全年开展警示教育4次。", *tasks[4:])
    assert "全年开展警示教育4次" in middle.tasks[1].fields["内容"]
