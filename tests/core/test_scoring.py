"""Scoring on the small banks (hand-set answers) and on the real banks: every verdict rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.helpers import answer_everything, find_item
from wizard.core.action_plan import build_action_plan, edit_action, unanswered_by_section
from wizard.core.bank.model import Bank
from wizard.core.describe import answer_text
from wizard.core.draft.answers import set_answer, set_provider
from wizard.core.draft.fields import write_field
from wizard.core.draft.model import Draft, new_draft
from wizard.core.item_state import evaluate
from wizard.core.scoring import score

AS_AT = dt.date(2026, 5, 1)


def _answer(banks: list[Bank], draft: Draft, ref: str, value: object, status: str = "answered") -> None:
    _, item = find_item(banks, ref)
    set_answer(draft, item, value, status)  # type: ignore[arg-type]


def _fields(banks: list[Bank], draft: Draft, ref: str, **values: Any) -> None:
    _, item = find_item(banks, ref)
    for name, value in values.items():
        spec = item.field(name)
        assert spec is not None, name
        write_field(draft, item, spec, value)


def _state(banks: list[Bank], draft: Draft, ref: str) -> str:
    bank, item = find_item(banks, ref)
    return evaluate(bank, draft, item, draft.as_at).state


@pytest.fixture
def draft(mini_banks: list[Bank]) -> Draft:
    return new_draft("Riverside Surgery", "A12345", [b.framework.id for b in mini_banks], as_at=AS_AT)


@pytest.fixture
def compliant(mini_banks: list[Bank], draft: Draft) -> Draft:
    draft.practice.ico_registration = "Z1234567"
    for ref, value in [
        ("1.1.1", "yes"),
        ("1.1.3", "nothing more"),
        ("2.1.1", "yes"),
        ("2.1.2", "Plan v3, agreed March 2026"),
        ("A2.1", "yes"),
        ("A6.4", "yes"),
        ("A6.6", 5),
        ("A6.7", "mfa"),
        ("A6.8", "2026-04-28"),
        ("A6.9", 100),
        ("A7.14", "yes"),
        ("A8.1", ["av"]),
        ("GP1", "yes"),
    ]:
        _answer(mini_banks, draft, ref, value)
    _fields(mini_banks, draft, "1.1.2", with_access=20, completed=20, figures_on="2026-04-01")
    _fields(mini_banks, draft, "2.1.1", last_test="2026-03-01")
    _fields(mini_banks, draft, "2.1.3", breaches=0)
    _fields(mini_banks, draft, "A6.7", min_length=8)
    return draft


def test_compliant_draft_is_met_and_likely_to_pass(mini_banks: list[Bank], compliant: Draft) -> None:
    result = score(mini_banks, compliant)
    assert [s.status for s in result.dspt[0].standards] == ["Standards Met", "Standards Met"]
    assert result.dspt[0].overall == "Standards Met"
    assert result.ce[0].verdict == "Likely to pass" and result.ce[0].ready
    assert result.good_practice[0].findings == () and result.good_practice[0].unanswered == ()
    assert result.good_practice[0].answered_all_met
    assert result.percent_complete == 100
    assert build_action_plan(result, compliant) == []
    assert unanswered_by_section(result) == []


def test_an_untouched_assessment_is_not_started_and_lists_no_automatic_fail(
    mini_banks: list[Bank], draft: Draft
) -> None:
    result = score(mini_banks, draft)
    assert result.dspt[0].overall == "Not started"
    assert [s.status for s in result.dspt[0].standards] == ["Not started", "Not started"]
    assert result.ce[0].verdict == "Not started" and not result.ce[0].ready
    assert result.ce[0].auto_fails == ()
    assert build_action_plan(result, draft) == []
    gaps = unanswered_by_section(result)
    assert [(g.framework, g.count) for g in gaps][:2] == [("Mini", 4), ("Mini", 3)]


def test_an_unanswered_mandatory_item_is_not_met(mini_banks: list[Bank], draft: Draft) -> None:
    _answer(mini_banks, draft, "1.1.1", "yes")  # one answer in standard 1, none in standard 2
    result = score(mini_banks, draft)
    first, second = result.dspt[0].standards
    assert first.status == "Approaching Standards"  # 1.1.2 (Met) not answered, so not met
    assert [i.ref for i in first.unmet_met] == ["1.1.2"]
    assert second.status == "Not started"  # never a status it has not earned
    assert second.earned == "Standards Not Met"  # ...but its unanswered mandatory items still count
    assert result.dspt[0].overall == "Standards Not Met"


def test_the_training_tick_is_worked_out_from_the_counts(mini_banks: list[Bank], compliant: Draft) -> None:
    _fields(mini_banks, compliant, "1.1.2", with_access=24, completed=20)
    bank, item = find_item(mini_banks, "1.1.2")
    evaluation = evaluate(bank, compliant, item, compliant.as_at)
    assert (evaluation.state, evaluation.value, evaluation.percent) == ("not_met", "no", 83.3)
    assert score(mini_banks, compliant).dspt[0].standards[0].status == "Approaching Standards"
    _fields(mini_banks, compliant, "1.1.2", excluded=3)  # 20 of 21 counted: 95.2%
    assert _state(mini_banks, compliant, "1.1.2") == "met"
    assert (
        answer_text(item, compliant.answer(item.id), evaluate(bank, compliant, item, AS_AT)) == "Yes (95.2%)"
    )
    _fields(mini_banks, compliant, "1.1.2", completed=30)
    counted = evaluate(bank, compliant, item, compliant.as_at)
    assert counted.state == "incomplete" and "do not add up" in counted.problems[0]


def test_twelve_months_count_back_from_the_as_at_date(mini_banks: list[Bank], compliant: Draft) -> None:
    _fields(mini_banks, compliant, "1.1.2", figures_on="2025-06-01")
    assert _state(mini_banks, compliant, "1.1.2") == "met"  # 334 days before 1 May 2026
    compliant.as_at = dt.date(2026, 7, 1)
    assert _state(mini_banks, compliant, "1.1.2") == "not_met"  # 395 days before the as-at date
    compliant.as_at = dt.date(2025, 5, 1)
    assert _state(mini_banks, compliant, "1.1.2") == "not_met"  # figures dated after the as-at date
    compliant.as_at = AS_AT
    _answer(mini_banks, compliant, "A6.8", "2026-04-01")  # 30 days before, 14 allowed
    assert _state(mini_banks, compliant, "A6.8") == "not_met"


def test_it_provider_only_says_who_answered(mini_banks: list[Bank], compliant: Draft) -> None:
    bank, item = find_item(mini_banks, "2.1.1")
    compliant.answers[item.id] = compliant.answer(item.id).model_copy(update={"value": None, "status": None})
    set_provider(compliant, item, "ICB IT", None)
    assert _state(mini_banks, compliant, "2.1.1") == "awaiting_provider"
    assert score(mini_banks, compliant).dspt[0].standards[1].status == "Approaching Standards"
    set_answer(compliant, item, "yes")
    assert _state(mini_banks, compliant, "2.1.1") == "incomplete"  # no date given for the provider's answer
    set_provider(compliant, item, "ICB IT", dt.date(2026, 3, 12))
    evaluation = evaluate(bank, compliant, item, AS_AT)
    assert evaluation.state == "met"
    assert answer_text(item, compliant.answer(item.id), evaluation) == "Yes, per ICB IT, 12/03/2026"


def test_no_incidents_makes_the_item_not_applicable(mini_banks: list[Bank], compliant: Draft) -> None:
    assert _state(mini_banks, compliant, "2.1.3") == "not_applicable"
    assert score(mini_banks, compliant).dspt[0].standards[1].status == "Standards Met"
    _fields(mini_banks, compliant, "2.1.3", breaches=2)
    assert _state(mini_banks, compliant, "2.1.3") == "unanswered"
    assert score(mini_banks, compliant).dspt[0].standards[1].status == "Approaching Standards"
    _answer(mini_banks, compliant, "2.1.3", "yes")
    assert _state(mini_banks, compliant, "2.1.3") == "met"
    _fields(mini_banks, compliant, "2.1.3", breaches=None)
    assert _state(mini_banks, compliant, "2.1.3") == "incomplete"  # answered, but the count is needed


def test_a_practice_detail_is_the_answer(mini_banks: list[Bank], compliant: Draft) -> None:
    assert _state(mini_banks, compliant, "1.1.4") == "met"
    compliant.practice.ico_registration = ""
    assert _state(mini_banks, compliant, "1.1.4") == "unanswered"
    _answer(mini_banks, compliant, "1.1.4", "ZA765432")
    assert compliant.practice.ico_registration == "ZA765432"


def test_cyber_essentials_three_kinds_of_finding(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A6.4", None, "not_sure")  # an automatic-fail question, not answered "no"
    ce = score(mini_banks, compliant).ce[0]
    assert ce.auto_fails == () and [r.item.ref for r in ce.not_compliant] == ["A6.4"]
    assert ce.verdict == "Likely not compliant"
    _answer(mini_banks, compliant, "A6.4", "no")
    ce = score(mini_banks, compliant).ce[0]
    assert [r.item.ref for r in ce.auto_fails] == ["A6.4"] and ce.verdict == "Would fail automatically"
    plan = build_action_plan(score(mini_banks, compliant), compliant)
    assert plan[0].ref == "A6.4" and plan[0].priority_label == "Critical"


def test_an_unanswered_automatic_fail_is_not_an_automatic_fail(
    mini_banks: list[Bank], compliant: Draft
) -> None:
    _, patch = find_item(mini_banks, "A6.4")
    del compliant.answers[patch.id]
    ce = score(mini_banks, compliant).ce[0]
    assert ce.auto_fails == () and ce.not_compliant == ()
    assert [r.item.ref for r in ce.unanswered] == ["A6.4"] and ce.verdict == "Incomplete"


def test_password_length_follows_the_method(mini_banks: list[Bank], compliant: Draft) -> None:
    assert _state(mini_banks, compliant, "A6.7") == "met"  # MFA with 8 characters
    _answer(mini_banks, compliant, "A6.7", "length_12")
    assert _state(mini_banks, compliant, "A6.7") == "not_met"  # 8 is too short without MFA
    _fields(mini_banks, compliant, "A6.7", min_length=12)
    assert _state(mini_banks, compliant, "A6.7") == "met"
    _answer(mini_banks, compliant, "A6.7", "none")
    assert _state(mini_banks, compliant, "A6.7") == "not_met"


def test_a_lockout_of_zero_attempts_is_not_met(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A6.6", 0)
    assert _state(mini_banks, compliant, "A6.6") == "not_met"
    _answer(mini_banks, compliant, "A6.6", 11)
    assert _state(mini_banks, compliant, "A6.6") == "not_met"


def test_good_practice_never_changes_either_result(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "GP1", "no")
    result = score(mini_banks, compliant)
    assert result.dspt[0].overall == "Standards Met" and result.ce[0].verdict == "Likely to pass"
    assert [r.item.ref for r in result.good_practice[0].findings] == ["GP1"]
    assert not result.good_practice[0].answered_all_met
    plan = build_action_plan(result, compliant)
    assert [(e.ref, e.priority_label) for e in plan] == [("GP1", "Low")]


def test_hidden_items_are_not_scored(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "A7.14", "no")  # MFA answered "no"...
    assert score(mini_banks, compliant).ce[0].verdict == "Would fail automatically"
    _answer(mini_banks, compliant, "A2.1", "no")  # ...but no cloud services: not asked
    result = score(mini_banks, compliant)
    assert result.ce[0].ready
    states = {r.item.ref: r.state for s in result.ce[0].sections for r in s.items}
    assert states["A7.14"] == "hidden"
    assert all(e.ref != "A7.14" for e in build_action_plan(result, compliant))


def test_action_plan_order_and_edits(mini_banks: list[Bank], compliant: Draft) -> None:
    _answer(mini_banks, compliant, "1.1.3", None, "not_sure")  # not mandatory: Low
    _fields(mini_banks, compliant, "1.1.2", completed=10)  # Met-level: Medium
    _answer(mini_banks, compliant, "1.1.1", "no")  # Approaching-level: High
    _answer(mini_banks, compliant, "A6.4", "no")  # auto-fail: Critical
    due = dt.date(2026, 9, 30)
    edit_action(compliant, "mini-training", owner="Practice manager", due=due)
    plan = build_action_plan(score(mini_banks, compliant), compliant)
    assert [(e.ref, e.priority_label) for e in plan] == [
        ("A6.4", "Critical"),
        ("1.1.1", "High"),
        ("1.1.2", "Medium"),
        ("1.1.3", "Low"),
    ]
    training = plan[2]
    assert (training.owner, training.due) == ("Practice manager", due)
    assert "50%" in training.reason and "95%" in training.reason
    assert training.action == "Train them."
    assert plan[3].reason == "Not sure."


# --- the real banks -------------------------------------------------------------------------------


@pytest.fixture
def real_draft(real_banks: list[Bank]) -> Draft:
    return new_draft("Riverside Surgery", "A12345", [b.framework.id for b in real_banks], as_at=AS_AT)


def test_real_banks_fully_compliant(real_banks: list[Bank], real_draft: Draft) -> None:
    answer_everything(real_banks, real_draft, AS_AT)
    result = score(real_banks, real_draft)
    assert result.dspt[0].overall == "Standards Met", [
        (r.item.ref, r.state, r.evaluation.problems) for s in result.dspt[0].standards for r in s.items
    ]
    assert all(s.status == "Standards Met" for s in result.dspt[0].standards)
    ce = result.ce[0]
    assert ce.verdict == "Likely to pass", [(r.item.ref, r.state) for r in ce.not_compliant + ce.unanswered]
    assert result.good_practice[0].findings == ()
    assert build_action_plan(result, real_draft) == []


def test_real_untouched_assessment_is_not_started(real_banks: list[Bank], real_draft: Draft) -> None:
    result = score(real_banks, real_draft)
    assert result.dspt[0].overall == "Not started"
    assert {s.status for s in result.dspt[0].standards} == {"Not started"}
    assert result.ce[0].verdict == "Not started" and result.ce[0].auto_fails == ()
    good = result.good_practice[0]
    assert not good.answered_all_met  # never "every item answered is met" of nothing answered
    assert len(good.unanswered) == sum(s.total for s in good.sections) > 0
    assert build_action_plan(result, real_draft) == []


def test_real_it_provider_marks_alone_meet_nothing(real_banks: list[Bank], real_draft: Draft) -> None:
    marked = [(b, i) for b in real_banks for i in b.items() if i.it_provider]
    assert len(marked) >= 20
    for _, item in marked:
        set_provider(real_draft, item, "ICB IT", AS_AT)
    result = score(real_banks, real_draft)
    assert result.dspt[0].overall == "Standards Not Met"
    assert result.ce[0].verdict == "Likely not compliant"
    plan = build_action_plan(result, real_draft)
    asked = {item.id for bank, item in marked if evaluate(bank, real_draft, item, AS_AT).state != "hidden"}
    assert {e.item_id for e in plan} == asked
    assert all(e.state == "awaiting_provider" for e in plan)


def test_real_banks_each_auto_fail_fails_alone(real_banks: list[Bank], real_draft: Draft) -> None:
    answer_everything(real_banks, real_draft, AS_AT)
    ce_bank = next(b for b in real_banks if b.framework.scoring == "cyber_essentials")
    for item in [i for i in ce_bank.items() if i.auto_fail]:
        before = real_draft.answer(item.id)
        set_answer(real_draft, item, "no")
        ce = score(real_banks, real_draft).ce[0]
        assert ce.verdict == "Would fail automatically" and [r.item.ref for r in ce.auto_fails] == [item.ref]
        set_answer(real_draft, item, None, "not_sure")
        ce = score(real_banks, real_draft).ce[0]
        assert ce.auto_fails == () and [r.item.ref for r in ce.not_compliant] == [item.ref]
        real_draft.answers[item.id] = before


def test_real_dspt_one_unmet_mandatory_lowers_status(real_banks: list[Bank], real_draft: Draft) -> None:
    answer_everything(real_banks, real_draft, AS_AT)
    dspt = next(b for b in real_banks if b.framework.scoring == "dspt")
    for level, expected in (("met", "Approaching Standards"), ("approaching", "Standards Not Met")):
        item = next(i for i in dspt.items() if i.required_for == level and i.derived is None)
        before = real_draft.answer(item.id)
        set_answer(real_draft, item, None, "not_sure")
        result = score(real_banks, real_draft).dspt[0]
        assert result.overall == expected
        standard = next(s for s in result.standards if s.section.id == dspt.section_of(item.id).id)
        assert standard.status == expected
        real_draft.answers[item.id] = before


def test_real_password_rules(real_banks: list[Bank], real_draft: Draft) -> None:
    answer_everything(real_banks, real_draft, AS_AT)
    _answer(real_banks, real_draft, "A7.10", "lockout")
    _fields(real_banks, real_draft, "A7.10", attempts=0)
    assert _state(real_banks, real_draft, "A7.10") == "not_met"
    _answer(real_banks, real_draft, "A7.10", "none")  # never locks
    assert _state(real_banks, real_draft, "A7.10") == "not_met"
    _answer(real_banks, real_draft, "A7.11", "length_12")
    _fields(real_banks, real_draft, "A7.11", min_length=8)
    assert _state(real_banks, real_draft, "A7.11") == "not_met"
    _answer(real_banks, real_draft, "A7.11", "length_8_blocklist")
    assert _state(real_banks, real_draft, "A7.11") == "met"
