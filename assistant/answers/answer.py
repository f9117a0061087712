"""Turning an engine `Answer` into what users read: Markdown in Chinese, a citation line to paste into a report,
and the JSON form of `ask --json`. Every office, figure and quote printed here is copied from a record.

`esc` is applied to every piece of document or user text: the command line prints text as it is, the web UI
passes html.escape so that a `<script>` in a question or a document shows as text.
"""
from __future__ import annotations

from collections.abc import Callable

from ..retrieval.query import DEADLINE, LEAD, OFFICE_TASKS
from ..documents.records import PREAMBLE, SUMMARY, TASK, Record, place_name
from ..documents.labels import COOPERATING, PERSON_LABELS
from ..retrieval.passages import office_lines
from ..retrieval.search import NOT_FOUND, PARTIAL, Answer, Hit, PlanAnswer
from ..retrieval.store import DocumentInfo

NO_LEAD = "原文未列明牵头科室"
NO_RESPONSIBLE = "原文未列明责任科室"


Escape = Callable[[str], str]
# Where a citation leads (the web app's 文件 view of the plan at the task's lines, the quote marked); None: plain text
Link = Callable[[Record, list[str]], str] | None


def _same(text: str) -> str:
    return text


def locator(record: Record, documents: dict[str, DocumentInfo], esc: Escape = _same) -> str:
    """《遂宁市2019年工作要点》二、第5项「提高学前教育普惠发展水平」"""
    info = documents.get(record.doc)
    place = place_name(info.display_city if info else record.city, record.year, record.kind)
    place, title = esc(place), esc(record.title)
    if record.kind == PREAMBLE:
        return f"《{place}》「{title}」"
    section = f"{esc(record.section)}、" if record.section else ""
    if record.kind == SUMMARY:
        return f"《{place}》{section}{esc(record.item or '')}「{title}」"
    if record.path:  # 三、（二）第4项, 一、（一）①: the full numbering path as the plan prints it
        return f"《{place}》{esc(record.path)}「{title}」"
    number = f"第{record.task_no}项" if record.task_no is not None else ""
    return f"《{place}》{section}{number}「{title}」"


def source_line(record: Record, esc: Escape = _same, link: Link = None, quotes: list[str] | None = None) -> str:
    """file 第45–57行; with `link`, a Markdown link to that place in the plan, the first of `quotes` marked."""
    text = f"{esc(record.doc)} 第{record.line_start}–{record.line_end}行"
    return f"[{text}]({link(record, quotes or [])})" if link else text


def citation(record: Record, documents: dict[str, DocumentInfo]) -> str:
    """One line to paste into a report: where the task is, with the document number when the plan has one."""
    info = documents.get(record.doc)
    doc_no = f"（{info.doc_no}）" if info and info.doc_no else ""
    text = locator(record, documents)
    head, _, rest = text.partition("》")
    return f"{head}》{doc_no}{rest}，{source_line(record)}"


def office_lines_md(record: Record, esc: Escape = _same) -> list[str]:
    lead = "、".join(esc(o) for o in record.lead_offices)
    shared = "、".join(esc(o) for o in record.responsible_offices)
    lines = [f"- **牵头科室：{lead}**" if lead else f"- {NO_LEAD}"]
    lines.append(f"- **责任科室：{shared}**" if shared else f"- {NO_RESPONSIBLE}")
    if record.cooperating_offices:
        label = esc(record.cooperating_label)
        lines.append(f"- **{label}：{'、'.join(esc(o) for o in record.cooperating_offices)}**")
    elif COOPERATING in record.office_labels:  # 配合科室 | 无: the plan says there is none
        lines.append(f"- **{esc(record.office_labels[COOPERATING])}：无**（原文此栏未列科室）")
    # the person the plan hangs the task on (分管领导: 刘建军), printed beside its offices: asked as often as they are
    lines.extend(f"- {esc(name)}：{esc(value)}" for name, value in record.fields.items() if name in PERSON_LABELS)
    lines.extend(f"- 注：{esc(note)}" for note in record.notes)
    return lines


def office_check(answer: Answer) -> str | None:
    """是不是X科牵头 / X科负责吗 answered: whether the office the question names is in the cited task's lines, as
    printed, so that a wrong guess is corrected in words and not only by the lines above it."""
    q, record = answer.question, answer.hits[0].record
    if q.intent != LEAD or not q.office or record.kind != TASK:
        return None
    forms = q.office_forms or {q.office}
    if forms & set(record.lead_offices):
        return f"{q.office}是这项任务的牵头科室。"
    if forms & set(record.responsible_offices + record.cooperating_offices):
        return f"{q.office}列在这项任务的责任科室中{'，不是牵头科室' if record.lead_offices else ''}。"
    return f"所问的{q.office}不在这项任务所列的科室中。"


def to_markdown(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape = _same, link: Link = None) -> str:
    """The answer in Markdown; what a follow-up carried over from the conversation is said on its first line.
    `link` makes every 出处 a link to the cited lines (the web app); the command line prints them as text."""
    body = _body(answer, documents, esc, link)
    if answer.filters.get("carried"):
        return f"（沿用上文：{esc('，'.join(answer.filters['carried']))}）\n\n{body}"
    return body


def _body(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    if answer.plans and answer.parts:  # several topics compared: each topic's blocks and table, in the order named
        return "\n\n".join([f"**{esc(answer.reason)}**"] + [
            f"### {esc(topic)}\n\n{_comparison(part, documents, esc, link)}" for topic, part in answer.parts])
    if answer.plans:
        return _comparison(answer, documents, esc, link)
    if answer.parts:  # two topics asked together: each answered in full, in the order named
        return "\n\n".join(f"### {esc(topic)}\n\n{_body(part, documents, esc, link)}" for topic, part in answer.parts)
    if answer.question.intent == OFFICE_TASKS and answer.hits and answer.status == PARTIAL:
        return _office_list(answer, documents, esc, link)  # 承德…牵头哪些: the plan names no lead; the tasks naming it
    if answer.status == PARTIAL:
        return _partial(answer, documents, esc, link)
    if not answer.answered:
        return _refusal(answer, documents, esc, link)
    if answer.question.intent == OFFICE_TASKS:
        return _office_list(answer, documents, esc, link)
    if answer.question.intent == DEADLINE:
        return _deadline_list(answer, documents, esc, link)
    best, others = answer.hits[0], answer.hits[1:]
    lines = [f"**{locator(best.record, documents, esc)}**", ""]
    if best.record.kind != PREAMBLE and best.record.kind != SUMMARY:
        lines += office_lines_md(best.record, esc) + [""]
        if check := office_check(answer):
            lines += [f"核对：{esc(check)}", ""]
    lines += [f"> 「{esc(e)}」" for e in best.evidence] + ["", f"出处：{source_line(best.record, esc, link, best.evidence)}"]
    if best.caveat:
        lines += ["", f"注意：所引任务中没有出现“{esc('”“'.join(best.caveat))}”，请核对是否切题。"]
    if others:
        lines += ["", "其他可能相关："] + [f"- {locator(h.record, documents, esc)}（{source_line(h.record, esc, link, h.evidence)}）"
                                       for h in others[:4]]
    return "\n".join(lines)


def _partial(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    """The topic is in a task, the asked detail is not: cite the task, name what is missing, and quote nothing as
    that detail. What the question also asked and the task prints is shown: its offices (哪个科管 几月份开始), or
    what it says (讲了啥，哪个科负责, asked of a task that lists no office)."""
    best = answer.hits[0]
    lines = [f"**{locator(best.record, documents, esc)}涉及此事，但{esc(answer.reason)}**", ""]
    if best.record.kind not in (PREAMBLE, SUMMARY):
        lines += office_lines_md(best.record, esc) + [""]
    if best.evidence:
        lines += [f"> 「{esc(e)}」" for e in best.evidence] + [""]
    lines.append(f"出处：{source_line(best.record, esc, link, best.evidence)}")
    return "\n".join(lines)


def _refusal(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    if not answer.question.folded:  # nothing was asked (empty, too long, no words): say what to do, nothing more
        return esc(answer.reason)
    lines = [f"**文件中没有找到答案。** {esc(answer.reason)}"]
    if answer.elsewhere:
        lines += ["", "其他文件中涉及："] + [f"- {locator(h.record, documents, esc)}（{source_line(h.record, esc, link, h.evidence)}）"
                                         for h in answer.elsewhere]
    if answer.hits:
        lines += ["", "可能相关："] + [f"- {locator(h.record, documents, esc)}（{source_line(h.record, esc, link, h.evidence)}）"
                                     for h in answer.hits[:5]]
    return "\n".join(lines)


def _office_list(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    """Grouped by role with counts (牵头 3 项、参与 11 项), as the 科室目录 tab shows the same office."""
    q = answer.question
    forms = sorted(q.office_forms - {q.office})
    also = f"（含写法：{esc('、'.join(forms))}）" if forms else ""
    places = sorted({place_name(documents[h.record.doc].display_city if h.record.doc in documents else h.record.city,
                                h.record.year, h.record.kind) for h in answer.hits})
    scope = f"{esc('、'.join(places))}中，" if q.cities or q.year else ""
    together = "".join(f"与{esc(name)}" for name in q.other_offices) + ("共同" if q.other_offices else "")
    groups = [(role, [h for h in answer.hits if h.role == role]) for role in ("牵头", "参与")]
    groups = [(role, hits) for role, hits in groups if hits]
    counts = "、".join(f"{role} {len(hits)} 项" for role, hits in groups)
    if q.other_offices and answer.filters.get("role") not in ("lead", "lead_unprinted"):
        # the roles counted are the first office's: the others are only known to take part
        others = "、".join(esc(name) for name in q.other_offices)
        lines = [f"**{scope}{esc(q.office)}{also}与{others}同时列名的任务共 {len(answer.hits)} 项，其中"
                 f"{esc(q.office)}{counts}：**", ""]
    elif answer.filters.get("role") == "lead":
        lines = [f"**{scope}{esc(q.office)}{also}{together}牵头的任务共 {len(answer.hits)} 项：**", ""]
    elif answer.filters.get("role") == "lead_unprinted":
        lines = [f"**{scope or '所选文件中，'}任务只列责任科室，没有单列牵头科室，文件没有写明{esc(q.office)}{also}{together}"
                 f"牵头哪些任务。**", "", f"供参考，{esc(q.office)}列为责任科室的任务共 {len(answer.hits)} 项：", ""]
    else:
        lines = [f"**{scope}{esc(q.office)}{also}{together}{counts}：**", ""]
    for role, hits in groups:
        if len(groups) > 1 or answer.filters.get("role") not in ("lead", "lead_unprinted"):
            lines.append(f"**{role}（{len(hits)} 项）**")
        for n, hit in enumerate(hits, start=1):
            lines.append(f"{n}. {locator(hit.record, documents, esc)} — {source_line(hit.record, esc, link)}")
        lines.append("")
    return "\n".join(lines).rstrip()


def _deadline_list(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    """Every due task with its time node quoted as printed, its offices and its citation; undated tasks counted."""
    q, window = answer.question, answer.filters.get("window") or ""
    who = esc(q.office) if q.office else ""
    head = "写明时间节点的任务" if window in ("", "时间节点", "完成时限", "时限") else f"时间节点在“{esc(window)}”的任务"
    per_plan: dict[str, int] = {}
    for hit in answer.hits:
        info = documents.get(hit.record.doc)
        name = place_name(info.display_city if info else hit.record.city, hit.record.year, hit.record.kind)
        per_plan[name] = per_plan.get(name, 0) + 1
    split = "（" + "，".join(f"{esc(n)} {c} 项" for n, c in per_plan.items()) + "）" if len(per_plan) > 1 else ""
    lines = [f"**{who}{head}共 {len(answer.hits)} 项{split}：**", ""]
    for n, hit in enumerate(answer.hits, start=1):
        record = hit.record
        role = f"〔{hit.role}〕" if hit.role else ""
        nodes = "；".join(f"「{esc(node['text'])}」" for node in hit.time_nodes)
        lines.append(f"{n}. {role}{locator(record, documents, esc)}　时间节点：{nodes}")
        offices = [f"牵头：{'、'.join(map(esc, record.lead_offices))}" if record.lead_offices else NO_LEAD]
        if record.responsible_offices or record.cooperating_offices:
            offices.append("责任：" + "、".join(map(esc, record.responsible_offices + record.cooperating_offices)))
        lines.append(f"    - {'；'.join(offices)}")
        lines += [f"    - > 「{esc(sentence)}」" for sentence in hit.evidence if sentence not in (n['text'] for n in hit.time_nodes)]
        lines.append(f"    - 出处：{source_line(record, esc, link, hit.evidence)}")
    undated = answer.filters.get("undated")
    if undated:
        lines += ["", f"另有 {undated} 项任务没有写明时间节点，未列入。"]
    return "\n".join(lines)


def _plan_name(plan: PlanAnswer, documents: dict[str, DocumentInfo]) -> str:
    info = documents.get(plan.doc)
    first = plan.answer.hits[0].record if plan.answer.hits else None
    kind = first.kind if first is not None else TASK
    return place_name(info.display_city if info else plan.city, plan.year, kind)


def _comparison(answer: Answer, documents: dict[str, DocumentInfo], esc: Escape, link: Link) -> str:
    """One block per plan, in the corpus's order, then a table that pastes into Word or Excel."""
    lines = [f"**{esc(answer.reason)}**", ""]
    rows = []
    for plan in answer.plans:
        name = esc(_plan_name(plan, documents))
        best = plan.answer.hits[0] if plan.answer.hits else None
        if not plan.doc:  # a place the corpus has no plan of
            lines += [f"**{esc(plan.answer.reason)}**", ""]
            rows.append([esc(plan.city or ""), "文件库中没有此地的工作要点", "", "", ""])
            continue
        if plan.answer.status == NOT_FOUND or best is None:
            lines += [f"**《{name}》：未涉及**", ""]
            rows.append([name, "未涉及", "", "", ""])
            continue
        record = best.record
        lines.append(f"**{locator(record, documents, esc)}**")
        if plan.answer.status == PARTIAL:
            lines.append(f"涉及此事，但{esc(plan.answer.reason)}")
        if record.kind not in (PREAMBLE, SUMMARY):
            lines += office_lines_md(record, esc)
        quotes = [e for e in best.evidence if e not in office_lines(record)]
        lines += [f"> 「{esc(e)}」" for e in quotes[:1]] + [f"出处：{source_line(record, esc, link, quotes)}", ""]
        rows.append([name, locator(record, documents, esc).split("》", 1)[-1], "、".join(map(esc, record.lead_offices)),
                     "、".join(map(esc, record.responsible_offices)), esc(quotes[0]) if quotes else ""])
    lines += ["| 文件 | 任务 | 牵头 | 责任 | 原文 |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(cell.replace("|", "｜").replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def hit_json(hit: Hit, documents: dict[str, DocumentInfo]) -> dict:
    data = hit.record.to_json()
    data.update(score=round(hit.score, 4), evidence=hit.evidence, citation=citation(hit.record, documents))
    if hit.role:
        data["role"] = hit.role
    if hit.time_nodes:
        data["due"] = hit.time_nodes  # the nodes that put it in the asked window
    return data


def to_json(answer: Answer, documents: dict[str, DocumentInfo]) -> dict:
    return {
        "question": answer.question.text,
        "answered": answer.answered,
        "status": answer.status,
        "reason": answer.reason,
        "intent": "compare" if answer.plans else answer.question.intent,
        "filters": {k: answer.filters.get(k) for k in ("city", "year", "office")},
        "answer": to_markdown(answer, documents),
        "results": [hit_json(h, documents) for h in answer.hits],
        "office_check": office_check(answer) if answer.answered and answer.hits and not answer.plans else None,
        "elsewhere": [hit_json(h, documents) for h in answer.elsewhere],
        "plans": _plans_json(answer, documents),
        # two topics asked of one plan, or several listed in a comparison (each then with its own plans)
        "parts": [{"topic": topic, "status": part.status, "reason": part.reason,
                   "results": [hit_json(h, documents) for h in part.hits],
                   **({"plans": _plans_json(part, documents)} if part.plans else {})} for topic, part in answer.parts],
    }


def _plans_json(answer: Answer, documents: dict[str, DocumentInfo]) -> list[dict]:
    return [{"doc": p.doc, "city": p.city, "year": p.year, "status": p.answer.status, "reason": p.answer.reason,
             "results": [hit_json(h, documents) for h in p.answer.hits]} for p in answer.plans]
