"""Command line: `python -m assistant parse|aliases|build|ask|offices|ledger|eval ...`. Messages for users are in Chinese."""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from .documents.catalog import CatalogError, load_catalog
from .documents.corpus import DEFAULT_CORPUS, load_corpus, parse_file
from .retrieval.embedders import MODEL_ENV, EmbedderError
from .documents.outline import alias_report, outline
from .documents.readers import DocumentError
from .documents.normalize import fold
from .documents.records import ParsedDocument
from .retrieval.spoken import as_mandarin


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description="工作要点问答助手")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="文件库目录（默认 corpus/）")
    p.add_argument("--index", type=Path, default=None, help="索引目录（默认 index/）")
    p.add_argument("--model", default=None, help=f"向量模型：默认内置 multilingual-e5-small；也可填 sentence-transformers 模型名或本地路径（环境变量 {MODEL_ENV}）")
    sub = p.add_subparsers(dest="command", required=True)
    parse = sub.add_parser("parse", help="解析文件，输出任务大纲或 JSON Lines")
    parse.add_argument("files", nargs="*", help="文件路径或 corpus/ 中的文件名；不填则解析全部")
    parse.add_argument("--json", action="store_true", help="每行输出一条记录（JSON）")
    aliases = sub.add_parser("aliases", help="列出科室别名合并的每一项决定")
    aliases.add_argument("--city", help="只看某个城市")
    build = sub.add_parser("build", help="建立或更新检索索引（只重新嵌入有变动的文件）")
    build.add_argument("--force", action="store_true", help="全部重建")
    ask = sub.add_parser("ask", help="提问")
    ask.add_argument("question", nargs="?", help="问题")
    ask.add_argument("--k", type=int, default=5, help="返回的任务数（默认 5）")
    ask.add_argument("--json", action="store_true", help="输出 JSON")
    ask.add_argument("--jsonl", action="store_true", help="从标准输入逐行读问题，逐行输出 JSON")
    terms = sub.add_parser("terms", help="显示问题怎样被读取：地点、年份、科室、每个词的权重和对应的文件用词（同义词、简称、错字）")
    terms.add_argument("question", help="问题")
    offices = sub.add_parser("offices", help="科室目录：每个科室牵头和参与的任务")
    offices.add_argument("--city", help="只看某个城市")
    offices.add_argument("--json", action="store_true", help="输出 JSON")
    ledger = sub.add_parser("ledger", help="任务台账：导出 Excel（每份文件一张表，另附科室责任矩阵）")
    ledger.add_argument("--city", help="只导出某个城市")
    ledger.add_argument("--year", type=int, help="只导出某一年")
    ledger.add_argument("--office", help="只导出某科室牵头或参与的任务（不同写法已合并）")
    ledger.add_argument("-o", "--output", type=Path, required=True, help="输出文件，如 台账.xlsx")
    feedback = sub.add_parser("feedback", help="列出用户对回答的反馈（有用/没用）；--eval 写成评测题库格式")
    feedback.add_argument("--eval", type=Path, default=None, help="写出 JSON Lines 题库（格式同 eval 所用文件）")
    evaluate = sub.add_parser("eval", help="用题库评测（格式同 shared/eval/dev.jsonl）")
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--json", action="store_true", help="输出 JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"parse": _parse, "aliases": _aliases, "build": _build, "ask": _ask, "offices": _offices,
                "ledger": _ledger, "eval": _eval, "feedback": _feedback, "terms": _terms}
    try:
        return handlers[args.command](args)
    except (CatalogError, EmbedderError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from .service import IndexUnavailable  # not imported up front: parse and aliases need no index

        if not isinstance(exc, IndexUnavailable):
            raise
        print(f"错误：{exc}", file=sys.stderr)  # no index can be built or served (a read-only index folder)
        return 2
    except BrokenPipeError:  # `parse --json | head`: the reader has what it wanted
        sys.stderr.close()
        return 0


# -- parsing -------------------------------------------------------------------------------------------------------
def _resolve(name: str, corpus_dir: Path) -> Path:
    path = Path(name)
    return path if path.exists() or path.parent != Path(".") else corpus_dir / name


def _load(files: list[str], corpus_dir: Path) -> tuple[list[ParsedDocument], list[DocumentError]]:
    if not files:
        corpus = load_corpus(corpus_dir)
        return corpus.documents, corpus.errors
    catalog = load_catalog(corpus_dir)
    documents, errors = [], []
    for name in files:
        path = _resolve(name, corpus_dir)
        try:
            documents.append(parse_file(path, catalog.get(path.name)))
        except DocumentError as exc:
            errors.append(exc)
    return documents, errors


def _parse(args: argparse.Namespace) -> int:
    documents, errors = _load(args.files, args.corpus)
    for document in documents:
        if args.json:
            for record in document.records:
                sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(outline(document) + "\n\n")
    for error in errors:
        print(f"错误：{error}", file=sys.stderr)
    return 1 if errors else 0


def _aliases(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    shown = 0
    for document in corpus.documents:
        entry = corpus.catalog.get(document.file)
        names = entry.city_names if entry else [n for n in (document.city, document.place) if n]
        if args.city and not _names_city(args.city, names):
            continue
        place = document.place or document.city or "地点未知"
        print(alias_report(f"{document.file}（{place}）", corpus.aliases[document.file]))
        shown += 1
    if args.city and not shown:
        print(f"文件库中没有“{args.city}”的文件", file=sys.stderr)
        return 1
    return 0


# -- search --------------------------------------------------------------------------------------------------------
def _ready(args: argparse.Namespace, rebuild: bool = False):
    from .service import DEFAULT_INDEX, open_engine
    from .web.library import recover_interrupted

    for name in recover_interrupted(args.corpus):
        print(f"警告：上次添加、删除或替换“{name}”时程序中断，尚未确认，已恢复原状", file=sys.stderr)
    ready = open_engine(args.corpus, args.index or DEFAULT_INDEX, args.model, rebuild=rebuild,
                        progress=sys.stderr.isatty())
    for error in ready.corpus_errors:
        print(f"警告：{error}（已跳过）", file=sys.stderr)
    for warning in ready.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    if ready.report:
        r = ready.report
        print(f"索引已更新（{r.reason}）：嵌入 {r.embedded} 段，复用 {r.reused} 段，用时 {r.seconds:.1f} 秒", file=sys.stderr)
    return ready


def _build(args: argparse.Namespace) -> int:
    ready = _ready(args, rebuild=args.force)
    if ready.report is None:
        print("索引已是最新，无需重建", file=sys.stderr)
    return 0


def _ask(args: argparse.Namespace) -> int:
    from .answers.answer import to_json, to_markdown
    from .retrieval.search import follow_up_context

    if not args.jsonl and not (args.question or "").strip():
        print("错误：请输入问题，例如：python -m assistant ask \"达州从严治党那项谁牵头？\"", file=sys.stderr)
        return 2
    engine = _ready(args).engine
    documents = engine.index.documents
    if args.jsonl:
        contexts: dict[str, dict | None] = {}  # session id -> what its next turn may carry over
        for number, line in enumerate(sys.stdin, start=1):
            question, session = _jsonl_question(line)
            if question is None:
                if line.strip():
                    print(f"第 {number} 行无法读取：应为一行问题，或 {{\"question\": \"…\", \"session\": \"…\"}}",
                          file=sys.stderr)
                continue
            answer = engine.ask(question, k=args.k, context=contexts.get(session) if session else None)
            if session:
                contexts[session] = follow_up_context(answer, contexts.get(session))
            sys.stdout.write(json.dumps(to_json(answer, documents), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    answer = engine.ask(args.question, k=args.k)
    if args.json:
        print(json.dumps(to_json(answer, documents), ensure_ascii=False, indent=1))
    else:
        print(to_markdown(answer, documents))
    return 0


def _terms(args: argparse.Namespace) -> int:
    engine = _ready(args).engine
    q, terms = engine.reading(args.question)
    named = {"地点": "、".join(q.cities + q.unknown_cities), "年份": q.year or "、".join(map(str, q.years)),
             "科室": q.office, "问法": q.intent, "话题": q.topic}
    print("；".join(f"{k}：{v}" for k, v in named.items() if v))
    if (spoken := as_mandarin(fold(args.question).strip())) != fold(args.question).strip():
        print(f"方言口语读作：{spoken}（assistant/retrieval/data/spoken.tsv）")
    for t in terms:
        kind = "（错字猜测：只在找到时计入）" if t.guess else ""
        readings = [*t.alternatives[1:], *(f"{w}（同音错字）" for w in t.slips)]
        stands = f" = {' / '.join(readings)}" if readings else ""
        short = "（可按简称匹配）" if t.abbreviation else ""
        print(f"  {t.word}\t权重 {t.weight:.2f}{stands}{short}{kind}")
    return 0


def _jsonl_question(line: str) -> tuple[str | None, str | None]:
    """A plain line is one independent question; a JSON object {"question", "session"} is a turn of the
    conversation named by `session` (lines of one session are its successive turns)."""
    text = line.strip()
    if not text:
        return None, None
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return None, None
        if not isinstance(data, dict) or not isinstance(data.get("question"), str):
            return None, None
        session = data.get("session")
        return data["question"], (str(session) if session is not None else None)
    return text, None


def _engine_for_city(args: argparse.Namespace):
    """The engine and the city `--city` names (None for all); (None, None) after saying the corpus lacks it."""
    engine = _ready(args).engine
    city = _city_name(args.city, engine.index.documents) if args.city else None
    if args.city and city is None:
        print(f"文件库中没有“{args.city}”的文件", file=sys.stderr)
        return None, None
    return engine, city


def _feedback(args: argparse.Namespace) -> int:
    from .service import DEFAULT_INDEX
    from .web.feedback import as_eval_items, feedback_dir, load_feedback

    folder = feedback_dir(args.index or DEFAULT_INDEX)
    entries = load_feedback(folder)
    if not entries:
        print(f"还没有反馈（{folder}）")
        return 0
    for entry in entries:
        cited = (entry.get("cited") or [{}])[0].get("citation", "—")
        note = f"  意见：{entry['comment']}" if entry.get("comment") else ""
        print(f"{entry.get('time', '')}  {entry.get('verdict', '')}  {entry['question']}  →  {cited}{note}")
    useful = sum(1 for e in entries if e.get("verdict") == "有用")
    print(f"共 {len(entries)} 条：有用 {useful}，没用 {len(entries) - useful}")
    if args.eval:
        items = as_eval_items(entries)
        try:
            args.eval.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        except OSError as exc:
            print(f"错误：无法写入 {args.eval}（{exc.strerror}）", file=sys.stderr)
            return 1
        todo = sum(1 for i in items if i.get("needs_gold"))
        print(f"已写出 {len(items)} 题到 {args.eval}；其中 {todo} 题（没用的回答）需人工填写正确答案（needs_gold）")
    return 0


def _offices(args: argparse.Namespace) -> int:
    from .answers.answer import locator
    from .answers.directory import office_directory

    engine, city = _engine_for_city(args)
    if engine is None:
        return 1
    documents = engine.index.documents
    entries = office_directory(engine.records, documents, city)
    if args.json:
        print(json.dumps([{"city": e.city, "office": e.office, "forms": sorted(e.forms),
                           "lead": [locator(r, documents) for r in e.lead],
                           "shared": [locator(r, documents) for r in e.shared]} for e in entries],
                         ensure_ascii=False, indent=1))
        return 0
    if not entries:
        print("所选文件未列科室")
    for city_name, group in itertools.groupby(entries, key=lambda e: e.city):
        print(f"== {city_name or '地点未知'} ==")
        for e in group:
            forms = sorted(e.forms - {e.office})
            print(f"{e.office}{'（又写作 ' + '、'.join(forms) + '）' if forms else ''}：牵头 {len(e.lead)} 项，参与 {len(e.shared)} 项")
            for r in e.lead:
                print(f"    牵头  {locator(r, documents)}")
            for r in e.shared:
                print(f"    参与  {locator(r, documents)}")
    return 0


def _ledger(args: argparse.Namespace) -> int:
    from .answers.ledger import EmptyLedger, write_ledger

    engine, city = _engine_for_city(args)
    if engine is None:
        return 1
    documents = engine.index.documents
    try:
        summary = write_ledger(engine.records, documents, args.output, city=city, year=args.year,
                               office=args.office)
    except EmptyLedger:
        scope = "、".join(part for part in (city, f"{args.year}年" if args.year else None,
                                             f"科室“{args.office}”" if args.office else None) if part)
        print(f"所选范围（{scope or '全部文件'}）内没有任务，未写出文件", file=sys.stderr)
        return 1
    except OSError as exc:
        reason = ("所在目录不存在" if isinstance(exc, FileNotFoundError) else "这是一个目录"
                  if isinstance(exc, IsADirectoryError) else "没有写入权限" if isinstance(exc, PermissionError)
                  else exc.strerror or str(exc))
        print(f"错误：无法写入“{args.output}”：{reason}", file=sys.stderr)
        return 1
    if args.output.suffix.lower() != ".xlsx":
        print("提示：文件名不以 .xlsx 结尾，Excel 可能无法直接打开", file=sys.stderr)
    plans = "、".join(f"{p.name}（{len(p.tasks)} 项）" for p in summary.plans)
    print(f"已写出任务台账 {summary.path}：{len(summary.plans)} 份文件 {summary.tasks} 项任务（{plans}），"
          f"责任矩阵 {len(summary.offices)} 个科室")
    return 0


def _names_city(name: str, city_names: list[str]) -> bool:
    """遂宁, 遂宁市 or a catalog alias (xx市) all name the same city."""
    return name in city_names or name.removesuffix("市") in city_names


def _city_name(name: str, documents) -> str | None:
    return next((info.city for info in documents.values()
                 if info.city and _names_city(name, [info.city, *info.city_names])), None)


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, load_questions

    engine = _ready(args).engine
    started = time.perf_counter()
    result = evaluate(engine, load_questions(args.file))
    result["seconds"] = round(time.perf_counter() - started, 2)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for key in ("questions", "hit@1", "hit@5", "mrr", "lead_accuracy", "office_lists_exact", "evidence_found",
                "office_tasks_exact", "unanswerable_refused", "unanswerable_per_plan", "answerable_refused", "partial_right",
                "wrong_figures",
                "plan_blocks_right", "comparisons_all_right", "office_lists_equal", "follow_up_turns_right",
                "latency_p50_ms"):
        value = result[key]
        print(f"{key:22s} {value:.3f}" if isinstance(value, float) else f"{key:22s} {value}")
    for kind, row in result["by_type"].items():
        print(f"  {kind:14s} n={row['n']:<3d} hit@1={row['hit@1']:.3f}")
    for kind, refused in result["refused_by_kind"].items():
        print(f"  refused {kind:14s} {refused}")
    for key in ("misses", "wrongly_answered", "partial_missed", "figure_errors"):
        print(f"{key}: {', '.join(result[key]) or '—'}")
    return 0
    return 0
