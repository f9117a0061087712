"""Getting a ready engine: load the corpus, choose the model, and use the stored index when it fits; otherwise
rebuild it (incrementally), saying why. A damaged index is reported and rebuilt, never served."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .retrieval.build import BuildReport, build_index, staleness
from .documents.corpus import DEFAULT_CORPUS, Corpus, load_corpus
from .retrieval.embedders import Embedder, load_embedder
from .retrieval.search import Engine
from .retrieval.store import IndexInvalid, read_index

DEFAULT_INDEX = Path(__file__).resolve().parent.parent / "index"
log = logging.getLogger("assistant")


@dataclass
class Ready:
    engine: Engine
    report: BuildReport | None  # None when the stored index was used as it was
    corpus_errors: list[str]
    corpus: Corpus


def open_engine(corpus_dir: Path = DEFAULT_CORPUS, index_dir: Path = DEFAULT_INDEX, model: str | None = None,
                rebuild: bool = False, progress: bool = True, embedder: Embedder | None = None) -> Ready:
    corpus = load_corpus(corpus_dir)
    embedder = embedder or load_embedder(model)
    reason = "按要求重建" if rebuild else staleness(corpus, embedder.model_id, index_dir)
    index, report = None, None
    if reason is None:
        try:
            index = read_index(index_dir)
        except IndexInvalid as exc:
            reason = str(exc)
            log.warning("stored index rejected: %s", exc)
    if index is None:
        index, report = build_index(corpus, embedder, index_dir, reason=reason or "", progress=progress)
    return Ready(Engine(index, embedder), report, [str(e) for e in corpus.errors], corpus)
