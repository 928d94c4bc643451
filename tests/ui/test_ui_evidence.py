"""A question's evidence list: each file named in full, opened from the copy kept, its loss said plainly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from tests.ui_helpers import open_on_page
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.evidence import add_evidence, evidence_dir
from wizard.core.draft.store import save_draft
from wizard.ui.pages.section import SectionPage
from wizard.ui.widgets.item_card import ItemCard

LONG = "Information asset register 2026 – final (signed by SIRO), with the ROPA and sharing agreements.xlsx"


class Opened(QObject):
    """Takes the file:// URLs the program asks the desktop to open (Qt's own hook for them)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def take(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def card(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> Iterator[tuple[ItemCard, Path]]:
    path = tmp_path / "riverside.json"
    draft = demo_draft(real_banks, dt.date.today())
    source = tmp_path / LONG
    source.write_bytes(b"asset register\n" * 1000)
    add_evidence(draft, path, real_banks[0].find("1.1.2"), source)  # type: ignore[arg-type]
    save_draft(path, draft)
    window, page = open_on_page(qtbot, real_banks, path, "section:dspt-s1", SectionPage)
    yield next(c for c in page.cards.values() if c.item.ref == "1.1.2"), path
    window.close()


def test_a_file_is_listed_by_name_then_size_and_hash(card: tuple[ItemCard, Path]) -> None:
    box = card[0].evidence
    entry = box.files.item(0)
    name, detail = entry.text().split("\n")
    assert name == LONG and detail.startswith("14.6 KB, SHA-256 ")
    assert LONG in entry.toolTip() and "Double-click to open" in entry.toolTip()


def test_activating_a_file_opens_the_copy_kept_with_the_draft(card: tuple[ItemCard, Path]) -> None:
    box, draft = card[0].evidence, card[1]
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "take")
    try:
        box.files.itemActivated.emit(box.files.item(0))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    [url] = opened.urls
    kept = Path(url.toLocalFile())
    assert kept.parent == evidence_dir(draft) and kept.read_bytes() == b"asset register\n" * 1000


def test_a_lost_copy_is_said_not_opened(card: tuple[ItemCard, Path]) -> None:
    item_card, draft = card
    for kept in evidence_dir(draft).iterdir():
        kept.unlink()
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "take")
    try:
        item_card.evidence.files.itemActivated.emit(item_card.evidence.files.item(0))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == []
    assert item_card.error.isVisible() and "is missing from the evidence folder" in item_card.error.text()
