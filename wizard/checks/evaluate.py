"""Turn a facts snapshot into results: pure, so saved snapshots re-evaluate the same."""

from __future__ import annotations

import datetime as dt

from wizard.checks import linux, macos, windows  # noqa: F401 - importing them registers their evaluators
from wizard.checks.catalogue import CATALOGUE, CheckInfo, ref_label
from wizard.checks.facts import Snapshot
from wizard.checks.registry import LINUX, MACOS, WINDOWS, Registry
from wizard.checks.verdict import Evaluator, Verdict
from wizard.core.check_results import CheckResult, DeviceInfo, DeviceReport

REGISTRIES: dict[str, Registry] = {r.system: r for r in (WINDOWS, MACOS, LINUX)}
EVALUATORS: dict[str, dict[str, Evaluator]] = {name: r.evaluators for name, r in REGISTRIES.items()}


def platforms_of(check_id: str) -> list[str]:
    return [os_name for os_name, table in EVALUATORS.items() if check_id in table]


def refs_of(check: CheckInfo) -> list[str]:
    """The questions a check gives evidence for, labelled: "Cyber Essentials A6.4", "DSPT 8.3.1"."""
    return [ref_label(ref) for ref in check.refs]


def _result(check: CheckInfo, verdict: Verdict, system: str, refs: list[str]) -> CheckResult:
    evidence = verdict.evidence
    read_at = dt.datetime.fromisoformat(evidence.read_at) if evidence and evidence.read_at else None
    advice = (
        "" if verdict.status in ("pass", "not_applicable") else verdict.remediation or check.advice(system)
    )
    return CheckResult(
        check_id=check.id,
        title=check.title,
        status=verdict.status,
        finding=verdict.finding,
        theme=check.theme,
        refs=refs,
        remediation=advice,
        source=evidence.source if evidence else "",
        raw=verdict.shown_raw(),
        read_at=read_at,
    )


def evaluate_one(snapshot: Snapshot, evaluator: Evaluator) -> Verdict:
    try:
        return evaluator(snapshot)
    except Exception as exc:  # a bug in one evaluator must not hide the others
        return Verdict("unable", f"The check itself failed ({type(exc).__name__}: {exc}).")


def evaluate(snapshot: Snapshot) -> DeviceReport:
    """Every check that runs on the snapshot's system."""
    table = EVALUATORS.get(snapshot.os, {})
    results = [
        _result(check, evaluate_one(snapshot, table[check.id]), snapshot.os, refs_of(check))
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
