"""Errors of the import pipeline, each a one-line message for the person importing.

An error may carry a :class:`~app.importing.messages.Message` (``.message``): the window and
the CLI word that in their language; ``str(error)`` is the English wording (or, for the
messages not yet given a code, the text as raised).
"""

from __future__ import annotations

from app.errors import UserError
from app.importing.messages import Message, msg, text


class ImportFileError(UserError):
    """The file (or a sheet of it) cannot be read; the message names the file and sheet."""

    def __init__(self, detail: str | Message = "") -> None:
        self.message: Message | None = detail if isinstance(detail, Message) else None
        super().__init__(text(detail, "en", where=True) if isinstance(detail, Message) else detail)

    def __reduce__(self) -> tuple[object, ...]:
        # raised in a reading child process and sent back: keep the message, not only its text
        return (type(self), (self.message if self.message is not None else str(self),))


class ImportCancelled(UserError):
    """The user pressed Cancel; the transaction is rolled back and nothing is written."""

    def __init__(self) -> None:
        self.message: Message | None = msg("cancelled")
        super().__init__(text(self.message, "en"))


class ImportRefused(UserError):
    """An import or undo that cannot be done as asked (already undone, a batch of another
    kind); ``message`` says why."""

    def __init__(self, message: Message) -> None:
        self.message: Message | None = message
        super().__init__(text(message, "en"))
