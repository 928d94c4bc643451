"""Save and load drafts without ever losing what was saved.

Every save is atomic and fsynced, and earlier content is kept as numbered
backups beside the draft, spread over time (``wizard.core.draft.backups``). A file
that fails to load is never overwritten: the caller is offered the newest good
backup, which is copied to a new file so the damaged one stays as evidence.
"""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from wizard.core.atomic import atomic_write, remove_stale_temporaries
from wizard.core.draft import backups
from wizard.core.draft.backups import generations
from wizard.core.draft.model import Draft, DraftFormatError, draft_from_bytes, draft_to_bytes, now

MAX_DRAFT_BYTES = 64 * 1024 * 1024  # far beyond any real draft; stops a runaway read


class DraftLoadError(Exception):
    """A draft could not be loaded. ``newest_good`` is a backup that can be."""

    def __init__(self, message: str, path: Path, newest_good: Path | None) -> None:
        super().__init__(message)
        self.path = path
        self.newest_good = newest_good


class DraftSaveError(Exception):
    """A save failed; the answers are still in memory and the old file is intact."""


def _read(path: Path) -> bytes:
    with path.open("rb") as handle:
        raw = handle.read(MAX_DRAFT_BYTES + 1)
    if len(raw) > MAX_DRAFT_BYTES:
        raise DraftFormatError("it is far too large to be a draft")
    return raw


def _read_draft(path: Path) -> Draft:
    return draft_from_bytes(_read(path))


def newest_good_generation(path: Path) -> Path | None:
    for candidate in generations(path):
        try:
            _read_draft(candidate)
        except (OSError, DraftFormatError):
            continue
        return candidate
    return None


def load_draft(path: Path) -> Draft:
    """Load a draft or raise DraftLoadError with a plain message. Never writes."""
    try:
        return _read_draft(path)
    except FileNotFoundError as exc:
        good = newest_good_generation(path)
        raise DraftLoadError(f"The draft {path.name} could not be found.", path, good) from exc
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DraftLoadError(
            f"The draft {path.name} could not be read ({reason}).", path, newest_good_generation(path)
        ) from exc
    except DraftFormatError as exc:
        good = newest_good_generation(path)
        offer = (
            f" The newest good backup is {good.name}; it can be opened instead."
            if good
            else " No good backup was found."
        )
        raise DraftLoadError(
            f"The draft {path.name} cannot be opened: {exc}. It has been left exactly as it is.{offer}",
            path,
            good,
        ) from exc


def recover(path: Path, when: dt.datetime | None = None) -> tuple[Draft, Path]:
    """Copy the newest good backup of a damaged draft to a new file and load it."""
    good = newest_good_generation(path)
    if good is None:
        raise DraftLoadError(f"No good backup of {path.name} was found.", path, None)
    stamp = (when or dt.datetime.now()).strftime("%Y-%m-%d %H%M%S")
    target = path.with_name(f"{path.stem} (recovered {stamp}){path.suffix}")
    raw = _read(good)
    draft = draft_from_bytes(raw)
    atomic_write(target, raw)
    return draft, target


def _plain_os_error(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {path.parent} cannot be written to (it may be read-only)"
    if exc.errno == errno.ENOSPC:
        return "the disk or USB stick is full"
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO):
        return f"the folder {path.parent} is no longer there (was the USB stick removed?)"
    return exc.strerror or str(exc)


def encode_for_save(draft: Draft) -> bytes:
    """Stamp the save time and serialise: done on the thread that owns the draft."""
    draft.updated_at = now()
    return draft_to_bytes(draft)


def write_draft_bytes(
    path: Path,
    data: bytes,
    *,
    must_exist: bool = False,
    first_of_session: bool = True,
    now: dt.datetime | None = None,
) -> None:
    """Write already-encoded draft bytes atomically, keeping the old as backup 1 when it is due.

    Safe to call from a worker thread. Refuses to overwrite a file that does
    not load as a draft, so a damaged file is never lost to a save. Never
    creates folders: a vanished USB stick must not turn into a new folder on
    the PC. With ``must_exist`` (the file was open), a missing file is an error
    too: its folder may be an empty mount point left behind by a removed stick.
    """
    try:
        remove_stale_temporaries(path)
        try:
            previous: bytes | None = _read(path)
        except FileNotFoundError:
            if must_exist:
                raise DraftSaveError(
                    f"The answers could not be saved: {path.name} is no longer where it was "
                    f"({path.parent}). Was the USB stick removed? Put it back and try again; "
                    "the answers are still kept in the program."
                ) from None
            previous = None
        if previous is not None:
            try:
                draft_from_bytes(previous)
            except DraftFormatError as exc:
                raise DraftSaveError(
                    f"{path.name} on disk is damaged ({exc}), so it was not overwritten. "
                    "Save the assessment under a new name."
                ) from exc
            if previous == data:
                return
            when = now or dt.datetime.now(dt.UTC)
            if backups.due(path, first_of_session, when):
                backups.keep(path, previous, when)
        atomic_write(path, data)
    except OSError as exc:
        raise DraftSaveError(
            f"The answers could not be saved: {_plain_os_error(exc, path)}. "
            "They are still kept in the program; nothing already saved was lost."
        ) from exc
    except DraftFormatError as exc:
        raise DraftSaveError(
            f"{path.name} on disk could not be checked ({exc}); it was not overwritten."
        ) from exc


def save_draft(path: Path, draft: Draft) -> None:
    """Save atomically with backups (see ``write_draft_bytes``)."""
    write_draft_bytes(path, encode_for_save(draft))
