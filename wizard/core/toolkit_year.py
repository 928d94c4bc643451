"""Is a bank still the one to use? The toolkit year and its deadline, in plain words.

A practice may open the program long after the toolkit year its questions were
written for; it must be told, not left to submit against last year's items.
"""

from __future__ import annotations

import datetime as dt

from wizard.core.bank.model import Bank


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_words(bank: Bank) -> str:
    """'1 July 2025 to 30 June 2026', or 'from 27 April 2026'."""
    period = bank.framework.period
    if period is None:
        return ""
    if period.end is None:
        return f"from {long_date(period.start)}"
    return f"{long_date(period.start)} to {long_date(period.end)}"


def period_notice(bank: Bank, today: dt.date) -> str | None:
    """A warning when the bank's period has ended (or not begun) on ``today``, else None."""
    framework = bank.framework
    period = framework.period
    if period is None:
        return None
    name = f"{framework.short_name} {framework.version}"
    if period.end is not None and today > period.end:
        deadline = f" Its deadline was {long_date(framework.deadline)}." if framework.deadline else ""
        return (
            f"These questions are for {name}, which ended on {long_date(period.end)}.{deadline} "
            "A newer version may ask different questions: check for an update of GP Cyber Wizard "
            "before you use this for a new submission."
        )
    if today < period.start:
        return f"These questions are for {name}, which does not start until {long_date(period.start)}."
    return None


def as_at_notice(bank: Bank, as_at: dt.date) -> str | None:
    """A warning when the assessment's as-at date falls outside the bank's period, else None."""
    period = bank.framework.period
    if period is None:
        return None
    if as_at < period.start or (period.end is not None and as_at > period.end):
        framework = bank.framework
        return (
            f"The assessment is dated {long_date(as_at)}, outside the period {framework.short_name} "
            f"{framework.version} covers ({period_words(bank)})."
        )
    return None


def notices(banks: list[Bank], as_at: dt.date, today: dt.date) -> list[str]:
    """Every warning about the banks' periods, for the banks the assessment includes."""
    found: list[str] = []
    for bank in banks:
        for notice in (period_notice(bank, today), as_at_notice(bank, as_at)):
            if notice:
                found.append(notice)
    return found
