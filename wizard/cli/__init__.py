"""Command-line interface: ``python -m wizard <command>``.

The commands call the same domain functions the wizard's pages call, so a
script (or a test) can do whatever the GUI does. The arguments are in
``wizard.cli.args``; a command's own module, and the libraries it needs, are
imported only when that command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from wizard.cli.args import build_parser, handler_of
from wizard.cli.output import CommandError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        if args.command:
            parser.error("--self-test runs on its own, without a command")
        from wizard.cli.self_test import run_self_test  # the whole program: only when asked for

        return run_self_test()
    if not args.command:
        parser.error("choose a command (see the list above), or --self-test")
    try:
        code: int = handler_of(args)(args)
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code
