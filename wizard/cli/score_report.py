"""The ``score`` command's output, as text for people and JSON for scripts."""

from __future__ import annotations

from typing import Any

from wizard.core.action_plan import ActionEntry, SectionGap, build_action_plan, unanswered_by_section
from wizard.core.bank.model import Bank
from wizard.core.describe import plural
from wizard.core.draft.model import Draft
from wizard.core.scoring import ESTIMATE_WORDS, Assessment, ItemResult, score


def _entry_json(entry: ActionEntry) -> dict[str, Any]:
    return {
        "item_id": entry.item_id,
        "ref": entry.ref,
        "framework": entry.framework,
        "section": entry.section,
        "priority": entry.priority,
        "priority_label": entry.priority_label,
        "state": entry.state,
        "reason": entry.reason,
        "action": entry.action,
        "owner": entry.owner,
        "due": entry.due.isoformat() if entry.due else None,
        "done": entry.done,
    }


def _refs(results: tuple[ItemResult, ...]) -> list[dict[str, str]]:
    return [{"ref": r.item.ref, "state": r.state} for r in results]


def score_json(banks: list[Bank], draft: Draft) -> dict[str, Any]:
    result = score(banks, draft)
    plan = build_action_plan(result, draft)
    return {
        "practice": {"name": draft.practice.name, "ods_code": draft.practice.ods_code},
        "as_at": draft.as_at.isoformat(),
        "estimate": ESTIMATE_WORDS,
        "complete_percent": result.percent_complete,
        "dspt": [
            {
                "framework": r.bank.framework.id,
                "version": r.bank.framework.version,
                "overall": r.overall,
                "standards": [
                    {
                        "ref": s.section.ref,
                        "title": s.section.title,
                        "status": s.status,
                        "answered": s.answered,
                        "total": s.total,
                        "unmet_approaching": [i.ref for i in s.unmet_approaching],
                        "unmet_met": [i.ref for i in s.unmet_met],
                    }
                    for s in r.standards
                ],
            }
            for r in result.dspt
        ],
        "cyber_essentials": [
            {
                "framework": r.bank.framework.id,
                "version": r.bank.framework.version,
                "verdict": r.verdict,
                "auto_fails": [f.item.ref for f in r.auto_fails],
                "likely_not_compliant": _refs(r.not_compliant),
                "unanswered": [f.item.ref for f in r.unanswered],
            }
            for r in result.ce
        ],
        "good_practice": [
            {
                "framework": r.bank.framework.id,
                "findings": _refs(r.findings),
                "unanswered": [f.item.ref for f in r.unanswered],
            }
            for r in result.good_practice
        ],
        "action_plan": [_entry_json(e) for e in plan],
        "unanswered": [
            {
                "framework": g.framework,
                "section": g.section,
                "count": g.count,
                "mandatory": g.mandatory,
                "copied": g.copied,
            }
            for g in unanswered_by_section(result)
        ],
    }


def _listed(label: str, results: tuple[ItemResult, ...]) -> list[str]:
    return [f"  {label}: " + ", ".join(r.item.ref for r in results)] if results else []


def _frameworks(result: Assessment) -> list[str]:
    lines: list[str] = []
    for dspt in result.dspt:
        lines += ["", f"{dspt.bank.framework.name} {dspt.bank.framework.version}: {dspt.overall}"]
        for s in dspt.standards:
            lines.append(
                f"  {s.section.ref:>3} {s.section.title:<32} {s.status}  ({s.answered}/{s.total} answered)"
            )
    for ce in result.ce:
        lines += ["", f"{ce.bank.framework.name} {ce.bank.framework.version}: {ce.verdict}"]
        lines += _listed("Would fail automatically", ce.auto_fails)
        lines += _listed("Likely not compliant", ce.not_compliant)
        if ce.unanswered:
            lines.append(f"  Still to answer: {plural(len(ce.unanswered), 'question')}")
    for good in result.good_practice:
        lines += ["", f"{good.bank.framework.name} (not part of either result)"]
        lines += _listed("Not met yet", good.findings)
        if good.answered_all_met:
            lines.append("  Every good-practice item answered is met.")
        if good.unanswered:
            lines.append(f"  Still to answer: {plural(len(good.unanswered), 'question')}")
    return lines


def _plan(plan: list[ActionEntry], gaps: list[SectionGap]) -> list[str]:
    lines = ["", f"Action plan: {plural(len(plan), 'action')}"]
    for e in plan:
        owner = f" owner: {e.owner}" if e.owner else ""
        due = f" due: {e.due:%d/%m/%Y}" if e.due else ""
        lines.append(f"  [{e.priority_label}] {e.framework} {e.ref}: {e.reason}{owner}{due}")
        lines.append(f"      Do: {e.action.strip()}")
    for gap in gaps:
        lines.append(f"  {gap.words}")
    return lines


def score_text(banks: list[Bank], draft: Draft) -> str:
    result = score(banks, draft)
    plan = build_action_plan(result, draft)
    lines = [
        f"{draft.practice.name} ({draft.practice.ods_code}), as at {draft.as_at:%d/%m/%Y}: "
        f"{result.percent_complete}% answered. This is {ESTIMATE_WORDS}."
    ]
    lines += _frameworks(result)
    lines += _plan(plan, unanswered_by_section(result))
    return "\n".join(lines) + "\n"
