from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.documents.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DAZHOU, WENZHOU, CHENGDE, SUINING, CHANGCHUN = (
    "000_76472159ee41bb53.txt", "001_d998a3811543c60b.txt", "002_1ac5cf17bd611ec8.txt",
    "003_76f22a0d00fc861e.txt", "004_57fb55df296afd24.txt",
)


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(CORPUS)


@pytest.fixture(scope="session")
def task(corpus):
    def find(doc: str, number: int, section: str | None = None):
        matches = [r for r in corpus.records if r.doc == doc and r.kind == "task" and r.task_no == number
                   and (section is None or r.section == section)]
        assert len(matches) == 1, f"{doc} task {section} {number}: {len(matches)} matches"
        return matches[0]
    return find


KEPT_INDEX = os.environ.get("ASSISTANT_TEST_INDEX")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    """The real corpus indexed once per test session with the real default model (takes ~25 s). A developer
    re-running tests may keep one with ASSISTANT_TEST_INDEX=/some/dir (it is checked and updated like any index)."""
    return Path(KEPT_INDEX) if KEPT_INDEX else tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def ready(index_dir):
    from assistant.service import open_engine

    return open_engine(CORPUS, index_dir, progress=False)


@pytest.fixture(scope="session")
def engine(ready):
    return ready.engine


@pytest.fixture(scope="session")
def ask(engine):
    from assistant.answers.answer import to_json

    def run(question: str, **kwargs) -> dict:
        return to_json(engine.ask(question, **kwargs), engine.index.documents)
    return run


def top(answer: dict) -> tuple:
    first = answer["results"][0]
    return first["doc"], first["section"], first["task_no"]
