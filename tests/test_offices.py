"""Office lists come out exactly as printed, whatever the layout; aliases fold only plain abbreviations."""
from assistant.documents.offices import derive_aliases, is_abbreviation, split_offices
from assistant.documents.parser import NOTE_LEAD_FROM_RESPONSIBLE

from conftest import CHENGDE, DAZHOU, SUINING


def test_dazhou_11_second_responsible_line_is_the_lead_with_a_visible_note(task):
    t = task(DAZHOU, 11)
    assert t.lead_offices == ["督导办"]
    assert t.responsible_offices == ["人事师训科", "法规科", "计财科", "基教科", "职教科", "体卫艺科", "市招考办",
                                     "市教科所", "市电教技装中心"]  # the printed trailing 。 is not part of a name
    assert t.notes == [NOTE_LEAD_FROM_RESPONSIBLE]


def test_dazhou_19_both_labels_on_one_line(task):
    t = task(DAZHOU, 19)
    assert t.lead_offices == ["市后勤与资助中心"]
    assert t.responsible_offices == ["计财科", "体卫艺科"]


def test_dazhou_23_and_29_office_lists_wrapping_onto_the_next_lines(task):
    assert task(DAZHOU, 23).lead_offices == ["基教科"]
    assert task(DAZHOU, 23).responsible_offices == ["法规科", "计财科", "督导办", "市教科所", "市电教技装中心"]
    # "市教科" / "所、市电教技装中心": a name broken inside by the line wrap
    assert task(DAZHOU, 29).responsible_offices == ["计财科", "督导办", "人事师训科", "市教科所", "市电教技装中心"]


def test_dazhou_38_lead_only_at_end_of_file(task):
    t = task(DAZHOU, 38)
    assert (t.lead_offices, t.responsible_offices) == (["计财科"], [])


def test_chengde_lists_only_responsible_offices_with_parentheses_kept(task):
    t19 = task(CHENGDE, 19)
    assert t19.lead_offices == []
    assert t19.responsible_offices == ["办公室（法规科）", "人事组干科", "基教科", "职成教科", "教师工作科", "思政德育科",
                                       "体卫艺科（国防教育办）", "督导室", "学校安全工作科"]
    assert task(CHENGDE, 32).responsible_offices == ["局机关各科室（馆、站）"]


def test_suining_space_comma_and_wrapped_separators(task):
    assert task(SUINING, 3).lead_offices == ["组干科", "机关党办"]
    assert task(SUINING, 3).responsible_offices == ["机关各科室", "直属事业单位"]
    assert task(SUINING, 9).lead_offices == ["电教站"]
    assert task(SUINING, 9).responsible_offices == ["教科所", "职成科", "基教科", "人事科", "体卫艺", "督导室"]
    assert task(SUINING, 11).lead_offices == ["计财科"]
    assert task(SUINING, 11).responsible_offices == ["法规科", "职成科", "督导室", "教科所", "人事科", "基础教育科"]
    assert task(SUINING, 42).lead_offices == ["机关各科室", "直属事业单位"]
    assert task(SUINING, 42).responsible_offices == []


def test_split_offices_respects_parentheses_and_trailing_full_stop():
    assert split_offices("局机关各科室（馆、站）") == ["局机关各科室（馆、站）"]
    assert split_offices("办公室（法规科）、机关党委。") == ["办公室（法规科）", "机关党委"]
    assert split_offices("组干科 机关党办") == ["组干科", "机关党办"]
    assert split_offices("机关各科室，直属事业单位") == ["机关各科室", "直属事业单位"]
    assert split_offices("学校安全工作科、思政德育科、督导室   ") == ["学校安全工作科", "思政德育科", "督导室"]


def test_abbreviations_fold_but_different_offices_do_not():
    assert is_abbreviation("基教科", "基础教育科")
    assert is_abbreviation("基础教科", "基础教育科")
    assert is_abbreviation("体卫艺", "体卫艺科")
    assert is_abbreviation("市电教中心", "市电教技装中心")
    assert is_abbreviation("党建办", "党建办（巡察办）")
    assert not is_abbreviation("职教科", "职成科")  # same office, but no plain abbreviation: catalog decides
    assert not is_abbreviation("督导办", "督导室")
    assert not is_abbreviation("中学教研室", "小学教研室")
    assert not is_abbreviation("安全科", "学校安全工作科")


def test_alias_table_per_document_with_catalog_overrides(corpus):
    suining = corpus.aliases[SUINING]
    assert suining.canonical("基教科") == suining.canonical("基础教科") == "基础教育科"
    assert suining.canonical("体艺科") == suining.canonical("体卫艺") == "体卫艺科"
    assert suining.canonical("职教科") == "职成科"  # from the catalog
    assert suining.canonical("机关所有科室") == "机关各科室"  # from the catalog
    assert suining.canonical("督导室") == "督导室"
    dazhou = corpus.aliases[DAZHOU]
    assert dazhou.canonical("市电教中心") == "市电教技装中心"
    assert dazhou.canonical("市资助中心") == "市后勤与资助中心"
    assert dazhou.canonical("职教科") == "职成科"
    assert set(dazhou.forms("职成科")) == {"职成科", "职教科"}


def test_an_office_abbreviating_two_different_offices_is_left_alone_and_reported():
    decisions = derive_aliases(["教研室", "教学研究室", "教育研究室"])
    assert [(d.alias, d.source, d.candidates) for d in decisions] == [
        ("教研室", "ambiguous", ("教学研究室", "教育研究室"))
    ]


def test_catalog_can_forbid_an_automatic_fold():
    decisions = derive_aliases(["市教科", "市教科所"], distinct=["市教科"])
    assert decisions == []
