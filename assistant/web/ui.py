"""What each tab of the web app does, as plain functions over the assistant package. app.py only lays out the page
and wires these to it, so they are tested directly, without a browser."""
from __future__ import annotations

import csv
import logging
import re
import tempfile
import threading
import time
from pathlib import Path

from ..answers.answer import citation, locator, source_line, to_markdown
from ..answers.directory import office_directory
from ..answers.ledger import EmptyLedger, write_ledger
from ..retrieval.embedders import Embedder
from ..retrieval.search import MAX_QUESTION, follow_up_context
from .library import (Preview, UploadError, commit_upload, corpus_lock, preview_upload, recover_interrupted,
                      settle_upload, withdraw_upload)
from ..documents.files import write_failure
from ..documents.normalize import fold, split_lines
from ..documents.outline import outline
from ..documents.readers import MAX_BYTES, DocumentError, read_document
from ..documents.records import TASK
from ..retrieval.store import POINTER
from ..service import Ready, open_engine
from .feedback import NOT_USEFUL, USEFUL, feedback_dir, save_feedback
from .views import citations_text, esc, office_chart_html, sources_html

log = logging.getLogger(__name__)
ALL = "全部"
UNKNOWN_PLACE = "地点未知"
MAX_RAW_LINES = 200
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
        self._ledgers: tuple[Ready | None, dict] = (None, {})  # workbooks already written for this index

    @classmethod
    def open(cls, corpus_dir: Path, index_dir: Path, model: str | None = None, rebuild: bool = False,
             progress: bool = True) -> AssistantUI:
        from ..retrieval.embedders import load_embedder

        embedder = load_embedder(model)
        undone = recover_interrupted(corpus_dir)
        ready = open_engine(corpus_dir, index_dir, embedder=embedder, rebuild=rebuild, progress=progress)
        ready.warnings += [f"上次添加“{name}”时程序中断，尚未向用户确认，已撤回，请重新添加。" for name in undone]
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
                           "citation": citation(h.record, documents)} for h in answer.hits[:3]]}
        return (*outputs, answers)

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
                    {"role": "assistant", "content": to_markdown(answer, engine.index.documents, esc)}]
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
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(TABLE_HEADERS)
            writer.writerows(rows)
        lead = sum(1 for row in rows if row[2] == "牵头")
        summary = f"共 {len(rows)} 条：牵头 {lead} 项，参与 {len(rows) - lead} 项。"
        if _value(office) and chosen:
            forms = sorted(set().union(*(e.forms for e in chosen)) - {office})
            if forms:
                summary += f" 已合并写法：{'、'.join(forms)}。"
        return rows, str(path), esc(summary)

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
            except OSError:
                log.exception("could not write the ledger %s", name)
                return None
        return written[key]

    def office_chart(self, office: str | None, city: str | None) -> str:
        """HTML bars of the tasks each office of the chosen city leads and shares (the chosen office highlighted)."""
        entries = office_directory(self.engine.records, self.documents, _value(city))
        return office_chart_html(entries, _value(office), UNKNOWN_PLACE)

    # -- documents ---------------------------------------------------------------------------------------------
    def documents_rows(self) -> list[list]:
        rows = []
        for info in self.documents.values():
            tasks = sum(1 for r in self.engine.records if r.doc == info.file and r.kind == TASK)
            entry = self.ready.corpus.catalog.get(info.file)
            added = (entry.added.replace("T", " ") + (f"（{entry.added_by}）" if entry.added_by else "")
                     if entry and entry.added else "")
            rows.append([info.file, info.city or UNKNOWN_PLACE, info.year or "", info.title, info.issuer,
                         info.doc_no, info.date, tasks, added, info.sha256, "；".join(info.warnings)])
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
        if aliases:
            text += "\n\n科室写法合并：" + "；".join(aliases)
        return text

    def raw_lines(self, file: str | None, start, end) -> str:
        """The source text around a cited line range, with line numbers (plain text: shown as is, never as HTML)."""
        if not file or file not in self.documents:
            return "请选择文件。"
        try:
            first, last = int(start or 1), int(end or start or 1)
        except (TypeError, ValueError):
            return "行号需为数字。"
        try:
            lines = split_lines(read_document(self.corpus_dir / file))
        except DocumentError as exc:
            return str(exc)
        first, last = max(1, min(first, last)), min(len(lines), max(first, last))
        first, last = max(1, first - 3), min(len(lines), last + 3, first - 3 + MAX_RAW_LINES)
        return "\n".join(f"{n:>4}  {lines[n - 1]}" for n in range(first, last + 1))

    # -- adding a document -------------------------------------------------------------------------------------
    def preview(self, file_path: str | None, city: str, aliases: str, year: str, title: str, issuer: str,
                doc_no: str, date: str):
        """-> (status message, outline text, pending preview or None)"""
        if not file_path:
            return "请先选择要上传的文件。", "", None
        path = Path(file_path)
        try:
            if path.stat().st_size > MAX_BYTES:  # refused before it is read into memory
                raise UploadError(f"文件超过 {MAX_BYTES // (1024 * 1024)} MB 上限，请拆分或压缩后再上传")
            data = path.read_bytes()
            fields = {"city": city, "city_aliases": aliases, "year": year, "title": title, "issuer": issuer,
                      "doc_no": doc_no, "date": date}
            pending = preview_upload(self.corpus_dir, path.name, data, fields)
        except UploadError as exc:
            return f"【错误】不能添加：{esc(str(exc))}", "", None
        except Exception:
            log.exception("preview failed for %s", path.name)
            return f"【错误】{INTERNAL_ERROR}", "", None
        doc = pending.document
        message = (f"预览：{esc(pending.name)}，{esc(doc.place or doc.city or UNKNOWN_PLACE)} {doc.year or '年份未知'}，"
                   f"找到 {len(doc.tasks)} 项任务。")
        if doc.warnings or doc.inferred:
            message += " 请核对大纲中的【注意】提示，确认无误后点击“确认添加”。"
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
                        previous_catalog = commit_upload(self.corpus_dir, pending)
                    except UploadError as exc:
                        return f"【错误】不能添加：{esc(str(exc))}", None
                    try:
                        self.ready = open_engine(self.corpus_dir, self.index_dir, embedder=self.embedder,
                                                 progress=False, allow_stale=False)
                    except Exception as exc:
                        log.exception("index update failed after adding %s; withdrawing it", pending.name)
                        return self._withdraw(pending, previous_catalog, exc), None
                    settle_upload(self.corpus_dir, pending.name)  # from here it stays, also if we are killed
            except UploadError as exc:  # the lock could not be had
                return f"【错误】不能添加：{esc(str(exc))}", None
            except Exception:
                log.exception("adding %s failed", pending.name)
                return f"【错误】文件未添加。{INTERNAL_ERROR}", None
        tasks = len(pending.document.tasks)
        return f"【完成】已添加 {esc(pending.name)}（{tasks} 项任务），现在即可提问。", None

    def _withdraw(self, pending: Preview, previous_catalog: bytes | None, cause: Exception) -> str:
        """Take an added file back out after the index could not be updated; the message for the user."""
        try:
            withdraw_upload(self.corpus_dir, pending.name, previous_catalog)
        except (OSError, UploadError):
            log.exception("could not withdraw %s from %s", pending.name, self.corpus_dir)
            return (f"【错误】更新索引失败，且未能把 {esc(pending.name)} 从文件库撤回：请管理员检查文件库目录中的该文件和 "
                    f"catalog.json。{INTERNAL_ERROR}")
        reason = write_failure(cause) if isinstance(cause, OSError) and cause.errno else ""
        if reason:
            return f"【错误】更新索引失败（{reason}），文件未添加，文件库保持原样。"
        return f"【错误】更新索引失败，文件未添加。{INTERNAL_ERROR}"


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
