"""Scoring on the small banks (hand-set answers) and on the real banks."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import answer_everything, find_item
from wizard.core.action_plan import build_action_plan, edit_action
from wizard.core.answers import set_answer
from wizard.core.bank import Bank
from wizard.core.draft import Draft, new_draft
from wizard.core.scoring import score

TODAY = dt.date(2026, 5, 1)


def _answer(banks: list[Bank], draft: Draft, ref: str, value: object, status: str = "answered") -> None:
    _, item = find_item(banks, ref)
    set_answer(draft, item, value, status)  # type: ignore[arg-type]


@pytest.fixture
def compliant(mini_banks: list[Bank], mini_draft: Draft) -> Draft:
    for ref, value in [
        ("1.1.1", "yes"),
        ("1.1.2", 97),
        ("1.1.3", "nothing more"),
        ("2.1.1", "2026-02-01"),
        ("2.1.2", "Plan v3, agreed March 2026"),
        ("A2.1", "yes"),
        ("A6.4", "yes"),
        ("A6.6", 5),
        ("A6.7", "mfa"),
        ("A7.14", "yes"),
        ("A8.1", ["av"]),
    ]:
        _answer(mini_banks, mini_draft, ref, value)
    return mini_draft


def test_compliant_draft_is_met_and_ready(mini_banks: list[Bank], compliant: Draft) -> None:
    result = score(mini_banks, compliant, TODAY)
    assert [s.status for s in result.dspt[0].standards] == ["Standards Met", "Standards Met"]
    assert result.dspt[0].overall == "Standards Met"
    assert result.ce[0].ready
    assert result.percent_complete == 100
    assert build_action_plan(result, compliant) == []


def test_unmet_met_item_gives_approaching(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "1.1.2", 80)  # below the 95% threshold kept as data
    result = score(mini_banks, compliant, TODAY)
    first, second = result.dspt[0].standards
    assert first.status == "Approaching Standards"
    assert [i.ref for i in first.unmet_met] == ["1.1.2"]
    assert second.status == "Standards Met"
    assert result.dspt[0].overall == "Approaching Standards"


def test_unmet_approaching_item_gives_not_met(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "1.1.1", "no")
    result = score(mini_banks, compliant, TODAY)
    assert result.dspt[0].standards[0].status == "Standards Not Met"
    assert result.dspt[0].overall == "Standards Not Met"


def test_stale_date_is_not_met(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "2.1.1", "2024-01-01")
    result = score(mini_banks, compliant, TODAY)
    assert result.dspt[0].standards[1].status == "Approaching Standards"


def test_it_provider_counts_as_met_and_is_recorded(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "2.1.1", None, "it_provider")
    result = score(mini_banks, compliant, TODAY)
    states = {r.item.ref: r.state for r in result.dspt[0].standards[1].items}
    assert states["2.1.1"] == "it_provider"
    assert result.dspt[0].standards[1].status == "Standards Met"


def test_one_auto_fail_fails_ce_whatever_else(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A6.4", "no")
    result = score(mini_banks, compliant, TODAY)
    ce = result.ce[0]
    assert not ce.ready
    assert [i.ref for i in ce.auto_fails] == ["A6.4"]
    plan = build_action_plan(result, compliant)
    assert plan[0].ref == "A6.4" and plan[0].priority_label == "Critical"


def test_failing_ce_question_is_named(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A6.6", 50)  # above the lock-out threshold
    _answer(mini_banks, compliant, "A8.1", ["none"])
    ce = score(mini_banks, compliant, TODAY).ce[0]
    assert not ce.ready
    assert [f.item.ref for f in ce.failing] == ["A6.6", "A8.1"]
    assert ce.auto_fails == ()


def test_hidden_items_are_not_scored(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A7.14", "no")  # MFA answered "no"...
    assert not score(mini_banks, compliant, TODAY).ce[0].ready
    _answer(mini_banks, compliant, "A2.1", "no")  # ...but no cloud services: not asked
    result = score(mini_banks, compliant, TODAY)
    assert result.ce[0].ready
    states = {r.item.ref: r.state for s in result.ce[0].sections for r in s.items}
    assert states["A7.14"] == "hidden"
    assert all(e.ref != "A7.14" for e in build_action_plan(result, compliant))


def test_action_plan_order_and_edits(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "1.1.3", None, "not_sure")  # not mandatory: Low
    _answer(mini_banks, compliant, "1.1.2", 50)  # Met-level: Medium
    _answer(mini_banks, compliant, "1.1.1", "no")  # Approaching-level: High
    _answer(mini_banks, compliant, "A6.4", "no")  # auto-fail: Critical
    due = dt.date(2026, 9, 30)
    edit_action(compliant, "mini-training", owner="Practice manager", due=due)
    plan = build_action_plan(score(mini_banks, compliant, TODAY), compliant)
    assert [(e.ref, e.priority_label) for e in plan] == [
        ("A6.4", "Critical"),
        ("1.1.1", "High"),
        ("1.1.2", "Medium"),
        ("1.1.3", "Low"),
    ]
    training = plan[2]
    assert (training.owner, training.due) == ("Practice manager", due)
    assert "95%" in training.reason and "50%" in training.reason
    assert training.action == "Train them."
    assert plan[3].reason == "Not sure."


def test_real_banks_fully_compliant(real_banks: list[Bank]) -> None:
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    answer_everything(real_banks, draft, TODAY)
    result = score(real_banks, draft, TODAY)
    assert result.dspt and result.ce
    assert all(s.status == "Standards Met" for s in result.dspt[0].standards)
    assert result.dspt[0].overall == "Standards Met"
    assert result.ce[0].ready, [f.item.ref for f in result.ce[0].failing]
    assert build_action_plan(result, draft) == []


def test_real_banks_each_auto_fail_fails_alone(real_banks: list[Bank]) -> None:
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    answer_everything(real_banks, draft, TODAY)
    ce_bank = next(b for b in real_banks if b.framework.scoring == "cyber_essentials")
    for item in [i for i in ce_bank.items() if i.auto_fail]:
        before = draft.answer(item.id)
        set_answer(draft, item, None, "not_sure")
        ce = score(real_banks, draft, TODAY).ce[0]
        assert not ce.ready and [i.ref for i in ce.auto_fails] == [item.ref]
        draft.answers[item.id] = before


def test_real_dspt_one_unmet_mandatory_lowers_status(real_banks: list[Bank]) -> None:
    draft = new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks])
    answer_everything(real_banks, draft, TODAY)
    dspt = next(b for b in real_banks if b.framework.scoring == "dspt")
    for level, expected in (("met", "Approaching Standards"), ("approaching", "Standards Not Met")):
        item = next(i for i in dspt.items() if i.required_for == level)
        before = draft.answer(item.id)
        set_answer(draft, item, None, "not_sure")
        result = score(real_banks, draft, TODAY).dspt[0]
        assert result.overall == expected
        standard = next(s for s in result.standards if s.section.id == dspt.section_of(item.id).id)
        assert standard.status == expected
        draft.answers[item.id] = before
