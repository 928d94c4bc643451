"""Read-only local checks: collectors per OS and pure evaluators (issue 4)."""
