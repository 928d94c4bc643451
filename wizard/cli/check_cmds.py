"""``check``: run the local checks, list them, save them, or re-judge saved facts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wizard.app.checks import judge, keep_for_the_estate, read_this_pc
from wizard.checks.anonymise import anonymise
from wizard.checks.catalogue import CATALOGUE
from wizard.checks.device_file import DEVICE_SCHEMA
from wizard.checks.evaluate import platforms_of, refs_of
from wizard.checks.facts import Snapshot
from wizard.cli.output import CommandError, print_json
from wizard.core.check_results import STATUS_WORDS, DeviceReport


def _list(as_json: bool) -> int:
    rows = [
        {
            "id": c.id,
            "title": c.title,
            "theme": c.theme,
            "platforms": platforms_of(c.id),
            "not_on": c.not_on,
            "refs": refs_of(c),
            "thresholds": c.thresholds,
        }
        for c in CATALOGUE
    ]
    if as_json:
        print_json({"checks": rows})
    else:
        for row in rows:
            print(f"{row['id']:<26} {row['title']}  [{', '.join(row['platforms'])}]")
    return 0


def _load_facts(path: Path) -> Snapshot:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("schema") == DEVICE_SCHEMA:
            data = data["facts"]
        return Snapshot.from_json(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CommandError(f"{path} is not a readable facts snapshot ({exc}).", 2) from exc


def _print(report: DeviceReport) -> None:
    device = report.device
    print(f"{device.hostname} - {device.os_name} - checked {report.checked_at:%d/%m/%Y %H:%M} UTC")
    for result in report.results:
        print(f"  {STATUS_WORDS[result.status]:<15} {result.title}: {result.finding}")


def check_cmd(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args.json)
    if args.facts:
        snapshot = _load_facts(args.facts)
    else:

        def progress(done: int, total: int, name: str) -> None:
            if not args.json:
                print(f"\r  reading {done}/{total}", end="", file=sys.stderr, flush=True)

        snapshot = read_this_pc(progress)
        if not args.json:
            print(file=sys.stderr)
    if args.anonymise:
        if not args.save:
            raise CommandError("--anonymise only changes what --save writes: add --save DIR.", 2)
        snapshot = anonymise(snapshot)
    run = judge(snapshot)
    report = run.report
    if args.save:
        if not args.save.is_dir():
            raise CommandError(f"The folder {args.save} does not exist.", 1)
        try:
            target = keep_for_the_estate(run, args.save)
        except OSError as exc:
            raise CommandError(
                f"The results could not be saved in {args.save} ({exc.strerror or exc}).", 1
            ) from exc
        if not args.json:
            print(f"Saved {target}")
    if args.json:
        print_json(report.model_dump(mode="json", by_alias=True))
    else:
        _print(report)
    return 0
