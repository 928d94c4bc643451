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


def windows_support(build: int, edition_id: str, today: dt.date) -> Support:
    rows = sorted(table()["windows"], key=lambda r: r["build"])
    edition = edition_id.lower()
    group = (
        "ltsc"
        if "enterprises" in edition or "iotenterprises" in edition
        else "enterprise_education"
        if edition.startswith(("enterprise", "education"))
        else "home_pro"
    )
    for row in rows:
        if row["build"] == build:
            end = row.get(group) or row.get("home_pro")
            return _verdict(row["name"], end, today)
    if build > rows[-1]["build"]:
        return Support(None, f"Windows build {build}", None, "newer than this program's table")
    return Support(False, f"Windows build {build}", None, "older than any supported release")


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
