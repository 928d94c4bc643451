"""What to do on a Mac, where the catalogue's general advice names Windows settings."""

from __future__ import annotations

MAC_ADVICE: dict[str, str] = {
    "os_supported": "Upgrade this Mac to a macOS version Apple still supports (System Settings > General > "
    "Software Update). If it cannot run one, plan to replace it; ask your IT provider.",
    "updates_recent": "Install the waiting updates (System Settings > General > Software Update) and restart. "
    "If updates have not installed for weeks, ask your IT provider to find out why.",
    "auto_updates": "Turn on every option under System Settings > General > Software Update > Automatic "
    "updates, including 'Install macOS updates' and 'Install Security Responses and system files', or "
    "confirm your IT provider manages updates centrally.",
    "firewall_enabled": "Turn the firewall on in System Settings > Network > Firewall, or ask your IT "
    "provider why it is off.",
    "firewall_inbound_blocked": "In System Settings > Network > Firewall > Options, turn on 'Block all "
    "incoming connections' or 'Enable stealth mode', and remove apps that do not need incoming connections.",
    "antimalware_realtime": "Allow apps only from the App Store and identified developers (System Settings > "
    "Privacy & Security), or ask your IT provider to turn Gatekeeper back on.",
    "antimalware_signatures": "Turn on 'Install Security Responses and system files' under System Settings > "
    "General > Software Update > Automatic updates, then check for updates.",
    "disk_encryption": "Turn on FileVault (System Settings > Privacy & Security > FileVault), especially on "
    "laptops. Ask your IT provider to keep the recovery key safe.",
    "local_admins": "Keep administrator rights to named IT accounts only: in System Settings > Users & Groups, "
    "turn off 'Allow this user to administer this computer' for everyday accounts.",
    "user_not_admin": "Use a standard account for everyday work and a separate administrator account for "
    "installing software and changing settings.",
    "guest_disabled": "Turn off the Guest User in System Settings > Users & Groups.",
    "password_policy": "Ask your IT provider to set an account policy (through device management or "
    "pwpolicy) that locks accounts after no more than 10 wrong passwords and requires long passwords.",
    "screen_lock": "In System Settings > Lock Screen, start the screen saver or turn off the display after "
    "no more than 10 minutes, and require a password immediately afterwards.",
    "remote_desktop": "Turn off Remote Login, Screen Sharing and Remote Management in System Settings > "
    "General > Sharing unless they are needed; if they are, limit them to named IT accounts.",
    "listening_ports": "Turn off sharing services that are not needed (System Settings > General > Sharing) "
    "and make sure the firewall blocks them from untrusted networks.",
}
