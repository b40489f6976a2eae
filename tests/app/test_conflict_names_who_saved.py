"""A save refused because the record was saved since it was opened (ConflictError) said that
"someone else" changed it (reviewer, on a team database). The history knows who saved last: on
a team (PostgreSQL) database the refusal names that colleague and their login, with the time;
on a file one person uses it says another window or the command line, not a stranger. In
English and in Vietnamese (the command line under a Vietnamese locale)."""

from __future__ import annotations

import os
import re

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.errors import ConflictError
from db.engine import unit_of_work
from db.migrate import open_database
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

WHEN = r"\d\d/\d\d/\d{4} \d\d:\d\d"  # local time, day first, as the command line writes dates


def _refused(mine: Engine, theirs: Engine, name: str) -> ConflictError:
    """``theirs`` saves a contact's position after ``mine`` read it; ``mine`` then saves the same
    field from what it read: the refusal."""
    with unit_of_work(theirs) as s:
        contact = records.create(s, "contact", {"full_name": name})
    with unit_of_work(mine) as s:
        base = records.get(s, "contact", contact)
    with unit_of_work(theirs) as s:
        records.update(s, "contact", contact, {"position": "Kế toán"}, expected_version=base["version"])
    with pytest.raises(ConflictError) as caught, unit_of_work(mine) as s:
        records.update_edited(s, "contact", contact, {"position": "Thủ quỹ"}, base=base)
    return caught.value


def test_on_a_file_the_refusal_says_another_window_or_the_command_line(engine: Engine, db_url: str) -> None:
    other = open_database(db_url)  # another window (or `ketnoi contact edit`) on the same file
    try:
        exc = _refused(engine, other, "Hoàng Thị Mai")
    finally:
        other.dispose()
    assert re.search(
        rf"was changed from another window or the command line at {WHEN} meanwhile: Position is now Kế toán",
        str(exc),
    ), str(exc)
    assert "someone else" not in str(exc)
    assert re.search(rf"vừa được sửa từ một cửa sổ khác hoặc dòng lệnh lúc {WHEN}: ", exc.vi), exc.vi
    assert "người khác" not in exc.vi
    assert exc.saved is not None and not exc.saved.team and exc.saved.when() in str(exc)


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
    reason="KETNOI_TEST_POSTGRES_URL not set",
)
def test_on_a_team_database_the_refusal_names_the_colleague_and_their_login(ready: Team) -> None:  # noqa: F811
    minh, lan = open_database(ready.urls["minh"]), open_database(ready.urls["lan"])
    try:
        exc = _refused(minh, lan, "Đặng Thu Hà")
    finally:
        minh.dispose()
        lan.dispose()
    login = f"{ready.prefix}lan"
    assert re.search(
        rf"was changed by Trần Thị Lan \(login {login}\) at {WHEN} meanwhile: Position", str(exc)
    ), str(exc)
    assert re.search(rf"vừa được Trần Thị Lan \(tài khoản {login}\) sửa lúc {WHEN}: ", exc.vi), exc.vi
    assert exc.saved is not None and exc.saved.team and exc.saved.when() in str(exc)
    assert (exc.saved.actor, exc.saved.login) == ("Trần Thị Lan", login)
