"""Why a file the person chose was not written, in their language: the window's wording of
:class:`app.written.NotWritten` (an export, a template, a brief's PDF, an attachment's "Save
as…"). The codes are :data:`app.written.TEMPLATES`' (a test keeps the two in step); %1 is the
file's name, %2 its folder, %3 the system's own words (only when none of the others fits).

    text = error_text(exc)  # a NotWritten in words; any other error as it was said
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from app.errors import UserError
from app.written import NotWritten


def templates() -> dict[str, str]:
    """Each code's sentence, translated (the source strings stay literal for lupdate)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("NotWritten", text)

    return {
        "read_only": tr("%1 was not written: the folder %2 is read-only for you. Choose another folder."),
        "no_permission": tr("%1 was not written: you may not write to the folder %2. Choose another folder."),
        "file_read_only": tr(
            "%1 was not written: the file %1 in %2 is read-only for you. Choose another name."
        ),
        "disk_full": tr(
            "%1 was not written: the disk of the folder %2 is full. Free some space or choose another folder."
        ),
        "no_folder": tr("%1 was not written: there is no folder %2."),
        "other": tr("%1 was not written to the folder %2: %3."),
    }


def in_words(exc: NotWritten) -> str:
    values = dict(zip("123", (exc.params["name"], exc.params["folder"], exc.params["reason"]), strict=True))
    return re.sub(
        "%([123])", lambda m: values[m.group(1)], templates()[exc.code]
    )  # one pass: a "%2" in a name stays


def error_text(exc: BaseException) -> str:
    """What a failed write (or read) of a chosen file says: a :class:`NotWritten` in the
    person's language, another of Ketnoi's own errors as it is (its Vietnamese ``vi`` where it
    has one and the window speaks Vietnamese: an .ics file refused,
    :class:`app.calendar_refusals.NotAnInvitation`), an OS error without Python's "[Errno …]",
    anything else with its type (a fault to report)."""
    if isinstance(exc, NotWritten):
        return in_words(exc)
    if isinstance(exc, UserError):
        vi = getattr(exc, "vi", "")
        if vi and isinstance(vi, str) and QLocale().language() == QLocale.Language.Vietnamese:
            return vi
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc.strerror or exc)
    return f"{type(exc).__name__}: {exc}"
