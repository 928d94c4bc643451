"""One file per device in the estate folder: the results and the raw facts behind them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wizard.checks.facts import Snapshot
from wizard.core.atomic import atomic_write
from wizard.core.check_results import DeviceReport

DEVICE_SCHEMA = "gp-cyber-wizard/device"


def device_file_name(report: DeviceReport) -> str:
    host = re.sub(r"[^A-Za-z0-9_-]+", "_", report.device.hostname)[:40] or "device"
    return f"{host}-{report.device.machine_id}.json"


def save_device_file(folder: Path, report: DeviceReport, snapshot: Snapshot) -> Path:
    """Write (or replace) this device's file; nothing else in the folder is touched."""
    data = {
        "schema": DEVICE_SCHEMA,
        "schema_version": 1,
        "report": report.model_dump(mode="json", by_alias=True),
        "facts": snapshot.to_json(),
    }
    target = folder / device_file_name(report)
    atomic_write(target, (json.dumps(data, indent=1, default=str) + "\n").encode("utf-8"))
    return target


def read_device_file(path: Path) -> tuple[DeviceReport, Snapshot | None]:
    """A device file, or a bare facts snapshot (its report is then made fresh by the caller)."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path.name} could not be read ({exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != DEVICE_SCHEMA:
        raise ValueError(f"{path.name} is not a GP Cyber Wizard device file")
    try:
        report = DeviceReport.model_validate(data["report"])
        snapshot = Snapshot.from_json(data["facts"]) if data.get("facts") else None
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"{path.name} is damaged ({exc})") from exc
    return report, snapshot


def estate_reports(folder: Path) -> tuple[list[DeviceReport], list[str]]:
    """Every readable device file in a folder, and a plain message for each that is not."""
    reports: list[DeviceReport] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            reports.append(read_device_file(path)[0])
        except ValueError as exc:
            problems.append(str(exc))
    return reports, problems
