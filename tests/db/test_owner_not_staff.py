"""The database owner's login showed up as a staff member (reviewer, team database): its first
sign-in gave it a staff record named "ketnoi_owner", offered in New action → Responsible and
written to the exported Staff sheet as active (re-imported into a laptop file, a staff member
"ketnoi_owner"). That record is a technical account: not offered, not exported — until someone
gives it a person's name (on some teams the owner is a person), and an action it is responsible
for keeps it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from app import lists
from app import team as signed_in
from app.exporting.workbook import export_workbook
from app.importing.fields import LABELS
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import STAFF
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


def _offered(url: str) -> list[str]:
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            return [name for _id, name in lists.staff_list(s)]
    finally:
        engine.dispose()


def _staff_sheet(url: str, path: Path) -> list[str]:
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            export_workbook(path, session=s)
    finally:
        engine.dispose()
    sheet = load_workbook(path, read_only=True)[LABELS["staff"]]
    return [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


def test_the_owners_login_is_no_staff_member_until_given_a_name(ready: Team, tmp_path: Path) -> None:  # noqa: F811
    owner = f"{ready.prefix}owner"
    engine = open_database(ready.urls["owner"])
    try:
        me = signed_in.identity(engine)  # its first sign-in: its staff record, named by its login
        assert me is not None and me.staff_id is not None and me.name == owner
    finally:
        engine.dispose()

    offered = _offered(ready.urls["lan"])
    assert "Trần Thị Lan" in offered and "Nguyễn Thị Hoa" in offered
    assert owner not in offered
    exported = _staff_sheet(ready.urls["hoa"], tmp_path / "a.xlsx")
    assert "Trần Thị Lan" in exported and owner not in exported, exported

    engine = open_database(ready.urls["owner"])  # the owner is a person here: named under Staff
    try:
        with unit_of_work(engine) as s:
            s.execute(update(STAFF).where(STAFF.c.login == owner).values(name="Đỗ Quang Vinh"))
        with read_session(engine) as s:
            assert s.execute(select(STAFF.c.login).where(STAFF.c.name == "Đỗ Quang Vinh")).scalar() == owner
    finally:
        engine.dispose()
    assert "Đỗ Quang Vinh" in _offered(ready.urls["lan"])
    assert "Đỗ Quang Vinh" in _staff_sheet(ready.urls["hoa"], tmp_path / "b.xlsx")
