"""Turn a facts snapshot into results: pure, so saved snapshots re-evaluate the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wizard.checks import linux, macos, windows  # noqa: F401 - importing them registers their evaluators
from wizard.checks.catalogue import CATALOGUE, CheckInfo, ref_label
from wizard.checks.facts import Snapshot
from wizard.checks.registry import LINUX, MACOS, WINDOWS, Registry
from wizard.checks.verdict import Evaluator, Verdict
from wizard.core.bank import Bank
from wizard.core.check_results import CheckResult, DeviceInfo, DeviceReport

REGISTRIES: dict[str, Registry] = {r.system: r for r in (WINDOWS, MACOS, LINUX)}
EVALUATORS: dict[str, dict[str, Evaluator]] = {name: r.evaluators for name, r in REGISTRIES.items()}


def platforms_of(check_id: str) -> list[str]:
    return [os_name for os_name, table in EVALUATORS.items() if check_id in table]


def dspt_refs_by_check(banks: list[Bank]) -> dict[str, list[str]]:
    """Which bank items link each check (``checks`` lists), labelled like the catalogue's refs."""
    refs: dict[str, list[str]] = {}
    for bank in banks:
        for item in bank.items():
            for check_id in item.checks:
                refs.setdefault(check_id, []).append(f"{bank.framework.short_name} {item.ref}")
    return refs


def refs_of(check: CheckInfo, from_banks: Mapping[str, list[str]] | None) -> list[str]:
    """The catalogue's refs first, then any a question bank adds that the catalogue lacks."""
    refs = [ref_label(ref) for ref in check.refs]
    return refs + [ref for ref in (from_banks or {}).get(check.id, []) if ref not in refs]


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


def evaluate(snapshot: Snapshot, refs: Mapping[str, list[str]] | None = None) -> DeviceReport:
    """Every check that runs on the snapshot's system; ``refs`` adds the question banks' own links."""
    table = EVALUATORS.get(snapshot.os, {})
    results = [
        _result(check, evaluate_one(snapshot, table[check.id]), snapshot.os, refs_of(check, refs))
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
