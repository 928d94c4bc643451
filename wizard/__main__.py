"""Entry point of the wizard (and of the windowed executable).

No arguments opens the wizard; ``--self-test`` checks everything the command
line's self-test does and the window too; anything else is a command.
"""

from __future__ import annotations

import sys


def _self_test() -> int:
    from wizard.cli.self_test import SelfTestRun, run_self_test
    from wizard.ui.self_test import window_step

    def window(run: SelfTestRun) -> str:
        run.need("pack", run.draft_path)
        assert run.draft_path is not None
        return window_step(run.draft_path)

    return run_self_test([("window", window)])


def main() -> int:
    args = sys.argv[1:]
    if not args:
        from wizard.ui.app import run

        return run()
    from wizard.cli.console import ensure_output

    ensure_output()
    if args == ["--self-test"]:
        return _self_test()
    from wizard.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
