"""Undoing an import keeps what a record it keeps still needs (reviewer, h83: the field contacts
imported, "Bùi Văn Hà" edited since, the import undone: the contact was kept but all 14
organisations went, "FPT Corporation (#6)" on his page while ``org show 6`` said it was in the
trash; the question beforehand said 14 organisations, as the import made them). Now his
organisation stays, said in both languages with the reason, the question counts 13, and the
sector FPT has stays in use. A real workbook, a real SQLite file, the CLI in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from db.engine import read_session
from db.migrate import open_database
from db.models import Contact, Organisation
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import copy_of, run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "field-contacts.xlsx"
VI = "vi_VN.UTF-8"


def _ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _imported(tmp_path: Path) -> tuple[Path, int, int]:
    """The field contacts imported, Bùi Văn Hà edited since: the file, his id, his organisation's."""
    db = tmp_path / "k.db"
    book = shutil.copy(DATA, tmp_path / "field-contacts.xlsx")
    _ok(db, "import", str(book))
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        ha, org = s.execute(
            select(Contact.id, Contact.organisation_id).where(Contact.full_name == "Bùi Văn Hà")
        ).one()
    engine.dispose()
    _ok(db, "contact", "edit", str(ha), "--notes", "gặp lại sau Tết")
    return db, int(ha), int(org)


def _live(db: Path, model: type[Organisation] | type[Contact], ident: int) -> bool:
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            return s.execute(select(model.deleted_at).where(col(model.id) == ident)).scalar_one() is None
    finally:
        engine.dispose()


def test_the_organisation_of_a_kept_contact_is_kept_and_said(tmp_path: Path) -> None:
    from app.importing.history import import_history
    from app.importing.undo import undo_plan

    db, ha, fpt = _imported(tmp_path)
    (tmp_path / "en").mkdir()
    english = copy_of(db, tmp_path / "en")
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        plan = undo_plan(s, 1)
        [entry] = import_history(s, batch_id=1, plan=True)
    engine.dispose()
    # asked before: what will really go (the import made 14 organisations and 61 contacts)
    assert entry.created["organisation"] == 14 and entry.created["contact"] == 61
    assert plan.deleted == {"action": 4, "contact": 60, "organisation": 13}
    assert plan.kept == {"contact": 1, "organisation": 1}
    assert entry.removes == plan.deleted and entry.keeps == plan.kept

    # the command line asks the same beforehand, and changes nothing
    out = _ok(db, "undo-import", "1", "--dry-run", lang=VI)
    assert "Hoàn tác lần nhập #1 sẽ xoá 4 việc, 60 liên hệ, 13 tổ chức do lần nhập tạo ra" in out
    assert "và giữ lại 1 liên hệ, 1 tổ chức do lần nhập tạo ra" in out
    assert "can be undone" in _ok(db, "import-history")

    out = _ok(db, "undo-import", "1", lang=VI)
    assert "xoá 4 việc, 60 liên hệ, 13 tổ chức do lần nhập tạo ra" in out  # as asked
    assert f'liên hệ "Bùi Văn Hà" (#{ha}) đã được sửa sau khi nhập; giữ lại' in out
    assert (
        f'tổ chức "FPT Corporation" (#{fpt}): liên hệ "Bùi Văn Hà" (#{ha}), được giữ lại, '
        "vẫn liên kết tới bản ghi này; giữ lại"
    ) in out
    assert _live(db, Organisation, fpt) and _live(db, Contact, ha)
    shown = _ok(db, "org", "show", str(fpt))
    assert "FPT Corporation" in shown and "AI" in shown  # its sector stays: a kept record uses it
    assert f"FPT Corporation (#{fpt})" in _ok(db, "contact", "show", str(ha))

    # the same in English
    out = _ok(english, "undo-import", "1", "--lang", "en")
    assert "4 actions, 60 contacts, 13 organisations" in out
    assert (
        f'organisation "FPT Corporation" (#{fpt}): contact "Bùi Văn Hà" (#{ha}), which is kept, '
        "still refers to it; kept"
    ) in out


def test_a_kept_contact_keeps_its_organisation_and_that_ones_parent(tmp_path: Path) -> None:
    """The chain is followed: contact → organisation → parent organisation, all created by the
    import; what nothing kept needs goes."""
    from app.importing.undo import undo_plan

    db = tmp_path / "k.db"
    book = write_xlsx(tmp_path / "don-vi.xlsx", {
        "Tổ chức": [
            ["Tên đơn vị", "Cơ quan chủ quản"],
            ["Bộ Khoa học và Công nghệ", None],
            ["Vụ Công nghệ cao", "Bộ Khoa học và Công nghệ"],
            ["Viện Vật lý", None],
        ],
        "Danh bạ": [
            ["Họ và tên", "Đơn vị", "Email"],
            ["Trần Thu Hà", "Vụ Công nghệ cao", "ha@most.gov.vn"],
            ["Lê Văn Chín", "Viện Vật lý", "chin@iop.vn"],
        ],
    })  # fmt: skip
    _ok(db, "import", str(book))
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        orgs = {str(n): int(i) for n, i in s.execute(select(Organisation.name, Organisation.id))}
        ha = s.execute(select(Contact.id).where(Contact.full_name == "Trần Thu Hà")).scalar_one()
        assert undo_plan(s, 1).deleted == {"contact": 2, "organisation": 3}
    engine.dispose()
    _ok(db, "contact", "edit", str(ha), "--position", "Phó Vụ trưởng")
    out = _ok(db, "undo-import", "1", "--lang", "en")
    assert "1 contact, 1 organisation" in out
    assert _live(db, Organisation, orgs["Vụ Công nghệ cao"])
    assert _live(db, Organisation, orgs["Bộ Khoa học và Công nghệ"])  # its parent, needed by a kept one
    assert not _live(db, Organisation, orgs["Viện Vật lý"])
    assert (
        f'organisation "Bộ Khoa học và Công nghệ" (#{orgs["Bộ Khoa học và Công nghệ"]}): '
        f'organisation "Vụ Công nghệ cao" (#{orgs["Vụ Công nghệ cao"]}), which is kept, still refers to it'
    ) in out


def test_an_organisation_in_the_trash_is_named_and_two_namesakes_told_apart(tmp_path: Path) -> None:
    """A contact whose organisation was deleted by hand, imported again: the row names the one
    in the trash ("#6" alone before); once "overwrite" moves him to the new one of the same
    name, his history says which is which ("FPT Corporation → FPT Corporation" before)."""
    db = tmp_path / "k.db"
    book = write_xlsx(tmp_path / "danh-ba.xlsx", {"Danh bạ": [
        ["Họ và tên", "Đơn vị", "Email"], ["Bùi Văn Hà", "FPT Corporation", "ha@fpt.example.vn"],
    ]})  # fmt: skip
    _ok(db, "import", str(book))
    _ok(db, "org", "delete", "1")
    # his page says where his organisation is (it said "FPT Corporation (#1)", as if live)
    assert "Organisation  FPT Corporation (#1, in the trash)" in _ok(db, "contact", "show", "1")
    assert "FPT Corporation (#1, trong thùng rác)" in _ok(db, "contact", "show", "1", lang=VI)
    out = _ok(db, "import", str(book), "--dry-run", "--lang", "en")
    assert "Organisation: FPT Corporation (#1, in the trash) → FPT Corporation;" in out
    out = _ok(db, "import", str(book), "--dry-run", "--lang", "vi")
    assert "Tổ chức: FPT Corporation (#1, trong thùng rác) → FPT Corporation;" in out
    _ok(db, "import", str(book), "--on-match", "overwrite")
    assert "Organisation: FPT Corporation (#1) → FPT Corporation (#2)" in _ok(db, "history", "contact", "1")
    said = _ok(db, "history", "contact", "1", lang=VI)
    assert "Tổ chức: FPT Corporation (#1) → FPT Corporation (#2)" in said


def test_a_letter_registered_since_keeps_the_organisation_it_is_to(tmp_path: Path) -> None:
    """A letter registered to an imported organisation after the import: undone, the import
    kept the organisation only if a contact, a meeting or an action used it, and the letter
    pointed into the trash."""
    from app.importing.undo import undo_plan

    db = tmp_path / "k.db"
    book = write_xlsx(tmp_path / "don-vi.xlsx", {"Tổ chức": [
        ["Tên đơn vị", "Website"], ["Viện Vật lý", "iop.vn"], ["Viện Toán học", "math.ac.vn"],
    ]})  # fmt: skip
    _ok(db, "import", str(book))
    _ok(db, "letter", "add", "--subject", "Mời dự hội thảo", "--organisation", "1")
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        assert undo_plan(s, 1).deleted == {"organisation": 1}
    engine.dispose()
    out = _ok(db, "undo-import", "1", lang=VI)
    assert 'tổ chức "Viện Vật lý" (#1) đang được công văn "Mời dự hội thảo" (#1) dùng; giữ lại' in out
    assert _live(db, Organisation, 1) and not _live(db, Organisation, 2)
