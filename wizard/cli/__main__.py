"""Console entry point: ``python -m wizard.cli`` and the ``gp-cyber-wizard-cli`` executable."""

from __future__ import annotations

import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main())
