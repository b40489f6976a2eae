"""On a team database a key kept for every row follows a write by a login that cannot see the
row: Minh (an officer) renames Genetica; Lan's confidential follow-up about Genetica, hidden
from Minh, re-sorts for those who see it (the trigger functions run with their owner's rights,
migration 0012). Same for the contacts' organisation key of migration 0011."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from app.vntext import text_sort_key
from tests.db.test_team import PG_URL, Team, ready, secret_meeting, server, team  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="KETNOI_TEST_POSTGRES_URL not set"),
]


def _scalar(url: str, sql: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def test_a_rename_by_a_login_that_cannot_see_the_rows_moves_their_keys(
    ready: Team,  # noqa: F811
    secret_meeting: int,  # noqa: F811
) -> None:
    secret = "SELECT count(*) FROM action WHERE confidential"
    assert _scalar(ready.urls["hoa"], secret) == 1  # the manager sees Lan's follow-up
    assert _scalar(ready.urls["minh"], secret) == 0  # Minh does not
    code, _out, err = ready.cli("lan", "contact", "add", "--name", "Phạm Quốc Hùng", "--organisation", "Genetica",
                                "--confidential")  # fmt: skip
    assert code == 0, err
    genetica = _scalar(ready.urls["minh"], "SELECT id FROM organisation WHERE name = 'Genetica'")
    code, _out, err = ready.cli("minh", "org", "edit", str(genetica), "--name", "Zeta Genetica")
    assert code == 0, err
    key = text_sort_key("Zeta Genetica")
    assert _scalar(ready.urls["hoa"], "SELECT org_sort_key FROM action WHERE confidential") == key
    assert _scalar(ready.urls["hoa"], f"SELECT org_sort_key FROM meeting WHERE id = {secret_meeting}") == key
    assert _scalar(ready.urls["hoa"], "SELECT org_sort_key FROM contact WHERE confidential") == key
