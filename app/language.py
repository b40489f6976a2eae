"""The command line's language, from ``--lang`` or the locale: a module of its own, light to
import (a command that only prints words, such as ``ketnoi search``, must not load the import's
package and openpyxl to learn it: tests/ui/test_startup_imports.py)."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "vi")


def cli_language(choice: str | None = None) -> str:
    """The CLI's language: ``--lang`` if given, else the locale (LC_ALL, LC_MESSAGES, LANG)."""
    if choice in LANGUAGES:
        return choice
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    try:
        code = locale.getlocale(locale.LC_MESSAGES)[0] or ""
    except (AttributeError, ValueError):
        code = ""
    return "vi" if code.lower().startswith("vi") else "en"


def thousands(n: int, lang: str) -> str:
    """A count as ``lang`` groups it: 100,020 in English, 100.020 in Vietnamese — the one way the
    command line writes a count (the window's is ``ui.labels.number``). An id stays plain, after
    a #: "#2276"."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def count_of(n: int, noun: tuple[str, str, str], lang: str) -> str:
    """``n`` with its noun in ``lang``, ``noun`` being (English one, English many, Vietnamese):
    "1 page", "2 pages", "2 trang" (a Vietnamese noun does not change with the number)."""
    one, many, vi = noun
    return f"{thousands(n, lang)} {vi if lang == 'vi' else one if n == 1 else many}"


def said(pair: tuple[str, str], lang: str, **values: object) -> str:
    """One line of a command's table, ``pair`` being (English, Vietnamese), in ``lang`` and
    filled in: ``said(("Added {what}", "Đã thêm {what}"), "vi", what="liên hệ #3")``."""
    return pair[1 if lang == "vi" else 0].format(**values)
