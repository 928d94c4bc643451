"""Arguments of ``check`` (work in ``check_cmds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="run the read-only checks on this computer",
        description="Run read-only checks on this computer (nothing is changed, no admin rights needed).",
    )
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument("--save", type=Path, metavar="DIR", help="write this computer's results to DIR")
    check.add_argument(
        "--facts", type=Path, metavar="SNAPSHOT", help="re-evaluate saved facts instead of reading"
    )
    check.add_argument(
        "--anonymise",
        action="store_true",
        help="with --save: replace host, user, account and domain names, IP addresses and serial numbers "
        "by placeholders, so the file can be sent to improve the checks",
    )
    check.add_argument("--list", action="store_true", help="list every check")
    check.set_defaults(handler="check_cmds:check_cmd")
