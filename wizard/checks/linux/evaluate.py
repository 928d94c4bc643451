"""Evaluators for Linux facts: pure functions from a snapshot to a verdict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.checks.catalogue import risky_ports, threshold
from wizard.checks.eol import linux_support
from wizard.checks.facts import Fact, Snapshot
from wizard.checks.registry import LINUX
from wizard.checks.verdict import Verdict
from wizard.core.check_results import CheckStatus
from wizard.core.describe import plural

ADMIN_GROUPS = ("sudo", "wheel", "admin")


def _day(snapshot: Snapshot) -> dt.date:
    return dt.datetime.fromisoformat(snapshot.collected_at).date()


@LINUX.check("os_supported", needs="linux.os_release", what="the operating system version")
def os_supported(s: Snapshot, fact: Fact) -> Verdict:
    release: dict[str, str] = fact.raw
    support = linux_support(release.get("ID", ""), release.get("VERSION_ID", ""), _day(s))
    shown = {"ID": release.get("ID"), "VERSION_ID": release.get("VERSION_ID")}
    if support.supported is None:
        return Verdict(
            "warning",
            f"{release.get('PRETTY_NAME', support.name)} is {support.note}: check with "
            "its maker that it still gets security updates.",
            fact,
            shown,
        )
    until = f" (security support until {support.end:%d/%m/%Y})" if support.end else ""
    if support.supported:
        return Verdict("pass", f"{support.name} still gets security updates{until}.", fact, shown)
    return Verdict(
        "fail", f"{support.name} stopped getting security updates on {support.end:%d/%m/%Y}.", fact, shown
    )


@LINUX.check("updates_recent", needs="linux.updates", what="the update history")
def updates_recent(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    if "security" not in data:
        reason = data.get("pending_error", "no answer")
        return Verdict("unable", f"Could not tell which updates are waiting: {reason}.", fact, None)
    if data["security"]:
        return Verdict(
            "fail",
            f"{plural(data['security'], 'security update is', 'security updates are')} waiting to be installed.",
            fact,
            {"security": data["security"], "upgradable": data.get("upgradable")},
        )
    if data.get("upgradable"):
        return Verdict(
            "warning",
            "No security updates are waiting, but "
            f"{plural(data['upgradable'], 'other update is', 'other updates are')} waiting.",
            fact,
            {"upgradable": data["upgradable"]},
        )
    return Verdict("pass", "Every available update is installed.", fact, {"upgradable": 0})


@LINUX.check("auto_updates", needs="linux.auto_updates", what="the automatic update settings")
def auto_updates(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    periodic = data.get("apt_periodic", {})
    if data.get("unattended_upgrades_installed") and periodic.get("APT::Periodic::Unattended-Upgrade") == "1":
        return Verdict(
            "pass", "Security updates install automatically (unattended-upgrades).", fact, periodic
        )
    if data.get("dnf_automatic_installed"):
        return Verdict("pass", "Updates install automatically (dnf-automatic).", fact)
    return Verdict(
        "fail",
        "Updates do not install automatically: nothing like unattended-upgrades is set up.",
        fact,
        periodic,
    )


@LINUX.check("firewall_enabled", needs="linux.firewall", what="the firewall settings")
def firewall_enabled(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    units = data.get("units")
    active = [u for u, state in units.items() if state == "active"] if isinstance(units, dict) else []
    if data.get("ufw_enabled") == "yes" or active:
        names = ", ".join(active) or "ufw"
        return Verdict(
            "pass",
            f"A firewall is switched on ({names}).",
            fact,
            {"ufw": data.get("ufw_enabled"), "active": active},
        )
    if isinstance(units, str) and not data.get("ufw_installed"):
        return Verdict(
            "unable",
            "Could not tell whether a firewall is running: no firewall settings were found "
            f"and the service manager did not answer ({units}).",
            fact,
            None,
        )
    return Verdict(
        "fail", "No firewall is switched on.", fact, {"ufw": data.get("ufw_enabled"), "active": active}
    )


@LINUX.check("firewall_inbound_blocked", needs="linux.firewall", what="the firewall settings")
def firewall_inbound_blocked(s: Snapshot, fact: Fact) -> Verdict:
    policy = fact.raw.get("ufw_default_input")
    if policy is None:
        return Verdict(
            "unable",
            "Could not read the firewall's default for incoming connections (ufw is not "
            "installed; other firewalls need administrator rights to read).",
            fact,
            None,
        )
    if policy.upper() in ("DROP", "REJECT"):
        return Verdict("pass", f"Incoming connections are blocked unless allowed ({policy}).", fact, policy)
    return Verdict("fail", f"Incoming connections are allowed by default ({policy}).", fact, policy)


@LINUX.check("antimalware_realtime", needs="linux.clamav", what="the anti-malware status")
def antimalware_realtime(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    units = data.get("units")
    running = isinstance(units, dict) and any(units.get(u) == "active" for u in ("clamav-daemon", "clamd"))
    if running:
        return Verdict("pass", "ClamAV's scanning service is running.", fact, units)
    if data.get("installed"):
        return Verdict("warning", "ClamAV is installed but its scanning service is not running.", fact, units)
    return Verdict("fail", "No anti-malware software was found.", fact, data)


@LINUX.check("antimalware_signatures", needs="linux.clamav", what="the anti-malware status")
def antimalware_signatures(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    newest = data.get("newest_database")
    if newest is None:
        return Verdict(
            "fail" if not data.get("installed") else "warning",
            "No anti-malware definitions were found.",
            fact,
            None,
        )
    age = (dt.datetime.fromisoformat(s.collected_at) - dt.datetime.fromtimestamp(newest, dt.UTC)).days
    pass_days = threshold("antimalware_signatures", "pass_days")
    warn_days = threshold("antimalware_signatures", "warn_days")
    status: CheckStatus = "pass" if age <= pass_days else "warning" if age <= warn_days else "fail"
    return Verdict(
        status, f"The anti-malware definitions are {plural(age, 'day')} old.", fact, {"age_days": age}
    )


@LINUX.check("disk_encryption", needs="linux.block_devices", what="the disk layout")
def disk_encryption(s: Snapshot, fact: Fact) -> Verdict:
    mounts = fact.raw.get("system_mounts", [])
    if not mounts:
        return Verdict("unable", "Could not find the disk the system runs from.", fact, None)
    plain = [m["mount"] for m in mounts if not m["encrypted"]]
    if plain:
        return Verdict("fail", f"The disk holding {', '.join(plain)} is not encrypted.", fact, mounts)
    return Verdict("pass", "The system disk is encrypted (LUKS).", fact, mounts)


@LINUX.check("local_admins", needs="linux.accounts", what="the user accounts")
def local_admins(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    members = sorted({m for g in ADMIN_GROUPS for m in data.get("admin_groups", {}).get(g, [])})
    if len(members) > threshold("local_admins", "max_extra_admins"):
        return Verdict(
            "warning",
            f"{len(members)} accounts can act as administrator: {', '.join(members)}. "
            "Keep this to named IT accounts.",
            fact,
            members,
        )
    return Verdict(
        "pass", f"Administrator accounts: {', '.join(members) or 'none besides root'}.", fact, members
    )


@LINUX.check("user_not_admin", needs="linux.accounts", what="the user accounts")
def user_not_admin(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    groups = set(data.get("groups", []))
    if data.get("uid") == 0:
        return Verdict(
            "fail",
            "The checks ran as root, the all-powerful account: do everyday work as an ordinary user.",
            fact,
            {"uid": 0},
        )
    if groups & set(ADMIN_GROUPS):
        return Verdict(
            "fail",
            f"The account {data.get('user')} can act as administrator "
            f"({', '.join(sorted(groups & set(ADMIN_GROUPS)))}).",
            fact,
            sorted(groups),
        )
    return Verdict("pass", f"The account {data.get('user')} is an ordinary user.", fact, sorted(groups))


@LINUX.check("password_policy", needs="linux.password_policy", what="the password rules")
def password_policy(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    deny = data.get("faillock_deny")
    limit = threshold("password_policy", "max_bad_passwords")
    if data.get("pam_faillock") and deny and deny.isdigit() and 0 < int(deny) <= limit:
        return Verdict("pass", f"Accounts lock after {deny} wrong passwords.", fact, data)
    return Verdict(
        "fail",
        "Nothing locks an account after repeated wrong passwords (pam_faillock is not set up).",
        fact,
        data,
    )


@LINUX.check("screen_lock", needs="linux.screen_lock", what="the screen lock settings")
def screen_lock(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    if not data.get("gsettings"):
        if not data.get("desktop"):
            return Verdict("not_applicable", "This computer has no desktop session to lock.", fact, data)
        return Verdict("unable", "Could not read the screen lock: this desktop is not GNOME.", fact, None)
    delay, locks = data.get("idle_delay", 0), data.get("lock_enabled")
    limit = threshold("screen_lock", "max_idle_seconds")
    if locks and 0 < delay <= limit:
        return Verdict("pass", f"The screen locks after {plural(delay // 60, 'minute')} idle.", fact, data)
    return Verdict(
        "fail", f"The screen does not lock within {limit // 60} minutes of being left.", fact, data
    )


@LINUX.check("smb1_server_off", needs="linux.samba", what="the Samba settings")
def smb1_server_off(s: Snapshot, fact: Fact) -> Verdict:
    data: dict[str, Any] = fact.raw
    if not data.get("installed"):
        return Verdict("not_applicable", "Samba (Windows file sharing) is not installed.", fact, data)
    minimum = (data.get("server_min_protocol") or "").upper()
    if minimum in ("", "SMB2", "SMB2_02", "SMB2_10", "SMB3", "SMB3_00", "SMB3_02", "SMB3_11"):
        return Verdict("pass", "Samba does not accept SMB version 1.", fact, minimum or "default (SMB2)")
    return Verdict("fail", f"Samba accepts SMB version 1 (server min protocol = {minimum}).", fact, minimum)


@LINUX.check("remote_desktop", needs="linux.remote_access", what="which remote access services run")
def remote_desktop(s: Snapshot, fact: Fact) -> Verdict:
    active = sorted(u for u, state in fact.raw.items() if state == "active")
    if active:
        return Verdict(
            "warning",
            f"Remote access is switched on ({', '.join(active)}): make sure only the IT provider can use it.",
            fact,
            active,
        )
    return Verdict("pass", "No remote access service is running.", fact, active)


@LINUX.check("listening_ports", needs="linux.listening", what="which network ports are open")
def listening_ports(s: Snapshot, fact: Fact) -> Verdict:
    risky = risky_ports()
    open_ports = sorted(
        {p["port"] for p in fact.raw if p["port"] in risky and p["address"] not in ("127.0.0.1", "::1")}
    )
    if open_ports:
        words = "; ".join(risky[p] for p in open_ports)
        return Verdict("warning", f"Open to the network: {words}.", fact, open_ports)
    return Verdict(
        "pass",
        "No file sharing, remote desktop or screen sharing port is open to the network.",
        fact,
        sorted({p["port"] for p in fact.raw}),
    )
