"""Parse time per plan, for the five corpus plans and the fixture plans of other bureaus (tests/fixtures/plans):
reading the file (txt decoding, python-docx, pypdf's text layer) and parsing its text into records (cleaning,
run-on splitting, metadata inference, records). Target: under 50 ms per plan, both together, on 2 cores.

    .venv/bin/python benchmarks/bench_parse.py [--rounds 20]

Each plan is parsed once to warm up (imports, OpenCC's dictionary), then `rounds` times; medians in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.documents.catalog import load_catalog  # noqa: E402
from assistant.documents.corpus import DEFAULT_CORPUS, document_files, parse_file, parse_text  # noqa: E402
from assistant.documents.readers import read_document  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "plans"
TARGET_MS = 50.0


def plans() -> list[tuple[Path, object]]:
    catalog = load_catalog(DEFAULT_CORPUS)
    corpus = [(p, catalog.get(p.name)) for p in document_files(DEFAULT_CORPUS)]
    fixtures = [(p, None) for p in sorted(FIXTURES.iterdir())
                if p.is_file() and p.suffix in (".txt", ".docx", ".pdf")]
    return corpus + fixtures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    rows = []
    for path, entry in plans():
        document = parse_file(path, entry)  # warm-up
        read, parse = [], []
        for _ in range(args.rounds):
            started = time.perf_counter()
            text = read_document(path)
            middle = time.perf_counter()
            parse_text(path.name, text, entry)
            read.append((middle - started) * 1000)
            parse.append((time.perf_counter() - middle) * 1000)
        total = [r + p for r, p in zip(read, parse)]
        rows.append((path.name, len(document.tasks), statistics.median(read), statistics.median(parse),
                     statistics.median(total)))
    width = max(len(name) for name, *_ in rows)
    print(f"{'plan':<{width}}  tasks  read ms  parse ms  total ms")
    for name, tasks, read_ms, parse_ms, total_ms in rows:
        flag = "" if total_ms < TARGET_MS else "  <- over target"
        print(f"{name:<{width}}  {tasks:>5}  {read_ms:>7.1f}  {parse_ms:>8.1f}  {total_ms:>8.1f}{flag}")
    slowest = max(rows, key=lambda r: r[4])
    print(f"slowest: {slowest[4]:.1f} ms ({slowest[0]}); mean {statistics.mean(r[4] for r in rows):.1f} ms; "
          f"target < {TARGET_MS:.0f} ms per plan")


if __name__ == "__main__":
    main()
