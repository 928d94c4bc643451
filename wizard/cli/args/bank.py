"""Arguments of ``bank validate`` and ``bank stats`` (work in ``bank_cmds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    bank = commands.add_parser("bank", help="check and describe the question banks")
    sub = bank.add_subparsers(dest="bank_command", metavar="SUBCOMMAND", required=True)
    validate = sub.add_parser(
        "validate",
        help="check bank files; exit 0 when valid, 1 with the errors otherwise",
        description="Check question bank files. With no FILE, checks the built-in banks.",
    )
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    validate.set_defaults(handler="bank_cmds:validate_cmd")
    stats = sub.add_parser("stats", help="counts and references of the built-in banks")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("files", nargs="*", type=Path, metavar="FILE")
    stats.set_defaults(handler="bank_cmds:stats_cmd")
