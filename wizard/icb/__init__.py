"""The ICB's side: trusting many practices, issuing and revoking their certificates, and the estate report.

Qt-free, like the rest of the domain: the commands and the reviewer window
call the same functions.
"""
