"""Seal a PKCS#12 key file's MAC with as many iterations as its key encryption.

The MAC is what a wrong passphrase fails against first. cryptography writes it
with 2,048 iterations of the PKCS#12 key derivation whatever ``kdf_rounds``
says, so someone holding a lost stick could test guesses against the MAC
hundreds of times faster than against the key's own encryption. This
recomputes it (RFC 7292, appendix B, with SHA-256) with the same number of
iterations as the key encryption and a fresh salt; OpenSSL and Windows read
the result as any other PKCS#12 file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from asn1crypto import pkcs12 as asn1_pkcs12

_BLOCK = 64  # SHA-256's input block (v in RFC 7292)
_MAC_KEY_ID = 3  # the diversifier that says "this key is for the MAC"
SALT_BYTES = 16


def _stretch(data: bytes) -> bytes:
    """``data`` repeated to fill whole blocks (nothing stays empty)."""
    if not data:
        return b""
    size = _BLOCK * -(-len(data) // _BLOCK)
    return (data * (size // len(data) + 1))[:size]


def mac_key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    """The PKCS#12 MAC key for ``passphrase`` (RFC 7292 B.2, SHA-256, one 32-byte block)."""
    password = passphrase.encode("utf-16-be") + b"\0\0"  # a BMPString with its terminating zero
    digest = hashlib.sha256(bytes([_MAC_KEY_ID]) * _BLOCK + _stretch(salt) + _stretch(password)).digest()
    for _ in range(iterations - 1):
        digest = hashlib.sha256(digest).digest()
    return digest


def reseal_mac(p12: bytes, passphrase: str, iterations: int) -> bytes:
    """``p12`` with its HMAC-SHA256 MAC recomputed over the same contents with ``iterations``."""
    pfx = asn1_pkcs12.Pfx.load(p12)
    mac_data = pfx["mac_data"]
    if mac_data["mac"]["digest_algorithm"]["algorithm"].native != "sha256":
        raise ValueError("the key file's MAC is not HMAC-SHA256")
    contents = pfx["auth_safe"]["content"].contents
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hmac.new(mac_key(passphrase, salt, iterations), contents, hashlib.sha256).digest()
    mac_data["mac"]["digest"] = digest
    mac_data["mac_salt"] = salt
    mac_data["iterations"] = iterations
    return bytes(pfx.dump(force=True))
