"""`python -m assistant parse|aliases` as a user runs it."""
import json
import subprocess
import sys

from assistant.records import JSON_KEYS

from conftest import CORPUS, DAZHOU, ROOT, WENZHOU


def _run(*args):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True)


def test_parse_json_prints_one_record_per_line_for_the_whole_corpus():
    result = _run("parse", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(tuple(r) == JSON_KEYS for r in records)
    assert sum(r["kind"] == "task" for r in records) == 175
    first_wenzhou = next(r for r in records if r["doc"] == WENZHOU and r["kind"] == "task")
    assert (first_wenzhou["city"], first_wenzhou["year"], first_wenzhou["section"], first_wenzhou["task_no"]) == (
        "温州", 2022, "一", 1)


def test_parse_named_file_outline_shows_offices_and_notes():
    result = _run("parse", DAZHOU)
    assert result.returncode == 0, result.stderr
    assert "任务：38 项" in result.stdout
    assert "11. 深入推进教育督导体制机制改革" in result.stdout
    assert "牵头：督导办" in result.stdout
    assert "原文未标“牵头科室”" in result.stdout


def test_parse_a_missing_and_an_empty_file_report_errors_and_still_print_the_good_one(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _run("parse", str(CORPUS / WENZHOU), str(empty), str(tmp_path / "nothing.txt"))
    assert result.returncode == 1
    assert "任务：23 项" in result.stdout
    assert "《empty.txt》无法读取：文件是空的" in result.stderr
    assert "《nothing.txt》无法读取：文件不存在" in result.stderr
    assert "Traceback" not in result.stderr


def test_parse_outline_reports_inferred_city_and_year(tmp_path):
    copy = tmp_path / "unknown.txt"
    copy.write_bytes((CORPUS / DAZHOU).read_bytes())
    result = _run("parse", str(copy))
    assert "城市由正文推断为“达州”，请在目录中确认" in result.stdout
    assert "年份由正文推断为 2020 年，请在目录中确认" in result.stdout


def test_aliases_command_lists_every_decision_with_its_source():
    result = _run("aliases", "--city", "遂宁")
    assert result.returncode == 0
    assert "基教科 → 基础教育科  [自动（简称）]" in result.stdout
    assert "职教科 → 职成科  [目录指定]" in result.stdout
    assert "达州" not in result.stdout
    unknown = _run("aliases", "--city", "南充")
    assert unknown.returncode == 1 and "没有“南充”" in unknown.stderr
