"""Conversations kept in the user's own browser (localStorage, through Gradio's BrowserState), never on the server:
a page reload reopens the current one, earlier ones can be reopened or deleted, and nothing of what staff asked is
stored centrally unless they export it.

The store is a plain JSON value: {"current": id or None, "items": [conversation, …]} with the newest first, each
conversation {"id", "title", "updated", "history", "context", "answers"}: the chat's messages, what a follow-up may
carry over, and what each answer was (for 有用 / 没用 and for the Word export). Values come back from the browser,
so every reader here accepts anything and falls back to an empty store instead of failing.
"""
from __future__ import annotations

import html
import logging
import os
import secrets
import time
import uuid
from pathlib import Path

log = logging.getLogger(__name__)
MAX_CONVERSATIONS = 30  # the oldest go first: localStorage holds a few MB per site
TITLE_CHARS = 24
SECRET_NAME = "browser-secret"


def empty() -> dict:
    return {"current": None, "items": []}


def _clean(store) -> dict:
    if not isinstance(store, dict) or not isinstance(store.get("items"), list):
        return empty()
    items = [c for c in store["items"] if isinstance(c, dict) and isinstance(c.get("id"), str)
             and isinstance(c.get("history"), list)]
    current = store.get("current") if any(c["id"] == store.get("current") for c in items) else None
    return {"current": current, "items": items}


def current_id(store) -> str | None:
    return _clean(store)["current"]


def current(store) -> dict | None:
    store = _clean(store)
    return next((c for c in store["items"] if c["id"] == store["current"]), None)


def remember(store, history: list, context: dict | None, answers: dict | None, shown: dict | None = None) -> dict:
    """The store with the current conversation set to this chat (a new conversation when there is none yet); an
    empty chat stores nothing. `shown`: what the side panel shows for the last answer ({"sources", "citation"}),
    so a reopened conversation shows it again."""
    store = _clean(store)
    if not history:
        return store
    conversation = current(store) or {"id": uuid.uuid4().hex[:12]}
    conversation.update(title=conversation.get("title") or _title(history), updated=time.strftime("%Y-%m-%d %H:%M"),
                        history=history, context=context, answers=answers or {}, shown=shown or {})
    items = [conversation] + [c for c in store["items"] if c["id"] != conversation["id"]]
    return {"current": conversation["id"], "items": items[:MAX_CONVERSATIONS]}


def start_new(store) -> dict:
    """No current conversation: the next question starts one; the others stay in the list."""
    return {**_clean(store), "current": None}


def forget(store, conversation_id: str | None) -> dict:
    """The store without that conversation (the current one is cleared if it was it)."""
    store = _clean(store)
    items = [c for c in store["items"] if c["id"] != conversation_id]
    return {"current": store["current"] if store["current"] != conversation_id else None, "items": items}


def reopen(store, conversation_id: str | None) -> tuple[dict, list, dict | None, dict]:
    """-> (store with it current, its chat, its carried context, its answers); an unknown id opens nothing."""
    store = _clean(store)
    chosen = next((c for c in store["items"] if c["id"] == conversation_id), None)
    if chosen is None:
        return store, [], None, {}
    context = chosen.get("context") if isinstance(chosen.get("context"), dict) else None
    answers = chosen.get("answers") if isinstance(chosen.get("answers"), dict) else {}
    return {**store, "current": chosen["id"]}, chosen["history"], context, answers


def shown(store, conversation_id: str | None) -> tuple[str, str]:
    """(sources HTML, citation text) the side panel showed for that conversation's last answer, or ("", "")."""
    chosen = next((c for c in _clean(store)["items"] if c["id"] == conversation_id), None)
    panel = chosen.get("shown") if chosen and isinstance(chosen.get("shown"), dict) else {}
    return str(panel.get("sources") or ""), str(panel.get("citation") or "")


def choices(store) -> list[tuple[str, str]]:
    """(label, id) of every kept conversation, newest first, for a dropdown."""
    return [(f"{c.get('updated', '')}  {c.get('title', '')}", c["id"]) for c in _clean(store)["items"]]


def message_text(message) -> str:
    """The plain text of a chat message as the browser sends it back: its content is a string, or (Gradio 6) a
    list of parts such as {"type": "text", "text": …}; the page's HTML escaping is undone."""
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, list):
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    elif isinstance(content, dict):
        content = content.get("text", "")
    return html.unescape(str(content or ""))


def _title(history: list) -> str:
    first = next((m for m in history if isinstance(m, dict) and m.get("role") == "user"), None)
    text = message_text(first).strip()
    return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS] + "…"


def state_dir(index_dir: Path) -> Path:
    """The index folder's sibling `state/` (git-ignored): what the server keeps besides the index and the feedback."""
    return Path(index_dir).resolve().parent / "state"


def browser_secret(folder: Path) -> str:
    """The key the browser copies are encrypted with, kept in `folder` so they still open after a restart (Gradio's
    default is a new random key at every start, which would lose every kept conversation). If it cannot be kept, a
    key for this run only: conversations then last until the next restart."""
    path = Path(folder) / SECRET_NAME
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pass
    key = secrets.token_urlsafe(24)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key)
        return key
    except FileExistsError:  # another instance wrote it first: use theirs
        return path.read_text(encoding="ascii").strip()
    except OSError as exc:
        log.warning("cannot keep the browser-storage key in %s (%s): kept conversations last until restart", path, exc)
        return key
