"""``icb``: the ICB's own commands: its issuing key, issuing and revoking practices' certificates, the estate report.

The issuing key's passphrase comes from ``--passphrase-file`` or
``GPCW_ICB_PASSPHRASE`` for scripts, else it is asked for at the keyboard;
never from the command line. Any file or passphrase that will not do is a
plain message and exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from wizard.cli.output import CommandError, plain
from wizard.cli.verify_cmds import (
    add_trust_options,
    bad_input,
    banks,
    expected_from,
    trust_from,
    write_csv,
)
from wizard.core.atomic import atomic_write
from wizard.core.describe import plural
from wizard.icb.estate import build_estate, estate_columns, estate_rows
from wizard.icb.estate_pdf import estate_pdf
from wizard.icb.folder_report import mark_duplicates
from wizard.icb.issuer import CERT_FILE, icb_dir, init_icb, issue, revoke
from wizard.icb.received import check_packs, gather, quiet_pyhanko
from wizard.pack.identity import passphrase as passphrases
from wizard.pack.identity.cert import IdentityError, fingerprint_of

ENV_VAR = "GPCW_ICB_PASSPHRASE"


def register(commands: Any) -> None:
    icb = commands.add_parser(
        "icb",
        help="for the ICB: issue and revoke practices' certificates, and the estate report",
        description="The ICB's side: an issuing key, practices' certificates issued and revoked, "
        "and one report of every practice's position.",
    )
    actions = icb.add_subparsers(dest="icb_command", metavar="ACTION", required=True)
    init = _action(actions, "init", "set up the ICB's issuing key (kept encrypted) and certificate", init_cmd)
    init.add_argument("--name", required=True, metavar="NAME", help='the ICB\'s name, e.g. "NHS Example ICB"')
    init.add_argument("--replace", action="store_true", help="replace an existing issuing key")
    issued = _action(actions, "issue", "issue a practice's certificate for its request", issue_cmd)
    issued.add_argument(
        "request", type=Path, metavar="REQUEST", help="the practice's request (identity request)"
    )
    issued.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="where to save the chain (.pem)"
    )
    gone = _action(actions, "revoke", "revoke every certificate issued to a practice", revoke_cmd)
    gone.add_argument("ods", metavar="ODS", help="the practice's ODS code")
    _add_report(actions)


def _action(actions: Any, name: str, text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(
        name, help=text, description=text[0].upper() + text[1:] + "."
    )
    parser.add_argument(
        "--dir", type=Path, metavar="DIR", help="the ICB's folder (default: icb in the data folder)"
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the issuing key's passphrase from the first line of FILE (or set {ENV_VAR})",
    )
    parser.set_defaults(handler=handler)
    return parser


def _add_report(actions: Any) -> None:
    report = actions.add_parser(
        "report",
        help="one PDF (and CSV) of every practice's position, from the packs whose signature is good",
        description="Build the estate report for the ICB's board from a folder of packs. Only packs whose "
        "signature is good are read; the others are listed apart.",
    )
    report.add_argument("paths", nargs="+", type=Path, metavar="FOLDER", help="a folder of packs (or packs)")
    report.add_argument("--out", type=Path, required=True, metavar="PDF", help="the report to write (.pdf)")
    report.add_argument(
        "--csv", type=Path, metavar="FILE", help="the same data as CSV (default: beside the PDF)"
    )
    add_trust_options(report)
    report.set_defaults(handler=report_cmd)


def _passphrase(args: argparse.Namespace, new: bool = False) -> str:
    try:
        given = passphrases.passphrase_from(
            args.passphrase_file, {passphrases.ENV_VAR: os.environ.get(ENV_VAR, "")}
        )
    except IdentityError as exc:
        raise CommandError(str(exc), 2) from None
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CommandError(
            f"No passphrase for the ICB's issuing key was given: use --passphrase-file FILE or set {ENV_VAR}.",
            2,
        )
    try:
        first = getpass.getpass(
            "Choose a passphrase for the ICB's issuing key: " if new else "ICB passphrase: "
        )
        if new and getpass.getpass("Type it again: ") != first:
            raise CommandError("The two passphrases were not the same; nothing was changed.", 2)
    except EOFError:
        raise CommandError("No passphrase was given; nothing was changed.", 2) from None
    return first


def init_cmd(args: argparse.Namespace) -> int:
    icb = bad_input(init_icb, args.name, _passphrase(args, new=True), args.dir, args.replace)
    folder = icb_dir(args.dir)
    print(f"Set up the ICB's issuing key in {plain(folder)} (encrypted with your passphrase).")
    print(f"ICB certificate: {plain(folder / CERT_FILE)}")
    print(f"SHA-256 fingerprint: {fingerprint_of(icb.certificate)}")
    print("Give the certificate (never the key) to PDF readers to trust, and file it for verify with:")
    print(f"  python -m wizard trust add --issuer {plain(folder / CERT_FILE)} --trust-dir TRUST-DIR")
    return 0


def issue_cmd(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() not in (".pem", ".crt") or (out.exists() and not out.is_file()):
        raise CommandError(f"Save the certificate chain as a .pem file ({plain(out)} was not written).", 2)
    issued = bad_input(issue, args.request, _passphrase(args), args.dir)
    try:
        atomic_write(out, issued.chain)
    except OSError as exc:
        raise CommandError(
            f"The certificate could not be saved as {plain(out)} ({exc.strerror or exc}).", 2
        ) from exc
    print(
        f"Issued a certificate to {plain(issued.practice)} ({issued.ods}), saved with the ICB's as {plain(out)}"
    )
    print(f"SHA-256 fingerprint: {fingerprint_of(issued.certificate)}")
    print("Send it to the practice, which installs it with: python -m wizard identity install-cert FILE")
    return 0


def revoke_cmd(args: argparse.Namespace) -> int:
    done = bad_input(revoke, args.ods, _passphrase(args), args.dir)
    for fingerprint in done.certificates:
        print(f"Revoked {done.ods}'s certificate SHA-256 {fingerprint}")
    print(f"The revocation list is {plain(done.crl_path)}. verify honours it with --crl FILE, or once it is")
    print("filed in the trust folder: python -m wizard trust add FILE --trust-dir TRUST-DIR")
    return 0


def report_cmd(args: argparse.Namespace) -> int:
    quiet_pyhanko()
    out: Path = args.out
    if out.suffix.lower() != ".pdf" or (out.exists() and not out.is_file()):
        raise CommandError(f"The report must be a .pdf file ({plain(out)} was not written).", 2)
    trust = trust_from(args)
    expected = expected_from(args)
    found = bad_input(gather, args.paths)
    if not found.files:
        raise CommandError("No packs (PDF files) were found, so there is nothing to report.", 2)
    known = banks()
    packs = check_packs(found.files, trust, known)
    mark_duplicates(packs)
    estate = build_estate(packs, expected, known)
    try:
        atomic_write(out, estate_pdf(estate))
    except OSError as exc:
        raise CommandError(
            f"The report could not be written to {plain(out)} ({exc.strerror or exc}).", 2
        ) from exc
    target = args.csv or out.with_suffix(".csv")
    write_csv(target, estate_columns(estate), estate_rows(estate), "estate table")
    print(f"Wrote the estate report {plain(out)} and its table {plain(target)}")
    not_read = plural(sum(1 for p in packs if not p.ok), "pack")
    print(
        f"{plural(len(estate.rows), 'practice')} in the report; {not_read} not read (signature not good)",
        end="",
    )
    print(f"; {plural(len(estate.missing), 'expected practice')} missing" if expected else "")
    return 0
