"""The command line's arguments, kept apart from the commands' work.

Building the parser imports only argparse and these modules, so ``--help``,
``--version`` and a mistyped command answer at once. Each command names its
handler as ``"module:function"`` inside ``wizard.cli``; only the chosen one is
imported, with the libraries it needs (reportlab, pyHanko, cryptography, Qt-free
domain code), when it runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from wizard import APP_NAME, __version__
from wizard.cli.args import bank, check, draft, icb, identity, pack, portal, trust, verify

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard",
        description=f"{APP_NAME}: DSPT and Cyber Essentials self-assessment for GP practices. "
        "Run without a command to open the wizard.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this copy of the program works on this PC (banks, checks, a signed demo pack), "
        "without touching the practice's data; exit 0 only when every step passed",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for family in (bank, draft, portal, check, identity, pack, verify, trust, icb):
        family.register(commands)
    return parser


def handler_of(args: argparse.Namespace) -> Handler:
    """Import the chosen command's module (only now) and return its handler."""
    module, name = str(args.handler).split(":")
    found: Handler = getattr(importlib.import_module(f"wizard.cli.{module}"), name)
    return found
