"""Arguments of ``icb init``, ``issue``, ``revoke`` and ``report`` (work in ``icb_cmds``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wizard.cli.args.action import add_action
from wizard.cli.args.verify import add_trust_options
from wizard.core.env_names import ICB_PASSPHRASE_ENV


def register(commands: Any) -> None:
    icb = commands.add_parser(
        "icb",
        help="for the ICB: issue and revoke practices' certificates, and the estate report",
        description="The ICB's side: an issuing key, practices' certificates issued and revoked, "
        "and one report of every practice's position.",
    )
    actions = icb.add_subparsers(dest="icb_command", metavar="ACTION", required=True)
    init = _action(actions, "init", "set up the ICB's issuing key (kept encrypted) and certificate")
    init.add_argument("--name", required=True, metavar="NAME", help='the ICB\'s name, e.g. "NHS Example ICB"')
    init.add_argument("--replace", action="store_true", help="replace an existing issuing key")
    issued = _action(actions, "issue", "issue a practice's certificate for its request")
    issued.add_argument(
        "request", type=Path, metavar="REQUEST", help="the practice's request (identity request)"
    )
    issued.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="where to save the chain (.pem)"
    )
    gone = _action(actions, "revoke", "revoke every certificate issued to a practice")
    gone.add_argument("ods", metavar="ODS", help="the practice's ODS code")
    _add_report(actions)


def _action(actions: Any, name: str, text: str) -> argparse.ArgumentParser:
    parser = add_action(
        actions,
        name,
        text,
        f"icb_cmds:{name}_cmd",
        f"read the issuing key's passphrase from the first line of FILE (or set {ICB_PASSPHRASE_ENV})",
    )
    parser.add_argument(
        "--dir", type=Path, metavar="DIR", help="the ICB's folder (default: icb in the data folder)"
    )
    return parser


def _add_report(actions: Any) -> None:
    report = actions.add_parser(
        "report",
        help="one PDF (and CSV) of every practice's position, from the packs whose signature is good",
        description="Build the estate report for the ICB's board from a folder of packs. Only packs whose "
        "signature is good are read; the others are listed apart.",
    )
    report.add_argument("paths", nargs="+", type=Path, metavar="FOLDER", help="a folder of packs (or packs)")
    report.add_argument("--out", type=Path, required=True, metavar="PDF", help="the report to write (.pdf)")
    report.add_argument(
        "--csv", type=Path, metavar="FILE", help="the same data as CSV (default: beside the PDF)"
    )
    add_trust_options(report)
    report.set_defaults(handler="icb_cmds:report_cmd")
