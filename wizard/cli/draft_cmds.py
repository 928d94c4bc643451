"""``new-draft``, ``answer`` and ``score``: the assessment from a script."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from wizard.checks.catalogue import CHECK_IDS
from wizard.cli.output import CommandError, print_json
from wizard.cli.score_report import score_json, score_text
from wizard.core.answer_types import AnswerError, parse_date_text
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, load_banks
from wizard.core.bank.schema import Item
from wizard.core.draft.answers import answer_from_text, set_note, set_provider
from wizard.core.draft.fields import FieldError, parse_field_text, write_field
from wizard.core.draft.model import ODS_GP_PATTERN, Draft, new_draft
from wizard.core.draft.open import open_draft
from wizard.core.draft.store import DraftLoadError, DraftSaveError, save_draft

EXIT_BAD_INPUT = 1
EXIT_DAMAGED = 2


def register(commands: Any) -> None:
    new = commands.add_parser("new-draft", help="create an empty assessment draft")
    new.add_argument("--practice", required=True, help="the practice's name")
    new.add_argument("--ods", required=True, help="the practice's ODS code, e.g. A12345")
    new.add_argument("--out", required=True, type=Path, help="where to write the draft (.json)")
    new.add_argument(
        "--as-at",
        type=parse_day,
        metavar="DATE",
        help="the date the assessment speaks for (default: today); '12 months' count back from it",
    )
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
    answer.add_argument("--given-on", type=parse_day, metavar="DATE", help="the day the IT provider gave it")
    answer.add_argument("--note", help="a note for the question")
    answer.set_defaults(handler=answer_cmd)

    score = commands.add_parser("score", help="statuses and the action plan for a draft")
    score.add_argument("draft", type=Path, metavar="DRAFT")
    score.add_argument("--json", action="store_true", help="print JSON")
    score.set_defaults(handler=score_cmd)


def parse_day(text: str) -> dt.date:
    """A date argument: 2026-03-31 or 31/03/2026."""
    try:
        return dt.date.fromisoformat(parse_date_text(text.strip()))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31 or 31/03/2026") from exc


def _banks() -> list[Bank]:
    return load_banks(None, CHECK_IDS)


def new_draft_cmd(args: argparse.Namespace) -> int:
    ods = args.ods.strip().upper()
    if not ODS_GP_PATTERN.match(ods):
        raise CommandError(
            f"'{args.ods}' is not a GP practice ODS code: it should be one letter "
            "and five digits, like A12345.",
            EXIT_BAD_INPUT,
        )
    if args.out.exists():
        raise CommandError(
            f"{args.out} already exists; it was left as it is. Choose another name.", EXIT_BAD_INPUT
        )
    try:
        banks = _banks()
    except BankError as exc:
        raise CommandError(f"The question banks have errors:\n{exc}", EXIT_BAD_INPUT) from exc
    known = [b.framework.id for b in banks]
    chosen = args.frameworks or known
    unknown = [f for f in chosen if f not in known]
    if unknown:
        kind = "framework" if len(unknown) == 1 else "frameworks"
        raise CommandError(
            f"Unknown {kind}: {', '.join(unknown)}. Known: {', '.join(known)}.", EXIT_BAD_INPUT
        )
    draft = new_draft(args.practice, ods, chosen, as_at=args.as_at)
    if not args.out.parent.is_dir():
        raise CommandError(f"The folder {args.out.parent} does not exist.", EXIT_BAD_INPUT)
    try:
        save_draft(args.out, draft)
    except DraftSaveError as exc:
        raise CommandError(str(exc), EXIT_BAD_INPUT) from exc
    print(f"Created {args.out} for {draft.practice.name} ({ods}).")
    return 0


def open_for_command(path: Path) -> tuple[Draft, list[Bank]]:
    """The draft (carried onto the current banks) and the banks, or a CommandError."""
    try:
        banks = _banks()
        draft, report = open_draft(path, banks)
    except DraftLoadError as exc:
        raise CommandError(str(exc), EXIT_DAMAGED) from exc
    except BankError as exc:
        raise CommandError(f"The question banks have errors:\n{exc}", EXIT_BAD_INPUT) from exc
    for summary in report.summaries:
        print(f"Note: {summary}", file=sys.stderr)
    return draft, banks


def find_question(banks: list[Bank], ref: str) -> Item:
    matches = [(b, i) for b in banks if (i := b.find(ref)) is not None]
    if not matches:
        raise CommandError(f"No question has the reference or id '{ref}'.", EXIT_BAD_INPUT)
    if len(matches) > 1:
        names = ", ".join(f"{i.id} ({b.framework.short_name})" for b, i in matches)
        raise CommandError(f"'{ref}' matches more than one question: {names}. Use the id.", EXIT_BAD_INPUT)
    return matches[0][1]


def _set_fields(draft: Draft, item: Item, pairs: list[str]) -> None:
    for pair in pairs:
        name, sep, text = pair.partition("=")
        spec = item.field(name.strip())
        if not sep or spec is None:
            known = ", ".join(f.id for f in item.fields) or "none"
            raise AnswerError(f"{item.ref} has no field '{name.strip()}' (its fields: {known}).")
        try:
            write_field(draft, item, spec, parse_field_text(spec, text))
        except FieldError as exc:
            raise AnswerError(f"{item.ref}: {exc}") from exc


def answer_cmd(args: argparse.Namespace) -> int:
    draft, banks = open_for_command(args.draft)
    item = find_question(banks, args.ref)
    if args.value is None and not (args.field or args.provider or args.note is not None):
        raise CommandError("Give a VALUE, a --field, a --provider or a --note.", EXIT_BAD_INPUT)
    try:
        if args.value is not None:
            answer_from_text(draft, item, args.value)
        _set_fields(draft, item, args.field)
        if args.provider is not None:
            set_provider(draft, item, args.provider, args.given_on)
        if args.note is not None:
            set_note(draft, item, args.note)
        save_draft(args.draft, draft)
    except (AnswerError, DraftSaveError) as exc:
        raise CommandError(str(exc), EXIT_BAD_INPUT) from exc
    print(f"{item.ref}: saved.")
    return 0


def score_cmd(args: argparse.Namespace) -> int:
    draft, banks = open_for_command(args.draft)
    if args.json:
        print_json(score_json(banks, draft))
    else:
        sys.stdout.write(score_text(banks, draft))
    return 0
