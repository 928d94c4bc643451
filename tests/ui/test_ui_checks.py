"""The checks page: run for real, see the table and the evidence, import the estate, use suggestions."""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from tests.ui_helpers import click
from wizard.checks.device_file import save_device_file
from wizard.checks.evaluate import evaluate
from wizard.checks.facts import Fact, load_snapshot
from wizard.core.bank.model import Bank
from wizard.core.data_folder import data_folder
from wizard.core.demo import demo_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.checks import ChecksPage
from wizard.ui.pages.section import SectionPage

RECORDED = ROOT / "tests" / "fixtures" / "checks" / "linux" / "debian12-container-root.json"


def _open(qtbot: QtBot, banks: list[Bank], path: Path) -> MainWindow:
    window = MainWindow(banks)
    qtbot.addWidget(window)
    window.show()
    assert window.open_draft(path)
    return window


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs the Linux checks for real")
def test_run_checks_on_this_computer(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window = _open(qtbot, real_banks, path)
    assert window.view is not None
    page = window.view.go("checks")
    assert isinstance(page, ChecksPage)
    assert page.table.columnCount() == 0
    steps: list[int] = []
    page.bar.valueChanged.connect(steps.append)
    click(qtbot, page.run_button)
    assert not page.run_button.isEnabled()  # the work is on a worker thread; the window keeps going
    qtbot.waitUntil(lambda: page.table.columnCount() == 1, timeout=20_000)
    assert len(set(steps)) > 3 and steps == sorted(steps)  # the bar moved with the reads, by signal
    assert page.run_button.isEnabled() and "again" in page.run_button.text()
    assert "Saved for the other computers" in page.status.text()
    assert len(list(data_folder().estate.glob("*.json"))) == 1
    assert page.details.toPlainText().startswith(page.table.horizontalHeaderItem(0).text())  # details at once
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "Pass")
    page.table.setCurrentCell(row, 0)
    assert "Value read:" not in page.details.toPlainText()  # system text stays behind a link...
    page.details.anchorClicked.emit(QUrl("technical"))
    assert "Value read:" in page.details.toPlainText() and "Read from:" in page.details.toPlainText()
    words = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert "—" not in words  # one way to say "not applicable"
    window.close()
    assert len(load_draft(path).check_results) == 1


def test_import_estate_and_use_a_suggestion(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    estate = data_folder().estate
    estate.mkdir(parents=True)
    for host, machine, firewall in (("RECEPTION-1", "a" * 16, "yes"), ("NURSE-2", "b" * 16, "no")):
        snapshot = copy.deepcopy(load_snapshot(RECORDED))
        snapshot.hostname, snapshot.machine_id = host, machine
        snapshot.facts["linux.firewall"] = Fact(
            source="/etc/ufw/ufw.conf",
            read_at=snapshot.collected_at,
            raw={"ufw_installed": True, "ufw_enabled": firewall, "ufw_default_input": "DROP", "units": {}},
        )
        save_device_file(estate, evaluate(snapshot), snapshot)
    (estate / "junk.json").write_text("not a device file")
    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, dt.date.today()))
    window = _open(qtbot, real_banks, path)
    assert window.view is not None
    page = window.view.go("checks")
    assert isinstance(page, ChecksPage)
    click(qtbot, page.import_button)
    assert page.table.columnCount() == 2
    assert "Imported results from 2 computers" in page.status.text() and "junk.json" in page.status.text()
    section = window.view.go("section:ce-a4")
    assert isinstance(section, SectionPage)
    card = next(c for c in section.cards.values() if c.item.checks == ["firewall_enabled"])
    assert window.session is not None
    assert window.session.draft.answers[card.item.id].value == "yes"  # the practice's own answer
    assert card.suggestion.isVisible() and "on NURSE-2, " in card.suggestion_text.text()
    assert " on on " not in card.suggestion_text.text()
    assert window.session.draft.answers[card.item.id].value == "yes"  # not changed by the checks
    click(qtbot, card.use_suggestion)
    assert window.session.draft.answers[card.item.id].value == "no"
    assert not card.use_suggestion.isVisible()
    window.close()
