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
        v = records.get(s, "contact", seeded["nhung"])["version"]  # a past meeting moved her "last contacted"
        records.update(
            s, "contact", seeded["nhung"], {"full_name": "Nguyễn Thị Hồng Nhung Anh"}, expected_version=v
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
        rounds = []  # the best of three: the suite runs on every core, another test may hold this one's
        for _ in range(3):
            started = time.perf_counter()
            for q in ("nguyen", "dang", "nguyen nhung", "hoa lac", "tuan"):
                assert search(s, q)
            rounds.append((time.perf_counter() - started) / 5)
        per_query = min(rounds)
    # An index lookup takes milliseconds; a Python loop over 100k rows takes seconds.
    assert per_query < 0.25


@pytest.fixture
def crowded(engine: Engine) -> dict[str, int]:
    """120 contacts that match "nguyen" / "dang" only by their e-mail, written FIRST (the
    unranked index lookups meet them first), then the real name matches."""
    from app import bulk

    rows = [
        {"full_name": f"Lê Văn Bình {i}", "emails": [f"nguyen.dang{i}@support.example.vn"]}
        for i in range(120)
    ]
    with unit_of_work(engine) as s:
        bulk.create_many(s, "contact", bulk.prepare_many("contact", rows), actor="test", history=False)
        ids = {
            "family": records.create(s, "contact", {"full_name": "Nguyễn Văn An"}),
            "given": records.create(s, "contact", {"full_name": "Trần Văn Nguyên"}),
            "dang_family": records.create(s, "contact", {"full_name": "Đặng Thị Lan"}),
            "dang_given": records.create(s, "contact", {"full_name": "Hoàng Minh Đăng"}),
            "exact": records.create(s, "contact", {"full_name": "Nguyễn Nhung"}),
            "longer": records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung"}),
        }
    return ids


def _contacts(engine: Engine, query: str, limit: int = 20) -> list[int]:
    with read_session(engine) as s:
        return [h.id for h in search(s, query, limit=limit, kinds=("contact",))]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("nguyen", ["exact", "longer", "family", "given"]),  # then by title: Nguyễn N… < T… < V…
        ("ngu", ["exact", "longer", "family", "given"]),
        ("đặng", ["dang_family", "dang_given"]),
        ("DANG", ["dang_family", "dang_given"]),
    ],
)
def test_family_and_given_name_matches_come_before_other_matches(
    engine: Engine, crowded: dict[str, int], query: str, first: list[str]
) -> None:
    # Family-name matches (the title starts with the query) first, alphabetically, then
    # given-name matches, then records that match only elsewhere (here the e-mail), even
    # though the index meets those 120 first and ranks none of them.
    hits = _contacts(engine, query)
    assert hits[: len(first)] == [crowded[k] for k in first]
    assert len(hits) == 20  # then the e-mail matches fill the page


def test_an_exact_name_comes_before_a_longer_one(engine: Engine, crowded: dict[str, int]) -> None:
    assert _contacts(engine, "nguyen nhung")[:2] == [crowded["exact"], crowded["longer"]]
    assert _contacts(engine, "nguyen van an")[0] == crowded["family"]
    assert _contacts(engine, "hoang minh dang")[0] == crowded["dang_given"]


def test_given_name_prefixes_spell_every_letter_rank() -> None:
    from app.search import given_name_prefixes
    from app.vntext import name_sort_key

    for name in ("Đăng", "Dâng", "Dang", "Đặng"):
        assert any(name_sort_key(name).startswith(p) for p in given_name_prefixes("dang"))
    assert any(name_sort_key("Nguyệt").startswith(p) for p in given_name_prefixes("nguy"))
    assert given_name_prefixes("0912") == [] and given_name_prefixes("an.b") == []


@pytest.mark.parametrize(
    "typed",
    ["0912 345 678", "0912-345-678", "0912.345.678", "+84 912 345 678", "(+84) 91-234-5678", "0912 345"],
)
def test_a_phone_typed_in_groups_finds_its_contact(
    engine: Engine, seeded: dict[str, int], typed: str
) -> None:
    """As the lists show a number ("0912 345 678") and as people write it: spaces, dots and
    dashes between the groups (reviewer: "0912 345 678" found nothing, "0912345678" did) — in
    the search, the lists' filter, the attendee type-ahead and the trash."""
    from app import lists, trash

    assert ("contact", seeded["nhung"]) in _found(engine, typed)
    with read_session(engine) as s:
        assert lists.ids(s, lists.ListQuery(entity="contact", text=typed)) == [seeded["nhung"]]
        assert [c["id"] for c in lists.find_contacts(s, typed)] == [seeded["nhung"]]
    with unit_of_work(engine) as s:
        records.delete(s, "contact", seeded["nhung"])
    with read_session(engine) as s:
        assert [t.id for t in trash.list_trash(s, "contact", text=typed)] == [seeded["nhung"]]


def test_a_date_typed_with_dots_stays_words(engine: Engine, seeded: dict[str, int]) -> None:
    from app.vntext import query_words

    assert query_words("05.04.2025") == ["05", "04", "2025"]
    assert query_words("phòng 302 tầng 5") == ["phong", "302", "tang", "5"]
    assert query_words("nguyen 0912 345 678") == ["nguyen", "0912345678"]
