"""The one map of the data folder: where each kind of thing the program keeps lives.

    data/                      (wizard.core.paths.data_dir: beside the program on a stick)
      drafts/                  assessments, each with "<name> evidence/" beside it
      identity/                the practice's signing key and certificate
      estate/                  check results carried from the practice's other computers
      packs/                   signed evidence packs the wizard made
      settings.json            the window's size and place, the last pack
      recent.json              the drafts this PC opened
      last-command-output.txt  what a command printed when it had no console

Nothing here creates a folder: reading must not write.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from wizard.core.paths import data_dir


def evidence_dir(draft_path: Path) -> Path:
    """A draft's evidence folder: "<draft name> evidence" beside the draft, wherever it is kept."""
    return draft_path.with_name(f"{draft_path.stem} evidence")


def in_kept_folder(path: Path, draft_path: Path) -> bool:
    """Is ``path`` inside the draft's evidence folder or the signing-key folder?

    Nothing the program writes out (a pack, a sheet) may go there: a mistyped
    name must never replace a piece of evidence or the key.
    """
    where = path.resolve()
    for folder in (evidence_dir(draft_path), data_folder().identity):
        with contextlib.suppress(OSError, ValueError):
            if where.is_relative_to(folder.resolve()):
                return True
    return False


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def identity(self) -> Path:
        return self.root / "identity"

    @property
    def estate(self) -> Path:
        return self.root / "estate"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def recent_file(self) -> Path:
        return self.root / "recent.json"

    @property
    def command_log(self) -> Path:
        return self.root / "last-command-output.txt"

    @staticmethod
    def evidence(draft_path: Path) -> Path:
        """A draft's evidence folder, beside the draft wherever the draft is kept."""
        return evidence_dir(draft_path)


def data_folder(root: Path | None = None) -> DataFolder:
    """The map of ``root``, or of this program's data folder."""
    return DataFolder(root if root is not None else data_dir())
