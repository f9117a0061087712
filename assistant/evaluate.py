"""Scoring the engine on a question file in the format of shared/eval/dev.jsonl."""
from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

from .documents.normalize import fold
from .retrieval.search import Answer, Engine


def _key(doc, section, task_no, item=None):
    return (doc, section, task_no, item)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", fold(text or ""))


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(engine: Engine, questions: list[dict]) -> dict:
    rows = []
    for gold in questions:
        started = time.perf_counter()
        answer = engine.ask(gold["question"])
        rows.append(_score(gold, answer, time.perf_counter() - started))
    return summarise(rows)


def _score(gold: dict, answer: Answer, seconds: float) -> dict:
    row = {"id": gold.get("id"), "type": gold.get("type"), "answered": answer.answered, "seconds": seconds}
    kind = gold.get("type")
    if kind == "unanswerable" or not gold.get("doc"):
        row["refused_correctly"] = not answer.answered
        return row
    if kind == "office_tasks":
        expected = {_key(t["doc"], t["section"], t["task_no"]) for t in gold["expected_tasks"]}
        got = {_key(h.record.doc, h.record.section, h.record.task_no) for h in answer.hits} if answer.answered else set()
        row["list_exact"] = expected == got
        row["rank"] = 1 if expected == got else None
        return row
    target = _key(gold["doc"], gold["section"], gold["task_no"], gold.get("item"))
    keys = [_key(h.record.doc, h.record.section, h.record.task_no, h.record.item) for h in answer.hits]
    row["rank"] = keys.index(target) + 1 if answer.answered and target in keys else None
    if row["rank"] == 1:
        top = answer.hits[0]
        row["offices_exact"] = (top.record.lead_offices == gold["lead"]
                                and top.record.responsible_offices == gold["responsible"])
        row["evidence_found"] = bool(gold.get("evidence")) and _squeeze(gold["evidence"]) in _squeeze("".join(top.evidence))
    else:
        row["offices_exact"] = False
        row["evidence_found"] = False
    row["lead_exact"] = row["offices_exact"] if kind == "lead" else None
    return row


def summarise(rows: list[dict]) -> dict:
    ranked = [r for r in rows if "rank" in r]
    n = len(ranked) or 1
    by_type: dict[str, list] = defaultdict(list)
    for r in ranked:
        by_type[r["type"]].append(r)
    unanswerable = [r for r in rows if "refused_correctly" in r]
    leads = [r for r in rows if r.get("lead_exact") is not None]
    with_offices = [r for r in rows if "offices_exact" in r]
    seconds = sorted(r["seconds"] for r in rows)
    return {
        "questions": len(rows),
        "hit@1": sum(r["rank"] == 1 for r in ranked) / n,
        "hit@5": sum(r["rank"] is not None and r["rank"] <= 5 for r in ranked) / n,
        "mrr": sum(1 / r["rank"] for r in ranked if r["rank"]) / n,
        "lead_accuracy": (sum(r["lead_exact"] for r in leads) / len(leads)) if leads else None,
        "office_lists_exact": (sum(r["offices_exact"] for r in with_offices) / len(with_offices)) if with_offices else None,
        "evidence_found": (sum(r["evidence_found"] for r in with_offices) / len(with_offices)) if with_offices else None,
        "office_tasks_exact": _share([r["list_exact"] for r in rows if "list_exact" in r]),
        "unanswerable_refused": f"{sum(r['refused_correctly'] for r in unanswerable)}/{len(unanswerable)}",
        "answerable_refused": f"{sum(not r['answered'] for r in ranked)}/{len(ranked)}",
        "by_type": {t: {"n": len(rs), "hit@1": sum(r["rank"] == 1 for r in rs) / len(rs)} for t, rs in sorted(by_type.items())},
        "latency_p50_ms": 1000 * seconds[len(seconds) // 2] if seconds else None,
        "misses": [r["id"] for r in ranked if r["rank"] != 1] + [r["id"] for r in unanswerable if not r["refused_correctly"]],
    }


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None
