"""The task ledger (任务台账) workbook, against the real index: every cell as the records print it, and the 责任矩阵
counting exactly what the office directory counts."""
import dataclasses
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from assistant.answers.answer import citation
from assistant.answers.directory import office_directory
from assistant.answers.ledger import (HEADERS, MATRIX_HEADERS, MATRIX_SHEET, EmptyLedger, ledger_row, matrix_header,
                                      write_ledger, _sheet_name)
from assistant.web.ui import ALL, AssistantUI
from assistant.web.views import office_chart_html

from conftest import CHANGCHUN, CHENGDE, CORPUS, DAZHOU, ROOT, SUINING


def _text(value):
    return "" if value is None else value


def _tasks(engine, doc=None):
    return [r for r in engine.records if r.kind == "task" and (doc is None or r.doc == doc)]


@pytest.fixture(scope="module")
def full(engine, tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    summary = write_ledger(engine.records, engine.index.documents, path)
    return summary, load_workbook(path)


def test_one_sheet_per_plan_named_by_city_and_year_then_the_matrix(full, engine):
    summary, workbook = full
    docs = list(dict.fromkeys(r.doc for r in _tasks(engine)))
    assert [p.doc for p in summary.plans] == docs
    names = [f"{r.city}{r.year}" for r in (next(t for t in _tasks(engine, d)) for d in docs)]
    assert workbook.sheetnames == names + [MATRIX_SHEET] == summary.sheets
    assert "遂宁2019" in names and "达州2020" in names
    assert summary.tasks == len(_tasks(engine)) == 175


def test_each_plan_sheet_has_the_header_frozen_filtered_wrapped_and_readable(full, engine):
    summary, workbook = full
    for plan in summary.plans:
        sheet = workbook[plan.name]
        assert [c.value for c in sheet[1]] == list(HEADERS)
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == len(_tasks(engine, plan.doc)) + 1
        assert sheet.auto_filter.ref == f"A1:I{sheet.max_row}"
        assert all(c.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for c in row)
        widths = {c: sheet.column_dimensions[c].width for c in "CDEFG"}
        assert widths["C"] >= 25 and widths["D"] >= 15 and widths["E"] >= 15
        assert widths["F"] >= 50 and widths["G"] >= 50


def test_every_row_holds_its_record_as_printed(full, engine):
    summary, workbook = full
    documents = engine.index.documents
    for plan in summary.plans:
        rows = list(workbook[plan.name].iter_rows(min_row=2, values_only=True))
        for record, row in zip(_tasks(engine, plan.doc), rows, strict=True):
            number, part, title, lead, shared, targets, measures, times, source = (_text(v) for v in row)
            assert title == record.title
            assert lead == "、".join(record.lead_offices)
            assert shared == "、".join(record.responsible_offices + record.cooperating_offices)
            assert times == "；".join(n["text"] for n in record.time_nodes)
            assert source == citation(record, documents)
            assert str(number) == (record.number or str(record.task_no))
            assert part.startswith(f"{record.section}、{record.section_title}")
            assert [_text(v) for v in row] == [_text(v) for v in ledger_row(record, documents)]
            for value in (targets, measures):  # verbatim: a field's value, or fields' values joined
                assert all(piece in record.fields.values() for piece in value.split("\n") if piece)


def test_targets_and_measures_come_from_the_fields_each_plan_prints(engine, task):
    documents = engine.index.documents
    columns = {h: n for n, h in enumerate(HEADERS)}

    def cells(record):
        row = ledger_row(record, documents)
        return row[columns["目标任务"]], row[columns["工作措施"]]

    dazhou = task(DAZHOU, 1)  # 问题描述 / 目标任务 / 工作措施
    assert cells(dazhou) == (dazhou.fields["目标任务"], dazhou.fields["工作措施"])
    suining = next(r for r in _tasks(engine, SUINING) if "工作举措" in r.fields)
    assert cells(suining) == (suining.fields["目标任务"], suining.fields["工作举措"])
    chengde = next(r for r in _tasks(engine, CHENGDE) if "任务目标" in r.fields)
    assert cells(chengde)[0] == chengde.fields["任务目标"]
    changchun = task(CHANGCHUN, 1)  # no labels: the body goes under 工作措施
    assert set(changchun.fields) == {"内容"} and cells(changchun) == ("", changchun.fields["内容"])
    table_row = dataclasses.replace(dazhou, fields={"具体内容（工作措施）": "建成 12 个", "完成时限": "6月底前"})
    assert cells(table_row) == ("", "建成 12 个")


def test_time_nodes_are_joined_as_printed_and_text_is_never_a_formula(engine, task, tmp_path):
    record = dataclasses.replace(task(DAZHOU, 1), title="=SUM(A1:A3)", time_nodes=[
        {"text": "3月底前", "start": None, "end": "2020-03-31", "sentence": "3月底前完成"},
        {"text": "长期坚持", "start": None, "end": None, "sentence": "长期坚持"}])
    path = tmp_path / "one.xlsx"
    write_ledger([record], engine.index.documents, path)
    sheet = load_workbook(path)["达州2020"]
    assert sheet["H2"].value == "3月底前；长期坚持"
    assert sheet["C2"].value == "=SUM(A1:A3)" and sheet["C2"].data_type == "s"


def test_the_matrix_counts_what_the_office_directory_counts(full, engine):
    summary, workbook = full
    sheet = workbook[MATRIX_SHEET]
    columns = [(p, r) for p in summary.plans for r in p.tasks]
    header = [c.value for c in sheet[1]]
    assert header == list(MATRIX_HEADERS) + [matrix_header(p, r) for p, r in columns]
    assert "遂宁2019 三、第16项" in header
    assert sheet.freeze_panes == "E2" and sheet.auto_filter.ref.startswith("A1:")
    entries = office_directory(engine.records, engine.index.documents)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(entries) > 0
    for entry, row in zip(entries, rows):
        city, office, led, shared, *roles = row
        assert (city, office) == (entry.city, entry.office)  # the directory's canonical name, per city
        assert (led, shared) == (len(entry.lead), len(entry.shared))
        assert roles.count("牵头") == led and roles.count("参与") == shared
        assert {id(r) for (_, r), role in zip(columns, roles) if role == "牵头"} == {id(r) for r in entry.lead}
        assert {id(r) for (_, r), role in zip(columns, roles) if role == "参与"} == {id(r) for r in entry.shared}
    suining = {o for c, o, *_ in rows if c == "遂宁"}
    assert "基础教育科" in suining and not suining & {"基教科", "基础教科"}  # written forms are folded


def test_one_office_of_one_city_with_its_written_forms(engine, tmp_path):
    path = tmp_path / "基教科.xlsx"
    summary = write_ledger(engine.records, engine.index.documents, path, city="遂宁", office="基教科")
    entry = next(e for e in office_directory(engine.records, engine.index.documents, "遂宁")
                 if e.office == "基础教育科")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["遂宁2019", MATRIX_SHEET]
    ids = {id(r) for r in entry.lead + entry.shared}
    expected = [r for r in _tasks(engine, SUINING) if id(r) in ids]
    titles = [row[2] for row in workbook["遂宁2019"].iter_rows(min_row=2, values_only=True)]
    assert titles == [r.title for r in expected] and len(titles) == summary.tasks
    matrix = list(workbook[MATRIX_SHEET].iter_rows(min_row=2, values_only=True))
    assert [row[:4] for row in matrix] == [("遂宁", "基础教育科", len(entry.lead), len(entry.shared))]
    assert len(entry.lead) == 8


def test_city_and_year_narrow_the_plans(engine, tmp_path):
    summary = write_ledger(engine.records, engine.index.documents, tmp_path / "a.xlsx", year=2020)
    assert [p.name for p in summary.plans] == ["达州2020", "长春2020"]
    summary = write_ledger(engine.records, engine.index.documents, tmp_path / "b.xlsx", city="长春")
    assert summary.tasks == 38 and summary.offices == []  # a plan listing no offices still has its ledger
    assert load_workbook(tmp_path / "b.xlsx")[MATRIX_SHEET].max_row == 1


def test_nothing_in_scope_writes_nothing(engine, tmp_path):
    for scope in ({"year": 2030}, {"city": "温州", "office": "人事科"}, {"office": "没有这个科"}):
        with pytest.raises(EmptyLedger):
            write_ledger(engine.records, engine.index.documents, tmp_path / "x.xlsx", **scope)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_path_raises_and_leaves_no_temporary_file(engine, tmp_path):
    with pytest.raises(OSError):
        write_ledger(engine.records, engine.index.documents, tmp_path / "missing" / "x.xlsx")
    with pytest.raises(IsADirectoryError):
        write_ledger(engine.records, engine.index.documents, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_sheet_names_are_valid_and_unique():
    used = {MATRIX_SHEET}
    assert _sheet_name("遂宁2019", used) == "遂宁2019"
    assert _sheet_name("遂宁2019", used) == "遂宁2019(2)"
    assert _sheet_name("a/b:c*d?[e]", used) == "a_b_c_d__e_"
    long = _sheet_name("某" * 40, used)
    assert len(long) == 31 and len(_sheet_name("某" * 40, used)) == 31
    assert len(used) == 6


# -- command line ----------------------------------------------------------------------------------------------------
def _run(index_dir, *args):
    return subprocess.run([sys.executable, "-m", "assistant", "--index", str(index_dir), *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_cli_writes_the_workbook(ready, index_dir, tmp_path):
    out = tmp_path / "遂宁台账.xlsx"
    result = _run(index_dir, "ledger", "--city", "遂宁市", "--year", "2019", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已写出任务台账" in result.stdout and "42 项" in result.stdout
    assert load_workbook(out).sheetnames == ["遂宁2019", MATRIX_SHEET]


def test_cli_says_so_in_chinese_when_nothing_is_in_scope_or_the_file_cannot_be_written(ready, index_dir, tmp_path):
    empty = _run(index_dir, "ledger", "--city", "温州", "--office", "人事科", "-o", str(tmp_path / "x.xlsx"))
    assert empty.returncode == 1 and "没有任务，未写出文件" in empty.stderr
    unknown = _run(index_dir, "ledger", "--city", "南充", "-o", str(tmp_path / "x.xlsx"))
    assert unknown.returncode == 1 and "没有“南充”" in unknown.stderr
    unwritable = _run(index_dir, "ledger", "-o", str(tmp_path / "no" / "x.xlsx"))
    assert unwritable.returncode == 1 and "无法写入" in unwritable.stderr and "所在目录不存在" in unwritable.stderr
    for result in (empty, unknown, unwritable):
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


# -- the 科室目录 tab -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ui(ready, index_dir):
    return AssistantUI(ready, CORPUS, index_dir, ready.engine.embedder)


def test_the_directory_tab_offers_the_workbook_for_the_chosen_city_and_office(ui, engine):
    path = ui.office_ledger("基础教育科", "遂宁")
    assert path.endswith(".xlsx") and ui.office_ledger("基础教育科", "遂宁") == path  # written once, reused
    assert load_workbook(path).sheetnames == ["遂宁2019", MATRIX_SHEET]
    everything = load_workbook(ui.office_ledger(ALL, ALL))
    assert len(everything.sheetnames) == 6
    assert load_workbook(ui.office_ledger(ALL, "长春"))["长春2020"].max_row == 39
    assert ui.office_ledger("人事科", "温州") is None


def test_the_office_chart_draws_led_and_shared_counts_from_the_directory(ui, engine):
    html = ui.office_chart("基教科", "遂宁")
    entries = office_directory(engine.records, engine.index.documents, "遂宁")
    assert html.count('class="bar-row') == len(entries)
    chosen = next(e for e in entries if e.office == "基础教育科")
    assert f"基础教育科：牵头 {len(chosen.lead)} 项，参与 {len(chosen.shared)} 项" in html
    assert html.count("bar-row chosen") == 1
    assert "没有列出科室" in ui.office_chart(ALL, "长春")
    every_city = ui.office_chart(ALL, ALL)
    assert all(f'<div class="city">{c}</div>' in every_city for c in ("遂宁", "达州", "承德"))


def test_the_office_chart_escapes_office_names(engine):
    entry = office_directory(engine.records, engine.index.documents, "遂宁")[0]
    odd = dataclasses.replace(entry, office="<img src=x onerror=alert(1)>", forms=set())
    html = office_chart_html([odd])
    assert "<img" not in html and "&lt;img src=x" in html
