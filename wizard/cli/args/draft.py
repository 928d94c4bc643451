"""Arguments of ``new-draft``, ``start-from``, ``answer`` and ``score`` (work in ``draft_cmds``)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from wizard.core.dates import DateTextError, parse_day


def day_argument(text: str) -> dt.date:
    """A date argument: 2026-03-31 or 31/03/2026."""
    try:
        day = parse_day(text)
    except DateTextError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31 or 31/03/2026")
    return day


def _out_and_as_at(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="where to write the new draft (.json)")
    parser.add_argument(
        "--as-at",
        type=day_argument,
        metavar="DATE",
        help="the date the assessment speaks for (default: today); '12 months' count back from it",
    )


def register(commands: Any) -> None:
    new = commands.add_parser("new-draft", help="create an empty assessment draft")
    new.add_argument("--practice", required=True, help="the practice's name")
    new.add_argument("--ods", required=True, help="the practice's ODS code, e.g. A12345")
    _out_and_as_at(new)
    new.add_argument(
        "--framework",
        action="append",
        dest="frameworks",
        metavar="ID",
        help="include only this framework (repeatable; default: all built-in banks)",
    )
    new.set_defaults(handler="draft_cmds:new_draft_cmd")
    start = commands.add_parser(
        "start-from",
        help="start a new assessment from an earlier one (each answer to be confirmed)",
        description="Copy the practice's details, answers and evidence files from an earlier draft into a "
        "new one. Each copied answer counts as not answered until it is confirmed (answer REF --confirm) "
        "or changed. Incident counts of the last 12 months, computer checks, the action plan and the "
        "signature are not copied.",
    )
    start.add_argument("earlier", type=Path, metavar="EARLIER", help="the earlier draft (.json)")
    _out_and_as_at(start)
    start.set_defaults(handler="draft_cmds:start_from_cmd")
    _add_answer(commands)
    score = commands.add_parser("score", help="statuses and the action plan for a draft")
    score.add_argument("draft", type=Path, metavar="DRAFT")
    score.add_argument("--json", action="store_true", help="print JSON")
    score.set_defaults(handler="draft_cmds:score_cmd")


def _add_answer(commands: Any) -> None:
    answer = commands.add_parser(
        "answer",
        help="set one answer in a draft",
        description="Set one answer. VALUE is yes/no, a choice, a number, a date (2026-03-31), "
        "text, comma-separated choices, 'not-sure' or 'clear'. A question's other fields "
        "(counts, dates, names) are set with --field, and who gave the answer with --provider.",
    )
    answer.add_argument("draft", type=Path, metavar="DRAFT")
    answer.add_argument("ref", metavar="REF", help="the official ref (e.g. 7.3.4, A6.4) or item id")
    answer.add_argument("value", metavar="VALUE", nargs="?")
    answer.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set one of the question's fields, e.g. --field with_access=24 (repeatable)",
    )
    answer.add_argument("--provider", metavar="NAME", help="the answer was given by this IT provider")
    answer.add_argument(
        "--given-on", type=day_argument, metavar="DATE", help="the day the IT provider gave it"
    )
    answer.add_argument("--note", help="a note for the question")
    answer.add_argument(
        "--confirm", action="store_true", help="the answer copied from an earlier assessment still holds"
    )
    answer.set_defaults(handler="draft_cmds:answer_cmd")
