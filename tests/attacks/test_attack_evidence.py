"""A hand-edited draft cannot make the pack carry a file from outside its evidence folder.

The draft names each evidence copy; edited, it could point at the signing key
('..' or an absolute path), at a link to it, or at a device or a named pipe
that would hang the build. Each is refused with a plain message and nothing
is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_run import run_cli, run_process
from tests.conftest import RIVERSIDE_PASSPHRASE as PASS
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.evidence import evidence_dir
from wizard.core.draft.store import save_draft
from wizard.pack.identity.store import KEY_FILE, identity_dir


def _key_file() -> Path:
    return identity_dir() / KEY_FILE


def _up_to_the_key(folder: Path) -> str:
    return os.path.relpath(_key_file(), folder)


def _absolute(_folder: Path) -> str:
    return str(_key_file())


def _link_to_the_key(folder: Path) -> str:
    (folder / "plan.pdf").symlink_to(_key_file())
    return "plan.pdf"


def _named_pipe(folder: Path) -> str:
    os.mkfifo(folder / "pipe.pdf")
    return "pipe.pdf"


def _device(folder: Path) -> str:
    (folder / "zero.pdf").symlink_to("/dev/zero")
    return "zero.pdf"


PLACES: dict[str, tuple[Callable[[Path], str], str]] = {
    "dot-dot": (_up_to_the_key, "outside its evidence folder"),
    "absolute": (_absolute, "outside its evidence folder"),
    "link": (_link_to_the_key, "not an ordinary file"),
    "named pipe": (_named_pipe, "not an ordinary file"),
    "device": (_device, "not an ordinary file"),
}


@pytest.mark.usefixtures("riverside_identity")
@pytest.mark.parametrize("place", sorted(PLACES))
def test_evidence_outside_the_folder_is_refused(real_banks: list[Bank], place: str, tmp_path: Path) -> None:
    draft_path = tmp_path / "riverside.json"
    save_draft(draft_path, demo_draft(real_banks, dt.date.today()))
    folder = evidence_dir(draft_path)
    folder.mkdir()
    make, words = PLACES[place]
    stored_as = make(folder)
    data = json.loads(draft_path.read_text(encoding="utf-8"))
    item = next(iter(data["answers"]))
    data["answers"][item]["evidence"] = [
        {
            "name": "Business continuity plan.pdf",
            "stored_as": stored_as,
            "sha256": hashlib.sha256(_key_file().read_bytes()).hexdigest(),  # what the key file hashes to
            "size": _key_file().stat().st_size,
            "added_at": "2026-11-30T09:00:00Z",
        }
    ]
    draft_path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "pack.pdf"
    run = run_process if place == "device" else run_cli  # a child's memory, were /dev/zero read whole
    result = run("pack", draft_path, "--out", out, env={"GPCW_PASSPHRASE": PASS})
    assert result.returncode == 1 and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
