"""``bank validate`` and ``bank stats``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from wizard.checks.catalogue import CHECK_IDS
from wizard.cli.output import CommandError, print_json
from wizard.core.bank.errors import BankError
from wizard.core.bank.model import Bank, bank_files, load_bank, load_banks
from wizard.core.bank.schema import Item
from wizard.core.describe import plural


def validate_cmd(args: argparse.Namespace) -> int:
    files: list[Path] = args.files or bank_files()
    if not files:
        raise CommandError("No question bank files were found.", 1)
    failed = False
    for path in files:
        try:
            bank = load_bank(path, CHECK_IDS)
        except BankError as exc:
            failed = failed or any(p.severity == "error" for p in exc.problems)
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{path}: NOT valid ({plural(len(exc.problems), 'problem')})", file=sys.stderr)
            continue
        for warning in bank.warnings:
            print(warning, file=sys.stderr)
        count = sum(1 for _ in bank.items())
        print(f"{path}: valid ({bank.framework.name} {bank.framework.version}, {count} items)")
    if not failed and len(files) > 1:
        try:
            load_banks(files, CHECK_IDS)
        except BankError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
    return 1 if failed else 0


def item_stats(item: Item) -> dict[str, Any]:
    """One item as a reviewer checks it against the official list."""
    return {
        "ref": item.ref,
        "id": item.id,
        "form": item.toolkit_form,
        # Approaching Standards needs its items; Standards Met needs those and its own.
        "required_met": item.required_for in ("met", "approaching"),
        "required_approaching": item.required_for == "approaching",
        "auto_fail": item.auto_fail,
        "it_provider": item.it_provider,
        "ref_confidence": item.ref_confidence,
        "ref_sources": item.ref_sources,
    }


def bank_stats(bank: Bank) -> dict[str, Any]:
    items = list(bank.items())
    framework = bank.framework
    period = framework.period
    return {
        "id": framework.id,
        "name": framework.name,
        "kind": framework.scoring,
        "version": framework.version,
        "revision": framework.revision,
        "period": {"start": period.start, "end": period.end} if period else None,
        "deadline": framework.deadline,
        "file": bank.path.name,
        "sha256": bank.sha256,
        "sections": len(bank.sections),
        "count": len(items),
        "required_met": sum(1 for i in items if i.required_for in ("met", "approaching")),
        "required_approaching": sum(1 for i in items if i.required_for == "approaching"),
        "auto_fail": [i.ref for i in items if i.auto_fail],
        "items": [item_stats(i) for i in items],
    }


def stats_cmd(args: argparse.Namespace) -> int:
    try:
        banks = load_banks(args.files or None, CHECK_IDS)
    except BankError as exc:
        raise CommandError(f"The question banks have errors:\n{exc}", 1) from exc
    stats = [bank_stats(bank) for bank in banks]
    if args.json:
        print_json({"frameworks": stats})
        return 0
    for entry in stats:
        print(
            f"{entry['name']} {entry['version']}: {entry['sections']} sections, {entry['count']} items, "
            f"{entry['required_approaching']} needed for Approaching, {entry['required_met']} for Met, "
            f"automatic fails: {', '.join(entry['auto_fail']) or 'none'}"
        )
    return 0
