"""Translations (.ts sources, compiled .qm) shipped with the package; see README.md."""
