"""Words for BM25 and evidence matching: jieba (search mode) over the Simplified text, with the corpus's own office
names and quoted terms as a user dictionary so that 市电教技装中心 or “订单班” stay whole."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import jieba

from ..documents.normalize import fold

jieba.setLogLevel(logging.WARNING)

# Bump when tokens change (stopwords, dictionary rules): the stored BM25 index is then rebuilt, vectors are kept.
TOKENIZER_VERSION = "3"

# Function words and question words that say nothing about which task is meant.
STOPWORDS = frozenset(
    "的 了 和 与 及 以及 或 是 在 对 为 把 被 将 从 由 等 中 上 下 里 这 那 这些 那些 这项 那项 哪项 "
    "哪 哪些 哪个 哪几 哪几项 几项 几 什么 谁 吗 呢 吧 啊 呀 么 怎么 怎样 如何 多少 要 有 没有 会 能 可以 "
    "请问 一下 今年 去年 明年 全年 年度 方面 项 条 个 里面 其中 还 也 都 又 就 并 而 其 之 所 该 各 时候 起来 "
    "工作 任务 相关 有关 内容 情况 问题 哪里 哪儿 属于 一项 哪一项 具体 主要 提到 说 讲 安排 "
    # words that ask who, not what: they say nothing about the task's subject
    "牵头 负责 主责 科室 部门 单位 处室 责任 哪条 哪项 是否 谁来 由谁".split()
)
# Question words are not content, even when jieba keeps them whole (第几, 几个, 哪所, 为什么).
_QUESTION_WORD = re.compile(r"[哪谁吗呢怎]|^第?几|什么|多少")
_WORD = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9.+%]+")
_QUOTED = re.compile(r"[“\"「《]([^”\"」》]{2,16})[”\"」》]")


def quoted_terms(text: str) -> list[str]:
    """Terms a plan prints in quotes or book-title marks: “双减”, “订单班”, 《…办法》 names."""
    return [m.group(1).strip() for m in _QUOTED.finditer(fold(text)) if m.group(1).strip()]


class Tokenizer:
    """An isolated jieba instance (the global one is left alone) with the corpus's own words added."""

    def __init__(self, user_words: Iterable[str] = ()):
        self._jieba = jieba.Tokenizer()
        self.user_words = sorted({fold(w).strip() for w in user_words if len(w.strip()) >= 2})
        for word in self.user_words:
            self._jieba.add_word(word, freq=50000)

    def tokens(self, text: str) -> list[str]:
        out = []
        for token in self._jieba.cut_for_search(fold(text)):
            token = token.strip().lower()
            if token and token not in STOPWORDS and _WORD.match(token) and not _QUESTION_WORD.search(token):
                out.append(token)
        return out
