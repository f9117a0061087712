"""The app's plain HTTP API beside the page: `POST /api/ask` (JSON in, the `ask --json` answer out) for scripts and
load tests, and `GET /healthz` for a process manager. Both answer through the same AssistantUI engine as the chat,
without Gradio's queue, which is where a question's time went (about 12 ms in the engine, 150 ms through the page).

With `--auth`, /api/ask takes HTTP Basic credentials checked by the same LoginGuard as the page (so failed attempts
slow down alike); /healthz says only whether the service is up and reveals nothing about the corpus.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
import threading
from collections import OrderedDict

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ..answers.answer import to_json
from ..retrieval.search import follow_up_context
from .access import LoginGuard
from .ui import AssistantUI

# Questions answered at once: more only interleave on the same cores (and the GIL) and make every answer wait longer
WORKERS = max(1, min(4, os.cpu_count() or 1))
MAX_SESSIONS = 1000  # conversations kept for follow-ups; the oldest is forgotten first, so memory stays bounded


class Conversations:
    """The follow-up context of each API session id, least recently used forgotten first."""

    def __init__(self, limit: int = MAX_SESSIONS):
        self._contexts: OrderedDict[str, dict | None] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, session: str | None) -> dict | None:
        if session is None:
            return None
        with self._lock:
            if session in self._contexts:
                self._contexts.move_to_end(session)
            return self._contexts.get(session)

    def put(self, session: str | None, context: dict | None) -> None:
        if session is None:
            return
        with self._lock:
            self._contexts[session] = context
            self._contexts.move_to_end(session)
            while len(self._contexts) > self._limit:
                self._contexts.popitem(last=False)

    def __len__(self) -> int:
        return len(self._contexts)


def _authorised(request: Request, guard: LoginGuard | None) -> bool:
    if guard is None:
        return True
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        user, sep, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return bool(sep) and guard(user, password)


def make_api(ui: AssistantUI, guard: LoginGuard | None = None) -> FastAPI:
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    conversations = Conversations()
    working = threading.BoundedSemaphore(WORKERS)

    @api.get("/healthz")
    def healthz():
        ready = ui.ready
        return {"status": "ok", "stale": ready.stale}

    @api.post("/api/ask")
    async def ask(request: Request):
        # a login check may wait (LoginGuard slows repeated failures): off the event loop, and only with --auth
        if guard is not None and not await run_in_threadpool(_authorised, request, guard):
            return JSONResponse({"error": "需要登录（HTTP Basic，用户名和密码同网页）"}, status_code=401,
                                headers={"WWW-Authenticate": 'Basic realm="assistant"'})
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("question"), str):
            return JSONResponse({"error": "请求应为 JSON：{\"question\": \"…\"}，可选 city、year、office、session"},
                                status_code=400)
        return Response(await run_in_threadpool(_answer_in_turn, working, ui, conversations, body),
                        media_type="application/json")

    return api


def _answer_in_turn(working: threading.BoundedSemaphore, ui: AssistantUI, conversations: Conversations,
                    body: dict) -> bytes:
    """The answer as JSON bytes, serialised here in the worker: FastAPI's own encoder walks every value of the dict
    on the event loop, which cost as much as the search outside the embedding."""
    with working:
        return json.dumps(_answer(ui, conversations, body), ensure_ascii=False).encode("utf-8")


def _answer(ui: AssistantUI, conversations: Conversations, body: dict) -> dict:
    engine = ui.engine
    session = str(body["session"]) if body.get("session") is not None else None
    year = body.get("year")
    try:
        year = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year = None
    context = conversations.get(session)
    answer = engine.ask(body["question"], k=5, city=body.get("city") or None, year=year,
                        office=body.get("office") or None, context=context)
    conversations.put(session, follow_up_context(answer, context))
    return to_json(answer, engine.index.documents)
