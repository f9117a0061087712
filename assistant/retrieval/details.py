"""The detail a question asks for (a count, an amount, a share, a date) and the clause of a task that gives it.

A wrong figure is the worst answer the assistant can give: asked how many 冰雪特色学校, quoting the task's
足球特色学校 figure would be pasted into a report. So a figure is quoted only from a clause that holds a number of the
asked kind *and* names what was asked about; when no clause of the cited task does, the answer is `partial`: the
task is cited as the place the topic appears, and the missing detail is named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..documents.normalize import with_inserts_read
from .slips import sounds
from .terms import Term

_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万亿]+)"
# A count is a number not read as an ordinal (第35个教师节 counts nothing) nor as a point of a list (二是加强教师补充)
# 千人书法展演, 百日攻坚, 万人: a lone 百 / 千 / 万 / 亿 is a word's, not a figure (a plan prints 1000人)
_CARDINAL = (rf"(?<![第\d.一二两三四五六七八九十百千万亿])(?<!第\s)(?![百千万亿](?![一二两三四五六七八九十百千万亿\d])){_NUM}"
             rf"(?:\s*[十百千万亿]+)?"  # 130万人次, 1.1 万人; 第 24 届
             r"(?![一二两三四五六七八九十百千万亿\d]*是)(?:余|多)?")  # 200余场次, 30多所: about that many
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE = re.compile(r"(?:[^，,；;。！？!?：:\n]|(?<=\d)[：:](?=\d))+")  # 4：6 is a ratio inside its clause
_QUESTION_CLAUSE = re.compile(r"[^，,；;。！？!?：:\s]+")
# 几个 is said of anything counted: 250名, 12个, 3所 all answer it
_ANY_MEASURE = "个|所|名|人|项|家|次|条|类|种|支|门|间|座|场|台|套|本|位|处|期|届|万|亿"


@dataclass(frozen=True)
class Detail:
    kind: str  # count / ordinal / amount / share / date / multiple / name / place
    label: str  # how the answer names what is missing: 数量, 金额, 比例, 时间, 名称, 地点
    pattern: re.Pattern  # a value of that kind inside a clause
    asked_in: str = ""  # the clause of the question that asks it: its words name the object (教室照明 改多少间)
    counted: str = ""  # for a count, what follows the asking word in that clause: the thing counted (多少新型农民)
    given: tuple[str, ...] = ()  # numbers the question states itself: never its answer (那130个项目，瑞安分到几个)
    # what another clause asks besides (配多少台、花多少钱; 几所 在哪个县): each part is answered or named missing
    also: tuple["Detail", ...] = ()
    stated: str = ""  # a figure stated to be confirmed (规划资金是10.6亿对吧): no word of it names the asked object


# a year is a point in time when written in full (2020年, 二〇二〇年); 九年义务教育 and 三年行动 are spans
# (三年(2018-2020)培训计划, printed 20182020 in a plan: a range of years needs no 年)
_YEAR_POINT = r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|(?<!\d)(?:19|20)\d{2}\s*[-—–－~～至到]?\s*(?:19|20)\d{2}(?!\d)"
# a day or a month is numbered up to 31 (百日攻坚 names no day)
_DAY_OR_MONTH = r"(?<![\d百千万])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月|日|号)"
_NOT_ANNIVERSARY = r"(?<!周)(?<!周\s)"  # 建党100周年中小学生…: 年中 there is no time of the year
_DATE = Detail("date", "时间", re.compile(
    rf"{_YEAR_POINT}|{_DAY_OR_MONTH}|{_NOT_ANNIVERSARY}(?:年底|年内|年前|年中)|上半年|下半年|季度|春季|秋季|暑期|寒假|暑假|学期|月底|月份"))
# A question for the day or the month is not answered by a year alone
_DAY_ASKS = {"哪天", "哪一天", "哪几天", "哪些天", "几号", "几点", "日期"}
_DAY = Detail("date", "具体时间", re.compile(rf"(?<![\d百千万])(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*(?:日|号|点)|月底|月初|月中|上旬|中旬|下旬"))
_MONTH_ASKS = {"几月", "哪几个月", "哪个月"}
_MONTH = Detail("date", "时间", re.compile(
    rf"{_DAY_OR_MONTH}|{_NOT_ANNIVERSARY}(?:年底|年中)|上半年|下半年|季度|春季|秋季|暑期|寒假|暑假|学期|月底|月份"))
# how long something lasts (每学年劳动至少安排多久: 一周), not when
_DURATION = Detail("duration", "时长", re.compile(
    rf"{_NUM}\s*(?:个)?\s*(?:周|星期|天|日|个月|小时|学时|课时|分钟|学期)(?!前|底|初)|半天|半年|全天|整天"))
# how often (集中政治学习多久一次): 每月至少组织1次, 每学期, 一年一次, 定期 answer; a date does not
_FREQUENCY = Detail("frequency", "频次", re.compile(
    rf"每\s*(?:{_NUM}|半)?\s*个?\s*(?:年|月|周|星期|天|日|学期|学年|季度|季)|{_NUM}\s*个?\s*(?:年|月|周|学期)\s*(?:一|1)\s*次|定期"))
_AMOUNT = Detail("amount", "金额", re.compile(rf"{_NUM}\s*(?:万|亿|千)?\s*元"))
# 职普招生结构比不低于4：6: a ratio of two parts is a share too
_SHARE = Detail("share", "比例", re.compile(rf"{_NUM}\s*(?:%|％|‰|成|个?百分点)|[百千万]分之|全覆盖|全部|100%|"
                                          r"(?<![\d:：])\d{1,2}\s*[：:]\s*\d{1,2}(?![\d:：])"))
_MULTIPLE = Detail("multiple", "倍数", re.compile(rf"{_NUM}\s*倍"))
# A name is answered by what the plan prints as one: a quoted or titled phrase (“溫心健康”守護聯盟, 《…实施意见》).
# 加快3所特殊教育学校建设 names no school, so 那3所特教学校叫啥 is partial.
_NAME = Detail("name", "名称", re.compile(r"“[^”]+”|\"[^\"]+\"|《[^》]+》|「[^」]+」|『[^』]+』|‘[^’]+’"))

# 那3所未来学校是哪几所: the number is known, the names are asked; a list of named schools answers (雨花实验中学、
# 长兴中学), 建设未来学校3所 does not
_WHICH_NAMED = re.compile(r"(?:是|都是|分别是|具体是)?哪(?:几|些|两|[三四五六七八九十])(?:所|个|家)"
                          r"(?=学校|幼儿园|中学|小学|高中|高校|大学|学院|$|[？?。！!，,\s呢啊])")
_STATED_COUNT = re.compile(r"\d+\s*(?:所|个|家)")  # 那3所未来学校: how many is known (21年 is a year)
_NAMED_LIST = Detail("name", "名称", re.compile(
    r"[\u4e00-\u9fff]{2,12}(?:中学|小学|学校|幼儿园|大学|学院|高中|职中|中专)(?:[、和及]|等)"))

# 三张名片 指啥, 是哪四好, 六大项目共同体是哪六个: the question says there are several and asks what they are. A
# clause listing members answers when it is the one counting them (做优基础教育、做强职业教育、做亮素质教育，打造达州
# 教育三张名片; “A，B”“C”“D”三大品牌) or the one naming the asked thing (开展“好学生、好教师…”系列宣扬工作);
# 成立六大项目研究共同体 lists none, and a list two clauses off is about something else.
_SMALL_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_WHICH_N = re.compile(r"哪([两二三四五六七八九十])(?![年月日号点天周])")
_COUNTED_AS = r"(?:张|大|个|项|类|条|种|好|方面|件|样|化|有|结合|并举)"  # 三张名片, 六大工程, 四个一, 五育并举
_STATED_N = re.compile(rf"([两二三四五六七八九十])\s*{_COUNTED_AS}")
_MEMBERS_ASKED = re.compile(r"指啥|指什么|指的是|具体指|是啥|是什么|是哪些|有哪些|包括哪些|包括啥|都有啥|都是啥|分别是|哪几")
# 责任单位写的哪几个, 两个科一起牵头的那条是啥: the offices or the task are asked, not members
_OFFICES_ASKED = re.compile(r"科室|部门|单位|处室|股室|谁|哪个科|个科|牵头|挑头|配合|负责|lead", re.I)
# a clause, a quoted name in it kept whole though it holds a comma (“小我融入大我，青春献给祖国”)
_QUOTED_CLAUSE = re.compile(r"(?:“[^”]*”|[^，,；;。！？!?：:\n]|(?<=\d)[：:](?=\d))+")
_QUOTED = re.compile(r"“([^”]+)”")
MEMBERS_WORD_WEIGHT = 1.0  # idf: 机制 0.8 and 学校 0.4 are said of most tasks; 名片, 共同体 above 2
_DOCUMENT_COUNTED = re.compile(r"文件|办法|意见|方案|规划|制度|政策|规定|通知|标准")
_TITLED = re.compile(r"《[^《》]{2,60}》")
_MEMBER_MARK = re.compile(r"[、—+＋／/]")  # 三级网络(中心—学院—中心), 三防+隐患排查
_ONCE = r"(?:一|1)\s*[次回份期轮趟遍]"  # once, in a unit of times (一次, 一份 of a weekly menu, 一期, 一轮)
_CLAUSE_END = re.compile(r"[\s，,。；;？?！!：:]|$")


def _members_asked(question: str) -> tuple[Detail | None, int]:
    if asked := _WHICH_N.search(question):  # 三张名片是哪三张, 是哪四好 (四好 is no count the question states)
        stated = _STATED_N.search(question[:asked.start()])
    elif stated := _STATED_N.search(question):
        asked = _MEMBERS_ASKED.search(question, stated.end())
    if asked is None:
        return None, -1
    # 责任单位写的哪几个: offices asked up to the ask's clause; 七大机制 哪七个 谁牵头 asks both, one after the other
    if _OFFICES_ASKED.search(question[:_CLAUSE_END.search(question, asked.end()).start()]):
        return None, -1
    # 四种形态重点用哪几种 asks some of the four (第一、二种): a list of two answers 哪几 / 哪些; 指啥 and 哪三 ask all
    n = 2 if asked.group(0) in ("哪几", "是哪些", "有哪些", "包括哪些") else _SMALL_NUMBERS[(stated or asked).group(1)]
    # what is counted: the words between the number and the ask (三张名片 指啥 -> 名片), which the list must name
    # when it is not beside the plan's own count
    counted = question[stated.end():asked.start()] if stated else \
        question[asked.end():_CLAUSE_END.search(question, asked.end()).start()]  # 要出哪两个文件: 文件
    # the plan's own count may say it with another measure (那六个工程 of 六大安全工程)
    own = rf"(?<![一二两三四五六七八九十百第]){stated.group(1)}\s*{_COUNTED_AS}" if stated else r"(?!)"  # not 十九大
    return Detail("members", "名称", re.compile(own), counted=counted,
                  given=(str(n),)), asked.start()


def _member_count(clause: str) -> int:
    """How many members a clause lists: by 、 (and 三防+隐患排查), as quoted names, or inside one quoted name."""
    quoted = _QUOTED.findall(clause)
    bare = _QUOTED.sub("", clause)
    return max([len(quoted), len(_MEMBER_MARK.split(bare))]
               + [len(re.split(r"[、，,；;—]", q)) for q in quoted])


def _members_sentence(folded: list[str], present: list[Term], detail: Detail) -> int | None:
    need = min(int(detail.given[0]), 3)
    # away from the plan's own count, a list of a bigger count (九大示范 是哪九个) must be nearly as long: 坚持问题导向、
    # 综合改革、示范先行 is no list of the nine
    away = need if int(detail.given[0]) <= 4 else int(detail.given[0]) - 1
    if _DOCUMENT_COUNTED.search(detail.counted) and sum(len(_TITLED.findall(t)) for t in folded) >= need:
        # 要出哪两个文件: the documents a task names by their titles (《…》), one or more a sentence
        return next(i for i, text in enumerate(folded) if _TITLED.search(text))
    heaviest = max(present, key=lambda t: t.weight, default=None)
    # the heaviest word of what is counted (共同体 of 六大项目共同体, not 项目), and of the whole question
    counted = max((t for t in present if t.word in detail.counted), key=lambda t: t.weight, default=None)
    named = [t for t in (counted, heaviest) if t is not None]
    for i, text in enumerate(folded):
        parts = _QUOTED_CLAUSE.findall(text)
        for j, clause in enumerate(parts):
            if _member_count(clause) < need:
                continue
            near = " ".join(parts[max(0, j - 1): j + 2])
            if detail.pattern.search(near):
                return i
            # away from the plan's own count, a list must name the asked thing by a word that tells it apart: three
            # 信访 机制 are not the 七大机制 (机制, 学校 name nothing in particular)
            if _member_count(clause) >= away and any(
                    t.weight >= MEMBERS_WORD_WEIGHT and t.found_in(with_inserts_read(clause)) for t in named):
                return i
    return None


# A place is answered by a named county, district or town (达川区、开江县、大竹县各1所), not by 我市, 城区 or 山区
_PLACE = Detail("place", "地点", re.compile(
    r"(?<![各全本我该每这那])[\u4e00-\u9fff]{1,2}[^\W\d_园城山社景辖片地校郊灾牧矿林验范发护行心核能试新老市县乡各全本我小学湾库考厂营军教]"
    r"(?:县|区|镇|乡|街道)(?!级|域|间|内|外|教育|学校)"))

# Question forms, most specific first. A count names its measure word (几所 -> 所): the figure must carry it.
# the rule or procedure a thing goes by (按啥标准分, 申报流程, 报名条件, 联系电话): plans name the thing, seldom its
# rules; a task that prints none of these words does not give what is asked
# (a rule said with 按 gives it too: 按普通学校两倍核拨)
_PROCEDURE = Detail("procedure", "标准或程序", re.compile(r"标准|条件|程序|流程|细则|规则|电话|联系人|模板|表格|清单|"
                                                     r"按照?[^，,；;。\s]{2,}"))
_PROCEDURE_WORD = re.compile(r"标准|条件|流程|程序|步骤|细则|规则|电话|联系人|模板|表格|材料|清单")
_ASKS = [
    (re.compile(r"(?:按|用|依据|根据|凭)\s*(?:啥|什么|哪些|哪个|哪种)\s*(?:标准|条件|程序|流程|规则|细则)|"
                r"(?:评分|打分|评选|评审|认定|申报|申请|报名|准入|入选)(?:的)?(?:标准|条件|流程|程序|细则)(?:是)?(?:啥|什么|哪些|咋|怎么)|"
                r"(?:申报|申请|报名)(?:的)?(?:流程|程序|步骤)|联系电话|联系人是?谁|电话(?:是)?多少|(?:表格|模板)(?:在哪|哪里|有没有|有吗)|"
                r"(?:交|提交|报送|准备)(?:哪些|什么|啥)材料"), _PROCEDURE),
    # before the counts: 几个学校轮着用的那个办法叫啥 asks the 办法's name, not a number
    (re.compile(r"叫啥|叫什么|叫个啥|啥名|什么名|名字|名称|全称|具体指|指的是|是指什么|指啥"), _NAME),
    # where it is (建在哪, 落户哪个区县), not where in the plan (在哪条, 放在哪项)
    (re.compile(r"(?:建|落|落户|选址)在?(?:哪里|哪儿|什么地方|啥地方|哪(?![条项块些一]))|"
                r"(?:开|办|设|举办|举行)在(?:哪里|哪儿|什么地方|啥地方|哪(?![条项块些一]))|"
                r"哪(?:个|几个|些)(?:区县|县区|县|区|街道|乡镇|镇)|在哪(?:里|儿)?(?:开|办|建|举办|举行|落地|落户)|选址|"
                r"(?:去|到)(?:哪里|哪儿|哪(?![条项块些一]))(?:学|培训|跟岗|挂职|研学|交流|考察|参观)"), _PLACE),
    # 多久一份 (带量食谱), 多久一期, 多久一轮: once, counted in any unit of times
    # (多久专门给上头报一回: the verb and whom between them)
    (re.compile(rf"(?:多久|多长时间|多少时间|隔多久|多少天|几个月|几年)\S{{0,8}}?{_ONCE}|频次|频率|"
                # 是每季度一回吧: a remembered frequency to confirm asks how often
                rf"每\s*(?:年|月|周|星期|天|日|学期|学年|季度?)\s*(?:[一二两三四1-9])\s*[次回趟](?=\S{{0,3}}(?:吧|对吧|是吧|对不对)(?:[\s？?。！!]|$))"), _FREQUENCY),
    # 多久能建成 asks when it is done and 多长时间整治一次 how often (a date or a period answers), 至少安排多久 how long
    # it lasts
    (re.compile(rf"(?:多久|多长时间|多少时间)(?!\S{{0,6}}(?:完成|建成|建好|办完|搞完|做完|出台|落地|到位|实现|投用|结束|{_ONCE}))|"
                r"几(?:个)?(?:周|星期|小时|课时|学时)|多少(?:天|小时|课时|学时|分钟)"), _DURATION),
    (re.compile(r"什么时[候侯]|啥时[候侯]?|何时|几时|哪天|哪一天|哪几天|哪些天|哪几个月|哪个月|几月|几号|几点(?![零〇0])|哪年|哪几年|哪一年|多久|什么时间|啥时间|日期|"
                r"时间节点|时间表|时间安排|进度安排|排期|截止|deadline|ddl|(?:完成|完工|竣工|建成|办完|搞完|做完|出台|印发|发布|实施|启动|开始|开工|上线|投用|举办|举行|召开|具体)(?:时间|日期)|时限|"
                # 是9月中旬搞对吧, 6月底前完成吧: a remembered date to confirm asks the date
                r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份|初|中|底|上旬|中旬|下旬|\d{1,2}\s*[日号])?\S{0,6}?"
                r"(?:对吧|是吧|吧|对不对|没错吧?)(?=[\s？?。！!]|$)|"
                # 是21到23年吧: a remembered span of years to confirm asks the span the plan prints
                r"(?:20)?\d\d\s*年?\s*(?:到|至|-|—|–|~|～)\s*(?:20)?\d\d\s*年\S{0,3}?(?:对吧|是吧|吧|对不对)(?=[\s？?。！!]|$)"), _DATE),  # 时侯: the common slip of 时候
    (re.compile(r"多少钱|钱多少|花多少|投多少|投了多少|投入多少|投资多少|奖励多少|资金多少|经费多少|"
                r"(?:资金|经费|奖金|补助|补贴|津贴|预算|钱)\S{0,4}多少|多少\S{0,4}(?:补助|补贴|津贴|奖金|经费|资金|预算|钱)|budget|"
                r"多少万元|多少个?亿|几个?亿|金额|几万块|多少块|几块钱|几毛钱|多大(?:的)?盘子|盘子(?:有)?多大"), _AMOUNT),  # 多少个亿: 1.2亿元
    # 绿化率 今年要到多少: a rate named before the ask, a few words and a space apart
    (re.compile(r"比例|占比|百分之?多少|[百千万]分之(?:几|多少)|几成|多少%|覆盖率|率[^，,。；;？?！!]{0,8}?多少|率目标|几个点|几个百分点|多少个?百分点|"
                r"多少个点|(?:几|多少)个?\s*percent"), _SHARE),
    (re.compile(r"几倍|多少倍"), _MULTIPLE),
]
# 那几样, 这几个: those things, pointed at, not how many (承德抓作业 睡眠 手机那几样管理的 是哪条)
_HOW_MANY_YEARS = re.compile(r"(?:(?<![哪那这])几|(?<!哪)多少)\s*个?\s*年(?!级|度|份|底|初|前|内|中|终|末|$)|(?:(?<![哪那这])几|(?<!哪)多少)\s*个?\s*年$")
_YEARS = Detail("count", "年限", re.compile(r"(?<![\d〇零一二两三四五六七八九十])(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*年"
                                          r"(?!级|度|底|初|前|内|中)"))
_TASK_NAMED = re.compile(r"(?:任务|工作|项|条|文件|科室|部门)\S{0,2}$")
# 几千人, 几百所: the hundreds or thousands say how big, the measure word after them what is counted
_PER_PERIOD = re.compile(r"[一每]\s*个?\s*(?:学期|学年|年|月|周|星期|季度|季|天)(?!级)\S{0,6}?$")  # 一学期 … 几回
_COUNT = re.compile(r"(?:(?<![哪那这])几|(?<!哪)多少)\s*(?:[十百千]\s*(?=[^万亿]))?([所个项家名人次回条批类种级轮支门间座场届期万亿所校园台套件本辆张块栋亩节兆])")
# 多少残疾孩子, 几个农村老师: the people counted may have a word or two before them (not 多少所学校的老师: schools)
_PEOPLE_COUNT = re.compile(r"(?<!第)(?:(?<![哪那这])几|(?<!哪)多少)\s*(?:个|名|位)?(?![所间座场台套项家次条批类种级轮支门届期校园件本辆张块栋亩节万亿元钱兆])"
                           r"(?:[\u4e00-\u9fff]{0,4}?)(?=(?:老师|教师|学生|师生|幼儿|儿童|家长|校长|孩子|娃|人员|干部|职工)"
                           # 多少个公办幼儿园学位: people naming a place or a thing of theirs count that, not people
                           r"(?!园|宿舍|公寓|食堂|周转房|中心|工作室|之家|驿站|学校|基地))")
# 定了啥指标, 有啥数, 硬指标: the figures a task sets, of whatever kind (a count, a share, an amount all answer)
_PLAIN_COUNT = re.compile(r"多少|(?<![哪那这])几(?!乎)|(?:啥|什么|哪些)\s*(?:硬|量化|具体)?\s*(?:指标|数字|数据|数)|(?:硬|量化)指标")


# 是要点第几条 / 在第几点 asks where in the plan the task stands: its number, which the citation gives (第几点 is no
# hour, 第几条 no ordinal printed in the task's text)
_WHICH_ITEM = re.compile(r"第几(?:条|项|点|部分|大项|小项)(?=任务|工作|内容|里|中|上|呢|吗|啊|呀|$|[\s，,。？?！!])")


_NUMBERED_NAME = re.compile(r"\d+\s*[+＋]\s*\d+")  # 5+2类, 3+2学制: the name of a kind, no figure stated
_YEARS_BACK = re.compile(r"(?<=[前近头])几(?=\s*年)")
_SEVERAL_BETWEEN = re.compile(r"(几)\s*个?[\u4e00-\u9fff]{1,4}?之间")
# 是不是先拿几个点试, 能不能几个学校共用: inside a yes-no question 几个 is "a few", not how many (有没有规定几天内回复
# still asks a span)
_YES_NO_SEVERAL = re.compile(r"((?:是不是|是否|能不能|可不可以|会不会|要不要|有没有|可否)[^，,。？?！!\s]{0,10}?)几(?=\s*[个所家点])")
_OFFICES_BEFORE = re.compile(r"(?:科室|部门|单位|处室|股室)\s*(?:一共|总共|共)?\s*(?:有|是)?\s*$")
_OFFICES_COUNTED = re.compile(r"\S{0,2}?(?:个|家)?(?:科室|部门|单位|处室|科(?=[牵负参配一都来在管呢吗啊？?，,。\s]|$))")


def asked_detail(question: str) -> Detail | None:
    """What kind of value the question wants, or None when it asks for no figure (哪项, 谁牵头, 怎么做); a value another
    clause asks besides is in its `also` (配多少台、花多少钱 asks a count and an amount)."""
    question = _split_asks(question)
    detail = _asked_detail(question)
    if detail is not None and detail.kind == "count" and _SEVERAL.match(detail.counted):
        # 几个区一块搞教研, 跑几所学校轮着上课: several things doing something together, not a count asked
        detail = _asked_detail(question.replace(detail.counted, " " * len(detail.counted)))
    if detail is not None and detail.kind == "count" and not _RATIO_NAMED.search(question):
        # 招多少新生 is not answered by 职普招生结构比不低于4：6: a part of a ratio counts nothing, unless the
        # question names a ratio (招生比不低于多少)
        detail = replace(detail, pattern=re.compile(rf"(?<!\d[：:])(?:{detail.pattern.pattern})(?![：:]\s*\d)"))
    if detail is None or detail.kind == "members" or not detail.asked_in or detail.asked_in not in question:
        return detail
    at = question.index(detail.asked_in)
    rest = question[:at] + " " * len(detail.asked_in) + question[at + len(detail.asked_in):]
    other = _asked_detail(rest)
    if other is None or other.kind == "members" or not other.asked_in.strip():
        return detail
    return replace(detail, also=(other,))


# 几 counting things that then act together or in turn (几个区一块搞, 几所学校轮着上课, 几个县一起搞的): several
_SEVERAL = re.compile(r"^几\s*[个所家位名座]\S{1,6}?(?:一块|一起|一同|轮着|轮流|联合|共同|合起来|抱团|挨个)")
# a ratio the question names (招生比, 结构比, 师生比, 三比七); not 比较, 比如, 对比 or a comparison (比去年多)
_RATIO_NAMED = re.compile(r"(?<!对)(?<!相)(?<!评)比(?!较|如|起|去年|上年|往年|前年|赛|拼|一比|一下|比)")


def _split_asks(question: str) -> str:
    """配多少台、花多少钱: a 、 between two clauses that each ask a value parts them as a comma would (between nouns,
    新建、改扩建中小学多少所, it stays)."""
    pieces = re.split(r"(、)", question)
    if len(pieces) < 3:
        return question
    for i in range(1, len(pieces) - 1, 2):
        before = _QUESTION_CLAUSE.findall(pieces[i - 1])
        after = _QUESTION_CLAUSE.findall(pieces[i + 1])
        if before and after and _asked(before[-1])[0] is not None and _asked(after[0])[0] is not None:
            pieces[i] = " "
    return "".join(pieces)


_MEASURES = "所个项家名人次条批类种级轮支门间座场届期校园台套件本辆张块栋亩节"
_UNITS = "万亿千百十元岁年月日天号点分秒周倍成钱块位回遍"  # (回 is read as 次)  # 多少万, 几元, 几回: asked as typed
_SLIPPED_MEASURE = re.compile(r"(几|多少)([\u4e00-\u9fff])(?=[的了呢啊呀吗嘛？?！!，,。；;\s]|$)")


def _mend_measure(m: re.Match) -> str:
    char = m.group(2)
    if char in _MEASURES or char in _UNITS:
        return m.group(0)
    like = [c for c in _MEASURES if sounds(c) & sounds(char)]
    return m.group(1) + like[0] if len(like) == 1 else m.group(0)


def _asked_detail(question: str) -> Detail | None:
    question = question.replace("几多", "多少")  # 钱一年几多: the southern 几多 is 多少 (same length: `at` holds)
    # 第几论的 typed for 第几轮: a lone character closing the question after 几 / 多少 that sounds like a measure word is
    # that word (same length); not inside a word (多少比例, 几大工程)
    question = _SLIPPED_MEASURE.sub(_mend_measure, question)
    question = _WHICH_ITEM.sub(lambda m: " " * len(m.group(0)), question)
    question = question.replace("好几", "  ")  # 好几个科室一起牵头: several, not how many
    question = _YEARS_BACK.sub(" ", question)  # 前几年评上的, 近几年: some years back, not how many
    # 在几个学校之间轮着上课: between several, not how many
    question = _SEVERAL_BETWEEN.sub(lambda m: " " * len(m.group(1)) + m.group(0)[len(m.group(1)):], question)
    question = _YES_NO_SEVERAL.sub(lambda m: m.group(1) + " ", question)
    members, members_at = _members_asked(question)
    detail, at = _asked(question)
    confirming = detail is None
    if confirming:
        detail, at = _stated_figure(question)
    if detail is None and (m := _WHICH_NAMED.search(question)) and _STATED_COUNT.search(question[:m.start()]):
        detail, at = _NAMED_LIST, m.start()
    if members is not None and (detail is None or detail.kind == "name"):
        return members
    if detail is None:
        return None
    clause = next((m for m in _QUESTION_CLAUSE.finditer(question) if m.start() <= at < m.end()), None)
    # what a count is of follows its ask (几所学校); a stated figure follows what it counts (招生 一点一万人是吧)
    counted = question[at:clause.end()] if clause and detail.kind == "count" and not confirming else ""
    if _OFFICES_COUNTED.match(counted) or (detail.kind == "count" and not confirming and _OFFICES_BEFORE.search(
            question[:at])):  # 几个科室负责, 责任科室有几个: the task's office lines answer it, not a figure in its text
        return None
    # numbers the question states (那130个项目): never the answer; 5+2类, 3+2学制 are names of a kind, not counts stated
    given = () if confirming else tuple(dict.fromkeys(_DIGITS.findall(_NUMBERED_NAME.sub(" ", question))))
    return Detail(detail.kind, detail.label, detail.pattern, clause.group(0) if clause else question, counted, given,
                  stated=detail.stated)


# 比例压到15%, 覆盖率达到90%的那个: a rate named with its value, said of the task rather than asked
_VALUE_GIVEN = re.compile(r"\s*(?:要|得|需|需要)?\s*(?:压到|降到|降至|控制在|控制到|提高到|提高至|提升到|达到|达|到|为|在|不低于|不超过|超过|低于|保持在?)?"
                          r"\s*\d+(?:\.\d+)?\s*(?:%|％|个?百分点)")
# 比例那条 / 时间节点的那项: a value word naming which task is meant, not asking the value
_POINTING = re.compile(r"的?(?:那|这)(?:一)?(?:条|项|块|个任务|段)")


def _asked(question: str) -> tuple[Detail | None, int]:
    """The first value the question asks and where. A rate whose value the question gives (比例压到15%) names the
    task, or states a figure to check (比例压到15%吧, read as the figure stated): it asks no value."""
    for pattern, detail in _ASKS:
        m = next((m for m in pattern.finditer(question) if not _POINTING.match(question, m.end())), None)
        if m and detail is _SHARE and _VALUE_GIVEN.match(question, m.end()):
            # 比例压到15%这条 要求啥时候完成: the rate is how the task is named, its value given; another ask is the
            # question
            continue
        if m:
            if detail is _NAME and _TASK_NAMED.search(question[:m.start()]):  # 那项任务叫啥: the title answers
                continue
            if detail is _DATE and m.group(0) in _DAY_ASKS:  # 哪天开始: 2019年 is no answer
                return _DAY, m.start()
            if detail is _DATE and m.group(0) in _MONTH_ASKS:  # 几月份办: a month, a season or a term at least
                return _MONTH, m.start()
            return detail, m.start()
    if m := _HOW_MANY_YEARS.search(question):  # 培养周期几年: a span of years (三年, 3年), not a year (2024年)
        return _YEARS, m.start()
    if m := _PEOPLE_COUNT.search(question):  # 补充了多少老师: 1867人 answers it
        return Detail("count", "数量", re.compile(rf"{_CARDINAL}\s*(?:{_PEOPLE})")), m.start()
    if m := _COUNT.search(question):
        if question[max(0, m.start() - 1):m.start()] == "第":  # 第几批 asks an ordinal: 第十三批
            # 二期质量提升工程 answers 第几期 too: the plan may leave out 第
            return Detail("ordinal", "序次", re.compile(rf"(?:第\s*)?{_NUM}\s*(?:{_counted_as(m.group(1))})")), m.start()
        if m.group(1) in "次回" and _PER_PERIOD.search(question[:m.start()]):
            # 一学期几回, 每年搞几次: times in a period ask how often; 每学期开展一次 answers as 2次 would
            return Detail("frequency", "频次", re.compile(
                rf"{_FREQUENCY.pattern}|{_count_of(m.group(1)).pattern.pattern}")), m.start()
        return _count_of(m.group(1)), m.start()
    if m := _ORDINAL_OF.search(question):  # 稳居全省第几方阵: the place in an order, printed as 第一方阵
        # (第几界 typed for 第几届: a measure word said the same is printed instead)
        said = m.group(1) + "".join(c for c in _MEASURES if sounds(c) & sounds(m.group(1)))
        return Detail("ordinal", "序次", re.compile(rf"第\s*{_NUM}\s*[{re.escape(said)}]")), m.start()
    if m := _PLAIN_COUNT.search(question):
        if _DRAWN_UP.search(question[:m.start()]) and _NAMED_SET.match(question, m.start()):
            return None, -1  # 要制定啥指标: which indicators are drawn up, which the task names; no figure
        return _PLAIN, m.start()
    return None, -1


# 第几 before a word no measure list holds (第几方阵, 第几梯队): an ordinal of that word (第几条 / 第几点 are taken out
# before, as where in the plan a task stands)
_ORDINAL_OF = re.compile(r"第几\s*个?\s*(?!部分|章|篇|段|大项|小项)([\u4e00-\u9fff])")
_DRAWN_UP = re.compile(r"(?:制定|研制|研究制定|建立|出台|完善|设计|构建)\s*$")
_NAMED_SET = re.compile(r"(?:啥|什么|哪些)\s*(?:指标|数据)")


_PEOPLE = "人|名|人次|位|师生|学生|教师|老师|幼儿|儿童|家长"  # 70万师生全覆盖 counts people
# a year or a span of years is no count (三年(20182020)培训计划 trains nobody 20182020 times)
_PLAIN = Detail("count", "数字", re.compile(r"(?!(?:19|20)\d{2}(?:\d|\s*年|\s*[-—–~～至到]))" + _CARDINAL))


# 认定10双师型教师培养培训实践基地: a plan may drop the 个 between a number and what it counts; 几个 is answered by
# digits standing right before a word (not before a unit, a date's 年 or a measure: 2020年, 10所 are read as such)
_BARE_COUNT = rf"(?<=\d)(?=[\u4e00-\u9fff])(?![{_MEASURES}{_UNITS}兆年月日号点时分秒周天倍元万亿千百十余多])"


def _counted_as(measure: str) -> str:
    """The measure words a plan may print for the asked one."""
    # 10个义务教育学校 counts schools as 所 does
    schools = r"所|个(?=[^，,；;。\d]{0,8}?(?:学校|校|园)(?:$|[，,；;。、和及与）)]))"  # not 5个青少年校外…基地
    return {"人": _PEOPLE, "名": _PEOPLE, "所": schools, "校": f"{schools}|校", "园": f"{schools}|园",
            "辆": "辆|台", "回": "回|次", "个": f"{_ANY_MEASURE}|{_BARE_COUNT}",
            "兆": r"兆|(?i:mbps|gbps|[mg](?![a-z]))"}.get(measure, re.escape(measure))  # 车辆202台, 100Mbps（兆/秒）


def _count_of(measure: str) -> Detail:
    # 42亿元 is money; “5”类: the number may be quoted before its measure word
    return Detail("count", "数量", re.compile(rf"{_CARDINAL}[\"”’」]?\s*(?:{_counted_as(measure)})(?!\s*[万亿千]?\s*元)"))


# 是三十所吧, 一点一万人是吧, 投了两个亿吧, 九成对吧: a figure stated to be confirmed asks the plan's figure of that kind
# (which may be the very one stated). A bare number must close the question (是三十吧), so 是一把手吧 states none.
_SPOKEN = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?)"
_CONFIRMING = r"(?:对吧|是吧|对不对|没错吧|是不是|对吗|吧)(?=[\s？?。！!，,]|$)"
_FIGURE_KINDS = (
    rf"(?P<share>(?:百分之|[千万]分之){_SPOKEN}|{_SPOKEN}\s*(?:%|％|‰|成|个?百分点))"
    rf"|(?P<times>{_SPOKEN}\s*倍)"
    rf"|(?P<span>{_SPOKEN}\s*(?:个?\s*(?:小时|课时|学时|分钟|星期)|个\s*月))"  # 每天是不是各一小时, 最多收3个月: how long
    rf"|(?P<money>{_SPOKEN}\s*(?:[万千]\s*)?(?:多|余)?\s*(?:个?亿元?|[万千]?元|块钱?))"
    # (中学教研室一家负责吧: one office alone, no count of 家)
    rf"|{_SPOKEN}\s*(?:[万亿]\s*)?(?:多|余)?\s*(?P<measure>人次|[{_MEASURES}人名])(?!(?<=家)\s*(?:负责|牵头|主抓|管|承担|单独|包))")
_STATED_FIGURE = re.compile(
    rf"(?<![第\d.〇零一二两三四五六七八九十百千万亿统唯同划整])(?:(?P<figure>{_FIGURE_KINDS})"  # 统一批吧: approved as one, no batch
    rf"|(?P<bare>{_SPOKEN}\s*[万亿]?(?:多|余)?)(?={_CONFIRMING}))"
    # (12个工作小组对吧: the thing counted may stand between the figure and the check)
    rf"(?![年月日号点天周])[^\s，,。；;？?！!\d〇零一二两三四五六七八九十百千万亿]{{0,6}}?{_CONFIRMING}"
    # 是不是20所？, 是不是规定最多只能收3个月: the check said before the figure closing the question
    rf"|(?:是不是|是否)[^\s，,。？?！!\d〇零一二两三四五六七八九十百千万亿]{{0,10}}?(?<!第)"
    rf"(?P<checked>{_FIGURE_KINDS.replace('?P<', '?P<pre_')})(?=[\s？?。！!，,]|$)")


def _stated_figure(question: str) -> tuple[Detail | None, int]:
    m = _STATED_FIGURE.search(question)
    if m is None:
        return None, -1
    group = {name.removeprefix("pre_"): value for name, value in m.groupdict().items() if value}
    if group.get("share"):
        detail = _SHARE
    elif group.get("times"):
        detail = _MULTIPLE
    elif group.get("span"):
        detail = _DURATION
    elif group.get("money"):
        detail = _AMOUNT
    elif measure := group.get("measure"):
        detail = _count_of("人" if measure == "人次" else measure)
    else:
        detail = _PLAIN
    # the figure itself, without the thing counted after it (12个 of 12个工作小组对吧), which stays a topic word
    return replace(detail, stated=m.group("figure") or m.group("checked") or m.group(0)), m.start()


# Words that say which value is asked (每月, 奖金, 时间), not what it is about: a task that lacks them still holds the topic.
# Likewise the verb that reaches the value (延到几点, 压到多少, 涨到几成): the value is what is asked.
_PERIOD_WORD = re.compile(r"^(?:(?:每|一|全|半)?(?:年|月|天|周|日|季度?|学期)|期间|开学|放假|"
                          # 年终表要填: for when, not of what (a month's 月底 stays: 6月底前要完成的X names its task)
                          r"年底|年末|年终|岁末|年初|年中|年内)$")  # 一开学: when  # 停课期间: when, not what
_DETAIL_WORD = re.compile(_PERIOD_WORD.pattern + r"|奖金|奖励金|金额|经费|资金|钱|比例|占比|时间|日期|时候|时限|期限|截止|"
                          r"标准|数量|人数|个数|周期|^有数$|^具体数|^(?:硬|量化)?指标$|^数字$|^数据$|名额|规模$|^.到$|名字|名称|全称|^百分|"  # 有数没: a figure?
                          r"^(?:最低|最少|至少|最起码|起码|少说|最高|最多|上限|下限|盘子|红线|底线|门槛)$")  # which bound of the value (最低多少钱, 红线是多少人), 多大盘子


_LEVEL = re.compile(r"(国家|省|市|县|区|校)一?级|国字号")


def _levels(text: str) -> set[str]:
    """The administrative levels a text names (国字号 is staff's 国家级, 县一级 their 县级)."""
    return {f"{m.group(1)}级" if m.group(1) else "国家级" for m in _LEVEL.finditer(text)}


def _new_value(value: str, given: tuple[str, ...]) -> bool:
    """A value the question did not state itself (130 in 那130个项目…分到几个 is what the user already knows)."""
    digits = _DIGITS.findall(value)
    return not digits or not set(digits) <= set(given)


# asked of when a task must be done (截止, deadline, 啥时候完成): its 完成时限 line answers, whatever else it names
_DEADLINE = re.compile(r"截止|期限|时限|deadline|ddl|(?:什么|啥)时[候侯间]?(?:前|之前)?(?:要|得|必须)?(?:完成|完工|办完|搞完|做完|结束|交)"
                       r"|(?:完成|完工|办完|搞完|做完)(?:时间|日期)")


def asks_deadline(question: str, detail: Detail) -> bool:
    return detail.kind == "date" and bool(_DEADLINE.search(question))


# the money a value is (补多少钱 补助, 投资多少): when an amount is asked these name the value, not the topic; asked of
# a count (补助多少人) 补助 is what is counted
_AMOUNT_WORD = re.compile(r"补助|补贴|津贴|投资|投入|预算|拨款|费用|花费|开支|支出")
_DONE_WORD = re.compile(r"^(?:完成|完工|办完|搞完|做完|结束|截止|"
                        # 几月开班, 啥时候开打: when it starts is the value asked too
                        r"开始|启动|开班|开打|开工|动工|开建|开幕|开课|开学|上线|启用|投用)$")
_DATE_PART = re.compile(r"^(?:上旬|中旬|下旬|月初|月中|月底|年初|年中|年底|底前)$")
# 每所, 每人, 每生: per what the value is asked (未来学校实验校每所补多少钱)
_PER_UNIT = re.compile(r"^每(?:所|个|名|人|校|园|生|家|项|位|次|批|班)$")


def is_detail_word(word: str, detail: Detail | None = None) -> bool:
    return bool(_DETAIL_WORD.search(word) or _PER_UNIT.match(word)
                or (detail is not None and detail.kind == "amount" and _AMOUNT_WORD.search(word))
                # 完成时间, 啥时候办完: when it is done is the value asked, 完成 no topic of its own; 9月中旬 remembered
                # to confirm is the value too
                or (detail is not None and detail.kind == "date" and (_DONE_WORD.match(word) or _DATE_PART.match(word)))
                # 申报流程, 评选标准: which rule is asked, not about what
                or (detail is not None and detail.kind == "procedure" and bool(_PROCEDURE_WORD.search(word)))
                # 多久一次: 一次 says a frequency is asked, not of what
                or (detail is not None and detail.kind == "frequency" and word in ("一次", "1次", "一回", "频次", "频率"))
                # 三防达标率定多少: the rate is the value asked; a task on 三防 that prints none lacks the figure
                or (detail is not None and detail.kind == "share" and len(word) >= 3 and word.endswith("率"))
                # 计划几所, 计划新增多少: planned, as 打算 says, before the count; no object (the plan may say 规划)
                or (detail is not None and word in _PLANNED and bool(re.search(rf"{word}\S{{0,4}}?(?:几|多少)",
                                                                            detail.asked_in))))


_PLANNED = ("计划", "预计", "规划", "拟")


def value_words(words: list[str], detail: Detail | None) -> set[str]:
    """The question's words that say which value is asked, with the pieces jieba cuts from a rate (达标 of 达标率;
    not 服务 of 服务时间, which names what the time is of)."""
    if detail is None:
        return set()
    named = {w for w in words for d in (detail, *detail.also) if is_detail_word(w, d)}
    return named | {w for w in words if any(w in n and n.endswith(("率", "百分点", "百分比")) for n in named)}


def is_period_word(word: str) -> bool:
    """一学期, 每月, 一年: how often or for how long, in any question (一学期搞一次就够了吗), never what about."""
    return bool(_PERIOD_WORD.match(word))


def clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE.findall(sentence) if c.strip()]


# a period named as the time of the value asked: 疫情期间, 停课不停学那会儿, 去年冬奥的时候
_TIME_FRAME = re.compile(r"([^，,；;。！？!?\s]{2,10}?)(?:那会儿?|那阵子?|那时候?|期间|的时候|时期)")


def _in_time_frame(word: str, asked_in: str) -> bool:
    return any(word in m.group(1) for m in _TIME_FRAME.finditer(asked_in))


def _counts_left_out(clause: str, value: re.Match, left_out: tuple[str, ...]) -> bool:
    """Whether the value counts a thing the question leaves out: the thing named right beside it, between the value
    before it and the one after it (国家级120所 of 国家级120所、市级19所; 10个专业 of 5所职业院校10个专业, not 5所), or in
    the items of a list before it that have no value of their own, which it counts with its own (名教师、名校长、
    名班主任250名)."""
    *before, own = re.split(r"(?<=、)", clause[:value.start()])
    start = value.start() - len(own) + max((m.end() for m in _A_NUMBER.finditer(own)), default=0)
    if start == value.start() - len(own):
        for item in reversed(before):
            if re.search(r"\d", item):
                break
            start -= len(item)
    after = re.search(r"[\d、]", clause[value.end():])
    end = value.end() + after.start() if after else len(clause)
    return any(w in clause[start:end] for w in left_out)


_BRACKET_DEPTH = {"（": 1, "(": 1, "）": -1, ")": -1}


def _own_item(clause: str, at: int, detail: Detail) -> str:
    """The item of a 、 list (brackets kept whole with the item they follow) holding the value at `at`, when two or
    more of the list's items hold a value of their own; else the whole clause."""
    items, depth, start = [], 0, 0
    for i, char in enumerate(clause):
        depth += _BRACKET_DEPTH.get(char, 0)
        if char == "、" and depth <= 0:
            items.append((start, i))
            start = i + 1
    items.append((start, len(clause)))
    if sum(1 for a, b in items if detail.pattern.search(clause[a:b])) < 2:
        return clause
    return next(clause[a:b] for a, b in items if a <= at < b or at == b)


_A_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*[^\d\s、，,；;]?")


# a point of a list said alone as its heading sentence (二是认真落实党风廉政建设主体责任。): short, no figure of its own
_ITEM_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}是[^，,；;。\d]{2,30}[。.]?\s*$")
_GAP = re.compile(r"_{2,}|＿{2,}|■+")  # where a figure would stand: a line left to fill, a bar painted over it


def detail_sentence(title: str, folded: list[str], terms: list[Term], detail: Detail,
                    min_share: float, left_out: tuple[str, ...] = ()) -> int | None:
    """Index of the sentence whose clause holds a value of the asked kind and names the asked object, or None.

    The object: the words of the question's asking clause (教室灯光改造 今年改多少间 -> 改; when that clause holds no
    word the task has, the whole question) that the task holds anywhere. A value qualifies when its clause, read with
    the clause before it in the same sentence (the subject is often one clause back: 创建…学校，力争达到30所) and
    the task's title (a task's figures are about its own subject), holds at least `min_share` of those terms'
    weight, counting the heaviest one. `title` and `folded` are in the folded (Simplified) script.
    `left_out`: plan words of what the question leaves out (特岗不算): a value whose own clause names one of them
    counts that thing, alone or with others (名教师、名校长、名班主任250名 asked of 班主任 without 校长 and 老师).
    """
    best, best_share = None, (False, 0.0, 0.0, 0.0)
    task_text = "".join(title) + "".join(folded)
    # a rate is a named quantity (毛入园率, 巩固率): a task that never names the asked one holds only other rates
    # (a ratio too: 师生比, 生师比)
    rates = [t for t in terms if (len(t.word) >= 2 and t.word.endswith("率") or len(t.word) >= 3 and t.word.endswith("比"))
             and t.word in detail.asked_in]
    # jieba leaves 率 apart from a verb (压减率 -> 压减 | 率): the verb names the rate
    rates += [t for t in terms if not t.word.endswith("率") and t.word + "率" in detail.asked_in
              and not any(r.word.endswith(t.word + "率") for r in rates)]
    if any(not t.found_in(task_text) for t in rates):
        return None
    # 一年, 每月 say per what the value is asked, not about what: the clause giving it need not repeat them (每生每年)
    present = [t for t in terms if t.weight > 0 and t.found_in(task_text)]
    present = [t for t in present if not _PERIOD_WORD.match(t.word)] or present
    if detail.kind == "members":
        return _members_sentence(folded, present, detail)
    asking = [t for t in present if t.word in detail.asked_in]
    # 那13所足球特色幼儿园，国家级的有几所: a level says which of them; the object is said before, every word of it
    # named beside the value (国家级120所 of 139所足球特色学校(国家级120所、…) is no 幼儿园's count)
    said_before = detail.asked_in[:len(detail.asked_in) - len(detail.counted)] if detail.counted else ""
    of_level = bool(asking) and all((_levels(t.word) or any(t.word in a.word for a in asking if _levels(a.word)))
                                    and t.word in said_before for t in asking)  # (几个县级的样板 counts 样板)
    if of_level:
        asking = []
    whole_object = [t for t in present if not _levels(t.word) and not _DIGITS.fullmatch(t.word)
                    and not any(t.word in a.word for a in present if _levels(a.word))] if of_level else []
    if all(any(is_detail_word(a, detail) for a in t.alternatives) for t in asking):
        asking = []  # 那108个民心工程 总投资多少亿: 投资 (read as 资金) says which value; the rest names of what
    # between clauses the asking words hold alike, the rest of the question decides (教育装备达标园 温州打造多少:
    # 打造 names two values, 装备 and 达标 say which)
    everything, present = present, asking or present
    # 停课不停学那会儿…参与老师多少人: what names WHEN (a period the value falls in) is not what is counted, and the
    # clause giving the value need not repeat it (its sentence may be several back)
    present = [t for t in present if not _in_time_frame(t.word, detail.asked_in)] or present
    total = sum(t.weight for t in present)
    if not total:
        return None
    # the value must name what is counted, when the question says it after the asking word: its first word
    # (职校要培养多少新型农民: 新型, though 职校 weighs more; 多少个中小学的工程: 中小学); else the heaviest word of the
    # asking clause
    counted = sorted((t for t in present if t.word in detail.counted),
                     key=lambda t: (detail.counted.find(t.word), -len(t.word)))
    heaviest = counted[0] if counted else max(present, key=lambda t: t.weight)
    # the heaviest word is also named by all of its pieces together (专项规划 in 专项规(2017-2035) of 规划区…: a plan's
    # slip drops a character of the compound, its pieces stay)
    pieces = [t for t in present if t.word != heaviest.word and t.word in heaviest.word]
    if sum(len(t.word) for t in pieces) < len(heaviest.word):
        pieces = []
    # 省级冰雪特色校多少所 is not answered by 新增国家级冰雪特色校80所: a value of another level is another object's
    asked_levels = _levels(detail.asked_in)
    heading = ""
    for i, text in enumerate(folded):
        parts = clauses(text)
        if _ITEM_HEADING.match(text):
            heading = text  # 二是认真落实党风廉政建设主体责任。: the subject of the sentences under it, as a title is
        # between values whose clauses name the asked object alike, the sentence naming more of the question gives
        # it, as its subject may stand several clauses back (…承德应用技术职业学院发展迅速，…专业，在校生规模达到3856人
        # is the college's figure; 中职教育在校生稳定在3.8万人 another object's); within one sentence the clauses
        # nearest the value decide
        whole = None
        for j, clause in enumerate(parts):
            if not any(_new_value(m.group(0), detail.given) for m in detail.pattern.finditer(clause)):
                continue  # no value, or only the ones the question states itself
            if asked_levels and (levels := _levels(clause)) and not levels & asked_levels:
                continue
            if left_out and not any(_new_value(m.group(0), detail.given) and not _counts_left_out(clause, m, left_out)
                                    for m in detail.pattern.finditer(clause)):
                continue
            # a run of parallel values (省级…1420元，市级…1180元) shares the clause that leads into it (提高…公用经费标准)
            lead = j - 1
            while lead >= 0 and detail.pattern.search(parts[lead]):
                lead -= 1
            before = (parts[lead] if lead >= 0 and lead < j - 1 else "") + (parts[j - 1] if j else "")
            # how often is said before what is done (每学期开展一次联合专项治理行动，打击校园周边重点乱象行为)
            # and a date before who does what (2020年12月21日至25日，省政府教育督导委员会实地督查组…)
            after = parts[j + 1] if detail.kind in ("frequency", "date") and j + 1 < len(parts) else ""
            if detail.kind == "frequency" and any(t.found_in(before + clause + after) for t in present):
                # how often a thing is done is said once for the sentence, the rest of its object anywhere before it
                # (按照“一校一案”的原则，…对重点学校周边存在的问题，每学期开展一次联合专项治理行动), when the clauses
                # around the value name some of it (完善教职工…学习制度，…每月至少组织1次集中政治学习 is no 体检's)
                before = "".join(parts[:j])
            own = clause
            if detail.kind == "count":
                # in a list of counted things (139所足球特色学校(国家级120所、市级19所)、13所足球特色幼儿园) a count is
                # of its own item: 国家级120所 counts schools, not the 幼儿园 the next item names
                own = " ".join(dict.fromkeys(_own_item(clause, m.start(), detail) for m in detail.pattern.finditer(clause)
                                             if _new_value(m.group(0), detail.given)))
                if own != clause and (first := detail.pattern.search(clause)):
                    own = clause[:first.start()] + " " + own  # what leads into the list (推进1个试点区、…) is each item's
            window = with_inserts_read(title + " " + heading + " " + before + own + after)  # 县(市)区 holds 县区
            share = sum(t.weight for t in present if t.found_in(window)) / total
            rest = sum(t.weight for t in everything if t.found_in(window))
            if whole is None:
                sentence = with_inserts_read(text)
                whole = sum(t.weight for t in everything if t.found_in(sentence))
            named = heaviest.found_in(window) or bool(pieces) and all(t.found_in(window) for t in pieces)
            named = named and all(t.found_in(window) for t in whole_object)
            # a value said at the asked level (打造2-3个县级示范, asked 县一级的样板树几个) is the one asked, before
            # a value of the same thing that names no level (30所示范校)
            at_level = bool(asked_levels and _levels(clause) & asked_levels)
            if share >= min_share and named and (at_level, whole, share, rest) > best_share:
                best, best_share = i, (at_level, whole, share, rest)
    # a figure left as a blank to fill (新增公办学位____个) or painted over (专项资金■■■■) where the asked object
    # stands: the plan does not give it, and a figure beside it (新建公办幼儿园3所) is another object's
    # (unless a value follows the gap in its clause: 投入■■■■建设智慧教室180间 gives the rooms, only the money is hidden)
    for text in folded:
        for clause in clauses(text):
            if (gap := _GAP.search(clause)) and not any(_new_value(m.group(0), detail.given)
                                                        for m in detail.pattern.finditer(clause, gap.end())):
                window = with_inserts_read(title + " " + clause)
                share = sum(t.weight for t in present if t.found_in(window)) / total
                named = heaviest.found_in(clause) or bool(pieces) and all(t.found_in(clause) for t in pieces)
                if named and share >= min_share and share >= best_share[2]:
                    return None
    return best
