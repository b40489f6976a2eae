"""The letter register: official letters sent and received, and the numbers the office gives.

Numbers and symbols follow Decree 30/2020/NĐ-CP: an outgoing letter is numbered in the order
it is issued within the year, from 01 on 1 January, per register (one register per office
symbol, e.g. ``NIC-HTQT``), written ``05/NIC-HTQT`` (a number under 10 with a leading 0).

**A number is given when the letter is signed, never to a draft.** Drafts are written, revised
and abandoned; numbering them would either burn numbers (the register would show gaps the
archive cannot explain) or give the number of an abandoned draft to a letter signed weeks later
out of date order. The decree numbers letters as they are issued, so :func:`sign` is the one
place a number is taken, in the same transaction that marks the letter signed.

**Never twice, never skipped.** :func:`allocate_number` increments the register's counter row
(``letter_counter``: year, symbol, last number) with one ``INSERT … ON CONFLICT DO UPDATE …
RETURNING`` inside the caller's unit of work. On SQLite the unit of work already holds the
database's write lock (``BEGIN IMMEDIATE``); on PostgreSQL the upsert locks the counter row
until the transaction ends, so a second officer signing at the same moment waits and gets the
next number. If the signing fails after the number was taken, the transaction rolls back the
counter with it: no gap. A signed letter deleted to the trash keeps its number (the register
records the number as used, as a paper register would).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlmodel import Session as ModelSession

from app import records
from app.letters import wording
from app.letters.cli_words import refused
from app.letters.fields import check_symbol, format_reference, split_reference
from app.vntext import fold
from db import clock
from db import models as m
from db.tables import CON, LETTER, LETTER_COUNTER, ORG

Values = dict[str, Any]

# --- numbers ---------------------------------------------------------------------------------


def allocate_number(session: Session, year: int, symbol: str) -> int:
    """The next number of the register ``(year, symbol)``, taken for good when the caller's
    transaction commits (and given back if it rolls back)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    first = insert(LETTER_COUNTER).values(year=year, symbol=symbol, last_number=1)
    stmt = first.on_conflict_do_update(
        index_elements=[LETTER_COUNTER.c.year, LETTER_COUNTER.c.symbol],
        set_={"last_number": LETTER_COUNTER.c.last_number + 1},
    ).returning(LETTER_COUNTER.c.last_number)
    return int(session.execute(stmt).scalar_one())


def last_numbers(session: Session, year: int | None = None) -> list[dict[str, Any]]:
    stmt = select(LETTER_COUNTER).order_by(LETTER_COUNTER.c.year.desc(), LETTER_COUNTER.c.symbol)
    if year is not None:
        stmt = stmt.where(LETTER_COUNTER.c.year == year)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def start_register_at(session: Session, year: int, symbol: str, last_number: int) -> None:
    """An office that brings its register into Ketnoi mid-year: the last number it gave on
    paper. Only forward: a number already given in Ketnoi is never given again."""
    symbol = check_symbol(symbol)
    used = session.execute(
        select(func.max(LETTER.c.number)).where(
            LETTER.c.direction == "outgoing", LETTER.c.year == year, LETTER.c.symbol == symbol
        )
    ).scalar_one()
    current = session.execute(
        select(LETTER_COUNTER.c.last_number).where(
            LETTER_COUNTER.c.year == year, LETTER_COUNTER.c.symbol == symbol
        )
    ).scalar_one_or_none()
    floor = max(int(used or 0), int(current or 0))
    if last_number < floor:
        raise refused(
            f"{symbol} {year} has given number {floor} already; the register only moves forward",
            f"sổ {symbol} năm {year} đã cấp đến số {floor}; số của sổ chỉ tăng, không lùi lại",
        )
    if current is None:
        session.execute(LETTER_COUNTER.insert().values(year=year, symbol=symbol, last_number=last_number))
    else:
        session.execute(
            LETTER_COUNTER.update()
            .where(LETTER_COUNTER.c.year == year, LETTER_COUNTER.c.symbol == symbol)
            .values(last_number=last_number)
        )


# --- the life of a letter --------------------------------------------------------------------


def _row(session: Session, letter_id: int) -> Any:
    row = session.execute(
        select(LETTER).where(LETTER.c.id == letter_id, LETTER.c.deleted_at.is_(None))
    ).first()
    if row is None:
        raise refused(f"no letter #{letter_id}", f"không có công văn #{letter_id}")
    return row


def add_letter(session: ModelSession, values: Values, *, actor: str = "", group_id: str = "") -> int:
    """A new letter in the register. An incoming letter's reference ("45/BKHCN-HTQT") is read
    into number and symbol; one already registered is refused. A letter that answers another
    marks that one replied."""
    values = dict(values)
    if values.get("direction") == "incoming" and values.get("reference") and not values.get("number"):
        number, symbol = split_reference(str(values["reference"]))
        values.setdefault("symbol", symbol)
        if number is not None:
            values["number"] = number
            when = values.get("letter_date")
            if when:
                from app import validation

                with contextlib.suppress(ValueError):  # prepare_letter names the field
                    values["year"] = validation.date(when).year
            values["reference"] = format_reference(number, symbol)
    if values.get("direction") == "incoming" and values.get("number") and values.get("year"):
        dup = session.execute(
            select(LETTER.c.id).where(
                LETTER.c.direction == "incoming",
                LETTER.c.year == values["year"],
                LETTER.c.symbol == values.get("symbol", ""),
                LETTER.c.number == int(values["number"]),
            )
        ).scalar_one_or_none()
        if dup is not None:
            raise refused(
                f"letter {values.get('reference')} of {values['year']} is registered already (#{dup})",
                f"công văn số {values.get('reference')} năm {values['year']} đã có trong sổ (#{dup})",
            )
    if values.get("direction", "outgoing") == "outgoing":
        for key in ("number", "year", "reference"):
            values.pop(key, None)  # given when signed
        if values.get("status") not in (None, "", "draft"):
            raise refused(
                "a new outgoing letter starts as a draft; sign it to give it its number",
                "công văn đi mới luôn bắt đầu là dự thảo; hãy ký để công văn được cấp số",
            )
    letter_id = records.create(session, "letter", values, actor=actor, group_id=group_id)
    if values.get("reply_to_id"):
        _mark_replied(session, int(values["reply_to_id"]), actor=actor, group_id=group_id)
    return letter_id


def _mark_replied(session: ModelSession, letter_id: int, *, actor: str, group_id: str) -> None:
    row = session.get(m.Letter, letter_id)
    if row is not None and row.deleted_at is None and row.status not in ("replied", "draft"):
        records.update(
            session,
            "letter",
            letter_id,
            {"status": "replied"},
            expected_version=None,
            actor=actor,
            group_id=group_id,
        )


def _guess_template(title: str) -> str:
    t = fold(title)
    for words, kind in (
        (("gioi thieu", "introduc"), "introduction"),
        (("moi", "invit"), "invitation"),
        (("cam on", "thank"), "thanks"),
        (("phuc dap", "tra loi", "reply"), "reply"),
    ):
        if any(re.search(rf"\b{w}", t) for w in words):  # a word, or the start of one
            return kind
    return "other"


def meeting_addressees(session: ModelSession, meeting_id: int) -> list[tuple[int, str]]:
    """The organisations a meeting's letter may be written to, in the meeting's order (as its
    page lists them): every organisation met but the office's own (:func:`office.is_own`) and
    those met only through confidential people (:func:`secrecy.met_only_through_confidential`:
    never the letter's default addressee; ``--to`` still writes to one)."""
    from sqlmodel import col
    from sqlmodel import select as model_select

    from app.letters import office, secrecy

    prof = office.load_profile(session)
    rows = session.exec(
        model_select(m.Organisation)
        .join(m.MeetingOrganisation, col(m.MeetingOrganisation.organisation_id) == m.Organisation.id)
        .where(m.MeetingOrganisation.meeting_id == meeting_id, col(m.Organisation.deleted_at).is_(None))
        .order_by(col(m.MeetingOrganisation.organisation_id))
    ).all()
    secret = secrecy.met_only_through_confidential(session, meeting_id)
    return [
        (int(o.id), o.name)
        for o in rows
        if o.id is not None and not office.is_own(prof, o) and o.id not in secret
    ]


def meeting_letter_template(meeting: m.Meeting) -> str:
    """A meeting's letter by default: a thank-you once it has begun (by the office's clock: its
    start, a naive wall-clock time in the office, is at or before :func:`db.clock.now`), an
    invitation before. It compared days only, so at 02:15 a meeting at 14:00 that day was
    thanked for "những ý kiến trao đổi quý báu" hours before it took place (reviewer h149)."""
    return "thanks" if meeting.starts_at <= clock.now() else "invitation"


def letter_for_record(
    session: ModelSession,
    kind: str,
    ident: int,
    *,
    template: str | None = None,
    to: int | None = None,
    actor: str = "",
) -> int:
    """The letter of an action or a meeting (``kind``): its latest outgoing letter, or a new
    draft registered for it — subject, organisation, meeting and officer from the record, the
    kind of letter guessed from its title (no number is taken: drafts burn none).

    An action's letter is the one registered for the action. A meeting's letter is one
    registered for the meeting and for no action (an action's letter carries its meeting too,
    yet is another letter), of the kind ``template`` — by default a thank-you once the meeting
    has begun, an invitation before — so that the invitation and the thank-you of one meeting
    are two letters with two numbers. It is written to ``to`` if given, else to the first
    organisation met that is not the office's own (:func:`meeting_addressees`). With ``to`` the
    letter is the record's (of that kind) written to ``to``, a new draft if there is none: a
    letter already drafted to another organisation stays as it is, draft or signed (reviewer:
    ``--to`` readdressed the ministry's draft, and once it was signed refused any other)."""
    from sqlmodel import col
    from sqlmodel import select as model_select

    from app.letters import office

    kind = kind[0]
    meeting: m.Meeting | None = None
    query = model_select(m.Letter.id).where(
        col(m.Letter.deleted_at).is_(None), m.Letter.direction == "outgoing"
    )
    if kind == "a":
        query = query.where(m.Letter.action_id == ident)
    else:
        meeting = session.get(m.Meeting, ident)
        if meeting is None or meeting.deleted_at is not None:
            raise refused(f"no meeting #{ident}", f"không có cuộc họp #{ident}")
        template = template or meeting_letter_template(meeting)
        query = query.where(
            m.Letter.meeting_id == ident, col(m.Letter.action_id).is_(None), m.Letter.template == template
        )
    if to is not None:  # a letter to another organisation is another letter: the first stays
        query = query.where(m.Letter.organisation_id == to)
    existing = session.exec(query.order_by(col(m.Letter.id).desc())).first()
    if existing is not None:
        return int(existing)
    prof = office.load_profile(session)
    if to is not None:
        _check_not_own(session, to)
    if kind == "a":
        action = session.get(m.Action, ident)
        if action is None or action.deleted_at is not None:
            raise refused(f"no action #{ident}", f"không có việc #{ident}")
        values: dict[str, Any] = {
            "action_id": ident,
            "organisation_id": to or action.organisation_id,
            "meeting_id": action.meeting_id,
            "owner_id": action.responsible_staff_id,
            "template": _guess_template(action.title),
        }
        if to is None:
            values.update(_action_addressee(session, action, prof))
    else:
        assert meeting is not None
        others = meeting_addressees(session, ident)
        values = {
            "subject": meeting.title,
            "meeting_id": ident,
            "organisation_id": to or (others[0][0] if others else None),
            "owner_id": meeting.owner_id,
            "template": template,
        }
    values["symbol"] = prof.symbol
    values["subject"], values["subject_en"] = wording.derived_subjects(session, values)
    return add_letter(session, values, actor=actor)


def _action_addressee(session: ModelSession, action: m.Action, prof: Any) -> dict[str, Any]:
    """An action's letter goes to the organisation its title names after "tới/đến/cho/to" when
    one of that name is on record (the letter's notes say so, and how to write to another),
    else to the action's own organisation."""
    from sqlmodel import select as model_select

    from app.letters import office

    own = [o for o in session.exec(model_select(m.Organisation)).all() if office.is_own(prof, o)]
    skip = [action.organisation_id, *(o.id for o in own)]
    target = wording.action_target(session, action, [i for i in skip if i is not None])
    if target is None:
        return {}
    recorded = session.get(m.Organisation, action.organisation_id) if action.organisation_id else None
    note = (
        f"Gửi tới {target.name}: tổ chức được nêu trong tiêu đề việc #{action.id} «{action.title}»"
        + (f" (việc ghi cho {recorded.name})" if recorded else "")
        + ". Muốn gửi nơi khác: đổi Tổ chức của công văn này."
    )
    return {"organisation_id": target.id, "notes": note}


def _check_not_own(session: ModelSession, organisation_id: int) -> None:
    from app.letters import office

    org = session.get(m.Organisation, organisation_id)
    if org is None or org.deleted_at is not None:
        raise refused(f"no organisation #{organisation_id}", f"không có tổ chức #{organisation_id}")
    if office.is_own(office.load_profile(session), org):
        raise refused(
            f"{org.name} is our own office: a letter is written to another organisation",
            f"{org.name} là chính cơ quan ta: công văn phải gửi tới một tổ chức khác",
        )


def readdress(
    session: ModelSession, letter_id: int, organisation_id: int, *, actor: str = "", group_id: str = ""
) -> None:
    """Write draft ``letter_id`` to organisation ``organisation_id`` instead (a contact of
    another organisation is let go). A signed letter keeps the addressee it was signed with."""
    row = _row(session, letter_id)
    if row.organisation_id == organisation_id:
        return
    if row.status != "draft":
        raise refused(
            f"letter #{letter_id} is signed already ({row.reference}): its addressee stays",
            f"công văn #{letter_id} đã ký ({row.reference}): không đổi được nơi nhận",
        )
    _check_not_own(session, organisation_id)
    changes: dict[str, Any] = {"organisation_id": organisation_id}
    contact = session.get(m.Contact, row.contact_id) if row.contact_id else None
    if contact is not None and contact.organisation_id != organisation_id:
        changes["contact_id"] = None
    was = dict(row._mapping)
    if was["subject"] in (wording.derived_subjects(session, was)[0], wording.source_title(session, was)):
        # words never edited: they follow the new addressee ("với X" is not said to X)
        changes["subject"], changes["subject_en"] = wording.derived_subjects(session, {**was, **changes})
    records.update(
        session, "letter", letter_id, changes, expected_version=None, actor=actor, group_id=group_id
    )


def sign(
    session: ModelSession,
    letter_id: int,
    *,
    on: dt.date | None = None,
    symbol: str | None = None,
    actor: str = "",
    group_id: str = "",
) -> str:
    """Sign an outgoing draft: give it the next number of its register for the year of ``on``
    (today by default) and date it. Returns the reference ("125/NIC-HTQT").

    The action it answers reads the reference too, one number for both: an action with no
    reference gets it, and so does one whose reference was a number of our own office's
    ("Số 125/NIC-HTQT" typed before the letter was in the register) — the letter signed is now
    that number. Another office's number on the action (the "45/BKHCN-HTQT" it answers) or
    words of the officer's stay."""
    row = _row(session, letter_id)
    if row.direction != "outgoing":
        raise refused(
            f"letter #{letter_id} is incoming: it keeps the sender's number",
            f"công văn #{letter_id} là công văn đến: giữ nguyên số của nơi gửi",
        )
    if row.status != "draft" or row.number is not None:
        raise refused(
            f"letter #{letter_id} is signed already ({row.reference})",
            f"công văn #{letter_id} đã được ký ({row.reference})",
        )
    symbol = check_symbol(symbol or row.symbol or "")
    day = on or clock.today()
    number = allocate_number(session, day.year, symbol)
    reference = format_reference(number, symbol)
    records.update(
        session,
        "letter",
        letter_id,
        {
            "number": number,
            "year": day.year,
            "symbol": symbol,
            "reference": reference,
            "letter_date": day,
            "status": "signed",
        },
        expected_version=None,
        actor=actor,
        group_id=group_id,
    )
    if row.action_id:
        action = session.get(m.Action, row.action_id)
        if action is not None and action.deleted_at is None and _ours_to_replace(action.reference, symbol):
            records.update(
                session,
                "action",
                row.action_id,
                {"reference": reference},
                expected_version=None,
                actor=actor,
                group_id=group_id,
            )
    return reference


def _ours_to_replace(old: str, symbol: str) -> bool:
    """Whether an action's ``old`` reference gives way to our letter's number (see :func:`sign`)."""
    if not old.strip():
        return True
    number, old_symbol = split_reference(old)
    return number is not None and old_symbol.upper().partition("-")[0] == symbol.partition("-")[0]


def set_status(
    session: ModelSession, letter_id: int, status: str, *, actor: str = "", group_id: str = ""
) -> None:
    """sent / replied (the signing goes through :func:`sign`, which numbers the letter)."""
    row = _row(session, letter_id)
    if status == "signed":
        raise refused(
            "sign a letter with 'sign': it takes the next number of the register",
            "hãy ký công văn bằng lệnh 'sign': công văn sẽ được cấp số tiếp theo của sổ",
        )
    if status == "sent" and row.status == "draft":
        raise refused(
            f"letter #{letter_id} is a draft: sign it first, so that it has its number",
            f"công văn #{letter_id} còn là dự thảo: hãy ký trước để công văn có số",
        )
    records.update(
        session,
        "letter",
        letter_id,
        {"status": status},
        expected_version=None,
        actor=actor,
        group_id=group_id,
    )


# --- reading ---------------------------------------------------------------------------------


def letter_select() -> Any:
    return (
        select(
            LETTER.c.id,
            LETTER.c.direction,
            LETTER.c.reference,
            LETTER.c.number,
            LETTER.c.symbol,
            LETTER.c.year,
            LETTER.c.letter_date,
            LETTER.c.subject,
            LETTER.c.status,
            LETTER.c.reply_due,
            LETTER.c.template,
            LETTER.c.organisation_id,
            LETTER.c.contact_id,
            LETTER.c.action_id,
            LETTER.c.meeting_id,
            LETTER.c.reply_to_id,
            LETTER.c.version,
            LETTER.c.confidential,
            func.coalesce(ORG.c.name, "").label("organisation"),
            func.coalesce(CON.c.full_name, "").label("contact"),
        )
        .select_from(LETTER)
        .outerjoin(ORG, ORG.c.id == LETTER.c.organisation_id)
        .outerjoin(CON, CON.c.id == LETTER.c.contact_id)
        .where(LETTER.c.deleted_at.is_(None))
    )


def list_letters(
    session: Session,
    *,
    direction: str | None = None,
    status: str | None = None,
    year: int | None = None,
    organisation_id: int | None = None,
    text: str = "",
    overdue_on: dt.date | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Letters newest first, filtered; ``overdue_on``: incoming letters whose reply is late."""
    stmt = letter_select()
    if direction:
        stmt = stmt.where(LETTER.c.direction == direction)
    if status:
        stmt = stmt.where(LETTER.c.status == status)
    if year is not None:
        # an undated letter (a draft) is of the year it was created in, local time: one created
        # at 06:00 on 01/01 (23:00 on 31/12 in UTC) was listed under the year before
        starts, ends = clock.utc_of(dt.datetime(year, 1, 1)), clock.utc_of(dt.datetime(year + 1, 1, 1))
        stmt = stmt.where(
            or_(
                LETTER.c.year == year,
                LETTER.c.letter_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                LETTER.c.letter_date.is_(None)
                & (LETTER.c.created_at >= starts)
                & (LETTER.c.created_at < ends),
            )
        )
    if organisation_id is not None:
        stmt = stmt.where(LETTER.c.organisation_id == organisation_id)
    for word in fold(text).split():
        stmt = stmt.where(LETTER.c.search_text.contains(word, autoescape=True))
    if overdue_on is not None:
        stmt = stmt.where(*_overdue(overdue_on))
    stmt = stmt.order_by(
        LETTER.c.letter_date.desc().nulls_first(), LETTER.c.number.desc().nulls_last(), LETTER.c.id.desc()
    ).limit(limit)
    return [dict(r._asdict()) for r in session.execute(stmt)]


def _overdue(today: dt.date) -> tuple[Any, ...]:
    return (
        LETTER.c.deleted_at.is_(None),
        LETTER.c.direction == "incoming",
        LETTER.c.status == "received",
        LETTER.c.reply_due < today,
    )


def overdue_replies(session: Session, today: dt.date) -> int:
    """Incoming letters whose reply deadline has passed unanswered (the banner's count)."""
    return int(session.execute(select(func.count()).select_from(LETTER).where(*_overdue(today))).scalar_one())


def get_letter(session: ModelSession, letter_id: int) -> dict[str, Any]:
    from app import attachments

    values = records.get(session, "letter", letter_id)
    values["id"] = letter_id
    values["files"] = [a.file_name for a in attachments.list_for(session, "letter", letter_id)]
    org = session.get(m.Organisation, values["organisation_id"]) if values.get("organisation_id") else None
    con = session.get(m.Contact, values["contact_id"]) if values.get("contact_id") else None
    values["organisation"] = org.name if org else ""
    values["contact"] = con.full_name if con else ""
    return values
