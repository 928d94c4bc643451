"""Time the ICB's side on a folder of packs, as whole processes, beside pyHanko's own CLI.

    .venv/bin/python benchmarks/icb.py [--packs 200] [--work DIR]

Builds N packs of N different practices (self-signed, filed in a trust
folder; varied answers as in tests/icb_kit.py), on every core, then times:
``verify FOLDER --trust-dir DIR`` (one process for the folder, CSV
included), ``icb report FOLDER --out estate.pdf`` (PDF and CSV), and
``pyhanko sign validate --trust CERT`` run once per pack (its CLI takes one
file), and prints each time and the ratio. Targets (issue 13): the 200
verified and reported in under 10 s each, and faster per pack than pyHanko.
``--work DIR`` keeps the packs for another run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _build(job: tuple[int, str]) -> None:
    """One practice: its key, its certificate in certs/, its pack in packs/ (run in a worker process)."""
    from cryptography.hazmat.primitives import serialization

    from tests.icb_kit import draft_for, name, ods
    from wizard.core.bank.model import load_banks
    from wizard.core.draft.store import save_draft
    from wizard.pack.build import build_pack
    from wizard.pack.identity.cert import make_self_signed
    from wizard.pack.sign import SigningKey

    number, folder = job
    work, code = Path(folder), ods(number)
    banks = load_banks()
    key, cert = make_self_signed(name(code), code)
    (work / "certs" / f"{code}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    draft = draft_for(banks, code, number, dt.date.today())
    path = work / "drafts" / f"{code}.json"
    save_draft(path, draft)
    build_pack(banks, draft, path, SigningKey(key, cert), work / "packs" / f"{code.lower()}.pdf")


def _prepare(work: Path, count: int) -> None:
    from wizard.icb.trust_store import add_to_trust

    have = len(list((work / "packs").glob("*.pdf"))) if (work / "packs").is_dir() else 0
    if have == count:
        return
    for part in ("certs", "drafts", "packs"):
        (work / part).mkdir(parents=True, exist_ok=True)
    print(f"Building {count} packs of {count} practices (once; --work keeps them)…", flush=True)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        list(pool.map(_build, [(n, str(work)) for n in range(1, count + 1)]))
    add_to_trust(work / "trust", [work / "certs"])


def _timed(command: list[str | Path]) -> float:
    start = time.perf_counter()
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command[:4]} failed: {result.stderr[-800:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--packs", type=int, default=200)
    parser.add_argument("--work", type=Path, help="where to build (and keep) the packs")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="gpcw-icb-bench-"))
    os.environ["GPCW_DATA_DIR"] = str(work / "data")
    _prepare(work, args.packs)
    packs = sorted((work / "packs").glob("*.pdf"))
    wizard = [sys.executable, "-m", "wizard"]
    verify = _timed(
        [*wizard, "verify", work / "packs", "--trust-dir", work / "trust", "--csv", work / "summary.csv"]
    )
    report = _timed(
        [
            *wizard,
            "icb",
            "report",
            work / "packs",
            "--trust-dir",
            work / "trust",
            "--out",
            work / "estate.pdf",
        ]
    )
    pyhanko = Path(sys.executable).parent / "pyhanko"
    start = time.perf_counter()
    for pack in packs:
        cert = work / "certs" / f"{pack.stem.upper()}.pem"
        _timed([pyhanko, "sign", "validate", "--trust-replace", "--trust", cert, pack])
    theirs = time.perf_counter() - start
    n = len(packs)
    print(f"{n} packs of {n} practices, {sum(p.stat().st_size for p in packs) / n / 1024:.0f} KB each")
    print(
        f"  verify the folder (one process, CSV):       {verify:6.2f} s = {verify / n * 1000:6.1f} ms per pack"
        f"  (target < 10 s) {'ok' if verify < 10 else 'OVER'}"
    )
    print(
        f"  icb report (verify, estate PDF and CSV):    {report:6.2f} s = {report / n * 1000:6.1f} ms per pack"
        f"  (target < 10 s) {'ok' if report < 10 else 'OVER'}"
    )
    print(
        f"  pyhanko sign validate, once per pack:       {theirs:6.2f} s = {theirs / n * 1000:6.1f} ms per pack"
    )
    print(f"  ratio pyHanko / verify: {theirs / verify:.1f}x; pyHanko / icb report: {theirs / report:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
