"""``pack``: build and sign the evidence pack from a draft."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

from cryptography.x509 import Certificate

from wizard.app.packs import sign_pack
from wizard.cli.draft_cmds import open_for_command
from wizard.cli.identity_cmds import read_passphrase
from wizard.cli.output import CommandError
from wizard.core.draft.model import Draft, SignOff
from wizard.pack.attachments import PackInputError
from wizard.pack.identity.cert import fingerprint_of, ods_code_of
from wizard.pack.identity.store import IdentityError, load_certificate
from wizard.pack.pack_target import check_target


def _sign_off(args: argparse.Namespace, draft: Draft) -> None:
    """The signer given on the command line replaces the one in the draft (in memory only)."""
    if args.signed_by is None and args.role is None and not args.reviewed:
        return
    draft.sign_off = SignOff(
        name=args.signed_by or "",
        role=args.role or "",
        reviewed=args.reviewed,
        plan_committed=args.commit_to_plan,
    )


def _certificate() -> Certificate:
    """The practice's certificate (public, no passphrase needed), to find the remembered passphrase."""
    try:
        certificates = load_certificate()
    except IdentityError as exc:
        raise CommandError(str(exc), 1) from exc
    if not certificates:
        raise CommandError(
            "This computer has no signing key yet: run 'identity create' or 'identity import'.", 1
        )
    return certificates[0]


def _check_draft_is_a_file(path: Path) -> None:
    """A named pipe would make opening the draft wait for ever; a device would never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise CommandError(f"The draft {path} could not be read ({exc.strerror or exc}).", 2) from exc
    if not stat.S_ISREG(mode):
        raise CommandError(f"{path} is not a draft file (it is a folder, a device or a pipe).", 2)


def _warn_if_another_practice(certificate: Certificate, draft_ods: str) -> None:
    """The ICB's verify refuses a pack signed with another practice's key: say so before it is sent."""
    signer = ods_code_of(certificate)
    if signer != draft_ods.strip().upper():
        print(
            f"Warning: the signing key belongs to practice {signer or '(no ODS code)'}, but the draft is for "
            f"{draft_ods or '(no ODS code)'}. The ICB's verify will say this pack is not good."
        )


def pack_cmd(args: argparse.Namespace) -> int:
    _check_draft_is_a_file(args.draft)
    draft, banks = open_for_command(args.draft)
    _sign_off(args, draft)
    if draft.sign_off is None or not draft.sign_off.ready:
        raise CommandError(
            "Say who is signing and confirm they reviewed the answers: --signed-by NAME --role ROLE --reviewed.",
            1,
        )
    if not args.out.parent.is_dir():
        raise CommandError(f"The folder {args.out.parent} does not exist.", 1)
    try:
        check_target(args.out, args.draft)  # before the passphrase is asked for
    except PackInputError as exc:
        raise CommandError(str(exc), 1) from exc
    certificate = _certificate()
    if certificate is not None:
        _warn_if_another_practice(certificate, draft.practice.ods_code)
    fingerprint = fingerprint_of(certificate) if certificate is not None else None
    passphrase = read_passphrase(args.passphrase_file, fingerprint=fingerprint)
    try:
        result = sign_pack(
            banks, draft, args.draft, passphrase, args.out, progress=lambda step: print(f"  {step}…")
        ).result
    except IdentityError as exc:
        raise CommandError(str(exc), 1) from exc
    except PackInputError as exc:
        raise CommandError(str(exc), 1) from exc
    except BrokenPipeError:
        raise  # whoever read the progress went away (``| head``); not a problem with the pack's file
    except OSError as exc:
        raise CommandError(
            f"The pack could not be written to {args.out} ({exc.strerror or exc}).", 1
        ) from exc
    print(
        f"Wrote {result.path}: {result.page_count} pages, {result.attachment_count} attached files, "
        f"{result.size / 1048576:.1f} MB, document {result.document_id}."
    )
    print(f"Certificate SHA-256 fingerprint: {result.fingerprint}")
    return 0
