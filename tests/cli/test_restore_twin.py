"""A contact restored from the trash while a live one has its e-mail or phone: not silently a
second record of the person. Reviewer h109: import #1 undone, the same file imported again,
then "Phạm Anh Bình" (#45) restored from the trash: #45 and #5099 with the same e-mail, phone,
name and organisation, no warning; and the second import's preview never said that the people
were in the trash."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli

HEADER = ["Họ và tên", "Email", "Điện thoại", "Chức vụ"]


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _contacts(db: Path) -> list[dict[str, object]]:
    return list(json.loads(_ok(db, "contact", "list", "--json"))["items"])


def _undone_and_imported_again(tmp_path: Path, db: Path) -> str:
    sheet = write_xlsx(
        tmp_path / "k.xlsx", {"Khách": [HEADER, ["Phạm Anh Bình", "binh@vnq.vn", "0903 112 233", "Giám đốc"]]}
    )
    _ok(db, "import", str(sheet))
    _ok(db, "undo-import", "1")
    said = _ok(db, "import", str(sheet))
    return said


def test_the_preview_says_the_person_is_in_the_trash(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        said = _undone_and_imported_again(tmp_path, db)
    assert (
        'row 2 (new): the same person is in the trash: #1 "Phạm Anh Bình" has the email binh@vnq.vn' in said
    )
    assert "restore it from the trash" in said


def test_restore_refuses_naming_the_live_one_then_merges_or_restores_anyway(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        _undone_and_imported_again(tmp_path, db)
        refused = run_cli(db, "contact", "restore", "1")
        assert refused.returncode != 0
        assert "#2 Phạm Anh Bình" in refused.stderr and "binh@vnq.vn" in refused.stderr, refused.stderr
        assert "--merge" in refused.stderr and "--anyway" in refused.stderr
        assert [c["id"] for c in _contacts(db)] == [2]  # nothing restored
        merged = _ok(db, "contact", "restore", "1", "--merge")
        assert "merged it into #2" in merged, merged
        assert [c["id"] for c in _contacts(db)] == [2]
        _ok(db, "undo", merged.split("ketnoi undo ")[1].split(")")[0])  # the merge undone: #1 is live
        _ok(db, "contact", "delete", "1")
        _ok(db, "contact", "restore", "1", "--anyway")
        assert sorted(c["id"] for c in _contacts(db)) == [1, 2]


def _namesakes_undone_and_imported_again(tmp_path: Path, db: Path, *rows: list[str]) -> None:
    """Reviewer h143: a contacts sheet with an organisation, imported, undone (the person and the
    organisation to the trash), imported again (a new person, a new organisation)."""
    sheet = write_xlsx(tmp_path / "dong.xlsx", {"Khách": [[*HEADER, "Cơ quan"], *rows]})
    _ok(db, "import", str(sheet))
    _ok(db, "undo-import", "1")
    _ok(db, "import", str(sheet))


def test_a_namesake_at_the_same_organisation_is_asked_about_and_filed_under_the_live_one(
    tmp_path: Path,
) -> None:
    """Reviewer h143: "Trần Văn Đông" (no e-mail, no phone) restored beside the one imported
    again, no question asked, and filed under the organisation still in the trash while the
    message said it had stayed there."""
    db = tmp_path / "k.db"
    nic = "Trung tâm Đổi mới sáng tạo Quốc gia"
    with as_in_a_test(tmp_path):
        _namesakes_undone_and_imported_again(tmp_path, db, ["Trần Văn Đông", "", "", "Chuyên viên", nic])
        (live,) = _contacts(db)
        refused = run_cli(db, "contact", "restore", "1")
        assert refused.returncode != 0
        assert f"the same name at {nic}: #{live['id']} Trần Văn Đông" in refused.stderr, refused.stderr
        assert "--merge" in refused.stderr and "--anyway" in refused.stderr
        assert [c["id"] for c in _contacts(db)] == [live["id"]]  # nothing restored
        anyway = _ok(db, "contact", "restore", "1", "--anyway")
        shown = _ok(db, "contact", "show", "1")
        orgs = {o["name"]: o["id"] for o in json.loads(_ok(db, "org", "list", "--json"))["items"]}
    assert list(orgs) == [nic]  # the one imported again; the first stays in the trash
    assert f"filed under the live organisation #{orgs[nic]} {nic}: its own (#1, the same name)" in anyway
    assert f"{nic} (#{orgs[nic]})" in shown and "in the trash" not in shown, shown


def test_a_namesake_evidently_another_person_is_not_asked_about(tmp_path: Path) -> None:
    """Two "Nguyễn Văn An" of one organisation with two e-mails are two people (the import's
    rule): the one in the trash comes back without a question."""
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        _namesakes_undone_and_imported_again(tmp_path, db, ["Nguyễn Văn An", "an1@fpt.vn", "", "", "FPT"])
        (live,) = _contacts(db)
        _ok(db, "contact", "edit", str(live["id"]), "--email", "an2@fpt.vn")
        _ok(db, "contact", "restore", "1")
        assert sorted(c["id"] for c in _contacts(db)) == [1, live["id"]]


def test_merging_a_restored_namesake_keeps_the_live_organisation(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        _namesakes_undone_and_imported_again(tmp_path, db, ["Trần Văn Đông", "", "", "", "NIC"])
        (live,) = _contacts(db)
        merged = _ok(db, "contact", "restore", "1", "--merge")
        assert f"merged it into #{live['id']}" in merged, merged
        assert [c["id"] for c in _contacts(db)] == [live["id"]]


def test_a_switchboard_phone_shared_by_another_name_is_not_asked_about(tmp_path: Path) -> None:
    """The import joins a shared phone only when the names can be one person's (an office's
    switchboard is many people's): restoring asks by the same rule."""
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        sheet = write_xlsx(tmp_path / "k.xlsx", {"Khách": [HEADER, ["Lê Thị Hoa", "", "024 3825 1234", ""]]})
        _ok(db, "import", str(sheet))
        _ok(db, "undo-import", "1")
        _ok(db, "contact", "add", "--name", "Phạm Văn Nam", "--phone", "024 3825 1234")
        _ok(db, "contact", "restore", "1")
        assert sorted(c["id"] for c in _contacts(db)) == [1, 2]
