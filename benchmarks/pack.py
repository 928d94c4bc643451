"""Time building, signing and verifying evidence packs, and print the figures.

    .venv/bin/python benchmarks/pack.py [--runs 5] [--folder 200]

A full DSPT + Cyber Essentials draft with 20 evidence files of 1 MB each:
build + sign (median), verify one pack (median), and a folder of N packs
verified in one go. Verifying includes scoring answers.json again and reading
the report's first pages back. Targets here: build + sign under 1.5 s; verify
under 50 ms per pack.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gpcw-bench-"))
    os.environ["GPCW_DATA_DIR"] = str(work / "data")

    from wizard.core.bank.model import load_banks
    from wizard.core.demo import demo_draft
    from wizard.core.draft.evidence import add_evidence
    from wizard.core.draft.store import save_draft
    from wizard.pack.build import build_pack
    from wizard.pack.identity.store import create_identity
    from wizard.pack.verify import verify_file

    banks = load_banks()
    identity = create_identity("Riverside Surgery", "A12345", "benchmark passphrase")
    key = identity.signing_key()
    draft = demo_draft(banks, dt.date.today())
    path = work / "riverside.json"
    items = [i for b in banks for i in b.items()][:20]
    for n, item in enumerate(items):
        source = work / f"evidence-{n:02d}.pdf"
        source.write_bytes(os.urandom(1024 * 1024))
        add_evidence(draft, path, item, source)
    save_draft(path, draft)
    packs = work / "packs"
    packs.mkdir()
    build_times = []
    for n in range(args.runs):
        start = time.perf_counter()
        result = build_pack(banks, draft, path, key, packs / f"pack-{n}.pdf")
        build_times.append(time.perf_counter() - start)
    one = packs / "pack-0.pdf"
    verify_times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        assert verify_file(one, [key.certificate], None, banks).ok
        verify_times.append(time.perf_counter() - start)
    folder = work / "folder"
    folder.mkdir()
    for n in range(args.folder):
        shutil.copyfile(one, folder / f"practice-{n:03d}.pdf")
    start = time.perf_counter()
    verdicts = [verify_file(p, [key.certificate], None, banks) for p in sorted(folder.glob("*.pdf"))]
    folder_time = time.perf_counter() - start
    assert all(v.ok for v in verdicts)
    build, verify = statistics.median(build_times), statistics.median(verify_times)
    print(f"20 evidence files of 1 MB; pack size {result.size / 1048576:.1f} MB, {result.page_count} pages")
    print(
        f"  build + sign, median of {args.runs}: {build:6.2f} s   (target < 1.5 s) {'ok' if build < 1.5 else 'OVER'}"
    )
    print(
        f"  verify one pack, median of {args.runs}: {verify * 1000:6.1f} ms  (target < 50 ms) "
        f"{'ok' if verify < 0.05 else 'OVER'}"
    )
    print(
        f"  verify a folder of {args.folder}: {folder_time:6.2f} s = {folder_time / args.folder * 1000:.1f} ms per pack"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
