"""Speed of the assistant on this machine: build time, `ask` start-up, and per-question latency against the bare
cost of embedding the question, measured in the same run so the ratio holds whatever the machine's load.

    .venv/bin/python benchmarks/bench_search.py [QUESTIONS.jsonl] [--rounds 5] [--skip-build]

Questions default to ../shared/eval/dev.jsonl when present, else a built-in list.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.retrieval.build import build_index  # noqa: E402
from assistant.documents.corpus import DEFAULT_CORPUS, load_corpus  # noqa: E402
from assistant.retrieval.embedders import load_embedder  # noqa: E402
from assistant.retrieval.search import Engine  # noqa: E402
from assistant.retrieval.store import read_index  # noqa: E402

FALLBACK = ["达州从严治党那项谁牵头？", "遂宁人事科牵头了哪几项？", "温州今年要新建多少所智安校园？",
            "承德高中阶段毛入学率目标是多少？", "长春职业院校和非洲合作什么？", "南充的学前教育重点？"]


COMPARISONS = ["各地在学前教育上分别有什么目标？", "比较一下达州和遂宁的教师队伍建设", "哪些地方提到了课后服务？",
               "承德去年学前教育做了什么，今年要做什么？", "各市劳动教育分别怎么安排的", "温州和长春在教育信息化上有什么不同"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    questions = ([json.loads(l)["question"] for l in args.questions.read_text(encoding="utf-8").splitlines() if l.strip()]
                 if args.questions.exists() else FALLBACK)

    embedder = load_embedder()
    corpus = load_corpus(DEFAULT_CORPUS)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        started = time.perf_counter()
        data, report = build_index(corpus, embedder, index_dir, progress=False)
        full = time.perf_counter() - started
        print(f"build, full:        {full:6.1f} s  ({report.embedded} passages, {len(corpus.documents)} documents, "
              f"{len(corpus.records)} records)")
        started = time.perf_counter()
        _, again = build_index(corpus, embedder, index_dir, progress=False)
        print(f"build, no change:   {time.perf_counter() - started:6.1f} s  ({again.embedded} embedded, {again.reused} reused)")

        starts = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "assistant", "--index", str(index_dir), "ask", questions[0]],
                           cwd=ROOT, check=True, capture_output=True)
            starts.append(time.perf_counter() - started)
        print(f"ask start-up:       {statistics.median(starts):6.2f} s  (whole process, one question, median of 3)")

        engine = Engine(read_index(index_dir), embedder)
        engine.ask(questions[0])  # warm-up
        embed_ms, ask_ms = [], []
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                embedder.encode_queries([q])
                embed_ms.append(1000 * (time.perf_counter() - t))
                t = time.perf_counter()
                engine.ask(q)
                ask_ms.append(1000 * (time.perf_counter() - t))
        compare_ms = []
        for _ in range(args.rounds):
            for q in COMPARISONS:
                t = time.perf_counter()
                engine.ask(q)
                compare_ms.append(1000 * (time.perf_counter() - t))
    e50, a50 = statistics.median(embed_ms), statistics.median(ask_ms)
    print(f"questions:          {len(questions)} x {args.rounds} rounds")
    print(f"embed question:     p50 {e50:6.1f} ms   p95 {percentile(embed_ms, 95):6.1f} ms")
    print(f"ask (whole answer): p50 {a50:6.1f} ms   p95 {percentile(ask_ms, 95):6.1f} ms")
    print(f"ratio ask/embed:    p50 {a50 / e50:6.2f}x  p95 {percentile(ask_ms, 95) / percentile(embed_ms, 95):6.2f}x")
    c50 = statistics.median(compare_ms)
    print(f"comparison answer:  p50 {c50:6.1f} ms   p95 {percentile(compare_ms, 95):6.1f} ms  "
          f"({c50 / a50:.2f}x a single answer; {len(COMPARISONS)} questions across plans)")


if __name__ == "__main__":
    main()
