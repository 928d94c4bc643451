"""The wizard end to end on the real banks, in a real (offscreen) Qt window."""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui_helpers import answer_compliantly, click, nav_click, type_into
from wizard.core.bank.model import Bank
from wizard.core.draft.evidence import evidence_dir
from wizard.core.draft.store import load_draft
from wizard.core.item_state import own_value
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.practice import PracticePage
from wizard.ui.pages.review import ReviewPage
from wizard.ui.pages.section import SectionPage
from wizard.ui.widgets.item_card import ItemCard
from wizard.ui.wizard_view import WizardView

TODAY = dt.date.today()


def _window(qtbot: QtBot, banks: list[Bank]) -> MainWindow:
    window = MainWindow(banks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _view(window: MainWindow) -> WizardView:
    assert window.view is not None
    return window.view


def _drop(card: ItemCard, path: Path) -> None:
    """Drag a file over the card and drop it. (Qt delivers drops only during a real
    drag, which an offscreen test cannot start, so the card's handlers get the events.)"""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with warnings.catch_warnings():  # Qt 6.12 prefers QPointF here; 6.11 takes only QPoint
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    card.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    card.dropEvent(drop)
    assert drop.isAccepted()


def test_new_assessment_end_to_end(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    window = _window(qtbot, real_banks)
    assert window.windowTitle().startswith("GP Cyber Wizard")
    qtbot.mouseClick(
        window.start.findChild(type(window.start.continue_button), "")
        or next(
            b
            for b in window.start.findChildren(type(window.start.continue_button))
            if "new assessment" in b.text()
        ),
        Qt.MouseButton.LeftButton,
    )
    view = _view(window)
    workspace = window.workspace
    assert workspace is not None and workspace.warming  # the sign page's libraries are read in behind
    qtbot.waitUntil(lambda: workspace.warmed, timeout=20_000)
    practice = view.pages["practice"]
    assert isinstance(practice, PracticePage)
    type_into(qtbot, practice.fields["name"], "Riverside Surgery")
    type_into(qtbot, practice.fields["ods_code"], "a12345")
    type_into(qtbot, practice.fields["siro"], "Dr Amelia Shah")
    type_into(qtbot, practice.counts["staff_count"], "24")
    assert window.windowTitle() == "GP Cyber Wizard – Riverside Surgery"
    whole = practice.scope_cards["ce-scope-whole-org"]
    click(qtbot, whole.editor.button("yes"))  # type: ignore[attr-defined]

    # One DSPT standard, every item, through its widgets.
    nav_click(qtbot, view.nav, "section:dspt-s7")
    dspt_page = view.pages["section:dspt-s7"]
    assert isinstance(dspt_page, SectionPage)
    dspt_bank = dspt_page.bank
    entered = answer_compliantly(qtbot, dspt_bank, dspt_page.cards, TODAY)
    assert len(entered) == len(dspt_page.section.items)
    first_card = next(iter(dspt_page.cards.values()))
    type_into(qtbot, first_card.note, "Register kept by Sam; reviewed in March")

    # Evidence: once through the file dialog's path, once dropped on the card.
    plan = tmp_path / "Business continuity plan.pdf"
    plan.write_bytes(b"%PDF-1.4 continuity plan " * 1000)
    photo = tmp_path / "server room.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo " * 500)
    first_card.evidence.add_files([plan])
    _drop(first_card, photo)
    qtbot.waitUntil(lambda: first_card.evidence.files.count() == 2, timeout=5000)

    # One Cyber Essentials section, with the branches it has: a question shown by an answer,
    # and a field asked only for one method.
    nav_click(qtbot, view.nav, "section:ce-a7")
    ce_page = view.pages["section:ce-a7"]
    assert isinstance(ce_page, SectionPage)
    cards = {c.item.ref: c for c in ce_page.cards.values()}
    assert not cards["A7.16"].isHidden() and not cards["A7.17"].isHidden()  # cloud MFA: always asked
    assert cards["A7.15"].isHidden()
    attempts = cards["A7.10"].fields.editors["attempts"]
    assert attempts.isHidden()
    entered_ce = answer_compliantly(
        qtbot, ce_page.bank, ce_page.cards, TODAY, {"A7.10": "lockout", "A7.14": "no"}
    )
    assert not cards["A7.15"].isHidden() and cards["A7.15"].item.id in entered_ce
    assert not attempts.isHidden()
    click(qtbot, cards["A7.14"].editor.button("yes"))  # type: ignore[attr-defined]
    assert cards["A7.15"].isHidden()  # every service offers MFA: no list asked
    click(qtbot, cards["A7.14"].editor.button("no"))  # type: ignore[attr-defined]
    assert not cards["A7.15"].isHidden()

    # Close, reopen, continue: everything is back, at the same place.
    draft_path = window.session.path  # type: ignore[union-attr]
    window.close()
    saved = load_draft(draft_path)
    window = _window(qtbot, real_banks)
    assert "Riverside Surgery (A12345)" in window.start.last_text.text()
    click(qtbot, window.start.continue_button)
    view = _view(window)
    assert view.current_key() == "section:ce-a7"
    draft = window.session.draft  # type: ignore[union-attr]
    assert draft == saved
    assert draft.practice.name == "Riverside Surgery" and draft.practice.ods_code == "A12345"
    assert draft.practice.staff_count == 24
    for item_id, value in {**entered, **entered_ce}.items():
        bank = window.session.bank_of(item_id)  # type: ignore[union-attr]
        assert own_value(bank, draft, bank.item(item_id)) == value, item_id  # type: ignore[arg-type]
    first = draft.answers[first_card.item.id]
    assert first.note == "Register kept by Sam; reviewed in March"
    stored = {e.name: e for e in first.evidence}
    assert set(stored) == {"Business continuity plan.pdf", "server room.jpg"}
    for name, source in (("Business continuity plan.pdf", plan), ("server room.jpg", photo)):
        copy = evidence_dir(draft_path) / stored[name].stored_as
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored[name].sha256
        assert copy.read_bytes() == source.read_bytes()
    reopened = view.go("section:ce-a7")
    assert isinstance(reopened, SectionPage)
    lockout_again = next(c for c in reopened.cards.values() if c.item.ref == "A7.10")
    assert lockout_again.fields.editors["attempts"].line.text() == "10"  # type: ignore[attr-defined]

    # The review page shows the right status.
    nav_click(qtbot, view.nav, "review")
    review = view.pages["review"]
    assert isinstance(review, ReviewPage)
    assert "Standards Not Met" in review.dspt_summary.text()  # other standards are not answered yet
    row = next(
        r for r in range(review.standards.rowCount()) if review.standards.item(r, 0).text().startswith("7.")
    )
    assert review.standards.item(row, 1).text() == "Standards Met"
    other = next(
        r for r in range(review.standards.rowCount()) if review.standards.item(r, 0).text().startswith("3.")
    )
    assert review.standards.item(other, 1).text() == "Not started"
    assert "Incomplete" in review.ce_summary.text() and "Would fail" not in review.ce_summary.text()
    assert "questions not answered yet" in review.gaps.text()
    window.close()


def test_ods_code_is_checked(qtbot: QtBot, real_banks: list[Bank]) -> None:
    window = _window(qtbot, real_banks)
    window.new_assessment()
    practice = _view(window).pages["practice"]
    assert isinstance(practice, PracticePage)
    for bad in ("12345", "AB1234", "A1234"):
        type_into(qtbot, practice.fields["ods_code"], bad)
        assert practice.ods_error.isVisible()
        assert "one letter followed by five digits" in practice.ods_error.text()
        assert window.session.draft.practice.ods_code == ""  # type: ignore[union-attr]
    type_into(qtbot, practice.fields["ods_code"], "b82001")
    assert not practice.ods_error.isVisible()
    assert window.session.draft.practice.ods_code == "B82001"  # type: ignore[union-attr]
    window.close()


def test_damaged_draft_offers_backup_and_keeps_file(
    qtbot: QtBot, real_banks: list[Bank], mini_draft: object, tmp_path: Path
) -> None:
    from wizard.core.demo import demo_draft
    from wizard.core.draft.store import save_draft

    path = tmp_path / "riverside.json"
    draft = demo_draft(real_banks, TODAY)
    save_draft(path, draft)
    draft.practice.address = "2 Mill Lane"
    save_draft(path, draft)  # now there is a backup
    path.write_bytes(b'{"schema": "gp-cyber-wizard/draft", "schema_ver')
    damaged = path.read_bytes()
    window = _window(qtbot, real_banks)
    assert not window.open_draft(path)
    assert window.start.damaged.isVisible()
    assert "cannot be opened" in window.start.damaged_text.text()
    assert "left exactly as it is" in window.start.damaged_text.text()
    assert window.start.recover_button.isVisible()
    click(qtbot, window.start.recover_button)
    session = window.session
    assert session is not None and "recovered" in session.path.name
    assert session.draft.practice.name == "Riverside Surgery"
    assert path.read_bytes() == damaged
    window.close()
    assert path.read_bytes() == damaged


@pytest.mark.usefixtures("qtbot")
def test_every_control_has_an_accessible_name(qtbot: QtBot, real_banks: list[Bank]) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QListWidget, QPlainTextEdit

    window = _window(qtbot, real_banks)
    window.new_assessment()
    view = _view(window)
    for spec in view.specs:
        page = view.go(spec.key)
        for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QListWidget):
            for widget in page.findChildren(kind):
                if isinstance(widget.parentWidget(), QAbstractSpinBox):
                    continue  # the spin box's own editor: the spin box carries the name
                named = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
                assert named, (
                    f"{spec.key}: a {type(widget).__name__} in "
                    f"{type(widget.parentWidget()).__name__} has no accessible name"
                )
    window.close()


def test_keyboard_only_navigation(qtbot: QtBot, real_banks: list[Bank]) -> None:
    window = _window(qtbot, real_banks)
    window.new_assessment()
    window.windowHandle().requestActivate()  # keyboard shortcuts go to the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = _view(window)
    assert view.current_key() == "practice"
    field = view.pages["practice"].fields["siro"]  # type: ignore[attr-defined]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Alt+N: Next
    qtbot.waitUntil(lambda: view.current_key() == "section:dspt-s1")  # buttons "animate" the click
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B: Back
    qtbot.waitUntil(lambda: view.current_key() == "practice")
    view.nav.setFocus()
    qtbot.keyClick(view.nav, Qt.Key.Key_Down)  # skips the "DSPT" heading
    assert view.current_key() == "section:dspt-s1"
    qtbot.keyClick(view.nav, Qt.Key.Key_Down)
    assert view.current_key() == "section:dspt-s2"
    page = view.pages["section:dspt-s2"]
    first = next(iter(page.cards.values())).note  # type: ignore[attr-defined]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Escape)  # Escape: from a field back to the list of sections
    assert QApplication.focusWidget() is view.nav
    window.close()


def test_window_first_then_banks_in_the_background(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.workspace is None and "Opening" in window.message.text()
    window.load_in_background()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    # A widget put into a window already on screen is shown on the next turn of the event loop
    # (QLayout queues it), so the start page appears just after the workspace exists.
    qtbot.waitUntil(window.start.isVisible, timeout=5_000)
    assert window.load_error is None
    assert window.windowTitle().startswith("GP Cyber Wizard")
    assert not window.workspace.warming  # the sign page's libraries wait until an assessment is open


def test_the_program_start_shows_the_window_with_its_style_and_icon(qtbot: QtBot) -> None:
    from wizard.ui.app import open_main_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, icon = app.styleSheet(), app.windowIcon()
    try:
        started, window = open_main_window()
        qtbot.addWidget(window)
        assert started is app and window.isVisible()
        assert "#005eb8" in app.styleSheet().lower()
        assert not app.windowIcon().isNull() and 256 in [s.width() for s in app.windowIcon().availableSizes()]
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    finally:
        app.setStyleSheet(style)
        app.setWindowIcon(icon)


def test_a_broken_bank_is_explained_not_crashed_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wizard.core.bank.model
    from tests.conftest import MINI_BANKS

    broken = tmp_path / "questions"
    broken.mkdir()
    text = (MINI_BANKS / "mini-ce.yaml").read_text().replace("item: mce-cloud", "item: mce-nowhere")
    (broken / "mini-ce.yaml").write_text(text)
    monkeypatch.setattr(wizard.core.bank.model, "questions_dir", lambda: broken)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.load_in_background()
    qtbot.waitUntil(lambda: "could not be loaded" in window.message.text(), timeout=10_000)
    assert "mini-ce.yaml, line" in window.message.text() and "mce-nowhere" in window.message.text()
    assert window.workspace is None and "mce-nowhere" in (window.load_error or "")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: d / "moved away.pdf", "could not be found"),
        (lambda d: _sparse(d / "whole disk image.iso", 300 * 1024 * 1024), "largest evidence file"),
    ],
    ids=["missing", "huge"],
)
def test_bad_evidence_files_are_explained(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path, make, words
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, real_banks)
    window.new_assessment()
    page = _view(window).go("section:dspt-s7")
    assert isinstance(page, SectionPage)
    card = next(iter(page.cards.values()))
    card.evidence.add_files([make(tmp_path)])
    qtbot.waitUntil(lambda: not card.error.isHidden(), timeout=5000)
    assert words in card.error.text()
    assert card.evidence.files.count() == 0
    assert window.session.draft.answer(card.item.id).evidence == []  # type: ignore[union-attr]
    window.close()


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_practice_details_are_asked_once(qtbot: QtBot, real_banks: list[Bank], tmp_path: Path) -> None:
    """The SIRO typed on the practice page is the SIRO at 1.1.5 and in the pack; editing either edits both."""
    from wizard.core.demo import demo_draft
    from wizard.core.draft.store import save_draft
    from wizard.pack.report.document import build_report
    from wizard.pack.report.inputs import PackInputs

    path = tmp_path / "riverside.json"
    save_draft(path, demo_draft(real_banks, TODAY))
    window = _window(qtbot, real_banks)
    assert window.open_draft(path)
    view = _view(window)
    practice = view.go("practice")
    assert isinstance(practice, PracticePage)
    type_into(qtbot, practice.fields["siro"], "Dr Priya Nair")
    page = view.go("section:dspt-s1")
    assert isinstance(page, SectionPage)
    roles = next(c for c in page.cards.values() if c.item.ref == "1.1.5")
    siro = roles.fields.editors["siro"].line  # type: ignore[attr-defined]
    assert siro.text() == "Dr Priya Nair"
    type_into(qtbot, siro, "Dr Priya Nair (GP partner)")
    assert practice.fields["siro"].text() == "Dr Priya Nair (GP partner)"
    name = next(c for c in view.go("section:ce-a1").cards.values() if c.item.ref == "A1.1")  # type: ignore[attr-defined]
    type_into(qtbot, name.editor.field, "Riverside Surgery Partnership")  # type: ignore[attr-defined]
    assert practice.fields["name"].text() == "Riverside Surgery Partnership"
    draft = window.session.draft  # type: ignore[union-attr]
    window.close()
    assert load_draft(path).practice.siro == "Dr Priya Nair (GP partner)"
    draft.sign_off = None  # the demo's signer was the old SIRO: only the SIRO question is under test here

    inputs = PackInputs(
        banks=real_banks,
        draft=draft,
        draft_path=path,
        document_id="GPCW-A12345-20261201-0001",
        created_at=dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
        signer_subject="Riverside Surgery Partnership",
        certificate_fingerprint="AB:CD",
    )
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(build_report(inputs).pdf)
    import subprocess

    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert (
        text.count("Dr Priya Nair (GP partner)") >= 3
    )  # the cover's roles, 1.1.5's answer, the toolkit sheet
    assert "Dr Amelia Shah" not in text  # the old SIRO is nowhere
    assert "Riverside Surgery Partnership" in text and "Riverside Surgery ·" not in text


def test_an_untouched_assessment_says_not_started(qtbot: QtBot, real_banks: list[Bank]) -> None:
    window = _window(qtbot, real_banks)
    window.new_assessment()
    view = _view(window)
    notice = view.notice_text.text()
    if dt.date.today() > dt.date(2026, 6, 30):  # the DSPT 2025-26 year has ended: say so
        assert not view.notice.isHidden() and "which ended on 30 June 2026" in notice
    review = view.go("review")
    assert isinstance(review, ReviewPage)
    review.entered()
    assert (
        "Not started" in review.dspt_summary.text() and "Standards Not Met" not in review.dspt_summary.text()
    )
    assert "Not started" in review.ce_summary.text()
    assert (
        "Would fail" not in review.ce_summary.text()
        and "Likely not compliant" not in review.ce_summary.text()
    )
    statuses = {review.standards.item(r, 1).text() for r in range(review.standards.rowCount())}
    assert statuses == {"Not started"}
    assert review.entries == [] and "not answered yet" in review.gaps.text()
    window.close()


def test_a_new_assessment_takes_the_practices_name(qtbot: QtBot, real_banks: list[Bank]) -> None:
    window = _window(qtbot, real_banks)
    window.new_assessment()
    session = window.session
    assert session is not None and session.path.stem.startswith("Assessment ")
    first = session.path
    practice = _view(window).pages["practice"]
    assert isinstance(practice, PracticePage)
    type_into(qtbot, practice.fields["name"], "Riverside Surgery")
    qtbot.keyClick(
        practice.fields["name"], Qt.Key.Key_Return
    )  # finishing the name (Enter or Tab) names the file
    assert session.path.name == "Riverside Surgery.json" and not first.exists()
    type_into(qtbot, practice.fields["name"], "Riverside Medical Centre")
    qtbot.keyClick(practice.fields["name"], Qt.Key.Key_Return)
    assert (
        session.path.name == "Riverside Surgery.json"
    )  # named once; a later change is only the practice's name
    window.close()
    assert load_draft(session.path).practice.name == "Riverside Medical Centre"
