import datetime as dt
import time
import unicodedata

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.search import search
from db.engine import read_session, unit_of_work


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        nic = records.create(
            s,
            "organisation",
            {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC", "city": "Hòa Lạc"},
        )
        genetica = records.create(s, "organisation", {"name": "Genetica", "kind": "startup"})
        nhung = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": nic, "phones": ["0912345678"]},
        )
        khoa = records.create(
            s, "contact", {"full_name": "Đặng Văn Khoa", "emails": ["khoa.dv@nic.example.vn"]}
        )
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Phiên làm việc tại Hòa Lạc",
                "starts_at": dt.datetime(2025, 11, 26, 9),
                "attendees": [nhung],
            },
        )
        action = records.create(
            s,
            "action",
            {"title": "Gửi thư giới thiệu Genetica", "organisation_id": genetica, "meeting_id": meeting},
        )
    return {
        "nic": nic,
        "genetica": genetica,
        "nhung": nhung,
        "khoa": khoa,
        "meeting": meeting,
        "action": action,
    }


def _found(engine: Engine, query: str) -> set[tuple[str, int]]:
    with read_session(engine) as s:
        return {(h.kind, h.id) for h in search(s, query)}


def test_search_folds_diacritics_and_d(engine: Engine, seeded: dict[str, int]) -> None:
    assert ("contact", seeded["nhung"]) in _found(engine, "nguyen")
    assert ("contact", seeded["nhung"]) in _found(engine, "nhung")
    assert ("contact", seeded["khoa"]) in _found(engine, "dang")
    assert ("contact", seeded["khoa"]) in _found(engine, "ĐẶNG")
    assert ("contact", seeded["nhung"]) in _found(engine, unicodedata.normalize("NFD", "Nguyễn Nhung"))


def test_search_finds_all_four_kinds(engine: Engine, seeded: dict[str, int]) -> None:
    assert ("organisation", seeded["nic"]) in _found(engine, "nic")
    assert ("meeting", seeded["meeting"]) in _found(engine, "hoa lac")
    assert ("action", seeded["action"]) in _found(engine, "thu gioi thieu")
    kinds = {k for k, _ in _found(engine, "genetica")}
    assert kinds == {"organisation", "action"}


def test_prefixes_phones_and_emails_match(engine: Engine, seeded: dict[str, int]) -> None:
    assert ("contact", seeded["nhung"]) in _found(engine, "nguy nhu")
    assert ("contact", seeded["nhung"]) in _found(engine, "0912345")
    assert ("contact", seeded["khoa"]) in _found(engine, "khoa.dv@nic.example.vn")


def test_every_word_must_match(engine: Engine, seeded: dict[str, int]) -> None:
    assert ("contact", seeded["nhung"]) not in _found(engine, "nguyen khoa")
    assert _found(engine, "zzzz") == set()
    assert _found(engine, "  ") == set()
    assert _found(engine, '"* OR NEAR(') == set()  # FTS syntax is never interpreted


def test_ranking_puts_exact_names_first(engine: Engine, seeded: dict[str, int]) -> None:
    with read_session(engine) as s:
        hits = search(s, "genetica")
    assert (hits[0].kind, hits[0].id) == ("organisation", seeded["genetica"])


def test_deleted_records_are_not_found_and_edits_are(engine: Engine, seeded: dict[str, int]) -> None:
    with unit_of_work(engine) as s:
        records.delete(s, "contact", seeded["khoa"])
        records.update(
            s, "contact", seeded["nhung"], {"full_name": "Nguyễn Thị Hồng Nhung Anh"}, expected_version=1
        )
    assert ("contact", seeded["khoa"]) not in _found(engine, "dang")
    assert ("contact", seeded["nhung"]) in _found(engine, "nhung anh")
    with unit_of_work(engine) as s:
        records.restore(s, "contact", seeded["khoa"])
    assert ("contact", seeded["khoa"]) in _found(engine, "dang")


def test_limit_is_respected(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        for i in range(30):
            records.create(s, "contact", {"full_name": f"Nguyễn Văn {chr(65 + i % 26)}{i}"})
    with read_session(engine) as s:
        assert len(search(s, "nguyen", limit=7)) == 7


@pytest.mark.slow
def test_search_stays_fast_at_100k_contacts(engine: Engine) -> None:
    from app import demo_scale

    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Trần Minh Quang"})
    with unit_of_work(engine) as s:
        import random

        demo_scale.fill_scale(s, 100_000, random.Random(1), dt.date(2025, 11, 23), None)
    with read_session(engine) as s:
        search(s, "warm up")
        started = time.perf_counter()
        for q in ("nguyen", "dang", "nguyen nhung", "hoa lac", "tuan"):
            assert search(s, q)
        per_query = (time.perf_counter() - started) / 5
    # An index lookup takes milliseconds; a Python loop over 100k rows takes seconds.
    assert per_query < 0.25
