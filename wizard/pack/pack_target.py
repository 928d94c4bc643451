"""Where a pack may be written: never over the draft, the signing key, evidence or any non-PDF.

A mistyped ``--out`` (the draft's own name, the key file, a folder, a device)
must cost nothing: the place is checked before anything is built, and the
pack is then written atomically, so the old file is replaced whole or not at
all. Overwriting an older pack (a PDF) is how a practice remakes one.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from wizard.core.data_folder import in_kept_folder
from wizard.pack.attachments import PackInputError

PDF_MAGIC = b"%PDF-"


def _is_pdf(path: Path) -> bool:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read(len(PDF_MAGIC)) == PDF_MAGIC


def check_target(out: Path, draft_path: Path) -> None:
    """Raise PackInputError, saying why, if writing the pack to ``out`` could destroy something."""
    if out.suffix.lower() != ".pdf":
        raise PackInputError(f"The pack is a PDF: give a file name ending in .pdf (not {out.name}).")
    where = out.resolve()
    if in_kept_folder(where, draft_path):
        raise PackInputError(
            f"{out} is in the folder that holds the draft's evidence or the signing key; "
            "save the pack somewhere else."
        )
    try:
        info = where.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise PackInputError(f"{out} cannot be checked ({exc.strerror or exc}).") from exc
    if stat.S_ISDIR(info.st_mode):
        raise PackInputError(f"{out} is a folder; give a file name for the pack.")
    if not stat.S_ISREG(info.st_mode):
        raise PackInputError(f"{out} is not an ordinary file (a device or a pipe); choose another name.")
    with contextlib.suppress(OSError):
        if where.samefile(draft_path):
            raise PackInputError(f"{out} is the draft itself; the pack would replace your answers.")
    try:
        is_pdf = _is_pdf(where)
    except OSError as exc:
        raise PackInputError(f"{out} cannot be checked ({exc.strerror or exc}).") from exc
    if not is_pdf:
        raise PackInputError(
            f"{out} already exists and is not a PDF, so it was not overwritten; choose another name."
        )
