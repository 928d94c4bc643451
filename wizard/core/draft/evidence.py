"""Evidence files: copied into the draft's evidence folder and pinned by SHA-256.

The copy is streamed (a large scan never sits in memory), hashed as it is
copied, and only then recorded in the draft, so a failure leaves the draft as
it was. A draft names each copy by a plain file name inside its evidence
folder; a hand-edited draft cannot make the pack read a file anywhere else
(``..``, an absolute path, a link or a device).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from wizard.core.atomic import read_regular
from wizard.core.bank.schema import Item
from wizard.core.data_folder import evidence_dir
from wizard.core.draft.model import Draft, EvidenceRef, now

MAX_EVIDENCE_BYTES = 250 * 1024 * 1024
MAX_NAME = 255  # the longest file name Windows, macOS and Linux all allow
_CHUNK = 1024 * 1024
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


class EvidenceError(ValueError):
    """The file cannot be used as evidence; the message says why, plainly."""


def safe_name(original: str) -> str:
    """A file name safe on Windows, macOS and Linux that still looks like the original."""
    name = unicodedata.normalize("NFC", original)
    name = _UNSAFE.sub("_", name).strip(" ._") or "evidence"
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    stem = stem[:100]
    suffix = suffix[:16]
    return f"{stem}.{suffix}" if suffix else stem


def plain_name_problem(name: str) -> str:
    """Why ``name`` is not a plain file name safe to save anywhere, or "" when it is.

    Plain: no folder part, no drive, no control or direction-changing
    characters, nothing Windows would trim or treat as a device.
    """
    if not name:
        return "the name is empty"
    if len(name) > MAX_NAME:
        return f"the name is {len(name)} characters long (at most {MAX_NAME})"
    if "/" in name or "\\" in name or ":" in name:
        return f"“{_shown(name)}” names a folder or drive, not just a file"
    if _UNSAFE.search(name) or name != unicodedata.normalize("NFC", name):
        return f"“{_shown(name)}” holds characters a file name must not"
    if name.startswith(".") or name.endswith((" ", ".")):
        return f"“{_shown(name)}” starts with a dot or ends with a dot or space"
    if name.partition(".")[0].lower() in _RESERVED:
        return f"“{_shown(name)}” is a device name on Windows"
    return ""


def _shown(name: str) -> str:
    """A name as it can be printed in a message: unsafe characters made visible, and not too long."""
    visible = _UNSAFE.sub("?", name)
    return visible if len(visible) <= 80 else visible[:77] + "…"


def evidence_path(draft_path: Path, ref: EvidenceRef) -> Path:
    """Where the copy of ``ref`` lives: always a plain name directly inside the evidence folder."""
    problem = plain_name_problem(ref.stored_as)
    if problem:
        raise EvidenceError(
            f"The evidence file “{_shown(ref.name)}” is recorded in the draft at a place outside its "
            f"evidence folder ({problem}). Attach the file again."
        )
    return evidence_dir(draft_path) / ref.stored_as


def read_evidence(draft_path: Path, ref: EvidenceRef) -> bytes:
    """The bytes of a stored copy: an ordinary file (not a link or device), no larger than allowed."""
    return read_regular(evidence_path(draft_path, ref), MAX_EVIDENCE_BYTES, follow_symlinks=False)


def _unique(folder: Path, name: str) -> Path:
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({counter}){suffix}"
        counter += 1
    return candidate


def _check_source(source: Path, limit: int) -> int:
    try:
        info = source.stat()
    except FileNotFoundError as exc:
        raise EvidenceError(f"The file {source.name} could not be found. Was it moved or deleted?") from exc
    except OSError as exc:
        raise EvidenceError(f"The file {source.name} could not be opened ({exc.strerror}).") from exc
    if stat.S_ISDIR(info.st_mode):
        raise EvidenceError(f"{source.name} is a folder. Please choose the files inside it instead.")
    if not stat.S_ISREG(info.st_mode):
        raise EvidenceError(
            f"{source.name} is not an ordinary file (a device or a pipe), so it cannot be evidence."
        )
    if info.st_size == 0:
        raise EvidenceError(f"The file {source.name} is empty (0 bytes), so it cannot show anything.")
    if info.st_size > limit:
        raise EvidenceError(
            f"The file {source.name} is {info.st_size / 1048576:.0f} MB; the largest evidence file "
            f"the pack can carry is {limit / 1048576:.0f} MB. A screenshot or a PDF export of the "
            "relevant page is usually enough."
        )
    return info.st_size


def copy_evidence(draft_path: Path, source: Path, limit: int = MAX_EVIDENCE_BYTES) -> EvidenceRef:
    """Copy ``source`` into the draft's evidence folder, hashing as it goes.

    Touches only files, never the draft, so it can run on a worker thread.
    """
    _check_source(source, limit)
    folder = evidence_dir(draft_path)
    digest = hashlib.sha256()
    size = 0
    try:
        folder.mkdir(exist_ok=True)
        target = _unique(folder, safe_name(source.name))
        tmp = target.with_name(f".partial-{os.getpid()}-{target.name}")
        try:
            with source.open("rb") as reader, tmp.open("wb") as writer:
                while chunk := reader.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise EvidenceError(f"The file {source.name} grew too large while being copied.")
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            tmp.replace(target)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
    except PermissionError as exc:
        raise EvidenceError(
            f"The file {source.name} could not be read or copied: permission denied."
        ) from exc
    except OSError as exc:
        raise EvidenceError(f"The file {source.name} could not be copied ({exc.strerror or exc}).") from exc
    return EvidenceRef(
        name=safe_name(source.name),
        stored_as=target.name,
        sha256=digest.hexdigest(),
        size=size,
        added_at=now(),
    )


def attach_evidence(draft: Draft, item: Item, ref: EvidenceRef) -> None:
    answer = draft.answer(item.id)
    draft.answers[item.id] = answer.changed(evidence=[*answer.evidence, ref])


def add_evidence(
    draft: Draft, draft_path: Path, item: Item, source: Path, limit: int = MAX_EVIDENCE_BYTES
) -> EvidenceRef:
    """Copy ``source`` into the evidence folder and attach it to ``item``."""
    ref = copy_evidence(draft_path, source, limit)
    attach_evidence(draft, item, ref)
    return ref


def remove_evidence(draft: Draft, item: Item, stored_as: str) -> None:
    """Detach a file from an item. The copy stays in the folder for the record."""
    answer = draft.answer(item.id)
    kept = [ref for ref in answer.evidence if ref.stored_as != stored_as]
    draft.answers[item.id] = answer.changed(evidence=kept)
