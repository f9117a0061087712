"""The app's HTTP API beside the page: /api/ask answers exactly as `ask --json` does, keeps follow-ups per session
(bounded), asks for the page's credentials when --auth is on, and /healthz reveals nothing; the server says plainly
when its port is taken and picks a free one for --port 0."""
from __future__ import annotations

import socket

import pytest
from fastapi.testclient import TestClient

from assistant.answers.answer import to_json
from assistant.web.access import LoginGuard
from assistant.web.api import Conversations, make_api
from assistant.web.ui import AssistantUI


@pytest.fixture(scope="module")
def ui(ready, index_dir):
    from conftest import CORPUS

    return AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)


def test_ask_answers_as_the_command_line_does(ui, engine):
    client = TestClient(make_api(ui))
    data = client.post("/api/ask", json={"question": "达州学前教育谁牵头"}).json()
    assert data == to_json(engine.ask("达州学前教育谁牵头", k=5), engine.index.documents)
    assert data["status"] == "answered" and data["intent"] == "lead"


def test_a_session_keeps_the_topic_for_a_follow_up(ui):
    client = TestClient(make_api(ui))
    client.post("/api/ask", json={"question": "达州学生资助谁牵头", "session": "s1"})
    data = client.post("/api/ask", json={"question": "那遂宁呢？", "session": "s1"}).json()
    assert data["filters"]["city"] == "遂宁" and "沿用上文" in data["answer"]
    alone = client.post("/api/ask", json={"question": "那遂宁呢？", "session": "s2"}).json()
    assert "沿用上文" not in alone["answer"]


def test_bad_requests_get_a_chinese_message_not_a_traceback(ui):
    client = TestClient(make_api(ui))
    for body in (b"not json", b"[1,2]", b'{"q": "x"}'):
        response = client.post("/api/ask", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 400 and "请求应为 JSON" in response.json()["error"]


def test_with_auth_the_api_wants_the_page_credentials_and_healthz_names_nothing(ui):
    client = TestClient(make_api(ui, LoginGuard("staff", "pw", sleep=lambda s: None)))
    assert client.post("/api/ask", json={"question": "达州学前教育谁牵头"}).status_code == 401
    assert client.post("/api/ask", json={"question": "x"}, auth=("staff", "wrong")).status_code == 401
    assert client.post("/api/ask", json={"question": "达州学前教育谁牵头"}, auth=("staff", "pw")).status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok", "stale": False}


def test_conversations_forget_the_oldest_beyond_their_limit():
    conversations = Conversations(limit=3)
    for i in range(10):
        conversations.put(f"s{i}", {"topic": str(i)})
    assert len(conversations) == 3 and conversations.get("s0") is None and conversations.get("s9") == {"topic": "9"}


def test_a_port_in_use_is_one_clear_message_and_port_0_picks_a_free_one():
    import app

    taken = app.listen("127.0.0.1", 0)
    try:
        port = taken.getsockname()[1]
        assert port > 0
        with pytest.raises(SystemExit, match=f"端口 {port} 已被占用"):
            app.listen("127.0.0.1", port)
    finally:
        taken.close()
    assert isinstance(taken, socket.socket)
