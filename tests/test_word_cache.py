"""The records' words cut once and kept between runs (start-up time), never trusted when they could be stale or
broken, and never written into index/."""
from __future__ import annotations

from assistant.retrieval import wordcache
from assistant.retrieval.search import Engine


def test_words_are_cut_once_and_read_back_for_the_same_key(tmp_path, monkeypatch):
    monkeypatch.setenv(wordcache.CACHE_ENV, str(tmp_path))
    calls = []

    def cut():
        calls.append(1)
        return [{"学前", "教育"}, {"资助"}]

    assert wordcache.cached_words(["v1", ["学前教育"]], cut) == [{"学前", "教育"}, {"资助"}]
    assert wordcache.cached_words(["v1", ["学前教育"]], cut) == [{"学前", "教育"}, {"资助"}]
    assert len(calls) == 1
    wordcache.cached_words(["v2", ["学前教育"]], cut)  # another vocabulary or text: cut again
    assert len(calls) == 2
    assert not list(tmp_path.glob(".record-words-*"))  # no temporary file left


def test_a_broken_cache_file_is_cut_again_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setenv(wordcache.CACHE_ENV, str(tmp_path))
    wordcache.cached_words(["k"], lambda: [{"甲"}])
    for path in tmp_path.glob("record-words-*.json"):
        path.write_bytes(b"\x00{not json")
    assert wordcache.cached_words(["k"], lambda: [{"乙"}]) == [{"乙"}]


def test_an_unwritable_cache_folder_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(wordcache.CACHE_ENV, str(blocker / "sub"))  # a folder that cannot be made
    assert wordcache.cached_words(["k"], lambda: [{"丙"}]) == [{"丙"}]


def test_the_engine_reads_the_same_words_from_the_cache_as_it_cuts(engine, tmp_path, monkeypatch):
    monkeypatch.setenv(wordcache.CACHE_ENV, str(tmp_path))
    first = Engine(engine.index, engine.embedder)  # cuts and writes
    second = Engine(engine.index, engine.embedder)  # reads
    assert second.record_words == first.record_words == engine.record_words
    assert len(list(tmp_path.glob("record-words-*.json"))) == 1
