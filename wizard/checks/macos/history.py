"""Parse 'softwareupdate --history': which updates were installed, and when.

softwareupdate formats the date column with the Mac's region setting, whatever
``LC_ALL`` says: 18/02/2025 in the UK, 02/18/2025 in the US, 18.02.2025 in
Germany, 2025-02-18 or 2025/02/18 elsewhere. Only these numeric forms are read;
a date written in words is left undated rather than guessed. When no row shows
whether the day or the month comes first (every day 12 or less), each date is
kept with both of its possible readings, so a check can never call a Mac up
to date on the strength of a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_ROW = re.compile(
    r"^(?P<name>\S.*?)\s{2,}(?:(?P<version>\S+)\s+)?"
    r"(?P<date>(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4}))"
    # A date is followed by its time or ends the row; this keeps a version such as 15.7.2 from
    # passing for a date.
    r"(?=,?\s+\d{1,2}[:.]\d{2}|\s*$)"
)
_OS_NAMES = re.compile(
    r"^(macOS|Mac OS X|OS X)\b|Security (Update|Response)|Background Security", re.IGNORECASE
)
_SECURITY_DATA = re.compile(r"^(XProtect|MRT|Gatekeeper|Bridge OS|XProtectPlistConfigData)", re.IGNORECASE)


def update_kind(name: str) -> str:
    """'os' for macOS and its security updates, 'security_data' for XProtect and friends, else 'other'."""
    if _OS_NAMES.search(name):
        return "os"
    if _SECURITY_DATA.search(name):
        return "security_data"
    return "other"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _order_hint(a: str, b: str) -> str:
    """What one row alone says about the order: 'ymd', 'dmy', 'mdy' or 'either'."""
    if len(a) == 4:
        return "ymd"
    if int(a) > 12:
        return "dmy"
    if int(b) > 12:
        return "mdy"
    return "either"


def _column_order(hints: list[str]) -> str:
    """One order for the whole column: rows that can tell decide for those that cannot."""
    decided = {h for h in hints if h != "either"}
    if len(decided) > 1:
        raise ValueError(f"the update history mixes date orders ({', '.join(sorted(decided))})")
    if decided:
        return decided.pop()
    return "ambiguous" if hints else "none"


def _resolve(match: re.Match[str], order: str) -> tuple[dt.date | None, dt.date | None]:
    """The row's date under the column's order, and its other reading when the order is unknown."""
    a, b, c = match.group("a"), match.group("b"), match.group("c")
    if order == "ymd":
        return _date_or_none(int(a), int(b), int(c)), None
    day_first = _date_or_none(_year(c), int(b), int(a))
    month_first = _date_or_none(_year(c), int(a), int(b))
    if order == "dmy":
        return day_first, None
    if order == "mdy":
        return month_first, None
    readings = sorted({d for d in (day_first, month_first) if d is not None})
    if len(readings) == 2:
        return readings[0], readings[1]
    return (readings[0] if readings else None), None


def _rows(text: str) -> list[str]:
    """The lines after the dashed separator under the header (all lines if there is none)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() and set(line.strip()) <= {"-", " "}:
            return [row for row in lines[index + 1 :] if row.strip()]
    return [row for row in lines if _ROW.match(row)]


def parse_update_history(text: str) -> dict[str, Any]:
    """Entries with name, version, kind, ISO date (or None) and the date as written.

    ``date_other`` is set only when the row could mean two dates: ``date`` is
    then the earlier reading and ``date_other`` the later one.
    """
    rows = _rows(text)
    matches = [(row, _ROW.match(row)) for row in rows]
    hints = [_order_hint(m.group("a"), m.group("b")) for _, m in matches if m]
    order = _column_order(hints)
    entries: list[dict[str, Any]] = []
    for row, match in matches:
        if match is None:
            name = re.split(r"\s{2,}", row.strip())[0]
            entries.append(
                {
                    "name": name,
                    "version": None,
                    "kind": update_kind(name),
                    "date": None,
                    "date_text": row.strip(),
                }
            )
            continue
        date, other = _resolve(match, order)
        name = match.group("name").strip()
        entries.append(
            {
                "name": name,
                "version": match.group("version"),
                "kind": update_kind(name),
                "date": date.isoformat() if date else None,
                "date_text": match.group("date"),
                "date_other": other.isoformat() if other else None,
            }
        )
    return {"entries": entries, "date_order": order}
