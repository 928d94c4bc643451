"""Account facts straight from the Windows API (netapi32), without PowerShell.

Why: the ADSI ``WinNT://`` computer object returns no policy on many
standalone Windows 7 and 10 PCs, and ``Get-LocalGroupMember`` throws on
orphaned or Azure AD members (in every language). ``NetUserModalsGet``
(levels 0 and 3) returns the local password and lock-out policy to a standard
user, and ``NetLocalGroupGetMembers`` (level 0) returns the members of
S-1-5-32-544 as SIDs, which never fail to resolve and are never translated.
Only numbers and SIDs are kept; names are looked up where Windows can, for
the finding, and a SID with no name is kept as it is.

``ctypes.windll`` is touched only inside functions, so this imports anywhere.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from wizard.checks.collector import ReadError

ADMINS_SID = "S-1-5-32-544"
NERR_SUCCESS = 0
MORE_DATA = 234
TIMEQ_FOREVER = 0xFFFFFFFF  # "never", for password ages and lock-out durations


class _UserModals0(ctypes.Structure):
    _fields_ = [
        ("min_passwd_len", ctypes.c_uint32),
        ("max_passwd_age", ctypes.c_uint32),
        ("min_passwd_age", ctypes.c_uint32),
        ("force_logoff", ctypes.c_uint32),
        ("password_hist_len", ctypes.c_uint32),
    ]


class _UserModals3(ctypes.Structure):
    _fields_ = [
        ("lockout_duration", ctypes.c_uint32),
        ("lockout_observation_window", ctypes.c_uint32),
        ("lockout_threshold", ctypes.c_uint32),
    ]


def _windll() -> Any:
    if sys.platform != "win32":
        raise ReadError("the Windows account API can only be read on Windows")
    return ctypes.windll  # type: ignore[attr-defined, unused-ignore]


def _modals(dll: Any, level: int, shape: type[ctypes.Structure]) -> dict[str, int]:
    buffer = ctypes.c_void_p()
    status = dll.netapi32.NetUserModalsGet(None, level, ctypes.byref(buffer))
    if status != NERR_SUCCESS:
        raise ReadError(f"NetUserModalsGet level {level} failed (error {status})")
    try:
        data = ctypes.cast(buffer, ctypes.POINTER(shape)).contents
        return {str(field[0]): int(getattr(data, field[0])) for field in shape._fields_}
    finally:
        dll.netapi32.NetApiBufferFree(buffer)


def read_account_policy() -> dict[str, Any]:
    """The local policy as numbers (seconds; 0xFFFFFFFF means never)."""
    dll = _windll()
    return {**_modals(dll, 0, _UserModals0), **_modals(dll, 3, _UserModals3)}


def _sid_text(dll: Any, sid: Any) -> str:
    text = ctypes.c_wchar_p()
    if not dll.advapi32.ConvertSidToStringSidW(sid, ctypes.byref(text)):
        raise ReadError("a member's SID could not be written out")
    try:
        return str(text.value)
    finally:
        dll.kernel32.LocalFree(text)


def _name_of(dll: Any, sid: Any) -> str | None:
    """The account's name, or None for an orphaned SID (a deleted or unreachable account)."""
    name, domain = ctypes.create_unicode_buffer(256), ctypes.create_unicode_buffer(256)
    size_name, size_domain, use = ctypes.c_uint32(256), ctypes.c_uint32(256), ctypes.c_uint32()
    found = dll.advapi32.LookupAccountSidW(
        None, sid, name, ctypes.byref(size_name), domain, ctypes.byref(size_domain), ctypes.byref(use)
    )
    return name.value if found else None


def _group_name(dll: Any) -> str:
    """The Administrators group's name in this PC's language, found from its SID."""
    sid = ctypes.c_void_p()
    if not dll.advapi32.ConvertStringSidToSidW(ADMINS_SID, ctypes.byref(sid)):
        raise ReadError("the Administrators SID could not be read")
    try:
        name = _name_of(dll, sid)
    finally:
        dll.kernel32.LocalFree(sid)
    if not name:
        raise ReadError("Windows has no group with the Administrators SID")
    return name


def read_admin_members() -> dict[str, Any]:
    """Members of S-1-5-32-544 as SIDs (level 0), with names where Windows knows them."""
    dll = _windll()
    group = _group_name(dll)
    buffer, read, total = ctypes.c_void_p(), ctypes.c_uint32(), ctypes.c_uint32()
    status = dll.netapi32.NetLocalGroupGetMembers(
        None,
        ctypes.c_wchar_p(group),
        0,
        ctypes.byref(buffer),
        ctypes.c_uint32(0xFFFFFFFF),  # MAX_PREFERRED_LENGTH: every member at once
        ctypes.byref(read),
        ctypes.byref(total),
        None,
    )
    if status not in (NERR_SUCCESS, MORE_DATA):
        raise ReadError(f"NetLocalGroupGetMembers failed (error {status})")
    try:
        sids = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))
        members = []
        for index in range(read.value):
            sid = ctypes.c_void_p(sids[index])  # a pointer kept whole: a bare int would be cut to 32 bits
            text = _sid_text(dll, sid)
            members.append({"sid": text, "name": _name_of(dll, sid) or text})
    finally:
        dll.netapi32.NetApiBufferFree(buffer)
    return {"group_sid": ADMINS_SID, "method": "NetLocalGroupGetMembers", "members": members}
