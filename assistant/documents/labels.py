"""The words that introduce an office list, and the role each gives the offices after it.

Bureaus write the same three roles many ways: 牵头科室 / 牵头单位 / 牵头处室 / 牵头部门 / 牵头领导 / 主责 (lead),
责任科室 / 责任单位 / 责任处室 / 责任部门 (responsible), 配合 / 协办 / 参与 + 单位 / 科室 / 处室 / 部门, and 协同
(cooperating). A label is followed by a colon (`牵头科室：`, `牵头科室(单位):`) or printed in lenticular brackets
(`【牵头处室】`, `【牵头】`); a whole list may sit in parentheses or lenticular brackets at the end of a paragraph or right after
a task's title (`（牵头科室：组干科；责任科室：宣传科）`). The label is kept as printed, so a user sees the plan's own word.

Patterns here run on the folded (Simplified) view; offsets carry over to the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import SourceLine, fold, rebuilt_line

LEAD, RESPONSIBLE, COOPERATING = "lead", "responsible", "cooperating"
DEADLINE = "deadline"  # not a role: a bracket after an office list holding only a date (（2025年9月底前）)
ROLES = (LEAD, RESPONSIBLE, COOPERATING)
ROLE_NAMES = {LEAD: "牵头", RESPONSIBLE: "责任", COOPERATING: "配合"}  # how the outline names a role

_UNIT = r"(?:科室|单位|处室|部门|股室)"
# 主责 and 协同 are also label words on their own; every other word needs its unit (牵头 alone is a verb). 主办科室
# and 承办股室 lead as 协办科室 cooperates (主办 and 承办 alone are an event's host).
_WORD = (rf"(?:牵头(?:{_UNIT}|领导)|主责{_UNIT}?|(?:主办|承办){_UNIT}|责任{_UNIT}|(?:配合|协办|协助|参与){_UNIT}|协同{_UNIT}?)"
         r"(?:\s*[（(]\s*(?:单位|科室|处室|部门)\s*[)）])?")
OFFICE_LABEL_WORD = _WORD  # 牵头科室, 配合单位 (单位): a label word, without the colon after it
_ROLE_OF_WORD = {"牵头": LEAD, "主责": LEAD, "主办": LEAD, "承办": LEAD, "责任": RESPONSIBLE, "配合": COOPERATING, "协办": COOPERATING,
                 "协助": COOPERATING, "参与": COOPERATING, "协同": COOPERATING}

# The bare verbs (牵头：, 配合：) are labels only where nothing but a label can stand: at the start of a line, right
# after an opening bracket, after the separator that ends the previous list (`（牵头：基教科；配合：计财科）`) or after
# the sentence that ends the task's body (`…。牵头：教研室；配合：各中小学。`).
_BARE = r"(?:(?<=^)|(?<=[（(【\s；;，,。—]|[★☆◎]))(?:牵头|责任|配合|协办|参与)"  # ★牵头：X　☆配合：Y (a legend says so)
# A label as it opens an office list inside a line: `牵头科室：`, `责任科室 (单位):`, `【协办单位】`.
OFFICE_LABEL = re.compile(rf"(?P<role>{_WORD}|{_BARE})\s*[:：]|【\s*(?P<role2>{_WORD}|牵头|责任|配合|协办|参与)\s*】")
# A table column header that names offices: 牵头单位, 责任单位（配合单位）, 配合科室.
_HEADER = re.compile(rf"^\s*{_WORD}")
# An opening bracket whose content starts with a label: the start of an inline office list.
# Labels of the person a plan hangs a task on (责任领导：张立新): a field of the task, never an office's role
PERSON_LABELS = ("分管领导", "分管局领导", "责任领导", "责任人", "联系人")
# (分管领导：张伟；牵头处室：…): a person named first (no role) does not hide the list after it
# (【责任领导：张立新　牵头科室：…】): the person's name may end at a space as well as at a semicolon
_PERSON_FIRST = rf"(?:(?:{'|'.join(PERSON_LABELS)})\s*[:：][^；;（）()【】]{{1,20}}?(?:[；;]|\s)\s*)?"
_INLINE_OPEN = re.compile(rf"[（(【]\s*(?={_PERSON_FIRST}(?:{_WORD}|(?:牵头|责任|配合|协办|参与))\s*[:：])")


def role_of(label: str) -> str:
    """牵头科室 -> lead, 主责 -> lead, 责任单位 -> responsible, 协同 / 配合科室 -> cooperating."""
    return _ROLE_OF_WORD.get(label.strip().lstrip("【")[:2], RESPONSIBLE)


def header_role(header: str) -> str | None:
    """The role of a table column named `header` (folded), or None when it is not an office column."""
    # a bare role word heads a column under a merged 责任单位 (牵头 | 配合 on the header's second row)
    bare = header.strip() in ("牵头", "主责", "责任", "配合", "协办", "协助", "参与", "协同")
    return role_of(header) if bare or _HEADER.match(header) else None


@dataclass(frozen=True)
class Group:
    """One labelled list inside a line: `label` and `names` are offsets into the line (folded = original)."""

    role: str
    label: tuple[int, int]
    names: tuple[int, int]


@dataclass(frozen=True)
class Bracket:
    """An inline office list in parentheses: its whole span (brackets included) and its labelled groups."""

    start: int
    end: int
    groups: tuple[Group, ...]


def label_groups(text: str, start: int = 0, end: int | None = None) -> list[Group]:
    """The labelled lists in `text[start:end]`: each runs from its label to the next label (or the end)."""
    end = len(text) if end is None else end
    found = list(OFFICE_LABEL.finditer(text, start, end))
    groups = []
    for i, m in enumerate(found):
        name = "role" if m.group("role") else "role2"
        stop = found[i + 1].start() if i + 1 < len(found) else end
        groups.append(Group(role_of(m.group(name)), m.span(name), (m.end(), stop)))
    return groups


# An office list in plain words, in brackets at the end of a paragraph: （基础教育科牵头，计划财务科、督导室配合）,
# （由人事科负责）, （办公室牵头，各科室按职责分工负责）. Each clause is names and the verb that gives their role.
_SPOKEN_ROLE = {"牵头": LEAD, "负责": RESPONSIBLE, "配合": COOPERATING, "协助": COOPERATING, "参与": COOPERATING,
                "协同": COOPERATING, "协办": COOPERATING}
_SPOKEN_CLAUSE = re.compile(r"\s*(?:由\s*)?(?P<names>[^，,；;]+?)\s*(?:按职责分工|按职责|分别|共同|具体)?"
                            r"(?P<verb>牵头|负责|配合|协助|参与|协同|协办)\s*")
_OFFICE_END = re.compile(r"(?:科|室|办|中心|局|校|学校|大学|院|所|站|馆|队|委|组|部|处|股|园|单位|科室|部门|机构)$")
_LAST_BRACKET = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]*[)）])+)[)）]\s*[。；;]?\s*$")
_FIRST_BEFORE_STOP = re.compile(r"^[^（(。]*[（(]((?:[^（）()]|[（(][^（）()]*[)）])+)[)）](?=\s*。)")  # the title's bracket
_BEFORE_LAST_STOP = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]*[)）])+)[)）](?=\s*[。；;]\s*$)")


def spoken_roles(text: str, pos: int = 0) -> list[Group] | None:
    """`text` read as an office list in plain words (基础教育科牵头，计划财务科、督导室配合 / 由人事科负责), its
    groups' offsets shifted by `pos`; None unless every clause is office names and the verb giving their role."""
    groups = []
    for clause in re.finditer(r"[^，,；;]+", text):
        c = _SPOKEN_CLAUSE.fullmatch(clause.group(0))
        if not c or not _all_offices(c.group("names")):
            return None
        start = pos + clause.start()
        groups.append(Group(_SPOKEN_ROLE[c.group("verb")], (start + c.start("verb"), start + c.end("verb")),
                            (start + c.start("names"), start + c.end("names"))))
    return groups or None


# Offices named in the body itself, in a sentence that begins with 由: …，由基础教育科牵头，人事科、计财科配合落实。 /
# 此项工作由安全股负责，各乡镇中心学校协助。 The verb printed is the label.
_BY_CLAUSE = re.compile(r"由(?P<names>[^，,。；;：:由]{2,60}?)\s*(?:共同|具体|统一)?(?P<verb>牵头|负责)"
                        r"(?:落实|实施|推进|组织实施|组织)?(?=[，,。；;]|$)")
_THEN_CLAUSE = re.compile(r"[，,]\s*(?P<names>[^，,。；;：:]{2,60}?)\s*(?:共同|具体|积极)?"
                          r"(?P<verb>配合|协助|参与|协同|协办|负责)(?:落实|实施|推进)?(?=[，,。；;]|$)")


_INSERT = re.compile(r"[（(][^（）()]*[)）]")  # 各县（市、区）教育局: read without its bracket


def is_office_name(name: str) -> bool:
    """办公室, 区教研院, 安全管理科: a name ending as an office's does (a header cell of a responsibility matrix)."""
    return bool(_OFFICE_END.search(_INSERT.sub("", name).strip()))


def spoken_role(word: str) -> str | None:
    """牵头 / 牵头科室 -> lead, 配合 / 参与单位 -> cooperating, 负责 / 责任科室 -> responsible; None for anything else."""
    word = word.strip()
    if word[:2] in _SPOKEN_ROLE:
        return _SPOKEN_ROLE[word[:2]]
    return {"主责": LEAD, "责任": RESPONSIBLE, "协同": COOPERATING}.get(word[:2])


def _all_offices(names: str) -> bool:
    """Every name of a list is an office's: 各县（市、区）教育局 is one name, its bracket read out before splitting."""
    return all(is_office_name(n) for n in re.split(r"[、]", _INSERT.sub("", names)) if n.strip())


def sentence_roles(text: str) -> list[Group]:
    """The offices a task names in its own sentences (由X牵头，Y、Z配合落实), for a plan that prints no office lists."""
    groups = []
    for m in _BY_CLAUSE.finditer(text):
        if not _all_offices(m.group("names")):
            continue
        groups.append(Group(_SPOKEN_ROLE[m.group("verb")], m.span("verb"), m.span("names")))
        pos = m.end()
        while (then := _THEN_CLAUSE.match(text, pos)) and _all_offices(then.group("names")):
            groups.append(Group(_SPOKEN_ROLE[then.group("verb")], then.span("verb"), then.span("names")))
            pos = then.end()
    if not groups and (last := _LAST_SENTENCE.search(text)):
        # the task's last sentence is its office list alone, with no 由 (基础教育科牵头，市教育考试院配合。 / 办公室负责。)
        groups = spoken_roles(last.group(1), last.start(1)) or []
    return groups


_LAST_SENTENCE = re.compile(r"(?:^|[。；;！!\n])\s*([^。；;！!\n]+?)\s*[。；;！!]?\s*$")


def spoken_bracket(text: str) -> Bracket | None:
    """The office list in plain words closing a paragraph (before or after its last 。), or closing its title
    (`3.推进集团化办学（基础教育科牵头，督导室配合）。新组建…`), or None."""
    for m in (_LAST_BRACKET.search(text), _BEFORE_LAST_STOP.search(text), _FIRST_BEFORE_STOP.search(text)):
        if m and (groups := spoken_roles(m.group(1), m.start(1))):
            return Bracket(m.start(1) - 1, m.end(1) + 1, tuple(groups))
    return None


def _closes_a_list(text: str, start: int) -> bool:
    """Whether the bracket at `start` closes a labelled list on its line (责任股室：德育股、县教师进修学校（德育股牵头）):
    it is that list's mark of its lead, read with the list, not an office list of its own."""
    labels = list(OFFICE_LABEL.finditer(text, 0, start))
    return bool(labels) and not re.search(r"[。；;！!]", text[labels[-1].end():start])


def inline_brackets(text: str) -> list[Bracket]:
    """Parenthesised office lists in a line, nested parentheses inside a name (`各县（市、区）教育局`) included, and
    one in plain words closing the paragraph (`spoken_bracket`).

    A bracket left unclosed at the end of the line ends there, so its last office never keeps a stray bracket.
    """
    out = [front] if (front := front_bracket(text)) else []
    pos = front.end if front else 0
    while m := _INLINE_OPEN.search(text, pos):
        depth, i = 0, m.start()
        while i < len(text):
            if text[i] in "（(【":
                depth += 1
            elif text[i] in "）)】":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        close = min(i, len(text))
        out.append(Bracket(m.start(), min(close + 1, len(text)), tuple(label_groups(text, m.end(), close))))
        pos = close + 1
    if not out and (spoken := spoken_bracket(text)) and not _closes_a_list(text, spoken.start):
        out.append(spoken)
    if dashed := dash_list(text, out):
        out = sorted([*out, *dashed], key=lambda b: b.start)
    if not out and (mentioned := mention_list(text)):
        out = mentioned
    return out


# Offices mentioned at the end of a task's line in a collaborative document (飞书, 钉钉, 腾讯文档): …。 @基础教育科（牵头）
# @督导室（配合） @人事科 📅 2025-09-30. The mark after a name gives its role (none: responsible); a person mentioned
# after 分管： is no office; a date chip (📅) or 截止： closes the line with the deadline.
_MENTION = re.compile(r"[@＠](?P<name>[^\s@＠（()）]+)(?:[（(](?P<mark>牵头|配合|协办|协助|参与|责任)[)）])?")
_PERSON_MENTION = re.compile(r"(?:分管|联系人|责任人)(?:领导)?\s*[:：]\s*[@＠][^\s@＠]+")
_MENTION_DATE = re.compile(r"(?:📅\s*|截止\s*[:：]\s*)(?P<date>[^\s@＠]+)\s*$")
_MENTIONED = re.compile(rf"{_PERSON_MENTION.pattern}|{_MENTION.pattern}")
_MARK_ROLE = {"牵头": LEAD, "配合": COOPERATING, "协办": COOPERATING, "协助": COOPERATING, "参与": COOPERATING,
              "责任": RESPONSIBLE}


def mention_list(text: str) -> list[Bracket]:
    """The mentioned offices closing the line (and its deadline) as brackets, or [] when the line does not end with
    mentions after its body's last stop (or open with them, continuing the line before)."""
    end = len(text.rstrip())
    groups: list[Group] = []
    date = _MENTION_DATE.search(text[:end])
    if date:
        groups.append(Group(DEADLINE, (date.start(), date.start()), date.span("date")))
        end = len(text[:date.start()].rstrip())
    # walk back over the mentions and persons closing the line, spaces between them or none (@A（配合）@B（配合）)
    start, mentions = end, []
    for m in reversed(list(_MENTIONED.finditer(text, 0, end))):
        if text[m.end():start].strip():
            break
        start = m.start()
        if m.group("name"):  # not a person after 分管：
            mentions.append(m)
    before = text[:start].rstrip()
    if not mentions or (before and not before.endswith(("。", "；", ";", "！"))):
        return []
    for mention in reversed(mentions):
        name = mention.group("name")
        if not is_office_name(name) and len(name) <= 3:  # @郑国华: a person (a mention names a unit or a person)
            return []
        mark = mention.group("mark")
        label = mention.span("mark") if mark else (mention.start(), mention.start())
        groups.append(Group(_MARK_ROLE[mark] if mark else RESPONSIBLE, label, mention.span("name")))
    return [Bracket(start, len(text.rstrip()), tuple(sorted(groups, key=lambda g: g.names[0])))]


# An office list after a dash closing the paragraph: …。——办公室、组织人事科 / …。——基础教育科牵头，督导室配合, maybe
# followed by brackets of its own (（配合科室：无）, （2025年9月底前）). Bare names carry no role word: they are the
# responsible offices, as a plain 责任单位 list is; the plan's preamble says what its dash lists are.
_DASH = "——"
_DATE_TEXT = r"\s*(?:20\d\d\s*年)?[^（）()，,；;]{0,12}?(?:月|季度|年底|年内)[^（）()，,；;]{0,8}?"  # 2025年9月底前
_DATED = re.compile(rf"[（(]{_DATE_TEXT}[)）]")


# An office list in square brackets opening the task's line, before its number: [基础教育科牵头，督导室配合]5.title。
# / [党建办]1.… / [校外培训监管科牵头；配合：无]7.… / [X牵头，Y配合；2026年8月底前]8.…
FRONT_BRACKET = re.compile(r"^[\[［]([^\[\]［］]{2,80})[\]］]\s*")
_DATE_PART = re.compile(rf"^{_DATE_TEXT}$")


def front_bracket(text: str) -> Bracket | None:
    """The office list in square brackets at the start of `text`, or None when it holds anything but offices."""
    m = FRONT_BRACKET.match(text)
    if not m:
        return None
    groups: list[Group] = []
    for part in re.finditer(r"[^；;]+", m.group(1)):
        start, end = m.start(1) + part.start(), m.start(1) + part.end()
        piece = part.group(0)
        if _DATE_PART.match(piece):
            groups.append(Group(DEADLINE, (start, start), (start, end)))
        elif (labelled := label_groups(text, start, end)) and not text[start:labelled[0].label[0]].strip():
            groups.extend(labelled)
        elif (spoken := spoken_roles(piece, start)) is not None:
            groups.extend(spoken)
        elif _all_offices(piece.strip()):
            groups.append(Group(RESPONSIBLE, (start, start), (start, end)))
        else:
            return None
    return Bracket(0, m.end(1) + 1, tuple(groups)) if groups else None


def dash_list(text: str, found: list[Bracket]) -> list[Bracket]:
    """The office list after the line's last dash (and a dated bracket after it) as brackets, or [] when what
    follows the dash is not office names (——以学前教育为例)."""
    start = text.rfind(_DASH)
    # …建设——打造品牌 is prose; a dash opening the line follows the body ended on the line before
    if start < 0 or (text[:start].strip() and not text[:start].rstrip().endswith(("。", "；", ";", "！"))):
        return []
    names_at, end = start + len(_DASH), len(text.rstrip(" 。；;\u3000"))
    dated = []
    while True:  # brackets closing the line: an office bracket already found, or a date
        tail = text[:end].rstrip(" 。；;\u3000")
        if (b := next((b for b in found if b.end == len(tail) and b.start >= names_at), None)) is not None:
            end = b.start
        elif (m := _DATED.search(tail)) and m.end() == len(tail) and m.start() >= names_at:
            date = Group(DEADLINE, (m.start(), m.start()), (m.start() + 1, m.end() - 1))
            dated.append(Bracket(m.start(), m.end(), (date,)))
            end = m.start()
        else:
            end = len(tail)
            break
    names = text[names_at:end]
    if not names.strip() or any(b.start < end and b.end > names_at for b in found):
        return []
    labelled = label_groups(text, names_at, end)  # ——牵头：基教股；配合：计财股；时限：2024年8月底前
    groups = labelled if labelled and not text[names_at:labelled[0].label[0]].strip() else spoken_roles(names, names_at)
    if groups is None and _all_offices(names.strip()):
        groups = [Group(RESPONSIBLE, (names_at, names_at), (names_at, end))]
    return [Bracket(start, end, tuple(groups)), *dated] if groups else []


def _left_open(text: str) -> bool:
    """Whether the last office list opened in `text` (`（牵头单位：…；配合单位：计财科、`) is still open at its end."""
    found = list(_INLINE_OPEN.finditer(text))
    if not found:
        return False
    depth = 0
    for ch in text[found[-1].start():]:
        depth += ch in "（(【"
        depth -= ch in "）)】"
    return depth > 0


_OPEN_TAIL = re.compile(r"[（(【][\u4e00-\u9fff]{0,4}$")


def _label_cut(text: str, following: str) -> bool:
    """Whether a typesetter broke the line inside the label of an office list (`…需求。（配` / `合股室：计财股）`)."""
    tail = _OPEN_TAIL.search(text.rstrip())
    return bool(tail) and bool(_INLINE_OPEN.match(tail.group(0) + following.strip()[:8]))


def join_open_lists(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with an office list in brackets that wraps onto the next line(s) put back on one line, so its last
    offices are not read as body text (`（牵头单位：…；配合单位：基础教育科、` / `各县（区）教育局）`)."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _left_open(line.folded) or (i + 1 < len(lines) and _label_cut(line.folded, lines[i + 1].folded)):
            text, j = line.text.rstrip(), i + 1
            if not _left_open(line.folded):  # cut inside the label: the next line completes it
                text, j = text + lines[j].text.strip(), j + 1
            while j < len(lines) and j - i <= 3 and not lines[j].blank and _left_open(fold(text)):
                text += lines[j].text.strip()
                j += 1
            if not _left_open(fold(text)):
                out.append(rebuilt_line(line.no, text))
                i = j
                continue
        out.append(line)
        i += 1
    return out


_CUT_TAIL = re.compile(r"[；;]\s*([\u4e00-\u9fff]{1,4})\s*$")
_WHOLE_LABEL = re.compile(rf"(?:{_WORD}|{_BARE}|完成时限|完成时间|时间节点|时限)\s*[:：]")


def join_cut_labels(lines: list[SourceLine]) -> list[SourceLine]:
    """An office line a typesetter broke inside its next label (`…配合科室：计划财务科、基建装备科；完成` /
    `时限：2025年8月底前`) put back on one line, so the label is read whole and its first characters are no office."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and OFFICE_LABEL.search(line.folded) and (tail := _CUT_TAIL.search(line.folded)) \
                and _WHOLE_LABEL.match(tail.group(1) + lines[i + 1].folded.strip()):
            out.append(rebuilt_line(line.no, line.text.rstrip() + lines[i + 1].text.strip()))
            i += 2
            continue
        out.append(line)
        i += 1
    return out

