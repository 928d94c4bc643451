"""Check this PC, keep its results for the estate, and gather the other computers' results."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.checks.device_file import estate_reports, save_device_file
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Snapshot
from wizard.checks.runner import Progress, collect
from wizard.checks.this_pc import collector_for_this_os
from wizard.core.check_results import DeviceReport
from wizard.core.data_folder import data_folder


@dataclass(frozen=True)
class CheckRun:
    """This PC's results, and the raw facts they were judged from."""

    report: DeviceReport
    snapshot: Snapshot


@dataclass(frozen=True)
class EstateImport:
    folder: Path
    reports: list[DeviceReport]
    problems: list[str]  # one plain sentence per file that could not be read

    @property
    def found(self) -> bool:
        return self.folder.is_dir()


def read_this_pc(progress: Progress | None = None) -> Snapshot:
    """The raw facts of this PC: read-only reads, each within its time limit."""
    return collect(collector_for_this_os(), progress)


def judge(snapshot: Snapshot) -> CheckRun:
    """Judge facts: read just now, or recorded earlier (``check --facts``)."""
    return CheckRun(evaluate(snapshot), snapshot)


def check_this_pc(progress: Progress | None = None) -> CheckRun:
    """Read this PC and judge what was read."""
    return judge(read_this_pc(progress))


def keep_for_the_estate(run: CheckRun, folder: Path | None = None) -> Path:
    """Save the results where the practice's other computers' results are gathered; OSError if it cannot."""
    target = folder or data_folder().estate
    target.mkdir(parents=True, exist_ok=True)
    return save_device_file(target, run.report, run.snapshot)


def import_estate(folder: Path | None = None) -> EstateImport:
    """Every computer's results saved in the estate folder (nothing found if it does not exist)."""
    where = folder or data_folder().estate
    if not where.is_dir():
        return EstateImport(where, [], [])
    reports, problems = estate_reports(where)
    return EstateImport(where, reports, problems)
