"""The evidence pack's PDF report (reportlab): one module per part, laid out by ``document``."""
