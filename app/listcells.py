"""How a list of values sits in one spreadsheet cell: ``NIC; "Bộ Khoa học; Công nghệ"; MOST``.

Offices write lists separated by ``;`` (or ``,`` and line breaks, for simple words such as
tags). An item that itself holds a separator or a double quote is written in double quotes,
with its quotes doubled (as in CSV), so that exporting and importing again gives back the same
items. Quotes count only around a whole item: ``Công ty "ABC"`` is one plain item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = ";,\n"
_QUOTED = re.compile(r'(?:^|(?<=[;,\n]))\s*"((?:[^"]|"")*)"\s*(?=$|[;,\n])')
_STASHED = re.compile(r"\x00(\d+)\x00")


def join(items: Iterable[str]) -> str | None:
    """The cell for ``items`` (None when there are none)."""
    out = [
        '"' + item.replace('"', '""') + '"'
        if any(ch in item for ch in _SEPARATORS) or item.startswith('"')
        else item
        for item in items
    ]
    return "; ".join(out) or None


def split(text: str, separators: re.Pattern[str]) -> list[str]:
    """The items of a cell, split by ``separators`` except inside a quoted item."""
    if '"' not in text:
        return separators.split(text)
    stash: list[str] = []

    def keep(match: re.Match[str]) -> str:
        stash.append(match.group(1).replace('""', '"'))
        return f"\x00{len(stash) - 1}\x00"

    masked = _QUOTED.sub(keep, text.replace("\x00", ""))
    return [_STASHED.sub(lambda m: stash[int(m.group(1))], part) for part in separators.split(masked)]
