"""End-of-support dates, read from assets/end-of-support.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from wizard.core.paths import resource_path


@dataclass(frozen=True)
class Support:
    """What the table says: ``supported`` is None when the table cannot tell."""

    supported: bool | None
    name: str
    end: dt.date | None
    note: str = ""


@cache
def table() -> dict[str, Any]:
    data = yaml.safe_load(resource_path("assets", "end-of-support.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("the end-of-support table is damaged")
    return data


def _verdict(name: str, end: dt.date | None, today: dt.date) -> Support:
    if end is None:
        return Support(True, name, None, f"still supported when the table was checked ({table()['checked']})")
    return Support(today <= end, name, end)


def edition_group(edition_id: str) -> str:
    """Which lifecycle an EditionID follows: home_pro, enterprise_education, ltsc or iot_ltsc."""
    edition = edition_id.lower()
    if edition in ("iotenterprises", "iotenterprisesk"):
        return "iot_ltsc"
    if edition in ("enterprises", "enterprisesn"):
        return "ltsc"
    if edition.startswith(("enterprise", "education", "iotenterprise", "serverrdsh")):
        return "enterprise_education"
    return "home_pro"


def windows_support(build: int, edition_id: str, today: dt.date) -> Support:
    """The end of support for this build and edition; ``supported`` None when the table cannot tell."""
    rows = {row["build"]: row for row in table()["windows"]}
    row = rows.get(build)
    if row is None:
        newer = build > max(rows)
        note = "newer than this program's table" if newer else "a build this program's table does not know"
        return Support(None, f"Windows build {build}", None, note)
    group = edition_group(edition_id)
    end = row.get(group) or (row.get("home_pro") if group == "enterprise_education" else None)
    if end is None:
        return Support(
            None, f"{row['name']} ({edition_id})", None, "an edition this program's table does not date"
        )
    return _verdict(row["name"], end, today)


def windows_revision_dates(build: int) -> dict[int, dt.date]:
    """Update revision (UBR) -> release day of that month's cumulative update, for one build."""
    found: dict[int, dt.date] = {}
    for line in table().get("windows_revisions", []):
        if build in line["builds"]:
            found.update({int(ubr): day for ubr, day in line["revisions"].items()})
    return dict(sorted(found.items()))


def macos_support(major: int, today: dt.date) -> Support:
    rows = sorted(table()["macos"], key=lambda r: r["major"])
    for row in rows:
        if row["major"] == major:
            return _verdict(row["name"], row["end"], today)
    if major > rows[-1]["major"]:
        return Support(None, f"macOS {major}", None, "newer than this program's table")
    return Support(False, f"macOS {major}", None, "older than any supported release")


def linux_support(distro: str, version: str, today: dt.date) -> Support:
    for row in table()["linux"]:
        if row["id"] == distro and str(row["version"]) == version:
            return _verdict(row["name"], row["end"], today)
    return Support(None, f"{distro} {version}", None, "not in this program's table")
