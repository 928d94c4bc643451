"""Windows: ``collect`` reads the registry (``registry_read``), the Windows API (``netapi``) and
one PowerShell process (``powershell``); the ``evaluate_*`` modules judge what was read
(importing this package registers them)."""

from wizard.checks.windows import evaluate_access as evaluate_access
from wizard.checks.windows import evaluate_config as evaluate_config
from wizard.checks.windows import evaluate_firewall as evaluate_firewall
from wizard.checks.windows import evaluate_protect as evaluate_protect
from wizard.checks.windows import evaluate_support as evaluate_support
from wizard.checks.windows import evaluate_updates as evaluate_updates
