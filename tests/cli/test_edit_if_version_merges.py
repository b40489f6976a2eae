"""``ketnoi contact edit N --position … --if-version V`` of a record someone saved since V.

It refused any save since V, even one to another field (reviewer: a script that read a contact,
then set its position, failed because a colleague had corrected the notes meanwhile) — while
the window merges such edits. Now it merges as the window does: their notes kept beside the
new position, said on the output; a field both changed is refused, naming the field with their
value and yours and who saved, in English and Vietnamese, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app import records
from db.engine import read_session, unit_of_work
from tests.cli.inproc import run_cli
from tests.helpers import another_save

THEY = "Trần Văn Bình"  # the colleague who saves meanwhile


def _contact(engine: Engine) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "position": "Giám đốc"})
        return cid, int(records.get(s, "contact", cid)["version"])


def _now(engine: Engine, cid: int) -> dict[str, Any]:
    with read_session(engine) as s:
        return records.get(s, "contact", cid)


def test_their_notes_are_kept_beside_the_new_position(db_path: Path, engine: Engine) -> None:
    cid, version = _contact(engine)
    another_save(engine, "contact", cid, {"notes": "Gặp ở Hòa Lạc"}, THEY)
    another_save(engine, "contact", cid, {"honorific": "Bà"}, THEY)
    done = run_cli(
        db_path, "contact", "edit", str(cid), "--position", "Phó Giám đốc", "--if-version", str(version)
    )
    assert done.returncode == 0, done.stderr
    assert "Saved contact #" in done.stdout
    assert "Merged with what was saved meanwhile from another window or the command line (" in done.stdout
    assert "kept as it was saved: Honorific, Notes" in done.stdout
    now = _now(engine, cid)
    assert (now["position"], now["notes"], now["honorific"]) == ("Phó Giám đốc", "Gặp ở Hòa Lạc", "Bà")
    assert now["version"] == version + 3

    # --json says which fields were theirs
    again = run_cli(
        db_path,
        "contact",
        "edit",
        str(cid),
        "--notes",
        "Gặp hai lần",
        "--if-version",
        str(version + 2),
        "--json",
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["merged_with"] == {"version": version + 3, "fields": ["position"]}


def test_a_position_both_changed_is_refused_naming_it_and_who_saved(db_path: Path, engine: Engine) -> None:
    cid, version = _contact(engine)
    another_save(engine, "contact", cid, {"position": "Trưởng phòng", "notes": "Gặp ở Hòa Lạc"}, THEY)
    done = run_cli(
        db_path, "contact", "edit", str(cid), "--position", "Phó Giám đốc", "--if-version", str(version)
    )
    assert done.returncode == 1
    assert "was changed from another window or the command line at " in done.stderr
    assert (
        "meanwhile: Position is now Trưởng phòng (yours: Phó Giám đốc). Nothing was overwritten"
        in done.stderr
    )
    vi = run_cli(
        db_path,
        "contact",
        "edit",
        str(cid),
        "--position",
        "Phó Giám đốc",
        "--if-version",
        str(version),
        lang="vi_VN.UTF-8",
    )
    assert vi.returncode == 1
    assert "vừa được sửa từ một cửa sổ khác hoặc dòng lệnh lúc " in vi.stderr
    assert ": Chức vụ nay là Trưởng phòng (của bạn: Phó Giám đốc)" in vi.stderr
    now = _now(engine, cid)
    assert (now["position"], now["version"]) == ("Trưởng phòng", version + 1)  # nothing written


def test_merged_in_vietnamese(db_path: Path, engine: Engine) -> None:
    cid, version = _contact(engine)
    another_save(engine, "contact", cid, {"notes": "Gặp ở Hòa Lạc"}, THEY)
    done = run_cli(
        db_path,
        "contact",
        "edit",
        str(cid),
        "--position",
        "Phó Giám đốc",
        "--if-version",
        str(version),
        lang="vi_VN.UTF-8",
    )
    assert done.returncode == 0, done.stderr
    assert "Đã gộp với những gì được lưu trong lúc đó từ một cửa sổ khác hoặc dòng lệnh (" in done.stdout
    assert "giữ nguyên như đã lưu: Ghi chú" in done.stdout


def test_an_organisation_too(db_path: Path, engine: Engine) -> None:
    with unit_of_work(engine) as s:
        oid = records.create(s, "organisation", {"name": "Genetica", "kind": "enterprise"})
        version = int(records.get(s, "organisation", oid)["version"])
    with unit_of_work(engine) as s:
        records.update(s, "organisation", oid, {"website": "https://genetica.asia"}, expected_version=version)
    done = run_cli(
        db_path, "organisation", "edit", str(oid), "--city", "Hà Nội", "--if-version", str(version)
    )
    assert done.returncode == 0, done.stderr
    with read_session(engine) as s:
        now = records.get(s, "organisation", oid)
    assert (now["city"], now["website"]) == ("Hà Nội", "https://genetica.asia")
