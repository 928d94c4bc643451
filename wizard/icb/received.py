"""Check the packs an ICB received: each one verified, its signer judged by the trust folder, its facts read.

The commands and the reviewer window both call ``check_packs``; what it
returns is turned into the CSV by ``folder_report`` and the board's report by
``estate``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wizard.core.bank.model import Bank
from wizard.core.safe_text import plain
from wizard.icb.errors import IcbError
from wizard.icb.pack_facts import PackFacts, pack_facts
from wizard.icb.signer_check import Standing, check_signer
from wizard.icb.trust_store import TrustStore
from wizard.pack.identity.cert import ods_code_of
from wizard.pack.verify import UnreadablePackError, Verdict, verify_file

SIGNATURE_GOOD = "signature good"
SIGNATURE_NOT_GOOD = "signature not good"


@dataclass
class CheckedPack:
    path: Path
    verdict: Verdict
    readable: bool = True
    standing: Standing | None = None
    facts: PackFacts | None = None
    duplicate: str = ""  # set when the practice sent more than one pack

    @property
    def ok(self) -> bool:
        return self.readable and self.verdict.ok

    @property
    def signature_words(self) -> str:
        return SIGNATURE_GOOD if self.ok else SIGNATURE_NOT_GOOD

    @property
    def signer_ods(self) -> str:
        cert = self.verdict.certificate
        return (ods_code_of(cert) or "") if cert is not None else ""

    @property
    def practice_ods(self) -> str:
        """The practice the pack is about: its confirmed summary's, else the signer's."""
        return str(self.verdict.summary.get("ods_code", "")) or self.signer_ods

    @property
    def practice_name(self) -> str:
        return str(self.verdict.summary.get("practice", ""))


@dataclass(frozen=True)
class Trust:
    """How the signer is to be trusted: a store (folder or certificates) or one fingerprint."""

    store: TrustStore | None = None
    fingerprint: str | None = None


def quiet_pyhanko() -> None:
    """pyHanko logs a traceback for every untrusted certificate: not for a commissioner's screen or log."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def check_pack(path: Path, trust: Trust, banks: Sequence[Bank]) -> CheckedPack:
    """Verify one pack; a file that cannot be read at all comes back with ``readable`` False."""
    store = trust.store
    try:
        verdict = verify_file(path, store.roots() if store else [], trust.fingerprint, banks)
    except UnreadablePackError as exc:
        return CheckedPack(path, Verdict(path, problems=[str(exc)]), readable=False)
    found = check_signer(store, verdict) if store is not None else None
    return CheckedPack(path, verdict, standing=found, facts=pack_facts(verdict, banks))


def _is_folder(path: Path) -> bool:
    """Path.is_dir() raises on some bad names (one too long, say); such a path is a file that cannot be read."""
    try:
        return path.is_dir()
    except OSError:
        return False


def packs_in(folder: Path) -> list[Path]:
    """Every PDF in the folder, whatever the case of its extension (.pdf, .PDF, .Pdf)."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise IcbError(f"The folder {plain(folder)} could not be read ({exc.strerror or exc}).") from exc
    return sorted(p for p in entries if p.suffix.lower() == ".pdf" and not _is_folder(p))


@dataclass(frozen=True)
class Gathered:
    files: list[Path]
    folders: list[Path]
    empty: list[Path]  # folders that hold no PDF


def gather(paths: Sequence[Path]) -> Gathered:
    """The files named, and every PDF in the folders named."""
    folders = [p for p in paths if _is_folder(p)]
    files = [p for p in paths if not _is_folder(p)]
    empty: list[Path] = []
    for folder in folders:
        inside = packs_in(folder)
        files += inside
        if not inside:
            empty.append(folder)
    return Gathered(files, folders, empty)


def check_packs(
    files: Sequence[Path],
    trust: Trust,
    banks: Sequence[Bank],
    progress: Callable[[int, int], None] | None = None,
) -> list[CheckedPack]:
    """Every pack checked, in the order given; ``progress(done, total)`` after each."""
    quiet_pyhanko()
    checked: list[CheckedPack] = []
    for number, path in enumerate(files, 1):
        checked.append(check_pack(path, trust, banks))
        if progress is not None:
            progress(number, len(files))
    return checked
