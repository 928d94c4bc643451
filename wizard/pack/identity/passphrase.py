"""Where the signing passphrase comes from: a file or variable for scripts, or the OS keyring.

The keyring is used only when the practice manager asks, and only when it is a
real secure store (Windows Credential Manager, macOS Keychain, Secret Service,
KWallet). ``keyrings.alt`` would quietly keep the passphrase in base64 on the
stick, next to the key it protects, so it counts as no keyring at all.
Nothing here raises from a keyring failure: without a secure store the
program simply asks for the passphrase each time.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from wizard.core.atomic import read_regular
from wizard.core.env_names import PASSPHRASE_ENV
from wizard.core.paths import is_portable
from wizard.pack.identity.cert import IdentityError

SERVICE = "GP Cyber Wizard"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")
_NO_STORE = (
    "This computer has no secure password store, so the passphrase cannot be remembered here. "
    "You will be asked for it each time you sign."
)
_PORTABLE = (
    "The program is running from a prepared USB stick, which writes nothing to this computer, "
    "so the passphrase cannot be remembered. You will be asked for it each time you sign."
)


def username_for(fingerprint: str) -> str:
    """One entry per key, so a replaced key never picks up the old key's passphrase."""
    return f"practice signing key {fingerprint.replace(':', '')[:16].upper()}"


def _is_secure(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | chainer.ChainerBackend):
        return False
    if type(backend).__module__.startswith(_INSECURE_MODULES):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend that cannot even say its priority is not one to trust
        return False


def _store() -> KeyringBackend | None:
    """The secure backend to use, or None.

    None on a portable stick: the keyring belongs to the PC, and the stick
    promises to leave nothing on it. For a chainer, its highest-priority
    secure member: writing through the chainer itself could land the
    passphrase in a plaintext member.
    """
    if is_portable():
        return None
    try:
        backend = keyring.get_keyring()
        candidates = list(backend.backends) if isinstance(backend, chainer.ChainerBackend) else [backend]
    except Exception:  # NoKeyringError, InitError, D-Bus failures: there is no usable store
        return None
    return next((b for b in candidates if _is_secure(b)), None)


def _why_no_store() -> str:
    """The reason, once ``_store()`` has found nothing to use."""
    return _PORTABLE if is_portable() else _NO_STORE


def unavailable_reason() -> str | None:
    """Why a passphrase cannot be remembered here, in plain English; None when it can."""
    return None if _store() is not None else _why_no_store()


def remember(fingerprint: str, passphrase: str) -> str | None:
    """Keep the passphrase in the OS keyring; None on success, else a plain reason."""
    store = _store()
    if store is None:
        return _why_no_store()
    try:
        store.set_password(SERVICE, username_for(fingerprint), passphrase)
    except Exception:  # locked keyring, user said no, D-Bus gone: all mean "not remembered"
        return (
            "The computer's password store refused to keep the passphrase (it may be locked). "
            "You will be asked for it each time you sign."
        )
    return None


def recall(fingerprint: str) -> str | None:
    """The remembered passphrase, or None if there is none or the store cannot be read."""
    store = _store()
    if store is None:
        return None
    try:
        found = store.get_password(SERVICE, username_for(fingerprint))
    except Exception:  # an unreadable store is the same as nothing remembered
        return None
    return found or None


def forget(fingerprint: str) -> None:
    """Remove a remembered passphrase; quietly does nothing if none was kept."""
    store = _store()
    if store is None:
        return
    try:
        store.delete_password(SERVICE, username_for(fingerprint))
    except Exception:  # PasswordDeleteError when nothing was stored, or a locked store
        return


def passphrase_from(args_file: Path | None, env: Mapping[str, str]) -> str | None:
    """For scripts: ``--passphrase-file`` (its first line) wins, then ``GPCW_PASSPHRASE``.

    None means neither was given, and the caller should ask (or stop, if it cannot).
    """
    if args_file is not None:
        return _first_line(args_file)
    return env.get(PASSPHRASE_ENV) or None


MAX_PASSPHRASE_FILE = 64 * 1024  # a passphrase is one line; a pipe or /dev/zero is refused


def _first_line(path: Path) -> str:
    try:
        text = read_regular(path, MAX_PASSPHRASE_FILE).decode(
            "utf-8-sig"
        )  # Notepad may add a byte-order mark
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a text file"
        raise IdentityError(f"The passphrase file {path} could not be read ({reason}).") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise IdentityError(f"The passphrase file {path} is empty: put the passphrase on its first line.")
    return lines[0]
