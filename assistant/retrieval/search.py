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
import re
from difflib import SequenceMatcher
from collections import defaultdict
from dataclasses import dataclass, field, replace

import jieba
import numpy as np

from .embedders import Embedder
from .details import Detail, asked_detail, asks_deadline, detail_sentence, is_period_word, value_words
from .evidence import asked_measure, figure_bonus, rank_sentences
from .figures import named_figures, prints
from ..documents.normalize import fold, with_inserts_read
from .passages import HEADER, office_lines
from ..documents.offices import is_abbreviation, task_role
from ..documents.places import bare_name
from .deadlines import Window, due, find_window, is_filler, strip_window
from .query import (BACK_TO, BACK_TO_WORDS, DEADLINE, GENERAL, LAST_PART, LEAD, OFFICE_TASKS, OTHER_PLACES,
                    PLACES_COUNTED, REPORTED, Question, read_question, same_office)
from ..documents.parser import numeral_value
from ..documents.records import PREAMBLE, SUMMARY, TASK, TIME_FIELDS, Record, place_name
from ..documents.labels import COOPERATING, RESPONSIBLE
from .store import DocumentInfo, IndexData
from .slips import PinyinSpelled, SoundAlike
from .terms import (COUNTED_NUMBER, COMMON_LOW, SHORTENING_COUNT, Passage, Term, abbreviation_pattern, everyday_share,
                    function_words, is_digits, question_terms, share, slip_readings, synonyms, whole_share,
                    with_slips)
from .tokenize import STOPWORDS, TOKENIZER_VERSION, Tokenizer
from .topics import COUNTED, listed_topics
from .wordcache import cached_words

DENSE_WEIGHT = 0.4
# Longer questions are refused before any work: the chat, the CLI and the directory all ask through Engine.ask
MAX_QUESTION = 300
# A question needs a letter, a digit or a CJK character to be about anything
_WORDS = re.compile(r"[\w\u3400-\u9fff]")
# A question that plainly continues the conversation: 那学前教育呢？ 还有教师队伍？
_CONTINUES = re.compile(rf"^(?:那|那么|还有|另外|再|同样|{BACK_TO_WORDS})|呢\s*[？?。!！]*\s*$")
_MARKERS = re.compile(r"^(?:那么|那|还有|另外)|呢?\s*[？?。!！]*\s*$")
# After an office's list (人事科牵头哪些工作), a turn that only changes the role, the place or the year asks the same
# office's list again (那它配合的呢, 光牵头的, 都算上呢, 那遂宁呢): what such a turn may hold besides the role words
_OFFICE_FOLLOW = re.compile(r"它们?|他们?|该科室?|这个科室?|那个科室?|其|光|只|单|仅|就|都算上?|算上|全部|所有|一起|一块|"
                            r"牵头|挑头|主抓|负责|参与|配合|协助|协办|协同|参加|打下手|工作|任务|事儿?|活儿?|几项|多少项|"
                            r"哪些|哪几|有哪|有啥|都有|和|跟|与|及|[还也]?有|是")
# a year's work summary asked for (工作总结里, 总结中, 去年的总结): answered only from a summary part of the plans in scope
_SUMMARY_ASKED = re.compile(r"工作总结|总结(?:里|中|部分|那部分|那块|上)|年的?总结")
# 这两样分别, 各自, 是不是一个科: a question asking the same of two topics joined before it (营养餐跟贫困生资助)
_BOTH_ASKED = re.compile(r"这两(?:样|个|项|条|件|块|摊)|两(?:样|项|条|件)(?=都|各|分别)|分别|各自|各是|是不是(?:同一个|一个)(?:科|单位|部门)?|"
                         r"是(?:同一个|一个)(?:科|单位|部门)吗")
_PAIR_JOIN = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?:跟|和|与|以及|还有)\s*(?=[\u4e00-\u9fff])")
_PAIR_SPAN_BEFORE = re.compile(r"[^\s，,。？?！!；;：:]+$")
_PAIR_SPAN_AFTER = re.compile(r"[^\s，,。？?！!；;：:]+")
# 第一个那条, 第二个呢, 第3个: the Nth plan block of the comparison the conversation is about
# (最后那个, 倒数第二个: counted from the end)
_NTH_BLOCK = re.compile(r"(?P<back>倒数)?\s*第\s*(?P<n>[一二两三四五六七八九十\d]{1,2})\s*个(?:那条|那项|那个|文件|地方|市|城市)?|"
                        r"(?P<last>最后)\s*(?:一个|那个|一条|那条|一项|那项|一家|那家|一个市|那个市)")
# 下一条, 上一项, 前一条: the task beside the one the conversation cited
_BLOCK_LEAD = re.compile(r"(?:它的|那条的|这条的)?牵头的(?:那个)?(?:科室?|单位|部门|股室?)|它的牵头(?:科室?|单位|部门)")
_THAT_ONE = re.compile(r"[那这]一?(?:条|项|个任务)")  # 那承德那条: pointing at a task just shown
_NEIGHBOUR = re.compile(r"([下上前后])\s*(?:一|1)\s*(?:条|项|个任务|点)")
_IT = re.compile(r"它们?|他们?|该科室?")
_ROLE_NAMED = re.compile(r"牵头|挑头|主抓|负责|参与|配合|协助|协办|协同|参加|打下手|都算|算上|全部|所有")
_ROLE_SAID = {"lead": "牵头的", "shared": "配合的", "both": "负责"}  # 那达州呢 keeps the role asked before
# What is left of an elliptical follow-up once its place, year and office are read: 那…呢, 的, 怎么样
_ELLIPSIS = re.compile(r"那么|[那这](?:条|项|个|种|件事)|那|还有|另外|呢|的|怎么样|咋样|如何|情况|又|再|吗|嘛|[\s？?。，,!！…、]|"
                       r"换成|换到|改成|改问|换个|换|"  # 换成计财科呢: the same question of another office or place
                       r"实际|具体|达到了?|完成了?|多少|几|"  # 那承德2020年实际达到多少: the figure of the same topic
                       r"牵头|挑头|签头|主抓|负责|主责|责任|科室|部门|单位|处室|是|谁|哪个|哪些|"  # 牵头的呢: its offices
                       r"配合|协助|协办|参与|协同|"  # 配合的科室呢: its other offices
                       r"去年|前年|上一年|上年|今年|"  # 去年呢: the same topic a plan year earlier
                       # 达州有吗, 遂宁也搞了吗, 温州写了没: whether the new place has the same topic
                       r"有没有|有没|也|有|搞了?|提了?|写了?|弄了?|办了?|做了?|没|不")
_RELATIVE_YEAR = {"前年": 2, "去年": 1, "上一年": 1, "上年": 1}
_TAKEN_BACK = re.compile(r"(?:不是|不要|不问|不看)(?:前年|去年|上一?年)")
# Refusal (README, "Three states"; chosen on eval/colloquial_calibrate.jsonl): the best task must hold at least
# MIN_COVERAGE of the question's weighted words (terms.py), unless its best sentence is a very close paraphrase
# (cosine >= MIN_DENSE); and below ELSEWHERE_COVERAGE, no distinctive word of the question may be missing from
# every plan in scope while another plan uses it (校服 asked of 达州, whose plan never says it, though 承德's does).
MIN_COVERAGE = 0.35
ELSEWHERE_COVERAGE = 0.65
ELSEWHERE_HOLDS = 0.7  # a task of another plan holding the lacked word holds this share of the best one's coverage
GUESSED_SHARE = 0.9  # a guessed office's best task holding less than this share of the best task's: a wrong guess
NEAR_SCORE = 0.05  # fused score: a task this close behind the first, holding all it lacks, answers instead
NEAR_GAP = 0.5  # … or holding this much more of the question's weight (0.3 took 长春's 督导 task over its 学前教育 one)
VERBATIM_LEAD = 4  # characters more of the question printed as typed beside the figure: the asked object named whole
RESCUE_COVERAGE = 0.8  # a lower-ranked task holding this much of the question answers when the first holds too little
# A word of everyday talk (jieba's dictionary count at least EVERYDAY: 材料 9137, 一级 6006) never says that a plan
# lacks the topic (calibration: 3000 loses two right refusals, 10000 and above one answer)
EVERYDAY = 5000
# a district's or county's name without its suffix is a name only when everyday Chinese uses it less than this often
# (jieba's count): 崇明 35, 安吉 45, 江北 1405 name places; 南部 5612, 长安 5355, 和平 7998 are ordinary words
PLACE_WORD_COUNT = 3000
# A question naming no place is answered plan by plan when at least two plans' best tasks hold this share of it
WIDE_COVERAGE = 0.7
# in a comparison, a plan whose best task holds less than this share of what the best-holding plan's task holds does
# not treat the topic: it touches a word or two of it (领导干部 of 领导干部讲思政课 in a 党风廉政 task)
COMPARED_SHARE = 0.5
LISTED_PHRASE = 5  # characters of a listed way of saying the topic that a plan must print word for word
# topics listed in one question (教师交流轮岗、县管校聘, 坐校车或者住校): any one may answer
_LISTED = re.compile(r"[、／/]")
# a stretch that asks, or says what is wanted of a topic named before it (把它算进考核了, 这事有安排没)
_ASKING = re.compile(r"[哪谁啥咋吗呢么它]|什么|怎么|多少|几|有没有|有无|比比|对比|比较|这事|这件事|此事")
_CJK_WORD = re.compile(r"[\u3400-\u9fff]+")
_NAME_MARKS = re.compile(r"[、，,·\s]")  # what sets a quoted name's parts apart: “双随机、一公开”, “幸福教师·荣耀达州”
_LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])")  # zhoubian, typed with the input method off
# 是不是X科 / X科牵头吗 / X还是Y: the office is asked about, a guess to check (基教科呢 after a topic is not)
_GUESSED = re.compile(r"是不是|是否|还是|[吗嘛么吧](?=[\s？?。！!]|$)|[不没](?:是|对)?[\s？?。！!]*$")
# 十一 in 写到十一二点, 90% in 目标是90%吧, 六个 in 是哪六个: a number, never a topic
# a number (十一, 90%, 六个, 3万); 万名 (万名艺术家进校园) or 百名 alone name a programme, not a count
_PART_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")  # 三 of 第三部分, not the title words of 党建那部分
_NUMERAL = re.compile(r"(?=.*[\d〇零一二三四五六七八九十两])[\d.〇零一二三四五六七八九十百千万两]+[%％个所项名人次条万亿元]?")
# a question's clauses (see Engine._aside); a bracketed term is one too: 透明的厨房（好像叫明厨亮灶？）
_CLAUSES = re.compile(r"[，,。？?！!；;：:]+")  # 张局微信问：… is a clause of its own
_CLAUSE_SPANS = re.compile(r"[^，,。？?！!；;：:]+[，,。？?！!；;：:]*")  # a clause with the marks that close it
# a clause that asks: a question mark or a question word (谁, 几, 有没有, 批不批 …)
_ASKS = re.compile(r"[？?]|[吗嘛呢谁哪几啥咋]|多少|什么|怎么|如何|有无|是否|(.)[不没]\1")
_YEAR_CLAUSES = re.compile(r"[\s，,。？?！!；;：:、]+")  # 去年…，今年…: a year's part of a year-over-year question
_NUMBERED = re.compile(r"[一二两三四五六七八九十百千万几第\d]")
_QUOTED = re.compile(r"[“\"「『‘]([^”\"」』’]+)[”\"」』’]")
_BRACKETED = re.compile(r"[（(]([^（）()]*)[）)]")
MIN_DENSE = 0.93
# a yes/no check (有没有X, X办不办, X搞没搞) and the words it asks about: to the end of its clause after it, or from
# the clause's start before it
# (是不是, 能不能 ask a guess or a permission, not whether something is there)
_CHECK = re.compile(r"有没有|有无|有没|([办搞开推建提写做设评发抓出上弄装修让准])[不没]\1|"  # 让不让娃带: allowed?
                    # X有说法没, X有吗, X有统一要求没
                    r"有(?:具体|统一|明确|专门)?(?:安排|说法|要求|计划|部署|规定|提|写|提到|写到)?[没吗](?=[\s？?。！!]|$)|"
                    # 长春也搞了劳模进校园吧, 承德也开剪纸课了吧: a guess that this plan does it too, checked as 有没有
                    r"也(?:搞|办|开|上|建|推|设|有|做|弄|在搞|在做)了?(?=[^，,。？?！!；;\s]*?(?:了吧|吧|对吧|是吧)(?:[\s？?。！!]|$))")
CHECKED_NEAR = 0.9
MAX_QUOTED_NAME = 12  # a longer quoted text is a sentence, not a name (as _quoted reads names)
QUOTE_SLACK = 2  # the characters a quoted name's retyping may leave out of the printed one
_PARTICLES_AT_END = re.compile(r"(?:了吧|对吧|是吧|吧|吗|嘛|么|呢|啊|呀|没)+$")
# a question checking a remembered value (是21到23年吧, 是不是20所)
_CONFIRMED = re.compile(r"(?:对吧|是吧|吧|对不对|没错吧?|是不是)(?=[\s？?。！!]|$)|是不是|是否")
_CHECK_SPAN = re.compile(r"[^，,。？?！!；;：:\s]*")
_CHECK_SPAN_BEFORE = re.compile(r"[^，,。？?！!；;：:\s]*$")
# ... and no more than UNHEARD_SHARE of the question's weight may lie in words no plan uses in any form (calibration:
# answerable questions reach 0.51 with colloquial words such as 里头, 乡下, 案子; 网吧 and 围棋象棋 questions 0.61;
# 0.6 answers two more questions in the describe-away voice and one more of the unanswerable ones)
UNHEARD_SHARE = 0.55
# ... and where the best task holds less than UNHEARD_COVERAGE of the question, no more than MISSING_UNHEARD_SHARE may
# lie in such words that it lacks (机器人竞赛 asked of a 竞赛 task, 海岛研学基地 of a 研学基地 one). Calibration (2026-12-03,
# office shortenings no longer counted as topics): 7 of 30 answered unanswerable questions refused for 3 of 908 right
# answers lost (扶植, 国字号, a position named); coverage 0.6 or share 0.3 lose 5 to 8 right answers for 1 or 2 more.
UNHEARD_COVERAGE = 0.55
MISSING_UNHEARD_SHARE = 0.4
# Ranking: a task whose title shares TITLE_RUN characters in a row with the question gains TITLE_BONUS (of a fused
# score in 0..1; chosen on the calibration sets: 0.1 to 0.2 with runs of 4 rank one more question right, runs of 3
# one fewer)
TITLE_BONUS = 0.1
TITLE_RUN = 4
# ... and COVERAGE_WEIGHT times the share of the question's weighted words it holds, read with synonyms, shortenings,
# typing slips and parenthesised inserts, which BM25 over the plan's own tokens cannot see (0.2 to 0.4 rank two more
# calibration questions right and none wrong; 0.6 loses a dev question)
COVERAGE_WEIGHT = 0.25
# A plan word of a synonym line that BM25 does not hold as one token, at least this long, is scored by its tokens:
# a phrase (高水平高职学校 for 双高, 校外培训机构), not a made-up form (上学前 from 上幼儿园 with 幼儿园 -> 学前)
PHRASE = 4
PASTED = 6  # characters of a stretch of the question a plan prints word for word before it points at that plan
_BODY_NAME_IN = re.compile(r"研究院|研究所|大学|学院|学校|中学|小学|幼儿园|中心|集团|公司|基金会|协会|委员会|实验室|馆")
_BODY_NAME = re.compile(rf"(?:{_BODY_NAME_IN.pattern})$")
_JOINED_KINDS = re.compile(r"[和与及或、]")
_COUNT = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"  # a number as the plans print a count
_COUNT_INSIDE = rf"(?:\s*{_COUNT}\s*[所个家座名项]?\s*)?"  # 建10所公办幼儿园
# A task printing the figures the question names it by (那个要建37所幼儿园的) gains FIGURE_BONUS, when its score
# without it is at least FIGURE_NEAR of the best (above the lowest of the candidates): a number alone (10所 is printed
# by many tasks) never lifts a task off another topic
FIGURE_BONUS = 0.3
FIGURE_NEAR = 0.5
# A figure is quoted only from a clause naming at least this share of the question's words that the task holds.
DETAIL_SHARE = 0.5
MAX_HOLDERS = 3  # a word found only inside this many longer plan words is scored in BM25 by them


@dataclass
class Hit:
    record: Record
    score: float
    evidence: list[str]
    role: str | None = None  # for office lists: 牵头 or 责任
    dense: float = 0.0
    coverage: float = 0.0
    missing: list[str] = field(default_factory=list)  # distinctive words of the question the record does not hold
    detail_missing: str | None = None  # the asked kind of value (数量, 时间 …) this record does not give
    detail_given: str | None = None  # of a question asking two values, the one the record gives beside the missing one
    # the missing words the caveat under an answer names: topic words, not the everyday ones around a question
    # (最后, 方法, 出去), which weigh in the decision but would send the reader looking for nothing
    caveat: list[str] = field(default_factory=list)
    time_nodes: list[dict] = field(default_factory=list)  # for deadline lists: the record's nodes in the window


ANSWERED = "answered"  # the cited task answers; the quote holds what was asked
PARTIAL = "partial"  # the topic is in the cited task, the asked detail (a figure, a date, an office) is not printed
NOT_FOUND = "not_found"  # nothing in the plans in scope


@dataclass
class _Scores:
    chunk_sim: np.ndarray  # per passage: cosine with the question
    dense: np.ndarray  # per record: its best passage
    lexical: np.ndarray  # per record: BM25
    terms: list[Term]
    detail: Detail | None


@dataclass
class PlanAnswer:
    """One plan's block in a comparison; `doc` None for a place named that the corpus has no plan of."""
    doc: str | None
    city: str | None
    year: int | None
    answer: "Answer"


@dataclass
class Answer:
    question: Question
    status: str
    reason: str
    hits: list[Hit] = field(default_factory=list)
    filters: dict = field(default_factory=dict)
    elsewhere: list[Hit] = field(default_factory=list)  # for a topic the asked plan lacks: where other plans hold it
    plans: list[PlanAnswer] = field(default_factory=list)  # a comparison: one answer per plan in scope
    parts: list[tuple[str, "Answer"]] = field(default_factory=list)  # two topics asked together: (topic, its answer)

    @property
    def answered(self) -> bool:
        return self.status == ANSWERED


def _years_back(text: str) -> int:
    """去年 -> 1, 前年 -> 2, no such word -> 0; a year taken back (不是去年完成的 今年…) is none."""
    text = _TAKEN_BACK.sub(" ", text)
    return next((n for word, n in _RELATIVE_YEAR.items() if word in text), 0)


def _holds_a_listed_topic(topic: str, elsewhere: list[Term], terms: list[Term]) -> bool:
    """Whether the question lists topics (A、B), or says one topic twice apart (城乡义务教育一体化 缩小城乡差距这块),
    and one of them, naming something, has no word that only other plans hold."""
    # a stretch set apart by a space that asks (哪些地方在清理 of 公参民学校 哪些地方在清理) says what is wanted of
    # the topic, not a topic; a list (教师交流轮岗、县管校聘方面怎么做) asks of each of its items
    chunks = [c for c in topic.split() if _LISTED.search(c) or not _ASKING.search(c)]
    parts = [part for chunk in chunks for part in _LISTED.split(chunk) if part.strip()]
    named = [part for part in parts if any(t.weight > 0 and t.word in part for t in terms)]
    return len(named) > 1 and any(not any(t.word in part for t in elsewhere) for part in named)


def follow_up_context(answer: Answer, previous: dict | None) -> dict | None:
    """What the next turn may carry over: the place, year, office and topic of an answer that found its task. A
    refusal of a question asked afresh carries its topic and place on (达州…没有? 那遂宁呢 / 不对 我问的是温州 asks it of
    another plan); a refused follow-up keeps the conversation where it was (20年的呢 refused, 谁负责 asks of the task
    before)."""
    city = answer.filters.get("city")
    if answer.status not in (ANSWERED, PARTIAL):
        if previous and answer.status == NOT_FOUND and answer.filters.get("carried") and not answer.plans \
                and isinstance(city, str) and city != previous.get("city") and not answer.question.unknown_cities:
            # 那承德 refused (承德's plan lacks the topic): the conversation is now about 承德, on the same topic, so
            # 20年的呢 asks 承德's 2020 part
            return {**previous, "city": city, "year": answer.filters.get("year"), "plan_year": None, "task": None}
        if answer.status != NOT_FOUND or answer.question.unknown_cities or answer.plans or not answer.hits \
                or answer.filters.get("carried"):
            return previous
    topic = _MARKERS.sub("", answer.question.carried_topic or answer.question.topic).strip()
    # the task last cited for each place, for 回到达州那条 a few turns on (a comparison cites one a place)
    cited = dict((previous or {}).get("cited") or {})
    for record in ([p.answer.hits[0].record for p in answer.plans if p.answer.status != NOT_FOUND and p.answer.hits]
                   if answer.plans else [answer.hits[0].record] if answer.hits else []):
        if record.city:
            cited[record.city] = {"task": _task_key(record), "topic": topic or None}
    # a comparison's blocks holding the topic, in order, for 第二个那条呢; kept while the talk stays on them
    blocks = [_task_key(p.answer.hits[0].record) for p in answer.plans if p.answer.status != NOT_FOUND and
              p.answer.hits] if answer.plans else (previous or {}).get("blocks")
    # a comparison's scope (the places it named, or every plan) for 那责任科室呢 / 只看牵头的: compared again
    compared = {"compare": True, "cities": city if isinstance(city, list) else None} if answer.plans else {}
    return {**compared, "cited": cited, "city": city if isinstance(city, str) else None,
            "year": answer.filters.get("year"), "blocks": blocks,
            "plan_year": answer.hits[0].record.year if answer.hits else None,
            "office": answer.question.office, "topic": topic or None, "intent": answer.question.intent,
            "role": answer.question.role, "asked": _value_asked(answer.question), "task": _task_key(answer.hits[0].record)
            if answer.hits and answer.status in (ANSWERED, PARTIAL) and not answer.plans else None}


_YEAR_NAMED = re.compile(r"(?:(?:19|20)?\d{2}|[〇零一二]{2,4})\s*年(?:度|的)?")


def _value_asked(q: Question) -> str | None:
    """The words a turn asked its value with (几月办 of 几月办 写了没; 搞多久, which the topic drops), which a turn
    that only moves to another place or year (那承德呢) asks again there."""
    detail = asked_detail(PLACES_COUNTED.sub(" ", q.value_text))
    if not detail or detail.kind == "members":
        return None
    asked = detail.asked_in
    if q.value_asked_in is None:  # a question asked afresh: its clause may name its place and year (遂宁2019年…)
        for name in [*q.cities, *q.unknown_cities]:
            asked = re.sub(rf"{re.escape(name)}[市县区]?", " ", asked)
        asked = _YEAR_NAMED.sub(" ", asked)
    return asked.strip() or None


# the asker introducing themselves (我是承德初中语文老师, 我们是…学校的会计): a clause ending in their post
_ASKER = re.compile(r"我们?(?:是|在)[^\s，,。？?！!]{1,24}?(?:老师|教师|校长|园长|书记|会计|出纳|报账员|主任|职工|干事|科员|"
                    r"家长|管理员|负责人|工作人员|股长|科长|局长)")
_REPORT_AGAIN = re.compile(r"(?:这个|这条|这种|这起|这封|该|此)(?:举报|投诉|反映|来信|来电|热线)")
_SCHOOL_KIND = re.compile(r"幼儿园|小学|初中|高中|中学|中职|职校|职高|中专|特校|特教|民办|私立|公办|高校|大学|普高|乡村|农村|城区")


def _leading(plans: list[PlanAnswer]) -> list[Hit]:
    """A comparison's own citations: the blocks keep the plans' order, the citations lead with the plans that answer
    the question, then with those holding it best (党支部到期换届选举 哪个市写了: 长春's 换届 task, not the first
    plan's nearest task; 生均公用经费 每生每年多少 哪个市写了: the plan printing the sum, before one naming the topic only)."""
    holding = [p.answer for p in plans if p.answer.status != NOT_FOUND and p.answer.hits]
    return [a.hits[0] for a in sorted(holding, key=lambda a: (not a.answered, -a.hits[0].coverage))]


def _task_key(record: Record) -> list:
    """The task an answer cited, as the conversation keeps it (JSON: the chat stores it in the browser)."""
    return [record.doc, record.year, record.section, record.task_no, record.item]


class Engine:
    def __init__(self, index: IndexData, embedder: Embedder):
        self.index = index
        self.embedder = embedder
        # one jieba for the corpus and the questions; questions are cut without its guesser, so it must know every
        # word the plans use (terms.py says why), and every word of the synonym table (推普, which jieba would cut
        # into 推 and 普)
        extra_words = [w for w in [*index.bm25.vocab_dict, *synonyms()] if len(w) >= 2]
        self.tokenizer = Tokenizer(index.user_words, extra_words=extra_words)
        self.records = index.records
        self.chunk_record = np.array([c.record for c in index.chunks], dtype=np.int64)
        self.is_header = np.array([c.field == HEADER for c in index.chunks])
        self.record_chunks: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(index.chunks):
            self.record_chunks[c.record].append(i)
        # a work-summary item is read inside its part: 去年总结里的政协提案 is asked of the items under 2020年工作总结
        parts = {r.doc: r.title for r in self.records if self._opens_summary(r)}
        self.folded = [with_inserts_read(fold((parts.get(r.doc, "") + " " if r.kind == SUMMARY else "") + r.title
                                              + " " + " ".join(r.fields.values()))) for r in self.records]
        self.chunk_folded = [with_inserts_read(fold(c.text)) for c in index.chunks]
        self.folded_titles = [fold(r.title) for r in self.records]
        self.matching = [self._as_passage(text) for text in self.folded]
        self.unpunctuated = {typed: name for name in index.user_words if len(typed := _NAME_MARKS.sub("", name)) >= 4
                             and typed != name and _CJK_WORD.fullmatch(typed)}
        self.corpus_text = "\n".join(self.folded)
        self.corpus_lower = self.corpus_text.lower()
        # a plan is a file and a year: 承德's file holds its 2020 summary and its 2021 plan, and a topic of the
        # plan is not in the summary (2020年的呢 after a 2021 task)
        # (its part headings too: 长春's 八、…提高百姓教育获得感 is where it speaks of 百姓)
        self.doc_text: dict[tuple[str, int | None], str] = defaultdict(str)
        for record, text in zip(self.records, self.folded):
            self.doc_text[record.doc, record.year] += text + "\n"
        for part, headings in self._headings().items():
            self.doc_text[part] += "\n".join(headings) + "\n"
        # plans printing a deadline field (完成时限) for their tasks: there a task without one has no deadline
        self.dated_docs = {r.doc for r in self.records if any(f in r.fields for f in TIME_FIELDS)}
        self._shortenings: dict[str, bool] = {}  # question word -> whether it shortens an office name (cached)
        self.office_forms: dict[str, set[str]] = defaultdict(set)
        for r in self.records:
            self.office_forms[r.doc].update(r.lead_offices + r.responsible_offices + r.cooperating_offices)
        df: dict[str, int] = defaultdict(int)
        self.record_words = cached_words(
            [TOKENIZER_VERSION, jieba.__version__, sorted(index.user_words), sorted(set(extra_words)), self.folded],
            lambda: [set(self.tokenizer.tokens(text)) for text in self.folded])
        for words in self.record_words:
            for token in words:
                df[token] += 1
        n = len(self.records)
        self.idf = {t: _idf(n, d) for t, d in df.items()}
        self.unseen_idf = _idf(n, 0)
        self.rare_idf = _idf(n, 3)  # a word in at most 3 records is distinctive
        self.topic_idf = _idf(n, 5)
        self.common_idf = _idf(n, n // 4)  # a word a quarter of the records print (教育, 学校, 落实) names no topic
        self.frequency = self.tokenizer.frequency
        self.sound_alike = SoundAlike(self.idf)
        self.pinyin_spelled = PinyinSpelled(self.idf)
        self.plan_only_words = self.tokenizer.corpus_words | self.tokenizer.user_words
        self.documents = {f: replace(info, city_names=self._place_names(info)) for f, info in index.documents.items()}

    def _headings(self) -> dict[tuple[str, int | None], list[str]]:
        """Each plan's part and sub-part headings, folded, each once."""
        out: dict[tuple[str, int | None], dict[str, None]] = defaultdict(dict)
        for r in self.records:
            for heading in (r.section_title, r.subsection_title):
                if heading:
                    out[r.doc, r.year][fold(heading)] = None
        return {part: list(headings) for part, headings in out.items()}

    def _as_passage(self, text: str) -> Passage:
        """`text` knowing where two touching words happen to spell a third (高校|服务 spells 校服, 高一|年级 一年): the
        plan does not mention 校服 there, so a question about school uniforms finds nothing."""
        pieces = self.tokenizer.cut(text)
        chance: dict[str, int] = defaultdict(int)
        for before, after in zip(pieces, pieces[1:]):
            run = before[-1:] + after[:1]
            if len(before) >= 2 and len(after) >= 2 and _CJK_WORD.fullmatch(run) and self.tokenizer.in_dictionary(run):
                chance[run] += 1
        return Passage(text, dict(chance))

    def _everyday(self, word: str) -> bool:
        """A word everyday Chinese uses too often to be anyone's shortening (see terms.SHORTENING_COUNT)."""
        return self.frequency.get(word, 0) >= SHORTENING_COUNT

    def _place_names(self, info: DocumentInfo) -> list[str]:
        """The names a question may use for a plan's place: the stored ones, and a district or county without its
        suffix (崇明 for 崇明区, 安吉 for 安吉县) unless everyday Chinese uses that as a word of its own (南部, 长安)."""
        names = list(info.city_names)
        for name in (info.place, info.city):
            bare = bare_name(name) if name else None
            if bare and info.city and bare not in names and self.frequency.get(bare, 0) < PLACE_WORD_COUNT:
                names.append(bare)
        return names

    # -- public ------------------------------------------------------------------------------------------------
    def ask(self, text: str, k: int = 5, city: str | None = None, year: int | None = None,
            office: str | None = None, context: dict | None = None) -> Answer:
        """Answer `text`. What the question names wins; `city`/`year`/`office` (the UI's filters) fill what it does
        not name. `context` (`follow_up_context` of the previous answer) makes an elliptical follow-up (那遂宁呢？,
        2020年的呢, 计财科呢) ask the previous topic, and a question that plainly continues (那学前教育呢？) keep the
        previous place and year; any other question is asked of every plan in scope."""
        text = (text or "").strip()
        if not text:
            return Answer(Question(text, ""), NOT_FOUND, "请输入问题。")
        if len(text) > MAX_QUESTION:
            return Answer(Question(text[:MAX_QUESTION], ""), NOT_FOUND,
                          f"问题太长了（{len(text)} 字），请精简到 {MAX_QUESTION} 字以内。")
        if not _WORDS.search(text):  # 👍, ？？？, ……: nothing to search for, and nothing to answer with confidence
            return Answer(Question(text, ""), NOT_FOUND, "没有看到文字问题，请用文字提问，例如：达州学前教育由哪个科室牵头？")
        q = read_question(self._spelled_out(text), self.documents, self.office_forms, self.corpus_text, self._words,
                          self._everyday)
        q.text = text
        carried = []
        previous = context or {}
        if (previous.get("office") and not q.office and q.intent != OFFICE_TASKS
                and (previous.get("intent") == OFFICE_TASKS or (_IT.search(q.folded) and _ROLE_NAMED.search(q.folded)))
                and not _ELLIPSIS.sub("", _OFFICE_FOLLOW.sub("", q.topic))):
            # 那它配合的呢 after 遂宁人事科牵头哪些工作: the office's list again, in the role (place, year) now asked;
            # after 换成计财科呢 (a task's offices) too, where 它 can only be the office: a task does not 配合
            city_now = (q.cities or [previous.get("city") or ""])[0]
            year_now = q.year or (None if q.cities else previous.get("year"))
            role = "" if _ROLE_NAMED.search(q.folded) else _ROLE_SAID.get(previous.get("role") or "both", "")
            q = read_question(f"{city_now}{f'{year_now}年' if year_now else ''}{previous['office']} "
                              f"{re.sub(r'它们?|他们?', '', q.folded)} {role}哪些工作", self.documents, self.office_forms,
                              self.corpus_text, self._words, self._everyday)
            q.text = text
            carried.append(previous["office"])
            if previous.get("city") and (not q.cities or q.cities[0] == previous["city"]):
                carried.append(previous["city"])
        if previous.get("blocks") and (nth := _NTH_BLOCK.search(q.folded)) and not q.cities and not q.position:
            # 第一个那条谁牵头, 第二个呢 after a comparison: the task of the Nth plan that held the topic, in its order
            blocks = previous["blocks"]
            if nth.group("last"):
                n = len(blocks)
            else:
                n = int(nth.group("n")) if nth.group("n").isdigit() else numeral_value(nth.group("n").replace("两", "二"))
                n = len(blocks) + 1 - n if nth.group("back") else n
            if not 1 <= n <= len(blocks):
                return Answer(q, NOT_FOUND, f"上一个比较回答中涉及此事的文件只有 {len(blocks)} 个，没有{nth.group(0)}。",
                              filters={"carried": ["上一个比较回答"]})
            record = next((r for r in self.records if _task_key(r) == list(blocks[n - 1])), None)
            if record is not None:
                rest = q.folded[:nth.start()] + " " + q.folded[nth.end():]
                if record.lead_offices and _BLOCK_LEAD.search(rest):
                    rest = _BLOCK_LEAD.sub(record.lead_offices[0], rest, count=1)  # 牵头的那个科 of that block
                office_list = read_question(f"{record.city}{record.year}年{rest}", self.documents, self.office_forms,
                                            self.corpus_text, self._words, self._everyday)
                if office_list.intent == OFFICE_TASKS and office_list.office:
                    # 第一个那个电教中心 一共牵头几项: the list of that office of that block's plan, not the task
                    office_list.text = text
                    carried.append(f"{nth.group(0)}（{record.city}{record.path}）")
                    return self._office_tasks(office_list, self._scope(office_list), {
                        "city": record.city, "year": record.year, "office": office_list.office, "carried": carried})
                q = read_question(rest, self.documents, self.office_forms, self.corpus_text, self._words,
                                  self._everyday)
                if not _ELLIPSIS.sub("", rest) and previous.get("intent") in (LEAD, GENERAL):
                    q.intent = previous["intent"]
                if not self._has_topic(q):  # 第二个谁牵头 then 那温州呢: the compared topic, asked of 温州
                    q.carried_topic = previous.get("topic")
                q.text, q.cities, q.year, q.compare = text, [record.city], record.year, False
                q.position = (record.section, record.subsection or record.item, record.task_no)
                carried.append(f"{nth.group(0)}（{record.city}{record.path}）")
                return self._search(q, self._scope(q), k, {"city": record.city, "year": record.year,
                                                            "office": q.office, "carried": carried})
        if BACK_TO.match(text.strip()) and len(q.cities) == 1 and not q.position and not q.compare \
                and _THAT_ONE.search(q.folded) and (back := (previous.get("cited") or {}).get(q.cities[0])) \
                and (record := next((r for r in self.records if _task_key(r) == list(back["task"])), None)) is not None:
            # 回到达州那条 配合的都有谁, turns after 达州's task was cited: that task again, whatever was asked since
            if not _ROLE_NAMED.search(q.folded) and q.intent == GENERAL and previous.get("intent") in (LEAD, GENERAL):
                q.intent = previous["intent"]
            q.year, q.position = record.year, (record.section, record.subsection or record.item, record.task_no)
            q.carried_topic = back.get("topic")
            carried.append(f"前面说到的{record.city}那一项（{record.path}）")
            return self._search(q, self._scope(q), k, {"city": record.city, "year": record.year,
                                                        "office": q.office, "carried": carried})
        if previous.get("blocks") and len(q.cities) == 1 and not q.position and not q.compare \
                and _THAT_ONE.search(q.folded) and not self._has_topic(q) and (record := next((
                    r for key in previous["blocks"] for r in self.records
                    if _task_key(r) == list(key) and r.city == q.cities[0]), None)) is not None:
            # 那承德那条谁负责 after a comparison: the task of 承德's block, not the topic asked of 承德 afresh
            if previous.get("intent") in (LEAD, GENERAL) and not _ROLE_NAMED.search(q.folded) and q.intent == GENERAL:
                q.intent = previous["intent"]
            q.year, q.position = record.year, (record.section, record.subsection or record.item, record.task_no)
            q.carried_topic = previous.get("topic")  # 配合的呢 next asks the compared topic's task again
            carried.append(f"比较中{record.city}的那一项（{record.path}）")
            return self._search(q, self._scope(q), k, {"city": record.city, "year": record.year,
                                                        "office": q.office, "carried": carried})
        if previous.get("task") and (step := _NEIGHBOUR.search(q.folded)) and not q.cities and not q.position:
            # 下一条呢, 上一项谁牵头: the task printed after (before) the one just cited, in the same plan
            back = step.group(1) in "上前"
            record = self._neighbour(previous["task"], -1 if back else 1)
            if record is None:
                return Answer(q, NOT_FOUND, f"上一个回答引用的已是该文件{'第一' if back else '最后'}"
                              f"一项，没有{step.group(0)}。", filters={"carried": ["上一个回答引用的任务"]})
            rest = q.folded[:step.start()] + " " + q.folded[step.end():]
            q = read_question(rest, self.documents, self.office_forms, self.corpus_text, self._words, self._everyday)
            if not _ELLIPSIS.sub("", rest) and previous.get("intent") in (LEAD, GENERAL):
                q.intent = previous["intent"]  # 下一条呢 after 谁牵头: who leads that one
            q.text, q.cities, q.year = text, [record.city], record.year
            q.position = (record.section, record.subsection or record.item, record.task_no)
            carried.append(f"{step.group(0)}（{record.path}）")
            return self._search(q, self._scope(q), k, {"city": record.city, "year": record.year, "office": q.office,
                                                        "carried": carried})
        asked = asked_detail(OTHER_PLACES.sub(" ", PLACES_COUNTED.sub(" ", q.folded)))  # 另外几个: which plans, no count
        # 承德呢 今年认定几所 after 达州 普惠性民办园认定 谁牵头: a value asked with words the previous topic already
        # says (认定) asks that topic's value; it names no topic of its own
        elliptical = bool(previous.get("topic")) and (not self._has_topic(q) or (
            asked is not None and asked.kind != "members" and self._says_nothing_new(q, previous["topic"])))
        # 评几个, 一年得上几回, 那啥时候完成: only a value is asked, of the task the conversation is about
        value_asked = elliptical and asked is not None and asked.kind != "members"
        if elliptical:  # 那遂宁呢 / 2020年的呢 / 计财科呢: the previous topic and intent, with what this one names
            asked_lead = q.intent == LEAD
            # 那承德呢 after 几月办 写了没: the value the last turn asked, now asked of 承德
            again = previous.get("asked") if not asked_lead and asked is None else None
            if again and re.sub(r"\s", "", again) in re.sub(r"\s", "", previous["topic"]):
                again = None  # the topic asks it already
            value_asked = value_asked or bool(again)
            others = q.others and not q.cities and previous.get("city")  # 别的地方呢: all plans but this one
            # 那各地呢 / 哪几个地方写了: the topic goes on, asked of every plan, not of the previous place; after a
            # comparison, 那责任科室呢 / 只看牵头的 compares the same plans again
            across = (q.compare or bool(previous.get("compare"))) and not q.cities and not q.unknown_cities
            if edited := self._edited_scope(q, previous):  # 温州那个不要了, 长春换成遂宁: the same comparison, its places edited
                across = True
            if q.year and not q.cities and not q.unknown_cities and previous.get("city") and (held_then := sorted(
                    {r.city for r in self.records if r.year == q.year and r.city})) and previous["city"] not in held_then:
                # 那19年的呢 in a conversation about 承德, which has no 2019 plan: the plans of 2019 are meant
                if len(held_then) == 1:
                    q.cities = held_then
                else:
                    across = True
            if not q.cities and not q.unknown_cities and previous.get("city") and not across:
                carried.append(previous["city"])
            if not q.office and previous.get("office"):
                carried.append(previous["office"])
            # the previous year goes with the previous place: 那遂宁呢 after 达州2020年… asks 遂宁's own plan
            moved = bool(q.cities or q.unknown_cities) and (q.cities or q.unknown_cities)[0] != previous.get("city")
            year = q.year or (None if moved or across else previous.get("year"))
            back = _years_back(text)
            if not q.year and not back and "今年" in text and (held := {
                    r.year for r in self.records if r.year and r.city == ((q.cities or [previous.get("city")])[0])}):
                year = max(held)  # 今年那条 after 20年的呢: back to the city's plan of this year, its latest
            if not q.year and back and (base := previous.get("year") or previous.get("plan_year")):
                year = base - back  # 去年呢 after 承德今年…: the plan a year before the one that answered
                carried.append(f"{year}年（{base}年的上{'一' if back == 1 else '两'}年）")
            # (达州 遂宁 有没有: the places named together, compared on the topic)
            named = "".join(filter(None, [
                "" if across else " ".join(q.cities) + " " if len(q.cities) > 1 and not q.unknown_cities
                else (q.cities or [previous.get("city") or ""])[0] if not q.unknown_cities
                else q.unknown_cities[0],
                f"{year}年" if year else "", q.office or previous.get("office") or ""]))
            ask = f" {again}" if again else f" {_MARKERS.sub('', q.topic)}" if value_asked else ""
            q = read_question(f"{named}{previous['topic']}{ask}", self.documents, self.office_forms,
                              self.corpus_text, self._words, self._everyday)
            if value_asked:
                q.carried_topic = previous["topic"]
            if value_asked or asked_lead:
                # 那就看达州的 谁牵头 after 各市…啥时候搞, 三年从哪年算起 after …扶持给几年: the turn asks its own thing;
                # the value the previous turn asked goes with its words no further (else a lead is answered as a
                # missing date)
                q.value_asked_in = ask
            q.compare = q.compare or across
            if across and previous.get("compare") and previous.get("cities") and not q.cities:
                q.cities = list(previous["cities"])
                carried.append(f"比较的{'、'.join(q.cities)}")
            if edited:
                q.cities = edited
                carried.append(f"比较的{'、'.join(edited)}")
            if others:
                q.cities = [c for c in dict.fromkeys(r.city for r in self.records if r.city) if c != previous["city"]]
                carried.append(f"{previous['city']}以外的文件")
            # 计财科呢 after a topic question: that topic, its tasks; 牵头的呢: that topic, its offices
            q.intent = LEAD if asked_lead else (previous.get("intent") or q.intent)
            q.text = text
            carried.append(f"问题“{previous['topic']}”")
        elif not q.cities and not q.unknown_cities and not city and previous.get("city") and not q.compare \
                and (_CONTINUES.search(text) or self._asks_of_the_task(q, previous.get("task")) is not None):
            # 那学前教育呢？ continues the conversation's place; so does a question all of whose words the task just
            # cited holds (要创几个基地 after 温州研学…: its 基地); any other question with its own topic and no place
            # is asked of every plan (疫情防控谁牵头 after a 遂宁 task that never mentions 疫情)
            q.cities = [previous["city"]]
            carried.append(previous["city"])
            if not q.year and previous.get("year"):
                q.year = previous["year"]
                carried.append(f"{previous['year']}年")
            if previous.get("topic") and (record := self._asks_of_the_task(q, previous.get("task"))) is not None:
                # 集中整治 搞多久 after 校外培训机构整治…: a part of the task the talk is on, asked of that task (not of
                # another that says 集中整治 more often); 那长春呢 next asks 长春's 校外培训机构整治
                q.carried_topic = f"{previous['topic']} {q.topic}"
                q.year, q.position = record.year, (record.section, record.subsection or record.item, record.task_no)
        if not q.cities and not q.unknown_cities and city:
            q.cities = [city]
        if not elliptical and not q.year and not q.years and not q.year_over_year and len(q.cities) == 1:
            # 承德去年…: the city's part of the year before its latest plan (承德's 2020 summary beside its 2021 plan),
            # where the corpus has one; a city with one plan year keeps it (达州去年… still asks 达州's plan)
            back = _years_back(text)
            held = {r.year for r in self.records if r.city == q.cities[0] and r.year}
            if back and held and max(held) - back in held:
                q.year = max(held) - back
        if not q.year and year:
            q.year = year
        if office and not q.office:
            q.office = office
            q.office_forms = same_office(office, list(self.index.documents), self.index.documents, self.office_forms)
        filters = {"city": q.cities[0] if len(q.cities) == 1 else (q.cities or None), "year": q.year,
                   "office": q.office, "carried": carried}
        if q.unknown_cities and not q.cities:
            return Answer(q, NOT_FOUND, f"文件库中没有{'、'.join(q.unknown_cities)}的工作要点。{self.holdings()}", filters=filters)
        if q.unknown_cities:
            # 宁波 温州 长春 三家…各咋写的: the places the corpus holds are compared, each place it lacks is a block
            # saying so (not a refusal of the whole question)
            return self._compare(q, self._scope(q), filters)
        scope = self._scope(q)
        if not scope:
            years = "、".join(f"{y}年" for y in ([q.year] if q.year else q.years))
            named = "".join(filter(None, ["、".join(q.cities), years]))
            return Answer(q, NOT_FOUND, f"文件库中没有{named}的文件。{self.holdings()}", filters=filters)
        if q.cities and not q.compare and _SUMMARY_ASKED.search(q.folded) and not any(
                self.records[i].kind == SUMMARY for i in scope):
            # 承德21年工作总结里…, 长春要点前头有没有去年的工作总结: the plan in scope holds no summary of a year's work
            named = self._plans_named({(self.records[i].doc, self.records[i].year) for i in scope})
            return Answer(q, NOT_FOUND, f"{named}没有工作总结部分。{self.holdings()}", filters=filters)
        if (window := self._deadline_window(q)) is not None:
            return self._deadline_tasks(q, window, scope, filters)
        if q.intent == OFFICE_TASKS:
            return self._office_tasks(q, scope, filters)
        if len(q.cities) == 1 and not (q.year_over_year or q.others) and (pair := self._topic_pair(q)) is not None:
            return self._pair(q, pair, k, filters)  # 营养餐跟贫困生资助 这两样分别哪个单位牵头: two topics of one plan
        if q.compare:
            return self._compare(q, scope, filters)
        if not (q.cities or q.year or q.office or carried or city or year or office):
            return self._wide(q, scope, k, filters)
        return self._search(q, scope, k, filters)

    def _topic_pair(self, q: Question) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """Two topics joined and asked of each (营养餐跟贫困生资助 这两样分别哪个单位牵头, 民办学校那条 跟法治建设那条 是不是
        一个科牵头): ((first topic, its question), (second topic, its question)), each question the whole one with the
        other topic and the words asking of both taken out; None for any other question. Without such words a joined
        phrase is one topic (学校跟家庭共育)."""
        if q.position or q.intent not in (LEAD, GENERAL) or not _BOTH_ASKED.search(q.folded):
            return None
        joins = list(_PAIR_JOIN.finditer(q.folded))
        if len(joins) != 1:
            return None
        m = joins[0]
        left = _PAIR_SPAN_BEFORE.search(q.folded[:m.start()])
        right = _PAIR_SPAN_AFTER.match(q.folded, m.end())
        first, second = left.group(0).strip(), right.group(0).strip() if right else ""
        if not first or not second:
            return None
        without_first = q.folded[:left.start()] + " " + q.folded[m.end():]
        without_second = q.folded[:m.start()] + " " + q.folded[right.end():]
        asks = [_BOTH_ASKED.sub(" ", text) for text in (without_second, without_first)]
        if not all(any(t.weight > 0 for t in self.reading(topic)[1]) for topic in (first, second)):
            return None
        return (first, asks[0]), (second, asks[1])

    def _pair(self, q: Question, pair, k: int, filters: dict) -> Answer:
        """Each of two topics answered as a question of its own; the answer holds both, the first named first."""
        parts = [(topic, self.ask(text, k, city=filters["city"] if isinstance(filters["city"], str) else None,
                                  year=q.year, office=q.office)) for topic, text in pair]
        hits = [a.hits[0] for _, a in parts if a.answered and a.hits]
        hits += [h for _, a in parts for h in a.hits[1:] if all(h.record is not g.record for g in hits)]
        found = [topic for topic, a in parts if a.answered]
        if len(found) == len(parts):
            return Answer(q, ANSWERED, "", hits, filters, parts=parts)
        lacking = "、".join(f"“{topic}”" for topic, a in parts if not a.answered)
        status = PARTIAL if found else NOT_FOUND
        return Answer(q, status, f"两件事分开查：{lacking}没有找到能回答的任务。", hits or [h for _, a in parts
                                                                                 for h in a.hits], filters, parts=parts)

    def _neighbour(self, task: list, step: int) -> Record | None:
        """The record printed `step` places after the conversation's task among its plan's tasks (or its summary's
        items), or None at either end."""
        at = next((i for i, r in enumerate(self.records) if _task_key(r) == list(task)), None)
        if at is None:
            return None
        here = self.records[at]
        same = [i for i, r in enumerate(self.records) if r.doc == here.doc and r.year == here.year and r.kind == here.kind
                and r.section and (r.task_no is not None or r.item or r.subsection)]
        k = same.index(at) + step if at in same else -1
        return self.records[same[k]] if 0 <= k < len(same) else None

    def _spelled_out(self, text: str) -> str:
        """zhoubian环境整治 -> 周边环境整治: a run of Latin letters that no plan prints and that spells in pinyin exactly
        one word the plans use is read as that word (the input method was switched to letters). Ambiguous spellings
        stay as typed and are read as slips of any of their words (_terms)."""
        def word(m: re.Match) -> str:
            run = m.group(0).lower()
            spelled = self.pinyin_spelled(run)
            return spelled[0] if len(spelled) == 1 and run not in self.corpus_lower else m.group(0)
        return _LATIN_RUN.sub(word, text)

    def _topic_words(self, q: Question) -> list[Term]:
        """The question's words that name what about: weighed, not a value asked of it (评几个, 有时限没), not how
        often or for how long (一年, 每月)."""
        terms = self._terms(q)[1]
        valued = value_words([t.word for t in terms], asked_detail(q.value_text))
        return [t for t in terms if t.weight > 0 and t.word not in valued and not is_period_word(t.word)]

    def _says_nothing_new(self, q: Question, topic: str) -> bool:
        """Whether every topic word of `q` beside the value it asks is a word of the conversation's `topic`."""
        words = [t for t in self._topic_words(q) if not t.guess]
        return bool(words) and all(t.found_in(fold(topic)) for t in words)

    def _edited_scope(self, q: Question, previous: dict) -> list[str] | None:
        """The places a follow-up compares when it edits the comparison before it: 温州那个不要了 leaves 温州 out,
        温州还是加上吧 puts it back, 长春换成遂宁 puts 遂宁 in 长春's place; the others compared stay."""
        if not (q.excluded or q.added or q.replaced) or not (previous.get("compare") or q.excluded):
            return None
        held = list(dict.fromkeys(r.city for r in self.records if r.city))
        if q.others and previous.get("city") and not previous.get("compare"):  # 其他几个市呢 温州不用看
            base = [city for city in held if city != previous["city"]]
        else:
            base = list(previous.get("cities") or (held if previous.get("compare") else [previous["city"]]
                                                    if previous.get("city") else held))
        if q.replaced:
            out, new = q.replaced
            base = [new if city == out else city for city in base] + ([] if out in base else [new])
        elif q.added:
            base += [city for city in q.cities if city not in base]
        base = [city for city in dict.fromkeys(base) if city not in q.excluded]
        return base if len(base) >= 2 else None

    def _asks_of_the_task(self, q: Question, task: list | None) -> Record | None:
        """The task the conversation just cited, when it holds every topic word of `q` (else None)."""
        found = [i for i, r in enumerate(self.records) if _task_key(r) == list(task or [])]
        words = [t for t in self._topic_words(q) if not t.guess]
        held = len(found) == 1 and bool(words) and all(t.found_in(self.matching[found[0]]) for t in words)
        return self.records[found[0]] if held else None

    def _has_topic(self, q: Question) -> bool:
        """Whether the question says anything beyond a place, a year, an office and 那…呢 (负责哪些工作 does): a word
        that names what about, not a value asked of it (评几个, 一年得上几回, 有时限没) nor a pointer (今年那条)."""
        if q.position is not None:  # 那第15项呢 names another task
            return True
        if not _ELLIPSIS.sub("", q.topic):
            return False
        if q.intent == OFFICE_TASKS:  # 人事科负责哪些工作 asks its own thing: the office's tasks
            return True
        return bool(self._topic_words(q))

    def holdings(self) -> str:
        years: dict[str, set[int]] = defaultdict(set)
        for r in self.records:
            if r.year:
                years[r.city or "地点未知"].add(r.year)
        parts = [f"{city}（{'、'.join(str(y) for y in sorted(ys))}年）" for city, ys in years.items()]
        return "现有文件：" + "；".join(parts) + "。"

    # -- filters -----------------------------------------------------------------------------------------------
    def _scope(self, q: Question) -> list[int]:
        return [i for i, r in enumerate(self.records)
                if (not q.cities or r.city in q.cities) and (not q.year or r.year == q.year)
                and (not q.years or r.year in q.years)]

    # -- office lists ------------------------------------------------------------------------------------------
    def _office_tasks(self, q: Question, scope: list[int], filters: dict) -> Answer:
        """Every task the office takes part in, from the records (not from vectors), by `task_role`: the office
        directory asks the same function, so the chat and the 科室目录 tab list the same tasks."""
        # further offices named ("职成科和计财科一起…"): only the tasks they all take part in; asked what they lead
        # together (基教科和法规科一起牵头的), only the tasks they all lead
        named = (lambda i: set(self.records[i].lead_offices)) if q.role == "lead" else self._offices_of
        # 达州电教中心 遂宁电教站 承德电教馆 手上各有哪些活: one office of each plan, no plan printing two of them: each
        # one's tasks in its own plan, not the tasks they share
        # 基教科和职成科各牵头几项 (no word of doing it together): each one's tasks, as for offices of separate plans;
        # 基教科和法规科一起负责哪些: only the tasks they share
        apart = bool(q.other_offices) and (not _JOINTLY.search(q.folded) or self._in_separate_plans(
            [q.office_forms, *q.other_offices.values()], scope))
        office_forms = set(q.office_forms).union(*q.other_offices.values()) if apart else q.office_forms
        if not apart:
            scope = [i for i in scope if all(forms & named(i) for forms in q.other_offices.values())]
        roles = {}
        for i in scope:
            record = self.records[i]
            if record.kind == TASK:
                roles[i] = task_role(record.lead_offices, record.responsible_offices + record.cooperating_offices,
                                     office_forms)
        wanted = {"lead": {"lead"}, "shared": {"shared"}}.get(q.role, {"lead", "shared"})
        chosen = [i for i, role in roles.items() if role in wanted]
        filters["role"] = q.role
        if q.role == "lead" and not chosen and not any(self.records[i].lead_offices for i in roles):
            # 承德 prints only 责任科室: asked what X leads there, say so and list the tasks that name X
            chosen = [i for i, role in roles.items() if role == "shared"]
            filters["role"] = "lead_unprinted"
        if not q.office_forms:  # 达州教育工会牵头哪些: no office of the plans in scope is meant
            plans = self._plans_named({(self.records[i].doc, self.records[i].year) for i in scope})
            return Answer(q, NOT_FOUND, f"{plans}没有列出“{q.office}”这个科室或单位。", filters=filters)
        if not chosen:
            what = {"lead": "牵头", "shared": "参与"}.get(q.role, "牵头或参与")
            together = "和其他所问科室共同" if q.other_offices and not apart else ""
            return Answer(q, NOT_FOUND, f"所选文件中没有{q.office}{together}{what}的任务。", filters=filters)
        hits = [Hit(self.records[i], 1.0, office_lines(self.records[i]), role="牵头" if roles[i] == "lead" else "参与")
                for i in chosen]
        if filters["role"] == "lead_unprinted":
            # what it leads is the detail the plan does not give: partial, the tasks naming it shown for reference
            return Answer(q, PARTIAL, "任务只列责任科室，没有单列牵头科室。", hits, filters)
        return Answer(q, ANSWERED, "", hits, filters)

    def _in_separate_plans(self, offices: list[set[str]], scope: list[int]) -> bool:
        """Whether no plan in scope prints two of the offices (each given by its forms)."""
        held_by = [{self.records[i].doc for i in scope if forms & self._offices_of(i)} for forms in offices]
        return all(not (a & b) for j, a in enumerate(held_by) for b in held_by[j + 1:])

    # -- deadlines ---------------------------------------------------------------------------------------------
    def _deadline_window(self, q: Question) -> Window | None:
        """The window of a question that asks only what is due when (6月底前要完成哪些任务); None when it also names
        a topic (2021年秋季学期劳动教育课开了吗 asks about 劳动教育, and is searched as usual)."""
        window = find_window(q.folded)
        if window is None:
            return None
        rest = "".join(w for w in self.tokenizer.tokens(strip_window(q.topic, window), hmm=False)
                       if w not in STOPWORDS)
        return None if rest and not is_filler(rest, STOPWORDS) else window

    def _deadline_tasks(self, q: Question, window: Window, scope: list[int], filters: dict) -> Answer:
        """Every task in scope with a printed time node in the window (the office filter: tasks it leads or shares),
        earliest first; tasks that print no time node are counted, not guessed."""
        q.intent = DEADLINE
        filters["window"] = window.text
        hits, undated = [], 0
        for i in scope:
            record = self.records[i]
            if record.kind != TASK or (q.office and not (q.office_forms & self._offices_of(i))):
                continue
            if not record.time_nodes:
                undated += 1
                continue
            nodes = [n for n in record.time_nodes if due(n, window, record.year)]
            if nodes:
                role = None
                if q.office:
                    role = "牵头" if task_role(record.lead_offices, record.responsible_offices
                                             + record.cooperating_offices, q.office_forms) == "lead" else "参与"
                hits.append(Hit(record, 1.0, list(dict.fromkeys(n["sentence"] for n in nodes)), role=role,
                                time_nodes=nodes))
        order = {doc: n for n, doc in enumerate(self.index.documents)}
        hits.sort(key=lambda h: (order.get(h.record.doc, 0), min(n["end"] or "9" for n in h.time_nodes)))
        filters["undated"] = undated
        if not hits:
            who = f"{q.office}" if q.office else ""
            what = "写明时间节点的任务" if window.match is None else f"时间节点在“{window.text}”的任务"
            return Answer(q, NOT_FOUND, f"所选文件中没有{who}{what}（另有 {undated} 项任务没有写明时间节点）。",
                          filters=filters)
        return Answer(q, ANSWERED, "", hits, filters)

    # -- ranked search -----------------------------------------------------------------------------------------
    def _search(self, q: Question, scope: list[int], k: int, filters: dict) -> Answer:
        return self._decide(q, scope, k, filters, self._score(q))

    def _score(self, q: Question) -> _Scores:
        """Everything about the question that does not depend on which plans are in scope: computed once, also when
        a comparison answers it plan by plan."""
        qv = self.embedder.encode_queries([q.asked or q.folded])  # safe from several threads: each backend sees to it (embedders/)
        sims, ids = self.index.dense.search(qv, len(self.index.chunks))
        chunk_sim = np.empty(len(self.index.chunks), dtype=np.float32)
        chunk_sim[ids[0]] = sims[0]
        dense = np.full(len(self.records), -1.0, dtype=np.float32)
        np.maximum.at(dense, self.chunk_record, chunk_sim)
        tokens, terms = self._terms(q)
        # a slip searches by the plan word it would be; a word with plan words, by the best-scoring of itself and
        # them (老师 -> 教师, 推普 -> 普通话): one of them, so a word with many plan words does not count many times
        bridged = [t for t in terms if len(t.alternatives) > 1 or t.slips]
        vocab = self.index.bm25.vocab_dict
        words = {t.word for t in bridged}
        # (a guessed reading is searched by, also when it stands as the topic: its word is none of the tokens)
        lexical = self._bm25([w for w in tokens if w not in words] + [t.word for t in terms if t.guess or t.word not in tokens])
        for t in bridged:  # a plan phrase (高水平高职学校 for 双高) scores by the plan's words it is cut into
            lexical = lexical + np.max([self._bm25(self._words(a) if len(a) >= PHRASE and a not in vocab else [a])
                                        for a in t.alternatives + t.slips], axis=0)
        for word in {w for w in tokens if w not in vocab and w not in words}:
            # a word the plans print only inside longer words (县管校 of 县管校聘): scored by those, when few
            holders = self._holders(word)
            if 0 < len(holders) <= MAX_HOLDERS:
                lexical = lexical + np.max([self._bm25([h]) for h in holders], axis=0)
        # 这几个地方都有吗 asks which plans, not how many of something
        detail = asked_detail(PLACES_COUNTED.sub(" ", q.value_text))
        if q.value_asked_in is not None and (carried := asked_detail(PLACES_COUNTED.sub(" ", q.folded))) \
                and carried.asked_in:
            # the words a previous turn asked its value with (各办到第几届了) carry no topic into this turn's ask
            terms = [replace(t, weight=0.0) if t.word in carried.asked_in and t.word not in q.value_asked_in else t
                     for t in terms]
        if detail and detail.stated:  # 规划资金是10.6亿对吧: the figure to confirm is what is asked, not what about
            terms = [replace(t, weight=0.0) if t.word in detail.stated else t for t in terms]
        elif detail and _CONFIRMED.search(q.folded):  # 是21到23年吧, 是不是20所: so is a number in any other check
            terms = [replace(t, weight=0.0) if is_digits(t.word) else t for t in terms]
        return _Scores(chunk_sim, dense, lexical, terms, detail)

    def _holders(self, word: str) -> list[str]:
        if len(word) < 2 or not _CJK_WORD.fullmatch(word):
            return []
        return [v for v in self.index.bm25.vocab_dict if word in v and len(v) > len(word)]

    def _terms(self, q: Question) -> tuple[list[str], list[Term]]:
        # 长春第三部分第4条: a place and a position say nothing of a topic; 第三 and 部分 are no words to look up
        if q.position and not q.topic.strip():
            return [], []
        tokens = self.tokenizer.tokens(q.topic or q.folded, hmm=False)
        # 刚来那阵子, 那会儿: a piece of a word said around the question that no plan prints (阵子, 会儿) is no more a
        # topic than the whole; one a plan prints (指标 of 硬指标) may still say what is meant
        aside = {p for p in self.tokenizer.aside_pieces(q.topic or q.folded) if p not in self.corpus_text}
        tokens = [t for t in tokens if t not in aside]
        # 学区房 cut into 学区 and a lone 房: a word closed by a place or thing character (_FACILITY_END) that no plan
        # prints is a thing of its own, not the 学区 the plans speak of
        tokens += [a + b for a, b in zip(tokens, tokens[1:]) if len(b) == 1 and b in _FACILITY_END and len(a) >= 2
                   and a + b in (q.topic or q.folded) and a + b not in self.corpus_text and a + b not in tokens]
        readings = slip_readings(tokens, self.sound_alike, self.frequency, self.idf, (q.topic or q.folded).lower(),
                                 self.corpus_text, self.sound_alike.homophones)
        # 根脉 (of 温州's 红色根脉): two characters jieba knows only one by one, side by side, that a plan prints
        # together are a word of theirs, which would otherwise weigh nothing; not a function character (的, 不, 啥),
        # nor a typing slip the readings give a plan word for. (Pairs no plan prints, 电竞 beside 牵投 typed for 牵头,
        # cannot be told from slips of the question's frame: they stay unweighed.)
        slipped = set(readings) | {c for w in readings for c in w}
        # So too 五个一 (遂宁's 五个一素质能力): a count with a character after it that a plan prints together is a name
        # of theirs, as 十四五 is, not the count 五个 (which weighs nothing) and a lone 一
        tokens += [a + b for a, b in zip(tokens, tokens[1:]) if _LONE.fullmatch(b) and a + b in (q.topic or q.folded)
                   and a + b not in tokens and a + b in self.corpus_text and (
                       COUNTED_NUMBER.fullmatch(a) or (_LONE.fullmatch(a) and a not in _LONE_FUNCTION
                                                       and b not in _LONE_FUNCTION and not {a, b, a + b} & slipped))]
        terms = question_terms(tokens, self.idf, self.unseen_idf, self.frequency, self.plan_only_words)
        # zhoubian typed for 周边: a Latin word no plan prints that spells a plan word's pinyin is that word
        readings |= {t.word: spelled for t in terms if t.latin and len(t.alternatives) == 1
                     and not t.found_in(self.corpus_text) and (spelled := self.pinyin_spelled(t.word))}
        # such a word weighs as the plan words it spells, not as a word no plan uses
        terms = [replace(t, weight=max(self.idf[w] for w in readings[t.word])) if t.latin and t.word in readings else t
                 for t in terms]
        terms = with_slips(terms, readings, self.idf)
        # a guessed reading outweighing the rest of the question is its topic (学校章城建设: 章程), not a side word:
        # a task without it does not answer, though the guess may be wrong
        solid = sum(t.weight for t in terms if not t.guess)
        terms = [replace(t, guess=False) if t.guess and t.weight > solid else t for t in terms]
        # 体卫艺问…, 是计财管吗: an office's shortening that no plan's text prints names who asks or who is guessed,
        # not what about; it never counts as a topic a task lacks (the office itself is read by read_question)
        terms = [replace(t, weight=0.0) if self._office_shortening(t.word) else t for t in terms]
        # (不问去年的, 不是去年: a year taken back says which plan year, never what about)
        for intro in (_ASKER.search(q.folded), REPORTED.search(q.folded), _TAKEN_BACK.search(q.folded)):
            # 我是承德初中语文老师, 我是学校管资助的会计: who asks, never what about, unless the rest says it again; the
            # kind of school stays (初中 says which schools the asker means: a 高中 task does not answer an 初中 head);
            # so too who reported the matter and how (有市民打12345, 家长举报): 举报 asked of again is a topic
            if intro:
                # (这个举报 points back at the report: it asks of the matter reported, not of reports)
                rest = _REPORT_AGAIN.sub(" ", q.folded[:intro.start()] + " " + q.folded[intro.end():])
                terms = [replace(t, weight=0.0) if t.word in intro.group(0) and t.word not in rest
                         and not _SCHOOL_KIND.fullmatch(t.word) else t for t in terms]
        return tokens, terms + self._quoted(q.topic or q.folded, tokens) + self._named_unpunctuated(q.topic or q.folded)

    def _named_unpunctuated(self, topic: str) -> list[Term]:
        """A name a plan prints in quotes with its parts set apart (“双随机、一公开”, “两不愁、三保障”), typed without the
        marks (双随机一公开): one topic, held where that name is printed, though its words (随机, 公开) are everywhere."""
        out = []
        for typed, printed in self.unpunctuated.items():
            if typed in topic and printed not in topic:
                holders = sum(printed in text for text in self.folded)
                out.append(Term(typed, (printed, typed), _idf(len(self.records), holders), phrase=True))
        return out

    def _office_shortening(self, word: str) -> bool:
        if len(word) < 2 or word in self.corpus_text:
            return False
        if word not in self._shortenings:
            self._shortenings[word] = any(is_abbreviation(word, fold(f)) for forms in self.office_forms.values()
                                          for f in forms)
        return self._shortenings[word]

    def _quoted(self, topic: str, tokens: list[str]) -> list[Term]:
        """A phrase the question puts in quotes and some plan prints (“职业教育活动周”) is one topic, weighed by how
        few tasks print it: its words (职业, 教育, 活动) are in many plans, the phrase in one."""
        out = []
        for phrase in dict.fromkeys(p.strip() for p in _QUOTED.findall(topic)):
            holders = sum(phrase in text for text in self.folded) if 3 <= len(phrase) <= MAX_QUOTED_NAME else 0
            if holders and phrase not in tokens:
                out.append(Term(phrase, (phrase,), _idf(len(self.records), holders), phrase=True))
        return out

    def _words(self, text: str) -> list[str]:
        return self.tokenizer.cut(text)

    def reading(self, text: str) -> tuple[Question, list[Term]]:
        """How a question is read, for `python -m assistant terms`: its place, year, office and intent, and its
        words with their weights and the plan words that stand for them (synonyms.tsv, shortenings, typing slips)."""
        q = read_question(text, self.documents, self.office_forms, self.corpus_text, self._words, self._everyday)
        return q, self._terms(q)[1]

    def _decide(self, q: Question, scope: list[int], k: int, filters: dict, s: _Scores,
                comparing: bool = False) -> Answer:
        """The best tasks among `scope` and whether they answer (see the README, "How questions are answered").
        `comparing`: `scope` is one plan of several compared, and a question listing topics (教师交流轮岗、县管校聘)
        is answered by a plan holding any one of them, though another plan holds words of the others."""
        terms, detail, dense, lexical = s.terms, s.detail, s.dense, s.lexical
        if not comparing and (named_body := self._body_named_elsewhere(q, scope, terms)) is not None:
            terms = [*terms, named_body]
        preambles = [i for i in scope if self.records[i].kind == PREAMBLE]
        candidates = preambles if q.preamble and preambles else [i for i in scope if self.records[i].kind != PREAMBLE]
        if q.office:
            with_office = [i for i in candidates if q.office_forms & self._offices_of(i)]
            if q.intent in (LEAD, GENERAL) and _GUESSED.search(q.asked or q.text) and with_office and \
                    self._best_share(terms, with_office) < GUESSED_SHARE * (best := self._best_share(terms, candidates)) \
                    and best >= MIN_COVERAGE:
                # 宪法晨读…是不是思政德育科, 请高考专家来办学科培训 是市招办牵头的吧: the office is the asker's guess,
                # and another task holds the topic better than any of its tasks (市招办's 高考综合改革 holds 高考 only);
                # that task is the answer, and its office lines correct the guess (so too 小金库 是不是该转给计财科去查)
                with_office = []
            candidates = with_office or candidates
        figures = _named_figures(q, detail)
        printing = {i for i in candidates if self._prints_all(i, figures)} if figures else set()
        if q.intent == LEAD:  # who leads is asked of tasks; a work-summary item names no office (unless it prints the
            # figure the asker knows it by: 建37所幼儿园的 谁牵头 is that item, which names none)
            candidates = [i for i in candidates if self.records[i].kind == TASK or i in printing] or candidates
        if q.position and q.position[0] and (named := self._part_words(q.position[0], terms, candidates)):
            # 第二部分治理现代化里 学校安全那条: the words naming the part (its title's) say where, not what about
            terms = [t for t in terms if t not in named]
        if printing and not any(t.weight > 0 for t in terms) and (held := [i for i in candidates if i in printing]):
            candidates = held  # 说是花了两千九百五十万那个是哪条: the figure is all the question says of the task
        placed = self._placed(q, terms, candidates)
        if q.position and not placed and (missing := self._no_such_position(q, terms, candidates)):
            return Answer(q, NOT_FOUND, missing, filters=filters)
        candidates = placed or candidates
        valued = value_words([t.word for t in terms], detail)
        fused = (_fuse(dense[candidates], lexical[candidates]) + self._title_bonus(q, candidates) + COVERAGE_WEIGHT
                 * np.array([_topic_share(terms, valued, self.matching[i]) for i in candidates], dtype=np.float32))
        if printing:
            # 那个要建37所幼儿园的: the task printing the figure the asker knows it by, among those on its words
            shares = fused - fused.min()
            fused = fused + FIGURE_BONUS * np.array(
                [i in printing and shares[j] >= FIGURE_NEAR * shares.max() for j, i in enumerate(candidates)],
                dtype=np.float32)
        order = np.argsort(-fused, kind="stable")[:k]
        if len(order) and (aside := self._aside(q, terms, self.matching[candidates[order[0]]], detail)):
            terms = [t for t in terms if t not in aside]
        hits = [self._hit(candidates[j], q, terms, detail, s.chunk_sim, float(fused[j]), float(dense[candidates[j]]))
                for j in order]
        if not hits:
            return Answer(q, NOT_FOUND, "没有找到相关内容。", filters=filters)
        if hits[0].coverage < MIN_COVERAGE and (held := [h for h in hits[1:] if h.coverage >= RESCUE_COVERAGE
                                                        and not h.missing]):
            # the ranking's first task holds too little of the question to answer it, a lower one holds nearly all
            # of it: answer with that one rather than refuse with it in hand (特岗老师计划: the 教师 task ranks first)
            hits.remove(held[0])
            hits.insert(0, held[0])
        if len(hits) > 1 and (hits[0].missing or hits[1].coverage - hits[0].coverage >= NEAR_GAP) \
                and hits[0].coverage >= MIN_COVERAGE and not hits[1].missing \
                and hits[1].coverage > hits[0].coverage and hits[0].score - hits[1].score <= NEAR_SCORE:
            # two tasks as close in the ranking, the first (holding enough to be answered) lacking a word of the
            # question the second holds with the rest (奥运教育样板校: one summary item says 省级 and 示范 over and
            # over, the next says them and 奥林匹克); a first task holding too little is no answer to improve on.
            # So too when the first lacks no word outright but holds far less of the question (招老师招多少个: the 师德
            # task holds 老师 as its 班主任, the next holds 招聘 and 教师 too)
            hits.insert(0, hits.pop(1))
        if self._opens_summary(hits[0].record) and (
                held := [h for h in hits[1:3] if not self._opens_summary(h.record) and h.coverage >= hits[0].coverage]):
            # a work summary's opening paragraph names the year's work at a glance; the item that holds the question
            # as fully tells it (去年读书活动搞得咋样: the opening lists honours, item （二） the reading campaign)
            hits.remove(held[0])
            hits.insert(0, held[0])
        if detail is not None and detail.kind in ("name", "members") and hits[0].detail_missing and (
                held := [h for h in hits[1:3] if not h.detail_missing and h.evidence
                         and h.coverage >= hits[0].coverage]):
            # the first task names the topic but not the names asked, a close one lists them for the same words
            # (系列宣扬工作 是哪四好: the 师德 task speaks of 宣扬, the 宣传 task lists the four). Not for figures: a
            # lower task's number of the same words is as often another object's (新建幼儿园37所 for 10所中小学)
            hits.remove(held[0])
            hits.insert(0, held[0])
        if detail is not None and detail.kind in ("count", "ordinal") and hits[0].detail_missing and (
                measure := asked_measure(q.folded)) and (
                held := [h for h in hits[1:3] if not h.detail_missing and h.evidence and h.coverage >= hits[0].coverage
                         and _counts_the_asked(terms, "".join(h.evidence), measure)]):
            # 新建幼儿园几所: the first task speaks of 幼儿园 with no count, a close one prints 幼儿园 17 所, the asked
            # thing with the asked measure beside it; a number of another thing (10所中小学) never moves it
            hits.remove(held[0])
            hits.insert(0, held[0])
        if detail is not None and detail.kind in ("count", "amount") and hits[0].evidence:
            # 省级体育传统项目示范学校创几所: a close task printing the object's whole name beside its figure gives it,
            # not the first task's figure of a thing sharing a few of its words (省级艺术特色学校 4 所)
            needed = _verbatim(q.topic, "".join(hits[0].evidence)) + VERBATIM_LEAD
            if held := [h for h in hits[1:3] if not h.detail_missing and h.evidence and h.coverage >= hits[0].coverage
                        and _verbatim(q.topic, "".join(h.evidence)) >= needed]:
                hits.remove(held[0])
                hits.insert(0, held[0])
        best = hits[0]
        judged = any(t.weight > 0 for t in terms)  # with no topic words left (X科负责什么), only filters decide
        in_scope = named = {(self.records[i].doc, self.records[i].year) for i in scope}
        if comparing:  # a year-over-year question's words describe both years of the file: neither lacks them
            in_scope = {part for part in self.doc_text if part[0] in {doc for doc, _ in named}}
        valued = value_words([t.word for t in terms], detail)
        elsewhere = [t for t in self._held_elsewhere(terms, in_scope) if t.word not in valued and not is_period_word(t.word)]
        if judged and elsewhere and best.coverage < ELSEWHERE_COVERAGE and not (
                comparing and _holds_a_listed_topic(q.topic or q.folded, elsewhere, terms)) and \
                self._held_better_elsewhere(terms, valued, elsewhere, in_scope, best.coverage):
            words = _quote_words(elsewhere)
            others = self._tasks_holding(elsewhere, in_scope, dense, lexical)
            reason = f"{self._plans_named(named)}没有提到{words}。"
            return Answer(q, NOT_FOUND, reason, hits, filters, elsewhere=others)
        if judged and best.missing and best.coverage < ELSEWHERE_COVERAGE and (
                apart := [t for t in terms if t.word in best.missing and self._distinctive(t)
                          and any(t.found_in(self.doc_text[d]) for d in in_scope)]) and (
                together := self._tasks_holding_together(terms, apart, in_scope, dense, lexical)):
            # the plan's best task holds part of the topic, and a task of another plan holds all of it (党支部 and
            # 换届 in one task there; here only 党支部, 换届 elsewhere): the plan does not cover what was asked
            best_text = self.matching[self.records.index(best.record)]
            # 党风 is part of the apart 党风廉政, not a second topic word beside it
            held = [t for t in terms if t not in apart and t.found_in(best_text) and self._distinctive(t)
                    and not any(t.word in a.word or a.word in t.word for a in apart)]
            words = "和".join(f"“{t.word}”" for t in held[:2] + apart)
            reason = (f"{self._plans_named(named)}没有一项任务同时提到{words}。" if held else
                      f"{self._plans_named(named)}中与此最接近的任务没有提到{words}。")
            return Answer(q, NOT_FOUND, reason, hits, filters, elsewhere=together)
        unheard = self._unheard(terms)
        # a word the plans know inside one they never use is no topic of its own: 家庭 in 单亲家庭
        whole = [t for t in terms if not t.guess and not any(t.word in o.word and t.word != o.word for o in unheard)]
        # an English word no plan prints glosses the Chinese beside it (生涯规划 career planning) or is staff's (KPI)
        lacked = [t for t in unheard if t.word in best.missing and not t.latin]
        # jieba cuts 人脸识别 into 识别 and 人脸识别: a piece the task lacks too is part of the unheard topic's weight
        # (and a piece the task holds elsewhere in another word: 合作 of 校企合作 is no 中外合作)
        lacked += [t for t in terms if not t.guess and t not in lacked and any(t.word in u.word for u in lacked)]
        if judged and (sum(t.weight for t in unheard) > UNHEARD_SHARE * sum(t.weight for t in whole) or (
                # (the compound of a question cut into pieces counts once here: 大学生防传销 is not 3/4 大学生)
                not placed and lacked
                and whole_share(terms, self.matching[self.records.index(best.record)]) < UNHEARD_COVERAGE
                and sum(t.weight for t in lacked)
                # 营养餐补助标准多少: 补助 and 标准 say which value is asked, not about what
                >= MISSING_UNHEARD_SHARE * sum(t.weight for t in terms if not t.guess and t.word not in valued))):
            words = _quote_words(unheard)  # 网吧, asked of a task on 学校周边
            return Answer(q, NOT_FOUND, f"文件库中的工作要点都没有提到{words}，以下是可能相关的任务。", hits, filters)
        if judged and (focus := self._checked_thing(q, terms, best, in_scope)):
            # 有没有跳绳比赛, 气排球比赛办不办: what the yes/no check asks about is the question, and no plan in scope
            # names it; the task holding the rest (学生赛事, 全民健身) does not say yes
            return Answer(q, NOT_FOUND, f"{self._plans_named(named)}没有提到“{focus}”。", hits, filters)
        # (side by side too, when no place is named: 有个地方建了37所幼儿园 是哪 asks which plan prints it; a figure
        # said of one named place or year, 去年建了18个 今年呢, is not asked of the others)
        if (not comparing or not (q.cities or q.year_over_year)) and (
                unprinted := [f for f in figures if not prints(self.folded[self.records.index(best.record)], f)]):
            # 要建200所智慧校园的 是哪条: no task on those words prints 200; the nearest one is not what the asker
            # remembers, and answering with it would vouch for the figure
            said = "、".join(f"“{f.text}”" for f in unprinted)
            return Answer(q, NOT_FOUND, f"{self._plans_named(named)}中与此最接近的任务没有写{said}，以下是可能相关的任务。",
                          hits, filters)
        if (judged and best.coverage < MIN_COVERAGE and best.dense < MIN_DENSE and not placed) or (
                best.detail_missing and best.missing):  # too little of the question, or neither detail nor topic word
            if judged and (lacking := [t for t in elsewhere if t.word in best.missing]):
                # 长兴县…压减率: the missing word is another plan's (嘉兴's 压减): say so, and where
                return Answer(q, NOT_FOUND, f"{self._plans_named(named)}没有提到{_quote_words(lacking)}。", hits, filters,
                              elsewhere=self._tasks_holding(lacking, in_scope, dense, lexical))
            return Answer(q, NOT_FOUND, "文件中没有找到能回答这个问题的内容，以下是可能相关的任务。", hits, filters)
        if best.detail_missing and best.detail_given:  # 配多少台、花多少钱: the count is quoted, the amount named missing
            return Answer(q, PARTIAL, f"原文给出了所问的{best.detail_given}，没有给出所问的{best.detail_missing}。", hits,
                          filters)
        if best.detail_missing:  # the task is cited as where the topic is; nothing is quoted as the answer
            best.evidence = []
            return Answer(q, PARTIAL, f"原文没有给出所问的{best.detail_missing}。", hits, filters)
        if q.intent == LEAD and q.person and not _names_a_person(best.record):
            # 分管领导是谁, asked of a plan that hangs its tasks on offices only: the offices are shown, the person is
            # what the plan does not say
            return Answer(q, PARTIAL, "原文没有写这项任务的分管领导或责任人，只列了科室。", hits, filters)
        if q.intent == LEAD and not (best.record.lead_offices or best.record.responsible_offices):
            # 讲了啥，哪个科负责 / 新增几所 哪个科负责: what it says or the value asked is quoted, as offices are beside
            # a missing date
            if not q.content and detail is None:
                best.evidence = []
            given = f"原文给出了所问的{'和'.join(dict.fromkeys(d.label for d in (detail, *detail.also)))}，" if detail else "原文"
            return Answer(q, PARTIAL, f"{given}没有列出这项任务的牵头科室或责任科室。", hits, filters)
        if q.intent == LEAD and q.shared_only and not (best.record.responsible_offices or best.record.cooperating_offices
                                                        or _printed_empty(best.record)):
            # 配合科室是哪些, asked of a task that prints its lead only: the lead is shown, the asked role is missing
            return Answer(q, PARTIAL, "原文只列了这项任务的牵头科室，没有列出配合或责任科室。", hits, filters)
        return Answer(q, ANSWERED, "", hits, filters)

    def _checked_thing(self, q: Question, terms: list[Term], best: Hit, in_scope: set[tuple[str, int | None]]) -> str | None:
        """The heaviest word of what a yes/no check asks about (the words after 有没有 in its clause, else those
        before 办不办 / 有没有), when the best task lacks it and no plan in scope prints it in any form."""
        text = q.folded  # the topic has the check taken out
        m = _CHECK.search(text)
        if m is None:
            return None
        after = _CHECK_SPAN.match(text, m.end())
        before = _CHECK_SPAN_BEFORE.search(text[:m.start()].rstrip())  # 非遗进校园 有具体安排没
        scoped = [self.matching[i] for i, r in enumerate(self.records) if (r.doc, r.year) in in_scope]
        for span in (after.group(0) if after else "", before.group(0) if before else ""):
            if phrase := self._unprinted_quote(span, scoped):
                return phrase
            focus = [t for t in terms if t.weight > 0 and t.word in span]
            if not focus:
                continue
            # the heaviest words, within CHECKED_NEAR of each other, each say what is checked: 国学讲堂 is not in a plan
            # printing 英雄讲堂 but never 国学
            top = max(t.weight for t in focus)
            best_text = self.matching[self.records.index(best.record)]
            for t in sorted(focus, key=lambda t: -t.weight):
                # lacking it, though a word no plan uses weighs too little to count as missing (慕课 checked beside
                # the plan's 名师云课: 长春除了名师云课 也上了慕课平台吧)
                lacks = t.word in best.missing or not (t.found_in(best_text) or t.guess or any(
                    w in best_text for w in self.sound_alike(t.word)))
                # printed in a plan in scope as a word, not by chance across two (国学 of 全国学校 is no 国学), nor by
                # its characters spread apart as a shortening's are (科技园 is not in 科技创新…产业园)
                if t.weight >= CHECKED_NEAR * top and lacks and not any(
                        t.found_in(text) if not t.abbreviation else any(
                            a in text for a in t.alternatives + t.slips) for text in scoped):
                    return t.word
            return None
        return None

    def _unprinted_quote(self, span: str, scoped: list[str]) -> str | None:
        """A name the check puts in quotes (有没有提“大思政课”) asks whether the plan prints that name: its words printed
        apart (大中小幼思政课) do not say yes. Printed counts loosely enough for a name retyped from memory: its
        characters in order with at most QUOTE_SLACK others between (“课后试点” in 课后服务试点), or a
        word that sounds the same (“明出亮灶”)."""
        for phrase in _QUOTED.findall(span):
            name = _NAME_MARKS.sub("", phrase)
            if not 2 <= len(name) <= MAX_QUOTED_NAME or not _CJK_WORD.fullmatch(name):
                continue
            loose = re.compile("".join(f"{re.escape(c)}.{{0,{QUOTE_SLACK}}}?" for c in name[:-1]) + re.escape(name[-1]))
            if any(len(m.group(0)) <= len(name) + QUOTE_SLACK for text in scoped
                   for m in loose.finditer(_NAME_MARKS.sub("", text))):
                continue
            if any(w in text for w in self.sound_alike(name) for text in scoped):
                continue
            return phrase
        return None

    def _part_title(self, i: int) -> str:
        """The title of the part record `i` stands in, as matched against a question's words."""
        return fold(self.records[i].section_title or "")

    def _part_words(self, part: str, terms: list[Term], candidates: list[int]) -> list[Term]:
        """The question's words that the title of the part it points at holds, when other words are left to name the
        task (a question all of whose words are the part's title asks about the part itself)."""
        if not _PART_NUMERAL.fullmatch(part):
            part = self._part_titled(part, candidates)
        titles = {self._part_title(i) for i in candidates if self.records[i].section == part}
        if part is None or len(titles) != 1:
            return []
        title = next(iter(titles))
        named = [t for t in terms if t.weight > 0 and t.found_in(title)]
        return named if any(t.weight > 0 and t not in named for t in terms) else []

    def _placed(self, q: Question, terms: list[Term], candidates: list[int]) -> list[int]:
        """The tasks at the position the question names (遂宁第42条, 三、第16条), when its words do not point to
        another task instead (a mistyped number beside a clear topic is answered by the topic): the user has named
        the task, so it answers though the question's words say little of it (最后那条其他工作)."""
        if not q.position:
            return []
        placed = self._at_position(q.position, candidates)
        if placed and any(t.weight > 0 for t in terms) and self._best_share(terms, placed) < MIN_COVERAGE \
                <= self._best_share(terms, candidates):
            return []
        if q.position[2] == 0 and placed and all(t.found_in(self._part_title(placed[0])) for t in terms
                                                  if t.weight > 0):
            return placed[:1]  # 第一部分讲啥的, 第六部分“资源配置”那块主要讲啥: the part as its opening task states it
        return placed

    def _no_such_position(self, q: Question, terms: list[Term], candidates: list[int]) -> str | None:
        """Why one plan has no task where the question points (达州第50条 in a plan of 38, 第七部分 of six parts), when
        its words name no task squarely either (a mistyped number beside a clear topic is answered by the topic);
        None otherwise. Answering with a task found by the words around the number would cite a task never meant."""
        docs = {self.records[i].doc for i in candidates}
        if len(docs) != 1 or (any(t.weight > 0 for t in terms) and self._best_share(terms, candidates) >= MIN_COVERAGE):
            return None
        part, sub, number = q.position
        if part is not None and not _PART_NUMERAL.fullmatch(part):
            return None  # a part named by words the plan's titles do not hold: the words are then the topic
        tasks = [r for r in self.records if r.doc in docs and r.kind in (TASK, SUMMARY) and r.section and r.year in {
            self.records[i].year for i in candidates}]
        name = self._plans_named({(r.doc, r.year) for r in tasks[:1]}) if tasks else "所选文件"
        if part is not None and not any(r.section == part for r in tasks):
            parts = list(dict.fromkeys(r.section for r in tasks if r.section))
            return f"{name}没有第{part}部分（共{len(parts)}个部分：{'、'.join(parts)}）。"
        inside = [r for r in tasks if part in (None, r.section) and (
            (r.item or r.subsection) if number is None else (r.kind == TASK and sub in (None, r.subsection)))]
        where = f"第{part}部分" if part else "全文"
        if sub and number is not None:
            where += sub
        asked = sub if number is None else f"{'倒数' if number < 0 else ''}第{abs(number)}项"
        last = max((r.task_no for r in inside if r.task_no), default=None)
        extent = f"共{len(inside)}{'项任务' if number is not None else '点'}" + (f"，编号到第{last}项" if last and last != len(inside) else "")
        return f"{name}{where if part or sub else ''}没有{asked}（{where}{extent}）。"

    def _at_position(self, position: tuple[str | None, str | None, int], candidates: list[int]) -> list[int]:
        """The tasks of `candidates` standing where `position` says, as a reader of the printed plan counts: by the
        number printed (三、第16条); in a part that prints no such number, the Nth task of the part (第三部分第4条 of
        a plan numbering 1–38 straight through); from the end when negative (倒数第二条, 第五部分最后一条), in each plan
        on its own."""
        part, sub, number = position
        if part is not None and not _PART_NUMERAL.fullmatch(part):
            part = self._part_titled(part, candidates)
            if part is None:
                return []
        if number == 0:  # 第八部分里…那条: every task (or summary item) of the part, the words then choosing
            return [i for i in candidates if self.records[i].section == part and part is not None
                    and self.records[i].kind in (TASK, SUMMARY) and (self.records[i].task_no is not None
                                                                    or self.records[i].item or self.records[i].subsection)]
        if number is None:  # 总结三（一）: the （一） item of part 三; in a plan numbering 1. 2. there, its third task
            items = [i for i in candidates if part in (None, self.records[i].section)
                     and sub in (self.records[i].subsection, self.records[i].item) and self.records[i].task_no is None]
            return items or [i for i in candidates if self.records[i].kind == TASK and part in (
                None, self.records[i].section) and self.records[i].subsection is None
                and self.records[i].task_no == numeral_value(sub.strip("（）"))]
        inside = [i for i in candidates if self.records[i].kind == TASK and part in (None, self.records[i].section)
                  and sub in (None, self.records[i].subsection)]
        if number > 0 and (placed := [i for i in inside if self.records[i].task_no == number]):
            return placed
        if number > 0 and part is None and sub is None:
            return []
        by_plan: dict[str, list[int]] = defaultdict(list)
        for i in inside:
            by_plan[self.records[i].doc].append(i)
        return [tasks[number - 1 if number > 0 else number] for tasks in by_plan.values() if len(tasks) >= abs(number)]

    def _part_titled(self, words: str, candidates: list[int]) -> str | None:
        """The part whose title the words name (党建那部分: 一、全面加强教育系统新时代党的建设): the section holding most
        of their characters in order, two at least, when one plan is asked and one section does."""
        if len({self.records[i].doc for i in candidates}) != 1:
            return None
        if words == LAST_PART:  # 最后一部分: the part of the plan's last task (a summary's, in a plan holding one)
            return next((self.records[i].section for i in sorted(candidates, reverse=True)
                         if self.records[i].kind in (TASK, SUMMARY) and self.records[i].section), None)
        titles = {self.records[i].section: fold(self.records[i].section_title or "") for i in candidates
                  if self.records[i].section}

        def run(title: str) -> int:  # the words' characters the title holds in order (党建: 党的建设)
            held, at = 0, 0
            for char in words:
                if (found := title.find(char, at)) >= 0:
                    held, at = held + 1, found + 1
            return held
        scored = sorted(((run(t), part) for part, t in titles.items()), reverse=True)
        if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1]

    @staticmethod
    def _opens_summary(record: Record) -> bool:
        """A work summary's opening paragraph (the year at a glance, before its chapters)."""
        return record.kind == SUMMARY and record.section is None

    def _best_share(self, terms: list[Term], candidates: list[int]) -> float:
        return max(share(terms, self.matching[i]) for i in candidates)

    def _aside(self, q: Question, terms: list[Term], text: str, detail: Detail | None = None) -> list[Term]:
        """The words of the question's clauses that share little with the best task while another clause shares much:
        what staff say around a question (学校问我们要依据, 下午开会要用, 有人来咨询想办学) is not what they ask, and
        must not make a plan look as if it lacked the topic; nor do the words a bracketed term glosses (班级人太多
        (大班额)). Clauses are split at punctuation only: 遂宁 网吧 管理 is one question."""
        topic = q.topic or q.folded
        glosses = [g for g in _BRACKETED.findall(topic) if g.strip()]
        spans = [c for c in _CLAUSE_SPANS.findall(_BRACKETED.sub("，", topic)) if _CLAUSES.sub("", c).strip()]
        clauses = [_CLAUSES.sub("", c) for c in spans] + glosses
        if len(clauses) < 2:
            return []
        # the one clause that asks (夏天教室太热，…有没有给教室装空调的安排？) holds the topic, whatever it shares with
        # the task; when several ask (…谁牵头？是法规还是基教？), the task decides as below
        # (a yes/no check is read out of the topic: its clause is the one holding what is checked, 有没有校长陪餐这个要求)
        # (the particle closing the check is no part of it: 也上了慕课平台吧 checks 慕课平台, the clause the topic keeps)
        checked = [w for m in _CHECK.finditer(q.folded) for w in (
            _PARTICLES_AT_END.sub("", _CHECK_SPAN.match(q.folded, m.end()).group(0)),
            _CHECK_SPAN_BEFORE.search(q.folded[:m.start()]).group(0)) if len(w) >= 2]
        asking = [bool(_ASKS.search(c)) for c in spans]
        asking = asking if sum(asking) == 1 else [False] * len(spans)
        asking = [a or any(w in c for w in checked) for a, c in zip(asking, spans)]
        # nor is the clause that asks for the figure: it names what is counted (学校层面要聚焦几个“提高”？分别是哪几块？)
        asking = [a or bool(detail and detail.asked_in and detail.asked_in in c) for a, c in zip(asking, spans)]
        asking += [True] * len(glosses)
        words = [[t for t in terms if t.word in c and not t.guess] for c in clauses]
        # sharing: the task holds at least half the clause's weight (学校 alone does not make 学校问我们要依据 a topic)
        sharing = [sum(t.weight for t in ws if t.found_in(text)) >= 0.5 * sum(t.weight for t in ws) > 0 for ws in words]
        if not any(sharing):
            return []
        # the term a user puts in brackets names what is asked: it is never set aside (班级人太多(大班额) asked of a
        # plan whose 以班级为单位 shares 班级 but that never says 大班额)
        kept = {t.word for ws, shares, asks in zip(words, sharing, asking) if shares or asks for t in ws}
        kept |= {t.word for ws in words[len(clauses) - len(glosses):] for t in ws}
        # nor is a name put in quotes (推销防近视的“坐姿矫正器”，说要点里有配备计划，真有吗) when the asking clause names
        # nothing of its own the task holds: it points back at the quoted thing. A quoted sentence (新闻标题“…携手谋划
        # 十四五”，编规划跟哪家合作) is an outside text told in its own words, and a clause asking of a topic of its own
        # (…“收官评估”，那个实施细则管到哪一年) says what is asked
        if not any(t.weight >= self.common_idf and t.found_in(text)
                   for ws, asks in zip(words, asking) if asks for t in ws):
            kept |= {t.word for phrase in _QUOTED.findall(topic) if len(_NAME_MARKS.sub("", phrase)) <= MAX_QUOTED_NAME
                     for t in terms if t.word in phrase}
        return [t for ws, shares in zip(words, sharing) if not shares for t in ws if t.word not in kept]

    def _unheard(self, terms: list[Term]) -> list[Term]:
        """The question's words that no plan uses in any form (as typed, by a synonym, a shortening or a slip): a
        question mostly about something the plans never name (网吧, 围棋象棋) is not answered by a task that shares
        its surroundings (学校周边, 进校园)."""
        unheard = [t for t in terms if not t.guess and t.weight > 0
                   and not any(a in self.idf for a in t.alternatives + t.slips) and not t.found_in(self.corpus_text)]
        heard = [t.word for t in terms if t not in unheard]
        # 教研室 is heard where 教研 is (one character left: a suffix); 单亲家庭 is not where 家庭 is (单亲 left); a word
        # the search leaves out as saying nothing (工作, 情况, 任务) is heard everywhere: 保密工作 is heard where 保密 is
        return [t for t in unheard if not _covered(t.word, [w for w in heard if w in t.word]
                                                   + [w for w in _GENERIC if w in t.word])]

    # -- comparisons -------------------------------------------------------------------------------------------
    def _wide(self, q: Question, scope: list[int], k: int, filters: dict) -> Answer:
        """A question that names no place, whose topic several plans hold squarely (each plan's best task holds
        WIDE_COVERAGE of its words): say how many and answer per plan, instead of picking one plan's task."""
        s = self._score(q)
        place = next((self.records[i].city for i in scope if self.records[i].city), "")  # for the examples below
        if q.position and len({self.records[i].doc for i in scope}) > 1 and not any(t.weight > 0 for t in s.terms):
            # 第15项谁牵头: each plan has its own
            part, sub, number = q.position
            where = f"{part + '、' if part else ''}{sub or ''}第{number}项"
            return Answer(q, NOT_FOUND, f"每份工作要点都有自己的{where}，请写明是哪个地方、哪一年的文件，例如：{place}{where}由哪个"
                          f"科室牵头？{self.holdings()}", filters=filters)
        if q.intent in (GENERAL, LEAD) and not q.preamble and not any(t.weight > 0 for t in s.terms) and not \
                _named_figures(q, s.detail):
            # 那个, 有没有提到, 帮我查一下: nothing to look up; answering every plan's "best" task would be noise
            return Answer(q, NOT_FOUND, f"没有看出要查的事项，请写明要查的工作，例如：{place}学前教育由哪个科室牵头？",
                          filters=filters)
        single = self._decide(q, scope, k, filters, s)
        if not single.answered:
            return single
        if (figures := _named_figures(q, s.detail)) and self._prints_all(
                self.records.index(single.hits[0].record), figures):
            return single  # 那个要建37所幼儿园的是哪条: the figure the asker knows names one plan's task
        plans = self._plan_answers(q, scope, filters, s)
        # squarely: WIDE_COVERAGE of the question, or as much of it as the best plan holds (研学基地、研学游: every plan
        # holds 研学基地 and none 研学游)
        answered = [p for p in plans if p.answer.answered]
        square = min(WIDE_COVERAGE, max((p.answer.hits[0].coverage for p in answered), default=1.0))
        holding = [p for p in answered if p.answer.hits[0].coverage >= square - 1e-6]
        if len(holding) < 2:
            return single
        if q.intent == LEAD and {self.records[i].doc for i in self._longest_pasted(q.topic or q.folded)[1]} == {single.hits[0].record.doc}:
            return single  # who leads a line pasted from one plan: that plan's task, not every plan's on its words
        return self._comparison(q, plans, filters)

    def _body_named_elsewhere(self, q: Question, scope: list[int], terms: list[Term]) -> Term | None:
        """A body the question names in full (中国教育科学研究院, 华中师范大学), printed word for word only by plans
        the question does not ask: one topic, held only elsewhere, though its words (中国, 科学, 研究院) are each
        somewhere in the asked plan. Only a name ending as a body's does: a phrase of the topic printed by another
        plan (校外培训机构监管) may be worded otherwise in this one."""
        if not _BODY_NAME_IN.search(q.topic or q.folded):
            return None  # (cheap: most questions name no body)
        docs = {self.records[i].doc for i in scope}
        if len(docs) == len({d for d, _ in self.doc_text}):
            return None
        phrase, holders = self._longest_pasted(q.topic or q.folded)
        if not phrase or {self.records[i].doc for i in holders} & docs or not _BODY_NAME.search(phrase) \
                or any(t.word == phrase for t in terms) or not self._starts_a_word(phrase, q.folded) \
                or _JOINED_KINDS.search(phrase):  # 中小学和幼儿园: kinds listed, not one body's name
            return None
        # 建公办幼儿园, printed 建10所公办幼儿园 by the asked plan: a count between its words does not make it another
        counted = re.compile(_COUNT_INSIDE.join(re.escape(ch) for ch in phrase))
        if any(counted.search(self.doc_text[part]) for part in self.doc_text if part[0] in docs):
            return None
        return Term(phrase, (phrase,), _idf(len(self.records), len(holders)), phrase=True)

    def _starts_a_word(self, phrase: str, text: str) -> bool:
        """Whether `phrase` begins where a word of `text` begins (级足球特色学校 of 达州市级足球特色学校 does not: 市级
        is one word, and 达州 prints 市级 beside its count, not before the schools)."""
        at = text.find(phrase)
        if at <= 0:
            return True
        starts, position = set(), 0
        for piece in self.tokenizer.cut(text):
            starts.add(position)
            position += len(piece)
        return at in starts

    def _longest_pasted(self, topic: str) -> tuple[str, list[int]]:
        """The longest stretch of the question that some plan prints word for word (at least PASTED characters), and
        the records that print it: 重配备轻应用 is pasted from 遂宁's plan, though 配备 and 应用 are in every plan."""
        best = ""
        for chunk in _CJK_WORD.findall(topic):
            for i in range(len(chunk) - PASTED + 1):
                j = i + PASTED
                if len(chunk) - i <= len(best) or chunk[i:j] not in self.corpus_text:
                    continue
                while j < len(chunk) and chunk[i:j + 1] in self.corpus_text:
                    j += 1
                if j - i > len(best):
                    best = chunk[i:j]
        return best, [i for i, text in enumerate(self.folded) if best in text] if best else []

    def _compare(self, q: Question, scope: list[int], filters: dict) -> Answer:
        """One answer per plan in scope, in the corpus's order, each by the same rules as a single answer; the
        question is embedded once (once per topic where it lists several)."""
        if (listed := self._listed(q)) is not None:
            per_topic = [(topic, self._plan_answers(sub, scope, filters, self._score(sub)), sub) for topic, sub in listed]
            if len(per_topic[0][1]) >= 2 or q.unknown_cities:
                return self._comparison_of_topics(q, per_topic, filters)
        s = self._score(q)
        plans = self._plan_answers(q, scope, filters, s)
        if len(plans) < 2 and not q.unknown_cities:  # 分别 asked of one plan: an ordinary answer
            return self._decide(q, scope, 5, filters, s)
        return self._comparison(q, plans, filters)

    def _listed(self, q: Question) -> list[tuple[str, Question]] | None:
        """The topics a question lists (topics.py), each with the question asked of it alone: the other topics'
        words and the count of topics taken out, the places, years and the rest of what is asked kept."""
        spans = listed_topics(q.folded, self._words, self._named_span)
        if not spans:
            return None
        out = []
        for i, (start, end) in enumerate(spans):
            text = q.folded
            for j, (s0, s1) in sorted(enumerate(spans), key=lambda item: -item[1][0]):
                if j != i:
                    text = text[:s0] + " " + text[s1:]
            sub = read_question(COUNTED.sub(" ", text), self.documents, self.office_forms, self.corpus_text,
                                self._words, self._everyday)
            sub.text = q.text
            sub.cities, sub.unknown_cities, sub.year, sub.years = q.cities, q.unknown_cities, q.year, q.years
            sub.compare, sub.others, sub.year_over_year = True, q.others, q.year_over_year
            out.append((q.folded[start:end], sub))
        return out

    def _named_span(self, piece: str) -> tuple[int, int] | None:
        """Where in `piece` (a stretch of a question) its words naming something stand, or None when it names
        nothing (a place, asker talk, an asking word)."""
        sub = read_question(piece, self.documents, self.office_forms, self.corpus_text, self._words, self._everyday)
        if not sub.topic.strip():  # 达州 of 达州和温州在经费投入上…: a place, not a topic
            return None
        found = [(at, at + len(t.word)) for t in self._topic_words(sub) if not t.guess and (at := piece.find(t.word)) >= 0]
        return (min(a for a, _ in found), max(b for _, b in found)) if found else None

    def _comparison_of_topics(self, q: Question, per_topic: list[tuple[str, list[PlanAnswer], Question]],
                              filters: dict) -> Answer:
        """Each listed topic compared plan by plan (its own blocks, 未涉及 by the same rules), and one block per plan
        for them all: answered where the plan holds every topic, partial where it holds some (saying which it
        lacks), not found where it holds none."""
        parts = [(topic, self._comparison(sub, plans, filters)) for topic, plans, sub in per_topic]
        merged = []
        for n, first in enumerate(parts[0][1].plans):
            blocks = [(topic, part.plans[n].answer) for topic, part in parts if n < len(part.plans)]
            held = [(topic, a) for topic, a in blocks if a.status != NOT_FOUND and a.hits]
            hits = [a.hits[0] for _, a in held]
            hits += [h for _, a in blocks for h in a.hits if all(h.record is not g.record for g in hits)]
            lacking = [topic for topic, a in blocks if a.status == NOT_FOUND or not a.hits]
            if not first.doc:  # a place the corpus lacks: as each topic's block says
                merged.append(first)
                continue
            if not held:
                status, reason = NOT_FOUND, "所列各项均未涉及。"
            elif lacking or any(a.status == PARTIAL for _, a in held):
                status = PARTIAL
                reason = "；".join(filter(None, [f"未涉及“{'”“'.join(lacking)}”" if lacking else ""] + [
                    f"“{topic}”{a.reason.rstrip('。')}" for topic, a in held if a.status == PARTIAL])) + "。"
            else:
                status, reason = ANSWERED, ""
            merged.append(PlanAnswer(first.doc, first.city, first.year, Answer(q, status, reason, hits, first.answer.filters)))
        known = [p for p in merged if p.doc]
        status = ANSWERED if any(p.answer.answered for p in known) else (
            PARTIAL if any(p.answer.status == PARTIAL for p in known) else NOT_FOUND)
        if q.unknown_cities and status == ANSWERED:
            status = PARTIAL
        holding = sum(p.answer.status != NOT_FOUND for p in known)
        reason = f"分 {len(parts)} 项比较（{'、'.join(t for t, _ in parts)}）；共 {len(known)} 个文件，{holding} 个涉及。"
        if q.unknown_cities:
            reason = f"文件库中没有{'、'.join(q.unknown_cities)}的工作要点；{reason}"
        hits = _leading(known)
        return Answer(q, status, reason, hits, filters, plans=merged, parts=parts)

    def _plan_answers(self, q: Question, scope: list[int], filters: dict, s: _Scores) -> list[PlanAnswer]:
        """A plan is a document's plan year, plus its work-summary year when the question asks about last year
        (承德 去年做了什么、今年要做什么) or names that year."""
        groups: dict[tuple[str, int | None], list[int]] = defaultdict(list)
        figures = _named_figures(q, s.detail)
        # 哪个市建了37所幼儿园: a work summary printing the figure asked is that year's plan in the comparison
        summed = {(self.records[i].doc, self.records[i].year) for i in scope if figures and self._prints_all(i, figures)}
        for i in scope:
            record = self.records[i]
            info = self.index.documents.get(record.doc)
            plan_year = info.year if info else record.year
            if q.year_over_year or q.year or record.year == plan_year or plan_year is None \
                    or (record.doc, record.year) in summed:
                groups[(record.doc, record.year)].append(i)
        out = []
        for (doc, year), members in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1] or 0)):
            info = self.index.documents.get(doc)
            city = self.records[members[0]].city
            if q.admitted and not (members := [i for i in members if self._states_problems(i)]):
                # 这毛病 哪几个市认了: a plan owns up to a problem only in the problems it states (问题描述); a plan
                # stating none is no answer, though a task of it works on the topic
                out.append(PlanAnswer(doc, city, year, Answer(
                    q, NOT_FOUND, f"{self._plans_named({(doc, year)})}没有写各项任务存在的问题（问题描述）。",
                    filters=dict(filters))))
                continue
            scores = self._for_year(q, s, year, info.year if info else year) if q.year_over_year else s
            out.append(PlanAnswer(doc, city, year, self._decide(q, members, 3, dict(filters), scores, comparing=True)))
        return out

    def _states_problems(self, i: int) -> bool:
        """Whether the task states its problems in a field of their own (问题描述, 存在问题)."""
        return any(_PROBLEM_FIELD.search(name) for name in self.records[i].fields)

    @staticmethod
    def _for_year(q: Question, s: _Scores, year: int | None, plan_year: int | None) -> _Scores:
        """去年通报表扬了多少师德标兵，今年还表彰不: the words and the figure asked of last year are not asked of this
        year's plan, nor the other way round; the words said of neither year are asked of both."""
        if year is None or plan_year is None:
            return s
        marks = {"last": re.compile(rf"去年|上年|上一年|{plan_year - 1}"), "this": re.compile(rf"今年|本年|{plan_year}")}
        own, other = ("this", "last") if year == plan_year else ("last", "this")
        clauses = [c for c in _YEAR_CLAUSES.split(q.folded) if c.strip()]
        # what follows the other year's mark in its clause (大班额 before 去年 in 大班额去年消得怎么样了 is asked of both)
        theirs, kept = [], []
        for c in clauses:
            m = marks[other].search(c)
            at = m.start() if m and not marks[own].search(c) else len(c)
            kept.append(c[:at])
            if at < len(c):
                theirs.append(c[at:])
        if not theirs:
            return s
        rest = "".join(kept)
        terms = [t for t in s.terms if t.word in rest or not any(t.word in c for c in theirs)]
        # the value asked of this year is the one its own clauses ask (去年建了几个 今年投多少钱: a count of last
        # year, an amount of this one)
        detail = asked_detail(rest) if s.detail else None
        return _Scores(s.chunk_sim, s.dense, s.lexical, terms or s.terms, detail)

    def _comparison(self, q: Question, plans: list[PlanAnswer], filters: dict) -> Answer:
        plans = self._touching_only(q, plans)
        status = ANSWERED if any(p.answer.answered for p in plans) else (
            PARTIAL if any(p.answer.status == PARTIAL for p in plans) else NOT_FOUND)
        held = sum(p.answer.status != NOT_FOUND for p in plans)
        reason = f"共 {len(plans)} 个文件，{held} 个涉及。"
        if q.unknown_cities:  # a place named that the corpus lacks: its block says so, after the plans compared,
            # and the question is answered only in part
            lacking = "、".join(q.unknown_cities)
            reason = f"文件库中没有{lacking}的工作要点；{reason}"
            status = PARTIAL if status == ANSWERED else status
            plans = plans + [PlanAnswer(None, city, None, Answer(q, NOT_FOUND, f"文件库中没有{city}的工作要点。",
                                                                filters=filters)) for city in q.unknown_cities]
        return Answer(q, status, reason, _leading(plans), filters, plans=plans)

    def _touching_only(self, q: Question, plans: list[PlanAnswer]) -> list[PlanAnswer]:
        """Blocks whose best task holds less than COMPARED_SHARE of the question as much as the best block's task does,
        and lacks one of the question's two heaviest words that task holds, are 未涉及, naming the plan that treats it:
        side by side, a plan touching a word of the topic does not hold it (长春's 离退休 task, short of 服务管理,
        still holds what the question is most about).
        Not between the two years of one file (year over year), whose words describe both."""
        held = [p.answer.hits[0].coverage for p in plans if p.answer.status != NOT_FOUND and p.answer.hits]
        if q.year_over_year or not held:
            return plans
        most = max(held)
        best = next(p for p in plans if p.answer.status != NOT_FOUND and p.answer.hits
                    and p.answer.hits[0].coverage == most)
        # what the question is most about: its heaviest words (离退休 of 离退休干部的服务管理, not 服务 or 管理)
        every = self._terms(q)[1]
        terms = sorted((t for t in every if t.weight > 0 and not t.guess), key=lambda t: -t.weight)[:2]
        best_text = self.matching[self.records.index(best.answer.hits[0].record)]
        # a question listing ways of saying what it asks (不想用 不会用 重配备轻应用): a plan printing one of them word
        # for word that the best task does not print holds the topic in its own words
        phrases = [c for c in re.split(r"[\s、，,；;]+", q.topic or "") if len(c) >= LISTED_PHRASE]
        out = []
        for p in plans:
            a = p.answer
            text = self.matching[self.records.index(a.hits[0].record)] if a.hits else ""
            if any(c in text and c not in best_text for c in phrases):
                out.append(p)
                continue
            held_words = [u.word for u in every if u.found_in(text)]
            if a.status != NOT_FOUND and a.hits and a.hits[0].coverage < COMPARED_SHARE * most and any(
                    t.found_in(best_text) and not t.found_in(text)
                    and not any(t.word in w for w in held_words) for t in terms):  # 退休 of a held 离退休
                named = self._plans_named({(p.doc, p.year)})
                a = Answer(a.question, NOT_FOUND, f"{named}中最接近的任务只涉及问题的一小部分，"
                           f"不如{self._plans_named({(best.doc, best.year)})}所引任务完整，按未涉及处理。", a.hits,
                           a.filters)
            out.append(PlanAnswer(p.doc, p.city, p.year, a))
        return out

    def _title_bonus(self, q: Question, candidates: list[int]) -> np.ndarray:
        """TITLE_BONUS for a task whose title shares a run of TITLE_RUN characters with the question: asked 职业教育谁挑头,
        加快职业教育高质量发展 is the task, though 推动高等教育内涵发展 says 职业 as often and sits as close in meaning."""
        topic = re.sub(r"\s+", "", q.topic or q.folded)
        runs = {topic[i:i + TITLE_RUN] for i in range(len(topic) - TITLE_RUN + 1)}
        return np.array([TITLE_BONUS if any(run in self.folded_titles[i] for run in runs) else 0.0
                         for i in candidates], dtype=np.float32)

    def _plans_named(self, parts: set[tuple[str, int | None]]) -> str:
        """达州市2020年工作要点 (承德市2020年工作总结 for a summary's year), or 所选文件 when several are in scope."""
        if len({doc for doc, _ in parts}) != 1:
            return "所选文件"
        doc, year = next(iter(parts))
        if len(parts) > 1:  # every year of one file (承德's summary and plan): the file as its catalog names it
            year = None
        info = self.index.documents.get(doc)
        year = info.year if year is None and info else year
        kind = TASK if info is None or year == info.year or not any(
            r.doc == doc and r.year == year and r.kind == SUMMARY for r in self.records) else SUMMARY
        return place_name(info.display_city if info else doc, year, kind)

    def _held_elsewhere(self, terms: list[Term], in_scope: set[tuple[str, int | None]]) -> list[Term]:
        """Question words that no plan in scope holds (in any of their forms) while another plan does: 校服 asked
        of 达州, whose plan never mentions it, though 承德's does. Only when the question is narrowed to some plans."""
        if in_scope >= set(self.doc_text):
            return []
        out_scope = [i for i, r in enumerate(self.records) if (r.doc, r.year) not in in_scope]
        # the plan's office lines count: 人事 (…人事要写方案) is printed by 达州 as 人事师训科, not held only elsewhere
        in_text = "\n".join([*(self.doc_text[d] for d in in_scope), *(f for d, _ in in_scope for f in self.office_forms[d])])
        # 缺科 is another plan's word, but no word of everyday Chinese: the asked plan's 短缺学科 holds it in full, as
        # staff shorten 义务教育 to 义教 (校服 is a word: 学校服务 does not hold it)
        # 心里 typed for 心理: a word that sounds like one the asked plan prints is not held only elsewhere
        present = [t.word for t in terms if t.found_in(in_text) or (
            not self.tokenizer.in_dictionary(t.word) and (shortened := abbreviation_pattern(t.word)) is not None
            and shortened.search(in_text)) or any(w in in_text for w in self.sound_alike(t.word))]
        return [t for t in terms if not t.guess and self._distinctive(t) and not _NUMERAL.fullmatch(t.word)
                and t.word not in present
                and (t.phrase or not _part_of_found(t.word, [u.word for u in terms], present))
                and any(self._holds_word(i, t) for i in out_scope) and self._printed_as_word(t)]

    def _held_better_elsewhere(self, terms: list[Term], valued: list[str], elsewhere: list[Term],
                               in_scope: set[tuple[str, int | None]], coverage: float) -> bool:
        """Whether a task of another plan that holds a word the asked plan lacks holds the question at least as
        fully as the asked plan's best task: only then is the word that plan's topic. 老百姓 (达州查全县老百姓普通话…)
        is printed by 温州 in a task on 信访, which holds little else of the question."""
        return any(_topic_share(terms, valued, self.matching[i]) >= ELSEWHERE_HOLDS * coverage
                   for i, r in enumerate(self.records)
                   if (r.doc, r.year) not in in_scope and r.kind != PREAMBLE
                   and any(self._holds_word(i, t) for t in elsewhere))

    def _printed_as_word(self, term: Term) -> bool:
        """Whether some task prints an everyday word as a word of its own: 一路 (职校娃一路读上去) is printed only
        inside 一带一路, which jieba keeps whole, so another plan's 一带一路 says nothing of the question's topic."""
        if term.phrase or term.alternatives != (term.word,) or not self.tokenizer.in_dictionary(term.word) \
                or self.frequency.get(term.word, 0) < SHORTENING_COUNT:
            return True
        return any(term.word in self.tokenizer.cut(text) for text in self.folded if term.word in text)

    def _distinctive(self, term: Term) -> bool:
        """A word few tasks use (at most 3), or at most 5 when it is not a common everyday word either (冰雪 yes,
        文件 no), and never a word of everyday talk (材料, 一级, 德国: 写材料要用 says why one asks, not about what):
        only such a word, absent from the asked plan, says the plan does not cover the topic."""
        if self.tokenizer.in_dictionary(term.word) and self.frequency.get(term.word, 0) >= EVERYDAY \
                and term.word not in self.tokenizer.user_words:
            return False
        if term.word in function_words() and self.frequency.get(term.word, 0) >= COMMON_LOW \
                and term.word not in self.tokenizer.user_words and not _NUMBERED.match(term.word):
            return False  # 本地, 及其, 各种: how a question is told, though a plan or two prints them (一类 of
            # 一类园 may name the thing itself)
        if term.weight >= self.rare_idf:
            return True
        return term.weight >= self.topic_idf and everyday_share(term.word, self.frequency) > 0

    def _holds_word(self, i: int, term: Term) -> bool:
        """As a word, not a chance run of characters (高校服务 does not mention 校服)."""
        if term.phrase:
            return term.word in self.folded[i]
        return any(a in self.record_words[i] for a in term.alternatives)

    def _tasks_holding(self, terms: list[Term], in_scope: set[tuple[str, int | None]], dense: np.ndarray,
                       lexical: np.ndarray) -> list[Hit]:
        """The best task of each other plan that holds all of `terms`: where the topic asked about does appear."""
        found = [i for i, r in enumerate(self.records) if (r.doc, r.year) not in in_scope and r.kind != PREAMBLE
                 and all(self._holds_word(i, t) for t in terms)]
        if not found:
            return []
        fused = _fuse(dense[found], lexical[found])
        best: dict[tuple[str, int | None], Hit] = {}
        for j in np.argsort(-fused, kind="stable"):
            record = self.records[found[j]]
            if (record.doc, record.year) not in best:
                best[record.doc, record.year] = Hit(record, float(fused[j]), [], dense=float(dense[found[j]]))
        return list(best.values())[:3]

    def _tasks_holding_together(self, terms: list[Term], apart: list[Term], in_scope: set[tuple[str, int | None]],
                                dense: np.ndarray, lexical: np.ndarray) -> list[Hit]:
        """The other plans' tasks that hold the words `apart` and nearly all the rest of the question with them: the
        topic exists as one task's subject, so a plan printing its words in separate tasks does not cover it."""
        return [h for h in self._tasks_holding(apart, in_scope, dense, lexical)
                if share(terms, self.matching[self.records.index(h.record)]) >= RESCUE_COVERAGE]

    def _offices_of(self, i: int) -> set[str]:
        record = self.records[i]
        return set(record.lead_offices) | set(record.responsible_offices) | set(record.cooperating_offices)

    def _prints_all(self, i: int, figures) -> bool:
        """Whether record `i` prints every figure the question names it by, each of its own kind."""
        return all(prints(self.folded[i], f, strict=True) for f in figures)

    def _bm25(self, tokens: list[str]) -> np.ndarray:
        known = [t for t in tokens if t in self.index.bm25.vocab_dict]
        if not known:
            return np.zeros(len(self.records), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(known), dtype=np.float32)

    def _hit(self, i: int, q: Question, terms: list[Term], detail: Detail | None, chunk_sim: np.ndarray,
             score: float, dense: float) -> Hit:
        record = self.records[i]
        chunk_ids = [c for c in self.record_chunks[i] if not self.is_header[c]]
        texts = [self.index.chunks[c].text for c in chunk_ids]
        text = self.matching[i]
        valued = value_words([t.word for t in terms], detail)
        coverage = _topic_share(terms, valued, text)
        found = [t.word for t in terms if t.found_in(text)]
        # 每月, 奖金 say what is asked, not about what; 一学期 how often; 心里 typed for the task's 心理 is there
        missing = [t.word for t in terms if not t.found_in(text) and t.weight >= self.rare_idf and not t.guess
                   and not _part_of_found(t.word, [u.word for u in terms], found, strict=True)
                   and t.word not in valued and not is_period_word(t.word)
                   and not any(w in text for w in self.sound_alike(t.word))]
        evidence: list[str] = []
        detail_missing = detail_given = None
        if texts:
            folded = [self.chunk_folded[c] for c in chunk_ids]
            lexical = np.array([share(terms, s) for s in folded], dtype=np.float32)
            measure = asked_measure(q.folded)
            figures = np.array([figure_bonus(s, measure) for s in texts], dtype=np.float32)
            order = list(rank_sentences(chunk_sim[chunk_ids], lexical, figures, q.figure))
            if detail is None and (named := _named_figures(q, detail)):
                # 花了两千九百五十万那个是哪条: the sentence printing the figure the task is known by shows it is the one
                printing = [j for j in order if any(prints(folded[j], f) for f in named)]
                order = printing + [j for j in order if j not in printing]
            if detail is not None:  # also beside who leads: 哪个科管 几月份开始 asks both
                # values of different kinds are of their own objects: the words of another value's asking clause
                # name that one's (投多少钱 新建改扩建几所: 改扩建 is what is counted, the money is the task's); a rate
                # asked again as a figure (入学率 目标定的多少) is one value
                asks = (detail, *detail.also)
                # (and only when the topic stands outside the asking clauses: 少年军校今年创建几所 在哪几个县区 asks
                # both of the 少年军校 its first clause names)
                apart = len({d.kind for d in asks}) == len(asks) and not any(d.label == "数字" for d in asks) and any(
                    t.weight > 0 and not any(t.word in d.asked_in for d in asks) for t in terms)
                parts = [(d, self._detail_holder(record, chunk_ids, folded, [
                    t for t in terms if not any(t.word in o.asked_in for o in asks if o is not d)] or terms
                    if apart else terms, d, q)) for d in asks]
                holders = list(dict.fromkeys(j for _, j in parts if j is not None))
                missing_labels = list(dict.fromkeys(d.label for d, j in parts if j is None))
                if missing_labels:
                    detail_missing = "和".join(missing_labels)
                    given = [d.label for d, j in parts if j is not None and d.label not in missing_labels]
                    detail_given = "和".join(dict.fromkeys(given)) or None
                order = holders + [j for j in order if j not in holders]
            picked = sorted(order[: 2 if q.overview and len(order) > 1 else 1])  # in reading order
            if detail is not None and (holders := [j for _, j in parts if j is not None]):
                picked = sorted(set(holders)) if len(parts) > 1 else holders[:1]
            if detail is not None and len(parts) == 1 and self._title_gives(record, folded, terms, detail,
                                                                            parts[0][1]):
                # 打造蓓蕾计划、温馨村小两个升级版, asked 升级版一共几个: the title prints the value beside its object,
                # while the body's figures (二次托管) are of other things; the title is the quote
                evidence.append(record.title)
                detail_missing = detail_given = None
                picked = []
            evidence.extend(texts[j] for j in picked)
        if q.intent == LEAD:
            evidence = office_lines(record) + evidence
        # 人事 of …人事要写方案 is who asks (the plan's 人事师训科), not a topic the task lacks
        offices = self.office_forms[record.doc]
        caveat = [t.word for t in terms if t.word in missing and self._distinctive(t)
                  and not any(t.word in form for form in offices)]
        return Hit(record, score, evidence, dense=dense, coverage=coverage, missing=missing, caveat=caveat,
                   detail_missing=detail_missing, detail_given=detail_given)

    @staticmethod
    def _title_gives(record: Record, folded: list[str], terms: list[Term], detail: Detail, holder: int | None) -> bool:
        """Whether the task's title gives the asked value of the asked object by itself, and no body sentence does as
        well without the title's help (the body sentence found may hold a figure of something else, read as the
        title's subject)."""
        if detail.kind in ("members", "date") or not detail.pattern.search(title := fold(record.title)):
            return False
        # every word of the question the task holds is the title's: the title is about what is asked
        held = [t for t in terms if t.weight > 0 and (t.found_in(title) or any(t.found_in(f) for f in folded))]
        if not held or not all(t.found_in(title) for t in held) \
                or detail_sentence("", [title], terms, detail, DETAIL_SHARE) is None:
            return False
        return holder is None or detail_sentence("", folded[holder:holder + 1], terms, detail, DETAIL_SHARE) is None \
            or share(terms, title) > share(terms, folded[holder])

    def _left_out(self, q: Question) -> tuple[str, ...]:
        """The words of what the question leaves out (特岗不算, 别把校长老师算进去) with the plan words that stand
        for them (老师: 教师 …)."""
        table = synonyms()
        words = [w for part in q.left_out for w in self.tokenizer.tokens(part, hmm=False) if len(w) >= 2]
        return tuple(dict.fromkeys(a for w in words for a in table.get(w, (w,))))

    def _detail_holder(self, record: Record, chunk_ids: list[int], folded: list[str], terms: list[Term],
                       detail: Detail, q: Question) -> int | None:
        """The sentence of the record that gives the asked value, or None."""
        holder, deadline = None, asks_deadline(q.folded, detail)
        if deadline:
            # 师德标兵评选 deadline是哪天: the task's own 完成时限 line is its deadline, naming nothing else, and
            # it wins over a date-like figure of the body (学前三年毛入园率 is no date)
            # and says when even without a date (全年, 持续推进: the plan's own answer to 啥时候完成)
            holder = next((j for j, c in enumerate(chunk_ids) if self.index.chunks[c].field in TIME_FIELDS
                           and folded[j].strip()), None)
        if holder is None and not (deadline and record.doc in self.dated_docs):
            # in a plan printing a 完成时限 for its tasks, a task left without one has none (每学期 is no
            # deadline); elsewhere the body may say when (2020年底前完成)
            holder = detail_sentence(fold(record.title), folded, terms, detail, DETAIL_SHARE, self._left_out(q))
        if holder is None and detail.kind == "date" and detail.label == "时间":
            # 那条 谁负责 啥时候: when the body names no date for it, the task's own 完成时限 line says when, also
            # without a date (全年, 持续推进: the plan's own answer)
            holder = next((j for j, c in enumerate(chunk_ids) if self.index.chunks[c].field in TIME_FIELDS
                           and folded[j].strip()), None)
        return holder


def _named_figures(q: Question, detail: Detail | None):
    """The figures the question names a task by, without the one it asks to confirm."""
    return named_figures(q.folded, detail.stated if detail else "")


def _verbatim(topic: str, text: str) -> int:
    """The length of the longest run of the question's words that `text` prints as typed."""
    topic, text = re.sub(r"\s+", "", topic), re.sub(r"\s+", "", fold(text))
    return SequenceMatcher(None, topic, text, autojunk=False).find_longest_match(0, len(topic), 0, len(text)).size


def _counts_the_asked(terms: list[Term], text: str, measure: str) -> bool:
    """`text` counts a thing the question names with the asked measure word, the number right beside the name
    (幼儿园 17 所, 17所幼儿园)."""
    names = {w for t in terms if t.weight > 0 and not t.guess for w in (*t.alternatives, *t.slips) if len(w) >= 2}
    return any(re.search(rf"{re.escape(w)}\s*{_COUNT}\s*{re.escape(measure)}|{_COUNT}\s*{re.escape(measure)}\s*"
                         rf"{re.escape(w)}", text) for w in names)


def _topic_share(terms: list[Term], valued: list[str], text: str) -> float:
    """The share of the question's topic that `text` holds. A word naming the value asked (经费, 名额, 达标率) counts
    for a task that holds it, never against one that lacks it; so does a period word (年底, 每月, 一年), which says
    when or how often, not what about."""
    return share([t for t in terms if (t.word not in valued and not is_period_word(t.word)) or t.found_in(text)]
                 or terms, text)


_PERSON_LABEL = re.compile(r"领导|责任人|联系人|分管局长")
_PROBLEM_FIELD = re.compile(r"问题描述|存在问题|主要问题|问题短板|短板弱项|问题清单|现状问题")  # a task's stated problems


def _names_a_person(record: Record) -> bool:
    """Whether the task names the person it hangs on: a field (分管领导 | 张伟), a label (牵头领导：刘振华), a bracket."""
    return any(_PERSON_LABEL.search(name) for name in record.fields) or any(
        _PERSON_LABEL.search(label) for label in record.office_labels.values()) or bool(
        re.search(r"(?:领导|责任人|联系人)\s*[:：]", record.text))


def _printed_empty(record: Record) -> bool:
    """Whether the task prints a cooperating or responsible label with no office after it (配合科室 | 无): the plan
    answers 配合科室是哪些 with none, which is an answer, not a missing part."""
    return bool({RESPONSIBLE, COOPERATING} & record.office_labels.keys())


def _quote_words(terms: list[Term]) -> str:
    """The words a refusal names, each in quotes; a piece of another named word is not a word of its own (离退 beside
    离退休 reads as if the plan lacked two things)."""
    words = [t.word for t in terms]
    return "“" + "”“".join(w for w in words if not any(w != o and w in o for o in words)) + "”"


def _part_of_found(word: str, words: list[str], found: list[str], strict: bool = False) -> bool:
    """jieba's search mode cuts 评职称 into 评职, 职称 and 评职称; when 职称 is found, neither 评职 nor 评职称 is a
    missing topic. Likewise 龙舟赛 is covered when 龙舟 is there. `strict`, for what the caveat names as missing from
    the cited task: 家庭 does not cover 单亲家庭; the found parts must leave at most one character uncovered. The
    elsewhere rule is not strict: 廉政 found answers 党风廉政 (two topics side by side)."""
    def covered(longer: str) -> bool:  # leniently, when found parts hold at least half its characters (计划 alone
        # does not cover 童语同音计划, a programme only another city runs; 特岗 and 教师 cover 特岗教师计划)
        if strict:
            return _covered(longer, found)
        named = [f for f in found if not _COUNT_OPENING.fullmatch(f)]  # 十项 found alone says nothing of 十项严禁
        return _held_share(longer, found) * 2 >= len(longer) > 0 and not _counted_name(longer, named)
    if covered(word):
        return True
    # a piece of a covered longer word is covered (评职 of 评职称, 职称 found; 锻炼 of 体育锻炼, 体育 found), but not a
    # compound of three or more characters the found parts do not reach into (茶文化 of 茶文化进校园, 进校园 found:
    # the asked 茶文化 is a topic of its own, still missing)
    # (nor a two-character piece opening it that the found parts do not reach: 冰雪 of 冰雪运动进校园, 运动进校园 found,
    # names which sport; 锻炼 closing 体育锻炼, 体育 found, does not)
    return any(word in longer and covered(longer) and (
        (len(word) < 3 and not longer.startswith(word)) or _reaches_into(longer, word, found))
               for longer in words if longer != word)


def _reaches_into(longer: str, piece: str, found: list[str]) -> bool:
    held = _held_positions(longer, found)
    start = longer.find(piece)
    return any(held[start:start + len(piece)])


# a character closing a word that makes a place or building of an activity (游泳池 is no 游泳, 体育馆 no 体育), or a
# thing one hands out (学生奶 is no 学生, 直饮水 no 饮水, 学生卡, 饭票, 证): left uncovered, it is another thing, not a
# suffix (教研室 is where 教研 is done, 龙舟赛 is 龙舟)
_FACILITY_END = "池馆场房楼厅奶水卡票证角廊墙栏亭屋"
_JOINTLY = re.compile(r"一起|共同|联合|同时|一块|一道|都(?:牵头|挑头|参与|配合|负责|有份)|都是.{0,6}的")
_LONE = re.compile(r"[\u4e00-\u9fff]")
# characters that stand alone in a question as grammar or asking, never half of a thing's name
_LONE_FUNCTION = frozenset("的了和与及或是在对为把被将从由等中上下里这那哪几谁吗呢吧啊呀么要有会能还也都又就并而其之所该各项条个"
                           "说讲给跟让叫去来到很最更太没不多少每啥咋嘛哈呗啦哦嗯呃看找查问管搞整弄做办写提定列算比想过着好完"
                           "科股处室部门")  # 哪个股室: who is asked, no thing


# 十项严禁, 三项制度, 四种形态: a count opening a name makes a set of its own; 严禁 found elsewhere is not it
_COUNT_OPENING = re.compile(r"[一二两三四五六七八九十百千]+[项大条个种类化好张有]")


def _counted_name(word: str, found: list[str]) -> bool:
    """Whether what the found parts leave of `word` is only the count opening it (十项 of 十项严禁)."""
    held = _held_positions(word, found)
    rest = len(held) - held[::-1].index(True) if True in held else 0
    start = held.index(True) if True in held else len(word)
    return start > 0 and all(held[start:rest]) and rest == len(word) and bool(_COUNT_OPENING.fullmatch(word[:start]))


_GENERIC = tuple(w for w in STOPWORDS if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w))


def _covered(word: str, found: list[str]) -> bool:
    held = _held_share(word, found)
    if held == len(word) - 1 and word[-1] in _FACILITY_END and not any(part.endswith(word[-1]) for part in found):
        return False
    return len(word) - held < 2 and held > 0


def _held_share(word: str, found: list[str]) -> int:
    """How many of `word`'s characters the found words hold."""
    return _held_positions(word, found).count(True)


def _held_positions(word: str, found: list[str]) -> list[bool]:
    held = [False] * len(word)
    for part in found:
        start = word.find(part)
        while part and start >= 0:
            held[start:start + len(part)] = [True] * len(part)
            start = word.find(part, start + 1)
    return held


def _idf(records: int, holding: int) -> float:
    """BM25's IDF of a word that `holding` of `records` records hold."""
    return math.log(1 + (records - holding + 0.5) / (holding + 0.5))


def _fuse(dense: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    if len(dense) == 0:
        return dense
    spread = float(dense.max() - dense.min())
    dense_n = (dense - dense.min()) / spread if spread > 1e-9 else np.ones_like(dense)
    top = float(lexical.max())
    lexical_n = lexical / top if top > 1e-9 else np.zeros_like(lexical)
    return DENSE_WEIGHT * dense_n + (1 - DENSE_WEIGHT) * lexical_n
