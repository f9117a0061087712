"""Files in every supported encoding and format read the same; anything else is refused with a clear reason."""
from pathlib import Path
import shutil

import docx
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from assistant.documents.corpus import load_corpus, parse_bytes, parse_file
from assistant.documents.readers import DocumentError, as_characters, read_document
from assistant.documents.tickboxes import chosen, drawn, in_font

from conftest import CORPUS, DAZHOU, SUINING

SMALL_PLAN = [
    "测试市教育局2023年工作要点",
    "2023年全市教育工作的总体思路是：坚持立德树人。",
    "一、加强党的建设",
    "1.深入学习贯彻党的二十大精神",
    "目标任务：全面提高党建质量。",
    "工作措施：开展专题培训 12 场。",
    "牵头科室：党建办",
    "责任科室：机关各科室、直属事业单位",
    "2.推进学前教育普惠发展",
    "目标任务：新建公办幼儿园 8 所。",
    "牵头科室：基教科",
]


def _summary(document):
    return [(t.section, t.task_no, t.title, t.lead_offices, t.responsible_offices, t.fields) for t in document.tasks]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_gb18030_gbk_and_bom_copies_parse_exactly_like_the_utf8_original(tmp_path, encoding):
    original = parse_file(CORPUS / SUINING)
    copy = tmp_path / SUINING
    copy.write_bytes((CORPUS / SUINING).read_text(encoding="utf-8").encode(encoding))
    reread = parse_file(copy)
    assert _summary(reread) == _summary(original)
    assert [r.text for r in reread.records] == [r.text for r in original.records]


def test_docx_is_read_paragraph_by_paragraph(tmp_path):
    document = docx.Document()
    for line in SMALL_PLAN:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(path)
    parsed = parse_file(path)
    assert parsed.city == "测试" and parsed.year == 2023
    assert [(t.task_no, t.title, t.lead_offices) for t in parsed.tasks] == [
        (1, "深入学习贯彻党的二十大精神", ["党建办"]), (2, "推进学前教育普惠发展", ["基教科"])]
    assert parsed.tasks[0].responsible_offices == ["机关各科室", "直属事业单位"]


def _make_pdf(path, lines):
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        pdf.drawString(40, y, line)
        y -= 18
    pdf.save()


def test_a_workbook_reads_as_one_tab_separated_line_per_row_with_merged_cells_shared(tmp_path):
    """A 重点任务分解表 sent as .xlsx: the title merged across the columns, a section row merged across them, a
    牵头单位 merged down over two tasks, 序号 typed as numbers and a deadline typed as a date."""
    import datetime
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["宜宾市教育局2023年工作要点重点任务分解表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"])
    sheet.append(["一、强化党建引领"])
    sheet.merge_cells("A3:F3")
    sheet.append([1, "加强理论武装", "全年集中学习不少于12次。", "组织人事科", "机关各科室", "全年"])
    sheet.append([2, "推进清廉学校建设", "建成示范校15所。", "机关纪委", "计划财务科、基础教育科",
                  datetime.date(2023, 6, 30)])
    sheet.append([3, "扩大学前教育资源", "新增学位3600个。", None, "计划财务科", "2023年9月"])
    sheet.merge_cells("D5:D6")
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    lines = read_document(path).split("\n")
    assert lines[0] == "宜宾市教育局2023年工作要点重点任务分解表" + "\t" * 5 and lines[2] == "一、强化党建引领" + "\t" * 5
    # the date as the sheet shows it: openpyxl stores a date with the format yyyy-mm-dd
    assert lines[4] == "2\t推进清廉学校建设\t建成示范校15所。\t机关纪委\t计划财务科、基础教育科\t2023-06-30"
    assert lines[5].split("\t")[:4] == ["3", "扩大学前教育资源", "新增学位3600个。", "机关纪委"]  # merged down
    tasks = [r for r in parse_bytes("plan.xlsx", path.read_bytes()).records if r.kind == "task"]
    assert [(r.path, r.title, r.lead_offices) for r in tasks] == [
        ("一、第1项", "加强理论武装", ["组织人事科"]), ("一、第2项", "推进清廉学校建设", ["机关纪委"]),
        ("一、第3项", "扩大学前教育资源", ["机关纪委"])]
    assert tasks[1].fields["完成时限"] == "2023-06-30"


def test_a_date_cell_reads_as_the_sheet_shows_it(tmp_path):
    """A deadline typed as a date is quoted as Excel prints it: 2024-09-30, 2024年9月30日 or 9月30日 by the cell's
    format; the built-in short date, whose look depends on the reader's system, reads as 2024年9月30日."""
    import datetime
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    formats = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', 'm"月"d"日"', "yyyy/m/d", "mm-dd-yy", "yyyy-mm-dd h:mm"]
    for number_format in formats:
        sheet.append([datetime.datetime(2024, 9, 30)])
        sheet.cell(sheet.max_row, 1).number_format = number_format
    path = tmp_path / "dates.xlsx"
    workbook.save(path)
    assert read_document(path).split("\n") == ["2024-09-30", "2024年9月30日", "9月30日", "2024/9/30", "2024年9月30日",
                                                "2024年9月30日"]


def test_bold_offices_are_marked_only_in_the_column_a_legend_says_bolds_the_lead(tmp_path):
    """注：责任科室中加粗者为牵头科室: the bold names of that column read **X** (the parser's lead mark); a bold header,
    a bold section row and a bold name in a sheet with no such legend are no mark."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Font

    def sheet_file(name: str, legend: bool):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        if legend:
            sheet.append(["注：责任科室中加粗者为牵头科室"])
        sheet.append(["序号", "重点工作", "责任科室"])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        sheet.append(["一、党的建设"])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append([1, "推进清廉学校建设", CellRichText("计划财务科、", TextBlock(InlineFont(b=True), "驻局纪检监察组"))])
        sheet.append([2, "落实学生资助政策", "区学生资助管理中心"])
        sheet.cell(sheet.max_row, 3).font = Font(bold=True)
        path = tmp_path / name
        workbook.save(path)
        return read_document(path).split("\n")

    lines = sheet_file("legend.xlsx", legend=True)
    assert lines[1:] == ["序号\t重点工作\t责任科室", "一、党的建设\t\t", "1\t推进清廉学校建设\t计划财务科、**驻局纪检监察组**",
                         "2\t落实学生资助政策\t**区学生资助管理中心**"]
    assert "**" not in "".join(sheet_file("plain.xlsx", legend=False))


def test_pdf_text_layer_is_read(tmp_path):
    path = tmp_path / "plan.pdf"
    _make_pdf(path, SMALL_PLAN)
    parsed = parse_file(path)
    assert [t.title for t in parsed.tasks] == ["深入学习贯彻党的二十大精神", "推进学前教育普惠发展"]
    # the space the text layer gives between Chinese and a figure is the typesetter's gap (2025 年), not a character
    assert parsed.tasks[1].fields["目标任务"] == "新建公办幼儿园8所。"


_BOX_RUN = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
 <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0
 </wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
 <wp:extent cx="1800000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{id}" name="box{id}"/>
 <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
 <wps:spPr/><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
 </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>
 <w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_offices_in_a_text_box_anchored_to_a_task_are_that_tasks_read_once(tmp_path):
    """Offices set in a floating text box beside each task, as Word writes a box (a drawing and a VML copy for old
    readers): each task gets its box's offices once; a box that is a side note gives none; a box anchored to an
    empty paragraph (the title) is read as the line it shows."""
    import docx
    from lxml import etree

    def box(paragraph, texts: list[str], id_: int):
        paragraphs = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
        paragraph._p.append(etree.fromstring(_BOX_RUN.format(id=id_, paragraphs=paragraphs)))

    document = docx.Document()
    box(document.add_paragraph(), ["测试区教育局2024年工作要点"], 1)
    document.add_paragraph("一、加强党的建设")
    box(document.add_paragraph("1.深入学习贯彻党的二十大精神。开展专题培训12场。"), ["牵头：党建办", "配合：办公室、人事科"], 2)
    box(document.add_paragraph("2.推进学前教育普惠发展。新建公办幼儿园8所。"), ["注：本项与市局同步推进"], 3)
    path = tmp_path / "boxes.docx"
    document.save(path)
    lines = [line for line in read_document(path).split("\n") if line.strip()]
    assert lines[0] == "测试区教育局2024年工作要点"
    assert sum("党建办" in line for line in lines) == 1 and "本项与市局同步推进" not in "".join(lines)
    parsed = parse_file(path)
    assert [(t.title, t.lead_offices, t.cooperating_offices) for t in parsed.tasks] == [
        ("深入学习贯彻党的二十大精神", ["党建办"], ["办公室", "人事科"]), ("推进学前教育普惠发展", [], [])]


def test_a_watermark_and_a_seal_laid_over_a_pdf_page_are_no_part_of_its_text(tmp_path):
    """内部资料 注意保存 set diagonally in light grey across the page, and a red seal whose characters stand along
    its rim (one of them upright, at the top), over the text: the plan reads as if neither were there."""
    import math

    path = tmp_path / "watermarked.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 11)
    y = 800
    for line in SMALL_PLAN[:4]:
        pdf.drawString(40, y, line)
        y -= 18
    pdf.saveState()
    pdf.setFillGray(0.85)
    pdf.setFont("STSong-Light", 40)
    pdf.translate(300, 700)
    pdf.rotate(45)
    pdf.drawCentredString(0, 0, "内部资料 注意保存")
    pdf.restoreState()
    pdf.saveState()
    pdf.setFillColorRGB(0.9, 0.1, 0.1)
    pdf.translate(200, 740)
    for i, char in enumerate("测试市教育局"):  # 150° down to 0°: the character at 90° stands upright
        angle = math.radians(150 - i * 30)
        pdf.saveState()
        pdf.translate(40 * math.cos(angle), 40 * math.sin(angle))
        pdf.rotate(math.degrees(angle) - 90)
        pdf.setFont("STSong-Light", 12)
        pdf.drawCentredString(0, 0, char)
        pdf.restoreState()
    pdf.restoreState()
    pdf.setFont("STSong-Light", 11)
    for line in SMALL_PLAN[4:]:
        pdf.drawString(40, y, line)
        y -= 18
    pdf.save()
    text = read_document(path)
    assert "内部资料" not in text and "注意保存" not in text and "测\n" not in text
    # (a PDF's space between Chinese and a figure reads as the typesetter's gap: 专题培训 12 场 is 专题培训12场)
    assert [line for line in text.split("\n") if line.strip()] == [
        line.replace(" 12 ", "12").replace(" 8 ", "8") for line in SMALL_PLAN if line.strip()]
    parsed = parse_file(path)
    assert [t.title for t in parsed.tasks] == ["深入学习贯彻党的二十大精神", "推进学前教育普惠发展"]


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(10, 10, 100, 100)
    pdf.save()
    with pytest.raises(DocumentError, match="没有文字层"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "文件是空的"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "二进制"),
        ("notes.txt", "这是一段普通的说明文字，没有任何编号的任务。\n第二行也没有。".encode(), "没有找到编号的任务"),
        ("plan.doc", b"\xd0\xcf\x11\xe0 old word", "不支持的文件类型"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "不是有效的 Word"),
        ("broken.pdf", b"%PDF-1.4 garbage", "不是有效的 PDF"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "不是有效的 Excel"),
        ("plan.xls", b"\xd0\xcf\x11\xe0 old excel", "不支持的文件类型"),
    ],
)
def test_bad_files_are_refused_with_a_chinese_reason_naming_the_file(name, data, reason):
    with pytest.raises(DocumentError) as info:
        parse_bytes(name, data)
    assert reason in str(info.value)
    assert name in str(info.value)


def test_one_bad_file_does_not_affect_the_other_documents(tmp_path):
    for path in CORPUS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    (tmp_path / "zz_binary.pdf").write_bytes(b"\x00\x01\x02" * 50)
    corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 5
    assert sum(len(d.tasks) for d in corpus.documents) == 175
    assert sorted(e.file for e in corpus.errors) == ["zz_binary.pdf", "zz_empty.txt"]


def test_a_document_without_catalog_entry_gets_city_and_year_inferred_and_reported(tmp_path):
    path = tmp_path / "new.txt"
    shutil.copy(CORPUS / DAZHOU, path)
    parsed = parse_file(path)
    assert (parsed.city, parsed.year) == ("达州", 2020)
    assert set(parsed.inferred) == {"city", "year"}
    assert all(r.city == "达州" and r.year == 2020 for r in parsed.records)


def _numbered_docx(path):
    """A plan as Word writes it with automatic numbering: 一、 for sections, 1. for tasks, not in the text."""
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    document.add_paragraph("测试市教育局2024年工作要点")
    numbered("加强党的建设", 0)
    numbered("深化理论学习", 1)
    document.add_paragraph("牵头科室：党建办")
    numbered("推进教育公平", 0)
    numbered("扩大学前教育资源", 1)
    document.add_paragraph("目标任务：新建幼儿园 5 所。")
    document.add_paragraph("牵头科室：基教科")
    numbered("办好特殊教育", 1)
    document.add_paragraph("牵头科室：基教科")
    document.save(path)
    return path


def test_docx_automatic_numbering_is_rebuilt_as_printed(tmp_path):
    parsed = parse_file(_numbered_docx(tmp_path / "numbered.docx"))
    assert [(t.section, t.task_no, t.title, t.lead_offices) for t in parsed.tasks] == [
        ("一", 1, "深化理论学习", ["党建办"]), ("二", 1, "扩大学前教育资源", ["基教科"]), ("二", 2, "办好特殊教育", ["基教科"])]
    text = read_document(tmp_path / "numbered.docx")  # a sub-level restarts after its parent, as Word prints it
    assert "一、加强党的建设\n1.深化理论学习" in text and "二、推进教育公平\n1.扩大学前教育资源" in text


def test_plan_numbering_tasks_in_parentheses_and_pdf_page_numbers(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([
        "测试市教育局2024年工作要点", "一、加强党建", "（一）深化理论学习。组织专题学习 10 次。", "牵头科室：党建办",
        "（二）落实全面从严治党", "目标任务：开展警示", "- 3 -", "教育。", "牵头科室：机关纪委",
        "二、发展学前教育", "（一）扩大普惠资源", "目标任务：新建幼儿园 5 所。", "第 2 页 共 3 页", "牵头科室：基教科"]),
        encoding="utf-8")
    parsed = parse_file(path)
    assert [(t.section, t.task_no, t.title) for t in parsed.tasks] == [
        ("一", 1, "深化理论学习"), ("一", 2, "落实全面从严治党"), ("二", 1, "扩大普惠资源")]
    assert parsed.tasks[1].fields["目标任务"] == "开展警示教育。"  # the page number between is not text
    assert parsed.tasks[2].lead_offices == ["基教科"]


def test_a_web_page_saved_as_text_is_read_as_a_browser_shows_it():
    page = ("<p>&nbsp;&nbsp;<strong>测试县教育局2023年工作要点</strong></p>\n<p><strong>一、加强党的建设</strong></p>\n"
            "<p>&nbsp;&nbsp;<strong>1.深入学习。</strong>开展&ldquo;学习月&rdquo;活动。由党建办牵头，人事股配合落实。</p>")
    document = parse_bytes("page.txt", page.encode("utf-8"))
    [task] = document.tasks
    assert task.title == "深入学习" and "“学习月”" in task.text and "<" not in task.text and "&" not in task.text
    assert (task.lead_offices, task.cooperating_offices) == (["党建办"], ["人事股"])
    assert task.office_labels == {"lead": "牵头", "cooperating": "配合"}  # the verbs as printed
    # a pasted table's line breaks inside cells are no web page: <br> stays for the table reader
    table = "|序号|重点任务|牵头科室|\n|---|---|---|\n|1|深入学习<br>开展活动|党建办<br>人事股|"
    assert "<br>" in read_document_text("table.txt", table)


def read_document_text(name: str, text: str) -> str:
    from assistant.documents.readers import decode_document
    return decode_document(name, text.encode("utf-8"))


def test_an_html_table_saved_as_text_reads_one_line_per_row_with_spanned_cells_shared():
    page = ("<p>测试县教育局2023年工作要点</p>\n<table><tr><td>序号</td><td>重点任务</td><td>牵头科室</td><td>配合科室</td></tr>\n"
            "<tr><td colspan=\"4\"><strong>一、加强党的建设</strong></td></tr>\n"
            "<tr><td>1</td><td>深化&ldquo;红色根脉&rdquo;工程</td><td rowspan=\"2\">党建办</td><td>组织人事科</td></tr>\n"
            "<tr><td>2</td><td>推进清廉学校建设</td><td><p>计划财务科<br />办公室</p></td></tr>\n"
            "<tr><td>3</td><td>加强宣传</td><td>宣传科</td><td>&nbsp;</td></tr></table>")
    lines = read_document_text("page.txt", page).splitlines()
    assert "2\t推进清廉学校建设\t党建办\t计划财务科 办公室" in lines  # the 牵头 cell spans two rows
    document = parse_bytes("page.txt", page.encode("utf-8"))
    assert [(t.title, t.lead_offices, t.cooperating_offices) for t in document.tasks] == [
        ("深化“红色根脉”工程", ["党建办"], ["组织人事科"]), ("推进清廉学校建设", ["党建办"], ["计划财务科", "办公室"]),
        ("加强宣传", ["宣传科"], [])]


def test_a_word_draft_with_tracked_changes_reads_as_the_changes_accepted():
    """p85 was returned with its revisions still marked: deleted text is gone, inserted text is read, a task deleted
    whole is no task and the later numbers follow the renumbering."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "plans" / "p85_taian_city_2025_trackchanges.docx"
    text = read_document(path)
    assert "征求意见稿" not in text and "新建、改扩建公办幼儿园15所" in text and "10所" not in text
    document = parse_file(path)
    assert document.title == "泰安市教育局2025年工作要点"
    assert [t.task_no for t in document.tasks if t.section == "四"] == [1, 2, 3]


def test_a_ruled_pdf_table_whose_cells_wrap_reads_one_line_per_row():
    """p90's text layer gives each wrapped line of a cell on its own (深入学习宣传贯彻党 / 的二十大精神); the ruling
    lines say which cell a line belongs to, so each row reads whole, and the text around the table as printed."""
    from pathlib import Path

    lines = read_document(Path(__file__).parent / "fixtures" / "plans" / "p90_yantai_city_2023_wrapcells.pdf").splitlines()
    assert "序号\t重点任务\t具体措施\t牵头处室\t配合处室\t完成时限" in lines
    row = next(line for line in lines if line.startswith("1\t"))
    assert row.split("\t")[1:2] == ["深入学习宣传贯彻党的二十大精神"] and row.endswith("\t2023年6月底前")
    assert lines[0] == "烟台市教育局2023年工作要点" and lines[-2:] == ["2023年2月16日", "— 3 —"]


@pytest.mark.parametrize("gutter", ["{:>3}  {}", "{:>4}│{}", "{}: {}", "{:>5} | {}"])
def test_a_plan_copied_with_line_numbers_in_the_margin_parses_like_the_original(tmp_path, gutter):
    """An editor's or OA preview's line numbers (blank lines numbered too) are no task numbers: the gutter is dropped
    and every task reads as in the plain file."""
    original = parse_file(CORPUS / SUINING)
    lines = (CORPUS / SUINING).read_text(encoding="utf-8").split("\n")
    copy = tmp_path / SUINING
    copy.write_text("\n".join(gutter.format(i + 1, line) for i, line in enumerate(lines)), encoding="utf-8")
    assert _summary(parse_file(copy)) == _summary(original)


def test_a_plan_whose_every_line_is_a_numbered_task_keeps_its_numbers(tmp_path):
    """Lines numbered 1, 2, 3 … with no blank line numbered and no marker after the numbers are the plan's own
    numbering (1 title, as three-level plans print it), not a gutter: the text is read as written."""
    plan = tmp_path / "测试市教育局2023年工作要点.txt"
    text = "\n".join(["一、加强党的建设"] + [f"{n} 任务{n}。牵头科室：党建办" for n in range(1, 13)])
    plan.write_text(text, encoding="utf-8")
    assert read_document(plan) == text


def test_a_notepad_unicode_copy_reads_like_the_utf8_original(tmp_path):
    """Windows Notepad's "Unicode" is UTF-16 LE with a byte-order mark and CRLF line ends."""
    original = parse_file(CORPUS / SUINING)
    copy = tmp_path / SUINING
    copy.write_bytes(b"\xff\xfe" + (CORPUS / SUINING).read_text(encoding="utf-8").replace("\n", "\r\n")
                     .encode("utf-16-le"))
    assert _summary(parse_file(copy)) == _summary(original)


def test_radicals_a_text_layer_holds_for_characters_read_as_those_characters():
    # a Quartz-made PDF maps 一 人 长 门 … to Kangxi and simplified-form radicals; the page shows the characters
    assert as_characters("⼀、全⾯加强党的建设（牵头：组织⼈事处；校⻓、⻔卫）") == "一、全面加强党的建设（牵头：组织人事处；校长、门卫）"
    assert as_characters("１２３，ＡＢＣ：；") == "１２３，ＡＢＣ：；"  # full-width forms stay as typed


FIXTURE_PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"


def test_zero_width_characters_a_web_editor_leaves_are_dropped():
    text = read_document(FIXTURE_PLANS / "p172_youxian_county_2025_zerowidth.txt")
    assert not any(ch in text for ch in "\u200b\u200c\u200d\u2060\ufeff")
    assert "县人民政府教育督导室" in text  # printed with a zero-width space inside the name


def test_an_excel_object_in_word_is_read_as_the_range_it_shows():
    text = read_document(FIXTURE_PLANS / "p173_binhu_district_2024_oleobjects.docx")
    assert "序号\t重点任务\t工作措施\t牵头科室\t配合科室\t完成时限" in text
    assert "科室列表" not in text  # the drop-down's source list beside the table is outside the shown range
    assert text.count("深入学习贯彻党的二十大精神") == 1  # each object embeds every sheet; one shows


def test_text_typed_on_a_pdf_is_read_where_it_stands_and_a_sticky_note_is_not():
    text = read_document(FIXTURE_PLANS / "p174_hengshui_city_2023_typewriter.pdf")
    assert "驻局纪检监察组" in text and "体育卫生与艺术教育科" in text  # typewriter boxes in the office cells
    assert "建议增加" not in text


def test_a_pdf_forms_filled_fields_are_read_and_a_list_shows_its_names_not_its_codes():
    text = read_document(FIXTURE_PLANS / "p175_anqing_city_2024_formfields.pdf")
    assert "驻局纪检监察组" in text and "AQJT" not in text


def test_an_html_part_a_word_file_imports_is_read_where_it_stands_in_its_charset():
    text = read_document(FIXTURE_PLANS / "p176_yuecheng_district_2025_altchunk.docx")
    assert text.index("越城区教育体育局2025年工作要点") < text.index("一、")  # the template's title, then the part
    assert "审计科" not in text  # only the older draft part, packaged but never placed, names it


def test_white_text_on_a_light_cell_is_left_out_and_white_on_a_dark_fill_is_read():
    text = read_document(FIXTURE_PLANS / "p177_shimen_county_2023_whitefont.xlsx")
    assert "SM2023-" not in text and "16202160" not in text and "2160个" in text
    assert "序号" in text  # the header, white on a dark fill


def test_two_printed_columns_side_by_side_in_a_text_file_are_read_column_by_column():
    """pdftotext -layout of a journal page set in two columns: each line holds both columns; read left column down,
    then right, page by page, without the running heads and folios; the line across the gutter (the title) stays
    between what is above and below it."""
    text = read_document(FIXTURE_PLANS / "p178_huaiyuan_county_2024_layouttext.txt")
    assert "4.扩大普惠性学前教育资源。新建、改\n扩建公办幼儿园6所" in text  # not run into the other column's line
    assert "文件选登" not in text and "· 12 ·" not in text and "2024年第1期" not in text
    assert text.index("2024年2月19日") < text.index("怀远县教育体育局2024年工作要点") < text.index("1.深入学习")
    # a table set out with spaces, a line-number gutter, an ideographic space after 第一条: no columns
    for name in ("p51_wuhou_district_2025_articles.txt", "p132_jianghan_district_2023_linenumbers.txt"):
        assert "第一" in read_document(FIXTURE_PLANS / name) or "1." in read_document(FIXTURE_PLANS / name)


def test_what_a_pdf_page_is_cropped_to_is_all_that_is_read():
    """Cropped in Acrobat (a CropBox only), the page still draws the notes column, the header and the footer's right
    part: none of it is shown, none of it is read."""
    text = read_document(FIXTURE_PLANS / "p180_wuzhong_district_2025_cropbox.pdf")
    for hidden in ("调整说明", "原稿为3150个", "审计科", "内部资料", "打印时间", "校外教育培训监管科"):
        assert hidden not in text
    assert "2520个" in text


def test_two_offices_ended_by_hand_in_one_ruled_pdf_cell_are_two_names():
    """基础教育科 / 区人民政府教育督导室 on two lines of one cell (Alt+Enter in the workbook printed): the first line ends
    well short of the cell's edge, so the two are parted; a name wrapped at the edge runs on."""
    plan = parse_file(FIXTURE_PLANS / "p180_wuzhong_district_2025_cropbox.pdf")
    task = next(t for t in plan.tasks if t.task_no == 5)
    assert task.lead_offices == ["基础教育科", "区人民政府教育督导室"]


FIXTURE_PLANS = Path(__file__).parent / "fixtures" / "plans"


def test_a_workbook_cell_reads_as_its_number_format_shows_it():
    """Values put through their number formats, as Excel shows them: a section's 1 under [DBNum1]General"、" is 一、,
    25000 under 0!.0,"万人次" is 2.5万人次, 0.955 under 0% is 96%, a date under yyyy"年"m"月底前" is its month's
    deadline, and a cell formatted ;;; shows nothing."""
    from assistant.documents.numformat import shown_date, shown_number, shown_text
    import datetime

    assert shown_number(1, '[DBNum1][$-804]General"、"') == "一、"
    assert shown_number(12, "[DBNum1]General") == "十二"
    assert shown_number(25000, '0!.0,"万人次"') == "2.5万人次"
    assert shown_number(4320, '#,##0"个"') == "4,320个"
    assert shown_number(0.955, "0%") == "96%"
    assert shown_number(7, ";;;") == "" and shown_text("市教育科学研究院", ";;;") == ""
    assert shown_number(7, "General") is None  # the caller's plain reading
    assert shown_date(datetime.date(2023, 11, 15), 'yyyy"年"m"月底前"') == "2023年11月底前"
    assert shown_date(datetime.date(2023, 9, 1), "yyyy/m/d h:mm") is None  # a time: not a deadline's format
    text = read_document(FIXTURE_PLANS / "p183_lianyungang_city_2023_numformats.xlsx")
    assert "一、\t坚持党建引领" in text and "2.5万人次" in text and "96%" in text and "2023年11月底前" in text
    assert "市教育科学研究院" not in text.split("深化职业教育产教融合")[1].split("\n")[0]


def test_word_controls_mapped_to_a_data_part_show_the_data_not_last_years_text():
    """A platform fills a template by writing its data part only: Word shows the data (2025), not the text the
    template still stores (2024); an empty node shows nothing of the plan's."""
    text = read_document(FIXTURE_PLANS / "p182_huangpu_district_2025_databinding.docx")
    assert "黄埔区教育局2025年工作要点" in text and "2024年工作要点" not in text
    assert "2025年11月30日" in text and "审计科" not in text and "校外教育培训监管科" not in text


def test_a_sheet_printed_with_its_row_and_column_headings_reads_without_them():
    """Excel's 行和列标题 prints A B C … over the columns and the sheet's row numbers beside every row: neither is the
    plan's (sheet row 5 holds task 2), so the table reads from its 序号 column."""
    text = read_document(FIXTURE_PLANS / "p185_chuzhou_city_2023_rowheadings.pdf")
    lines = text.splitlines()
    assert not any(line.split("\t")[:3] == ["A", "B", "C"] for line in lines)
    assert any(line.startswith("2\t推进清廉学校建设") for line in lines)
    assert any(line.startswith("序号\t重点任务") for line in lines)


def test_enclosed_numbers_typed_from_the_symbol_panel_number_tasks_and_subsections():
    """⒈ numbers a task and ㈠ a subsection, as 1. and （一） would; ⑴ stays a point inside a body or the preamble."""
    document = parse_file(FIXTURE_PLANS / "p186_guoyang_county_2025_enclosednum.txt")
    assert [t.task_no for t in document.tasks] == list(range(1, 16))
    assert (document.tasks[4].section, document.tasks[4].subsection) == ("二", "（一）")
    assert all("⑴" not in t.title for t in document.tasks)


def test_a_tick_box_form_reads_the_boxes_ticked():
    """☑牵头 ☐配合 after each office: the office leads or cooperates by the box ticked (a Wingdings symbol, an R set in
    Wingdings 2, a typed √), takes no part with both boxes empty; a deadline is the option ticked."""
    assert drawn("Wingdings 2", 0xF052) == "☑" and drawn("Wingdings 2", 0xF0A3) == "☐" and drawn("宋体", 0x52) is None
    assert in_font("Wingdings 2", "R") == "☑" and in_font("仿宋_GB2312", "R") == "R"
    assert chosen(["基础教育股　☑牵头　☐配合", "计划财务股　☐牵头　☐配合", "各镇区中心校　☐牵头　√配合"]) == [
        "牵头：基础教育股；配合：各镇区中心校"]
    assert chosen(["☐6月底前　☐9月底前", "☐12月底前　☑全年"]) == ["全年"]
    document = parse_file(FIXTURE_PLANS / "p187_sheyang_county_2024_checkboxes.docx")
    task = next(t for t in document.tasks if t.title == "扩大优质普惠学前教育资源")
    assert task.lead_offices == ["基础教育股"] and task.cooperating_offices == ["计划财务股", "各镇区中心校"]
    assert "9月底前" in task.fields.values() and "☐" not in " ".join(task.fields.values())


def test_a_pdf_bold_drawn_twice_a_hair_apart_reads_once():
    """An exporter emboldens a font with no bold face by showing each glyph twice 0.3 pt apart: 11..深深入入 is 1.深入."""
    text = read_document(FIXTURE_PLANS / "p188_ezhou_city_2025_fakebold.pdf").replace("\n", "")
    assert "1.深入学习贯彻党的二十届三中全会精神" in text and "牵头科室：机关党委" in text
    assert "11.." not in text and "牵牵" not in text and "一一、、" not in text


def test_ditto_marks_in_a_task_table_read_as_the_cell_above():
    """同上 and 〃 stand for the same column of the row above, through a chain of them; no office is called 同上."""
    document = parse_file(FIXTURE_PLANS / "p189_hongshan_district_2023_ditto.xlsx")
    assert not any("同上" in o or "〃" in o for t in document.tasks for o in t.lead_offices + t.cooperating_offices)
    assert [t.lead_offices for t in document.tasks[9:11]] == [["体育卫生艺术科"], ["体育卫生艺术科"]]


def test_a_drop_cap_is_the_first_character_of_its_paragraph():
    """首字下沉 keeps 推 in a framed paragraph of its own; the page prints 推进义务教育…, one title."""
    document = parse_file(FIXTURE_PLANS / "p190_yongchun_county_2025_dropcaps.docx")
    assert "推进义务教育优质均衡发展" in [t.title for t in document.tasks]
    assert all(len(t.title) > 3 for t in document.tasks)


def test_a_workbooks_escaped_line_break_is_a_line_break():
    """A macro's vbCrLf is stored as _x000D_ before each line feed: Excel shows a line break, never the escape."""
    text = read_document(FIXTURE_PLANS / "p192_qingxiu_district_2024_crlfcells.xlsx")
    assert "_x000D_" not in text
    document = parse_file(FIXTURE_PLANS / "p192_qingxiu_district_2024_crlfcells.xlsx")
    assert document.title == "青秀区教育局2024年工作要点重点任务分解表"


def test_a_pdf_bold_drawn_as_a_whole_line_twice_reads_once(tmp_path):
    """Another exporter fakes bold by drawing each bold line twice, 0.3 pt apart, in two text objects: the page reads
    each line once, and the plain line under them stays."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "twice.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 11)
    lines = [("达州市教育局2024年工作要点", True), ("一、党的建设", True), ("1.深入学习贯彻党的二十大精神。", True),
             ("全年集中学习12次。", False), ("牵头科室：党建办", False)]
    for i, (line, bold) in enumerate(lines):
        for dx in ((0, 0.3) if bold else (0,)):
            pdf.drawString(40 + dx, 800 - 18 * i, line)
    pdf.save()
    assert read_document(path).split("\n") == [line for line, _ in lines]


def test_pinyin_over_a_rare_character_is_no_part_of_the_text():
    """拼音指南 sets xū yí over 盱眙 as a ruby: the page reads 盱眙县…, never 县… alone nor xū yí盱眙县…."""
    text = read_document(FIXTURE_PLANS / "p193_xuyi_county_2024_ruby.docx")
    assert "盱眙县教育体育局2024年工作要点" in text and "xū" not in text
    document = parse_file(FIXTURE_PLANS / "p193_xuyi_county_2024_ruby.docx")
    assert document.place == "盱眙县"
    assert "赓续红色血脉，深化党的创新理论武装" in [t.title for t in document.tasks]


def test_a_pdf_cell_merged_down_a_vertical_column_is_the_section_of_the_rows_beside_it():
    """A 类别 cell merged over three tasks and set 竖排 (一︑党的建设 one character under another) is one cell: each
    task beside it, and those a page break carries on, stand in that section."""
    text = read_document(FIXTURE_PLANS / "p194_xiuzhou_district_2023_verticalcells.pdf")
    assert "一、党的建设\t1\t" in text and "︑" not in text
    document = parse_file(FIXTURE_PLANS / "p194_xiuzhou_district_2023_verticalcells.pdf")
    assert [t.section for t in document.tasks] == ["一"] * 3 + ["二"] * 5 + ["三"] * 3 + ["四"] * 4


def test_a_traditional_deadline_label_and_none_read_as_in_simplified():
    """A Big5 plan's 完成時限 is the task's deadline and 配合股室：無 names no office."""
    document = parse_file(FIXTURE_PLANS / "p195_taishan_city_2025_big5.txt")
    task = next(t for t in document.tasks if t.number == "10")
    assert task.fields.get("完成时限") and task.cooperating_offices == []


def test_a_fill_in_blank_reads_as_a_line_to_fill_and_a_figure_written_on_it_reads_plain():
    """A draft's 新增公办学位＿＿＿个 (underlined spaces) is a figure still to be filled: it reads ____, so no figure is
    read into the sentence; a figure written on the line (宣讲＿60＿场) reads 宣讲60场; a deadline left blank is none."""
    text = read_document(FIXTURE_PLANS / "p196_jinyun_county_2024_fillblanks.docx")
    assert "新增公办学位____个" in text and "宣讲60场" in text and "提高到______%" in text
    document = parse_file(FIXTURE_PLANS / "p196_jinyun_county_2024_fillblanks.docx")
    task = next(t for t in document.tasks if t.number == "9")
    assert not any(f in task.fields for f in ("完成时限", "时限"))


def test_words_painted_over_with_black_bars_are_not_read_as_printed():
    """A redaction that only paints over (a black highlight in Word, a black rectangle comment on the PDF) leaves the
    words in the text layer; the page shows bars, and so does the text read: no budget figure, no school name."""
    text = read_document(FIXTURE_PLANS / "p197_beilun_district_2023_blackout.pdf")
    for hidden in ("8600", "塘头小学", "2350万元", "陈晓燕"):
        assert hidden not in text
    assert "专项资金■■■■■" in text and "建设智慧教室180间" in text


def test_office_codes_read_by_the_workbooks_own_code_list():
    """Office cells hold unit codes from a dropdown (03, 02、01; a code Excel kept as the number 3); the names are on
    a 单位代码 sheet, which is no part of the plan."""
    document = parse_file(FIXTURE_PLANS / "p198_tongling_city_2025_codelist.xlsx")
    assert len(document.tasks) == 15
    first = document.tasks[0]
    assert first.lead_offices == ["机关党委"] and first.cooperating_offices == ["组织人事科", "办公室"]
    assert next(t for t in document.tasks if t.number == "4").lead_offices == ["基础教育科"]


@pytest.mark.parametrize("list_title, expanded", [("科室简称对照表", True), ("联系人", False)])
def test_short_office_names_are_read_by_a_sheet_that_says_it_lists_them(tmp_path, list_title, expanded):
    """A 分解表 whose office cells hold 基教科, 计财科 reads them by its sheet of short names (序号 | 简称 | 全称), and
    that sheet is no part of the plan; a two-column sheet that says nothing of short names is left as it is."""
    import openpyxl

    workbook = openpyxl.Workbook()
    table = workbook.active
    table.title = "分解表"
    table.append(["序号", "重点任务", "牵头科室", "配合科室"])
    table.append(["1", "扩大普惠性学前教育资源", "学前科", "计财科、\n各镇街"])
    names = workbook.create_sheet(list_title)
    names.append(["序号", "简称", "全称"] if expanded else ["序号", "科室", "联系科室"])
    for number, (short, full) in enumerate([("学前科", "学前教育科"), ("计财科", "计划财务科"), ("基教科", "基础教育科"),
                                            ("各镇街", "各镇（街道）中心学校")], 1):
        names.append([str(number), short, full])
    path = tmp_path / "plan.xlsx"
    workbook.save(path)
    task = read_document(path).split("\n")[1].split("\t")
    assert task[2:] == (["学前教育科", "计划财务科、 各镇（街道）中心学校"] if expanded else ["学前科", "计财科、 各镇街"])
    assert ("基础教育科" in read_document(path)) != expanded  # the list's rows are read only when it lists no short names
