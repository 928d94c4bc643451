"""The practice's signing identity.

Key and certificate (``store``, ``cert``), the PKCS#12 MAC, and the
passphrase's entry in the OS keyring (``passphrase``).
"""
