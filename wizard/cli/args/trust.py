"""Arguments of ``trust add`` and ``trust list`` (work in ``trust_cmds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    trust = commands.add_parser(
        "trust",
        help="the ICB's trust folder of practices' certificates",
        description="File practices' certificates by ODS code in a trust folder, for verify --trust-dir.",
    )
    actions = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="file certificates (or a folder of them) by the ODS code they name",
        description="File each certificate by the ODS code it names. A practice whose certificate changed "
        "is flagged for review, not accepted: exit 1 until it is filed with --replace. Exit 2 for a file "
        "that is not a certificate.",
    )
    add.add_argument("certs", nargs="+", type=Path, metavar="CERT", help="certificate files or folders")
    add.add_argument("--trust-dir", type=Path, required=True, metavar="DIR", help="the trust folder")
    add.add_argument(
        "--replace", action="store_true", help="accept a changed certificate (after confirming it)"
    )
    add.add_argument(
        "--issuer",
        action="store_true",
        help="file the ICB's own certificate: every practice certificate it issues is trusted",
    )
    add.set_defaults(handler="trust_cmds:add_cmd")
    show = actions.add_parser(
        "list", help="what the trust folder holds", description="List the trust folder."
    )
    show.add_argument("--trust-dir", type=Path, required=True, metavar="DIR", help="the trust folder")
    show.set_defaults(handler="trust_cmds:list_cmd")
