"""How the extra facts of a reference or a list item sit in a cell, read and written the same
way by the exporter and the importer (so that an export imports back exactly):

- a labelled email or phone: ``an@nic.gov.vn (công việc)``, ``+84 912 345 678 (di động)``;
- an attendee's role: ``Nguyễn Văn An (Chủ trì)``, ``Nguyễn Văn An (Chair)`` (the window's
  words, :mod:`app.value_labels`; the codes and other words, ``(chair)``, ``(tham dự)``, read too);
- a staff member or a contact with an email: ``Trần Thị Lan <lan@ketnoi.vn>``;
- a meeting whose title another meeting has too, with its start:
  ``Làm việc với Vụ HTQT (20/11/2026 09:00)``.
"""

from __future__ import annotations

import datetime as dt
import re

from app import value_labels
from app.vntext import fold

_TRAILING = re.compile(r"^(?P<value>.*?\S)\s*\((?P<label>[^()]{1,40})\)\s*$")
_START = re.compile(
    r"^(?P<title>.*?\S)\s*\((?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:\s+(?P<h>\d{1,2})[:h](?P<min>\d{2}))?\)\s*$"
)
_EMAIL = re.compile(r"^(?P<name>.*?\S)\s*<(?P<email>[^<>\s]+@[^<>\s]+)>\s*$")

ROLE_WORDS: dict[str, str] = {
    "participant": "participant", "tham dự": "participant", "tham du": "participant",
    "chair": "chair", "chủ trì": "chair", "chu tri": "chair",
    "presenter": "presenter", "trình bày": "presenter", "trinh bay": "presenter",
    "note_taker": "note_taker", "note taker": "note_taker", "thư ký": "note_taker", "thu ky": "note_taker",
    "observer": "observer", "quan sát": "observer", "quan sat": "observer",
}  # fmt: skip
# and the window's words, "(Chủ trì)", "(Note taker)", as the export writes them (app.value_labels)
_ROLES = {fold(k): v for k, v in ROLE_WORDS.items()} | value_labels.words("meeting", "role")


def split_label(item: str, *, phone: bool = False) -> tuple[str, str]:
    """ "an@x.vn (công việc)" → ("an@x.vn", "công việc"); an item without one → (item, "")."""
    match = _TRAILING.match(item)
    if match is None:
        return item, ""
    value, label = match.group("value"), match.group("label").strip()
    if phone and not any(ch.isalpha() for ch in label):
        return item, ""  # "(024) 3555 1234": part of the number
    if not phone and "@" not in value:
        return item, ""
    return value, label


def with_label(value: str, label: str) -> str:
    return f"{value} ({label})" if label else value


def split_role(text: str) -> tuple[str, str]:
    """ "Nguyễn Văn An (chủ trì)" → ("Nguyễn Văn An", "chair"); no known role → (text, "")."""
    match = _TRAILING.match(text)
    if match is None:
        return text, ""
    role = _ROLES.get(fold(match.group("label")))
    return (match.group("value"), role) if role else (text, "")


def with_role(name: str, role: str) -> str:
    return f"{name} ({role})" if role and role != "participant" else name


def split_email(text: str) -> tuple[str, str]:
    """ "Trần Thị Lan <lan@ketnoi.vn>" → ("Trần Thị Lan", "lan@ketnoi.vn"); else (text, "")."""
    match = _EMAIL.match(text)
    return (match.group("name"), match.group("email")) if match else (text, "")


def with_email(name: str, email: str) -> str:
    return f"{name} <{email}>" if email else name


def with_start(title: str, starts_at: dt.datetime) -> str:
    return f"{title} ({starts_at:%d/%m/%Y %H:%M})"


def split_start(text: str) -> tuple[str, dt.date | None, dt.time | None]:
    """ "Họp (20/11/2026 09:00)" → ("Họp", 2026-11-20, 09:00); "Họp (20/11/2026)" → the day
    and None; no such start, or no such day → (text, None, None)."""
    match = _START.match(text)
    if match is None:
        return text, None, None
    try:
        day = dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        at = dt.time(int(match.group("h")), int(match.group("min"))) if match.group("h") else None
    except ValueError:
        return text, None, None
    return match.group("title"), day, at
