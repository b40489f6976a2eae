"""Duplicate warnings while typing, and the groups of the "Find duplicates" view."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from sqlalchemy.engine import Engine

from app import bulk, records
from app.dedupe import possible_duplicates
from app.dedupe_groups import find_duplicate_groups
from app.demo_scale import fill_scale
from db.engine import read_session, unit_of_work


@pytest.fixture
def people(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        vin = records.create(s, "organisation", {"name": "Tập đoàn Vingroup", "aliases": ["Vingroup JSC"]})
        ids = {
            "nic": nic,
            "vin": vin,
            "hung": records.create(
                s,
                "contact",
                {"full_name": "Nguyễn Văn Hùng", "organisation_id": nic, "emails": ["hung@nic.gov.vn"]},
            ),
            "nhung": records.create(
                s,
                "contact",
                {
                    "full_name": "Nguyễn Thị Hồng Nhung",
                    "organisation_id": vin,
                    "emails": ["nhung@vin.vn"],
                    "phones": ["0912 345 678"],
                },
            ),
            "duc_hung": records.create(
                s, "contact", {"full_name": "Nguyễn Đức Hùng", "organisation_id": nic}
            ),
            "other_hung": records.create(
                s, "contact", {"full_name": "Nguyễn Văn Hùng", "organisation_id": vin}
            ),
        }
    return ids


def test_unaccented_name_warns_of_the_accented_one(engine: Engine, people: dict[str, int]) -> None:
    with read_session(engine) as s:
        found = possible_duplicates(s, "contact", {"full_name": "Nguyen Van Hung"})
    by_id = {d.id: d for d in found}
    assert people["hung"] in by_id
    hit = by_id[people["hung"]]
    assert hit.label == "Nguyễn Văn Hùng"
    assert "same name ignoring accents" in hit.reasons
    assert hit.subtitle == "Trung tâm Đổi mới sáng tạo Quốc gia"
    assert 0.5 < hit.confidence < 1
    with read_session(engine) as s:
        titled = possible_duplicates(
            s, "contact", {"full_name": "TS. Nguyen Van Hung", "organisation_id": people["nic"]}
        )
    assert titled[0].id == people["hung"]
    assert titled[0].reasons == ["same name ignoring accents at the same organisation"]
    # "Nguyễn Đức Hùng" is someone else: the middle names differ.
    assert people["duc_hung"] not in by_id


def test_name_in_either_order_and_at_the_same_or_no_organisation(
    engine: Engine, people: dict[str, int]
) -> None:
    with read_session(engine) as s:
        swapped = possible_duplicates(
            s, "contact", {"full_name": "Hùng Nguyễn Văn", "organisation_id": people["nic"]}
        )
        short = possible_duplicates(
            s, "contact", {"full_name": "Hùng Nguyễn", "organisation_id": people["nic"]}
        )
        elsewhere = possible_duplicates(
            s, "contact", {"full_name": "Nguyễn Văn Hùng", "organisation_id": people["vin"]}
        )
    assert swapped[0].id == people["hung"]
    assert swapped[0].reasons == ["same name in another order at the same organisation"]
    assert people["other_hung"] not in {d.id for d in swapped}  # at another organisation
    assert people["hung"] in {d.id for d in short}
    assert (
        "same family and given name at the same organisation"
        in next(d for d in short if d.id == people["hung"]).reasons
    )
    assert [d.id for d in elsewhere] == [people["other_hung"]]


def test_same_email_or_phone_whatever_the_name(engine: Engine, people: dict[str, int]) -> None:
    with read_session(engine) as s:
        by_email = possible_duplicates(s, "contact", {"full_name": "N. Nhung", "emails": ["NHUNG@vin.vn "]})
        by_phone = possible_duplicates(s, "contact", {"full_name": "Ms Nhung", "phones": ["+84 912345678"]})
        editing = possible_duplicates(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "emails": ["nhung@vin.vn"]},
            exclude_id=people["nhung"],
        )
        invalid = possible_duplicates(
            s, "contact", {"full_name": "", "emails": ["not an email"], "phones": ["12"]}
        )
    assert by_email[0].id == people["nhung"] and by_email[0].reasons == ["same email nhung@vin.vn"]
    assert by_phone[0].id == people["nhung"] and by_phone[0].reasons[0].startswith("same phone 0912")
    assert editing == [] and invalid == []


def test_organisation_name_acronym_alias(engine: Engine, people: dict[str, int]) -> None:
    with read_session(engine) as s:
        by_acronym = possible_duplicates(s, "organisation", {"name": "NIC"})
        by_name = possible_duplicates(
            s, "organisation", {"name": "Trung tam doi moi sang tao quoc gia (NIC)"}
        )
        by_alias = possible_duplicates(s, "organisation", {"name": "Vingroup JSC"})
        nothing = possible_duplicates(s, "organisation", {"name": "Viettel"})
    assert [d.id for d in by_acronym] == [people["nic"]]
    assert "NIC" in by_acronym[0].reasons[0]
    assert by_name[0].id == people["nic"] and by_name[0].confidence > 0.9
    assert set(by_name[0].reasons) == {"same name ignoring accents", "same acronym NIC"}
    assert by_alias[0].id == people["vin"] and "alias" in by_alias[0].reasons[0]
    assert nothing == []


def test_groups_over_a_generated_database(engine: Engine) -> None:
    rng = random.Random(7)
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Trần Minh Quang"})
        fill_scale(s, 2000, rng, dt.date(2026, 6, 1), None)
        org = records.create(s, "organisation", {"name": "Viện Công nghệ Thông tin", "acronym": "IOIT"})
        a = records.create(s, "contact", {"full_name": "Đặng Thu Thảo", "organisation_id": org,
                                          "emails": ["thao@ioit.vn"]})  # fmt: skip
        b = records.create(s, "contact", {"full_name": "Dang Thu Thao", "emails": ["thao.dang@gmail.com"]})
        c = records.create(s, "contact", {"full_name": "T. Thảo", "emails": ["THAO@ioit.vn"]})
        d = records.create(s, "contact", {"full_name": "Thảo Đặng Thu", "organisation_id": org})
        # Single saves refuse a second organisation of the same name; an import does not look.
        (twin,) = bulk.create_many(
            s, "organisation", bulk.prepare_many("organisation", [{"name": "Vien Cong nghe Thong tin"}])
        )
        lone = records.create(s, "contact", {"full_name": "Bùi Quốc Khánh", "organisation_id": org})
    with read_session(engine) as s:
        seen: list[tuple[int, int]] = []
        groups = find_duplicate_groups(s, "contact", progress=lambda d, t: seen.append((d, t)))
        orgs = find_duplicate_groups(s, "organisation")
    ours = next(g for g in groups if a in g.ids)
    assert set(ours.ids) == {a, b, c, d}
    assert "same email thao@ioit.vn" in ours.reasons
    assert "same name ignoring accents" in " ".join(ours.reasons)
    assert ours.confidence >= 0.95
    assert all(lone not in g.ids for g in groups)
    assert [g.confidence for g in groups] == sorted((g.confidence for g in groups), reverse=True)
    # Every generated phone and email is unique; names repeat, but only at the same
    # organisation (or none) do they count.
    for g in groups:
        assert len(g.members) >= 2 and g.reasons
    assert seen and seen[-1] == (4, 4)
    assert any({org, twin} <= set(g.ids) for g in orgs)


def test_cancel_stops_the_search(engine: Engine, people: dict[str, int]) -> None:
    from app.dedupe import DedupeCancelled

    with read_session(engine) as s, pytest.raises(DedupeCancelled):
        find_duplicate_groups(s, "contact", cancel=lambda: True)


@pytest.mark.slow
def test_warning_is_fast_at_100k_contacts(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Trần Minh Quang"})
        fill_scale(s, 100_000, random.Random(1), dt.date(2026, 6, 1), None)
    with read_session(engine) as s:
        rounds = []  # the best of three: an index lookup is fast in every round, a scan in none
        for _ in range(3):  # (the suite runs on every core: another test may hold this one's)
            start = time.perf_counter()
            for name in ("Nguyen Van Hung", "Hùng Nguyễn", "Tran Thi Hong Lan", "Lê Minh"):
                possible_duplicates(s, "contact", {"full_name": name, "emails": ["user5@example5.vn"]})
            rounds.append((time.perf_counter() - start) / 4)
        per_call = min(rounds)
        start = time.perf_counter()
        groups = find_duplicate_groups(s, "contact")
        whole = time.perf_counter() - start
    print(f"possible_duplicates: {per_call * 1000:.1f} ms a call; find_duplicate_groups: {whole:.2f} s, "
          f"{len(groups)} groups")  # fmt: skip
    assert per_call < 0.15
    assert whole < 10


def test_reasons_read_in_vietnamese(engine: Engine, people: dict[str, int]) -> None:
    from app.dedupe import reason_text

    with read_session(engine) as s:
        found = possible_duplicates(
            s,
            "contact",
            {"full_name": "Hùng Nguyễn Văn", "emails": ["hung@nic.gov.vn"], "organisation_id": people["nic"]},
        )
        org = possible_duplicates(s, "organisation", {"name": "NIC"})
    assert [reason_text(r, "vi") for r in found[0].reasons] == [
        "cùng email hung@nic.gov.vn",
        "trùng họ tên, khác thứ tự cùng tổ chức",
    ]
    assert reason_text(org[0].reasons[0], "vi_VN") == "tên viết tắt NIC của bên này là tên bên kia"
    assert reason_text("same phone 0912 345 678", "en") == "same phone 0912 345 678"
