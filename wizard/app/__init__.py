"""Use cases, without Qt: what the wizard's pages, the commands and the self-test each ask for.

``checks`` runs the checks on this PC and gathers the other computers'
results; ``packs`` builds and signs an evidence pack. The GUI, the CLI and the
self-test call these, so each is wired once. Progress is reported through a
callback, which the GUI turns into a Qt signal.
"""
