"""Per-laptop settings in QSettings, declared once with defaults and typed accessors.

Team-wide settings live in the database (``Setting``); these belong to one person's machine:
where the database is, who the user is, how dates are written, window geometry.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from db import clock
from db.paths import make_private  # not db.engine: the window's frame shows before SQLAlchemy loads

ORGANISATION = "Ketnoi"
APPLICATION = "Ketnoi"

# key: default
DEFAULTS: dict[str, Any] = {
    "database/url": "",  # empty: --db, KETNOI_DATABASE_URL or the file in the data directory
    "user/staff_id": 0,  # 0: not chosen
    "user/staff_database": "",  # the id of the database "I am" was chosen on ("": before it was noted)
    "display/date_format": "dmy",  # dmy (day first, default), ymd, mdy
    "display/language": "system",  # system (default), en, vi
    "notify/last_day": "",  # the day the overdue notice was last shown
    "help/welcomed": 0,  # 1: the first-run welcome was shown once (it does not come back)
    "help/who_hint": 0,  # 1: "your changes are recorded as …" was said once (ui.notify.who_records_hint)
    "display/last_view": "",  # the view the window showed when it closed (ui.main_window.VIEWS)
}
DATE_FORMATS = {
    "dmy": ("%d/%m/%Y", "dd/MM/yyyy"),
    "ymd": ("%Y-%m-%d", "yyyy-MM-dd"),
    "mdy": ("%m/%d/%Y", "MM/dd/yyyy"),
}


RELOAD_EVERY_S = 0.5
"""How often, at most, the settings file is checked for another window's changes (a stat)."""


class Settings:
    """Typed view over ``QSettings``; pass ``path`` for an isolated file (tests)."""

    def __init__(self, path: str | None = None) -> None:
        if path:
            self._q = QSettings(path, QSettings.Format.IniFormat)
        else:
            self._q = QSettings(ORGANISATION, APPLICATION)
        make_private(Path(self._q.fileName()))
        self._stamp = self._file_stamp()
        self._checked = time.monotonic()
        # The database given by --db (or KETNOI_DATABASE_URL) that this session opened over the
        # saved choice; not saved: Settings → Database says so beside the saved choice.
        self.command_line_url = ""

    @property
    def qsettings(self) -> QSettings:
        return self._q

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            found = os.stat(self._q.fileName())
        except OSError:
            return None
        return found.st_mtime_ns, found.st_size

    def _fresh(self) -> None:
        """Read the file again if another Ketnoi (another process: a second window) saved it since
        this one last did: QSettings keeps what it read, and a second window's "I am" was neither
        shown in this one's Settings nor used for its history, then undone by its OK (reviewer)."""
        now = time.monotonic()
        if now - self._checked < RELOAD_EVERY_S:
            return
        self._checked = now
        stamp = self._file_stamp()
        if stamp != self._stamp:
            self._q.sync()
            self._stamp = self._file_stamp()

    def reload(self) -> None:
        """Read the file again now if another window saved it (Settings is opening)."""
        self._checked = -RELOAD_EVERY_S
        self._fresh()

    def _get(self, key: str) -> Any:
        self._fresh()
        default = DEFAULTS[key]
        value = self._q.value(key, default)
        if isinstance(default, int):
            try:
                return int(str(value))
            except (TypeError, ValueError):
                return default
        return str(value) if value is not None else default

    def _set(self, key: str, value: Any) -> None:
        self._q.setValue(key, value)
        self.sync()
        self._stamp = self._file_stamp()

    @property
    def database_url(self) -> str:
        url = str(self._get("database/url"))
        if url.startswith("postgres") and _remember_password(url) != url:
            self.database_url = url  # an older settings file held the password: move it out
            return str(self._get("database/url"))
        return url

    @database_url.setter
    def database_url(self, value: str) -> None:
        """A server's password goes to Ketnoi's libpq password file, never into this file."""
        self._set("database/url", _remember_password(value.strip()))

    @property
    def staff_id(self) -> int | None:
        value = int(self._get("user/staff_id"))
        return value or None

    @staff_id.setter
    def staff_id(self, value: int | None) -> None:
        self._set("user/staff_id", int(value or 0))

    @property
    def staff_database(self) -> str:
        """The id (``database.uuid``) of the database :attr:`staff_id` was chosen on: a staff id
        names another person, or no one, in another database."""
        return str(self._get("user/staff_database"))

    @staff_database.setter
    def staff_database(self, value: str) -> None:
        self._set("user/staff_database", value)

    @property
    def date_format(self) -> str:
        value = str(self._get("display/date_format"))
        return value if value in DATE_FORMATS else "dmy"

    @date_format.setter
    def date_format(self, value: str) -> None:
        self._set("display/date_format", value if value in DATE_FORMATS else "dmy")

    @property
    def language(self) -> str:
        value = str(self._get("display/language"))
        return value if value in ("system", "en", "vi") else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._set("display/language", value if value in ("system", "en", "vi") else "system")

    @property
    def last_notice_day(self) -> str:
        return str(self._get("notify/last_day"))

    @last_notice_day.setter
    def last_notice_day(self, value: str) -> None:
        self._set("notify/last_day", value)

    @property
    def last_view(self) -> str:
        return str(self._get("display/last_view"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._set("display/last_view", value)

    @property
    def welcomed(self) -> bool:
        return bool(self._get("help/welcomed"))

    @welcomed.setter
    def welcomed(self, value: bool) -> None:
        self._set("help/welcomed", 1 if value else 0)

    @property
    def who_hint_shown(self) -> bool:
        return bool(self._get("help/who_hint"))

    @who_hint_shown.setter
    def who_hint_shown(self, value: bool) -> None:
        self._set("help/who_hint", 1 if value else 0)

    # --- display helpers ---------------------------------------------------------------------

    def fmt_date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return value.strftime(DATE_FORMATS[self.date_format][0])

    def fmt_datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        if value.tzinfo is not None:  # a stamp stored in UTC: read in the office's time (h108, h144)
            value = clock.local(value)
        return f"{self.fmt_date(value.date())} {value:%H:%M}"

    def py_date_format(self) -> str:
        """The chosen date format for strftime (sentences the services write with a date)."""
        return DATE_FORMATS[self.date_format][0]

    def qt_date_format(self) -> str:
        return DATE_FORMATS[self.date_format][1]

    # --- window state ------------------------------------------------------------------------

    def save_state(self, key: str, value: QByteArray | bytes) -> None:
        self._q.setValue(f"state/{key}", QByteArray(value))

    def load_state(self, key: str) -> QByteArray | None:
        value = self._q.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_widths(self, key: str, widths: list[int]) -> None:
        self._q.setValue(f"columns/{key}", ",".join(str(w) for w in widths))

    def load_widths(self, key: str) -> list[int]:
        raw = self._q.value(f"columns/{key}", "")
        try:
            return [int(w) for w in str(raw).split(",") if w]
        except ValueError:
            return []

    def sync(self) -> None:
        self._q.sync()
        make_private(Path(self._q.fileName()))  # it names the database, maybe a server's URL


def _remember_password(url: str) -> str:
    from db.engine import remember_password  # SQLAlchemy parses the URL: only for a server's

    return remember_password(url)
