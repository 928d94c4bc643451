"""The domain works without Qt installed: import every non-UI module with Qt blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import wizard
from tests.conftest import ROOT

BLOCK_QT = """
import importlib, importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is not installed here')
        return None
sys.meta_path.insert(0, NoQt())
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules)
from wizard.cli import main
sys.exit(main(['bank', 'validate']))
"""


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(wizard.__path__, "wizard."):
        if not info.name.startswith("wizard.ui") and info.name != "wizard.__main__":
            names.append(info.name)
    return names


def test_everything_but_the_ui_runs_without_qt() -> None:
    modules = _non_ui_modules()
    assert "wizard.core.scoring" in modules and "wizard.cli" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, *modules], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_the_blocker_really_blocks_qt() -> None:
    """Guard against a test that cannot fail: importing the UI must break."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, "wizard.ui.app"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode != 0 and "Qt is not installed here" in result.stderr


def test_the_qt_binding_keeps_none_alive() -> None:
    """PySide6 6.12.0 lost a reference to None on each processEvents() call, which
    aborts Python 3.11 after a few thousand calls (pytest-qt and scripts call it often)."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication(sys.argv)\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(20000):\n"
        "    app.processEvents()\n"
        "assert sys.getrefcount(None) >= before - 100, (before, sys.getrefcount(None))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
