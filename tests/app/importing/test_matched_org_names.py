"""A workbook's organisations sheet matches its rows to saved records under other names; its
contacts sheet then cites the organisations as that sheet writes them (or without accents): the
people are linked to the records matched, and no organisation is created (reviewer h117: "creates
2 organisations: Công ty Cổ phần Genetica; Tập đoàn FPT", the people filed there). Real
workbooks written with openpyxl, a real SQLite file, through ``ketnoi import`` and the preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app.cli import main
from app.importing import inspect_workbook, preview_import, run_import
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import write_xlsx

ORGS = [["Organisation", "Acronym"], ["Công ty Cổ phần Genetica", "Genetica"], ["Tập đoàn FPT", "FPT"]]
PEOPLE = [
    ["Họ và tên", "Đơn vị", "Email"],
    ["Lê Thị Mai", "Công ty Cổ phần Genetica", "mai.le@example.vn"],
    ["Trần Văn Nam", "Tập đoàn FPT", "nam.tran@example.vn"],
    ["Phạm Thu Hà", "Tap doan FPT", "ha.pham@example.vn"],  # the same without its accents
]


def _saved(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as session:
        genetica = m.Organisation(name="Genetica", kind="enterprise")
        fpt = m.Organisation(name="Công ty Cổ phần FPT", acronym="FPT", kind="enterprise")
        session.add_all([genetica, fpt])
        session.flush()
        assert genetica.id is not None and fpt.id is not None
        return {"Genetica": genetica.id, "FPT": fpt.id}


def _people_and_orgs(engine: Engine) -> tuple[dict[str, int | None], list[str]]:
    with read_session(engine) as session:
        people = dict(session.exec(select(m.Contact.full_name, m.Contact.organisation_id)).all())
        orgs = sorted(session.exec(select(m.Organisation.name)).all())
    return people, orgs


@pytest.mark.parametrize("on_match", ["fill", "skip", "overwrite"])
def test_the_contacts_sheet_cites_the_records_the_organisations_sheet_matched(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], on_match: str
) -> None:
    ids = _saved(engine)
    path = write_xlsx(tmp_path / "orgsplit.xlsx", {"Organisations": ORGS, "Contacts": PEOPLE})
    args = ["import", str(path), "--db", str(db_path), "--lang", "en", "--on-match", on_match]
    assert main([*args, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "creates" not in dry, dry
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "creates" not in out, out
    people, orgs = _people_and_orgs(engine)
    assert people == {"Lê Thị Mai": ids["Genetica"], "Trần Văn Nam": ids["FPT"], "Phạm Thu Hà": ids["FPT"]}
    assert len(orgs) == 2, orgs


def test_the_preview_links_the_rows_to_the_matched_records(engine: Engine, tmp_path: Path) -> None:
    ids = _saved(engine)
    path = write_xlsx(tmp_path / "orgsplit.xlsx", {"Organisations": ORGS, "Contacts": PEOPLE})
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        layouts.sort(key=lambda x: x.kind != "organisation")
        previews: list = []  # type: ignore[type-arg]
        for lay in layouts:
            previews.append(preview_import(path, lay, session=s, parallel=False, after=list(previews)))
    contacts = previews[1]
    assert contacts.kind == "contact"
    assert [r.columns["organisation_id"] for r in contacts.rows] == [ids["Genetica"], ids["FPT"], ids["FPT"]]
    assert not contacts.context.orgs.pending
    run_import(engine, previews)
    people, orgs = _people_and_orgs(engine)
    assert set(people.values()) == {ids["Genetica"], ids["FPT"]}
    assert orgs == ["Công ty Cổ phần FPT", "Genetica"]


def test_a_name_a_saved_record_has_keeps_naming_that_record(engine: Engine, tmp_path: Path) -> None:
    """The organisations sheet's "Tập đoàn FPT | FPT" matched the saved FPT by its acronym; a
    saved "Tập đoàn FPT" of its own is still the one a contact citing that name is linked to."""
    ids = _saved(engine)
    with unit_of_work(engine) as session:
        own = m.Organisation(name="Tập đoàn FPT", kind="enterprise")
        session.add(own)
        session.flush()
        own_id = own.id
    path = write_xlsx(tmp_path / "orgsplit.xlsx", {"Organisations": [ORGS[0], ORGS[2]], "Contacts": PEOPLE})
    with read_session(engine) as s:
        layouts = [x for x in inspect_workbook(path, session=s) if not isinstance(x, Exception)]
        layouts.sort(key=lambda x: x.kind != "organisation")
        previews: list = []  # type: ignore[type-arg]
        for lay in layouts:
            previews.append(preview_import(path, lay, session=s, parallel=False, after=list(previews)))
    run_import(engine, previews)
    people, _orgs = _people_and_orgs(engine)
    assert people["Trần Văn Nam"] == own_id
    assert ids["FPT"] != own_id


def test_a_duplicate_row_of_a_new_organisation_names_it_too(
    engine: Engine, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Công ty ABC | ABC" repeats "Tập đoàn ABC | ABC" (the same acronym): a contact citing
    "Công ty ABC" is at the one organisation the sheet creates, not at a second."""
    orgs = [["Organisation", "Acronym"], ["Tập đoàn ABC", "ABC"], ["Công ty ABC", "ABC"]]
    people = [["Họ và tên", "Đơn vị", "Email"], ["Lê Văn A", "Cong ty ABC", "a@abc.example.vn"]]
    path = write_xlsx(tmp_path / "dup.xlsx", {"Organisations": orgs, "Contacts": people})
    args = ["import", str(path), "--db", str(db_path), "--lang", "en"]
    assert main([*args, "--dry-run"]) == 0
    assert "creates 1 organisation" not in capsys.readouterr().out
    assert main(args) == 0
    found, names = _people_and_orgs(engine)
    assert names == ["Tập đoàn ABC"]
    assert found["Lê Văn A"] is not None
