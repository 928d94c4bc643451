"""Is the pack signed by the practice it is about?

The practice's certificate names its ODS code (see ``identity_cert``). A pack
whose report, ``answers.json``, ``summary.json`` or document id names another
practice was signed by someone else's key and is not good, however valid the
signature itself is.
"""

from __future__ import annotations

NO_ODS_IN_CERTIFICATE = (
    "The signing certificate does not say which practice it belongs to (it names no ODS code), "
    "so the pack cannot be matched to a practice."
)


def practice_problem(certificate_ods: str | None, claims: list[tuple[str, str]]) -> str:
    """Why the pack's practice is not the signer's, or "" when every claim names the signer.

    ``claims`` are (where, ODS code) pairs, e.g. ("summary.json", "A12345").
    """
    if certificate_ods is None:
        return NO_ODS_IN_CERTIFICATE
    others = [
        (where, code.strip().upper()) for where, code in claims if code.strip().upper() != certificate_ods
    ]
    if not others:
        return ""
    shown = "; ".join(f"{where} names {code[:12] or 'no practice'}" for where, code in others)
    return f"The pack is signed by another practice ({certificate_ods}): {shown}."


def document_id_ods(document_id: str) -> str:
    """The ODS code inside a document id such as GPCW-A12345-20261124-1A2B ("" if it has none)."""
    parts = document_id.split("-")
    return parts[1] if len(parts) == 4 and parts[0] == "GPCW" else ""
