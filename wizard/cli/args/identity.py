"""Arguments of ``identity create``, ``import``, ``show``, ``export-cert``, ``request`` and
``install-cert`` (work in ``identity_cmds``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wizard.cli.args.action import add_action
from wizard.core.env_names import PASSPHRASE_ENV


def register(commands: Any) -> None:
    identity = commands.add_parser(
        "identity",
        help="the practice's signing key and certificate",
        description="Create, import, show or export the key and certificate that sign the evidence pack.",
    )
    actions = identity.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    _add_create(actions)
    _add_import(actions)
    show = _action(actions, "show", "show the certificate and its fingerprint (no passphrase needed)")
    show.add_argument("--json", action="store_true", help="print JSON")
    export = _action(actions, "export-cert", "save the certificate for the ICB (no key inside)", "export_cmd")
    export.add_argument("file", type=Path, metavar="FILE", help="where to save it (a .pem file or a folder)")
    _add_request(actions)


def _action(actions: Any, name: str, text: str, handler: str = "") -> argparse.ArgumentParser:
    return add_action(
        actions,
        name,
        text,
        f"identity_cmds:{handler or name + '_cmd'}",
        f"read the passphrase from the first line of FILE (or set {PASSPHRASE_ENV})",
    )


def _add_remember(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remember",
        action="store_true",
        help="keep the passphrase in this computer's secure password store",
    )


def _add_keeping_options(parser: argparse.ArgumentParser) -> None:
    _add_remember(parser)
    parser.add_argument(
        "--replace", action="store_true", help="replace the practice's existing signing identity"
    )


def _add_create(actions: Any) -> None:
    create = _action(actions, "create", "make a new key and self-signed certificate for the practice")
    create.add_argument("--practice", metavar="NAME", help="the practice's name, as on the certificate")
    create.add_argument("--ods", metavar="CODE", help="the practice's ODS code, e.g. A12345")
    _add_keeping_options(create)


def _add_import(actions: Any) -> None:
    imp = _action(actions, "import", "take in the signing file (.p12 or .pfx) the ICB issued")
    imp.add_argument("file", type=Path, metavar="FILE", help="the PKCS#12 file from the ICB")
    _add_keeping_options(imp)


def _add_request(actions: Any) -> None:
    request = _action(
        actions, "request", "make a certificate request for the ICB to issue (the key stays here)"
    )
    request.add_argument("--out", type=Path, required=True, metavar="FILE", help="where to save it (.csr)")
    request.add_argument(
        "--practice", metavar="NAME", help="with --ods: make the practice's key first, if none"
    )
    request.add_argument("--ods", metavar="CODE", help="the practice's ODS code, for a new key")
    install = _action(
        actions, "install-cert", "keep the certificate the ICB issued for the request", "install_cmd"
    )
    install.add_argument("file", type=Path, metavar="FILE", help="the certificate chain from icb issue")
    _add_remember(install)
