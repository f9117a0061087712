"""A process killed while adding a document never leaves a document the user did not see confirmed: the upload's
journal (corpus/.adding-<name>.json) is written before the file, dropped only once the index is published, and any
journal left behind is undone at the next start (`ask`, `build` or the app), removing only that upload."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from assistant.documents.catalog import load_catalog
from assistant.web.library import commit_upload, preview_upload, recover_interrupted, settle_upload
from conftest import CORPUS, ROOT

LINES = ["测试市教育局2023年工作要点", "一、加强数字校园建设", "1.推进智慧黑板进课堂", "目标任务：新建智慧教室 45 间。",
         "牵头科室：电教馆", "责任科室：计财科、基教科"]
FIELDS = {"city": "", "city_aliases": "", "year": "", "title": "", "issuer": "", "doc_no": "", "date": ""}


def _snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _killed_while_adding(corpus: Path, where: str) -> subprocess.CompletedProcess:
    """Add a plan in another process that dies (os._exit, no clean-up) at `where`: "catalog" (the file is written,
    the catalog not yet) or "index" (both written, the index not yet published)."""
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from assistant.web import library
        corpus = Path({str(corpus)!r})
        preview = library.preview_upload(corpus, "plan.txt", {chr(10).join(LINES)!r}.encode(), {FIELDS!r})
        if {where!r} == "catalog":
            library.save_catalog = lambda *a, **k: os._exit(9)
        library.commit_upload(corpus, preview)
        os._exit(9)
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def test_a_kill_between_the_file_and_the_catalog_is_undone_at_the_next_start(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = _snapshot(corpus)
    assert _killed_while_adding(corpus, "catalog").returncode == 9
    assert (corpus / "plan.txt").exists() and (corpus / ".adding-plan.txt.json").exists()
    assert recover_interrupted(corpus) == ["plan.txt"]
    assert _snapshot(corpus) == before


def test_a_kill_before_the_index_is_published_undoes_only_that_upload(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    assert _killed_while_adding(corpus, "index").returncode == 9
    assert "plan.txt" in load_catalog(corpus)
    # another instance adds and confirms a document meanwhile: it must survive the undo
    other = preview_upload(corpus, "other.txt", "\n".join(LINES).replace("测试市", "样例市").replace("45", "46").encode(),
                           FIELDS)
    commit_upload(corpus, other)
    settle_upload(corpus, "other.txt")
    assert recover_interrupted(corpus) == ["plan.txt"]
    catalog = load_catalog(corpus)
    assert "plan.txt" not in catalog and "other.txt" in catalog
    assert not (corpus / "plan.txt").exists() and (corpus / "other.txt").exists()
    assert not [p.name for p in corpus.iterdir() if p.name.startswith(".")]


def test_ask_undoes_an_interrupted_upload_and_says_so(tmp_path, ready, index_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    before = _snapshot(corpus)
    _killed_while_adding(corpus, "index")
    result = subprocess.run([sys.executable, "-m", "assistant", "--corpus", str(corpus), "--index", str(index), "ask",
                             "测试市智慧黑板谁牵头"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "上次添加、删除或替换“plan.txt”时程序中断" in result.stderr
    assert _snapshot(corpus) == before and "电教馆" not in result.stdout


def test_a_confirmed_upload_stays(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    preview = preview_upload(corpus, "plan.txt", "\n".join(LINES).encode(), FIELDS)
    commit_upload(corpus, preview)
    settle_upload(corpus, "plan.txt")
    assert recover_interrupted(corpus) == [] and "plan.txt" in load_catalog(corpus)
