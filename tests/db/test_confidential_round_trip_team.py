"""A confidential record exported to Excel and imported into a team database (reviewer: it came
back ordinary, seen by every officer there): a manager importing the workbook gets each one
confidential, owned by their login as a record they mark confidential in the window is, and an
officer of that database does not see it. And the database owner's technical login, responsible
for an action, is not written into the Actions sheet (a re-import made "ketnoi_owner" a staff
member again): the column is blank, as the Staff sheet leaves that login out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from app import records
from app import team as signed_in
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import ACT, MEET, STAFF
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


def test_the_owners_login_is_not_written_as_responsible(ready: Team, tmp_path: Path) -> None:  # noqa: F811
    owner_login = f"{ready.prefix}owner"
    engine = open_database(ready.urls["owner"])
    try:
        me = signed_in.identity(engine)  # its first sign-in: a staff record named by its login
        assert me is not None and me.name == owner_login
        with unit_of_work(engine) as s:
            records.create(s, "action", {"title": "Cài đặt máy chủ", "responsible_staff_id": me.staff_id})
    finally:
        engine.dispose()
    hoa = open_database(ready.urls["hoa"])
    try:
        export(hoa, tmp_path / "team.xlsx")
        with read_session(hoa) as s:  # (the action keeps it in the database)
            responsible = s.execute(
                select(ACT.c.responsible_staff_id).where(ACT.c.title == "Cài đặt máy chủ")
            ).scalar()
            assert s.execute(select(STAFF.c.name).where(STAFF.c.id == responsible)).scalar() == owner_login
    finally:
        hoa.dispose()
    assert (
        column(tmp_path / "team.xlsx", "action", "Người phụ trách / Responsible")["Cài đặt máy chủ"] is None
    )
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.db'}")
    try:
        import_all(laptop, tmp_path / "team.xlsx")
        with read_session(laptop) as s:
            assert owner_login not in set(s.execute(select(STAFF.c.name)).scalars())
    finally:
        laptop.dispose()
