"""Issue 11: ``contact.org_sort_key`` (the organisation's sort key, kept on the contact so that
the contacts list sorts by organisation through an index) follows every write path: a save, a
move to another organisation, a rename, an import's bulk insert, a merge, a purge; and the
migration fills it in for contacts written before it, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from app import merge, records, trash
from app.vntext import text_sort_key
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import alembic_config, open_database
from db.tables import CON, ORG
from tests.app.importing.helpers import do_import, write_xlsx


def _keys(engine: Engine) -> dict[int, tuple[str | None, str | None]]:
    """contact id → (its org_sort_key, the sort_key of its organisation now)."""
    org = ORG.alias()
    stmt = select(CON.c.id, CON.c.org_sort_key, org.c.sort_key).outerjoin(
        org, org.c.id == CON.c.organisation_id
    )
    with read_session(engine) as s:
        return {int(i): (k, o) for i, k, o in s.execute(stmt)}


def _all_agree(engine: Engine) -> dict[int, tuple[str | None, str | None]]:
    keys = _keys(engine)
    assert all(k == o for k, o in keys.values()), keys
    return keys


def _org(s: Any, name: str) -> int:
    return records.create(s, "organisation", {"name": name})


def _contact(s: Any, name: str, org: int | None) -> int:
    return records.create(s, "contact", {"full_name": name, "organisation_id": org})


def test_saves_moves_renames_merges_and_purges_keep_the_key(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        alpha, beta = _org(s, "Alpha Labs"), _org(s, "Beta Works")
        a = _contact(s, "Nguyễn Văn A", alpha)
        b = _contact(s, "Trần Thị B", beta)
        c = _contact(s, "Lê C", None)
    keys = _all_agree(engine)
    assert keys[a][0] and keys[c][0] is None
    with unit_of_work(engine) as s:  # a contact moves; an organisation is renamed
        records.update(s, "contact", a, {"organisation_id": beta}, expected_version=None)
        records.update(s, "organisation", alpha, {"name": "Zeta Alpha"}, expected_version=None)
        records.update(s, "organisation", beta, {"name": "Aardvark Beta"}, expected_version=None)
        records.update(s, "contact", c, {"organisation_id": alpha}, expected_version=None)
    keys = _all_agree(engine)
    assert keys[a][0] == keys[b][0] and keys[a][0] == text_sort_key("Aardvark Beta")
    with unit_of_work(engine) as s:  # Beta (a and b) merged into Alpha (c)
        merge.merge(s, "organisation", alpha, beta)
    keys = _all_agree(engine)
    assert keys[a][0] == keys[b][0] == keys[c][0] is not None  # all at Alpha now
    with unit_of_work(engine) as s:  # Alpha deleted and purged: its contacts have none
        records.delete(s, "organisation", alpha)
        trash.empty_trash(s)
    keys = _all_agree(engine)
    assert keys[a][0] is None and keys[c][0] is None


def test_an_import_writes_the_key_of_new_and_existing_organisations(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        _org(s, "Genetica")
    path = write_xlsx(
        tmp_path / "people.xlsx",
        {
            "Contacts": [
                ("Họ và tên", "Chức vụ", "Đơn vị"),
                ("Phạm Quốc Hùng", "CEO", "Genetica"),
                ("Vũ Ngọc Bảo", "CTO", "Công ty Mới"),
                ("John Smith", "Advisor", ""),
            ]
        },
    )
    do_import(engine, path, kind="contact")
    keys = _all_agree(engine)
    assert len(keys) == 3
    assert sorted(k is None for k, _ in keys.values()) == [False, False, True]


def _migrated_to_0010_with_contacts(url: str) -> tuple[int, int, int]:
    """A database at 0010 (before the key) with an organisation and two contacts, one in it."""
    open_database(url).dispose()
    command.downgrade(alembic_config(url), "0010")
    engine = make_engine(url)
    stamp = "'2026-01-01', '2026-01-01', 1"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO organisation (name, name_en, acronym, aliases, kind, country, city, address, "
                "website, notes, sort_key, search_text, created_at, updated_at, version) VALUES "
                f"('Genetica', '', '', '[]', 'startup', 'VN', '', '', '', '', 'genetica', '', {stamp})"
            )
        )
        org = int(conn.execute(text("SELECT id FROM organisation")).scalar_one())
        for name, where in (("A", org), ("B", None)):
            conn.execute(
                text(
                    "INSERT INTO contact (full_name, family_name, middle_name, given_name, honorific, position, "
                    "organisation_id, country, notes, source, sort_key, search_text, created_at, updated_at, "
                    f"version) VALUES (:n, '', '', :g, '', '', :o, 'VN', '', '', :k, '', {stamp})"
                ),
                {"n": name, "g": name, "k": name.lower(), "o": where},
            )
        found = dict(conn.execute(text("SELECT full_name, id FROM contact")).all())
    engine.dispose()
    return org, int(found["A"]), int(found["B"])


def _backfill_and_triggers(url: str) -> None:
    org, one, two = _migrated_to_0010_with_contacts(url)
    engine = open_database(url)  # upgrades through 0011: fills the key in
    try:
        assert _keys(engine) == {one: ("genetica", "genetica"), two: (None, None)}
        with unit_of_work(engine) as s:
            records.update(s, "organisation", org, {"name": "Zen Genetica"}, expected_version=None)
            other = _org(s, "Alpha")
            records.update(s, "contact", two, {"organisation_id": other}, expected_version=None)
            _contact(s, "Mới", other)
        keys = _all_agree(engine)
        assert keys[one][0] == text_sort_key("Zen Genetica")
        assert keys[two][0] == text_sort_key("Alpha")
    finally:
        engine.dispose()


def test_the_migration_fills_the_key_in_and_triggers_keep_it_sqlite(db_url: str) -> None:
    _backfill_and_triggers(db_url)


def test_the_migration_fills_the_key_in_and_triggers_keep_it_postgresql(pg_empty_url: str) -> None:
    _backfill_and_triggers(pg_empty_url)
    engine = open_database(pg_empty_url)
    try:  # a purge's ON DELETE SET NULL goes through the trigger too
        with unit_of_work(engine) as s:
            for org in s.execute(select(ORG.c.id)).scalars():
                records.delete(s, "organisation", int(org))
            trash.empty_trash(s)
        assert all(k is None for k, _ in _all_agree(engine).values())
    finally:
        engine.dispose()
