"""End to end in a real browser: Debian's chromium driven by Playwright against the app on a free local port.

Fails if the page asks any host other than the app's own for anything. Screenshots go to tests/artifacts/.
"""
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import docx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect, sync_playwright

from conftest import CHANGCHUN, CORPUS, ROOT, SUINING

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                  "--disable-background-networking", "--disable-component-update"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _running_app(work: Path, index_dir: Path, file_size_limit: int | None = None):
    """The real app, started as staff start it, over copies of the corpus and the session's index in `work`.
    `file_size_limit`: no file it writes may grow beyond this many bytes (RLIMIT_FSIZE), so writing the index fails
    for real, as on a full disk."""
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(index_dir, work / "index")
    port = _free_port()
    log = open(work / "app.log", "w")
    limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
             if file_size_limit else None)
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port), "--corpus", str(work / "corpus"), "--index", str(work / "index")],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=limit)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError((work / "app.log").read_text())
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("app did not start:\n" + (work / "app.log").read_text())
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, index_dir, ready):
    with _running_app(tmp_path_factory.mktemp("app"), index_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser_page(app_url):
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is required (apt-get install chromium); scripts/test.sh installs it"
    ARTIFACTS.mkdir(exist_ok=True)
    foreign, dialogs = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        own = urlparse(app_url).netloc

        def watch(request):
            if not request.url.startswith(("data:", "blob:")) and urlparse(request.url).netloc != own:
                foreign.append(request.url)

        page.on("request", watch)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app_url)
        page.wait_for_selector("#question textarea", timeout=60000)
        yield page, foreign, dialogs
        browser.close()


STORE_KEY = "assistant-conversations"  # app.py's BrowserState


def _stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{STORE_KEY}')")


def _ask(page, question: str) -> None:
    bots = page.locator("#chatbot [data-testid='bot']")
    before = bots.count()
    page.fill("#question textarea", question)
    page.click("#send")
    expect(bots).to_have_count(before + 1, timeout=30000)
    page.wait_for_timeout(300)


def _choose(page, elem_id: str, value: str) -> None:
    box = page.locator(f"#{elem_id} input")
    box.click()
    box.fill(value)
    page.get_by_role("option", name=value, exact=True).click()
    page.wait_for_timeout(500)


def test_the_whole_app_in_a_browser(browser_page, tmp_path):
    page, foreign, dialogs = browser_page

    # 1. a lead question: the right office, the quote and a citation
    _ask(page, "达州中小学实验教学、装备质量抽检是谁牵头？")
    chat = page.locator("#chatbot")
    expect(chat).to_contain_text("牵头科室：市电教技装中心")
    expect(page.locator("#sources")).to_contain_text("加强和改进教育技术装备工作")
    assert "000_76472159ee41bb53.txt 第272–282行" in page.input_value("#citation textarea")
    page.screenshot(path=str(ARTIFACTS / "1-chat.png"), full_page=True)

    # 1b. 有用 with a comment is recorded for that answer
    page.fill("#feedback-comment textarea", "找到了")
    page.locator("#chatbot button[aria-label='Like']").last.click()
    expect(page.locator("#feedback-note")).to_contain_text("已记录：有用")

    # 2. a follow-up keeps the city
    _ask(page, "那学前教育呢？")
    expect(chat).to_contain_text("沿用上文：达州")
    expect(chat).to_contain_text("推进扩大普惠学前教育资源攻坚")

    # 2b. the chat's trash icon and the 清空对话 button clear the carried place, the sources and the citation
    for clear in ("#chatbot button[aria-label='Clear']", "#clear-chat"):
        _ask(page, "达州中小学实验教学、装备质量抽检是谁牵头？")
        page.click(clear)
        expect(page.locator("#chatbot [data-testid='bot']")).to_have_count(0)
        expect(page.locator("#citation textarea")).to_have_value("")
        expect(page.locator("#sources")).not_to_contain_text("加强和改进教育技术装备工作")
        _ask(page, "那学前教育呢？")
        expect(chat).not_to_contain_text("沿用上文")

    # 2c. a long answer is shown from its start (the office and its counts), in the chat and on a phone-wide screen
    for width, name in ((1400, "2c-long-answer.png"), (390, "2c-long-answer-narrow.png")):
        page.set_viewport_size({"width": width, "height": 800})
        _ask(page, "遂宁人事科负责哪些工作？")
        page.wait_for_timeout(500)
        newest = page.locator("#chatbot [data-testid='bot']").last
        top = newest.bounding_box()["y"]
        assert -2 <= top < 800 * 0.5, (width, top)  # its first line is in view, not scrolled off above
        expect(newest).to_contain_text("牵头 3 项")
        page.screenshot(path=str(ARTIFACTS / name))
        if width < 768:  # on a phone the sources come right under the chat, before the filters
            sources_y = page.locator("#sources").bounding_box()["y"]
            assert page.locator("#chatbot").bounding_box()["y"] < sources_y < page.locator("#filter-city").bounding_box()["y"]
    page.set_viewport_size({"width": 1400, "height": 1000})

    # 3. injection: shown as text, runs nothing
    _ask(page, "<script>alert(1)</script>遂宁人事科牵头了哪几项？")
    expect(chat).to_contain_text("<script>alert(1)</script>")
    expect(chat).to_contain_text("人事科牵头的任务共 3 项")
    assert dialogs == []

    # 3b. Markdown image and link syntax in a question shows as text and fetches nothing
    _ask(page, "![图](http://127.0.0.9:9/question.png)[链接](http://127.0.0.9:9/) 遂宁人事科牵头了哪几项？")
    expect(chat).to_contain_text("![图](http://127.0.0.9:9/question.png)")
    assert page.locator("#chatbot img[src*='127.0.0.9']").count() == 0

    # 4. office directory: every task when it opens; one office across its written forms, downloadable
    page.get_by_role("tab", name="科室目录").click()
    expect(page.locator("#office-table")).to_contain_text("达州", timeout=30000)
    expect(page.locator("#office-chart")).to_contain_text("各科室任务数")
    _choose(page, "dir-city", "遂宁")
    _choose(page, "dir-office", "基础教育科")
    table = page.locator("#office-table")
    expect(table).to_contain_text("提升特殊教育全纳水平")
    expect(table).to_contain_text("提升家庭社会学校共育水平")  # printed as 基础教科
    expect(page.locator("#office-csv")).to_be_visible()
    expect(page.locator("#office-chart .bar-row.chosen")).to_contain_text("基础教育科")
    with page.expect_download(timeout=30000) as download:
        page.click("#office-ledger")
    assert download.value.suggested_filename.endswith(".xlsx")
    download.value.save_as(tmp_path / download.value.suggested_filename)
    workbook = load_workbook(tmp_path / download.value.suggested_filename)
    assert workbook.sheetnames == ["遂宁2019", "责任矩阵"]
    assert [row[1] for row in workbook["责任矩阵"].iter_rows(min_row=2, values_only=True)] == ["基础教育科"]
    page.screenshot(path=str(ARTIFACTS / "2-offices.png"), full_page=True)

    # 5. add a document, then find it in a search
    upload = tmp_path / "测试市2024年工作要点.docx"
    document = docx.Document()
    for line in ["测试市教育局2024年工作要点", "一、推进数字教育", "1.建设人工智能教育实验室<img src=x onerror=alert(3)>",
                 "目标任务：建成人工智能教育实验室 12 个。![](http://127.0.0.9:9/document.png)",
                 "牵头科室：电教馆", "责任科室：计财科"]:
        document.add_paragraph(line)
    document.save(upload)
    page.get_by_role("tab", name="添加文件").click()
    page.locator("#upload-file input[type=file]").set_input_files(str(upload))
    page.wait_for_timeout(1000)
    page.fill("#upload-city textarea, #upload-city input", "测试")
    page.fill("#upload-year textarea, #upload-year input", "2024")
    page.click("#upload-preview")
    expect(page.locator("#upload-status")).to_contain_text("找到 1 项任务", timeout=30000)
    page.click("#upload-confirm")
    expect(page.locator("#upload-status")).to_contain_text("已添加", timeout=60000)
    page.screenshot(path=str(ARTIFACTS / "3-upload.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    _ask(page, "测试市人工智能教育实验室谁牵头？")
    expect(chat).to_contain_text("牵头科室：电教馆")
    # the task's full text in the sources panel holds the image syntax: shown as text, nothing fetched
    expect(page.locator("#sources")).to_contain_text("![](http://127.0.0.9:9/document.png)")
    assert page.locator("img[src*='127.0.0.9']").count() == 0
    assert "测试市2024年工作要点.docx" in page.input_value("#citation textarea")
    page.screenshot(path=str(ARTIFACTS / "4-new-document.png"), full_page=True)
    expect(chat).to_contain_text("<img src=x onerror=alert(3)>")  # the uploaded markup shows as text

    # 6. the new plan in the other tabs: markup from the file is text there too
    page.get_by_role("tab", name="文件", exact=True).click()
    expect(page.locator("#documents-table")).to_contain_text("测试市2024年工作要点.docx")
    page.get_by_role("tab", name="科室目录").click()
    _choose(page, "dir-city", "测试")
    expect(page.locator("#office-table")).to_contain_text("电教馆")
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []
    assert foreign == [], f"the page contacted other hosts: {foreign[:5]}"


def test_citations_open_the_plan_and_conversations_last(browser_page, app_url, engine, tmp_path):
    page, foreign, dialogs = browser_page
    kept = _stored(page) is not None  # the last test's conversation, which the page reopens when it loads
    page.goto(app_url)
    page.wait_for_selector("#question textarea", timeout=60000)
    bots = page.locator("#chatbot [data-testid='bot']")
    if kept:  # the reopening must be over before 新对话, or it lands after and brings that conversation back
        expect(bots).not_to_have_count(0, timeout=30000)
    page.click("#new-chat")
    expect(bots).to_have_count(0)

    # 1. a citation opens the 文件 view of the plan at the cited lines, the quote marked, in a new tab
    question = "温州新建多少所公办幼儿园？"
    expected = engine.ask(question).hits[0]
    _ask(page, question)
    with page.context.expect_page() as opened:
        bots.last.locator("a[href*='doc=']").first.click()
    view = opened.value
    view.wait_for_selector("#doc-view #cited", timeout=60000)
    view.wait_for_timeout(800)
    expect(view.get_by_role("tab", name="文件", exact=True)).to_have_attribute("aria-selected", "true")
    cited = view.locator("#doc-view #cited")
    expect(cited.locator(f"#L{expected.record.line_start}")).to_have_count(1)
    assert view.locator("#doc-view #cited mark").first.inner_text() == expected.evidence[0]
    # the quote differs from the file's bytes: the raw line is shown and the reason said
    expect(cited.locator(".cleaned")).to_contain_text("拼音注音")
    expect(cited.locator(".cleaned pre")).to_contain_text("推進(jìn)")
    box = cited.bounding_box()
    assert box["y"] < view.viewport_size["height"] and box["y"] + box["height"] > 0  # scrolled into view
    view.screenshot(path=str(ARTIFACTS / "5-citation-view.png"))

    # 1b. a source card's link pasted into a tab opens the same view
    link = page.locator("#sources a.open-source").first.get_attribute("href")
    view.goto("about:blank")
    view.goto(app_url + "/" + link)
    view.wait_for_selector("#doc-view #cited mark", timeout=60000)
    view.close()

    # 2. the conversation survives a reload, follow-up context included (once this browser has stored the answer:
    # the page writes localStorage right after the answer shows, and a loaded CI machine can be slower than a hand)
    before = _stored(page)
    _ask(page, "达州中小学实验教学、装备质量抽检是谁牵头？")
    page.wait_for_function(f"localStorage.getItem('{STORE_KEY}') !== {json.dumps(before)}", timeout=20000)
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60000)
    expect(bots).to_have_count(2, timeout=20000)
    expect(page.locator("#chatbot")).to_contain_text("新(擴)建公辦幼兒園50所")
    expect(page.locator("#sources")).to_contain_text("加强和改进教育技术装备工作")  # the last answer's sources
    assert "第272–282行" in page.input_value("#citation textarea")
    _ask(page, "那学前教育呢？")
    expect(page.locator("#chatbot")).to_contain_text("沿用上文：达州")
    page.screenshot(path=str(ARTIFACTS / "6-after-reload.png"))

    # 3. the whole conversation, and one answer, as .docx with every quote verbatim
    with page.expect_download(timeout=30000) as download:
        page.click("#export-docx")
    download.value.save_as(tmp_path / "all.docx")
    text = "\n".join(p.text for p in docx.Document(tmp_path / "all.docx").paragraphs)
    assert f"「{expected.evidence[0]}」" in text and "问3：那学前教育呢？" in text
    for quote in engine.ask("达州中小学实验教学、装备质量抽检是谁牵头？").hits[0].evidence:
        assert f"「{quote}」" in text
    _choose(page, "export-which", f"第1问：{question}")
    with page.expect_download(timeout=30000) as download:
        page.click("#export-docx")
    download.value.save_as(tmp_path / "one.docx")
    one = "\n".join(p.text for p in docx.Document(tmp_path / "one.docx").paragraphs)
    assert f"「{expected.evidence[0]}」" in one and "达州中小学实验教学" not in one

    # 4. a new conversation; the earlier one is listed, reopened, and deleted
    page.click("#new-chat")
    expect(bots).to_have_count(0)
    _ask(page, "遂宁人事科牵头了哪几项？")
    page.locator("#past-conversations input").click()
    earlier = page.get_by_role("option").filter(has_text=question[:10])
    earlier.first.click()
    expect(bots).to_have_count(3, timeout=20000)
    expect(page.locator("#sources")).to_contain_text("推进扩大普惠学前教育资源攻坚")
    page.screenshot(path=str(ARTIFACTS / "7-reopened.png"))
    page.click("#delete-conversation")
    expect(bots).to_have_count(0)
    page.locator("#past-conversations input").click()
    expect(page.get_by_role("option").filter(has_text=question[:10])).to_have_count(0)
    page.keyboard.press("Escape")
    assert dialogs == []
    assert foreign == [], f"the page contacted other hosts: {foreign[:5]}"


def _open_management(page) -> None:
    page.get_by_role("tab", name="文件", exact=True).click()
    if not page.locator("#manage-file").is_visible():
        page.get_by_text("删除或替换文件").click()


def test_remove_and_replace_a_document(browser_page, app_url, tmp_path):
    page, foreign, dialogs = browser_page
    page.goto(app_url)
    page.wait_for_selector("#question textarea", timeout=60000)
    note = page.locator("#manage-note")

    # 1. removal names the plan and waits for a confirmation; then the plan is gone from the page and the answers
    _open_management(page)
    _choose(page, "manage-file", CHANGCHUN)
    page.click("#remove-start")
    expect(note).to_contain_text(f"确定删除《长春市教育局2020年工作要点》（长春 2020，{CHANGCHUN}，38 项任务）")
    page.screenshot(path=str(ARTIFACTS / "8-remove-question.png"), full_page=True)
    page.click("#remove-confirm")
    expect(note).to_contain_text("【完成】已删除《长春市教育局2020年工作要点》", timeout=120000)
    expect(page.locator("#documents-table")).not_to_contain_text(CHANGCHUN)
    expect(page.locator("#status")).not_to_contain_text("175 项任务")

    # 2. a new version replaces a plan: the answer comes from the new text
    text = (CORPUS / SUINING).read_text(encoding="utf-8").replace("学前三年毛入园率达到89%", "学前三年毛入园率达到91%")
    new_version = tmp_path / SUINING
    new_version.write_text(text, encoding="utf-8")
    _choose(page, "manage-file", SUINING)
    page.locator("#replace-file input[type=file]").set_input_files(str(new_version))
    page.wait_for_timeout(1000)
    page.click("#replace-preview")
    expect(page.locator("#replace-confirm")).to_be_visible(timeout=60000)
    page.click("#replace-confirm")
    expect(note).to_contain_text("【完成】", timeout=120000)
    page.screenshot(path=str(ARTIFACTS / "9-replaced.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    page.click("#new-chat")
    expect(page.locator("#chatbot [data-testid='bot']")).to_have_count(0)
    _ask(page, "遂宁学前三年毛入园率要达到多少？")
    expect(page.locator("#chatbot")).to_contain_text("学前三年毛入园率达到91%")
    assert dialogs == [] and foreign == []


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failure_while_updating_the_index_leaves_everything_as_it_was(browser_page, index_dir, tmp_path):
    """An app that cannot write a file of the index's size (as on a full disk): removing and replacing fail, say so,
    and leave the corpus, the catalog and the index byte for byte as they were."""
    page, _, _ = browser_page
    with _running_app(tmp_path / "app", index_dir, file_size_limit=256 * 1024) as url:
        before = {name: _tree(tmp_path / "app" / name) for name in ("corpus", "index")}
        page.goto(url)
        page.wait_for_selector("#question textarea", timeout=60000)
        _open_management(page)
        _choose(page, "manage-file", CHANGCHUN)
        page.click("#remove-start")
        page.click("#remove-confirm")
        note = page.locator("#manage-note")
        expect(note).to_contain_text("【错误】", timeout=120000)
        expect(note).to_contain_text("文件库保持原样")
        expect(page.locator("#documents-table")).to_contain_text(CHANGCHUN)
        page.screenshot(path=str(ARTIFACTS / "10-remove-failed.png"), full_page=True)
        after = {name: _tree(tmp_path / "app" / name) for name in ("corpus", "index")}
        assert after == before
        log = (tmp_path / "app" / "app.log").read_text()
        assert "gradio/queueing.py" not in log  # no event of the page failed (the logged index failure is handled)
