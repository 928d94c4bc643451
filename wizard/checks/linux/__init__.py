"""Linux: ``collect`` reads files and LC_ALL=C command output, ``parse`` turns text into data,
``evaluate`` judges it (importing this package registers the evaluators)."""

from wizard.checks.linux import evaluate as evaluate
