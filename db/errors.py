"""The one error class the database layer shares with the services: a failure to report in
one clear line. :class:`app.errors.UserError` is this class (re-exported there), so the CLI and
the window show these as they show every other user-facing error."""

from __future__ import annotations


class UserError(Exception):
    """A failure to report in one clear line (the CLI prints it; the UI shows it)."""


class NotPermitted(UserError):
    """The database refused a change to this login (a GRANT it lacks, or row-level security):
    a reader writing, an officer taking a record outside what they may see."""
