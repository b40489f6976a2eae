"""Phones as people write them, in any text the window shows.

Ketnoi stores a phone in E.164 ("+842438251234") and shows it as it is written in Vietnam
("024 3825 1234"), or internationally for other countries ("+65 6123 4567"), through
:func:`app.validation.phone_display` — the contact's page, the lists and the briefs do. Text
built by a service from stored values (an import preview's "Phones: … → …") passes through
:func:`phones_shown` before the window shows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STORED_PHONE = re.compile(r"\+[1-9]\d{6,14}")  # a number as Ketnoi stores it (E.164)


def phones_shown(text: str) -> str:
    """Stored numbers in ``text`` ("+842438251234, +6561234567") as people write them
    ("024 3825 1234, +65 6123 4567"); the rest of the text as it is."""
    return _STORED_PHONE.sub(lambda found: phone_shown(found.group()), text) if "+" in text else text


@lru_cache(maxsize=4096)
def phone_shown(e164: str) -> str:
    """One stored number as people write it (remembered: a preview words the same numbers again
    each time it is sorted by what happens)."""
    from app.validation import phone_display  # phonenumbers: loaded when the first phone is shown

    return phone_display(e164)
