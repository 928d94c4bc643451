"""Shared fixtures: the real banks, the small test banks, drafts on real disk."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wizard.checks.catalogue import CHECK_IDS
from wizard.core.bank.model import Bank, bank_files, load_banks
from wizard.core.draft.model import Draft, new_draft
from wizard.pack.identity.store import Identity, create_identity, identity_dir
from wizard.pack.sign import SigningKey

TESTS = (
    Path(__file__).resolve().parent
)  # shared kits and fixtures; the tests sit in folders named after the packages
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
MINI_BANKS = FIXTURES / "banks"
RIVERSIDE_PASSPHRASE = "Riverside-passphrase-2026"


@pytest.fixture(scope="session")
def real_banks() -> list[Bank]:
    return load_banks(bank_files(ROOT / "questions"), CHECK_IDS)


@pytest.fixture(scope="session")
def mini_banks() -> list[Bank]:
    return load_banks(sorted(MINI_BANKS.glob("*.yaml")), CHECK_IDS)


@pytest.fixture
def mini_draft(mini_banks: list[Bank]) -> Draft:
    return new_draft("Riverside Surgery", "A12345", [b.framework.id for b in mini_banks])


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder."""
    monkeypatch.setenv("GPCW_DATA_DIR", str(tmp_path / "gpcw-data"))
    # Child processes never touch this machine's real keyring either.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture(scope="session")
def icb_estate(real_banks: list[Bank], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Forty practices' packs, a trust folder and the expected list (tests/icb_kit.py), made once a run.

    Forty signed packs take half a minute. Under pytest-xdist the workers share
    one estate in the run's own temporary folder: the first to need it builds it
    holding a lock, the others wait for the lock and read the same files. Every
    user only reads them.
    """
    from tests.icb_kit import Estate, build_estate

    if "PYTEST_XDIST_WORKER" not in os.environ or sys.platform == "win32":
        return build_estate(real_banks, tmp_path_factory.mktemp("estate"))
    import fcntl

    run = tmp_path_factory.getbasetemp().parent  # above each worker's own folder: this run's
    root, built = run / "icb-estate", run / "icb-estate.built"
    with (run / "icb-estate.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not built.exists():
            shutil.rmtree(root, ignore_errors=True)  # a worker stopped half way leaves half an estate
            build_estate(real_banks, root)
            built.touch()
    return Estate.at(root)


@pytest.fixture(scope="session")
def _riverside_identity_made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Identity]:
    """Riverside Surgery's signing identity as ``identity create`` makes it, made once per session.

    Its key derivation is slow on purpose (half a second); tests copy the files instead.
    """
    folder = tmp_path_factory.mktemp("riverside-identity")
    return folder, create_identity("Riverside Surgery", "A12345", RIVERSIDE_PASSPHRASE, folder)


@pytest.fixture
def riverside_identity(_riverside_identity_made: tuple[Path, Identity]) -> Identity:
    """That identity's files copied into this test's own data folder; its passphrase is RIVERSIDE_PASSPHRASE."""
    folder, identity = _riverside_identity_made
    shutil.copytree(identity_dir(folder), identity_dir())
    return identity


@pytest.fixture(scope="session")
def demo_pack(real_banks: list[Bank], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SigningKey]:
    """A genuine pack of the demo assessment and the key that signed it, built once: read it, never change it."""
    from tests.attack_kit import genuine_pack, practice_key

    key = practice_key()
    return genuine_pack(real_banks, tmp_path_factory.mktemp("demo-pack"), key), key
