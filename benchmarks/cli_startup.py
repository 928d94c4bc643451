"""How long a command takes as a whole process: what a script (or the ICB) waits for.

    .venv/bin/python benchmarks/cli_startup.py [--runs 7] [--root CHECKOUT]

Times ``python -m wizard --version``, ``bank validate``, ``check --list --json``
and ``verify`` of one signed pack, each a new process, and prints the medians.
``--root`` times another checkout of the program (an older commit in a git
worktree, say) with the same interpreter, for a before/after figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _one_pack(work: Path) -> tuple[Path, Path]:
    """A signed demo pack and its certificate, made in this process (not timed)."""
    os.environ["GPCW_DATA_DIR"] = str(work / "data")
    from wizard.core.bank.model import load_banks
    from wizard.core.demo import demo_draft
    from wizard.core.draft.store import save_draft
    from wizard.pack.build import build_pack
    from wizard.pack.identity.store import create_identity, export_certificate

    banks = load_banks()
    identity = create_identity("Riverside Surgery", "A12345", "benchmark passphrase")
    draft = demo_draft(banks, dt.date.today())
    draft_path = work / "riverside.json"
    save_draft(draft_path, draft)
    pack = work / "riverside.pdf"
    build_pack(banks, draft, draft_path, identity.signing_key(), pack)
    return pack, export_certificate(work / "riverside.pem")


def _median_run(argv: list[str], cwd: Path, runs: int, work: Path) -> tuple[float, int]:
    env = {**os.environ, "GPCW_DATA_DIR": str(work / "data"), "QT_QPA_PLATFORM": "offscreen"}
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "wizard", *argv], cwd=cwd, env=env, capture_output=True, timeout=300
        )
        times.append(time.perf_counter() - start)
        code = done.returncode
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose wizard is timed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gpcw-cli-") as folder:
        work = Path(folder)
        pack, cert = _one_pack(work)
        cases = {
            "--version": ["--version"],
            "bank validate": ["bank", "validate"],
            "check --list --json": ["check", "--list", "--json"],
            "verify one pack": ["verify", str(pack), "--trust", str(cert), "--csv", str(work / "s.csv")],
        }
        print(f"{args.root}: median of {args.runs} whole processes")
        for label, argv in cases.items():
            seconds, code = _median_run(argv, args.root.resolve(), args.runs, work)
            print(f"  {label:22} {seconds:6.2f} s   (exit {code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
