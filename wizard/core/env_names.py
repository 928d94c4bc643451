"""The environment variables the program reads, named once (light: the command line's help uses them)."""

from __future__ import annotations

DATA_ENV = "GPCW_DATA_DIR"  # where the practice's data folder is, instead of the usual place
PASSPHRASE_ENV = "GPCW_PASSPHRASE"  # the practice signing key's passphrase, for scripts
ICB_PASSPHRASE_ENV = "GPCW_ICB_PASSPHRASE"  # the ICB issuing key's passphrase, for scripts
