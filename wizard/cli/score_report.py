"""The ``score`` command's output, as text for people and JSON for scripts."""

from __future__ import annotations

from typing import Any

from wizard.core.action_plan import ActionEntry, build_action_plan
from wizard.core.bank import Bank
from wizard.core.draft import Draft
from wizard.core.scoring import Assessment, score


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


def score_json(banks: list[Bank], draft: Draft) -> dict[str, Any]:
    result = score(banks, draft)
    plan = build_action_plan(result, draft)
    return {
        "practice": {"name": draft.practice.name, "ods_code": draft.practice.ods_code},
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
                "ready": r.ready,
                "failing": [{"ref": f.item.ref, "state": f.state} for f in r.failing],
                "auto_fails": [i.ref for i in r.auto_fails],
            }
            for r in result.ce
        ],
        "action_plan": [_entry_json(e) for e in plan],
    }


def _text_lines(result: Assessment, plan: list[ActionEntry], draft: Draft) -> list[str]:
    lines = [f"{draft.practice.name} ({draft.practice.ods_code}): {result.percent_complete}% answered"]
    for dspt in result.dspt:
        lines += ["", f"{dspt.bank.framework.name} {dspt.bank.framework.version}: {dspt.overall}"]
        for s in dspt.standards:
            lines.append(
                f"  {s.section.ref:>3} {s.section.title:<32} {s.status}  ({s.answered}/{s.total} answered)"
            )
    for ce in result.ce:
        verdict = "ready" if ce.ready else "NOT ready"
        lines += ["", f"{ce.bank.framework.name} {ce.bank.framework.version}: {verdict}"]
        if ce.auto_fails:
            lines.append("  Automatic fails: " + ", ".join(i.ref for i in ce.auto_fails))
        if ce.failing:
            lines.append(
                f"  {len(ce.failing)} question(s) not met, not sure or not answered: "
                + ", ".join(f.item.ref for f in ce.failing)
            )
    lines += ["", f"Action plan: {len(plan)} item(s)"]
    for e in plan:
        owner = f" owner: {e.owner}" if e.owner else ""
        due = f" due: {e.due:%d/%m/%Y}" if e.due else ""
        lines.append(f"  [{e.priority_label}] {e.framework} {e.ref}: {e.reason}{owner}{due}")
        lines.append(f"      Do: {e.action.strip()}")
    return lines


def score_text(banks: list[Bank], draft: Draft) -> str:
    result = score(banks, draft)
    plan = build_action_plan(result, draft)
    return "\n".join(_text_lines(result, plan, draft)) + "\n"
