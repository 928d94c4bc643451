"""The one place that picks this computer's collector (so the collectors never import it back)."""

from __future__ import annotations

import sys

from wizard.checks.collector import Collector


def collector_for_this_os() -> Collector:
    if sys.platform == "win32":
        from wizard.checks.windows.collect import WindowsCollector

        return WindowsCollector()
    if sys.platform == "darwin":
        from wizard.checks.macos.collect import MacCollector

        return MacCollector()
    from wizard.checks.linux.collect import LinuxCollector

    return LinuxCollector()
