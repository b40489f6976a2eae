"""A record's history (app/history.py): names for ids, dates typed, merges and imports said as
such, an old value written back as an undoable update; ``ketnoi history`` prints the same rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from app import history, merge, records, undo
from app.cli import main
from app.errors import ConflictError, UserError
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import do_import, write_xlsx
from tests.app.lists.seed import seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


def _history(engine: Engine, kind: str, record_id: int) -> list[history.HistoryEntry]:
    with read_session(engine) as s:
        return history.record_history(s, kind, record_id)


def test_fields_that_hold_ids_are_shown_by_name_and_dates_keep_their_type(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with unit_of_work(engine) as s:
        records.update(
            s, "contact", ids["nhung"], {"organisation_id": ids["genetica"], "position": "CEO"},
            expected_version=None, actor="Anh",
        )  # fmt: skip
        records.update(
            s, "action", ids["a_week"], {"due_date": dt.date(2026, 12, 1), "responsible_staff_id": ids["colleague"]},
            expected_version=None, actor="Bình",
        )  # fmt: skip
        records.update(
            s, "meeting", ids["past_meeting"],
            {"attendees": [{"contact_id": ids["nhung"], "role": "chair"}, {"contact_id": ids["hung"]}]},
            expected_version=None,
        )  # fmt: skip
    rows = _history(engine, "contact", ids["nhung"])
    by_field = {r.field: r for r in rows if r.field}
    org = by_field["organisation_id"]
    assert (org.old, org.new) == (ids["nic"], ids["genetica"])
    assert (org.old_label, org.new_label) == ("Trung tâm Đổi mới sáng tạo Quốc gia", "Genetica")
    assert (org.actor, org.op, org.restorable) == ("Anh", "update", True)
    assert (by_field["position"].old, by_field["position"].new_label) == ("Giám đốc", None)
    assert rows[-1].op == "create" and not rows[-1].restorable
    action = {r.field: r for r in _history(engine, "action", ids["a_week"]) if r.field}
    assert action["due_date"].old == dt.date(2026, 11, 27) and action["due_date"].new == dt.date(2026, 12, 1)
    assert action["responsible_staff_id"].new_label == "Lê Văn Bình"
    assert action["responsible_staff_id"].old_label is None  # there was nobody
    [att] = [r for r in _history(engine, "meeting", ids["past_meeting"]) if r.field == "attendees"]
    assert att.old_label == "Nguyễn Thị Hồng Nhung (chair), Đặng Văn An"
    assert att.new_label == "Nguyễn Thị Hồng Nhung (chair), Phạm Quốc Hùng"
    with read_session(engine) as s:
        roles = history.record_history(s, "meeting", ids["past_meeting"], role_label=str.upper)
    assert "(CHAIR)" in next(r.old_label for r in roles if r.field == "attendees")  # type: ignore[operator]


def test_restore_a_value_is_an_ordinary_update_that_undo_takes_back(
    engine: Engine, ids: dict[str, Any]
) -> None:
    with unit_of_work(engine) as s:
        records.update(
            s, "contact", ids["nhung"], {"organisation_id": ids["genetica"]}, expected_version=None
        )
        records.update(s, "contact", ids["nhung"], {"organisation_id": None}, expected_version=None)
    rows = _history(engine, "contact", ids["nhung"])
    first = [r for r in rows if r.field == "organisation_id"][-1]  # NIC → Genetica
    with read_session(engine) as s:
        version = records.snapshot(s, "contact", ids["nhung"])["version"]
    with unit_of_work(engine) as s:
        new_version, group = history.restore_value(
            s, "contact", ids["nhung"], "organisation_id", first.id, actor="Anh", expected_version=version
        )
    assert new_version == version + 1 and group
    latest = _history(engine, "contact", ids["nhung"])[0]
    assert (latest.field, latest.old, latest.new_label, latest.actor) == (
        "organisation_id",
        None,
        "Trung tâm Đổi mới sáng tạo Quốc gia",
        "Anh",
    )
    assert not next(
        r for r in _history(engine, "contact", ids["nhung"]) if r.id == first.id
    ).restorable  # holds it now
    # started from an older version: a conflict, nothing written
    with pytest.raises(ConflictError), unit_of_work(engine) as s:
        history.restore_value(
            s, "contact", ids["nhung"], "organisation_id", first.id, expected_version=version
        )
    with unit_of_work(engine) as s:
        undo.undo_group(s, group)
    with read_session(engine) as s:
        assert records.get(s, "contact", ids["nhung"])["organisation_id"] is None
    # a change of another record or field is refused
    with pytest.raises(UserError), unit_of_work(engine) as s:
        history.restore_value(s, "contact", ids["dang"], "organisation_id", first.id)
    with pytest.raises(UserError), unit_of_work(engine) as s:
        history.restore_value(s, "contact", ids["nhung"], "position", first.id)


def test_restored_list_values_and_dates_round_trip(engine: Engine, ids: dict[str, Any]) -> None:
    with unit_of_work(engine) as s:
        records.update(
            s, "organisation", ids["nic"], {"tags": ["VIP"], "sectors": ["Quantum"]}, expected_version=None
        )
        records.update(s, "action", ids["a_week"], {"due_date": dt.date(2027, 1, 5)}, expected_version=None)
    for kind, rid, field in (
        ("organisation", ids["nic"], "tags"),
        ("organisation", ids["nic"], "sectors"),
        ("action", ids["a_week"], "due_date"),
    ):
        change = next(r for r in _history(engine, kind, rid) if r.field == field)
        with unit_of_work(engine) as s:
            history.restore_value(s, kind, rid, field, change.id)
    with read_session(engine) as s:
        nic = records.get(s, "organisation", ids["nic"])
        assert nic["tags"] == ["priority"] and nic["sectors"] == ["AI", "Semiconductors"]
        assert records.get(s, "action", ids["a_week"])["due_date"] == dt.date(2026, 11, 27)


def test_merges_and_imports_are_said_as_such(engine: Engine, ids: dict[str, Any], tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        merge.merge(s, "contact", ids["hung"], ids["bao"], choices={"full_name": "survivor"}, actor="Anh")
    survivor = _history(engine, "contact", ids["hung"])
    summary = next(r for r in survivor if r.op == "merge" and not r.field)
    assert summary.merged_with == "Vũ Ngọc Bảo" and not summary.merged_into
    assert summary.merged_id == ids["bao"] and not summary.took_name
    assert history.describe(summary) == f"Merged #{ids['bao']} “Vũ Ngọc Bảo” into this record"
    other = next(r for r in _history(engine, "contact", ids["bao"]) if r.op == "merge")
    assert other.merged_into and other.merged_with == "Phạm Quốc Hùng"
    assert history.describe(other) == "Merged into “Phạm Quốc Hùng”"

    book = write_xlsx(
        tmp_path / "danh-ba.xlsx",
        {"Danh bạ": [["Họ và tên", "Đơn vị", "Chức vụ", "Email"], ["Nguyễn Thị Hồng Nhung", "NIC", "Viện trưởng", "nhung@nic.gov.vn"], ["Trịnh Văn Nam", "NIC", "Chuyên viên", ""]]},
    )  # fmt: skip
    do_import(engine, book, on_match="overwrite")
    changed = next(r for r in _history(engine, "contact", ids["nhung"]) if r.field == "position")
    assert changed.imported and changed.batch_file == "danh-ba.xlsx" and changed.op == "import"
    assert (changed.old, changed.new) == ("Giám đốc", "Viện trưởng")
    assert history.describe(changed) == "Position: Giám đốc → Viện trưởng (import of danh-ba.xlsx)"
    with read_session(engine) as s:
        nam = s.exec(select(m.Contact.id).where(m.Contact.full_name == "Trịnh Văn Nam")).one()
        assert nam is not None
    [created] = _history(engine, "contact", nam)
    assert created.imported and history.describe(created) == "Created by the import of danh-ba.xlsx"


def test_cli_history_prints_the_same_rows(
    engine: Engine, db_path: Path, ids: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with unit_of_work(engine) as s:
        records.update(
            s,
            "contact",
            ids["dang"],
            {"organisation_id": ids["genetica"]},
            expected_version=None,
            actor="Anh",
        )
    rows = _history(engine, "contact", ids["dang"])
    capsys.readouterr()
    assert main(["history", "contact", str(ids["dang"]), "--db", str(db_path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [c["change_id"] for c in doc["changes"]] == [r.id for r in rows]
    assert doc["changes"][0]["old_label"] == "Trung tâm Đổi mới sáng tạo Quốc gia"
    assert doc["changes"][0]["new_label"] == "Genetica" and doc["changes"][0]["restorable"] is True
    assert main(["history", "contact", str(ids["dang"]), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"contact #{ids['dang']}  Đặng Văn An"
    assert out[1].endswith("by Anh  Organisation: Trung tâm Đổi mới sáng tạo Quốc gia → Genetica")
    assert [line.split("  ")[-1] for line in out[1:]] == [history.describe(r) for r in rows]
