"""The signed PDF evidence pack and the signing identity (issue 5)."""
