"""Every record quotes its source exactly: its text is the cleaned source lines between its line numbers."""
import re

from assistant.documents.normalize import remove_converter_artefacts, source_lines, split_lines
from assistant.documents.scanned import has_stray_spaces, without_stray_spaces

from conftest import CORPUS, WENZHOU


def _cleaned_source(doc):
    """The raw lines without converter artefacts and, in a copy from a scan or a PDF (达州's), without the spaces
    its extraction left inside words."""
    raw = (CORPUS / doc).read_text(encoding="utf-8")
    lines = [remove_converter_artefacts(line) for line in split_lines(raw)]
    if has_stray_spaces(source_lines(raw)):
        lines = [without_stray_spaces(line) for line in lines]
    return lines


def _squeeze(text):
    return re.sub(r"\s+", "", text)


def test_record_text_is_the_cleaned_source_between_its_line_numbers(corpus):
    for record in corpus.records:
        lines = _cleaned_source(record.doc)
        assert 1 <= record.line_start <= record.line_end <= len(lines)
        assert record.text == "\n".join(lines[record.line_start - 1: record.line_end]).strip("\n"), record.key


def test_titles_fields_and_offices_all_appear_in_the_record_text(corpus):
    for record in corpus.records:
        flat = _squeeze(record.text)
        assert _squeeze(record.title) in flat, record.key
        for value in record.fields.values():
            for paragraph in value.split("\n"):
                assert _squeeze(paragraph) in flat, (record.key, paragraph[:30])
        for office in (*record.lead_offices, *record.responsible_offices):
            assert _squeeze(office) in flat, (record.key, office)


def test_converter_pinyin_is_gone_but_real_parentheses_stay(corpus):
    wenzhou = [r for r in corpus.records if r.doc == WENZHOU]
    joined = "\n".join(r.text for r in wenzhou)
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", joined)
    assert "(市、區)" in joined  # nested: (市、區(qū)) keeps its real parentheses
    assert "(試行)" in joined


def test_remove_converter_artefacts_only_touches_artefacts():
    assert remove_converter_artefacts("要點(diǎn)") == "要點"
    assert remove_converter_artefacts("各縣(市、區(qū))出臺") == "各縣(市、區)出臺"
    assert remove_converter_artefacts("規(2017-2035)") == "規(2017-2035)"
    assert remove_converter_artefacts("[bookmark: _GoBack]（一）以铁肩精神") == "（一）以铁肩精神"
    assert remove_converter_artefacts("实施 1+X 证书(学历证书+职业技能等级证书)制度") == "实施 1+X 证书(学历证书+职业技能等级证书)制度"


def test_folded_view_is_simplified_and_keeps_offsets():
    from assistant.documents.normalize import fold

    assert fold("高標準落實“紅色根脈強基工程”") == "高标准落实“红色根脉强基工程”"
    assert len(fold("深化教育督導體制機制改革")) == len("深化教育督導體制機制改革")
    assert fold("\u00a0\u00a0长春市教育局") == "  长春市教育局"
