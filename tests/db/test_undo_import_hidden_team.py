"""On a team database the undo of an import that touched a record the signed-in person may not
see is refused whole, as the undo of an ordinary operation is (tests/db/test_undo_hidden_part_team.py).
It was half done (reviewer h139): an officer's import updated 4 contacts, a manager then made one
confidential, and the officer's undo put back the 3 he sees, left the hidden one as the import
left it and marked the import undone for everyone. Also an import that created an organisation
and a contact someone made confidential since: the undo removed the organisation and left the
contact. Import history, Undo history and the undo itself agree; a manager undoes all of it.
Real login roles on a real PostgreSQL server (tests/db/test_team.py's fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app import undo_history
from app.errors import UserError
from app.importing import undo_import
from app.importing.errors import ImportRefused
from app.importing.history import import_history
from app.importing.messages import text as said
from tests.app.importing.helpers import write_xlsx
from tests.db.hidden_import import (
    PEOPLE,
    SECRET,
    import_as,
    imported_then_hidden,
    live_positions,
    make_confidential,
)
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)


def _undone(team_db: Team, batch: int) -> bool:
    engine = create_engine(team_db.urls["hoa"])
    try:
        with engine.connect() as conn:
            at = conn.execute(text("SELECT undone_at FROM import_batch WHERE id = :b"), {"b": batch}).scalar()
    finally:
        engine.dispose()
    return at is not None


def _undo(engine: Engine, batch: int) -> None:
    with Session(engine) as session:
        undo_import(batch, session=session, actor="x")
        session.commit()


def test_an_officer_cannot_half_undo_an_import_of_which_a_record_was_made_confidential(
    ready: Team,  # noqa: F811
    tmp_path: Path,
) -> None:
    batch = imported_then_hidden(ready, tmp_path)
    assert SECRET not in live_positions(ready, "minh")

    minh = create_engine(ready.urls["minh"])
    try:
        with Session(minh) as session:
            [listed] = [e for e in import_history(session) if e.id == batch]
            assert listed.hidden
            entry = undo_history.entry(session, f"import-{batch}")
            assert entry.status == undo_history.FINAL and "may not see" in entry.reason
            assert SECRET not in entry.reason
            assert "không được xem" in undo_history.entry(session, f"import-{batch}", "vi").reason
        with pytest.raises(ImportRefused) as refused:
            _undo(minh, batch)
        assert refused.value.message is not None and refused.value.message.code == "undo_hidden"
        assert "may not see" in said(refused.value.message, "en") and SECRET not in str(refused.value)
        assert "không được xem" in said(refused.value.message, "vi")
        with Session(minh) as session, pytest.raises(ImportRefused):  # nor counted for its question
            from app.importing.undo import undo_plan

            undo_plan(session, batch)
        with Session(minh) as session, pytest.raises(UserError, match="may not see"):  # Undo history's
            undo_history.undo_entry(session, f"import-{batch}", actor="Phạm Văn Minh")
    finally:
        minh.dispose()
    # nothing was undone, for anyone
    assert live_positions(ready, "hoa") == dict.fromkeys(PEOPLE, "Chuyên viên")
    assert not _undone(ready, batch)

    hoa = create_engine(ready.urls["hoa"])  # the manager sees all of it, and undoes all of it
    try:
        with Session(hoa) as session:
            assert not next(e for e in import_history(session) if e.id == batch).hidden
            assert undo_history.entry(session, f"import-{batch}").status == undo_history.READY
        _undo(hoa, batch)
    finally:
        hoa.dispose()
    assert live_positions(ready, "hoa") == dict.fromkeys(PEOPLE, "")
    assert _undone(ready, batch)


def test_an_import_whose_new_contact_was_made_confidential_is_not_undone_by_its_officer(
    ready: Team,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The import created an organisation and a contact; the manager made the contact
    confidential and Lan's since: Minh's undo would have removed the organisation alone."""
    book = write_xlsx(
        tmp_path / "moi.xlsx",
        {"Liên hệ": [["Họ và tên", "Đơn vị", "Email"], ["Vũ Thị Mật", "Công ty Bảo Mật", "mat@baomat.vn"]]},
    )
    batch = import_as(ready, "minh", book)
    hoa = create_engine(ready.urls["hoa"])
    with Session(hoa) as session:
        person = int(session.execute(text("SELECT id FROM contact WHERE full_name = 'Vũ Thị Mật'")).scalar())
    hoa.dispose()
    make_confidential(ready, "contact", person, owner="Trần Thị Lan")
    assert "Vũ Thị Mật" not in live_positions(ready, "minh")
    code, _out, err = ready.cli("minh", "undo-import", str(batch))
    assert code != 0 and "may not see" in err and "Vũ Thị Mật" not in err
    engine = create_engine(ready.urls["hoa"])
    try:
        with engine.connect() as conn:
            orgs = conn.execute(
                text(
                    "SELECT count(*) FROM organisation WHERE name = 'Công ty Bảo Mật' AND deleted_at IS NULL"
                )
            ).scalar()
    finally:
        engine.dispose()
    assert orgs == 1 and not _undone(ready, batch)
    code, out, err = ready.cli("hoa", "undo-import", str(batch))  # the manager's: whole
    assert code == 0, err
    assert _undone(ready, batch)  # the contact edited since kept, and said so, as ever
    assert '"Vũ Thị Mật"' in out and "kept" in out


def test_on_a_team_database_set_up_before_a_colleagues_import_is_refused(
    ready: Team,  # noqa: F811
    tmp_path: Path,
) -> None:
    """``admin init`` not run again since the upgrade (no ``ketnoi_group_hidden``): nothing can
    tell what is hidden, so a colleague's import is refused and one's own is not, as ``ketnoi
    undo`` does with an operation."""
    book = write_xlsx(
        tmp_path / "cu.xlsx", {"Liên hệ": [["Họ và tên", "Email"], ["Cao Văn Bốn", "bon@cu.vn"]]}
    )
    first = import_as(ready, "minh", book)
    second = import_as(
        ready,
        "minh",
        write_xlsx(tmp_path / "cu2.xlsx", {"Liên hệ": [["Họ và tên", "Email"], ["Hà Thị Năm", "nam@cu.vn"]]}),
    )
    owner = create_engine(ready.urls["owner"])
    with owner.begin() as conn:
        conn.execute(text("DROP FUNCTION ketnoi_group_hidden(text)"))
    owner.dispose()
    try:
        lan = create_engine(ready.urls["lan"])
        try:
            with Session(lan) as session:
                assert next(e for e in import_history(session) if e.id == first).hidden
        finally:
            lan.dispose()
        code, _out, err = ready.cli("lan", "undo-import", str(first))
        assert code != 0 and "may not see" in err
        assert not _undone(ready, first)
        code, _out, err = ready.cli("minh", "undo-import", str(second))
        assert code == 0, err
        assert _undone(ready, second)
    finally:
        code, _out, err = ready.cli("owner", "admin", "init", "--role-prefix", ready.prefix)
        assert code == 0, err
