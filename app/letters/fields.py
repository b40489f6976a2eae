"""What a letter accepts (the register's rules), and how its number and symbol are written.

Kept apart from :mod:`app.letters.register` so that :mod:`app.entities` can register
``prepare_letter`` without importing the services (which import it).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from app.letters.cli_words import refused
from app.vntext import clean, clean_multiline, fold
from db import models as m

if TYPE_CHECKING:
    from app.entities import Prepared

Values = dict[str, Any]

_SYMBOL = re.compile(r"^[0-9A-ZĐa-zđ][0-9A-ZĐa-zđ.&-]{0,58}$")
_REFERENCE = re.compile(r"^\s*(?:số\s*:?\s*)?(\d{1,6})\s*/\s*(\S.*?)\s*$", re.IGNORECASE)


def format_reference(number: int, symbol: str) -> str:
    """``5, "NIC-HTQT"`` → ``05/NIC-HTQT`` (Decree 30: a number under 10 takes a leading 0)."""
    return f"{number:02d}/{symbol}"


def split_reference(text: str) -> tuple[int | None, str]:
    """``"Số: 45/BKHCN-HTQT"`` → ``(45, "BKHCN-HTQT")``; text without a number → ``(None, text)``."""
    match = _REFERENCE.match(clean(text))
    if not match:
        return None, clean(text)
    return int(match.group(1)), match.group(2).strip()


def check_symbol(symbol: str) -> str:
    symbol = clean(symbol).upper()
    if not _SYMBOL.match(symbol):
        raise refused(
            f"the office symbol {symbol!r} is not one: letters, digits and '-' (e.g. NIC-HTQT), no '/'",
            f"{symbol!r} không phải là ký hiệu của cơ quan: chỉ gồm chữ, số và dấu '-' (ví dụ NIC-HTQT), "
            "không có '/'",
        )
    return symbol


def letter_search_text(c: Values) -> str:
    parts = (c.get("reference"), c.get("subject"), c.get("addressee"), c.get("signer_name"), c.get("notes"))
    return fold(" ".join(p for p in parts if p))


def _post_ref(session: Session | None, raw: Any) -> int | None:
    """A letter addressed to a post (app.posts): its id, checked when a session is given."""
    from app import validation as v

    if raw in (None, "", 0):
        return None
    try:
        post_id = int(raw)
    except (TypeError, ValueError):
        raise v.FieldError("not_post_id", value=repr(raw)) from None
    if session is not None:
        row = session.get(m.Post, post_id)
        if row is None or row.deleted_at is not None:
            raise v.FieldError("no_such_post", ident=post_id)
    return post_id


def prepare_letter(session: Session | None, data: Values, current_id: int | None = None) -> Prepared:
    """Validate a letter (the register's rules; :func:`app.records.create` calls it)."""
    from app import validation as v
    from app.entities import Prepared, _check_lengths, _Errors, _flag, _opt_text, _ref

    errs = _Errors("letter")
    subject = _opt_text(data.get("subject"))
    if not subject:
        errs.add("subject", "say what the letter is about (trích yếu)")
    direction = errs.check(
        "direction",
        lambda: v.choice(data.get("direction") or "outgoing", m.LETTER_DIRECTIONS, "direction"),
        "outgoing",
    )
    default_status = "draft" if direction == "outgoing" else "received"
    status = errs.check(
        "status",
        lambda: v.choice(data.get("status") or default_status, m.LETTER_STATUSES, "status"),
        default_status,
    )
    if direction == "outgoing" and status == "received":
        errs.add("status", "an outgoing letter is not received")
    if direction == "incoming" and status in ("draft", "signed"):
        errs.add("status", "an incoming letter is received or replied")

    def day(field: str) -> dt.date | None:
        raw = data.get(field)
        return errs.check(field, lambda: v.date(raw)) if raw not in (None, "") else None

    symbol = _opt_text(data.get("symbol"))
    number = data.get("number")
    if number in ("", 0):
        number = None
    if number is not None:
        try:
            number = int(number)
            if not 0 < number < 1_000_000:
                raise ValueError
        except (TypeError, ValueError, OverflowError):
            errs.add("number", "a letter number is a whole number from 1")
            number = None
    letter_date = day("letter_date")
    year = data.get("year") or (letter_date.year if letter_date and number is not None else None)
    reference = _opt_text(data.get("reference"))
    if number is not None and symbol and not reference:
        reference = format_reference(number, symbol)
    if direction == "outgoing" and status != "draft" and number is None:
        errs.add("number", "a signed letter has its number from the register (sign it)")
    c: Values = {
        "direction": direction,
        "number": number,
        "symbol": symbol,
        "year": year,
        "reference": reference,
        "letter_date": letter_date,
        "template": errs.check(
            "template",
            lambda: v.choice(data.get("template") or "other", m.LETTER_TEMPLATES, "template"),
            "other",
        ),
        "subject": subject,
        "subject_en": _opt_text(data.get("subject_en")),
        "organisation_id": _ref(errs, session, data, "organisation_id", m.Organisation, "organisation"),
        "contact_id": _ref(errs, session, data, "contact_id", m.Contact, "contact"),
        "addressee": clean_multiline(data.get("addressee")),
        "signer_title": clean_multiline(data.get("signer_title")),
        "signer_name": _opt_text(data.get("signer_name")),
        "body": clean_multiline(data.get("body")),
        "recipients_copy": clean_multiline(data.get("recipients_copy")),
        "action_id": _ref(errs, session, data, "action_id", m.Action, "action"),
        "meeting_id": _ref(errs, session, data, "meeting_id", m.Meeting, "meeting"),
        "reply_to_id": _ref(errs, session, data, "reply_to_id", m.Letter, "letter"),
        "post_id": errs.check("post_id", lambda: _post_ref(session, data.get("post_id"))),
        "status": status,
        "reply_due": day("reply_due"),
        "owner_id": _ref(errs, session, data, "owner_id", m.Staff, "staff member"),
        "notes": clean_multiline(data.get("notes")),
        "confidential": _flag(errs, "confidential", data.get("confidential")),
    }
    if session is not None and not c["confidential"]:
        from app.letters.secrecy import source_secret

        # drafted from a confidential meeting or action: confidential as it is (db/team.py)
        c["confidential"] = bool(source_secret(session, c))
    if current_id is not None and c["reply_to_id"] == current_id:
        errs.add("reply_to_id", "a letter cannot answer itself")
    _check_lengths(errs, m.Letter, c)
    errs.raise_if_any()
    c["search_text"] = letter_search_text(c)
    return Prepared(c, {})
