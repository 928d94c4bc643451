"""Drafts on real disk: round trip, generations, damaged files, failed saves."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.unprivileged import run_unprivileged, shared_tmp_dir
from wizard.app.checks import judge
from wizard.checks.facts import load_snapshot
from wizard.core.bank.model import Bank
from wizard.core.draft.answers import set_answer, set_provider
from wizard.core.draft.backups import GENERATIONS, backup_path, generations
from wizard.core.draft.fields import write_field
from wizard.core.draft.files import name_after_practice
from wizard.core.draft.model import SCHEMA_VERSION, Draft, draft_to_bytes, new_draft
from wizard.core.draft.store import (
    DraftLoadError,
    DraftSaveError,
    load_draft,
    recover,
    save_draft,
    write_draft_bytes,
)
from wizard.core.estate import add_device_report, device_reports


def _saved(path: Path, notes: list[str]) -> Draft:
    draft = new_draft("Riverside Surgery", "A12345", ["mini-dspt"])
    for note in notes:
        draft.practice.address = note
        save_draft(path, draft)
    return draft


def test_round_trip_keeps_everything(tmp_path: Path, mini_banks: list[Bank], mini_draft: Draft) -> None:
    bank = next(b for b in mini_banks if b.framework.scoring == "dspt")
    training = bank.find("1.1.2")
    assert training is not None and training.fields
    write_field(mini_draft, training, training.fields[0], 24)
    set_answer(mini_draft, bank.find("2.1.1"), "yes")  # type: ignore[arg-type]
    set_provider(mini_draft, bank.find("2.1.1"), "ICB IT", dt.date(2026, 3, 12))  # type: ignore[arg-type]
    mini_draft.facts["breaches_12m"] = 0
    mini_draft.answers["mini-training"].note = "Two locums still to finish"
    report = judge(load_snapshot(FIXTURES / "checks" / "macos" / "sequoia_15_configured.json")).report
    add_device_report(mini_draft, report)
    path = tmp_path / "riverside.json"
    save_draft(path, mini_draft)
    loaded = load_draft(path)
    assert loaded == mini_draft
    assert device_reports(loaded) == [report]  # typed, not a dict every reader converts
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION


def test_keeps_the_last_five_generations(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    _saved(path, [f"save {n}" for n in range(9)])
    kept = generations(path)
    assert len(kept) == GENERATIONS
    assert [load_draft(p).practice.address for p in kept] == [f"save {n}" for n in (7, 6, 5, 4, 3)]
    assert load_draft(path).practice.address == "save 8"
    assert not list(tmp_path.glob(".gpcw-tmp-*"))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{",
        b"\xff\xfe garbage",
        b'{"schema": "something else"}',
        b"[1, 2, 3]",
        b'{"schema": "gp-cyber-wizard/draft", "schema_version": 1, "practice": 7}',
    ],
)
def test_damaged_draft_offers_newest_good_and_is_never_overwritten(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "d.json"
    draft = _saved(path, ["first", "second", "third"])
    path.write_bytes(damage)
    with pytest.raises(DraftLoadError) as caught:
        load_draft(path)
    assert caught.value.newest_good == backup_path(path, 1)
    assert "left exactly as it is" in str(caught.value)
    with pytest.raises(DraftSaveError, match="not overwritten"):
        save_draft(path, draft)
    assert path.read_bytes() == damage
    recovered, new_path = recover(path)
    assert recovered.practice.address == "second"
    assert new_path != path and "recovered" in new_path.name
    assert load_draft(new_path) == recovered
    assert path.read_bytes() == damage


def test_newer_version_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    data = json.loads(draft_to_bytes(new_draft("X", "A12345", [])))
    data["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(DraftLoadError, match="newer version of GP Cyber Wizard"):
        load_draft(path)
    assert path.read_bytes() == before


def test_save_into_read_only_folder_is_a_plain_error() -> None:
    folder = shared_tmp_dir() / "stick"
    folder.mkdir()
    path = folder / "d.json"
    _saved(path, ["kept"])
    path.chmod(0o644)
    folder.chmod(0o555)

    def attempt() -> str:
        draft = load_draft(path)
        draft.practice.address = "new"
        try:
            save_draft(path, draft)
        except DraftSaveError as exc:
            return f"{exc} | in memory: {draft.practice.address}"
        return "saved"

    try:
        message = run_unprivileged(attempt)
    finally:
        folder.chmod(0o755)
    assert "cannot be written to" in message and "nothing already saved was lost" in message
    assert message.endswith("in memory: new")
    assert load_draft(path).practice.address == "kept"


def test_save_where_folder_vanished_is_a_plain_error(tmp_path: Path) -> None:
    """A pulled USB stick: the folder is a file now, so nothing can be created under it."""
    blocker = tmp_path / "E:"
    blocker.write_text("not a folder")
    with pytest.raises(DraftSaveError, match="could not be saved"):
        save_draft(blocker / "d.json", new_draft("X", "A12345", []))


def test_backups_span_an_afternoon_not_the_last_few_seconds(tmp_path: Path) -> None:
    """Autosave every 30 s from 13:00 to 17:00, with the program restarted at 15:00."""
    path = tmp_path / "riverside.json"
    start = dt.datetime(2026, 11, 30, 13, 0, tzinfo=dt.UTC)
    draft = new_draft("Riverside Surgery", "A12345", ["mini-dspt"])
    saves = 0
    for session_start, minutes in ((0, 120), (120, 120)):
        for step in range(minutes * 2):
            now = start + dt.timedelta(minutes=session_start, seconds=30 * step)
            draft.practice.address = f"{now:%H:%M:%S}"
            write_draft_bytes(path, draft_to_bytes(draft), first_of_session=step == 0, now=now)
            saves += 1
    kept = [load_draft(p).practice.address for p in generations(path)]
    assert saves == 480 and len(kept) == GENERATIONS
    # Half an hour apart, back to the state the restart at 15:00 found.
    assert kept == ["16:29:30", "15:59:30", "15:29:30", "14:59:30", "14:30:00"]
    assert load_draft(path).practice.address == "16:59:30"


def test_the_first_save_of_a_session_keeps_what_the_session_started_from(tmp_path: Path) -> None:
    path = tmp_path / "riverside.json"
    draft = new_draft("Riverside Surgery", "A12345", ["mini-dspt"])
    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    for n, first in enumerate((True, False, False, True, False)):
        draft.practice.address = f"save {n}"
        write_draft_bytes(
            path, draft_to_bytes(draft), first_of_session=first, now=now + dt.timedelta(seconds=n)
        )
    assert [load_draft(p).practice.address for p in generations(path)] == ["save 2", "save 0"]


def test_a_provisional_draft_is_renamed_with_its_backups_and_evidence(tmp_path: Path) -> None:
    path = tmp_path / "Assessment 2026-12-01 0754.json"
    _saved(path, ["one", "two", "three"])
    (tmp_path / "Assessment 2026-12-01 0754 evidence").mkdir()
    (tmp_path / "Assessment 2026-12-01 0754 evidence" / "plan.pdf").write_bytes(b"%PDF")
    (tmp_path / "Riverside Surgery.json").write_text("someone else's file")
    renamed = name_after_practice(path, "Riverside Surgery")
    assert renamed.name == "Riverside Surgery (2).json"  # never over another file
    assert load_draft(renamed).practice.address == "three"
    assert [load_draft(p).practice.address for p in generations(renamed)] == ["two", "one"]
    assert (tmp_path / "Riverside Surgery (2) evidence" / "plan.pdf").read_bytes() == b"%PDF"
    assert not path.exists() and not generations(path)
    assert name_after_practice(renamed, "Another Name") == renamed  # only a provisional name changes
