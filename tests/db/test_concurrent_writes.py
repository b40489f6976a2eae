"""Two people creating the same organisation at the same moment get one record; the other one
is told, beside the name field, that it exists already — on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import func, select

from app import records
from app.errors import ValidationError
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.models import Organisation

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")
WRITERS = 12


def _create_at_once(url: str) -> tuple[list[int], list[BaseException]]:
    open_database(url).dispose()  # the schema first: writers must not race to create it
    created: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def one() -> None:
        engine = open_database(url)
        try:
            start.wait()
            with unit_of_work(engine) as s:
                created.append(
                    records.create(s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia"})
                )
        except BaseException as exc:
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=one) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return created, errors


def _assert_one_record_and_field_errors(url: str, created: list[int], errors: list[BaseException]) -> None:
    assert len(created) == 1, errors
    assert len(errors) == WRITERS - 1
    for exc in errors:
        assert isinstance(exc, ValidationError), repr(exc)
        assert "already exists" in exc.errors["name"]
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            assert s.execute(select(func.count()).select_from(Organisation)).scalar_one() == 1
    finally:
        engine.dispose()


def test_simultaneous_creates_on_sqlite(db_url: str, engine: object) -> None:
    created, errors = _create_at_once(db_url)
    _assert_one_record_and_field_errors(db_url, created, errors)


@pytest.mark.postgres
def test_simultaneous_creates_on_postgres(pg_url: str) -> None:
    created, errors = _create_at_once(pg_url)
    _assert_one_record_and_field_errors(pg_url, created, errors)


def _tag_at_once(url: str) -> tuple[list[int], list[BaseException]]:
    """Every writer tags its own new contact with the same new tag, at the same moment."""
    engine = open_database(url)
    with unit_of_work(engine) as s:
        people = [records.create(s, "contact", {"full_name": f"Người {n}"}) for n in range(WRITERS)]
    engine.dispose()
    done: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def one(person: int) -> None:
        eng = open_database(url)
        try:
            start.wait()
            with unit_of_work(eng) as s:
                current = records.get(s, "contact", person)
                records.update(
                    s, "contact", person, {"tags": ["Đổi mới sáng tạo"]}, expected_version=current["version"]
                )
            done.append(person)
        except BaseException as exc:
            errors.append(exc)
        finally:
            eng.dispose()

    threads = [threading.Thread(target=one, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return done, errors


def _assert_one_tag(url: str, done: list[int], errors: list[BaseException]) -> None:
    from db.models import ContactTag, Tag

    assert errors == [] and len(done) == WRITERS
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            assert s.execute(select(func.count()).select_from(Tag)).scalar_one() == 1
            assert s.execute(select(func.count()).select_from(ContactTag)).scalar_one() == WRITERS
    finally:
        engine.dispose()


def test_one_new_tag_added_by_many_at_once_on_sqlite(db_url: str, engine: object) -> None:
    done, errors = _tag_at_once(db_url)
    _assert_one_tag(db_url, done, errors)


@pytest.mark.postgres
def test_one_new_tag_added_by_many_at_once_on_postgres(pg_url: str) -> None:
    done, errors = _tag_at_once(pg_url)
    _assert_one_tag(pg_url, done, errors)
