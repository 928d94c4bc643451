"""Command-line interface: ``python -m wizard <command>``.

The commands call the same domain functions the wizard's pages call, so a
script (or a test) can do whatever the GUI does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from wizard import APP_NAME, __version__
from wizard.cli import (
    bank_cmds,
    check_cmds,
    draft_cmds,
    icb_cmds,
    identity_cmds,
    pack_cmds,
    portal_cmds,
    trust_cmds,
    verify_cmds,
)
from wizard.cli.output import CommandError
from wizard.cli.self_test import run_self_test


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m wizard",
        description=f"{APP_NAME}: DSPT and Cyber Essentials self-assessment for GP practices. "
        "Run without a command to open the wizard.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this copy of the program works on this PC (banks, checks, a signed demo pack), "
        "without touching the practice's data; exit 0 only when every step passed",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    bank_cmds.register(commands)
    draft_cmds.register(commands)
    portal_cmds.register(commands)
    check_cmds.register(commands)
    identity_cmds.register(commands)
    pack_cmds.register(commands)
    verify_cmds.register(commands)
    trust_cmds.register(commands)
    icb_cmds.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.command:
            parser.error("--self-test runs on its own, without a command")
        return run_self_test()
    if not args.command:
        parser.error("choose a command (see the list above), or --self-test")
    try:
        code: int = args.handler(args)
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code
