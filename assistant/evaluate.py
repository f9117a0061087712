"""Scoring the engine on a question file in the format of shared/eval/dev.jsonl (plus the fields of eval/: `status`
answered / partial / not_found, `kind` of an unanswerable question, `figure` of a detail question).

The figures that matter are the two refusal errors and the wrong figure: an answerable question refused, an
unanswerable one answered, and an answer whose quote does not hold the asked figure. They are reported separately
so a change that trades one for another shows.
"""
from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

from .documents.normalize import fold
from .retrieval.search import ANSWERED, PARTIAL, Answer, Engine


def _key(doc, section, task_no, item=None):
    return (doc, section, task_no, item)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", fold(text or ""))


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_status(gold: dict) -> str:
    """dev.jsonl has no `status`: its unanswerable questions are not_found, the rest answered."""
    if gold.get("status"):
        return gold["status"]
    return "not_found" if gold.get("type") == "unanswerable" or not gold.get("doc") else ANSWERED


def evaluate(engine: Engine, questions: list[dict]) -> dict:
    rows = []
    for gold in questions:
        started = time.perf_counter()
        answer = engine.ask(gold["question"])
        rows.append(score(gold, answer, time.perf_counter() - started))
    return summarise(rows)


def score(gold: dict, answer: Answer, seconds: float) -> dict:
    expected = gold_status(gold)
    row = {"id": gold.get("id"), "type": gold.get("type"), "kind": gold.get("kind"), "expected": expected,
           "status": answer.status, "answered": answer.answered, "seconds": seconds}
    keys = [_key(h.record.doc, h.record.section, h.record.task_no, h.record.item) for h in answer.hits]
    if expected != ANSWERED:
        row["refused_correctly"] = not answer.answered
        if expected == PARTIAL and gold.get("doc"):
            target = _key(gold["doc"], gold.get("section"), gold.get("task_no"), gold.get("item"))
            row["partial_right"] = answer.status == PARTIAL and bool(keys) and keys[0] == target
        if gold.get("type") == "detail" or gold.get("kind") == "missing_detail":
            row["wrong_figure"] = answer.answered and _quotes_figure(answer)
        return row
    if gold.get("type") == "office_tasks":
        wanted = {_key(t["doc"], t["section"], t["task_no"]) for t in gold["expected_tasks"]}
        got = {_key(h.record.doc, h.record.section, h.record.task_no) for h in answer.hits} if answer.answered else set()
        row["list_exact"] = wanted == got
        row["rank"] = 1 if wanted == got else None
        return row
    target = _key(gold["doc"], gold["section"], gold["task_no"], gold.get("item"))
    row["rank"] = keys.index(target) + 1 if answer.answered and target in keys else None
    top = answer.hits[0] if row["rank"] == 1 else None
    row["offices_exact"] = bool(top) and (top.record.lead_offices == gold["lead"]
                                          and top.record.responsible_offices == gold["responsible"])
    row["evidence_found"] = bool(top) and bool(gold.get("evidence")) and _squeeze(gold["evidence"]) in _squeeze(
        "".join(top.evidence))
    row["lead_exact"] = row["offices_exact"] if gold.get("type") == "lead" else None
    if gold.get("figure") and answer.answered:
        row["wrong_figure"] = not (top and _squeeze(gold["figure"]) in _squeeze("".join(top.evidence)))
    return row


def _quotes_figure(answer: Answer) -> bool:
    return bool(answer.hits) and any(re.search(r"\d", e) for e in answer.hits[0].evidence)


def summarise(rows: list[dict]) -> dict:
    ranked = [r for r in rows if "rank" in r]
    n = len(ranked) or 1
    by_type: dict[str, list] = defaultdict(list)
    for r in ranked:
        by_type[r["type"]].append(r)
    unanswerable = [r for r in rows if "refused_correctly" in r]
    by_kind: dict[str, list] = defaultdict(list)
    for r in unanswerable:
        by_kind[r["kind"] or r["type"]].append(r)
    leads = [r for r in rows if r.get("lead_exact") is not None]
    with_offices = [r for r in rows if "offices_exact" in r]
    partial = [r for r in rows if "partial_right" in r]
    figures = [r for r in rows if "wrong_figure" in r]
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
        "partial_right": f"{sum(r['partial_right'] for r in partial)}/{len(partial)}",
        "wrong_figures": f"{sum(r['wrong_figure'] for r in figures)}/{len(figures)}",
        "by_type": {t: {"n": len(rs), "hit@1": sum(r["rank"] == 1 for r in rs) / len(rs)} for t, rs in sorted(by_type.items())},
        "refused_by_kind": {k: f"{sum(r['refused_correctly'] for r in rs)}/{len(rs)}" for k, rs in sorted(by_kind.items())},
        "latency_p50_ms": 1000 * seconds[len(seconds) // 2] if seconds else None,
        "misses": [r["id"] for r in ranked if r["rank"] != 1],
        "wrongly_answered": [r["id"] for r in unanswerable if not r["refused_correctly"]],
        "partial_missed": [r["id"] for r in partial if not r["partial_right"]],
        "figure_errors": [r["id"] for r in figures if r["wrong_figure"]],
        "rows": rows,
    }


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None
