"""有用 / 没用 on an answer is stored with the question, its status and cited tasks, beside the index (never in the
repository), and `python -m assistant feedback --eval` turns it into a question set."""
from __future__ import annotations

import json
import subprocess
import sys
import threading

from assistant.web.feedback import USEFUL, as_eval_items, load_feedback, save_feedback
from assistant.web.ui import AssistantUI
from conftest import CORPUS, ROOT


def test_a_verdict_is_stored_with_the_question_status_and_cited_task(ready, tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    ui = AssistantUI(ready, CORPUS, index, ready.engine.embedder)
    outputs = ui.chat_and_remember("达州学前教育谁牵头", [], "全部", "全部", "全部", None, {})
    history, answers = outputs[0], outputs[-1]
    message = ui.feedback(len(history) - 1, True, answers, " 很准 ")
    assert message.startswith("已记录：有用")
    [entry] = load_feedback(tmp_path / "feedback")
    assert entry["question"] == "达州学前教育谁牵头" and entry["status"] == "answered" and entry["verdict"] == USEFUL
    assert entry["comment"] == "很准" and entry["cited"][0]["title"] == "推进扩大普惠学前教育资源攻坚"
    assert ui.feedback(0, False, answers, "").startswith("这条回答无法评价")  # the user's own message


def test_two_writers_at_once_lose_no_line(tmp_path):
    def write(n):
        for i in range(50):
            save_feedback(tmp_path, {"question": f"问题{n}-{i}", "verdict": "没用"})
    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(load_feedback(tmp_path)) == 200


def test_the_feedback_command_lists_and_writes_an_eval_file(tmp_path):
    index = tmp_path / "index"
    save_feedback(tmp_path / "feedback", {"question": "达州学前教育谁牵头", "status": "answered", "verdict": "有用",
                                          "cited": [{"doc": "000_76472159ee41bb53.txt", "city": "达州", "year": 2020,
                                                     "section": "四", "task_no": 23, "title": "推进扩大普惠学前教育资源攻坚",
                                                     "citation": "《达州市2020年工作要点》四、第23项"}]})
    save_feedback(tmp_path / "feedback", {"question": "午睡怎么安排", "status": "answered", "verdict": "没用",
                                          "comment": "答非所问"})
    out = tmp_path / "mine.jsonl"
    result = subprocess.run([sys.executable, "-m", "assistant", "--index", str(index), "feedback", "--eval", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "共 2 条：有用 1，没用 1" in result.stdout and "答非所问" in result.stdout
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert items[0]["task_no"] == 23 and items[0]["section"] == "四" and items[1]["needs_gold"] is True
    assert items == as_eval_items(load_feedback(tmp_path / "feedback"))
