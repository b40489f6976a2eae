"""The rules of an action's life (app.actions), without Qt: done, reopen, reschedule, one undo."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import actions, records
from app.errors import ValidationError
from app.undo import undo_group
from db import clock
from db.engine import read_session, unit_of_work
from db.tables import CHANGE


def _actions(engine: Engine, n: int = 3, **values: object) -> list[int]:
    with unit_of_work(engine) as s:
        return [
            records.create(
                s, "action", {"title": f"Việc {i}", "due_date": dt.date(2026, 11, 20 + i), **values}
            )
            for i in range(n)
        ]


def _state(engine: Engine, ids: list[int]) -> list[tuple[str, dt.date | None, dt.date | None, int]]:
    with read_session(engine) as s:
        rows = [records.get(s, "action", i) for i in ids]
    return [(r["status"], r["completed_on"], r["due_date"], r["version"]) for r in rows]


def test_mark_done_is_set_based_dated_today_and_one_undoable_group(engine: Engine) -> None:
    ids = _actions(engine)
    before = _state(engine, ids)
    with unit_of_work(engine) as s:
        group = actions.mark_done(s, ids, actor="Quang")
        assert actions.changed_ids(s, group) == sorted(ids)
    assert [(st, done) for st, done, _d, _v in _state(engine, ids)] == [("done", clock.today())] * 3
    with read_session(engine) as s:
        hist = records.history(s, "action", ids[0])
    assert {(h["field"], h["new"]) for h in hist if h["group_id"] == group} == {
        ("status", "done"),
        ("completed_on", clock.today().isoformat()),
    }
    with unit_of_work(engine) as s:  # already done: nothing to change, no group
        assert actions.mark_done(s, ids) == ""
    with unit_of_work(engine) as s:
        undo_group(s, group, actor="Quang")
    assert [(st, done, due) for st, done, due, _v in _state(engine, ids)] == [
        (st, done, due) for st, done, due, _v in before
    ]


def test_a_done_action_keeps_its_completion_date(engine: Engine) -> None:
    [aid] = _actions(engine, 1, status="done", completed_on=dt.date(2026, 11, 2))
    with unit_of_work(engine) as s:
        assert actions.set_status(s, [aid], "done") == ""
    assert _state(engine, [aid])[0][1] == dt.date(2026, 11, 2)


def test_reopen_clears_the_completion_date_and_leaves_open_ones_alone(engine: Engine) -> None:
    done = _actions(engine, 2, status="done")
    [waiting] = _actions(engine, 1, status="waiting")
    with unit_of_work(engine) as s:
        group = actions.reopen(s, [*done, waiting])
        assert actions.changed_ids(s, group) == sorted(done)
    states = _state(engine, [*done, waiting])
    assert [(st, c) for st, c, _d, _v in states] == [("open", None), ("open", None), ("waiting", None)]


def test_done_or_reopen_reopens_the_done_and_closes_the_rest_in_one_group(engine: Engine) -> None:
    [done] = _actions(engine, 1, status="done")
    [todo] = _actions(engine, 1)
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {done: False, todo: True}, actor="Quang")
    assert (outcome.done, outcome.reopened, outcome.changed) == ((todo,), (done,), sorted([done, todo]))
    assert outcome.already_done == {} and outcome.already_open == {}
    assert [st for st, *_ in _state(engine, [done, todo])] == ["open", "done"]
    with unit_of_work(engine) as s:
        undo_group(s, outcome.group)
    assert [st for st, *_ in _state(engine, [done, todo])] == ["done", "open"]


def _status_history(engine: Engine, aid: int) -> list[tuple[object, object, str]]:
    with read_session(engine) as s:
        rows = s.execute(
            select(CHANGE.c.old, CHANGE.c.new, CHANGE.c.actor)
            .where(CHANGE.c.entity == "action", CHANGE.c.entity_id == aid, CHANGE.c.field == "status")
            .order_by(CHANGE.c.id)
        )
        return [tuple(r) for r in rows]


def test_seen_open_but_done_meanwhile_stays_done_and_says_who(engine: Engine) -> None:
    """The window showed #aid open; someone else marked it done; then "Mark done" here."""
    [aid] = _actions(engine, 1)
    with unit_of_work(engine) as s:  # the other window, or ``ketnoi action done``
        actions.mark_done(s, [aid], actor="Lan")
    before = _state(engine, [aid])
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {aid: True}, actor="Quang")
    assert outcome.group == "" and outcome.changed == []
    assert outcome.already_done == {aid: "Lan"} and outcome.titles[aid] == "Việc 0"
    assert _state(engine, [aid]) == before  # still done, not even its version moved
    assert _status_history(engine, aid) == [("open", "done", "Lan")]  # no "Done → Open"


def test_seen_done_but_reopened_meanwhile_stays_open(engine: Engine) -> None:
    [aid] = _actions(engine, 1, status="done")
    with unit_of_work(engine) as s:
        actions.reopen(s, [aid], actor="Lan")
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {aid: False}, actor="Quang")
    assert outcome.group == "" and outcome.already_open == {aid: "Lan"}
    assert [st for st, *_ in _state(engine, [aid])] == ["open"]
    assert _status_history(engine, aid) == [("done", "open", "Lan")]


def test_a_selection_mixing_both_changes_only_what_is_still_as_seen(engine: Engine) -> None:
    """Four actions seen as: open, open, done, done. Meanwhile one open one was marked done and
    one done one reopened (by Lan). Only the other two change, in one group."""
    seen_open = _actions(engine, 2)
    seen_done = _actions(engine, 2, status="done")
    with unit_of_work(engine) as s:
        actions.mark_done(s, [seen_open[0]], actor="Lan")
        actions.reopen(s, [seen_done[0]], actor="Lan")
    targets = {**dict.fromkeys(seen_open, True), **dict.fromkeys(seen_done, False)}
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, targets, actor="Quang")
        assert actions.changed_ids(s, outcome.group) == sorted([seen_open[1], seen_done[1]])
    assert outcome.done == (seen_open[1],) and outcome.reopened == (seen_done[1],)
    assert outcome.already_done == {seen_open[0]: "Lan"}
    assert outcome.already_open == {seen_done[0]: "Lan"}
    assert [st for st, *_ in _state(engine, [*seen_open, *seen_done])] == ["done", "done", "open", "open"]
    with unit_of_work(engine) as s:  # undo takes back Quang's two, not Lan's
        undo_group(s, outcome.group)
    assert [st for st, *_ in _state(engine, [*seen_open, *seen_done])] == ["done", "open", "open", "done"]


def test_an_action_never_shown_is_decided_as_it_is_now(engine: Engine) -> None:
    """``None``: a row of a large selection the window never read back — done reopens, the rest close."""
    [done] = _actions(engine, 1, status="done")
    [todo] = _actions(engine, 1, status="in_progress")
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {done: None, todo: None})
    assert (outcome.done, outcome.reopened) == ((todo,), (done,))
    assert [st for st, *_ in _state(engine, [done, todo])] == ["open", "done"]


def test_already_done_without_a_name_in_the_history(engine: Engine) -> None:
    [aid] = _actions(engine, 1, status="done")  # created done: no status change to name anyone
    with unit_of_work(engine) as s:
        outcome = actions.done_or_reopen(s, {aid: True})
    assert outcome.already_done == {aid: ""}


def test_reschedule_reopens_closed_actions(engine: Engine) -> None:
    [done] = _actions(engine, 1, status="done")
    [cancelled] = _actions(engine, 1, status="cancelled")
    [todo] = _actions(engine, 1)
    day = dt.date(2027, 1, 4)
    with unit_of_work(engine) as s:
        actions.reschedule(s, [done, cancelled, todo], day)
    assert [(st, c, d) for st, c, d, _v in _state(engine, [done, cancelled, todo])] == [
        ("open", None, day)
    ] * 3


def test_reschedule_by_a_rule_counts_from_each_actions_own_date(engine: Engine) -> None:
    ids = _actions(engine, 2)
    with unit_of_work(engine) as s:
        actions.reschedule(s, ids, lambda due: (due or clock.today()) + dt.timedelta(days=7))
    assert [d for _s, _c, d, _v in _state(engine, ids)] == [dt.date(2026, 11, 27), dt.date(2026, 11, 28)]


def test_reschedule_before_the_meeting_is_refused_and_nothing_is_written(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        mid = records.create(s, "meeting", {"title": "Họp NIC", "starts_at": dt.datetime(2026, 12, 10, 9)})
        from_meeting = records.create(
            s, "action", {"title": "Gửi thư", "meeting_id": mid, "due_date": dt.date(2026, 12, 17)}
        )
    [other] = _actions(engine, 1)
    before = _state(engine, [from_meeting, other])
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="before the meeting it came from"):
        actions.reschedule(s, [other, from_meeting], dt.date(2026, 12, 1))
    assert _state(engine, [from_meeting, other]) == before


def test_deleted_actions_and_unknown_statuses(engine: Engine) -> None:
    [gone, kept] = _actions(engine, 2)
    with unit_of_work(engine) as s:
        records.delete(s, "action", gone)
    with unit_of_work(engine) as s:
        group = actions.mark_done(s, [gone, kept])
        assert actions.changed_ids(s, group) == [kept]
    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="status"):
        actions.set_status(s, [kept], "finished")


def test_done_or_reopen_on_postgresql(pg_url: str) -> None:
    """The rows read are locked (FOR UPDATE) until the unit of work ends; the rules hold there too."""
    from db.migrate import open_database

    engine = open_database(pg_url)
    try:
        [aid] = _actions(engine, 1)
        with unit_of_work(engine) as s:
            actions.mark_done(s, [aid], actor="Lan")
        with unit_of_work(engine) as s:
            outcome = actions.done_or_reopen(s, {aid: True}, actor="Quang")
        assert outcome.group == "" and outcome.already_done == {aid: "Lan"}
        assert _status_history(engine, aid) == [("open", "done", "Lan")]
    finally:
        engine.dispose()
