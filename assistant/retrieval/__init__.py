"""Stage 2 — retrieval: what is indexed and how a question finds it.

Passages cut from records (`passages`), jieba words for BM25 (`tokenize`), embedding models (`embedders/`), writing and
reading the FAISS + BM25 index (`build`, `store`), reading a question (`query`), ranking and refusing (`search`) and
picking the sentence that answers (`evidence`). Imports only from `documents`.
"""
