"""Evidence files are copied, hashed and recorded; bad files get plain messages."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from tests.helpers import find_item
from wizard.core.bank.model import Bank
from wizard.core.draft.evidence import (
    EvidenceError,
    add_evidence,
    evidence_dir,
    plain_name_problem,
    remove_evidence,
    safe_name,
)
from wizard.core.draft.model import Draft
from wizard.core.draft.store import load_draft, save_draft


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)  # opening it would wait for a writer for ever
    return path


@pytest.fixture
def setup(tmp_path: Path, mini_banks: list[Bank], mini_draft: Draft) -> tuple[Path, Draft, object]:
    draft_path = tmp_path / "riverside.json"
    save_draft(draft_path, mini_draft)
    _, item = find_item(mini_banks, "2.1.2")
    return draft_path, mini_draft, item


def test_copy_hash_and_reload(tmp_path: Path, setup: tuple) -> None:  # type: ignore[type-arg]
    draft_path, draft, item = setup
    source = tmp_path / "Business continuity plan v3.pdf"
    payload = b"%PDF-1.7\n" + bytes(range(256)) * 4000
    source.write_bytes(payload)
    ref = add_evidence(draft, draft_path, item, source)  # type: ignore[arg-type]
    assert ref.sha256 == hashlib.sha256(payload).hexdigest()
    assert ref.size == len(payload)
    stored = evidence_dir(draft_path) / ref.stored_as
    assert stored.read_bytes() == payload
    again = add_evidence(draft, draft_path, item, source)  # type: ignore[arg-type]
    assert again.stored_as != ref.stored_as  # never overwrites an earlier copy
    save_draft(draft_path, draft)
    loaded = load_draft(draft_path)
    assert [e.sha256 for e in loaded.answers[item.id].evidence] == [ref.sha256] * 2  # type: ignore[attr-defined]
    remove_evidence(draft, item, ref.stored_as)  # type: ignore[arg-type]
    assert len(draft.answers[item.id].evidence) == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "gone.pdf", "could not be found"),
        (lambda d: _written(d / "empty.pdf", b""), "empty (0 bytes)"),
        (lambda d: d, "is a folder"),
        (lambda d: _fifo(d / "pipe.pdf"), "not an ordinary file"),
        (lambda d: Path("/dev/zero"), "not an ordinary file"),
    ],
    ids=["missing", "empty", "folder", "named pipe", "device"],
)
def test_bad_sources_leave_the_draft_alone(tmp_path: Path, setup: tuple, make, words: str) -> None:  # type: ignore[no-untyped-def,type-arg]
    draft_path, draft, item = setup
    source = make(tmp_path)
    before = draft.model_dump()
    with pytest.raises(EvidenceError, match=re.escape(words)):
        add_evidence(draft, draft_path, item, source)
    assert draft.model_dump() == before


def test_too_large_is_refused_before_copying(tmp_path: Path, setup: tuple) -> None:  # type: ignore[type-arg]
    draft_path, draft, item = setup
    big = tmp_path / "scan.tiff"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    with pytest.raises(EvidenceError, match="largest evidence file"):
        add_evidence(draft, draft_path, item, big, limit=2 * 1024 * 1024)  # type: ignore[arg-type]
    assert not evidence_dir(draft_path).exists() or not any(evidence_dir(draft_path).iterdir())


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("a\\b/c.pdf", "a_b_c.pdf"),
        ("bell\x07\nname.txt", "bell_name.txt"),
        ("CON.txt", "_CON.txt"),
        ("...", "evidence"),
        ("x" * 300 + ".pdf", "x" * 100 + ".pdf"),
        ("invoice\u202efdp.exe", "invoice_fdp.exe"),  # a right-to-left override hides the real ending
        ("report\x9b2J.pdf", "report_2J.pdf"),
    ],
)
def test_names_are_made_safe(original: str, expected: str) -> None:
    assert safe_name(original) == expected


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "empty"),
        ("../../identity/practice-identity.p12", "names a folder or drive"),
        ("/etc/passwd", "names a folder or drive"),
        ("C:\\Windows\\win.ini", "names a folder or drive"),
        ("notes.txt:hidden", "names a folder or drive"),
        ("..", "starts with a dot"),
        (".hidden", "starts with a dot"),
        ("trailing. ", "ends with a dot or space"),
        ("bell\x07.txt", "holds characters"),
        ("NUL.txt", "device name"),
        ("x" * 256, "characters long"),
    ],
)
def test_plain_names(name: str, why: str) -> None:
    assert why in plain_name_problem(name)


def test_safe_names_are_plain() -> None:
    for original in (
        "../../etc/passwd",
        "a\\b/c.pdf",
        "CON.txt",
        "...",
        "x" * 300 + ".pdf",
        "invoice\u202efdp.exe",
    ):
        assert plain_name_problem(safe_name(original)) == ""
