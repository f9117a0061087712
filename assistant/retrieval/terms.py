"""The content words of a question, each with how much it should count and the plan words that stand for it.

Staff type 老师 where the plans print 教师, 挑头 for 牵头, and wrap the topic in everyday words (放在, 累计, 一下).
Refusal rules weigh the question's words by rarity; weighed naively, a word no plan uses looks like the most
distinctive word of all, so every colloquial question would be refused. Here:

- a word with an entry in `data/synonyms.tsv` counts as present when the task holds it or any of its plan words;
- a word that no plan uses weighs by how rare it is in everyday Chinese (jieba's dictionary frequency): 午睡, 甲醛
  or 校服 are rare and keep their full weight, so a question about them is still refused; 放在, 累计, 开工 are common
  and weigh little, so they cannot sink a question whose topic the task holds.

Words that only shape the question (咋, 那块, 有没有, 帮我查) are stopwords in `tokenize.py`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Container

from ..documents.normalize import fold
from .figures import number_value

SYNONYMS_FILE = Path(__file__).parent / "data" / "synonyms.tsv"
# Everyday frequency (jieba's dictionary counts) between which an unseen word's weight falls from full to none:
# below COMMON_LOW it is a topic word (午睡 61, 甲醛 236, 网吧 335), above COMMON_HIGH a common word (一直 25077).
# Chosen on the calibration sets: since a colloquial synonym weighs as its plain word, 500 / 20000 refuse two more
# absent topics (移民, 少有) than 150 / 5000 and no answerable question; 1000 / 50000 lose two partial answers.
COMMON_LOW = 500
COMMON_HIGH = 20000


class Passage(str):
    """A task's text as matched against a question, knowing the two-character runs that only chance spells across
    two of its words (高校|服务 spells 校服): such a run is no mention of the word. Slices are plain text."""
    chance: dict[str, int]

    def __new__(cls, text: str, chance: dict[str, int]):
        made = super().__new__(cls, text)
        made.chance = chance
        return made

    def holds(self, word: str) -> bool:
        return word in self and (len(word) != 2 or self.count(word) > self.chance.get(word, 0))


@dataclass(frozen=True)
class Term:
    word: str
    alternatives: tuple[str, ...]  # the word itself and the plan words that stand for it
    weight: float
    abbreviation: re.Pattern | None = None  # for a word no plan prints: its characters in order, a few apart
    latin: bool = False  # holds Latin letters: tokens are lower-cased, the plans' text is not (1+x is the plan's 1+X)
    guess: bool = False  # a plan word read into a mistyped one (巩故 -> 巩固): counts where found, never against a task
    slips: tuple[str, ...] = ()  # plan words the word would be with one character mistyped (评介 -> 评价)
    phrase: bool = False  # a phrase the question quotes (“职业教育活动周”): held where printed, word boundaries aside

    def found_in(self, text: str) -> bool:
        if self.latin:
            text = text.lower()
        if is_digits(self.word):
            # a number stands for itself, not a piece of a longer one (21 of 是21到23年吧 is not in 2021年)
            return bool(_whole_number(self.word).search(text))
        if isinstance(text, Passage):
            return any(text.holds(a) for a in self.alternatives) or any(text.holds(a) for a in self.slips) or bool(
                self.abbreviation and self.abbreviation.search(text))
        return any(a in text for a in self.alternatives) or any(a in text for a in self.slips) or bool(
            self.abbreviation and self.abbreviation.search(text))


_DIGITS_ONLY = re.compile(r"\d+(?:\.\d+)?")


def is_digits(word: str) -> bool:
    """A number written in digits (30, 10.6): the question states it, it names nothing."""
    return word[:1].isdigit() and bool(_DIGITS_ONLY.fullmatch(word))


@lru_cache(maxsize=512)
def _whole_number(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\d.]){re.escape(word)}(?![\d.]|\.\d)")


def abbreviation_pattern(word: str) -> re.Pattern | None:
    """教体 -> 教育体育, 义教 -> 义务教育, 联考 -> 联合考试: staff shorten the plans' words by keeping characters in
    order, as office names are shortened (offices.is_abbreviation). Two or three characters, each within two of the
    last, so a pair of common characters far apart in a sentence does not pass for the word."""
    if not 2 <= len(word) <= 3 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return None
    return re.compile("[^，。；、,;]{0,2}".join(re.escape(ch) for ch in word))


@lru_cache(maxsize=1)
def _table_lines() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """synonyms.tsv as (word, its plan words in the order listed), folded and lower-cased."""
    lines = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, plan_words = line.partition("\t")
            lines.append((fold(word).strip().lower(), tuple(fold(w).lower() for w in plan_words.split())))
    return tuple(lines)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    return {word: tuple(dict.fromkeys([word, *plan_words])) for word, plan_words in _table_lines()}


@lru_cache(maxsize=1)
def plain_readings() -> dict[str, str]:
    """The first plan word on each line of synonyms.tsv: what the word plainly means (老师 -> 教师; 补课 lists itself
    first, so it keeps its own sense)."""
    return {word: plan_words[0] for word, plan_words in _table_lines() if plan_words}


# a word no plan prints that everyday Chinese uses at least this often (jieba's count) is read as itself, never as a
# shortening of a plan word (its characters in order, a few apart)
SHORTENING_COUNT = 300
# jieba's dictionary lists many phrases at a count this small (搞完 3, 跑掉 3, 全部列 2, 越来越近 3) beside real rare
# words (芦荟胶 3): such an entry is as rare as the rarer of the two words it is made of
PASSING_COUNT = 5
# a verb with an aspect particle (跟着, 照着, 搞了个, 建了): how something is done or told, never what about
_WITH_ASPECT = re.compile(r"[\u4e00-\u9fff](?:着|了|了个)")
_ADVERB_FIRST = "都也还就又再才只"
# a verb with a result complement (盖好, 编完, 开齐) that everyday Chinese has no word for: whether something is done,
# never what; its verb alone says little more (盖, 编, 开), and 爱好 or 只好, words of their own, are counted more often
_RESULT = re.compile(r"[\u4e00-\u9fff][好完掉齐]")
# a pair said twice over (跑跑跳跳, 说说笑笑, 蹦蹦跳跳): how something looks to the asker, never what about
_DOUBLED_PAIR = re.compile(r"([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2")
COUNTED_NUMBER = re.compile(r"[一二两三四五六七八九十几]+[个所项名家大张份件套]")
# a number said in words (一千二百万, 百万 cut from it, 一点一万, 千分之): how much, never what about. Two digits side by
# side are no number but a name (十四五, 一二): those stay topic words.
_NUMBER_WORD = re.compile(r"[零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?[万亿]?(?:分之)?")
_NAMED_BY_DIGITS = re.compile(r"[一二两三四五六七八九]{2}")


def is_number_word(word: str) -> bool:
    return bool(_NUMBER_WORD.fullmatch(word)) and not _NAMED_BY_DIGITS.search(word.partition("点")[0])


def everyday_share(word: str, frequency: dict[str, int]) -> float:
    """1 for a word rare in everyday Chinese (or unknown to the dictionary), falling to 0 for a common one."""
    count = frequency.get(word, 0)
    if 0 < count <= PASSING_COUNT:
        splits = [(word[:i], word[i:]) for i in range(1, len(word)) if frequency.get(word[:i]) and frequency.get(word[i:])]
        if splits:
            return min(max(_rarity(part, frequency) for part in split) for split in splits)
    return _rarity(word, frequency)


def _rarity(word: str, frequency: dict[str, int]) -> float:
    count = frequency.get(word, 0)
    if count <= COMMON_LOW:
        return 1.0
    if count >= COMMON_HIGH:
        return 0.0
    return 1.0 - (math.log(count) - math.log(COMMON_LOW)) / (math.log(COMMON_HIGH) - math.log(COMMON_LOW))


def question_terms(tokens: list[str], idf: dict[str, float], unseen_idf: float,
                   frequency: dict[str, int], corpus_words: Container[str] = ()) -> list[Term]:
    """One Term per distinct content word (two characters or more) of the question, in order.

    A word with a line in synonyms.tsv weighs as its plain reading (the line's first plan word: 老师 as 教师); another
    word the plans use weighs its own IDF; any other word weighs `unseen_idf` scaled by how rare it is in everyday use,
    and nothing when everyday Chinese uses it as a pronoun, adverb, conjunction and the like (function_words).
    """
    table = synonyms()
    out: list[Term] = []
    for word in dict.fromkeys(t for t in tokens if len(t) >= 2):
        alternatives = table.get(word, (word,))
        # a table word inside a longer one stands for its plan words there too: 好老师 -> 好教师, 男老师 -> 男教师
        alternatives += tuple(dict.fromkeys(
            word.replace(key, plan) for key in table if len(key) >= 2 and key != word and key in word
            for plan in table[key][1:] if word.replace(key, plan) not in alternatives))
        alternatives += in_digits(word)
        known = [idf[a] for a in alternatives if a in idf]
        if not known and tokens.count(word) <= sum(tokens.count(other) for other in set(tokens)
                                                   if other != word and word in other):
            continue  # a piece jieba's search mode cuts from a longer word (大利 from 意大利): only the word counts,
            # unless the question says it on its own too (课间十分钟 … 大课间)
        plain = plain_readings().get(word)
        if plain in idf:  # 老师 weighs as 教师 even where a plan happens to print 老师 once
            weight = idf[plain]
        elif known:
            weight = idf[word] if word in idf else min(known)
        else:
            # a word only the plans know (an office name, a quoted term) is no everyday word, whatever count jieba
            # was given to keep it whole
            weight = unseen_idf * (1.0 if word in corpus_words else everyday_share(word, frequency))
            if word not in corpus_words and (word in function_words() or _WITH_ASPECT.fullmatch(word)
                                             or (len(word) == 2 and word[0] in _ADVERB_FIRST)
                                             or _DOUBLED_PAIR.fullmatch(word)
                                             or (_RESULT.fullmatch(word) and frequency.get(word, 0) <= PASSING_COUNT
                                                 and frequency.get(word[0], 0) >= COMMON_LOW)):
                # 我家, 从来不, 上面, 跟着, 搞了个, 盖好: how it is told; 都督 of 五个市都督了些啥: an adverb jieba glued
                # to the verb after it into a word no plan uses
                weight = 0.0
        if COUNTED_NUMBER.fullmatch(word):  # 一所, 六个, 一张 (哪六个, 办一所大学, 列一张单子): how many, never what about
            weight = 0.0
        # a number in words is how much (一千二百万 and 百万 cut from it), unless the plans print it as a word and the
        # question says it on its own (十九 of 十九大, 百万 of 百万学子)
        # (十一 of 十一个县区: the count's number, not the plan's 十一届)
        if is_number_word(word) and (word not in idf or any(
                word != other and word in other and (is_number_word(other) or COUNTED_NUMBER.fullmatch(other))
                for other in tokens)):
            weight = 0.0
        # a shortening: a word no plan prints, or one that some plan prints but everyday Chinese lacks (缺科, which
        # another plan may print as 短缺学科); a word everyday Chinese uses often means itself (留学生 is no shortening
        # of the plan's 留守学生, 上课 none of 上好每一节课), while staff's shortenings are rare there (招考 187, 高中生 129)
        pattern = abbreviation_pattern(word) if word not in table and (
            (not known and frequency.get(word, 0) < SHORTENING_COUNT) or word in corpus_words
            or not frequency.get(word)) else None  # the table says what 推普 is
        out.append(Term(word, alternatives, weight, pattern, latin=bool(re.search("[a-z]", "".join(alternatives)))))
    return out


# a number in words with what it counts (三年, 两所, 十个): plans print most such numbers in digits (给予3年经费扶持).
# Not 一 (一批, 一体: a word, seldom 1批) nor 次 (二次托管, 一次性 are words, not counts)
_NUMERAL_COUNTING = re.compile(r"([零〇二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*)"
                               r"([年个所项名家条类种门间座场台套本位处期届天周批支])")


def in_digits(word: str) -> tuple[str, ...]:
    """三年 as plans print it: 3年, or 3 年 where a PDF spaced the digit off."""
    if not (m := _NUMERAL_COUNTING.fullmatch(word)) or (value := number_value(m.group(1))) is None \
            or not value.is_integer():
        return ()
    return f"{int(value)}{m.group(2)}", f"{int(value)} {m.group(2)}"


def share(terms: list[Term], text: str) -> float:
    """The share of the question's weight that `text` holds. A guessed reading of a typing slip weighs only where
    it is found: the guess may be wrong, and a wrong guess must not count against the task the question means."""
    found = total = 0.0
    for term in terms:
        held = term.found_in(text)
        if held:
            found += term.weight
        if held or not term.guess:
            total += term.weight
    return found / total if total else 0.0


def whole_share(terms: list[Term], text: str) -> float:
    """As `share`, but a piece jieba's search mode cuts from a word the text holds whole (大学 and 学生 of 大学生) adds
    nothing: said once, the word counts once against a topic word beside it that no plan prints (防传销)."""
    held = {t.word for t in terms if t.found_in(text)}
    return share([t for t in terms if not any(t.word != w and t.word in w for w in held)], text)


_SINGLE = re.compile(r"[\u4e00-\u9fff]")


def slip_readings(tokens: list[str], sound_alike: Callable[[str], tuple[str, ...]], frequency: dict[str, int],
                  known: Container[str], question: str | None = None, printed: Container[str] = (),
                  homophones: Callable[[str], tuple[str, ...]] = lambda word: ()) -> dict[str, tuple[str, ...]]:
    """Plan words that the question's non-words would be with one character mistyped, by the non-word: 巩故率 ->
    巩固率, 代款 -> 贷款, 评介 -> 评价. A non-word is a run of characters jieba could only cut one by one (no dictionary
    word covers them), or a word no plan has and everyday Chinese rarely uses. Common words are left alone: 放学 is
    not 访学. `question`: the text the tokens were cut from, where a run must stand as typed. `printed`: the plans'
    text; a word before a character it makes no word with (进士 before 率) is read as the sound-alike plan word, or
    the plan word said exactly as it is (`homophones`), that the plans print with that character (近视率), though
    the word itself is common."""
    candidates: list[str] = []
    suffixed: list[tuple[str, str]] = []
    run: list[str] = []
    previous = ""
    for token in [*tokens, ""]:
        if len(token) == 1 and _SINGLE.match(token):
            if not run and len(previous) == 2 and _SINGLE.match(previous[-1]) and previous + token not in known:
                candidates.append(previous + token)  # 教师结 for 教师节: a slip in a word's last character
                suffixed.append((previous, token))
            run.append(token)
            previous = token
            continue
        previous = token
        text = "".join(run)
        candidates += [text[i:i + n] for n in (2, 3, 4) for i in range(len(text) - n + 1)]
        run = []
        if len(token) >= 2 and token not in known and frequency.get(token, 0) <= COMMON_LOW and not any(
                token != other and token in other for other in tokens):
            candidates.append(token)
    # characters the question's dropped words stood between are no run (贷 and 市 of 校园贷 哪个市有提)
    readings = {c: sound_alike(c) for c in dict.fromkeys(candidates) if question is None or c in question}
    for word, after in suffixed:
        if not readings.get(word + after) and word not in readings and (
                alike := tuple(w for w in (*sound_alike(word), *homophones(word)) if w != word and w + after in printed)):
            readings[word] = alike  # 进士率 typed for 近视率
    return {c: r for c, r in readings.items() if r}


def with_slips(terms: list[Term], readings: dict[str, tuple[str, ...]], idf: dict[str, float]) -> list[Term]:
    """A question word that is a slip stands also for the plan words it would be (评介 is found where 评价 is); a
    slip among characters cut one by one adds those plan words as guesses."""
    out = [replace(t, slips=readings[t.word]) if t.word in readings else t for t in terms]
    asked = {a for t in out for a in t.alternatives + t.slips}
    asked_words = {t.word for t in terms}
    guesses = [w for source, words in readings.items() if source not in asked_words for w in words]
    return out + [Term(w, (w,), idf[w], guess=True) for w in dict.fromkeys(guesses) if w not in asked and w in idf]


FUNCTION_WORDS_FILE = Path(__file__).parent / "data" / "function_words.txt"


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Pronouns, adverbs, directions, conjunctions … of everyday Chinese (我家, 从来不, 上面, 总是), by jieba's
    part-of-speech table (scripts/make_function_words.py): a question word of these kinds that no plan uses tells how
    the question is told, never what it is about."""
    lines = FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
