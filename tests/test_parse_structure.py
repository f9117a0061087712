"""The five seed plans parse into the right number of records, in the right places."""
from collections import Counter

from conftest import CHANGCHUN, CHENGDE, DAZHOU, SUINING, WENZHOU


def test_every_seed_document_loads_without_error(corpus):
    assert corpus.errors == []
    assert [d.file for d in corpus.documents] == [DAZHOU, WENZHOU, CHENGDE, SUINING, CHANGCHUN]


def test_task_counts_per_document_total_175(corpus):
    counts = {d.file: len(d.tasks) for d in corpus.documents}
    assert counts == {DAZHOU: 38, WENZHOU: 23, CHENGDE: 34, SUINING: 42, CHANGCHUN: 38}
    assert sum(counts.values()) == 175


def test_task_numbers_run_on_except_wenzhou_restarts_per_section(corpus):
    for document in corpus.documents:
        numbers = [t.task_no for t in document.tasks]
        if document.file == WENZHOU:
            per_section = Counter(t.section for t in document.tasks)
            assert per_section == {"一": 4, "二": 5, "三": 4, "四": 3, "五": 4, "六": 3}
            assert len({(t.section, t.task_no) for t in document.tasks}) == 23
        else:
            assert numbers == list(range(1, len(numbers) + 1))


def test_chengde_2020_summary_is_separate_from_2021_tasks(corpus):
    records = [r for r in corpus.records if r.doc == CHENGDE]
    summary = [r for r in records if r.kind == "summary"]
    assert all(r.year == 2020 for r in summary)
    assert all(r.year == 2021 for r in records if r.kind == "task")
    items = {(r.section, r.item): r.title for r in summary if r.item}
    assert items[("二", "（二）")] == "以非常举措，坚决防止疫情在校园蔓延"
    assert len(items) == 8
    assert max(r.line_end for r in summary) < min(r.line_start for r in records if r.kind == "task")
    nucleic = items_text = next(r for r in summary if r.item == "（二）" and r.section == "二")
    assert "70万师生全覆盖进行核酸检测" in nucleic.fields["内容"]
    assert items_text.section_title == "坚决扛起疫情防控政治责任，扎实筑牢师生健康安全防线"


def test_each_plan_has_one_preamble_with_its_overall_approach(corpus):
    for document in corpus.documents:
        preambles = [r for r in document.records if r.kind == "preamble"]
        assert len(preambles) == 1, document.file
        assert preambles[0].title in {"总体思路", "總體思路", "总体要求"}
        assert preambles[0].line_end < document.tasks[0].line_start


def test_titles_are_exact_in_the_original_script(task):
    assert task(WENZHOU, 1, "六").title == "加強數字化賦能"
    assert task(WENZHOU, 1, "一").title == "高標準落實“紅色根脈強基工程”"
    assert task(DAZHOU, 1).title == ("深入学习贯彻习近平新时代中国特色社会主义思想,贯彻党的十九届四中全会和省委十一届六次全会、"
                                     "市委四届八次全会精神")
    assert task(DAZHOU, 6).title == "全面深化教育评价体系改革"  # printed as "- 6.全面…"
    assert task(CHENGDE, 16).title == "推进民办教育规范有序发展"  # printed with a trailing 。
    assert task(SUINING, 42).title == "综合加强其他方面工作"  # title and body on one line
    assert task(SUINING, 28).title == "深化教育督導體制機制改革"  # a Traditional run in a Simplified plan
    assert task(CHANGCHUN, 24).title == "扎实做好语言文字工作"


def test_fields_are_split_even_when_a_label_runs_on_mid_line(task):
    dazhou_15 = task(DAZHOU, 15)
    assert set(dazhou_15.fields) == {"问题描述", "目标任务", "工作措施"}
    assert dazhou_15.fields["目标任务"].endswith("强化教育经费使用监管。")
    assert dazhou_15.fields["工作措施"].startswith("落实《国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见》")
    assert set(task(CHENGDE, 8).fields) == {"任务目标", "工作措施"}
    assert set(task(SUINING, 1).fields) == {"问题描述", "目标任务", "工作举措"}
    assert task(SUINING, 42).fields["备注"].startswith("因机构改革")


def test_a_field_label_printed_twice_keeps_both_paragraphs(task):
    problem = task(DAZHOU, 34).fields["问题描述"].split("\n")
    assert len(problem) == 2
    assert problem[0].endswith("\"大班额\"\"大通铺\"问题依然存在。")
    assert problem[1].startswith("控辍保学基础不牢固")


def test_pdf_line_breaks_are_joined_inside_fields(task):
    # 000 task 38: "健全完善" / blank / "教育事业统计台账管理制度" is one sentence in the print.
    assert "健全完善教育事业统计台账管理制度" in task(DAZHOU, 38).fields["工作措施"]
    assert "加强我市中小学校党的建设办好人民满意教育的六条措施" in task(DAZHOU, 2).fields["工作措施"]


def test_plans_without_offices_are_reported_not_guessed(corpus):
    for file in (WENZHOU, CHANGCHUN):
        document = corpus.document(file)
        assert all(not t.lead_offices and not t.responsible_offices for t in document.tasks)
        assert "全文未列牵头科室或责任科室" in document.warnings


def test_document_trailer_is_not_part_of_the_last_task(task):
    last = task(SUINING, 42)
    assert "抄送" not in last.text and "信息公开选项" not in last.text
    assert last.line_end == 572
