"""Reliability: damaged files, zip bombs, a garbled or read-only index, file modes, duplicate content, two
instances committing at once, and a full disk mid-commit. Each test reproduces the failure on the real corpus
files (copied into tmp folders) and, where the index matters, on the real index built once for the session
(`index_dir` / `ready` in conftest.py) and copied for each variant."""
from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import opencc
import pytest

from assistant.documents.catalog import CATALOG_NAME, load_catalog, save_catalog
from assistant.documents.corpus import load_corpus
from assistant.documents.readers import DocumentError, decode_document, read_document
from assistant.retrieval.store import POINTER, IndexInvalid, live_build, read_index
from assistant.service import open_engine
from assistant.web import library
from assistant.web.library import UploadError, commit_upload, preview_upload, withdraw_upload
from assistant.web.ui import AssistantUI

from conftest import CHANGCHUN, CHENGDE, CORPUS, DAZHOU, ROOT, SUINING, WENZHOU

MB = 1024 * 1024
PLAN_LINES = ["测试市教育局2023年工作要点", "一、加强数字校园建设", "1.推进智慧黑板进课堂", "目标任务：新建智慧教室 45 间。",
              "牵头科室：电教馆", "责任科室：计财科、基教科", "2.建设校园网络安全体系", "目标任务：全部学校完成等保测评。",
              "牵头科室：信息中心"]
NO_FIELDS = {"city": "", "city_aliases": "", "year": "", "title": "", "issuer": "", "doc_no": "", "date": ""}


# -- helpers -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(ready, index_dir):
    """The real corpus's index, built once (conftest's session build, shared with the other modules); tests copy it
    and never change it."""
    assert ready.report is not None or read_index(index_dir)
    return index_dir


@pytest.fixture(scope="module")
def embedder(ready):
    return ready.engine.embedder


def _copy_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def _copy_index(tmp_path: Path, index_dir: Path) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(index_dir, folder)
    return folder


def _snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _docx_bytes(lines=PLAN_LINES) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rezip(data: bytes, change) -> bytes:
    """The same .docx with each entry passed through change(name, bytes) -> bytes or None (dropped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = change(info.filename, source.read(info.filename))
            if body is not None:
                target.writestr(info.filename, body)
    return out.getvalue()


def _corrupt_deflate(data: bytes) -> bytes:
    """Flip bytes inside document.xml's compressed stream: zlib fails while python-docx unpacks it."""
    raw = bytearray(_rezip(data, lambda name, body: body * 20 if name == "word/document.xml" else body))
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        raw[i] ^= 0x5A
    return bytes(raw)


def _bad_files() -> dict[str, bytes]:
    good = _docx_bytes()
    not_docx = io.BytesIO()
    with zipfile.ZipFile(not_docx, "w") as archive:
        archive.writestr("hello.txt", "不是 Word 文件")
    return {
        "x.docx": os.urandom(4096),  # random bytes
        "zip.docx": not_docx.getvalue(),  # a zip, not a docx
        "truncated.docx": good[: len(good) // 2],
        "badxml.docx": _rezip(good, lambda name, body: body[: len(body) // 2] if name == "word/document.xml" else body),
        "badtypes.docx": _rezip(good, lambda name, body: b"<Types" if name == "[Content_Types].xml" else body),
        "deflate.docx": _corrupt_deflate(good),
        "random.pdf": os.urandom(4096),
        "truncated.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Kids[3 0 R",
        "badbom.txt": b"\xef\xbb\xbf" + "测试".encode() + b"\xff\xfe\xfd",
    }


def _corpus_with_bad_files(tmp_path: Path) -> Path:
    folder = _copy_corpus(tmp_path)
    for name, data in _bad_files().items():
        (folder / name).write_bytes(data)
    return folder


def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=timeout)


# -- 1. an unreadable file in corpus/ is skipped with its reason everywhere ----------------------------------------
@pytest.mark.parametrize("name", list(_bad_files()))
def test_reader_turns_every_library_error_into_a_chinese_document_error(name):
    data = _bad_files()[name]
    with pytest.raises(DocumentError) as caught:
        decode_document(name, data)
    assert caught.value.file == name
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.reason)
    kind = {".docx": "Word", ".pdf": "PDF", ".txt": "编码"}[Path(name).suffix]
    assert kind in caught.value.reason


def test_load_corpus_skips_unreadable_files_and_says_why(tmp_path):
    corpus = load_corpus(_corpus_with_bad_files(tmp_path))
    assert sorted(d.file for d in corpus.documents) == sorted([DAZHOU, WENZHOU, CHENGDE, SUINING, CHANGCHUN])
    assert sorted(e.file for e in corpus.errors) == sorted(_bad_files())
    for error in corpus.errors:
        assert str(error).startswith(f"《{error.file}》无法读取：")


def test_build_and_ask_on_the_command_line_skip_unreadable_files(tmp_path, built):
    corpus_dir = _corpus_with_bad_files(tmp_path)
    index = _copy_index(tmp_path, built)
    result = _run("-m", "assistant", "--corpus", str(corpus_dir), "--index", str(index), "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "索引已是最新" in result.stderr
    assert "警告：《x.docx》无法读取：不是有效的 Word（.docx）文件，或文件已损坏（已跳过）" in result.stderr
    assert "《badxml.docx》无法读取" in result.stderr and "《deflate.docx》无法读取" in result.stderr
    asked = _run("-m", "assistant", "--corpus", str(corpus_dir), "--index", str(index), "ask", "达州从严治党那项谁牵头？")
    assert asked.returncode == 0, asked.stderr
    assert "Traceback" not in asked.stderr and "《zip.docx》无法读取" in asked.stderr
    assert "牵头" in asked.stdout


def test_the_app_starts_with_unreadable_files_and_shows_them(tmp_path, built):
    corpus_dir = _corpus_with_bad_files(tmp_path)
    ui = AssistantUI.open(corpus_dir, _copy_index(tmp_path, built), progress=False)
    assert ui.ready.report is None  # the unreadable files are not documents: the stored index still fits
    status = ui.status()
    assert "有文件未能读取（已跳过）" in status and "《truncated.docx》无法读取" in status
    assert len(ui.documents) == 5


# -- 2. limits against zip bombs and oversized documents -------------------------------------------------------------
def _zip_bomb(path: Path, size: int = 200 * MB) -> Path:
    """A docx-shaped zip whose document.xml inflates to `size` bytes (about 200 KB on disk)."""
    good = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in good.infolist():
            if info.filename != "word/document.xml":
                bomb.writestr(info.filename, good.read(info.filename))
        with bomb.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                     b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            chunk = "测".encode() * (MB // 3)
            written = 0
            while written < size:
                fh.write(chunk)
                written += len(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def test_a_zip_bomb_docx_is_refused_quickly_without_unpacking_it(tmp_path):
    bomb = _zip_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 * MB
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(DocumentError, match="超过 50 MB 上限"):
            read_document(bomb)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 5
    assert peak < 5 * MB  # the bomb itself is 240 KB; nothing of it is unpacked
    with pytest.raises(UploadError, match=r"解压后共 \d+ MB，超过 50 MB 上限"):
        preview_upload(CORPUS, "bomb.docx", bomb.read_bytes(), NO_FIELDS)
    corpus_dir = _copy_corpus(tmp_path)
    shutil.copy(bomb, corpus_dir / "bomb.docx")
    started = time.perf_counter()
    corpus = load_corpus(corpus_dir)
    assert time.perf_counter() - started < 5
    assert [e.file for e in corpus.errors] == ["bomb.docx"] and len(corpus.documents) == 5


def test_a_docx_with_too_many_entries_is_refused(tmp_path):
    data = _rezip(_docx_bytes(), lambda name, body: body)
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        for i in range(2001):
            archive.writestr(f"extra/part{i}.xml", "<a/>")
    with pytest.raises(DocumentError, match="超过 2000 个上限"):
        decode_document("many.docx", out.getvalue())


def test_a_pdf_of_more_than_500_pages_is_refused():
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(501):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DocumentError, match="PDF 共 501 页，超过 500 页上限"):
        decode_document("long.pdf", out.getvalue())
    with pytest.raises(UploadError, match="超过 500 页上限"):
        preview_upload(CORPUS, "long.pdf", out.getvalue(), NO_FIELDS)


def test_an_upload_of_too_many_lines_or_tasks_is_refused_at_preview():
    lines = PLAN_LINES + ["说明文字。"] * 20_000
    with pytest.raises(UploadError, match=r"文件共 20009 行，超过 20000 行上限"):
        preview_upload(CORPUS, "long.txt", "\n".join(lines).encode(), NO_FIELDS)
    lines = ["测试市教育局2023年工作要点"]
    for section in "一二三":
        lines.append(f"{section}、第{section}部分工作")
        for n in range(1, 701):
            lines += [f"{n}.推进第{n}项工作", "牵头科室：基教科"]
    with pytest.raises(UploadError, match=r"解析出 2100 项任务，超过 2000 项上限"):
        preview_upload(CORPUS, "many.txt", "\n".join(lines).encode(), NO_FIELDS)


# -- 3. a garbled index/CURRENT is treated like a missing one ------------------------------------------------------
GARBLED = {
    "random bytes": os.urandom(64),
    "empty": b"",
    "missing folder": b"build-20990101-000000-gone\n",
    "not utf-8": b"build-\xff\xfe\xfa\n",
    "outside the index": b"../../etc\n",
    "a folder that is no build": b"bm25\n",
}


@pytest.mark.parametrize("kind", list(GARBLED))
def test_a_garbled_pointer_is_invalid_and_the_index_is_rebuilt(tmp_path, built, embedder, kind):
    index = _copy_index(tmp_path, built)
    (index / POINTER).write_bytes(GARBLED[kind])
    with pytest.raises(IndexInvalid):
        live_build(index)
    with pytest.raises(IndexInvalid):
        read_index(index)
    again = open_engine(CORPUS, index, embedder=embedder, progress=False)
    assert again.report is not None
    assert "CURRENT" in again.report.reason or "不存在的目录" in again.report.reason
    # the build folders themselves are intact: their vectors are reused, nothing is embedded again
    assert again.report.embedded == 0 and again.report.reused == len(again.engine.index.chunks)
    assert live_build(index).is_dir() and not again.warnings
    assert again.engine.ask("长春校园绿化美化工程是哪项？").hits[0].record.task_no == 26


# -- 4. a read-only index folder with a stale index ---------------------------------------------------------------
def _stale_corpus(tmp_path: Path) -> Path:
    corpus_dir = _copy_corpus(tmp_path)
    with open(corpus_dir / CHANGCHUN, "ab") as fh:  # an edit the stored index does not know
        fh.write(b"\n")
    return corpus_dir


def _assert_serves_the_last_build(ready, ui_dir, index, embedder):
    assert ready.stale and ready.report is None
    assert len(ready.warnings) == 1 and "索引目录无法写入（没有写入权限）" in ready.warnings[0]
    assert "暂用上次建立的索引" in ready.warnings[0]
    assert ready.engine.ask("长春校园绿化美化工程是哪项？").hits[0].record.task_no == 26
    ui = AssistantUI(ready, ui_dir, index, embedder)
    assert "【注意】索引目录无法写入" in ui.status()


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod does not restrict root")
def test_a_read_only_index_folder_serves_the_last_good_build_with_a_warning(tmp_path, built, embedder):
    from assistant.service import IndexUnavailable

    corpus_dir = _stale_corpus(tmp_path)
    index = _copy_index(tmp_path, built)
    before = _snapshot(index)
    index.chmod(0o555)
    try:
        ready = open_engine(corpus_dir, index, embedder=embedder, progress=False)
        _assert_serves_the_last_build(ready, corpus_dir, index, embedder)
        (tmp_path / "empty").mkdir(mode=0o555)
        with pytest.raises(IndexUnavailable, match="无法写入（没有写入权限），也没有可用的旧索引"):
            open_engine(corpus_dir, tmp_path / "empty", embedder=embedder, progress=False)
    finally:
        index.chmod(0o755)
        (tmp_path / "empty").chmod(0o755) if (tmp_path / "empty").exists() else None
    assert _snapshot(index) == before


def test_an_unwritable_index_folder_serves_the_last_good_build_even_as_root(tmp_path, built, embedder,
                                                                           monkeypatch):
    """The same as above with the permission error simulated, so it runs as root too."""
    from assistant.service import IndexUnavailable

    def refuse(root):
        raise PermissionError(errno.EACCES, "Permission denied", str(root))

    monkeypatch.setattr("assistant.retrieval.build.check_writable", refuse)
    corpus_dir = _stale_corpus(tmp_path)
    index = _copy_index(tmp_path, built)
    (index / POINTER).write_bytes(b"")  # even with the pointer lost, the newest build that verifies is found
    ready = open_engine(corpus_dir, index, embedder=embedder, progress=False)
    _assert_serves_the_last_build(ready, corpus_dir, index, embedder)
    with pytest.raises(PermissionError):  # adding a document must not be told it succeeded
        open_engine(corpus_dir, index, embedder=embedder, progress=False, allow_stale=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexUnavailable, match="无法写入（没有写入权限），也没有可用的旧索引"):
        open_engine(corpus_dir, tmp_path / "empty", embedder=embedder, progress=False)


# -- 5. uploads keep the corpus's file mode -------------------------------------------------------------------------
def _commit(corpus_dir: Path, name: str, lines=PLAN_LINES, **fields):
    preview = preview_upload(corpus_dir, name, "\n".join(lines).encode(), {**NO_FIELDS, **fields})
    return preview, commit_upload(corpus_dir, preview)


def test_an_upload_and_the_catalog_keep_the_modes_the_corpus_has(tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    for path in corpus_dir.iterdir():
        path.chmod(0o640)
    (corpus_dir / CATALOG_NAME).chmod(0o664)
    preview, previous = _commit(corpus_dir, "plan.txt")
    assert stat.S_IMODE((corpus_dir / "plan.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE((corpus_dir / CATALOG_NAME).stat().st_mode) == 0o664
    withdraw_upload(corpus_dir, "plan.txt", previous)
    assert stat.S_IMODE((corpus_dir / CATALOG_NAME).stat().st_mode) == 0o664
    catalog = load_catalog(corpus_dir)
    save_catalog(corpus_dir, catalog)
    assert stat.S_IMODE((corpus_dir / CATALOG_NAME).stat().st_mode) == 0o664


def test_an_upload_into_an_empty_corpus_gets_0644_less_the_umask(tmp_path):
    from assistant.documents.files import default_mode

    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    old = os.umask(0o027)
    try:
        assert default_mode() == 0o640
        _commit(corpus_dir, "plan.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((corpus_dir / "plan.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE((corpus_dir / CATALOG_NAME).stat().st_mode) == 0o640


# -- 6. duplicate uploads by content -------------------------------------------------------------------------------
def _variants() -> dict[str, bytes]:
    text = (CORPUS / SUINING).read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    return {
        "gb18030 with CRLF": crlf.encode("gb18030"),
        "utf-8 with BOM": b"\xef\xbb\xbf" + text.encode(),
        "traditional": opencc.OpenCC("s2t").convert(text).encode(),
        "spaces": "\n".join("  " + line.replace("，", "， ") + " \t" for line in text.splitlines()).encode(),
        "docx": _docx_bytes(text.splitlines()),
    }


@pytest.mark.parametrize("kind", list(_variants()))
def test_the_same_text_re_encoded_or_renamed_is_refused_naming_the_existing_file(tmp_path, kind):
    corpus_dir = _copy_corpus(tmp_path)
    name = "遂宁2019_副本.docx" if kind == "docx" else "遂宁2019_副本.txt"
    with pytest.raises(UploadError, match=f"文件库中已有内容相同的文件：{SUINING}"):
        preview_upload(corpus_dir, name, _variants()[kind], NO_FIELDS)


def test_content_added_under_another_name_after_the_preview_is_refused_at_commit(tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    preview = preview_upload(corpus_dir, "plan.txt", "\n".join(PLAN_LINES).encode(), NO_FIELDS)
    (corpus_dir / "other.txt").write_text("\r\n".join(PLAN_LINES), encoding="gb18030")
    before = _snapshot(corpus_dir)
    with pytest.raises(UploadError, match="文件库中已有内容相同的文件：other.txt"):
        commit_upload(corpus_dir, preview)
    assert _snapshot(corpus_dir) == before


# -- 7. two processes committing at once ----------------------------------------------------------------------------
RACER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from assistant.web import library

    corpus, owner, city, start = Path(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
    lines = [f"{city}市教育局2023年工作要点", "一、加强数字校园建设", f"1.推进{city}智慧黑板进课堂", "牵头科室：电教馆"]
    fields = {"city": city, "year": "2023", "title": owner}
    preview = library.preview_upload(corpus, "plan.txt", "\\n".join(lines).encode(), fields)
    load = library.load_catalog

    def slow_load(folder):  # widen the window between checking the name and writing the catalog
        catalog = load(folder)
        time.sleep(0.5)
        return catalog

    library.load_catalog = slow_load
    time.sleep(max(0.0, start - time.time()))
    try:
        library.commit_upload(corpus, preview)
        library.settle_upload(corpus, "plan.txt")  # as the app does once the index is published
        print(json.dumps({"owner": owner, "ok": True}))
    except library.UploadError as exc:
        print(json.dumps({"owner": owner, "ok": False, "error": str(exc)}, ensure_ascii=False))
""")


def test_two_processes_committing_the_same_name_one_wins_and_the_other_is_told(tmp_path):
    corpus_dir = _copy_corpus(tmp_path)
    start = time.time() + 5  # both processes have imported and previewed by then
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(corpus_dir), owner, city, str(start)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
              for owner, city in (("进程甲", "甲"), ("进程乙", "乙"))]
    results = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    winners = [r for r in results if r["ok"]]
    losers = [r for r in results if not r["ok"]]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "已有同名文件“plan.txt”" in losers[0]["error"]
    catalog = json.loads((corpus_dir / CATALOG_NAME).read_text(encoding="utf-8"))
    entries = [e for e in catalog["documents"] if e["file"] == "plan.txt"]
    assert len(entries) == 1 and entries[0]["title"] == winners[0]["owner"]
    city = winners[0]["owner"][-1]
    assert (corpus_dir / "plan.txt").read_text(encoding="utf-8").startswith(f"{city}市教育局")
    assert not [p.name for p in corpus_dir.iterdir() if p.name.startswith(".")]  # no lock or temporary file left


@pytest.fixture
def writable_ui(tmp_path, built, embedder):
    """A UI over copies of the corpus and the index, for tests that add documents."""
    corpus_dir = _copy_corpus(tmp_path)
    index = _copy_index(tmp_path, built)
    ready = open_engine(corpus_dir, index, embedder=embedder, progress=False)
    assert ready.report is None
    return AssistantUI(ready, corpus_dir, index, embedder)


def _preview(ui: AssistantUI, tmp_path: Path, name: str = "plan.docx"):
    path = tmp_path / name
    path.write_bytes(_docx_bytes())
    message, _, pending = ui.preview(str(path), "测试", "", "2023", "", "", "", "")
    assert pending is not None, message
    return pending


def test_confirm_refuses_a_name_another_instance_took_meanwhile(writable_ui, tmp_path):
    ui = writable_ui
    pending = _preview(ui, tmp_path)
    (ui.corpus_dir / pending.name).write_bytes(b"another instance's file")
    before = _snapshot(ui.corpus_dir)
    message, cleared = ui.confirm(pending)
    assert message.startswith("【错误】不能添加：文件库中已有同名文件“plan.docx”") and cleared is None
    assert _snapshot(ui.corpus_dir) == before


def test_confirm_waits_for_another_instance_and_says_so_when_it_takes_too_long(writable_ui, tmp_path, monkeypatch):
    import fcntl

    ui = writable_ui
    pending = _preview(ui, tmp_path)
    monkeypatch.setattr(library, "LOCK_TIMEOUT", 0.5)
    fd = os.open(ui.corpus_dir / ".lock", os.O_RDWR | os.O_CREAT)  # another instance holds the lock
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        started = time.perf_counter()
        message, _ = ui.confirm(pending)
        assert 0.4 < time.perf_counter() - started < 5
        assert message == "【错误】不能添加：另一位用户正在添加文件、更新索引，请稍后再试"
        assert not (ui.corpus_dir / pending.name).exists()
    finally:
        os.close(fd)
    message, _ = ui.confirm(pending)  # released: now it goes through
    assert message.startswith("【完成】已添加 plan.docx")


# -- 8. a full disk mid-commit leaves nothing behind ----------------------------------------------------------------
def _fail_inside(monkeypatch, folder: Path, what: str, prefix: str = ""):
    """Make os.replace (to a destination) or os.write (to a file) raise ENOSPC inside `folder`, for file names
    starting with `prefix`."""
    folder = str(folder.resolve())
    real_replace, real_write = os.replace, os.write

    def inside(path) -> bool:
        path = os.path.realpath(path)
        return path.startswith(folder + os.sep) and os.path.basename(path).startswith(prefix)

    def replace(src, dst, **kwargs):
        if inside(dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, **kwargs)

    def write(fd, data):
        if inside(os.readlink(f"/proc/self/fd/{fd}")):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, what, replace if what == "replace" else write)


@pytest.mark.parametrize(("what", "prefix"), [
    ("replace", ""),  # placing the uploaded file
    ("replace", CATALOG_NAME),  # the file is placed, then the catalog cannot be
    ("write", ".upload."),  # writing the uploaded file's temporary copy
    ("write", ".catalog."),  # writing the catalog's temporary copy, after the file is placed
])
def test_a_full_disk_while_committing_leaves_nothing_and_says_so(writable_ui, tmp_path, monkeypatch, what, prefix):
    ui = writable_ui
    pending = _preview(ui, tmp_path)
    corpus_before, index_before = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)
    _fail_inside(monkeypatch, ui.corpus_dir, what, prefix)
    message, cleared = ui.confirm(pending)
    monkeypatch.undo()
    assert message.startswith("【错误】不能添加：磁盘空间不足，文件未添加"), message
    assert cleared is None
    assert _snapshot(ui.corpus_dir) == corpus_before  # no file, no .upload.* / .catalog.*, catalog bytes unchanged
    assert _snapshot(ui.index_dir) == index_before


def test_a_full_disk_while_updating_the_index_withdraws_the_upload(writable_ui, tmp_path, monkeypatch):
    ui = writable_ui
    pending = _preview(ui, tmp_path)
    corpus_before, index_before = _snapshot(ui.corpus_dir), _snapshot(ui.index_dir)
    _fail_inside(monkeypatch, ui.index_dir, "replace")
    message, _ = ui.confirm(pending)
    monkeypatch.undo()
    assert message == "【错误】更新索引失败（磁盘空间不足），文件未添加，文件库保持原样。"
    assert _snapshot(ui.corpus_dir) == corpus_before
    assert _snapshot(ui.index_dir) == index_before
    assert not ui.ready.stale and ui.ready.engine.ask("达州从严治党那项谁牵头？").hits


# -- 9. an upload is read and parsed in a worker process, with a time and a memory limit ---------------------------
# sandbox_targets holds the slow and greedy functions the workers run in place of the real parse (a worker imports
# its function by name; a monkeypatch in this process does not reach it, the function it is given does).
def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) / 1024


def test_the_default_limits_and_their_messages():
    from assistant.documents import sandbox

    assert sandbox.TIMEOUT == 30 and sandbox.MEMORY_LIMIT == 1024 * MB
    assert sandbox.timeout_message() == "解析超时（超过 30 秒），文件可能过大或格式异常，未添加"
    assert sandbox.memory_message() == "解析时占用内存过多（超过 1 GB），文件可能格式异常，未添加"


def test_a_parse_that_runs_too_long_is_killed_at_the_time_limit(tmp_path, monkeypatch):
    import multiprocessing

    import sandbox_targets
    from assistant.documents import sandbox

    monkeypatch.setattr(sandbox, "TIMEOUT", 1.0)
    monkeypatch.setattr(library, "read_upload", sandbox_targets.sleep_long)
    pid_file = tmp_path / "worker.pid"
    started = time.perf_counter()
    with pytest.raises(UploadError) as caught:
        preview_upload(tmp_path, "slow.txt", str(pid_file).encode(), NO_FIELDS)
    elapsed = time.perf_counter() - started
    assert str(caught.value) == "解析超时（超过 1 秒），文件可能过大或格式异常，未添加"
    assert 1.0 <= elapsed < 3.0, elapsed
    worker = int(pid_file.read_text())  # the slow code really ran, in another process
    assert worker != os.getpid()
    assert not Path(f"/proc/{worker}").exists()  # killed and reaped: no zombie
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("target", ["allocate_1gb", "allocate_in_a_reader", "killed"])
def test_a_parse_that_needs_too_much_memory_is_refused(tmp_path, monkeypatch, target):
    import multiprocessing

    import sandbox_targets
    from assistant.documents import sandbox

    monkeypatch.setattr(sandbox, "MEMORY_LIMIT", 300 * MB)
    monkeypatch.setattr(library, "read_upload", getattr(sandbox_targets, target))
    before = _rss_mb()
    with pytest.raises(UploadError) as caught:
        preview_upload(tmp_path, "greedy.txt", "\n".join(PLAN_LINES).encode(), NO_FIELDS)
    assert str(caught.value) == "解析时占用内存过多（超过 300 MB），文件可能格式异常，未添加"
    assert _rss_mb() - before < 50
    assert multiprocessing.active_children() == []


def test_a_big_allocation_in_the_worker_leaves_the_server_as_it_was():
    import sandbox_targets
    from assistant.documents import sandbox
    from assistant.documents.corpus import parse_bytes

    data = (CORPUS / SUINING).read_bytes()
    sandbox.run(sandbox_targets.touch_then_parse, SUINING, data, 1)  # the fork server is running
    before = _rss_mb()
    document, worker_peak = sandbox.run(sandbox_targets.touch_then_parse, SUINING, data, 600)
    assert worker_peak >= 600
    assert _rss_mb() - before < 50
    assert document == parse_bytes(SUINING, data)


@pytest.mark.parametrize("name", [DAZHOU, WENZHOU, CHENGDE, SUINING, CHANGCHUN, "plan.docx"])
def test_a_preview_parsed_in_the_worker_is_the_document_parsed_here(tmp_path, name):
    from assistant.documents.corpus import parse_bytes

    data = _docx_bytes() if name == "plan.docx" else (CORPUS / name).read_bytes()
    preview = preview_upload(tmp_path, name, data, NO_FIELDS)  # an empty corpus: nothing duplicates it
    here = parse_bytes(name, data)
    assert preview.document.records == here.records
    assert preview.document == here


def test_a_document_error_in_the_worker_comes_back_as_itself():
    from assistant.documents import sandbox

    for name, data in _bad_files().items():
        with pytest.raises(DocumentError) as caught:
            sandbox.parse_bytes(name, data)
        with pytest.raises(DocumentError) as here:
            decode_document(name, data)
        assert (caught.value.file, caught.value.reason, str(caught.value)) == (here.value.file, here.value.reason,
                                                                               str(here.value))


WORKER_MAIN = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    print("main module run as", __name__, flush=True)
    from pathlib import Path
    from assistant.web.library import preview_upload

    if __name__ == "__main__":
        data = "\\n".join(["测试市教育局2023年工作要点", "一、加强数字校园建设", "1.推进智慧黑板进课堂", "牵头科室：电教馆"])
        preview = preview_upload(Path(sys.argv[2]), "plan.txt", data.encode(), {})
        print("tasks", len(preview.document.tasks), flush=True)
""")


def test_a_worker_does_not_run_the_servers_main_script_again(tmp_path):
    """app.py imports Gradio and torch: a worker re-running it (as multiprocessing does for a main script) would
    take seconds and more memory than it may have. Started from another folder, without PYTHONPATH, as a service
    might be."""
    script = tmp_path / "server.py"
    script.write_text(WORKER_MAIN, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, str(script), str(ROOT), str(tmp_path / "corpus")], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["main module run as __main__", "tasks 1"], result.stdout + result.stderr


def test_a_pages_download_folder_is_removed_with_the_page(ready, index_dir):
    """Every page start makes a folder for its CSV/Word/Excel downloads; a server restarted daily on an intranet
    (or a test run starting hundreds of pages) must not leave them behind in the temp folder."""
    import gc

    ui = AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)
    folder = ui._downloads
    (folder / "科室任务.csv").write_text("x", encoding="utf-8")
    assert folder.is_dir()
    del ui
    gc.collect()
    assert not folder.exists()
