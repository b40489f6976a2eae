"""Times typed with a zone: "21:00 +09:00", "21:00 JST", "21:00 Asia/Tokyo", "21:00 giờ Tokyo".

Ketnoi's diary keeps a meeting's time as the office's wall-clock time, without a zone: the
office is in Hanoi (:data:`OFFICE`, Asia/Ho_Chi_Minh, UTC+7 all year), and the calendar export
writes meetings in that zone. A time typed with a zone is a time abroad; it is turned into the
office's time, whatever the zone of the laptop it is typed on (reviewer h119, on a machine in
Etc/UTC: "2026-12-10 21:00+09:00" was kept as 12:00 — the laptop's UTC — and exported as
12:00 Hanoi time; 19:00 is right). Here the zone is found and the time converted; the CLI and
the window's date-time box say what the time became.

A zone is read from the end of the text, after the time, as people write it:

- an offset: "+09:00", "+0900", "+9", "UTC+9", "GMT-5", "UTC", "Z" (ISO's, after the time);
- an abbreviation: JST, KST, ICT, CET, CEST, EST, EDT, PST, PDT… (CST and IST, each of which
  names more than one zone, are refused rather than guessed);
- a zone's name: "Asia/Tokyo", "Europe/Berlin";
- a city ("Tokyo", "Berlin", "New York", "Hà Nội"), alone or as "giờ Tokyo", "Tokyo time",
  "(Tokyo)".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from app.vntext import fold
from db.clock import OFFICE_ZONE

OFFICE = OFFICE_ZONE
"""The office's zone: a meeting's time without a zone is wall-clock time here (the clock's own,
``db.clock.OFFICE_ZONE``: "now", "today" and every stamp shown are in it too)."""


def _fixed(hours: float) -> dt.tzinfo:
    return dt.timezone(dt.timedelta(hours=hours))


# Abbreviations that name one offset (the summer ones name the summer offset).
_ABBREVIATIONS: dict[str, dt.tzinfo] = {
    "utc": dt.UTC, "gmt": dt.UTC, "z": dt.UTC,
    "ict": _fixed(7), "wib": _fixed(7),
    "sgt": _fixed(8), "hkt": _fixed(8), "awst": _fixed(8), "pht": _fixed(8), "myt": _fixed(8),
    "jst": _fixed(9), "kst": _fixed(9),
    "aest": _fixed(10), "aedt": _fixed(11), "nzst": _fixed(12), "nzdt": _fixed(13),
    "wet": _fixed(0), "west": _fixed(1), "bst": _fixed(1),
    "cet": _fixed(1), "cest": _fixed(2), "met": _fixed(1), "mez": _fixed(1), "mesz": _fixed(2),
    "eet": _fixed(2), "eest": _fixed(3), "msk": _fixed(3),
    "est": _fixed(-5), "edt": _fixed(-4), "cdt": _fixed(-5),
    "mst": _fixed(-7), "mdt": _fixed(-6), "pst": _fixed(-8), "pdt": _fixed(-7),
}  # fmt: skip
_HALVES = {"am", "pm", "sa", "ch"}  # of the day, not zones
_AMBIGUOUS = {"cst", "ist", "ast", "amt", "gst", "sst"}

# Names people use that are not a zone's city.
_ALIASES = {
    "ha noi": "Asia/Ho_Chi_Minh", "hanoi": "Asia/Ho_Chi_Minh", "viet nam": "Asia/Ho_Chi_Minh",
    "vietnam": "Asia/Ho_Chi_Minh", "ho chi minh city": "Asia/Ho_Chi_Minh", "saigon": "Asia/Ho_Chi_Minh",
    "sai gon": "Asia/Ho_Chi_Minh", "tp hcm": "Asia/Ho_Chi_Minh", "tphcm": "Asia/Ho_Chi_Minh",
    "da nang": "Asia/Ho_Chi_Minh", "hanoi local": "Asia/Ho_Chi_Minh",
    "munich": "Europe/Berlin", "munchen": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "hamburg": "Europe/Berlin", "cologne": "Europe/Berlin", "koln": "Europe/Berlin",
    "erlangen": "Europe/Berlin", "duc": "Europe/Berlin", "germany": "Europe/Berlin",
    "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "nhat": "Asia/Tokyo", "nhat ban": "Asia/Tokyo",
    "japan": "Asia/Tokyo", "han quoc": "Asia/Seoul", "korea": "Asia/Seoul",
    "washington": "America/New_York", "washington dc": "America/New_York", "boston": "America/New_York",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles", "san jose": "America/Los_Angeles",
    "beijing": "Asia/Shanghai", "bac kinh": "Asia/Shanghai", "shenzhen": "Asia/Shanghai",
    "geneva": "Europe/Zurich", "canberra": "Australia/Sydney",
}  # fmt: skip

_OFFSET = re.compile(r"(?:utc|gmt)?\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?")
# A time's end ("21:00", "21:00:30", "9h", "14h30", "9g15", "2 pm"), then an offset written on to it.
_ATTACHED = re.compile(r"(.*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(z|[+\-−–]\d{2}(?::?\d{2})?)", re.IGNORECASE)
_TIME_END = re.compile(r"(?:\d{1,2}(?::\d{2}(?::\d{2})?|[hg]\d{0,2}p?)|\d{3,4}|\d{1,2}\s*(?:am|pm|sa|ch))$")
_MAYBE_ZONE = re.compile(r"[^\W\d_]|[+−–]|\s-|:\d\d-")  # a letter, a sign, an offset's "-"
_LEAD = ("theo gio ", "gio ", "local time in ", "time in ")
_TAIL = (" local time", " standard time", " time", " gio")


@dataclass(frozen=True)
class Zoned:
    """A text split into its date and time (``text``) and the zone typed after it."""

    text: str
    zone: dt.tzinfo
    typed: str  # the zone as typed ("JST", "giờ Tokyo", "+09:00")


class UnknownZone(ValueError):
    """Words after a time that look like a zone but name none (or more than one) zone."""

    def __init__(self, typed: str) -> None:
        self.typed = typed
        super().__init__(typed)


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """A zone's city, folded ("new york", "ho chi minh", "tokyo"), to the zone's name."""
    found: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" not in name or name.startswith(("Etc/", "SystemV/", "US/")):
            continue
        found.setdefault(fold(name.rsplit("/", 1)[1].replace("_", " ")), name)
    found.update(_ALIASES)
    return found


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def zone_named(typed: str) -> dt.tzinfo | None:
    """The zone ``typed`` names (see the module's note); None: not a zone."""
    words = fold(typed).strip(" ()[],.")
    if not words:
        return None
    for lead in _LEAD:
        words = words.removeprefix(lead)
    for tail in _TAIL:
        words = words.removesuffix(tail)
    words = words.strip()
    if found := _OFFSET.fullmatch(words):
        sign = -1 if found.group(1) != "+" else 1
        hours, minutes = int(found.group(2)), int(found.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return None
        return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
    if words in _ABBREVIATIONS:
        return _ABBREVIATIONS[words]
    name = _names().get(words.replace(" ", "_")) or _cities().get(words)
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # (a system without that zone's data)
        return None


def split(text: str) -> Zoned | None:
    """``text``'s date and time and the zone typed after the time; None: no zone typed.
    :class:`UnknownZone`: words after the time that name no zone ("21:00 CST", "21:00 Mars")."""
    text = " ".join(str(text).split())
    if not _MAYBE_ZONE.search(text):
        return None  # digits and separators only: no zone (the common case, an import's every cell)
    if found := _ATTACHED.fullmatch(text):
        zone = zone_named(found.group(2))
        if zone is not None:
            return Zoned(found.group(1), zone, found.group(2))
    words = text.split(" ")
    for count in range(min(5, len(words) - 1), 0, -1):
        head, tail = " ".join(words[:-count]), " ".join(words[-count:])
        if not _TIME_END.search(head.lower()):
            continue
        zone = zone_named(tail)
        if zone is not None:
            return Zoned(head, zone, tail)
    if len(words) > 1 and _TIME_END.search(" ".join(words[:-1]).lower()):
        tail = words[-1].strip("()")
        if (
            tail.isalpha() and fold(tail) not in _HALVES and (tail.isupper() or fold(tail) in _AMBIGUOUS)
        ):  # "21:00 CST", "21:00 XYZ"
            raise UnknownZone(words[-1])
    return None


def to_office(at: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """``at`` (aware; or naive wall-clock time in ``zone``) as the office's wall-clock time,
    without a zone: the way meetings are kept."""
    if at.tzinfo is None:
        if zone is None:
            return at
        at = at.replace(tzinfo=zone)
    return at.astimezone(OFFICE).replace(tzinfo=None)


def offset_text(zone: dt.tzinfo, at: dt.datetime) -> str:
    """``zone``'s offset at the naive wall-clock time ``at`` as people write it: "UTC+9",
    "UTC+5:30", "UTC−5", "UTC" (one form beside the office's "UTC+7" in one sentence; it was
    "UTC+09:00" there)."""
    offset = at.replace(tzinfo=zone).utcoffset() or dt.timedelta()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes > 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def office_offset_text() -> str:
    """The office's offset: "UTC+7"."""
    return offset_text(OFFICE, dt.datetime(2026, 1, 1))


def converted(typed: object) -> tuple[Zoned, dt.datetime] | None:
    """What a time typed with a zone became: the split text and the office's time; None: no
    zone typed (or the text is not a time: the save says what is wrong)."""
    from app.validation import FieldError, datetime_  # (validation reads its zones here)

    try:
        zoned = split(str(typed))
        if zoned is None:
            return None
        return zoned, datetime_(typed)
    except (UnknownZone, FieldError, ValueError):
        return None
