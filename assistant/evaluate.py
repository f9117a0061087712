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
from .retrieval.search import ANSWERED, PARTIAL, Answer, Engine, follow_up_context


def _key(doc, section, task_no, item=None, subsection=None):
    """Where a task stands. The subsection counts only where a gold names it: plans that number their tasks again
    in every （一） (tests/fixtures/plans/p06) need it, the seed plans' golds do not carry it."""
    return (doc, section, task_no, item, subsection)


_CODE = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+")  # 2024-JY-07, an OA's code; 1-2 is counted


def _no(record):
    """The task's number as a gold names it: its count in the plan, or the code a plan exported from an OA system
    numbers its tasks by (the gold writes `2024-JY-07` as the plan does; it prints no count)."""
    return record.number if record.number and _CODE.fullmatch(record.number) else record.task_no


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
        if gold.get("type") == "followup":
            rows.append(score_conversation(engine, gold, started))
            continue
        answer = engine.ask(gold["question"])
        seconds = time.perf_counter() - started
        if gold.get("type") in ("compare", "year_over_year"):
            rows.append(score_plans(gold, answer, seconds))
        elif gold.get("type") == "office_list":
            rows.append(score_office_list(gold, answer, seconds))
        else:
            rows.append(score(gold, answer, seconds))
    return summarise(rows)


def score_plans(gold: dict, answer: Answer, seconds: float) -> dict:
    """A comparison is right per plan: the same status (未涉及 or not) and, where the plan holds the topic, a best
    task among the gold's tasks for it."""
    got = {(p.doc, p.year): p for p in answer.plans}
    right = []
    for plan in gold["plans"]:
        mine = got.get((plan["doc"], plan.get("year"))) or next(
            (p for p in answer.plans if p.doc == plan["doc"] and plan.get("year") is None), None)
        expected = plan.get("status", ANSWERED)
        if mine is None:
            right.append(False)
            continue
        held = mine.answer.status != "not_found" and bool(mine.answer.hits)
        if expected == "not_found" or not held:
            right.append((expected == "not_found") == (not held))
            continue
        top = mine.answer.hits[0].record
        tasks = plan.get("tasks") or [plan]
        right.append(any((top.section, _no(top), top.item) == (t.get("section"), t.get("task_no"), t.get("item"))
                         for t in tasks))
    return {"id": gold.get("id"), "type": gold.get("type"), "seconds": seconds, "plans_right": right,
            "compare_intent": bool(answer.plans)}


def score_conversation(engine: Engine, gold: dict, started: float) -> dict:
    """A conversation's turns asked in order, each with what the previous answer lets it carry over (as the chat
    and `ask --jsonl` do). A turn is right when it is refused exactly where the gold is `not_found` and otherwise
    cites the gold task first; a turn with `plans` is scored as a comparison, one of type office_list as a list."""
    context, right = None, []
    for turn in gold["turns"]:
        answer = engine.ask(turn["question"], context=context)
        context = follow_up_context(answer, context)
        if turn.get("plans"):
            right.append(bool(answer.plans) and all(score_plans(turn, answer, 0.0)["plans_right"]))
        elif turn.get("type") == "office_list":  # 那它配合的呢: the office's tasks in the role asked
            right.append(score_office_list(turn, answer, 0.0)["office_list_exact"])
        elif turn.get("status") == "not_found":
            right.append(answer.status == "not_found")
        else:
            top = answer.hits[0].record if answer.hits and answer.status != "not_found" else None
            right.append(top is not None and _key(top.doc, top.section, _no(top), top.item)
                         == _key(turn.get("doc"), turn.get("section"), turn.get("task_no"), turn.get("item")))
    return {"id": gold.get("session") or gold.get("id"), "type": "followup",
            "seconds": (time.perf_counter() - started) / max(len(gold["turns"]), 1), "turns_right": right}


def score_office_list(gold: dict, answer: Answer, seconds: float) -> dict:
    """The tasks of an answered list, by role; a partial answer's tasks are shown for reference, not as the list
    asked (承德…牵头的有哪些: the plan names no lead, so none is listed as led)."""
    listed = answer.hits if answer.answered else []
    got_lead = {(h.record.doc, h.record.section, _no(h.record)) for h in listed if h.role == "牵头"}
    got_shared = {(h.record.doc, h.record.section, _no(h.record)) for h in listed if h.role != "牵头"}
    lead = {(t["doc"], t["section"], t["task_no"]) for t in gold.get("lead_tasks", [])}
    shared = {(t["doc"], t["section"], t["task_no"]) for t in gold.get("shared_tasks", [])}
    role = gold.get("role_asked", "both")
    want_lead = lead if role in ("lead", "both") else set()
    want_shared = shared if role in ("shared", "both") else set()
    return {"id": gold.get("id"), "type": "office_list", "seconds": seconds,
            "office_list_exact": (got_lead, got_shared) == (want_lead, want_shared)}


def score(gold: dict, answer: Answer, seconds: float) -> dict:
    expected = gold_status(gold)
    row = {"id": gold.get("id"), "type": gold.get("type"), "kind": gold.get("kind"), "expected": expected,
           "status": answer.status, "answered": answer.answered, "seconds": seconds}
    by_subsection = "subsection" in gold
    keys = [_key(h.record.doc, h.record.section, _no(h.record), h.record.item,
                 h.record.subsection if by_subsection else None) for h in answer.hits]
    if expected != ANSWERED:
        # A question naming no place whose topic several plans hold is answered plan by plan (issue 10): like the
        # gold's "which place?", it picks no plan, and it gives every plan's answer the gold lists. Counted apart.
        row["per_plan"] = gold.get("kind") == "missing_place_year" and answer.answered and bool(answer.plans)
        row["refused_correctly"] = not answer.answered or row["per_plan"]
        if expected == PARTIAL and gold.get("doc"):
            target = _key(gold["doc"], gold.get("section"), gold.get("task_no"), gold.get("item"), gold.get("subsection"))
            row["partial_right"] = answer.status == PARTIAL and bool(keys) and keys[0] == target
        if gold.get("type") == "detail" or gold.get("kind") == "missing_detail":
            row["wrong_figure"] = answer.answered and _quotes_figure(answer)
        return row
    if gold.get("type") == "office_tasks":
        wanted = {_key(t["doc"], t["section"], t["task_no"]) for t in gold["expected_tasks"]}
        got = {_key(h.record.doc, h.record.section, _no(h.record)) for h in answer.hits} if answer.answered else set()
        row["list_exact"] = wanted == got
        row["rank"] = 1 if wanted == got else None
        return row
    target = _key(gold["doc"], gold["section"], gold["task_no"], gold.get("item"), gold.get("subsection"))
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
    plan_rows = [r for r in rows if "plans_right" in r]
    talks = [r for r in rows if "turns_right" in r]
    return {
        "plan_blocks_right": f"{sum(sum(r['plans_right']) for r in plan_rows)}/{sum(len(r['plans_right']) for r in plan_rows)}",
        "comparisons_all_right": f"{sum(all(r['plans_right']) for r in plan_rows)}/{len(plan_rows)}",
        "office_lists_equal": f"{sum(r['office_list_exact'] for r in rows if 'office_list_exact' in r)}/"
                              f"{sum('office_list_exact' in r for r in rows)}",
        "follow_up_turns_right": f"{sum(sum(r['turns_right']) for r in talks)}/{sum(len(r['turns_right']) for r in talks)}",
        "questions": len(rows),
        "hit@1": sum(r["rank"] == 1 for r in ranked) / n,
        "hit@5": sum(r["rank"] is not None and r["rank"] <= 5 for r in ranked) / n,
        "mrr": sum(1 / r["rank"] for r in ranked if r["rank"]) / n,
        "lead_accuracy": (sum(r["lead_exact"] for r in leads) / len(leads)) if leads else None,
        "office_lists_exact": (sum(r["offices_exact"] for r in with_offices) / len(with_offices)) if with_offices else None,
        "evidence_found": (sum(r["evidence_found"] for r in with_offices) / len(with_offices)) if with_offices else None,
        "office_tasks_exact": _share([r["list_exact"] for r in rows if "list_exact" in r]),
        "unanswerable_refused": f"{sum(r['refused_correctly'] for r in unanswerable)}/{len(unanswerable)}",
        "unanswerable_per_plan": sum(r["per_plan"] for r in unanswerable),  # of those refused: answered plan by plan
        "answerable_refused": f"{sum(not r['answered'] for r in ranked)}/{len(ranked)}",
        "partial_right": f"{sum(r['partial_right'] for r in partial)}/{len(partial)}",
        "wrong_figures": f"{sum(r['wrong_figure'] for r in figures)}/{len(figures)}",
        "by_type": {t: {"n": len(rs), "hit@1": sum(r["rank"] == 1 for r in rs) / len(rs)} for t, rs in sorted(by_type.items())},
        "refused_by_kind": {k: f"{sum(r['refused_correctly'] for r in rs)}/{len(rs)}" for k, rs in sorted(by_kind.items())},
        "latency_p50_ms": 1000 * seconds[len(seconds) // 2] if seconds else None,
        "misses": [r["id"] for r in ranked if r["rank"] != 1]
        + [r["id"] for r in plan_rows if not all(r["plans_right"])]
        + [r["id"] for r in rows if r.get("office_list_exact") is False]
        + [r["id"] for r in talks if not all(r["turns_right"])],
        "wrongly_answered": [r["id"] for r in unanswerable if not r["refused_correctly"]],
        "partial_missed": [r["id"] for r in partial if not r["partial_right"]],
        "figure_errors": [r["id"] for r in figures if r["wrong_figure"]],
        "rows": rows,
    }


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None
