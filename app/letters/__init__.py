"""Official letters."""
