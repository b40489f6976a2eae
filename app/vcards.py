"""Contacts to and from vCards (3.0, RFC 2426, and 4.0, RFC 6350), with ``vobject``.

    data = export_vcards(session, contact_ids=None, version="3.0")     # every live contact
    cards = parse_cards(text)        # the cards of a .vcf file as plain data (no database)

Export. One card per contact: FN (the full name, diacritics and all), N (family; given;
middle; honorific), ORG, TITLE (the position), every e-mail and phone in their order (the first
marked preferred), NOTE only when asked (notes are the office's own), UID
``contact-<id>@<database uuid>`` so that an address book importing the file again updates its
cards, REV the record's last change. A label becomes the vCard TYPE it names ("work", "công
việc" → WORK; "mobile", "di động" → CELL; "home", "nhà riêng" → HOME; "fax"); any other label,
and one worded otherwise than the TYPE's English word, also goes in an ``X-ABLabel`` (Apple's
and Google's custom label), so that it comes back exactly. vobject writes 3.0; for 4.0 the
same card is written with 4.0's forms (lower-case TYPE, ``PREF=1``, ``tel:`` URIs for numbers
in international form, no CHARSET).

Confidential contacts (reviewer h106). A card carries no reliable mark once it is in an address
book: vCard 4.0 (RFC 6350) has no CLASS at all, and a phone or Google Contacts keeps none, showing
and syncing the person like any other. So the whole office's export leaves them out, said with
how many (``confidential=True``, ``ketnoi export-vcard --confidential``, includes them); a
contact chosen by id (a list's selection, ``--contact``) is written, as asked, with vCard 3.0's
``CLASS:PRIVATE`` (RFC 2426; Outlook's "Private", the one sensitivity it acts on), and
:attr:`ExportedCards.confidential` counts them so that the command and the window say the file
holds them. Imported again (:mod:`app.importing.vcf`), such a card makes a confidential contact,
as a workbook's "Mật / Confidential" column does.

Import. :func:`parse_cards` reads every card of a file as phones and address books write them:
vCard 2.1 (old Android and Nokia exports: quoted-printable with soft line breaks, CHARSET=UTF-8,
bare ``TEL;CELL`` parameters), 3.0 and 4.0; PHOTO, LOGO, SOUND and KEY are dropped before
parsing (a phone's export is mostly photos). A card vobject cannot read comes back with its
``error`` set, the others are read. The import pipeline takes the cards as rows
(:mod:`app.importing.vcf`), so a .vcf file is previewed, matched, warned about (the card's
number as its row), committed as one batch and undone like a workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from app.calendars import LeftOut, database_uuid
from app.errors import UserError
from app.vntext import fold, join_name
from db.queries import chunked
from db.tables import CON, METHOD, ORG

VERSIONS = ("3.0", "4.0")
MAX_VCF_BYTES = 64 * 1024 * 1024
"""A phone's export of a few thousand contacts with photos is tens of megabytes; above this a
file is refused before it is read."""

# A label's folded words → the vCard TYPE it names; a TYPE → the label it becomes on import.
_TYPE_OF_LABEL = {
    "work": "WORK", "cong viec": "WORK", "co quan": "WORK", "van phong": "WORK", "office": "WORK",
    "home": "HOME", "nha": "HOME", "nha rieng": "HOME", "rieng": "HOME", "personal": "HOME",
    "ca nhan": "HOME", "mobile": "CELL", "cell": "CELL", "di dong": "CELL", "dtdd": "CELL",
    "fax": "FAX",
}  # fmt: skip
_LABEL_OF_TYPE = {"CELL": "mobile", "FAX": "fax", "WORK": "work", "HOME": "home"}
_DROPPED = ("PHOTO", "LOGO", "SOUND", "KEY")


@dataclass
class Card:
    number: int  # 1-based, in file order
    full_name: str = ""
    honorific: str = ""
    family_name: str = ""
    middle_name: str = ""
    given_name: str = ""
    organisation: str = ""
    position: str = ""
    emails: list[tuple[str, str]] = field(default_factory=list)  # (address, label)
    phones: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""
    private: bool = False  # CLASS:PRIVATE or CONFIDENTIAL (vCard 3.0): imported confidential
    error: str = ""  # why the card could not be read


# --- export -----------------------------------------------------------------------------------------


def type_of_label(label: str) -> str:
    return _TYPE_OF_LABEL.get(fold(label).strip(), "")


def _methods(session: Session, ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    out: dict[int, list[tuple[str, str, str]]] = {}
    for part in chunked(ids):
        rows = session.execute(
            select(METHOD.c.contact_id, METHOD.c.kind, METHOD.c.value, METHOD.c.label)
            .where(METHOD.c.contact_id.in_(part))
            .order_by(METHOD.c.contact_id, METHOD.c.kind, METHOD.c.position)
        ).all()
        for cid, kind, value, label in rows:
            out.setdefault(int(cid), []).append((str(kind), str(value), str(label or "")))
    return out


def live_contact_ids(session: Session, *, confidential: bool = True) -> list[int]:
    """Every live contact, in the list's order (``confidential=False``: but the confidential)."""
    stmt = select(CON.c.id).where(CON.c.deleted_at.is_(None))
    if not confidential:
        stmt = stmt.where(CON.c.confidential.is_(False))
    rows = session.execute(stmt.order_by(CON.c.sort_key, CON.c.id))
    return [int(i) for i in rows.scalars()]


@dataclass
class ExportedCards:
    data: bytes
    count: int
    skipped: list[LeftOut] = field(default_factory=list)
    confidential: int = 0  # confidential contacts written (chosen by id, or asked for)
    withheld: int = 0  # confidential contacts a whole export left out


def export_vcards(
    session: Session,
    contact_ids: Iterable[int] | None = None,
    *,
    version: str = "3.0",
    notes: bool = False,
    confidential: bool = False,
) -> ExportedCards:
    """The contacts as one .vcf file (UTF-8, CRLF): ``contact_ids``, else every live one but
    the confidential (``confidential``: them too; :attr:`ExportedCards.withheld` counts those
    left out). A confidential contact written is ``CLASS:PRIVATE`` in vCard 3.0."""
    if version not in VERSIONS:
        raise UserError(f"vCard version: 3.0 or 4.0, not {version!r}")
    withheld = 0
    if contact_ids is None:
        ids = live_contact_ids(session, confidential=confidential)
        if not confidential:
            withheld = int(
                session.execute(
                    select(func.count()).where(CON.c.deleted_at.is_(None), CON.c.confidential.is_(True))
                ).scalar_one()
            )
    else:
        ids = list(dict.fromkeys(contact_ids))
    db_uuid = database_uuid(session)
    methods = _methods(session, ids)
    rows: dict[int, Any] = {}
    for part in chunked(ids):
        for row in session.execute(
            select(CON, ORG.c.name.label("org_name"))
            .outerjoin(ORG, (ORG.c.id == CON.c.organisation_id) & ORG.c.deleted_at.is_(None))
            .where(CON.c.id.in_(part))
        ).all():
            rows[int(row.id)] = row
    out = ExportedCards(b"", 0, withheld=withheld)
    parts: list[str] = []
    for cid in ids:
        found = rows.get(cid)
        if found is None or found.deleted_at is not None:
            out.skipped.append(LeftOut("no_contact", cid))
            continue
        parts.append(_card(found, methods.get(cid, []), f"contact-{cid}@{db_uuid}", version, notes))
        out.count += 1
        out.confidential += bool(found.confidential)
    out.data = "".join(parts).encode("utf-8")
    return out


def _card(row: Any, methods: list[tuple[str, str, str]], uid: str, version: str, notes: bool) -> str:
    import vobject

    card = vobject.vCard()
    card.add("fn").value = row.full_name
    family, given, middle = row.family_name or "", row.given_name or "", row.middle_name or ""
    if not (family or given):
        family = row.full_name
    card.add("n").value = vobject.vcard.Name(
        family=family, given=given, additional=middle, prefix=row.honorific or ""
    )
    if row.org_name:
        card.add("org").value = [row.org_name]
    if row.position:
        card.add("title").value = row.position
    if notes and row.notes:
        card.add("note").value = row.notes
    card.add("uid").value = uid
    if getattr(row, "confidential", False) and version == "3.0":
        card.add("class").value = "PRIVATE"
    updated = row.updated_at
    if isinstance(updated, str):
        updated = dt.datetime.fromisoformat(updated)
    card.add("rev").value = updated.replace(tzinfo=None, microsecond=0).strftime("%Y%m%dT%H%M%SZ")
    item = 0
    first = {"email": True, "phone": True}
    for kind, value, label in methods:
        name = "email" if kind == "email" else "tel"
        prop = card.add(name)
        vtype = type_of_label(label)
        types: list[str] = [vtype] if vtype else []
        if kind == "email" and version == "3.0":
            types.append("INTERNET")
        if kind == "phone" and version == "4.0" and re.fullmatch(r"\+\d{6,15}", value):
            prop.value = f"tel:{value}"
            prop.params["VALUE"] = ["uri"]
        else:
            prop.value = value
        if first[kind]:
            first[kind] = False
            if version == "3.0":
                types.append("PREF")
            else:
                prop.params["PREF"] = ["1"]
        if types:
            prop.params["TYPE"] = [t.lower() for t in types] if version == "4.0" else types
        if label and label != _LABEL_OF_TYPE.get(vtype):
            item += 1
            prop.group = f"item{item}"
            ab = card.add("x-ablabel")
            ab.value = label
            ab.group = f"item{item}"
    text: str = card.serialize()
    if version == "4.0":
        text = text.replace("\r\nVERSION:3.0\r\n", "\r\nVERSION:4.0\r\n", 1)
    return text


# --- import -----------------------------------------------------------------------------------------

_MARK = re.compile(r"^(BEGIN|END):VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a mark), UTF-16 with a mark, else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _normalise(body: str) -> str:
    """One card's lines with vCard 2.1's quirks taken off: quoted-printable soft line breaks
    joined, bare parameters (``TEL;CELL``) written as TYPE=, binary properties dropped."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():
            continue
        head = line.split(":", 1)[0]
        name = head.split(";", 1)[0].split(".")[-1].upper()
        if line[:1] in " \t":
            if out:
                out.append(line)
            continue
        if name in _DROPPED:
            while i < len(lines) and (lines[i][:1] in " \t" or not lines[i].strip()):
                i += 1
            continue
        if "QUOTED-PRINTABLE" in head.upper() and line.endswith("="):
            pieces = [line[:-1]]
            while i < len(lines):
                nxt = lines[i]
                i += 1
                if not nxt.endswith("="):
                    pieces.append(nxt)
                    break
                pieces.append(nxt[:-1])
            line = "".join(pieces)  # joined once: a hostile run of soft breaks stays linear
        if ";" in head and ":" in line:
            params = head.split(";")
            fixed = [params[0]] + [p if "=" in p else _bare(p) for p in params[1:]]
            line = ";".join(fixed) + ":" + line.split(":", 1)[1]
        out.append(line)
    return "\n".join(out)


def _bare(param: str) -> str:
    upper = param.strip().upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
        return f"ENCODING={upper}"
    return f"TYPE={upper}"


def parse_cards(text: str) -> list[Card]:
    """Every card of a .vcf file's text, in order; an unreadable card has ``error`` set."""
    return list(iter_cards(text))


def iter_cards(text: str) -> Iterator[Card]:
    """:func:`parse_cards` one card at a time (a header search reads only the first ones)."""
    for n, body in enumerate(_bodies(text), start=1):
        yield _read_card(n, body)


def _bodies(text: str) -> Iterator[str]:
    """What lies between each BEGIN:VCARD and the END:VCARD after it, in one pass over the text
    (a lazy regular expression across lines would scan to the end for every unclosed BEGIN:
    quadratic on a hostile file). A BEGIN inside an unclosed card starts the card again."""
    start: int | None = None
    for mark in _MARK.finditer(text):
        if mark.group(1).upper() == "BEGIN":
            start = mark.end()
        elif start is not None:
            yield text[start : mark.start()]
            start = None


def _read_card(number: int, body: str) -> Card:
    import vobject

    card = Card(number)
    try:
        parsed = vobject.readOne(
            "BEGIN:VCARD\r\n" + _normalise(body) + "\r\nEND:VCARD\r\n", ignoreUnreadable=True
        )
        children = list(parsed.getChildren())
    except Exception as exc:  # vobject raises ParseError, ValueError, binascii.Error... on garbage
        card.error = str(exc)[:200] or type(exc).__name__
        return card
    labels: dict[str, str] = {}
    for child in children:
        if child.name == "X-ABLABEL" and child.group:
            labels[child.group.lower()] = _ab_label(_str(child.value))
    for child in children:
        try:
            _take(card, child, labels)
        except Exception:  # one odd property does not lose the card
            continue
    if not card.full_name:
        # In its owner's order: "Björn Schröder" of N:Schröder;Björn (reviewer h119: "Schröder
        # Björn"), "Nguyễn Văn An" of N:Nguyễn;An;Văn.
        card.full_name = join_name(card.family_name, card.middle_name, card.given_name)
    return card


def _str(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_str(v) for v in value if v)
    return str(value).strip() if value is not None else ""


def _ab_label(text: str) -> str:
    match = re.fullmatch(r"_\$!<(.*)>!\$_", text)
    return match.group(1).lower() if match else text


def _label(child: Any, labels: dict[str, str]) -> str:
    if child.group and child.group.lower() in labels:
        return labels[child.group.lower()]
    types = {t.upper() for v in child.params.get("TYPE", []) for t in str(v).split(",")}
    for t in ("CELL", "FAX", "WORK", "HOME"):
        if t in types:
            return _LABEL_OF_TYPE[t]
    return ""


def _take(card: Card, child: Any, labels: dict[str, str]) -> None:
    name = child.name
    if name == "FN":
        card.full_name = _str(child.value)
    elif name == "N":
        n = child.value
        card.family_name = _str(getattr(n, "family", ""))
        card.given_name = _str(getattr(n, "given", ""))
        card.middle_name = _str(getattr(n, "additional", ""))
        card.honorific = _str(getattr(n, "prefix", ""))
    elif name == "ORG":
        value = child.value
        card.organisation = _str(value[0] if isinstance(value, list) and value else value)
    elif name == "TITLE":
        card.position = _str(child.value)
    elif name == "NOTE":
        card.note = _str(child.value)
    elif name == "CLASS":
        card.private = _str(child.value).upper() in ("PRIVATE", "CONFIDENTIAL")
    elif name == "EMAIL":
        address = _str(child.value)
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if address:
            card.emails.append((address, _label(child, labels)))
    elif name == "TEL":
        number = _str(child.value)
        if number.lower().startswith("tel:"):
            number = number[4:]
        if number:
            card.phones.append((number, _label(child, labels)))


__all__ = [
    "MAX_VCF_BYTES",
    "VERSIONS",
    "Card",
    "ExportedCards",
    "decode",
    "export_vcards",
    "iter_cards",
    "live_contact_ids",
    "parse_cards",
    "type_of_label",
]
