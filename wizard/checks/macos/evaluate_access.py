"""macOS evaluators for accounts, screen lock and what the Mac offers to the network.

Pure functions from a snapshot to a verdict, like those in ``evaluate``:
a fact that could not be read gives ``unable``, never a pass or a fail.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.catalogue import risky_ports, threshold
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.macos.parse import plist_flag
from wizard.checks.registry import MACOS
from wizard.checks.verdict import Verdict


def _names(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


@MACOS.check("local_admins", needs="macos.admin_group", what="the administrators group")
def local_admins(s: Snapshot, fact: Fact) -> Verdict:
    people = [m for m in fact.raw["members"] if m != "root"]  # root is built in and disabled by default
    if not people:
        return Verdict("pass", "Only the built-in root account is in the administrators group.", fact, people)
    if len(people) == 1:
        finding = f"One account is an administrator on this Mac: {people[0]}."
    else:
        finding = f"{len(people)} accounts are administrators on this Mac: {_names(people)}."
    if len(people) <= threshold("local_admins", "max_extra_admins"):
        return Verdict("pass", finding + " Check each one belongs to someone who needs it.", fact, people)
    finding += " That is more than usual: check each one is needed."
    return Verdict("warning", finding, fact, people)


@MACOS.check(
    "user_not_admin", needs="macos.current_user", what="the groups of the account running this check"
)
def user_not_admin(s: Snapshot, fact: Fact) -> Verdict:
    user = fact.raw["user"]
    raw = {"user": user, "is_admin": fact.raw["is_admin"]}
    if user == "root":
        finding = (
            "This check ran as root, so it cannot tell whether the everyday account is an administrator."
        )
        return Verdict("unable", finding + " Run it from the everyday account without sudo.", fact, raw)
    if fact.raw["is_admin"]:
        finding = f"The account running this check, {user}, is an administrator of this Mac."
        return Verdict("fail", finding, fact, raw)
    return Verdict(
        "pass",
        f"The account running this check, {user}, is a standard (non-administrator) account.",
        fact,
        raw,
    )


@MACOS.check("guest_disabled", needs="macos.guest", what="the Guest User setting")
def guest_disabled(s: Snapshot, fact: Fact) -> Verdict:
    value = fact.raw["GuestEnabled"]
    try:
        enabled = plist_flag(value)
    except ValueError as exc:
        return Verdict("unable", f"Could not understand the Guest User setting: {exc}.", fact, value)
    if enabled:
        finding = "The Guest User is on: anyone can log in to this Mac without a password."
        return Verdict("fail", finding, fact, value)
    if enabled is None:
        finding = (
            "The Guest User has never been switched on (macOS leaves it off unless someone turns it on)."
        )
        return Verdict("pass", finding, fact, value)
    return Verdict("pass", "The Guest User is switched off.", fact, value)


@MACOS.check("password_policy", needs="macos.password_policy", what="the account password policy")
def password_policy(s: Snapshot, fact: Fact) -> Verdict:
    attempts, length = fact.raw["max_failed_attempts"], fact.raw["min_length"]
    raw = {k: fact.raw[k] for k in ("max_failed_attempts", "lockout_seconds", "min_length")}
    minimum = f" Passwords must be at least {length} characters." if length else ""
    if attempts is None:
        finding = "No lock-out is set: someone can try any number of wrong passwords on this Mac's accounts."
        return Verdict("fail", finding + minimum, fact, raw)
    locked = f"Accounts lock after {attempts} wrong password{'s' * (attempts != 1)}."
    limit = threshold("password_policy", "max_bad_passwords")
    if attempts <= limit:
        return Verdict("pass", locked + minimum, fact, raw)
    finding = f"{locked} That is more than the {limit} Cyber Essentials allows.{minimum}"
    return Verdict("warning", finding, fact, raw)


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


@MACOS.check("screen_lock", needs="macos.screen_lock", what="the screen lock settings")
def screen_lock(s: Snapshot, fact: Fact) -> Verdict:
    raw = fact.raw
    if not raw["lock_enabled"]:
        finding = "No password is asked when the screen saver starts or the display sleeps."
        return Verdict("fail", finding, fact, raw)
    idle, unknown = _idle_seconds(raw)
    if idle is None and unknown:
        finding = (
            "A password is asked after the screen saver, but this program could not tell when it starts."
        )
        return Verdict("warning", finding, fact, raw)
    if idle is None:
        finding = (
            "The screen saver and display sleep are both set to never, so the screen never locks by itself."
        )
        return Verdict("fail", finding, fact, raw)
    after = idle + (raw["lock_delay_seconds"] or 0)
    finding = f"The screen locks after about {round(after / 60)} minute{'s' * (round(after / 60) != 1)} idle"
    limit = threshold("screen_lock", "max_idle_seconds")
    if after <= limit:
        return Verdict("pass", finding + ".", fact, raw)
    return Verdict("warning", finding + f": it should lock within {limit // 60} minutes.", fact, raw)


@MACOS.check("remote_desktop", needs="macos.remote", what="the remote access services")
def remote_desktop(s: Snapshot, fact: Fact) -> Verdict:
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
    return Verdict("warning", finding, fact)


def _exposed(address: str) -> bool:
    """Listening on all addresses or a network address; loopback is only reachable from this Mac."""
    return not (address.startswith("127.") or address in ("::1", "localhost"))


@MACOS.check("listening_ports", needs="macos.listening", what="which network ports are open")
def listening_ports(s: Snapshot, fact: Fact) -> Verdict:
    risky = risky_ports()
    open_ports = sorted(
        {sock["port"] for sock in fact.raw["sockets"] if sock["port"] in risky and _exposed(sock["address"])}
    )
    if not open_ports:
        finding = (
            "Nothing on this Mac listens to the network for file sharing, remote login or remote desktop."
        )
        return Verdict("pass", finding, fact, [])
    described = _names([risky[port] for port in open_ports])
    finding = f"This Mac accepts connections from the network on {described}. Check each is needed."
    return Verdict("warning", finding, fact, open_ports)
