"""The toolkit sheet page: the 45 items in toolkit order, copied and saved as the practice sees them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.core.test_banks_real import DSPT_GP_2025_26
from tests.ui_helpers import open_on_page
from wizard.core.bank.model import Bank
from wizard.core.data_folder import evidence_dir
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.core.portal import SHEET_COLUMNS
from wizard.ui.pages.portal import PortalPage


@pytest.fixture
def sheet(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> Iterator[tuple[PortalPage, Path]]:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window, page = open_on_page(qtbot, real_banks, path, "portal", PortalPage)
    yield page, path  # the window lives as long as the test
    window.close()


def test_every_item_in_toolkit_order_with_its_mandatory_level(sheet: tuple[PortalPage, Path]) -> None:
    page, _ = sheet
    table = page.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == list(SHEET_COLUMNS)
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == list(DSPT_GP_2025_26)
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index("3.2.1")
    assert table.item(row, 1).text() == "tick\nMet" and table.item(row, 4).text() == "Not met"
    assert page.message.text() == "44 of 45 items ready to enter."  # the demo is not sure of 7.3.4


def test_copy_gives_a_spreadsheet_the_same_cells(sheet: tuple[PortalPage, Path]) -> None:
    page, _ = sheet
    page.copy()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == list(SHEET_COLUMNS) and len(lines) == 46
    assert next(line for line in lines if line.startswith("3.2.1\t")).split("\t")[1] == "tick / Met"


def test_save_writes_a_csv_that_opens_in_a_spreadsheet(
    sheet: tuple[PortalPage, Path], tmp_path: Path
) -> None:
    page, draft = sheet
    before = draft.read_bytes()
    page.save_csv_to(draft)  # the draft itself, picked by mistake: a new .csv beside it, the draft untouched
    saved = draft.with_name(draft.name + ".csv")
    assert page.message.text() == f"Saved {saved}."
    assert draft.read_bytes() == before
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads the accents and pound signs
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "ref" and len(rows) == 46


def test_save_into_the_evidence_folder_is_refused_in_plain_words(sheet: tuple[PortalPage, Path]) -> None:
    page, draft = sheet
    folder = evidence_dir(draft)
    folder.mkdir(exist_ok=True)
    page.save_csv_to(folder / "sheet.csv")
    assert "save the sheet somewhere else" in page.message.text()
    assert not (folder / "sheet.csv").exists()
