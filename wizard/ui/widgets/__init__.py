"""Reusable widgets: answer editors, question cards, evidence lists, help."""
