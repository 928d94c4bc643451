"""Where the signing passphrase may come from: the OS keyring (only a secure one), a file, the environment."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from tests.keyring_kit import LockedKeyring, MemoryKeyring, PlaintextKeyring
from tests.pack.test_identity import PASS
from wizard.core import paths
from wizard.pack.identity import passphrase as pp
from wizard.pack.identity.store import IdentityError

# --- the keyring ---------------------------------------------------------------------------------


Install = Callable[[KeyringBackend], None]


@pytest.fixture
def use_keyring() -> Iterator[Install]:
    """Sets the process-wide keyring for one test and puts the old one back."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


FP = "AB:CD:EF:01:23:45:67:89:AA:BB"


def test_remember_recall_forget(use_keyring: Install) -> None:
    store = MemoryKeyring()
    use_keyring(store)
    assert pp.unavailable_reason() is None
    assert pp.recall(FP) is None
    assert pp.remember(FP, PASS) is None
    assert store.entries == {("GP Cyber Wizard", "practice signing key ABCDEF0123456789"): PASS}
    assert pp.recall(FP) == PASS
    pp.forget(FP)
    assert pp.recall(FP) is None
    pp.forget(FP)  # nothing left to forget: still quiet


@pytest.mark.parametrize("backend", [fail.Keyring(), PlaintextKeyring()])
def test_no_secure_keyring_means_ask_each_time(use_keyring: Install, backend: KeyringBackend) -> None:
    use_keyring(backend)
    assert pp.unavailable_reason() is not None
    assert "no secure password store" in (pp.remember(FP, PASS) or "")
    assert pp.recall(FP) is None
    pp.forget(FP)


def test_locked_keyring_never_raises(use_keyring: Install) -> None:
    use_keyring(LockedKeyring())
    assert pp.unavailable_reason() is None
    assert "refused" in (pp.remember(FP, PASS) or "")
    assert pp.recall(FP) is None


def test_chainer_writes_only_to_a_secure_member(
    use_keyring: Install, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, secure = PlaintextKeyring(), MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain, secure])
    use_keyring(chainer.ChainerBackend())
    assert pp.remember(FP, PASS) is None
    assert plain.entries == {} and list(secure.entries.values()) == [PASS]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain])
    assert pp.unavailable_reason() is not None


# --- passphrase for scripts ----------------------------------------------------------------------


def test_passphrase_from_file_then_env(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("from the file\nsecond line\n", encoding="utf-8")
    env = {"GPCW_PASSPHRASE": "from the env"}
    assert pp.passphrase_from(secret, env) == "from the file"
    assert pp.passphrase_from(None, env) == "from the env"
    assert pp.passphrase_from(None, {}) is None
    assert pp.passphrase_from(None, {"GPCW_PASSPHRASE": ""}) is None
    secret.write_bytes(b"\xef\xbb\xbf" + PASS.encode() + b"\r\n")
    assert pp.passphrase_from(secret, env) == PASS
    secret.write_text("\n")
    with pytest.raises(IdentityError, match="is empty"):
        pp.passphrase_from(secret, env)
    with pytest.raises(IdentityError, match="could not be read"):
        pp.passphrase_from(tmp_path / "missing.txt", env)


def test_portable_stick_never_touches_the_pcs_keyring(
    use_keyring: Install, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On a prepared stick the keyring belongs to the PC, so nothing is remembered or read."""
    store = MemoryKeyring()
    use_keyring(store)
    store.entries[("GP Cyber Wizard", pp.username_for(FP))] = PASS  # kept by an earlier, installed copy
    (tmp_path / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as the bundle on the stick runs
    monkeypatch.setattr(sys, "executable", str(tmp_path / "gp-cyber-wizard.exe"))
    assert paths.is_portable()
    assert "prepared USB stick" in (pp.unavailable_reason() or "")
    assert "prepared USB stick" in (pp.remember(FP, "another passphrase") or "")
    assert pp.recall(FP) is None
    pp.forget(FP)
    assert store.entries == {("GP Cyber Wizard", pp.username_for(FP)): PASS}
