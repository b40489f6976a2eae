"""Writers take turns on PostgreSQL as on SQLite: a unit of work holds the database's write lock
from its first read (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so a read, a check
and the write relying on them are never split by a colleague's commit. Reviewer, PostgreSQL
only: a merge of B into A, while a colleague's saving of a new contact of B was under way, left
that contact on the trashed B (SQLite moved it); a save waiting on a row another program held
waited forever without a word."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select, text

from app import merge, records
from db.engine import read_session, unit_of_work
from db.errors import DatabaseBusy
from db.migrate import open_database
from db.models import Contact


def _merge_while_a_contact_is_added(url: str) -> tuple[int, int, int | None]:
    engine = open_database(url)
    with unit_of_work(engine) as s:
        a = records.create(s, "organisation", {"name": "Viện Công nghệ Hòa Lạc"})
        b = records.create(s, "organisation", {"name": "Viện Công nghệ Hòa Lạc (cũ)"})
    added = threading.Event()
    errors: list[BaseException] = []

    def colleague() -> None:
        other = open_database(url)
        try:
            with unit_of_work(other) as s:
                records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": b})
                added.set()
                time.sleep(1.0)  # still saving when the merge starts
        except BaseException as exc:
            errors.append(exc)
            added.set()
        finally:
            other.dispose()

    thread = threading.Thread(target=colleague)
    thread.start()
    assert added.wait(30)
    with unit_of_work(engine) as s:
        merge.merge(s, "organisation", a, b)
    thread.join(30)
    assert not errors, errors
    with read_session(engine) as s:
        org = s.execute(
            select(Contact.organisation_id).where(Contact.full_name == "Nguyễn Thị Hồng Nhung")
        ).scalar()
    engine.dispose()
    return a, b, org


def test_a_merge_waits_for_a_colleagues_new_contact_and_moves_it_on_sqlite(
    db_url: str, engine: object
) -> None:
    a, _b, org = _merge_while_a_contact_is_added(db_url)
    assert org == a


@pytest.mark.postgres
def test_a_merge_waits_for_a_colleagues_new_contact_and_moves_it_on_postgres(pg_url: str) -> None:
    a, _b, org = _merge_while_a_contact_is_added(pg_url)
    assert org == a  # it stayed on the trashed organisation before


@pytest.mark.postgres
def test_a_save_waiting_on_a_row_another_program_holds_gives_up_with_a_sentence(pg_url: str) -> None:
    engine = open_database(pg_url)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ"})
    with engine.connect() as holder:  # another program (psql) holding the row
        holder.execute(text("SELECT id FROM organisation WHERE id = :i FOR UPDATE"), {"i": org})
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as caught, unit_of_work(engine, wait_s=1) as s:
            records.update(s, "organisation", org, {"city": "Hà Nội"}, expected_version=1)
        assert time.monotonic() - started < 15
        holder.rollback()
    assert "Nothing was saved" in str(caught.value)
    engine.dispose()
