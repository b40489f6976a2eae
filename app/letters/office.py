"""Who writes the letters: the office's names, place, register symbol and usual signer, kept
in the shared ``setting`` table (a team's, not a laptop's), and who they are written to.

The addressee of a letter is found by a chain of sources (:data:`ADDRESSEE_SOURCES`): the
first that answers wins, then the letter's own "Kính gửi" text, its contact, its organisation.
Work on posts adds a source that answers with a post's current holder::

    from app.letters import office
    office.register_addressee_source(lambda session, letter: holder_of_post(...))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.vntext import clean, split_name
from db import models as m

SETTING_KEY = "letters.office"


@dataclass(frozen=True)
class OfficeProfile:
    parent_body: str = "BỘ TÀI CHÍNH"  # cơ quan chủ quản (upper line), "" if none
    name: str = "TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA"  # tên cơ quan ban hành
    short_name: str = "NIC"
    name_in_text: str = "Trung tâm Đổi mới sáng tạo Quốc gia"  # as written inside a sentence
    place: str = "Hà Nội"
    symbol: str = "NIC-HTQT"  # the register: office-unit
    unit_short: str = "HTQT"  # for "Lưu: VT, HTQT."
    signer_title: str = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    parent_body_en: str = "MINISTRY OF FINANCE"
    name_en: str = "NATIONAL INNOVATION CENTER"
    name_in_text_en: str = "National Innovation Center"
    place_en: str = "Ha Noi"
    signer_title_en: str = "FOR THE DIRECTOR\nDEPUTY DIRECTOR"
    # the office's shared mailbox (htqt@nic.gov.vn), "" if none: an exported calendar's
    # organiser when a meeting's owner has no e-mail (app.calendars)
    email: str = ""

    def for_lang(self, lang: str) -> OfficeProfile:
        """The profile with the English names in the Vietnamese fields' places for ``en``."""
        if lang != "en":
            return self
        return dataclasses.replace(
            self,
            parent_body=self.parent_body_en,
            name=self.name_en,
            name_in_text=self.name_in_text_en,
            place=self.place_en,
            signer_title=self.signer_title_en,
        )


FIELDS = tuple(f.name for f in dataclasses.fields(OfficeProfile))


def is_own(profile: OfficeProfile, organisation: Any) -> bool:
    """Whether ``organisation`` (a row with name, name_en, acronym) is the office itself: its
    name or English name is one of the profile's names, or its acronym the office's short name
    (compared without case or accents). Our own letters are never addressed to it."""
    from app.vntext import fold

    names = {
        fold(n)
        for n in (profile.name, profile.name_in_text, profile.name_en, profile.name_in_text_en)
        if n.strip()
    }
    if fold(organisation.name) in names or (organisation.name_en and fold(organisation.name_en) in names):
        return True
    short = fold(profile.short_name)
    return bool(short) and fold(organisation.acronym or "") == short


def load_profile(session: Session) -> OfficeProfile:
    row = session.execute(select(m.Setting.value).where(m.Setting.key == SETTING_KEY)).scalar_one_or_none()  # type: ignore[arg-type]
    values = row if isinstance(row, dict) else {}
    return OfficeProfile(**{k: str(x) for k, x in values.items() if k in FIELDS})


def save_profile(session: Session, changes: dict[str, Any]) -> OfficeProfile:
    """Change some fields of the profile (unknown names are a ValueError)."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown office fields: {', '.join(sorted(unknown))}; one of {', '.join(FIELDS)}")
    current = dataclasses.asdict(load_profile(session))
    current.update({k: "\n".join(clean(line) for line in str(x).splitlines()) for k, x in changes.items()})
    if current.get("email"):  # (a FieldError, a ValueError, for one that is no address)
        from app.validation import email

        current["email"] = email(current["email"])
    row = session.get(m.Setting, SETTING_KEY)
    if row is None:
        session.add(m.Setting(key=SETTING_KEY, value=current))
    else:
        row.value = current
    session.flush()
    return OfficeProfile(**current)


# --- the addressee ---------------------------------------------------------------------------

_TO_VI = {
    "Mr.": "Ông",
    "Mr": "Ông",
    "Mrs.": "Bà",
    "Mrs": "Bà",
    "Ms.": "Bà",
    "Ms": "Bà",
    "Dr.": "TS.",
    "Dr": "TS.",
    "Prof.": "GS.",
    "Prof. Dr.": "GS.TS.",
    "Assoc. Prof.": "PGS.",
    "Assoc. Prof. Dr.": "PGS.TS.",
}
_TO_EN = {
    "Ông": "Mr.",
    "Bà": "Ms.",
    "TS.": "Dr.",
    "GS.": "Prof.",
    "GS.TS.": "Prof. Dr.",
    "PGS.": "Assoc. Prof.",
    "PGS.TS.": "Assoc. Prof. Dr.",
    "ThS.": "",
}


@dataclass(frozen=True)
class Addressee:
    """Who a letter is written to, and how they are addressed."""

    name: str = ""  # "Nguyễn Văn An"
    honorific: str = ""  # "Ông", "Bà", "PGS.TS.", "Mr." — as stored on the contact
    title: str = ""  # the post: "Tổng Giám đốc"
    organisation: str = ""  # "Công ty Cổ phần Genetica"
    organisation_en: str = ""  # its English name, when on record (the English letter's)
    text: str = ""  # a "Kính gửi" written out by hand wins over everything above

    def form(self, lang: str = "vi") -> str:
        """The form of address: "Ông", "Bà", "PGS.TS." (vi); "Mr.", "Assoc. Prof. Dr." (en)."""
        h = self.honorific.strip()
        return _TO_EN.get(h, h) if lang == "en" else _TO_VI.get(h, h)

    def lines(self, lang: str = "vi") -> list[str]:
        """What follows "Kính gửi:" / "To:": one line, or the hand-written lines."""
        if self.text:
            return [line for line in (clean(x) for x in self.text.splitlines()) if line]
        person = " ".join(p for p in (self.form(lang), self.name) if p)
        if lang == "en":
            post = ", ".join(p for p in (self.title, self.org_name(lang)) if p)
        else:
            post = " ".join(p for p in (self.title, self.organisation) if p)
        if person and post:
            return [f"{person}, {post}" if lang == "en" else f"{person} - {post}"]
        return [person or post] if (person or post) else []

    def org_name(self, lang: str = "vi") -> str:
        return (self.organisation_en or self.organisation) if lang == "en" else self.organisation

    def salutation(self) -> str:
        """The English letter's greeting. With a form of address, a name written given name
        first is greeted by its family name, as English letters do ("Dear Ms. O'Brien,", "Dear
        Dr. van der Berg,"); any other by the full name ("Dear Assoc. Prof. Dr. Trần Thị Bích
        Ngọc,": the given name of a Vietnamese is no surname, and "Dear Mr. Nguyễn," is a family
        of millions). Without a form, the full name ("Dear Siobhan O'Brien,"); with no name,
        "Dear Sir or Madam,"."""
        if not self.name:
            return "Dear Sir or Madam,"
        form = self.form("en")
        family = split_name(self.name).family
        if form and family and self.name.endswith(" " + family) and not self.name.startswith(family):
            return f"Dear {form} {family},"
        return "Dear " + " ".join(p for p in (form, self.name) if p) + ","


AddresseeSource = Callable[[Session, dict[str, Any]], "Addressee | None"]
ADDRESSEE_SOURCES: list[AddresseeSource] = []
"""Tried in order with (session, the letter's values); the first non-None answer is used."""


def register_addressee_source(source: AddresseeSource, *, first: bool = True) -> None:
    if source not in ADDRESSEE_SOURCES:
        ADDRESSEE_SOURCES.insert(0 if first else len(ADDRESSEE_SOURCES), source)


def addressee_of(session: Session, letter: dict[str, Any]) -> Addressee:
    """The letter's addressee: a registered source (e.g. a post's current holder), else the
    letter's own "Kính gửi" text, else its contact (with the contact's post and organisation),
    else its organisation."""
    import app.posts  # noqa: F401  (registers the post's-holder source)

    for source in ADDRESSEE_SOURCES:
        found = source(session, letter)
        if found is not None:
            return found
    if letter.get("addressee"):
        return Addressee(text=str(letter["addressee"]))
    org = session.get(m.Organisation, letter["organisation_id"]) if letter.get("organisation_id") else None
    con = session.get(m.Contact, letter["contact_id"]) if letter.get("contact_id") else None
    if con is not None:
        if org is None and con.organisation_id:
            org = session.get(m.Organisation, con.organisation_id)
        return Addressee(
            name=con.full_name,
            honorific=con.honorific,
            title=con.position,
            organisation=org.name if org else "",
            organisation_en=org.name_en if org else "",
        )
    return Addressee(organisation=org.name if org else "", organisation_en=org.name_en if org else "")
