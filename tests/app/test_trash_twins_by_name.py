"""A contact restored from the trash is asked whether a live one is the same person by name at
its organisation through the name's sort keys, not by reading every live contact there
(reviewer h148: restoring 61 records from the trash of a 20,000-person organisation took 11 s,
each restore comparing 20,000 names in Python); and a live one whose name is split otherwise
(family "Nguyễn Văn" or "Nguyễn", a name typed into one column) is still found."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select

from app import records, trash
from app.importing import preview_import, run_import
from app.importing.sheet import inspect_sheet
from app.trash_twins import twin_of, written_sort_keys
from db import models as m
from db.engine import Session, read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx


@contextmanager
def steps_counted(session: Session) -> Iterator[list[int]]:
    """The SQLite virtual machine's steps the session's connection runs meanwhile (in hundreds):
    what the database does, whatever Python does with the rows."""
    raw = session.connection().connection.dbapi_connection
    counted = [0]

    def step() -> int:
        counted[0] += 1
        return 0

    raw.set_progress_handler(step, 100)  # type: ignore[union-attr]
    try:
        yield counted
    finally:
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


def organisation_of(engine: Engine, tmp_path: Path, name: str, people: int) -> int:
    """An organisation with ``people`` live contacts, imported as a sheet is."""
    rows = [["Họ và tên", "Email", "Đơn vị"]]
    rows += [[f"Người Số {i}", f"p{i}@{name.lower()}.vn", name] for i in range(people)]
    book = write_xlsx(tmp_path / f"{name}.xlsx", {"Danh bạ": rows})
    with read_session(engine) as s:
        layout = inspect_sheet(book, None, session=s)
        pv = preview_import(book, layout, session=s, parallel=False)
    run_import(engine, pv)
    with read_session(engine) as s:
        return int(s.exec(select(m.Organisation.id).where(m.Organisation.name == name)).one() or 0)


def pair(engine: Engine, org: int | None, parts: dict[str, str]) -> int:
    """A contact "Nguyễn Văn An" in the trash and a live one of that name split by ``parts``."""
    with unit_of_work(engine) as s:
        gone = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "family_name": "Nguyễn", "middle_name": "Văn", "given_name": "An",
             "organisation_id": org},
        )  # fmt: skip
        records.delete(s, "contact", gone)
        records.create(s, "contact", {"full_name": "Nguyễn Văn An", "organisation_id": org, **parts})
    return gone


def test_a_namesake_split_otherwise_is_the_same_person(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Viettel"})
    for parts in (
        {"family_name": "Nguyễn Văn", "middle_name": "", "given_name": "An"},
        {"family_name": "", "middle_name": "", "given_name": "Nguyễn Văn An"},
        {"family_name": "An", "middle_name": "Văn", "given_name": "Nguyễn"},  # (read given first)
    ):
        gone = pair(engine, org, parts)
        with read_session(engine) as s:
            twin = twin_of(s, gone)
        assert twin is not None and twin.how == "name" and twin.name == "Nguyễn Văn An", parts
        with unit_of_work(engine) as s:  # (the next pair alone)
            records.delete(s, "contact", twin.id)
    with unit_of_work(engine) as s:
        done = trash.restore_many(s, [("contact", gone)], twins="refuse")
    assert [k.code for k in done.skipped] == []  # (its twins all deleted: restored)


def test_with_no_organisation_either(engine: Engine) -> None:
    """No organisation: the name alone, by its sort keys (a live one split otherwise was missed:
    only the trashed one's own key was asked, and a second identical record was restored)."""
    gone = pair(engine, None, {"family_name": "Nguyễn Văn", "middle_name": "", "given_name": "An"})
    with read_session(engine) as s:
        twin = twin_of(s, gone)
    assert twin is not None and twin.how == "name" and twin.value == ""


def test_the_work_does_not_grow_with_the_organisation(engine: Engine, tmp_path: Path) -> None:
    small = organisation_of(engine, tmp_path, "Nho", 100)
    big = organisation_of(engine, tmp_path, "Lon", 4000)
    steps = {}
    for org in (small, big):
        gone = pair(engine, org, {"family_name": "Nguyễn Văn", "middle_name": "", "given_name": "An"})
        with read_session(engine) as s:
            twin_of(s, gone)  # (the statements prepared once)
            with steps_counted(s) as counted:
                twin = twin_of(s, gone)
            assert twin is not None and twin.how == "name"
            steps[org] = counted[0]
    # reading the 4,000 took forty times the steps of the 100 before
    assert steps[big] <= steps[small] + 20, steps


def test_the_keys_cover_the_splits_of_a_name() -> None:
    from app.vntext import name_sort_key

    keys = written_sort_keys("TS. Nguyễn Văn An")
    for given, family, middle in (
        ("An", "Nguyễn", "Văn"), ("An", "Nguyễn Văn", ""), ("Nguyễn Văn An", "", ""), ("Nguyễn", "An", "Văn"),
        ("An", "TS. Nguyễn", "Văn"),
    ):  # fmt: skip
        assert name_sort_key(given, family, middle) in keys
