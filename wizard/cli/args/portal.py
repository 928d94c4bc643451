"""Arguments of ``portal-sheet`` (work in ``portal_cmds``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    sheet = commands.add_parser(
        "portal-sheet",
        help="every toolkit item with its answer, ready to copy into the online toolkit",
        description="List every DSPT evidence item in toolkit order with the answer in the toolkit's "
        "form (tick, text or document) and the comment to add.",
    )
    sheet.add_argument("draft", type=Path, metavar="DRAFT")
    sheet.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet)")
    sheet.set_defaults(handler="portal_cmds:portal_sheet_cmd")
