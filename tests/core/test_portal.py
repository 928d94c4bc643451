"""The toolkit sheet: every evidence item in toolkit order, in the toolkit's own answer form."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from tests.cli_run import run_cli
from tests.core.test_banks_real import DSPT_GP_2025_26
from wizard.core.bank.model import Bank
from wizard.core.data_folder import data_folder, evidence_dir
from wizard.core.demo import demo_draft
from wizard.core.draft.answers import set_answer
from wizard.core.draft.store import save_draft
from wizard.core.portal import SheetTargetError, portal_csv, portal_sheet, sheet_target

AS_AT = dt.date(2026, 5, 1)


def _dspt(banks: list[Bank]) -> Bank:
    return next(b for b in banks if b.framework.scoring == "dspt")


def test_a_complete_demo_lists_45_items_in_toolkit_order(real_banks: list[Bank]) -> None:
    draft = demo_draft(real_banks, AS_AT, gaps=False)
    rows = portal_sheet(_dspt(real_banks), draft)
    assert [r.ref for r in rows] == list(DSPT_GP_2025_26)
    assert [r.form for r in rows] == [form for form, *_ in DSPT_GP_2025_26.values()]
    by_ref = {r.ref: r for r in rows}
    assert all(r.answer == "Tick" for r in rows if r.form == "tick")
    assert by_ref["1.1.1"].answer == "Z1234567"  # the practice's ICO number, asked once
    assert "Senior Information Risk Owner (SIRO): Dr Amelia Shah (GP partner)" in by_ref["1.1.5"].answer
    assert by_ref["1.1.2"].answer.startswith("Statement: ")
    for ref in ("6.1.2", "6.1.3"):  # no breaches in the demo: not applicable, in the toolkit's way
        assert by_ref[ref].status == "Not applicable" and by_ref[ref].comment.startswith("Not applicable")
    assert by_ref["6.2.1"].comment.startswith("Answer given by the IT provider: per ICB IT, ")
    assert "Worked out: 100%" in by_ref["3.2.1"].comment
    assert {r.mandatory for r in rows} == {"Approaching and Met", "Met", ""}


def test_gaps_say_what_is_not_ready(real_banks: list[Bank]) -> None:
    draft = demo_draft(real_banks, AS_AT)
    bank = _dspt(real_banks)
    set_answer(draft, bank.find("1.2.4"), "no")  # type: ignore[arg-type]
    by_ref = {r.ref: r for r in portal_sheet(bank, draft)}
    assert by_ref["1.2.4"].answer == "Leave unticked" and by_ref["1.2.4"].status == "Not met"
    assert by_ref["3.2.1"].answer == "Leave unticked" and "Worked out: 83.3%" in by_ref["3.2.1"].comment
    assert by_ref["7.3.4"].answer == "Not ready: not sure"


def test_csv_cannot_run_as_a_spreadsheet_formula(real_banks: list[Bank]) -> None:
    draft = demo_draft(real_banks, AS_AT)
    bank = _dspt(real_banks)
    set_answer(draft, bank.find("1.3.6"), '=HYPERLINK("http://evil")')  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(portal_csv(portal_sheet(bank, draft)))))
    assert rows[0][:4] == ["ref", "form", "mandatory", "toolkit answer"]
    cell = next(r for r in rows if r[0] == "1.3.6")[3]
    assert cell.startswith("'=") and len(rows) == 46


def test_cli_prints_the_sheet(real_banks: list[Bank], tmp_path: Path) -> None:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, AS_AT, gaps=False))
    text = run_cli("portal-sheet", path)
    assert text.returncode == 0, text.stderr
    refs = [line.split()[0] for line in text.stdout.splitlines() if line and not line.startswith(" ")]
    assert refs == list(DSPT_GP_2025_26)
    assert "Toolkit: Tick" in text.stdout
    table = run_cli("portal-sheet", path, "--csv")
    assert table.returncode == 0 and len(list(csv.reader(io.StringIO(table.stdout)))) == 46


def test_the_sheet_is_saved_with_a_csv_name_and_never_over_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "riverside.json"
    draft.write_text("{}")
    assert sheet_target(tmp_path / "sheet.CSV", draft) == tmp_path / "sheet.CSV"
    assert sheet_target(tmp_path / "sheet", draft) == tmp_path / "sheet.csv"  # typed without the ending
    assert (
        sheet_target(draft, draft) == tmp_path / "riverside.json.csv"
    )  # the draft itself, picked by mistake


@pytest.mark.parametrize("where", ["evidence", "identity"])
def test_the_sheet_never_goes_in_the_evidence_or_key_folders(tmp_path: Path, where: str) -> None:
    draft = data_folder().drafts / "riverside.json"
    folder = evidence_dir(draft) if where == "evidence" else data_folder().identity
    folder.mkdir(parents=True)
    with pytest.raises(SheetTargetError, match="evidence or the signing key"):
        sheet_target(folder / "sheet.csv", draft)


def test_a_folder_named_like_a_sheet_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").mkdir()
    with pytest.raises(SheetTargetError, match="a folder or a device"):
        sheet_target(tmp_path / "sheet.csv", tmp_path / "riverside.json")
