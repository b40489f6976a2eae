"""Merging two contacts while someone else saves one of them.

Between the officer looking at the pair (the merge dialog's preview) and pressing Merge: a save
the merge keeps (the kept record's own newer position, a tag added to the other) is merged with
and named (``MergeResult.newer``); one it would drop (the other's position when the kept one's
is chosen) is refused naming the field, their value, the merge's, and who saved.

Between the merge's read and its write (another program on PostgreSQL; injected here in the
merge's own transaction on SQLite): the old write put the values read over theirs unseen, and
deleted the other whatever it had become. Both writes now check the version read: the save is
the conflict naming the field, and nothing of the merge is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import merge as merging
from app import records
from app.errors import ConflictError
from db import backup as backups
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.helpers import another_save

THEY = "Trần Văn Bình"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, db_url: str) -> Iterator[Engine]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else db_url
    eng = open_database(url)
    yield eng
    eng.dispose()


def _pair(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        kept = records.create(
            s, "contact", {"full_name": "Nguyễn Văn Hùng", "position": "Giám đốc", "tags": ["AI"]}
        )
        other = records.create(
            s, "contact", {"full_name": "Nguyen Van Hung", "position": "Engineer", "notes": "Techfest 2024"}
        )
    return kept, other


def _looked_at(engine: Engine, kept: int, other: int) -> tuple[dict[str, Any], dict[str, str]]:
    """The pair as the dialog shows it, and a choice for every field (the dialog's radios):
    the kept record's position."""
    with read_session(engine) as s:
        preview = merging.merge_preview(s, "contact", kept, other)
    choices = {row["field"]: row["default"] for row in preview["fields"]}
    return preview, {**choices, "position": "survivor"}


def _merge(engine: Engine, kept: int, other: int, preview: dict[str, Any], choices: dict[str, str]) -> Any:
    with unit_of_work(engine) as s:
        return merging.merge(
            s,
            "contact",
            kept,
            other,
            choices=choices,
            actor="Anh",
            seen=(preview["survivor"], preview["other"]),
        )


def _live(engine: Engine, cid: int) -> dict[str, Any] | None:
    with read_session(engine) as s:
        try:
            return records.get(s, "contact", cid)
        except Exception:
            return None


def test_the_kept_records_newer_position_and_a_tag_added_to_the_other_are_merged_and_named(
    engine: Engine,
) -> None:
    kept, other = _pair(engine)
    preview, choices = _looked_at(engine, kept, other)
    another_save(engine, "contact", kept, {"position": "Phó Giám đốc"}, THEY)
    another_save(engine, "contact", other, {"tags": ["Biotech"]}, THEY)
    result = _merge(engine, kept, other, preview, choices)
    assert result.newer == ("position", "tags")
    assert result.saved is not None and result.saved.actor == THEY
    now = _live(engine, kept)
    assert now is not None and now["position"] == "Phó Giám đốc" and now["tags"] == ["AI", "Biotech"]
    assert _live(engine, other) is None


def test_the_others_position_saved_meanwhile_is_refused_naming_it_and_nothing_is_merged(
    engine: Engine,
) -> None:
    kept, other = _pair(engine)
    preview, choices = _looked_at(engine, kept, other)
    another_save(engine, "contact", other, {"position": "CTO"}, THEY)
    with pytest.raises(ConflictError) as raised:
        _merge(engine, kept, other, preview, choices)
    exc = raised.value
    assert (exc.entity_id, exc.clashing) == (other, ["position"])
    assert "Nguyen Van Hung" in str(exc) and "changed from another window or the command line at " in str(exc)
    assert "Position is now CTO (yours: Giám đốc)" in str(exc)
    assert "Chức vụ nay là CTO (của bạn: Giám đốc)" in exc.vi
    assert _live(engine, other) is not None  # nothing merged
    # their notes on the other are kept (joined): the merge goes ahead once they are
    preview, choices = _looked_at(engine, kept, other)
    another_save(engine, "contact", other, {"notes": "Gặp lại ở Hòa Lạc"}, THEY)
    result = _merge(engine, kept, other, {**preview}, {**choices, "notes": "both"})
    assert result.newer == ("notes",)
    now = _live(engine, kept)
    assert now is not None and now["notes"] == "Gặp lại ở Hòa Lạc"


@pytest.fixture
def lands(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``lands(engine, id, column, value)``: another program's save of the contact right after
    the merge read the pair (at its backup point, before any write): in the merge's own
    transaction on SQLite (which holds the file's write lock), committed from another connection
    on PostgreSQL (a writer without Ketnoi's lock)."""

    def arrange(engine: Engine, cid: int, column: str, value: str) -> None:
        real = backups.before
        sql = f"UPDATE contact SET {column} = :v, version = version + 1 WHERE id = :i"
        who = "INSERT INTO change (entity, entity_id, op, field, at, actor, group_id, login) VALUES ('contact', :i, 'update', :f, :at, :a, 'theirs', '')"

        def before(session: Session, *args: Any, **kwargs: Any) -> Any:
            done = real(session, *args, **kwargs)
            params = {"v": value, "i": cid, "f": column, "at": "2026-11-23 09:05:00", "a": THEY}
            if engine.dialect.name == "sqlite":
                session.execute(text(sql), params)
                session.execute(text(who), params)
            else:
                with engine.begin() as conn:
                    conn.execute(text(sql), params)
                    conn.execute(text(who), params)
            return done

        monkeypatch.setattr(backups, "before", before)

    return arrange


def test_a_save_of_the_kept_record_between_the_read_and_the_write_is_never_overwritten(
    any_engine: Engine, lands: Any
) -> None:
    kept, other = _pair(any_engine)
    lands(any_engine, kept, "position", "Phó Giám đốc")
    with pytest.raises(ConflictError) as raised, unit_of_work(any_engine) as s:
        merging.merge(s, "contact", kept, other, choices={"position": "survivor"}, actor="Anh")
    exc = raised.value
    assert (exc.entity_id, exc.clashing) == (kept, ["position"])
    assert "Position is now Phó Giám đốc (yours: Giám đốc)" in str(exc)
    team = any_engine.dialect.name == "postgresql"  # a colleague named; on a file, another window
    assert (THEY if team else "from another window or the command line at ") in str(exc)
    assert _live(any_engine, other) is not None  # nothing of the merge written


def test_a_save_of_the_other_between_the_read_and_the_write_is_never_dropped(
    any_engine: Engine, lands: Any
) -> None:
    kept, other = _pair(any_engine)
    lands(any_engine, other, "position", "CTO")
    with pytest.raises(ConflictError) as raised, unit_of_work(any_engine) as s:
        merging.merge(s, "contact", kept, other, choices={"position": "survivor"}, actor="Anh")
    exc = raised.value
    assert (exc.entity_id, exc.clashing) == (other, ["position"])
    assert "Position is now CTO (yours: Giám đốc)" in str(exc)
    assert _live(any_engine, other) is not None
