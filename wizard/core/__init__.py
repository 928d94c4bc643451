"""The domain, free of Qt: question banks, drafts, answers and scoring.

Everything the GUI can do goes through here, so the CLI and the tests drive the
same functions the pages call.
"""
