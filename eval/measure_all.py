"""Measure every question set in eval/ in one run and total the calibration and held-back halves by family.

Why: a change is kept only when it helps the calibration halves and loses nothing on the held-back halves taken
together; that needs all ~170 sets scored on the same build, before and after. Each other-bureaus set is asked over
its own round of fixture plans (the corpora of tests/test_other_bureaus.py), every other set over corpus/.

    .venv/bin/python eval/measure_all.py [--out /tmp/measure.json] [--only PATTERN] [--compare OLD.json] [-v]

Indexes are kept under --work (default /tmp/measure_work) and rebuilt only when stale, as the app does.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from assistant.evaluate import evaluate, load_questions  # noqa: E402
from assistant.service import open_engine  # noqa: E402

EVAL = ROOT / "eval"
FIXTURES = ROOT / "tests" / "fixtures" / "plans"


def family(name: str) -> tuple[str, str]:
    """(family, half) of a set: half is cal or held; the early whole sets were used as the README says."""
    stem = name.removesuffix(".jsonl")
    if stem == "dev":
        return "dev", "held"
    fam = ("other" if stem.startswith("other_bureaus") else "compare" if stem.startswith("compare")
           else "deadline" if stem.startswith("deadline") else "colloquial")
    if fam == "colloquial" and re.search(r"batch7[ab]", stem):
        fam = "colloquial7"  # laypeople describing every term: reported apart, as in eval/README.md
    if stem.endswith("_calibrate") or stem in ("colloquial_batch2", "deadline_questions"):
        return fam, "cal"
    return fam, "held"


def fixture_of(name: str) -> str:
    """The fixture corpus an other-bureaus set is asked over, read from the test's held-back floors."""
    from test_other_bureaus import HELD_FLOORS
    held = name.replace("_calibrate", "_heldout")
    return next(f for f, file, _ in HELD_FLOORS if file == held)


def engine_for(corpus_name: str, work: Path):
    if corpus_name == "real":
        return open_engine(ROOT / "corpus", work / "real_index", progress=False).engine
    from test_other_bureaus import CORPORA, plan
    corpus = work / corpus_name / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    wanted = {plan(p) for p in CORPORA[corpus_name].split()}
    for old in corpus.iterdir():
        if old.name not in wanted:
            old.unlink()
    for name in wanted:
        if not (corpus / name).exists() or (corpus / name).read_bytes() != (FIXTURES / name).read_bytes():
            shutil.copyfile(FIXTURES / name, corpus / name)
    return open_engine(corpus, work / corpus_name / "index", progress=False).engine


def counts(result: dict) -> dict:
    def pair(text):
        a, b = text.split("/")
        return [int(a), int(b)]
    ranked = [r for r in result["rows"] if "rank" in r]
    return {"n": result["questions"], "hits": sum(r["rank"] == 1 for r in ranked), "ranked": len(ranked),
            "refused": pair(result["answerable_refused"]), "kept": pair(result["unanswerable_refused"]),
            "figs": pair(result["wrong_figures"]), "blocks": pair(result["plan_blocks_right"]),
            "all_right": pair(result["comparisons_all_right"]), "lists": pair(result["office_lists_equal"]),
            "turns": pair(result["follow_up_turns_right"]), "misses": result["misses"],
            "wrongly_answered": result["wrongly_answered"], "figure_errors": result["figure_errors"],
            "seconds": [r["seconds"] for r in result["rows"]]}


def line(label: str, c: dict) -> str:
    hit = c["hits"] / c["ranked"] if c["ranked"] else float("nan")
    unans = c["kept"][1]
    text = (f"{label:44s} hit@1 {hit:.3f} refused {c['refused'][0]}/{c['refused'][1]} "
            f"answered {unans - c['kept'][0]}/{unans} figs {c['figs'][0]}/{c['figs'][1]}")
    if c["blocks"][1] or c["lists"][1] or c["turns"][1]:
        text += (f" blocks {c['blocks'][0]}/{c['blocks'][1]} all {c['all_right'][0]}/{c['all_right'][1]}"
                 f" lists {c['lists'][0]}/{c['lists'][1]} turns {c['turns'][0]}/{c['turns'][1]}")
    return text


def total(items: list[dict]) -> dict:
    out = {"hits": 0, "ranked": 0}
    for key in ("refused", "kept", "figs", "blocks", "all_right", "lists", "turns"):
        out[key] = [sum(c[key][0] for c in items), sum(c[key][1] for c in items)]
    out["hits"] = sum(c["hits"] for c in items)
    out["ranked"] = sum(c["ranked"] for c in items)
    return out


def report(results: dict, verbose: bool, old: dict | None) -> None:
    groups: dict[tuple, list] = {}
    for name, c in sorted(results.items()):
        groups.setdefault(family(name), []).append(c)
        if verbose or (old and name in old and _differs(old[name], c)):
            print(line(name, c))
            if old and name in old:
                print(line("   was", old[name]))
    print()
    for key in sorted(groups):
        print(line(f"TOTAL {key[0]} {key[1]} ({len(groups[key])} sets)", total(groups[key])))


def _differs(a: dict, b: dict) -> bool:
    return any(a[k] != b[k] for k in ("hits", "refused", "kept", "figs", "blocks", "lists", "turns"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/measure.json")
    ap.add_argument("--work", default="/tmp/measure_work")
    ap.add_argument("--only", default="", help="regular expression on the set's file name")
    ap.add_argument("--compare", default="", help="an earlier --out to diff against")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    work = Path(args.work)
    files = sorted(EVAL.glob("*.jsonl")) + [ROOT.parent / "shared" / "eval" / "dev.jsonl"]
    files = [f for f in files if f.exists() and re.search(args.only, f.name)]
    by_corpus: dict[str, list[Path]] = {}
    for f in files:
        by_corpus.setdefault(fixture_of(f.name) if f.name.startswith("other_bureaus") else "real", []).append(f)
    results = {}
    started = time.perf_counter()
    for corpus_name, sets in by_corpus.items():
        engine = engine_for(corpus_name, work)
        for f in sets:
            results[f.name] = counts(evaluate(engine, load_questions(f)))
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False))
    old = json.loads(Path(args.compare).read_text()) if args.compare else None
    report(results, args.v, old)
    if old:
        print("\nbefore:")
        report({k: v for k, v in old.items() if k in results}, False, None)
    print(f"\n{len(results)} sets in {time.perf_counter() - started:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
