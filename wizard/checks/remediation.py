"""General advice per check, when a result is not a pass. Evaluators may be more specific."""

from __future__ import annotations

REMEDIATION: dict[str, str] = {
    "os_supported": "Replace or upgrade this computer's operating system to a version the maker still "
    "supports (for Windows 10, move to Windows 11 or enrol in Extended Security Updates). Ask your IT provider.",
    "updates_recent": "Install the waiting updates and restart. If updates have not installed for weeks, "
    "ask your IT provider to find out why.",
    "ms17_010": "Install the latest cumulative update for this version of Windows; it includes the "
    "WannaCry fix (MS17-010).",
    "smb1_server_off": "Ask your IT provider to turn off SMB version 1, the file-sharing protocol "
    "WannaCry spread through.",
    "smb1_client_off": "Ask your IT provider to remove the SMB version 1 client.",
    "firewall_enabled": "Turn the firewall on for every network type (Windows Security > Firewall & "
    "network protection), or ask your IT provider why it is off.",
    "firewall_inbound_blocked": "Set the firewall to block incoming connections unless a rule allows them.",
    "antimalware_realtime": "Turn on real-time protection in your anti-malware software (Windows Security > "
    "Virus & threat protection), or ask your IT provider.",
    "antimalware_signatures": "Update the anti-malware definitions now and check they update automatically.",
    "disk_encryption": "Turn on disk encryption (BitLocker on Windows, FileVault on a Mac), especially on "
    "laptops. Ask your IT provider to keep the recovery key safe.",
    "uac_enabled": "Turn User Account Control back on; ask your IT provider to enforce it by policy.",
    "local_admins": "Keep administrator rights to named IT accounts only; remove everyday users from the "
    "Administrators group.",
    "user_not_admin": "Use a standard account for everyday work and a separate account for admin tasks.",
    "guest_disabled": "Disable the Guest account.",
    "password_policy": "Ask your IT provider to lock accounts after no more than 10 wrong passwords, or to "
    "use multi-factor authentication, and to require long passwords.",
    "screen_lock": "Make the screen lock after no more than 10 minutes idle, with a password to unlock.",
    "autorun_off": "Ask your IT provider to turn off AutoRun/AutoPlay for all drives by policy.",
    "remote_desktop": "Turn off Remote Desktop unless it is needed; if it is, restrict it to the IT "
    "provider through a VPN with multi-factor authentication.",
    "auto_updates": "Turn on automatic updates, or confirm your IT provider manages updates centrally.",
    "listening_ports": "Close file sharing (port 445) and Remote Desktop (port 3389) where they are not "
    "needed, and make sure the firewall blocks them from untrusted networks.",
}
