"""A record picked in a form and deleted by a colleague before the save is named, with who
deleted it and when, and said to be in the trash (reviewer h130: Log meeting, "Save anyway", then
"⚠ there is no organisation with id 7"), in English and in Vietnamese."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.errors import ValidationError
from app.field_words import say
from db.engine import unit_of_work


def _deleted_organisation(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Sở KH&CN Hà Nội"})
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", org, actor="Trần Thị Lan")
    return org


def test_a_meeting_with_an_organisation_deleted_meanwhile_names_it(engine: Engine) -> None:
    org = _deleted_organisation(engine)
    with pytest.raises(ValidationError) as caught, unit_of_work(engine) as s:
        records.create(
            s, "meeting", {"title": "Họp Sở", "starts_at": "2026-12-10 09:00", "organisation_ids": [org]}
        )
    said = caught.value.errors["organisation_ids"]
    assert said.startswith('"Sở KH&CN Hà Nội" was deleted by Trần Thị Lan (')
    assert said.endswith("); it is in the trash")
    assert str(org) not in said.split("(")[0]
    vi = say(said, "vi")
    assert vi.startswith("“Sở KH&CN Hà Nội” đã bị Trần Thị Lan xóa (") and vi.endswith(
        "hồ sơ đang ở thùng rác"
    )


def test_a_contact_with_an_organisation_deleted_meanwhile_names_it(engine: Engine) -> None:
    org = _deleted_organisation(engine)
    with pytest.raises(ValidationError) as caught, unit_of_work(engine) as s:
        records.create(s, "contact", {"full_name": "Đỗ Văn Nam", "organisation_id": org})
    assert "Sở KH&CN Hà Nội" in caught.value.errors["organisation_id"]
    assert "in the trash" in caught.value.errors["organisation_id"]
