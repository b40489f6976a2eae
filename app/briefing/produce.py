"""Produce one PDF brief, and name its file: the one implementation behind ``ketnoi brief`` and
the window's Brief dialog.

    req = BriefRequest("organisation", org_id, paper="a4", lang="vi")
    done = produce(engine, req, today=clock.today(), folder=Path("."))
    done.path  # brief-nic-2026-11-23.pdf

File names (``brief_file_name``), with ``today`` the day the brief is written:

    brief-<organisation acronym or name>-<today>.pdf
    brief-<contact name>-<today>.pdf
    brief-meeting-<meeting day>-<title>-<today>.pdf
    brief-digest-<first day>-<last day>-<today>.pdf

The window's Save as… offers them in its language and ``ketnoi brief`` without ``-o`` writes
them in the brief's (``words``: :class:`app.file_names.FileWords`, :func:`app.file_names.
brief_words`: "tom-tat-nic-2026-11-23.pdf"); the window's Open (whose folder
:mod:`app.briefing.opened` clears of ``brief-….pdf`` names) keeps the English words.

Gathering runs in a read-only session opened here (so it may run on a worker thread); the PDF
is written to ``<file>.part`` and moved into place only when complete, so a cancelled or failed
brief leaves no file behind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import secret_names
from app.briefing import gather, leave_out, render
from app.briefing.data import ContactBrief, MeetingPrepBrief, OrganisationBrief, PeriodDigest
from app.contacted import catch_up_quietly
from app.errors import UserError
from app.file_names import FileWords
from app.vntext import fold
from app.written import write_whole
from db import kinds
from db.engine import Engine, Session, read_session

KINDS = (*kinds.BRIEFABLE, "digest")
PERIODS = ("this_week", "this_month", "last_month")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BriefCancelled(UserError):
    """The caller's cancel flag was raised: nothing was written."""

    def __init__(self, message: str = "Brief cancelled; no file was written.") -> None:
        super().__init__(message)  # reportlab re-raises with its own note added


@dataclass(frozen=True)
class BriefRequest:
    """What to brief: a kind, its subject (by id) or period, paper and language."""

    kind: str
    subject_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    paper: str = "a4"
    lang: str = "vi"
    recent: int | None = gather.RECENT_MEETINGS  # meetings listed on an organisation/contact brief
    without_confidential: bool = False  # confidential records left out (app.briefing.leave_out)


@dataclass(frozen=True)
class Produced:
    path: Path
    pages: int


def period(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of "this week" (Monday–Sunday), "this month" or "last month"."""
    if choice == "this_week":
        start = today - dt.timedelta(days=today.weekday())
        return start, start + dt.timedelta(days=6)
    if choice == "this_month":
        return today.replace(day=1), today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if choice == "last_month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    raise ValueError(choice)


def slug(text: str, *, limit: int = 40) -> str:
    """A file-name-safe ASCII slug: "Trung tâm Đổi mới" -> "trung-tam-doi-moi"."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(words) > limit:
        cut = words[: limit + 1].rfind("-")
        words = words[: cut if cut > limit // 2 else limit]
    return words.strip("-") or "brief"


ENGLISH = FileWords()
"""A brief's name in English words; another language's: :func:`app.file_names.brief_words`."""


def brief_file_name(
    kind: str,
    subject: str,
    today: dt.date,
    *,
    day: dt.date | None = None,
    end: dt.date | None = None,
    confidential: bool = False,
    words: FileWords = ENGLISH,
) -> str:
    """The file a brief is written to when no name is given.

    ``subject``: an organisation's acronym (or name), a contact's name, a meeting's title
    (``day`` its date); a digest has none (``day``–``end`` is its period). A ``confidential``
    subject is not named (a file's name travels where its content does not: a mail's attachment,
    a folder's listing, the recent files; reviewer h103: "brief-meeting-2026-12-09-hop-kin-ve-
    thuong-vu-genetica-….pdf"), nor is a meeting whose title names a confidential person or
    organisation (:mod:`app.secret_names`)."""
    w, on = words, today.isoformat()
    if confidential and kind in ("organisation", "contact"):
        return f"{w.brief}-{getattr(w, kind)}-{w.confidential}-{on}.pdf"
    if confidential and kind == "meeting":
        assert day is not None
        return f"{w.brief}-{w.meeting}-{day.isoformat()}-{w.confidential}-{on}.pdf"
    if kind in ("organisation", "contact"):
        return f"{w.brief}-{slug(subject)}-{on}.pdf"
    if kind == "meeting":
        assert day is not None
        return f"{w.brief}-{w.meeting}-{day.isoformat()}-{slug(subject, limit=30)}-{on}.pdf"
    if kind == "digest":
        assert day is not None and end is not None
        return f"{w.brief}-{w.digest}-{day.isoformat()}-{end.isoformat()}-{on}.pdf"
    raise ValueError(kind)


Brief = OrganisationBrief | ContactBrief | MeetingPrepBrief | PeriodDigest


def file_name_of(brief: Brief, today: dt.date, words: FileWords = ENGLISH) -> str:
    """The default file name of a gathered brief, in ``words``."""
    if isinstance(brief, OrganisationBrief):
        return brief_file_name(
            "organisation", brief.acronym or brief.name, today, confidential=brief.confidential, words=words
        )
    if isinstance(brief, ContactBrief):
        return brief_file_name("contact", brief.name, today, confidential=brief.confidential, words=words)
    if isinstance(brief, MeetingPrepBrief):
        day = brief.starts_at.date()
        names = [x.name for x in brief.secrets if secret_names.nameable(x.name, x.kind)]
        secret = brief.confidential or bool(secret_names.spans(brief.title, names))
        return brief_file_name("meeting", brief.title, today, day=day, confidential=secret, words=words)
    return brief_file_name("digest", "", today, day=brief.start, end=brief.end, words=words)


def missing_file_name(kind: str, today: dt.date, words: FileWords = ENGLISH) -> str:
    """The name of a brief whose subject could not be read: by its kind ("brief-meeting-…")."""
    return f"{words.brief}-{getattr(words, kind, kind)}-{today.isoformat()}.pdf"


def suggested_file_name(
    session: Session, req: BriefRequest, today: dt.date, words: FileWords = ENGLISH
) -> str:
    """The default file name for a request, from one row read by primary key (what the window
    offers in "Save as…" before anything is gathered, in its ``words``). A missing subject is
    named by its kind."""
    if req.kind == "digest":
        assert req.start is not None and req.end is not None
        return brief_file_name("digest", "", today, day=req.start, end=req.end, words=words)
    rec: Any = session.get(kinds.model(req.kind), req.subject_id) if req.subject_id is not None else None
    if rec is None:
        return missing_file_name(req.kind, today, words)
    secret = bool(getattr(rec, "confidential", False))
    if req.kind == "organisation":
        subject = str(rec.acronym or rec.name)
        return brief_file_name("organisation", subject, today, confidential=secret, words=words)
    if req.kind == "contact":
        return brief_file_name("contact", str(rec.full_name), today, confidential=secret, words=words)
    # (an ordinary meeting whose title names a confidential person is not named after it either)
    secret = secret or bool(secret_names.found_in(secret_names.load(session), [str(rec.title)]))
    day = rec.starts_at.date()
    return brief_file_name("meeting", str(rec.title), today, day=day, confidential=secret, words=words)


def gather_brief(session: Session, req: BriefRequest, today: dt.date) -> Brief:
    """The plain data of the brief asked for; without confidential records when asked so
    (refused for a confidential record's own brief: app.briefing.leave_out)."""
    if not req.without_confidential:
        return _gather(session, req, today, hide=False)
    leave_out.refuse(session, req.kind, req.subject_id)
    return leave_out.gather(session, lambda hide: _gather(session, req, today, hide=hide))


def _gather(session: Session, req: BriefRequest, today: dt.date, *, hide: bool) -> Brief:
    if req.kind == "digest":
        if req.start is None or req.end is None:
            raise UserError("A digest needs a first and a last day")
        if req.end < req.start:
            raise UserError("Kỳ báo cáo kết thúc trước khi bắt đầu / the period ends before it starts")
        return gather.gather_digest(session, req.start, req.end, today=today, hide=hide)
    if req.kind not in KINDS:
        raise ValueError(req.kind)
    if req.subject_id is None:
        raise UserError(f"Which {req.kind}? No id was given")
    if req.kind == "organisation":
        return gather.gather_organisation(session, req.subject_id, today=today, recent=req.recent, hide=hide)
    if req.kind == "contact":
        return gather.gather_contact(session, req.subject_id, today=today, recent=req.recent, hide=hide)
    return gather.gather_meeting(session, req.subject_id, today=today, hide=hide)


RENDERERS: dict[type[Any], Callable[..., int]] = {
    OrganisationBrief: render.render_organisation,
    ContactBrief: render.render_contact,
    MeetingPrepBrief: render.render_meeting,
    PeriodDigest: render.render_digest,
}


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2.pdf``, ``name-3.pdf``… when that file exists."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def pdf_path(text: str) -> Path:
    """A path the user typed, with ``.pdf`` added when it has another or no extension."""
    path = Path(text).expanduser()
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def produce(
    engine: Engine,
    req: BriefRequest,
    *,
    today: dt.date,
    target: Path | None = None,
    folder: Path | None = None,
    keep_existing: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    words: FileWords = ENGLISH,
) -> Produced:
    """Gather and render one brief; returns the file written and its number of pages.

    ``target`` names the file exactly (an existing one is replaced). Otherwise the brief is named
    by :func:`file_name_of` in ``words`` in ``folder`` (default: the current directory); with
    ``keep_existing`` a file already there is kept and ``-2``… is added to the new one's name.
    ``cancelled`` is asked between the steps and at every page: when it answers True,
    :class:`BriefCancelled` is raised and nothing is left on disk.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise BriefCancelled()

    def pages_done(done: int, total: int) -> None:
        check()
        if progress is not None:
            progress(done, total)

    catch_up_quietly(engine)  # a meeting started since counts in "Last contacted" (h108)
    with read_session(engine) as session:
        brief = gather_brief(session, req, today)
    check()
    if target is None:
        name = file_name_of(brief, today, words)
        where = folder if folder is not None else Path()
        target = free_path(where, name) if keep_existing else where / name

    def make(part: Path) -> int:
        made = RENDERERS[type(brief)](brief, str(part), paper=req.paper, lang=req.lang, progress=pages_done)
        check()
        return made

    return Produced(target, write_whole(target, make))
