"""Answering a question from the built index: filters from the question, hybrid dense + BM25 ranking, the evidence
sentence inside each result, and a refusal when nothing matches well enough.

Fusion: both scores are normalised over the candidates (dense min-max, BM25 by its maximum) and mixed with
DENSE_WEIGHT. Unlike reciprocal-rank fusion this keeps how far ahead a result is, which matters when one side is
sure (a rare term only one task holds) and the other is not. On the dev set every weight from 0.2 to 0.5 ranks
all answerable questions first; 0.4 sits inside that plateau (RRF at k=60 reached 0.92).

The engine returns plain data (see `Answer`); turning it into Markdown is answer.py's job.
"""
from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from .embedders import Embedder
from .evidence import asked_measure, figure_bonus, lexical_overlap, rank_sentences
from ..documents.normalize import fold
from .passages import HEADER, office_lines
from .query import LEAD, OFFICE_TASKS, Question, read_question, same_office
from ..documents.records import PREAMBLE, TASK, Record
from .store import IndexData
from .tokenize import Tokenizer

DENSE_WEIGHT = 0.4
# Refusal (README, "Refusals"): the best task must hold at least MIN_COVERAGE of the question's weighted content
# words, unless its best sentence is a very close paraphrase (cosine >= MIN_DENSE); and below HALF_COVERAGE, no
# distinctive word of the question may be missing from every plan in scope while another plan uses it (校服 asked
# of 达州, whose plan never says it, though 承德's does). Words no plan uses (孩子, 发钱) are left to coverage.
MIN_COVERAGE = 0.3
HALF_COVERAGE = 0.5
MIN_DENSE = 0.93


@dataclass
class Hit:
    record: Record
    score: float
    evidence: list[str]
    role: str | None = None  # for office lists: 牵头 or 责任
    dense: float = 0.0
    coverage: float = 0.0
    missing: list[str] = field(default_factory=list)  # distinctive words of the question the record does not hold


@dataclass
class Answer:
    question: Question
    answered: bool
    reason: str
    hits: list[Hit] = field(default_factory=list)
    filters: dict = field(default_factory=dict)


class Engine:
    def __init__(self, index: IndexData, embedder: Embedder):
        self.index = index
        self.embedder = embedder
        self.tokenizer = Tokenizer(index.user_words)
        self._embed_lock = threading.Lock()  # the web app answers several people at once; one embedding at a time
        self.records = index.records
        self.chunk_record = np.array([c.record for c in index.chunks], dtype=np.int64)
        self.is_header = np.array([c.field == HEADER for c in index.chunks])
        self.record_chunks: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(index.chunks):
            self.record_chunks[c.record].append(i)
        self.folded = [fold(r.title + " " + " ".join(r.fields.values())) for r in self.records]
        self.corpus_text = "\n".join(self.folded)
        self.doc_text: dict[str, str] = defaultdict(str)
        for record, text in zip(self.records, self.folded):
            self.doc_text[record.doc] += text + "\n"
        self.office_forms: dict[str, set[str]] = defaultdict(set)
        for r in self.records:
            self.office_forms[r.doc].update(r.lead_offices + r.responsible_offices)
        df: dict[str, int] = defaultdict(int)
        for text in self.folded:
            for token in set(self.tokenizer.tokens(text)):
                df[token] += 1
        n = len(self.records)
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.unseen_idf = math.log(1 + (n + 0.5) / 0.5)
        self.rare_idf = math.log(1 + (n - 3 + 0.5) / (3 + 0.5))  # a word in at most 3 records is distinctive

    # -- public ------------------------------------------------------------------------------------------------
    def ask(self, text: str, k: int = 5, city: str | None = None, year: int | None = None,
            office: str | None = None, context: dict | None = None) -> Answer:
        """Answer `text`. What the question names wins; `city`/`year`/`office` (the UI's filters) fill what it does
        not name; `context` (the previous answer's filters) fills what is still missing, so "那学前教育呢？" after a
        达州 question stays in 达州. A year is carried over only together with its city."""
        text = (text or "").strip()
        if not text:
            return Answer(Question(text, ""), False, "请输入问题。")
        q = read_question(text, self.index.documents, self.office_forms, self.corpus_text)
        carried = []
        if not q.cities and not q.unknown_cities:
            if city:
                q.cities = [city]
            elif context and context.get("city"):
                q.cities = [context["city"]]
                carried.append(context["city"])
                if not q.year and context.get("year"):
                    q.year = context["year"]
                    carried.append(f"{context['year']}年")
        if not q.year and year:
            q.year = year
        if office and not q.office:
            q.office = office
            q.office_forms = same_office(office, list(self.index.documents), self.index.documents, self.office_forms)
        filters = {"city": q.cities[0] if len(q.cities) == 1 else (q.cities or None), "year": q.year,
                   "office": q.office, "carried": carried}
        if q.unknown_cities:
            return Answer(q, False, f"文件库中没有{'、'.join(q.unknown_cities)}的工作要点。{self.holdings()}", filters=filters)
        scope = self._scope(q)
        if not scope:
            named = "".join(filter(None, ["、".join(q.cities), f"{q.year}年" if q.year else ""]))
            return Answer(q, False, f"文件库中没有{named}的文件。{self.holdings()}", filters=filters)
        if q.intent == OFFICE_TASKS:
            return self._office_tasks(q, scope, filters)
        return self._search(q, scope, k, filters)

    def holdings(self) -> str:
        years: dict[str, set[int]] = defaultdict(set)
        for r in self.records:
            if r.year:
                years[r.city].add(r.year)
        parts = [f"{city}（{'、'.join(str(y) for y in sorted(ys))}年）" for city, ys in years.items()]
        return "现有文件：" + "；".join(parts) + "。"

    # -- filters -----------------------------------------------------------------------------------------------
    def _scope(self, q: Question) -> list[int]:
        return [i for i, r in enumerate(self.records)
                if (not q.cities or r.city in q.cities) and (not q.year or r.year == q.year)]

    # -- office lists ------------------------------------------------------------------------------------------
    def _office_tasks(self, q: Question, scope: list[int], filters: dict) -> Answer:
        forms = q.office_forms
        # further offices named ("职成科和计财科一起…"): only the tasks they all take part in
        scope = [i for i in scope if all(forms & self._offices_of(i) for forms in q.other_offices.values())]
        lead = [i for i in scope if self.records[i].kind == TASK and forms & set(self.records[i].lead_offices)]
        shared = [i for i in scope if self.records[i].kind == TASK and forms & set(self.records[i].responsible_offices)
                  and i not in lead]
        role = q.role if q.role != "auto" else ("lead" if lead else "any")
        chosen = lead if role == "lead" else sorted(lead + shared)
        if not chosen:
            what = "牵头" if role == "lead" else "牵头或参与"
            together = "和其他所问科室共同" if q.other_offices else ""
            return Answer(q, False, f"所选文件中没有{q.office}{together}{what}的任务。", filters=filters)
        hits = []
        for i in chosen:
            record = self.records[i]
            hits.append(Hit(record, 1.0, office_lines(record), role="牵头" if i in lead else "责任"))
        filters["role"] = role
        return Answer(q, True, "", hits, filters)

    # -- ranked search -----------------------------------------------------------------------------------------
    def _search(self, q: Question, scope: list[int], k: int, filters: dict) -> Answer:
        with self._embed_lock:
            qv = self.embedder.encode_queries([q.folded])
        sims, ids = self.index.dense.search(qv, len(self.index.chunks))
        chunk_sim = np.empty(len(self.index.chunks), dtype=np.float32)
        chunk_sim[ids[0]] = sims[0]
        dense = np.full(len(self.records), -1.0, dtype=np.float32)
        np.maximum.at(dense, self.chunk_record, chunk_sim)
        tokens = self.tokenizer.tokens(q.topic or q.folded)
        lexical = self._bm25(tokens)
        preambles = [i for i in scope if self.records[i].kind == PREAMBLE]
        candidates = preambles if q.preamble and preambles else [i for i in scope if self.records[i].kind != PREAMBLE]
        if q.office:
            with_office = [i for i in candidates if q.office_forms & self._offices_of(i)]
            candidates = with_office or candidates
        fused = _fuse(dense[candidates], lexical[candidates])
        order = np.argsort(-fused, kind="stable")[:k]
        hits = [self._hit(candidates[j], q, tokens, chunk_sim, float(fused[j]), float(dense[candidates[j]]))
                for j in order]
        if not hits:
            return Answer(q, False, "没有找到相关内容。", filters=filters)
        best = hits[0]
        judged = any(len(t) >= 2 for t in tokens)  # with no topic words left (X科负责什么), only filters decide
        if judged and best.coverage < MIN_COVERAGE and best.dense < MIN_DENSE:
            return Answer(q, False, "文件中没有找到能回答这个问题的内容，以下是可能相关的任务。", hits, filters)
        in_scope = {self.records[i].doc for i in scope}
        known_elsewhere = [t for t in best.missing
                           if t in self.idf and not any(t in self.doc_text[d] for d in in_scope)]
        if judged and best.coverage < HALF_COVERAGE and known_elsewhere:
            words = "“" + "”“".join(known_elsewhere) + "”"
            return Answer(q, False, f"所选文件中没有找到与{words}相关的任务，以下是可能相关的任务。", hits, filters)
        return Answer(q, True, "", hits, filters)

    def _offices_of(self, i: int) -> set[str]:
        return set(self.records[i].lead_offices) | set(self.records[i].responsible_offices)

    def _bm25(self, tokens: list[str]) -> np.ndarray:
        known = [t for t in tokens if t in self.index.bm25.vocab_dict]
        if not known:
            return np.zeros(len(self.records), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(known), dtype=np.float32)

    def _hit(self, i: int, q: Question, tokens: list[str], chunk_sim: np.ndarray, score: float, dense: float) -> Hit:
        record = self.records[i]
        chunk_ids = [c for c in self.record_chunks[i] if not self.is_header[c]]
        texts = [self.index.chunks[c].text for c in chunk_ids]
        evidence: list[str] = []
        coverage = lexical_overlap(tokens, self.idf, self.folded[i], self.unseen_idf)
        found = [t for t in tokens if len(t) >= 2 and t in self.folded[i]]
        missing = [t for t in dict.fromkeys(tokens) if len(t) >= 2 and t not in self.folded[i]
                   and self.idf.get(t, self.unseen_idf) >= self.rare_idf
                   and not any(part in t for part in found)]  # 龙舟赛 is covered when 龙舟 is there
        if texts:
            lexical = np.array([lexical_overlap(tokens, self.idf, fold(t), self.unseen_idf) for t in texts], dtype=np.float32)
            measure = asked_measure(q.folded)
            figures = np.array([figure_bonus(t, measure) for t in texts], dtype=np.float32)
            order = rank_sentences(chunk_sim[chunk_ids], lexical, figures, q.figure)
            picked = sorted(order[: 2 if q.overview and len(order) > 1 else 1])  # in reading order
            evidence.extend(texts[j] for j in picked)
        if q.intent == LEAD:
            evidence = office_lines(record) + evidence
        return Hit(record, score, evidence, dense=dense, coverage=coverage, missing=missing)


def _fuse(dense: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    if len(dense) == 0:
        return dense
    spread = float(dense.max() - dense.min())
    dense_n = (dense - dense.min()) / spread if spread > 1e-9 else np.ones_like(dense)
    top = float(lexical.max())
    lexical_n = lexical / top if top > 1e-9 else np.zeros_like(lexical)
    return DENSE_WEIGHT * dense_n + (1 - DENSE_WEIGHT) * lexical_n
