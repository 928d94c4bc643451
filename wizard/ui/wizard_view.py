"""The wizard: side list of every section with its state, pages, Back and Next.

Pages are built the first time they are shown, so the window opens quickly,
and the place the user was is stored in the draft to resume there.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.core.completeness import still_to_confirm
from wizard.core.progress import SECTION_STATE_WORDS, section_states
from wizard.core.toolkit_year import notices
from wizard.ui.page_list import PageSpec, page_specs
from wizard.ui.pages.base import Page
from wizard.ui.pages.review import ReviewPage
from wizard.ui.session import Session
from wizard.ui.style import colour

ROLE_KEY = Qt.ItemDataRole.UserRole
ROLE_TITLE = Qt.ItemDataRole.UserRole + 1


def _dot(name: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour(name))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class WizardView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pages: dict[str, Page] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._banner())
        layout.addWidget(self._notice())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.nav = QListWidget(splitter)
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName("Sections")
        self.nav.setIconSize(QSize(12, 12))
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget(splitter)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 900])
        layout.addWidget(splitter, 1)
        self.footer = self._footer()
        layout.addWidget(self.footer)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_now)
        QShortcut(QKeySequence("Ctrl+L"), self, self.nav.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.nav.setFocus)  # leave a field: back to the list
        session.answer_changed.connect(self.refresh_progress)
        session.frameworks_changed.connect(self.rebuild)
        session.frameworks_changed.connect(self.refresh_notice)
        session.facts_changed.connect(self.refresh_notice)
        session.answer_changed.connect(self._answer_changed)
        session.saver.saved.connect(self._saved)
        session.saver.failed.connect(self._save_failed)
        self.rebuild()

    # --- building -------------------------------------------------------------
    def _banner(self) -> QFrame:
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        row = QHBoxLayout(self.banner)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName("Save problem")
        retry = QPushButton("&Try saving again", self.banner)
        retry.clicked.connect(self.save_now)
        row.addWidget(self.banner_text, 1)
        row.addWidget(retry)
        self.banner.hide()
        return self.banner

    def _notice(self) -> QFrame:
        """A lasting note when the questions are for a toolkit year that has ended."""
        self.notice = QFrame(self)
        self.notice.setObjectName("notice")
        row = QHBoxLayout(self.notice)
        self.notice_text = QLabel(self.notice)
        self.notice_text.setWordWrap(True)
        self.notice_text.setAccessibleName("Note about the question banks")
        row.addWidget(self.notice_text, 1)
        self.refresh_notice()
        return self.notice

    def _answer_changed(self, item_id: str) -> None:
        """Only a copied answer being confirmed changes the notice: other answers leave it alone."""
        if self._copies_waiting:
            self.refresh_notice()

    def refresh_notice(self) -> None:
        found = notices(self.session.included_banks(), self.session.draft.as_at, dt.date.today())
        copies = any(a.carried_from is not None for a in self.session.draft.answers.values())
        waiting = still_to_confirm(self.session.assessment()) if copies else None  # scored only then
        self._copies_waiting = waiting is not None
        found += [waiting] if waiting else []
        self.notice_text.setText("\n".join(found))
        self.notice.setVisible(bool(found))

    def _footer(self) -> QWidget:
        footer = QWidget(self)
        footer.setObjectName("footer")
        row = QHBoxLayout(footer)
        self.back = QPushButton("◀ &Back", footer)
        self.back.clicked.connect(lambda: self.step(-1))
        self.next = QPushButton("&Next ▶", footer)
        self.next.setObjectName("primary")
        self.next.clicked.connect(lambda: self.step(1))
        self.progress = QProgressBar(footer)
        self.progress.setAccessibleName("Overall progress")
        self.progress.setTextVisible(False)  # text over the green bar was hard to read: it sits beside it
        self.progress_text = QLabel(footer)
        self.progress_text.setAccessibleName("Share of questions answered")
        self.save_label = QLabel("", footer)
        self.save_label.setObjectName("hint")
        self.save_label.setAccessibleName("Save status")
        row.addWidget(self.back)
        row.addWidget(self.progress, 1)
        row.addWidget(self.progress_text)
        row.addWidget(self.save_label)
        row.addWidget(self.next)
        return footer

    def rebuild(self) -> None:
        """Recreate the page list (the frameworks chosen may have changed)."""
        current = self.current_key() or self.session.draft.position or "practice"
        self.specs = page_specs(self.session)
        keys = {spec.key for spec in self.specs}
        for key in [k for k in self.pages if k not in keys]:
            page = self.pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.nav.blockSignals(True)
        self.nav.clear()
        group = None
        for spec in self.specs:
            if spec.group != group:
                group = spec.group
                heading = QListWidgetItem(group.upper())
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
                self.nav.addItem(heading)
            entry = QListWidgetItem(spec.title)
            entry.setData(ROLE_KEY, spec.key)
            entry.setData(ROLE_TITLE, spec.title)
            self.nav.addItem(entry)
        self.nav.blockSignals(False)
        self.go(current if current in keys else "practice")
        self.refresh_progress()

    def _spec(self, key: str) -> PageSpec:
        return next(spec for spec in self.specs if spec.key == key)

    def page(self, key: str) -> Page:
        if key not in self.pages:
            page = self._spec(key).build(self.stack)
            if isinstance(page, ReviewPage):
                page.go_to.connect(self.go_to_item)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    # --- moving ---------------------------------------------------------------
    def current_key(self) -> str | None:
        entry = self.nav.currentItem()
        key = entry.data(ROLE_KEY) if entry is not None else None
        return str(key) if key else None

    def _nav_entry(self, key: str) -> QListWidgetItem | None:
        for row in range(self.nav.count()):
            entry = self.nav.item(row)
            if entry.data(ROLE_KEY) == key:
                return entry
        return None

    def go(self, key: str) -> Page:
        entry = self._nav_entry(key)
        if entry is not None and self.nav.currentItem() is not entry:
            self.nav.setCurrentItem(entry)  # calls _nav_changed
        return self.page(key)

    def _nav_changed(self, entry: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if entry is None or entry.data(ROLE_KEY) is None:
            return
        key = entry.data(ROLE_KEY)
        page = self.page(key)
        page.entered()
        self.stack.setCurrentWidget(page)
        self.session.set_position(key)
        index = [s.key for s in self.specs].index(key)
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.specs) - 1)
        self.refresh_progress()

    def step(self, delta: int) -> None:
        keys = [s.key for s in self.specs]
        current = self.current_key() or keys[0]
        target = min(max(keys.index(current) + delta, 0), len(keys) - 1)
        self.go(keys[target])

    def go_to_item(self, item_id: str) -> None:
        if item_id.startswith("check:"):  # an action from a failed computer check
            self.go("checks")
            return
        section = self.session.bank_of(item_id).section_of(item_id)
        self.go(f"section:{section.id}").focus_item(item_id)

    # --- state ------------------------------------------------------------------
    def refresh_progress(self, *_: object) -> None:
        result = self.session.assessment()
        self.progress.setValue(result.percent_complete)
        self.progress_text.setText(f"{result.percent_complete}% answered")
        states = section_states(result)
        for row in range(self.nav.count()):
            entry = self.nav.item(row)
            spec_key = entry.data(ROLE_KEY)
            if not spec_key or not spec_key.startswith("section:"):
                continue
            state = states.get(spec_key.removeprefix("section:"), "not_started")
            entry.setIcon(_dot(state))
            words = SECTION_STATE_WORDS[state]
            title = entry.data(ROLE_TITLE)
            entry.setText(f"{title}\n{words}")  # the state in words too, not only by colour
            entry.setToolTip(words)
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {words}")
            entry.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)

    def save_now(self) -> None:
        self.session.saver.flush()

    def _saved(self, when: object) -> None:
        self.banner.hide()
        self.save_label.setText(f"All changes saved {when:%H:%M:%S}")

    def _save_failed(self, message: str) -> None:
        self.banner_text.setText(message)
        self.banner.show()
        self.save_label.setText("Not saved yet")
