"""Shipped letter templates (see README.md); an office copy in the data folder wins."""
