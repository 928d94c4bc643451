"""The one error the ICB's functions raise: a plain-English message about input the ICB can fix."""

from __future__ import annotations


class IcbError(Exception):
    """A file, folder or passphrase the ICB gave cannot be used; the message says why and what to do."""
