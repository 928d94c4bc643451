"""The toolkit year: a bank says its period, and the wizard says plainly when it has ended."""

from __future__ import annotations

import datetime as dt

from wizard.core.bank.model import Bank
from wizard.core.toolkit_year import as_at_notice, notices, period_notice


def _dspt(banks: list[Bank]) -> Bank:
    return next(b for b in banks if b.framework.scoring == "dspt")


def test_each_bank_carries_its_period(real_banks: list[Bank]) -> None:
    dspt = _dspt(real_banks).framework
    assert dspt.period is not None and (dspt.period.start, dspt.period.end) == (
        dt.date(2025, 7, 1),
        dt.date(2026, 6, 30),
    )
    assert dspt.deadline == dt.date(2026, 6, 30)
    assert all(b.framework.period is not None for b in real_banks if b.framework.scoring != "good_practice")


def test_an_ended_period_is_said_in_plain_words(real_banks: list[Bank]) -> None:
    bank = _dspt(real_banks)
    assert period_notice(bank, dt.date(2026, 6, 30)) is None
    words = period_notice(bank, dt.date(2026, 12, 1))
    assert words is not None
    assert "DSPT 2025-26, which ended on 30 June 2026" in words and "deadline was 30 June 2026" in words
    assert "check for an update" in words


def test_an_as_at_date_outside_the_period_is_flagged(real_banks: list[Bank]) -> None:
    bank = _dspt(real_banks)
    assert as_at_notice(bank, dt.date(2026, 3, 31)) is None
    assert "outside the period" in (as_at_notice(bank, dt.date(2026, 12, 1)) or "")
    assert notices(real_banks, dt.date(2026, 5, 1), dt.date(2026, 5, 2)) == []
    assert len(notices(real_banks, dt.date(2026, 12, 1), dt.date(2026, 12, 1))) == 2
