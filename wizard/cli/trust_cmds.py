"""``trust``: the ICB files practices' certificates (and its own) in its trust folder, for ``verify --trust-dir``."""

from __future__ import annotations

import argparse

from wizard.cli.output import plain
from wizard.cli.verify_cmds import bad_input
from wizard.icb.trust_store import TO_REVIEW, add_to_trust, load_trust_dir
from wizard.pack.identity.cert import fingerprint_of


def add_cmd(args: argparse.Namespace) -> int:
    filed = bad_input(add_to_trust, args.trust_dir, args.certs, args.replace, args.issuer)
    for item in filed:
        print(plain(item.message))
    if not filed:
        print("No certificate files (.pem, .crt, .cer, .der) or revocation lists (.crl) were found.")
        return 1
    return 1 if any(item.outcome == "changed" for item in filed) else 0


def list_cmd(args: argparse.Namespace) -> int:
    store = bad_input(load_trust_dir, args.trust_dir)
    for ods, certs in sorted(store.practices.items()):
        for cert in certs:
            until = f"{cert.not_valid_after_utc:%d/%m/%Y}"
            print(
                f"{ods}  {plain(cert.subject.rfc4514_string())}  valid to {until}  SHA-256 {fingerprint_of(cert)}"
            )
    for issuer in store.issuers:
        print(f"issuer  {plain(issuer.subject.rfc4514_string())}  SHA-256 {fingerprint_of(issuer)}")
    revoked = sum(len(list(crl)) for crl, _ in store.revocations.lists)
    print(f"{len(store.practices)} practices, {len(store.issuers)} issuers, {revoked} revoked certificates")
    review = (
        sorted((args.trust_dir / TO_REVIEW).glob("*.pem")) if (args.trust_dir / TO_REVIEW).is_dir() else []
    )
    for path in review:
        print(f"TO REVIEW: {plain(path.name)}")
    return 0
