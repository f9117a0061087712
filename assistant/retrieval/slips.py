"""Typing slips of pinyin input: staff type by sound, and the input method sometimes picks a same-sounding character
(5月地前 for 5月底前, 上班年 for 上半年, 完城 for 完成, 基教课 for 基础教育科). A slip is read as the word it sounds
like only where the intended word then fits (a time phrase matches over it, a filler word or an office name is
spelled by it), never on sound alone.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from pypinyin import Style, pinyin

_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def sounds(char: str) -> frozenset[str]:
    """Every reading of a character, without tones (多音字 keep all their readings)."""
    if not _CJK.match(char):
        return frozenset()
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


@lru_cache(maxsize=8192)
def plain_sound(char: str) -> str:
    """A character's usual reading without its tone (假 jia, never its rare jie, which would make 春假 a 春节)."""
    return pinyin(char, style=Style.NORMAL)[0][0] if _CJK.match(char) else ""


def sounds_like(a: str, b: str) -> bool:
    """Same length, and every pair of characters shares a reading (or is the same character)."""
    return len(a) == len(b) and all(x == y or sounds(x) & sounds(y) for x, y in zip(a, b))


def mend_to_pattern(text: str, pattern: re.Pattern, alphabet: str) -> str:
    """`text` with each character that sounds like one of `alphabet` replaced by it, where the replacement makes
    `pattern` match across that position (and it did not before). Same length as `text`."""
    covered = _covered(text, pattern)
    chars = list(text)
    for i, char in enumerate(chars):
        if i in covered or char in alphabet or not sounds(char):
            continue
        for right in alphabet:
            if sounds(char) & sounds(right):
                trial = "".join(chars[:i]) + right + "".join(chars[i + 1:])
                if i in _covered(trial, pattern):
                    chars[i] = right
                    covered = _covered("".join(chars), pattern)
                    break
    return "".join(chars)


def _covered(text: str, pattern: re.Pattern) -> set[int]:
    return {i for m in pattern.finditer(text) for i in range(m.start(), m.end()) if m.end() > m.start()}


def sounds_like_any(word: str, words: Iterable[str]) -> bool:
    return any(sounds_like(word, w) for w in words if len(w) == len(word))



@lru_cache(maxsize=8192)
def toned(char: str) -> frozenset[str]:
    """Every reading of a character with its tone: an input method offers the characters of one toned syllable."""
    if not _CJK.match(char):
        return frozenset()
    return frozenset(pinyin(char, style=Style.TONE3, heteronym=True)[0])


class SoundAlike:
    """The plans' words that a question word would be, had one character of it not been mistyped for another of
    the same syllable and tone: 巩故 -> 巩固, 代款 -> 贷款, 规化 -> 规划, 签头 -> 牵头. Staff type by sound and the
    input method picks the wrong character. One character only, with its tone, because the plans' vocabulary has
    many pairs of words a looser likeness would confuse (义教 is not 医教)."""

    def __init__(self, words: Iterable[str]):
        self._by_blank: dict[tuple[str, int], set[str]] = defaultdict(set)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for word in words:
            if 2 <= len(word) <= 4 and all(_CJK.match(ch) for ch in word):
                self._by_length[len(word)].append(word)
                for i in range(len(word)):
                    self._by_blank[(word[:i] + "_" + word[i + 1:], i)].add(word)

    def homophones(self, word: str) -> tuple[str, ...]:
        """The plan words said exactly as `word` is, every character in the same syllable and tone (进士 -> 近视):
        a voice-input slip of a whole word. Only for a caller that confirms it otherwise (the plans print the plan
        word with the character the question typed after it: 近视率 for 进士率)."""
        if not 2 <= len(word) <= 4 or not all(_CJK.match(ch) for ch in word):
            return ()
        return tuple(sorted(other for other in self._by_length.get(len(word), ())
                            if other != word and all(toned(a) & toned(b) for a, b in zip(word, other))))

    def __call__(self, word: str) -> tuple[str, ...]:
        """The plan words that `word` would be with one character replaced by one of the same reading."""
        if not 2 <= len(word) <= 4 or not all(_CJK.match(ch) for ch in word):
            return ()
        found = {other for i, ch in enumerate(word)
                 for other in self._by_blank.get((word[:i] + "_" + word[i + 1:], i), ())
                 if other != word and toned(ch) & toned(other[i])}
        if not found:  # most staff type without tones: the same syllable in another tone (倾泄 -> 倾斜), read plainly
            found = {other for i, ch in enumerate(word)
                     for other in self._by_blank.get((word[:i] + "_" + word[i + 1:], i), ())
                     if other != word and plain_sound(ch) and plain_sound(ch) == plain_sound(other[i])}
        return tuple(sorted(found))


_LATIN_RUN = re.compile(r"[a-z]{4,}")
_MAX_SPELLINGS = 16  # per word: 多音字 multiply the spellings; a word with more is left out


class PinyinSpelled:
    """The plans' words a run of Latin letters spells in toneless pinyin: staff with the input method switched to
    letters type zhoubian for 周边, mingdan for 名单. Only whole words of two to four characters, spelled exactly
    (no tones, no initials only), so an English word (budget, lead) is never read as Chinese by chance. Built on first
    use: most questions hold no such run."""

    def __init__(self, words: Iterable[str]):
        self._words = words
        self._by_spelling: dict[str, set[str]] | None = None

    def _build(self) -> dict[str, set[str]]:
        by_spelling: dict[str, set[str]] = defaultdict(set)
        for word in self._words:
            if not 2 <= len(word) <= 4 or not all(_CJK.match(ch) for ch in word):
                continue
            spellings = [""]
            for ch in word:
                spellings = [s + r for s in spellings for r in sorted(sounds(ch))]
                if len(spellings) > _MAX_SPELLINGS:
                    break
            else:
                for spelling in spellings:
                    by_spelling[spelling].add(word)
        return by_spelling

    def __call__(self, token: str) -> tuple[str, ...]:
        if not _LATIN_RUN.fullmatch(token):
            return ()
        if self._by_spelling is None:
            self._by_spelling = self._build()
        return tuple(sorted(self._by_spelling.get(token, ())))


# the words a question asks who does a task with: typed by sound, one character often comes out wrong (谁牵投, 哪个科负则,
# 配和的科有哪些, 参于的科); read as typed they ask nothing of the offices and weigh as topics no plan has
ROLE_WORDS = ("牵头", "挑头", "负责", "配合", "参与", "协助", "协办", "主抓")
# so too the words asking when a task is due (完成时线 for 完成时限, 其限 for 期限): typed by sound, read as typed they
# ask no date and weigh as a topic no plan has
DUE_WORDS = ("时限", "期限")
_ASKER_BEFORE = re.compile(r"[谁科室股处门位]\s*$")  # 哪个科前头的, 谁千头: who is asked of, right before it


def read_role_slips(text: str, cut: Callable[[str], list[str]]) -> str:
    """`text` with a two-character slip of a role word read as the word (same length). One character mistyped for
    one of the same reading, standing as a word of the question's cut (这些办理 holds no 协办). A slip that is a word of
    its own (前头, 千头) is read so only right after who is asked of (哪个科前头的), not in 走在前头."""
    edges, words, at = {0}, set(), 0  # where the cut's pieces begin and end; where a two-character piece begins
    for piece in cut(text):
        if len(piece) == 2:
            words.add(at)
        at += len(piece)
        edges.add(at)
    chars = list(text)
    for i in range(len(text) - 1):
        span = text[i:i + 2]
        if i not in edges or i + 2 not in edges or not all(_CJK.match(c) for c in span):
            continue
        for role in (*ROLE_WORDS, *DUE_WORDS):
            if span != role and sum(a != b for a, b in zip(span, role)) == 1 and sounds_like(span, role) and (
                    i not in words or _ASKER_BEFORE.search(text[:i])):
                chars[i:i + 2] = role
                break
    return "".join(chars)
