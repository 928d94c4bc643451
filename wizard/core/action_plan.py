"""The action plan: one entry per unmet, not-sure or unanswered required item.

Order: automatic fails first, then what DSPT needs for Approaching Standards
and what Cyber Essentials needs, then what Standards Met needs, then the rest.
The practice's edits (owner, due date, own wording, done) are kept in the
draft by item id, so they survive re-scoring.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wizard.core.bank import Bank
from wizard.core.bank_schema import Item
from wizard.core.describe import STATE_WORDS, answer_text, expected_text
from wizard.core.draft import ActionEdit, Draft
from wizard.core.item_state import ItemState
from wizard.core.scoring import Assessment, ItemResult, SectionResult

PRIORITY_LABELS = {1: "Critical", 2: "High", 3: "Medium", 4: "Low"}


@dataclass(frozen=True)
class ActionEntry:
    item_id: str
    ref: str
    framework: str  # short name, e.g. "DSPT"
    section: str
    question: str
    state: ItemState
    priority: int
    reason: str
    action: str
    owner: str
    due: dt.date | None
    done: bool

    @property
    def priority_label(self) -> str:
        return PRIORITY_LABELS[self.priority]


def priority(item: Item, ce: bool) -> int:
    if item.auto_fail:
        return 1
    if ce or item.required_for == "approaching":
        return 2
    if item.required_for == "met":
        return 3
    return 4


def _needs_entry(result: ItemResult, ce: bool) -> bool:
    if result.state in ("not_met", "not_sure"):
        return True
    return result.state == "unanswered" and (ce or result.item.required_for is not None)


def _reason(bank: Bank, draft: Draft, result: ItemResult) -> str:
    item = result.item
    if result.state == "not_met":
        given = answer_text(item, draft.answer(item.id))
        return f"Answered: {given}. Needed: {expected_text(bank, item)}."
    if item.auto_fail:
        return f"{STATE_WORDS[result.state]}. This question is an automatic fail if not met."
    return f"{STATE_WORDS[result.state]}."


def build_action_plan(assessment: Assessment, draft: Draft) -> list[ActionEntry]:
    entries: list[tuple[int, int, ActionEntry]] = []
    scored: list[tuple[Bank, tuple[SectionResult, ...], bool]]
    scored = [(r.bank, r.standards, False) for r in assessment.dspt]
    scored += [(r.bank, r.sections, True) for r in assessment.ce]
    order = 0
    for bank, sections, ce in scored:
        for section in sections:
            for result in section.items:
                order += 1
                if not _needs_entry(result, ce):
                    continue
                item = result.item
                edit = draft.action_plan.get(item.id) or ActionEdit()
                entry = ActionEntry(
                    item_id=item.id,
                    ref=item.ref,
                    framework=bank.framework.short_name,
                    section=f"{section.section.ref} {section.section.title}",
                    question=item.question,
                    state=result.state,
                    priority=priority(item, ce),
                    reason=_reason(bank, draft, result),
                    action=edit.action or item.remediation,
                    owner=edit.owner,
                    due=edit.due,
                    done=edit.done,
                )
                entries.append((entry.priority, order, entry))
    return [entry for _, _, entry in sorted(entries, key=lambda e: (e[0], e[1]))]


def edit_action(
    draft: Draft,
    item_id: str,
    *,
    owner: str | None = None,
    due: dt.date | None = None,
    action: str | None = None,
    done: bool | None = None,
) -> ActionEdit:
    """Change an entry's owner, due date, wording or done flag in the draft."""
    current = draft.action_plan.get(item_id) or ActionEdit()
    changes: dict[str, object] = {}
    if owner is not None:
        changes["owner"] = owner.strip()
    if due is not None:
        changes["due"] = due
    if action is not None:
        changes["action"] = action.strip() or None
    if done is not None:
        changes["done"] = done
    updated = current.model_copy(update=changes)
    draft.action_plan[item_id] = updated
    return updated
