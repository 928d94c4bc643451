"""The reviewer window: the start page opens it; it checks the estate's packs and writes the estate report."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests import icb_kit as kit
from wizard.core.bank.model import Bank
from wizard.ui.main_window import MainWindow
from wizard.ui.packs_table import SHOWN
from wizard.ui.packs_window import PacksWindow
from wizard.ui.style import tint


def _column(name: str) -> int:
    return [column for column, _ in SHOWN].index(name)


def test_the_start_page_opens_the_reviewer(qtbot: QtBot, real_banks: list[Bank]) -> None:
    window = MainWindow(real_banks)
    qtbot.addWidget(window)
    window.start.review_button.click()
    reviewer = window.workspace.packs_window  # type: ignore[union-attr]
    assert reviewer is not None and reviewer.isVisible()
    assert not reviewer.check_button.isEnabled()  # nothing chosen yet
    reviewer.close()


def test_review_a_folder_and_write_the_estate_report(
    qtbot: QtBot, real_banks: list[Bank], icb_estate: kit.Estate, tmp_path: Path
) -> None:
    reviewer = PacksWindow(real_banks)
    qtbot.addWidget(reviewer)
    reviewer.show()
    reviewer.set_folder(icb_estate.folder)
    reviewer.set_trust_dir(icb_estate.trust)
    reviewer.set_expected(icb_estate.expect)
    reviewer.check_button.click()
    qtbot.waitUntil(lambda: reviewer.checked is not None and not reviewer.busy, timeout=120_000)
    model = reviewer.proxy
    assert model.rowCount() == 41
    assert (
        reviewer.status.text()
        == "40 packs checked: 36 with a good signature, 4 not good; 1 expected practice sent none."
    )
    signature = _column("signature")
    reviewer.table.sortByColumn(signature, Qt.SortOrder.DescendingOrder)  # "signature not good" first
    top = model.index(0, signature)
    assert model.data(top) == "signature not good"
    assert model.data(top, Qt.ItemDataRole.BackgroundRole).color() == tint("signature not good")[0]
    impostor = next(
        r for r in range(model.rowCount()) if model.data(model.index(r, _column("file"))) == "p10007.pdf"
    )
    reviewer.table.selectRow(impostor)
    details = reviewer.details_text(reviewer.selected_row() or {})
    assert "Signer's ODS code: P10008" in details and "signed by another practice (P10008)" in details
    actions = _column("actions")
    reviewer.table.sortByColumn(actions, Qt.SortOrder.AscendingOrder)
    numbers = [model.data(model.index(r, actions)) for r in range(model.rowCount())]
    filled = [int(n) for n in numbers if n]
    assert filled == sorted(filled)  # numbers sort as numbers
    target = tmp_path / "estate.pdf"
    reviewer.write_report(target)
    qtbot.waitUntil(lambda: not reviewer.busy, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF") and target.with_suffix(".csv").is_file()
    assert "Wrote the estate report" in reviewer.status.text()


def test_the_estate_report_is_offered_beside_the_packs_and_refused_among_them(
    qtbot: QtBot, real_banks: list[Bank], icb_estate: kit.Estate, tmp_path: Path
) -> None:
    folder = tmp_path / "received"
    folder.mkdir()
    for name in ("p10001.pdf", "p10002.pdf"):  # copies: a wrong write cannot spoil the shared estate
        shutil.copyfile(icb_estate.folder / name, folder / name)
    reviewer = PacksWindow(real_banks)
    qtbot.addWidget(reviewer)
    reviewer.set_folder(folder)
    reviewer.set_trust_dir(icb_estate.trust)
    reviewer.check_button.click()
    qtbot.waitUntil(lambda: reviewer.checked is not None and not reviewer.busy, timeout=60_000)
    assert reviewer.report_start() == tmp_path / "estate-report.pdf"
    reviewer.write_report(folder / "estate-report.pdf")
    assert "the next check would read the report as a practice's pack" in reviewer.status.text()
    assert not reviewer.busy and sorted(p.name for p in folder.iterdir()) == ["p10001.pdf", "p10002.pdf"]
