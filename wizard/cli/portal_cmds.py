"""``portal-sheet``: every toolkit item in toolkit order, ready to copy into the online toolkit."""

from __future__ import annotations

import argparse
import sys

from wizard.cli.draft_cmds import open_for_command
from wizard.cli.output import CommandError
from wizard.core.portal import PortalRow, portal_csv, portal_sheet
from wizard.core.scoring import included_banks


def _text(rows: list[PortalRow]) -> str:
    lines: list[str] = []
    for row in rows:
        mandatory = f"  [mandatory: {row.mandatory}]" if row.mandatory else ""
        lines.append(f"{row.ref}  ({row.form}){mandatory}  {row.status}")
        lines.append(f"    Question: {row.question}")
        lines += [f"    Toolkit: {line}" for line in row.answer.splitlines() or [""]]
        lines += [f"    Comment: {line}" for line in row.comment.splitlines()]
    return "\n".join(lines) + "\n"


def portal_sheet_cmd(args: argparse.Namespace) -> int:
    draft, banks = open_for_command(args.draft)
    toolkits = [b for b in included_banks(banks, draft) if b.framework.scoring == "dspt"]
    if not toolkits:
        raise CommandError("This draft does not include the DSPT, so there is no toolkit sheet to print.", 1)
    for bank in toolkits:
        rows = portal_sheet(bank, draft)
        sys.stdout.write(portal_csv(rows) if args.csv else _text(rows))
    return 0
