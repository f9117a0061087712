"""工作要点问答助手 — the web app staff use. Lays out the page and wires it to assistant.web.ui; holds no search logic.

    python app.py [--host 127.0.0.1] [--port 7860] [--model NAME_OR_PATH] [--rebuild] [--auth user:password]

Everything runs on this machine: no analytics, no share link, no web fonts, nothing fetched at start-up.
"""
from __future__ import annotations

import argparse
import errno
import logging
import os
import socket
import sys

# Before Gradio is imported: no telemetry, and no model download unless the user allows it explicitly.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The embedder's OpenMP threads sleep when idle instead of spinning: under concurrent requests the spinning threads
# took the cores from the requests' own Python work (benchmarks/bench_load.py).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import gradio as gr  # noqa: E402
import uvicorn  # noqa: E402

from assistant.documents.catalog import CatalogError  # noqa: E402
from assistant.documents.corpus import DEFAULT_CORPUS  # noqa: E402
from assistant.retrieval.embedders import EmbedderError  # noqa: E402
from assistant.service import DEFAULT_INDEX, IndexUnavailable  # noqa: E402
from assistant.web.access import LoginGuard  # noqa: E402
from assistant.web import conversations  # noqa: E402
from assistant.web.api import make_api  # noqa: E402
from assistant.web.ui import ALL, DOCUMENT_HEADERS, TABLE_HEADERS, AssistantUI  # noqa: E402

# Browser sessions whose state (chat context, a pending upload) the server keeps: the oldest go first, and any goes
# after SESSION_HOURS without use, so memory stays bounded however many people open the page.
MAX_PAGE_SESSIONS = 400
# What the server accepts at all; the 20 MB limit for documents is checked by the preview, with a Chinese message
TRANSFER_LIMIT = "100mb"
SESSION_HOURS = 8
DOCUMENT_WIDTHS = ["15%", "5%", "5%", "17%", "13%", "9%", "8%", "5%", "9%", "8%", "6%"]  # of DOCUMENT_HEADERS
AUTH_ENV, HOST_ENV, PORT_ENV = "ASSISTANT_AUTH", "ASSISTANT_HOST", "ASSISTANT_PORT"
SYSTEM_FONTS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "system-ui", "sans-serif"]
CSS = """
#chatbot [data-testid="bot"] {scroll-margin-top:40px}
.source {border:1px solid var(--border-color-primary); border-radius:8px; padding:10px 12px; margin-bottom:10px}
.source .loc {font-weight:600; margin-bottom:4px}
.source .meta {color:var(--body-text-color-subdued); font-size:0.85em; margin-bottom:6px}
.source .offices {margin:6px 0; padding:6px 8px; background:var(--background-fill-secondary); border-radius:6px}
.source .note {color:#b45309; font-size:0.9em}
.source dt {font-weight:600; margin-top:6px}
.source dd {margin:2px 0 0 0}
.source mark {background:#fde68a; padding:0 2px}
.source pre {white-space:pre-wrap; font-size:0.85em}
.empty {color:var(--body-text-color-subdued)}
details.more > summary {cursor:pointer; padding:6px 0; color:var(--body-text-color-subdued)}
.office-chart {max-height:520px; overflow-y:auto; padding:4px 8px}
.office-chart .legend {margin-bottom:6px; color:var(--body-text-color-subdued)}
.office-chart .swatch {display:inline-block; width:12px; height:12px; margin:0 4px -1px 0; border-radius:2px}
.office-chart .city {font-weight:600; margin:10px 0 4px}
.office-chart .bar-row {display:flex; align-items:center; gap:8px; margin:3px 0}
.office-chart .bar-row.chosen {background:var(--background-fill-secondary); font-weight:600}
.office-chart .name {flex:0 0 12em; text-align:right; overflow:hidden; text-overflow:ellipsis; white-space:nowrap}
.office-chart .bars {flex:1 1 auto; display:flex; height:14px}
.office-chart .count {flex:0 0 9em; font-size:0.85em; color:var(--body-text-color-subdued)}
.office-chart .lead {background:#2563eb} .office-chart .shared {background:#93c5fd}
#doc-view .doc-head {font-weight:600; margin-bottom:6px}
#doc-view .lines {max-height:70vh; overflow-y:auto; border:1px solid var(--border-color-primary); border-radius:6px;
  padding:6px 0; font-size:0.92em; line-height:1.6}
#doc-view .line {display:flex; gap:10px; padding:0 8px}
#doc-view .line .no {flex:0 0 3.5em; text-align:right; color:var(--body-text-color-subdued); user-select:none}
#doc-view .line .text {flex:1 1 auto; white-space:pre-wrap; overflow-wrap:anywhere}
#doc-view .cited {background:#fef9c3; border-left:4px solid #d97706; scroll-margin-top:60px}
#doc-view mark {background:#fbbf24; padding:0 1px}
#doc-view .cleaned {margin:4px 8px 6px 4.5em; padding:6px 8px; border:1px dashed #d97706; font-size:0.9em}
#doc-view .cleaned pre {white-space:pre-wrap; margin:4px 0 0 0}
#documents-table {max-width:100%; overflow-x:auto}
/* a phone-wide screen: the answer, then its sources and citation, then the filters and the conversation list */
@media (max-width: 768px) { #side #sources {order:-2} #side #citation {order:-1} }
"""


SHOW_ANSWER_START = """() => {
  const answers = document.querySelectorAll('#chatbot [data-testid="bot"]');
  const last = answers[answers.length - 1];
  if (last) last.scrollIntoView({block: 'start', inline: 'nearest'});
}"""

# After a citation link opened the 文件 view: bring the cited lines into view (the view fills a moment after load)
SHOW_CITED = """() => {
  let tries = 0;
  const show = () => {
    const cited = document.querySelector('#doc-view #cited');
    if (cited) cited.scrollIntoView({block: 'center', inline: 'nearest'});
    else if (tries++ < 30) setTimeout(show, 100);
  };
  show();
}"""


def build_page(ui: AssistantUI) -> gr.Blocks:
    with gr.Blocks(title="工作要点问答助手", analytics_enabled=False) as page:
        gr.Markdown("## 工作要点问答助手")
        # Nothing about the corpus is put into the page itself: it is filled by page.load, on every page load (so a
        # document added by another session or instance shows at once) and, with --auth, only after login.
        status = gr.Markdown("", elem_id="status")
        with gr.Tabs(elem_id="tabs") as tabs:
            with gr.Tab("问答", id="chat"):
                context = gr.State(None, time_to_live=SESSION_HOURS * 3600)
                answers = gr.State({}, time_to_live=SESSION_HOURS * 3600)  # what each answer was, for 有用 / 没用
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="对话", height=520, elem_id="chatbot", feedback_options=("Like", "Dislike"),
                                             buttons=["copy", "copy_all"], autoscroll=False)  # no share icon: it did nothing
                        with gr.Row():
                            question = gr.Textbox(placeholder="例如：学前教育那项由哪个科室牵头？", show_label=False, scale=5,
                                                  elem_id="question", max_lines=3)
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                        with gr.Row():
                            comment = gr.Textbox(placeholder="对回答的意见（可选）：写好后点回答下方的赞或踩图标，一并保存",
                                                 show_label=False, scale=5, elem_id="feedback-comment", max_lines=2)
                            feedback_note = gr.Markdown("", elem_id="feedback-note")
                        examples = gr.Dataset(components=[question], samples=[], label="示例问题", elem_id="examples")
                        examples.click(lambda sample: sample[0] if sample else "", examples, question)
                    with gr.Column(scale=2, elem_id="side"):
                        with gr.Row():
                            city = gr.Dropdown([ALL], value=ALL, label="城市", elem_id="filter-city")
                            year = gr.Dropdown([ALL], value=ALL, label="年份", elem_id="filter-year")
                        office = gr.Dropdown([ALL], value=ALL, label="科室", elem_id="filter-office")
                        with gr.Row():
                            new_chat = gr.Button("新对话", elem_id="new-chat", size="sm")
                            clear = gr.Button("清空对话", elem_id="clear-chat", size="sm")
                        with gr.Row():
                            past = gr.Dropdown([], value=None, label="历史对话（只保存在本浏览器中）", scale=3,
                                               elem_id="past-conversations")
                            delete_past = gr.Button("删除所选对话", elem_id="delete-conversation", size="sm", scale=1)
                        with gr.Row():
                            export_which = gr.Dropdown([("整段对话", ALL)], value=ALL, label="导出为 Word", scale=3,
                                                       elem_id="export-which")
                            export = gr.DownloadButton("导出 .docx", visible=False, elem_id="export-docx", size="sm",
                                                       scale=1)
                        citation = gr.Textbox(label="引用（可复制到报告）", buttons=["copy"], lines=2, interactive=False,
                                              elem_id="citation")
                        sources = gr.HTML('<div class="empty">提问后，这里显示所引任务的全文、字段和出处。</div>',
                                          elem_id="sources")
                # the conversation is kept in this browser (encrypted localStorage), never on the server
                saved = gr.BrowserState(conversations.empty(), storage_key="assistant-conversations",
                                        secret=ui.browser_secret())
                outputs = [chatbot, question, sources, citation, context, answers]
                inputs = [question, chatbot, city, year, office, context, answers]
                kept = [saved, past, export_which, export]

                def listed(store, history, answers_value):
                    """The conversation list and the export choices for this chat."""
                    path = ui.export_docx(history, answers_value)
                    return (gr.update(choices=conversations.choices(store), value=store["current"]),
                            gr.update(choices=ui.export_choices(history), value=ALL),
                            gr.update(value=path, visible=bool(path)))

                def reopen(store, conversation_id):
                    store, history, context_value, answers_value = conversations.reopen(store, conversation_id)
                    panel, cited = conversations.shown(store, conversation_id)
                    # the question box is left alone: on page load the user may already be typing
                    return (history, gr.update(), panel, cited, context_value, answers_value, store,
                            *listed(store, history, answers_value))

                def forget(store, conversation_id):
                    """Drop a conversation from this browser; the chat empties when it was the one shown."""
                    shown = store.get("current") if isinstance(store, dict) else None
                    store = conversations.forget(store, conversation_id)
                    if conversation_id != shown:
                        return (gr.update(), "", gr.update(), gr.update(), gr.update(), gr.update(), store,
                                gr.update(choices=conversations.choices(store), value=store["current"]),
                                gr.update(), gr.update())
                    return ([], "", "", "", None, {}, store, *listed(store, [], {}))

                def answer(*values):
                    """The answer and the browser's copy of the conversation in one step: a reload the moment the
                    answer shows must not lose it (the list of conversations and the export follow)."""
                    *chat_values, store = values
                    shown = ui.chat_and_remember(*chat_values)
                    history, _, sources_value, citation_value, context_value, answers_value = shown
                    store = conversations.remember(store, history, context_value, answers_value,
                                                   {"sources": sources_value, "citation": citation_value})
                    return (*shown, store)

                # the newest answer is shown from its first line (title, offices, what was carried over), not its end
                for asked in (send.click, question.submit):
                    asked(answer, inputs + [saved], outputs + [saved]).then(None, js=SHOW_ANSWER_START).then(
                        listed, [saved, chatbot, answers], kept[1:])
                clear.click(lambda store: forget(store, conversations.current_id(store)), saved, outputs + kept)
                def start_new(store):
                    """An empty chat; the conversation shown stays in the list. The question box is left alone:
                    the user may already be typing the next question when this returns (a busy server answers the
                    click seconds later, and clearing then would erase what was typed)."""
                    store = conversations.start_new(store)
                    return ([], gr.update(), "", "", None, {}, store, *listed(store, [], {}))

                new_chat.click(start_new, saved, outputs + kept)
                past.input(reopen, [saved, past], outputs + kept)
                delete_past.click(forget, [saved, past], outputs + kept)
                export_which.input(lambda h, a, w: gr.update(value=ui.export_docx(h, a, w), visible=True),
                                   [chatbot, answers, export_which], export)
                page.load(lambda store: reopen(store, conversations.current_id(store)), saved, outputs + kept)

                def rate(data: gr.LikeData, answers_value, comment_value):
                    return ui.feedback(data.index, data.liked, answers_value, comment_value), ""

                chatbot.like(rate, [answers, comment], [feedback_note, comment])
                # the chat's own trash icon clears the carried context, the sources and the citation too, and drops
                # the conversation from this browser like 清空对话
                chatbot.clear(lambda store: forget(store, conversations.current_id(store)), saved, outputs + kept)
                city.change(lambda c: (gr.update(choices=ui.offices(c), value=ALL), gr.update(choices=ui.years(c), value=ALL)),
                            city, [office, year])

            with gr.Tab("科室目录", id="offices"):
                with gr.Row():
                    dir_city = gr.Dropdown([ALL], value=ALL, label="城市", elem_id="dir-city")
                    dir_office = gr.Dropdown([ALL], value=ALL, label="科室（同一科室的不同写法已合并）",
                                             elem_id="dir-office")
                dir_summary = gr.Markdown()
                table = gr.Dataframe(headers=TABLE_HEADERS, interactive=False, wrap=True, elem_id="office-table")
                with gr.Row():
                    download = gr.DownloadButton("下载 CSV", visible=False, elem_id="office-csv")
                    ledger = gr.DownloadButton("下载台账（Excel）", visible=False, elem_id="office-ledger")
                chart = gr.HTML(elem_id="office-chart")

                def show_offices(office_value, city_value):
                    rows, path, summary = ui.office_table(office_value, city_value)
                    workbook = ui.office_ledger(office_value, city_value)  # a plan listing no offices still has one
                    return (rows, gr.update(value=path, visible=bool(path)),
                            gr.update(value=workbook, visible=bool(workbook)), summary,
                            ui.office_chart(office_value, city_value))

                shown = [table, download, ledger, dir_summary, chart]
                dir_city.change(lambda c: gr.update(choices=ui.offices(c), value=ALL), dir_city, dir_office)
                dir_office.change(show_offices, [dir_office, dir_city], shown)
                dir_city.change(show_offices, [dir_office, dir_city], shown)
                page.load(show_offices, [dir_office, dir_city], shown)  # every task listed when the page opens

            with gr.Tab("文件", id="documents"):
                # set widths and wrapped cells: every column shows within the page (the full SHA-256 is in the outline)
                documents = gr.Dataframe(headers=DOCUMENT_HEADERS, interactive=False, wrap=True, elem_id="documents-table",
                                         column_widths=DOCUMENT_WIDTHS)
                with gr.Row():
                    doc_file = gr.Dropdown([], label="文件", elem_id="doc-file")
                    start = gr.Number(label="起始行", precision=0, value=1, elem_id="doc-start")
                    end = gr.Number(label="结束行", precision=0, value=20, elem_id="doc-end")
                    show_lines = gr.Button("查看这几行", elem_id="doc-show-lines")
                # the plan itself, numbered; a citation link (?doc=…&lines=…&hl=…) opens it here at the quote
                doc_view = gr.HTML('<div class="empty">选择文件，或点击回答中的出处。</div>', elem_id="doc-view")
                outline_box = gr.Textbox(label="大纲（章节、任务、科室、解析提示）", lines=18, interactive=False)
                doc_file.input(lambda f: (ui.document_outline(f), ui.source_view(f)), doc_file, [outline_box, doc_view])
                show_lines.click(ui.source_view, [doc_file, start, end], doc_view).then(None, js=SHOW_CITED)

                with gr.Accordion("删除或替换文件", open=False, elem_id="manage"):
                    gr.Markdown("删除或替换会同时更新索引；中途失败时文件库、目录和索引都保持原样。")
                    with gr.Row():
                        manage_file = gr.Dropdown([], label="文件", elem_id="manage-file", scale=2)
                        remove_start = gr.Button("删除…", variant="stop", elem_id="remove-start", scale=1)
                    with gr.Row():
                        replacement = gr.File(label="新版本（.txt、.docx、.pdf、.xlsx）", type="filepath", elem_id="replace-file",
                                              scale=2)
                        replace_start = gr.Button("预览替换", elem_id="replace-preview", scale=1)
                    manage_note = gr.Markdown(elem_id="manage-note")
                    with gr.Row():
                        remove_confirm = gr.Button("确认删除", variant="stop", visible=False, elem_id="remove-confirm")
                        replace_confirm = gr.Button("确认替换", variant="primary", visible=False,
                                                    elem_id="replace-confirm")
                        manage_cancel = gr.Button("取消", visible=False, elem_id="manage-cancel")
                    replace_outline = gr.Textbox(label="新版本的解析预览", lines=10, interactive=False, visible=False)
                    replacing = gr.State(None, time_to_live=SESSION_HOURS * 3600)

            def fresh(request: gr.Request | None = None):
                """What the page shows of the corpus, as it is now; and, when the address is a citation link, the 文件
                view of that plan at the cited lines."""
                params = dict(request.query_params) if request is not None and request.query_params else {}
                target, view = ui.open_link(params)
                opened = ((gr.Tabs(selected="documents"), gr.update(choices=ui.files(), value=target.doc), view,
                           ui.document_outline(target.doc), target.first or 1, target.last or 20) if target else
                          (gr.update(), gr.update(choices=ui.files()), gr.update(), gr.update(), gr.update(),
                           gr.update()))
                return (ui.status(), gr.update(choices=ui.cities(), value=ALL), gr.update(choices=ui.years(), value=ALL),
                        gr.update(choices=ui.offices(), value=ALL), gr.update(choices=ui.cities(), value=ALL),
                        gr.update(choices=ui.offices(), value=ALL), ui.documents_rows(),
                        gr.update(samples=[[e] for e in ui.examples()]), *opened, gr.update(choices=ui.files(), value=None))

            refreshed = [status, city, year, office, dir_city, dir_office, documents, examples, tabs, doc_file, doc_view,
                         outline_box, start, end, manage_file]

            hidden = (gr.update(visible=False), gr.update(visible=False), gr.update(visible=False))

            def ask_removal(name):
                question = ui.removal_question(name)
                known = question.startswith("确定")
                return question, gr.update(visible=known), gr.update(visible=False), gr.update(visible=known)

            def preview_replacement(name, path):
                message, outline_text, pending_value = ui.replace_preview(name, path, "", "", "", "", "", "", "")
                ok = pending_value is not None
                return (message, gr.update(visible=False), gr.update(visible=ok), gr.update(visible=ok),
                        gr.update(value=outline_text, visible=bool(outline_text)), pending_value)

            def removed(name, request: gr.Request):
                message = ui.remove(name, user=getattr(request, "username", None))
                return (message, *hidden, *fresh())

            def replaced(pending_value, request: gr.Request):
                message, cleared = ui.replace_confirm(pending_value, user=getattr(request, "username", None))
                return (message, *hidden, cleared, gr.update(visible=False), *fresh())

            buttons = [remove_confirm, replace_confirm, manage_cancel]
            remove_start.click(ask_removal, manage_file, [manage_note, *buttons])
            replace_start.click(preview_replacement, [manage_file, replacement],
                                [manage_note, *buttons, replace_outline, replacing])
            manage_cancel.click(lambda: ("已取消。", *hidden, gr.update(visible=False), None), None,
                                [manage_note, *buttons, replace_outline, replacing])
            remove_confirm.click(removed, manage_file, [manage_note, *buttons, *refreshed])
            replace_confirm.click(replaced, replacing, [manage_note, *buttons, replacing, replace_outline, *refreshed])
            # another choice of file withdraws a question asked about the previous one
            manage_file.input(lambda: ("", *hidden), None, [manage_note, *buttons])

            with gr.Tab("添加文件", id="upload"):
                gr.Markdown("上传 .txt、.docx、.pdf 或 Excel 任务分解表 .xlsx（不超过 20 MB），填写目录信息，先预览解析结果，确认后加入文件库并更新索引。")
                pending = gr.State(None, time_to_live=SESSION_HOURS * 3600)  # a preview holds the file's bytes
                with gr.Row():
                    # no file_types / 20 MB limit here: Gradio would refuse in English; the preview refuses in Chinese
                    upload = gr.File(label="文件（.txt、.docx、.pdf、.xlsx）", type="filepath", elem_id="upload-file")
                    with gr.Column():
                        with gr.Row():
                            up_city = gr.Textbox(label="城市（不带“市”字）", elem_id="upload-city")
                            up_aliases = gr.Textbox(label="城市别名（逗号分隔）")
                            up_year = gr.Textbox(label="年份", elem_id="upload-year")
                        up_title = gr.Textbox(label="标题")
                        with gr.Row():
                            up_issuer = gr.Textbox(label="发文单位")
                            up_doc_no = gr.Textbox(label="文号")
                            up_date = gr.Textbox(label="日期")
                with gr.Row():
                    preview_btn = gr.Button("预览", elem_id="upload-preview")
                    confirm_btn = gr.Button("确认添加", variant="primary", elem_id="upload-confirm")
                up_status = gr.Markdown(elem_id="upload-status")
                up_outline = gr.Textbox(label="解析预览", lines=16, interactive=False)
                preview_btn.click(ui.preview, [upload, up_city, up_aliases, up_year, up_title, up_issuer, up_doc_no, up_date],
                                  [up_status, up_outline, pending])

                def confirm(pending_value, request: gr.Request):
                    message, cleared = ui.confirm(pending_value, user=getattr(request, "username", None))
                    return (message, cleared, *fresh())

                confirm_btn.click(confirm, pending, [up_status, pending, *refreshed])

        page.load(fresh, None, refreshed).then(None, js=SHOW_CITED)
    return page


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="工作要点问答助手（网页版）")
    p.add_argument("--host", default=os.environ.get(HOST_ENV, "127.0.0.1"),
                   help=f"监听地址（默认 127.0.0.1；局域网访问用 0.0.0.0；或环境变量 {HOST_ENV}）")
    p.add_argument("--port", type=int, default=int(os.environ.get(PORT_ENV) or 7860),
                   help=f"端口（默认 7860；0 表示自动选一个空闲端口；或环境变量 {PORT_ENV}）")
    p.add_argument("--model", default=None, help="向量模型（默认内置 multilingual-e5-small）")
    p.add_argument("--rebuild", action="store_true", help="启动前重建索引")
    p.add_argument("--auth", default=os.environ.get(AUTH_ENV), help=f"user:password（或环境变量 {AUTH_ENV}）")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help=argparse.SUPPRESS)
    p.add_argument("--index", default=str(DEFAULT_INDEX), help=argparse.SUPPRESS)
    return p.parse_args(argv)


def listen(host: str, port: int) -> socket.socket:
    """Bind the port before anything is served, so a port in use is one clear message (and --port 0 a free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise SystemExit(f"错误：端口 {port} 已被占用。请换一个端口（--port 7861），或用 --port 0 自动选择。") from None
        raise SystemExit(f"错误：无法在 {host}:{port} 上监听（{exc.strerror}）。请检查 --host 和 --port。") from None
    sock.listen(2048)
    return sock


def _quiet_logs() -> None:
    """INFO for the assistant; libraries that chat at INFO/DEBUG (bm25s, httpx, uvicorn's access log) keep quiet."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("bm25s", "httpx", "httpcore", "uvicorn.access", "urllib3", "gradio"):
        logging.getLogger(name).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _quiet_logs()
    guard = None
    if args.auth:
        user, sep, password = args.auth.partition(":")
        if not sep or not user or not password:
            print("错误：--auth 的格式应为 用户名:密码", file=sys.stderr)
            return 2
        guard = LoginGuard(user, password)
    sock = listen(args.host, args.port)  # before loading: a port in use is said at once
    print("正在加载文件库和索引……", file=sys.stderr)
    try:
        ui = AssistantUI.open(args.corpus, args.index, args.model, rebuild=args.rebuild, progress=True)
    except (CatalogError, EmbedderError, IndexUnavailable) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    for error in ui.ready.corpus_errors:
        print(f"警告：{error}（已跳过）", file=sys.stderr)
    for warning in ui.ready.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    if ui.ready.report:
        r = ui.ready.report
        print(f"索引已更新（{r.reason}）：嵌入 {r.embedded} 段，复用 {r.reused} 段，用时 {r.seconds:.1f} 秒", file=sys.stderr)
    page = build_page(ui)
    page.queue(default_concurrency_limit=4)
    page.state_session_capacity = MAX_PAGE_SESSIONS  # launch() would set it; mounting does not
    server_app = gr.mount_gradio_app(
        make_api(ui, guard), page, path="/", auth=guard, show_error=False, footer_links=[], ssr_mode=False,
        pwa=False, mcp_server=False, max_file_size=TRANSFER_LIMIT, css=CSS,
        theme=gr.themes.Base(font=SYSTEM_FONTS, font_mono=["ui-monospace", "monospace"]))
    host, port = sock.getsockname()[:2]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"已启动：http://{shown}:{port}/  （健康检查 /healthz；按 Ctrl+C 停止）", file=sys.stderr, flush=True)
    server = uvicorn.Server(uvicorn.Config(server_app, log_level="warning", access_log=False, lifespan="on",
                                           timeout_graceful_shutdown=5))
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
