"""Next year's assessment from the start page: answers copied, each confirmed on its card, saved as confirmed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui_helpers import click
from wizard.core.bank.model import Bank
from wizard.core.demo import demo_draft
from wizard.core.draft.store import load_draft, save_draft
from wizard.core.recent import remember
from wizard.ui.main_window import MainWindow
from wizard.ui.pages.section import SectionPage
from wizard.ui.widgets.item_card import ItemCard

THIS_YEAR = dt.date(2026, 3, 31)


def _card(window: MainWindow, section: str, ref: str) -> ItemCard:
    assert window.view is not None
    page = window.view.go(section)
    assert isinstance(page, SectionPage)
    return next(c for c in page.cards.values() if c.item.ref == ref)


def test_start_next_years_from_the_last_and_confirm_answers(
    qtbot: QtBot, real_banks: list[Bank], tmp_path: Path
) -> None:
    earlier = tmp_path / "Riverside Surgery.json"
    save_draft(earlier, demo_draft(real_banks, THIS_YEAR))
    remember(earlier)
    window = MainWindow(real_banks)
    qtbot.addWidget(window)
    window.show()
    button = window.start.next_year_button
    assert button.isVisible()
    button.click()
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    session = window.session
    assert session is not None and session.path != earlier
    assert session.path.name == f"Riverside Surgery {dt.date.today().isoformat()}.json"
    notice = window.view.notice_text.text()  # type: ignore[union-attr]
    assert "answers copied from the assessment as at 31/03/2026 still to confirm" in notice
    waiting = sum(a.carried_from is not None for a in session.draft.answers.values())
    asked = int(re.search(r"(\d+) answers copied", notice).group(1))  # type: ignore[union-attr]
    assert 0 < asked < waiting  # the demo also answered questions its scope does not ask: never counted

    patched = _card(window, "section:dspt-s8", "8.1.4")
    assert patched.carried.isVisible() and "31/03/2026" in patched.carried.text.text()
    assert session.evaluation(patched.item).state == "unanswered"
    click(qtbot, patched.carried.button)
    assert not patched.carried.isVisible()
    assert session.evaluation(patched.item).state == "met"
    assert f"{asked - 1} answers copied" in window.view.notice_text.text()  # type: ignore[union-attr]

    changed = _card(window, "section:ce-a6", "A6.1")
    assert changed.carried.isVisible()
    click(qtbot, changed.editor.button("no"))  # type: ignore[attr-defined]
    assert not changed.carried.isVisible()  # changing it is looking at it too
    continuity = window.view.go("section:dspt-s7")  # type: ignore[union-attr]
    assert isinstance(continuity, SectionPage)
    on_page = [c for c in continuity.cards.values() if c.carried.isVisible()]
    assert continuity.carried.isVisible() and f"{len(on_page)} answers on this page were copied" in (
        continuity.carried.text.text()
    )
    click(qtbot, continuity.carried.button)
    assert not continuity.carried.isVisible() and not any(c.carried.isVisible() for c in on_page)
    confirmed = len(on_page) + 2
    path = session.path
    window.close()
    saved = load_draft(path)
    assert saved.answer(patched.item.id).carried_from is None and saved.answer(patched.item.id).value == "yes"
    assert saved.answer(changed.item.id).value == "no" and saved.answer(changed.item.id).carried_from is None
    assert sum(a.carried_from is not None for a in saved.answers.values()) == waiting - confirmed
    assert load_draft(earlier).answer(patched.item.id).carried_from is None  # last year's is untouched
