"""Most read: article views counted without cookies or a database write per view, per language."""
