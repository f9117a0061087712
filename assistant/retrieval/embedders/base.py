"""The one interface every embedding backend offers: queries and passages in, L2-normalised float32 rows out."""
from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np


class EmbedderError(Exception):
    """The model cannot be loaded or used; the message is for the user, in Chinese."""


class Embedder(ABC):
    #: stable id written into the index manifest: a different id means the stored vectors cannot be reused
    model_id: str
    dim: int

    @abstractmethod
    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        """Raw vectors for `texts` (the backend adds its own query/passage instruction). The web app calls this from
        several threads at once and takes no lock: each backend makes itself safe for that."""

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._finish(self._encode(list(texts), True), len(texts))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._finish(self._encode(list(texts), False), len(texts))

    def _finish(self, vectors: np.ndarray, n: int) -> np.ndarray:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(n, self.dim)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12))
