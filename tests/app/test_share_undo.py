"""Sharing a confidential record is one undoable step (app.team.share / unshare with a group,
app.undo.undo_group): the undo takes back whom it was shown to and gives back whom it was taken
from, the redo does it again, a share changed since stops it; SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from app import records, team, undo
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, db_url: str) -> Iterator[Engine]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else db_url
    eng = open_database(url)
    yield eng
    eng.dispose()


def _people(engine: Engine) -> tuple[int, int, int, int]:
    with unit_of_work(engine) as s:
        staff = [
            m.Staff(name=n, email=e)
            for n, e in (
                ("Lê Văn Bình", "binh@nic.vn"),
                ("Phạm Thu Hà", "ha@nic.vn"),
                ("Đặng Quốc Huy", "huy@nic.vn"),
            )
        ]
        s.add_all(staff)
        s.flush()
        contact = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "confidential": True})
        return (int(contact), *(int(p.id or 0) for p in staff))  # type: ignore[return-value]


def _shown_to(engine: Engine, contact: int) -> list[str]:
    with read_session(engine) as s:
        return [name for _i, name in team.shares_of(s, "contact", contact)]


def test_a_share_is_undone_and_redone_as_one_step(engine: Engine) -> None:
    contact, binh, ha, huy = _people(engine)
    with unit_of_work(engine) as s:
        team.share(s, "contact", contact, [ha], by=None)
    group = records.new_group_id()
    with unit_of_work(engine) as s:  # the Share dialog's Save: Bình and Huy given it, Hà not any more
        team.share(s, "contact", contact, [binh, huy], by=None, group_id=group)
        team.unshare(s, "contact", contact, [ha], group_id=group)
    assert _shown_to(engine, contact) == ["Lê Văn Bình", "Đặng Quốc Huy"]
    with read_session(engine) as s:
        assert undo.last_undoable(s) is not None and undo.last_undoable(s).group_id == group  # type: ignore[union-attr]
        assert undo.describe(s, group) == 'Changed who sees contact "Nguyễn Thị Hồng Nhung"'
        assert undo.describe(s, group, "vi") == 'Đổi người được xem liên hệ "Nguyễn Thị Hồng Nhung"'
    with unit_of_work(engine) as s:
        done = undo.undo_group(s, group)
    assert _shown_to(engine, contact) == ["Phạm Thu Hà"]
    with unit_of_work(engine) as s:
        redone = undo.undo_group(s, done.group_id)
    assert _shown_to(engine, contact) == ["Lê Văn Bình", "Đặng Quốc Huy"]
    with unit_of_work(engine) as s:  # since the redo, Huy no longer sees it: undoing the redo would
        team.unshare(s, "contact", contact, [huy])  # take back what is not there
    with unit_of_work(engine) as s, pytest.raises(undo.UndoConflict, match="Đặng Quốc Huy"):
        undo.undo_group(s, redone.group_id)
    assert _shown_to(engine, contact) == ["Lê Văn Bình"]  # nothing written by the refused undo


def test_a_step_that_gave_and_took_back_one_colleague_is_undone_in_order(engine: Engine) -> None:
    contact, binh, _ha, _huy = _people(engine)
    group = records.new_group_id()
    with unit_of_work(engine) as s:  # shown to Bình, then not after all, in one step
        team.share(s, "contact", contact, [binh], by=None, group_id=group)
        team.unshare(s, "contact", contact, [binh], group_id=group)
    assert _shown_to(engine, contact) == []
    with unit_of_work(engine) as s:
        done = undo.undo_group(s, group)
    assert _shown_to(engine, contact) == []
    with unit_of_work(engine) as s:
        undo.undo_group(s, done.group_id)
    assert _shown_to(engine, contact) == []
