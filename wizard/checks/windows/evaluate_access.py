"""Windows account checks: administrators, the everyday account, Guest, lock-out.

Groups and accounts are recognised by SID (S-1-5-32-544, RID 500, RID 501),
never by name: on a German PC the group is "Administratoren" and the guest
"Gast", and a renamed account keeps its SID.
"""

from __future__ import annotations

from typing import Any

from wizard.checks.catalogue import threshold
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import WINDOWS
from wizard.checks.verdict import Verdict, unable
from wizard.checks.windows.facts import ADMINS_SID, as_list, join_names, plural, ps_section, section, to_int

# RIDs of accounts and groups that are administrators by design.
BUILT_IN_RIDS = {"500": "built-in Administrator", "512": "Domain Admins", "519": "Enterprise Admins"}
HIGH_INTEGRITY = ("S-1-16-12288", "S-1-16-16384")
FOREVER = 0xFFFFFFFF  # NetUserModalsGet's "never"


def _kind(sid: str) -> str:
    rid = sid.rsplit("-", 1)[-1]
    if sid.startswith("S-1-5-21-") and rid in BUILT_IN_RIDS:
        return BUILT_IN_RIDS[rid]
    if sid.startswith("S-1-12-1-"):
        return "Azure AD (Entra) account or role"
    return "account"


def admin_members(members: Any) -> list[dict[str, str]]:
    found = []
    for member in as_list(members):
        if isinstance(member, dict):
            sid = str(member.get("sid") or "")
            found.append({"name": str(member.get("name") or sid), "sid": sid, "kind": _kind(sid)})
    return found


def admins_fact(snapshot: Snapshot) -> Fact:
    """The members as PowerShell listed them (ADSI, then Get-LocalGroupMember); when both threw,
    as on PCs with orphaned or Azure AD members, the Windows API's list of SIDs."""
    listed = section(snapshot, "admins")
    if listed.ok:
        return listed
    api = snapshot.fact("windows.admin_members")
    if api.ok:
        return api
    return Fact(listed.source, None, listed.read_at, f"{listed.error}; {api.error}")


@WINDOWS.check("local_admins", needs=admins_fact, what="the members of the Administrators group")
def local_admins(snapshot: Snapshot, fact: Fact) -> Verdict:
    members = admin_members(fact.raw.get("members"))
    extra = [m for m in members if m["kind"] not in BUILT_IN_RIDS.values()]
    raw = {"group_sid": ADMINS_SID, "method": fact.raw.get("method"), "members": members}
    if not members:
        return Verdict("warning", "Windows listed no members of the Administrators group.", fact, raw=raw)
    names = join_names([f"{m['name']} ({m['kind']})" for m in members])
    if len(extra) > threshold("local_admins", "max_extra_admins"):
        return Verdict(
            "warning",
            f"{plural(len(extra), 'account')} besides the built-in ones can administer this PC: {names}. "
            "Check each is a named IT account that needs it.",
            fact,
            raw=raw,
        )
    return Verdict("pass", f"Administrators of this PC: {names}.", fact, raw=raw)


@WINDOWS.check("user_not_admin", needs=ps_section("current_user"), what="the account in use")
def user_not_admin(snapshot: Snapshot, fact: Fact) -> Verdict:
    """IsInRole alone is not enough: under UAC an administrator's everyday token hides
    the Administrators group (deny-only), so IsInRole says False. The token's group
    SIDs from whoami still list S-1-5-32-544 in that case."""
    data = fact.raw
    name = str(data.get("name") or data.get("sid") or "name not readable")
    in_role = data.get("is_in_role_admin")
    sids = [str(s) for s in as_list(data.get("group_sids"))] if not data.get("groups_error") else []
    in_token = ADMINS_SID in sids if sids else None
    raw = {
        "name": data.get("name"),
        "sid": data.get("sid"),
        "is_in_role_admin": in_role,
        "admins_sid_in_token": in_token,
        "elevated": any(s in sids for s in HIGH_INTEGRITY) if sids else None,
    }
    if in_role is True or in_token is True:
        held = " (its rights are held back by UAC until it asks for them)" if in_role is not True else ""
        return Verdict("fail", f"The account in use ({name}) is an administrator{held}.", fact, raw=raw)
    if in_token is False:
        return Verdict("pass", f"The account in use ({name}) is a standard user.", fact, raw=raw)
    return _by_membership(snapshot, name, data, raw)


def _by_membership(snapshot: Snapshot, name: str, data: dict[str, Any], raw: dict[str, Any]) -> Verdict:
    """Without the token's groups, fall back on the Administrators member list."""
    fact = section(snapshot, "current_user")
    reason = data.get("groups_error") or data.get("identity_error") or "whoami listed no groups"
    admins = admins_fact(snapshot)
    if not data.get("sid") or not admins.ok:
        return Verdict(
            "unable",
            f"Could not tell whether the account in use ({name}) is an administrator: "
            f"its groups could not be read ({reason}).",
            fact,
            raw=None,
        )
    member = any(m["sid"] == data["sid"] for m in admin_members(admins.raw.get("members")))
    if member:
        return Verdict("fail", f"The account in use ({name}) is a member of Administrators.", fact, raw=raw)
    return Verdict(
        "pass",
        f"The account in use ({name}) is not a member of Administrators (groups inside that group "
        "were not expanded).",
        fact,
        raw=raw,
    )


@WINDOWS.check("guest_disabled", needs=ps_section("guest"), what="the Guest account")
def guest_disabled(snapshot: Snapshot, fact: Fact) -> Verdict:
    accounts = [a for a in as_list(fact.raw.get("accounts")) if isinstance(a, dict)]
    raw = {"accounts": accounts}
    if not accounts:
        return Verdict("pass", "This PC has no local Guest account (SID ending in -501).", fact, raw=raw)
    on = [str(a.get("name")) for a in accounts if a.get("enabled") is True]
    unclear = [a for a in accounts if not isinstance(a.get("enabled"), bool)]
    if on:
        return Verdict("fail", f"The Guest account ({join_names(on)}) is switched on.", fact, raw=raw)
    if unclear:
        return Verdict(
            "unable", "Windows did not say whether the Guest account is switched on.", fact, raw=raw
        )
    names = join_names([str(a.get("name")) for a in accounts])
    return Verdict("pass", f"The Guest account ({names}) is switched off.", fact, raw=raw)


def _scope(snapshot: Snapshot) -> str:
    """Say whose policy this is: a domain or Entra sign-in has its own lock-out."""
    join = section(snapshot, "join")
    if not join.ok:
        return ""
    if join.raw.get("part_of_domain") is True:
        return (
            " This is the PC's own policy for local accounts; domain accounts follow the domain's "
            "policy, which this check cannot see."
        )
    if join.raw.get("azure_ad_joined") is True:
        return " Azure AD (Entra) sign-ins also have Microsoft's smart lock-out, which this check cannot see."
    return ""


def _length_note(length: int | None) -> str:
    if length is None:
        return ""
    if length < threshold("password_policy", "min_length_with_mfa"):
        return (
            f" The minimum password length is {length}; Cyber Essentials asks for "
            f"{threshold('password_policy', 'min_length')} characters, or "
            f"{threshold('password_policy', 'min_length_with_mfa')} with multi-factor authentication."
        )
    return f" Passwords must be at least {length} characters."


def _policy(snapshot: Snapshot) -> tuple[Fact, dict[str, int | None]]:
    """The local policy as numbers: from the Windows API, else from ADSI (same values, other names)."""
    api = snapshot.fact("windows.account_policy")
    if api.ok and isinstance(api.raw, dict):
        raw = api.raw
        return api, {
            "lockout_threshold": to_int(raw.get("lockout_threshold")),
            "min_passwd_len": to_int(raw.get("min_passwd_len")),
            "lockout_duration": to_int(raw.get("lockout_duration")),
            "lockout_observation_window": to_int(raw.get("lockout_observation_window")),
        }
    adsi = section(snapshot, "password_policy")
    if not adsi.ok:
        return Fact(adsi.source, None, adsi.read_at, f"{api.error}; {adsi.error}"), {}
    return adsi, {
        "lockout_threshold": to_int(adsi.raw.get("MaxBadPasswordsAllowed")),
        "min_passwd_len": to_int(adsi.raw.get("MinPasswordLength")),
        "lockout_duration": to_int(adsi.raw.get("AutoUnlockInterval")),
        "lockout_observation_window": to_int(adsi.raw.get("LockoutObservationInterval")),
    }


@WINDOWS.check_all("password_policy")
def password_policy(snapshot: Snapshot) -> Verdict:
    fact, raw = _policy(snapshot)
    if not fact.ok:
        return unable(fact, "the password and lock-out policy")
    bad, length, unlock = raw["lockout_threshold"], raw["min_passwd_len"], raw["lockout_duration"]
    if bad is None:
        return Verdict("unable", "Windows did not report the lock-out threshold.", fact, raw=raw)
    notes = _length_note(length) + _scope(snapshot)
    limit = threshold("password_policy", "max_bad_passwords")
    if 1 <= bad <= limit:
        for_how_long = (
            " until an administrator unlocks them"
            if unlock == FOREVER
            else f" for {unlock // 60} minutes"
            if unlock
            else ""
        )
        return Verdict(
            "pass", f"Accounts lock{for_how_long} after {bad} wrong passwords.{notes}", fact, raw=raw
        )
    advice = (
        f"Set an account lock-out threshold of {limit} or fewer wrong passwords (Local Security Policy > Account "
        "Lockout Policy, or by Group Policy). If sign-in also needs multi-factor authentication, keep a "
        "note of it as evidence: this check cannot see it."
    )
    if bad == 0:
        finding = f"Accounts never lock, however many wrong passwords are tried.{notes}"
    else:
        finding = f"Accounts lock only after {bad} wrong passwords; Cyber Essentials asks for {limit} or fewer.{notes}"
    return Verdict("fail", finding, fact, raw=raw, remediation=advice)
