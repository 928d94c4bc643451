"""Where the program's bundled resources and the user's data live.

One place decides, so a source checkout, an installed package and a PyInstaller
bundle on a USB stick all behave the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from wizard.core.env_names import DATA_ENV

APP_DIR_NAME = "GP Cyber Wizard"
PORTABLE_MARKER = "portable"

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # .../wizard
_CHECKOUT_ROOT = _PACKAGE_ROOT.parent


def _resource_roots() -> list[Path]:
    """Where questions/ and assets/ may be: the bundle, an installed wheel, a source checkout."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots.append(_PACKAGE_ROOT)  # a wheel carries them inside the package
    roots.append(_CHECKOUT_ROOT)
    return roots


def is_installed() -> bool:
    """True for a copy installed from the wheel: its resources sit inside the package."""
    return (_PACKAGE_ROOT / "questions").is_dir()


def resource_path(*parts: str) -> Path:
    """Return the first existing bundled resource (``questions``, ``assets``...).

    Falls back to the checkout location so error messages name a real place.
    """
    for root in _resource_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _CHECKOUT_ROOT.joinpath(*parts)


def questions_dir() -> Path:
    return resource_path("questions")


def program_dir() -> Path:
    """The folder the program runs from: beside the executable when frozen."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _CHECKOUT_ROOT


def is_portable() -> bool:
    """True when a file named ``portable`` sits beside the program: it runs from a prepared stick.

    Then everything the program keeps stays in ``data/`` on the stick and nothing
    (not even a remembered passphrase) is written to the PC it runs on.
    """
    return (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """Where drafts, evidence, identity and estate results are kept.

    ``GPCW_DATA_DIR`` wins; then a ``data`` folder beside the program when it is
    portable (the USB stick); else the user's data folder. The folder is not
    created here: reading must not write.
    """
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    if is_portable():
        return program_dir() / "data"
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=True))
