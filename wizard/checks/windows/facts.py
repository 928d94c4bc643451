"""Helpers shared by the Windows evaluators: reading the recorded shapes safely.

Registry facts hold ``{label: {"path", "exists", "values": {name: value|None}}}``;
the PowerShell fact holds one JSON object whose sections may each carry an
``error``. These helpers turn a failed section into a fact of its own, so an
evaluator reports that section as unable with its own reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from wizard.checks.facts import Fact, Snapshot

POWERSHELL = "windows.powershell"
ADMINS_SID = "S-1-5-32-544"
CLM = "ConstrainedLanguage"

SECTION_SOURCES = {
    "join": "PowerShell Win32_ComputerSystem and CloudDomainJoin",
    "defender": "PowerShell Get-MpComputerStatus",
    "security_center": "PowerShell root/SecurityCenter2 AntiVirusProduct, FirewallProduct",
    "admins": f"PowerShell ADSI WinNT:// members of the group {ADMINS_SID}",
    "current_user": "PowerShell WindowsPrincipal.IsInRole and whoami /groups (SIDs)",
    "guest": "PowerShell Get-LocalUser (account whose SID ends in -501)",
    "password_policy": "PowerShell ADSI WinNT://computer (NetUserModalsGet values)",
    "bitlocker": "PowerShell Shell.Application System.Volume.BitLockerProtection",
    "updates": "PowerShell Microsoft.Update.Session QueryHistory; Win32_QuickFixEngineering",
    "listening": "PowerShell Get-NetTCPConnection -State Listen",
}


def section(snapshot: Snapshot, name: str) -> Fact:
    """One PowerShell section as a fact; its error says why it is missing."""
    ps = snapshot.fact(POWERSHELL)
    source = SECTION_SOURCES.get(name, f"PowerShell {name}")
    if not ps.ok:
        return Fact(source=source, read_at=ps.read_at, error=ps.error)
    data = ps.raw.get(name) if isinstance(ps.raw, dict) else None
    if not isinstance(data, dict):
        return Fact(source=source, read_at=ps.read_at, error="PowerShell did not report it")
    if data.get("error"):
        return Fact(source=source, read_at=ps.read_at, error=section_error(ps, str(data["error"])))
    return Fact(source=source, raw=data, read_at=ps.read_at)


def section_error(ps: Fact, message: str) -> str:
    message = message.strip().rstrip(".")
    if isinstance(ps.raw, dict) and ps.raw.get("language_mode") == CLM:
        message += " (PowerShell on this PC runs in Constrained Language Mode, which blocks this read)"
    return f"PowerShell reported: {message}"


def ps_section(name: str) -> Callable[[Snapshot], Fact]:
    """A picker for the registration decorator: one section of the PowerShell answer."""
    return lambda snapshot: section(snapshot, name)


def part(fact: Fact, name: str) -> Fact:
    """A sub-section (such as update history) that may carry its own error."""
    if not fact.ok or not isinstance(fact.raw, dict):
        return fact
    data = fact.raw.get(name)
    if isinstance(data, dict) and data.get("error"):
        message = str(data["error"]).strip().rstrip(".")
        return Fact(source=fact.source, read_at=fact.read_at, error=f"PowerShell reported: {message}")
    if data is None:
        return Fact(source=fact.source, read_at=fact.read_at, error=f"{name} was not reported")
    return Fact(source=fact.source, raw=data, read_at=fact.read_at)


def as_list(value: Any) -> list[Any]:
    """PowerShell turns a one-item array into the item itself: undo that."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def reg_value(fact: Fact, label: str, name: str) -> Any:
    """A recorded registry value, or None when the key or the value is absent."""
    key = fact.raw.get(label) if isinstance(fact.raw, dict) else None
    if not isinstance(key, dict):
        return None
    return (key.get("values") or {}).get(name)


def policy_or_local(fact: Fact, policy: str, local: str, name: str) -> tuple[Any, bool]:
    """The value in force: a policy value, when set, overrides the local one."""
    value = reg_value(fact, policy, name)
    if value is not None:
        return value, True
    return reg_value(fact, local, name), False


def to_int(value: Any) -> int | None:
    """A registry number, whatever type it was stored as; anything else is None.

    REG_DWORD and REG_QWORD arrive as numbers, REG_SZ as text ("600"), and
    REG_BINARY as ``{"reg_binary": "95000000"}``: little-endian bytes, so
    95 00 00 00 is 0x95 = 149, never the decimal text "95000000".
    """
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    if isinstance(value, dict) and isinstance(value.get("reg_binary"), str):
        try:
            data = bytes.fromhex(value["reg_binary"])
        except ValueError:
            return None
        return int.from_bytes(data, "little") if 0 < len(data) <= 8 else None
    return None


def build_of(snapshot: Snapshot) -> int | None:
    fact = snapshot.fact("windows.version")
    return to_int(reg_value(fact, "current_version", "CurrentBuildNumber")) if fact.ok else None


def today(snapshot: Snapshot) -> dt.datetime:
    when = dt.datetime.fromisoformat(snapshot.collected_at)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


_MS_DATE = re.compile(r"/Date\((-?\d+)")


def parse_when(text: Any) -> dt.datetime | None:
    """ISO dates from the script; tolerate PowerShell 5.1's "/Date(ms)/" form too."""
    if not isinstance(text, str) or not text.strip():
        return None
    match = _MS_DATE.search(text)
    if match:
        return dt.datetime.fromtimestamp(int(match.group(1)) / 1000, dt.UTC)
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def days_ago(snapshot: Snapshot, when: dt.datetime) -> int:
    return (today(snapshot) - when).days


def product_on(state: int) -> bool:
    """SecurityCenter2 productState: bits 12-15 equal to 1 mean the product is on."""
    return (state >> 12) & 0xF == 1


def product_up_to_date(state: int) -> bool:
    """SecurityCenter2 productState: bits 4-7 equal to 0 mean its definitions are current."""
    return (state >> 4) & 0xF == 0


def products(fact: Fact, kind: str) -> list[dict[str, Any]]:
    """SecurityCenter2 products of one kind, with state decoded for the evidence."""
    found = []
    for item in as_list(fact.raw.get(kind) if isinstance(fact.raw, dict) else None):
        state = to_int(item.get("productState")) if isinstance(item, dict) else None
        if state is None:
            continue
        found.append(
            {
                "name": str(item.get("displayName") or "unnamed product"),
                "guid": str(item.get("instanceGuid") or "") or None,
                "productState": state,
                "on": product_on(state),
                "up_to_date": product_up_to_date(state),
            }
        )
    return found


# The instanceGuid Microsoft Defender Antivirus registers in Security Center on every
# Windows 10 and 11 PC; other products may put "Defender" in their names.
DEFENDER_GUID = "{D68DDC3A-831F-4FAE-9E44-DA132C1ACF46}"


def is_defender(product: dict[str, Any]) -> bool:
    """Defender by its fixed Security Center identity, never by a word in a product's name."""
    return str(product.get("guid") or "").upper() == DEFENDER_GUID


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
