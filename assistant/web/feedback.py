"""Users' verdicts on answers (有用 / 没用, with an optional comment), kept as JSON Lines beside the index so a bureau
can turn its own staff's questions into its own test set (`python -m assistant feedback --eval FILE`).

The folder is the index folder's sibling `feedback/` (git-ignored): one file per day, appended one whole line at a
time under an exclusive lock, so two app instances writing at once never interleave or lose a line.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

USEFUL, NOT_USEFUL = "有用", "没用"


def feedback_dir(index_dir: Path) -> Path:
    return Path(index_dir).resolve().parent / "feedback"


def save_feedback(folder: Path, entry: dict) -> Path:
    """Append one verdict; raises OSError when it cannot be written (the caller tells the user)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"feedback-{time.strftime('%Y-%m-%d')}.jsonl"
    line = (json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **entry}, ensure_ascii=False) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def load_feedback(folder: Path) -> list[dict]:
    """Every verdict, oldest first; a damaged line is skipped, never fatal."""
    entries = []
    for path in sorted(Path(folder).glob("feedback-*.jsonl")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("question"), str):
                entries.append(entry)
    return entries


def as_eval_items(entries: list[dict]) -> list[dict]:
    """The verdicts in the evaluation files' format: a useful answer's cited task is its gold; a useless one is
    written with `needs_gold` so a person fills in the right task (or marks it unanswerable) before it is used."""
    items = []
    for n, entry in enumerate(entries, start=1):
        item = {"id": f"fb-{n:04d}", "question": entry["question"], "type": "feedback",
                "status": entry.get("status"), "verdict": entry.get("verdict"), "comment": entry.get("comment", "")}
        cited = entry.get("cited") or []
        if entry.get("verdict") == USEFUL and cited:
            item.update({k: cited[0].get(k) for k in ("doc", "city", "year", "section", "task_no", "title")})
        else:
            item["needs_gold"] = True
            item["cited"] = cited
        items.append(item)
    return items
