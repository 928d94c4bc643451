"""Open every page of the wizard under Xvfb and save a PNG of each.

    .venv/bin/python benchmarks/screenshots.py DIR [--scale 1.5] [--size 1280x720]

Starts its own Xvfb (through xvfb-run) when no display is set. With --size the
screen has that many pixels, the window is placed as it would be there, and
each picture is the whole screen, so a small screen shows what a practice
sees; without it, each picture is the 1280x860 window. Uses a demo
assessment in a temporary data folder, so nothing real is touched. Look at
every picture: Qt draws empty boxes when fonts are missing and tests still pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _under_xvfb(size: str | None) -> None:
    if os.environ.get("DISPLAY") or os.environ.get("GPCW_NO_XVFB"):
        return
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        sys.exit("No display and no xvfb-run: install the Debian package xvfb (make test does).")
    os.environ["GPCW_NO_XVFB"] = "1"
    screen = f"{size}x24" if size else "2800x2000x24"
    command = [xvfb_run, "-a", "-s", f"-screen 0 {screen}", sys.executable, *sys.argv]
    sys.exit(subprocess.call(command))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 1.5 or 2")
    parser.add_argument("--size", help="the screen, e.g. 1280x720 (the window is fitted to it)")
    args = parser.parse_args()
    _under_xvfb(args.size)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    data = Path(tempfile.mkdtemp(prefix="gpcw-shots-"))
    os.environ["GPCW_DATA_DIR"] = str(data)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from wizard.checks.catalogue import CHECK_IDS
    from wizard.core.bank.model import load_banks
    from wizard.core.data_folder import data_folder
    from wizard.core.demo import demo_draft
    from wizard.core.draft.store import save_draft
    from wizard.ui.main_window import MainWindow
    from wizard.ui.style import apply_style

    app = QApplication(sys.argv[:1])
    apply_style(app)
    banks = load_banks(None, CHECK_IDS)
    data_folder().drafts.mkdir(parents=True)
    path = data_folder().drafts / "Riverside Surgery.json"
    save_draft(path, demo_draft(banks, dt.date.today()))
    args.out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(banks)
    if not args.size:
        window.resize(1280, 860)
    window.show()

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        target = args.out / f"{name}.png"
        # On a given screen size, the whole screen: it shows whether the window fits it.
        picture = app.primaryScreen().grabWindow(0) if args.size else window.grab()
        picture.save(str(target))
        print(target)

    shot("00-start")
    window.open_draft(path)
    view = window.view
    assert view is not None
    for number, spec in enumerate(view.specs, start=1):
        page = view.go(spec.key)
        if spec.key == "checks":  # run them for real, so the table shows this machine
            page.run_checks()  # type: ignore[attr-defined]
            while not page.run_button.isEnabled():  # type: ignore[attr-defined]
                app.processEvents()
                time.sleep(0.02)
            page.table.setCurrentCell(0, 0)  # type: ignore[attr-defined]
        shot(f"{number:02d}-{spec.key.replace(':', '-')}")
    window.close()
    (data / "broken.json").write_text("{ this is not a draft")
    for n in (1,):
        (data / f"broken (backup {n}).json").write_bytes(path.read_bytes())
    window = MainWindow(banks)
    window.show()
    window.open_draft(data / "broken.json")
    shot("99-start-damaged-draft")
    window.close()
    shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
