"""Normalising and checking single values; each check returns the clean value or raises
:class:`FieldError` with a message meant for the person who typed it."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from app import dateranges, field_words, zones
from app.vntext import clean, fold

DEFAULT_REGION = "VN"


class FieldError(ValueError):
    """A value refused: ``code`` names the problem in :data:`app.field_words.WORDS` (its English
    is the message; :func:`app.field_words.say` gives it in Vietnamese), ``values`` fill it in."""

    def __init__(self, code: str, **values: Any) -> None:
        self.code, self.values = code, values
        super().__init__(field_words.english(code, **values))

    def __reduce__(self) -> tuple[Any, ...]:  # (an import's worker process sends it back pickled)
        return _field_error, (self.code, self.values)


def _field_error(code: str, values: dict[str, Any]) -> FieldError:
    return FieldError(code, **values)


def _email_reason(exc: EmailNotValidError) -> str:
    """The email library's reason (its own English) as one of our codes."""
    said = str(exc)
    for words, code in (
        ("must have an @-sign", "email_no_at"),
        ("at-sign", "email_no_at"),  # a full-width or "small commercial" at-sign instead of @
        ("something before the @-sign", "email_nothing_before_at"),
        ("something after the @-sign", "email_nothing_after_at"),
        ("too long", "email_too_long"),
        ("special-use or reserved", "email_reserved"),
        ("after the @-sign is not valid", "email_domain"),  # "… It should have a period."
        ("period", "email_dots"),
        ("hyphen", "email_dots"),
        ("character", "email_characters"),
        ("after the @-sign", "email_domain"),
    ):
        if words in said:
            return code
    return "email_invalid"


# A strict subset of the addresses email_validator accepts: plain ASCII, no quoting, no dot
# at either end of the local part or twice in a row, domain labels of letters, digits and
# inner hyphens, an alphabetic top-level domain. Anything else goes to the full validator.
_SIMPLE_EMAIL = re.compile(
    r"^(?=.{1,254}$)(?=[^@]{1,64}@)[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
)
_SPECIAL_USE = frozenset(SPECIAL_USE_DOMAIN_NAMES)


def email(value: Any) -> str:
    text = clean(value).strip("<>").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    if not text:
        raise FieldError("email_empty")
    if _SIMPLE_EMAIL.match(text) and not _SPECIAL_USE.intersection(text.rsplit("@", 1)[1].split(".")):
        return text  # 20x cheaper than the full check, for the addresses nearly everyone has
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise FieldError(_email_reason(exc), text=text) from None
    return str(result.normalized).lower()


def phone(value: Any, region: str = DEFAULT_REGION, *, unverified_ok: bool = False) -> str:
    """A phone number in E.164 (+84912345678); Vietnam is the default region.

    ``unverified_ok``: a number libphonenumber finds possible (the right length for its
    country) but not valid (a range its tables do not list yet, such as Vietnam's 099x) is
    accepted too, in E.164; :func:`phone_verified` tells the two apart later."""
    return _phone(value, region, unverified_ok)[0]


def phone_checked(value: Any, region: str = DEFAULT_REGION) -> tuple[str, bool]:
    """``phone(value, unverified_ok=True)`` and whether ``phone(value)`` accepts it too (the
    number is valid, not only possible): what a caller asking both learns from one reading
    of the text (the import's 099x numbers, kept unverified with a warning, were parsed six
    times each, against twice)."""
    return _phone(value, region, True)


def _phone(value: Any, region: str, unverified_ok: bool) -> tuple[str, bool]:
    """:func:`phone` and whether the number is valid (False: possible only, ``unverified_ok``).
    Each candidate text is parsed once; the possible-only pass looks at the same parses."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(value)
    if not text:
        raise FieldError("phone_empty")
    if region == "VN" and (fast := _vietnamese_valid(text)):
        return fast, True
    digits = re.sub(r"[^\d+]", "", text)
    candidates = [text]
    # "84912345678" typed without the plus, or an integer cell that lost its leading zero.
    if digits.isdigit() and digits.startswith("84") and len(digits) in (11, 12):
        candidates.append("+" + digits)
    if digits.isdigit() and len(digits) == 9 and not digits.startswith("0"):
        candidates.append("0" + digits)
    parsed: list[phonenumbers.PhoneNumber] = []
    for cand in candidates:
        try:
            num = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num):
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), True
        parsed.append(num)
    if unverified_ok:
        for num in parsed:
            if phonenumbers.is_possible_number(num) and phonenumbers.region_code_for_country_code(
                num.country_code or 0
            ) not in ("ZZ", None):
                return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), False
    raise FieldError("phone_invalid", text=text)


# A Vietnamese number written the usual ways ("0912 345 678", "+84 912-345-678", "(+84) 91.234.5678"):
# ASCII digits after a national "0" or "+84", separated only by spaces, dots, dashes and
# brackets (or "84" and nine or ten digits, the plus lost). For these, parse() finds exactly the digits after the prefix (no extension, no
# carrier code: Vietnam's national prefix is a bare "0"), so the number is built directly and
# checked against the same tables; parsing the text is two thirds of the cost of a check.
_VN_WRITTEN = re.compile(r"(?:\(?\+84\)?|0|84(?=[0-9]{9,10}$))[ .\-()]*([1-9][0-9 .\-()]{5,20})", re.ASCII)
_SEPARATORS = str.maketrans("", "", " .-()")


def _vietnamese_valid(text: str) -> str | None:
    """E.164 of a plainly written Vietnamese number that libphonenumber finds valid, else
    None (the caller then parses the text as before, with the same result for these)."""
    found = _VN_WRITTEN.fullmatch(text)
    if found is None:
        return None
    national = found.group(1)
    if not national.isdigit():
        national = national.translate(_SEPARATORS)
    if not national.isdigit() or len(national) > 12:
        return None
    if _vietnamese_national_valid(national):
        return "+84" + national
    return None


@lru_cache(maxsize=1)
def _vietnamese_patterns() -> tuple[
    tuple[re.Pattern[str], frozenset[int]], list[tuple[re.Pattern[str], frozenset[int]]]
]:
    """libphonenumber's own tables for Vietnam, compiled once: the general description and
    every number type's (its ``_number_type_helper`` matches them one by one through a cache
    of patterns that costs more than the matching)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region("VN")
    assert meta is not None and meta.general_desc is not None
    # Mobile and fixed-line first: nearly every number is one of them, and any type will do
    # (the others' patterns were tried in vain first: six full matches a number instead of two).
    kinds = ("mobile", "fixed_line", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
             "pager", "uan", "voicemail")  # fmt: skip
    descs = [getattr(meta, k) for k in kinds]

    def pair(desc: Any) -> tuple[re.Pattern[str], frozenset[int]]:
        return re.compile(desc.national_number_pattern), frozenset(desc.possible_length or ())

    return pair(meta.general_desc), [pair(d) for d in descs if d is not None and d.national_number_pattern]


_BY_LENGTH = 20  # national numbers shorter than this are checked by length (_vietnamese_valid: <= 12)


@lru_cache(maxsize=1)
def _vietnamese_by_length() -> dict[int, re.Pattern[str]]:
    """The same tables as one pattern for each length a national number can have: the general
    description (a look-ahead over the whole number) and every type possible at that length
    (one full match instead of two calls or more; a length not here is not valid)."""
    (general, lengths), types = _vietnamese_patterns()
    out: dict[int, re.Pattern[str]] = {}
    for size in range(_BY_LENGTH):
        if lengths and size not in lengths:
            continue
        chosen = [pattern.pattern for pattern, sizes in types if not sizes or size in sizes]
        if chosen:
            alternatives = "|".join(f"(?:{p})" for p in chosen)
            out[size] = re.compile(f"(?=(?:{general.pattern})\\Z)(?:{alternatives})")
    return out


def _vietnamese_national_valid(national: str) -> bool:
    """``phonenumbers.is_valid_number`` of +84 ``national`` (a test checks they agree)."""
    size = len(national)
    if size < _BY_LENGTH:
        pattern = _vietnamese_by_length().get(size)
        return pattern is not None and pattern.fullmatch(national) is not None
    (general, lengths), types = _vietnamese_patterns()
    if (lengths and size not in lengths) or not general.fullmatch(national):
        return False
    return any((not sizes or size in sizes) and pattern.fullmatch(national) for pattern, sizes in types)


_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def is_e164(text: str) -> bool:
    """Whether ``text`` is a number as Ketnoi stores it (+ and digits)."""
    return bool(_E164.match(text))


def phone_verified(e164: str) -> bool:
    """Whether a stored number is one libphonenumber knows (False: kept unverified)."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(e164, DEFAULT_REGION))
    except phonenumbers.NumberParseException:
        return False


def phone_country(e164: str) -> str:
    """The country of a stored number ("+4930…" → "DE"); "" when it names none."""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, DEFAULT_REGION))
    except phonenumbers.NumberParseException:
        return ""
    return region if region and region != "ZZ" else ""


def phone_display(e164: str) -> str:
    """Human-readable form: national format for Vietnam, international otherwise."""
    try:
        num = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(num) == DEFAULT_REGION:
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


STORED_PHONE = re.compile(r"\+[1-9]\d{6,14}")
"""A number as Ketnoi stores it (E.164) within a text."""


def phones_written(text: str) -> str:
    """Stored numbers in ``text`` ("+842438251234, +6561234567") as people write them
    (:func:`phone_display`: "024 3825 1234, +65 6123 4567"); the rest of the text as it is. For
    text built from stored values: an import preview's "Phones: … → …", in the window
    (ui.phones) and on the command line alike."""
    return STORED_PHONE.sub(lambda found: phone_display(found.group()), text) if "+" in text else text


def phone_search_tokens(e164: str) -> list[str]:
    """Digits as people type them: 84912345678 and 0912345678."""
    digits = e164.lstrip("+")
    tokens = [digits]
    if digits.startswith("84"):
        tokens.append("0" + digits[2:])
    return tokens


_DATE_FORMATS_DAY_FIRST = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y")
_DATE_FORMATS_ISO = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d")


def date(value: Any, *, day_first: bool = True, any_year: bool = False) -> dt.date:
    """A date from a date/datetime or text; text is read day-first (05/04/2025 = 5 April).
    A date outside the range Ketnoi keeps (:mod:`app.dateranges`: "31/12/9999", "01/01/0001")
    is refused (``date_out_of_range``), the text as typed in the message; ``any_year`` reads it
    all the same (a digest's period, which says its own limits)."""
    day = _date(value, day_first)
    if not any_year:
        _in_range(day, value)
    return day


def _in_range(day: dt.date, value: Any) -> None:
    refused = dateranges.out_of_range(day)
    if refused is not None:
        text = clean(value) if isinstance(value, str) else refused["value"]
        raise FieldError("date_out_of_range", text=text, first=refused["first"], last=refused["last"])


def _date(value: Any, day_first: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean(value)
    if not text:
        raise FieldError("date_empty")
    text = text.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text
    text = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "", text)
    formats = list(_DATE_FORMATS_ISO)
    if day_first:
        formats += _DATE_FORMATS_DAY_FIRST
    else:
        formats += [f.replace("%d/%m", "%m/%d").replace("%d-%m", "%m-%d") for f in _DATE_FORMATS_DAY_FIRST]
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    written = _written_date(text)
    if written is not None:
        return written
    raise FieldError("not_date", text=text)


# Dates written out, as letters and minutes write them: "ngày 5 tháng 3 năm 2026" (the form
# of Vietnamese official documents), "5 tháng 3, 2026", "March 8, 2026", "8 March 2026",
# "8-Mar-2026". Month names in English, read without the locale (strptime's %B is the locale's).
_MONTHS = {
    name: i
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_VI_WRITTEN = re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*(?:nam\s+)?(\d{4})")
_EN_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]{3,9})\.?[\s\-,]+(\d{4})")
_EN_MONTH_DAY = re.compile(r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})")


def _written_date(text: str) -> dt.date | None:
    """A date written out in Vietnamese or English words, or None."""
    folded = fold(text).strip(" .")
    try:
        if found := _VI_WRITTEN.fullmatch(folded):
            day, month, year = found.groups()
            return dt.date(int(year), int(month), int(day))
        if (found := _EN_DAY_MONTH.fullmatch(folded)) and found.group(2) in _MONTHS:
            return dt.date(int(found.group(3)), _MONTHS[found.group(2)], int(found.group(1)))
        if (found := _EN_MONTH_DAY.fullmatch(folded)) and found.group(1) in _MONTHS:
            return dt.date(int(found.group(3)), _MONTHS[found.group(1)], int(found.group(2)))
    except ValueError:  # "ngày 31 tháng 2 năm 2026"
        return None
    return None


def datetime_(value: Any) -> dt.datetime:
    """A meeting's time: the office's wall-clock time, without a zone, in the range of
    :func:`date` (a date alone: 09:00). A time typed with a zone ("21:00 +09:00", "21:00 JST",
    "21:00 Asia/Tokyo", "21:00 giờ Tokyo") is converted to the office's time
    (Asia/Ho_Chi_Minh), whatever the zone of the machine (:mod:`app.zones`)."""
    try:
        when = _datetime(value)
    except OverflowError:  # a time with a zone at the calendar's end, moved to the office's time
        first, last = dateranges.shown(dateranges.FIRST_DAY), dateranges.shown(dateranges.LAST_DAY)
        raise FieldError("date_out_of_range", text=clean(str(value)), first=first, last=last) from None
    _in_range(when.date(), value)
    return when


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return zones.to_office(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(9, 0))
    text = clean(value)
    try:
        zoned = zones.split(text)
    except zones.UnknownZone as exc:
        raise FieldError("unknown_zone", zone=exc.typed) from None
    if zoned is not None:
        return zones.to_office(_wall_clock(zoned.text), zoned.zone)
    return _wall_clock(text)


def _wall_clock(text: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return zones.to_office(parsed)  # an offset (ISO's "Z" too) not split off: the office's time
    m = re.match(r"^(.*?)\s+(\d{1,2}):(\d{2})$", text)
    if m:
        day = date(m.group(1))
        try:
            return dt.datetime.combine(day, dt.time(int(m.group(2)), int(m.group(3))))
        except ValueError:
            raise FieldError("not_time", text=f"{m.group(2)}:{m.group(3)}") from None
    return dt.datetime.combine(date(text), dt.time(9, 0))


def rating(value: Any) -> int | None:
    """Influence / interest: 1 (low) to 5 (high), or empty."""
    if value is None or value == "":
        return None
    try:
        number = int(float(value))
    except (TypeError, ValueError, OverflowError):
        raise FieldError("rating_not_number", value=value) from None
    if not 1 <= number <= 5 or float(value) != number:
        raise FieldError("rating_outside", value=value)
    return number


def country(value: Any) -> str:
    """A country's code from its code or its name in either language, as the forms' Country box
    reads it (:func:`app.countries.find`); "" when empty. Reviewer (code review): ``--country
    Germany`` was stored as "GE" (Georgia), and the contact's national numbers read as Georgian."""
    text = clean(value)
    return _country(text) if text else ""


@lru_cache(maxsize=512)
def _country(text: str) -> str:
    from app.countries import find

    found = find(text)
    if found is not None:
        return found.code
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()  # a code of its own, as an import keeps it (a record saved so stays editable)
    raise FieldError("not_country", value=text)


def choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    text = clean(value).lower().replace("-", "_").replace(" ", "_")
    if text not in allowed:
        raise FieldError("not_choice", value=value, what=what, allowed=", ".join(allowed))
    return text


def website(value: Any) -> str:
    text = clean(value)
    if text and " " in text:
        raise FieldError("not_web_address", text=text)
    if text and "://" not in text:
        text = "https://" + text
    return text
