"""Mark done, reopen and reschedule (app.actions) beside another save of the same action: two
sessions over one SQLite file, as two windows or a window and ``ketnoi`` have them. A change to
another field (a new title) is kept beside the command's; a change to the same field (the due
date, the status) is a ConflictError naming it with the other person's value, and nothing of the
command is written — the other actions it named no more than that one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import actions, lists, records
from app.errors import ConflictError
from app.undo import undo_group
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import ACT

DUE = dt.date(2026, 11, 25)


@pytest.fixture
def other(db_url: str, engine: Engine) -> Iterator[Engine]:
    """Another program's engine (a second window, a colleague's laptop) on the same file."""
    theirs = open_database(db_url)
    yield theirs
    theirs.dispose()


def _actions(engine: Engine, n: int) -> list[int]:
    with unit_of_work(engine) as s:
        return [records.create(s, "action", {"title": f"Việc {i}", "due_date": DUE}) for i in range(n)]


def _seen(engine: Engine, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The actions as a list shows them (what the person acts on)."""
    with read_session(engine) as s:
        return lists.rows(s, "action", ids)


def _now(engine: Engine, aid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "action", aid)


def _save(engine: Engine, aid: int, values: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        records.update(s, "action", aid, values, expected_version=None, actor="Lan")


def test_renamed_elsewhere_then_marked_done_here_keeps_both_and_undo_takes_back_only_mine(
    engine: Engine, other: Engine
) -> None:
    [aid] = _actions(engine, 1)
    seen = _seen(engine, [aid])
    _save(other, aid, {"title": "Gửi thư giới thiệu (bản sửa)"})
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {aid: True}, actor="Anh", seen=seen)
    now = _now(engine, aid)
    assert (now["title"], now["status"]) == ("Gửi thư giới thiệu (bản sửa)", "done")
    with unit_of_work(engine) as s:
        undo_group(s, outcome.group)
    now = _now(engine, aid)
    assert (now["title"], now["status"]) == ("Gửi thư giới thiệu (bản sửa)", "open")


def test_a_due_date_changed_elsewhere_is_a_conflict_naming_it_and_nothing_is_written(
    engine: Engine, other: Engine
) -> None:
    first, moved = _actions(engine, 2)
    seen = _seen(engine, [first, moved])
    _save(other, moved, {"due_date": dt.date(2026, 12, 1), "notes": "hoãn"})
    with pytest.raises(ConflictError) as raised, unit_of_work(engine) as s:
        actions.reschedule(s, [first, moved], dt.date(2026, 12, 4), actor="Anh", seen=seen)
    exc = raised.value
    assert (exc.entity_id, exc.clashing, exc.current["due_date"]) == (
        moved,
        ["due_date"],
        dt.date(2026, 12, 1),
    )
    assert "Due is now 01/12/2026 (yours: 04/12/2026)" in str(exc)
    assert [_now(engine, i)["due_date"] for i in (first, moved)] == [DUE, dt.date(2026, 12, 1)]

    # "Save mine over theirs": again from the action as it is stored now
    with unit_of_work(engine) as s:
        actions.reschedule(s, [first, moved], dt.date(2026, 12, 4), seen={**seen, moved: exc.current})
    assert [_now(engine, i)["due_date"] for i in (first, moved)] == [dt.date(2026, 12, 4)] * 2
    assert _now(engine, moved)["notes"] == "hoãn"  # theirs, never in question


def test_cancelled_elsewhere_then_marked_done_here_is_asked_about(engine: Engine, other: Engine) -> None:
    [aid] = _actions(engine, 1)
    seen = _seen(engine, [aid])
    _save(other, aid, {"status": "cancelled"})
    with pytest.raises(ConflictError) as raised, unit_of_work(engine) as s:
        actions.done_or_reopen(s, {aid: True}, seen=seen)
    assert raised.value.clashing == ["status"] and raised.value.current["status"] == "cancelled"
    assert _now(engine, aid)["status"] == "cancelled"


def test_a_save_landing_between_the_read_and_the_write_is_merged_with_or_refused(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program's save lands after the command read the actions (PostgreSQL, a writer
    that does not take Ketnoi's lock): the command's UPDATE checks the version it read, so a
    rename is kept beside it and a new due date is the conflict, not written over."""
    renamed, moved = _actions(engine, 2)
    real = actions._current

    def current_then(values: dict[int, dict[str, Any]]) -> Any:
        def read(session: Any, ids: Any) -> Any:
            found = real(session, ids)
            for aid, change in values.items():
                session.execute(
                    ACT.update().where(ACT.c.id == aid).values(**change, version=ACT.c.version + 1)
                )
            return found

        return read

    monkeypatch.setattr(actions, "_current", current_then({renamed: {"title": "Tên mới"}}))
    with unit_of_work(engine) as s:
        actions.reschedule(s, [renamed], dt.date(2026, 12, 4))
    now = _now(engine, renamed)
    assert (now["title"], now["due_date"]) == ("Tên mới", dt.date(2026, 12, 4))

    monkeypatch.setattr(actions, "_current", current_then({moved: {"due_date": dt.date(2026, 12, 1)}}))
    with pytest.raises(ConflictError) as raised, unit_of_work(engine) as s:
        actions.reschedule(s, [renamed, moved], dt.date(2026, 12, 9))
    assert raised.value.clashing == ["due_date"] and raised.value.entity_id == moved
    assert _now(engine, renamed)["due_date"] == dt.date(2026, 12, 4)  # nothing of it written


def test_the_same_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A team database: the version-checked writes run in savepoints there too, the rows read
    held FOR UPDATE."""
    mine, theirs = open_database(pg_url), open_database(pg_url)
    try:
        test_renamed_elsewhere_then_marked_done_here_keeps_both_and_undo_takes_back_only_mine(mine, theirs)
        test_a_due_date_changed_elsewhere_is_a_conflict_naming_it_and_nothing_is_written(mine, theirs)
        test_a_save_landing_between_the_read_and_the_write_is_merged_with_or_refused(mine, monkeypatch)
    finally:
        mine.dispose()
        theirs.dispose()
