"""A confidential record exported to Excel and imported into a team database (reviewer: it came
back ordinary, seen by every officer there): a manager importing the workbook gets each one
confidential, owned by their login as a record they mark confidential in the window is, and an
officer of that database does not see it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app import team as signed_in
from db.engine import read_session
from db.migrate import open_database
from db.tables import MEET
from tests.app.exporting.test_confidential_round_trip import (
    EXPECTED,
    SECRET,
    build,
    column,
    export,
    flags,
    import_all,
)
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


def _titles(url: str) -> set[str]:
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            return set(s.execute(select(MEET.c.title)).scalars())
    finally:
        engine.dispose()


def test_a_laptops_confidential_meeting_stays_hidden_from_officers(ready: Team, tmp_path: Path) -> None:  # noqa: F811
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.db'}")
    try:
        build(laptop)
        export(laptop, tmp_path / "all.xlsx")
    finally:
        laptop.dispose()
    hoa = open_database(ready.urls["hoa"])  # a manager imports it into the team database
    try:
        import_all(hoa, tmp_path / "all.xlsx")
        assert flags(hoa) == EXPECTED
        me = signed_in.identity(hoa)
        assert me is not None
        with read_session(hoa) as s:  # owned by the importing login, as if marked in the window
            assert s.execute(select(MEET.c.owner_id).where(MEET.c.title == SECRET)).scalar() == me.staff_id
    finally:
        hoa.dispose()
    assert SECRET not in _titles(ready.urls["minh"])  # an officer of the team database
    assert "Họp giao ban" in _titles(ready.urls["minh"])
    assert SECRET in _titles(ready.urls["hoa"])

    # and from the team database to another: the manager's export keeps the mark
    hoa = open_database(ready.urls["hoa"])
    try:
        assert export(hoa, tmp_path / "team.xlsx")["meeting"] >= 1
    finally:
        hoa.dispose()
    assert column(tmp_path / "team.xlsx", "meeting", "Mật / Confidential")[SECRET] == "Yes"
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        import_all(copy, tmp_path / "team.xlsx")
        assert flags(copy)["meeting"][SECRET] is True
    finally:
        copy.dispose()
