"""Entry point: no arguments opens the wizard; anything else is a command."""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) > 1:
        from wizard.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from wizard.ui.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
