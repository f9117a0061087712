"""Cut a plan's lines into records: preamble, sections, tasks with their fields and offices, summary items.

The parser reads `SourceLine`s (see normalize.py) and knows nothing of files, catalogs or indexes. It matches its
patterns against the Simplified `folded` view and slices the original `text` view at the same offsets, so titles,
fields and offices come out exactly as printed, in the original script.

Plans number three levels: sections 一、, subsections （一）, tasks 1. (or 1、 （1） ①). Which marker numbers the
tasks is decided per plan: the first of them numbered 1 after the plan's heading; a plan with none numbers its
tasks （一）. Offices follow a label on their own line, inline in parentheses after the title or at the paragraph's
end, or in the columns of a task table (tables.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .labels import (COOPERATING, DEADLINE, LEAD, OFFICE_LABEL, OFFICE_LABEL_WORD, PERSON_LABELS, RESPONSIBLE, Group,
                     front_bracket, inline_brackets, is_office_name, label_groups, role_of, sentence_roles, spoken_role,
                     spoken_roles)
from .normalize import SourceLine, fold, is_chrome, join_wrapped
from .offices import is_abbreviation, is_subsequence, split_offices
from .places import is_date_line, is_issuer_line
from .readers import chinese_numeral
from .records import PREAMBLE, SUMMARY, TASK, TIME_FIELDS, Record, task_path
from .tables import DEADLINE_FIELD, LEVEL, NOTE_LINE, Row, Table, read_header, read_table

PARSER_VERSION = "73"  # 4: time nodes; 5: office lists before the title, 时限; 6: （牵头） marks, labels after 。; 7: plain-word lists; 8: 第一部分, measures inside items, first office leads, stacked PDF tables; 9: 任务一, 1.1, cards, 【牵头】; 10: review parts, 分工表 offices, wrapped lists, Chinese-numeral years; 11: roles in words in a table cell, sheets named as sections; 12: offices under a section heading, responsibility matrices, offices in 由…牵头 sentences, web pages saved as text; 13: 以上工作由… closing lines, ◆ bullet tasks, tasks run on after 【】 brackets, outline columns; 14: a table per section under its own header, 第一章 / 第一条, deadlines from an attached list; 15: a legend of short office names, markdown exports with - bullet tasks, offices given by number after each section, unnumbered tasks opening with a title sentence; 16: 责任人 lines, ★牵头：…☆配合： marks, | 牵头 | X | rows, 第一项 tasks; 17: 1） tasks, 协助 and 无, 第一篇 parts, WeChat articles (emoji headings, 01【title】, ｜, footers); 18: office lists after a closing dash, labelled lists inside one table cell, line breaks in a Word cell; 19: 【1】 tasks, unnumbered tasks titled before a colon, 序号 一 section rows and signatures under a table, CSV text, 类别 columns, 沙市区-like names; 20: 第一板块 sections, 【目标任务】-style labels, a bare 牵头 | 配合 header row, office lists in square brackets before the number; 21: two-cell label rows under a task (Word's 牵头科室 | X tables), an index of tasks by office after the plan (党政办：牵头第1项；配合第2、3项), sections named by their office (一、办公室), labels cut by a line break; 22: three numbered levels 1 / 1.1 / 1.1.1, an office bracket opening with the 分管领导 person; 23: scanned copies (spaces inside words, labels and titles broken over lines), several tasks packed into one table cell, a 重点工作 column of （一） headings; 24: Word tracked changes read as accepted, HTML tables of saved web pages, one row per task and office with a 责任类型 column; 25: ruled PDF tables read by their rules (cells that wrap), offices given after a section by item number (以上第（1）（2）项由…); 26: fixed-width text tables, a table nested in a Word cell, a 责任分工 column of labelled lists, one-character counties (莒县); 27: offices in words closing the title, a date bracket closing the task as its deadline, roles given in a 备注 column, a year's column is no content column; 28: plans quoted in an e-mail (> lines), ★ and （新增） flags beside the number, 【责任领导：X　牵头科室：…】 split by spaces, ★/● matrices under office-group headers, the plan's closing after the last task's office list; 29: a section table giving offices by task title, 任务来源 and 进展情况 columns beside a task, a portal page's footer, a place opening the heading before its year; 30: short names a preamble defines (以下简称“基教股”), labelled lists after a closing dash, a title ending at its table cell, （一） rows beside their names in a 序号 column, the region from the issuer's own name; 31: task lists copied out of a collaborative document (- [ ] N. lines, offices as @mentions with （牵头）/（配合） marks, 📅 date chips); 32: unnumbered headings between two tasks (Word's 标题 2), a …台账 title, an OA export's task codes (任务编号 2024-JY-07) and 所属板块 column; 33: offices given after a section by quoted title words (以上“普高特色”一项由…牵头; 其余两项分别由…), Word content controls (a locked section, unfilled hints), a schedule cell's last step as the deadline (四季度（12月底前）), notes (注：) under an empty label; 34: a text table with no header and only spaces between its cells, named by a legend line (以下各行依次为序号、重点任务、…), a task as a band of rows (its measures and 牵头：X；配合：Y merged across), a formula's saved #N/A and a workbook's hidden columns read as nothing; 35: offices given once under a section's heading in words with exceptions (本部分工作由X牵头，Y配合；其中第3项由Z牵头), Word tables on their side (a column per task), bold lead offices in a sheet whose legend says so (written **X** by the reader); 36: circled marks closing a task (…建设②。) resolved by a note after its section (注：①牵头：X；配合：Y。②…), a title broken over two lines of a narrow column in any text, not only a scan's; 37: a workbook split by office (a sheet per office, a task code the same on each) read as the one plan it splits; 38: Word tables of contents left out, offices given in Word comments (批注), unnumbered Word headings as sections; 39: offices in Word footnotes and endnotes (one shared by a NOTEREF cross-reference), hidden sheets left out, an office list a page break cut joined; 40: offices in Word text boxes anchored to a task, a watermark and a seal laid over a PDF page left out; 41: a line-number gutter down a text or PDF copy left out; 42: offices in a workbook's cell comments (批注), a Word section's right column of office groups by task number, an empty 责任分工 cell printing no label; 43: Word hidden text left out, a workbook matrix marked by fill colour under a colour legend, a PDF task table drawn without rules read by its header's columns; 44: a PDF page drawn out of reading order put back in place, a running head repeated on every page left out, a list wrapped inside a name before the next label, a workbook's table laid out twice side by side; 45: a deadline or label a line break cut (2025年6月 / 底前, ；完成 / 时限：), a name set upright one character a paragraph in a Word cell, a ruled table's last columns printed on pages of their own paired back by 序号; 46: one office one role in a task (a lead named to help on another measure row stays lead), a 序号 column after a merged 牵头科室 column under a sheet named as a section, OCR misreadings (—、 for 一、, 1O. for 10., 30口 for 30日, a label's lost colon); 47: task cards pasted one under another in a sheet (a label column and a value column), two tasks a row in a Word table (1 | 2, 3 | 4), a deadline after the lists of a 责任分工 cell, a draft printed with tracked changes (struck text and the markup pane left out, a red insertion kept when underlined); 48: a task table sorted by another column (Excel's 分类汇总) read in the order of its numbers, a note of two paragraphs (牵头：X / 配合：Y) read as one list, a browser's margins on a web page printed to PDF (date, title, address, 1/3) left out; 49: task numbers typed in full-width digits (１０．) read as the numbers they are; 50: a slide deck saved as PDF (a white number on its badge, a footer with the slide number, section cover slides, 1 title tasks); 51: circled numbers Word draws as 带圈字符 fields (⑪), radicals a PDF text layer holds for characters (⼀ ⻓), a workbook revised in 删除线 (struck text and rows left out); 52: a plan posted over several messages of a saved work chat (the poster's messages, without headers, replies and quotes); 53: an attached responsibility matrix laid on its side (a row per office, a column per task number); 54: a mail saved from its source (quoted-printable or base64 in GBK), a PDF turned into Word (a title on two lines, the running head under each page number, a name a line break cut that the plan prints whole elsewhere), Word lists set to start at 2; 55: a two-column task table a scanner app's text layer gives column by column, a table drawn in box characters in a text file, PDF pages stored turned (/Rotate 90); 56: a Gantt chart's last marked month read as the deadline, a Word template framing the document in one cell, a booklet's pages in imposition order put back by their numbers, a deadline's 前 a line break cut; 57: a task table saved as Excel Unicode text (UTF-16, tabs, quoted cells over several lines), a PDF whose text layer spaces Chinese from figures (2025 年) read as printed; 58: zero-width characters a web editor leaves (教育\u200b督导室) dropped, Excel worksheet objects embedded in Word read as the range they show, text typed on a PDF with a typewriter tool (FreeText annotations) read where it stands; 59: a PDF form's filled-in fields read where they stand (a list's display name, not its code), an HTML part a Word file imports (altChunk) read where it stands in its declared charset, white text on a light cell of a workbook left out; 60: two printed columns side by side in a text file (pdftotext -layout) read column by column, page by page, without running heads and folios; a hand-ended line of an office in a ruled PDF cell parts two names; what a PDF page is cropped to (CropBox) is all that is read; 61: a workbook's cells as their number formats show them (一、 from [DBNum1], 2.5万人次, 96%, 2023年6月底前, ;;; hidden), Word content controls filled from the custom XML part they are mapped to, Word's list numbers saved as text with a tab (13.\t…) opening a title broken over two lines; 62: GB2312's enclosed numbers typed from the symbol panel (⒈ tasks, ㈠ subsections; ⑴ stays a point), a sheet printed with Excel's row and column headings (A B C … and the sheet's row numbers left out); 63: Word tick-box forms (☑牵头 ☐配合 after each office, ☐6月底前 ☑全年 options; Wingdings symbols, R set in Wingdings 2, a typed √), a PDF bold faked by drawing each glyph twice a hair apart read once, ditto marks (同上, 〃) in a task table read as the cell above; 64: Word drop caps (首字下沉) read as the first character of their paragraph, a workbook's escaped characters (_x000D_ of a macro's vbCrLf) read as the characters, a title cell's second line (…工作要点 / 重点任务分解表) joined; 65: Word's 拼音指南 pinyin over rare characters left out of the text, a ruled PDF cell merged down over several rows (a vertical 类别 column) read whole into its first row, vertical punctuation forms (︑) read as the marks they stand for, a Traditional 完成時限 filed as the deadline; 66: Word fill-in blanks (underlined spaces) read as a line to fill (____), their padding around a written figure dropped, a deadline or office left blank read as none; words painted over with black bars in a PDF (a black highlight, a filled black rectangle comment) read as ■; a workbook's office codes read by its own code list sheet; 67: a preamble naming the role of the offices after the first (其他为配合单位); 68: a task cell of a table whose title is a paragraph of its own before its measures; 69: a task's closing sentence that is its office list with no 由 (X牵头，Y配合。 / X负责。), a deadline's label a line break cut inside an office line (完 / 成时限：), a …重点任务清单 title; 70: a workbook's sheet of short office names (序号 | 简称 | 全称) read as the legend of its office cells; 71: a labelled deadline alone in the bracket closing a task's body (（完成时限：全年）); 72: a task table cut by hand at page ends (续表, a row's rest under its 序号 typed again), 主办科室 as the lead's column, an office group's columns split by kind (局机关科室 | 局属单位) with （牵头） marks read by the plan's legend, the lead named again in a bracket closing the list (A、B、C（A牵头）); 73: 承办股室 as the lead's label, a section numeral misprinted twice read as the next, a draft's signature with its day left blank (and over an attached feedback form), 待定 as no office, X/Y as two offices, a 合计 row and a …任务清单及考核细则 title

_NUMERALS = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_DASH_PREFIX = re.compile(r"^\s*[-–—•·]\s+")
# 一、title, or 第一部分　title (the numeral either way)
_SECTION = re.compile(rf"^(?:第(?=[{_NUMERALS}]+(?:部分|板块)))?([{_NUMERALS}]+)(?:、|(?:部分|板块)[\s:：、]*)\s*(\S.*)$")
# 第一章　title: a chapter is read as the section 一、title (the key only; the text stays as printed)
# 第一篇　党建引领篇: a plan in parts (篇) whose sections 一、 restart inside each; tasks run on through the plan
_PIAN = re.compile(rf"^第[{_NUMERALS}]+篇(?:[\s:：、]+\S|$)")
# 📌一、…, 🎯主要目标: an emoji or pictograph a WeChat article puts before a heading is decoration
_DECORATION = re.compile("^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+\\s*")
_CHAPTER = re.compile(rf"^第([{_NUMERALS}]+)章[\s:：、]*(?=\S)")
_ITEM = re.compile(rf"^([（(])([{_NUMERALS}]+)([)）])\s*(\S.*)$")
# A task number must be followed by a CJK character, an opening quote or an office list in brackets, so "2.0行动计划"
# or "3.15亿元" at the start of a wrapped line is not taken for a task.
_STARTS_TEXT = r"(?=[\u4e00-\u9fff“\"《「]|[【（(]\s*(?:牵头|责任|配合|协办|参与|主责|协同))"  # 1.【牵头：…】title
_MEASURES = "月日年号个所项名人次万亿元届周岁天间门期轮场批类"  # 12 月底前 / 3 所 wrapped at a line's start: no task
_TASK_FORMS = {
    # 1.1.1 title。 under 1.1 subsection under 1 section: three numbered levels (before decimal: 1.1.1 starts like 1.1)
    "decimal3": re.compile(rf"^(\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}})\s*{_STARTS_TEXT}"),
    "arabic": re.compile(rf"^(\d{{1,3}})\s*[.、．）)]\s*{_STARTS_TEXT}"),  # 1. 1、 and 1） (a half bracket)
    "paren": re.compile(rf"^([（(]\s*\d{{1,3}}\s*[)）])\s*{_STARTS_TEXT}"),
    "circled": re.compile(rf"^([{_CIRCLED}])\s*{_STARTS_TEXT}"),
    "renwu": re.compile(rf"^(任务[{_NUMERALS}]+)\s*[：:]\s*{_STARTS_TEXT}"),  # 任务一：title。
    "decimal": re.compile(rf"^(\d{{1,2}}\.\d{{1,2}})\s*{_STARTS_TEXT}"),  # 1.1 title。 under a section 1 title
    "article": re.compile(rf"^(第[{_NUMERALS}]+条)\s*{_STARTS_TEXT}"),  # 第一条　title。 under 第一章 chapters
    "bracketed": re.compile(r"^(\d{1,3})(?=【(?!\s*(?:牵头|责任|配合|协办|协助|参与|主责|协同)))"),  # 01【title】
    "xiang": re.compile(rf"^(第[{_NUMERALS}]+项)[\s：:]*{_STARTS_TEXT}"),  # 第一项　title。
    "square": re.compile(rf"^[【\[]\s*(\d{{1,3}})\s*[】\]]\s*{_STARTS_TEXT}"),  # 【1】title。 / [1] title。: the digits
    # 1 title: a slide's number badge read beside the title, a space between (never 12 月 / 3 所 wrapped in a body)
    "spaced": re.compile(rf"^(\d{{1,2}})[ \u3000]+(?![{_MEASURES}])(?=[\u4e00-\u9fff])"),
}
# Tasks marked by a typed bullet and no number (◆加强…。), counted in reading order as Word's bullets would not be
_BULLET = re.compile(rf"^([◆◇■□▲△★☆●○•▶►])\s*{_STARTS_TEXT}")
BULLETS = "bullet"
# a plan that numbers nothing and marks nothing: each task a paragraph opening with its title sentence
LEAD_SENTENCE = "lead_sentence"
_LEAD_TITLE = re.compile(r"^[\u4e00-\u9fff“\"《][^，,。；;：:（()）！？\s]{3,29}[。：:](?=\S)")  # 抓好理论武装：… too
_TOP_DASH = re.compile(r"^-\s+(?=\S)")  # - title。…: a top-level markdown bullet (an indented one is a measure)
# with decimal task numbers, sections are numbered 1 title (a number, a space, the title)
_OFFICE_HEADING_LENGTH = 10  # 一、计划财务股 names an office; 一、办好人民满意的学校 only ends like one
_ARABIC_SECTION = re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])(\S.*)$")
# with three numbered levels, the middle one is 1.1 title (no third number; the title on the same line)
_DECIMAL_SUBSECTION = re.compile(r"^(\d{1,2}\.\d{1,2})(?![.\d])\s*(?=[\u4e00-\u9fff])(\S.*)$")
_DECIMAL_STYLES = ("decimal", "decimal3")
ITEMS = "item"  # the style of plans whose tasks are the （一） items
_SPACED = "spaced"  # numbered by a bare number and a space: taken only where no other marker numbers a task 1
_YEAR_FIRST = re.compile(r"^\s*20\d\d\s*年")
_ISSUER_LINE = re.compile(r"\s*[\u4e00-\u9fff（）()]{2,20}(?:局|委员会|教委|教育厅|教体局|教育中心)\s*")  # 郫都区教育局
_REVIEW_PART = re.compile(r"(20\d\d)\s*年\s*(?:度\s*)?(?:主要)?(?:工作)?(?:回顾|总结|完成情况)")
_SUMMARY_PART = re.compile(r"^(20\d\d)\s*年\s*(?:度\s*)?工作总结$")
# The plan's heading: 遂宁市教育和体育局 2019 年工作要点, 2023年全市教育工作要点, 附件：鹤壁市教育局2024年工作要点.
# (…任务清单及考核细则: the list that is also the year's scoring rules)
_LIST_KIND = (r"(?:重点任务)?(?:督办清单|任务清单|清单|任务分解表|分解表|责任分工表|分工表|任务台账|台账|推进计划表|推进表)"
              r"(?:及(?:目标)?(?:考核|考评|评分)(?:细则|办法|标准))?")
_PLAN_PART = re.compile(r"^(?:.*?)(20\d\d)\s*年\s*(?:度\s*)?(?:[^\s，。；：:、《》“”]{0,12}?)工作要点"
                        rf"(?:\s*{_LIST_KIND})?$")  # …工作要点重点任务督办清单 / 台账 (on a second line of its cell)
# a title cell's second line (…工作要点 / 重点任务分解表): one title, the line break no character of it
_LIST_KIND_BROKEN = re.compile(rf"(工作要点)\s+(?={_LIST_KIND}$)")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]?\s*")
# An attachment heading after the plan's tasks (附件1 / 附件：重点任务分解表): what follows restates or adds to the plan
# and is not read as more of its last task.
_ATTACHMENT_LINE = re.compile(r"^附\s*件\s*\d*\s*(?:[:：].{0,30})?$")
# Field labels start a line or follow a space or sentence end (PDF copies run 工作措施: on after 目标任务's text);
# office labels (labels.py) may follow anything (`市后勤与资助中心责任科室(单位): ...`).
_FIELD_LABEL = (r"(?:^|(?<=[\s。；;★☆◎]))(?P<field>问题描述|目标任务|任务目标|工作措施|工作举措|主要措施|具体措施|备注"
                r"|完成时限|时间节点|完成时间|时限要求|时限"
                # a person answering for the task (责任人：王建平（副局长）): a field, never more of an office list
                rf"|{'|'.join(PERSON_LABELS)})\s*[:：]"
                # the same labels in lenticular brackets, each opening its paragraph: 【目标任务】… 【完成时限】…
                r"|【\s*(?P<field2>问题描述|目标任务|任务目标|工作措施|工作举措|主要措施|具体措施|备注"
                r"|完成时限|时间节点|完成时间|时限要求|时限)\s*】")
_LABEL = re.compile(f"{_FIELD_LABEL}|{OFFICE_LABEL.pattern}")
_TRAILER = re.compile(r"^(信息公开选项|信息公开属性|抄送|主题词|附件[:：]|.{0,30}\d{4}\s*年.*印发$)")
# an article's footer after the plan (来源：…, 编辑：…, ▼往期推荐▼): the plan has ended
_WEB_FOOTER = re.compile(r"^(?:来源|编辑|责任编辑|审核|审校|作者|校对)\s*[:：]|^\W*(?:往期推荐|往期回顾|阅读原文|推荐阅读)")
_PREAMBLE_KEY = re.compile(r"(总体思路|总体要求|指导思想|总体目标)")
# A plan in parts (一、指导思想 二、工作目标 三、重点任务 四、保障措施): only the part of the work holds tasks; the
# numbered goals and the measures that frame it are not tasks of their own
_WORK_PART = re.compile(r"(?:20\d\d\s*年\s*(?:度)?)?(?:重点任务|主要任务|重点工作|工作任务|重点工作任务|主要工作|工作重点)")
_FRAMING_PART = re.compile(r"指导思想|总体要求|总体思路|总体目标|工作目标|主要目标|发展目标|目标任务|保障措施|工作保障|组织保障"
                           r"|保障机制|工作要求|有关要求|实施步骤|工作原则|基本原则")
_TITLE_END = re.compile(r"[。：]")
_HEADING_WORDS = re.compile(r"[\u4e00-\u9fff]{2,16}")  # 强化政治引领: words only, no figure, no stop
_LABEL_MARKS = ("：", ":", "】")
_LEADER_LABEL = "牵头领导"
# the preamble's rule for every office list: 各项任务责任单位中排在第一位的为牵头单位 / 排名第一的单位为牵头单位
_FIRST_LEADS = re.compile(r"(?:排在?第一位?|排名第一|排序第一|列第一位?|第一个|首位)(?:的)?(?:单位|科室|部门|处室|股室)?"
                          r"(?:为|是)牵头")
# …排在第一位的为牵头单位，其他为配合单位: the same preamble naming the role of the rest (else they are responsible)
_REST_HELP = re.compile(r"(?:其他|其它|其余|余下|其后)(?:的|各)?(?:单位|科室|部门|处室|股室)?(?:均|都)?(?:为|是)"
                        r"(?:配合|协办|协助|协同|参与)")
# 标注“（牵头）”的为牵头单位，其余为配合单位: a legend naming the marked office's role and the rest's, in its own words
_MARK_LEGEND = re.compile(r"(?:标注|标有|注明|标明|带有?|加注)\s*[“\"]?\s*[（(]\s*牵头\s*[)）]\s*[”\"]?\s*(?:字样)?\s*(?:的|者)?\s*(?:为|是)"
                          r"\s*(?P<lead>牵头(?:单位|科室|处室|部门|股室))\s*[，,；;]?\s*(?:其余|其他|其它|余下)(?:的)?\s*(?:为|是)\s*"
                          r"(?P<rest>(?:配合|协办|协助|参与)(?:单位|科室|处室|部门|股室))")
# X（牵头） in an office list, or **X**: a name a sheet's legend says is bold for the lead (readers._bold_marked)
_LEAD_MARK = re.compile(r"(.+?)\s*[（(]\s*牵头\s*[)）]|\*\*(.+?)\*\*")
# 责任股室：计财股、学前教育股、各乡镇（街道）中心学校（学前教育股牵头）: the bracket closing the list names its leads
# again (督导室 for the listed 县人民政府教育督导室); the rest of the list cooperates
_CLOSING_LEADS = re.compile(r"(.+?)\s*[（(]\s*([^（）()]+?)\s*(?:共同|一起|联合)?\s*牵头\s*[)）]")


def _closing_leads(names: list[str]) -> tuple[list[str], list[str]] | None:
    """(leads, the others) of a list whose closing bracket names its leads from the list itself, or None."""
    if len(names) < 2 or not (m := _CLOSING_LEADS.fullmatch(names[-1])):
        return None
    listed = [*names[:-1], m.group(1).strip()]
    leads = []
    for said in re.split(r"[、，,和及与]", m.group(2)):
        said = said.strip()
        fits = [n for n in listed if n == said] or [
            n for n in listed if len(said) >= 2 and (is_abbreviation(said, n) or n.endswith(said))]
        if len(fits) != 1:
            return None  # a name the list does not hold (or holds twice over): no mark of this list's
        leads.append(fits[0])
    return leads, [n for n in listed if n not in leads]

# 以上工作由X牵头，Y配合 / 上述任务由X负责: the offices of the tasks before it
_CLOSING = re.compile(r"^(?:以上|上述)(?:各项|几项|\S{0,2}项)?(?:工作|任务|内容)?(?:均|都|统一)?由")
# （本部分工作由X牵头，Y配合；其中第2项无配合股室，第3项由Z牵头） under a section's heading: the offices of each of its
# tasks that prints none of its own, but for the tasks the 其中 clauses number
_SECTION_DEFAULT = re.compile(r"^[（(]?\s*(?:本部分|本板块|本节|该部分|此部分)(?:各项|所有)?(?:工作|任务)?(?:均|都|统一)?由")
_EXCEPTION = re.compile(r"第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*项")
_NONE_OF_ROLE = re.compile(r"^(?:无|没有|不设|不列)(配合|协助|参与|协同|责任)")
# 注：①牵头：X；配合：Y。②牵头：Z。 after a section's tasks: the offices of the tasks that carry each mark (推进…②。)
_MARK_NOTE = re.compile(rf"^(?:注|备注|说明)\s*[:：]\s*(?=[{_CIRCLED}])")
_CLOSING_MARK = re.compile(rf"\s*[{_CIRCLED}]+$")
_TASK_MARK = re.compile(rf"([{_CIRCLED}]+)(?=\s*。?\s*$|\s*。)")  # closing the title or the task's paragraph
# 本部分任务分工：1.牵头：X，配合：Y；2.…: the offices of the section's tasks, given by number after its last task
_SPLIT_BLOCK = re.compile(r"^(?:本部分|本节|以上|上述)?(?:重点)?(?:任务|工作)分工\s*[:：]")
# a bracket of a date alone closing a task's paragraph, before or after its last 。: （2024年9月底前完成）
_CLOSING_DATE = re.compile(r"[（(]\s*((?:20\d\d\s*年)?\s*\d{1,2}\s*月(?:\d{1,2}\s*日)?[^（）()，,；;。]{0,6}?"
                           r"(?:前|底前|底)(?:完成)?)\s*[)）]\s*。?\s*$")
_BLANK_TO_FILL = re.compile(r"[_＿\s\u3000]+")  # a fill-in line (下划线) with nothing written on it
_TIME_LABEL = re.compile(r"完成时限|时限|时间节点|完成时间")  # a deadline's label inside an office list or row
# …政策成果。（完成时限：2026年8月底前） / （完成时限：全年）: a labelled deadline alone in the bracket closing the body,
# where the task's offices are printed elsewhere (once above its group): the task's deadline, whatever its wording
_CLOSING_TIME = re.compile(rf"[（(]\s*(?:{_TIME_LABEL.pattern})\s*[:：]\s*([^（）()：:]{{1,24}}?)\s*[)）]\s*。?\s*$")
_DEADLINE_AFTER_COMMA = re.compile(rf"[，,](?=\s*(?:{_TIME_LABEL.pattern})\s*[:：])")
_DATE_TAIL = re.compile(r"(?:之|以)?前|为?止")  # 2023年10月底 / 前: a deadline's last word a line break cut
_DATE_DONE = re.compile(r"(?:前|底|日|号|止|完成|全年|长期|持续推进)\s*[。；;]?\s*$")
_CELL_DEADLINE = re.compile(rf"[\s；;，,]*({_TIME_LABEL.pattern})\s*[:：]\s*")  # a deadline after a cell's lists
_PIPE_ROW = re.compile(r"^\|.*\|\s*$")
_PIPE_ROLE = re.compile(rf"(?:牵头|责任|配合|协办|协助|参与|主责|协同)(?:科室|单位|处室|部门|股室)?|{_TIME_LABEL.pattern}")
_SPLIT_ITEM = re.compile(r"^\s*(\d{1,3})\s*[.．、]\s*(?=\S)")
# 注：…科室使用简称，对应如下：基＝基础教育科，职＝职成科…: a legend of the short names the office lists print
_LEGEND_PAIR = re.compile(r"([\u4e00-\u9fff]{1,4})\s*[＝=]\s*([^，,；;。＝=]+)")
_LEGEND_LINE = re.compile(r"简称|缩写|代号")
_SHORTLY = re.compile(r"([（(])以下简称\s*[“\"「]([^”\"」]{1,8})[”\"」]\s*[)）]")  # （以下简称“基教股”）
_CLOSING_TITLE = 20  # characters of the closing's first clause that name its record
NOTE_SECTION_OFFICES = "科室列在本部分标题下（原文第{line}行），适用于本部分各项任务"
NOTE_OFFICE_HEADING = "本部分标题即责任科室（原文第{line}行）"
NOTE_LEAD_FROM_RESPONSIBLE = "原文未标“牵头科室”：此处列为牵头的是原文第一条“责任科室”"


@dataclass
class _Builder:
    """A record being filled line by line."""

    kind: str
    section: str | None
    section_title: str | None
    task_no: int | None
    title: str
    first: int  # position of its first line in the parser's list
    item: str | None = None
    year: int | None = None
    subsection: str | None = None
    subsection_title: str | None = None
    number: str | None = None
    lines: list[int] = field(default_factory=list)
    fields: dict[str, list[list[str]]] = field(default_factory=dict)  # name -> paragraphs -> wrapped pieces
    offices: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (role, label as printed, parts)
    slot: list[str] | None = None  # the parts list that continuation text goes to
    attached: list[int] = field(default_factory=list)  # a 分工表 row after the plan that gives its offices
    # the office line printed under its section's heading (line index, offices), for a task printing none of its own
    inherited: tuple[int, list[tuple[str, str, list[str]]]] | None = None
    # in a plan whose sections are its offices (一、办公室 二、人事股), the heading above the task: (line index, name)
    heading_office: tuple[int, str] | None = None

    def add_line(self, index: int) -> None:
        self.lines.append(index)

    def open_field(self, name: str) -> None:
        """A label seen again in the same task (达州 34 prints 问题描述 twice) starts a new paragraph of that field.
        A deadline's label is the key the ledger and the time questions read, so a plan in Traditional characters
        (完成時限) files its deadline under the same name as every other plan."""
        if fold(name) in TIME_FIELDS:
            name = fold(name)
        self.fields.setdefault(name, []).append([])
        self.slot = self.fields[name][-1]

    def open_office(self, role: str, label: str) -> None:
        self.offices.append((role, label, []))
        self.slot = self.offices[-1][2]

    def add_offices(self, offices: list[tuple[str, str, str]], continued: bool = False) -> None:
        """A table row's office cells, (role, column header, cell), each a list of its own. A cell that gives the
        roles in words (组织人事科牵头，机关党委、各中小学校配合 under 责任单位) is read by its words, the header
        still its label. On a row continuing the task above (a row a page break cut), a cell goes on with the list
        above when that list stops after a separator or inside a name (`…各幼儿园、各` / `中小学校`)."""
        for role, label, value in offices:
            if continued and (above := self._broken_list(role, label)) is not None:
                above.append(value)
                continue
            folded = fold(value)
            if (groups := label_groups(folded)) and not folded[:groups[0].label[0]].strip():
                # 牵头：党建办 配合：组织人事科 in one cell under 责任科室: each list keeps the label printed before it
                for group in groups:
                    self.open_office(group.role, value[group.label[0]:group.label[1]].strip())
                    names = value[group.names[0]:group.names[1]]
                    due = _CELL_DEADLINE.search(fold(names))  # …配合：党建办 时限：2023年6月底前 in the same cell
                    if names[:due.start() if due else len(names)].strip():
                        self.append(names[:due.start() if due else len(names)].strip())
                    if due:
                        self.open_field(names[due.start(1):due.end(1)])
                        if names[due.end():].strip():
                            self.append(names[due.end():].strip())
                continue
            for group in spoken_roles(folded) or [Group(role, (0, 0), (0, len(value)))]:
                self.open_office(group.role, label)
                if names := value[group.names[0]:group.names[1]]:
                    self.append(names)
        self.slot = None

    def _broken_list(self, role: str, label: str) -> list[str] | None:
        """The parts of this task's last list of that role and label, when it ends cut off: on a separator, or in a
        piece that is no office name of its own."""
        last = next((parts for r, l, parts in reversed(self.offices) if (r, l) == (role, label)), None)
        return last if last and _cut_off(last) else None

    def append(self, text: str) -> None:
        if self.slot is None:
            self.open_field("内容")
        self.slot.append(text)


@dataclass
class ParseResult:
    records: list[Record]
    warnings: list[str]
    plan_year: int | None
    summary_year: int | None
    title: str


# 二、推动基础教育优质均衡发展（续）: the section's heading repeated over its next page or slide, the same section
_CONTINUED = re.compile(r"\s|[（(]\s*续\s*[)）]|[（(]\s*接上页\s*[)）]|续$")


def numeral_value(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23."""
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(numeral, 0)


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _ascii_digits(number: str | None) -> str | None:
    """１０ typed in full-width mode (WPS, 全角) is task 10, as 10 is: one number however the typist's mode was set."""
    return number.translate(_FULL_WIDTH_DIGITS) if number and number.translate(_FULL_WIDTH_DIGITS).isascii() else number


def _in_numbered_order(records: list[Record]) -> list[Record]:
    """The tasks in the order of their numbers, where they number 1 to N through the plan but stand in another order:
    a task table sorted by another column (Excel's 分类汇总 by 牵头股室 lists 14, 1, 4, 7, …) is still the plan
    numbered 1 to N, and 下一条 means the next number."""
    at = [i for i, r in enumerate(records) if r.kind == TASK]
    numbers = [records[i].task_no for i in at]
    if len(numbers) < 3 or numbers == sorted(numbers) or sorted(numbers) != list(range(1, len(numbers) + 1)):
        return records
    ordered = sorted((records[i] for i in at), key=lambda r: r.task_no)
    records = list(records)
    for i, record in zip(at, ordered):
        records[i] = record
    return records


def without_running_heads(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without the plan's title printed again at the top of each page, right under the page number that
    closed the page before (— 1 —): a PDF turned into Word (PDF转Word) keeps the running head as a paragraph, and
    read on it would run into the sentence or office list the page break cut. The title is the first line, or the
    first two lines when it is set on two (郫都区教育局 / 2025年工作要点)."""
    shown = [line for line in lines if not line.blank]
    if len(shown) < 3:
        return lines
    heads = {_squeezed(shown[0].text), _squeezed(shown[0].text) + _squeezed(shown[1].text)}
    out, after_page = [], False
    for line in lines:
        if line.blank:
            out.append(line)
            continue
        if after_page and line is not shown[0] and _squeezed(line.text) in heads:
            after_page = False
            continue
        after_page = is_chrome(line) and bool(_PAGE_MARK.match(line.folded.strip()))
        out.append(line)
    return out


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


_PAGE_MARK = re.compile(r"^[-—–－]\s*\d{1,3}\s*[-—–－]$|^第\s*\d{1,3}\s*页|^\d{1,3}\s*/\s*\d{1,3}$")


def strip_list_prefix(s: str) -> str:
    return _DASH_PREFIX.sub("", s, count=1)


def plan_title(heading: str) -> str:
    """The plan's title from its heading line, without an attachment mark before it (附件1 / 附件：)."""
    return _LIST_KIND_BROKEN.sub(r"\1", _ATTACHMENT.sub("", heading.strip(), count=1).strip())


def find_heading(lines: list[SourceLine]) -> str | None:
    """The plan's title as its heading prints it (the first line naming a year's 工作要点), or None."""
    line = next((l for l in lines if not l.blank and _PLAN_PART.match(_key(l))), None)
    return plan_title(line.text) if line else None


def parse_lines(lines: list[SourceLine], doc: str = "", city: str | None = None,
                year: int | None = None) -> ParseResult:
    """Parse one document. `year` (from the catalog) wins over the year the plan's heading states."""
    parser = _Parser(lines, doc, city, year)
    return parser.run()


# A two-cell row under a task (Word's small table `牵头科室 | 机关党委`, read as `牵头科室<TAB>机关党委`): a label line
_CELL_LABEL = re.compile(rf"^(?:{OFFICE_LABEL_WORD}|完成时限|完成时间|时间节点|时限要求|时限)(\s)\s*(?=\S)")


# A plan that flags its tasks prints a mark or a status tag beside the number (1.★深化…, 2.（新增）实施…, ★3.…): the
# flag says which tasks matter this year, not where the title starts. In the key it is blanked, one space for one
# character (offsets into the text still hold); the title then starts after it. A tag closing the title (深化…（延续）。)
# is cut from the title (_heading).
_STATUS_TAG = r"[（(](?:新增|延续|续建|持续|重点|新任务|年度新增|上年延续)[)）]"
_FLAG = rf"(?:[★☆▲◆■※]|{_STATUS_TAG})"
_FLAG_AFTER_NUMBER = re.compile(rf"^\d{{1,3}}\s*[.、．]\s*({_FLAG}(?:\s*{_FLAG})*)")
_TAG_CLOSING_TITLE = re.compile(rf"\s*{_STATUS_TAG}$")


def _key(line: SourceLine) -> str:
    key = _DECORATION.sub("", strip_list_prefix(line.folded.strip()), count=1)
    if m := _FLAG_AFTER_NUMBER.match(key):
        key = key[:m.start(1)] + " " * (m.end(1) - m.start(1)) + key[m.end(1):]
    if "\t" in line.text and len([c for c in line.text.split("\t") if c.strip()]) == 2 and (m := _CELL_LABEL.match(key)):
        # read as `牵头科室：机关党委` (folding made the tab a space; one character for one, so offsets still hold)
        key = key[:m.start(1)] + "：" + key[m.end(1):]
    if m := _CHAPTER.match(key):
        key = f"{m.group(1)}、{key[m.end():]}"
    return key


def _task_marker(key: str, style: str) -> tuple[int, int, int, int] | None:
    """(number, start and end of the printed number, start of the text after it) for a task line of `style`, else
    None. The printed number is the marker without what only encloses it (【1】 prints 1, （1） keeps its brackets)."""
    pattern = _TASK_FORMS.get(style)
    shift = front.end if (front := front_bracket(key)) else 0  # [基础教育科牵头，…]5.title: offices first
    m = pattern.match(key[shift:].lstrip()) if pattern else None
    if not m:
        return None
    shift = len(key) - len(key[shift:].lstrip())
    marker = m.group(1)
    return number_value(marker), shift + m.start(1), shift + m.end(1), shift + m.end()


def number_value(printed: str) -> int | None:
    """The value of a number as printed: 3, （3）, ③, （三） -> 3; None when it holds no number."""
    core = printed.strip().strip("（()）.、． ").removeprefix("任务")
    if core.startswith("第") and core.endswith(("条", "项")):  # 第十二条, 第三项
        core = core[1:-1]
    if core.isascii() and core.isdigit():
        return int(core)
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){1,2}", core):  # 2.3: the third task of section 2 (2.1.3 of 2.1)
        return int(core.split(".")[-1])
    if len(core) == 1 and core in _CIRCLED:
        return _CIRCLED.index(core) + 1
    if core and all(ch in _NUMERALS for ch in core):
        return numeral_value(core)
    return None


def task_style(lines: list[SourceLine], keys: list[str] | None = None) -> str:
    """How the plan numbers its tasks: the first marker numbered 1 after the plan's heading (1. / （1） / ①), or
    the （一） items when it has none, or when that marker numbers the measures inside them."""
    aligned = keys or [_key(l) for l in lines]
    keys = [k for k in aligned if k]
    start = next((i for i, k in enumerate(keys) if _PLAN_PART.match(k)), 0)
    if sum(bool(_task_marker(k, "decimal3")) for k in keys[start:]) >= 2:  # 1.1.1 under 1.1: the third level
        return "decimal3"
    for key in keys[start:]:
        for style in _TASK_FORMS:
            if style == _SPACED:
                continue
            found = _task_marker(key, style)
            if found and found[0] == 1:
                return ITEMS if _measures_inside_items(keys[start:], style) else style
    spaced = [found[0] for k in keys[start:] if (found := _task_marker(k, _SPACED))]
    if len(spaced) >= 3 and spaced[:3] == [1, 2, 3]:  # 1 title / 2 title / 3 title, and no other marker numbers 1
        return _SPACED
    if task_bullet(keys[start:]) or dash_bullets(lines, aligned):
        return BULLETS
    if not any(_ITEM.match(k) for k in keys[start:]) and sum(map(_leads_a_task, keys[start:])) >= 3:
        return LEAD_SENTENCE
    return ITEMS


def _leads_a_task(key: str) -> bool:
    """A paragraph opening with a short sentence of its own (a title: no comma, no office list) and going on: in a
    plan that numbers nothing, this is how a task begins (Word prints the title in bold, 深化清廉学校建设。聚焦…);
    an intro (坚持…，今年重点抓好以下三项工作。) or a task's second paragraph opens with a longer clause."""
    return bool(_LEAD_TITLE.match(key)) and not _LABEL.match(key)  # 责任科室：… / 工作措施：… are labels


def task_bullet(keys: list[str]) -> str | None:
    """The bullet that marks a plan's tasks: the one opening the line after its headings, at least twice (● lines
    inside a ◆ task are its measures)."""
    after = [keys[i + 1] for i in range(len(keys) - 1) if _SECTION.match(keys[i]) or _ITEM.match(keys[i])]
    marks = [m.group(1) for k in after if (m := _BULLET.match(k))]
    best = max(set(marks), key=marks.count, default=None)
    return best if best and marks.count(best) >= 2 else None


def dash_bullets(lines: list[SourceLine], keys: list[str]) -> bool:
    """A plan whose tasks are unnumbered `- ` bullets at the start of the line (a markdown export), right after its
    section and subsection headings, at least twice; indented bullets under them are a task's measures. `keys` are
    the lines' keys, one per line."""
    found = 0
    for i, key in enumerate(keys[:-1]):
        if _SECTION.match(key) or _ITEM.match(key):
            following = next((l for l in lines[i + 1:] if not l.blank), None)
            found += following is not None and bool(_TOP_DASH.match(following.folded))
    return found >= 2


def _measures_inside_items(keys: list[str], style: str) -> bool:
    """（一）task。… then 1. 2. 3. measures, then ONE office list for the （一） item: the numbered lines are its
    measures, not tasks (a plan whose 1. items are tasks gives each its own offices). Judged over the plan's （一）
    groups holding two numbered lines or more: in none does an office list follow any but the last."""
    groups, current = [], None
    for key in keys:
        if _SECTION.match(key) or _ITEM.match(key):
            current = [] if _ITEM.match(key) else None
            if current is not None:
                groups.append(current)
        elif current is not None:
            if _task_marker(key, style):
                current.append(False)  # a numbered line, no office list after it yet
            elif current and OFFICE_LABEL.match(key):
                current[-1] = True
    counted = [g for g in groups if len(g) >= 2]
    return len(counted) >= 2 and all(not any(g[:-1]) for g in counted) and sum(g[-1] for g in counted) >= 2


class _Parser:
    def __init__(self, lines: list[SourceLine], doc: str, city: str | None, year: int | None):
        self.lines = lines
        self.doc, self.city, self.catalog_year = doc, city, year
        self.mode = "plan"
        self.plan_year: int | None = None
        self.summary_year: int | None = None
        self.title = ""
        self._joined_text: str | None = None  # every line's key, one a line: names printed whole somewhere
        self.section: tuple[str, str] | None = None
        self.subsection: tuple[str, str] | None = None
        self.last_task_no = 0
        self.tasks_in_section = 0
        self.tasks_in_subsection = 0
        self.current: _Builder | None = None
        self.pending: _Builder | None = None  # a subsection heading that is a task unless a numbered task follows
        # 牵头科室：…；责任科室：… right under a section or subsection heading: the offices of every task under it that
        # prints none of its own (line index, offices)
        self.section_offices: tuple[int, list[tuple[str, str, list[str]]]] | None = None
        self.subsection_offices: tuple[int, list[tuple[str, str, list[str]]]] | None = None
        self.heading_offices: list[int] = []  # every such line, to report one that no task takes
        # the 其中第N项… clauses of a section's default line: the offices of its N-th task instead of the default
        self.section_exceptions: dict[int, list[tuple[str, str, list[str]]]] = {}
        self.since_closing: list[_Builder] = []  # tasks since the last 以上工作由X牵头… line, which names their offices
        self.framing: _Builder | None = None  # the part of a plan in parts that frames the work (工作目标, 保障措施)
        self.builders: list[_Builder] = []
        self.front: list[int] = []  # lines before the first section of the current part
        self.warnings: list[str] = []
        self.ended = False
        # In a plan whose tasks each end with their office list, prose after the last task's list is the plan's
        # closing (各科室要对照任务分工…, 注：…): held here, given back to the task only if the plan goes on.
        self.held: list[int] = []
        self.body_after_offices = False  # some task's body goes on after its office list: nothing is held
        self.keys = [_key(l) for l in lines]  # the folded, prefix-stripped form every pattern is matched on
        leading = [(k, m) for k in self.keys if (m := _FIRST_LEADS.search(k))]
        self.first_leads = bool(leading)
        # …其他为配合单位 after the rule: the offices after the first cooperate; else they are responsible
        self.rest_role = COOPERATING if any(_REST_HELP.search(k, m.end()) for k, m in leading) else RESPONSIBLE
        self.legend, self.legend_line = _legend(lines, self.keys)
        self.mark_legend = next(((m.group("lead"), m.group("rest")) for k in self.keys if (m := _MARK_LEGEND.search(k))),
                                None)
        self.in_parts = any((m := _SECTION.match(k)) and _WORK_PART.fullmatch(m.group(2).strip("。： "))
                            for k in self.keys)
        self.style = task_style(lines, self.keys)
        # 一、办公室 二、人事股 …: a plan arranged by office, each section (or, under a group such as 六、直属单位,
        # each （一） subsection) naming the office that answers for the tasks under it
        titles = [fold(m.group(2)).strip("。：: ") for k in self.keys if (m := _SECTION.match(k))]
        self.office_sections = len(titles) >= 3 and all(len(t) <= _OFFICE_HEADING_LENGTH and is_office_name(t)
                                                         for t in titles)
        self.heading_office: tuple[int, str] | None = None
        self.subheading_office: tuple[int, str] | None = None
        self.bullet = (task_bullet([k for k in self.keys if k]) or ("-" if dash_bullets(lines, self.keys) else None)
                       if self.style == BULLETS else None)
        self.last_numbered = max((i for i, k in enumerate(self.keys)
                                  if _SECTION.match(k) or _ITEM.match(k) or _task_marker(k, self.style)), default=-1)

    # -- driving -----------------------------------------------------------------------------------------------
    def run(self) -> ParseResult:
        has_parts = any(_PLAN_PART.match(k) or _SUMMARY_PART.match(k) for k in self.keys)
        if has_parts:
            self.mode = "front"
        index = 0
        while index < len(self.lines) and not self.ended:
            line = self.lines[index]
            if line.blank or is_chrome(line):
                index += 1
                continue
            index = self._feed(index, line)
        self._closing()
        self._flush_front()
        self._close()
        if self.ended and index < len(self.lines):
            self._offices_from_attachment(index)
            self._offices_by_office(index)
            self._offices_by_matrix(index)
        records = _in_numbered_order([self._finish(b) for b in self.builders])
        used = {b.inherited[0] for b in self.builders if b.inherited and not b.offices}
        for index in sorted(set(self.heading_offices) - used):  # every task under it printed its own
            line = self.lines[index]
            self.warnings.append(f"第{line.no}行的科室未能归入任何任务：{line.text.strip()[:40]}")
        self._check_offices(records)
        return ParseResult(records, self.warnings, self.plan_year, self.summary_year, self.title)

    def _offices_from_attachment(self, start: int) -> None:
        """附件：重点工作任务分工表 after a plan whose tasks print no offices: each row gives the offices of the task
        with its 序号 (numbers running on through the plan, so each names one task; most titles agree)."""
        tasks = [b for b in self.builders if b.kind == TASK]
        numbers = [b.task_no for b in tasks]
        if not tasks or any(b.offices for b in tasks) or len(set(numbers)) != len(numbers):
            return
        header = next((i for i in range(start, len(self.lines)) if read_header(self.lines[i])), None)
        if header is None:
            return
        rows = [r for r in read_table(self.lines, header, read_header(self.lines[header])).rows
                if r.heading is None and not r.continues and number_value(r.number)]
        by_number = {b.task_no: b for b in tasks}
        matched = [(r, by_number[number_value(r.number)]) for r in rows if number_value(r.number) in by_number]
        if not matched or 2 * sum(fold(r.title) == fold(b.title) for r, b in matched) < len(matched):
            return
        for row, builder in matched:
            builder.add_offices(row.offices)
            for name, value in row.fields:  # its 完成时限 too, when the body prints none
                if name in TIME_FIELDS and name not in builder.fields:
                    builder.open_field(name)
                    builder.append(value)
            builder.slot = None
            builder.attached.append(row.index)

    def _offices_by_office(self, start: int) -> None:
        """附件 局机关科室任务分工 after a plan whose tasks print no offices, one line per office: `党政办：牵头第1项；
        配合第2、3、14项。`, `基础教育科：牵头第4—7项`, `配合第8项、第9至11项`. Each task takes the offices whose lines
        name its number (numbers running on through the plan), in the order the lines run."""
        tasks = [b for b in self.builders if b.kind == TASK]
        numbers = [b.task_no for b in tasks]
        if not tasks or any(b.offices for b in tasks) or len(set(numbers)) != len(numbers):
            return
        by_number = {b.task_no: b for b in tasks}
        found = []
        for index in range(start, len(self.lines)):
            m = _BY_OFFICE_LINE.match(self.keys[index])
            if not m or not is_office_name(m.group("office").strip()):
                continue
            duties = [(spoken_role(d.group("role")), d.group("role"), _numbers_named(d.group("numbers")))
                      for d in _DUTY.finditer(m.group("duties"))]
            if duties and all(role and named and named <= by_number.keys() for role, _, named in duties):
                found.append((index, m.group("office").strip(), duties))
        if len(found) < 2:
            return
        for index, office, duties in found:
            for role, label, named in duties:
                for number in sorted(named):
                    builder = by_number[number]
                    builder.open_office(role, label)
                    builder.append(self._slice(self.lines[index], self.keys[index], 0)[:len(office)])
                    builder.slot = None
                    if index not in builder.attached:
                        builder.attached.append(index)

    def _offices_by_matrix(self, start: int) -> None:
        """附件 重点工作任务责任分工表 after a plan whose tasks print no offices, laid on its side: a row per office, a
        column per task number (科室（单位） | 1 | 2 | … | 14), a mark in the cells under a legend (注：“●”表示牵头科室，
        “○”表示配合科室), rows naming a group of offices (局机关科室, 直属单位) marking nothing, and perhaps a last
        row 完成时限 giving each column's deadline. Each task takes the offices marked in its column, in the order the
        rows run; the legend's words are the labels."""
        tasks = [b for b in self.builders if b.kind == TASK]
        numbers = [b.task_no for b in tasks]
        if not tasks or any(b.offices for b in tasks) or len(set(numbers)) != len(numbers):
            return
        by_number = {b.task_no: b for b in tasks}
        header = next((i for i in range(start, len(self.lines)) if _numbered_columns(self.lines[i].text)), None)
        legend = next(((i, found) for i in range(start, len(self.lines))
                       if len(found := _MATRIX_LEGEND.findall(self.keys[i])) >= 1), None)
        if header is None or legend is None:
            return
        columns = _numbered_columns(self.lines[header].text)
        if not set(columns.values()) <= by_number.keys():
            return
        roles = {mark: (role, role + (suffix or "")) for mark, role, suffix in legend[1] if spoken_role(role)}
        rows = []
        for index in range(header + 1, len(self.lines)):
            cells = self.lines[index].text.split("\t")
            if len(cells) < 2:
                break
            rows.append((index, re.sub(r"\s+", "", cells[0]), cells))
        marked = [(index, name, cells) for index, name, cells in rows
                  if any(cells[c].strip() in roles for c in columns if c < len(cells))]
        if len(marked) < 2:
            return
        for builder in tasks:  # the legend labels every task's lists, a column with no mark too
            for role, label in dict.fromkeys(roles.values()):
                builder.open_office(spoken_role(role), label)
                builder.slot = None
        for index, name, cells in rows:
            timed = _TIME_LABEL.fullmatch(name)
            for column, number in columns.items():
                value = cells[column].strip() if column < len(cells) else ""
                builder = by_number[number]
                if timed and value:
                    builder.open_field(name)
                    builder.append(value)
                elif value in roles:
                    builder.open_office(spoken_role(roles[value][0]), roles[value][1])
                    builder.append(name)
                else:
                    continue
                builder.slot = None
                if index not in builder.attached:
                    builder.attached.append(index)
        for builder in tasks:
            builder.attached.extend(i for i in (header, legend[0]) if i not in builder.attached)

    def _feed(self, index: int, line: SourceLine) -> int:
        """Take the line at `index`; return the index of the next line to read."""
        key = self.keys[index]
        if m := _SUMMARY_PART.match(key):
            self._start_part("summary", int(m.group(1)), index)
            return index + 1
        if m := _PLAN_PART.match(key):
            if self.mode != "plan" or self.section is None:
                self._start_part("plan", int(m.group(1)), index)
                if s := _SECTION.match(key):  # 二、2023年工作要点 after 一、2022年工作回顾: the plan is section 二
                    self._start_section(s.group(1), self._slice(line, key, s.start(2)), index)
                return index + 1
        if (m := _SECTION.match(key)) and (review := _REVIEW_PART.fullmatch(m.group(2).strip("。：: "))):
            self._start_part("summary", int(review.group(1)), index)  # 一、2022年工作回顾: last year's summary
            return index + 1
        if self.mode == "front":
            return index + 1  # notice head before the plan: not part of any record
        if _TRAILER.match(key) or self._is_signature(index, key) \
                or (self.last_task_no and (_ATTACHMENT_LINE.match(key) or _WEB_FOOTER.match(key))):
            self._closing()
            self.ended = True
            return index + 1
        if self.mode == "plan" and (columns := read_header(line)):
            return self._table(read_table(self.lines, index, columns))
        if self.mode == "plan" and _PIAN.match(key):  # 第二篇　质量提升篇: a part above the sections; its intro is none
            self._drop_pending()
            self._close()
            self.section = self.subsection = None
            self.section_offices = self.subsection_offices = None
            return index + 1
        if (m := _SECTION.match(key)) or (self.style in _DECIMAL_STYLES and (m := _ARABIC_SECTION.match(key))):
            self._start_section(m.group(1), self._slice(line, key, m.start(2)), index)
            return index + 1
        if self.mode == "plan" and self.section is not None and _SPLIT_BLOCK.match(key):
            return self._section_split(index)
        if self.mode == "plan" and self.section is not None and _MARK_NOTE.match(key) and self.tasks_in_section:
            return self._mark_notes(index)
        if self.mode == "plan" and self.section is not None and _CLOSING_BY_TITLE.match(key) \
                and (after := self._closing_by_title(index)):
            return after
        if self.mode == "plan" and self.section is not None and _CLOSING_BY_NUMBER.match(key) \
                and self._closing_by_number(index, line, key):
            return index + 1
        if self.mode == "plan" and _CLOSING.match(key) and (groups := sentence_roles(key)):
            self._closing_offices(index, line, key, groups)
            return index + 1
        if self.current is not None and self.current is self.framing:  # 二、工作目标 1.…: a goal, not a task
            self.current.add_line(index)
            self.current.append(line.text.strip())
            return index + 1
        if self.mode == "summary" and (m := _ITEM.match(key)):
            self._start_item(index, key, m)
            return index + 1
        if self.mode == "plan" and self._task_or_subsection(index, line, key):
            return index + 1
        if self.current is None:
            if self.mode == "plan" and self.section is not None and not self.tasks_in_section \
                    and _SECTION_DEFAULT.match(key) and self._section_default(index, line, key):
                return index + 1
            if self.mode == "plan" and self.section is not None and _LABEL.match(key) and OFFICE_LABEL.search(key) \
                    and not self.tasks_in_section:
                self.section_offices = (index, self._offices_of_line(index, line, key))
                self.heading_offices.append(index)
                return index + 1
            self.front.append(index)
            self._check_stray_offices(line, key)
            return index + 1
        if self._unnumbered_heading(index, key):
            return index + 1  # a heading between two tasks, part of neither
        if self._holds(key):
            self.held.append(index)
        else:
            self._feed_content(index, line, key)
        return index + 1

    def _feed_content(self, index: int, line: SourceLine, key: str) -> None:
        current = self.current
        current.add_line(index)
        if current.kind == TASK and self._pipe_roles(line, key):
            return
        if current.kind == TASK and _ends_listed(current) and not _LABEL.match(key) \
                and (_is_prose(key) or not self._in_offices_or_time(current)):
            self.body_after_offices = True  # this plan's bodies go on after their office lists
        # a measure bulleted under its task (  - 作业管理：…) keeps its bullet: it is printed text, not a marker
        self._content(line, line.folded.strip() if _TOP_DASH.match(line.folded.strip()) else key, 0)

    def _holds(self, key: str) -> bool:
        """Whether a line of text under a task is prose after its office list, in a plan whose earlier tasks all end
        with theirs: the plan's closing, if no task follows (given back to the task when one does, `_close`)."""
        current = self.current
        if self.mode != "plan" or current.kind != TASK or self.body_after_offices or not _ends_listed(current) \
                or current is self.framing or _LABEL.match(key):
            return False
        if self.held:
            return True  # the held paragraph goes on (a copy that wraps its lines)
        if sum(1 for b in self.builders if b.kind == TASK and _ends_listed(b)) < 2:
            return False
        slot = current.slot
        if slot is not None and not slot and not NOTE_LINE.match(key):
            return False  # the value of a label printed alone on the line before (完成时限： / 2026年12月底前)
        if self._in_offices_or_time(current) and not _is_prose(key) and not _DATE_DONE.search("".join(slot)):
            return False  # more of the office list or the deadline, wrapped: no sentence
        return True

    def _unnumbered_heading(self, index: int, key: str) -> bool:
        """A heading the plan does not number (Word's 标题 2 `学前教育` between two tasks): a short phrase of words
        alone on its line, right after a task that has ended (a full stop, or an office list or deadline that does
        not run on), right before the next numbered task. Read as more of that office list it would give the task an
        office `党建办公室推进全面从严治党`; it belongs to no task."""
        current = self.current
        words = key.strip()
        if self.mode != "plan" or current is None or current.kind != TASK or not _HEADING_WORDS.fullmatch(words) \
                or is_office_name(words) or self.held:
            return False
        following = next((k for k in self.keys[index + 1:] if k.strip()), "")
        if not _task_marker(following, self.style):
            return False
        if self._in_offices_or_time(current):
            if any(current.slot is p for name in TIME_FIELDS for p in current.fields.get(name, [])) \
                    and not _DATE_DONE.search("".join(current.slot)):
                return False  # a deadline the line's end cut (完成时限：2025年6月 / 底前) goes on
            return not re.search(r"[、，,；;：:]\s*$", "".join(current.slot))
        before = next((self.keys[i] for i in range(index - 1, -1, -1) if self.keys[i].strip()), "")
        return bool(re.search(r"[。；;！？]\s*$", before))

    @staticmethod
    def _in_offices_or_time(builder: _Builder) -> bool:
        slot = builder.slot
        return slot is not None and (any(slot is parts for _, _, parts in builder.offices)
                                     or any(slot is p for name in TIME_FIELDS for p in builder.fields.get(name, [])))

    def _task_or_subsection(self, index: int, line: SourceLine, key: str) -> bool:
        if (body := self._unnumbered_task(line, key)) is not None:
            number = self.last_task_no + 1  # counted through the plan: it prints no number
            self._start_task(number, str(number), index, line, key, body)
            return True
        if (found := _task_marker(key, self.style)) and self._accept(found[0], line):
            value, marker_start, marker_end, body = found
            number = self._slice(line, key, 0)[marker_start:marker_end]
            self._start_task(value, number, index, line, key, body)
            if front := front_bracket(key):  # the office list printed before the number
                self._content(line, key, front.start, stop=front.end)
            return True
        if self.style == "decimal3" and self.section is not None and (m := _DECIMAL_SUBSECTION.match(key)):
            marker = self._slice(line, key, 0)[: m.end(1)]
            self._start_subsection(marker, number_value(marker), index, (line, key, m.start(2)))
            return True
        if m := _ITEM.match(key):
            marker = self._slice(line, key, 0)[: m.end(3)]
            if self.style != ITEMS:
                self._start_subsection(marker, numeral_value(m.group(2)), index, (line, key, m.start(4)))
                return True
            if self._accept(numeral_value(m.group(2)), line):
                self._start_task(numeral_value(m.group(2)), None, index, line, key, m.start(4), subsection=marker)
                return True
        return False

    def _unnumbered_task(self, line: SourceLine, key: str) -> int | None:
        """Where the title starts on a line that opens a task the plan does not number: a typed bullet (◆), a
        markdown `- ` bullet, or a title sentence in a plan that marks nothing; None for any other line."""
        if self.style == LEAD_SENTENCE and self.section is not None and _leads_a_task(key):
            return 0
        if self.bullet == "-" and self.section is not None and _TOP_DASH.match(line.folded):
            return 0  # the key has the bullet stripped already
        if self.bullet and (m := _BULLET.match(key)) and m.group(1) == self.bullet:
            return m.end()
        return None

    def _is_signature(self, index: int, key: str) -> bool:
        """The signature under a plan (an issuing body alone on its line, then a date) or a date line alone: the
        plan has ended. Only after its first task, so a notice's signature before the plan is not taken for it, and
        only after its last numbered line, so a deadline wrapped onto a line of its own is not either."""
        if self.mode != "plan" or not (self.last_task_no or any(b.kind == TASK for b in self.builders)):
            return False  # (tasks numbered （一）（二） as a plan's only level leave no task number behind)
        if is_date_line(key) and index >= self.last_numbered:
            return True
        # (the issuing body over its date ends it before numbered lines too: an attached form's rows after it)
        if not is_issuer_line(key):
            return False
        following = next((l for l in self.lines[index + 1:] if not l.blank), None)
        return following is not None and is_date_line(_key(following))

    def _slice(self, line: SourceLine, key: str, start: int) -> str:
        """The original-script text of `line` from offset `start` of its key (folded, prefix-stripped) form."""
        text = line.text.strip()
        offset = len(text) - len(key)
        return text[offset + start:].strip()

    # -- parts, sections, records ------------------------------------------------------------------------------
    def _start_part(self, mode: str, year: int, index: int) -> None:
        self._flush_front()
        self._close()
        self.mode = mode
        self.section = None
        self.subsection = None
        self.front = []
        line = self.lines[index]
        if mode == "summary":
            self.summary_year = year
            self.current = _Builder(SUMMARY, None, None, None, line.text.strip(), index, year=year)
            self.current.add_line(index)
        else:
            self.plan_year = year
            self.title = self.title or self._issuer_above(index) + plan_title(line.text)

    def _name_printed_whole(self, parts: list[str], key: str) -> bool:
        """Whether the list's last name and the line's first piece make one name the plan prints whole on another
        line: 区教育科 / 学研究院 where a line break (a PDF turned into Word keeps each printed line) cut
        区教育科学研究院, which another task's list prints in one piece."""
        last = re.split(r"[、，,；;]", join_wrapped(parts))[-1].strip()
        first = re.split(r"[、，,；;。\s]", key.strip())[0].strip()
        if not last or not first or len(last) + len(first) < 5:
            return False
        if self._joined_text is None:
            self._joined_text = "\n".join(self.keys)
        return fold(last + first) in self._joined_text

    def _issuer_above(self, index: int) -> str:
        """The bureau's name set on its own line above a heading that opens with the year (郫都区教育局 / 2025年工作要点,
        a title centred on two lines): part of the title. Empty when the heading names its bureau itself."""
        if not _YEAR_FIRST.match(self.keys[index]):
            return ""
        above = next((i for i in range(index - 1, -1, -1) if not self.lines[i].blank), None)
        return self.lines[above].text.strip() if above is not None and _ISSUER_LINE.fullmatch(self.keys[above]) else ""

    def _start_section(self, numeral: str, title: str, index: int) -> None:
        self._flush_front()
        self._close()
        if self.section and self.section[0] == numeral and self.tasks_in_section and \
                _CONTINUED.sub("", fold(self.section[1])).strip("。：: ") != _CONTINUED.sub("", fold(title)).strip("。：: "):
            # 三、 printed twice over two sections (a misprint): the second, with tasks of the first before it, is the
            # next one, as a reader counts it
            numeral = chinese_numeral(numeral_value(numeral) + 1)
        self.section = (numeral, title)
        self.subsection = None
        self.section_offices = self.subsection_offices = None
        self.section_exceptions = {}
        self.heading_office = (index, title.strip().rstrip("。：: ")) if self.office_sections else None
        self.subheading_office = None
        self.tasks_in_section = 0
        self.tasks_in_subsection = 0
        if self.mode == "summary":
            self.current = _Builder(SUMMARY, numeral, title, None, title, index, year=self.summary_year)
            self.current.add_line(index)
        elif self.in_parts and _FRAMING_PART.fullmatch(fold(title).strip("。： ")):
            self.current = self.framing = _Builder(PREAMBLE, numeral, title, None, title, index, year=self.plan_year)
            self.current.add_line(index)

    def _start_subsection(self, marker: str, number: int, index: int, heading: tuple | None = None,
                          title: str = "") -> None:
        """A （一） heading above numbered tasks. Until a task follows it is held as a record of its own: in plans
        that mix levels, a subsection with no numbered task under it is itself the task (its body and offices
        follow it); one with tasks is only their heading."""
        self._flush_front()
        self._close()
        numeral, section_title = self.section or (None, None)
        builder = _Builder(TASK, numeral, section_title, number, title, index, year=self.plan_year, subsection=marker)
        builder.add_line(index)
        self.current = self.pending = builder
        if heading:
            self._heading(builder, *heading)
        self.subsection = (marker, builder.title)
        self.subsection_offices = None
        name = builder.title.strip().rstrip("。：: ")
        self.subheading_office = ((index, name) if self.office_sections and len(name) <= _OFFICE_HEADING_LENGTH
                                  and is_office_name(name) else None)
        self.tasks_in_subsection = 0

    def _start_item(self, index: int, key: str, m: re.Match) -> None:
        self._close()
        line = self.lines[index]
        body = self._slice(line, key, m.start(4))
        title, rest = _split_title(body)
        numeral, title_section = self.section or (None, None)
        item = self._slice(line, key, m.start(1))[: len(m.group(1) + m.group(2) + m.group(3))]
        self.current = _Builder(SUMMARY, numeral, title_section, None, title, index, item=item, year=self.summary_year)
        self.current.add_line(index)
        if rest:
            self.current.append(rest)

    def _accept(self, number: int, line: SourceLine) -> bool:
        """The next task number, or 1 where numbering restarts (a new section or subsection). One number skipped is
        taken as a task too, with a warning, so a misnumbered plan loses no task silently."""
        restart = self.tasks_in_section == 0 or (self.subsection is not None and self.tasks_in_subsection == 0)
        if number == self.last_task_no + 1 or (number == 1 and restart):
            return True
        if self.tasks_in_section and number == self.last_task_no + 2:
            self.warnings.append(f"第{line.no}行编号不连续：{self.last_task_no} 之后是 {number}，"
                                 f"已按新任务读取，请核对")
            return True
        if restart and number == 2 and self.last_task_no != 1:
            # a section whose list Word was set to start at 2 (its first task moved elsewhere): 2 opens it
            self.warnings.append(f"第{line.no}行所在部分的编号从 2 开始，已按新任务读取，请核对")
            return True
        return False

    def _start_task(self, number: int, printed: str | None, index: int, line: SourceLine, key: str, body: int,
                    subsection: str | None = None) -> None:
        self._flush_front()
        self._drop_pending()
        self._close()
        self.last_task_no = number
        self.tasks_in_section += 1
        self.tasks_in_subsection += 1
        numeral, section_title = self.section or (None, None)
        sub, sub_title = (subsection, None) if subsection else (self.subsection or (None, None))
        builder = _Builder(TASK, numeral, section_title, number, "", index, year=self.plan_year, subsection=sub,
                           subsection_title=sub_title, number=printed)
        builder.add_line(index)
        builder.inherited = self.subsection_offices or self.section_offices
        if not self.subsection_offices and self.section_offices and self.tasks_in_section in self.section_exceptions:
            builder.inherited = (self.section_offices[0], self.section_exceptions[self.tasks_in_section])
        builder.heading_office = self.subheading_office or self.heading_office
        self.since_closing.append(builder)
        self.current = builder
        self._heading(builder, line, key, body)

    def _heading(self, builder: _Builder, line: SourceLine, key: str, body: int) -> None:
        """The title runs from `body` to the first 。 or ： or inline office list; what follows is the body."""
        if key.startswith("【", body) and (close := key.find("】", body)) > body + 1 \
                and not OFFICE_LABEL.search(key, body, close):  # 01【title】body: the brackets hold the title
            builder.title = self._slice(line, key, body + 1)[: close - body - 1].strip()
            self._content(line, key, close + 1)
            return
        brackets = [b for b in inline_brackets(key) if b.start >= body]
        # 3.【牵头：基教科；配合：计财科】推进…。: the office list before the title; the title follows it
        front = brackets[0] if brackets and not key[body:brackets[0].start].strip() else None
        if front:
            body, brackets = front.end, brackets[1:]
        stop = _TITLE_END.search(key, body)
        end = min([b.start for b in brackets] + ([stop.start()] if stop else []) + [len(key)])
        text = line.text.strip()
        if (tab := text.find("\t", len(text) - len(key) + body)) >= 0:  # a title never runs into the next cell
            end = min(end, tab - (len(text) - len(key)))
        builder.title = _TAG_CLOSING_TITLE.sub("", self._slice(line, key, body)[: end - body].strip())
        builder.title = _CLOSING_MARK.sub("", builder.title)  # 推进…均衡发展②: a mark its section's note resolves
        rest = end + 1 if stop and end == stop.start() else end
        if brackets and end == brackets[0].start:  # 加强理论武装（牵头科室：…）。深入学习…: the 。 ends the title too
            self._content(line, key, rest, stop=brackets[0].end)
            rest = brackets[0].end + (key[brackets[0].end: brackets[0].end + 1] in "。：")
        self._content(line, key, rest)
        if front:  # after the body, so the body stays the task's first field and takes the lines that follow
            self._content(line, key, front.start, stop=front.end)

    def _table(self, table: Table) -> int:
        """Records from the rows of a task table; returns the index of the first line after it."""
        self._flush_front()
        self._close()
        self.warnings.extend(table.warnings)
        if matched := self._rows_by_title(table):
            # 表1　…重点任务分工 after a section's paragraphs: each row gives the offices and deadline of the task
            # whose title it names (in any order, shortened or not), not a task of its own
            for row, builder in matched:
                builder.add_offices(row.offices)
                for name, value in row.fields:
                    if name in TIME_FIELDS and value.strip() and name not in builder.fields:
                        builder.open_field(name)
                        builder.append(value)
                builder.slot = None
                builder.attached.append(row.index)
            for row in table.rows:  # the next section's heading, read on as the table's section row
                if row.heading is not None:
                    self._table_heading(row)
            return table.end
        # an outline table (一级任务 / 二级任务 / 具体任务) prints no 序号: its rows are counted, as the citation says
        counted = any(c.kind == LEVEL for c in table.columns)
        previous_fields: dict[str, str] = {}
        for row in table.rows:
            if row.heading is not None:
                self._table_heading(row)
                continue
            if row.parts:  # several tasks packed into one cell, each a task of its own with the row's offices
                for part in row.parts:
                    self._close()
                    builder = self._table_task(part, counted)
                    for name, value in part.fields:
                        builder.open_field(name)
                        builder.append(value)
                    builder.add_offices(part.offices)
                self._close()
                previous_fields = {}
                continue
            repeated: set[str] = set()
            if row.continues and self.current is not None:
                builder = self.current
                builder.add_line(row.index)
                # a cell merged down over both rows (完成时限 全年) is the same value, not a second paragraph
                repeated = {name for name, value in row.fields if previous_fields.get(name) == value}
            else:
                self._close()
                builder = self._table_task(row, counted)
            previous_fields = dict(row.fields)
            for name, value in row.fields:
                if name in repeated:
                    continue
                builder.open_field(name)
                builder.append(value)
            builder.add_offices(row.offices, continued=row.continues)
            builder.attached.extend(i for i in table.key_lines if i not in builder.attached)
        self._close()
        return table.end

    def _table_heading(self, row: Row) -> None:
        heading = row.heading.strip()
        if m := _SECTION.match(fold(heading)):
            self._start_section(m.group(1), heading[m.start(2):].strip(), row.index)
        elif m := _ITEM.match(fold(heading)):
            self._start_subsection(heading[: m.end(3)], numeral_value(m.group(2)), row.index,
                                   title=heading[m.start(4):].strip())

    def _rows_by_title(self, table: Table) -> list[tuple[Row, _Builder]] | None:
        """The rows of an office table naming, by title, the tasks its section printed as paragraphs without offices,
        each row one such task; None when any row is more than that (a number, a task the section lacks)."""
        rows = [r for r in table.rows if r.heading is None and not r.continues]
        section = self.section[0] if self.section else None
        tasks = [b for b in self.builders if b.kind == TASK and b.section == section and not b.offices]
        if not rows or not tasks or any(r.number or r.parts or not r.title or not r.offices for r in rows):
            return None
        matched = []
        for row in rows:
            title = fold(row.title).strip("。 ")
            found = [b for b in tasks if title and (title in fold(b.title) or fold(b.title) in title)]
            if len(found) != 1 or any(found[0] is b for _, b in matched):
                return None
            matched.append((row, found[0]))
        return matched

    def _table_task(self, row: Row, counted: bool = False) -> _Builder:
        number = number_value(row.number) or self.last_task_no + 1
        self.last_task_no = number
        self.tasks_in_section += 1
        self.tasks_in_subsection += 1
        numeral, section_title = self.section or (None, None)
        sub, sub_title = self.subsection or (None, None)
        content = next((v for _, v in row.fields), "")
        title = row.title or _split_title(content)[0]
        self.current = _Builder(TASK, numeral, section_title, number, title, row.index, year=self.plan_year,
                                subsection=sub, subsection_title=sub_title,
                                number=row.number or (str(number) if counted else None))
        self.current.add_line(row.index)
        return self.current

    def _close(self) -> None:
        held, self.held = self.held, []
        for index in held:  # the plan went on after the held prose: it was the task's body after all
            self._feed_content(index, self.lines[index], self.keys[index])
        current, self.current = self.current, None
        if current is not None and current is self.pending:
            self.pending = None
            if not current.offices and not any(any(p) for paragraphs in current.fields.values() for p in paragraphs):
                return  # a bare subsection heading, not a task
        if current is not None:
            self.builders.append(current)

    def _closing(self) -> None:
        """Prose held after the last task's office list is the plan's closing (各科室要对照任务分工…): a record of
        its own kind as the preamble is, quoted as printed, never the last task's body with that task's offices."""
        held, self.held = self.held, []
        self._close()
        if not held:
            return
        first = self.lines[held[0]].text.strip()
        title = re.split(r"[，,。；;：:]", first, maxsplit=1)[0][:_CLOSING_TITLE]
        builder = _Builder(PREAMBLE, None, None, None, title, held[0], year=self.plan_year)
        for index in held:
            builder.add_line(index)
            builder.append(self.lines[index].text.strip())
        self.builders.append(builder)

    def _drop_pending(self) -> None:
        """A task follows the held subsection: it was a heading after all. Its offices, if it printed any, are those
        of every task under it that prints none of its own, as offices under a section heading are."""
        if self.current is not None and self.current is self.pending:
            if self.current.offices:
                self.subsection_offices = (self.current.lines[-1], self.current.offices)
                self.heading_offices.append(self.current.lines[-1])
            self.current = self.pending = None

    def _flush_front(self) -> None:
        """Lines between a part's heading and its first section: the plan's preamble or the summary's intro."""
        front, self.front = self.front, []
        if self.mode != "plan" or self.section is not None:
            return
        start = next((i for i, index in enumerate(front) if _PREAMBLE_KEY.search(self.lines[index].folded)), None)
        if start is None:
            return
        first = self.lines[front[start]]
        label = _PREAMBLE_KEY.search(first.folded)
        title = first.text[label.start(): label.end()]  # the label as printed (总体思路 / 總體思路)
        builder = _Builder(PREAMBLE, None, None, None, title, front[start], year=self.plan_year)
        for index in front[start:]:
            builder.add_line(index)
            builder.append(self.lines[index].text.strip())
        self.builders.append(builder)

    # -- lines inside a record ---------------------------------------------------------------------------------
    def _content(self, line: SourceLine, key: str, start: int, stop: int | None = None) -> None:
        """Distribute a line (from offset `start` of its key, up to `stop`) over the record's slots: field and office
        labels may start anywhere in it, and an office list in parentheses goes to its roles while the text around
        it stays in the body."""
        builder = self.current
        assert builder is not None
        text = line.text.strip()
        offset = len(text) - len(key)
        stop = len(key) if stop is None else stop
        if builder.kind != TASK:
            if key[start:].strip():
                builder.append(text[offset + start:])
            return
        if start == 0 and builder.slot is not None and any(builder.slot is parts for _, _, parts in builder.offices) \
                and not _LABEL.match(key) and not self._name_printed_whole(builder.slot, key) and (_is_prose(key) or (
                    builder.slot and not _cut_off(builder.slot) and key.lstrip()[:1] not in "、，,"
                    and len(first := re.split(r"[、，,；;]", key.strip())[0].strip()) > 1 and is_office_name(first))):
            # a sentence after an office list is the body again, not more offices; so is a line after a list that
            # ended on a whole name, when the line does not end a name itself (the plan's closing `各科室、各直属单位、
            # 各中小学校要对照本要点制定…，细化` wrapped; but `…人事师训科、市教科` / `所、市电教技装中心` goes on)
            builder.slot = None
        if start == 0 and builder.slot and not _LABEL.match(key) and _DATE_DONE.search("".join(builder.slot)) \
                and not _DATE_TAIL.fullmatch(key.strip()) \
                and any(builder.slot is p for name in TIME_FIELDS for p in builder.fields.get(name, [])):
            builder.slot = None  # a deadline read to its end (2023年8月底前): the next line is the body again
        pos = start
        for bracket in inline_brackets(key):
            if bracket.end <= start or bracket.start >= stop:
                continue
            self._labelled(text, key, offset, pos, bracket.start)
            body_slot = builder.slot
            for group in bracket.groups:
                if group.role == DEADLINE:  # （2025年9月底前） after the offices: the task's deadline
                    builder.open_field(DEADLINE_FIELD)
                    self._labelled(text, key, offset, group.names[0], group.names[1])
                    continue
                builder.open_office(group.role, text[offset + group.label[0]: offset + group.label[1]].strip())
                # a deadline may share the brackets (【牵头：…；配合：…；时限：2021年8月底】)
                self._labelled(text, key, offset, group.names[0], group.names[1])
            if not (bracket.end >= len(key.rstrip()) and key.rstrip().endswith(("、", "，", ","))):
                builder.slot = body_slot  # (a list closing the line open after 、 goes on on the next line)
            pos = bracket.end
        self._labelled(text, key, offset, pos, stop)

    def _labelled(self, text: str, key: str, offset: int, start: int, end: int) -> None:
        builder = self.current
        pos = start
        labelled = any(mark in key for mark in _LABEL_MARKS)  # every label ends in a colon or 】: skip the scan
        for m in (_LABEL.finditer(key, start, end) if labelled else ()):
            if key[pos: m.start()].strip():
                builder.append(text[offset + pos: offset + m.start()])
            if field := ("field" if m.group("field") else "field2" if m.group("field2") else None):
                builder.open_field(text[offset + m.start(field): offset + m.end(field)])
            else:
                name = "role" if m.group("role") else "role2"
                label = text[offset + m.start(name): offset + m.end(name)].strip()
                builder.open_office(role_of(m.group(name)), label)
            pos = m.end()
        if key[pos:end].strip():
            builder.append(text[offset + pos: offset + end])

    def _pipe_roles(self, line: SourceLine, key: str) -> bool:
        """| 牵头 | 党建办 | 配合 | 组织人事科、各学校 | 时限 | 2025年8月底前 |: a one-row table under the task whose
        cells pair a role (or a deadline) with its value; a dash is no office. False when the line is not one."""
        if not _PIPE_ROW.match(key):
            return False
        text = line.text.strip()
        cells = [c.strip() for c in text.strip("|").split("|")]
        words = [c.strip() for c in fold(text).strip().strip("|").split("|")]
        if len(cells) != len(words) or len(cells) % 2 or not all(
                _PIPE_ROLE.fullmatch(w) for w in words[::2]):
            return False
        builder = self.current
        for label, word, value in zip(cells[::2], words[::2], cells[1::2]):
            if _TIME_LABEL.fullmatch(word):
                builder.open_field(label)
            else:
                builder.open_office(role_of(word), label)
            if value.strip("—－-–/ 无"):
                builder.append(value)
        builder.slot = None
        return True

    def _offices_of_line(self, index: int, line: SourceLine, key: str) -> list[tuple[str, str, list[str]]]:
        """The office lists of a line that stands under a heading, read as a task's office line is."""
        numeral, title = self.section or (None, None)
        holder = _Builder(TASK, numeral, title, None, "", index)
        self.current, current = holder, self.current
        self._content(line, key, 0)
        self.current = current
        return holder.offices

    def _section_default(self, index: int, line: SourceLine, key: str) -> bool:
        """（本部分工作由X牵头，Y、Z配合；其中第2项无配合股室，第3项由W牵头）: the roles in words before 其中 are every
        task's of the section; a 其中 clause changes only the role it names for the task it numbers (第3项由W牵头
        keeps the default's 配合). A task's own office list still wins (the parser's rule for inherited offices).
        False when the sentence names no office, so the line is read as any other."""
        text = line.text.strip()
        offset = len(text) - len(key)
        main = re.split(r"[，,；;]\s*(?=其中)", key, maxsplit=1)[0]
        rest = key[len(main):]
        groups = sentence_roles(main.rstrip("）)。；; "))
        if not groups:
            return False
        default = [(g.role, text[offset + g.label[0]: offset + g.label[1]], [text[offset + g.names[0]: offset + g.names[1]]])
                   for g in groups]
        exceptions: dict[int, list[tuple[str, str, list[str]]]] = {}
        marks = list(_EXCEPTION.finditer(rest))
        for m, after in zip(marks, [*marks[1:], None]):
            clause = rest[m.end(): after.start() if after else len(rest)].rstrip("）)。；;，, ")
            number = number_value(m.group(1))
            offices = [(role, label, list(names)) for role, label, names in exceptions.get(number, default)]
            start = len(key) - len(rest) + m.end()
            if none := _NONE_OF_ROLE.match(clause.lstrip()):
                role = spoken_role(none.group(1)) or COOPERATING
                offices = [o for o in offices if o[0] != role] + [(role, none.group(1), [])]
            elif own := sentence_roles(clause):
                roles = {g.role for g in own}
                offices = [o for o in offices if o[0] not in roles] + [
                    (g.role, text[offset + start + g.label[0]: offset + start + g.label[1]],
                     [text[offset + start + g.names[0]: offset + start + g.names[1]]]) for g in own]
            else:
                continue
            order = {LEAD: 0, RESPONSIBLE: 1, COOPERATING: 2}
            exceptions[number] = sorted(offices, key=lambda o: order.get(o[0], 3))
        self.section_offices = (index, default)
        self.section_exceptions = exceptions
        self.heading_offices.append(index)
        return True

    def _closing_offices(self, index: int, line: SourceLine, key: str, groups: list) -> None:
        """以上工作由组织人事科牵头，机关党委、宣传科配合。 after a group of tasks: the offices of every task since the
        last such line that printed none of its own; the line is shown with each of them."""
        text = line.text.strip()
        offset = len(text) - len(key)
        offices = [(g.role, text[offset + g.label[0]: offset + g.label[1]],
                    [text[offset + g.names[0]: offset + g.names[1]]]) for g in groups]
        taken = [b for b in self.since_closing if not b.offices]
        for builder in taken:
            builder.offices = [(role, label, list(parts)) for role, label, parts in offices]
            builder.attached.append(index)
        if not taken:
            self.warnings.append(f"第{line.no}行的科室未能归入任何任务：{text[:40]}")
        self.since_closing = []

    def _closing_by_number(self, index: int, line: SourceLine, key: str) -> bool:
        """以上第（1）（2）项由X牵头，Y配合；第（3）至（4）项由Z负责。 after a section's tasks: each clause gives the
        offices of the section's tasks it numbers (a list, a range); the line is shown with each. False when no
        clause names a task of the section, so the line is read as any other."""
        text = line.text.strip()
        offset = len(text) - len(key)
        numeral = self.section[0] if self.section else None
        tasks = {b.task_no: b for b in [*self.builders, self.current] if b is not None and b.kind == TASK
                 and b.section == numeral}
        taken = []
        for clause in _CLAUSE_BY_NUMBER.finditer(key):
            numbers = _numbers_named(_UNBRACKETED.sub(r" \1 ", clause.group("numbers")))
            rest = clause.group("rest")
            at = clause.start("rest")
            groups = sentence_roles(rest)
            chosen = [tasks[n] for n in sorted(numbers) if n in tasks and not tasks[n].offices]
            if not groups or not chosen:
                continue
            offices = [(g.role, text[offset + at + g.label[0]: offset + at + g.label[1]],
                        [text[offset + at + g.names[0]: offset + at + g.names[1]]]) for g in groups]
            for builder in chosen:
                builder.offices = [(role, label, list(parts)) for role, label, parts in offices]
                builder.attached.append(index)
                taken.append(builder)
        if taken and self.current is not None and self.current in taken:
            self._close()
        return bool(taken)

    def _closing_by_title(self, start: int) -> int | None:
        """以上“学前教育普惠”“义务教育均衡”两项由基础教育科牵头，…配合；“普高特色”一项由…共同牵头，完成时限2024年9月
        底前；其余两项分别由X、Y负责。 after a section's tasks: each clause names its tasks by words of their titles in
        quotes (a piece of the title, or its characters in order: 普高特色 for 推动普通高中多样化特色发展), and 其余…分别
        gives the tasks no clause named their offices in order. The paragraph may wrap onto lines that open with a quote.
        Returns the index after the paragraph, or None when no clause names a task of the section."""
        used = [start]
        while not self.keys[used[-1]].rstrip().endswith("。") and used[-1] + 1 < len(self.keys) \
                and self.keys[used[-1] + 1].lstrip().startswith(("“", "其余", "其他", "另")):
            used.append(used[-1] + 1)
        text = "".join(self.lines[i].text.strip() for i in used)
        numeral = self.section[0] if self.section else None
        tasks = [b for b in [*self.builders, self.current] if b is not None and b.kind == TASK and b.section == numeral]
        named: dict[int, tuple] = {}
        remainder = None
        for clause in re.split(r"[；;。]", text.removeprefix("以上").removeprefix("上述")):
            due = _TITLE_CLAUSE_DUE.search(clause)
            roles_text = clause[:due.start()] if due else clause
            if rest := _REMAINDER.match(roles_text):
                remainder = (rest, due)
                continue
            quotes = _TITLE_QUOTE.findall(roles_text)
            if not quotes:
                continue
            rest = roles_text[roles_text.rindex("”") + 1:]
            groups = sentence_roles(rest)
            chosen = [b for q in quotes if (b := _task_by_title_words(q, tasks)) is not None and not b.offices]
            if not groups or len(chosen) != len(quotes):
                continue
            offices = [(g.role, rest[g.label[0]:g.label[1]], [rest[g.names[0]:g.names[1]]]) for g in groups]
            for builder in chosen:
                named[id(builder)] = (builder, offices, due.group("due").strip() if due else None)
        if not named:
            return None
        if remainder:
            rest, due = remainder
            others = [b for b in tasks if id(b) not in named and not b.offices]
            names = [n for n in re.split(r"[、，,]", rest.group("names")) if n.strip()]
            count = rest.group("count")
            if len(names) == len(others) == (numeral_value(count.replace("两", "二")) if count else len(others)):
                role = spoken_role(rest.group("verb"))
                for builder, name in zip(others, names):
                    named[id(builder)] = (builder, [(role, rest.group("verb"), [name.strip()])],
                                          due.group("due").strip() if due else None)
        for builder, offices, due in named.values():
            builder.offices = [(role, label, list(parts)) for role, label, parts in offices]
            if due:
                builder.fields.setdefault(DEADLINE_FIELD, []).append([due])
            builder.attached.extend(used)
        if self.current is not None and any(self.current is b for b, _, _ in named.values()):
            self._close()
        return used[-1] + 1

    def _section_split(self, start: int) -> int:
        """本部分任务分工：1.牵头：…，配合：…，时限：…；2.… after a section's tasks, wrapped over lines (and pages):
        each numbered item gives the offices (and deadline) of the section's task with that number; the block's
        lines are shown with each. Returns the index of the line after the block."""
        end, used = self._block(start, lambda key: _ITEM.match(key) or (
            _task_marker(key, self.style) and not _SPLIT_ITEM.match(key)))
        text = join_wrapped([self.lines[i].text for i in used])
        key = _SPLIT_BLOCK.sub(lambda m: " " * len(m.group(0)), fold(text).strip(), count=1)
        text = text.strip()
        numeral = self.section[0] if self.section else None
        tasks = {b.task_no: b for b in [*self.builders, self.current] if b is not None and b.kind == TASK
                 and b.section == numeral}
        current, taken = self.current, 0
        pos = 0
        for piece in re.split(r"[；;。]", key):
            m = _SPLIT_ITEM.match(piece)
            builder = tasks.get(int(m.group(1))) if m else None
            if builder is not None and not builder.offices:
                at = key.index(piece, pos) + m.end()
                # the deadline follows the offices after a comma here (配合：…，时限：…): read it as after ；
                item_text, item_key = (_DEADLINE_AFTER_COMMA.sub("；", v[at: at + len(piece) - m.end()])
                                       for v in (text, key))
                self._give_offices(builder, SourceLine(self.lines[start].no, "", f"（{item_text}）", f"（{item_key}）"),
                                   used)
                taken += 1
            pos += len(piece) + 1
        self.current = current
        if not taken:
            self.warnings.append(f"第{self.lines[start].no}行的科室未能归入任何任务：{self.lines[start].text.strip()[:40]}")
        return end

    def _block(self, start: int, stops: Callable[[str], object]) -> tuple[int, list[int]]:
        """The lines of a block after a section's tasks (a 分工 list, a note), wrapped over lines and pages: from
        `start` to a blank line, a section, the signature or a line `stops` ends it at. Returns the index after
        the block and the block's lines that are no page chrome."""
        end, used = start, []
        while end < len(self.lines):
            key = self.keys[end]
            if end > start and (self.lines[end].blank or _SECTION.match(key) or stops(key)
                                or self._is_signature(end, key)):
                break
            if not is_chrome(self.lines[end]):
                used.append(end)
            end += 1
        return end, used

    def _give_offices(self, builder: _Builder, item: SourceLine, used: list[int]) -> None:
        """A task given its offices by a line after it (`item`, an office list in brackets); the lines `used` to
        give them are shown with the task. The caller puts back its current task."""
        self.current = builder
        slot = builder.slot
        self._content(item, item.folded, 0)
        builder.slot = slot
        builder.attached.extend(i for i in used if i not in builder.attached)

    def _mark_notes(self, start: int) -> int:
        """注：①牵头：…；配合：…。②…。 after a section's tasks (wrapped over lines): each mark's offices go to the
        section's tasks that carry that mark at the end of their title or paragraph (one mark may serve two tasks;
        ①②均由X牵头 serves both marks); the note's lines are shown with each. Returns the index after the note."""
        end, used = self._block(start, lambda key: _task_marker(key, self.style))
        text = join_wrapped([self.lines[i].text for i in used]).strip()
        text = text[_MARK_NOTE.match(fold(text)).end():]
        numeral = self.section[0] if self.section else None
        tasks = [b for b in [*self.builders, self.current] if b is not None and b.kind == TASK and b.section == numeral]
        marks_of = {id(b): set("".join(m.group(1) for i in b.lines
                                       for m in _TASK_MARK.finditer(self.lines[i].text))) for b in tasks}
        current, taken = self.current, 0
        for m in re.finditer(rf"([{_CIRCLED}]+)([^{_CIRCLED}]+)", text):
            item_text = re.sub(r"^\s*(?:均|都|皆)?", "", m.group(2)).strip().rstrip("。；; ")
            item = SourceLine(self.lines[start].no, "", f"（{item_text}）", f"（{fold(item_text)}）")
            for builder in tasks:
                if builder.offices or not marks_of[id(builder)] & set(m.group(1)):
                    continue
                self._give_offices(builder, item, used)
                taken += 1
        self.current = current
        if not taken:
            self.warnings.append(f"第{self.lines[start].no}行的科室未能归入任何任务：{self.lines[start].text.strip()[:40]}")
        return end

    def _check_stray_offices(self, line: SourceLine, key: str) -> None:
        """An office list outside any task (under a section or subsection heading, in the preamble) belongs to no
        record: say so rather than drop it silently."""
        if self.mode == "plan" and self.section is not None and (OFFICE_LABEL.search(key) or inline_brackets(key)):
            self.warnings.append(f"第{line.no}行的科室未能归入任何任务：{line.text.strip()[:40]}")

    # -- finishing ---------------------------------------------------------------------------------------------
    def _finish(self, b: _Builder) -> Record:
        fields = {}
        for name, paragraphs in b.fields.items():
            text = "\n".join(p for p in (join_wrapped(parts) for parts in paragraphs) if p)
            if text and not (name in TIME_FIELDS and _BLANK_TO_FILL.fullmatch(text)):
                fields[name] = text  # (完成时限：________ is a blank the drafter left to fill: no deadline yet)
        if b.kind == TASK and fields and not any(f in fields for f in TIME_FIELDS) \
                and (m := _CLOSING_DATE.search(last := list(fields.values())[-1]) or _CLOSING_TIME.search(last)):
            fields[DEADLINE_FIELD] = m.group(1).strip()  # …全覆盖（2024年9月底前完成）。: the task's deadline
        offices: dict[str, list[str]] = {LEAD: [], RESPONSIBLE: [], COOPERATING: []}
        labels: dict[str, str] = {}
        notes: list[str] = []
        # 牵头领导 names a person (刘振华 副局长); beside a lead office (牵头科室) the office is what leads the task
        attached = list(b.attached)
        own = b.offices
        if not own and b.inherited:  # offices printed once under the section's heading, for each of its tasks
            attached.insert(0, b.inherited[0])
            own = b.inherited[1]
            notes.append(NOTE_SECTION_OFFICES.format(line=self.lines[b.inherited[0]].no))
        if b.heading_office and not any(role in (LEAD, RESPONSIBLE) for role, _, _ in own):
            # the section's office answers for the task; a bracket after it adds those who cooperate (（配合股室：…）)
            attached.insert(0, b.heading_office[0])
            own = [(RESPONSIBLE, "", [b.heading_office[1]]), *own]
            notes.append(NOTE_OFFICE_HEADING.format(line=self.lines[b.heading_office[0]].no))
        if not own and b.kind == TASK:  # no office list: the body may say who (由基础教育科牵头，人事科配合落实)
            body = "\n".join(fields.values())
            own = [(g.role, body[g.label[0]:g.label[1]], [body[g.names[0]:g.names[1]]]) for g in sentence_roles(body)]
        printed = [o for o in own if not (o[0] == LEAD and o[1].startswith(_LEADER_LABEL))]
        if not any(role == LEAD for role, _, _ in printed):
            printed = own
        roles = [role for role, _, _ in printed]
        first_responsible = roles.index(RESPONSIBLE) if RESPONSIBLE in roles else -1
        marked_any = False
        for index, (role, label, parts) in enumerate(printed):
            if role == RESPONSIBLE and LEAD not in roles and roles.count(RESPONSIBLE) > 1 \
                    and index == first_responsible:
                notes.append(NOTE_LEAD_FROM_RESPONSIBLE)
                role = LEAD
            joined = join_wrapped(parts)
            if (due := _CELL_DEADLINE.search(fold(joined))) and due.start() > 0:
                # …区直各学校　完 / 成时限：全年: a deadline's label a line break cut is whole once the lines are joined
                if joined[due.end():].strip() and not any(f in fields for f in TIME_FIELDS):
                    fields[joined[due.start(1):due.end(1)]] = joined[due.end():].strip()
                joined = joined[:due.start()]
            names = split_offices(joined)
            if self.legend and any(n in self.legend for n in names):  # 基 is 基础教育科 by the plan's legend
                names = [self.legend.get(n, n) for n in names]
                if self.legend_line not in attached:
                    attached.append(self.legend_line)
            if role == RESPONSIBLE and (closing := _closing_leads(names)):
                # …、县教研室（基础教育股、督导室共同牵头）: the named lead, the others cooperating, under the one label
                offices[LEAD].extend(n for n in closing[0] if n not in offices[LEAD])
                offices[COOPERATING].extend(n for n in closing[1] if n not in offices[COOPERATING])
                labels.setdefault(LEAD, label)
                if closing[1]:
                    labels.setdefault(COOPERATING, label)
                continue
            # 责任单位：基础教育科（牵头）、计划财务科: the office marked in the list leads, the others keep the role
            marked = [m.group(1) or m.group(2) for n in names if (m := _LEAD_MARK.fullmatch(n))]
            names = [n for n in names if not _LEAD_MARK.fullmatch(n)]
            if marked:
                marked_any = True
                labels.setdefault(LEAD, label)
                offices[LEAD].extend(n for n in marked if n not in offices[LEAD])
            if (names or not marked) and label:  # a bare list after a dash prints no label
                labels.setdefault(role, label)
            offices[role].extend(n for n in names if n not in offices[role])
        if self.mark_legend and marked_any and offices[LEAD]:
            # the legend's words: the marked office is its 牵头单位, the rest of the list its 配合单位
            labels[LEAD] = self.mark_legend[0]
            if offices[RESPONSIBLE]:
                offices[COOPERATING], offices[RESPONSIBLE] = offices[RESPONSIBLE] + offices[COOPERATING], []
                labels.pop(RESPONSIBLE, None)
                labels[COOPERATING] = self.mark_legend[1]
        if self.first_leads and not offices[LEAD] and offices[RESPONSIBLE]:
            # 各项任务责任单位中排在第一位的为牵头单位: the plan says so once, in its preamble
            listed, label = offices[RESPONSIBLE], labels.pop(RESPONSIBLE)
            offices[LEAD], offices[RESPONSIBLE] = listed[:1], []
            offices[self.rest_role] = listed[1:] + offices[self.rest_role]
            labels[LEAD] = label
            if listed[1:]:
                labels[self.rest_role] = label
        for role in (RESPONSIBLE, COOPERATING):  # one office, one role: a task's measure rows (姑苏 4: X leads one,
            # is named to help on another) make it a lead of the task, nothing less
            offices[role] = [n for n in offices[role] if n not in offices[LEAD]]
        first, last = b.first, b.lines[-1]
        year = self.catalog_year if b.kind != SUMMARY and self.catalog_year else b.year
        return Record(
            doc=self.doc, city=self.city, year=year, kind=b.kind, section=b.section, task_no=b.task_no,
            title=b.title, fields=fields, lead_offices=offices[LEAD], responsible_offices=offices[RESPONSIBLE],
            text="\n".join([*(l.text for l in self.lines[first: last + 1]),
                            *(self.lines[i].text for i in attached)]).strip("\n"),
            line_start=self.lines[first].no, line_end=self.lines[last].no, notes=notes,
            section_title=b.section_title, item=b.item, subsection=b.subsection, subsection_title=b.subsection_title,
            number=(number := _ascii_digits(b.number)),
            path=task_path(b.section, b.subsection, b.task_no, number) if b.kind == TASK else "",
            cooperating_offices=offices[COOPERATING], office_labels=labels,
        )

    def _check_offices(self, records: list[Record]) -> None:
        """Warn where offices are missing: per task when other tasks list them, once when the plan lists none."""
        tasks = [r for r in records if r.kind == TASK]
        with_offices = [t for t in tasks if t.lead_offices or t.responsible_offices or t.cooperating_offices]
        if tasks and not with_offices:
            self.warnings.append("全文未列牵头科室或责任科室")
            return
        for t in tasks:
            if t not in with_offices:
                self.warnings.append(f"{t.path}「{t.title}」未列科室（第{t.line_start}行）")


# 基础教育科：牵头第4—7项；配合第8项、第9至11项。 (an index of the plan's tasks by office, after the plan)
_BY_OFFICE_LINE = re.compile(r"^(?P<office>[^：:，,；;。\s]{2,20})[：:]\s*(?P<duties>(?:(?:牵头|配合|负责|参与|协助|协同|协办)"
                             r"[第\d、，,—\-－~～至到和及项\s]+[；;，,。]?\s*)+)$")
# 注：“●”表示牵头科室，“○”表示配合科室: a matrix's legend, mark by mark
_MATRIX_LEGEND = re.compile(r"[“\"]?([●○◎★☆√✓▲△■□◆◇])[”\"]?\s*(?:表示|为|代表|即)\s*(牵头|配合|责任|参与|协助|协办|主责)"
                            r"(科室|单位|处室|股室|部门)?")


def _numbered_columns(text: str) -> dict[int, int]:
    """Column -> task number, for a header row numbering its columns 1, 2, 3 … in order after a first cell naming
    the rows (科室（单位） | 1 | 2 | …): a responsibility matrix laid on its side. Empty otherwise."""
    cells = text.split("\t")
    found = {c: int(v.strip()) for c, v in enumerate(cells) if c and v.strip().isdigit()}
    numbers = list(found.values())
    if len(numbers) < 3 or numbers != list(range(numbers[0], numbers[0] + len(numbers))) or not cells[0].strip() \
            or any(v.strip() and not v.strip().isdigit() for v in cells[1:]):
        return {}
    return found


_DUTY = re.compile(r"(?P<role>牵头|配合|负责|参与|协助|协同|协办)(?P<numbers>[第\d、，,—\-－~～至到和及项\s]+)")
# 以上“普高特色”一项由X牵头…: offices given after a section by quoted words of its tasks' titles
_CLOSING_BY_TITLE = re.compile(r"^(?:以上|上述)\s*“")
_TITLE_QUOTE = re.compile(r"“((?:[^“”]|“[^“”]*”)+)”")
_QUOTE_MARKS = re.compile(r"[‘’“”\"'\s]")
_TITLE_CLAUSE_DUE = re.compile(r"[，,]\s*(?:完成时限|时限|完成时间)\s*[:：为]?\s*(?P<due>[^，,；;。]+)$")
_REMAINDER = re.compile(r"^(?:其余|其他|另外)(?P<count>[一两二三四五六七八九十])?项?(?:分别)?由(?P<names>[^，,；;。]+?)"
                        r"(?:分别)?(?P<verb>牵头|负责)")


def _task_by_title_words(quote: str, tasks: list) -> object | None:
    """The one task whose title holds the quoted words: as a piece of it, else as its characters in order (普高特色 in
    推动普通高中多样化特色发展); None when no task or more than one does."""
    words = _QUOTE_MARKS.sub("", quote)
    titles = [(b, _QUOTE_MARKS.sub("", b.title or "")) for b in tasks]
    for test in (lambda t: words in t, lambda t: is_subsequence(words, t)):
        found = [b for b, t in titles if test(t)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


# 以上第（1）（2）项由X牵头，Y配合；第（3）至（4）项由Z负责: offices given after a section by the numbers of its tasks
_CLOSING_BY_NUMBER = re.compile(r"^(?:以上|上述)(?:各项|工作|任务)?(?:分工如下)?\s*[:：]?\s*第\s*[（(]?\d")
_CLAUSE_BY_NUMBER = re.compile(r"第(?P<numbers>(?:\s*[（(]?\d{1,3}[)）]?\s*(?:[、，,和及与至到—\-－~～]\s*)?)+)项"
                               r"(?P<rest>[^；;。]*)")
_UNBRACKETED = re.compile(r"[（(](\d{1,3})[)）]")
_NUMBER_RANGE = re.compile(r"(\d+)\s*(?:[—\-－~～至到]\s*第?\s*(\d+))?")


def _numbers_named(text: str) -> set[int]:
    """第2、3、14项 -> {2, 3, 14}; 第4—7项 and 第9至11项 name every number between, both ends included."""
    out: set[int] = set()
    for m in _NUMBER_RANGE.finditer(text):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if last < first or last - first > 50:
            return set()
        out.update(range(first, last + 1))
    return out


def _legend(lines: list[SourceLine], keys: list[str]) -> tuple[dict[str, str], int]:
    """The plan's legend of short office names (注：…使用简称，对应如下：基＝基础教育科，…) and its line: a line
    saying so and pairing at least three short names with full ones. The short names are read only inside office
    lists, where 基 or 县 stands for an office; in a body they are just characters."""
    for index, key in enumerate(keys):
        if _LEGEND_LINE.search(key) and len(pairs := list(_LEGEND_PAIR.finditer(key))) >= 3:
            text = lines[index].text.strip()
            offset = len(text) - len(key)  # the full names as printed, in their own script
            return {m.group(1): text[offset + m.start(2): offset + m.end(2)].strip() for m in pairs}, index
        if len(named := _named_shortly(lines[index].text.strip(), key)) >= 3:
            return named, index
    return {}, -1


def _named_shortly(text: str, key: str) -> dict[str, str]:
    """基础教育股（以下简称“基教股”）、组织人事股（以下简称“人事股”）…: each short name and the full name printed
    before it (from the separator before it; a leading phrase naming where, 下列任务中, left off)."""
    offset = len(text) - len(key)
    out = {}
    for m in _SHORTLY.finditer(key):
        short = m.group(2)
        start = max(key.rfind(sep, 0, m.start()) for sep in "、，,；;。：:") + 1
        full = key[start:m.start(1)]
        lead = re.match(r"^.{1,8}?[中里内](?=" + re.escape(short[0]) + ")", full)
        if lead and is_abbreviation(short, full[lead.end():]):
            start += lead.end()  # 下列任务中基础教育股: where the names are used, then the name
        full = text[offset + start: offset + m.start(1)].strip()
        if full and short != full and is_office_name(fold(full)):
            out[short] = full
    return out


def _ends_listed(b: _Builder) -> bool:
    """Whether a task has printed the list that ends it: its offices, or, where its offices stand once above its
    group, the bracket of its deadline closing its body (…成果。（完成时限：2026年8月底前））."""
    if b.offices:
        return True
    last = next((p for paragraphs in reversed(b.fields.values()) for p in reversed(paragraphs) if p), None)
    return last is not None and bool(_CLOSING_TIME.search(join_wrapped(last)))


def _cut_off(parts: list[str]) -> bool:
    """Whether an office list read so far stops cut off: on a separator, or in a piece that is no office name of its
    own (`…组织人事科、区` / `教师发展中心`); a list ending on a whole name is complete."""
    if not (text := join_wrapped(parts)):
        return False
    return text[-1] in "、，,；;" or not is_office_name(re.split(r"[、，,；;]", text)[-1].strip())


def _is_prose(key: str) -> bool:
    """A sentence rather than the rest of a wrapped office list: it ends a clause, or runs long without the 、 that
    separates offices. What follows a label on the line is that label's (`教师发展中心；完成时限：…` is the end of a
    list wrapped inside a name, the ； closing it before the next label)."""
    if (label := next((m for m in _LABEL.finditer(key) if m.start() > 0), None)) is not None:
        key = re.sub(r"[；;，,\s]+$", "", key[:label.start()])
    return bool(re.search(r"[。；;！？]", key)) or (len(key.strip()) > 40 and "、" not in key)


def _split_title(body: str) -> tuple[str, str]:
    """A heading line is either a bare title or "title。body...": the title is everything before the first 。."""
    if "。" in body:
        title, rest = body.split("。", 1)
        return title.strip(), rest.strip()
    return body.strip(), ""
