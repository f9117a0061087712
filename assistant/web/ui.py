"""What each tab of the web app does, as plain functions over the assistant package. app.py only lays out the page
and wires these to it, so they are tested directly, without a browser."""
from __future__ import annotations

import csv
import logging
import re
import shutil
import tempfile
import threading
import time
import weakref
from pathlib import Path

from ..answers.answer import citation, locator, source_line, to_markdown
from ..answers.directory import office_directory
from ..answers.export import Turn, write_docx
from ..answers.ledger import EmptyLedger, write_ledger
from ..retrieval.embedders import Embedder
from ..retrieval.search import MAX_QUESTION, follow_up_context
from .library import (VERBS, Change, Preview, UploadError, add_document, corpus_lock, preview_upload,
                      recover_interrupted, remove_document, replace_document, settle_change, undo_change)
from ..documents.files import write_failure
from ..documents.normalize import fold, source_lines
from ..documents.outline import outline
from ..documents.readers import MAX_BYTES, DocumentError, read_document
from ..documents.records import TASK, place_name
from ..retrieval.store import POINTER
from ..service import Ready, open_engine
from .feedback import NOT_USEFUL, USEFUL, feedback_dir, save_feedback
from .conversations import browser_secret, message_text, state_dir
from .links import Target, citation_link, read_target
from .source_view import source_view_html
from .views import citations_text, esc, office_chart_html, sources_html

log = logging.getLogger(__name__)
ALL = "全部"
UNKNOWN_PLACE = "地点未知"
SHA_SHOWN = 12  # hex digits of a file's SHA-256 in the 文件 table (all 64 in its outline)
# How often (seconds) a request checks whether another process published a new index build.
RELOAD_CHECK_SECONDS = 1.0
INTERNAL_ERROR = "出错了，请稍后再试；如果一再出现，请联系管理员。"


class AssistantUI:
    def __init__(self, ready: Ready, corpus_dir: Path, index_dir: Path, embedder: Embedder):
        self.corpus_dir, self.index_dir, self.embedder = Path(corpus_dir), Path(index_dir), embedder
        self._reloading = threading.Lock()
        self._checked = 0.0
        self.ready = ready
        self._lock = threading.Lock()
        self._downloads = Path(tempfile.mkdtemp(prefix="assistant-csv-"))
        # The exports are only for this page's downloads: removed with the page (or at exit), so a long-running
        # intranet server or a test run does not leave one folder per start behind in /tmp.
        weakref.finalize(self, shutil.rmtree, self._downloads, ignore_errors=True)
        self._ledgers: tuple[Ready | None, dict] = (None, {})  # workbooks already written for this index

    @classmethod
    def open(cls, corpus_dir: Path, index_dir: Path, model: str | None = None, rebuild: bool = False,
             progress: bool = True) -> AssistantUI:
        from ..retrieval.embedders import load_embedder

        embedder = load_embedder(model)
        undone = recover_interrupted(corpus_dir)
        ready = open_engine(corpus_dir, index_dir, embedder=embedder, rebuild=rebuild, progress=progress)
        ready.warnings += [f"上次添加、删除或替换“{name}”时程序中断，尚未向用户确认，已恢复原状，请重新操作。" for name in undone]
        return cls(ready, corpus_dir, index_dir, embedder)

    @property
    def ready(self) -> Ready:
        """The engine and corpus as last loaded; reloaded first when another instance (or session) has published a
        new build since (index/CURRENT changed), so every instance answers from the same documents."""
        self._follow_published_build()
        return self._ready

    @ready.setter
    def ready(self, ready: Ready) -> None:
        self._ready, self._seen = ready, _pointer(self.index_dir)

    def _follow_published_build(self) -> None:
        now = time.monotonic()
        if now - self._checked < RELOAD_CHECK_SECONDS:
            return
        self._checked = now
        if _pointer(self.index_dir) == self._seen or not self._reloading.acquire(blocking=False):
            return  # unchanged, or another request is reloading: this one is answered from the current engine
        try:
            seen = _pointer(self.index_dir)
            if seen != self._seen:
                log.info("index %s was published by another process: reloading", seen)
                self.ready = open_engine(self.corpus_dir, self.index_dir, embedder=self.embedder, progress=False)
        except Exception:
            log.exception("reloading the index after a change by another process failed; serving the loaded one")
            self._seen = _pointer(self.index_dir)
        finally:
            self._reloading.release()

    @property
    def engine(self):
        return self.ready.engine

    @property
    def documents(self):
        return self.engine.index.documents

    # -- status and choices ------------------------------------------------------------------------------------
    def status(self) -> str:
        tasks = sum(1 for r in self.engine.records if r.kind == TASK)
        text = f"文件库：{len(self.documents)} 份文件，{tasks} 项任务。全部在本机运行，不联网。"
        if self.ready.corpus_errors:
            text += " 有文件未能读取（已跳过）：" + "；".join(self.ready.corpus_errors)
        if self.ready.warnings:
            text += "【注意】" + "；".join(self.ready.warnings)
        return esc(text)

    def cities(self) -> list[str]:
        return [ALL] + sorted({info.city for info in self.documents.values() if info.city})

    def years(self, city: str | None = None) -> list[str]:
        """The years the chosen city has plans for (all years for 全部)."""
        return [ALL] + [str(y) for y in sorted({r.year for r in self.engine.records
                                                if r.year and (not _value(city) or r.city == city)})]

    def offices(self, city: str | None = None) -> list[str]:
        entries = office_directory(self.engine.records, self.documents, _value(city))
        return [ALL] + sorted({e.office for e in entries})

    def examples(self, limit: int = 6) -> list[str]:
        """Questions built from the corpus itself, one kind after another, so a new user sees what works."""
        out: list[str] = []
        for info in self.documents.values():
            if not info.city:  # a question naming no place would not show what the examples are about
                continue
            tasks = [r for r in self.engine.records if r.doc == info.file and r.kind == TASK]
            led = [r for r in tasks if r.lead_offices and len(r.title) <= 14]
            if led:
                out.append(f"{info.city}「{fold(led[0].title)}」由哪个科室牵头？")
                offices = sorted({o for r in tasks for o in r.lead_offices},
                                 key=lambda o: -sum(o in r.lead_offices for r in tasks))
                out.append(f"{info.city}{offices[0]}牵头了哪些工作？")
            elif tasks:
                short = [r for r in tasks if len(r.title) <= 14] or tasks
                out.append(f"{info.city}{info.year}年「{fold(short[len(short) // 2].title)}」有哪些安排？")
        return out[:limit]

    # -- chat --------------------------------------------------------------------------------------------------
    def chat(self, message: str, history: list | None, city: str | None, year: str | None, office: str | None,
             context: dict | None):
        """-> (history, cleared input, sources HTML, citation text, new context)"""
        return self._chat(message, history, city, year, office, context)[0]

    def chat_and_remember(self, message: str, history: list | None, city: str | None, year: str | None,
                          office: str | None, context: dict | None, answers: dict | None):
        """`chat`, plus what each answer was (question, status, cited tasks) by its position in the chat, so a
        有用 / 没用 verdict on it can be stored with it. -> (chat's outputs…, answers)"""
        outputs, answer = self._chat(message, history, city, year, office, context)
        answers = dict(answers or {})
        if answer is not None:
            documents = self.documents
            answers[str(len(outputs[0]) - 1)] = {
                "question": answer.question.text, "status": answer.status, "intent": answer.question.intent,
                "cited": [{"doc": h.record.doc, "city": h.record.city, "year": h.record.year,
                           "section": h.record.section, "task_no": h.record.task_no, "title": h.record.title,
                           "citation": citation(h.record, documents)} for h in answer.hits[:3]],
                # for the Word export: the answer as the chat shows it, without the page's escaping and links
                "markdown": to_markdown(answer, documents), "citations": citations_text(answer, documents)}
        return (*outputs, answers)

    def export_choices(self, history: list | None) -> list[tuple[str, str]]:
        """What can be exported: the whole conversation, or one answer (by its question)."""
        out = [("整段对话", ALL)]
        for n, message in enumerate(history or []):
            if isinstance(message, dict) and message.get("role") == "user":
                text = message_text(message)
                out.append((f"第{len(out)}问：{text[:30]}", str(n + 1)))
        return out

    def export_docx(self, history: list | None, answers: dict | None, which: str | None = None) -> str | None:
        """Path of a .docx of the conversation (or of the answer at position `which`), every quote verbatim and
        every citation with it; None when there is nothing to export."""
        turns, asked, chosen = [], 0, None
        history = list(history or [])
        for n, message in enumerate(history):
            if not isinstance(message, dict) or message.get("role") != "assistant" or n == 0:
                continue
            asked += 1
            if _value(which) and str(n) != str(which):
                continue
            chosen = asked
            meta = (answers or {}).get(str(n)) or {}
            question = meta.get("question") or message_text(history[n - 1])
            answer = meta.get("markdown") or message_text(message)
            citations = [c for c in str(meta.get("citations") or "").splitlines() if c]
            turns.append(Turn(question, answer, citations))
        if not turns:
            return None
        name = f"问答记录_第{chosen}问.docx" if _value(which) else "问答记录.docx"
        try:
            # a folder per export: two people exporting at once never get each other's file
            return str(write_docx(turns, Path(tempfile.mkdtemp(dir=self._downloads)) / name))
        except Exception as exc:  # a full disk, whatever layer of the writer it reaches
            log.warning("could not write %s: %s", name, exc)
            return None

    def feedback(self, index: int | list | tuple | None, liked: bool | str | None, answers: dict | None,
                 comment: str | None) -> str:
        """Store a verdict on the answer at `index` of the chat; -> a short message for the user."""
        position = index[0] if isinstance(index, (list, tuple)) else index
        meta = (answers or {}).get(str(position))
        if meta is None:
            return "这条回答无法评价（可能是提示信息）。"
        verdict = USEFUL if liked in (True, "Like", "like") else NOT_USEFUL
        entry = {**meta, "verdict": verdict, "comment": (comment or "").strip()[:1000]}
        try:
            save_feedback(feedback_dir(self.index_dir), entry)
        except OSError as exc:
            log.warning("feedback not saved: %s", exc)
            return f"【错误】反馈未能保存（{write_failure(exc)}）。"
        return f"已记录：{verdict}。谢谢！"

    def _chat(self, message: str, history: list | None, city: str | None, year: str | None, office: str | None,
              context: dict | None):
        history = list(history or [])
        text = (message or "").strip()
        if not text:
            return (history, "", '<div class="empty">请输入问题。</div>', "", context), None
        if len(text) > MAX_QUESTION:
            history += [{"role": "user", "content": esc(text[:60]) + "…"},
                        {"role": "assistant", "content": f"问题太长了（{len(text)} 字），请精简到 {MAX_QUESTION} 字以内。"}]
            return (history, "", "", "", context), None
        engine = self.engine  # one engine for the whole request, even if another process publishes a build meanwhile
        try:
            year_value = int(year) if _value(year) else None
            answer = engine.ask(text, k=5, city=_value(city), year=year_value, office=_value(office),
                                     context=context)
        except Exception:
            log.exception("chat failed for %r", text)
            history += [{"role": "user", "content": esc(text)}, {"role": "assistant", "content": INTERNAL_ERROR}]
            return (history, "", "", "", context), None
        history += [{"role": "user", "content": esc(text)},
                    {"role": "assistant", "content": to_markdown(answer, engine.index.documents, esc, citation_link)}]
        new_context = follow_up_context(answer, context)
        return (history, "", sources_html(answer, engine.index.documents), citations_text(answer, engine.index.documents),
                new_context), answer

    # -- office directory --------------------------------------------------------------------------------------
    def office_table(self, office: str | None, city: str | None):
        """-> (rows for the table, path of the same rows as CSV or None, summary line)"""
        entries = office_directory(self.engine.records, self.documents, _value(city))
        chosen = [e for e in entries if not _value(office) or office == e.office or office in e.forms]
        rows = []
        for e in chosen:
            for role, records in (("牵头", e.lead), ("参与", e.shared)):
                for r in records:
                    rows.append([e.city or UNKNOWN_PLACE, e.office, role, locator(r, self.documents),
                                 "、".join(r.lead_offices), "、".join(r.responsible_offices), source_line(r)])
        if not rows:
            return [], None, "所选范围内没有列出科室的任务。"
        path = self._downloads / f"科室任务_{_value(city) or '全部'}_{_value(office) or '全部'}.csv"
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(TABLE_HEADERS)
                writer.writerows(rows)
        except OSError as exc:  # the table still shows; only the download is missing
            log.warning("could not write %s: %s", path, exc)
            path = None
        lead = sum(1 for row in rows if row[2] == "牵头")
        summary = f"共 {len(rows)} 条：牵头 {lead} 项，参与 {len(rows) - lead} 项。"
        if _value(office) and chosen:
            forms = sorted(set().union(*(e.forms for e in chosen)) - {office})
            if forms:
                summary += f" 已合并写法：{'、'.join(forms)}。"
        return rows, str(path) if path else None, esc(summary)

    def office_ledger(self, office: str | None, city: str | None) -> str | None:
        """Path of the 任务台账 workbook (.xlsx) for the chosen city and office, or None when nothing is in scope.
        Written once per choice and index (about 0.4 s for the whole corpus), then reused."""
        ready, written = self._ledgers
        if ready is not self.ready:
            ready, written = self.ready, {}
            self._ledgers = (ready, written)
        key = (_value(city), _value(office))
        if key not in written:
            name = re.sub(r'[\\/:*?"<>|]', "_", f"任务台账_{key[0] or ALL}_{key[1] or ALL}.xlsx")
            try:
                write_ledger(ready.engine.records, ready.engine.index.documents, self._downloads / name,
                             city=key[0], office=key[1])
                written[key] = str(self._downloads / name)
            except EmptyLedger:
                written[key] = None
            except Exception as exc:  # a full disk reaches openpyxl's lxml writer as a SerialisationError
                log.warning("could not write the ledger %s: %s", name, exc)
                return None
        return written[key]

    def office_chart(self, office: str | None, city: str | None) -> str:
        """HTML bars of the tasks each office of the chosen city leads and shares (the chosen office highlighted)."""
        entries = office_directory(self.engine.records, self.documents, _value(city))
        return office_chart_html(entries, _value(office), UNKNOWN_PLACE)

    def browser_secret(self) -> str:
        """The key conversations kept in users' browsers are encrypted with (`conversations.browser_secret`)."""
        return browser_secret(state_dir(self.index_dir))

    # -- citations ---------------------------------------------------------------------------------------------
    def source_view(self, file: str | None, first=None, last=None, quote: str = "") -> str:
        """HTML of the whole plan, numbered, the given lines marked and the quote highlighted (the 文件 view)."""
        if not file or file not in self.documents:
            return '<div class="empty">请选择文件。</div>' if not file else \
                f'<div class="empty">文件库中没有“{esc(str(file))}”（可能已被删除或替换）。</div>'
        try:
            first_no, last_no = int(first or 0), int(last or first or 0)
        except (TypeError, ValueError):
            return '<div class="empty">行号需为数字。</div>'
        try:
            lines = source_lines(read_document(self.corpus_dir / file))
        except DocumentError as exc:
            return f'<div class="empty">{esc(str(exc))}</div>'
        info = self.documents[file]
        title = info.title or place_name(info.display_city, info.year, TASK)
        return source_view_html(title, lines, Target(file, min(first_no, last_no), max(first_no, last_no), quote or ""))

    def open_link(self, params) -> tuple[Target | None, str]:
        """What a page address with a citation's query (?doc=…&lines=…&hl=…) opens: (its target, the view's HTML);
        (None, "") when the address holds none."""
        target = read_target(params)
        if target is None:
            return None, ""
        return target, self.source_view(target.doc, target.first, target.last, target.quote)

    # -- documents ---------------------------------------------------------------------------------------------
    def documents_rows(self) -> list[list]:
        rows = []
        for info in self.documents.values():
            tasks = sum(1 for r in self.engine.records if r.doc == info.file and r.kind == TASK)
            entry = self.ready.corpus.catalog.get(info.file)
            added = (entry.added.replace("T", " ") + (f"（{entry.added_by}）" if entry.added_by else "")
                     if entry and entry.added else "")
            rows.append([info.file, info.city or UNKNOWN_PLACE, info.year or "", info.title, info.issuer,
                         info.doc_no, info.date, tasks, added, info.sha256[:SHA_SHOWN] + "…" if info.sha256 else "",
                         "；".join(info.warnings)])
        return rows

    def files(self) -> list[str]:
        return list(self.documents)

    def document_outline(self, file: str | None) -> str:
        document = self.ready.corpus.document(file or "")
        if document is None:
            return "请选择文件。"
        aliases = [f"{d['alias']} → {d['canonical']}" for d in self.documents[file].alias_decisions
                   if d["source"] != "ambiguous"]
        text = outline(document)
        info = self.documents[file]
        if info.sha256:  # the table shows its start; the whole digest to compare with a copy of the file
            text = f"SHA-256：{info.sha256}\n" + text
        if aliases:
            text += "\n\n科室写法合并：" + "；".join(aliases)
        return text

    # -- adding a document -------------------------------------------------------------------------------------
    def preview(self, file_path: str | None, city: str, aliases: str, year: str, title: str, issuer: str,
                doc_no: str, date: str):
        """-> (status message, outline text, pending preview or None)"""
        if not file_path:
            return "请先选择要上传的文件。", "", None
        fields = {"city": city, "city_aliases": aliases, "year": year, "title": title, "issuer": issuer,
                  "doc_no": doc_no, "date": date}
        return self._preview(Path(file_path), fields, None)

    def _preview(self, path: Path, fields: dict, replacing: str | None):
        """Read and parse an upload (a new plan, or a new version of `replacing`) without writing anything.
        -> (status message, outline text, pending preview or None)"""
        verb = "替换" if replacing is not None else "添加"
        try:
            if path.stat().st_size > MAX_BYTES:  # refused before it is read into memory
                raise UploadError(f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限，请拆分或压缩后再上传")
            pending = preview_upload(self.corpus_dir, path.name, path.read_bytes(), fields, replacing=replacing)
        except UploadError as exc:
            return f"【错误】不能{verb}：{esc(str(exc))}", "", None
        except Exception:
            log.exception("preview failed for %s", path.name)
            return f"【错误】{INTERNAL_ERROR}", "", None
        doc = pending.document
        target = esc(pending.name)
        if replacing is not None:
            saved_as = replacing if pending.name == replacing else f"{pending.name}（原文件 {replacing} 将删除）"
            target = f"替换 {esc(replacing)}，保存为 {esc(saved_as)}"
        message = (f"预览：{target}，{esc(doc.place or doc.city or UNKNOWN_PLACE)} {doc.year or '年份未知'}，"
                   f"找到 {len(doc.tasks)} 项任务。")
        if doc.warnings or doc.inferred:
            message += f" 请核对大纲中的【注意】提示，确认无误后点击“确认{verb}”。"
        return message, outline(doc), pending

    def confirm(self, pending: Preview | None, user: str | None = None):
        """-> (status message, None to clear the pending preview). `user`: who is logged in (with --auth), kept in
        the catalog entry with the time the document was added."""
        if pending is None:
            return "请先上传文件并预览。", None
        pending.entry.added_by = user or ""
        with self._lock:
            try:
                # the commit and the index update hold the corpus lock together: another instance adding a file
                # waits, then sees this one's file (and its name taken) when it commits
                with corpus_lock(self.corpus_dir):
                    try:
                        change = add_document(self.corpus_dir, pending)
                    except UploadError as exc:
                        return f"【错误】不能添加：{esc(str(exc))}", None
                    failure = self._publish(change)  # the index, or the change undone
                    if failure:
                        return failure, None
            except UploadError as exc:  # the lock could not be had
                return f"【错误】不能添加：{esc(str(exc))}", None
            except Exception:
                log.exception("adding %s failed", pending.name)
                return f"【错误】文件未添加。{INTERNAL_ERROR}", None
        tasks = len(pending.document.tasks)
        return f"【完成】已添加 {esc(pending.name)}（{tasks} 项任务），现在即可提问。", None

    # -- removing and replacing a document -----------------------------------------------------------------------
    def removal_question(self, name: str | None) -> str:
        """What the user confirms before `remove`: the plan named by title, place, year and size, so a slip of the
        mouse on the wrong row is noticed."""
        info = self.documents.get(name or "")
        if info is None:
            return "请先选择要删除的文件。"
        tasks = sum(1 for r in self.engine.records if r.doc == name and r.kind == TASK)
        return (f"确定删除《{esc(info.title or name)}》（{esc(info.city or UNKNOWN_PLACE)} {info.year or '年份未知'}，"
                f"{esc(name)}，{tasks} 项任务）吗？此操作会同时更新索引。")

    def remove(self, name: str | None, user: str | None = None) -> str:
        """Delete a document and update the index, both or neither: when the index cannot be updated the file, the
        catalog and the index stay exactly as they were. -> the message for the user."""
        with self._lock:
            try:
                with corpus_lock(self.corpus_dir):  # the change and the index update, with no other change between
                    info = self.documents.get(name or "")
                    try:
                        change = remove_document(self.corpus_dir, name)
                    except UploadError as exc:
                        return self._refused("删除", exc)
                    failure = self._publish(change)
                    if failure:
                        return failure
            except UploadError as exc:  # the lock could not be had
                return self._refused("删除", exc)
            except Exception:
                log.exception("removing %s failed", name)
                return f"【错误】文件未删除，文件库保持原样。{INTERNAL_ERROR}"
        log.info("%s removed from %s by %s", name, self.corpus_dir, user or "(no login)")
        title = info.title if info and info.title else (change.previous_entry.title if change.previous_entry else "")
        return f"【完成】已删除《{esc(title or name)}》（{esc(name)}），索引已更新，回答不再引用它。"

    def replace_preview(self, name: str | None, file_path: str | None, city: str, aliases: str, year: str,
                        title: str, issuer: str, doc_no: str, date: str):
        """`preview` for a new version of `name`: the catalog fields left empty keep what the catalog says about
        it. -> (status message, outline text, pending preview or None)"""
        if not file_path:
            return "请先选择用来替换的新文件。", "", None
        fields = {"city": city, "city_aliases": aliases, "year": year, "title": title, "issuer": issuer,
                  "doc_no": doc_no, "date": date}
        return self._preview(Path(file_path), fields, name or "")

    def replace_confirm(self, pending: Preview | None, user: str | None = None):
        """-> (status message, None to clear the pending preview). As `confirm`: the new file and the index update
        go together or not at all."""
        if pending is None or not pending.replaces:
            return "请先选择新文件并预览。", None
        pending.entry.added_by = user or ""
        name = pending.replaces
        with self._lock:
            try:
                with corpus_lock(self.corpus_dir):
                    info = self.documents.get(name)
                    try:
                        change = replace_document(self.corpus_dir, name, pending)
                    except UploadError as exc:
                        return self._refused("替换", exc), None
                    failure = self._publish(change)
                    if failure:
                        return failure, None
            except UploadError as exc:
                return self._refused("替换", exc), None
            except Exception:
                log.exception("replacing %s failed", name)
                return f"【错误】文件未替换，文件库保持原样。{INTERNAL_ERROR}", None
        title = info.title if info and info.title else pending.entry.title
        return (f"【完成】已用 {esc(pending.name)} 替换《{esc(title or name)}》（{esc(name)}），"
                f"找到 {len(pending.document.tasks)} 项任务，现在即可提问。"), None

    def _publish(self, change: Change) -> str | None:
        """Update the index for a change written to the corpus (under the corpus lock), then settle it; when the
        index cannot be updated the change is undone. -> None when published, else the message for the user."""
        try:
            self.ready = open_engine(self.corpus_dir, self.index_dir, embedder=self.embedder, progress=False,
                                     allow_stale=False)
        except Exception as exc:
            log.exception("index update failed after the %s of %s; undoing it", change.action, change.name)
            return self._undo(change, exc)
        settle_change(self.corpus_dir, change)  # from here it stays, also if we are killed
        return None

    def _undo(self, change: Change, cause: Exception) -> str:
        """Undo a change after the index could not be updated; the message for the user."""
        verb = VERBS[change.action]
        try:
            undo_change(self.corpus_dir, change)
        except Exception:
            log.exception("could not undo the %s of %s in %s", change.action, change.name, self.corpus_dir)
            return (f"【错误】更新索引失败，且未能撤销对 {esc(change.name)} 的{verb}（程序下次启动时会再尝试撤销）："
                    f"请管理员检查文件库目录和 catalog.json。{INTERNAL_ERROR}")
        reason = write_failure(cause) if isinstance(cause, OSError) and cause.errno else "原因已记入日志"
        return f"【错误】更新索引失败（{reason}），文件未{verb}，文件库保持原样。"

    @staticmethod
    def _refused(verb: str, exc: UploadError) -> str:
        text = str(exc).rstrip("。")
        return f"【错误】不能{verb}：{esc(text if '文件库保持原样' in text else text + '，文件库保持原样')}。"


TABLE_HEADERS = ["城市", "科室", "角色", "任务", "牵头科室", "责任科室", "出处"]
DOCUMENT_HEADERS = ["文件", "城市", "年份", "标题", "发文单位", "文号", "日期", "任务数", "添加时间", "SHA-256", "提示"]


def _pointer(index_dir: Path) -> bytes | None:
    """What index/CURRENT holds now (None when unreadable): cheap enough to read before each request."""
    try:
        return (Path(index_dir) / POINTER).read_bytes()
    except OSError:
        return None


def _value(choice):
    return None if choice in (None, "", ALL) else choice
