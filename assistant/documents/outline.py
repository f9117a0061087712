"""Human-readable views of parsed documents for the command line: the outline a user checks before adding a plan,
and the list of office alias decisions."""
from __future__ import annotations

from .offices import AliasTable
from .places import LEVEL_NAMES
from .records import PREAMBLE, SUMMARY, TASK, ParsedDocument

_SOURCE_LABELS = {"auto": "自动（简称）", "catalog": "目录指定", "ambiguous": "未合并（有多个可能）"}


def place_line(document: ParsedDocument) -> str:
    """地点：崇明区（区级，上海市）, or 地点：未知 when neither the catalog nor the text names the place."""
    if not document.place:
        return "地点：未知"
    extra = [LEVEL_NAMES.get(document.level or "", ""), document.region or ""]
    extra = [e for e in extra if e]
    return f"地点：{document.place}" + (f"（{'，'.join(extra)}）" if extra else "")


def outline(document: ParsedDocument) -> str:
    lines = [f"《{document.title}》 {document.file}",
             f"  {place_line(document)}  年份：{document.year or '未知'}  任务：{len(document.tasks)} 项"]
    for key, how in document.inferred.items():
        lines.append(f"  【注意】{'城市' if key == 'city' else '年份'}{how}，请在目录中确认")
    section = subsection = None
    for r in document.records:
        if r.kind == PREAMBLE:
            lines.append(f"  [{r.title}] 第{r.line_start}行")
            continue
        if r.section != section and r.section is not None and r.item is None:
            section, subsection = r.section, None
            prefix = f"{r.year}年工作总结 " if r.kind == SUMMARY else ""
            lines.append(f"  {prefix}{r.section}、{r.section_title}")
            if r.kind == SUMMARY:
                continue
        if r.kind == SUMMARY:
            lines.append(f"    {r.item or ''}{r.title}  （第{r.line_start}-{r.line_end}行）")
        elif r.kind == TASK:
            indent = "    "
            if r.subsection_title is not None:
                if r.subsection != subsection:
                    subsection = r.subsection
                    lines.append(f"    {r.subsection}{r.subsection_title}")
                indent = "      "
            lines.append(f"{indent}{_marker(r)}{r.title}  （第{r.line_start}-{r.line_end}行）")
            offices = [("牵头", r.lead_offices), ("责任", r.responsible_offices)]
            offices += [("配合", r.cooperating_offices)] if r.cooperating_offices else []
            if any(names for _, names in offices):
                lines.append(indent + "   " + "   ".join(f"{name}：{'、'.join(names) or '—'}" for name, names in offices))
            if r.time_nodes:
                lines.append(f"{indent}   时间节点：" + "；".join(_node(n) for n in r.time_nodes))
            for note in r.notes:
                lines.append(f"{indent}   【注意】{note}")
    undated = sum(1 for r in document.tasks if not r.time_nodes)
    if document.tasks:
        lines.append(f"  时间节点：{len(document.tasks) - undated} 项任务写明，{undated} 项未写明（不推测日期）")
    for warning in document.warnings:
        lines.append(f"  【注意】{warning}")
    return "\n".join(lines)


def _node(node: dict) -> str:
    """3月底前（→2024-03-31）, 上半年（2024-01-01～2024-06-30）, 长期坚持（无具体日期）."""
    if node["start"] and node["end"]:
        return f"{node['text']}（{node['start']}～{node['end']}）"
    if node["end"]:
        return f"{node['text']}（→{node['end']}）"
    return f"{node['text']}（无具体日期）"


def _marker(record) -> str:
    """A task's number as printed: 11. for a plain number, （1） or ① otherwise, （一） for a （一） task."""
    if record.number is None:
        return record.subsection or (f"{record.task_no}. " if record.task_no is not None else "")
    return f"{record.number}. " if record.number.isascii() and record.number.isdigit() else record.number


def alias_report(file: str, table: AliasTable) -> str:
    lines = [f"{file}"]
    if not table.decisions:
        lines.append("  （无别名）")
    for d in table.decisions:
        extra = f"：{'、'.join(d.candidates)}" if d.candidates else ""
        target = d.canonical if d.source != "ambiguous" else "—"
        lines.append(f"  {d.alias} → {target}  [{_SOURCE_LABELS[d.source]}{extra}]")
    return "\n".join(lines)
