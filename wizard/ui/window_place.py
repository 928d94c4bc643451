"""Where the main window opens: inside the screen's free area, never larger, as it was left.

A fixed 1200×800 window put the Back/Next bar under the taskbar on a 1366×768
laptop and off the screen on a 1280×720 projector. The window now opens within
the available area of the screen it is on, and its size, place and maximised
state are remembered in the data folder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from wizard.core.settings import load_settings, save_setting

PREFERRED = QSize(1200, 800)
TITLE_BAR = 36  # room for the window's own title bar, which the screen's free area does not leave out
FRAME = 8  # and for its border on the other sides
KEY = "window"


def _screen_for(rect: QRect | None) -> QScreen:
    """The screen showing most of ``rect`` (the primary screen if none shows any of it)."""
    best, shown = QGuiApplication.primaryScreen(), 0
    if rect is None:
        return best
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(rect)
        if overlap.width() * overlap.height() > shown:
            best, shown = screen, overlap.width() * overlap.height()
    return best


def fit(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved and shrunk so it, with its frame and title bar, lies wholly inside ``area``."""
    room = area.adjusted(FRAME, TITLE_BAR, -FRAME, -FRAME)
    width = min(rect.width(), room.width())
    height = min(rect.height(), room.height())
    x = min(max(rect.x(), room.left()), room.right() - width + 1)
    y = min(max(rect.y(), room.top()), room.bottom() - height + 1)
    return QRect(x, y, width, height)


def _saved() -> tuple[QRect | None, bool]:
    entry: Any = load_settings().get(KEY)
    if not isinstance(entry, dict):
        return None, False
    try:
        rect = QRect(int(entry["x"]), int(entry["y"]), int(entry["width"]), int(entry["height"]))
    except (KeyError, TypeError, ValueError):
        return None, False
    return (rect if rect.width() > 100 and rect.height() > 100 else None), bool(entry.get("maximised"))


def place(window: QMainWindow) -> None:
    """Size and place the window before it is shown."""
    saved, maximised = _saved()
    area = _screen_for(saved).availableGeometry()
    if saved is None:
        size = QSize(min(PREFERRED.width(), area.width()), min(PREFERRED.height(), area.height()))
        centre = area.center() - QPoint(size.width() // 2, size.height() // 2)
        saved = QRect(centre, size)
    window.setGeometry(fit(saved, area))
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember(window: QMainWindow) -> None:
    """Keep the size and place for next time (the unmaximised ones, and whether it was maximised)."""
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    save_setting(
        KEY,
        {
            "x": rect.x(),
            "y": rect.y(),
            "width": rect.width(),
            "height": rect.height(),
            "maximised": window.isMaximized(),
        },
    )
