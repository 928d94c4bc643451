"""The look: NHS colours from assets/style.qss, and status colours for tables."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from wizard.core.paths import resource_path

NHS_BLUE = "#005eb8"
GREEN = "#007f3b"
AMBER = "#ffb81c"
RED = "#d5281b"
GREY = "#768692"
DARK_AMBER = "#8a5300"  # amber as text: 6:1 on white, where #ffb81c is only 1.9:1

STATUS_COLOURS = {
    "Standards Met": GREEN,
    "Approaching Standards": DARK_AMBER,
    "Standards Not Met": RED,
    "Not started": GREY,
    "Would fail automatically": RED,
    "Likely not compliant": RED,
    "Incomplete": DARK_AMBER,
    "Likely to pass": GREEN,
    "done": GREEN,
    "in_progress": AMBER,
    "not_started": GREY,
    "unmet": RED,
}
# (background, text) pairs for table cells, DSPT statuses and check results: the words
# carry the meaning, colour helps.
STATUS_TINTS = {
    "Standards Met": ("#d5f0e0", "#00401e"),
    "Approaching Standards": ("#fff1c2", "#5c3a00"),
    "Standards Not Met": ("#fbd5d2", "#7a150d"),
    "Not started": ("#e8edee", "#212b32"),
    "pass": ("#d5f0e0", "#00401e"),
    "fail": ("#fbd5d2", "#7a150d"),
    "warning": ("#fff1c2", "#5c3a00"),
    "unable": ("#e8edee", "#212b32"),
    "not_applicable": ("#ffffff", "#4c6272"),
    # Cyber Essentials estimates and the ICB reviewer's signature column
    "Likely to pass": ("#d5f0e0", "#00401e"),
    "Incomplete": ("#fff1c2", "#5c3a00"),
    "Likely not compliant": ("#fbd5d2", "#7a150d"),
    "Would fail automatically": ("#fbd5d2", "#7a150d"),
    "signature good": ("#d5f0e0", "#00401e"),
    "signature not good": ("#fbd5d2", "#7a150d"),
    "no pack": ("#fff1c2", "#5c3a00"),
}


def apply_style(app: QApplication) -> None:
    sheet = resource_path("assets", "style.qss")
    with contextlib.suppress(OSError):  # without it the program still works, in the platform's look
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def colour(name: str) -> QColor:
    return QColor(STATUS_COLOURS.get(name, GREY))


def tint(name: str) -> tuple[QColor, QColor]:
    background, text = STATUS_TINTS.get(name, ("#ffffff", "#212b32"))
    return QColor(background), QColor(text)
