"""Arguments of ``verify``, and the trust options ``icb report`` shares (work in ``verify_cmds``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

CSV_NAME = "verification-summary.csv"


def add_trust_options(parser: argparse.ArgumentParser) -> None:
    """Whom to trust, as ``verify`` and ``icb report`` both take it."""
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--trust",
        type=Path,
        metavar="CERT",
        help="a certificate file (PEM or DER; several in one PEM file): practices' certificates, "
        "or the ICB's certificate that issued them",
    )
    who.add_argument("--fingerprint", metavar="SHA256", help="the certificate's SHA-256 fingerprint")
    who.add_argument(
        "--trust-dir",
        type=Path,
        metavar="DIR",
        help="the ICB's trust folder: each practice's certificate filed by ODS code (see trust add)",
    )
    parser.add_argument(
        "--crl",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a revocation list the ICB wrote (icb revoke); packs signed with a revoked certificate are not good",
    )
    parser.add_argument(
        "--expect",
        type=Path,
        metavar="FILE",
        help="the practices a pack is expected from, one ODS code a line (a name may follow a comma)",
    )


def register(commands: Any) -> None:
    verify = commands.add_parser(
        "verify",
        help="check signed evidence packs (a file or a folder of them)",
        description="Check that packs are intact, signed by the practice and unchanged since. "
        "Exit 0 only when every pack is good (and every expected practice sent one), 1 when any is not, "
        "2 when a file cannot be read.",
    )
    verify.add_argument("paths", nargs="+", type=Path, metavar="PDF", help="a pack, or a folder of packs")
    add_trust_options(verify)
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.add_argument(
        "--csv", type=Path, metavar="FILE", help=f"where to write the summary (default: {CSV_NAME})"
    )
    verify.set_defaults(handler="verify_cmds:verify_cmd")
