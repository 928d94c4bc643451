"""GP Cyber Wizard: DSPT and Cyber Essentials self-assessment for GP practices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gp-cyber-wizard")
except PackageNotFoundError:  # a PyInstaller bundle or a bare checkout
    __version__ = "0.1.0"

APP_NAME = "GP Cyber Wizard"
