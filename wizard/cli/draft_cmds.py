"""``new-draft``, ``answer`` and ``score``: the assessment from a script."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from wizard.checks.catalogue import CHECK_IDS
from wizard.cli.output import CommandError, print_json
from wizard.cli.score_report import score_json, score_text
from wizard.core.answer_types import AnswerError
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, load_banks
from wizard.core.bank.schema import Item
from wizard.core.describe import plural
from wizard.core.draft.answers import answer_from_text, confirm_answer, set_note, set_provider
from wizard.core.draft.fields import FieldError, parse_field_text, write_field
from wizard.core.draft.model import ODS_GP_PATTERN, Draft, new_draft
from wizard.core.draft.next_year import start_from
from wizard.core.draft.open import open_draft
from wizard.core.draft.store import DraftLoadError, DraftSaveError, save_draft

EXIT_BAD_INPUT = 1
EXIT_DAMAGED = 2


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


def start_from_cmd(args: argparse.Namespace) -> int:
    if args.out.exists():
        raise CommandError(
            f"{args.out} already exists; it was left as it is. Choose another name.", EXIT_BAD_INPUT
        )
    if not args.out.parent.is_dir():
        raise CommandError(f"The folder {args.out.parent} does not exist.", EXIT_BAD_INPUT)
    earlier, _ = open_for_command(args.earlier)
    made = start_from(earlier, args.earlier, args.out, args.as_at or dt.date.today())
    try:
        save_draft(args.out, made.draft)
    except DraftSaveError as exc:
        raise CommandError(str(exc), EXIT_BAD_INPUT) from exc
    for problem in made.left_behind:
        print(f"Not copied: {problem}", file=sys.stderr)
    print(
        f"Created {args.out} for {made.draft.practice.name or 'the practice'}: {plural(made.carried, 'answer')} "
        "copied, each to be confirmed (answer REF --confirm) or changed."
    )
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
    if args.value is None and not (args.field or args.provider or args.note is not None or args.confirm):
        raise CommandError("Give a VALUE, a --field, a --provider, a --note or --confirm.", EXIT_BAD_INPUT)
    try:
        if args.confirm:
            confirm_answer(draft, item)
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
