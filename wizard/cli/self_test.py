"""``--self-test``: prove this copy of the program can do its whole job on this PC.

It is what to run after copying the program to a stick or to a new PC, and what
CI runs on every bundle: a bundle that lost a data file, a library or a Qt
plugin fails here, in plain words, rather than in front of a practice manager.

Each step uses the same code the wizard uses: load both banks, run the checks on
this PC, make a throwaway signing key, build and sign a pack from the built-in
demo assessment, and verify it. The practice's own data is never touched: the
work happens in a temporary folder (inside ``data/`` on a portable stick, so
nothing lands on the PC), which is removed at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wizard import APP_NAME, __version__
from wizard.app.checks import check_this_pc
from wizard.app.packs import sign_pack
from wizard.checks.catalogue import CHECK_IDS
from wizard.core.bank.answer_maps import check_map, load_maps
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, load_banks
from wizard.core.check_results import DeviceReport, status_summary
from wizard.core.demo import demo_draft
from wizard.core.draft.evidence import add_evidence
from wizard.core.draft.store import save_draft
from wizard.core.env_names import DATA_ENV, PASSPHRASE_ENV
from wizard.core.estate import add_device_report
from wizard.core.paths import data_dir, is_installed, is_portable
from wizard.pack.build import PackResult
from wizard.pack.identity.store import create_identity, load_identity
from wizard.pack.sign import SigningKey
from wizard.pack.verify import verify_file

EVIDENCE_ITEM = "7.3.4"  # the demo's backup item: a small note stands in for a restore log


class StepSkippedError(Exception):
    """A step that cannot run because an earlier one it needs failed."""


@dataclass
class SelfTestRun:
    """What the steps hand on to each other."""

    workdir: Path
    banks: list[Bank] = field(default_factory=list)
    report: DeviceReport | None = None
    key: SigningKey | None = None
    passphrase: str = ""
    draft_path: Path | None = None
    pack: PackResult | None = None

    def need(self, what: str, value: object) -> None:
        if not value:
            raise StepSkippedError(f"needs the {what} step")


Step = tuple[str, Callable[[SelfTestRun], str]]


def _banks(run: SelfTestRun) -> str:
    run.banks = load_banks(None, CHECK_IDS)
    maps = load_maps()
    problems = [p for m in maps for p in check_map(m, run.banks)]
    if problems:
        raise BankError(problems)
    counts = "; ".join(
        f"{bank.framework.short_name} {bank.framework.version}: {sum(1 for _ in bank.items())} items"
        for bank in run.banks
    )
    return f"{counts}; {len(maps)} answer maps"


def _checks(run: SelfTestRun) -> str:
    run.report = check_this_pc().report
    results = run.report.results
    if all(r.status == "unable" for r in results):
        raise RuntimeError(f"none of the {len(results)} checks could read this PC")
    return (
        f"{len(results)} checks on {run.report.device.hostname} ({run.report.device.os_name}): "
        f"{status_summary(results)}. They describe this PC; the step passes when the checks ran"
    )


def _identity(run: SelfTestRun) -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    passphrase = given or secrets.token_urlsafe(24)
    folder = run.workdir / "data"
    create_identity("Self-test (not a real practice)", "A12345", passphrase, folder)
    identity = load_identity(passphrase, folder)  # reopen, as signing does
    run.key = identity.signing_key()
    run.passphrase = passphrase
    source = f"the passphrase from {PASSPHRASE_ENV}" if given else "a random passphrase"
    return f"throwaway key made and reopened with {source}; fingerprint {identity.fingerprint[:23]}…"


def _pack(run: SelfTestRun) -> str:
    run.need("banks", run.banks)
    run.need("identity", run.key)
    assert run.key is not None
    draft = demo_draft(run.banks, dt.date.today())
    if run.report is not None:
        add_device_report(draft, run.report)
    run.draft_path = run.workdir / "data" / "drafts" / "Riverside Surgery (demo).json"
    run.draft_path.parent.mkdir(parents=True)
    note = run.workdir / "restore-test-note.txt"
    note.write_text("Self-test: stands in for a backup restore log.\n", encoding="utf-8")
    item = next(filter(None, (bank.find(EVIDENCE_ITEM) for bank in run.banks)))
    add_evidence(draft, run.draft_path, item, note)
    save_draft(run.draft_path, draft)
    out = run.workdir / "demo-pack.pdf"
    run.pack = sign_pack(
        run.banks, draft, run.draft_path, run.passphrase, out, data=run.workdir / "data"
    ).result
    return (
        f"demo pack built and signed: {run.pack.page_count} pages, {run.pack.attachment_count} "
        f"attached files, {run.pack.size // 1024} KB"
    )


def _verify(run: SelfTestRun) -> str:
    run.need("pack", run.pack)
    assert run.pack is not None and run.key is not None
    verdict = verify_file(run.pack.path, [run.key.certificate], None)
    if not verdict.ok:
        raise RuntimeError("the pack did not verify: " + " ".join(verdict.problems))
    if verdict.summary.get("document_id") != run.pack.document_id:
        raise RuntimeError("the embedded summary is not the one this pack was built with")
    banks_read = {b["id"]: b["sha256"] for b in verdict.summary.get("banks", [])}
    if banks_read != {b.framework.id: b.sha256 for b in run.banks}:
        raise RuntimeError("the embedded summary names other question banks than the ones loaded")
    return f"signature valid, nothing changed since signing, summary matches document {run.pack.document_id}"


CORE_STEPS: list[Step] = [
    ("banks", _banks),
    ("checks", _checks),
    ("identity", _identity),
    ("pack", _pack),
    ("verify", _verify),
]


def _where() -> str:
    if getattr(sys, "frozen", False):
        bundle = Path(getattr(sys, "_MEIPASS", ""))
        onedir = bundle.parent == Path(sys.executable).resolve().parent
        kind = "onedir bundle" if onedir else f"onefile bundle, unpacked into {bundle.parent} for this run"
    else:
        kind = "installed package" if is_installed() else "from source"
    place = f"portable, data in {data_dir()}" if is_portable() else f"data in {data_dir()}"
    return f"{kind}; {place} (not touched)"


def _work_folder() -> Path:
    """A temporary folder: inside the stick's data folder when portable, else the PC's temp."""
    parent = None
    if is_portable():
        parent = data_dir()
        parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="self-test-", dir=parent))


def _run_step(name: str, action: Callable[[SelfTestRun], str], run: SelfTestRun) -> bool:
    started = time.perf_counter()
    try:
        detail = action(run)
    except StepSkippedError as skipped:
        print(f"SKIP  {name:<9} {skipped}", flush=True)
        return False
    except Exception as exc:  # a self-test reports every failure and goes on to the next step
        print(f"FAIL  {name:<9} {type(exc).__name__}: {exc}", flush=True)
        return False
    print(f"PASS  {name:<9} {detail} ({time.perf_counter() - started:.1f} s)", flush=True)
    return True


def run_self_test(extra_steps: Sequence[Step] = (), core_steps: Sequence[Step] = CORE_STEPS) -> int:
    """Run every step (the core ones, then the extra ones), one line each; 0 only when all passed."""
    print(f"{APP_NAME} {__version__} self-test ({_where()})", flush=True)
    steps = [*core_steps, *extra_steps]
    try:
        workdir = _work_folder()
    except OSError as exc:
        place = data_dir() if is_portable() else Path(tempfile.gettempdir())
        print(
            f"FAIL  setup     no temporary folder could be made in {place} ({exc.strerror or exc})",
            flush=True,
        )
        print("Self-test FAILED: nothing could be tried. Is the stick write-protected or full?", flush=True)
        return 1
    saved_env = os.environ.get(DATA_ENV)
    os.environ[DATA_ENV] = str(workdir / "data")  # anything a step saves lands in the work folder
    try:
        run = SelfTestRun(workdir)
        passed = sum(_run_step(name, action, run) for name, action in steps)
    finally:
        if saved_env is None:
            os.environ.pop(DATA_ENV, None)
        else:
            os.environ[DATA_ENV] = saved_env
        shutil.rmtree(workdir, ignore_errors=True)
    if workdir.exists():
        print(f"Note: the temporary folder {workdir} could not be removed.", flush=True)
    if passed == len(steps):
        print(f"Self-test passed: all {len(steps)} steps.", flush=True)
        return 0
    print(f"Self-test FAILED: {len(steps) - passed} of {len(steps)} steps did not pass.", flush=True)
    return 1
