"""Translated display names for the vocabularies and list columns.

Every string goes through ``QCoreApplication.translate`` with a literal context and text, so
``pyside6-lupdate`` extracts them (issue 6 adds the Vietnamese .ts files).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale


class Formats(Protocol):
    """What writes dates the user's way (the settings, the app context)."""

    def fmt_date(self, value: dt.date | None) -> str: ...
    def fmt_datetime(self, value: dt.datetime | None) -> str: ...


def field_value(fmt: Formats, entity: str, field: str, value: Any, label: str | None = None) -> str:
    """A stored value as a person reads it, the same in the history dialog and on a record's page:
    names for ids (``label``), dates in the chosen format, phones as the app writes them, words of
    the vocabularies translated, "—" for nothing."""
    tr = QCoreApplication.translate
    if field == "phones" and isinstance(value, list) and value:
        from app.validation import phone_display  # phonenumbers: not before the window shows

        return ", ".join(phone_display(str(x)) for x in value)
    if label is not None:
        return label
    if value in (None, "", []):
        return "—"
    if isinstance(value, bool):
        return tr("HistoryModel", "Yes") if value else tr("HistoryModel", "No")
    if isinstance(value, dt.datetime):
        return fmt.fmt_datetime(value)
    if isinstance(value, dt.date):
        return fmt.fmt_date(value)
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    if entity == "letter" and field in ("status", "direction", "template"):  # (a letter's own words)
        return {"status": letter_status, "direction": letter_direction, "template": letter_template}[field](
            str(value)
        )
    if entity == "staff" and field == "role":  # a login's role on a team database
        from ui.team import role_label

        return role_label(str(value))
    if field == "status":
        return status(str(value))
    if field == "direction":
        return direction(str(value))
    if field == "priority" and isinstance(value, int):
        return priority(value)
    if field == "country" and isinstance(value, str):
        return country(value)
    if field == "kind":
        by_entity = {"organisation": organisation_kind, "meeting": meeting_kind, "action": action_kind}
        name = by_entity.get(entity)
        return name(str(value)) if name else str(value)
    return str(value)


def column_title(entity: str, key: str) -> str:
    tr = QCoreApplication.translate
    titles = {
        "name": tr("Labels", "Name"),
        "acronym": tr("Labels", "Acronym"),
        "kind": tr("Labels", "Kind"),
        "sectors": tr("Labels", "Sectors"),
        "city": tr("Labels", "City"),
        "owner": tr("Labels", "Owner"),
        "position": tr("Labels", "Position"),
        "organisation": tr("Labels", "Organisation"),
        "organisations": tr("Labels", "Organisations"),
        "email": tr("Labels", "Email"),
        "phone": tr("Labels", "Phone"),
        "starts_at": tr("Labels", "When"),
        "title": tr("Labels", "Title"),
        "location": tr("Labels", "Location"),
        "due_date": tr("Labels", "Due"),
        "direction": tr("Labels", "Direction"),
        "status": tr("Labels", "Status"),
        "responsible": tr("Labels", "Responsible"),
    }
    return titles.get(key, key)


def entity_name(entity: str, plural: bool = False) -> str:
    tr = QCoreApplication.translate
    names = {
        ("organisation", False): tr("Labels", "Organisation"),
        ("organisation", True): tr("Labels", "Organisations"),
        ("contact", False): tr("Labels", "Contact"),
        ("contact", True): tr("Labels", "Contacts"),
        ("meeting", False): tr("Labels", "Meeting"),
        ("meeting", True): tr("Labels", "Meetings"),
        ("action", False): tr("Labels", "Action"),
        ("action", True): tr("Labels", "Actions"),
        ("staff", False): tr("Labels", "Staff member"),
        ("staff", True): tr("Labels", "Staff"),
        ("attachment", False): tr("Labels", "Attachment"),
        ("attachment", True): tr("Labels", "Attachments"),
        ("letter", False): tr("Labels", "Letter"),
        ("letter", True): tr("Labels", "Letters"),
    }
    return names.get((entity, plural), entity)


def organisation_kind(kind: str) -> str:
    tr = QCoreApplication.translate
    return {
        "ministry": tr("Labels", "Ministry"),
        "agency": tr("Labels", "Agency"),
        "enterprise": tr("Labels", "Enterprise"),
        "startup": tr("Labels", "Start-up"),
        "university": tr("Labels", "University"),
        "research_institute": tr("Labels", "Research institute"),
        "network": tr("Labels", "Network / association"),
        "international_partner": tr("Labels", "International partner"),
        "investor": tr("Labels", "Investor"),
        "other": tr("Labels", "Other"),
    }.get(kind, kind)


def country(code: str) -> str:
    """A stored country code ("VN") as its name in the window's language ("Việt Nam" / "Viet Nam"),
    the names the briefs and the export use (:func:`app.value_labels.country_name`); a code with
    no known name as it is."""
    from app.value_labels import country_name

    vietnamese = QLocale().language() == QLocale.Language.Vietnamese
    return country_name(str(code or ""), "vi" if vietnamese else "en")


def meeting_kind(kind: str) -> str:
    tr = QCoreApplication.translate
    return {
        "meeting": tr("Labels", "Meeting"),
        "working_session": tr("Labels", "Working session"),
        "call": tr("Labels", "Call"),
        "event": tr("Labels", "Event"),
        "visit": tr("Labels", "Visit"),
        "email": tr("Labels", "E-mail"),
    }.get(kind, kind)


def action_kind(kind: str) -> str:
    tr = QCoreApplication.translate
    return {
        "task": tr("Labels", "Task"),
        "letter": tr("Labels", "Letter"),
        "document": tr("Labels", "Document"),
        "introduction": tr("Labels", "Introduction"),
        "call": tr("Labels", "Call"),
    }.get(kind, kind)


def direction(value: str) -> str:
    tr = QCoreApplication.translate
    return {"we_owe": tr("Labels", "We owe"), "they_owe": tr("Labels", "They owe")}.get(value, value)


def status(value: str) -> str:
    tr = QCoreApplication.translate
    return {
        "open": tr("Labels", "Open"),
        "in_progress": tr("Labels", "In progress"),
        "waiting": tr("Labels", "Waiting"),
        "done": tr("Labels", "Done"),
        "cancelled": tr("Labels", "Cancelled"),
    }.get(value, value)


def role(value: str) -> str:
    tr = QCoreApplication.translate
    return {
        "participant": tr("Labels", "Participant"),
        "chair": tr("Labels", "Chair"),
        "presenter": tr("Labels", "Presenter"),
        "note_taker": tr("Labels", "Note taker"),
        "observer": tr("Labels", "Observer"),
    }.get(value, value)


def priority(value: int) -> str:
    tr = QCoreApplication.translate
    return {1: tr("Labels", "High"), 2: tr("Labels", "Normal"), 3: tr("Labels", "Low")}.get(value, str(value))


def field_label(name: str) -> str:
    """Form labels for the fields the services name in ValidationError."""
    tr = QCoreApplication.translate
    return {
        "attachments": tr("Labels", "Files"),
        "full_name": tr("Labels", "Full name"),
        "honorific": tr("Labels", "Honorific"),
        "position": tr("Labels", "Position"),
        "organisation_id": tr("Labels", "Organisation"),
        "emails": tr("Labels", "Emails"),
        "phones": tr("Labels", "Phones"),
        "tags": tr("Labels", "Tags"),
        "notes": tr("Labels", "Notes"),
        "name": tr("Labels", "Name"),
        "name_en": tr("Labels", "English name"),
        "acronym": tr("Labels", "Acronym"),
        "kind": tr("Labels", "Kind"),
        "parent_id": tr("Labels", "Part of"),
        "city": tr("Labels", "City"),
        "country": tr("Labels", "Country"),
        "address": tr("Labels", "Address"),
        "source": tr("Labels", "Source"),
        "last_contacted_on": tr("Labels", "Last contacted"),
        "website": tr("Labels", "Website"),
        "sectors": tr("Labels", "Sectors"),
        "influence": tr("Labels", "Influence (1–5)"),
        "interest": tr("Labels", "Interest (1–5)"),
        "owner_id": tr("Labels", "Relationship owner"),
        "title": tr("Labels", "Title"),
        "direction": tr("Labels", "Direction"),
        "responsible_staff_id": tr("Labels", "Responsible (us)"),
        "responsible_contact_id": tr("Labels", "Responsible (them)"),
        "due_date": tr("Labels", "Due"),
        "status": tr("Labels", "Status"),
        "priority": tr("Labels", "Priority"),
        "reference": tr("Labels", "Reference"),
        "starts_at": tr("Labels", "When"),
        "location": tr("Labels", "Location"),
        "agenda": tr("Labels", "Agenda"),
        "minutes": tr("Labels", "Minutes"),
        "decisions": tr("Labels", "Decisions"),
        "attendees": tr("Labels", "Attendees"),
        "organisation_ids": tr("Labels", "Organisations"),
        "meeting_attendee": tr("Labels", "Attendees"),  # (moved by a merge: app.history)
        "meeting_organisation": tr("Labels", "Organisations"),
        "email": tr("Labels", "Email"),
        "active": tr("Labels", "Active"),
        # Every other field a record's history can name (app.history): no English fallback.
        "family_name": tr("Labels", "Family name"),
        "middle_name": tr("Labels", "Middle name"),
        "given_name": tr("Labels", "Given name"),
        "aliases": tr("Labels", "Other names"),
        "confidential": tr("Labels", "Confidential"),
        "ends_at": tr("Labels", "Ends"),
        "completed_on": tr("Labels", "Completed on"),
        "meeting_id": tr("Labels", "Meeting"),
        "contact_id": tr("Labels", "Contact"),
        "action_id": tr("Labels", "Action"),
        "staff_ids": tr("Labels", "Our staff"),
        "shared_with": tr("Labels", "Shared with"),
        "login": tr("Labels", "Login"),
        "role": tr("Labels", "Role"),
        "number": tr("Labels", "Number"),
        "symbol": tr("Labels", "Symbol"),
        "year": tr("Labels", "Year"),
        "letter_date": tr("Labels", "Date of the letter"),
        "template": tr("Labels", "Kind of letter"),
        "subject": tr("Labels", "Subject"),
        "subject_en": tr("Labels", "Subject in English"),
        "addressee": tr("Labels", "Addressed to (kính gửi)"),
        "signer_title": tr("Labels", "Signer's post"),
        "signer_name": tr("Labels", "Signer"),
        "body": tr("Labels", "Text"),
        "recipients_copy": tr("Labels", "Copies to"),
        "reply_to_id": tr("Labels", "In reply to"),
        "post_id": tr("Labels", "To (post)"),
        "reply_due": tr("Labels", "Reply by"),
        "owner_kind": tr("Labels", "Attached to"),
        "file_name": tr("Labels", "File name"),
        "mime": tr("Labels", "File type"),
        "size": tr("Labels", "Size"),
        "sha256": tr("Labels", "Checksum (SHA-256)"),
        "added_by": tr("Labels", "Added by"),
    }.get(name, name.replace("_", " ").capitalize())


def letter_status(value: str) -> str:
    tr = QCoreApplication.translate
    return {
        "draft": tr("Labels", "Draft"),
        "signed": tr("Labels", "Signed"),
        "sent": tr("Labels", "Sent"),
        "received": tr("Labels", "Received"),
        "replied": tr("Labels", "Replied"),
    }.get(value, value)


def letter_direction(value: str) -> str:
    tr = QCoreApplication.translate
    return {"outgoing": tr("Labels", "Outgoing"), "incoming": tr("Labels", "Incoming")}.get(value, value)


def letter_template(value: str) -> str:
    tr = QCoreApplication.translate
    return {
        "introduction": tr("Labels", "Introduction letter"),
        "invitation": tr("Labels", "Invitation"),
        "thanks": tr("Labels", "Thank-you letter"),
        "reply": tr("Labels", "Reply"),
        "other": tr("Labels", "Other letter"),
    }.get(value, value)


def number(n: int) -> str:
    """A count as the window's language groups it: 100,020 in English, 100.020 in Vietnamese —
    the one way the window writes a count (Qt's ``%Ln`` in a plural string is the same). An
    id stays plain, after a #: "#2276" (reviewer: "100020 contacts", "#2,276")."""
    return QLocale().toString(int(n))


def holiday_now(first: dt.date, last: dt.date, name: str, today: dt.date, fmt_date: Any) -> str | None:
    """The run of days off ``first``..``last`` (app.workdays.WorkCalendar.next_holiday) when
    ``today`` is in it: "Holiday: Vietnamese Culture Day — work resumes on 25/11/2026"; None
    when it is still to come (the dashboard and Working days… say "Next holiday: …" then)."""
    if first > today:
        return None
    return (
        QCoreApplication.translate("Holiday", "Holiday: %1 — work resumes on %2")
        .replace("%1", name)
        .replace("%2", fmt_date(last + dt.timedelta(days=1)))
    )


def records_counted(kind: str, n: int) -> str:
    """ "2,000 contacts", "1 organisation" in the window's language (Qt's plurals, the number as
    its locale writes it); "records" for a mix of kinds (``kind`` "")."""
    tr = QCoreApplication.translate
    if kind == "contact":
        return tr("RecordCount", "%Ln contact(s)", "", n)
    if kind == "organisation":
        return tr("RecordCount", "%Ln organisation(s)", "", n)
    if kind == "meeting":
        return tr("RecordCount", "%Ln meeting(s)", "", n)
    if kind == "action":
        return tr("RecordCount", "%Ln action(s)", "", n)
    if kind == "staff":
        return tr("RecordCount", "%Ln staff member(s)", "", n)
    return tr("RecordCount", "%Ln record(s)", "", n)


def database_location(url: str) -> str:
    """The database at ``url`` as a person knows it, never with a password: a SQLite file by its
    path ("C:\\Users\\…\\ketnoi.db", "/home/hoa/ketnoi.db"), a server's database by its name and
    the server ("ketnoi on the server db.office.vn:5432"). Without SQLAlchemy: the window's frame
    names the file before the database layer is imported."""
    from pathlib import Path
    from urllib.parse import unquote, urlsplit

    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] == "sqlite":
        path = unquote(rest.removeprefix("/").split("?", 1)[0])
        return str(Path(path)) if path and path != ":memory:" else url
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:  # not a URL Ketnoi can read: its scheme only (it may hold a password)
        return scheme
    name = unquote(parts.path.lstrip("/"))
    server = f"{host}:{port}" if host and port else host or "localhost"
    if not name:
        return server
    return (
        QCoreApplication.translate("Database", "%1 on the server %2")
        .replace("%1", name)
        .replace("%2", server)
    )
