"""Figures a question names a task by, read by value: pure functions, no index."""
from __future__ import annotations

import pytest

from assistant.retrieval.figures import named_figures, number_value, prints


@pytest.mark.parametrize("said, value", [("37", 37), ("1.2", 1.2), ("三十七", 37), ("一万二", 12000), ("两百五", 250),
                                         ("两百五十", 250), ("一点五", 1.5), ("四十", 40), ("二千九百五十万", 29_500_000)])
def test_numbers_said_in_digits_or_words_read_as_their_value(said, value):
    assert number_value(said) == value


def test_two_digits_side_by_side_are_a_name_not_a_number():
    assert number_value("十四五") is None


@pytest.mark.parametrize("question, kind, value", [
    ("那个要建37所幼儿园的是哪条", "count", 37),
    ("说是投3.15个亿的那个 谁配合", "money", 315_000_000),
    ("花了两千九百五十万那个是哪条", "money", 29_500_000),
    ("1.2万人那条", "people", 12_000),
    ("百分之九十五那个覆盖率说啥", "share", 95),
    ("温州130个新建学校项目啥时候完工", "count", 130),
])
def test_a_figure_a_task_is_known_by_is_read_with_its_kind(question, kind, value):
    (figure,) = named_figures(question)
    assert figure.kind == kind and figure.value == value


@pytest.mark.parametrize("question", [
    "遂宁五个一素质能力 是哪五个",  # a programme's name
    "承德三个课堂那条 哪个科室负责",
    "达州十二项 高职录取 比上年增加多少",  # where a task stands
    "承德19条 评价改革 责任科室都有谁",
    "温州新建智安校园是200所吗",  # checked: the plan's own figure answers
    "遂宁学前毛入园率目标90%？普惠在园比例呢",
    "承德是4所本科、3所高职 对吧?写材料要用",
    "我印象是150所 但不太敢写",
    "承德2021年的要点里 9月开学前的那件事",  # a date
])
def test_names_positions_checks_and_dates_are_no_figure_a_task_is_known_by(question):
    assert named_figures(question) == ()


def test_a_figure_is_printed_by_its_value_within_the_approximation_said():
    text = "2020年投入资金2950万元新建、改扩建幼儿园37所，面积2.2万平方米；招生1.1 万人"
    (about_forty,) = named_figures("快四十所幼儿园那条")
    assert prints(text, about_forty, strict=True)
    (money,) = named_figures("花了两千九百五十万那个")
    assert prints(text, money, strict=True)
    (people,) = named_figures("招一万一千人那个")
    assert prints(text, people, strict=True)
    (other,) = named_figures("建了25所幼儿园的")
    assert not prints(text, other)
    (pupils,) = named_figures("接回2101个学生那回")  # counted with 个, printed as 2101名: one count of people
    assert prints("接回2101名学生", pupils, strict=True)


def test_a_figure_checked_again_by_its_bare_number_or_offered_as_one_of_two_is_checked():
    assert named_figures("高中阶段毛入学率低于85%的地区要加大普及攻坚，是85吧？", confirmed="85吧") == ()
    assert named_figures("分类登记覆盖面要达到多少 我记得写的是90%还是95% 有点记不清了") == ()
    assert named_figures("资源教室设备购置 我记成15所了 麻烦核一下") == ()  # a memory to check, not the task's name


def test_a_year_before_a_word_opening_with_a_measure_is_no_count():
    assert named_figures("九江2024校园安全稳定那项 哪个科负责") == ()
    assert named_figures("达州2020个人所得税") == ()
