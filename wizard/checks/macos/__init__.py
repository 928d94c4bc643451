"""macOS: ``collect`` runs read-only commands, ``parse`` and ``history`` turn their text into
data, ``evaluate`` and ``evaluate_access`` judge it (importing this package registers them)."""

from wizard.checks.macos import evaluate as evaluate
from wizard.checks.macos import evaluate_access as evaluate_access
