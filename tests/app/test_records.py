import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from app import records
from app.errors import ConflictError, NotFoundError, ValidationError
from db import clock
from db.engine import read_session, unit_of_work


def _org(engine: Engine, **values: object) -> int:
    with unit_of_work(engine) as s:
        return records.create(s, "organisation", {"name": "Genetica", "kind": "startup", **values})


def test_contact_is_normalised_on_save(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        cid = records.create(
            s,
            "contact",
            {
                "full_name": "  Nguye\u0302\u0303n  Thị Hồng Nhung ",
                "organisation_id": org,
                "emails": ["Nhung.NTH@Genetica.example.VN"],
                "phones": ["0912 345 678", "(+84) 95-900-2358"],
                "tags": ["VIP", "vip", " Biotech "],
            },
        )
    with read_session(engine) as s:
        c = records.get(s, "contact", cid)
    assert c["full_name"] == "Nguyễn Thị Hồng Nhung"
    assert (c["family_name"], c["middle_name"], c["given_name"]) == ("Nguyễn", "Thị Hồng", "Nhung")
    assert c["emails"] == ["nhung.nth@genetica.example.vn"]
    assert c["phones"] == ["+84912345678", "+84959002358"]
    assert c["tags"] == ["Biotech", "VIP"]
    assert c["organisation_name"] == "Genetica"
    assert c["version"] == 1


@pytest.mark.parametrize(
    ("entity", "values", "field"),
    [
        ("contact", {"full_name": ""}, "full_name"),
        ("contact", {"full_name": "An", "emails": ["an@"]}, "emails"),
        ("contact", {"full_name": "An", "phones": ["12345"]}, "phones"),
        ("contact", {"full_name": "An", "influence": 9}, "influence"),
        ("contact", {"full_name": "An", "organisation_id": 999}, "organisation_id"),
        ("organisation", {"name": " "}, "name"),
        ("organisation", {"name": "X", "kind": "spaceship"}, "kind"),
        ("meeting", {"title": "Họp", "starts_at": None}, "starts_at"),
        (
            "meeting",
            {"title": "Họp", "starts_at": "2025-11-26 10:00", "ends_at": "2025-11-26 09:00"},
            "ends_at",
        ),
        ("action", {"title": ""}, "title"),
        ("action", {"title": "Gửi thư", "due_date": "31/02/2025"}, "due_date"),
        ("action", {"title": "Gửi thư", "direction": "sideways"}, "direction"),
        ("action", {"title": "Gửi thư", "priority": 7}, "priority"),
        ("staff", {"name": ""}, "name"),
    ],
)
def test_validation_names_the_field(engine: Engine, entity: str, values: dict, field: str) -> None:
    with unit_of_work(engine) as s, pytest.raises(ValidationError) as info:
        records.create(s, entity, values)
    assert field in info.value.errors
    assert info.value.errors[field]


def test_validation_reports_every_bad_field_at_once(engine: Engine) -> None:
    with unit_of_work(engine) as s, pytest.raises(ValidationError) as info:
        records.create(s, "contact", {"full_name": "", "emails": ["x@"], "phones": ["1"]})
    assert set(info.value.errors) == {"full_name", "emails", "phones"}


def test_due_date_before_source_meeting_is_rejected(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        mid = records.create(
            s, "meeting", {"title": "Làm việc tại Hòa Lạc", "starts_at": dt.datetime(2025, 11, 26, 9)}
        )
    with unit_of_work(engine) as s, pytest.raises(ValidationError) as info:
        records.create(s, "action", {"title": "Gửi thư", "meeting_id": mid, "due_date": dt.date(2025, 11, 1)})
    assert "26/11/2025" in info.value.errors["due_date"]


def test_duplicate_organisation_name_is_refused(engine: Engine) -> None:
    _org(engine, name="Trung tâm Đổi mới sáng tạo Quốc gia")
    with unit_of_work(engine) as s, pytest.raises(ValidationError) as info:
        records.create(s, "organisation", {"name": "trung tam doi moi sang tao quoc gia"})
    assert "already exists" in info.value.errors["name"]


def test_stale_version_is_a_conflict_not_an_overwrite(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        assert records.update(s, "organisation", org, {"city": "Hà Nội"}, expected_version=1) == 2
    with unit_of_work(engine) as s, pytest.raises(ConflictError) as info:
        records.update(s, "organisation", org, {"city": "Đà Nẵng"}, expected_version=1)
    err = info.value
    assert err.entity == "organisation" and err.entity_id == org
    assert "Genetica" in str(err)
    assert err.current["city"] == "Hà Nội"
    assert err.attempted == {"city": "Đà Nẵng"}
    with read_session(engine) as s:
        assert records.get(s, "organisation", org)["city"] == "Hà Nội"


def test_every_change_is_written_to_history(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        cid = records.create(
            s, "contact", {"full_name": "Đặng Văn Khoa", "position": "Phó Giám đốc"}, actor="Hà"
        )
    with unit_of_work(engine) as s:
        records.update(
            s,
            "contact",
            cid,
            {"position": "Giám đốc", "phones": ["0903112233"]},
            expected_version=1,
            actor="Quang",
        )
    with read_session(engine) as s:
        hist = records.history(s, "contact", cid)
    ops = [(h["op"], h["field"]) for h in hist]
    assert ("create", "") in ops
    changed = {h["field"]: h for h in hist if h["op"] == "update"}
    assert changed["position"]["old"] == "Phó Giám đốc"
    assert changed["position"]["new"] == "Giám đốc"
    assert changed["position"]["actor"] == "Quang"
    assert changed["phones"]["new"] == ["+84903112233"]


def test_update_without_changes_keeps_version(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        assert records.update(s, "organisation", org, {"name": "Genetica"}, expected_version=1) == 1


def test_soft_delete_and_restore(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", org, actor="Hà")
    with read_session(engine) as s:
        with pytest.raises(NotFoundError):
            records.get(s, "organisation", org)
        assert [d["id"] for d in records.deleted(s, "organisation")] == [org]
        # The row is still there, only marked.
        assert s.execute(text("SELECT count(*) FROM organisation")).scalar_one() == 1
    with unit_of_work(engine) as s:
        records.restore(s, "organisation", org, actor="Hà")
    with read_session(engine) as s:
        assert records.get(s, "organisation", org)["name"] == "Genetica"
        assert [h["op"] for h in records.history(s, "organisation", org)][:2] == ["restore", "delete"]


def test_a_failed_unit_of_work_writes_nothing(engine: Engine) -> None:
    with pytest.raises(ValidationError), unit_of_work(engine) as s:
        mid = records.create(s, "meeting", {"title": "Họp", "starts_at": dt.datetime(2025, 11, 26, 9)})
        records.create(s, "action", {"title": "", "meeting_id": mid})
    with read_session(engine) as s:
        assert s.execute(text("SELECT count(*) FROM meeting")).scalar_one() == 0


def test_meeting_relations_round_trip(engine: Engine) -> None:
    org = _org(engine)
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Lê Minh Châu"})
        b = records.create(s, "contact", {"full_name": "Phan Thanh Sơn"})
        staff = records.create(s, "staff", {"name": "Trần Minh Quang"})
        mid = records.create(
            s,
            "meeting",
            {
                "title": "Phiên làm việc tại Hòa Lạc",
                "starts_at": "2025-11-26 09:00",
                "attendees": [{"contact_id": a, "role": "chair"}, b, {"contact_id": a}],
                "organisation_ids": [org],
                "staff_ids": [staff],
            },
        )
    with read_session(engine) as s:
        mt = records.get(s, "meeting", mid)
    assert mt["starts_at"] == dt.datetime(2025, 11, 26, 9, 0)
    assert [(x["contact_id"], x["role"]) for x in mt["attendees"]] == [(a, "chair"), (b, "participant")]
    assert mt["attendees"][0]["full_name"] == "Lê Minh Châu"
    assert mt["organisation_ids"] == [org]
    assert mt["staff_ids"] == [staff]


def test_action_done_sets_completion_date(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        aid = records.create(s, "action", {"title": "Gửi thư giới thiệu", "due_date": "27/11/2025"})
    with unit_of_work(engine) as s:
        records.update(s, "action", aid, {"status": "done"}, expected_version=1)
    with read_session(engine) as s:
        a = records.get(s, "action", aid)
    assert a["due_date"] == dt.date(2025, 11, 27)
    assert a["completed_on"] == clock.today()


def test_renaming_a_contact_splits_the_new_name(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        cid = records.create(s, "contact", {"full_name": "Nguyễn Văn An"})
    with unit_of_work(engine) as s:
        records.update(s, "contact", cid, {"full_name": "Trần Thị Bích"}, expected_version=1)
    with read_session(engine) as s:
        c = records.get(s, "contact", cid)
    assert (c["family_name"], c["middle_name"], c["given_name"]) == ("Trần", "Thị", "Bích")


@pytest.mark.parametrize("name", ["+++", "—", "&", "-"])
def test_organisation_names_without_letters_do_not_crash(engine: Engine, name: str) -> None:
    with unit_of_work(engine) as s:
        assert records.create(s, "organisation", {"name": name}) > 0


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "Họp", "starts_at": "05/04/2025 25:00"}, "starts_at"),
        ({"title": "Họp", "starts_at": "05/04/2025 09:99"}, "starts_at"),
    ],
)
def test_impossible_times_are_field_errors(engine: Engine, values: dict, field: str) -> None:
    with unit_of_work(engine) as s, pytest.raises(ValidationError) as info:
        records.create(s, "meeting", values)
    assert field in info.value.errors


def test_a_time_with_a_zone_is_stored_as_local_wall_clock(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        with unit_of_work(engine) as s:
            mid = records.create(
                s,
                "meeting",
                {"title": "Họp", "starts_at": "2025-04-05T03:00Z", "ends_at": "2025-04-05T11:00+07:00"},
            )
        with read_session(engine) as s:
            mt = records.get(s, "meeting", mid)
        assert mt["starts_at"] == dt.datetime(2025, 4, 5, 10, 0)
        assert mt["ends_at"] == dt.datetime(2025, 4, 5, 11, 0)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("bad", [float("inf"), 2**70])
def test_absurd_numbers_are_field_errors(engine: Engine, bad: object) -> None:
    with unit_of_work(engine) as s, pytest.raises(ValidationError):
        records.create(s, "action", {"title": "Gửi thư", "priority": bad, "organisation_id": bad})
