"""Dates as a practice manager types them (en-GB): 15/09/2025, 15092025, 15/9/25, 15.09.2025.

One reading for every date the program takes, in the wizard and on the command
line, so the same typing means the same day everywhere. ISO dates (2025-09-15)
are understood too, because scripts and files use them.
"""

from __future__ import annotations

import datetime as dt
import re

_SEPARATED = re.compile(r"^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")


class DateTextError(ValueError):
    """The text is not a date; the message says how to type one."""


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def parse_day(text: str) -> dt.date | None:
    """The day the text means, None for empty text; DateTextError (plain words) otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    iso = _ISO.match(cleaned)
    found = _SEPARATED.match(cleaned) or _DIGITS.match(cleaned)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if found:
            day, month, year = found.groups()
            return dt.date(_year(year), int(month), int(day))
    except ValueError as exc:
        raise DateTextError(
            f"“{cleaned}” is not a real date. Type it as day/month/year, e.g. 15/09/2025."
        ) from exc
    raise DateTextError(f"“{cleaned}” is not a date. Type it as day/month/year, e.g. 15/09/2025.")


def day_text(day: dt.date) -> str:
    """15/09/2025: the form the ICB and the practice read."""
    return day.strftime("%d/%m/%Y")
