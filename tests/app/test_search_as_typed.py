"""Search everywhere ranks by names as typed (reviewer h149: Ctrl+K "Hà" listed organisations
in Hà Nội first, then the four people called Hà mixed with Hải and Hạnh): the people whose
given name is the word as typed first, then other exact name matches, then the same letters
with other marks, then names that start with it; a word typed without marks matches every name
it starts alike; a record found only by another field (a city, an e-mail) comes after every
name match, whatever its kind."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.search import search
from db.engine import read_session, unit_of_work
from tests.app import search_people


def _titles(engine: Engine, query: str, **kw: object) -> list[str]:
    with read_session(engine) as s:
        return [h.title for h in search(s, query, limit=30, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["Hà", "HÀ", "hà", unicodedata.normalize("NFD", "Hà")])
def test_a_word_typed_with_its_mark_ranks_the_people_called_so_first(engine: Engine, typed: str) -> None:
    search_people.seed(engine)
    assert _titles(engine, typed) == search_people.HA_TYPED


def test_a_word_typed_without_marks_matches_every_name_it_starts_alike(engine: Engine) -> None:
    search_people.seed(engine)
    assert _titles(engine, "ha") == search_people.HA_PLAIN


@pytest.mark.parametrize("typed", ["Hà", "ha"])
def test_an_organisation_ranks_with_the_names_by_its_name_and_after_them_by_its_city(
    engine: Engine, typed: str
) -> None:
    # contacts and organisations in one list: Qualcomm, by "Hanoi" in its name, no longer
    # ahead of the people (it was first: its kind weighed more than how its name matched)
    search_people.seed(engine)
    titles = _titles(engine, typed)
    qualcomm = titles.index("Qualcomm AI R&D Center Hanoi (Qualcomm)")
    assert titles[0] in (search_people.CALLED_HA[0], search_people.FAMILY_HA)
    assert titles.index("Trần Anh Hà") < qualcomm if typed == "Hà" else qualcomm < titles.index("Trần Anh Hà")
    assert titles.index("Lê Ngọc Hải") < qualcomm < titles.index("Võ Ngọc Hạnh")  # with them, by title
    # FPT only lies in Hà Nội, Tuấn is found by his e-mail: after every name match
    names = [t for t in search_people.HA_TYPED if t not in search_people.ELSEWHERE]
    assert max(titles.index(t) for t in names) < min(titles.index(t) for t in search_people.ELSEWHERE)


def test_a_tone_mark_placed_either_way_is_the_word_as_typed(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        plain = records.create(s, "contact", {"full_name": "Nguyễn Văn Hoa"})
        old_style = records.create(s, "contact", {"full_name": "Nguyễn Văn Hoá"})  # the tone on the a
    with read_session(engine) as s:
        # typed "hóa", the tone on the o (as the new rules place it): the same word
        assert [h.id for h in search(s, "hóa", kinds=("contact",))] == [old_style, plain]
        assert [h.id for h in search(s, "hoa", kinds=("contact",))] == [plain, old_style]  # by title


def test_the_same_order_on_postgresql(pg_url: str) -> None:
    from db.migrate import open_database

    engine = open_database(pg_url)
    try:
        search_people.seed(engine)
        assert _titles(engine, "Hà") == search_people.HA_TYPED
        assert _titles(engine, "ha") == search_people.HA_PLAIN
    finally:
        engine.dispose()
