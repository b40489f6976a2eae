"""The trash (app/trash.py): deleted records of every kind, restored with their links, emptied
for good after a backup; and the CLI's ``ketnoi trash`` reading the same functions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import bulk_edit, history, merge, records, trash, undo
from app.cli import main
from app.errors import UserError, ValidationError
from db import backup as backups
from db import clock, kinds
from db.engine import read_session, unit_of_work
from db.tables import ATTENDEE, CHANGE, CON_TAG, MEET_ORG, METHOD, ORG_SECTOR, ORG_TAG
from tests.app.lists.seed import seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


def _delete(engine: Engine, kind: str, *record_ids: int, actor: str = "Anh") -> str:
    with unit_of_work(engine) as s:
        return bulk_edit.delete_records(s, kind, list(record_ids), actor=actor)


def _links(engine: Engine, ids: dict[str, Any]) -> dict[str, Any]:
    """Every link the seeded records have, read straight from the link tables."""
    with read_session(engine) as s:
        return {
            "attendees": sorted(
                s.execute(select(ATTENDEE.c.meeting_id, ATTENDEE.c.contact_id, ATTENDEE.c.role)).all()
            ),
            "meeting_orgs": sorted(s.execute(select(MEET_ORG)).all()),
            "org_tags": sorted(s.execute(select(ORG_TAG)).all()),
            "org_sectors": sorted(s.execute(select(ORG_SECTOR)).all()),
            "contact_tags": sorted(s.execute(select(CON_TAG)).all()),
            "emails": sorted(s.execute(select(METHOD.c.contact_id, METHOD.c.value)).all()),
            "action_meeting": records.get(s, "action", ids["followup"])["meeting_id"],
            "nhung_org": records.get(s, "contact", ids["nhung"])["organisation_id"],
        }


@pytest.fixture
def followup(engine: Engine, ids: dict[str, Any]) -> dict[str, Any]:
    """An action that came from the past meeting, and a VIP tag on NIC and on John Smith."""
    with unit_of_work(engine) as s:
        ids["followup"] = records.create(
            s,
            "action",
            {"title": "Gửi biên bản họp", "meeting_id": ids["past_meeting"], "organisation_id": ids["nic"]},
        )
        records.update(s, "organisation", ids["nic"], {"tags": ["priority", "VIP"]}, expected_version=None)
    return ids


def test_every_kind_is_listed_newest_first_with_who_and_when(engine: Engine, ids: dict[str, Any]) -> None:
    _delete(engine, "organisation", ids["genetica"], actor="Anh")
    clock.set_fixed(dt.datetime(2026, 11, 23, 10, 0))
    _delete(engine, "contact", ids["nhung"], ids["dang"], actor="Bình")
    clock.set_fixed(dt.datetime(2026, 11, 23, 11, 0))
    _delete(engine, "meeting", ids["past_meeting"], actor="Anh")
    _delete(engine, "action", ids["a_today"], actor="Anh")
    with unit_of_work(engine) as s:
        records.delete(s, "staff", ids["colleague"], actor="Anh")
    with read_session(engine) as s:
        items = trash.list_trash(s)
        assert [i.key for i in items][:3] == [
            ("staff", ids["colleague"]),
            ("action", ids["a_today"]),
            ("meeting", ids["past_meeting"]),
        ]
        assert [i.key for i in items][-1] == ("organisation", ids["genetica"])
        assert {i.kind for i in items} == {"organisation", "contact", "meeting", "action", "staff"}
        by_key = {i.key: i for i in items}
        nhung = by_key[("contact", ids["nhung"])]
        assert (nhung.label, nhung.deleted_by) == ("Nguyễn Thị Hồng Nhung", "Bình")
        when = clock.local(nhung.deleted_at)
        assert when.replace(second=0, microsecond=0) == dt.datetime(2026, 11, 23, 10, 0)
        assert [i.id for i in trash.list_trash(s, kind="contact")] == sorted(
            [ids["nhung"], ids["dang"]], reverse=True
        )
        # accents and case optional; a word that is in no name finds nothing
        assert [i.key for i in trash.list_trash(s, text="nguyen thi")] == [("contact", ids["nhung"])]
        assert [i.key for i in trash.list_trash(s, text="binh")] == [("staff", ids["colleague"])]
        assert trash.list_trash(s, text="genetica pitch") == []
        assert len(trash.list_trash(s, limit=2)) == 2
        assert trash.count_trash(s) == {
            "organisation": 1,
            "contact": 2,
            "meeting": 1,
            "action": 1,
            "staff": 1,
        }


def test_delete_then_restore_brings_every_link_back_as_one_undoable_group(
    engine: Engine, followup: dict[str, Any]
) -> None:
    ids = followup
    before = _links(engine, ids)
    assert before["action_meeting"] == ids["past_meeting"] and len(before["attendees"]) == 3
    # deleted as the window deletes (bulk), each kind in its own operation
    _delete(engine, "organisation", ids["nic"])
    _delete(engine, "contact", ids["nhung"], ids["smith"])
    _delete(engine, "meeting", ids["past_meeting"])
    _delete(engine, "action", ids["followup"])
    with read_session(engine) as s:
        items = trash.list_trash(s)
    assert len(items) == 5
    with unit_of_work(engine) as s:
        result = trash.restore_many(s, [i.key for i in items], actor="Anh")
    assert sorted(result.restored) == sorted(i.key for i in items) and result.skipped == []
    assert _links(engine, ids) == before
    with read_session(engine) as s:
        assert trash.list_trash(s) == []
        assert records.get(s, "meeting", ids["past_meeting"])["organisation_ids"] == [ids["nic"]]
    # one undo puts all five back in the trash
    with unit_of_work(engine) as s:
        undo.undo_group(s, result.group_id, actor="Anh")
    with read_session(engine) as s:
        assert sorted(i.key for i in trash.list_trash(s)) == sorted(i.key for i in items)


def test_a_record_whose_name_is_taken_again_stays_in_the_trash_with_the_reason(
    engine: Engine, ids: dict[str, Any]
) -> None:
    _delete(engine, "organisation", ids["genetica"])
    _delete(engine, "contact", ids["bao"])
    with unit_of_work(engine) as s:
        again = records.create(s, "organisation", {"name": "GENETICA"})
    with unit_of_work(engine) as s:
        result = trash.restore_many(
            s, [("organisation", ids["genetica"]), ("contact", ids["bao"]), ("contact", 99999)]
        )
    assert result.restored == [("contact", ids["bao"])]
    reasons = {(x.kind, x.id): (x.code, x.message) for x in result.skipped}
    assert reasons[("organisation", ids["genetica"])][0] == "name"
    assert f"id {again}" in reasons[("organisation", ids["genetica"])][1]
    assert reasons[("contact", 99999)] == ("gone", "not in the trash")
    with read_session(engine) as s:
        assert [i.key for i in trash.list_trash(s)] == [("organisation", ids["genetica"])]


def test_a_merged_away_record_says_what_it_went_into(engine: Engine, ids: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        merge.merge(s, "contact", ids["hung"], ids["bao"], choices={"full_name": "survivor"}, actor="Anh")
    _delete(engine, "contact", ids["smith"])
    with read_session(engine) as s:
        by_key = {i.key: i for i in trash.list_trash(s)}
    assert by_key[("contact", ids["bao"])].merged_into == "Phạm Quốc Hùng"
    assert by_key[("contact", ids["smith"])].merged_into == ""


def test_emptying_takes_a_backup_then_removes_records_and_links_for_good(
    engine: Engine, db_path: Path, followup: dict[str, Any]
) -> None:
    ids = followup
    _delete(engine, "contact", ids["nhung"])
    _delete(engine, "meeting", ids["past_meeting"])
    _delete(engine, "organisation", ids["genetica"])
    with unit_of_work(engine) as s:
        counts = trash.empty_trash(s, actor="Anh")
    assert counts == {"contact": 1, "meeting": 1, "organisation": 1}
    [backup] = [b for b in backups.listing(db_path) if b.reason == "before-empty-trash"]
    with read_session(engine) as s:
        assert trash.list_trash(s) == [] and trash.count_trash(s) == {}
        for kind in ("contact", "meeting", "organisation"):
            table = kinds.table(kind)
            assert (
                s.execute(
                    select(func.count()).select_from(table).where(table.c.deleted_at.is_not(None))
                ).scalar()
                == 0
            )
        links = s.execute(select(ATTENDEE.c.meeting_id, ATTENDEE.c.contact_id)).all()
        assert all(m != ids["past_meeting"] and c != ids["nhung"] for m, c in links)
        assert s.execute(select(METHOD).where(METHOD.c.contact_id == ids["nhung"])).first() is None
        # a live action that came from the purged meeting keeps living, without the pointer, and says so
        action = records.get(s, "action", ids["followup"])
        assert action["meeting_id"] is None and action["version"] == 2
        [lost] = [h for h in history.record_history(s, "action", ids["followup"]) if h.op == "purge"]
        assert (lost.field, lost.old, lost.old_label, lost.new) == (
            "meeting_id",
            ids["past_meeting"],
            "Họp làm việc về chương trình AI",
            None,
        )
        # Genetica's people, its overdue action and its meeting lose it too
        assert records.get(s, "contact", ids["hung"])["organisation_id"] is None
        assert records.get(s, "meeting", ids["next_meeting"])["organisation_ids"] == []
        # the purged contact's history stays, closed by a purge row naming the backup
        rows = s.execute(
            select(CHANGE.c.op, CHANGE.c.new)
            .where(CHANGE.c.entity == "contact", CHANGE.c.entity_id == ids["nhung"])
            .order_by(CHANGE.c.id)
        ).all()
        # (the update: the past meeting moved her "last contacted" to its day)
        assert [r.op for r in rows] == ["create", "update", "delete", "purge"]
        assert rows[-1].new == {"label": "Nguyễn Thị Hồng Nhung", "backup": backup.path.name}
    # the backup holds what was purged
    copy = backups.sqlite_file_of(backup.path)
    from db.migrate import open_database

    old = open_database(f"sqlite:///{copy}")
    try:
        with read_session(old) as s:
            assert (
                records.snapshot(s, "contact", ids["nhung"], include_deleted=True)["full_name"]
                == "Nguyễn Thị Hồng Nhung"
            )
    finally:
        old.dispose()
    with unit_of_work(engine) as s:
        assert trash.empty_trash(s) == {}  # nothing left: no second backup
    assert len([b for b in backups.listing(db_path) if b.reason == "before-empty-trash"]) == 1


def test_a_new_record_given_a_purged_id_starts_clean_and_old_changes_are_not_undone_onto_it(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with unit_of_work(engine) as s:
        group = records.new_group_id()
        last = records.create(
            s, "contact", {"full_name": "Hoàng Thị Mai", "position": "Kế toán"}, group_id=group
        )
        records.update(s, "contact", last, {"position": "Kế toán trưởng"}, expected_version=None)
    deleted = _delete(engine, "contact", last)
    with unit_of_work(engine) as s:
        trash.empty_trash(s)
    with unit_of_work(engine) as s:
        again = records.create(s, "contact", {"full_name": "Lý Văn Tâm"})
    assert again == last  # SQLite gives the highest id out again
    with read_session(engine) as s:
        assert [h.op for h in history.record_history(s, "contact", again)] == ["create"]
    # undoing the old creation (or the old delete) would act on the new record: refused
    for old_group in (group, deleted):
        with unit_of_work(engine) as s, pytest.raises(UserError, match="removed for good"):
            undo.undo_group(s, old_group)
    with read_session(engine) as s:
        assert records.get(s, "contact", again)["full_name"] == "Lý Văn Tâm"


def test_cli_trash_lists_the_same_items_and_empties_only_when_told(
    engine: Engine, db_path: Path, ids: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    _delete(engine, "contact", ids["smith"], actor="Anh")
    _delete(engine, "action", ids["a_week"], actor="Anh")

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("trash", "--json")
    assert code == 0
    listed = json.loads(out)["items"]
    with read_session(engine) as s:
        assert [(i["kind"], i["id"]) for i in listed] == [i.key for i in trash.list_trash(s)]
    assert listed[-1]["restore"] == f"ketnoi contact restore {ids['smith']}"
    assert listed[-1]["deleted_by"] == "Anh"
    code, out, _ = run("trash", "--kind", "contact")
    assert code == 0 and "John Smith" in out and "Receive pilot budget" not in out and "by Anh" in out
    code, out, err = run("trash", "--empty")
    assert code == 1 and "--yes" in err
    with read_session(engine) as s:
        assert len(trash.list_trash(s)) == 2  # nothing removed without --yes
    code, out, _ = run("trash", "--empty", "--yes", "--json")
    assert code == 0 and json.loads(out)["purged"] == {"contact": 1, "action": 1}
    code, out, _ = run("trash")
    assert out.strip() == "Nothing deleted."


def test_records_that_point_into_the_trash_stay_editable_and_keep_the_link(
    engine: Engine, followup: dict[str, Any]
) -> None:
    ids = followup
    _delete(engine, "organisation", ids["genetica"])
    _delete(engine, "contact", ids["dang"])
    with unit_of_work(engine) as s:  # edits of other fields, sent as a form sends them (every field)
        for kind, key, change in (
            ("contact", "hung", {"position": "Chủ tịch"}),
            ("meeting", "past_meeting", {"minutes": "Đã họp"}),
            ("meeting", "next_meeting", {"minutes": "Đã họp"}),
            ("action", "a_overdue", {"priority": 1}),
        ):
            current = records.snapshot(s, kind, ids[key])
            records.update(s, kind, ids[key], {**current, **change}, expected_version=current["version"])
    _delete(engine, "meeting", ids["past_meeting"])
    with unit_of_work(engine) as s:
        records.update(s, "action", ids["followup"], {"title": "Gửi biên bản"}, expected_version=None)
    # a record in the trash is still refused as a new choice
    with (
        unit_of_work(engine) as s,
        pytest.raises(ValidationError, match=r'"Genetica" was deleted .*it is in the trash'),
    ):
        records.update(
            s, "contact", ids["nhung"], {"organisation_id": ids["genetica"]}, expected_version=None
        )
    with unit_of_work(engine) as s:
        restored = trash.restore_many(
            s, [("organisation", ids["genetica"]), ("contact", ids["dang"]), ("meeting", ids["past_meeting"])]
        )
    assert len(restored.restored) == 3
    with read_session(engine) as s:
        hung = records.get(s, "contact", ids["hung"])
        assert (hung["organisation_id"], hung["position"]) == (ids["genetica"], "Chủ tịch")
        assert records.get(s, "meeting", ids["next_meeting"])["organisation_ids"] == [ids["genetica"]]
        assert records.get(s, "action", ids["followup"])["meeting_id"] == ids["past_meeting"]
        overdue = records.get(s, "action", ids["a_overdue"])
        assert (overdue["organisation_id"], overdue["priority"]) == (ids["genetica"], 1)
        past = records.get(s, "meeting", ids["past_meeting"])
        assert past["minutes"] == "Đã họp"
        assert {a["contact_id"]: a["role"] for a in past["attendees"]} == {
            ids["nhung"]: "chair",
            ids["dang"]: "participant",
        }
        # nothing but the fields edited was recorded as changed
        fields = {
            h.field for h in history.record_history(s, "meeting", ids["past_meeting"]) if h.op == "update"
        }
        assert fields == {"minutes"}


def test_cli_empty_names_the_files_that_go_with_the_records(
    engine: Engine, db_path: Path, ids: dict[str, Any]
) -> None:
    """Reviewer (in the window): one deleted contact listed, "Removed 2 records for good" — its
    attached file went too, never named. The command line asks and answers the same way."""
    import subprocess
    import sys

    from app import attachments

    with unit_of_work(engine) as s:
        attachments.add(s, "contact", ids["smith"], attachments.prepare("Công văn số 01.pdf", b"%PDF-1.4 x"))
    _delete(engine, "contact", ids["smith"])

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "trash", "--empty", *args, "--db", str(db_path)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    asked = run()
    assert asked.returncode == 1
    assert "this removes 1 contact and 1 file attached to it for good; add --yes" in asked.stderr
    done = run("--yes")
    assert done.returncode == 0, done.stderr
    assert "Removed for good: 1 contact and 1 file attached to it" in done.stdout
