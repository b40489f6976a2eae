"""The services' validation sentences in the window's language.

``app/`` knows no Qt: a record service refuses a form with English sentences (``a name is
required``, ``"Bộ Tài chính" already exists (id 4)``). Each form shows them beside its fields
through :func:`service_text`, which gives the fixed ones and the usual patterns their Vietnamese
(reviewer: the Vietnamese Log meeting dialog said "⚠ a title is required"). A sentence not
listed here is shown as the service wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ServiceMessage"

_FIXED: tuple[Any, ...] = (
    QT_TRANSLATE_NOOP("ServiceMessage", "a name is required"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a title is required"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a date and time is required"),
    QT_TRANSLATE_NOOP("ServiceMessage", "the meeting ends before it starts"),
    QT_TRANSLATE_NOOP("ServiceMessage", "say what is to be done"),
    QT_TRANSLATE_NOOP("ServiceMessage", "priority is 1 (high), 2 (normal) or 3 (low)"),
    QT_TRANSLATE_NOOP("ServiceMessage", "an organisation cannot be its own parent or a parent of its parent"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a file name is required"),
    # a letter's (app.letters.fields.prepare_letter: the register's form)
    QT_TRANSLATE_NOOP("ServiceMessage", "say what the letter is about (trích yếu)"),
    QT_TRANSLATE_NOOP("ServiceMessage", "an outgoing letter is not received"),
    QT_TRANSLATE_NOOP("ServiceMessage", "an incoming letter is received or replied"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a letter number is a whole number from 1"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a signed letter has its number from the register (sign it)"),
    QT_TRANSLATE_NOOP("ServiceMessage", "a letter cannot answer itself"),
)

_PATTERNS: tuple[tuple[str, Any], ...] = (
    (
        r"(.+) is not a Ketnoi database \(not an SQLite file\); not opening it\. A workbook or a CSV "
        r"file is imported instead: File → Import spreadsheet…, or ketnoi import FILE",
        QT_TRANSLATE_NOOP(
            "ServiceMessage",
            "%1 is not a Ketnoi database (not an SQLite file); not opening it. A workbook or a CSV "
            "file is imported instead: File → Import spreadsheet…, or ketnoi import FILE",
        ),
    ),
    (  # app.actions.check_due_dates (Reschedule, the bulk bar)
        r"the due date is before the meeting it came from \((.+)\)",
        QT_TRANSLATE_NOOP("ServiceMessage", "the due date is before the meeting it came from (%1)"),
    ),
    (
        r"(\d+) of the actions come from meetings held after their new due dates",
        QT_TRANSLATE_NOOP(
            "ServiceMessage", "%1 of the actions come from meetings held after their new due dates"
        ),
    ),
    (
        r"(\d+) of the actions come from meetings held after (.+)",
        QT_TRANSLATE_NOOP("ServiceMessage", "%1 of the actions come from meetings held after %2"),
    ),
    (
        r"(.+) is another program's SQLite database \(its tables: (.+)\), not a Ketnoi database; "
        r"not opening it, nothing written to it\. Choose a Ketnoi database, or a new file name to "
        r"start one",
        QT_TRANSLATE_NOOP(
            "ServiceMessage",
            "%1 is another program's SQLite database (its tables: %2), not a Ketnoi database; "
            "not opening it, nothing written to it. Choose a Ketnoi database, or a new file name to "
            "start one",
        ),
    ),
    (
        r'"(.+)" already exists \(id (\d+)\)',
        QT_TRANSLATE_NOOP("ServiceMessage", "“%1” already exists (id %2)"),
    ),
)


def service_text(message: str) -> str:
    """``message`` (a service's sentence) in the window's language where it is known."""
    text = message.strip()
    if text in _FIXED:
        return QCoreApplication.translate(CONTEXT, text)
    for pattern, source in _PATTERNS:
        found = re.fullmatch(pattern, text)
        if found:
            out = QCoreApplication.translate(CONTEXT, source)
            for i, value in enumerate(found.groups(), 1):
                out = out.replace(f"%{i}", value)
            return out
    return message
