"""Files attached to records: stored once in the database, listed, opened, found by name and
by text, removed to the trash and back, undone, and still there after a backup and restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import attachments, records, trash, undo
from app.errors import UserError
from app.search import search
from db import backup as backups
from db.engine import read_session, unit_of_work
from db.migrate import open_database, restore_database
from tests.app.mail.files import docx_bytes, pdf_bytes

LETTER = pdf_bytes("Introduction letter", "Genetica laboratory visit in Hoa Lac", "zygomorphic")


def _org(engine: Engine, name: str = "Genetica") -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "organisation", {"name": name})


def _attach(engine: Engine, kind: str, rid: int, name: str, data: bytes) -> int:
    prepared = attachments.prepare(name, data)
    with unit_of_work(engine) as s:
        return attachments.add(s, kind, rid, prepared, actor="Anh")


def test_a_pdf_is_stored_once_listed_and_read_back(engine: Engine, tmp_path: Path) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        action = records.create(s, "action", {"title": "Gửi thư", "organisation_id": org})
    a1 = _attach(engine, "organisation", org, "thư giới thiệu.pdf", LETTER)
    a2 = _attach(engine, "action", action, "copy.pdf", LETTER)
    with read_session(engine) as s:
        listed = attachments.list_for(s, "organisation", org)
        assert [(x.id, x.file_name, x.mime, x.size, x.added_by) for x in listed] == [
            (a1, "thư giới thiệu.pdf", "application/pdf", len(LETTER), "Anh")
        ]
        assert [x.id for x in attachments.list_for(s, "action", action)] == [a2]
        assert s.execute(select(func.count()).select_from(attachments.BLOB)).scalar() == 1  # same bytes once
        _info, data = attachments.content(s, a1)
        assert data == LETTER
        written = attachments.write_to(s, a1, tmp_path)
        again = attachments.write_to(s, a1, tmp_path)
    assert written.read_bytes() == LETTER and written.name == "thư giới thiệu.pdf"
    assert again.name == "thư giới thiệu (2).pdf"


def test_search_finds_the_record_by_file_name_and_by_pdf_and_docx_text(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        contact = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung"})
    _attach(engine, "organisation", org, "Bien_ban_ghi_nho.pdf", LETTER)
    _attach(engine, "contact", contact, "cv.docx", docx_bytes("Curriculum vitae", "Chuyên gia lượng tử"))
    with read_session(engine) as s:
        by_name = search(s, "bien ban")
        assert [(h.kind, h.id) for h in by_name] == [("organisation", org)]
        assert by_name[0].file == "Bien_ban_ghi_nho.pdf"  # the file it was found by
        assert [(h.kind, h.id) for h in search(s, "zygomorphic")] == [("organisation", org)]  # PDF text
        assert [(h.kind, h.id) for h in search(s, "luong tu")] == [("contact", contact)]  # .docx text
        assert search(s, "nothingmatches") == []


def test_size_limit_names_the_file_and_its_size(tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as f:
        f.truncate(attachments.MAX_BYTES + 1)  # sparse: nothing is read before the check
    with pytest.raises(UserError, match=r'"video.mp4" is 25.0 MB; files up to 25.0 MB can be attached'):
        attachments.prepare_file(big)
    with pytest.raises(UserError, match="no file"):
        attachments.prepare_file(tmp_path / "missing.pdf")
    with pytest.raises(UserError, match="is a folder"):
        attachments.prepare_file(tmp_path)


def test_a_broken_pdf_is_attached_without_text() -> None:
    prepared = attachments.prepare("broken.pdf", b"%PDF-1.7\n garbage \x00\xff" * 10)
    assert prepared.text == "" and prepared.size > 0


def test_remove_is_undone_and_trash_follows_the_record(engine: Engine) -> None:
    org = _org(engine)
    att = _attach(engine, "organisation", org, "minutes.pdf", LETTER)
    with unit_of_work(engine) as s:
        group = attachments.remove(s, att, actor="Anh")
    with read_session(engine) as s:
        assert attachments.list_for(s, "organisation", org) == []
        assert [(i.kind, i.label) for i in trash.list_trash(s)] == [("attachment", "minutes.pdf")]
        assert records.history(s, "attachment", att)[0]["op"] == "delete"
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="Anh")
    with read_session(engine) as s:
        assert [x.id for x in attachments.list_for(s, "organisation", org)] == [att]
    # The record goes to the trash: its files are hidden from search with it, and emptying
    # the trash removes both, bytes included.
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", org)
    with read_session(engine) as s:
        assert search(s, "minutes") == []
    with unit_of_work(engine) as s:
        records.restore(s, "organisation", org)
    with read_session(engine) as s:
        assert [h.id for h in search(s, "minutes")] == [org]
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", org)
        assert trash.empty_trash(s) == {"attachment": 1, "organisation": 1}
    with read_session(engine) as s:
        assert s.execute(select(func.count()).select_from(attachments.BLOB)).scalar() == 0


def test_adding_is_undone(engine: Engine) -> None:
    org = _org(engine)
    prepared = attachments.prepare("a.pdf", LETTER)
    with unit_of_work(engine) as s:
        group, _ids = attachments.attach_many(s, "organisation", org, [prepared], actor="Anh")
        assert undo.describe(s, group) == 'Created attachment "a.pdf"'
    with unit_of_work(engine) as s:
        undo.undo_group(s, group)
    with read_session(engine) as s:
        assert attachments.list_for(s, "organisation", org) == []


def test_an_attachment_survives_backup_and_restore(engine: Engine, db_path: Path, db_url: str) -> None:
    org = _org(engine)
    att = _attach(engine, "organisation", org, "signed.pdf", LETTER)
    copy = backups.take(engine, "manual")
    assert copy is not None
    with unit_of_work(engine) as s:  # gone from the live file …
        attachments.remove(s, att)
        records.delete(s, "organisation", org)
        trash.empty_trash(s)
    engine.dispose()
    restore_database(db_url, copy)
    restored = open_database(db_url)
    try:
        with read_session(restored) as s:  # … and back with the copy, bytes and all
            (info,) = attachments.list_for(s, "organisation", org)
            assert info.file_name == "signed.pdf"
            assert attachments.content(s, att)[1] == LETTER
    finally:
        restored.dispose()


def test_files_attach_to_live_records_of_listed_kinds_only(engine: Engine) -> None:
    prepared = attachments.prepare("a.txt", b"hello")
    with unit_of_work(engine) as s, pytest.raises(UserError, match="there is no organisation with id 99"):
        attachments.add(s, "organisation", 99, prepared)
    with unit_of_work(engine) as s, pytest.raises(UserError, match="files attach to one of"):
        attachments.add(s, "staff", 1, prepared)


def test_postgres_stores_and_finds_attachments(pg_url: str) -> None:
    engine = open_database(pg_url)
    try:
        org = _org(engine)
        att = _attach(engine, "organisation", org, "Bien_ban.pdf", LETTER)
        with read_session(engine) as s:
            assert attachments.content(s, att)[1] == LETTER
            assert [h.id for h in search(s, "zygomorphic")] == [org]
            assert [h.id for h in search(s, "bien")] == [org]
    finally:
        engine.dispose()


def test_the_record_history_says_when_files_were_attached_and_removed(engine: Engine) -> None:
    from app.history import describe, record_history

    org = _org(engine)
    att = _attach(engine, "organisation", org, "minutes.pdf", LETTER)
    with unit_of_work(engine) as s:
        attachments.remove(s, att, actor="Bình")
    with read_session(engine) as s:
        said = [(h.actor, describe(h), h.restorable) for h in record_history(s, "organisation", org)]
    assert said[:2] == [
        ("Bình", "Files: minutes.pdf → —", False),
        ("Anh", "Files: — → minutes.pdf", False),
    ]


@pytest.mark.parametrize("to_postgres", [False, True])
def test_an_attachment_goes_with_a_copy_to_another_database(
    engine: Engine, tmp_path: Path, to_postgres: bool, request: pytest.FixtureRequest
) -> None:
    """ketnoi copy-db (app.copy_db) carries the files and their search index."""
    from app.copy_db import copy_database

    org = _org(engine)
    att = _attach(engine, "organisation", org, "Bien_ban.pdf", LETTER)
    url = request.getfixturevalue("pg_url") if to_postgres else f"sqlite:///{tmp_path / 'copy.db'}"
    target = open_database(url)
    try:
        copy_database(engine, target)
        with read_session(target) as s:
            assert attachments.content(s, att)[1] == LETTER
            assert [h.id for h in search(s, "zygomorphic")] == [org]
            assert [h.id for h in search(s, "bien ban")] == [org]
    finally:
        target.dispose()
