"""Getting a ready engine: load the corpus, choose the model, and use the stored index when it fits; otherwise
rebuild it (incrementally), saying why. A damaged index is reported and rebuilt, never served.

When the index cannot be rebuilt (a read-only index folder, a full disk), the last build that verifies is served
with a warning saying what it lacks; with no such build there is nothing to serve, and `IndexUnavailable` says why
in Chinese."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .retrieval.build import BuildReport, build_index, staleness
from .documents.corpus import DEFAULT_CORPUS, Corpus, load_corpus
from .documents.files import write_failure
from .retrieval.embedders import Embedder, load_embedder
from .retrieval.search import Engine
from .retrieval.store import IndexInvalid, read_index, read_last_good

DEFAULT_INDEX = Path(__file__).resolve().parent.parent / "index"
log = logging.getLogger("assistant")


class IndexUnavailable(Exception):
    """No index can be built or served; the message is for the user, in Chinese."""


@dataclass
class Ready:
    engine: Engine
    report: BuildReport | None  # None when the stored index was used as it was
    corpus_errors: list[str]
    corpus: Corpus
    warnings: list[str] = field(default_factory=list)  # for the user, in Chinese: e.g. an out-of-date index served
    stale: bool = False  # the index served does not reflect the corpus (it could not be rebuilt)


def open_engine(corpus_dir: Path = DEFAULT_CORPUS, index_dir: Path = DEFAULT_INDEX, model: str | None = None,
                rebuild: bool = False, progress: bool = True, embedder: Embedder | None = None,
                allow_stale: bool = True) -> Ready:
    """`allow_stale` False: when the index cannot be rebuilt, the OSError propagates instead of an old build being
    served (adding a document must not report success while the index lacks it)."""
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
    warnings: list[str] = []
    stale = False
    if index is None:
        try:
            index, report = build_index(corpus, embedder, index_dir, reason=reason or "", progress=progress)
        except OSError as exc:
            if not allow_stale:
                raise
            log.warning("index in %s could not be rebuilt (%s): %s", index_dir, reason, exc)
            cause = write_failure(exc)
            try:
                index = read_last_good(index_dir, embedder.model_id)
            except IndexInvalid as invalid:
                raise IndexUnavailable(
                    f"索引需要重建（{reason}），但索引目录“{index_dir}”无法写入（{cause}），"
                    f"也没有可用的旧索引{str(invalid).removeprefix('没有可用的索引')}。"
                    "请检查该目录的权限和磁盘空间，或用 --index 指定一个可写的目录。"
                ) from None
            stale = True
            warnings.append(f"索引目录无法写入（{cause}），索引未能更新（{reason}）；"
                            f"暂用上次建立的索引，最近的变动尚不能检索。请检查“{index_dir}”的权限和磁盘空间。")
    return Ready(Engine(index, embedder), report, [str(e) for e in corpus.errors], corpus, warnings, stale)
