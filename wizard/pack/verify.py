"""The commissioner's side: is a pack intact, signed by whom, changed since, and what it says.

A file that cannot be read at all is exit 2; anything wrong with a readable
file (a flipped byte, an added revision, an unknown signer) is reported in
plain words and is exit 1. Nothing is fetched from the network.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from wizard.pack.attachments import SUMMARY
from wizard.pack.identity_cert import fingerprint_of


class UnreadablePackError(Exception):
    """The file could not be opened at all (missing, unreadable, empty)."""


@dataclass
class Verdict:
    path: Path
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    whole_file: bool = False
    changed_after_signing: bool = True
    signer: str = ""
    fingerprint: str = ""
    signed_at: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.intact
            and self.valid
            and self.trusted
            and self.whole_file
            and not self.changed_after_signing
            and not self.problems
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "ok": self.ok,
            "intact": self.intact,
            "valid": self.valid,
            "trusted": self.trusted,
            "whole_file_covered": self.whole_file,
            "changed_after_signing": self.changed_after_signing,
            "signer": self.signer,
            "certificate_sha256": self.fingerprint,
            "signed_at": self.signed_at,
            "summary": self.summary,
            "problems": self.problems,
        }


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


def _fingerprint(cert: asn1_x509.Certificate) -> str:
    """The signer's fingerprint, printed the same way as on the pack's cover."""
    return fingerprint_of(x509.load_der_x509_certificate(cert.dump()))


def _resolve(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _embedded(reader: PdfFileReader, name: str) -> bytes | None:
    """An embedded file's bytes, looked up in the catalogue's name tree (flat or nested)."""
    try:
        tree = _resolve(_resolve(reader.root["/Names"])["/EmbeddedFiles"])
    except KeyError:
        return None
    stack = [tree]
    while stack:
        node = _resolve(stack.pop())
        names = _resolve(node.get("/Names"))
        if names is not None:
            for i in range(0, len(names), 2):
                if str(_resolve(names[i])) == name:
                    spec = _resolve(names[i + 1])
                    return bytes(_resolve(_resolve(spec["/EF"])["/F"]).data)
        stack.extend(_resolve(node.get("/Kids")) or [])
    return None


def _trust_context(trust: list[x509.Certificate]) -> ValidationContext:
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trust]
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def verify_bytes(path: Path, data: bytes, trust: list[x509.Certificate], fingerprint: str | None) -> Verdict:
    """Check one pack held in memory. Whatever is wrong with it becomes a problem, never a crash."""
    try:
        return _verify(path, data, trust, fingerprint)
    except Exception as exc:
        verdict = Verdict(path)
        verdict.problems.append(f"The file is damaged and could not be checked ({type(exc).__name__}).")
        return verdict


def _verify(path: Path, data: bytes, trust: list[x509.Certificate], fingerprint: str | None) -> Verdict:
    verdict = Verdict(path)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # a damaged file: say so, never crash
        verdict.problems.append(f"The file is damaged and cannot be read as a PDF ({type(exc).__name__}).")
        return verdict
    if not signatures:
        verdict.problems.append("The file has no signature.")
        return verdict
    if len(signatures) > 1:
        verdict.problems.append(f"The file has {len(signatures)} signatures; a pack has exactly one.")
    signature = signatures[0]
    try:
        status = validate_pdf_signature(signature, _trust_context(trust))
    except Exception as exc:
        verdict.problems.append(f"The signature could not be checked: it is damaged ({type(exc).__name__}).")
        return verdict
    cert = status.signing_cert
    verdict.intact, verdict.valid = bool(status.intact), bool(status.valid)
    verdict.signer = cert.subject.human_friendly
    verdict.fingerprint = _fingerprint(cert)
    verdict.signed_at = status.signer_reported_dt.isoformat() if status.signer_reported_dt else ""
    verdict.whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    verdict.changed_after_signing = not (
        status.modification_level in (None, ModificationLevel.NONE) and status.docmdp_ok is not False
    )
    if fingerprint is not None:
        verdict.trusted = normalise_fingerprint(fingerprint) == normalise_fingerprint(verdict.fingerprint)
    else:
        verdict.trusted = bool(status.trusted)
    _explain(verdict, fingerprint is not None or bool(trust))
    _read_summary(reader, verdict)
    return verdict


def _read_summary(reader: PdfFileReader, verdict: Verdict) -> None:
    try:
        raw = _embedded(reader, SUMMARY)
        if raw is None:
            verdict.problems.append("The pack carries no summary.json.")
            return
        data = json.loads(raw)
    except Exception:  # a damaged name tree or stream: say so, never crash
        verdict.problems.append("The embedded summary could not be read: the file is damaged.")
        return
    if isinstance(data, dict):
        verdict.summary = data
    else:
        verdict.problems.append("The embedded summary is not what a pack holds.")


def _explain(verdict: Verdict, trust_given: bool) -> None:
    if not verdict.intact:
        verdict.problems.append("The signed content has been altered: the signature no longer matches it.")
    elif not verdict.valid:
        verdict.problems.append("The signature is not valid.")
    if not verdict.whole_file:
        verdict.problems.append("The signature does not cover the whole file.")
    if verdict.changed_after_signing:
        verdict.problems.append("The file was changed after it was signed.")
    if not verdict.trusted:
        verdict.problems.append(
            "The signer is not confirmed: the certificate does not match the one given."
            if trust_given
            else "The signer is not confirmed: give the practice's certificate (--trust) or its fingerprint."
        )


def verify_file(path: Path, trust: list[x509.Certificate], fingerprint: str | None) -> Verdict:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadablePackError(f"{path} could not be read ({exc.strerror or exc}).") from exc
    if not data:
        raise UnreadablePackError(f"{path} is empty.")
    return verify_bytes(path, data, trust, fingerprint)
