"""Migration 0018: letters get ``confidential``, set on those of a confidential meeting, of a
confidential action and of an action of a confidential meeting (one in the trash too); others
stay ordinary. The letters are made at the head, the database taken down to 0017 (the column
dropped) and up again, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import select

from app import records
from app.letters import register
from db.engine import make_engine, unit_of_work
from db.migrate import alembic_config, open_database, stored_revision
from db.tables import LETTER


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_letters_of_confidential_records_become_confidential(
    backend: str, db_url: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("pg_empty_url") if backend == "postgresql" else db_url
    engine = open_database(url)
    day = dt.datetime(2026, 11, 20, 9, 0)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        secret = records.create(
            s,
            "meeting",
            {"title": "Họp kín", "starts_at": day, "organisation_ids": [org], "confidential": True},
        )
        plain = records.create(
            s, "meeting", {"title": "Họp với Genetica", "starts_at": day, "organisation_ids": [org]}
        )
        of_secret = records.create(
            s, "action", {"title": "Gửi thư", "organisation_id": org, "meeting_id": secret}
        )
        hidden = records.create(
            s, "action", {"title": "Gửi thư mật", "organisation_id": org, "confidential": True}
        )
        letters = {
            "secret": register.letter_for_record(s, "meeting", secret),
            "plain": register.letter_for_record(s, "meeting", plain),
            "of_secret": register.letter_for_record(s, "action", of_secret),
            "hidden": register.letter_for_record(s, "action", hidden),
        }
        records.delete(s, "letter", letters["hidden"])
    engine.dispose()

    command.downgrade(alembic_config(url), "0017")
    command.upgrade(alembic_config(url), "0018")
    engine = make_engine(url)
    try:
        assert stored_revision(engine) == "0018"
        with engine.connect() as conn:
            flags = dict(conn.execute(select(LETTER.c.id, LETTER.c.confidential)).all())
        assert {k: flags[i] for k, i in letters.items()} == {
            "secret": True,
            "plain": False,
            "of_secret": True,
            "hidden": True,
        }
    finally:
        engine.dispose()
