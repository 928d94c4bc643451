"""The Windows version resource (an executable's Details tab) from the package version.

build.spec calls ``write_version_file``; tests/packaging/test_bundle.py checks the result
with PyInstaller's own reader, so a mistake shows on Linux before a Windows build.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts" / "version-info.txt.in"


def package_version() -> str:
    """``wizard.__version__``, read from its one home without importing the package."""
    text = (ROOT / "wizard" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("wizard/__init__.py has no __version__ line")
    return found[1]


def write_version_file(target: Path) -> Path:
    version = package_version()
    numbers = (*(int(n) for n in re.findall(r"\d+", version)[:3]), 0, 0, 0, 0)[:4]
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("@VERSION_TUPLE@", repr(numbers)).replace("@VERSION@", version)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
