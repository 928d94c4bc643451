"""macOS evaluators for accounts, screen lock and what the Mac offers to the network.

Pure functions from a snapshot to a verdict, like those in ``macos_eval``:
a fact that could not be read gives ``unable``, never a pass or a fail.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.facts import Snapshot
from wizard.checks.macos_advice import MAC_ADVICE
from wizard.checks.macos_read import plist_flag
from wizard.checks.verdict import Evaluator, Verdict, unable

MAX_ADMINS = 2  # beyond this many everyday administrators, ask whether each is needed
MAX_FAILED_ATTEMPTS = 10  # Cyber Essentials: lock out after no more than 10 wrong guesses
LOCK_WITHIN_SECONDS = 600  # lock after no more than 10 minutes idle
RISKY_PORTS = {
    22: "Remote Login (SSH)",
    445: "file sharing (SMB)",
    3389: "Remote Desktop",
    5900: "Screen Sharing",
}


def _names(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def local_admins(s: Snapshot) -> Verdict:
    fact = s.fact("macos.admin_group")
    if not fact.ok:
        return unable(fact, "the administrators group")
    people = [m for m in fact.raw["members"] if m != "root"]  # root is built in and disabled by default
    if not people:
        return Verdict("pass", "Only the built-in root account is in the administrators group.", fact, people)
    if len(people) == 1:
        finding = f"One account is an administrator on this Mac: {people[0]}."
    else:
        finding = f"{len(people)} accounts are administrators on this Mac: {_names(people)}."
    if len(people) <= MAX_ADMINS:
        return Verdict("pass", finding + " Check each one belongs to someone who needs it.", fact, people)
    finding += " That is more than usual: check each one is needed."
    return Verdict("warning", finding, fact, people, MAC_ADVICE["local_admins"])


def user_not_admin(s: Snapshot) -> Verdict:
    fact = s.fact("macos.current_user")
    if not fact.ok:
        return unable(fact, "the groups of the account running this check")
    user = fact.raw["user"]
    raw = {"user": user, "is_admin": fact.raw["is_admin"]}
    if user == "root":
        finding = (
            "This check ran as root, so it cannot tell whether the everyday account is an administrator."
        )
        return Verdict("unable", finding + " Run it from the everyday account without sudo.", fact, raw)
    if fact.raw["is_admin"]:
        finding = f"The account running this check, {user}, is an administrator of this Mac."
        return Verdict("fail", finding, fact, raw, MAC_ADVICE["user_not_admin"])
    return Verdict(
        "pass",
        f"The account running this check, {user}, is a standard (non-administrator) account.",
        fact,
        raw,
    )


def guest_disabled(s: Snapshot) -> Verdict:
    fact = s.fact("macos.guest")
    if not fact.ok:
        return unable(fact, "the Guest User setting")
    value = fact.raw["GuestEnabled"]
    try:
        enabled = plist_flag(value)
    except ValueError as exc:
        return Verdict("unable", f"Could not understand the Guest User setting: {exc}.", fact, value)
    if enabled:
        finding = "The Guest User is on: anyone can log in to this Mac without a password."
        return Verdict("fail", finding, fact, value, MAC_ADVICE["guest_disabled"])
    if enabled is None:
        finding = (
            "The Guest User has never been switched on (macOS leaves it off unless someone turns it on)."
        )
        return Verdict("pass", finding, fact, value)
    return Verdict("pass", "The Guest User is switched off.", fact, value)


def password_policy(s: Snapshot) -> Verdict:
    fact = s.fact("macos.password_policy")
    if not fact.ok:
        return unable(fact, "the account password policy")
    attempts, length = fact.raw["max_failed_attempts"], fact.raw["min_length"]
    raw = {k: fact.raw[k] for k in ("max_failed_attempts", "lockout_seconds", "min_length")}
    minimum = f" Passwords must be at least {length} characters." if length else ""
    advice = MAC_ADVICE["password_policy"]
    if attempts is None:
        finding = "No lock-out is set: someone can try any number of wrong passwords on this Mac's accounts."
        return Verdict("fail", finding + minimum, fact, raw, advice)
    locked = f"Accounts lock after {attempts} wrong password{'s' * (attempts != 1)}."
    if attempts <= MAX_FAILED_ATTEMPTS:
        return Verdict("pass", locked + minimum, fact, raw)
    finding = f"{locked} That is more than the {MAX_FAILED_ATTEMPTS} Cyber Essentials allows.{minimum}"
    return Verdict("warning", finding, fact, raw, advice)


def _idle_seconds(raw: dict[str, Any]) -> tuple[int | None, bool]:
    """Seconds before the screen saver starts or the display sleeps, whichever is first.

    Returns (None, True) when neither timer is known, and (None, False) when
    both are set to never.
    """
    saver = raw["screensaver_idle_seconds"]
    display = raw["display_sleep_minutes"]
    timers = [t for t in (saver, display * 60 if display is not None else None) if t]
    if timers:
        return min(timers), False
    return None, saver is None or display is None


def screen_lock(s: Snapshot) -> Verdict:
    fact = s.fact("macos.screen_lock")
    if not fact.ok:
        return unable(fact, "the screen lock settings")
    raw = fact.raw
    advice = MAC_ADVICE["screen_lock"]
    if not raw["lock_enabled"]:
        finding = "No password is asked when the screen saver starts or the display sleeps."
        return Verdict("fail", finding, fact, raw, advice)
    idle, unknown = _idle_seconds(raw)
    if idle is None and unknown:
        finding = (
            "A password is asked after the screen saver, but this program could not tell when it starts."
        )
        return Verdict("warning", finding, fact, raw, advice)
    if idle is None:
        finding = (
            "The screen saver and display sleep are both set to never, so the screen never locks by itself."
        )
        return Verdict("fail", finding, fact, raw, advice)
    after = idle + (raw["lock_delay_seconds"] or 0)
    finding = f"The screen locks after about {round(after / 60)} minute{'s' * (round(after / 60) != 1)} idle"
    if after <= LOCK_WITHIN_SECONDS:
        return Verdict("pass", finding + ".", fact, raw)
    return Verdict("warning", finding + ": it should lock within 10 minutes.", fact, raw, advice)


def remote_desktop(s: Snapshot) -> Verdict:
    fact = s.fact("macos.remote")
    if not fact.ok:
        return unable(fact, "the remote access services")
    on = [
        name
        for key, name in (("remote_login", "Remote Login (SSH)"), ("screen_sharing", "Screen Sharing"))
        if fact.raw[key]
    ]
    if not on:
        return Verdict("pass", "Remote Login (SSH) and Screen Sharing are both off.", fact)
    finding = (
        f"{_names(on)} {'is' if len(on) == 1 else 'are'} on: check this is needed and limited to IT staff."
    )
    return Verdict("warning", finding, fact, remediation=MAC_ADVICE["remote_desktop"])


def _exposed(address: str) -> bool:
    """Listening on all addresses or a network address; loopback is only reachable from this Mac."""
    return not (address.startswith("127.") or address in ("::1", "localhost"))


def listening_ports(s: Snapshot) -> Verdict:
    fact = s.fact("macos.listening")
    if not fact.ok:
        return unable(fact, "which network ports are open")
    open_ports = sorted(
        {
            sock["port"]
            for sock in fact.raw["sockets"]
            if sock["port"] in RISKY_PORTS and _exposed(sock["address"])
        }
    )
    if not open_ports:
        finding = (
            "Nothing on this Mac listens to the network for file sharing, remote login or remote desktop."
        )
        return Verdict("pass", finding, fact, [])
    described = _names([f"port {port} for {RISKY_PORTS[port]}" for port in open_ports])
    finding = f"This Mac accepts connections from the network on {described}. Check each is needed."
    return Verdict("warning", finding, fact, open_ports, MAC_ADVICE["listening_ports"])


ACCESS_EVALUATORS: dict[str, Evaluator] = {
    "local_admins": local_admins,
    "user_not_admin": user_not_admin,
    "guest_disabled": guest_disabled,
    "password_policy": password_policy,
    "screen_lock": screen_lock,
    "remote_desktop": remote_desktop,
    "listening_ports": listening_ports,
}
