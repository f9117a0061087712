"""Each tab's functions, against the real index: what the page shows, and that bad input loses nothing."""
import csv
import shutil
import time

import docx
import pytest

from assistant.service import open_engine
from assistant.retrieval.store import POINTER
from assistant.web.ui import ALL, AssistantUI

from conftest import CORPUS, DAZHOU, SUINING


@pytest.fixture(scope="module")
def ui(ready, index_dir):
    return AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)


@pytest.fixture
def writable_ui(tmp_path, index_dir, ready):
    """A UI over copies of the corpus and the index, for tests that add documents."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    shutil.copytree(index_dir, tmp_path / "index")
    copy = open_engine(tmp_path / "corpus", tmp_path / "index", embedder=ready.engine.embedder, progress=False)
    assert copy.report is None  # the copied index fits the copied corpus
    return AssistantUI(copy, tmp_path / "corpus", tmp_path / "index", ready.engine.embedder)


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def chat(ui, question, context=None, city=ALL, year=ALL, office=ALL, history=None):
    return ui.chat(question, history or [], city, year, office, context)


def test_lead_question_shows_offices_quote_sources_and_citation(ui):
    history, cleared, sources, citation, context = chat(ui, "达州中小学实验教学装备质量抽检是谁牵头？")
    assert cleared == "" and [m["role"] for m in history] == ["user", "assistant"]
    reply = history[1]["content"]
    assert "**牵头科室：市电教技装中心**" in reply
    assert "「牵头科室(单位): 市电教技装中心」" in reply
    assert "<mark>" in sources and "加强和改进教育技术装备工作" in sources
    assert citation == "《达州市2020年工作要点》（达市教〔2020〕1号）三、第20项「加强和改进教育技术装备工作」，" \
                       "000_76472159ee41bb53.txt 第272–282行"
    assert (context["city"], context["year"]) == ("达州", None) and context["topic"]


def test_follow_up_keeps_the_city_and_year_of_the_conversation(ui):
    history, _, _, _, context = chat(ui, "达州2020年职业教育有哪些重点？")
    assert (context["city"], context["year"]) == ("达州", 2020)
    history, _, _, citation, context = chat(ui, "那学前教育呢？", context=context, history=history)
    assert len(history) == 4
    assert history[-1]["content"].startswith("（沿用上文：达州，2020年）")
    assert "推进扩大普惠学前教育资源攻坚" in history[-1]["content"] and citation.startswith("《达州市2020年工作要点》")
    _, _, _, _, switched = chat(ui, "遂宁的学前教育呢？", context=context)
    assert (switched["city"], switched["year"]) == ("遂宁", None)


def test_filters_from_the_page_narrow_the_question(ui):
    history, _, sources, _, _ = chat(ui, "特殊教育有哪些安排？", city="遂宁")
    assert "遂宁市2019年工作要点" in history[-1]["content"]
    assert "达州" not in sources


def test_refusal_says_why_and_lists_possibly_related_tasks(ui):
    history, _, sources, citation, context = chat(ui, "长春2020年给教师发多少取暖补贴？", context={"city": "达州", "year": 2020})
    reply = history[-1]["content"]
    assert "文件中没有找到答案" in reply and "可能相关" in reply
    assert citation == "" and "可能相关（未能确认答案）" in sources
    # a refused question asked afresh is where the conversation now is: 那达州呢 asks it of 达州
    assert context["city"] == "长春" and "取暖补贴" in context["topic"]


def test_office_list_question_lists_all_tasks_with_citations(ui):
    history, _, sources, citation, _ = chat(ui, "遂宁人事科牵头了哪几项工作？")
    assert "人事科牵头的任务共 3 项" in history[-1]["content"]
    assert len(citation.splitlines()) == 3 and sources.count('class="source"') == 3


def test_script_in_a_question_is_shown_as_text(ui):
    history, _, sources, _, _ = chat(ui, "<script>alert(1)</script>达州<img src=x onerror=alert(2)>谁牵头？")
    assert history[0]["content"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    for text in (history[0]["content"], history[1]["content"], sources):
        assert "<script" not in text and "<img" not in text


def test_empty_and_overlong_questions_get_a_message(ui):
    history, _, sources, _, _ = chat(ui, "   ")
    assert history == [] and "请输入问题" in sources
    history, *_ = chat(ui, "学前教育" * 100)
    assert "问题太长" in history[-1]["content"]


def test_examples_come_from_the_corpus_and_are_answered(ui):
    examples = ui.examples()
    assert len(examples) == 6
    for question in examples:
        history, *_ = chat(ui, question)
        assert "文件中没有找到答案" not in history[-1]["content"], question


def test_office_directory_table_and_csv_fold_written_forms(ui, corpus):
    rows, path, summary = ui.office_table("基础教育科", "遂宁")
    led = [r for r in corpus.records if r.doc == SUINING and {"基础教育科", "基教科", "基础教科"} & set(r.lead_offices)]
    assert sum(row[2] == "牵头" for row in rows) == len(led) == 8
    assert {row[0] for row in rows} == {"遂宁"}
    assert "已合并写法" in summary and "基教科" in summary
    with open(path, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["城市", "科室", "角色", "任务", "牵头科室", "责任科室", "出处"] and table[1:] == rows
    same_rows, _, _ = ui.office_table("基教科", "遂宁")  # a written form finds the same office
    assert same_rows == rows
    assert "基础教育科" in ui.offices("遂宁") and "社体科" not in ui.offices("达州")


def test_office_directory_for_a_city_without_offices_says_so(ui):
    rows, path, summary = ui.office_table(ALL, "长春")
    assert rows == [] and path is None and "没有列出科室" in summary


def test_documents_tab_lists_the_catalog_outline_and_the_plan_with_line_numbers(ui):
    rows = {row[0]: row for row in ui.documents_rows()}
    assert rows[DAZHOU][1:3] == ["达州", 2020] and rows[DAZHOU][5] == "达市教〔2020〕1号" and rows[DAZHOU][7] == 38
    assert sum(row[7] for row in rows.values()) == 175
    assert all(len(row[9]) == 13 and row[9].endswith("…") for row in rows.values())  # the file's SHA-256, begun
    assert f"SHA-256：{rows[DAZHOU][9][:12]}" in ui.document_outline(DAZHOU)  # and whole in its outline
    assert rows[DAZHOU][8] == ""  # placed by hand, not added through the app
    assert "11. 深入推进教育督导体制机制改革" in ui.document_outline(DAZHOU)
    assert "市电教中心 → 市电教技装中心" in ui.document_outline(DAZHOU)
    view = ui.source_view(DAZHOU, 272, 282)
    assert '<div class="line" id="L280"><span class="no">280</span><span class="text">牵头科室(单位): 市电教技装中心' in view


def _plan_docx(path, city="测试", extra=""):
    document = docx.Document()
    for line in [f"{city}市教育局2023年工作要点", "一、加强数字校园建设", "1.推进智慧黑板进课堂",
                 f"目标任务：新建智慧教室 45 间。{extra}", "牵头科室：电教馆", "责任科室：计财科、基教科",
                 "2.建设校园网络安全体系", "目标任务：全部学校完成等保测评。", "牵头科室：信息中心"]:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_upload_preview_then_confirm_makes_the_document_searchable_at_once(writable_ui, tmp_path):
    ui = writable_ui
    upload = _plan_docx(tmp_path / "测试市2023工作要点.docx")
    message, outline_text, pending = ui.preview(str(upload), "测试", "测试市", "2023", "", "测试市教育局", "测教〔2023〕1号", "")
    assert "找到 2 项任务" in message and "1. 推进智慧黑板进课堂" in outline_text and pending is not None
    assert not (ui.corpus_dir / pending.name).exists()  # nothing written before confirming
    message, cleared = ui.confirm(pending)
    assert message.startswith("【完成】") and cleared is None
    added = [row for row in ui.documents_rows() if row[0] == pending.name]
    assert added and added[0][8].startswith(time.strftime("%Y-%m-%d")) and len(added[0][9]) == 13
    assert (ui.corpus_dir / "测试市2023工作要点.docx").exists()
    assert ui.ready.report.embedded_documents == ["测试市2023工作要点.docx"]  # only the new document embedded
    history, _, _, citation, _ = ui.chat("测试市智慧黑板进课堂谁牵头？", [], ALL, ALL, ALL, None)
    assert "**牵头科室：电教馆**" in history[-1]["content"]
    assert "测试市2023工作要点.docx" in citation
    assert "测试" in ui.cities() and "2023" in ui.years()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "文件是空的"),
        ("tool.exe", b"MZ\x90\x00", "不支持的文件类型"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(300), "二进制"),
        ("notes.txt", "普通说明，没有编号任务。".encode(), "没有找到编号的任务"),
        ("huge.txt", b"1." + b"x" * (21 * 1024 * 1024), "超过 20 MB 上限"),  # the page lets it through; we refuse it
    ],
)
def test_bad_upload_is_refused_and_corpus_and_index_stay_as_they_were(writable_ui, tmp_path, name, data, reason):
    ui = writable_ui
    before_corpus, before_index = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)
    path = tmp_path / name
    path.write_bytes(data)
    message, outline_text, pending = ui.preview(str(path), "", "", "", "", "", "", "")
    assert message.startswith("【错误】不能添加") and reason in message and pending is None
    assert ui.confirm(pending)[0] == "请先上传文件并预览。"
    assert _snapshot(ui.corpus_dir) == before_corpus and _snapshot(ui.index_dir) == before_index


def test_duplicate_upload_and_bad_year_are_refused(writable_ui, tmp_path):
    ui = writable_ui
    copy = tmp_path / "again.txt"
    copy.write_bytes((CORPUS / DAZHOU).read_bytes())
    message, _, pending = ui.preview(str(copy), "", "", "", "", "", "", "")
    assert "已有内容相同的文件" in message and pending is None
    upload = _plan_docx(tmp_path / "plan.docx")
    message, _, pending = ui.preview(str(upload), "测试", "", "二〇二三", "", "", "", "")
    assert "年份" in message and pending is None


def test_html_inside_an_uploaded_file_is_escaped_everywhere(writable_ui, tmp_path):
    ui = writable_ui
    upload = _plan_docx(tmp_path / "xss.docx", extra="<script>alert(1)</script>")
    _, _, pending = ui.preview(str(upload), "测试", "", "2023", "", "", "", "")
    ui.confirm(pending)
    history, _, sources, _, _ = ui.chat("测试市智慧教室新建多少间？", [], ALL, ALL, ALL, None)
    assert "&lt;script&gt;" in sources
    assert "<script" not in sources and "<script" not in history[-1]["content"]


def test_index_failure_during_upload_rolls_the_corpus_back(writable_ui, tmp_path, monkeypatch):
    ui = writable_ui
    before = _snapshot(ui.corpus_dir)
    pointer = (ui.index_dir / POINTER).read_text()
    _, _, pending = ui.preview(str(_plan_docx(tmp_path / "plan.docx")), "测试", "", "2023", "", "", "", "")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("assistant.web.ui.open_engine", broken)
    message, _ = ui.confirm(pending)
    assert message.startswith("【错误】更新索引失败")
    assert _snapshot(ui.corpus_dir) == before
    assert (ui.index_dir / POINTER).read_text() == pointer


def test_the_page_is_built_with_analytics_and_sharing_off(ui):
    import gradio.analytics

    import app

    assert gradio.analytics.analytics_enabled() is False  # also turns off Gradio's version check
    page = app.build_page(ui)
    assert page.analytics_enabled is False
    args = app.parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 7860)


def test_malformed_auth_option_is_refused_before_anything_loads(capsys):
    import app

    assert app.main(["--auth", "only-a-user"]) == 2
    assert "用户名:密码" in capsys.readouterr().err
