"""Conversations kept in the browser and exported to Word: the store's rules, and a .docx that holds every quote
and citation verbatim (read back with python-docx)."""
import docx
import pytest

from assistant.web import conversations
from assistant.web.ui import ALL, AssistantUI

from conftest import CORPUS


@pytest.fixture(scope="module")
def ui(ready, index_dir):
    return AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)


def _turn(ui, question, history=None, context=None, answers=None):
    history, _, _, _, context, answers = ui.chat_and_remember(question, history or [], ALL, ALL, ALL, context,
                                                              answers or {})
    return history, context, answers


def _text(path) -> str:
    document = docx.Document(path)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_conversation_is_kept_reopened_and_forgotten():
    store = conversations.empty()
    history = [{"role": "user", "content": "达州&lt;学前&gt;教育谁牵头？"}, {"role": "assistant", "content": "…"}]
    store = conversations.remember(store, history, {"city": "达州"}, {"1": {"question": "q"}})
    first = conversations.current_id(store)
    assert conversations.choices(store)[0][0].endswith("达州<学前>教育谁牵头？")
    store = conversations.remember(store, history * 2, {"city": "达州"}, {})  # the same conversation grows
    assert len(store["items"]) == 1 and len(store["items"][0]["history"]) == 4
    store = conversations.start_new(store)
    assert conversations.current_id(store) is None
    store = conversations.remember(store, history[:1], None, {})
    assert [c["id"] for c in store["items"]][1] == first  # newest first
    store, chat, context, answers = conversations.reopen(store, first)
    assert conversations.current_id(store) == first and len(chat) == 4 and context == {"city": "达州"}
    assert conversations.shown(store, first) == ("", "")  # kept without a side panel
    store = conversations.remember(store, chat, context, answers, {"sources": "<div>源</div>", "citation": "《x》"})
    assert conversations.shown(store, first) == ("<div>源</div>", "《x》")
    store = conversations.forget(store, first)
    assert conversations.current_id(store) is None and len(store["items"]) == 1


def test_an_empty_chat_is_not_kept_and_the_oldest_go_past_the_limit():
    store = conversations.remember(conversations.empty(), [], None, {})
    assert store["items"] == []
    for n in range(conversations.MAX_CONVERSATIONS + 5):
        store = conversations.remember(conversations.start_new(store), [{"role": "user", "content": f"问{n}"}], None, {})
    assert len(store["items"]) == conversations.MAX_CONVERSATIONS
    assert store["items"][-1]["title"] == "问5"


@pytest.mark.parametrize("junk", [None, "x", 3, {"items": "x"}, {"items": [1, {"id": 2}, {"id": "a"}]}])
def test_whatever_the_browser_sends_back_is_read_without_failing(junk):
    assert conversations.choices(junk) == []
    store, chat, context, answers = conversations.reopen(junk, "a")
    assert chat == [] and context is None and answers == {} and conversations.shown(junk, "a") == ("", "")
    assert conversations.remember(junk, [{"role": "user", "content": "问"}], None, None)["items"][0]["title"] == "问"


def test_message_text_reads_gradio_parts_and_undoes_the_page_escaping():
    assert conversations.message_text({"content": [{"type": "text", "text": "&lt;a&gt;"}]}) == "<a>"
    assert conversations.message_text({"content": "x &amp; y"}) == "x & y"
    assert conversations.message_text(None) == ""


def test_the_browser_key_is_kept_so_conversations_survive_a_restart(tmp_path):
    key = conversations.browser_secret(tmp_path / "state")
    assert key == conversations.browser_secret(tmp_path / "state") and len(key) >= 24
    assert (tmp_path / "state" / conversations.SECRET_NAME).stat().st_mode & 0o777 == 0o600


def test_a_conversation_exports_to_word_with_every_quote_and_citation(ui, engine):
    history, context, answers = _turn(ui, "温州新建多少所公办幼儿园？")
    history, context, answers = _turn(ui, "达州中小学实验教学、装备质量抽检是谁牵头？", history, context, answers)
    text = _text(ui.export_docx(history, answers))
    for question in ("温州新建多少所公办幼儿园？", "达州中小学实验教学、装备质量抽检是谁牵头？"):
        answer = engine.ask(question)
        assert question in text
        for quote in answer.hits[0].evidence:
            assert f"「{quote}」" in text  # verbatim, Traditional script and all
    assert "《xx市（温州）2022年工作要点》三、第1项" in text
    assert "000_76472159ee41bb53.txt 第272–282行" in text and "](" not in text  # citations, no Markdown links


def test_one_answer_exports_alone(ui):
    history, context, answers = _turn(ui, "温州新建多少所公办幼儿园？")
    history, context, answers = _turn(ui, "达州中小学实验教学、装备质量抽检是谁牵头？", history, context, answers)
    choices = ui.export_choices(history)
    assert [label for label, _ in choices] == ["整段对话", "第1问：温州新建多少所公办幼儿园？",
                                               "第2问：达州中小学实验教学、装备质量抽检是谁牵头？"]
    path = ui.export_docx(history, answers, choices[2][1])
    assert path.endswith("问答记录_第2问.docx")
    text = _text(path)
    assert "达州中小学实验教学" in text and "温州新建" not in text


def test_a_comparison_exports_its_table_as_a_word_table(ui):
    history, _, answers = _turn(ui, "比较一下达州和遂宁的学前教育")
    document = docx.Document(ui.export_docx(history, answers))
    assert document.tables and [c.text for c in document.tables[0].rows[0].cells] == ["文件", "任务", "牵头", "责任",
                                                                                       "原文"]


def test_nothing_to_export_gives_no_file(ui):
    assert ui.export_docx([], {}) is None
    assert ui.export_choices([]) == [("整段对话", ALL)]
