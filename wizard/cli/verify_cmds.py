"""``verify``: the commissioner checks packs, one file or a whole folder (with a CSV).

Everything printed from a pack goes through ``plain`` (no control codes) and
every CSV cell through ``csv_cell`` (no formulas). The verdicts are printed
first, so a CSV that cannot be written never hides them.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
import sys
from pathlib import Path
from typing import Any

from cryptography import x509

from wizard.cli.output import CommandError, csv_cell, plain, print_json
from wizard.core.atomic import atomic_write, read_regular
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, load_banks
from wizard.pack.verify import UnreadablePackError, Verdict, verify_file

CSV_NAME = "verification-summary.csv"
CSV_COLUMNS = [
    "file",
    "practice",
    "ods_code",
    "dspt_status",
    "cyber_essentials",
    "signed_at",
    "valid",
    "problems",
]


def register(commands: Any) -> None:
    verify = commands.add_parser(
        "verify",
        help="check signed evidence packs (a file or a folder of them)",
        description="Check that packs are intact, signed by the practice and unchanged since. "
        "Exit 0 only when every pack is good, 1 when any is not, 2 when a file cannot be read.",
    )
    verify.add_argument("paths", nargs="+", type=Path, metavar="PDF", help="a pack, or a folder of packs")
    who = verify.add_mutually_exclusive_group()
    who.add_argument("--trust", type=Path, metavar="CERT", help="the practice's certificate (PEM or DER)")
    who.add_argument("--fingerprint", metavar="SHA256", help="the certificate's SHA-256 fingerprint")
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.add_argument(
        "--csv", type=Path, metavar="FILE", help=f"where to write the summary (default: {CSV_NAME})"
    )
    verify.set_defaults(handler=verify_cmd)


MAX_CERTIFICATE_BYTES = 1024 * 1024  # a certificate chain is a few kilobytes


def _certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = read_regular(path, MAX_CERTIFICATE_BYTES)
    except OSError as exc:
        raise CommandError(f"The certificate {path} could not be read ({exc.strerror or exc}).", 2) from exc
    try:
        return (
            x509.load_pem_x509_certificates(data)
            if b"-----BEGIN" in data
            else [x509.load_der_x509_certificate(data)]
        )
    except ValueError as exc:
        raise CommandError(f"{path} is not a certificate file (PEM or DER).", 2) from exc


def _row(v: Verdict) -> dict[str, str]:
    """One pack's facts as plain one-line text (the CSV makes each a safe cell too)."""
    s = v.summary
    dspt = "; ".join(f"{d.get('status')}" for d in s.get("dspt", []))
    ce = "; ".join("ready" if c.get("ready") else "not ready" for c in s.get("cyber_essentials", []))
    row = {
        "file": v.path.name,
        "practice": str(s.get("practice", "")),
        "ods_code": str(s.get("ods_code", "")),
        "dspt_status": dspt,
        "cyber_essentials": ce,
        "signed_at": v.signed_at,
        "valid": "yes" if v.ok else "no",
        "problems": " ".join(v.problems),
    }
    return {key: plain(value) for key, value in row.items()}


def _write_csv(target: Path, verdicts: list[Verdict]) -> None:
    """The summary table, atomically; a file there that is not a CSV is never overwritten."""
    if target.exists() and (target.is_dir() or target.suffix.lower() != ".csv"):
        raise CommandError(f"{plain(target)} is not a CSV file, so it was not overwritten.", 1)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for verdict in verdicts:
        writer.writerow({key: csv_cell(value) for key, value in _row(verdict).items()})
    try:
        atomic_write(target, text.getvalue().encode("utf-8-sig"))  # with a BOM so Excel reads £ and ’
    except OSError as exc:
        raise CommandError(
            f"The summary could not be written to {plain(target)} ({exc.strerror or exc}); "
            "the verdicts above are complete.",
            1,
        ) from exc


def _print(verdict: Verdict) -> None:
    row = _row(verdict)
    mark = "GOOD" if verdict.ok else "NOT GOOD"
    print(
        f"{mark}: {row['file']}: {row['practice']} ({row['ods_code']}), DSPT {row['dspt_status'] or '-'}, "
        f"Cyber Essentials {row['cyber_essentials'] or '-'}"
    )
    print(f"    signed {row['signed_at'] or '-'} by {plain(verdict.signer) or '-'}")
    for problem in verdict.problems:
        print(f"    - {plain(problem)}")


def _is_folder(path: Path) -> bool:
    """Path.is_dir() raises on some bad names (one too long, say); such a path is a file that cannot be read."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _packs_in(folder: Path) -> list[Path]:
    """Every PDF in the folder, whatever the case of its extension (.pdf, .PDF, .Pdf)."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise CommandError(
            f"The folder {plain(folder)} could not be read ({exc.strerror or exc}).", 2
        ) from exc
    return sorted(p for p in entries if p.suffix.lower() == ".pdf" and not _is_folder(p))


def _banks() -> list[Bank]:
    try:
        return load_banks(None)
    except BankError as exc:
        raise CommandError(
            f"This program's own question banks have errors, so no pack can be checked:\n{exc}", 2
        ) from exc


def verify_cmd(args: argparse.Namespace) -> int:
    for name in ("pyhanko", "pyhanko_certvalidator"):  # their tracebacks are not for a commissioner
        logging.getLogger(name).setLevel(logging.CRITICAL)
    trust = _certificates(args.trust) if args.trust else []
    banks = _banks()
    verdicts: list[Verdict] = []
    unreadable: list[Verdict] = []  # no verdict on the pack itself: only why it could not be read
    folders = [p for p in args.paths if _is_folder(p)]
    files = [p for p in args.paths if not _is_folder(p)]
    empty = [folder for folder in folders if not _packs_in(folder)]
    for folder in folders:
        files += _packs_in(folder)
    for path in files:
        try:
            verdicts.append(verify_file(path, trust, args.fingerprint, banks))
        except UnreadablePackError as exc:
            unreadable.append(Verdict(path, problems=[str(exc)]))
    _report(verdicts, unreadable, as_json=args.json)
    for folder in empty:
        print(f"NO PACKS: the folder {plain(folder)} holds no PDF files.", file=sys.stderr)
    target = args.csv or (folders[0] / CSV_NAME if folders else None)
    written = True
    if target is not None and (verdicts or unreadable):
        try:
            _write_csv(target, verdicts + unreadable)
        except CommandError as exc:
            print(exc, file=sys.stderr)
            written = False
    if unreadable:
        return 2
    return 0 if written and verdicts and all(v.ok for v in verdicts) else 1


def _report(verdicts: list[Verdict], unreadable: list[Verdict], as_json: bool) -> None:
    if as_json:
        messages = [" ".join(v.problems) for v in unreadable]
        print_json({"packs": [v.as_json() for v in verdicts], "unreadable": messages})
        return
    for verdict in verdicts:
        _print(verdict)
    for verdict in unreadable:
        print(f"UNREADABLE: {plain(' '.join(verdict.problems))}")
