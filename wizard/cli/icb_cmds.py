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

from wizard.cli.output import CommandError, plain
from wizard.cli.verify_cmds import (
    bad_input,
    banks,
    expected_from,
    trust_from,
    write_csv,
)
from wizard.core.atomic import atomic_write
from wizard.core.describe import plural
from wizard.core.env_names import ICB_PASSPHRASE_ENV, PASSPHRASE_ENV
from wizard.icb.estate import build_estate, estate_columns, estate_rows
from wizard.icb.estate_pdf import estate_pdf
from wizard.icb.folder_report import mark_duplicates
from wizard.icb.issuer import CERT_FILE, icb_dir, init_icb, issue, revoke
from wizard.icb.received import check_packs, gather, quiet_pyhanko
from wizard.icb.report_target import check_report_target
from wizard.pack.identity import passphrase as passphrases
from wizard.pack.identity.cert import IdentityError, fingerprint_of


def _passphrase(args: argparse.Namespace, new: bool = False) -> str:
    try:
        given = passphrases.passphrase_from(
            args.passphrase_file, {PASSPHRASE_ENV: os.environ.get(ICB_PASSPHRASE_ENV, "")}
        )
    except IdentityError as exc:
        raise CommandError(str(exc), 2) from None
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CommandError(
            "No passphrase for the ICB's issuing key was given: "
            f"use --passphrase-file FILE or set {ICB_PASSPHRASE_ENV}.",
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
    trust = trust_from(args)
    expected = expected_from(args)
    found = bad_input(gather, args.paths)
    bad_input(check_report_target, out, found.folders, found.files)
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
