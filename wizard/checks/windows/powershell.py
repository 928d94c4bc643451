"""The one PowerShell read: a script that prints one JSON object, section by section.

Why one process: starting PowerShell costs about a second, so every cmdlet the
checks need runs in the same process. Why sections in try/catch: on managed
NHS PCs Constrained Language Mode blocks COM objects and .NET reflection, so
some sections fail; the others must still arrive. Only numbers, booleans,
SIDs and object properties are read, never translated text. The output is
escaped to ASCII inside the script, so the console code page cannot garble
names such as "Administratoren" or "Jürgen".

The script changes nothing: it only calls Get-* cmdlets and reads properties.
It holds no double quotes, so Windows command-line quoting cannot break it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath
from typing import Any

from wizard.checks.collector import ReadError, run_command

POWERSHELL_TIMEOUT = 6.0
SECTIONS = (
    "language_mode",
    "join",
    "defender",
    "security_center",
    "admins",
    "current_user",
    "guest",
    "password_policy",
    "bitlocker",
    "updates",
    "listening",
)

# One statement per line, each ending in ';' or a brace: the lines are joined
# with spaces into a single-line -Command argument.
_SCRIPT = r"""
Write-Output ('GPCW-POWERSHELL ' + $PSVersionTable.PSVersion);
$ErrorActionPreference = 'Stop';
$ProgressPreference = 'SilentlyContinue';
$r = [ordered]@{};
function Err($e) { return [ordered]@{ error = [string]$e.Exception.Message } };
function UtcIso($d) { if ($null -eq $d) { return $null }; return
    ([datetime]$d).ToUniversalTime().ToString('s') + 'Z' };
$r.language_mode = [string]$ExecutionContext.SessionState.LanguageMode;
try {
  $cs = Get-CimInstance -ClassName Win32_ComputerSystem;
  $aad = @(Get-ChildItem -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\CloudDomainJoin\JoinInfo'
      -ErrorAction SilentlyContinue).Count -gt 0;
  $r.join = [ordered]@{ part_of_domain = $cs.PartOfDomain; domain = [string]$cs.Domain; azure_ad_joined =
      $aad };
} catch { $r.join = Err $_ };
try {
  $m = Get-MpComputerStatus;
  $r.defender = [ordered]@{ AMRunningMode = $m.AMRunningMode; AMServiceEnabled = $m.AMServiceEnabled;
      AntivirusEnabled = $m.AntivirusEnabled;
      RealTimeProtectionEnabled = $m.RealTimeProtectionEnabled; IsTamperProtected = $m.IsTamperProtected;
      AntivirusSignatureAge = $m.AntivirusSignatureAge; AntivirusSignatureLastUpdated = (UtcIso
      $m.AntivirusSignatureLastUpdated) };
} catch { $r.defender = Err $_ };
try {
  $av = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct | ForEach-Object
      { [ordered]@{ displayName = [string]$_.displayName; instanceGuid = [string]$_.instanceGuid; productState =
      [int64]$_.productState } });
  $fw = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName FirewallProduct | ForEach-Object {
      [ordered]@{ displayName = [string]$_.displayName; productState = [int64]$_.productState } });
  $r.security_center = [ordered]@{ antivirus = $av; firewall = $fw };
} catch { $r.security_center = Err $_ };
try {
  $a = [ordered]@{ group_sid = 'S-1-5-32-544'; group_name = $null; method = 'adsi'; members = @() };
  try {
    $a.group_name =
        ([System.Security.Principal.SecurityIdentifier]::new('S-1-5-32-544')).Translate([System.Security.Principal.NTAccount]).Value.Split('\')[-1];
    $g = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $a.group_name + ',group');
    $a.members = @($g.Invoke('Members') | ForEach-Object { $t = $_.GetType(); $b =
        $t.InvokeMember('objectSid', 'GetProperty', $null, $_, $null); [ordered]@{ name =
        [string]$t.InvokeMember('Name', 'GetProperty', $null, $_, $null); path =
        [string]$t.InvokeMember('ADsPath', 'GetProperty', $null, $_, $null); sid =
        ([System.Security.Principal.SecurityIdentifier]::new($b, 0)).Value } });
  } catch {
    $a.adsi_error = [string]$_.Exception.Message;
    $a.method = 'Get-LocalGroupMember';
    $a.members = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | ForEach-Object { [ordered]@{ name =
        [string]$_.Name; path = ''; sid = [string]$_.SID.Value } });
  };
  $r.admins = $a;
} catch { $r.admins = Err $_ };
$u = [ordered]@{};
try {
  $id = [System.Security.Principal.WindowsIdentity]::GetCurrent();
  $u.name = $id.Name;
  $u.sid = $id.User.Value;
  $u.is_in_role_admin =
      ([System.Security.Principal.WindowsPrincipal]$id).IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator);
} catch { $u.identity_error = [string]$_.Exception.Message };
try {
  $u.group_sids = @(whoami.exe /groups /fo csv /nh | ConvertFrom-Csv -Header 'n', 't', 'sid', 'a' |
      ForEach-Object { [string]$_.sid });
  if ($u.group_sids.Count -eq 0) { throw 'whoami listed no groups' };
} catch { $u.groups_error = [string]$_.Exception.Message };
$r.current_user = $u;
try {
  try {
    $gu = @(Get-LocalUser | Where-Object { $_.SID.Value -like 'S-1-5-21-*-501' } | ForEach-Object {
        [ordered]@{ name = [string]$_.Name; sid = $_.SID.Value; enabled = $_.Enabled } });
  } catch {
    $gu = @(Get-CimInstance -ClassName Win32_UserAccount -Filter 'LocalAccount=True' | Where-Object {
        $_.SID -like 'S-1-5-21-*-501' } | ForEach-Object { [ordered]@{ name = [string]$_.Name; sid =
        [string]$_.SID; enabled = (-not $_.Disabled) } });
  };
  $r.guest = [ordered]@{ accounts = $gu };
} catch { $r.guest = Err $_ };
try {
  $c = [ADSI]('WinNT://' + $env:COMPUTERNAME + ',computer');
  $p = [ordered]@{};
  foreach ($k in @('MinPasswordLength', 'MaxBadPasswordsAllowed', 'LockoutObservationInterval',
      'AutoUnlockInterval', 'MaxPasswordAge', 'PasswordHistoryLength')) { $p[$k] = $c.Properties[$k].Value };
  $r.password_policy = $p;
} catch { $r.password_policy = Err $_ };
try {
  $sh = New-Object -ComObject Shell.Application;
  $r.bitlocker = [ordered]@{ drive = $env:SystemDrive; protection =
      $sh.NameSpace($env:SystemDrive).Self.ExtendedProperty('System.Volume.BitLockerProtection') };
} catch { $r.bitlocker = Err $_ };
$up = [ordered]@{};
try {
  $q = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher();
  $n = $q.GetTotalHistoryCount();
  $h = @();
  if ($n -gt 0) { $h = @($q.QueryHistory(0, [Math]::Min(50, $n)) | ForEach-Object { [ordered]@{ date =
      ([datetime]$_.Date).ToString('s') + 'Z'; result = [int]$_.ResultCode; operation = [int]$_.Operation;
      title = [string]$_.Title } }) };
  $up.history = [ordered]@{ total = $n; entries = $h };
} catch { $up.history = Err $_ };
try {
  $up.hotfixes = [ordered]@{ entries = @(Get-CimInstance -ClassName Win32_QuickFixEngineering |
      ForEach-Object { $d = $null; try { $d = ([datetime]$_.InstalledOn).ToString('yyyy-MM-dd') } catch { };
      [ordered]@{ id = [string]$_.HotFixID; installed_on = $d } }) };
} catch { $up.hotfixes = Err $_ };
$r.updates = $up;
try {
  $r.listening = [ordered]@{ ports = @(Get-NetTCPConnection -State Listen | ForEach-Object { [ordered]@{
      address = [string]$_.LocalAddress; port = [int]$_.LocalPort } }) };
} catch { $r.listening = Err $_ };
$j = $r | ConvertTo-Json -Depth 6 -Compress;
$o = foreach ($ch in $j.ToCharArray()) { if ([int]$ch -gt 126) { '\u{0:x4}' -f [int]$ch } else {
    [string]$ch } };
-join $o;
"""

SCRIPT = " ".join(line.strip() for line in _SCRIPT.splitlines() if line.strip())


def powershell_path() -> str:
    """Windows PowerShell by full path: never whatever a USB stick's folder offers.

    A 32-bit Python on 64-bit Windows is redirected to the 32-bit PowerShell,
    which lacks some modules; ``Sysnative`` reaches the 64-bit one.
    """
    root = os.environ.get("SYSTEMROOT", r"C:\Windows")
    wow64 = sys.maxsize <= 2**32 and "PROCESSOR_ARCHITEW6432" in os.environ
    folder = "Sysnative" if wow64 else "System32"
    return str(PureWindowsPath(root, folder, "WindowsPowerShell", "v1.0", "powershell.exe"))


def powershell_args(exe: str) -> list[str]:
    return [exe, "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", SCRIPT]


VERSION_MARKER = "GPCW-POWERSHELL"


def powershell_version(text: str) -> str | None:
    """The version the script's first line reports ("5.1.19041.6456"); "1.0" when it had none."""
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip().startswith(VERSION_MARKER):
            return line.strip()[len(VERSION_MARKER) :].strip() or "1.0"
    return None


def parse_powershell_json(text: str) -> dict[str, Any]:
    """The script's JSON object, whatever warnings PowerShell printed around it.

    Every expected section is present afterwards: one that never arrived gets
    an ``error`` of its own, so evaluators report it as unable. Windows
    PowerShell 2.0 (Windows 7 as shipped) has no ConvertTo-Json: its version
    line says why no JSON came, in words a practice manager can act on.
    """
    version = powershell_version(text)
    data: Any = None
    for line in reversed(text.lstrip("\ufeff").splitlines()):
        line = line.strip().lstrip("\ufeff")
        if line.startswith("{"):
            try:
                data = json.loads(line)
                break
            except ValueError:
                continue
    if not isinstance(data, dict):
        major = version.split(".")[0] if version else ""
        if major.isdigit() and int(major) < 3:
            shown = ".".join(version.split(".")[:2]) if version else "unknown"
            raise ReadError(
                f"this PC's PowerShell is too old for these checks ({shown}); Windows Management "
                "Framework 5.1 brings a newer one. The registry checks still ran"
            )
        lines = [ln for ln in text.strip().splitlines() if not ln.strip().startswith(VERSION_MARKER)]
        first = lines[0][:200] if lines else "no output at all"
        raise ReadError(f"PowerShell did not print the expected JSON ({first})")
    data["powershell_version"] = version
    for name in SECTIONS:
        if name not in data or data[name] is None:
            data[name] = {"error": "PowerShell did not report this section"}
    return data


Runner = Callable[..., str]


def read_powershell(run: Runner = run_command, exe: str | None = None) -> dict[str, Any]:
    """Run the script once; if PowerShell is missing or broken, say so plainly."""
    exe = exe or powershell_path()
    if not Path(exe).exists():
        raise ReadError(f"Windows PowerShell was not found at {exe}; the registry checks still ran")
    out = run(powershell_args(exe), timeout=POWERSHELL_TIMEOUT, ok_codes=(0, 1))
    return parse_powershell_json(out)
