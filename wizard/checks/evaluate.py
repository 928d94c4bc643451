"""Turn a facts snapshot into results: pure, so saved snapshots re-evaluate the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wizard.checks import linux_eval, macos_eval, windows_eval
from wizard.checks.catalogue import CATALOGUE, CheckInfo
from wizard.checks.facts import Snapshot
from wizard.checks.remediation import REMEDIATION
from wizard.checks.verdict import Evaluator, Verdict
from wizard.core.bank import Bank
from wizard.core.check_results import CheckResult, DeviceInfo, DeviceReport

EVALUATORS: dict[str, dict[str, Evaluator]] = {
    "linux": linux_eval.EVALUATORS,
    "macos": macos_eval.EVALUATORS,
    "windows": windows_eval.EVALUATORS,
}


def platforms_of(check_id: str) -> list[str]:
    return [os_name for os_name, table in EVALUATORS.items() if check_id in table]


def dspt_refs_by_check(banks: list[Bank]) -> dict[str, list[str]]:
    """Which bank items each check gives evidence for, from the banks' own ``checks`` lists."""
    refs: dict[str, list[str]] = {}
    for bank in banks:
        for item in bank.items():
            for check_id in item.checks:
                refs.setdefault(check_id, []).append(f"{bank.framework.short_name} {item.ref}")
    return refs


def _result(check: CheckInfo, verdict: Verdict, refs: list[str]) -> CheckResult:
    evidence = verdict.evidence
    read_at = dt.datetime.fromisoformat(evidence.read_at) if evidence and evidence.read_at else None
    advice = (
        ""
        if verdict.status in ("pass", "not_applicable")
        else verdict.remediation or REMEDIATION.get(check.id, "")
    )
    return CheckResult(
        check_id=check.id,
        title=check.title,
        status=verdict.status,
        finding=verdict.finding,
        theme=check.theme,
        dspt_refs=refs,
        remediation=advice,
        source=evidence.source if evidence else "",
        raw=verdict.shown_raw(),
        read_at=read_at,
    )


def evaluate_one(check: CheckInfo, snapshot: Snapshot, evaluator: Evaluator) -> Verdict:
    try:
        return evaluator(snapshot)
    except Exception as exc:  # a bug in one evaluator must not hide the others
        return Verdict("unable", f"The check itself failed ({type(exc).__name__}: {exc}).")


def evaluate(snapshot: Snapshot, refs: Mapping[str, list[str]] | None = None) -> DeviceReport:
    table = EVALUATORS.get(snapshot.os, {})
    results = [
        _result(check, evaluate_one(check, snapshot, table[check.id]), list((refs or {}).get(check.id, [])))
        for check in CATALOGUE
        if check.id in table
    ]
    device = DeviceInfo(
        hostname=snapshot.hostname,
        machine_id=snapshot.machine_id,
        os=snapshot.os,
        os_name=snapshot.os_name,
        elevated=snapshot.elevated,
        locale=snapshot.locale,
        program_version=snapshot.program_version,
    )
    return DeviceReport(
        device=device, checked_at=dt.datetime.fromisoformat(snapshot.collected_at), results=results
    )
