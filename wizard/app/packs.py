"""Build and sign an evidence pack: open the practice's key, make the pack, keep or forget the passphrase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wizard.core.bank.model import Bank
from wizard.core.data_folder import data_folder
from wizard.core.draft.model import Draft
from wizard.pack.build import PackResult, build_pack
from wizard.pack.identity import passphrase as keyring_store
from wizard.pack.identity.store import load_identity

Progress = Callable[[str], None]


@dataclass(frozen=True)
class SignedPack:
    result: PackResult
    keyring_note: str | None  # why the passphrase could not be remembered, when asked to


def default_pack_path(draft: Draft, now: dt.datetime | None = None) -> Path:
    """Where the wizard puts a new pack: the packs folder, named after the practice and the time."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H%M")
    return data_folder().packs / f"Evidence pack {draft.practice.ods_code or 'practice'} {stamp}.pdf"


def sign_pack(
    banks: list[Bank],
    draft: Draft,
    draft_path: Path,
    passphrase: str,
    out: Path,
    progress: Progress | None = None,
    remember: bool | None = None,
    data: Path | None = None,
) -> SignedPack:
    """Open the key with ``passphrase`` and write the signed pack to ``out``.

    ``remember`` True keeps the passphrase in the OS keyring, False removes it,
    None leaves the keyring alone. ``data`` is the data folder whose identity
    signs (default: this program's). Raises IdentityError (wrong passphrase,
    no key), PackInputError (the draft or target cannot make a pack) or
    OSError (the pack cannot be written).
    """
    say = progress or (lambda _step: None)
    say("Opening the signing key")
    identity = load_identity(passphrase, data)
    out.parent.mkdir(parents=True, exist_ok=True)
    result = build_pack(banks, draft, draft_path, identity.signing_key(), out, progress=say)
    note = None
    if remember is True:
        note = keyring_store.remember(identity.fingerprint, passphrase)
    elif remember is False:
        keyring_store.forget(identity.fingerprint)
    return SignedPack(result, note)
