"""Migration 0012: the keys that let a list sort by a value it shows from another table
(an action's organisation and responsible person, a meeting's first organisation, an
organisation's owner, a contact's first e-mail and phone) follow every write: saves, renames of
the record the value comes from, links added and removed, merges, purges; the migration fills
them in for rows written before it. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from app import lists, merge, records, trash
from app.vntext import text_sort_key
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import alembic_config, open_database
from db.tables import ACT, CON, MEET, ORG


def _expected(s: Any) -> dict[str, dict[int, tuple[Any, Any]]]:
    """Each key as stored, beside the value it must have, computed from the rows now."""
    out: dict[str, dict[int, tuple[Any, Any]]] = {}
    rows = s.execute(
        text(
            "SELECT a.id, a.org_sort_key, o.sort_key, a.responsible_sort_key, "
            "COALESCE(st.name, c.full_name) FROM action a "
            "LEFT JOIN organisation o ON o.id = a.organisation_id "
            "LEFT JOIN staff st ON st.id = a.responsible_staff_id "
            "LEFT JOIN contact c ON c.id = a.responsible_contact_id"
        )
    ).all()
    out["action.org"] = {int(r[0]): (r[1], r[2]) for r in rows}
    out["action.responsible"] = {int(r[0]): (r[3], r[4]) for r in rows}
    out["meeting.org"] = {
        int(r[0]): (r[1], r[2])
        for r in s.execute(
            text(
                "SELECT m.id, m.org_sort_key, (SELECT MIN(o.sort_key) FROM meeting_organisation mo "
                "JOIN organisation o ON o.id = mo.organisation_id WHERE mo.meeting_id = m.id) FROM meeting m"
            )
        )
    }
    out["organisation.owner"] = {
        int(r[0]): (r[1], r[2])
        for r in s.execute(
            text(
                "SELECT o.id, o.owner_sort_key, st.name FROM organisation o "
                "LEFT JOIN staff st ON st.id = o.owner_id"
            )
        )
    }
    for kind in ("email", "phone"):
        out[f"contact.{kind}"] = {
            int(r[0]): (r[1], r[2])
            for r in s.execute(
                text(
                    f"SELECT c.id, c.{kind}_sort_key, (SELECT m.value FROM contact_method m "
                    f"WHERE m.contact_id = c.id AND m.kind = '{kind}' ORDER BY m.position, m.id LIMIT 1) "
                    "FROM contact c"
                )
            )
        }
    return out


def _all_agree(engine: Engine) -> dict[str, dict[int, tuple[Any, Any]]]:
    with read_session(engine) as s:
        keys = _expected(s)
    for name, values in keys.items():
        assert all(k == v for k, v in values.values()), (name, values)
    return keys


def _ids(engine: Engine, entity: str, column: str) -> list[int]:
    q = lists.default_query(entity).with_(sort=column, status=None)
    with read_session(engine) as s:
        return lists.ids(s, q)


def _network(s: Any) -> dict[str, int]:
    lan = records.create(s, "staff", {"name": "Lan"})
    minh = records.create(s, "staff", {"name": "Minh"})
    most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "owner_id": minh})
    gen = records.create(s, "organisation", {"name": "Genetica", "owner_id": lan})
    hung = records.create(
        s,
        "contact",
        {"full_name": "Phạm Quốc Hùng", "organisation_id": gen, "emails": ["hung@genetica.vn"], "phones": []},
    )
    meeting = records.create(
        s,
        "meeting",
        {
            "title": "Kick-off",
            "starts_at": __import__("datetime").datetime(2026, 11, 20, 9),
            "organisation_ids": [gen, most],
        },
    )
    letter = records.create(
        s,
        "action",
        {
            "title": "Issue introduction letter to Genetica",
            "organisation_id": gen,
            "meeting_id": meeting,
            "responsible_staff_id": minh,
        },
    )
    call = records.create(
        s, "action", {"title": "Call back", "organisation_id": most, "responsible_contact_id": hung}
    )
    return {
        "lan": lan,
        "minh": minh,
        "most": most,
        "gen": gen,
        "hung": hung,
        "meeting": meeting,
        "letter": letter,
        "call": call,
    }


def _follow_every_write(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        n = _network(s)
    keys = _all_agree(engine)
    assert keys["action.org"][n["letter"]][0] == text_sort_key("Genetica")
    assert keys["action.responsible"][n["call"]][0] == "Phạm Quốc Hùng"
    assert keys["meeting.org"][n["meeting"]][0] == text_sort_key("Bộ Khoa học và Công nghệ")
    assert keys["contact.email"][n["hung"]][0] == "hung@genetica.vn"
    assert keys["contact.phone"][n["hung"]][0] is None
    # Bộ… < Genetica: MOST's action first; the organisation renamed, the actions re-sort
    assert _ids(engine, "action", "organisation") == [n["call"], n["letter"]]
    # Minh owns MOST, Lan owns Genetica: by owner Genetica first
    assert _ids(engine, "organisation", "owner")[:2] == [n["gen"], n["most"]]
    with unit_of_work(engine) as s:
        records.update(s, "organisation", n["most"], {"name": "Zeta MOST"}, expected_version=None)
        records.update(s, "staff", n["lan"], {"name": "Xuân Lan"}, expected_version=None)
        records.update(
            s,
            "contact",
            n["hung"],
            {"full_name": "Anh Hùng", "phones": ["+84903112233"], "emails": ["b@x.vn", "a@x.vn"]},
            expected_version=None,
        )
    keys = _all_agree(engine)
    assert _ids(engine, "action", "organisation") == [n["letter"], n["call"]]
    assert _ids(engine, "organisation", "owner")[:2] == [n["most"], n["gen"]]
    assert keys["organisation.owner"][n["gen"]][0] == "Xuân Lan"
    assert keys["action.responsible"][n["call"]][0] == "Anh Hùng"
    assert keys["contact.email"][n["hung"]][0] == "b@x.vn"  # the first, not the least
    assert keys["contact.phone"][n["hung"]][0] == "+84903112233"
    assert keys["meeting.org"][n["meeting"]][0] == text_sort_key("Genetica")
    with unit_of_work(engine) as s:  # links changed: the meeting loses Genetica; responsibles move
        records.update(s, "meeting", n["meeting"], {"organisation_ids": [n["most"]]}, expected_version=None)
        records.update(
            s,
            "action",
            n["call"],
            {"responsible_staff_id": n["lan"], "organisation_id": n["gen"]},
            expected_version=None,
        )
        records.update(s, "organisation", n["gen"], {"owner_id": None}, expected_version=None)
    keys = _all_agree(engine)
    assert keys["meeting.org"][n["meeting"]][0] == text_sort_key("Zeta MOST")
    assert keys["action.responsible"][n["call"]][0] == "Xuân Lan"  # staff before contact
    assert keys["organisation.owner"][n["gen"]][0] is None
    with unit_of_work(engine) as s:  # e-mails removed
        records.update(s, "contact", n["hung"], {"emails": [], "phones": ["+84903112233", "+84912000111"]},
                       expected_version=None)  # fmt: skip
    keys = _all_agree(engine)
    assert keys["contact.email"][n["hung"]][0] is None
    with unit_of_work(engine) as s:  # phones reordered by a direct write
        s.execute(text("UPDATE contact_method SET position = 1 - position WHERE kind = 'phone'"))
    keys = _all_agree(engine)
    assert keys["contact.phone"][n["hung"]][0] == "+84912000111"
    with unit_of_work(engine) as s:  # MOST merged into Genetica, then Genetica purged
        merge.merge(s, "organisation", n["gen"], n["most"])
    keys = _all_agree(engine)
    assert keys["meeting.org"][n["meeting"]][0] == text_sort_key("Genetica")
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", n["gen"])
        records.delete(s, "contact", n["hung"])
        records.delete(s, "staff", n["lan"])
        trash.empty_trash(s)
    keys = _all_agree(engine)
    assert keys["meeting.org"][n["meeting"]][0] is None
    assert all(k is None for k, _ in keys["action.org"].values())


def test_keys_follow_every_write_sqlite(engine: Engine) -> None:
    _follow_every_write(engine)


def test_keys_follow_every_write_postgresql(pg_url: str) -> None:
    engine = open_database(pg_url)
    try:
        _follow_every_write(engine)
    finally:
        engine.dispose()


def _backfill(url: str) -> None:
    engine = open_database(url)
    with unit_of_work(engine) as s:
        n = _network(s)
    engine.dispose()
    command.downgrade(alembic_config(url), "0011")
    command.upgrade(alembic_config(url), "0012")
    engine = make_engine(url)
    try:
        keys = _all_agree(engine)
        assert keys["action.org"][n["letter"]][0] == text_sort_key("Genetica")
        assert keys["organisation.owner"][n["most"]][0] == "Minh"
        with read_session(engine) as s:
            assert s.execute(select(ACT.c.responsible_sort_key).where(ACT.c.id == n["call"])).scalar_one()
            assert s.execute(select(MEET.c.org_sort_key)).scalar_one()
            assert s.execute(select(CON.c.email_sort_key)).scalar_one() == "hung@genetica.vn"
            assert s.execute(select(ORG.c.owner_sort_key).where(ORG.c.id == n["gen"])).scalar_one() == "Lan"
    finally:
        engine.dispose()


def test_the_migration_fills_the_keys_in_sqlite(db_url: str) -> None:
    _backfill(db_url)


def test_the_migration_fills_the_keys_in_postgresql(pg_empty_url: str) -> None:
    _backfill(pg_empty_url)
