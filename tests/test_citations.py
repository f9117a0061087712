"""Citations users can follow: every 出处 in the web answer links to the plan's 文件 view at the cited lines with the
quote marked, and where the quote differs from the file's bytes the view shows the raw lines and says why."""
import re
from html import unescape
from urllib.parse import parse_qsl, urlparse

import pytest

from assistant.answers.answer import to_markdown
from assistant.documents.normalize import source_lines
from assistant.documents.readers import read_document
from assistant.web.links import Target, citation_link, read_target
from assistant.web.source_view import cleaning_notes, source_view_html
from assistant.web.ui import ALL, AssistantUI
from assistant.web.views import esc, sources_html

from conftest import CORPUS, DAZHOU, WENZHOU

_LINK = re.compile(r"\]\((\?[^)]*)\)")


@pytest.fixture(scope="module")
def ui(ready, index_dir):
    return AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)


def _params(link: str) -> dict:
    return dict(parse_qsl(urlparse(link).query))


def test_every_source_in_a_web_answer_links_to_its_lines_with_the_quote(engine):
    answer = engine.ask("温州新建多少所公办幼儿园？")
    best = answer.hits[0]
    markdown = to_markdown(answer, engine.index.documents, esc, citation_link)
    links = [_params(unescape(link)) for link in _LINK.findall(markdown)]
    assert len(links) == len(answer.hits)  # the cited task and every runner-up
    assert links[0] == {"doc": WENZHOU, "lines": f"{best.record.line_start}-{best.record.line_end}",
                        "hl": best.evidence[0]}
    assert "新(擴)建公辦幼兒園50所" in links[0]["hl"]
    # the command line's Markdown stays plain text
    assert "](" not in to_markdown(answer, engine.index.documents)


def test_a_link_is_relative_to_the_page_and_never_names_another_host(engine):
    answer = engine.ask("达州中小学实验教学、装备质量抽检是谁牵头？")
    link = citation_link(answer.hits[0].record, answer.hits[0].evidence)
    assert link.startswith("?") and "//" not in link
    html = sources_html(answer, engine.index.documents)
    assert 'class="open-source"' in html and 'href="?doc=000_76472159ee41bb53.txt&amp;lines=272-282' in html


def test_a_link_read_back_names_the_plan_lines_and_quote_and_tolerates_junk():
    assert read_target({"doc": DAZHOU, "lines": "282-272", "hl": "x"}) == Target(DAZHOU, 272, 282, "x")
    assert read_target({"doc": DAZHOU, "lines": "abc"}) == Target(DAZHOU, 0, 0, "")
    assert read_target({"lines": "3-4"}) is None and read_target(None) is None


def test_the_view_marks_the_cited_lines_and_the_quote(ui):
    quote = "加强中小学实验教学"
    view = ui.source_view(DAZHOU, 272, 282, "牵头科室(单位): 市电教技装中心")
    cited = view[view.index('id="cited"'):view.index('id="L283"')]
    assert 'id="L272"' in cited and 'id="L282"' in cited and 'id="L271"' not in cited
    assert "<mark>牵头科室(单位): 市电教技装中心</mark>" in cited
    assert quote not in cited or "<mark>" in cited
    assert 'class="cleaned"' not in view  # a plain UTF-8 plan: nothing was cleaned, nothing to explain


def test_the_view_of_a_converted_plan_shows_the_raw_lines_and_says_what_was_cleaned(ui, engine):
    answer = engine.ask("温州新建多少所公办幼儿园？")
    record, quote = answer.hits[0].record, answer.hits[0].evidence[0]
    _, view = ui.open_link(_params(citation_link(record, [quote])))
    assert f"<mark>{esc(quote)}</mark>" in view
    cleaned = view[view.index('class="cleaned"'):]
    assert "拼音注音" in cleaned and "(jìn)" in cleaned and "繁体" in cleaned
    assert "1.推進(jìn)“公益普惠、溫馨善育”行動(dòng)" in unescape(cleaned)  # the file's own bytes, as printed
    assert quote not in read_document(CORPUS / WENZHOU)  # why the note is needed


def test_a_quote_that_runs_over_a_line_break_is_marked_on_both_lines():
    lines = source_lines("一、标题\n牵头科室：计财科、\n基教科\n")
    view = source_view_html("测试", lines, Target("t.txt", 2, 3, "计财科、基教科"))
    assert "<mark>计财科、</mark>" in view and "<mark>基教科</mark>" in view


def test_a_quote_not_in_the_lines_is_said_not_silently_dropped():
    view = source_view_html("测试", source_lines("甲\n乙\n"), Target("t.txt", 1, 2, "丙"))
    assert "未能在这几行中定位" in view


def test_cleaning_notes_name_traditional_script_and_converter_marks():
    assert cleaning_notes(source_lines("一、推進(jìn)工作\n")) and not cleaning_notes(source_lines("一、推进工作\n"))
    assert any("书签" in n for n in cleaning_notes(source_lines("推进[bookmark: _Toc1]工作\n")))


def test_the_view_refuses_unknown_files_and_bad_lines_in_chinese(ui):
    assert "没有“nope.txt”" in ui.source_view("nope.txt", 1, 2)
    assert "行号需为数字" in ui.source_view(DAZHOU, "abc", 3)
    assert ui.open_link({}) == (None, "")
    # markup in a link's quote is shown as text
    _, view = ui.open_link({"doc": DAZHOU, "lines": "1-2", "hl": "<script>alert(1)</script>"})
    assert "<script>" not in view


def test_the_chat_answer_carries_the_links(ui):
    history, *_ = ui.chat("达州中小学实验教学、装备质量抽检是谁牵头？", [], ALL, ALL, ALL, None)
    assert "](?doc=000_76472159ee41bb53.txt&lines=272-282" in history[-1]["content"]
