"""Breaking news: a short headline and link per language, shown at the top of every page until it expires."""
