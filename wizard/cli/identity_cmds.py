"""``identity``: create, import, show and export the practice's signing identity.

The passphrase comes from ``--passphrase-file`` or ``GPCW_PASSPHRASE`` for
scripts, else it is asked for when a person is at the keyboard; it is never
taken on the command line, where other users of the PC could see it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from wizard.cli.output import CommandError, print_json
from wizard.core.atomic import atomic_write
from wizard.core.env_names import PASSPHRASE_ENV
from wizard.pack.identity import passphrase as passphrases
from wizard.pack.identity.cert import clean_ods_code, clean_practice_name, fingerprint_of
from wizard.pack.identity.request import install_certificate, make_request
from wizard.pack.identity.store import (
    Identity,
    IdentityError,
    certificate_summary,
    create_identity,
    export_certificate,
    identity_dir,
    import_identity,
    load_certificate,
    load_identity,
    refuse_existing,
)

T = TypeVar("T")

_NO_PASSPHRASE = (
    "No passphrase was given. Put it in a file and use --passphrase-file FILE, "
    f"or set {PASSPHRASE_ENV}, or run the command in a terminal to be asked for it."
)


def _domain(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Turn the domain's plain-English errors into exit code 1, with no traceback."""
    try:
        return call(*args, **kwargs)
    except IdentityError as exc:
        raise CommandError(str(exc), 1) from None


def read_passphrase(
    passphrase_file: Path | None, *, fingerprint: str | None = None, new: bool = False
) -> str:
    """File, then environment, then the remembered one (for an existing key), then ask.

    Shared with the commands that sign, so every command finds it the same way.
    """
    given = _domain(passphrases.passphrase_from, passphrase_file, os.environ)
    if given is None and fingerprint is not None:
        given = passphrases.recall(fingerprint)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CommandError(_NO_PASSPHRASE, 1)
    return _ask(new)


def _ask(new: bool) -> str:
    prompt = "Choose a passphrase for the signing key: " if new else "Passphrase for the signing key: "
    try:
        first = getpass.getpass(prompt)
        if new and getpass.getpass("Type it again: ") != first:
            raise CommandError("The two passphrases were not the same; nothing was changed.", 1)
    except EOFError:
        raise CommandError(_NO_PASSPHRASE, 1) from None
    return first


def _current_fingerprint() -> str | None:
    try:
        return fingerprint_of(load_certificate()[0])
    except IdentityError:
        return None


def _after_store(identity: Identity, passphrase: str, remember: bool, old: str | None) -> None:
    """Drop the replaced key's remembered passphrase; remember the new one if asked."""
    if old is not None and old != identity.fingerprint:
        passphrases.forget(old)
    print(f"Saved in {identity_dir()}")
    print(f"SHA-256 fingerprint: {identity.fingerprint}")
    if remember:
        problem = passphrases.remember(identity.fingerprint, passphrase)
        print(f"Note: {problem}" if problem else "The passphrase is remembered on this computer.")


def create_cmd(args: argparse.Namespace) -> int:
    if not args.practice or not args.ods:
        raise CommandError(
            'Give the practice name and ODS code, for example: identity create --practice "Riverside Surgery" '
            "--ods A12345",
            1,
        )
    _domain(clean_practice_name, args.practice)
    _domain(clean_ods_code, args.ods)
    _domain(refuse_existing, None, args.replace)  # say so before asking for a passphrase
    passphrase = read_passphrase(args.passphrase_file, new=True)
    old = _current_fingerprint()
    identity = _domain(create_identity, args.practice, args.ods, passphrase, replace=args.replace)
    print("Created the practice signing identity (self-signed).")
    _after_store(identity, passphrase, args.remember, old)
    print("Send the certificate to the ICB: python -m wizard identity export-cert FILE")
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    _domain(refuse_existing, None, args.replace)
    passphrase = read_passphrase(args.passphrase_file)
    old = _current_fingerprint()
    identity = _domain(import_identity, args.file, passphrase, replace=args.replace)
    issuer = "itself" if identity.self_signed else identity.certificate.issuer.rfc4514_string()
    print(f"Imported the practice signing identity, issued by {issuer}.")
    _after_store(identity, passphrase, args.remember, old)
    return 0


def show_cmd(args: argparse.Namespace) -> int:
    certs = _domain(load_certificate)
    summary = certificate_summary(certs[0])
    if args.json:
        print_json({**summary, "chain": [certificate_summary(c) for c in certs[1:]]})
        return 0
    print("Practice signing certificate")
    print(f"  Subject:     {summary['subject']}")
    issuer = "itself (self-signed)" if summary["self_signed"] else summary["issuer"]
    print(f"  Issued by:   {issuer}")
    print(
        f"  Valid:       {certs[0].not_valid_before_utc:%d/%m/%Y} to {certs[0].not_valid_after_utc:%d/%m/%Y}"
    )
    if summary["expired"]:
        print("  EXPIRED: ask the ICB for a new certificate, or create a new identity with --replace.")
    print(f"  SHA-256:     {summary['sha256']}")
    for cert in certs[1:]:
        print(f"  Issuer cert: {cert.subject.rfc4514_string()}")
    return 0


def export_cmd(args: argparse.Namespace) -> int:
    target = _domain(export_certificate, args.file)
    print(f"Saved the certificate as {target}")
    print("It holds no key: it is safe to email to the ICB.")
    return 0


def _bad_input(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """For the ICB's certificate steps: a file or passphrase that will not do is exit 2, plainly."""
    try:
        return call(*args, **kwargs)
    except IdentityError as exc:
        raise CommandError(str(exc), 2) from None


REQUEST_SUFFIXES = (".csr", ".req", ".pem")


def request_cmd(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix.lower() not in REQUEST_SUFFIXES or (out.exists() and not out.is_file()):
        raise CommandError(f"Save the request as a .csr file ({out} was not written).", 2)
    old = _current_fingerprint()
    if old is None:
        if not args.practice or not args.ods:
            raise CommandError(
                "This practice has no signing key yet. Give --practice NAME and --ods CODE to make one "
                "with the request, or create it first (identity create).",
                2,
            )
        _bad_input(clean_practice_name, args.practice)
        _bad_input(clean_ods_code, args.ods)
        passphrase = read_passphrase(args.passphrase_file, new=True)
        identity = _bad_input(create_identity, args.practice, args.ods, passphrase)
        print(f"Created the practice signing key in {identity_dir()}.")
    else:
        passphrase = read_passphrase(args.passphrase_file, fingerprint=old)
        identity = _bad_input(load_identity, passphrase)
    try:
        atomic_write(out, make_request(identity))
    except OSError as exc:
        raise CommandError(f"The request could not be saved as {out} ({exc.strerror or exc}).", 2) from exc
    print(f"Saved the certificate request as {out}")
    print("It holds the practice's public key and names, not the key: send it to the ICB.")
    print("Install what the ICB sends back with: python -m wizard identity install-cert FILE")
    return 0


def install_cmd(args: argparse.Namespace) -> int:
    old = _current_fingerprint()
    if old is None:
        raise CommandError(_NO_KEY_FOR_INSTALL, 2)
    passphrase = read_passphrase(args.passphrase_file, fingerprint=old)
    identity = _bad_input(install_certificate, args.file, passphrase)
    print(f"Installed the certificate issued by {identity.certificate.issuer.rfc4514_string()}.")
    _after_store(identity, passphrase, args.remember, old)
    print("Packs signed from now on show as signed by a certificate the ICB issued.")
    return 0


_NO_KEY_FOR_INSTALL = (
    "This practice has no signing key: a certificate from the ICB can only be installed with the key its "
    "request was made with (identity request)."
)
