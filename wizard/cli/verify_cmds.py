"""``verify``: the commissioner checks packs, one file or a whole folder (with a CSV).

Everything printed from a pack goes through ``plain`` (no control codes) and
every CSV cell through ``csv_cell`` (no formulas). The verdicts are printed
first, so a CSV that cannot be written never hides them. The signature's
verdict is printed on a line of its own, worded as such, so it never reads
as a verdict on the DSPT status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from wizard.cli.args.verify import CSV_NAME
from wizard.cli.output import CommandError, plain, print_json
from wizard.core.atomic import atomic_write
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, load_banks
from wizard.core.safe_text import csv_bytes
from wizard.core.scoring import ESTIMATE_WORDS
from wizard.icb import folder_report
from wizard.icb.cert_files import read_certificates
from wizard.icb.errors import IcbError
from wizard.icb.folder_report import (
    COLUMNS,
    Expected,
    mark_duplicates,
    missing,
    missing_row,
    read_expected,
    row,
)
from wizard.icb.received import CheckedPack, Trust, check_packs, gather, quiet_pyhanko
from wizard.icb.trust_store import from_certificates, load_trust_dir

CSV_COLUMNS = COLUMNS
T = TypeVar("T")


def bad_input(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a domain call; its plain-English IcbError becomes exit 2, with no traceback."""
    try:
        return call(*args, **kwargs)
    except IcbError as exc:
        raise CommandError(str(exc), 2) from None


def trust_from(args: argparse.Namespace) -> Trust:
    if args.trust_dir is not None:
        return Trust(bad_input(load_trust_dir, args.trust_dir, args.crl))
    if args.trust is not None:
        return Trust(bad_input(from_certificates, bad_input(read_certificates, args.trust), args.crl))
    if args.crl:
        raise CommandError("--crl needs the ICB's certificate: give it with --trust or --trust-dir.", 2)
    return Trust(fingerprint=args.fingerprint)


def expected_from(args: argparse.Namespace) -> list[Expected]:
    return bad_input(read_expected, args.expect) if args.expect is not None else []


def banks() -> list[Bank]:
    try:
        return load_banks(None)
    except BankError as exc:
        raise CommandError(
            f"This program's own question banks have errors, so no pack can be checked:\n{exc}", 2
        ) from exc


def write_csv(target: Path, columns: Sequence[str], rows: list[dict[str, str]], what: str) -> None:
    """A table, atomically; a file there that is not a CSV is never overwritten."""
    if target.exists() and (target.is_dir() or target.suffix.lower() != ".csv"):
        raise CommandError(f"{plain(target)} is not a CSV file, so it was not overwritten.", 1)
    try:
        atomic_write(target, csv_bytes(columns, rows))
    except OSError as exc:
        raise CommandError(
            f"The {what} could not be written to {plain(target)} ({exc.strerror or exc}); "
            "the verdicts above are complete.",
            1,
        ) from exc


def _print(pack: CheckedPack) -> None:
    r = row(pack)
    print(f"{r['signature']}: {r['file']}" + (f" ({r['duplicate']})" if r["duplicate"] else ""))
    if pack.readable:
        certificate = f"; certificate {r['certificate']}" if r["certificate"] else ""
        print(
            f"    practice {r['practice'] or '-'} ({r['ods_code'] or '-'}); signed {r['signed_at'] or '-'} "
            f"by {plain(pack.verdict.signer) or '-'}{certificate}"
        )
    if pack.facts is not None:
        print(
            f"    {ESTIMATE_WORDS}: DSPT {r['dspt_status'] or '-'}; Cyber Essentials {r['cyber_essentials'] or '-'}; "
            f"{r['answered_percent']}% answered; {r['actions']} actions"
        )
    for problem in pack.verdict.problems:
        print(f"    - {plain(problem)}")


def _json(pack: CheckedPack) -> dict[str, Any]:
    return {
        **pack.verdict.as_json(),
        "signature": pack.signature_words,
        "signer_ods_code": pack.signer_ods,
        "certificate": pack.standing.words if pack.standing else "",
        "duplicate": pack.duplicate,
        "facts": asdict(pack.facts) if pack.facts else None,
    }


def _report(packs: list[CheckedPack], absent: list[Expected], as_json: bool) -> None:
    readable = [p for p in packs if p.readable]
    unreadable = [p for p in packs if not p.readable]
    if as_json:
        print_json(
            {
                "packs": [_json(p) for p in readable],
                "unreadable": [" ".join(p.verdict.problems) for p in unreadable],
                "missing": [{"ods_code": e.ods, "practice": e.name} for e in absent],
            }
        )
        return
    for pack in readable:
        _print(pack)
    for pack in unreadable:
        print(f"UNREADABLE: {plain(' '.join(pack.verdict.problems))}")
    for expected in absent:
        print(f"{folder_report.NO_PACK.upper()}: {expected.ods} {plain(expected.name)}".rstrip())


def verify_cmd(args: argparse.Namespace) -> int:
    quiet_pyhanko()
    trust = trust_from(args)
    expected = expected_from(args)
    known = banks()
    found = bad_input(gather, args.paths)
    packs = check_packs(found.files, trust, known)
    mark_duplicates(packs)
    absent = missing(expected, packs) if expected else []
    _report(packs, absent, as_json=args.json)
    for folder in found.empty:
        print(f"NO PACKS: the folder {plain(folder)} holds no PDF files.", file=sys.stderr)
    target = args.csv or (found.folders[0] / CSV_NAME if found.folders else None)
    written = True
    if target is not None and (packs or absent):
        rows = [row(p) for p in packs] + [missing_row(e) for e in absent]
        try:
            write_csv(target, CSV_COLUMNS, rows, "summary")
        except CommandError as exc:
            print(exc, file=sys.stderr)
            written = False
    if any(not p.readable for p in packs):
        return 2
    return 0 if written and packs and all(p.ok for p in packs) and not absent else 1
