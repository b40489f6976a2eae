"""An organisation whose name ends in its acronym is found again by an import, whichever way
round the name and the acronym are written. Reviewer h109: "Samsung Electronics Việt Nam (SEV)"
added by hand, exported and the export imported again into the same database gave "1 new", a
second organisation "Samsung Electronics Việt Nam" with the acronym SEV (the import split
"(SEV)" off as an acronym; the record kept the name as typed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.engine import read_session
from db.migrate import open_database
from db.models import Organisation
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli

SEV = "Samsung Electronics Việt Nam (SEV)"


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _organisations(db: Path) -> list[tuple[str, str]]:
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            rows = s.execute(select(Organisation).where(Organisation.deleted_at.is_(None))).scalars()  # type: ignore[union-attr]
            return sorted((o.name, o.acronym) for o in rows)
    finally:
        engine.dispose()


def test_own_export_imported_again_creates_no_organisation(tmp_path: Path) -> None:
    db, export = tmp_path / "k.db", tmp_path / "p_export.xlsx"
    with as_in_a_test(tmp_path):
        _ok(db, "org", "add", "--name", SEV)
        _ok(db, "contact", "add", "--name", "Lê Văn Tám", "--organisation", SEV, "--email", "tam@sev.example")
        before = _organisations(db)
        _ok(db, "export", str(export))
        said = _ok(db, "import", str(export))
    assert _organisations(db) == before == [(SEV, "")]
    assert "0 new" in said.split("Tổ chức (Organisations)")[1].splitlines()[0], said


def test_name_and_acronym_apart_meet_the_name_typed_with_its_acronym(tmp_path: Path) -> None:
    """Saved "Name (ACR)"; a sheet with an acronym column writes "Name" and "ACR" apart."""
    db = tmp_path / "k.db"
    sheet = write_xlsx(
        tmp_path / "orgs.xlsx",
        {
            "Tổ chức": [
                ["Tên đơn vị", "Viết tắt", "Website"],
                ["Samsung Electronics Việt Nam", "SEV", "samsung.com/vn"],
            ]
        },
    )
    with as_in_a_test(tmp_path):
        _ok(db, "org", "add", "--name", SEV)
        said = _ok(db, "import", str(sheet), "--kind", "organisation")
    assert "0 new" in said, said
    assert [name for name, _acr in _organisations(db)] == [SEV]


def test_name_typed_with_its_acronym_meets_the_name_saved_apart(tmp_path: Path) -> None:
    """Saved "Name" with the acronym ACR; a sheet with an (empty) acronym column writes "Name (ACR)"."""
    db = tmp_path / "k.db"
    sheet = write_xlsx(
        tmp_path / "orgs.xlsx",
        {"Tổ chức": [["Tên đơn vị", "Viết tắt", "Website"], [SEV, None, "samsung.com/vn"]]},
    )
    with as_in_a_test(tmp_path):
        _ok(db, "org", "add", "--name", "Samsung Electronics Việt Nam", "--acronym", "SEV")
        said = _ok(db, "import", str(sheet), "--kind", "organisation")
    assert "0 new" in said, said
    assert _organisations(db) == [("Samsung Electronics Việt Nam", "SEV")]


def test_an_organisations_sheet_names_its_new_rows(tmp_path: Path) -> None:
    """ "1 new" named: which row creates which organisation (the reviewer's "1 new" on
    re-importing the export was the duplicate about to be made, and no line said which)."""
    db = tmp_path / "k.db"
    sheet = write_xlsx(
        tmp_path / "orgs.xlsx",
        {"Tổ chức": [["Tên đơn vị", "Viết tắt"], ["Genetica", None], ["VNQuantum JSC", "VNQ"]]},
    )
    with as_in_a_test(tmp_path):
        _ok(db, "org", "add", "--name", "Genetica")
        said = _ok(db, "import", str(sheet), "--kind", "organisation", "--dry-run")
    assert 'new organisations, by the row that creates each: rows 3 ("VNQuantum JSC (VNQ)")' in said, said
