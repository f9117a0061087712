"""Human-readable views of parsed documents for the command line: the outline a user checks before adding a plan,
and the list of office alias decisions."""
from __future__ import annotations

from .offices import AliasTable
from .records import PREAMBLE, SUMMARY, TASK, ParsedDocument

_SOURCE_LABELS = {"auto": "自动（简称）", "catalog": "目录指定", "ambiguous": "未合并（有多个可能）"}


def outline(document: ParsedDocument) -> str:
    lines = [f"《{document.title}》 {document.file}", f"  城市：{document.city or '未知'}  年份：{document.year or '未知'}  任务：{len(document.tasks)} 项"]
    for key, how in document.inferred.items():
        lines.append(f"  ⚠ {'城市' if key == 'city' else '年份'}{how}，请在目录中确认")
    section = None
    for r in document.records:
        if r.kind == PREAMBLE:
            lines.append(f"  [{r.title}] 第{r.line_start}行")
            continue
        if r.section != section and r.section is not None and r.item is None:
            section = r.section
            prefix = f"{r.year}年工作总结 " if r.kind == SUMMARY else ""
            lines.append(f"  {prefix}{r.section}、{r.section_title}")
            if r.kind == SUMMARY:
                continue
        if r.kind == SUMMARY:
            lines.append(f"    {r.item or ''}{r.title}  （第{r.line_start}-{r.line_end}行）")
        elif r.kind == TASK:
            lines.append(f"    {r.task_no}. {r.title}  （第{r.line_start}-{r.line_end}行）")
            if r.lead_offices or r.responsible_offices:
                lines.append(f"       牵头：{'、'.join(r.lead_offices) or '—'}   责任：{'、'.join(r.responsible_offices) or '—'}")
            for note in r.notes:
                lines.append(f"       ⚠ {note}")
    for warning in document.warnings:
        lines.append(f"  ⚠ {warning}")
    return "\n".join(lines)


def alias_report(file: str, table: AliasTable) -> str:
    lines = [f"{file}"]
    if not table.decisions:
        lines.append("  （无别名）")
    for d in table.decisions:
        extra = f"：{'、'.join(d.candidates)}" if d.candidates else ""
        target = d.canonical if d.source != "ambiguous" else "—"
        lines.append(f"  {d.alias} → {target}  [{_SOURCE_LABELS[d.source]}{extra}]")
    return "\n".join(lines)
