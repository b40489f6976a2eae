"""The notifications of migration 0013 on a real server, as a listener receives them, and what
the window makes of them (app.live.changes_of)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app import records
from app.live import changes_of
from db.engine import unit_of_work
from db.migrate import open_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_url: str) -> Iterator[tuple[Any, Any, Any]]:
    """(engine at head, a writer connection, a listening connection)."""
    engine = open_database(pg_url)
    plain = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    writer = psycopg.connect(plain, autocommit=True, application_name="ketnoi other")
    listener = psycopg.connect(plain, autocommit=True)
    listener.execute("LISTEN ketnoi_changes")
    yield engine, writer, listener
    writer.close()
    listener.close()
    engine.dispose()


def _heard(listener: Any) -> list[dict[str, Any]]:
    return [json.loads(n.payload) for n in listener.notifies(timeout=1.0, stop_after=50)]


def test_one_statement_one_notification_with_kind_ids_op_and_the_columns_that_changed(pg: Any) -> None:
    engine, writer, listener = pg
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Nguyễn Văn An", "emails": ["an@nic.vn"]})
        b = records.create(s, "contact", {"full_name": "Trần Thị Bình"})
    heard = _heard(listener)
    contacts = [h for h in heard if h["kind"] == "contact"]
    assert {i for h in contacts for i in h["ids"]} == {a, b}
    assert {h["op"] for h in contacts} == {"i", "u"}  # inserted; its e-mail (contact_method) changed it
    writer.execute(
        "UPDATE contact SET position = 'Giám đốc', version = version + 1 WHERE id = ANY(%s)", ([a, b],)
    )
    (note,) = _heard(listener)
    assert note["kind"] == "contact" and sorted(note["ids"]) == sorted([a, b]) and note["op"] == "u"
    assert note["fields"] == ["position"]  # version and updated_at left out
    assert note["app"] == "ketnoi other" and note["by"]
    found = changes_of([note])
    assert found.ids == {"contact": frozenset({a, b})} and found.changed("contact", ["position"])
    assert not found.changed("contact", ["full_name"]) and "contact" not in found.membership
    assert not changes_of([note], skip_app="ketnoi other")  # a window's own write is skipped

    writer.execute("UPDATE contact SET deleted_at = now() WHERE id = %s", (a,))
    (note,) = _heard(listener)
    assert note["op"] == "m" and "contact" in changes_of([note]).membership  # into the trash
    writer.execute("DELETE FROM contact_method")  # what hangs off a contact: the contact changed
    notes = _heard(listener)  # (and the trigger of 0012 that keeps its e-mail sort key)
    assert notes and all((n["kind"], n["ids"], n["op"]) == ("contact", [a], "u") for n in notes)
    assert any(n["fields"] is None for n in notes)


def test_a_big_statement_says_everything_instead_of_its_ids(pg: Any) -> None:
    _engine, writer, listener = pg
    writer.execute(
        "INSERT INTO staff (created_at, updated_at, version, name, active) "
        "SELECT now(), now(), 1, 'Cán bộ ' || g, true FROM generate_series(1, 3000) g"
    )
    (note,) = _heard(listener)
    assert note["kind"] == "staff" and note["ids"] is None and note["op"] == "i"
    assert changes_of([note]).everything
    writer.execute("UPDATE staff SET active = false WHERE id IN (SELECT id FROM staff LIMIT 10)")
    (note,) = _heard(listener)
    assert len(note["ids"]) == 10 and note["fields"] == ["active"]
