"""Removing and replacing a document: both go with the index update or not at all, a process killed before the
change is confirmed leaves it undone at the next start, and a name never reaches outside corpus/.

Real plans (two of the corpus, with their catalog entries), a real index built with the real embedder once for the
module and copied for each test; failures are real ones (a full disk while the index is written, a SIGKILL)."""
from __future__ import annotations

import base64
import errno
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import docx
import pytest

from assistant.documents.catalog import CATALOG_NAME, load_catalog, save_catalog
from assistant.retrieval.store import POINTER
from assistant.service import open_engine
from assistant.web import library
from assistant.web.library import (UploadError, preview_upload, recover_interrupted, remove_document,
                                   replace_document, settle_change, undo_change)
from assistant.web.ui import AssistantUI

from conftest import CHANGCHUN, CORPUS, ROOT, WENZHOU

NO_FIELDS = {"city": "", "city_aliases": "", "year": "", "title": "", "issuer": "", "doc_no": "", "date": ""}
# the new version of the Changchun plan says something the old one does not
ADDED = "建设长春星海未来学校12所。"
REMOVED_QUESTION = "温州清廉学校建设有什么要求？"
REPLACED_QUESTION = "长春星海未来学校建几所？"


# -- fixtures and helpers --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A corpus of two real plans (their catalog entries copied as written) and its index, built once."""
    root = tmp_path_factory.mktemp("small")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in (CHANGCHUN, WENZHOU):
        shutil.copy2(CORPUS / name, corpus / name)
    entries = json.loads((CORPUS / CATALOG_NAME).read_text(encoding="utf-8"))["documents"]
    catalog = {"documents": [e for e in entries if e["file"] in (CHANGCHUN, WENZHOU)]}
    (corpus / CATALOG_NAME).write_text(json.dumps(catalog, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    ready = open_engine(corpus, root / "index", progress=False)
    return corpus, root / "index", ready.engine.embedder


@pytest.fixture
def ui(small, tmp_path):
    """A UI over copies of the small corpus and its index."""
    corpus, index, embedder = small
    shutil.copytree(corpus, tmp_path / "corpus")
    shutil.copytree(index, tmp_path / "index")
    ready = open_engine(tmp_path / "corpus", tmp_path / "index", embedder=embedder, progress=False)
    assert ready.report is None  # the copied index fits the copied corpus
    return AssistantUI(ready, tmp_path / "corpus", tmp_path / "index", embedder)


@pytest.fixture
def corpus(small, tmp_path):
    """A copy of the small corpus alone, for changes that need no index."""
    shutil.copytree(small[0], tmp_path / "corpus")
    return tmp_path / "corpus"


def _snapshot(folder: Path) -> dict:
    """Every file under `folder` (hidden ones too: a journal, lock or temporary file left behind shows)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _new_version() -> str:
    text = (CORPUS / CHANGCHUN).read_text(encoding="utf-8")
    marker = "3.科学规划教育网点布局。"
    assert marker in text
    return text.replace(marker, marker + ADDED)


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cited(ui: AssistantUI, question: str) -> set[str]:
    return {hit.record.doc for hit in ui.engine.ask(question, k=5).hits}


def _full_disk_in(monkeypatch, folder: Path) -> None:
    """os.replace into `folder` fails as on a full disk: the index build cannot be published."""
    folder = str(folder.resolve())
    real = os.replace

    def replace(src, dst, **kwargs):
        if os.path.realpath(dst).startswith(folder + os.sep):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


# -- remove --------------------------------------------------------------------------------------------------------
def test_remove_deletes_file_and_entry_and_the_index_no_longer_answers_from_it(ui):
    assert WENZHOU in _cited(ui, REMOVED_QUESTION)
    question = ui.removal_question(WENZHOU)
    assert question == (f"确定删除《xx市教育局2022年工作要点》（温州 2022，{WENZHOU}，"
                        f"{sum(1 for r in ui.engine.records if r.doc == WENZHOU and r.kind == 'task')} 项任务）吗？"
                        "此操作会同时更新索引。")
    message = ui.remove(WENZHOU, user="张三")
    assert message.startswith(f"【完成】已删除《xx市教育局2022年工作要点》（{WENZHOU}）"), message
    assert not (ui.corpus_dir / WENZHOU).exists() and WENZHOU not in load_catalog(ui.corpus_dir)
    assert WENZHOU not in ui.documents and WENZHOU not in _cited(ui, REMOVED_QUESTION)
    assert ui.ready.report.embedded_documents == []  # the other plan's vectors are reused
    assert not [p.name for p in ui.corpus_dir.iterdir() if p.name.startswith(".")]  # journal and lock gone
    # a fresh start (another instance) sees the same
    again = open_engine(ui.corpus_dir, ui.index_dir, embedder=ui.embedder, progress=False)
    assert again.report is None and list(again.engine.index.documents) == [CHANGCHUN]


def test_removing_the_last_document_is_refused_and_changes_nothing(ui):
    assert ui.remove(WENZHOU).startswith("【完成】")
    corpus_before, index_before = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)
    message = ui.remove(CHANGCHUN)
    assert message.startswith("【错误】不能删除：这是文件库中唯一的文件") and message.endswith("文件库保持原样。")
    assert _snapshot(ui.corpus_dir) == corpus_before and _snapshot(ui.index_dir) == index_before


# -- replace -------------------------------------------------------------------------------------------------------
def test_replace_keeps_name_and_catalog_fields_and_the_index_answers_from_the_new_text(ui, tmp_path):
    assert not any(ADDED[:6] in hit.record.text for hit in ui.engine.ask(REPLACED_QUESTION).hits)
    old_entry = load_catalog(ui.corpus_dir)[CHANGCHUN]
    upload = tmp_path / "长春2020新版.txt"
    upload.write_text(_new_version(), encoding="utf-8")
    message, outline_text, pending = ui.replace_preview(CHANGCHUN, str(upload), "", "", "", "", "", "", "")
    assert message.startswith(f"预览：替换 {CHANGCHUN}，保存为 {CHANGCHUN}，") and pending is not None, message
    assert (ui.corpus_dir / CHANGCHUN).read_text(encoding="utf-8") != _new_version()  # nothing written yet
    message, cleared = ui.replace_confirm(pending, user="张三")
    assert message.startswith(f"【完成】已用 {CHANGCHUN} 替换《长春市教育局2020年工作要点》") and cleared is None, message
    assert (ui.corpus_dir / CHANGCHUN).read_text(encoding="utf-8") == _new_version()
    entry = load_catalog(ui.corpus_dir)[CHANGCHUN]
    assert (entry.title, entry.city, entry.city_aliases, entry.province, entry.doc_no, entry.date) == (
        old_entry.title, old_entry.city, old_entry.city_aliases, old_entry.province, old_entry.doc_no, old_entry.date)
    assert entry.added.startswith(time.strftime("%Y-%m-%d")) and entry.added_by == "张三"
    assert ui.ready.report.embedded_documents == [CHANGCHUN]  # only the new version is embedded
    hits = ui.engine.ask(REPLACED_QUESTION).hits
    assert hits and hits[0].record.doc == CHANGCHUN and ADDED[:8] in hits[0].record.text
    assert not [p.name for p in ui.corpus_dir.iterdir() if p.name.startswith(".")]


def test_a_replacement_with_another_suffix_takes_its_own_name_and_undo_restores_every_byte(corpus):
    before = _snapshot(corpus)
    preview = preview_upload(corpus, "长春2020新版.docx", _docx(_new_version()), NO_FIELDS, replacing=CHANGCHUN)
    assert preview.name == "长春2020新版.docx" and preview.entry.display_name == ""
    change = replace_document(corpus, CHANGCHUN, preview)
    catalog = load_catalog(corpus)
    assert not (corpus / CHANGCHUN).exists() and (corpus / "长春2020新版.docx").exists()
    assert CHANGCHUN not in catalog and catalog["长春2020新版.docx"].city == "长春"
    journal = json.loads(change.journal.read_text(encoding="utf-8"))
    assert journal["version"] == 2 and journal["action"] == "replace"
    assert base64.b64decode(journal["files"][CHANGCHUN]["data"]) == before[CHANGCHUN]
    assert journal["files"]["长春2020新版.docx"]["existed"] is False
    assert base64.b64decode(journal["catalog"]["data"]) == before[CATALOG_NAME]
    undo_change(corpus, change)
    assert _snapshot(corpus) == before


def test_a_replacement_must_differ_from_the_old_text_and_from_every_other_file(corpus):
    same = (CORPUS / CHANGCHUN).read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030")
    with pytest.raises(UploadError, match=f"新文件与“{CHANGCHUN}”的内容相同，无需替换"):
        preview_upload(corpus, "长春.txt", same, NO_FIELDS, replacing=CHANGCHUN)
    with pytest.raises(UploadError, match=f"文件库中已有内容相同的文件：{WENZHOU}"):
        preview_upload(corpus, "长春.txt", (CORPUS / WENZHOU).read_bytes(), NO_FIELDS, replacing=CHANGCHUN)
    preview = preview_upload(corpus, "长春.txt", _new_version().encode(), NO_FIELDS, replacing=CHANGCHUN)
    with pytest.raises(UploadError, match="不是用来替换"):
        replace_document(corpus, WENZHOU, preview)
    with pytest.raises(UploadError, match="确认替换"):
        library.commit_upload(corpus, preview)  # a replacement's preview never adds a second copy


# -- a failure while updating the index ----------------------------------------------------------------------------
@pytest.mark.parametrize("action", ["remove", "replace"])
def test_a_full_disk_while_updating_the_index_leaves_corpus_catalog_and_index_as_they_were(ui, tmp_path,
                                                                                         monkeypatch, action):
    corpus_before, index_before = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)
    pointer = (ui.index_dir / POINTER).read_bytes()
    if action == "replace":
        upload = tmp_path / "new.txt"
        upload.write_text(_new_version(), encoding="utf-8")
        pending = ui.replace_preview(CHANGCHUN, str(upload), "", "", "", "", "", "", "")[2]
        _full_disk_in(monkeypatch, ui.index_dir)
        message, _ = ui.replace_confirm(pending)
    else:
        _full_disk_in(monkeypatch, ui.index_dir)
        message = ui.remove(WENZHOU)
    monkeypatch.undo()
    verb = "删除" if action == "remove" else "替换"
    assert message == f"【错误】更新索引失败（磁盘空间不足），文件未{verb}，文件库保持原样。"
    assert _snapshot(ui.corpus_dir) == corpus_before  # file, catalog bytes; no journal, lock or temporary file
    assert _snapshot(ui.index_dir) == index_before and (ui.index_dir / POINTER).read_bytes() == pointer
    assert WENZHOU in _cited(ui, REMOVED_QUESTION)  # still answered from the loaded index
    assert open_engine(ui.corpus_dir, ui.index_dir, embedder=ui.embedder, progress=False).report is None


def test_any_error_of_the_index_update_is_undone_without_a_traceback(ui, monkeypatch):
    corpus_before, index_before = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)

    def broken(*args, **kwargs):
        raise RuntimeError("the embedder crashed")

    monkeypatch.setattr("assistant.web.ui.open_engine", broken)
    message = ui.remove(WENZHOU)
    assert message == "【错误】更新索引失败（原因已记入日志），文件未删除，文件库保持原样。"
    assert _snapshot(ui.corpus_dir) == corpus_before and _snapshot(ui.index_dir) == index_before


# -- a process killed before the change is confirmed ---------------------------------------------------------------
KILLED = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from assistant.web import library

    corpus, kind, where, ready = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    if where == "catalog":  # killed after the files are written, before the catalog is
        library.save_catalog = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    if kind == "remove":
        library.remove_document(corpus, sys.argv[5])
    else:
        data = Path(sys.argv[6]).read_bytes()
        preview = library.preview_upload(corpus, Path(sys.argv[6]).name, data, {}, replacing=sys.argv[5])
        library.replace_document(corpus, sys.argv[5], preview)
    ready.write_text("changed")  # the change is written; the index update would run now
    time.sleep(120)
""")


def _killed_while_changing(corpus: Path, tmp_path: Path, kind: str, where: str, upload: Path | None = None) -> int:
    """Run a remove or replace in another process and SIGKILL it: ourselves once it has written the change
    (where="settle"), or itself between its files and its catalog (where="catalog")."""
    ready = tmp_path / "ready"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-c", KILLED, str(corpus), kind, where, str(ready), CHANGCHUN,
                                str(upload or "")], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while where == "settle" and not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if where == "settle":
        assert ready.exists(), process.stderr.read() if process.poll() is not None else "no change in time"
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=120)
    return process.returncode


@pytest.mark.parametrize(("kind", "where", "suffix"), [
    ("remove", "settle", ""),
    ("replace", "settle", ".txt"),  # same name: the old bytes come back
    ("replace", "catalog", ".docx"),  # new file written, old one still there, catalog not yet written
])
def test_a_change_killed_before_it_is_settled_is_undone_at_the_next_start(corpus, tmp_path, kind, where, suffix):
    before = _snapshot(corpus)
    upload = None
    if kind == "replace":
        upload = tmp_path / f"长春新版{suffix}"
        upload.write_bytes(_new_version().encode() if suffix == ".txt" else _docx(_new_version()))
    assert _killed_while_changing(corpus, tmp_path, kind, where, upload) == -signal.SIGKILL
    assert _snapshot(corpus) != before
    journal = corpus / f"{library.JOURNAL_PREFIXES[kind]}{CHANGCHUN}.json"
    assert journal.exists()
    assert recover_interrupted(corpus) == [CHANGCHUN]
    assert _snapshot(corpus) == before  # every byte, the catalog's too; no journal, lock or temporary file
    assert recover_interrupted(corpus) == []


def test_a_settled_change_stays(corpus):
    change = remove_document(corpus, WENZHOU)
    settle_change(corpus, change)
    assert recover_interrupted(corpus) == [] and not (corpus / WENZHOU).exists()


def test_an_interrupted_removal_does_not_undo_what_another_instance_confirmed_since(corpus):
    remove_document(corpus, WENZHOU)  # never settled: as if killed
    other = preview_upload(corpus, "plan.txt", _new_version().replace("长春", "吉林").encode(), NO_FIELDS)
    settle_change(corpus, library.add_document(corpus, other))
    assert recover_interrupted(corpus) == [WENZHOU]
    catalog = load_catalog(corpus)
    assert {WENZHOU, "plan.txt", CHANGCHUN} <= set(catalog)
    assert (corpus / WENZHOU).read_bytes() == (CORPUS / WENZHOU).read_bytes() and (corpus / "plan.txt").exists()


# -- journals of the first format ----------------------------------------------------------------------------------
def test_an_old_format_adding_journal_is_still_undone(corpus):
    before = _snapshot(corpus)
    previous = (corpus / CATALOG_NAME).read_bytes()
    # what the previous version left when killed after writing the upload and its catalog entry
    (corpus / "plan.txt").write_text(_new_version().replace("长春", "吉林"), encoding="utf-8")
    catalog = load_catalog(corpus)
    catalog["plan.txt"] = library.CatalogEntry(file="plan.txt", city="吉林", added="2024-01-01T00:00:00")
    save_catalog(corpus, catalog)
    (corpus / ".adding-plan.txt.json").write_text(json.dumps({
        "name": "plan.txt", "pid": 1, "host": socket.gethostname(), "created": time.time(),
        "previous_catalog": previous.decode("utf-8", "surrogateescape")}))
    # and one whose journal was damaged: its file and entry go all the same
    (corpus / "junk.txt").write_text(_new_version().replace("长春", "四平"), encoding="utf-8")
    (corpus / ".adding-junk.txt.json").write_bytes(b"{\"name\": ")
    assert sorted(recover_interrupted(corpus)) == ["junk.txt", "plan.txt"]
    assert _snapshot(corpus) == before


# -- names -----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "reason"), [
    ("../x", "文件名“../x”无效"),
    ("/etc/hostname", "文件名“/etc/hostname”无效"),
    ("sub/../" + CHANGCHUN, "无效"),
    ("nope.txt", "文件库中没有文件“nope.txt”"),
    (CATALOG_NAME, f"文件名“{CATALOG_NAME}”无效"),
    (".lock", "无效"),
    ("", "请先选择文件"),
])
def test_a_bad_name_is_refused_in_chinese_and_nothing_changes(corpus, tmp_path, name, reason):
    (tmp_path / "x").write_text("outside the corpus")
    before = _snapshot(corpus)
    with pytest.raises(UploadError, match=reason):
        remove_document(corpus, name)
    with pytest.raises(UploadError, match=reason):
        preview_upload(corpus, "new.txt", _new_version().encode(), NO_FIELDS, replacing=name)
    assert _snapshot(corpus) == before and (tmp_path / "x").exists()


def test_the_page_refuses_bad_names_with_a_message(ui, tmp_path):
    before = _snapshot(ui.corpus_dir)
    assert ui.remove("../x") == "【错误】不能删除：文件名“../x”无效，只能是文件库中的文件名，文件库保持原样。"
    assert ui.remove("nope.txt") == "【错误】不能删除：文件库中没有文件“nope.txt”，文件库保持原样。"
    assert ui.removal_question("nope.txt") == "请先选择要删除的文件。"
    upload = tmp_path / "new.txt"
    upload.write_text(_new_version(), encoding="utf-8")
    message, _, pending = ui.replace_preview("../x", str(upload), "", "", "", "", "", "", "")
    assert message == "【错误】不能替换：文件名“../x”无效，只能是文件库中的文件名" and pending is None
    assert ui.replace_confirm(None)[0] == "请先选择新文件并预览。"
    assert _snapshot(ui.corpus_dir) == before


def test_an_excel_task_table_is_previewed_and_added_like_any_plan(corpus):
    # a 重点任务分解表 as bureaus send it (tests/fixtures/plans/p22): parsed in the worker, its place inferred
    from assistant.web.library import add_document

    data = (ROOT / "tests" / "fixtures" / "plans" / "p22_zhaoqing_city_2023_xlsx.xlsx").read_bytes()
    preview = preview_upload(corpus, "肇庆2023任务分解表.xlsx", data, NO_FIELDS)
    tasks = [r for r in preview.document.records if r.kind == "task"]
    assert preview.document.city == "肇庆" and preview.document.year == 2023 and len(tasks) == 12
    change = add_document(corpus, preview)
    settle_change(corpus, change)
    assert (corpus / "肇庆2023任务分解表.xlsx").read_bytes() == data
    assert load_catalog(corpus)["肇庆2023任务分解表.xlsx"].city == "肇庆"
