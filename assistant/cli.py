"""Command line: `python -m assistant parse|aliases ...`. Messages for users are in Chinese."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalog import CatalogError, load_catalog
from .corpus import DEFAULT_CORPUS, alias_table, load_corpus, parse_file
from .outline import alias_report, outline
from .readers import DocumentError
from .records import ParsedDocument


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m assistant", description="工作要点问答助手")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="文件库目录（默认 corpus/）")
    sub = p.add_subparsers(dest="command", required=True)
    parse = sub.add_parser("parse", help="解析文件，输出任务大纲或 JSON Lines")
    parse.add_argument("files", nargs="*", help="文件路径或 corpus/ 中的文件名；不填则解析全部")
    parse.add_argument("--json", action="store_true", help="每行输出一条记录（JSON）")
    aliases = sub.add_parser("aliases", help="列出科室别名合并的每一项决定")
    aliases.add_argument("--city", help="只看某个城市")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args)
        return _aliases(args)
    except CatalogError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


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
    out = sys.stdout
    for document in documents:
        if args.json:
            for record in document.records:
                out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write(outline(document) + "\n\n")
    for error in errors:
        print(f"错误：{error}", file=sys.stderr)
    return 1 if errors else 0


def _aliases(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    shown = 0
    for document in corpus.documents:
        names = corpus.catalog[document.file].city_names if document.file in corpus.catalog else [document.city]
        if args.city and args.city not in names and args.city.removesuffix("市") not in names:
            continue
        print(alias_report(f"{document.file}（{document.city}）", corpus.aliases[document.file]))
        shown += 1
    if args.city and not shown:
        print(f"文件库中没有“{args.city}”的文件", file=sys.stderr)
        return 1
    return 0
