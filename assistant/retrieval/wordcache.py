"""The records' words as the engine's tokenizer cuts them, kept between runs: cutting every record again is 0.7 s of
each start-up, a quarter of it. Kept in the user's cache folder (never in `index/`, whose files change only with a
build) under a key made of everything the cut depends on: the tokenizer's version and words, jieba's version and
the texts. A cache that cannot be read or written is recomputed, never trusted half-way."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

CACHE_ENV = "ASSISTANT_CACHE"  # a folder for the cache; "off" turns it off
KEEP = 4  # cached cuts kept (one per recent vocabulary)


def cache_folder() -> Path | None:
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "workplan-assistant"


def cached_words(key_parts: list, compute: Callable[[], list[set[str]]]) -> list[set[str]]:
    """`compute()`, or the result it gave last time for the same `key_parts`."""
    folder = cache_folder()
    if folder is None:
        return compute()
    key = hashlib.sha256(json.dumps(key_parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
    path = folder / f"record-words-{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list) and all(isinstance(words, list) for words in data):
            return [set(words) for words in data]
    except (OSError, ValueError):
        pass
    words = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".record-words-",
                                         suffix=".tmp", delete=False) as fh:
            json.dump([sorted(w) for w in words], fh, ensure_ascii=False)
        os.replace(fh.name, path)  # whole or not at all, also with two processes writing
        for old in sorted(folder.glob("record-words-*.json"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("word cache not written in %s: %s", folder, exc)
        try:
            Path(fh.name).unlink(missing_ok=True)
        except (NameError, OSError):
            pass
    return words
