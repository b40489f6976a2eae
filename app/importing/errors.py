"""Errors of the import pipeline, each a one-line message for the person importing."""

from __future__ import annotations

from app.errors import UserError


class ImportFileError(UserError):
    """The file (or a sheet of it) cannot be read; the message names the file and sheet."""


class ImportCancelled(UserError):
    """The user pressed Cancel; the transaction is rolled back and nothing is written."""

    def __init__(self) -> None:
        super().__init__("Đã huỷ nhập; không có gì được ghi. / Import cancelled; nothing was written.")
