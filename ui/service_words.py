"""The services' validation sentences in the window's language.

``app/`` knows no Qt: a record service refuses a form with English sentences (``a name is
required``, ``"Bộ Tài chính" already exists (id 4)``). Each form shows them beside its fields
through :func:`service_text`, which gives them in the window's language (reviewer: the Vietnamese
Log meeting dialog said "⚠ a title is required"; the New action form '"31/02/2026" is not a
date'): a field's problem by :mod:`app.field_words` (the words the CLI speaks), the letters'
and the database files' sentences by this module's table. A sentence in neither is shown as
the service wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from app import field_words

CONTEXT = "ServiceMessage"

_FIXED: tuple[Any, ...] = (
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
)


def window_language() -> str:
    """ "vi" when the window speaks Vietnamese, else "en" (as ``AppContext.lang``)."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def service_text(message: str) -> str:
    """``message`` (a service's sentence) in the window's language where it is known."""
    text = message.strip()
    if field_words.read(text) is not None:  # a field's problem: the table the CLI speaks from
        return field_words.say(text, window_language())
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
