"""Split a question set once into a calibration half and a held-back half, by a hash of each item's id within each
(type, kind) group, so both halves hold every kind of question and no one chooses which question lands where.

    .venv/bin/python eval/split_set.py WHOLE.jsonl eval/STEM   # writes STEM_calibrate.jsonl and STEM_heldout.jsonl
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path


def split(lines: list[dict]) -> tuple[list[dict], list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for item in lines:
        groups[(item.get("type"), item.get("kind"))].append(item)
    calibrate, held = [], []
    for items in groups.values():
        items.sort(key=lambda g: hashlib.sha256((g.get("id") or g.get("session") or "").encode()).hexdigest())
        half = (len(items) + 1) // 2
        calibrate += items[:half]
        held += items[half:]
    order = {id(item): i for i, item in enumerate(lines)}
    return sorted(calibrate, key=lambda g: order[id(g)]), sorted(held, key=lambda g: order[id(g)])


def main() -> None:
    source, stem = Path(sys.argv[1]), sys.argv[2]
    lines = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    calibrate, held = split(lines)
    for suffix, part in (("_calibrate", calibrate), ("_heldout", held)):
        Path(stem + suffix + ".jsonl").write_text(
            "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in part), encoding="utf-8")
    print(f"{len(calibrate)} + {len(held)}")


if __name__ == "__main__":
    main()
