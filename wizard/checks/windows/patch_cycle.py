"""Microsoft's monthly release cycle, and what a PC's update revision says about it.

Windows security fixes arrive on the second Tuesday of each month. A PC is up
to date when it installed the newest monthly release, however long ago that
came out, or when that release is younger than the Cyber Essentials limit
(14 days) and the PC has the one before. The numbers live in the catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wizard.checks.catalogue import threshold
from wizard.checks.eol import windows_revision_dates


def release_day(year: int, month: int) -> dt.date:
    """The monthly release day: by default the second Tuesday of the month."""
    weekday = threshold("updates_recent", "windows_release_weekday")
    week = threshold("updates_recent", "windows_release_week")
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def latest_release(day: dt.date) -> dt.date:
    """The newest monthly release on or before ``day``."""
    this_month = release_day(day.year, day.month)
    if this_month <= day:
        return this_month
    return release_before(this_month)


def release_before(release: dt.date) -> dt.date:
    year, month = (release.year, release.month - 1) if release.month > 1 else (release.year - 1, 12)
    return release_day(year, month)


@dataclass(frozen=True)
class Cycle:
    """Where ``today`` stands: the newest release, the one before, and the grace for the newest."""

    today: dt.date
    newest: dt.date
    previous: dt.date
    grace_days: int

    @property
    def in_grace(self) -> bool:
        return (self.today - self.newest).days <= self.grace_days

    def overdue(self, released: dt.date) -> bool:
        """Whether an update released on this day should be installed by now."""
        return (self.today - released).days > self.grace_days

    def current(self, installed: dt.date) -> bool:
        """Whether something installed (or released) on this day keeps the PC up to date."""
        return installed >= self.newest or (self.in_grace and installed >= self.previous)


def cycle(today: dt.date) -> Cycle:
    newest = latest_release(today)
    return Cycle(today, newest, release_before(newest), threshold("updates_recent", "critical_update_days"))


@dataclass(frozen=True)
class Revision:
    """What the table says of a revision: the newest release it includes, the oldest it lacks."""

    has: dt.date | None  # the newest listed update whose revision this one reaches
    lacks: dt.date | None  # the oldest listed update with a higher revision
    table_ends: dt.date | None  # the newest update the table lists for this build


def revision(build: int, ubr: int) -> Revision:
    dates = windows_revision_dates(build)
    has = max((day for number, day in dates.items() if number <= ubr), default=None)
    lacks = min((day for number, day in dates.items() if number > ubr), default=None)
    return Revision(has, lacks, max(dates.values(), default=None))
