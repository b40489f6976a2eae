"""Undo history from the database: the recent change groups survive a restart, each undone the
way its kind is undone (an edit, a merge, an import), collisions explained and never forced,
and an undo is itself history that can be undone (a redo)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import bulk_edit, records, stakeholder_map, undo
from app.errors import UserError
from app.merge import merge
from app.undo_history import (
    COLLIDES,
    FINAL,
    READY,
    UNDONE,
    collisions,
    entry,
    recent_groups,
    undo_entry,
)
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import CHANGE
from tests.app.importing.helpers import do_import, write_xlsx


class Restartable:
    """One database file, opened anew as a restarted app would open it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = open_database(url)

    def restart(self) -> Engine:
        self.engine.dispose()
        self.engine = open_database(self.url)
        return self.engine


@pytest.fixture
def app_db(db_url: str) -> Iterator[Restartable]:
    db = Restartable(db_url)
    yield db
    db.engine.dispose()


def _edit(engine: Engine, entity: str, rid: int, values: dict[str, Any], actor: str) -> str:
    """What the window's form does on save: one update, one new group."""
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        records.update(s, entity, rid, values, expected_version=None, actor=actor, group_id=group)
    return group


def _org(engine: Engine, name: str, **more: Any) -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "organisation", {"name": name, **more})


def _name(engine: Engine, rid: int, entity: str = "organisation") -> str:
    with read_session(engine) as s:
        return str(records.label(s, entity, rid))


def test_an_edit_made_before_a_restart_is_listed_and_undone_after_it_and_the_undo_redone(
    app_db: Restartable,
) -> None:
    org = _org(app_db.engine, "Genetica", city="Hà Nội")
    edit = _edit(
        app_db.engine, "organisation", org, {"name": "Genetica JSC", "city": "Đà Nẵng"}, "Trần Minh Anh"
    )

    engine = app_db.restart()
    with read_session(engine) as s:
        groups = recent_groups(s)
        vi = recent_groups(s, lang="vi")
    assert [g.group_id for g in groups] == [edit]  # the create above had no group: not an operation
    first = groups[0]
    assert first.label == 'Edited organisation "Genetica JSC"'
    assert vi[0].label == 'Sửa tổ chức "Genetica JSC"'
    assert (first.kind, first.actor, first.count, first.status, first.reason) == (
        "edit",
        "Trần Minh Anh",
        1,
        READY,
        "",
    )
    assert first.at.tzinfo is not None

    with unit_of_work(engine) as s:
        done = undo_entry(s, edit, actor="Lê Lan")
    assert done.label == 'Edited organisation "Genetica JSC"' and done.undo_group == undo.undo_id(edit)
    with read_session(engine) as s:
        assert (records.get(s, "organisation", org)["name"], records.get(s, "organisation", org)["city"]) == (
            "Genetica",
            "Hà Nội",
        )

    engine = app_db.restart()
    with read_session(engine) as s:
        groups = recent_groups(s)
        vi = recent_groups(s, lang="vi")
    assert [g.group_id for g in groups] == [undo.undo_id(edit), edit]
    redo, original = groups
    assert (redo.kind, redo.status, redo.actor) == ("undo", READY, "Lê Lan")
    assert redo.label == 'Undo: Edited organisation "Genetica"'
    assert (original.status, original.reason) == (UNDONE, "Undone by Lê Lan on 23 Nov")
    assert vi[1].reason == "Đã được Lê Lan hoàn tác ngày 23/11"
    with pytest.raises(UserError, match="Undone by Lê Lan"), unit_of_work(engine) as s:
        undo_entry(s, edit)  # undone once: refused, with the reason

    with unit_of_work(engine) as s:  # the undo undone: a redo
        undo_entry(s, undo.undo_id(edit), actor="Lê Lan")
    engine = app_db.restart()
    with read_session(engine) as s:
        assert records.get(s, "organisation", org)["name"] == "Genetica JSC"
        groups = recent_groups(s)
        offered = undo.last_undoable(s, actor="Lê Lan")
        offered_vi = undo.last_undoable(s, actor="Lê Lan", lang="vi")
    assert [g.kind for g in groups] == ["redo", "undo", "edit"]
    assert groups[0].label == 'Redo: Edited organisation "Genetica JSC"' and groups[0].status == READY
    assert groups[1].status == UNDONE
    assert offered is not None and offered.group_id == groups[0].group_id  # Ctrl+Z undoes the redo
    # offered as the step it did again: "Undo: Edited …", not "Undo: Redo: Edited …" (reviewer h95)
    assert offered.description == 'Edited organisation "Genetica JSC"'
    assert offered_vi is not None and not offered_vi.description.startswith("Làm lại")


def test_a_later_change_to_the_same_field_collides_and_is_explained_never_forced(app_db: Restartable) -> None:
    engine = app_db.engine
    org = _org(engine, "Genetica")
    mine = _edit(engine, "organisation", org, {"name": "Genetica Việt Nam", "website": "genetica.vn"}, "Anh")
    other = _org(engine, "Viettel")
    untouched = _edit(engine, "organisation", other, {"city": "Hà Nội"}, "Anh")
    _edit(engine, "organisation", org, {"city": "Huế"}, "Lan")  # another field: no collision
    with read_session(engine) as s:
        assert entry(s, mine).status == READY
    _edit(engine, "organisation", org, {"name": "Genetica JSC"}, "Lê Thị Lan")

    engine = app_db.restart()
    with read_session(engine) as s:
        found = entry(s, mine)
        vi = entry(s, mine, "vi")
        assert entry(s, untouched).status == READY
    assert found.status == COLLIDES and not found.undoable
    assert found.reason == "Genetica JSC's name was changed since by Lê Thị Lan on 23 Nov."
    assert vi.reason == "Tên của Genetica JSC đã được Lê Thị Lan sửa sau đó, ngày 23/11."
    with pytest.raises(undo.UndoConflict, match="changed since by Lê Thị Lan"), unit_of_work(engine) as s:
        undo_entry(s, mine)
    with read_session(engine) as s:
        now = records.get(s, "organisation", org)
        assert (now["name"], now["website"]) == ("Genetica JSC", "https://genetica.vn")  # nothing written
        assert s.execute(select(CHANGE.c.id).where(CHANGE.c.group_id == undo.undo_id(mine))).first() is None


def test_a_later_delete_collides_with_an_undo_of_a_restore_and_a_bulk_edit_names_a_few(
    app_db: Restartable,
) -> None:
    engine = app_db.engine
    ids = [_org(engine, f"Org {i}") for i in range(5)]
    with unit_of_work(engine) as s:
        tagged = bulk_edit.set_field(s, "organisation", ids, "country", "SG", actor="Anh")
    for i in ids[:4]:
        _edit(engine, "organisation", i, {"country": "JP"}, "Lan")
    with read_session(engine) as s:
        text = collisions(s, tagged)
        listed = entry(s, tagged)
    assert len(text) == 4 and text[0] == "Org 0's country was changed since by Lan on 23 Nov"
    assert listed.kind == "bulk_edit" and listed.count == 5
    assert listed.reason == (
        "Org 0's country was changed since by Lan on 23 Nov; Org 1's country was changed since by Lan on 23 Nov; "
        "and 2 more."
    )

    with unit_of_work(engine) as s:
        deleted = bulk_edit.delete_records(s, "organisation", [ids[4]], actor="Anh")
    with unit_of_work(engine) as s:
        restored = undo.undo_group(s, deleted, actor="Anh").group_id
    with read_session(engine) as s:
        assert entry(s, deleted).kind == "delete" and entry(s, deleted).status == UNDONE
        assert entry(s, restored).status == READY
    with unit_of_work(engine) as s:
        bulk_edit.delete_records(s, "organisation", [ids[4]], actor="Lan")
    with read_session(engine) as s:
        assert entry(s, restored).reason == "Org 4 was deleted since by Lan on 23 Nov."


def test_kinds_rating_merge_and_actor_filter(app_db: Restartable) -> None:
    engine = app_db.engine
    a, b = _org(engine, "Genetica"), _org(engine, "Genetica Co")
    with unit_of_work(engine) as s:
        version = records.get(s, "organisation", a)["version"]
        rated = stakeholder_map.rate(s, "organisation", a, 4, 5, version, actor="Anh").group_id
    with unit_of_work(engine) as s:
        merged = merge(s, "organisation", a, b, actor="Lan").group_id

    engine = app_db.restart()
    with read_session(engine) as s:
        groups = recent_groups(s)
        mine = recent_groups(s, actor="Anh")
        one = recent_groups(s, limit=1)
    assert [(g.group_id, g.kind) for g in groups] == [(merged, "merge"), (rated, "rating")]
    assert groups[0].label == 'Merged organisation "Genetica Co" into "Genetica"'
    assert groups[1].label == 'Rated organisation "Genetica"'
    assert [g.group_id for g in mine] == [rated] and [g.group_id for g in one] == [merged]

    with unit_of_work(engine) as s:  # a merge goes through undo_merge: both records back
        undone = undo_entry(s, merged, actor="Lan")
    with read_session(engine) as s:
        assert s.get(m.Organisation, b).deleted_at is None  # type: ignore[union-attr]
        again = entry(s, undone.undo_group)
    assert again.status == FINAL and "merge the two records again" in again.reason


def test_an_import_is_listed_by_its_file_and_undone_through_its_batch(
    app_db: Restartable, tmp_path: Path
) -> None:
    book = write_xlsx(
        tmp_path / "doi-tac.xlsx",
        {
            "Liên hệ": [
                ["Họ và tên", "Đơn vị", "Chức vụ"],
                ["Nguyễn Văn An", "Genetica", "CEO"],
                ["Lê Bình", "NIC", ""],
            ]
        },
    )
    _, result = do_import(app_db.engine, book)
    engine = app_db.restart()
    with read_session(engine) as s:
        (listed,) = recent_groups(s)
    assert listed.kind == "import" and listed.batch_id == result.batch_id and listed.status == READY
    assert listed.label.startswith('Imported "doi-tac.xlsx" (') and listed.count >= 2
    with unit_of_work(engine) as s:
        undo_entry(s, listed.group_id, actor="Anh")
    engine = app_db.restart()
    with read_session(engine) as s:
        assert s.get(m.ImportBatch, result.batch_id).undone_at is not None  # type: ignore[union-attr]
        assert s.execute(select(m.Contact).where(m.Contact.deleted_at.is_(None))).first() is None  # type: ignore[union-attr]
        groups = recent_groups(s)
    assert [(g.kind, g.status) for g in groups] == [("import_undo", FINAL), ("import", UNDONE)]
    assert groups[0].label == 'Undid the import of "doi-tac.xlsx"'
    assert groups[1].reason == "Undone by Anh on 23 Nov"


def test_successive_edits_of_one_field_are_undone_one_after_the_other(app_db: Restartable) -> None:
    """A later edit that was undone since leaves nothing to collide with; a redone one does."""
    engine = app_db.engine
    org = _org(engine, "Genetica")
    first = _edit(engine, "organisation", org, {"name": "Genetica 2"}, "Anh")
    second = _edit(engine, "organisation", org, {"name": "Genetica 3"}, "Anh")
    with read_session(engine) as s:
        assert entry(s, first).status == COLLIDES  # the second edit stands on it
        assert undo.last_undoable(s, actor="Anh").group_id == second  # type: ignore[union-attr]
    with unit_of_work(engine) as s:
        undo_entry(s, second, actor="Anh")  # Ctrl+Z
    engine = app_db.restart()
    with read_session(engine) as s:
        assert entry(s, first).status == READY  # the second and its undo cancel out
        assert undo.last_undoable(s, actor="Anh").group_id == first  # type: ignore[union-attr]
    with unit_of_work(engine) as s:
        undo_entry(s, undo.undo_id(second), actor="Lan")  # the second redone: it stands again
    with read_session(engine) as s:
        assert _name(engine, org) == "Genetica 3"
        assert entry(s, first).reason == "Genetica 3's name was changed since by Lan on 23 Nov."
    with unit_of_work(engine) as s:
        undo_entry(s, undo.undo_id(undo.undo_id(second)), actor="Anh")  # and undone again
    with unit_of_work(engine) as s:
        undo_entry(s, first, actor="Anh")  # Ctrl+Z, Ctrl+Z
    assert _name(engine, org) == "Genetica"


def test_a_later_change_outside_any_group_collides_too(app_db: Restartable) -> None:
    """A change written without a group (a script, an older version) is later work all the same."""
    engine = app_db.engine
    org = _org(engine, "Genetica")
    older = _edit(engine, "organisation", org, {"name": "Genetica 2"}, "Anh")
    mine = _edit(engine, "organisation", org, {"website": "genetica.vn"}, "Anh")
    with unit_of_work(engine) as s:
        records.update(s, "organisation", org, {"website": ""}, expected_version=None)  # no group
    with read_session(engine) as s:
        assert entry(s, mine).status == COLLIDES and entry(s, older).status == READY


def test_a_logged_meeting_and_the_action_rules_have_their_own_kinds_and_words(app_db: Restartable) -> None:
    """Reviewer: a meeting logged with 2 actions was listed as a "Bulk edit" (it moved its
    attendees' last-contacted dates too), and marking an action done as "Edit action …"."""
    import datetime as dt

    from app import actions
    from app.meetings import Chosen, FollowUp, MeetingDraft, save_meeting
    from db import clock

    engine = app_db.engine
    org = _org(engine, "Bộ Khoa học và Công nghệ")
    with unit_of_work(engine) as s:
        people = [
            records.create(s, "contact", {"full_name": n, "organisation_id": org}) for n in ("Hương", "Thư")
        ]
    today = clock.today()
    draft = MeetingDraft(
        {"title": "Làm việc với Bộ", "starts_at": dt.datetime.combine(today, dt.time(9))},
        [Chosen(org, "MOST")],
        [Chosen(i, str(i)) for i in people],
        [FollowUp(f"Gửi tài liệu {n}", "", "", "we_owe", today + dt.timedelta(days=7)) for n in (1, 2)],
    )
    with unit_of_work(engine) as s:
        meeting = save_meeting(s, draft, actor="Anh", group_id=records.new_group_id())
        action = s.execute(select(m.Action.id).where(m.Action.meeting_id == meeting)).scalars().first()
    assert action is not None
    with unit_of_work(engine) as s:
        done = actions.mark_done(s, [action], actor="Anh")
    with unit_of_work(engine) as s:
        reopened = actions.reopen(s, [action], actor="Anh")
    with unit_of_work(engine) as s:
        moved = actions.reschedule(s, [action], today + dt.timedelta(days=30), actor="Anh")
    with read_session(engine) as s:
        groups = recent_groups(s, limit=4)
        vi = recent_groups(s, limit=4, lang="vi")
    assert [g.kind for g in groups] == ["reschedule", "reopen", "mark_done", "log_meeting"]
    assert [g.group_id for g in groups[:3]] == [moved, reopened, done]
    assert [g.label for g in groups] == [
        'Rescheduled action "Gửi tài liệu 1"',
        'Reopened action "Gửi tài liệu 1"',
        'Marked action "Gửi tài liệu 1" done',
        'Logged meeting "Làm việc với Bộ" with 2 actions',
    ]
    assert [g.label for g in vi][:3] == [
        'Dời hạn việc cần làm "Gửi tài liệu 1"',
        'Mở lại việc cần làm "Gửi tài liệu 1"',
        'Đánh dấu xong việc cần làm "Gửi tài liệu 1"',
    ]


def test_a_reorganisation_is_listed_as_one_not_as_a_bulk_edit(app_db: Restartable) -> None:
    """Seen in the demo's Undo history: 'Reorganisation: "Bộ Kế hoạch và Đầu tư" → "Bộ Tài
    chính"' of kind 'Bulk edit'."""
    import datetime as dt

    from app import reorg

    engine = app_db.engine
    old, new = _org(engine, "Bộ Kế hoạch và Đầu tư"), _org(engine, "Bộ Tài chính")
    with unit_of_work(engine) as s:
        group, _ = reorg.succeed(s, old, [new], kind="merged", on=dt.date(2025, 3, 1), actor="Anh")
    with read_session(engine) as s:
        listed = entry(s, group)
    assert listed.kind == "reorganisation"
    assert listed.label.startswith('Reorganisation: "Bộ Kế hoạch và Đầu tư"')


def test_a_database_restored_before_the_restore_said_where_its_history_ends_is_still_not_undone_across(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    """A restore made by an older Ketnoi wrote its time and backup, not the last history row the
    backup held: the rows written before the restore's time are taken as the backup's."""
    import datetime as dt
    import json

    from sqlalchemy import text

    from app import bulk_edit, records, undo, undo_history
    from app.errors import UserError
    from db import backup as backups
    from db import clock
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database, restore_database

    with clock.frozen(dt.datetime(2026, 12, 5, 9, 0)):
        with unit_of_work(engine) as s:
            oid = records.create(s, "organisation", {"name": "Genetica"})
        with unit_of_work(engine) as s:
            deleted = bulk_edit.delete_records(s, "organisation", [oid], actor="Anh")
        backup = backups.take(db_path, "manual")
    assert backup is not None
    engine.dispose()
    with clock.frozen(dt.datetime(2026, 12, 5, 14, 16)):
        restore_database(db_url, backup)
    engine = open_database(db_url)
    try:
        with unit_of_work(engine) as s:  # as an older Ketnoi wrote it
            marker = {"at": "2026-12-05T14:16:00", "from": backup.name, "versions_above": 5}
            s.execute(
                text("UPDATE setting SET value = :v WHERE key = 'database.restored'"),
                {"v": json.dumps(marker)},
            )
        with clock.frozen(dt.datetime(2026, 12, 5, 14, 20)), unit_of_work(engine) as s:
            after = records.create(s, "contact", {"full_name": "Phạm Văn Sau"})
            later = bulk_edit.delete_records(s, "contact", [after], actor="Anh")
        with read_session(engine) as s:
            mark = undo.restore_mark(s)
            assert mark is not None and mark.source == backup.name
            assert undo_history.entry(s, deleted).status == undo_history.FINAL
            assert undo_history.entry(s, later).status == undo_history.READY
            assert [g.group_id for g in undo.recent_undoable(s)] == [later]  # what came after it only
        with unit_of_work(engine) as s, pytest.raises(UserError, match="restored from the backup"):
            undo.undo_group(s, deleted)
    finally:
        engine.dispose()


def test_an_undo_made_before_a_restore_is_still_listed_as_an_undo(
    engine: Engine, db_path: Path, db_url: str
) -> None:
    """Reviewer: after a restore, Undo history listed "Undo: Deleted meeting "Call with Qualcomm""
    as a "Bulk edit" (its meeting brought back and its attendee's last-contact date read as edits)."""
    import datetime as dt

    from db import backup as backups
    from db import clock
    from db.migrate import restore_database

    with clock.frozen(dt.datetime(2026, 12, 6, 21, 0)):
        with unit_of_work(engine) as s:
            an = records.create(s, "contact", {"full_name": "Nguyễn Văn An"})
            meeting = records.create(
                s, "meeting",
                {"title": "Call with Qualcomm", "starts_at": dt.datetime(2026, 12, 1, 9), "attendees": [{"contact_id": an}]},
            )  # fmt: skip
        with unit_of_work(engine) as s:
            records.delete(s, "meeting", meeting, group_id="g-delete")
        with unit_of_work(engine) as s:
            undone = undo.undo_group(s, "g-delete", actor="Bảo").group_id
        with read_session(engine) as s:
            assert entry(s, undone).kind == "undo"  # (before the restore, as it always was)
        backup = backups.take(db_path, "manual")
    assert backup is not None
    engine.dispose()
    with clock.frozen(dt.datetime(2026, 12, 6, 22, 1)):
        restore_database(db_url, backup)
    engine = open_database(db_url)
    try:
        with read_session(engine) as s:
            found = entry(s, undone)
            assert found.status == FINAL and found.kind == "undo"
            assert found.label == 'Undo: Deleted meeting "Call with Qualcomm"'
            assert entry(s, "g-delete").kind == "delete"
    finally:
        engine.dispose()
