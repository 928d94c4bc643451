"""``new-draft``, ``answer`` and ``score``: the assessment from a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wizard.checks.catalogue import CHECK_IDS
from wizard.cli.output import CommandError, fail, print_json
from wizard.cli.score_report import score_json, score_text
from wizard.core.answers import AnswerError, answer_from_text
from wizard.core.bank import Bank, load_banks
from wizard.core.bank_errors import BankError
from wizard.core.draft import ODS_GP_PATTERN, Draft, new_draft
from wizard.core.draft_store import DraftLoadError, DraftSaveError, load_draft, save_draft

EXIT_BAD_INPUT = 1
EXIT_DAMAGED = 2


def register(commands: Any) -> None:
    new = commands.add_parser("new-draft", help="create an empty assessment draft")
    new.add_argument("--practice", required=True, help="the practice's name")
    new.add_argument("--ods", required=True, help="the practice's ODS code, e.g. A12345")
    new.add_argument("--out", required=True, type=Path, help="where to write the draft (.json)")
    new.add_argument(
        "--framework",
        action="append",
        dest="frameworks",
        metavar="ID",
        help="include only this framework (repeatable; default: all built-in banks)",
    )
    new.set_defaults(handler=new_draft_cmd)

    answer = commands.add_parser(
        "answer",
        help="set one answer in a draft",
        description="Set one answer. VALUE is yes/no, a choice, a number, a date (2026-03-31), "
        "text, comma-separated choices, 'not-sure', 'it-provider' or 'clear'.",
    )
    answer.add_argument("draft", type=Path, metavar="DRAFT")
    answer.add_argument("ref", metavar="REF", help="the official ref (e.g. 7.3.4, A6.4) or item id")
    answer.add_argument("value", metavar="VALUE")
    answer.set_defaults(handler=answer_cmd)

    score = commands.add_parser("score", help="statuses and the action plan for a draft")
    score.add_argument("draft", type=Path, metavar="DRAFT")
    score.add_argument("--json", action="store_true", help="print JSON")
    score.set_defaults(handler=score_cmd)


def _banks() -> list[Bank]:
    return load_banks(None, CHECK_IDS)


def new_draft_cmd(args: argparse.Namespace) -> int:
    ods = args.ods.strip().upper()
    if not ODS_GP_PATTERN.match(ods):
        return fail(
            f"'{args.ods}' is not a GP practice ODS code: it should be one letter "
            "and five digits, like A12345.",
            EXIT_BAD_INPUT,
        )
    if args.out.exists():
        return fail(f"{args.out} already exists; it was left as it is. Choose another name.", EXIT_BAD_INPUT)
    try:
        banks = _banks()
    except BankError as exc:
        return fail(f"The question banks have errors:\n{exc}", EXIT_BAD_INPUT)
    known = [b.framework.id for b in banks]
    chosen = args.frameworks or known
    unknown = [f for f in chosen if f not in known]
    if unknown:
        return fail(f"Unknown framework(s): {', '.join(unknown)}. Known: {', '.join(known)}.", EXIT_BAD_INPUT)
    draft = new_draft(args.practice, ods, chosen)
    if not args.out.parent.is_dir():
        return fail(f"The folder {args.out.parent} does not exist.", EXIT_BAD_INPUT)
    try:
        save_draft(args.out, draft)
    except DraftSaveError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    print(f"Created {args.out} for {draft.practice.name} ({ods}).")
    return 0


def _open(path: Path) -> tuple[Draft, list[Bank]]:
    """The draft and the banks, or a CommandError with the plain reason."""
    try:
        draft = load_draft(path)
    except DraftLoadError as exc:
        raise CommandError(str(exc), EXIT_DAMAGED) from exc
    try:
        return draft, _banks()
    except BankError as exc:
        raise CommandError(f"The question banks have errors:\n{exc}", EXIT_BAD_INPUT) from exc


def answer_cmd(args: argparse.Namespace) -> int:
    draft, banks = _open(args.draft)
    matches = [(b, i) for b in banks if (i := b.find(args.ref)) is not None]
    if not matches:
        return fail(f"No question has the reference or id '{args.ref}'.", EXIT_BAD_INPUT)
    if len(matches) > 1:
        names = ", ".join(f"{i.id} ({b.framework.short_name})" for b, i in matches)
        return fail(f"'{args.ref}' matches more than one question: {names}. Use the id.", EXIT_BAD_INPUT)
    _, item = matches[0]
    try:
        answer_from_text(draft, item, args.value)
        save_draft(args.draft, draft)
    except (AnswerError, DraftSaveError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    print(f"{item.ref}: saved.")
    return 0


def score_cmd(args: argparse.Namespace) -> int:
    draft, banks = _open(args.draft)
    if args.json:
        print_json(score_json(banks, draft))
    else:
        sys.stdout.write(score_text(banks, draft))
    return 0
