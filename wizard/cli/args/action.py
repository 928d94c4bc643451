"""One ACTION of a command that has several (``identity``, ``icb``), as both shape them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_action(
    actions: Any, name: str, text: str, handler: str, passphrase_help: str
) -> argparse.ArgumentParser:
    """The action's parser: ``text`` as its help and (as a sentence) its description,
    ``--passphrase-file`` with ``passphrase_help``, and its ``"module:function"`` handler."""
    parser: argparse.ArgumentParser = actions.add_parser(
        name, help=text, description=text[0].upper() + text[1:] + "."
    )
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=passphrase_help)
    parser.set_defaults(handler=handler)
    return parser
