"""Two app instances (or two workers) on one corpus and index: a document one of them adds is seen by the other at
its next request, without a restart, and a request is answered from one engine from start to end."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.service import open_engine
from assistant.web import ui as ui_module
from assistant.web.ui import AssistantUI
from conftest import CORPUS

PLAN = Path(__file__).resolve().parent / "fixtures" / "plans" / "p13_luzhou_city_2021_long.txt"


@pytest.fixture
def two_instances(tmp_path, ready, index_dir, monkeypatch):
    monkeypatch.setattr(ui_module, "RELOAD_CHECK_SECONDS", 0.0)
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    embedder = ready.engine.embedder
    first = AssistantUI(open_engine(corpus, index, embedder=embedder, progress=False), corpus, index, embedder)
    second = AssistantUI(open_engine(corpus, index, embedder=embedder, progress=False), corpus, index, embedder)
    return first, second


def test_a_document_added_by_one_instance_is_answered_by_the_other_without_a_restart(two_instances):
    first, second = two_instances
    assert "泸州" not in second.cities()
    message, _, pending = first.preview(str(PLAN), "", "", "", "", "", "", "")
    assert pending is not None, message
    message, _ = first.confirm(pending)
    assert message.startswith("【完成】"), message
    assert "泸州" in second.cities() and "6 份文件" in second.status()
    history, _, sources, citation, _ = second.chat("泸州党史学习教育谁牵头", [], "全部", "全部", "全部", None)
    assert "泸州" in history[-1]["content"] and "组干科" in history[-1]["content"]
    assert PLAN.name in citation


def test_an_unchanged_index_is_not_reloaded(two_instances):
    first, _ = two_instances
    engine = first.engine
    first.chat("达州学前教育谁牵头", [], "全部", "全部", "全部", None)
    assert first.engine is engine
