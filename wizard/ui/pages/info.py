"""Pages whose features arrive in later issues: they say what they will do."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from wizard.ui.pages.base import Page

SIGN_TEXT = (
    "This page will build one PDF evidence pack for your ICB: the practice details, the "
    "status of every standard, every answer with its evidence files, the check results and "
    "the action plan. It is signed with the practice's own key, so the ICB can confirm it "
    "came from you and has not been changed.\n\n"
    "Signing and export are not available in this version yet. Your answers are saved as "
    "you go, so nothing is lost in the meantime."
)


class InfoPage(Page):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, "", parent)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAccessibleName(title)
        self.outer.addWidget(body)
        self.outer.addStretch(1)
