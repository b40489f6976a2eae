"""Migration 0004 recomputes the search keys stored with the old fold, so that a database from
before finds "Łukasz" from "lukasz" once upgraded (SQLite and, with KETNOI_TEST_POSTGRES_URL,
PostgreSQL). Also: the fold copied into the migration is the app's, and folding an old key
again gives the key of the original text (which is why the migration may refold stored keys).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from app.search import search
from app.vntext import clean, fold, name_sort_key, text_sort_key
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import alembic_config, current_revision, head_revision, open_database

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")


def _migration() -> ModuleType:
    module = ScriptDirectory.from_config(alembic_config()).get_revision("0004").module
    assert module.revision == "0004"
    return module


# Rows as Ketnoi wrote them before 0004: keys folded with the old fold ("łukasz", "ørsted"),
# sort keys that put Ł and Ø after z. Literal values, computed by the code of revision 0003.
OLD_ROWS = [
    "INSERT INTO organisation (id, created_at, updated_at, version, name, name_en, acronym, aliases, kind, "
    "country, city, address, website, notes, sort_key, search_text) VALUES (1, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00', 1, 'Ørsted', '', '', '[]', 'enterprise', 'DK', '', '', '', '', "
    "'ø0r0s0t0e0d0!111111', 'ørsted')",
    "INSERT INTO contact (id, created_at, updated_at, version, full_name, family_name, middle_name, given_name, "
    "honorific, position, organisation_id, country, notes, source, sort_key, search_text) VALUES (1, "
    "'2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, 'Łukasz Nowak', 'Nowak', '', 'Łukasz', '', '', 1, "
    "'PL', '', '', 'ł0u0k0a0s0z0#n0o0w0a0k0#!11111111111', 'łukasz nowak l.nowak@example.pl l nowak example pl')",
    "INSERT INTO contact (id, created_at, updated_at, version, full_name, family_name, middle_name, given_name, "
    "honorific, position, country, notes, source, sort_key, search_text) VALUES (2, '2025-01-01 00:00:00', "
    "'2025-01-01 00:00:00', 1, 'Marek Nowak', 'Nowak', '', 'Marek', '', '', 'PL', '', '', "
    "'m0a0r0e0k0#n0o0w0a0k0#!1111111111', 'marek nowak')",
    "INSERT INTO meeting (id, created_at, updated_at, version, title, starts_at, location, kind, agenda, "
    "minutes, decisions, search_text) VALUES (1, '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, "
    "'Møde i København', '2025-03-04 10:00:00', '', 'meeting', '', '', '', 'møde i københavn')",
    "INSERT INTO action (id, created_at, updated_at, version, title, kind, direction, status, priority, "
    "reference, notes, search_text) VALUES (1, '2025-01-01 00:00:00', '2025-01-01 00:00:00', 1, "
    "'Ring til Søren', 'call', 'we_owe', 'open', 2, '', '', 'ring til søren')",
    "INSERT INTO tag (id, name, folded, created_at) VALUES (1, 'Łódź', 'łodz', '2025-01-01 00:00:00')",
    "INSERT INTO tag (id, name, folded, created_at) VALUES (2, 'Lodz', 'lodz', '2025-01-01 00:00:00')",
    "INSERT INTO tag (id, name, folded, created_at) VALUES (3, 'AI', 'ai', '2025-01-01 00:00:00')",
    "INSERT INTO contact_tag (contact_id, tag_id) VALUES (1, 1)",
    "INSERT INTO contact_tag (contact_id, tag_id) VALUES (1, 2)",
    "INSERT INTO contact_tag (contact_id, tag_id) VALUES (2, 2)",
    "INSERT INTO contact_tag (contact_id, tag_id) VALUES (2, 3)",
    "INSERT INTO organisation_tag (organisation_id, tag_id) VALUES (1, 2)",
    "INSERT INTO sector (id, name, folded) VALUES (1, 'Ænergi', 'ænergi')",
    "INSERT INTO organisation_sector (organisation_id, sector_id) VALUES (1, 1)",
]


def _database_at_0003(url: str) -> None:
    command.upgrade(alembic_config(url), "0003")
    engine = make_engine(url)
    with engine.begin() as conn:
        for sql in OLD_ROWS:
            conn.execute(text(sql))
    engine.dispose()


def _hits(engine: Engine, query: str) -> list[tuple[str, int]]:
    with read_session(engine) as s:
        return [(h.kind, h.id) for h in search(s, query)]


def _check_upgraded(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    assert _hits(engine, "lukasz") == [("contact", 1)]
    assert _hits(engine, "łukasz nowak") == [("contact", 1)]
    assert _hits(engine, "l.nowak@example") == [("contact", 1)]
    assert _hits(engine, "orsted") == [("organisation", 1)]
    assert _hits(engine, "mode kobenhavn") == [("meeting", 1)]
    assert _hits(engine, "soren") == [("action", 1)]
    with read_session(engine) as s:
        order = s.execute(text("SELECT full_name FROM contact ORDER BY sort_key")).scalars().all()
        assert order == ["Łukasz Nowak", "Marek Nowak"]
        # The keys are exactly what the app writes for these records today.
        for given, family, key in s.execute(text("SELECT given_name, family_name, sort_key FROM contact")):
            assert key == name_sort_key(given, family)
        assert s.execute(text("SELECT sort_key FROM organisation")).scalar_one() == text_sort_key("Ørsted")
        # "Łódź" and "Lodz" fold alike now: one tag (the first), holding the links of both, once each.
        tags = s.execute(text("SELECT id, name, folded FROM tag ORDER BY id")).all()
        assert [tuple(t) for t in tags] == [(1, "Łódź", "lodz"), (3, "AI", "ai")]
        links = s.execute(
            text("SELECT contact_id, tag_id FROM contact_tag ORDER BY contact_id, tag_id")
        ).all()
        assert [tuple(r) for r in links] == [(1, 1), (2, 1), (2, 3)]
        assert s.execute(text("SELECT tag_id FROM organisation_tag")).scalars().all() == [1]
        assert s.execute(text("SELECT folded FROM sector")).scalars().all() == ["aenergi"]
        assert s.execute(text("SELECT version FROM contact WHERE id = 1")).scalar_one() == 1  # not an edit
    # The app finds the merged tag by either spelling.
    with unit_of_work(engine) as s:
        assert records.named_ids(s, records.m.Tag, ["lodz", "ŁÓDŹ"]) == {"lodz": 1}


def test_sqlite_database_from_0003_finds_lukasz_after_upgrade(db_url: str, db_path: Path) -> None:
    _database_at_0003(db_url)
    engine = make_engine(db_url)
    # The old keys (read directly: the app's search expects a schema at head, with attachments
    # and letters): the test can fail.
    with read_session(engine) as s:
        assert s.execute(text("SELECT count(*) FROM contact WHERE search_text LIKE '%lukasz%'")).scalar() == 0
    engine.dispose()

    engine = open_database(db_url)
    _check_upgraded(engine)
    with engine.connect() as conn:  # the full-text tables match their content tables
        for t in ("organisation", "contact", "meeting", "action"):
            conn.execute(text(f"INSERT INTO fts_{t}(fts_{t}, rank) VALUES ('integrity-check', 1)"))
    engine.dispose()


def test_cli_search_finds_lukasz_in_an_upgraded_file(
    db_url: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database_at_0003(db_url)
    assert main(["search", "lukasz", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Łukasz Nowak" in line for line in lines), lines


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="KETNOI_TEST_POSTGRES_URL not set")
def test_postgres_database_from_0003_finds_lukasz_after_upgrade(pg_empty_url: str) -> None:
    _database_at_0003(pg_empty_url)
    engine = open_database(pg_empty_url)
    try:
        _check_upgraded(engine)
    finally:
        engine.dispose()


# --- the migration's fold is the app's; refolding an old key is folding the text --------------


def _old_fold(text: str) -> str:
    """The fold of revision 0003 (app/vntext.py before 0004), as stored keys were made."""
    text = text.translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None))
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))
    return " ".join(stripped.casefold().split())


NAMES = (
    "Łukasz Søren Straße Ærø Œuvre Þórður Yıldız İnan Əliyev Đặng Ðorđe Nguyễn Thị Hồng Nhung ｆｕｌｌ ﬁnn"
)
names = st.text(alphabet=st.sampled_from(NAMES + "\u00ad\u200d\u200e\u034f\u0301\u0345 @."), max_size=40)


@pytest.mark.slow  # (hundreds of examples: 13-50 s on two cores; the main run has it)
@settings(max_examples=800)
@given(st.one_of(st.text(), names))
@example("Łukasz Nowak")
@example("\u0345")
def test_refolding_an_old_key_gives_the_new_key_of_the_text(value: str) -> None:
    migration = _migration()
    assert migration.fold(value) == fold(value)
    assert migration.fold(_old_fold(value)) == fold(value)


@given(st.lists(names, min_size=1, max_size=3))
def test_migration_sort_keys_are_the_apps(raw: list[str]) -> None:
    """On names as they are stored (cleaned), the migration's sort keys are the app's."""
    migration = _migration()
    parts = [clean(p) for p in raw]
    assert migration.name_sort_key(*parts) == name_sort_key(*parts)
    assert migration.text_sort_key(parts[0]) == text_sort_key(parts[0])


def test_old_fold_copy_is_what_revision_0003_stored() -> None:
    assert _old_fold("Łukasz Nowak") == "łukasz nowak"
    assert _old_fold("Đặng Thị Hồng Nhung") == "dang thi hong nhung"
