"""Open the real main window on each screen of an offscreen configuration; print where things are.

Run by tests/ui/test_ui_window_place.py with QT_QPA_PLATFORM=offscreen:configfile=...,
because a screen's size cannot change inside a running Qt application.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from wizard.core.bank.model import load_banks
from wizard.core.demo import demo_draft
from wizard.core.draft.store import save_draft
from wizard.core.settings import save_setting
from wizard.ui.main_window import MainWindow
from wizard.ui.style import apply_style


def _rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> int:
    app = QApplication(sys.argv[:1])
    apply_style(app)
    banks = load_banks()
    draft_path = Path(sys.argv[1])
    save_draft(draft_path, demo_draft(banks, dt.date(2026, 5, 1)))
    out = []
    for screen in app.screens():
        area = screen.availableGeometry()
        # As if last closed at the old fixed size, hanging off this screen's bottom right.
        save_setting("window", {"x": area.x() + 300, "y": area.y() + 200, "width": 1200, "height": 800})
        window = MainWindow(banks)
        window.show()
        assert window.open_draft(draft_path)
        view = window.view
        assert view is not None
        for key in ("practice", "section:dspt-s1", "review", "portal"):
            view.go(key)
            app.processEvents()
        footer = view.footer
        top_left = footer.mapToGlobal(QPoint(0, 0))
        out.append(
            {
                "screen": screen.name(),
                "area": _rect(area),
                "window": _rect(window.frameGeometry()),
                "footer": [top_left.x(), top_left.y(), footer.width(), footer.height()],
                "next_visible": view.next.isVisible() and not view.next.visibleRegion().isEmpty(),
            }
        )
        window.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
