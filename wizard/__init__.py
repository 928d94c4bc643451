"""GP Cyber Wizard: DSPT and Cyber Essentials self-assessment for GP practices."""

# The one place the version is set: pyproject.toml reads it from here. A literal
# rather than importlib.metadata, which costs about 25 ms at every start.
__version__ = "0.1.0"

APP_NAME = "GP Cyber Wizard"
