"""The corpus as the rest of the assistant sees it: every readable plan parsed into records, with its catalog entry
and its office alias table, and every unreadable file reported with its reason.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .boxtables import join_box_rows
from .catalog import CATALOG_NAME, CatalogEntry, infer_metadata, load_catalog
from .normalize import source_lines
from .offices import AliasTable, derive_aliases
from .parser import find_heading, parse_lines, without_running_heads
from .readers import DocumentError, SUPPORTED_SUFFIXES, decode_document, read_document
from .records import TASK, ParsedDocument, Record
from .runon import split_run_on
from .enclosed import read_enclosed_numbers
from .scanned import mend_scanned_copy
from .labels import join_cut_labels, join_open_lists
from .chat import plan_messages
from .mail import unquote_mail
from .tables import join_fixed_width, join_spaced_rows, join_stacked_cells
from .timenodes import time_nodes

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_NOT_DOCUMENTS = {CATALOG_NAME, "README.md"}
log = logging.getLogger(__name__)


@dataclass
class Corpus:
    directory: Path
    documents: list[ParsedDocument]
    errors: list[DocumentError] = field(default_factory=list)
    catalog: dict[str, CatalogEntry] = field(default_factory=dict)
    aliases: dict[str, AliasTable] = field(default_factory=dict)  # file -> its office alias table

    @property
    def records(self) -> list[Record]:
        return [r for d in self.documents for r in d.records]

    def document(self, file: str) -> ParsedDocument | None:
        return next((d for d in self.documents if d.file == file), None)


def parse_text(name: str, text: str, entry: CatalogEntry | None = None) -> ParsedDocument:
    """Parse a document's text; raise DocumentError when it holds no numbered task at all.

    What the catalog entry leaves empty (place, year, issuer) is inferred from the text and reported in `inferred`;
    a place that cannot be inferred stays None, never "", so it cannot match every question.
    """
    # a fixed-width table first: its padding is neither run-on text nor a scan's stray spaces
    lines, mailed = unquote_mail(source_lines(text))  # a plan quoted in a mail (`> `): its level, without the marks
    lines, chatted = plan_messages(lines)  # a plan posted over several messages of a saved work chat
    lines = without_running_heads(lines)  # the title again under each page's number (a PDF turned into Word)
    lines = join_box_rows(lines)  # a table drawn in box characters (┌─┬─┐ │): one line per row, cells tab-separated
    lines = read_enclosed_numbers(lines)  # ⒈ and ㈠ typed from the symbol panel: 1. and （一）
    lines, split = split_run_on(join_spaced_rows(join_fixed_width(lines)))
    lines, scanned = mend_scanned_copy(lines)  # a scan's spaces inside words, labels and titles broken over lines
    lines = join_cut_labels(join_open_lists(join_stacked_cells(lines)))  # a PDF's table one cell a line; a wrapped
    # office list; a label broken over two lines
    inferred: dict[str, str] = {}
    guess = infer_metadata([l.text for l in lines], [l.folded for l in lines], find_heading(lines))
    place = entry.place if entry else None
    year = entry.year if entry else None
    if place is not None and guess.place is not None and guess.place.name == place.name and not place.region:
        place = guess.place  # the catalog names the place; the text adds the region it prints
    if place is None:
        place = guess.place
        inferred["city"] = (f"由正文推断为“{place.short}”" if place
                            else "未能推断：正文中没有地名，文件将不带地点载入，只在提问不限定地点时检索")
    if not year:
        year = guess.year
        inferred["year"] = f"由正文推断为 {guess.year} 年" if guess.year else "正文中未找到年份"
    named = entry.city.strip() if entry and entry.city else ""
    city = named or (place.short if place else None)
    result = parse_lines(lines, doc=name, city=city, year=year)
    if not any(r.kind == "task" for r in result.records):
        raise DocumentError(name, "没有找到编号的任务（如“一、……”下的“1. ……”），请确认这是一份工作要点")
    year = year or result.plan_year
    for record in result.records:
        record.year = record.year or year
        if record.kind == TASK:
            record.time_nodes = [n.to_json() for n in time_nodes(record.title, record.fields, record.text, record.year)]
    title = (entry.title if entry and entry.title else "") or result.title or name
    warnings = list(result.warnings)
    if scanned:
        warnings.insert(0, "正文像是扫描识别或PDF转出的文字，词语中间多出的空格已去掉后解析，请核对")
    if chatted:
        warnings.insert(0, "正文是保存下来的工作群聊天记录，已只读取发布工作要点的人所发的各段正文，其他人的回复、引用和撤回提示未作为任务，请核对")
    if mailed:
        warnings.insert(0, "正文是邮件里引用（“>”开头）的文字，已只读取其中的工作要点，邮件头和转发说明未作为任务，请核对")
    if split:
        warnings.insert(0, f"第{'、'.join(map(str, split))}行是连排的文字（标题、段落和编号挤在一行），已按编号拆分成多行后解析，请核对")
    issuer = (entry.issuer if entry and entry.issuer else None) or guess.issuer
    return ParsedDocument(name, city, year, title, result.records, warnings, inferred,
                          place=place.name if place else None, level=place.level if place else None,
                          region=place.region if place else None, issuer=issuer)


def parse_file(path: Path, entry: CatalogEntry | None = None) -> ParsedDocument:
    return parse_text(Path(path).name, read_document(path), entry)


def parse_bytes(name: str, data: bytes, entry: CatalogEntry | None = None) -> ParsedDocument:
    return parse_text(name, decode_document(name, data), entry)


def document_files(corpus_dir: Path) -> list[Path]:
    return sorted(
        p for p in Path(corpus_dir).iterdir()
        if p.is_file() and not p.name.startswith(".") and p.name not in _NOT_DOCUMENTS
    )


def alias_table(document: ParsedDocument, entry: CatalogEntry | None) -> AliasTable:
    names = [n for r in document.records for n in (*r.lead_offices, *r.responsible_offices, *r.cooperating_offices)]
    return AliasTable(derive_aliases(names, entry.office_aliases if entry else {}, entry.office_distinct if entry else []))


def load_corpus(corpus_dir: Path = DEFAULT_CORPUS) -> Corpus:
    corpus_dir = Path(corpus_dir)
    catalog = load_catalog(corpus_dir)
    corpus = Corpus(corpus_dir, [], catalog=catalog)
    for path in document_files(corpus_dir):
        try:
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise DocumentError(path.name, f"不支持的文件类型“{path.suffix or '无扩展名'}”")
            document = parse_file(path, catalog.get(path.name))
        except DocumentError as exc:
            corpus.errors.append(exc)
            continue
        except Exception:  # a file the parser trips on must not stop the others from loading
            log.exception("parsing %s failed", path)
            corpus.errors.append(DocumentError(path.name, "解析时出错，请检查文件内容或联系管理员"))
            continue
        corpus.documents.append(document)
        corpus.aliases[document.file] = alias_table(document, catalog.get(document.file))
    return corpus
