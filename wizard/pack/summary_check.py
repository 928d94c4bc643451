"""Is the pack's summary.json what its own answers.json says, and is it the signer's practice?

The summary is what the commissioner reads per pack, so it is never taken on
trust: the question banks it names (by SHA-256) are looked up among the ones
this version has, ``answers.json`` is scored again with them (as at the date
it carries), and the two summaries are compared key by key. Comparing every
key, whatever they are, keeps this working when the summary gains new ones.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wizard.core.bank.model import Bank
from wizard.core.draft.model import Draft
from wizard.pack.attachments import pack_summary

_MISSING = object()


class SummaryMismatchError(ValueError):
    """The summary cannot be confirmed; the message says why, plainly."""


def named_banks(summary: dict[str, Any], banks: Sequence[Bank]) -> list[Bank]:
    """The banks the summary names, by SHA-256; SummaryMismatchError if this version lacks any."""
    by_hash = {bank.sha256: bank for bank in banks}
    named = summary.get("banks")
    if not isinstance(named, list) or not named:
        raise SummaryMismatchError("The summary does not say which question banks the pack was made with.")
    chosen: list[Bank] = []
    unknown: list[str] = []
    for entry in named:
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if isinstance(digest, str) and digest in by_hash:
            chosen.append(by_hash[digest])
        else:
            shown = entry if not isinstance(entry, dict) else f"{entry.get('id')} {entry.get('version')}"
            unknown.append(str(shown)[:60])
    if unknown:
        raise SummaryMismatchError(
            "The pack was made with question banks this version does not have "
            f"({', '.join(unknown)}), so its summary cannot be checked against its answers."
        )
    return chosen


def _normalised(data: dict[str, Any]) -> dict[str, Any]:
    """As it reads back from JSON: tuples become lists, dates strings."""
    result: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return result


def confirmed_summary(
    summary: dict[str, Any],
    draft: Draft,
    banks: Sequence[Bank],
    fingerprint: str,
) -> dict[str, Any]:
    """The summary worked out again from ``draft``; raise SummaryMismatchError if the pack's differs."""
    chosen = named_banks(summary, banks)
    document_id = str(summary.get("document_id", ""))
    again = _normalised(pack_summary(chosen, draft, document_id, fingerprint))
    differ = sorted(
        key for key in set(again) | set(summary) if summary.get(key, _MISSING) != again.get(key, _MISSING)
    )
    if differ:
        shown = ", ".join(str(k)[:40] for k in differ[:8]) + (" …" if len(differ) > 8 else "")
        raise SummaryMismatchError(
            f"The pack's summary.json does not agree with its answers.json (it differs in: {shown}); "
            "the statuses it claims are not the ones its answers give."
        )
    return again
