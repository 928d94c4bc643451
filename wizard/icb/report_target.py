"""Where the estate report may be written: never over a practice's pack, never among the packs.

A report saved in the folder of packs is read back as a pack the next time
that folder is checked ("signature not good: the file has no signature"), and
one saved over a pack destroys what a practice sent. Both are refused before
anything is checked or written, with a message that says where to put it.
"""

from __future__ import annotations

import contextlib
import mmap
from collections.abc import Sequence
from pathlib import Path

from wizard.core.safe_text import plain
from wizard.icb.errors import IcbError

_SIGNED = b"/ByteRange"  # every PDF signature has one; the estate report is never signed


def _is_signed(path: Path) -> bool:
    if path.stat().st_size == 0:  # mmap cannot map an empty file
        return False
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as whole:
        return whole.find(_SIGNED) >= 0


def _same(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return a.resolve() == b.resolve()
    return False


def check_report_target(out: Path, pack_folders: Sequence[Path], pack_files: Sequence[Path] = ()) -> None:
    """Raise IcbError, saying why and where instead, if the report should not be written to ``out``."""
    if out.suffix.lower() != ".pdf":
        raise IcbError(f"The report must be a .pdf file ({plain(out)} was not written).")
    for folder in pack_folders:
        if _same(out.parent, folder):
            raise IcbError(
                f"{plain(out)} is in the folder of packs, so the next check would read the report as a "
                f"practice's pack. Save it somewhere else, for example in {plain(folder.parent)}."
            )
    if any(_same(out, pack) for pack in pack_files):
        raise IcbError(f"{plain(out)} is one of the packs being checked; it was not written over.")
    try:
        if not out.exists():
            return
        if not out.is_file():
            raise IcbError(f"{plain(out)} is a folder or a device, not a file; choose another name.")
        signed = _is_signed(out)
    except OSError as exc:
        raise IcbError(f"{plain(out)} cannot be checked ({exc.strerror or exc}).") from exc
    if signed:
        raise IcbError(
            f"{plain(out)} already exists and is a signed pack, so it was not written over; "
            "choose another name for the report."
        )
