"""`python -m assistant parse|aliases` as a user runs it."""
import json
import subprocess
import sys

from assistant.documents.records import JSON_KEYS

from conftest import CHANGCHUN, CORPUS, DAZHOU, ROOT, WENZHOU


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


def _run_with_index(index_dir, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "assistant", "--index", str(index_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin)


def test_ask_jsonl_answers_one_question_per_line_loading_once(ready, index_dir):
    result = _run_with_index(index_dir, "ask", "--jsonl", stdin="达州从严治党那项谁牵头？\n\n南充的学前教育呢？\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["answered"] for a in answers] == [True, False]
    assert answers[0]["results"][0]["lead_offices"] == ["机关纪委"]
    assert "索引已更新" not in result.stderr  # the stored index was used as it was


def test_ask_jsonl_replays_conversations_by_session_and_keeps_plain_lines_independent(ready, index_dir):
    lines = ['{"question": "达州学生资助谁牵头", "session": "a"}', "遂宁人事科牵头了哪几项",
             '{"question": "那遂宁呢？", "session": "a"}', '{"question": "那遂宁呢？", "session": "b"}', "{not json"]
    result = _run_with_index(index_dir, "ask", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == ["达州学生资助谁牵头", "遂宁人事科牵头了哪几项", "那遂宁呢？", "那遂宁呢？"]
    assert answers[2]["intent"] == "lead" and answers[2]["answer"].startswith("（沿用上文：问题“学生资助谁牵头”）")
    assert answers[2]["results"][0]["city"] == "遂宁"
    assert "沿用上文" not in answers[3]["answer"]  # session b has no earlier turn
    assert "第 5 行无法读取" in result.stderr


def test_a_question_over_the_length_limit_is_refused_before_any_work(ready, index_dir):
    result = _run_with_index(index_dir, "ask", "--json", "达州" * 20000)
    assert result.returncode == 0 and "问题太长了（40000 字）" in json.loads(result.stdout)["reason"]


def test_ask_prints_markdown_and_refuses_an_empty_question(ready, index_dir):
    result = _run_with_index(index_dir, "ask", "承德高中阶段毛入学率目标是多少？")
    assert "**《承德市2021年工作要点》三、第12项「推进普通高中健康优质发展」**" in result.stdout
    assert "高中阶段毛入学率达到93%" in result.stdout
    empty = _run_with_index(index_dir, "ask", "  ")
    assert empty.returncode == 2 and "请输入问题" in empty.stderr


def test_terms_shows_how_a_question_is_read_with_synonyms_and_slips(ready, index_dir):
    result = _run_with_index(index_dir, "terms", "承德老师评介改革谁挑头")
    assert result.returncode == 0, result.stderr
    assert "地点：承德" in result.stdout and "问法：lead" in result.stdout
    assert "老师\t权重" in result.stdout and "= 教师" in result.stdout  # synonyms.tsv
    assert "评介\t权重" in result.stdout and "= 评价" in result.stdout  # a typing slip, read as the plan word


def test_offices_directory_folds_aliases_per_city(ready, index_dir):
    result = _run_with_index(index_dir, "offices", "--city", "遂宁")
    assert result.returncode == 0, result.stderr
    assert "== 遂宁 ==" in result.stdout and "== 达州 ==" not in result.stdout
    assert "基础教育科（又写作 基教科、基础教科）：牵头 8 项" in result.stdout
    as_json = json.loads(_run_with_index(index_dir, "offices", "--json").stdout)
    assert {e["city"] for e in as_json} == {"达州", "承德", "遂宁"}  # 温州 and 长春 list no offices
    assert _run_with_index(index_dir, "offices", "--city", "南充").returncode == 1


def test_eval_scores_a_question_file(ready, index_dir, tmp_path):
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "t1", "question": "长春冰雪特色校新增多少所？", "type": "detail", "doc": CHANGCHUN, "section": "八",
         "task_no": 35, "title": "深化百万学子上冰雪行动", "evidence": "新增国家级冰雪特色校80所", "lead": [], "responsible": []},
        {"id": "t2", "question": "南充的工作重点？", "type": "unanswerable", "doc": None},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = _run_with_index(index_dir, "eval", str(questions), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["hit@1"] == 1.0 and scores["unanswerable_refused"] == "1/1"
    assert scores["evidence_found"] == 1.0


def test_build_reports_when_the_index_is_already_current(ready, index_dir):
    result = _run_with_index(index_dir, "build")
    assert result.returncode == 0 and "索引已是最新" in result.stderr
