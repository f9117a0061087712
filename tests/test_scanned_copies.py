"""A plan copied from a scan or a PDF: spaces left inside words, labels and titles broken over lines are mended
before parsing, and only in a copy that plainly has them."""
from assistant.documents.corpus import parse_text
from assistant.documents.normalize import source_lines
from assistant.documents.scanned import has_stray_spaces, mend_scanned_copy

from conftest import DAZHOU


def _plan(*tasks: str, head: str = "新昌县教育体育局2025年工作要点") -> str:
    return "\n".join([head, "一、推进教育优质均衡发展", *tasks]) + "\n"


def test_spaces_inside_words_are_dropped_in_a_scanned_copy():
    text = _plan("1.加强学生体质 健康管理。全县教 育系统组织学生体 质监测2次。", "牵头科室：基础教 育科",
                 "配合科室：计划财务科", "完成时限：2025 年9月底前")
    task = parse_text("p.txt", text).tasks[0]
    assert task.title == "加强学生体质健康管理"
    assert task.lead_offices == ["基础教育科"]
    assert task.fields["完成时限"] == "2025年9月底前"
    assert "全县教育系统组织学生体质监测2次" in task.fields["内容"]


def test_a_space_between_two_office_names_stays_a_separator():
    text = _plan("1.加强学生体质 健康管理。全县教 育系统组织学生体 质监测2次。", "牵头科室：基础教 育科",
                 "配合科室：计划财务科 督导室")
    task = parse_text("p.txt", text).tasks[0]
    assert task.cooperating_offices == ["计划财务科", "督导室"]


def test_a_plan_with_typed_spaces_only_is_left_as_printed():
    lines = source_lines(_plan("1.加强党的建设。落实 “第一议题”制度。", "牵头领导：李明 陈静",
                               "牵头科室：基教科 督导室"))
    assert not has_stray_spaces(lines)
    assert mend_scanned_copy(lines)[0] == lines


def test_a_label_broken_over_two_lines_is_read_whole():
    text = _plan("1.深化双减工作。课后服务实现全覆盖。", "牵头科", "室：基础教育科", "配合科室：督导室")
    task = parse_text("p.txt", text).tasks[0]
    assert task.lead_offices == ["基础教育科"]
    assert task.office_labels == {"lead": "牵头科室", "cooperating": "配合科室"}


def test_a_title_broken_mid_word_is_joined_where_headings_print_title_and_body_together():
    tasks = ["1.深化双减工作。课后服 务实现全覆盖。", "牵头科室：基础教 育科",
             "2.推进普通高中特色多样", "化发展。支持新昌中学创建省一级特色示范高中。", "牵头科室：基础教育科",
             "3.加强教师队伍建设。招聘新教 师160名。", "牵头科室：组织人事科",
             "4.推进教育数字化转型。建成智慧教室220间。", "牵头科室：县教育技术中心"]
    titles = [t.title for t in parse_text("p.txt", _plan(*tasks)).tasks]
    assert titles == ["深化双减工作", "推进普通高中特色多样化发展", "加强教师队伍建设", "推进教育数字化转型"]


def test_a_bare_title_over_its_body_is_not_joined():
    tasks = ["1.深化双减工作", "课后服务实现全覆盖。", "2.推进普通高中特色多样化发展", "支持新昌中学创建。",
             "3.加强教师队伍建设", "招聘新教 师160名，全县教 育系统培训。"]
    titles = [t.title for t in parse_text("p.txt", _plan(*tasks)).tasks]
    assert titles == ["深化双减工作", "推进普通高中特色多样化发展", "加强教师队伍建设"]


def test_dazhou_pdf_copy_reads_words_its_extraction_split(corpus):
    """达州's PDF copy joined broken lines with a space (高 考, 达州中 医职院): they read as the words they are, and
    its typed separators between two issuers stay."""
    text = "\n".join(r.text for r in corpus.records if r.doc == DAZHOU)
    assert "高考综合改革" in text and "达州中医职院" in text and "高 考" not in text
    document = next(d for d in corpus.documents if d.file == DAZHOU)
    assert any("扫描" in w for w in document.warnings)
