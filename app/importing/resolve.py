"""Finding records by what a spreadsheet calls them: organisations by name, acronym or alias
("NIC", "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)"), staff and contacts by name.

An index holds the database's live records (positive ids) and the records this import will
create (negative placeholder ids, replaced by real ids when the batch is written), so that
"VIN" on row 12 and "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)" on row 40 become one new
organisation, not two.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlmodel import Session, col, select

from app.importing.messages import IN_THE_TRASH
from app.importing.notation import split_email, split_start
from app.vntext import as_written, clean
from app.vntext import fold as _fold
from db import models as m

fold = lru_cache(maxsize=1 << 17)(_fold)
""":func:`app.vntext.fold`, remembered: an import folds the same organisation names again and again."""

# An acronym is letters and digits with & . - / + between them (NIC, KH&CN, VNU-HCM, R&D):
# "(Việt Nam)" or '("http://x")' at the end of a name are part of the name.
_NAME_ACRONYM = re.compile(r"^(?P<name>.+?)\s*[(\[](?P<acr>\w[\w&.\-/+]{0,29})[)\]]\s*$")


@lru_cache(maxsize=1 << 16)
def split_acronym(text: str) -> tuple[str, str]:
    """ "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)" → ("Trung tâm …", "NIC"); else (text, "")."""
    text = clean(text)
    match = _NAME_ACRONYM.match(text)
    if match and " " not in match.group("acr").strip():
        return clean(match.group("name")), clean(match.group("acr"))
    return text, ""


def org_label(name: str, acronym: str) -> str:
    """How the exporter writes a reference to an organisation, read back by :class:`OrgIndex`."""
    return f"{name} ({acronym})" if acronym and fold(acronym) != fold(name) else name


@dataclass
class PendingOrg:
    key: int
    name: str
    acronym: str = ""
    aliases: list[str] = field(default_factory=list)
    row: int | None = None  # the sheet row that defines it, when it comes from an organisations sheet


_UNKNOWN = object()


class OrgIndex:
    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        self.by_acronym: dict[str, int] = {}
        self.by_alias: dict[str, int] = {}
        self.labels: dict[int, str] = {}
        self.trashed: dict[int, str] = {}  # organisations in the trash: a record may point to one
        # organisations in the trash this import brings back when a row names one (registered
        # by :meth:`revive`, and no longer in ``trashed``)
        self.revivable: set[int] = set()
        self.revived_names: dict[int, tuple[str, str, list[str]]] = {}  # (a trash index: their names)
        self.pending: dict[int, PendingOrg] = {}
        self._next = -1
        # The user's corrections of the preview's folds (app.importing.folds): a mention sent to
        # another ("VIN" → "Viện Vật lý"), and mentions that stand alone, never tied to another.
        self._redirect: dict[str, str] = {}
        self._separate: dict[str, int | None] = {}
        self.mentions: dict[int, dict[str, str]] = {}  # key → folded mention → as written
        # What lookup() found for each text, until the index changes: matching looks up each
        # row's organisation four times, and a sheet cites a few hundred organisations. Also
        # what learn() and resolve() gave for a text in a call that changed nothing: the same
        # call on the same index gives the same answer and changes nothing again.
        self._found: dict[str, int | None] = {}
        self._learnt: dict[str, int | None] = {}
        self._resolved: dict[str, int | None] = {}
        self._version = 0  # counts the changes of the index

    @property
    def redirect(self) -> dict[str, str]:
        return self._redirect

    @redirect.setter
    def redirect(self, value: dict[str, str]) -> None:
        self._redirect = value
        self._changed()

    @property
    def separate(self) -> dict[str, int | None]:
        return self._separate

    @separate.setter
    def separate(self, value: dict[str, int | None]) -> None:
        self._separate = value
        self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._found.clear()
        self._learnt.clear()
        self._resolved.clear()

    @staticmethod
    def _remember(memo: dict[str, int | None], text: str, found: int | None) -> None:
        if len(memo) >= 100_000:
            memo.clear()
        memo[text] = found

    @classmethod
    def load(cls, session: Session) -> OrgIndex:
        index = cls()
        stmt = select(
            m.Organisation.id, m.Organisation.name, m.Organisation.acronym, m.Organisation.aliases
        ).where(col(m.Organisation.deleted_at).is_(None))
        for ident, name, acronym, aliases in session.exec(stmt):
            assert ident is not None
            index._register(ident, name, acronym, list(aliases or []))
        gone = select(m.Organisation.id, m.Organisation.name, m.Organisation.acronym).where(
            col(m.Organisation.deleted_at).is_not(None)
        )
        for ident, name, acronym in session.exec(gone):
            assert ident is not None
            index.trashed[ident] = org_label(name, acronym)
        return index

    def in_the_trash(self, session: Session) -> OrgIndex:
        """An index of the organisations in the trash that a row naming one may bring back: not
        one merged into another (it lives on there), nor one any of whose names (name, acronym,
        aliases, "Name (ACR)") a live organisation has (a row naming it is that one's, as the
        trash's own rule keeps a namesake from coming back beside a live one:
        :func:`app.trash_twins.namesake`); of two in the trash with one name, the one deleted
        last (an import's undo is recent). Built on this index of the live ones."""
        from app.trash_twins import merged_away  # (only when the trash is asked about)

        trash = OrgIndex()
        if not self.trashed:  # (read with the live ones: none in the trash, nothing more to ask)
            return trash
        merged = merged_away(session, "organisation")
        stmt = (
            select(m.Organisation.id, m.Organisation.name, m.Organisation.acronym, m.Organisation.aliases)
            .where(col(m.Organisation.deleted_at).is_not(None))
            .order_by(col(m.Organisation.deleted_at).desc(), col(m.Organisation.id).desc())
        )
        live = (self.by_name, self.by_acronym, self.by_alias)
        for ident, name, acronym, aliases in session.exec(stmt):
            assert ident is not None
            if ident in merged:
                continue
            names = [fold(x) for x in (name, acronym, org_label(name, acronym), *(aliases or [])) if x]
            if any(n in table for n in names for table in live) or fold(name) in trash.by_name:
                continue
            trash._register(ident, name, acronym, list(aliases or []))
            trash.revived_names[ident] = (name, acronym, list(aliases or []))
        return trash

    def revive(self, trash: OrgIndex, only: frozenset[int] | None = None) -> None:
        """Make the organisations of ``trash`` (:meth:`in_the_trash`) known as if live: a row
        naming one links to it (the import brings it back) instead of creating a second one;
        ``only``: those of them (what a preview showed coming back)."""
        for ident, (name, acronym, aliases) in trash.revived_names.items():
            if only is not None and ident not in only:
                continue
            self._register(ident, name, acronym, aliases)
            self.revivable.add(ident)
            self.trashed.pop(ident, None)

    def _register(self, ident: int, name: str, acronym: str, aliases: list[str]) -> None:
        self._changed()
        self.by_name.setdefault(fold(name), ident)
        if acronym:
            self.by_acronym.setdefault(fold(acronym), ident)
            # "Name (ACR)" as one name: an organisation saved as "Name" with the acronym ACR is
            # the one a sheet writes "Name (ACR)" in its name column, split or not
            self.by_name.setdefault(fold(org_label(name, acronym)), ident)
        for alias in aliases:
            self.by_alias.setdefault(fold(alias), ident)
        self.labels[ident] = org_label(name, acronym)

    def also_named(self, ident: int, name: str, acronym: str = "", aliases: Sequence[str] = ()) -> None:
        """``name`` (its acronym, aliases, "Name (ACR)") names the record ``ident`` too, within
        this import, after every name the records have themselves (an earlier organisations
        sheet matched its row to ``ident``: app.importing.matched)."""
        self._changed()
        for table, text in (
            (self.by_name, name),
            (self.by_acronym, acronym),
            *((self.by_alias, a) for a in aliases),
        ):
            if text and (folded := fold(text)):
                table.setdefault(folded, ident)
        if name and acronym:
            self.by_name.setdefault(fold(org_label(name, acronym)), ident)

    def lookup(self, text: str) -> int | None:
        """The organisation ``text`` names, or None."""
        found = self._found.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._lookup(text)
            self._remember(self._found, text, found)
        return found  # type: ignore[return-value]

    def _lookup(self, text: str) -> int | None:
        full = fold(text)
        if not full:
            return None
        if full in self.redirect:
            text = self.redirect[full]
            full = fold(text)
        if full in self.separate:
            return self.separate[full]
        name, acronym = split_acronym(text)
        fname, facr = fold(name), fold(acronym)
        for key, table in (
            (full, self.by_name),
            (fname, self.by_name),
            (facr, self.by_acronym),
            (full, self.by_acronym),
            (full, self.by_alias),
            (fname, self.by_alias),
            (facr, self.by_alias),
            (facr, self.by_name),
        ):
            if key and key in table:
                return table[key]
        return None

    def name_of(self, ident: int) -> str:
        """How the organisation with this id (or placeholder) is written: "Name (ACR)"; one in
        the trash "Name (ACR) (#6, in the trash)" (a contact still pointing to it: the row's
        "Organisation: #6 → FPT Corporation (FPT)" named it by number only); else "#id"."""
        pending = self.pending.get(ident)
        if pending is not None:
            return org_label(pending.name, pending.acronym)
        found = self.labels.get(ident)
        if found is not None:
            return found
        if ident in self.trashed:
            return f"{self.trashed[ident]} (#{ident}{IN_THE_TRASH})"
        return f"#{ident}"

    def add(
        self, name: str, acronym: str = "", aliases: list[str] | None = None, row: int | None = None
    ) -> int:
        """Register a new organisation this import will create; returns its placeholder id."""
        key = self._next
        self._next -= 1
        self.pending[key] = PendingOrg(key, name, acronym, list(aliases or []), row)
        self._register(key, name, acronym, list(aliases or []))
        return key

    def drop(self, keys: list[int]) -> None:
        """Forget new organisations (placeholders) this import will not create after all."""
        if not keys:
            return
        gone = set(keys)
        for table in (self.by_name, self.by_acronym, self.by_alias):
            for folded in [f for f, ident in table.items() if ident in gone]:
                del table[folded]
        for folded in [f for f, ident in self.separate.items() if ident in gone]:
            self.separate[folded] = None
        for key in gone:
            self.pending.pop(key, None)
            self.labels.pop(key, None)
            self.mentions.pop(key, None)
        self._changed()

    def learn(self, text: str) -> int | None:
        """Look ``text`` up; if it names a new organisation first seen by its acronym alone
        ("VIN"), and now says what the acronym stands for ("Mạng lưới … (VIN)"), keep the name."""
        found = self._learnt.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            version = self._version
            found = self._learn(text)
            if version == self._version:
                self._remember(self._learnt, text, found)
        return found  # type: ignore[return-value]

    def _learn(self, text: str) -> int | None:
        found = self.lookup(text)
        if fold(text) in self.separate or fold(text) in self.redirect:
            return found
        pending = self.pending.get(found) if found is not None else None
        name, acronym = split_acronym(text)
        if pending is not None:
            if acronym and fold(pending.name) == fold(acronym):
                pending.name, pending.acronym = name, acronym
                self._register(pending.key, name, acronym, [])
        elif (
            found is not None
            and acronym
            and (fold(name) not in self.by_name or fold(acronym) not in self.by_acronym)
        ):
            # A known organisation named here as "Full name (ACR)": within this import, the bare
            # full name and the bare acronym name it too (the record itself is not renamed).
            self._changed()
            self.by_name.setdefault(fold(name), found)
            self.by_acronym.setdefault(fold(acronym), found)
        return found

    def resolve(self, text: str) -> int | None:
        """The organisation ``text`` names, registering a new one when none is known."""
        found = self._resolved.get(text, _UNKNOWN)
        if found is _UNKNOWN:
            version = self._version
            found = self._resolve(text)
            if version == self._version:
                self._remember(self._resolved, text, found)
        return found  # type: ignore[return-value]

    def _resolve(self, text: str) -> int | None:
        found = self.learn(text)
        if found is None:
            target = self.redirect.get(fold(text), text)
            name, acronym = split_acronym(target)
            if not name:
                return None
            if fold(target) in self.separate:
                # Split off by the user: its own new organisation, which nothing else ties to.
                found = self._next
                self._next -= 1
                self.pending[found] = PendingOrg(found, name, acronym)
                self.labels[found] = org_label(name, acronym)
                self.separate[fold(target)] = found
                self._changed()
            else:
                found = self.add(name, acronym)
        if found < 0:
            self.mentions.setdefault(found, {}).setdefault(fold(text), clean(text))
        return found


def _start_key(title: str, day: dt.date, at: dt.time | None) -> str:
    return f"{title}|{day.isoformat()}" + (f" {at:%H:%M}" if at is not None else "")


class NameIndex:
    """Staff members, contacts or meetings by folded name (the first one wins on a tie)."""

    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.pending: dict[int, str] = {}
        self.emails: dict[int, str] = {}  # of the pending ones
        self.ambiguous: dict[str, int] = {}  # a name more than one record has: how many
        self.shared: set[int] = set()  # the records of those names
        self.by_email: dict[str, int] = {}  # and "email folded-name" (contacts)
        self.by_start: dict[str, int] = {}  # meetings: by title and start (and by title and day)
        self.name_first = False  # contacts: a name only one has before the email's other holder
        # contacts: by the name as written (accents kept), which tells apart two people whose
        # names fold alike ("Phạm Thị Thu Trang", "Pham Thi Thu Trang": reviewer h129), and
        # the names so written that more than one has
        self.by_written: dict[str, int] = {}  # (of the names folded alike, and the new ones)
        self.written_shared: set[str] = set()
        self.full_names: dict[int, str] = {}  # contacts: each record's name as written
        self._next = -1

    @classmethod
    def staff(cls, session: Session) -> NameIndex:
        """Live staff members by name, and by email ("Trần Minh Anh <anh@nic.gov.vn>", as the
        exporter writes them, is the member with that email whatever the name says); the
        oldest wins a tie."""
        index = cls()
        stmt = select(m.Staff.id, m.Staff.name, m.Staff.email).where(col(m.Staff.deleted_at).is_(None))
        for ident, name, email in session.exec(stmt.order_by(col(m.Staff.id))):
            assert ident is not None
            index.by_name.setdefault(fold(name), ident)
            index.names[ident] = name
            if email:
                index.by_email.setdefault(email.lower(), ident)
        return index

    @classmethod
    def contacts(cls, session: Session) -> NameIndex:
        """Live contacts by name; a name two or more people have is :attr:`ambiguous`. Every
        contact is found by its emails too ("Nguyễn Văn An <an@fpt.com>", as the exporter writes
        an attendee or the one responsible): the one of that email and name, else the one of
        that name alone when only one has it, else the email's (a person the database holds
        under another spelling, "TS. Nguyễn Văn An", or a new name)."""
        index = cls()
        index.name_first = True
        stmt = select(m.Contact.id, m.Contact.full_name).where(col(m.Contact.deleted_at).is_(None))
        stmt = stmt.order_by(col(m.Contact.id))  # the oldest wins a tie, as the matching's does
        folded: dict[int, str] = {}
        people = session.exec(stmt).all()
        for ident, name in people:
            assert ident is not None
            key = folded[ident] = fold(name)
            index.full_names[ident] = name
            first = index.by_name.setdefault(key, ident)
            if first != ident:
                index.ambiguous[key] = index.ambiguous.get(key, 1) + 1
                index.shared.add(ident)
                index.shared.add(first)
        if index.shared:  # (as written: only the names more than one has folded, :meth:`_written`)
            for ident, name in people:
                if ident in index.shared:
                    written = as_written(name)
                    if index.by_written.setdefault(written, ident) != ident:
                        index.written_shared.add(written)
        emails = select(m.ContactMethod.contact_id, m.ContactMethod.value).where(
            col(m.ContactMethod.kind) == "email"
        )
        for ident, email in session.exec(emails.order_by(col(m.ContactMethod.id))):
            if ident in folded:  # (a live contact's)
                key = email.lower()
                index.by_email.setdefault(key, ident)
                index.by_email.setdefault(f"{key} {folded[ident]}", ident)  # (of that email and name)
        return index

    @classmethod
    def meetings(cls, session: Session) -> NameIndex:
        """Live meetings by title, and by title and start ("Họp (20/11/2026 09:00)", as the
        exporter writes one whose title another meeting has too; or only its day)."""
        index = cls()
        stmt = select(m.Meeting.id, m.Meeting.title, m.Meeting.starts_at).where(
            col(m.Meeting.deleted_at).is_(None)
        )
        for ident, title, starts in session.exec(stmt.order_by(col(m.Meeting.id))):
            assert ident is not None
            key = fold(title)
            index.by_name.setdefault(key, ident)
            index.by_start.setdefault(_start_key(key, starts.date(), starts.time()), ident)
            index.by_start.setdefault(_start_key(key, starts.date(), None), ident)
        return index

    def _written(self, name: str) -> int | None:
        """The one record of ``name`` as written, when its folded name is more than one's."""
        if not self.by_written or fold(name) not in self.ambiguous:
            return None
        written = as_written(name)
        return None if written in self.written_shared else self.by_written.get(written)

    def written(self, name: str) -> int | None:
        """The first record (or new one) of ``name`` as written, accents kept (contacts)."""
        written = as_written(name)
        found = self.by_written.get(written)
        if found is None:
            found = self.by_name.get(fold(name))
            if found is not None and as_written(self.full_names.get(found, "")) != written:
                return None
        return found

    def lookup(self, text: str) -> int | None:
        found = self._written(text) if self.ambiguous else None
        if found is None:
            found = self.by_name.get(fold(text))
        if found is None and self.by_start:
            title, day, at = split_start(text)
            if day is not None:
                found = self.by_start.get(_start_key(fold(title), day, at))
            return found
        if found is None and "<" in text:
            name, email = split_email(text)
            key = fold(name)
            if email:  # the one of that email and name; else the name's, when only one has it
                found = self.by_email.get(f"{email.lower()} {key}")
                if found is None and self.ambiguous:
                    found = self._written(name)
                if found is None and self.name_first and key not in self.ambiguous:
                    found = self.by_name.get(key)
                if found is None:
                    found = self.by_email.get(email.lower())
            if found is None:
                found = self.by_name.get(key)
        return found

    def namesakes(self, text: str) -> int:
        """How many records have the name ``text`` gives, when more than one does and
        nothing else in ``text`` (an email) tells which is meant; else 0."""
        name, email = split_email(text) if "<" in text else (text, "")
        if email and email.lower() in self.by_email:
            return 0
        if self.ambiguous and self._written(name) is not None:
            return 0  # (one of them is written so: "Phạm Thị Thu Trang" beside "Pham Thi Thu Trang")
        return self.ambiguous.get(fold(name), 0)

    def name_of(self, ident: int) -> str:
        if ident in self.pending:
            return self.pending[ident]
        return self.names.get(ident, f"#{ident}")

    def resolve(self, text: str) -> int | None:
        """The record ``text`` names, registering a new one when none is known; "Name <email>"
        (how the exporter writes a staff member with an email) gives the new one its email."""
        found = self.lookup(text)
        if found is not None or not fold(text):
            return found
        name, email = split_email(text)
        return self.add(name, email)

    def drop(self, keys: list[int]) -> None:
        """Forget new records (placeholders) this import will not create after all."""
        gone = set(keys)
        for key in gone:
            self.pending.pop(key, None)
            self.emails.pop(key, None)
        for table in (self.by_name, self.by_email, self.by_written):
            for text in [t for t, ident in table.items() if ident in gone]:
                del table[text]

    def add(self, name: str, email: str = "") -> int:
        """A new record this import creates (a row of a staff sheet): its placeholder id."""
        key = self._next
        self._next -= 1
        self.pending[key] = clean(name)
        if email:
            self.emails[key] = email.lower()
            self.by_email[email.lower()] = key
        if self.name_first:  # (contacts)
            written = as_written(name)
            if self.by_written.setdefault(written, key) != key:
                self.written_shared.add(written)
            folded = fold(name)
            other = self.by_name.get(folded)
            if other is not None:  # another of that folded name: the two told apart as written
                self.ambiguous[folded] = self.ambiguous.get(folded, 1) + 1
                other_name = self.full_names.get(other) or self.pending.get(other)
                if other_name:
                    self.by_written.setdefault(as_written(other_name), other)
        self.by_name[fold(name)] = key
        return key
