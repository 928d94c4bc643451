"""Pure parsers for macOS command output (text in, data out).

Kept apart from the commands so the tests can feed them text written down from
Apple's documented output formats. Only untranslated parts are read: numbers,
state keywords, product names and numeric dates, never a translated sentence.
A parser raises ``ValueError`` when the text is not what it expects, which the
runner turns into ``unable`` rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import plistlib
import re
from typing import Any

from wizard.checks.macos.history import parse_update_history

__all__ = [
    "parse_admin_group",
    "parse_defaults_domain",
    "parse_defaults_key",
    "parse_fdesetup",
    "parse_firewall_flag",
    "parse_firewall_state",
    "parse_id_groups",
    "parse_ioreg_uuid",
    "parse_lsof_listening",
    "parse_netstat_listening",
    "parse_pmset_display_sleep",
    "parse_pwpolicy",
    "parse_screen_lock",
    "parse_spctl",
    "parse_sw_vers",
    "parse_update_history",
    "plist_flag",
]


def parse_sw_vers(text: str) -> dict[str, str]:
    """'ProductName: macOS' lines; the version and build are what every later check keys on."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            values[key.strip()] = value.strip()
    if not re.fullmatch(r"\d+(\.\d+)*", values.get("ProductVersion", "")):
        raise ValueError("sw_vers gave no ProductVersion")
    return values


def parse_ioreg_uuid(text: str) -> str:
    """The IOPlatformUUID from 'ioreg -rd1 -c IOPlatformExpertDevice': stable per Mac."""
    match = re.search(r'"IOPlatformUUID"\s*=\s*"([0-9A-Fa-f-]{36})"', text)
    if match is None:
        raise ValueError("ioreg gave no IOPlatformUUID")
    return match.group(1).upper()


def _scalar(value: str) -> Any:
    """An old-style plist scalar: integers as int, quoted text unquoted, the rest as written."""
    value = value.strip()
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value


def parse_defaults_domain(text: str) -> dict[str, Any]:
    """Top-level scalar keys of 'defaults read <domain>' (old-style plist text).

    Nested arrays and dictionaries are skipped: no check needs them, and a key
    that is absent is simply not in the result (absence is data).
    """
    if not text.strip().startswith("{"):
        raise ValueError("defaults did not print a dictionary")
    values: dict[str, Any] = {}
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith((")", "}")):
            depth -= 1
            continue
        if line == "{":
            depth += 1
            continue
        match = re.fullmatch(r'"?([^"=]+?)"?\s*=\s*(.*?)\s*;?', line)
        if match is None:
            continue
        key, value = match.group(1).strip(), match.group(2)
        if value in ("(", "{"):
            depth += 1
            continue
        if depth == 1:
            values[key] = _scalar(value)
    return values


def parse_defaults_key(code: int, out: str, err: str) -> Any:
    """'defaults read <domain> <key>': the value, or None when the key (or domain) is not set.

    ``defaults`` exits 1 and says "does not exist" for an absent key; any other
    failure is an error, so a refused read is never mistaken for "not set".
    """
    if code == 0:
        return _scalar(out.strip())
    if code == 1 and "does not exist" in err:
        return None
    detail = (err or out).strip().splitlines()
    raise ValueError(f"defaults failed (exit {code}{': ' + detail[-1] if detail else ''})")


def parse_firewall_state(text: str) -> int:
    """'socketfilterfw --getglobalstate': the number in '(State = N)': 0 off, 1 on, 2 essential only."""
    match = re.search(r"State\s*=\s*(\d)", text)
    if match is None:
        raise ValueError("socketfilterfw gave no state number")
    return int(match.group(1))


def parse_firewall_flag(text: str) -> bool:
    """--getblockall / --getstealthmode: the enabled/disabled (or on/off) keyword, in any macOS wording.

    Older versions print "Block all DISABLED!" or "Stealth mode enabled"; newer
    ones "Firewall has block all state set to disabled." or "... is on".
    """
    lower = text.lower()
    words = re.findall(r"\b(enabled|disabled|on|off)\b", lower)
    if words:
        return words[-1] in ("enabled", "on")
    if "block all non-essential" in lower:
        return True
    raise ValueError(f"socketfilterfw answer not understood: {text.strip()[:80]!r}")


def parse_spctl(text: str) -> bool:
    """'spctl --status': 'assessments enabled' or 'assessments disabled'."""
    match = re.search(r"assessments\s+(enabled|disabled)", text.lower())
    if match is None:
        raise ValueError(f"spctl answer not understood: {text.strip()[:80]!r}")
    return match.group(1) == "enabled"


def parse_fdesetup(text: str) -> str:
    """'fdesetup status' as one word: on, off, encrypting, decrypting, pending_on or pending_restart."""
    lower = text.lower()
    if "encryption in progress" in lower:
        return "encrypting"
    if "decryption in progress" in lower:
        return "decrypting"
    match = re.search(r"filevault is (on|off)\b", lower)
    if match is None:
        raise ValueError(f"fdesetup answer not understood: {text.strip()[:80]!r}")
    if match.group(1) == "off":
        return "pending_on" if "will be enabled" in lower else "off"
    return "pending_restart" if "restart" in lower else "on"


def parse_admin_group(text: str) -> list[str]:
    """'dscl . -read /Groups/admin GroupMembership': member names, on one line or continued below.

    dscl says "No such key: GroupMembership" when the group has no members.
    """
    if "No such key" in text:
        return []
    _, sep, rest = text.partition("GroupMembership:")
    if not sep:
        raise ValueError("dscl gave no GroupMembership")
    return rest.split()


def parse_id_groups(text: str) -> list[str]:
    """'id -Gn': group names separated by spaces."""
    groups = text.split()
    if not groups:
        raise ValueError("id gave no groups")
    return groups


def parse_screen_lock(err: str) -> int | None:
    """'sysadminctl -screenLock status' (written to stderr): seconds before the lock, None if off.

    Lines look like "... screenLock delay is immediate", "... screenLock delay
    is 300 seconds" or "... screenLock is off", after a log-style prefix.
    """
    lower = err.lower()
    if re.search(r"screenlock is off", lower):
        return None
    if re.search(r"screenlock delay is immediate", lower):
        return 0
    match = re.search(r"screenlock delay is (\d+) seconds?", lower)
    if match is None:
        raise ValueError(f"sysadminctl answer not understood: {err.strip()[-80:]!r}")
    return int(match.group(1))


def parse_pmset_display_sleep(text: str) -> int | None:
    """'pmset -g': minutes before the display sleeps (which also locks it); None if no such line."""
    match = re.search(r"^\s*displaysleep\s+(\d+)", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def _policy_parameters(policies: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    found: list[tuple[str, dict[str, Any], str]] = []
    for entries in policies.values():
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                params = entry.get("policyParameters")
                found.append(
                    (
                        str(entry.get("policyIdentifier", "")),
                        params if isinstance(params, dict) else {},
                        str(entry.get("policyContent", "")),
                    )
                )
    return found


def parse_pwpolicy(text: str) -> dict[str, Any]:
    """'pwpolicy -getaccountpolicies': the lock-out threshold and minimum length, if set.

    The XML plist follows a "Getting global account policies" line; empty output
    after that line means no policy is set.
    """
    start = text.find("<?xml")
    if start < 0:
        rest = [line for line in text.splitlines() if line.strip() and "Getting global" not in line]
        if rest:
            raise ValueError(f"pwpolicy answer not understood: {rest[0].strip()[:80]!r}")
        policies: dict[str, Any] = {}
    else:
        loaded = plistlib.loads(text[start:].encode("utf-8"))
        policies = loaded if isinstance(loaded, dict) else {}
    result: dict[str, Any] = {
        "policies_set": bool(policies),
        "max_failed_attempts": None,
        "lockout_seconds": None,
        "min_length": None,
        "identifiers": [],
    }
    for identifier, params, content in _policy_parameters(policies):
        result["identifiers"].append(identifier)
        if "policyAttributeMaximumFailedAuthentications" in params:
            result["max_failed_attempts"] = int(params["policyAttributeMaximumFailedAuthentications"])
            if "autoEnableInSeconds" in params:
                result["lockout_seconds"] = int(params["autoEnableInSeconds"])
        length = params.get("minimumLength")
        if length is None:
            match = re.search(r"\.\{(\d+),", content)
            length = int(match.group(1)) if match else None
        if length is not None:
            result["min_length"] = int(length)
    return result


def _split_address(local: str, separator: str) -> tuple[str, int] | None:
    address, _, port = local.rpartition(separator)
    return (address.strip("[]"), int(port)) if port.isdigit() else None


def parse_netstat_listening(text: str) -> list[dict[str, Any]]:
    """'netstat -an -p tcp' LISTEN rows: proto, address and port ('*.22', '127.0.0.1.631', '::1.631')."""
    sockets: list[dict[str, Any]] = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[0].startswith("tcp") and parts[-1] == "LISTEN":
            split = _split_address(parts[3], ".")
            if split:
                sockets.append({"proto": parts[0], "address": split[0], "port": split[1]})
    return sockets


def parse_lsof_listening(text: str) -> list[dict[str, Any]]:
    """'lsof -nP -iTCP -sTCP:LISTEN': which program listens where ('TCP *:5900 (LISTEN)')."""
    found: list[dict[str, Any]] = []
    for line in text.splitlines()[1:]:
        match = re.search(r"TCP\s+(\S+)\s+\(LISTEN\)", line)
        parts = line.split()
        split = _split_address(match.group(1), ":") if match else None
        if split and len(parts) >= 3:
            found.append({"command": parts[0], "user": parts[2], "address": split[0], "port": split[1]})
    return found


def iso_mtime(timestamp: float) -> str:
    """A file's modification time as an ISO UTC string, the form every fact's dates take."""
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(microsecond=0).isoformat()


def plist_flag(value: Any) -> bool | None:
    """A preference's on/off value as written by ``defaults`` (1/0) or a profile (true/false).

    None means the key is not set. Anything else raises, so an odd value is
    reported rather than read as on or off.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "yes", "true"):
        return True
    if text in ("0", "no", "false"):
        return False
    raise ValueError(f"the setting has an unexpected value {value!r}")
