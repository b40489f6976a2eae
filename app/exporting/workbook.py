"""Excel export: every record kind on its own sheet, in the layout the importer reads, and
our staff on a sheet "Cán bộ (Staff)" (name, email, whether they still work here).

Each sheet's header row is the importer's own header for each field (Vietnamese / English,
:mod:`app.importing.fields`), references are written as the names the importer resolves
("Trung tâm Đổi mới sáng tạo Quốc gia (NIC)", a staff member's name), lists joined with
"; ", dates as date cells shown dd/mm/yyyy (and hh:mm), and every coded value (a kind, a status,
an action's direction, a priority, an attendee's role, whether a staff member still works here,
an email's or phone's label: "(cơ quan)", "(di động)")
as the word the window shows, in the user's language (:mod:`app.value_labels`), which the importer
reads back as the code. So exporting and importing the file into an empty database gives
the same records. The workbook is written in openpyxl's write-only mode, reading the
database in chunks, so memory stays flat for 100k rows. Formula-like text stays text
(:mod:`app.exporting.cells`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from copy import copy
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import true
from sqlmodel import Session, col, func, select

from app import dateranges, listcells, lists, value_labels
from app.exporting.cells import text_cell
from app.importing import store
from app.importing.errors import ImportCancelled
from app.importing.fields import FIELDS, KINDS, LABELS, FieldSpec
from app.importing.matching import MODELS
from app.importing.notation import with_email, with_label, with_role, with_start
from app.importing.resolve import org_label
from app.lists import ListQuery
from app.vntext import fold
from app.written import check_folder, not_written, write_whole
from db import models as m
from db.queries import chunked, cited_contacts, first_emails, staff_people
from db.tables import STAFF

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
WRAP = Alignment(wrap_text=True, vertical="top")
"""Text wraps in its column's width (a long name, notes, a list of attendees reads whole, not cut
at the next cell), and each row's cells start at the top."""
TOP = Alignment(vertical="top")
WIDTHS = {
    "name": 40, "full_name": 28, "title": 45, "notes": 40, "agenda": 40, "minutes": 40, "decisions": 40,
    "organisation": 36, "organisations": 36, "attendees": 36, "emails": 32, "phones": 20, "position": 24,
    "address": 30, "website": 28, "parent": 32, "responsible": 30, "counterpart": 30, "meeting": 32, "aliases": 24, "sectors": 24,
    "owner": 30, "staff": 30, "kind": 22, "direction": 17, "status": 17, "starts_at": 18, "ends_at": 18, "email": 30,
}  # fmt: skip
READ_CHUNK = 1000
SHEETS: tuple[str, ...] = (*(k for k in KINDS if k != "staff"), "staff")
"""The sheets of the workbook, in its order: the record kinds, then our staff (every live
staff member, those no record names too; the importer reads that sheet first)."""


SECRET_HEADER = "MẬT — KHÔNG PHỔ BIẾN / CONFIDENTIAL — DO NOT CIRCULATE"
"""The printed header of a sheet that holds confidential rows (both languages: the workbook's
headers are bilingual too)."""


def exported_fields(kind: str) -> list[FieldSpec]:
    return [f for f in FIELDS[kind] if f.exported]


def _sheet(wb: Workbook, kind: str, extra: tuple[str, ...] = ()) -> WriteOnlyWorksheet:
    """A kind's sheet with its header row; ``extra``: headers of columns after the fields'
    (written by the exporter, not imported back)."""
    ws = wb.create_sheet(LABELS[kind])
    specs = exported_fields(kind)
    for i, f in enumerate(specs, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(WIDTHS.get(f.name, 16), len(f.header) * 0.9)
    for i, _h in enumerate(extra, start=len(specs) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 40
    ws.freeze_panes = "A2"
    header = []
    for text in [f.header for f in specs] + list(extra):
        cell = text_cell(ws, text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header.append(cell)
    ws.append(header)
    return ws


class _Names:
    """Names the importer resolves, for every id a record can point to."""

    def __init__(self, session: Session) -> None:
        self.orgs = {
            i: org_label(n, a)
            for i, n, a in session.exec(
                select(m.Organisation.id, m.Organisation.name, m.Organisation.acronym)
            )
            if i is not None
        }
        # "Name <email>": the importer gives a staff member it creates the email back. Only people,
        # as on the Staff sheet: a team database's owner login ("ketnoi_owner", a technical
        # account) as an owner, the one responsible or a meeting's staff is left blank, else a
        # re-import made it a staff member again.
        self.staff = {
            i: with_email(n, e)
            for i, n, e in session.exec(
                select(m.Staff.id, m.Staff.name, m.Staff.email).where(staff_people(session, STAFF))
            )
            if i is not None
        }
        self.contacts = {
            i: n for i, n in session.exec(select(m.Contact.id, m.Contact.full_name)) if i is not None
        }
        # A contact a meeting or an action names (an attendee, the one responsible) as "Name
        # <email>", which the importer finds by the email: imported into a database that has the
        # person under another spelling ("TS. Nguyễn Văn An", a married name) the seat was lost,
        # and two people of one name both came back as the first of them.
        for i, email in first_emails(session, cited_contacts(session)).items():
            if i in self.contacts:
                self.contacts[i] = with_email(self.contacts[i], email)
        # A meeting an action came from, by its title; one of a title another meeting has too
        # as "Title (dd/mm/yyyy hh:mm)", which the importer reads back (by the title alone the
        # action came back to the first of them).
        meetings = [
            (i, t, s)
            for i, t, s in session.exec(select(m.Meeting.id, m.Meeting.title, m.Meeting.starts_at))
            if i is not None
        ]
        titles = Counter(fold(t) for _i, t, _s in meetings)
        self.meetings = {i: with_start(t, s) if titles[fold(t)] > 1 else t for i, t, s in meetings}


def _value(kind: str, name: str, rec: Any, rels: dict[str, Any], names: _Names, lang: str = "en") -> Any:
    if name == "organisation":
        return names.orgs.get(rec.organisation_id)
    if name == "parent":
        return names.orgs.get(rec.parent_id)
    if name == "owner":
        return names.staff.get(rec.owner_id)
    # Ours and theirs, each in its column: in one cell (ours, else theirs) the other side's
    # person was lost on an export and import (reviewer).
    if name == "responsible":
        return names.staff.get(rec.responsible_staff_id)
    if name == "counterpart":
        return names.contacts.get(rec.responsible_contact_id)
    if name == "meeting":
        return names.meetings.get(rec.meeting_id)
    # Lists of references in the order of their text: the same whatever ids the records have.
    if name == "organisations":
        return listcells.join(
            sorted(names.orgs[i] for i in rels.get("organisation_ids", []) if i in names.orgs)
        )
    if name == "attendees":
        roles = rels.get("roles", {})
        return listcells.join(
            sorted(
                with_role(names.contacts[i], value_labels.label("meeting", "role", roles.get(i, ""), lang))
                for i in rels.get("attendees", [])
                if i in names.contacts
            )
        )
    if name == "staff":
        return listcells.join(sorted(names.staff[i] for i in rels.get("staff_ids", []) if i in names.staff))
    if name in ("emails", "phones"):
        labels = rels.get("labels", {})
        # a label's code in the export's words ("work" → "cơ quan"), read back as the code
        items = [
            with_label(x, value_labels.contact_label(labels.get(x, ""), lang)) for x in rels.get(name, [])
        ]
        if name == "emails" and any(" " in i for i in items):
            # the importer splits emails at spaces too: a labelled one stays whole in quotes
            return "; ".join('"' + i.replace('"', '""') + '"' if " " in i else i for i in items)
        return listcells.join(items)
    if name in ("tags", "sectors"):
        return listcells.join(rels.get(name, []))
    return _plain(kind, name, rec, lang)


def _plain(kind: str, name: str, rec: Any, lang: str) -> Any:
    """A field of the record itself, in the export's words."""
    if name == "aliases":
        return listcells.join(rec.aliases or [])
    if name == "confidential":  # "Yes" / "Có", else blank: read back as the flag (app.importing.cleaning)
        return value_labels.label_of(value_labels.ACTIVE, True, lang) if rec.confidential else None
    if name == "country":  # its name in the export's language ("Việt Nam"), never the code
        return value_labels.country_name(rec.country, lang) or None
    value = getattr(rec, name)
    # a code as the window's word ("we_owe" → "We owe" / "Bên ta cần làm"), read back as the code
    return None if value == "" else value_labels.label(kind, name, value, lang)


def _people(session: Session, kind: str) -> Any:
    """Which rows of ``kind`` are exported: on the Staff sheet people, not a team database's
    owner login (a technical account: re-imported it became a staff member "ketnoi_owner")."""
    return staff_people(session, STAFF) if kind == "staff" else true()


def _live_ids(session: Session, kind: str) -> list[int]:
    """Every live record of ``kind`` (people, on the Staff sheet), in the full export's order."""
    model = MODELS[kind]
    order = {
        "organisation": "sort_key",
        "contact": "sort_key",
        "meeting": "starts_at",
        "action": "id",
        "staff": "id",
    }[kind]
    stmt = (
        select(model.id)
        .where(col(model.deleted_at).is_(None), _people(session, kind))
        .order_by(getattr(model, order), col(model.id))
    )
    return [i for i in session.exec(stmt) if i is not None]


def _records(session: Session, kind: str, ids: list[int]) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The records ``ids`` of ``kind`` and their relations, in the order of ``ids``, read in
    chunks (those gone since the ids were read are left out)."""
    model = MODELS[kind]
    for part in chunked(ids, READ_CHUNK):
        records = {r.id: r for r in session.exec(select(model).where(col(model.id).in_(part)))}
        relations = store.current(session, kind, part)
        for ident in part:
            if ident in records:
                yield records[ident], relations[ident]
        session.expunge_all()


class _Looks:
    """The data cells' few styles — text wrapped, other values at the top, dates shown
    dd/mm/yyyy (hh:mm) — each registered in the workbook once: a cell copies one (as openpyxl's
    own sheet copy does), where setting its alignment and number format cell by cell took a
    fifth of the export's time."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        def made(number_format: str | None = None, alignment: Alignment = TOP) -> StyleArray:
            cell = WriteOnlyCell(ws)
            cell.alignment = alignment
            if number_format is not None:
                cell.number_format = number_format
            return cell._style

        self.text, self.other = made(alignment=WRAP), made()
        self.date, self.datetime = made(DATE_FORMAT), made(DATETIME_FORMAT)

    def of(self, value: Any) -> StyleArray:
        if isinstance(value, str):
            return self.text
        if isinstance(value, dt.datetime):  # a real date cell, shown as the window writes it
            return self.datetime
        return self.date if isinstance(value, dt.date) else self.other


def _date_as_text(value: Any) -> Any:
    """A date Excel cannot hold (one stored before :mod:`app.dateranges`: 15/03/1890) as the
    text "15/03/1890", which an import keeps in the notes as written, with a warning that it is
    out of range (reviewer h118: it was written as the number -3577, read back as "00:00:00" and
    the date lost); any other value as it is."""
    if not isinstance(value, dt.date):
        return value
    day = value.date() if isinstance(value, dt.datetime) else value
    if day >= dateranges.FIRST_DAY:  # (the first day an Excel date cell holds as itself)
        return value
    text = dateranges.shown(day)
    if isinstance(value, dt.datetime) and (value.hour or value.minute):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def _cells(ws: WriteOnlyWorksheet, values: list[Any], looks: _Looks) -> list[Any]:
    out = []
    for stored in values:
        value = _date_as_text(stored)
        cell = text_cell(ws, value)
        if value is not None:
            quoted = cell.quotePrefix  # (formula-like text: text_cell's flag, kept)
            cell._style = copy(looks.of(value))
            if quoted:
                cell.quotePrefix = True
        out.append(cell)
    return out


def export_workbook(
    path: Path,
    *,
    session: Session,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    confidential: dict[str, int] | None = None,
) -> dict[str, int]:
    """Write every live record to ``path`` (.xlsx), coded values in ``lang``'s words ("en" or
    "vi"); returns how many rows per kind. ``confidential``, when given, is filled with how many
    of them are confidential, per kind (those the login may see: a manager's export holds
    colleagues' confidential records), and each sheet holding any says so in its printed header,
    so that the command and the window can say so too (reviewer)."""
    total = 0
    for kind in SHEETS:
        model = MODELS[kind]
        total += session.exec(
            select(func.count())
            .select_from(model)
            .where(col(model.deleted_at).is_(None), _people(session, kind))
        ).one()
    sheets: list[tuple[str, Callable[[], list[int]]]] = [
        (kind, partial(_live_ids, session, kind)) for kind in SHEETS
    ]
    return _write(path, sheets, total, session, lang, progress, cancel, confidential)


def export_list(
    path: Path,
    query: ListQuery,
    *,
    session: Session,
    lang: str = "en",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    confidential: dict[str, int] | None = None,
    limit: int | None = None,
) -> int:
    """Write the records a list holds — ``query``'s result (:func:`app.lists.ids`, the query the
    window's list and ``ketnoi … list`` run: its filters, its order; the first ``limit`` of them
    when given) — to ``path`` (.xlsx) as one sheet in the full export's layout for that kind, so
    that the sheet imports back; returns how many rows. ``lang`` and ``confidential`` as for
    :func:`export_workbook` (the rows are those the login's list shows: a confidential record
    it may not see is not in them)."""
    ids = lists.ids(session, query, limit=limit)
    counts = _write(
        path, [(query.entity, lambda: ids)], len(ids), session, lang, progress, cancel, confidential
    )
    return counts[query.entity]


BECAME_HEADER = "Nay là / Now part of (không nhập lại / not imported)"
"""The organisations sheet's last column when an organisation on it was merged, renamed or split:
what it became and from when, as the list shows it greyed with "→ successor" (reviewer: merged
ministries came out as plain rows, nothing to say they no longer exist as such). The importer
has no field of that name: the column is read as "not imported"."""


def _became(session: Session, ids: list[int], lang: str) -> dict[int, str]:
    """What each organisation of ``ids`` that was succeeded became, in the history's words
    ("merged into Bộ Tài chính on 01/03/2025")."""
    from app import reorg
    from app.history_events import CEASED, ceased

    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        for org_id, links in reorg.became_of(session, ids[start : start + 500]).items():
            parts = []
            for how in CEASED:
                of_kind = [link for link in links if link.kind == how]
                if of_kind:
                    parts.append(ceased(how, [link.name for link in of_kind], of_kind[0].effective_on, lang))
            out[org_id] = "; ".join(parts)
    return out


def _write(
    path: Path,
    sheets: list[tuple[str, Callable[[], list[int]]]],
    total: int,
    session: Session,
    lang: str,
    progress: Progress | None,
    cancel: Cancel | None,
    confidential: dict[str, int] | None,
) -> dict[str, int]:
    """A sheet per (kind, its ids in order) to ``path``, through ``path.part``; rows per kind."""
    names = _Names(session)
    path = Path(path)
    check_folder(path)  # a typo names a folder that is not there: not made
    tmp = path.with_name(path.name + ".part")
    if path.is_file() or not path.exists():  # (/dev/null, a pipe: written into, no .part beside)
        try:
            tmp.open("wb").close()  # a folder that cannot be written: said now, before the long part
        except OSError as exc:
            raise not_written(exc, path) from None
    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}
    done = 0
    try:
        try:
            for kind, ids_of in sheets:
                ids = ids_of()
                became = _became(session, ids, lang) if kind == "organisation" else {}
                ws = _sheet(wb, kind, extra=(BECAME_HEADER,) if became else ())
                specs = exported_fields(kind)
                looks = _Looks(ws)
                n = secret = 0
                for rec, rels in _records(session, kind, ids):
                    secret += bool(getattr(rec, "confidential", False))
                    values = [_value(kind, f.name, rec, rels, names, lang) for f in specs]
                    if became:
                        values.append(became.get(rec.id))
                    ws.append(_cells(ws, values, looks))
                    n += 1
                    done += 1
                    if done % READ_CHUNK == 0:
                        if cancel is not None and cancel():
                            raise ImportCancelled()
                        if progress is not None:
                            progress(done, total)
                ws.auto_filter.ref = f"A1:{get_column_letter(len(specs) + bool(became))}{n + 1}"
                counts[kind] = n
                if secret:
                    ws.oddHeader.center.text = SECRET_HEADER
                    ws.oddHeader.center.color = "9A3412"  # the briefs' confidential red
                    if confidential is not None:
                        confidential[kind] = secret
        except BaseException:
            _close(wb)  # finish the temporary sheet files; nothing is saved
            raise
        save_workbook(wb, path)
    finally:
        with contextlib.suppress(OSError):  # (a read-only folder refuses even a missing one's)
            tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(total, total)
    return counts


def write_template(path: Path) -> None:
    """The empty import layout: one sheet per record kind, and one for our staff, with its
    header row."""
    path = Path(path)
    check_folder(path)
    wb = Workbook(write_only=True)
    for kind in SHEETS:
        ws = _sheet(wb, kind)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(exported_fields(kind)))}1"
    save_workbook(wb, path)


def save_workbook(wb: Workbook, path: Path) -> None:
    """Save ``wb`` as ``path``, whole or not at all (:func:`app.written.write_whole`: through
    ``path.part``; into /dev/null or a pipe as it is). A failure finishes the write-only sheets'
    temporary files (else openpyxl complains about each at exit)."""
    try:
        write_whole(path, wb.save)
    except BaseException:
        _close(wb)
        raise


def _close(wb: Workbook) -> None:
    for sheet in wb.worksheets:  # finish the temporary sheet files; nothing is saved
        with contextlib.suppress(Exception):
            sheet.close()
