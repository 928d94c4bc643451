"""The wizard's pages. Which pages exist, and in what order, is data (see wizard_view)."""
