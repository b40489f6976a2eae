"""``ketnoi action done|reschedule`` while another program saves the same action between the
command's read and its write (PostgreSQL, a writer without Ketnoi's lock). The old set-based
write put its due date or status over theirs unseen. The write now checks the version it read:
their change to another field (a new title) is kept beside the command's; to the same field it
is refused, the message naming the field with their value and nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import actions, records
from db.engine import read_session, unit_of_work
from db.tables import ACT
from tests.cli.inproc import run_cli

DUE = dt.date(2026, 11, 25)


def _action(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "action", {"title": "Gửi thư giới thiệu tới Genetica", "due_date": DUE})


def _now(engine: Engine, aid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "action", aid)


@pytest.fixture
def lands(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``lands(id, values)``: another program's save of ``values`` right after the command
    read the actions."""
    real = actions._current

    def arrange(aid: int, values: dict[str, Any]) -> None:
        def read(session: Any, ids: Any) -> Any:
            found = real(session, ids)
            session.execute(ACT.update().where(ACT.c.id == aid).values(**values, version=ACT.c.version + 1))
            return found

        monkeypatch.setattr(actions, "_current", read)

    return arrange


def test_a_title_saved_meanwhile_is_kept_and_a_due_date_refuses_the_reschedule_naming_it(
    db_path: Path, engine: Engine, lands: Any
) -> None:
    aid = _action(engine)
    lands(aid, {"title": "Gửi thư giới thiệu (bản sửa)"})
    done = run_cli(db_path, "action", "reschedule", str(aid), "--to", "10/12/2026")
    assert done.returncode == 0, done.stderr
    assert "Rescheduled 1 action" in done.stdout
    now = _now(engine, aid)
    assert (now["title"], now["due_date"]) == ("Gửi thư giới thiệu (bản sửa)", dt.date(2026, 12, 10))

    lands(aid, {"due_date": dt.date(2026, 12, 1)})
    done = run_cli(db_path, "action", "reschedule", str(aid), "--to", "+1w")
    assert done.returncode == 1
    assert (
        f'Action "Gửi thư giới thiệu (bản sửa)" (id {aid}) was changed from another window or the command line at '
    ) in done.stderr  # (one file: the other save was this person's, elsewhere)
    assert " meanwhile: Due is now 01/12/2026 (yours: 17/12/2026). Nothing was overwritten" in done.stderr
    assert _now(engine, aid)["due_date"] == dt.date(
        2026, 12, 10
    )  # nothing written (theirs shared its transaction)


def test_a_status_saved_meanwhile_refuses_done_in_vietnamese(
    db_path: Path, engine: Engine, lands: Any
) -> None:
    aid = _action(engine)
    lands(aid, {"status": "cancelled"})
    done = run_cli(db_path, "action", "done", str(aid), lang="vi_VN.UTF-8")
    assert done.returncode == 1
    assert "vừa được sửa từ một cửa sổ khác hoặc dòng lệnh lúc " in done.stderr
    assert ": Trạng thái nay là Đã huỷ (của bạn: Đã xong)" in done.stderr
    assert _now(engine, aid)["status"] == "open"
