"""Check results from every device, kept in the draft, and the answers they suggest.

Suggestions are only ever offered: the practice manager confirms each one, and
an answer they gave is never changed by a check.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.bank.model import Bank
from wizard.core.check_results import CheckResult, DeviceReport
from wizard.core.describe import plural
from wizard.core.draft.model import Draft


@dataclass(frozen=True)
class Suggestion:
    value: str
    reason: str  # plain English: which devices and checks it rests on


def add_device_report(draft: Draft, report: DeviceReport) -> None:
    """Keep (or replace) one device's results in the draft, keyed by its machine id."""
    draft.check_results[report.device.machine_id] = report


def device_reports(draft: Draft) -> list[DeviceReport]:
    """The draft's device results, by computer name."""
    return sorted(draft.check_results.values(), key=lambda r: r.device.hostname.lower())


def _linked(reports: list[DeviceReport], check_ids: list[str]) -> list[tuple[str, CheckResult]]:
    return [(r.device.hostname, res) for r in reports for res in r.results if res.check_id in check_ids]


def _problem(host: str, result: CheckResult) -> str:
    """'on RECEPTION-1, no anti-malware software was found': the finding, never the check's title."""
    finding = result.finding.rstrip(".")
    return f"on {host}, {finding[:1].lower()}{finding[1:]}"


def suggestions(banks: list[Bank], draft: Draft) -> dict[str, Suggestion]:
    """Item id -> suggested answer, for yes/no items whose linked checks all agree."""
    reports = device_reports(draft)
    found: dict[str, Suggestion] = {}
    if not reports:
        return found
    for bank in banks:
        for item in bank.items():
            rule = item.meets
            if item.type != "yes_no" or not item.checks or rule is None or rule.equals is None:
                continue
            linked = _linked(reports, item.checks)
            failing = [
                f"on {host}, {res.finding[:1].lower()}{res.finding[1:]}"
                for host, res in linked
                if res.status == "fail"
            ]
            passing = [res for _, res in linked if res.status == "pass"]
            good, bad = rule.equals, "no" if rule.equals == "yes" else "yes"
            if failing:
                shown = "; ".join(failing[:4]) + (f" and {len(failing) - 4} more" if len(failing) > 4 else "")
                found[item.id] = Suggestion(bad, f"The computer checks found a problem: {shown}.")
            elif passing and all(res.status in ("pass", "not_applicable") for _, res in linked):
                devices = len({host for host, _ in linked})
                found[item.id] = Suggestion(
                    good, f"The computer checks passed on {plural(devices, 'computer')}."
                )
    return found
