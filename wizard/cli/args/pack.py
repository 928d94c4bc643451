"""Arguments of ``pack`` (work in ``pack_cmds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wizard.core.env_names import PASSPHRASE_ENV


def register(commands: Any) -> None:
    pack = commands.add_parser("pack", help="build the signed PDF evidence pack from a draft")
    pack.add_argument("draft", type=Path, metavar="DRAFT")
    pack.add_argument("--out", type=Path, required=True, metavar="PDF", help="where to write the pack")
    pack.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the signing key's passphrase from FILE (or set {PASSPHRASE_ENV})",
    )
    who = pack.add_argument_group(
        "who signs", "The declaration says only what is given here (or was confirmed in the wizard)."
    )
    who.add_argument("--signed-by", metavar="NAME", help="the person signing, e.g. 'Dr Amelia Shah'")
    who.add_argument("--role", help="their role, e.g. 'SIRO' or 'GP partner'")
    who.add_argument("--reviewed", action="store_true", help="they confirm they reviewed the answers")
    who.add_argument(
        "--commit-to-plan",
        action="store_true",
        help="the practice will carry out the action plan by its dates",
    )
    pack.set_defaults(handler="pack_cmds:pack_cmd")
