"""Reading a question: which city and year it is about, which office it names, and what it asks for.

Only facts found in the question are used; nothing is guessed. A city or year the corpus does not hold is reported
so the answer can say plainly that the plans do not cover it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ..documents.normalize import fold
from ..documents.offices import is_abbreviation
from ..documents.parser import numeral_value
from ..documents.places import BODY
from .regions import PROVINCES as _PROVINCES, areas, districts, gazetteer, nicknames, province_of, regions
from .slips import read_role_slips, sounds, sounds_like
from .spoken import as_mandarin
from .store import DocumentInfo
from .terms import abbreviation_pattern

LEAD = "lead"
OFFICE_TASKS = "office_tasks"
DEADLINE = "deadline"  # what is due when: answered from the records' time nodes (deadlines.py)
GENERAL = "general"

# 配合名单, 牵头单位名单: the list of the offices in a role, no topic word
_ROLE_LIST = re.compile(r"(?:牵头|负责|责任|配合|协办|协同|参与|协助)(?:科室|单位|部门|处室|股室)?名单")
_LEAD_WORDS = re.compile(
    r"(?i:(?<![a-z])(?:lead|owner|leader|in charge|pic)(?![a-z]))|"  # 承德校服 owner 是谁, 谁lead
    r"谁(?:来)?(?:牵头|签头|挑头|负责|主责|主抓|管|抓|弄|干|搞)|由谁|归谁|是谁|归哪|"
    # 是督导室牵头吗, 是职成科牵头吧, 思宣科牵头 对吧: a guess of who leads, checked
    r"(?:牵头|挑头|签头|主抓|负责|参与|配合|协助|协办)的?\s*(?:吗|嘛|么|吧|不|没|对吧|是吧|对不对|没错吧?)|"
    r"是不是\S{1,8}(?:牵头|挑头|主抓|负责)|"
    # 哪个科 / 哪个股: a county bureau's offices are 股 (基础教育股)
    r"哪(?:个|些|一个|几个)(?:科室|部门|单位|处室|股室|科|处|股)|(?:牵头|挑头|签头|主抓|配合|协办|协同|协助)的?\s*(?:呢|是)|(?:牵头|挑头)的?\s*[？?]?\s*$|"
    r"什么(?:科室|部门|单位|股室)|(?:牵头|主办|承办)(?:科室|单位|部门|处室|股室)|责任(?:科室|单位|部门|股室)|负责(?:科室|单位|部门|股室)|"
    r"谁(?:来)?(?:主办|承办)|(?:主办|承办)的?\s*(?:是|呢|吗|吧)|"  # 主办 / 承办科室 lead as 协办科室 helps
    r"主责(?:科室|单位|股室)?|(?:配合|协办|协同|参与)(?:科室|单位|部门|处室|股室)|谁(?:来)?(?:配合|协办|协同)|"
    r"(?:配合|协办)的(?:都|还|又|分别)?(?:有|是)(?:谁|哪)|"  # 配合的都有谁
    + _ROLE_LIST.pattern  # 市教育直属单位也在配合名单里吧: the offices of a role, listed
)
# 哪些科 asked of an exam (中考 新加 哪些科) asks its subjects, not which office
_SUBJECTS_ASKED = re.compile(r"(?:中考|高考|考试|学考|会考|选考|统考|联考)[^，,。？?！!；;]{0,6}?哪(?:些|几|几个|一)?科(?![室长])")
# asks only who shares the task (配合科室是哪些), not who leads it
_SHARED_ASKED = re.compile(r"配合|协办|协同|参与|协助|一起干")
_LEAD_ASKED = re.compile(r"牵头|挑头|签头|主抓|主责|主办|承办|负责|lead|归哪|归谁|由谁|谁管|哪个科管", re.IGNORECASE)
_LIST_WORDS = re.compile(
    # (由它牵头的 一共几件: the total said between)
    r"(?:牵头|挑头|主抓|负责|参与|承担|主责|配合|协助|涉及|分管|管|有)(?:了|的)?\s*(?:是|有)?\s*(?:一共|总共|共|总计|合计)?\s*"
    r"(?:哪些|哪几|几项|多少项|多少个|那些|什么工作|什么任务|几摊|几件|几样|多少摊|多少件)|"  # 一共管几摊: how many of its tasks
    # 督导室 牵头配合都要, 牵头的跟配合的都算上: which roles of an office's tasks to list
    r"(?:牵头|挑头|主抓|配合|参与|协助)的?\s*(?:[和跟与、]\s*)?(?:(?:牵头|挑头|配合|参与|协助)的?)?\s*"
    r"(?:都|一块|一起|一并|全)(?:算|要|列|包括)|"
    # 市招考办 光它挑头的, 只配合的: the office's tasks in that role, the list word left out
    # (光它挑大梁的, 只给别人打下手的: the same roles in everyday words)
    r"(?:光|只|仅|单)(?:是|算)?(?:它|他|其)?(?:自己)?(?:给别人|帮别人|给人)?(?:牵头|挑头|主抓|配合|参与|协助|挑大梁|唱主角|"
    r"打下手)的(?!\s*(?:是|谁|哪|有谁))|"
    # 让基教科打配合的事最多: which office has the most (or fewest) tasks in a role
    r"(?:牵头|挑头|主抓|负责|参与|配合|协助|打下手)的(?:事|活|工作|任务)(?:儿|情)?(?:最多|最少|多|少)|"
    # 督导办 lead的活, 人事科牵头的事儿: the office's tasks in that role, named by their kind alone
    r"(?:牵头|挑头|主抓|参与|配合|协助|(?<![a-z])lead)的(?:活|事|工作|任务)儿?(?!\s*(?:吗|吧|嘛|么|是不是|是谁|是哪|对吧|不|没))(?=\s|$|[，,。？?！!]|有|都|呢|列|一共|共)|"
    # 有自己牵头的活没: whether it leads any task, answered by the list of those it leads (or none)
    r"有(?:它|他|其)?(?:自己)?(?:牵头|挑头|主抓|(?<![a-z])lead)的(?:活|事|工作|任务)|"
    r"哪些(?:工作|任务|事项|事|活)|(?:几|多少)项(?:工作|任务)?|清单|列(?:出|一下|下|个|举|全)|罗列|都有什么|都有啥|有啥|都管|手上|"
    r"(?:负责|管|承担|牵头|挑头|分管|主抓|抓|干|搞|参与|配合|协助|(?<![a-z])lead)(?:了|的)?(?:什么|啥)"
)
# A question about one task's offices, though it says 有哪些 (教育脱贫攻坚那条，是扶贫办牵头吗，责任科室有哪些;
# 信息化那条牵头是不是电教站，配合的有哪些): it points at the task, or asks yes or no whether the office leads it
_ONE_TASK = re.compile(r"(?:那|这)一?(?:条|项)|(?:牵头|挑头|主抓|(?i:lead))的?(?:吗|嘛|么|吧)|是不是\S{1,8}(?:牵头|挑头|主抓)|"
                       r"(?:牵头|挑头|主抓)的?(?:是不是|是否)|(?:科室|部门|单位|处室)(?:都|还)?有哪些|"
                       r"哪(?:几|些)个?(?:科室|部门|单位|处室|科)")  # 还有哪几个科配合: which offices, of one task
_LEAD_ROLE = re.compile(r"牵头|签头|挑头|主抓|主责|作为牵头|挑大梁|唱主角|(?<![a-z])lead(?![a-z])")
# a cooperating role asked about (配合科室呢, 协办单位是谁, 还有谁配合, 区卫健局也要参与吗, 有配合的没, 哪些科配合, 是配合吗),
# not a topic (家校配合机制, 学生参与率)
# 主办科室 / 谁主办 / 承办股室, asked of who leads (a plan may name its lead so); 主办 / 承办 alone host an event
_HOST_ASKED = re.compile(r"(?:主办|承办)(?:科室|单位|部门|处室|股室)|谁(?:来)?(?:主办|承办)|(?:主办|承办)的?(?=\s*(?:是|呢|吗|吧))")
_ROLE_ASKED = re.compile(r"(?:(?<=^)|(?<=[\s，,。？?：:谁些个呢和与及的要也还都那有是科室股处门位]))(?:配合|协办|协同|参与|协助)(?=科室|单位|处室|部门|股室|的|呢|吗|没|[？?。，,\s]|$)")
_SHARED_ROLE = re.compile(r"参与|配合|协助|协办|协同|参加|打下手")
_TOGETHER = re.compile(r"一起|共同|联合|同时|一块|一道|都是|都")  # 两个科一起牵头: all of the named offices
_BOTH_ROLES = re.compile(r"都算|都要|全部|所有|涉及|相关|有关|沾边|掺和|一块算|一起算|一并算|全算|单列|分开")  # 牵头的单列: both, apart
# 它自己牵头的不算, 除了配合的: the role left out says which is asked
_ROLE_WORD = r"(牵头|签头|挑头|主抓|主责|挑大梁|唱主角|参与|配合|协助|协办|协同|参加|打下手)"
# 不是牵头的 我要配合的那些, 是参与的 不是牵头的: a role said not to be the one asked (a correction)
_NOT_ASKED = r"不是(?:要|问)?"
_NEGATED_ROLE = re.compile(rf"{_NOT_ASKED}(?:它|他们|他)?(?:自己)?的?{_ROLE_WORD}(?:科室|股室|处室|单位|的)?")
_EXCLUDED_ROLE = re.compile(rf"(?:不算|不含|不包括|除了?|除去|去掉|排除|刨去|刨除|{_NOT_ASKED})(?:它|他们|他)?(?:自己)?的?{_ROLE_WORD}|"
                            rf"{_ROLE_WORD}的?(?:活|工作|任务|那些|那种)?(?:都|也)?(?:不算|除外|不要|不用|不含|不包括|去掉|别算)")
# 回到达州那条, 说回遂宁, 再回到第一个: a conversation going back to a place or block it spoke of
BACK_TO_WORDS = r"回到|说回到?|回头说|转回到?|返回"
BACK_TO = re.compile(rf"^(?:那|那么|好的?|行)?[，,\s]*(?:再|先)?(?:{BACK_TO_WORDS})(?:刚才的?|前面的?|上面的?)?\s*")
# 幼儿园的不算, 三大球那些不算, 幼儿园那个先别管, 别把特岗算进去: a thing said to be left out of the count or the
# answer, set apart from the rest by a space or a mark (幼儿园 of 建设项目几个幼儿园的不算 could be any of its words
# before). (买学位的算不算 asks whether it counts: no leaving out.)
_LEFT_OUT_WORDS = r"(?:不算|除外|别管|不用管|别算|不用算|不要算|不计入?|不要了?)(?![吗嘛么])"
_LEFT_OUT = re.compile(rf"(?:(?<=^)|(?<=[\s，,。？?；;！!：:]))(?P<what>[\u4e00-\u9fff]{{1,8}}?)(?:的|那个|那些|那块|这块|那种|这些|这个)?\s*(?:先|都|也|就)?"
                       rf"(?<![算要]){_LEFT_OUT_WORDS}(?=[\s，,。；;！!]|$)|"
                       r"(?:先|也)?(?:别把|不要把|不把|别将)(?P<what2>[\u4e00-\u9fff]{1,8}?)(?:也|都)?(?:算|计|统计|加)(?:进去|进来|在内|上)")
_LEFT_OUT_BARE = re.compile(rf"(?:的|那个|那些)?(?<![算要]){_LEFT_OUT_WORDS}(?=[\s，,。；;！!]|$)")
# (它自己牵头的不算, 配合的不要: a role left out of an office's list, read by _EXCLUDED_ROLE; 刚才那个不算: a question
# taken back; neither is a thing left out of a count)
_NOT_A_THING = re.compile(rf"{_ROLE_WORD}|^(?:刚才|刚刚|上面|前面|之前|上一个|这个|那个)$")
_FIGURE = re.compile(r"多少|几(?:所|个|项|种|家|名|万|次|大|条|成)|几$|比例|百分|目标|达到|规模|数量|多大|多高|什么时候|何时|几时|哪年|时间|期限")
# asks what a task says, beside who leads it (讲了啥，哪个科负责): the text answers that part
_CONTENT = re.compile(r"[讲说写]了?(?:啥|什么|些啥|些什么)|[讲说写]的(?:啥|什么|是啥|是什么)|(?:咋|怎么|如何)(?:说|讲|写|表述)|"
                      r"(?:啥|什么)内容|内容是|要干啥|干什么|干些啥|(?:咋|怎么)(?:搞|弄|干|做)")
_OVERVIEW = re.compile(r"有哪些|哪些重点|什么重点|怎么做|如何做|怎样做|做什么|做哪些|什么内容|主要内容|重点工作|有什么安排|哪些措施|什么措施")
_PREAMBLE = re.compile(r"总体思路|总体要求|指导思想|总体目标|总基调|工作思路")
# (spoken too: 是21到23年吧 recalls the span of a three-year plan)
_YEAR_SPAN = re.compile(r"20\d\d\s*年?\s*(?:到|至|-|—|–|~|～)\s*20\d\d\s*年?|"
                        r"(?<![\d.])[12]\d\s*年?\s*(?:到|至|-|—|–|~|～)\s*[12]\d\s*年|"
                        # 提质培优行动计划是管到2022年吧: where a programme runs to, not which plan is asked
                        r"(?:管到|延到|延续到|持续到|截至|截止到?|直到)\s*(?:20\d\d\s*年?|[12]\d\s*年)")
# 连着16年, 连续17年, 近20年: a span of years counted, not the year 2016
# (a year after 到 / 至 ends a span the asker remembers, 管到2022, 到23年: it names no plan's year)
_YEAR = re.compile(r"(?<!到)(?<!至)(?<!到\s)(?<!至\s)(?:(20\d\d)\s*年?|(?<![\d.])(?<!连续)(?<!连着)(?<!连)(?<!近)(?<!满)(?<!整整)(1[5-9]|2\d)\s*年(?!级|代|内|底|前|后|间))")
# Who passes the question on (张局微信问：, 王局问：, 领导让查一下：): never its topic
_FORWARDED = re.compile(r"^\s*[^：:，,。？?！!\s]{0,10}?(?:问|说|让我?查|要问|交代|布置|请教)(?:一下|下)?\s*[：:]")
# Whom a line pasted from a group chat calls on (@小李, @王姐): a name, never the topic
_MENTION = re.compile(r"[@＠][^\s@＠，,。：:？?！!]{1,8}")
# A greeting opening the message (您好，… / 各位老师好，… / 在吗？…): said before whatever follows, a forwarding too
_GREETING = re.compile(r"^\s*(?:(?:你|您|大家|各位[^，,。！!？?\s]{0,4}|[^，,。！!？?\s]{0,3}(?:老师|领导|科长|局长|主任|姐|哥)们?)好"
                       r"|在吗|在不|(?i:hello|hi)|嗨|哈喽|请问(?:一下|下)?|我?想问(?:一下|下)?|问(?:个|一)事儿?|打扰(?:一下|了)?)"
                       r"[，,。！!？?\s~～]+")  # 请问一下，… / 问个事，…: an opening clause of its own
# ... or after it, as a clause of its own (…有没有写进要点？后勤中心问的): who asks, which a task may well name
_ASKED_BY = re.compile(r"(?<=[，,。？?！!；;\s])[^：:，,。？?！!；;\s]{1,10}?(?:问的|问我的|让我?问的|让我?查的|急?要的|急要|要用的?|"
                       r"要看的?)[。？?！!\s]*$|"  # …，领导要的 / …？局长急要
                       r"[—–]+\s*[^：:，,。？?！!；;\s—–]{1,10}?问的?[。？?！!\s]*$")  # …？——体艺科问
# 体卫艺管吗, 基教管的吧: 管 as a verb standing alone (管理, 管控 are the plans' words)
_POSSESSIVE = ("其", "的")
_DOES_WHAT = re.compile(r"(?:管|搞|负责|主管|分管)[\u4e00-\u9fff]{1,4}的$")
_ROLE_AFTER_OFFICE = re.compile(r"牵头|挑头|负责|参与|配合|协助|主抓|分管|主责|管(?=[吗嘛么吧的啊呀不？?，,。!！\s]|$)")
_BEFORE_ROLE = re.compile(r"(?:\s|那块|这块|那边|这边|那里|这里|那儿|方面)*$")  # between an office's name and its role word
_OFFICE_END = re.compile(r"科|办|室|所|站|馆|中心|委|处|股|院|局")  # 区卫健局 for 区卫生健康局, 基教股, 教科院
_OFFICE_END_CHARS = "科办室所站馆委心处股院局"
_PROVINCE_BUREAU = re.compile(rf"(?:{_PROVINCES})(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)?\s*(?:教育厅|教育委员会|教委)")
_PLAN_WORD = re.compile(r"要点|工作计划")
# 入园难 入园贵 这个老问题 哪些市点出来了, …这种短板, …这种话 哪几个地方要点里有: the problem as the plans state their own
_ADMITTED = re.compile(r"(?:这|这个|这种|这类|这些|这一)\s*(?:老)?(?:问题|毛病|短板|弱项|难题|不足|通病)(?!整改|清单)"
                       r"[^，,。？?！!]{0,12}?(?:点出|点了|点名|认了|承认|自己|提到|提了|写了|说了|有)|这种话|这类话|这话")
_PERSON_ASKED = re.compile(r"(?:分管|责任|牵头|主管|联系)(?:局|校)?领导|分管(?:副)?局长|哪(?:位|个)(?:局)?领导|局领导(?:是|分管)")
_OFFICE_PREFIXES = ("市", "机关", "局")  # staff leave these off: 招考办, 纪委, 电教馆
# and the bureau's own name before a unit's (直属单位 of 市教育直属单位): read only as typed whole, never shortened further
# (科学研究室 of 市教育科学研究室 would make a 科室 of any question)
_BUREAU_PREFIXES = ("市教育", "县教育", "区教育")
_AFTER_OFFICE = "的牵负参配协有要今上下年第都还呢在管做干"
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# The plans counted as places (五个市, 这几个地方, 两地): a comparison's scope, never its topic
PLACES_COUNTED = re.compile(r"(?:这|那)?[两三四五六七八九十几\d]+\s*(?:个?\s*(?:地市|城市|地方|市|地)(?![区县级场]|一级)|"
                            r"份(?=要点|计划|文件|[里中的]|\s|$))")  # not 几个市级 / 几个市一级基地; 那两份里: plans
# 别的地方呢, 其他市有吗, 剩下几个市: the plans other than the one the conversation is about, a comparison's scope
OTHER_PLACES = re.compile(r"(?:别的|别家|其他|其它|另外的?|剩下的?|其余的?)(?:(?:几个|那几个|几家|那几家)?\s*"
                          r"(?:地方|地市|城市|市|县区|县|区|家|份)|那?几[个家](?=\s|$|[呢吧吗啊，,。？?]))")  # 只看另外几个
_COMPARE = re.compile(r"各地|各市|各个(?:地方|城市|市|地市)|哪些(?:地方|城市|市|地市)|哪几个(?:地方|城市|市)|"
                      r"哪个(?:地方|城市|市)|谁家|哪几?家(?=的|\s*[要在有写提做搞出印办定]|\s*[？?。!！呢啊]|\s*$)|几个市|比较|对比|相比|区别|异同|分别|比比|比一比|比一下|(?i:(?<![a-z])pk(?![a-z]))|"
                      + PLACES_COUNTED.pattern)
# 二〇二二(年), and the spoken 二二年 / 一九年 (not 十二年, 一二年级, 二〇年代)
_CHINESE_YEAR = re.compile(r"二[〇零○][〇零○一二三四五六七八九]{2}(?!\s*年[级代])|(?<![〇零○一二三四五六七八九十百千万两第])"
                           r"(?:一[五六七八九]|二[〇零○一二三四五六七八九])(?=\s*年(?!级|代|内|底|前|后|间))")
# 三、第16条, 第三部分第2项, 第42项: where a task stands, as staff point at it with the plan open; 第35个教师节, 第三期
# and 第几条 are no such reference
# 倒数第二条, 最后一条, 第五部分最后那条: counted from the end (the number is then -2, -1)
_POSITION = re.compile(r"(?:([一二三四五六七八九十]{1,3})\s*[、.．]\s*|第\s*([一二三四五六七八九十]{1,3})\s*(?:部分|大项|大块|板块|章)"
                       r"\s*(?:“[^”]{1,12}”)?\s*(?:的|里|中)?\s*)?([（(][一二三四五六七八九十]{1,3}[）)])?\s*(?:的|里|中)?\s*"
                       r"(?:第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|小项|个任务|号任务)|"
                       r"倒数\s*第?\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:条|项|点|个任务|个)|"
                       r"最后\s*(?:一|那|1)?\s*(?:条|项|点|个任务))")
_NTH = r"第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|个任务)"
_FROM_END = (r"倒数\s*第?\s*(\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:条|项|点|个任务|个)|"
             r"最后\s*(?:一|那|1)?\s*(?:条|项|点|个任务)")
_NAMED_PART = re.compile(rf"(?<![第\u4e00-\u9fff])((?!第)[\u4e00-\u9fff]{{2,6}}?)(?:那|这)?个?\s*(?:部分|板块|大块|大项)\s*(?:的|里|中)?\s*(?:{_NTH}|{_FROM_END})")
# 第八部分, 第三部分里: a part alone, the task then named by the question's words among that part's tasks
_PART_ONLY = re.compile(r"第\s*([一二三四五六七八九十]{1,3})\s*(?:部分|大项|大块|板块|章)(?:的|里|中|那块|这块)?")
# 最后一部分里, 最后那个板块: the plan's last part, whatever its numeral (the part is then LAST_PART)
LAST_PART = "最后"
_LAST_PART_ONLY = re.compile(r"(?:最后|最末)\s*(?:一|那|这)?\s*个?\s*(?:部分|大项|大块|板块|章)(?:的|里|中|那块|这块)?")
_NAMED_PART_ONLY = re.compile(r"(?<![第\u4e00-\u9fff])((?!第)[\u4e00-\u9fff]{2,6}?)(?:那|这)个?\s*(?:部分|板块|大块)(?:的|里|中)?")
_FIRST_ONE = re.compile(r"头一(?=条|项)")
_ITEM_POSITION = re.compile(r"(?:([一二三四五六七八九十]{1,3})\s*[、.．]?\s*|第\s*([一二三四五六七八九十]{1,3})\s*(?:部分|大项|板块|章)"
                            r"\s*(?:的|里|中)?\s*第?\s*)([（(][一二三四五六七八九十]{1,3}[）)])\s*(?:点|条|项)?")
_BARE_POSITION = re.compile(r"(?:^|(?<=[\s，,。：:]))(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:条|项)"
                            r"(?=\s|谁|说|讲|写|是|的|啥|咋|配合|牵头|[，,。？?！!]|$)")
_CHINESE_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
# (不是去年完成的 今年…: last year taken back, only this year is asked)
_LAST_YEAR = r"(?<!不是)(?<!不要)(?<!不问)去年"
_YEAR_OVER_YEAR = re.compile(rf"{_LAST_YEAR}.{{0,12}}今年|今年.{{0,12}}{_LAST_YEAR}|去年和今年|去年做了|去年干了")
# 出没出, 搞没搞, 办不办: a yes-no question asked by repeating the verb says nothing about the topic, and jieba would
# read 出没 as a word
_A_NOT_A = re.compile(r"(.)[不没]\1")
# 有没有提到 / 提没提 asks whether the plan mentions the topic that follows; a bare 提 is only taken off where it
# and the next character make no word of the plans (有没有提防溺水 asks about 防溺水; 有没有提高收费 keeps 提高)
_MENTIONED = re.compile(r"(?:有没有|有无|是否|提没|没)提(?:到|及|过)|(?:有没有|有无|是否|提没)提")
# 普惠的那一类, 强基计划那一类: pointing at a kind just named, as 那类 does (jieba cuts 那 | 一类, and 一类 would be
# read as a topic word no plan prints)
_THAT_KIND = re.compile(r"[那这]一(?:类|种|样)")
# How long: asks a duration, like 多少 asks a number; jieba would leave 长时间 behind as a topic word
_HOW_LONG = re.compile(r"多长时间|多少时间|多长|多久")


@dataclass
class Question:
    text: str
    folded: str
    cities: list[str] = field(default_factory=list)  # corpus cities named
    unknown_cities: list[str] = field(default_factory=list)  # named, but no plan in the corpus
    year: int | None = None
    years: list[int] = field(default_factory=list)  # two or more years named: compared side by side
    office: str | None = None  # as written in the corpus (one of its forms)
    office_forms: set[str] = field(default_factory=set)  # every written form of that office in scope
    other_offices: dict[str, set[str]] = field(default_factory=dict)  # further offices named -> their forms
    intent: str = GENERAL
    role: str = "both"  # for office_tasks: "lead", "shared" (参与 / 配合 only) or "both" (grouped by role)
    figure: bool = False
    overview: bool = False  # asks what a task contains: quote its two best sentences, not one
    content: bool = False  # asks what a task says (讲了啥, 咋说的), also beside who leads it
    shared_only: bool = False  # asks only who shares a task (配合科室是哪些): its lead alone does not answer
    preamble: bool = False  # asks for the plan's overall approach (总体思路), which the preamble states
    # asks which plans own up to a problem (…这毛病 哪几个市认了): a plan says so in its tasks' 问题描述, not by a task
    # on the topic
    admitted: bool = False
    person: bool = False  # asks the leader a task hangs on (分管领导是谁), a person, not an office
    topic: str = ""  # the question with city, year and office removed
    asked: str = ""  # the question without what is said around it (您好，王局问：… ，麻烦了): what is embedded
    compare: bool = False  # asks across plans (各地 / 比较 / two places named): answered plan by plan
    only: bool = False  # 就承德写了吧 / 只有长春有吧: one place named as the only one, checked against every plan
    others: bool = False  # asks of the plans other than the conversation's (别的地方呢, 其他市有吗)
    # a comparison's places edited in a follow-up: left out (温州那个不要了, 温州除外), put back (温州还是加上吧), or
    # one put in another's place (长春换成遂宁: (长春, 遂宁))
    excluded: list[str] = field(default_factory=list)
    # what the question leaves out of what it asks (幼儿园的不算, 别把特岗算进去, 三大球那些先别管): neither a topic word
    # nor the object of the figure asked
    left_out: list[str] = field(default_factory=list)
    added: bool = False
    replaced: tuple[str, str] | None = None
    year_over_year: bool = False  # 去年做了什么、今年要做什么: a plan's summary year beside its plan year
    # 三、第16条 / 二、（二）第1项 / 第42项: the part (三), the subsection as printed (（二）) and the task number named;
    # counted from the end when negative (倒数第二条: -2)
    position: tuple[str | None, str | None, int] | None = None
    # a follow-up asking only a value of the same task (评几个, 那啥时候完成): the topic the conversation goes on with,
    # without that ask, so the next turn (牵头的是哪个) does not ask it again
    carried_topic: str | None = None
    # where the value asked is read, when not the whole question: a follow-up's own words ("" when it asks none, as
    # 谁牵头 after 各市…啥时候搞), the topic it carries being asked no value of its own
    value_asked_in: str | None = None

    @property
    def value_text(self) -> str:
        """The words the asked value is read from (the whole question, or a follow-up's own ask); not who reported
        the matter (达州几个家长联名写信反映… asks no count)."""
        return REPORTED.sub(" ", self.folded) if self.value_asked_in is None else self.value_asked_in


# how the matter reached the asker (家长打12345说…, 有考生打热线反映…, 达州几个老师联名写信 说…, 一所中学报上来): who
# reported and by what channel, never what about
REPORTED = re.compile(r"(?:有(?:个|位|些)?|一(?:个|位|名|所)|几(?:个|位|名|所))?[^\s，,。；;？?！!]{0,6}?"
                      r"(?:家长|市民|居民|群众|考生|学生|老师|教师|校长|园长|老人|职工|网友|业主|老板|包工头|人|学校|中学|"
                      r"小学|幼儿园|代表|委员|记者)们?"
                      r"(?:(?:实名|匿名|联名)?(?:举报|投诉|反映|打(?:了|过)?(?:12345|热线|市长热线|电话)(?:来)?|来电话?|"
                      r"写信(?:来)?|来信|报上来|来局里|找到局里))+(?:说|称|问)?")

# A message that corrects itself (温州… 不对 我说错了 是台州; 长春20年的我有 但领导要的是长春21年的): the place and
# year named after the last correction or "what is wanted" are the ones asked; those before it, and one said to be
# "not it" (不是温州 是台州, 我要的不是19年), are taken back. The topic words stay wherever they stand.
_CORRECTION = re.compile(r"不对不对|不对|说错了?|搞错了?|打错了?|写错了?|输错了?|口误|更正一下|纠正一下|(?:我|领导|他|她|他们|我们|要)?要的是|要查的是|"
                         r"需要的是|问的是|说的是|[哦噢喔]\s*不(?=[\s，,])")
_NOT_THIS = re.compile(r"不是(?P<taken>[^，,。；;！!？?\s]{1,12}?)(?=\s*[，,]?\s*(?:而|我说的|我问的|我要的|说的|问的|要的)?是)")


def _retracted(text: str, places: list[str]) -> str:
    """`text` with the places and years a correction takes back blanked (same length), or as it was. A place said
    not to be the one meant (长春 承德… 不是承德 我说的是遂宁, 遂宁的职成科 哦不是遂宁 是达州的) is taken back wherever
    it stands and the others stay; otherwise a correction takes back every place and year before it."""
    taken = {p for m in _NOT_THIS.finditer(text) for p in places if p in m.group("taken")}
    if taken:
        for place in sorted(taken, key=len, reverse=True):
            text = text.replace(place, " " * len(place))
        return text
    corrections = list(_CORRECTION.finditer(text))
    if not corrections:
        return text
    last = corrections[-1]
    before, after = text[:last.start()], text[last.end():]
    kept = _NOT_THIS.sub(lambda m: " " * len(m.group(0)), after)
    if not (_YEAR.search(kept) or any(p in kept for p in places)):
        return text  # the correction names no place or year: what it corrects is something else (填的好像不对)

    def blank(piece: str) -> str:
        piece = _YEAR.sub(lambda m: " " * len(m.group(0)), piece)
        for place in sorted(places, key=len, reverse=True):
            piece = piece.replace(place, " " * len(place))
        return piece
    after = _NOT_THIS.sub(lambda m: "不是" + blank(m.group("taken")), after)
    return blank(before) + last.group(0) + after


def _without_names(text: str, names: set[str]) -> str:
    """`text` with the office names it holds blanked out, longest first: their words ask nothing."""
    for name in sorted((n for n in names if n and n in text), key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def read_question(text: str, documents: dict[str, DocumentInfo], office_forms: dict[str, set[str]],
                  corpus_text: str, words: Callable[[str], list[str]] | None = None,
                  everyday: Callable[[str], bool] = lambda word: False) -> Question:
    """`office_forms`: per document, every office name written in it; `corpus_text`: all records, folded (a place
    name that the plans themselves mention, such as 北京 in 北京冬奥会, is a topic, not a city filter); `words`: the
    question cut as the engine cuts it, so that a city name is only read where it stands as a word (推广普通化, a
    slip for 普通话, names no 通化); `everyday`: whether everyday Chinese uses a word often enough that it means itself
    rather than an office's name with characters left out (教室 is not 教研室, though a small corpus prints it once)."""
    folded = as_mandarin(fold(text).strip())  # 啥子时候, 好多所: read as Mandarin
    folded = BACK_TO.sub("", folded) or folded  # 回到达州那条 谁挑头: back to what was said, not a topic word
    q = Question(text=text, folded=read_role_slips(folded, words) if words else folded)  # 谁牵投: 谁牵头
    rest = q.folded
    names = {}
    for info in documents.values():
        for name in info.city_names:
            if info.city and name and name.strip():  # an empty name would match every question
                names[fold(name)] = info.city
    if names:  # 河北承德 / 四川省达州市教育局: the province before a city and the bureau after it name the plan
        alternation = _alternation(names)
        rest = re.sub(rf"(?:{_PROVINCES})(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)?\s*(?=(?:{alternation}))", "", rest)
        rest = re.sub(rf"((?:{alternation})市?)\s*{BODY}", r"\1 ", rest)
    rest = _retracted(rest, [*names, *gazetteer()])
    excluded: list[str] = []
    if names:
        rest, excluded = _without_excluded(rest, names)
    edges = _word_edges(rest, words) if words else None
    present = [name for name in names if name in rest]
    for name in sorted(names, key=len, reverse=True):
        if name in rest:
            if edges is not None and not _stands_as_word(name, rest, edges) and any(
                    other != name and other in name and names[other] == names[name]
                    and _stands_as_word(other, rest, edges) for other in present):
                continue  # 遂宁市长教育奖 (遂宁|市长教育奖) names 遂宁 and keeps 市长
            if name[-1] in "市县区" and name[:-1] in names and re.search(rf"{re.escape(name)}[级长委直]", rest):
                continue  # 达州市级足球特色学校: 达州 and 市级 (jieba keeps the place whole, so it is read here)
            if names[name] not in q.cities:
                q.cities.append(names[name])
            rest = rest.replace(name, " ")
    if not q.cities and (bureau := _PROVINCE_BUREAU.search(rest)) and _PLAN_WORD.search(rest):
        # 河北省教育厅2021年工作要点: a province's own plan, which the corpus (cities' and counties' plans) lacks
        q.unknown_cities.append(bureau.group(0))
        rest = rest.replace(bureau.group(0), " ")
    typed: dict[str, str] = {}  # places typed with a slip (承得), as typed -> the corpus city
    while names and (slip := _place_slip(rest, {n: c for n, c in names.items() if c not in q.cities}, corpus_text,
                                         everyday)):
        # 郴洲 for 郴州 (温洲和达州): a plan's place typed with a same-sounding character, where a place stands
        start, name = slip
        q.cities.append(names[name])
        typed[rest[start:start + len(name)]] = names[name]
        rest = rest[:start] + " " + rest[start + len(name):]
    for nickname, meant in sorted(nicknames().items(), key=lambda item: -len(item[0])):
        # 春城那份要点: a city called by its other name, read as the one the corpus has a plan for (else as a city
        # without a plan); 长春城区 holds no 春城, its place taken out above
        if nickname not in rest or (words and not _stands_as_word(nickname, rest, _word_edges(rest, words))):
            continue
        if any(f"{nickname}{suffix}" in rest and f"{nickname}{suffix}" in districts() for suffix in "区县市"):
            continue  # 鹿城区教育局: the district named so, not its city's other name (read with the districts below)
        city = next((names[c] for c in meant if c in names), None)
        if city is None:
            q.unknown_cities.append(meant[0])
        elif city not in q.cities:
            q.cities.append(city)
        rest = rest.replace(nickname, " ")
    for info in documents.values():  # 上海市崇明区: the region before a named district is part of naming it
        if info.city in q.cities and info.region:
            for name in (fold(info.region), fold(info.region)[:-1]):
                if len(name) >= 2 and name in rest:
                    rest = rest.replace(name, " ")
    q.excluded = excluded
    if excluded:  # 达州 承德 遂宁…咋写的 承德不要: named, then left out
        q.cities = [city for city in q.cities if city not in excluded]
    if names and (edit := _scope_edit(q.folded, names)):
        q.replaced, q.added = edit if isinstance(edit, tuple) else None, edit is True
    if excluded or q.replaced or q.added:  # 只看另外几个, 还是加上吧, 换成: which plans, never what about
        rest = _SCOPE_WORDS.sub(" ", rest)
    if len(q.cities) == 2 and not excluded and not q.replaced and (
            asked := _asked_after_example(q.folded, names, q.cities)):
        q.cities = [asked]
    plan_cities = list(dict.fromkeys(info.city for info in documents.values() if info.city))
    if excluded and not q.cities:
        q.cities = [city for city in plan_cities if city not in excluded]
    rest = _areas_read(q, rest, documents, plan_cities, corpus_text, words)
    edges = _word_edges(rest, words) if words else None  # what is left once the corpus's places are taken out
    for name in sorted(gazetteer(), key=len, reverse=True):
        if name in rest and (edges is None or _stands_as_word(name, rest, edges)) and (
                name not in corpus_text or (not q.cities and (_in_city_position(name, rest)
                                                              or _in_city_position(name, q.folded)))
                or _names_its_plan(name, rest) or _listed_with(name, q.cities, q.folded)):
            q.unknown_cities.append(name)
            rest = rest.replace(name, " ")
    corpus_cities = {info.city for info in documents.values() if info.city}
    for name, parents in districts().items():  # 海淀区, 义乌市: a county-level place of a city the corpus lacks
        # or one of a corpus city whose own plan is asked (龙港2022年教育工作要点: 温州's plan is not 龙港's)
        if name in rest and (edges is None or _stands_as_word(name, rest, edges)) and (
                (not parents & corpus_cities and name not in corpus_text and (not q.cities or _names_its_plan(name, rest)))
                or _names_its_plan(name, rest)):
            q.unknown_cities.append(name)
            rest = rest.replace(name, " ")
        elif len(name) >= 3 and (bare := name[:-1]) in rest and bare not in q.cities and _names_its_plan(bare, rest) \
                and (edges is None or _stands_as_word(bare, rest, edges)):
            q.unknown_cities.append(bare)  # 龙港2022年教育工作要点: the place named without its suffix, its own plan
            rest = rest.replace(bare, " ")
        elif len(parents) == 1 and (city := next(iter(parents))) in corpus_cities and (said := next((
                form for form in (name, name[:-1] if len(name) >= 3 else "") if form and form in rest
                and (edges is None or _stands_as_word(form, rest, edges)) and (form == name or not everyday(form))),
                None)):
            # 瑞安那边 少年军校, 通川区 学前: a county or district of one corpus city asks that city's plan (a bare name
            # everyday Chinese uses as a word, 安居, 兴隆, is not read as the place); one the plans print stays a
            # topic word too (瓯海跟泰顺 要创啥: 温州 names them as the places creating it)
            if city not in q.cities:
                q.cities.append(city)
            if said not in corpus_text:
                rest = rest.replace(said, " ")
    rest = _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), rest)  # 二〇二二年 -> 2022年, 二二年 -> 22年
    # 2019年, 2019, and the spoken 19年; not a span a programme runs (2017到2030那版, 2021-2025年规划): no plan's year
    spans = [m.span() for m in _YEAR_SPAN.finditer(rest)]
    named_years = [m for m in _YEAR.finditer(rest) if not any(a <= m.start() < b for a, b in spans)]
    values = list(dict.fromkeys(int(m.group(1)) if m.group(1) else 2000 + int(m.group(2)) for m in named_years))
    if len(values) == 1:
        q.year = values[0]
    elif len(values) > 1:  # 2020年做了什么，2021年打算怎么做: those years side by side, as 去年/今年
        q.years = values
    for m in reversed(named_years):
        rest = rest[: m.start()] + " " + rest[m.end():]
    rest = _unwrapped(rest)  # after the places: 达州张局问：… still names 达州
    every_form = set().union(*office_forms.values()) if office_forms else set()
    rest = _without_asking_office(rest, every_form, corpus_text, everyday)
    q.asked = re.sub(r"\s+", " ", _without_asking_office(_unwrapped(q.folded), every_form, corpus_text, everyday)).strip() \
        or q.folded
    if not (_LEAD_WORDS.search(q.folded) or _LIST_WORDS.search(q.folded) or _ROLE_AFTER_OFFICE.search(q.folded)):
        rest = _without_signature(rest, every_form, corpus_text, everyday)
    elif (m := _SIGNED.search(rest)) and _is_office_name(m.group(1), every_form, corpus_text, everyday) \
            and not _ROLE_AFTER_OFFICE.search(rest[m.end():]) and not _OFFICE_LIST_ONLY.search(rest[m.end():]):
        # 法规科：…清单列了多少项: an office alone before a colon asks, when what follows asks nothing of offices
        # (基教科：达州牵头几项 is asked of the office)
        rest = rest[: m.start(1)] + " " + rest[m.end():]
    scope = [f for f, info in documents.items() if not q.cities or info.city in q.cities]
    forms = set().union(*(office_forms.get(f, set()) for f in scope)) if scope else set()
    folded_forms = {fold(f) for f in every_form}
    q.office, span = _find_office(rest, forms, corpus_text, everyday, folded_forms)
    if q.office and rest[max(0, span[0] - 1):span[0]] in _POSSESSIVE \
            and not _DOES_WHAT.search(rest, 0, span[0]):
        q.office = None  # 督导委员会及其办公室, 学校的办公室: another body's office, part of the topic
        # (管钱的计财科, 负责安全的安全科: what the office does, said before its name, describes it)
    if q.office:
        q.office_forms = same_office(q.office, scope, documents, office_forms)
        for other in _same_abbreviation(rest[span[0]:span[1]], q.office, scope, office_forms):
            q.office_forms |= same_office(other, scope, documents, office_forms)
        if described := _DESCRIBED_OFFICE.fullmatch(rest[span[0]:span[1]]):
            # 督导那个科 asked of 达州 and 遂宁: 督导办 in one plan, 督导室 in the other
            for other in {f for w, f in _written_forms(frozenset(forms)).items() if described.group(1) in w}:
                q.office_forms |= same_office(other, scope, documents, office_forms)
        rest = rest[: span[0]] + " " + rest[span[1]:]
        while len(q.other_offices) < 3:
            other, span = _find_office(rest, forms, corpus_text, everyday, folded_forms)
            if other is None:
                break
            if other in q.office_forms:  # 体卫艺 国防教育办那个: the same office named twice, no second one
                rest = rest[: span[0]] + " " + rest[span[1]:]
                continue
            if (described := _DESCRIBED_OFFICE.fullmatch(rest[span[0]:span[1]])) and q.office in (
                    meant := {f for w, f in _written_forms(frozenset(forms)).items() if described.group(1) in w}):
                # 我们督导室… 达州 遂宁 承德 督导那个科: the office already named, described to fit each plan's name
                for form in meant:
                    q.office_forms |= same_office(form, scope, documents, office_forms)
                rest = rest[: span[0]] + " " + rest[span[1]:]
                continue
            q.other_offices[other] = same_office(other, scope, documents, office_forms)
            rest = rest[: span[0]] + " " + rest[span[1]:]
    if not q.office and (unlisted := _unlisted_office(rest, corpus_text, folded_forms)):
        # 是不是人事处牵头, 教研室让我查, 信访办牵头处理吧: an office as the asker's own unit calls it, which no plan in
        # scope prints: who asks or is guessed, not what about. Asked for its task list (达州教育工会牵头哪些), it is
        # the plan's office sharing the most of its name, or none (the answer says the plan lists no such office)
        name, (start, end) = unlisted
        if _LIST_WORDS.search(q.folded) and not _ONE_TASK.search(q.folded):
            meant = _nearest_office(name, forms)
            q.office = meant or name
            q.office_forms = same_office(meant, scope, documents, office_forms) if meant else set()
        # its stem stays when the plans print it or shorten to it (信访办: 信访; 安稳办: 安全稳定), as a topic word
        stem = _stem(name)
        kept = stem if len(stem) >= 2 and (stem in corpus_text or (
            (shortened := abbreviation_pattern(stem)) is not None and shortened.search(corpus_text))) else ""
        rest = rest[:start] + f" {kept} " + rest[end:]
    if q.office and (_LIST_WORDS.search(q.folded) or (_ROLE_WORD.search(q.folded) and _ROLE_ONLY.fullmatch(rest))) \
            and not _ONE_TASK.search(q.folded):
        # (基教科 牵头 达州, 体艺科 配合 达州 遂宁: an office and a role typed as keywords, no topic: its task list)
        q.intent = OFFICE_TASKS
        # 配合的有哪些 哦说错了 我要它牵头的: a role said after the question corrects itself is the one asked
        said = q.folded
        if (corrections := list(_CORRECTION.finditer(said))) and (
                _LEAD_ROLE.search(after := said[corrections[-1].end():]) or _SHARED_ROLE.search(after)):
            said = after
        lead, shared = bool(_LEAD_ROLE.search(said)), bool(_SHARED_ROLE.search(said))
        if m := _EXCLUDED_ROLE.search(q.folded):
            q.role = "shared" if _LEAD_ROLE.fullmatch(m.group(1) or m.group(2)) else "lead"
        elif q.other_offices and lead and not shared and _TOGETHER.search(q.folded):
            q.role = "lead"  # 基教科和法规科一起牵头的: the tasks they all lead
        elif _BOTH_ROLES.search(_without_names(q.folded, folded_forms)) or lead == shared:  # 负责哪些: what it leads
            # and shares (not the 所有 of an office named 机关所有科室)
            # (a 责任科室 said with 参与 is the shared role: 当责任科室参与的工作)
            q.role = "both"
        else:
            q.role = "lead" if lead else "shared"
    elif _LEAD_WORDS.search(_SUBJECTS_ASKED.sub(" ", q.folded)):  # 中考新加哪些科: subjects, not offices
        q.intent = LEAD
        said = _NEGATED_ROLE.sub(" ", q.folded)  # 是配合的 不是牵头的: the role taken back is not asked
        q.shared_only = bool(_SHARED_ASKED.search(said)) and not _LEAD_ASKED.search(said)
        # 配合科室呢, 谁配合, 主办科室哪个: asks who, as 牵头 does; never a topic word
        rest = _ROLE_ASKED.sub(" ", _ROLE_LIST.sub(" ", _HOST_ASKED.sub(" ", rest)))
    q.figure = bool(_FIGURE.search(q.folded))
    q.admitted = bool(_ADMITTED.search(q.folded))
    q.person = bool(_PERSON_ASKED.search(q.folded))
    q.overview = bool(_OVERVIEW.search(q.folded))
    q.content = q.overview or bool(_CONTENT.search(q.folded))
    q.preamble = bool(_PREAMBLE.search(q.folded))
    rest = _without_mention(rest, corpus_text)
    q.position, rest = read_position(rest)
    if q.position:  # 承德去年总结三（五）, 今年要点第二部分: which document the position is in, not what about
        rest = _DOCUMENT_WORDS.sub(" ", rest)
    q.others = bool(OTHER_PLACES.search(rest))
    rest = OTHER_PLACES.sub(" ", rest)
    left_out = [m for m in _LEFT_OUT.finditer(rest) if not _NOT_A_THING.search(m.group("what") or m.group("what2"))]
    q.left_out = [m.group("what") or m.group("what2") for m in left_out]
    for m in reversed(left_out):
        rest = rest[:m.start()] + " " + rest[m.end():]
    rest = _LEFT_OUT_BARE.sub(" ", rest)  # (…几个幼儿园的不算: 不算 says nothing of a topic)
    q.topic = re.sub(r"\s+", " ", _HOW_LONG.sub(" ", _A_NOT_A.sub(" ", PLACES_COUNTED.sub(" ", _THAT_KIND.sub(
        " ", rest))))).strip()
    q.year_over_year = bool(_YEAR_OVER_YEAR.search(q.folded)) or len(q.years) > 1
    if len(q.cities) == 1 and not excluded and any(re.search(
            rf"(?:就|只有|仅有|只|光)\s*{re.escape(n)}(?:市|那边|这边|的)?\s*(?:写|提|有|搞|弄|安排|定)", q.folded)
            for n, c in [*names.items(), *typed.items()] if c == q.cities[0]):  # (只有承得写了吗: 承德 typed so)
        q.cities, q.only = [], True  # 就承德写了吧: whether any other plan does too is asked, every plan side by side
    q.compare = q.intent != OFFICE_TASKS and (len(q.cities) >= 2 or q.year_over_year or q.others or q.only
                                              or bool(_COMPARE.search(q.folded)))
    return q


# 俺们长春整百万学子上冰雪 达州那边儿有没有…, 遂宁办龙舟赛 承德也办吗: one place is told as the example, the other checked
_JOINED = re.compile(r"[和与跟同及、/]|相比|对比|比较|比一比|分别|各自|两地|两个|俩")
_CHECKED_AFTER = re.compile(r"有没有|有没得|有没|有无|有吗|有\S{0,8}?[没吗嘛]|[吗嘛呢]|也\s*(?:搞|办|有|建|整|要|在|开|做|上|弄|推|抓)")
_ASKED_IN = re.compile(r"[？?吗嘛呢谁哪几啥咋]|多少|什么|怎么|如何|有没|有无|是否|(.)[不没]\1")
_TOLD = re.compile(r"[\u4e00-\u9fff]{2,}")


def _asked_after_example(folded: str, names: dict[str, str], cities: list[str]) -> str | None:
    """The place a question checks when it first tells what another place does (达州 要建少年军校 长春那边有没有…):
    that one is the example the asker holds, not a second plan asked; a comparison joins or contrasts the two
    (达州和遂宁, 比较), or asks of both (长春有没有…，达州呢)."""
    where = {city: min((folded.find(n) for n, c in names.items() if c == city and n in folded), default=-1)
             for city in cities}
    if -1 in where.values():  # a place read from elsewhere than its name (两个四川的): no order to read
        return None
    first, second = sorted(cities, key=where.get)
    told = folded[where[first]:where[second]]
    for name in names:
        told = told.replace(name, " ")
    told = re.sub(r"我们|俺们|咱们|咱|的?(?:工作)?要点里?|\d+年?", " ", told)
    if _JOINED.search(told) or _ASKED_IN.search(told) or not _TOLD.search(told) or _JOINED.search(folded[where[second]:]):
        return None
    return second if _CHECKED_AFTER.search(folded[where[second]:]) else None


# 除了温州的, 除温州外, 温州以外的, 不算温州: the plans named are the ones left out of a comparison
_EXCLUDING_BEFORE = r"(?:除了|除去|除开|刨去|刨除|不算|不含|不包括|排除|去掉|不看|别看|除)"
# (温州那个不要了, 温州不用看: a place taken out of a comparison, as 温州除外 says it)
_EXCLUDING_AFTER = r"(?:那个|那份|的)?\s*(?:以外|之外|除外|不算|不要了?(?!求)|不用看了?|不看了?|不用了|去掉|拿掉)"
# 温州还是加上吧, 把长春也算上: a place put back into the comparison; 长春换成遂宁: one put in another's place
_ADD_WORDS = "加上|算上|加进来|加进去|带上"
_SWAP_WORDS = "换成|改成|换为|改为|替换成"
_ADDING = re.compile(rf"{_ADD_WORDS}|也看看|也要")
_REPLACING = rf"(?:那个|那份|的)?\s*(?:{_SWAP_WORDS})"
_SCOPE_WORDS = re.compile(rf"(?:那个|那份)?(?:还是|也|再)?(?:{_ADD_WORDS}|{_SWAP_WORDS})吧?|只看|就看")
_NAMES_JOINED = r"\s*[、和与及跟,，/]\s*"
# Where a province or a part of the country names plans (四川的, 两个四川的, 北方那俩, 浙江那个, 西南几个市), not a
# topic (浙江经验, 东北师范大学, 四川省级示范)
_PROVINCE_SHORT = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼黔滇陇秦蜀"  # the provinces' one-character names
_AREA_BEFORE = r"(?:(?:这|那)?(?:[两三四五六七八九几]\s*个|俩|仨))?"
_AREA_AFTER = (r"(?:省|地区|那边|这边)?(?=的|那|这|俩|仨|[两三四五几]\s*个|\s|$|[、和与跟及，,])"
               r"(?:的?(?:那|这)(?:俩|仨|[两三四五几]?\s*个|份|几份)?)?")


def _alternation(names: dict[str, str]) -> str:
    """The place names as one regex alternation, longest first (达州市 before 达州)."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _scope_edit(text: str, names: dict[str, str]) -> tuple[str, str] | bool | None:
    """长春换成遂宁 / 把遂宁那个换成长春: (the place taken out, the one put in); 温州还是加上吧: True (the places named
    join the comparison); None when the question edits no comparison's places."""
    alternation = _alternation(names)
    if m := re.search(rf"({alternation})市?{_REPLACING}\s*({alternation})", text):
        return names[m.group(1)], names[m.group(2)]
    if re.search(rf"(?:{alternation})", text) and _ADDING.search(text):
        return True
    return None


def _without_excluded(text: str, names: dict[str, str]) -> tuple[str, list[str]]:
    """`text` without its 除了X / X以外 phrases naming corpus places, and the cities they leave out."""
    alternation = _alternation(names)
    listed = rf"(?:{alternation})(?:{_NAMES_JOINED}(?:{alternation}))*"
    pattern = re.compile(rf"{_EXCLUDING_BEFORE}\s*(?P<a>{listed})(?:\s*(?:以外|之外|外))?|(?P<b>{listed})\s*{_EXCLUDING_AFTER}")
    excluded: list[str] = []

    def drop(m: re.Match) -> str:
        for name in re.findall(alternation, m.group("a") or m.group("b")):
            if names[name] not in excluded:
                excluded.append(names[name])
        return " " * len(m.group(0))
    return pattern.sub(drop, text), excluded


def _areas_read(q: Question, rest: str, documents: dict[str, DocumentInfo], plan_cities: list[str],
                corpus_text: str, words: Callable[[str], list[str]] | None) -> str:
    """A province or part of the country standing for plans (两个四川的 = 达州 and 遂宁): their cities join the
    question's, or, where the corpus has no plan there and the plans never print the name, it is a place the corpus
    lacks. A province said beside a city of its own (四川达州) only places it. A province that shares its name with
    a city (吉林) is left to be read as the city."""
    plan_province = {}
    for info in documents.values():
        if info.city and info.city not in plan_province:
            plan_province[info.city] = province_of([info.city, info.place, info.region, *info.city_names])
    edges = _word_edges(rest, words) if words else None
    for area, held in sorted(areas().items(), key=lambda item: -len(item[0])):
        if area not in rest or (edges is not None and not _stands_as_word(area, rest, edges)):
            continue
        if not (m := re.search(rf"{_AREA_BEFORE}{re.escape(area)}{_AREA_AFTER}", rest)):
            continue
        if m.start() and rest[m.start() - 1] in _PROVINCE_SHORT and area in regions():
            continue  # 川东北, 鲁西南, 陕西北: a part of one province, named with its one-character name
        there = [city for city in plan_cities if plan_province.get(city) in held]
        if there:
            if not (q.cities and all(plan_province.get(named) in held for named in q.cities)):
                q.cities += [city for city in there if city not in q.cities]
        elif area in corpus_text or q.cities:
            continue  # 对口支援新疆 beside the plan asked: a topic
        else:
            q.unknown_cities.append(area)
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    return rest


_BEFORE_PLACE = re.compile(r"(?:只有|仅有|就|光|除了)$")


def _place_slip(rest: str, names: dict[str, str], corpus_text: str,
                everyday: Callable[[str], bool]) -> tuple[int, str] | None:
    """Where `rest` opens (or a clause opens) with a plan's place name typed with one character a pinyin input method
    put for a same-sounding one (郴洲 for 郴州, 常春 for 长春), and which names no real place (宿州 is not 苏州), no
    word the plans print and no everyday word: its start and the name meant."""
    for name in sorted((n for n in names if len(n) >= 2), key=len, reverse=True):
        for start in range(len(rest) - len(name) + 1):
            if start and _CJK_CHAR.match(rest[start - 1]) and not _BEFORE_PLACE.search(rest, 0, start):
                continue  # (只有承得写了吗: a place after 只有 stands as one)
            typed = rest[start: start + len(name)]
            if typed != name and sum(a != b for a, b in zip(typed, name)) == 1 and sounds_like(typed, name) \
                    and typed not in corpus_text and typed not in gazetteer() \
                    and not everyday(typed):
                return start, name
    return None


def _word_edges(text: str, cut: Callable[[str], list[str]]) -> set[int]:
    edges, at = {0}, 0
    for piece in cut(text):
        at += len(piece)
        edges.add(at)
    return edges


def _stands_as_word(name: str, text: str, edges: set[int]) -> bool:
    """No word of the question runs across the name's first or last character: 推广普通化 (普通|化) names no 通化,
    while 唐山教育据 (唐|山|教育|据, jieba lists 唐山 at frequency 0) still names 唐山."""
    return any(m.start() in edges and (m.end() in edges or (text[m.end():m.end() + 1] in ("市", "区", "县")
                                                            and m.end() + 1 in edges))  # 白城市 cut 白|城市
               for m in re.finditer(re.escape(name), text))


def _in_city_position(name: str, text: str) -> bool:
    """成都今年… / 成都市… / 成都的… / 杭州22年…: the question is about that city, even if a plan mentions it in passing
    (与成都市教育交流合作). Only asked when the question names no corpus city; 北京冬奥会 stays a topic."""
    return bool(re.search(rf"{name}(?:市|的|今年|明年|去年|(?:20)?\d\d\s*年|20\d\d|教育|教体|教委|要|有|在|将|计划)", text))


def read_position(rest: str) -> tuple[tuple[str | None, str | None, int | None] | None, str]:
    """Where the question points in the printed plan, and the question without it: (part, subsection or item, task
    number). The part is a numeral (三), or the words of a part's title (党建那部分: 党建); the number is None for a
    （一） item itself (总结三（一）), negative when counted from the end."""
    rest = _FIRST_ONE.sub("第一条", rest)  # 头一条: the first
    m = _POSITION.search(rest)
    if m and not (m.group(1) or m.group(2) or m.group(3)) and (named := _NAMED_PART.search(rest)):
        # 党建那部分第一条: the part named by its title's words
        number = named.group(2) or named.group(3) or "1"
        position, m = (named.group(1), None, _count(number) if named.group(2) else -_count(number)), named
    elif m:
        sub = m.group(3) and _bracketed(m.group(3))
        number = m.group(4) or m.group(5) or "1"
        position = (m.group(1) or m.group(2), sub, _count(number) if m.group(4) else -_count(number))
    elif m := _ITEM_POSITION.search(rest):  # 总结三（一）, 第三部分第（三）点: the item itself
        position = (m.group(1) or m.group(2), _bracketed(m.group(3)), None)
    elif m := _BARE_POSITION.search(rest):  # 达州18条谁牵头: a number with 条 and nothing counted after it
        position = (None, None, _count(m.group(1)))
    elif m := _PART_ONLY.search(rest):  # 第八部分保民生里 蓓蕾计划那条: the task is one of that part's (number 0)
        position = (m.group(1), None, 0)
    elif m := _LAST_PART_ONLY.search(rest):  # 最后一部分里 教育统计那条: one of the last part's tasks
        position = (LAST_PART, None, 0)
    elif m := _NAMED_PART_ONLY.search(rest):  # 党建那部分里 讲巡察的那条: a part named by its title's words
        position = (m.group(1), None, 0)
    else:
        return None, rest
    return position, rest[: m.start()] + " " + rest[m.end():]


_DOCUMENT_WORDS = re.compile(r"(?:今年|去年|本年|全年)?的?(?:工作)?(?:总结|要点|计划|文件|原文)(?:里|中|上|的)?|今年|去年")


def _bracketed(marker: str) -> str:
    """（三） as the records print it, full-width, whatever brackets were typed."""
    return "（" + marker.strip("（()）") + "）"


def _count(number: str) -> int:
    return int(number) if number.isdigit() else numeral_value(number.replace("两", "二"))


def _without_mention(text: str, corpus_text: str) -> str:
    """The question without its 有没有提到 / 提没提; a bare 提 stays where 提 and the next character make a word the
    plans print (提高)."""
    def drop(m: re.Match) -> str:
        after = text[m.end():m.end() + 1]
        keep = m.group(0).endswith("提") and after and "提" + after in corpus_text
        return m.group(0) if keep else " "
    return _MENTIONED.sub(drop, text)


def _listed_with(name: str, cities: list[str], text: str) -> bool:
    """成都 遂宁 研学…, 成都和遂宁 对…各是咋管的: a place opening the question in a list with a corpus city is a city
    compared, though a plan mentions it in passing; 遂宁跟成都教育合作 (the place inside the topic) is not."""
    if not cities:
        return False
    name, either = re.escape(name), "|".join(re.escape(c) for c in cities)
    return bool(re.match(rf"\s*(?:{name}市?(?:\s*[和跟与、]\s*|\s+)(?:{either})市?|(?:{either})市?(?:\s*、\s*|\s+){name}市?)"
                         rf"(?=[\s，,、]|$)", text))


def _names_its_plan(name: str, text: str) -> bool:
    """成都市教育局2019年工作要点里…, 成都的要点: the question asks that city's own plan, also beside a corpus city it
    is compared with (…我们想跟遂宁对比), though a plan mentions the city in passing."""
    name = re.escape(name)
    return bool(re.search(rf"{name}市?(?:教育局|教体局|教育和体育局|教委)|{name}市?的?\s*(?:20\d\d\s*年?|\d\d\s*年)?的?"
                          rf"(?:教育|教体)?(?:工作)?要点", text))


_LEADING = re.compile(r"^\s*([^\s：:，,。？?！!]{2,6})\s*(?:[：:]|\s)\s*(?=\S)")
_TRAILING = re.compile(r"\s([^\s：:，,。？?！!]{2,6})[\s。？?！!]*$")
# Courtesy, urgency and when it is needed, closing a question as a clause of its own (…，麻烦了 / ？在线等，急)
_COURTESY_TAIL = re.compile(r"[，,。！!？?\s]+(?:麻烦(?:你|您)?了?|谢谢(?:了|啦|你|您)?|多谢|辛苦(?:了|啦)?|拜托了?|急用?|很急|"
                            r"在线等|着急|尽快|(?:今天|明天|上午|下午|晚上|下班前)(?:要报|要交|要用|就要)|发群里)"
                            r"[。！!？?\s~～]*$")
# a remark on the topic just asked, set apart after it (…降多少 很关心这个, …咋整 这事挺急的): how the asker feels about
# it, pointing back at it, never a second topic (学前教育这块 names one: only a feeling said of 这个 is a remark)
_REMARK_ADVERB = r"(?:很|挺|特别|非常|超|蛮|比较|最|都|一直|也|还|真)?"
_POINTER = r"(?:这个|这事|这件事|此事|这块|这些)"
_REMARK_TAIL = re.compile(
    rf"[，,。！!？?\s]+(?:{_REMARK_ADVERB}(?:关心|关注|在意|重视|想知道|想了解|感兴趣|头疼|发愁|上心|操心|盯着?)[了过]?{_POINTER}"
    rf"|{_POINTER}{_REMARK_ADVERB}(?:急|着急|重要|要紧|急用|关键))[的了啊呀哦嘛呢]*[。！!~～\s]*$")
# an organisation named before a colon at the start says who asks (人社局职业能力建设处：…, 市场监管局：…)
_AGENCY = re.compile(r"^\s*[^：:，,。？?！!\s]{0,12}?(?:局|处|厅|委|办|部|中心)\s*[：:]")
# Where a text the user holds comes from, opening the question (省装备中心发通知，…; 组织部检查清单上写着“…”; 人社局说…;
# 新闻标题「…」; 12345转来个投诉：…): the text that follows is what is asked about, its source never is, and a 第5项 of
# the source's list is no position in a plan
_SOURCE = re.compile(
    r"^\s*(?:[^：:，,。？?！!；;\s“”「」『』\"]{0,12}?(?:局|厅|部|委|办|院|中心|组|长|会|所|站|处|科|团|家|里|级|群|\d{3,})的?)?"
    r"(?:(?:会上|又|刚|刚刚)?(?:发了?个?|下发了?的?|印发了?的?|转来了?个?|来了?个?|发来的?)?"
    r"(?:通知|文件|发文|函|来函|通报|简报|清单|检查清单|督查清单|汇报材料|稿子|报告|新闻标题|新闻|报道|投诉|公告)(?:上|里|中)?"
    r"(?:第[\d一二三四五六七八九十]+[项条点])?(?:说|讲|写(?:着|著|的是|的|道)?|要求|提到|提出|称)?"
    r"|(?:会上|调研|检查|督查)?(?:说|讲|反映|来问|问|传|要求|提出|强调|建议))\s*[：:，,]?")
# what the answer is for (写讲话稿要用：, 做PPT用, 写事迹材料用); not 做什么用 (what something is for is a question)
_PURPOSE = re.compile(r"(?:^|(?<=[\s，,。：:；;]))(?:我|我们|科里|处里|这边)?(?:要)?(?:写|做|准备|整理|弄)(?:个|份|一份|一个)?"
                      r"(?!什么|啥)[\u4e00-\u9fffA-Za-z]{1,6}?(?:要|时)?用(?:的)?\s*[：:，,]?(?=[\s，,。？?！!]|$)|"
                      r"(?:^|(?<=[\s，,。：:；;]))(?:我|我们)?(?:要)?(?:写|做|准备|整理|弄)(?:个|份|一份|一个)?"
                      r"(?!什么|啥)[\u4e00-\u9fffA-Za-z]{1,6}?(?:要|时)?用(?:的)?\s*[：:]")
_SOURCE_TEXT = 8  # CJK characters a source's text must have after it, so that it is a text the user holds
_CJK = re.compile(r"[\u3400-\u9fff]")
_SOURCE_BODY = re.compile(r"(?:局|厅|部|委|办|院|中心|组|长|会|所|站|处|科|团|家|里|级|群|\d{3,})的?$")
_ROLE_WORD = re.compile(r"牵头|挑头|主抓|主责|配合|参与|协助|协办|全部|所有")
_ROLE_ONLY = re.compile(r"(?:\s|牵头|挑头|主抓|主责|配合|参与|协助|协办|负责|全部|所有|都|的|和|跟|任务|工作|事项|台账|清单|列表|"
                        r"一览|汇总|[，,、。？?！!])*")
_OFFICE_LIST_ONLY = re.compile(r"哪些(?:工作|任务|事项|事|活)|(?:几|多少)项(?:工作|任务)|都管|手上")
_SIGNED = re.compile(r"^\s*([^\s：:，,。？?！!]{2,8})\s*[：:]")
_LEADING_WITH_WORDS = re.compile(r"(?:^|[，,。？?！!\s])\s*([^\s：:，,。？?！!]{3,10})\s*[：:]")  # also after 请问一下，
_WHY_CHARS = 6


def _without_signature(rest: str, forms: set[str], corpus_text: str, everyday: Callable[[str], bool]) -> str:
    """An office's name set apart at the start or the end of a question that asks nothing of offices is who asks, as
    staff sign what they type (基教 承德高中毛入学率目标多少; 安全科：达州六大安全工程是哪六个; …试点定了几所 基教):
    neither a topic word nor a filter on the tasks, even for a plan that prints no offices (人事 长春强师计划)."""
    for pattern in (_LEADING, _TRAILING):
        m = pattern.search(rest)
        if m and _is_office_name(m.group(1), forms, corpus_text, everyday):
            rest = rest[: m.start(1)] + " " + rest[m.end(1):]
    return rest


def _unwrapped(text: str) -> str:
    """`text` without a greeting, who passes it on, who asks after it, and courtesy or urgency closing it."""
    text = _MENTION.sub(" ", text)  # @小李 领导问…: who a chat line is addressed to
    text = _ASKED_BY.sub(" ", _FORWARDED.sub(" ", _AGENCY.sub(" ", _GREETING.sub(" ", text))))
    text = _without_source(text)
    text = _PURPOSE.sub(" ", text)  # 做PPT用, 写事迹材料用: what the answer is for, not what about
    while (bare := _COURTESY_TAIL.sub("", text)) != text:  # …基教，麻烦了: the signature ends the question again
        text = _ASKED_BY.sub(" ", bare)
    if (m := _REMARK_TAIL.search(text)) and m.start() > 0:
        text = text[:m.start()]
    return text


def _without_source(text: str) -> str:
    """`text` without the source it opens with (人社局说…, 新闻标题「…」): a body named before a speech word, or a
    document word (通知, 清单, 新闻) with or without its body; a speech word alone (说…) is no source."""
    m = _SOURCE.match(text)
    if not m or not m.group(0).strip():
        return text
    said = m.group(0).strip(" ：:，,")
    document = re.search(r"通知|文件|发文|函|通报|简报|清单|材料|稿子|报告|新闻|报道|投诉|公告", said)
    body = said[:document.start()] if document else re.sub(r"(?:会上|调研|检查|督查)?(?:说|讲|反映|来问|问|传|要求|提出|强调|建议)$", "", said)
    if not document and not _SOURCE_BODY.search(body):
        return text
    if len(_CJK.findall(text[m.end():])) < _SOURCE_TEXT:  # 教研中心要求啥: the body's own demands are asked about
        return text
    return " " + text[m.end():]


def _without_asking_office(rest: str, forms: set[str], corpus_text: str, everyday: Callable[[str], bool]) -> str:
    """体卫艺要数：…, 计财这边急要：…: an office and a few words of why, set apart by a colon, say who asks, whatever
    the question then asks (几项体育技能 is a count, not the office's list)."""
    if m := _LEADING_WITH_WORDS.search(rest):
        label = m.group(1)
        if not _is_office_name(label, forms, corpus_text, everyday) and any(
                _is_office_name(label[:k], forms, corpus_text, everyday) for k in range(len(label) - 1, 1, -1)
                if len(label) - k <= _WHY_CHARS and label[k] not in _OFFICE_END_CHARS):
            return rest[:m.start(1)] + " " + rest[m.end():]
    return rest


def _is_office_name(token: str, forms: set[str], corpus_text: str, everyday: Callable[[str], bool]) -> bool:
    written = _written_forms(frozenset(forms))
    if token in written:
        return True
    matches = sorted({f for w, f in written.items() if is_abbreviation(token, w)}, key=_shortest_first)
    return bool(matches) and not _plan_word(token, matches, corpus_text, everyday)


def _find_office(text: str, forms: set[str], corpus_text: str = "",
                 everyday: Callable[[str], bool] = lambda word: False,
                 every_form: set[str] = frozenset()) -> tuple[str | None, tuple[int, int]]:
    """The office the question names: a form printed in the plans, the same without an administrative prefix
    (招考办 for 市招考办, 纪委 for 机关纪委; "达州市招考办" also loses its 市 to the city name), or a plain
    abbreviation of one (the longest one written). A slip of the office's last character (基教课, 电教管) is read
    as the character it sounds like, when nothing is found as typed. `every_form`: the office names of every plan,
    in or out of scope (人事科, 遂宁's office, shortens 达州's 人事师训科: another plan's office name is no topic word)."""
    found = _office_in(text, forms, corpus_text, everyday, every_form)
    if found[0] is None:
        found = _office_in(_mend_office_ends(text, corpus_text), forms, corpus_text, everyday, every_form)
    return found


_SECOND_NAME = re.compile(r"[（(]([\u4e00-\u9fff]{2,10}(?:办|科|室|中心|处|股|所|站|馆|组|委))[)）]$")


@lru_cache(maxsize=64)
def _written_forms(forms: frozenset[str]) -> dict[str, str]:
    """Each office form as questions may write it (folded; also without a 市/机关 prefix) -> the form."""
    written = {fold(f): f for f in sorted(forms)}
    for w, f in list(written.items()):
        # 体卫艺（国防教育办）, 党建办（巡察办）: one unit under two names, asked by either
        if (inner := _SECOND_NAME.search(w)) and inner.group(1) not in written:
            written[inner.group(1)] = f
        for prefix in _OFFICE_PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= 2 and w[len(prefix):] not in written:
                written[w[len(prefix):]] = f
    return written


@lru_cache(maxsize=64)
def _whole_forms(forms: frozenset[str]) -> dict[str, str]:
    """`_written_forms`, and each office form without the bureau's name before it (直属单位 -> 市教育直属单位) when
    four characters or more are left: names matched only as typed whole, never as shortened further."""
    out = {}
    for f in sorted(forms):
        w = fold(f)
        for prefix in _BUREAU_PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= 4:
                out.setdefault(w[len(prefix):], f)
    return {**out, **_written_forms(forms)}


# what an office does, said in everyday words, -> the character its name holds for it
_DUTY_CHARACTER = {"钱": "财", "经费": "财", "资金": "财", "账": "财", "花钱": "财"}
_DESCRIBED_OFFICE = re.compile(r"(?:管|搞|负责)?([\u4e00-\u9fff]{2,4}?)(?:的)?那个(?:科室|科|股室|股|处室|处|办公室|办|中心|室)")


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_FULL_EXTRA = 4  # characters a full name may add to the short form a plan prints (机关党办 -> 机关党委办公室)


def _full_name(text: str, written: dict[str, str]) -> tuple[int, int, str] | None:
    """The longest span of `text` ending as an office name does that a plan's shorter form abbreviates (机关党委办公室
    for 机关党办, 基础教育科 for 基教科; 办 standing for 办公室), when the span itself is no form of any plan."""
    best = None
    for m in _OFFICE_END.finditer(text):
        end = m.end()
        for start in range(max(0, end - 12), end - 3):
            span = text[start:end]
            if span in written or not _CJK_RUN.fullmatch(span) or _ROLE_AFTER_OFFICE.search(span):
                continue  # 安全牵头科室 is 安全 and a role, no name
            plain = span[:-3] + "办" if span.endswith("办公室") else span
            # the short form opens the span as the name does (机关党… for 机关党办), is not written inside it (…是党建办
            # names 党建办 itself) and leaves out a few characters only
            forms = sorted({f for w, f in written.items() if 3 <= len(w) < len(span) <= len(w) + _FULL_EXTRA
                            and span[:2] == w[:2] and w not in span
                            and (is_abbreviation(w, span) or is_abbreviation(w, plain))}, key=_shortest_first)
            if forms and (best is None or end - start > best[1] - best[0]):
                best = (start, end, forms[0])
                break
    return best


# An office name as other units write it (人事处, 基教股, 教研室, 信访办, 关工委, 教育工会), said before what it does in
# the question (牵头, 参与, 有份没, 在管吧, 那边问, 让我查): the last characters say it is an office
_UNIT_ENDING = r"(?:科室|处室|股室|科|处|股|室|办|委|中心|馆|站|工会)"
_DOES = (r"(?=\s*(?:的|那边|这边|那块)?(?:也|还|都|就)?(?:在|要)?(?:牵头|挑头|签头|主抓|负责|参与|参于|配合|协助|协办|有份|"
         r"有分|沾边|管[吗吧嘛不呢]|问|让我|的team|(?i:lead)))")
_UNLISTED_OFFICE = re.compile(
    rf"([\u4e00-\u9fff]{{1,6}}?{_UNIT_ENDING}){_DOES}|"
    rf"(?<=叫)([\u4e00-\u9fff]{{2,6}}?{_UNIT_ENDING})(?=[\s，,。？?！!]|$)|"  # 我们那叫人事处
    # a long name set apart by a space (吴中 校外教育培训监管科 负责哪些): the whole stretch is the name
    rf"(?:(?<=[\s，,])|^)([\u4e00-\u9fff]{{7,12}}{_UNIT_ENDING}){_DOES}")
# characters that open the words before an office name, not the name (那是安稳办, 我们那叫人事处, 归督导室)
_BEFORE_OFFICE = "那这是由归叫我们的也就在跟和与及、说让"
_LONG_ENDINGS = ("科室", "处室", "股室", "中心")
_DESCRIBING = re.compile(r"[的那这个些]")  # 对应的那个室 describes an office, it names none
_GENERIC_STEM = ("教育", "市", "县", "区", "局")  # 教育工会 is the 工会; no office is meant by 教育 alone


def _unlisted_office(rest: str, corpus_text: str, folded_forms: set[str]) -> tuple[str, tuple[int, int]] | None:
    """An office-like name no plan in scope names, before a word saying what it does, that the plans' text never
    prints as anything but an office (未来教育研究中心 is a topic, 人事处 no plan prints). `folded_forms`: every
    plan's office names, folded."""
    for m in _UNLISTED_OFFICE.finditer(rest):
        group = next(g for g in (1, 2, 3) if m.group(g))
        start, end = m.span(group)
        while start < end - 2 and rest[start] in _BEFORE_OFFICE:
            start += 1
        name = rest[start:end]
        if len(name) >= 3 and not _DESCRIBING.search(name) and (name not in corpus_text or name in folded_forms):
            return name, (start, end)
    return None


def _stem(name: str) -> str:
    """An office name without its ending and a generic prefix (教育工会 -> 工会's 工, 人事处 -> 人事)."""
    stem = name[:-2] if name.endswith(_LONG_ENDINGS) else name[:-1]
    for generic in _GENERIC_STEM:
        if stem.startswith(generic):
            stem = stem[len(generic):]
    return stem


def _nearest_office(name: str, forms: set[str]) -> str | None:
    """The one office of `forms` whose name holds, in order, at least two characters of `name`'s stem (the name
    without its office ending and a generic 教育/市 prefix) and more of them than any other: 后勤处 is 学校后勤管理中心,
    职教教研中心 is 职成教研室; 工会, 关工委, 民宗科 are none."""
    stem = _stem(name)

    def held(form: str) -> int:  # the stem's characters the form holds in order
        at, count = 0, 0
        for ch in stem:
            found = form.find(ch, at)
            if found >= 0:
                at, count = found + 1, count + 1
        return count

    scored = sorted(((held(f), f) for f in forms), reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _shortest_first(name: str) -> tuple[int, str]:
    """Office names shortest first, equal lengths in a fixed order (a set's order changes from run to run)."""
    return len(name), name


def _office_in(text: str, forms: set[str], corpus_text: str, everyday: Callable[[str], bool],
               every_form: set[str] = frozenset()) -> tuple[str | None, tuple[int, int]]:
    written = _written_forms(frozenset(forms))
    whole = _whole_forms(frozenset(forms))
    # 幼儿园, 各中小学校 listed among a task's offices are schools: in 公办幼儿园学位 they are the topic, and they
    # name an office only before a role word (幼儿园配合哪些)
    exact = [(text.find(w), -len(w), w) for w in whole if w in text and not (
        everyday(w) and not _OFFICE_END.search(w[-2:]) and not _ROLE_AFTER_OFFICE.match(text, text.find(w) + len(w)))]
    if full := _full_name(text, written):
        # 机关党委办公室 typed for the plan's 机关党办: the whole name, not the 办公室 inside it
        start, end, form = full
        if not exact or any(start <= at and at - negative <= end and end - start > -negative
                            for at, negative, _ in [min(exact)]):
            return form, (start, end)
    if not exact and (described := _DESCRIBED_OFFICE.search(text)):
        # 督导那个科, 管安全的那个股: the office named by a word of its name
        named = sorted({f for w, f in written.items() if described.group(1) in w}, key=_shortest_first)
        # 搞财务的那个科: a plan printing 计财科 shortens 计划财务科 to one character of each word; the one office
        # whose short name holds the described word's first character is the one meant (not when several do)
        if not named:
            # (管钱的那个科: money is what the 财 of 计财科 or 规划财务科 stands for)
            word = described.group(1).rstrip("的")
            key = _DUTY_CHARACTER.get(word, word)
            holding = {f for w, f in written.items() if key[0] in w[:-1]}
            named = sorted(holding) if len(holding) == 1 else []
        if named:
            return named[0], described.span()
    if exact:  # the first named; at one position, the longest name
        at, negative_length, form = min(exact)
        return whole[form], (at, at - negative_length)
    candidates = []
    # another plan's office name, as questions write it (招办 of 遂宁's 市招办), is no word of the plans' text
    elsewhere = _written_forms(frozenset(every_form)) if every_form else {}
    for m in _OFFICE_END.finditer(text):
        end = m.end()
        for start in range(max(0, end - 8), end - 1):
            short = text[start:end]
            if start and everyday(text[start - 1:start + 1]):
                continue  # 审计科 names an office of its own, not 计划财务科 shortened to its 计科
            matches = sorted({f for w, f in written.items() if is_abbreviation(short, w)}, key=_shortest_first)
            if matches and short not in elsewhere and _plan_word(short, matches, corpus_text, everyday):
                continue  # 缺学科老师: 学科 is a word of the plans' text, not 学校安全工作科 shortened
            if matches:
                candidates.append((start - end, start, matches[0]))
                break
    if not candidates:  # 基教牵头的, 计财负责哪些: before a role word, a name without its 科 or 办, when the plans
        # print it only as part of an office name (安全牵头 is about 安全, which the plans print everywhere)
        for m in _ROLE_AFTER_OFFICE.finditer(text):
            stop = m.start() - 1 if text[max(0, m.start() - 1):m.start()] in ("在", "来") else m.start()  # 语委在牵头
            stop = _BEFORE_ROLE.search(text, 0, stop).start()  # 基教那块 牵头的, 计财那边 配合的: the name before them
            for start in range(max(0, stop - 6), stop - 1):
                short = text[start:stop]
                if start and everyday(text[start - 1:start + 1]):
                    continue  # 审计科 牵头的: an office of its own, not 计划财务科's 计科
                matches = sorted({f for w, f in written.items() if is_abbreviation(short, w)}, key=_shortest_first)
                if matches and _plan_word(short, matches, corpus_text, everyday):
                    break  # a word of the plans' text, not only of their office lines
                if matches:
                    candidates.append((start - stop, start, matches[0]))
                    break
    if not candidates:
        return None, (0, 0)
    length, start, form = min(candidates)  # the longest abbreviation written (教科所, not its 教科)
    return form, (start, start - length)


def _plan_word(short: str, offices: list[str], corpus_text: str, everyday: Callable[[str], bool]) -> bool:
    """Whether `short` is a word of its own rather than an office's name shortened: one the plans print in their
    text (office lines aside) more often than the offices it would shorten, and more than twice (省语委 once does not
    make 语委 a topic word; 安全, 学科 are), or an everyday word skipping characters of every such name (教室 is no
    教研室; 人事 of 人事科 and the rare 计财 of 计划财务科 are shortenings)."""
    return (everyday(short) and not any(short in fold(f) for f in offices)) or \
        corpus_text.count(short) > max(2, sum(corpus_text.count(fold(f)) for f in offices))


def _mend_office_ends(text: str, corpus_text: str = "") -> str:
    """课 -> 科, 管 -> 馆 where a name ends: after a character, before what follows an office name in a question
    (the end, punctuation, 的, 牵头, 负责, 有, 上半年 …). 办 / 室 are left alone: 订单班 and 是 are too common; so is a
    word the plans print as typed (思政课 is a class, not 思政科)."""
    out = list(text)
    for i, c in enumerate(text):
        after = text[i + 1: i + 2]
        if (i > 0 and _CJK_CHAR.match(text[i - 1]) and c not in _OFFICE_END_CHARS
                and not (i > 1 and text[i - 2: i + 1] in corpus_text)
                and (not after or not _CJK_CHAR.match(after) or after in _AFTER_OFFICE)):
            out[i] = next((e for e in "科馆" if sounds(c) & sounds(e)), c)
    return "".join(out)


def _same_abbreviation(written: str, chosen: str, scope: list[str], office_forms: dict[str, set[str]]) -> list[str]:
    """Other plans' offices that a short name the question used also abbreviates: 体卫艺科 is 体育卫生与艺术教育科 in
    one plan and 体育卫生艺术科 in another. Only when no plan holds two of them (then the name is ambiguous, and the
    shortest reading stands)."""
    if fold(chosen) == written or fold(chosen)[1:] == written:
        return []
    per_plan = [{f for f in office_forms.get(file, set()) if is_abbreviation(written, fold(f))} for file in scope]
    if any(len(found) > 1 for found in per_plan):
        return []
    return [f for found in per_plan for f in found if f != chosen]


def same_office(office: str, scope: list[str], documents: dict[str, DocumentInfo],
                 office_forms: dict[str, set[str]]) -> set[str]:
    """Every written form, in the documents in scope, of the office the question names (aliases folded)."""
    out = {office}
    for file in scope:
        aliases = documents[file].aliases
        canonical = aliases.get(office, office)
        out |= {f for f in office_forms.get(file, set()) if aliases.get(f, f) == canonical}
    return out
