"""An email or phone shared by people of different names joins nobody: an office's switchboard
number or an info@ mailbox is many people's (found by a reviewer: a department's landline made
the second person a "duplicate" of the first, or added their email to the first's record)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.importing.matching import same_person_names
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import do_import, preview, write_xlsx

HEADER = ["Họ và tên", "Đơn vị", "Email", "Điện thoại"]
MAI = ["Nguyễn Thị Mai", "Sở KH&CN Hà Nội", "mai@hanoi.gov.vn", "024 3825 1234"]
TAM = ["Lê Văn Tâm", "Sở KH&CN Hà Nội", "tam@hanoi.gov.vn", "024 3825 1234"]


def _emails(engine: Engine, name: str) -> list[str]:
    with read_session(engine) as s:
        contact = s.exec(select(m.Contact).where(m.Contact.full_name == name)).one()
        methods = s.exec(select(m.ContactMethod).where(m.ContactMethod.contact_id == contact.id)).all()
        return sorted(cm.value for cm in methods if cm.kind == "email")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Nguyễn Thị Mai", "Lê Văn Tâm", False),
        ("Nguyễn Thị Mai", "Nguyen thi mai", True),
        ("Nguyễn Thị Mai", "Mai Nguyễn Thị", True),
        ("Nguyễn Thị Mai", "Mai", True),
        ("John Smith", "J. Smith", True),
        ("Nguyễn Văn An", "Nguyễn Văn Bình", False),
        ("Nguyễn Văn An", "", True),
    ],
)
def test_names_that_can_be_one_person(a: str, b: str, same: bool) -> None:
    assert same_person_names(a, b) is same and same_person_names(b, a) is same


def test_a_switchboard_number_in_one_file_keeps_two_people(engine: Engine, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "so.xlsx",
        {"Danh bạ": [HEADER, MAI, TAM, ["Mai Nguyễn Thị", "Sở KH&CN Hà Nội", "mai@hanoi.gov.vn", None]]},
    )
    pv, _result = do_import(engine, path)
    mai, tam, again = pv.rows
    assert (mai.status, tam.status, again.status) == ("new", "new", "duplicate")
    assert again.duplicate_of == mai.row  # the same email and a name that can be hers
    assert 'same phone 024 3825 1234 as row 2 "Nguyễn Thị Mai", but another name' in text(tam.reasons[0])
    assert "cùng số điện thoại" in text(tam.reasons[0], "vi")
    assert _emails(engine, "Lê Văn Tâm") == ["tam@hanoi.gov.vn"]
    assert _emails(engine, "Nguyễn Thị Mai") == ["mai@hanoi.gov.vn"]


def test_a_switchboard_number_in_the_database_joins_nobody(engine: Engine, tmp_path: Path) -> None:
    do_import(engine, write_xlsx(tmp_path / "a.xlsx", {"Danh bạ": [HEADER, MAI]}))
    pv, _result = do_import(engine, write_xlsx(tmp_path / "b.xlsx", {"Danh bạ": [HEADER, TAM]}))
    (row,) = pv.rows
    assert row.status == "new" and row.match_id is None
    assert 'same phone 024 3825 1234 as #1 "Nguyễn Thị Mai", but another name' in text(row.reasons[0])
    assert _emails(engine, "Nguyễn Thị Mai") == ["mai@hanoi.gov.vn"]  # not joined by Tâm's
    assert _emails(engine, "Lê Văn Tâm") == ["tam@hanoi.gov.vn"]


def test_a_shared_email_with_a_name_that_can_be_the_same_person_still_updates(
    engine: Engine, tmp_path: Path
) -> None:
    do_import(engine, write_xlsx(tmp_path / "a.xlsx", {"Danh bạ": [HEADER, MAI]}))
    later = [["Mai", "Sở KH&CN Hà Nội", "mai@hanoi.gov.vn", "0912 345 678"]]
    pv = preview(engine, write_xlsx(tmp_path / "b.xlsx", {"Danh bạ": [HEADER, *later]}))
    (row,) = pv.rows
    assert row.status == "update" and row.match_id == 1


def test_a_shared_mailbox_still_finds_its_own_person(engine: Engine, tmp_path: Path) -> None:
    """Two people of another name share an address; each finds the record of their own name,
    in the file and in the database, whichever has it first."""
    office = ["Văn phòng Sở", "Sở KH&CN Hà Nội", "mai@hanoi.gov.vn", None]
    path = write_xlsx(tmp_path / "a.xlsx", {"Danh bạ": [HEADER, MAI, office, office]})
    pv, _result = do_import(engine, path)
    assert [r.status for r in pv.rows] == ["new", "new", "duplicate"]
    assert pv.rows[2].duplicate_of == 3  # the office's row, not Mai's, who had the address first
    again = preview(engine, path)
    assert [r.status for r in again.rows] == ["skip", "skip", "duplicate"]
    assert [r.match_id for r in again.rows[:2]] == [1, 2]


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "row 3 (new): same phone"), ("vi", "dòng 3 (mới): cùng số điện thoại")]
)
def test_the_cli_lists_the_rows_kept_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    from app.cli import main

    path = write_xlsx(tmp_path / "so.xlsx", {"Danh bạ": [HEADER, MAI, TAM]})
    assert main(["import", str(path), "--db", str(tmp_path / "k.db"), "--dry-run", "--lang", lang]) == 0
    assert said in capsys.readouterr().out
