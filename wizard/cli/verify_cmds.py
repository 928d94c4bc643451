"""``verify``: the commissioner checks packs, one file or a whole folder (with a CSV)."""

from __future__ import annotations

import argparse
import csv
import io
import logging
from pathlib import Path
from typing import Any

from cryptography import x509

from wizard.cli.output import CommandError, print_json
from wizard.core.atomic import atomic_write
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


def _certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
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
    s = v.summary
    dspt = "; ".join(f"{d.get('status')}" for d in s.get("dspt", []))
    ce = "; ".join("ready" if c.get("ready") else "not ready" for c in s.get("cyber_essentials", []))
    return {
        "file": v.path.name,
        "practice": str(s.get("practice", "")),
        "ods_code": str(s.get("ods_code", "")),
        "dspt_status": dspt,
        "cyber_essentials": ce,
        "signed_at": v.signed_at,
        "valid": "yes" if v.ok else "no",
        "problems": " ".join(v.problems),
    }


def _write_csv(target: Path, verdicts: list[Verdict]) -> None:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for verdict in verdicts:
        writer.writerow(_row(verdict))
    atomic_write(target, text.getvalue().encode("utf-8-sig"))  # with a BOM so Excel reads £ and ’


def _print(verdict: Verdict) -> None:
    row = _row(verdict)
    mark = "GOOD" if verdict.ok else "NOT GOOD"
    print(
        f"{mark}: {verdict.path.name}: {row['practice']} ({row['ods_code']}), DSPT {row['dspt_status'] or '-'}, "
        f"Cyber Essentials {row['cyber_essentials'] or '-'}"
    )
    print(f"    signed {verdict.signed_at or '-'} by {verdict.signer or '-'}")
    for problem in verdict.problems:
        print(f"    - {problem}")


def verify_cmd(args: argparse.Namespace) -> int:
    for name in ("pyhanko", "pyhanko_certvalidator"):  # their tracebacks are not for a commissioner
        logging.getLogger(name).setLevel(logging.CRITICAL)
    trust = _certificates(args.trust) if args.trust else []
    verdicts: list[Verdict] = []
    unreadable: list[str] = []
    folders = [p for p in args.paths if p.is_dir()]
    files = [p for p in args.paths if not p.is_dir()]
    for folder in folders:
        files += sorted(folder.glob("*.pdf"))
    for path in files:
        try:
            verdicts.append(verify_file(path, trust, args.fingerprint))
        except UnreadablePackError as exc:
            unreadable.append(str(exc))
    if folders:
        target = args.csv or folders[0] / CSV_NAME
        _write_csv(target, verdicts)
    elif args.csv:
        _write_csv(args.csv, verdicts)
    if args.json:
        print_json({"packs": [v.as_json() for v in verdicts], "unreadable": unreadable})
    else:
        for verdict in verdicts:
            _print(verdict)
        for message in unreadable:
            print(f"UNREADABLE: {message}")
    if unreadable:
        return 2
    return 0 if verdicts and all(v.ok for v in verdicts) else 1
