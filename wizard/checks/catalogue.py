"""The catalogue of local checks: stable ids the question banks link to.

The collectors and evaluators behind each id arrive with the local-checks
issue; the ids are fixed now so the banks can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckInfo:
    id: str
    title: str
    theme: str  # Cyber Essentials control theme
    remediation: str = ""


CATALOGUE: tuple[CheckInfo, ...] = (
    CheckInfo("os_supported", "Operating system still supported", "updates"),
    CheckInfo("updates_recent", "Recent updates installed", "updates"),
    CheckInfo("ms17_010", "WannaCry fix (MS17-010) present", "updates"),
    CheckInfo("smb1_server_off", "SMBv1 file sharing server switched off", "secure configuration"),
    CheckInfo("smb1_client_off", "SMBv1 client switched off", "secure configuration"),
    CheckInfo("firewall_enabled", "Firewall on for every network type", "firewalls"),
    CheckInfo("firewall_inbound_blocked", "Firewall blocks incoming connections by default", "firewalls"),
    CheckInfo("antimalware_realtime", "Anti-malware real-time protection on", "malware protection"),
    CheckInfo("antimalware_signatures", "Anti-malware definitions up to date", "malware protection"),
    CheckInfo("disk_encryption", "Disk encryption on", "secure configuration"),
    CheckInfo("uac_enabled", "User Account Control on", "user access control"),
    CheckInfo("local_admins", "Who is a local administrator", "user access control"),
    CheckInfo("user_not_admin", "Everyday account is not an administrator", "user access control"),
    CheckInfo("guest_disabled", "Guest account switched off", "user access control"),
    CheckInfo("password_policy", "Password and lock-out policy", "user access control"),
    CheckInfo("screen_lock", "Screen locks when left idle", "secure configuration"),
    CheckInfo("autorun_off", "AutoRun switched off", "secure configuration"),
    CheckInfo("remote_desktop", "Remote desktop off or restricted", "secure configuration"),
    CheckInfo("auto_updates", "Automatic updates on", "updates"),
    CheckInfo("listening_ports", "No file sharing or remote desktop open to the network", "firewalls"),
)

CHECK_IDS: frozenset[str] = frozenset(check.id for check in CATALOGUE)
