"""The commissioner's side: is a pack intact, signed by whom, changed since, and what it says.

A file that cannot be read at all is exit 2; anything wrong with a readable
file (a flipped byte, an added revision, an unknown signer, a summary its own
answers do not give) is reported in plain words and is exit 1. Nothing is
fetched from the network. What a pack says is read only from the revision the
signature covers, and only believed once it has been worked out again from
the pack's own answers (see ``pack_contents``).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleTrustManager

from wizard.core.atomic import read_regular
from wizard.core.bank.model import Bank, load_banks
from wizard.pack.byte_range import Coverage, check_coverage, coverage_from_bytes
from wizard.pack.identity.cert import fingerprint_of, validity_problems
from wizard.pack.pack_contents import check_contents
from wizard.pack.verdict import Verdict

__all__ = [
    "MAX_PACK_BYTES",
    "UnreadablePackError",
    "Verdict",
    "normalise_fingerprint",
    "verify_bytes",
    "verify_file",
]

MAX_PACK_BYTES = 2 * 1024 * 1024 * 1024  # several 250 MB evidence files; stops a runaway read
MAX_EARLIER_VERSIONS = 16  # how many earlier revisions are searched for a hidden signature
_EOF = re.compile(rb"%%EOF[ \t]*\r?\n?")


class UnreadablePackError(Exception):
    """The file could not be opened at all (missing, unreadable, empty, not a file)."""


def normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


@functools.lru_cache(maxsize=8)
def _trust_manager(roots: tuple[x509.Certificate, ...]) -> SimpleTrustManager:
    """Built once per set of trusted certificates: indexing an ICB's folder of 200 takes a quarter second."""
    return SimpleTrustManager.build(
        trust_roots=[asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in roots]
    )


def _trust_context(trust: list[x509.Certificate]) -> ValidationContext:
    return ValidationContext(trust_manager=_trust_manager(tuple(trust)), allow_fetching=False)


def verify_bytes(
    path: Path,
    data: bytes,
    trust: list[x509.Certificate],
    fingerprint: str | None,
    banks: Sequence[Bank] | None = None,
) -> Verdict:
    """Check one pack held in memory. Whatever is wrong with it becomes a problem, never a crash.

    ``banks`` are the question banks to score its answers with (default: the built-in ones).
    """
    known = list(banks) if banks is not None else load_banks(None)
    try:
        return _verify(path, data, trust, fingerprint, known)
    except (Exception, RecursionError) as exc:
        verdict = Verdict(path)
        verdict.problems.append(f"The file is damaged and could not be checked ({type(exc).__name__}).")
        return verdict


def _signatures(data: bytes) -> tuple[PdfFileReader, list[EmbeddedPdfSignature]]:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    return reader, list(reader.embedded_signatures)


def _versions(data: bytes) -> Iterator[bytes]:
    """The file, then the file as it ended at each earlier end-of-file marker, newest first.

    Lazily, and a bounded number: the earlier ones are only made when the
    whole file shows no signature.
    """
    yield data
    last = len(data)
    while last and data[last - 1 : last] in b" \t\r\n\0":
        last -= 1
    ends = [m.end() for m in _EOF.finditer(data) if m.end() < last]
    for end in reversed(ends[-MAX_EARLIER_VERSIONS:]):
        yield data[:end]


def _signature(data: bytes, verdict: Verdict) -> tuple[PdfFileReader, EmbeddedPdfSignature] | None:
    """The signature, found in the file as it is or, like poppler, in an earlier revision of it.

    A revision appended to hide the signature field, or to break the file's
    structure, still leaves the signed revision in the first bytes.
    """
    reader: PdfFileReader | None = None
    signatures: list[EmbeddedPdfSignature] = []
    damage = ""
    for version in _versions(data):
        try:
            reader, signatures = _signatures(version)
        except Exception as exc:  # a damaged file: say so, never crash
            damage = damage or type(exc).__name__
            continue
        if signatures:
            break
    if reader is None or not signatures:
        verdict.problems.append(
            f"The file is damaged and cannot be read as a PDF ({damage})."
            if reader is None
            else "The file has no signature."
        )
        return None
    if len(signatures) > 1:
        verdict.problems.append(f"The file has {len(signatures)} signatures; a pack has exactly one.")
    return reader, signatures[0]


def _verify(
    path: Path, data: bytes, trust: list[x509.Certificate], fingerprint: str | None, banks: list[Bank]
) -> Verdict:
    verdict = Verdict(path)
    found = _signature(data, verdict)
    if found is None:
        # Nothing is signed, so nothing covers the file; a byte range may still show appended bytes.
        raw = coverage_from_bytes(data)
        verdict.changed_after_signing = raw is not None and raw.changed_after_signing
        return verdict
    reader, signature = found
    coverage = check_coverage(data, signature.byte_range, signature.pkcs7_content)
    _note_coverage(verdict, coverage)
    try:  # the whole-file test above replaces pyHanko's look at what changed after signing
        status = validate_pdf_signature(signature, _trust_context(trust), skip_diff=True)
    except Exception as exc:
        verdict.problems.append(f"The signature could not be checked: it is damaged ({type(exc).__name__}).")
        return verdict
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    verdict.intact, verdict.valid = bool(status.intact), bool(status.valid)
    verdict.certificate = cert
    verdict.signer = status.signing_cert.subject.human_friendly
    verdict.fingerprint = fingerprint_of(cert)
    signed_at = status.signer_reported_dt
    verdict.signed_at = signed_at.isoformat() if signed_at else ""
    verdict.whole_file = coverage.whole_file and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    verdict.changed_after_signing = coverage.changed_after_signing or status.docmdp_ok is False
    if fingerprint is not None:
        verdict.trusted = normalise_fingerprint(fingerprint) == normalise_fingerprint(verdict.fingerprint)
    else:
        verdict.trusted = bool(status.trusted)
    _explain(verdict, fingerprint is not None or bool(trust), coverage.problem)
    verdict.problems += validity_problems(cert, signed_at, dt.datetime.now(dt.UTC))
    if verdict.intact and coverage.signed_length is not None:  # an altered file's contents mean nothing
        check_contents(_signed_part(data, coverage.signed_length, reader), verdict, cert, banks, signed_at)
    return verdict


def _signed_part(data: bytes, length: int, reader: PdfFileReader) -> PdfFileReader:
    """The file as it was signed: anything appended after the signed bytes is never read."""
    return reader if length == len(data) else PdfFileReader(io.BytesIO(data[:length]), strict=False)


def _note_coverage(verdict: Verdict, coverage: Coverage | None) -> None:
    """Whether the signature covers every byte, known even when it cannot be checked."""
    if coverage is not None:
        verdict.whole_file = coverage.whole_file
        verdict.changed_after_signing = coverage.changed_after_signing


def _explain(verdict: Verdict, trust_given: bool, coverage_problem: str) -> None:
    if not verdict.intact:
        verdict.problems.append("The signed content has been altered: the signature no longer matches it.")
    elif not verdict.valid:
        verdict.problems.append("The signature is not valid.")
    if not verdict.whole_file:
        verdict.problems.append(
            " ".join(("The signature does not cover the whole file.", coverage_problem)).strip()
        )
    if verdict.changed_after_signing:
        verdict.problems.append("The file was changed after it was signed.")
    if not verdict.trusted:
        verdict.problems.append(
            "The signer is not confirmed: the certificate does not match the one given."
            if trust_given
            else "The signer is not confirmed: give the practice's certificate (--trust) or its fingerprint."
        )


def verify_file(
    path: Path,
    trust: list[x509.Certificate],
    fingerprint: str | None,
    banks: Sequence[Bank] | None = None,
) -> Verdict:
    """Check the pack at ``path``; UnreadablePackError if it is not a file that can be read."""
    try:
        data = read_regular(path, MAX_PACK_BYTES)
    except OSError as exc:
        raise UnreadablePackError(f"{path} could not be read ({exc.strerror or exc}).") from exc
    if not data:
        raise UnreadablePackError(f"{path} is empty.")
    return verify_bytes(path, data, trust, fingerprint, banks)
