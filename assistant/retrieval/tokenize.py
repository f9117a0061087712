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
TOKENIZER_VERSION = "46"

# Function words and question words that say nothing about which task is meant.
STOPWORDS = frozenset(
    "的 了 和 与 及 以及 或 是 在 对 为 把 被 将 从 由 等 中 上 下 里 这 那 这些 那些 这项 那项 哪项 "
    "哪 哪些 哪个 哪几 哪几项 几项 几 什么 谁 吗 呢 吧 啊 呀 么 怎么 怎样 如何 多少 要 有 没有 会 能 可以 "
    "请问 一下 一个 一些 一点 今年 去年 明年 全年 年度 方面 项 条 个 里面 里头 其中 还 也 都 又 就 并 而 其 之 所 该 各 时候 起来 "
    "工作 任务 相关 有关 内容 情况 问题 哪里 哪儿 属于 一项 哪一项 具体 主要 提到 出自 出处 说 讲 安排 "
    # words that ask who, not what: they say nothing about the task's subject
    "牵头 负责 主责 科室 部门 单位 处室 股室 责任 哪条 哪项 是否 谁来 由谁 "
    "分管领导 责任领导 牵头领导 联系领导 责任人 分管局长 "  # the person a plan hangs a task on: who, as 牵头 asks
    # how staff talk around the topic: pointing, hedging, asking to look something up
    "deadline ddl budget lead owner leader office dept department charge pic target list team check percent 挑头 签头 主抓 带头 拍板 归口 那个 这个 那块 这块 那摊 那摊事 这事 那事 事儿 事情 一摊 啥 咋 咋样 咋办 "
    "怎么样 干嘛 干啥 搞 弄 放 放在 管 管不管 不管 一下 有没有 有无 还 跟 一起 关于 到底 究竟 现在 目前 那种 这种 那类 这类 那样 这样 "
    "今年 明年 分别 比较 嘛 哦 呗 算 算是 是不是 能不能 要不要 会不会 帮 帮我 查 查一下 查查 想 想问 问下 "
    "不用说 不用管 不用问 不必说 "  # 配合的不用说: what need not be answered, never a topic
    "块钱 几块 毛钱 "  # pieces search mode cuts from 几块钱 / 几毛钱: how much money, never what about
    "问一下 麻烦 知道 告诉 说说 讲讲 一共 总共 累计 大概 大约 左右 写 写了 提 说法 规定 要求 打算 准备 "
    "咱 咱们 我们 局里 咱局 我局 教育局 市教育局 我市 全市 本市 市里 全县 本县 我县 全区 本区 我区 那些 这些 东西 方面的 有关的 一块 这边 那边 动作 活 活儿 要点 工作要点 ppt "
    "原文 原话 原文里 前前后后 还有 另外 此外 "  # 原文咋概括: how the plan words it, not what about
    "落到 落在 分到 分给 交给 归到 转给 转交 转到 "  # 落到哪个科室, 该转给哪个科: where a task goes, asked with who leads
    "开头 打头 结尾 末尾 前头 "  # 总体思路开头, 打头的那条: where in the document, not what about
    "对应 对应的 相对应 落实在 点名 点到 "  # 省里文件这句要点里对应哪条, 点名的是哪两门: where a text sits in the plan
    "举措 措施 做法 具体安排 具体要求 "  # 有哪些举措: asks what the plan does, as 动作 does
    # courtesy and urgency around a question (…，谢谢 / 急用 / 麻烦帮忙看下): how it is asked, never what about
    "谢谢 谢了 谢啦 多谢 感谢 辛苦 辛苦了 辛苦啦 劳驾 拜托 麻烦了 麻烦你 有劳 费心 打扰 打扰了 不好意思 抱歉 "
    "急用 急急 着急 加急 特急 火急 十万火急 赶紧 尽快 尽早 立刻 马上 速回 帮忙 帮下 查下 看下 看看 找下 找找 瞅瞅 "
    "求助 请教 问问 收到 回事 你好 您好 各位 大家好 谢过 先谢 "
    # when the asker needs it (今天下班前要, 明天上午开会): not what the plan schedules
    "今天 明天 后天 今晚 上午 下午 中午 晚上 下班 下班前 上班 待会 一会儿 回头 "
    # when the thing happened, told loosely (疫情刚来那阵子): the plan's time is asked by its own words
    "那阵子 这阵子 那会儿 那会 那时候 那时 那段时间 "
    "出去 大伙 大伙儿 大家伙 硬指标 专门 "  # 出去游学, 大伙一块念, 专门写了: how it is told; 有没有硬指标 asks for the figure
    "上台 外头 拿出 "  # 上台讲思政, 请外头的专家, 拿出一个星期: how the asker pictures it, never what about
    # how a long message hedges, remembers and corrects itself (我记得好像是…, 不对 我说错了, 上回填的): never the topic
    "说错 说错了 搞错 搞错了 口误 不对 印象 印象中 记得 我记得 好像 似乎 貌似 应该 可能 已经 上回 上次 感觉 觉得 我觉得 "
    "我猜 确认下 确认 确认一下 核实 核实下 核下 核一下 核对一下 先说下 "
    # regional spoken words left once data/spoken.tsv has read the rest as Mandarin (老鼻子了 = a lot, 搞起 = get it
    # going, 啥玩意, 哪旮旯): how one talks at home, never what about
    "搞起 搞得 要得 玩意 玩意儿 旮旯 巴适 安逸 "
    # what the answer should count in (写成机关所有科室的也算, 配合的都算上, 别的叫法): how to list, never what about
    "写成 也算 都算 算上 写法 叫法 "
    # words that ask across plans (query.py reads them as a comparison): they say nothing about the topic
    "各地 各市 各个 地方 城市 地市 哪些地方 比较 对比 相比 区别 异同 不同 一样 谁家 对照 pk".split()  # 比一比: an aside phrase
)
# Question words are not content, even when jieba keeps them whole (第几, 几个, 哪所, 为什么).
_QUESTION_WORD = re.compile(r"[哪谁吗呢怎啥咋]|^第?几|之几$|什么|多少")
# 这两块, 那几方面, 这一部分: pointing back at the topics just named, never one of them
_POINTING = re.compile(r"^(?:[这那][一两三四五六几]?|[一两三四五六几])(?:块|方面|摊|部分)$")
# Question words jieba does not know as words: made words so they are not glued to the next character (哪天开 ->
# 哪天 开, not 哪 天开); they are then dropped as question words.
_QUESTION_PHRASES = "哪天 哪年 哪月 几月 几号 几点 几回 几次 啥时候 啥时 什么时候 多少钱 几块钱 多少块钱 几毛钱 多少人 咋样 咋办 咋整 咋弄 咋搞 啥事".split()
# Why or how one asks (下午开会用, 帮我概括两句): made words so jieba keeps them whole, then dropped with their pieces;
# typed after a space they are not a clause of their own (see Engine._aside), and 开会 alone is a plan word.
_ASIDE_PHRASES = ("开会用 开会要用 开会用的 汇报用 汇报要用 写材料 写材料用 写报告 写汇报 写总结 做ppt 发通知 要发通知 找出处 "
                  "概括 概括一下 归纳一下 总结一下 简单说 简单说说 一句话 两句 几句 "
                  "要点里 要点中 文件里 文件中 文件上 总结里 总结中 "  # 文件里有没有: in the plan (计划里 may end 特岗计划)
                  "比一比 比一下 比比 对比一下 比较一下 "
                  # what the asker will do with the answer (汇总一下, 列个表): a request to the assistant, no topic
                  "汇总一下 汇总下 列个表 列张表 列一下 列出来 整理一下 整理下 梳理一下 梳理下 捋一捋 捋一下 统计一下 做个表 出个表 "
                  "在线等 等着用 等你回 老师好 老师们好 各位老师 领导好 各位领导 同事们 "
                  "老鼻子 老鼻子了").split()  # northeastern: a lot (its piece 鼻子 is no topic either)  # 比一比 asks to compare (query.py): not 一比, a slip of 一批
_CJK = re.compile(r"[\u3400-\u9fff]")
_FUNCTION_CHARS = re.compile(r"[的了是要有不没在和与也都就还把被让给对为从比很太吗呢吧啊呀着过得地个这那哪谁啥咋]")
_WORD = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9.+%]+")
_QUOTED = re.compile(r"[“\"「《]([^”\"」》]{2,16})[”\"」》]")


def quoted_terms(text: str) -> list[str]:
    """Terms a plan prints in quotes or book-title marks: “双减”, “订单班”, 《…办法》 names."""
    return [m.group(1).strip() for m in _QUOTED.finditer(fold(text)) if m.group(1).strip()]


# How likely, against jieba's own path, a path through a word it cut across must be to be read too (_bridged)
BRIDGE_RATIO = 0.1
# The frequency at which the plans' own words unknown to jieba's dictionary are added to it
CORPUS_WORD_FREQUENCY = 10


class Tokenizer:
    """An isolated jieba instance (the global one is left alone) with the corpus's own words added."""

    def __init__(self, user_words: Iterable[str] = (), extra_words: Iterable[str] = ()):
        """`user_words` (office names, quoted terms) always stay whole; `extra_words` are made known to the
        dictionary at the lowest frequency that keeps each whole where nothing longer claims it (线上, which jieba's
        dictionary lists at frequency 0, would otherwise be cut into 线 and 上)."""
        self._jieba = jieba.Tokenizer()
        self.user_words = frozenset(fold(w).strip() for w in user_words if len(w.strip()) >= 2)
        for word in sorted(self.user_words):
            self._jieba.add_word(word, freq=50000)
        for word in (*_QUESTION_PHRASES, *_ASIDE_PHRASES):
            self._jieba.add_word(word, freq=50000)
        self._jieba.check_initialized()
        self.corpus_words: set[str] = set()  # words everyday Chinese lacks, known only from the plans
        for word in extra_words:
            if word not in self._jieba.FREQ or not self._jieba.FREQ[word]:
                self.corpus_words.add(word)
                self._jieba.add_word(word, freq=max(CORPUS_WORD_FREQUENCY, self._jieba.suggest_freq(word)))

    @property
    def frequency(self) -> dict[str, int]:
        """Word counts of jieba's dictionary: how common a word is in everyday Chinese."""
        self._jieba.check_initialized()
        return self._jieba.FREQ

    def in_dictionary(self, word: str) -> bool:
        """Whether everyday Chinese has the word (校服 yes; 缺科, a plan's shortening of 短缺学科, no)."""
        return bool(self.frequency.get(word)) and word not in self.corpus_words

    def cut(self, text: str) -> list[str]:
        """`text` (folded) cut into consecutive pieces, every character kept: where its words begin and end."""
        return list(self._jieba.cut(fold(text), HMM=False))

    def tokens(self, text: str, hmm: bool = True) -> list[str]:
        """Content words of `text`. Questions are cut with `hmm=False` by a tokenizer that knows the corpus's own
        words: jieba's guesser would otherwise glue a colloquial pair into a non-word (事放, 还发) that no plan holds
        and that the refusal rules would then count as a missing topic."""
        out = []
        folded = fold(text)
        if any(phrase in folded for phrase in _ASIDE_PHRASES):  # gone whole: search mode would keep 开会 of 开会用
            folded = "".join(" " if piece in _ASIDE_PHRASES else piece for piece in self._jieba.cut(folded, HMM=hmm))
        pieces = self._jieba.cut_for_search(folded, HMM=hmm)
        if not hmm:
            pieces = [*pieces, *self._stems(folded), *self._bridged(folded)]
        for token in pieces:
            token = token.strip().lower()
            if token and token not in STOPWORDS and _WORD.match(token) and not _QUESTION_WORD.search(token) \
                    and not _POINTING.match(token):
                out.append(token)
        return out

    def aside_pieces(self, text: str) -> set[str]:
        """Search mode's pieces of the words said around a question (会儿 of 那会儿, 阵子 of 那阵子, 指标 of 硬指标): the
        whole word is dropped as saying nothing of the topic, its pieces are still cut out of it."""
        return {piece for word in self._jieba.cut(fold(text), HMM=False) if word.strip().lower() in STOPWORDS
                and len(word) > 2 for piece in self._jieba.cut_for_search(word, HMM=False) if piece != word}

    def _stems(self, text: str) -> list[str]:
        """Words jieba knows only as the start of a longer word (性侵 of 性侵犯, 唐山 of 唐山市: frequency 0), which
        without its guesser it cuts into single characters and so drops: 防性侵教育 would read as 教育 alone. Taken
        from runs of single characters only, longest first, never across a function character (人要 of 招的人要比)."""
        found, run = [], ""
        for piece in [*self._jieba.cut(text, HMM=False), ""]:
            if len(piece) == 1 and _CJK.match(piece):
                run += piece
                continue
            i = 0
            while len(run) - i >= 2:
                stem = next((run[i:j] for j in range(min(len(run), i + 4), i + 1, -1)
                             if self._jieba.FREQ.get(run[i:j]) == 0 and not _FUNCTION_CHARS.search(run[i:j])), None)
                if stem:
                    found.append(stem)
                i += len(stem) if stem else 1
            run = ""
        return found

    def _bridged(self, text: str) -> list[str]:
        """A word jieba's best path cut across (中考招生 -> 中 | 考招生): a character left alone, not a function
        character, with the first character of the next word or the last of the one before forms a word everyday
        Chinese knows (中考) while the rest of that word is a word too (招生), which the question asks and search mode
        would drop with the lone character."""
        pieces = [p for p in self._jieba.cut(text, HMM=False)]
        found = []
        for i, piece in enumerate(pieces):
            if len(piece) != 1 or not _CJK.match(piece) or _FUNCTION_CHARS.match(piece):
                continue
            after = pieces[i + 1] if i + 1 < len(pieces) else ""
            before = pieces[i - 1] if i else ""
            # the other path must be words throughout and nearly as likely by jieba's own counts (中考 | 招生 for
            # 中 | 考招生; not 去石 | 家庄 for 去 | 石家庄, nor 新改 | 扩建 for 新 | 改扩建)
            if len(after) >= 3 and self._likely((piece + after[0], after[1:]), (piece, after)):
                found.append(piece + after[0])
            if len(before) >= 3 and self._likely((before[:-1], before[-1] + piece), (before, piece)):
                found.append(before[-1] + piece)
        return found

    def _likely(self, other: tuple[str, str], cut: tuple[str, str]) -> bool:
        freq = self._jieba.FREQ
        if not all(_CJK.match(ch) for word in other for ch in word):
            return False
        a, b = (freq.get(w) or 0 for w in other)
        return a * b >= BRIDGE_RATIO * (freq.get(cut[0]) or 1) * (freq.get(cut[1]) or 1)

