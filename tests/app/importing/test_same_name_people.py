"""Two people with the same name at the same organisation are two people.

A name at the same organisation matches a row to a row above or to a record, unless the two are
evidently different people: no email and no phone in common, and for emails or for phones both
have some. An email or a phone in common still matches, and so does a name when one side has no
email or phone (a person whose row lacks contact details is still recognised).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app.cli import main
from app.importing import run_import
from app.importing.messages import text
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import by_status, do_import, preview, write_xlsx

HEAD = ["Họ và tên", "Đơn vị", "Chức vụ", "Email", "Điện thoại", "Ghi chú"]
AN = "Cao Minh An"


def book(path: Path, rows: list[list[Any]]) -> Path:
    return write_xlsx(path, {"Danh bạ": [HEAD, *rows]})


def people(engine: Engine) -> list[tuple[int, str, str, list[str]]]:
    """(id, name, position, emails and phones) of every live contact, oldest first."""
    with read_session(engine) as s:
        out = []
        for c in s.exec(
            select(m.Contact).where(col(m.Contact.deleted_at).is_(None)).order_by(col(m.Contact.id))
        ):
            methods = s.exec(select(m.ContactMethod.value).where(m.ContactMethod.contact_id == c.id)).all()
            out.append((c.id, c.full_name, c.position, sorted(methods)))
        return out


def _sequential_scans(dbapi_connection: Any, _record: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        for setting in ("enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"):
            cursor.execute(f"SET {setting} = off")
    dbapi_connection.commit()


@pytest.fixture(params=["sqlite", "postgres"])
def any_engine(request: pytest.FixtureRequest, engine: Engine) -> Iterator[Engine]:
    if request.param == "sqlite":
        yield engine
        return
    eng = open_database(request.getfixturevalue("pg_url"))
    try:
        yield eng
    finally:
        eng.dispose()


def test_two_people_of_one_name_in_one_file_are_both_imported(any_engine: Engine, tmp_path: Path) -> None:
    path = book(tmp_path / "a.xlsx", [
        [AN, "FPT", "CTO", "user2564@example42.vn", "+84910002564", None],
        [AN, "FPT", "Phó Giám đốc", "user23139@example53.vn", "+84910023139", None],
        [AN, "FPT Corporation (FPT)", "Trưởng phòng", "an3@fpt.vn", None, None],  # another email only
        # a phone only: nothing tells it from row 4 (an email only), the first it may be
        [AN, "FPT", None, None, "+84910099999", None],
    ])  # fmt: skip
    pv = preview(any_engine, path)
    assert by_status(pv) == {"new": [2, 3, 4], "duplicate": [5]}
    assert pv.rows[3].duplicate_of == 4
    note = pv.rows[1].messages()[-1]
    assert note.code == "other_person_than_row" and note.level == "note" and note.params["other_row"] == 2
    assert text(note) == (
        "same name and organisation as row 2, but no email or phone in common: imported as another person"
    )
    assert "nhập thành một người khác" in text(note, "vi")
    assert pv.rows[2].messages()[-1].params["other_row"] == 2
    result = run_import(any_engine, pv)
    assert result.counts["new"] == 3
    got = people(any_engine)
    assert [(name, pos) for _i, name, pos, _m in got] == [
        (AN, "CTO"),
        (AN, "Phó Giám đốc"),
        (AN, "Trưởng phòng"),
    ]
    assert got[0][3] == ["+84910002564", "user2564@example42.vn"]
    assert got[1][3] == ["+84910023139", "user23139@example53.vn"]


def test_a_shared_email_or_a_row_without_details_still_matches_by_name(
    any_engine: Engine, tmp_path: Path
) -> None:
    path = book(tmp_path / "b.xlsx", [
        [AN, "FPT", "CTO", "an@fpt.vn", "+84910002564", None],
        [AN, "FPT", "Phó Giám đốc", "other@fpt.vn", "+84910023139", None],
        [AN, "FPT", None, "AN@fpt.vn", "+84910077777", None],  # same email as row 2, another phone
        [AN, "FPT", "Chuyên viên", None, None, "không có email"],  # no details: the first of the name
        [AN, "FPT", None, None, "+84910023139", None],  # the phone of row 3
        [AN, "FPT", None, "an.x@fpt.vn", None, None],  # another email: a third person
        [AN, "FPT", None, None, "+84 910 023 139", "gọi lại"],  # the phone of row 3 written another way
    ])  # fmt: skip
    pv = preview(any_engine, path)
    assert by_status(pv) == {"new": [2, 3, 7], "duplicate": [4, 5, 6, 8]}
    assert [pv.rows[i].duplicate_of for i in (2, 3, 4, 6)] == [2, 2, 3, 3]
    assert pv.rows[2].messages()[0].params["key"].code == "email"
    assert pv.rows[3].messages()[0].params["key"].code == "name"
    assert pv.rows[4].messages()[0].params["key"].code == "phone"


def test_a_row_with_only_a_phone_is_the_first_of_its_name_without_one(engine: Engine, tmp_path: Path) -> None:
    """The first row of the name has an email only, the second a different email: two people.
    A third row with a phone only has nothing that tells it from the first: a duplicate of it."""
    path = book(tmp_path / "c.xlsx", [
        [AN, "FPT", None, "a@fpt.vn", None, None],
        [AN, "FPT", None, "b@fpt.vn", None, None],
        [AN, "FPT", None, None, "+84910000001", None],
    ])  # fmt: skip
    pv = preview(engine, path)
    assert by_status(pv) == {"new": [2, 3], "duplicate": [4]}
    assert pv.rows[2].duplicate_of == 2


def test_against_the_database_another_person_is_new_and_the_record_unchanged(
    any_engine: Engine, tmp_path: Path
) -> None:
    do_import(any_engine, book(tmp_path / "1.xlsx", [[AN, "FPT", "CTO", "an@fpt.vn", "+84910002564", "cũ"]]))
    before = people(any_engine)
    second = book(tmp_path / "2.xlsx", [
        [AN, "FPT", "Phó Giám đốc", "other@fpt.vn", "+84910023139", "mới"],
    ])  # fmt: skip
    for on_match in ("fill", "overwrite", "skip"):
        pv = preview(any_engine, second, on_match=on_match)
        assert by_status(pv) == {"new": [2]}, on_match
        assert pv.rows[0].match_id is None
        note = pv.rows[0].messages()[-1]
        assert note.code == "other_person_than_contact"
        assert note.params == {"id": before[0][0], "name": AN}
        assert text(note) == (
            f'same name and organisation as #{before[0][0]} "{AN}", but no email or phone in common: '
            "imported as another person"
        )
    result = run_import(any_engine, preview(any_engine, second, on_match="overwrite"))
    assert result.counts["new"] == 1
    after = people(any_engine)
    assert after[0] == before[0]  # not merged into the first
    assert after[1][1:] == (AN, "Phó Giám đốc", ["+84910023139", "other@fpt.vn"])


def test_against_the_database_a_shared_email_or_no_details_still_updates(
    any_engine: Engine, tmp_path: Path
) -> None:
    do_import(any_engine, book(tmp_path / "1.xlsx", [[AN, "FPT", "CTO", "an@fpt.vn", "+84910002564", None]]))
    (ident, *_rest), = people(any_engine)  # fmt: skip
    second = book(tmp_path / "2.xlsx", [
        [AN, "FPT", None, "an@fpt.vn", "+84910023139", "số mới"],  # same email, another phone
    ])  # fmt: skip
    pv, _result = do_import(any_engine, second)
    assert by_status(pv) == {"update": [2]} and pv.rows[0].match_id == ident
    assert people(any_engine)[0][3] == ["+84910002564", "+84910023139", "an@fpt.vn"]
    third = book(tmp_path / "3.xlsx", [[AN, "FPT", None, None, None, "không có email"]])
    pv = preview(any_engine, third)
    assert by_status(pv) == {"update": [2]} and pv.rows[0].match_id == ident


def test_the_oldest_record_of_a_name_matches_and_a_second_person_is_found_too(
    engine: Engine, tmp_path: Path
) -> None:
    """Two records of one name (two people): a row without details matches the oldest; a row
    sharing nothing with the oldest but only a phone, where the second has no phone, matches
    the second."""
    do_import(engine, book(tmp_path / "1.xlsx", [
        [AN, "FPT", "CTO", "an@fpt.vn", "+84910000001", None],
        [AN, "FPT", "Kế toán", "an2@fpt.vn", None, None],
    ]))  # fmt: skip
    (first, *_a), (second, *_b) = people(engine)
    pv = preview(engine, book(tmp_path / "2.xlsx", [
        [AN, "FPT", None, None, None, "ghi chú"],
        [AN, "FPT", None, None, "+84910000002", None],
    ]))  # fmt: skip
    assert by_status(pv) == {"update": [2], "duplicate": [3]}
    assert pv.rows[0].match_id == first
    pv = preview(engine, book(tmp_path / "3.xlsx", [[AN, "FPT", None, None, "+84910000002", "ghi chú"]]))
    assert by_status(pv) == {"update": [2]} and pv.rows[0].match_id == second


def test_two_rows_do_not_merge_two_people_into_one_record(engine: Engine, tmp_path: Path) -> None:
    """A record without email or phone: the first row of the name updates it with its email; a
    second row with another email is another person, not a second update of the same record."""
    do_import(engine, book(tmp_path / "1.xlsx", [[AN, "FPT", "CTO", None, None, None]]))
    (ident, *_rest), = people(engine)  # fmt: skip
    pv = preview(engine, book(tmp_path / "2.xlsx", [
        [AN, "FPT", None, "a@fpt.vn", None, None],
        [AN, "FPT", None, "b@fpt.vn", None, None],
    ]))  # fmt: skip
    assert by_status(pv) == {"update": [2], "new": [3]}
    assert pv.rows[0].match_id == ident and pv.rows[1].match_id is None
    note = pv.rows[1].messages()[-1]
    assert note.code == "other_person_than_row" and note.params["other_row"] == 2
    run_import(engine, pv)
    assert [x[3] for x in people(engine)] == [["a@fpt.vn"], ["b@fpt.vn"]]


def test_the_export_of_two_people_of_one_name_imports_back_whole(tmp_path: Path) -> None:
    db, copy, xlsx = str(tmp_path / "a.db"), str(tmp_path / "b.db"), str(tmp_path / "a.xlsx")
    engine = open_database(f"sqlite:///{db}")
    rows = [[AN, "FPT", "CTO", "user2564@example42.vn", "+84910002564", None],
            [AN, "FPT", "Phó Giám đốc", "user23139@example53.vn", "+84910023139", None],
            ["Nguyễn Văn An", "FPT", "Kỹ sư", "an1@fpt.vn", None, None],
            ["Nguyễn Văn An", "FPT", "Kỹ sư", "an2@fpt.vn", None, None],
            ["Nguyễn Văn An", "FPT", "Kế toán", "an3@fpt.vn", "+84910000003", None],
            ["Nguyễn Văn An", "FPT", "Kế toán", None, None, None]]  # fmt: skip
    try:
        pv, result = do_import(engine, book(tmp_path / "in.xlsx", rows))
        # the last row has no email or phone: the first Nguyễn Văn An, as before
        assert result.counts["new"] == 5, [r.message_text() for r in pv.rows]
        expected = [x[1:] for x in people(engine)]
    finally:
        engine.dispose()
    assert main(["export", xlsx, "--db", db]) == 0
    assert main(["import", xlsx, "--db", copy]) == 0
    engine = open_database(f"sqlite:///{copy}")
    try:
        assert [x[1:] for x in people(engine)] == expected
    finally:
        engine.dispose()


def test_when_two_records_have_a_key_the_oldest_matches(any_engine: Engine, tmp_path: Path) -> None:
    """Whatever order the database returns them in: here the younger record's email was written
    first (the older one was given the same address later), and the older of two records of one
    name was edited last (PostgreSQL then reads it after the younger one)."""
    do_import(any_engine, book(tmp_path / "1.xlsx", [
        ["Trần Thị Bình", "VIN", None, None, "+84910000001", None],
        ["Lê Văn Cường", "NIC", None, "chung@vin.vn", None, None],
        [AN, "FPT", None, None, None, None],
    ]))  # fmt: skip
    # another of the name, told apart by nothing: created anyway
    do_import(
        any_engine, book(tmp_path / "1b.xlsx", [[AN, "FPT", "Kế toán", None, None, None]]), on_match="create"
    )
    (older, *_a), _b, (an_older, *_c), _d = people(any_engine)
    if any_engine.dialect.name == "postgresql":
        # Read tables in the order their rows lie (at this size the planner would use an index).
        any_engine.dispose()
        event.listen(any_engine, "connect", _sequential_scans)
    with unit_of_work(any_engine) as s:
        s.add(m.ContactMethod(contact_id=older, kind="email", value="chung@vin.vn", position=1))
        an = s.get(m.Contact, an_older)
        assert an is not None
        an.position = "CTO"
        s.add(an)
    pv = preview(any_engine, book(tmp_path / "2.xlsx", [
        ["Trần Thị Bình", None, None, "chung@vin.vn", None, "x"],
        [AN, "FPT", None, None, None, "y"],
    ]))  # fmt: skip
    assert by_status(pv) == {"update": [2, 3]}
    assert [r.match_id for r in pv.rows] == [older, an_older]


def test_the_two_people_imported_apart_are_offered_in_find_duplicates(engine: Engine, tmp_path: Path) -> None:
    """If they were one person after all, Find duplicates lists them, to be merged by hand."""
    from app.dedupe_groups import find_duplicate_groups

    do_import(engine, book(tmp_path / "a.xlsx", [
        [AN, "FPT", "CTO", "user2564@example42.vn", "+84910002564", None],
        [AN, "FPT", "Phó Giám đốc", "user23139@example53.vn", "+84910023139", None],
    ]))  # fmt: skip
    ids = {i for i, *_rest in people(engine)}
    with read_session(engine) as s:
        groups = find_duplicate_groups(s, "contact")
    assert any(ids <= set(g.ids) for g in groups), groups


def test_what_a_duplicate_row_adds_is_known_of_its_person(engine: Engine, tmp_path: Path) -> None:
    """Row 3 repeats row 2 (same email) and adds a phone: a row of the name with that phone is
    row 2's person, and a row of the name with another phone is another person."""
    path = book(tmp_path / "d.xlsx", [
        [AN, "FPT", "CTO", "an@fpt.vn", None, None],
        [AN, "FPT", None, "an@fpt.vn", "+84910000001", None],
        [AN, "FPT", None, "an.cto@fpt.vn", "+84910000001", None],  # a second email, row 3's phone
        [AN, "FPT", None, None, "+84910000002", None],  # another phone
    ])  # fmt: skip
    pv = preview(engine, path)
    assert by_status(pv) == {"new": [2, 5], "duplicate": [3, 4]}
    assert [pv.rows[i].duplicate_of for i in (1, 2)] == [2, 2]
    assert pv.rows[3].messages()[-1].params["other_row"] == 2
