"""A group of likely duplicates is a chain of pairs: its confidence and the pair offered to merge
are its strongest pair's, and a phone shared by two different names is weak evidence. Reviewer
h119: Lê Quang Minh, Jürgen Weiß and Jürgen Weiss ("same phone +49 30 1234567; same name
ignoring accents") opened "Lê Quang Minh is kept; Jürgen Weiß is merged into it"; Hiroshi
Tanaka and 田中 宏 were rated 85 % on a phone alone."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.dedupe_groups import find_duplicate_groups
from db.engine import read_session, unit_of_work


@pytest.fixture
def lab(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        weiss_org = records.create(s, "organisation", {"name": "Weiß & Söhne GmbH"})
        return {
            "minh": records.create(
                s, "contact", {"full_name": "Lê Quang Minh", "phones": ["+49 30 1234567"], "country": "DE"}
            ),
            "weiss": records.create(
                s,
                "contact",
                {"full_name": "Jürgen Weiß", "phones": ["+49 30 1234567"], "organisation_id": weiss_org},
            ),
            "weiss2": records.create(
                s, "contact", {"full_name": "Jürgen Weiss", "phones": ["+49 30 1234567"]}
            ),
            "tanaka": records.create(
                s, "contact", {"full_name": "Hiroshi Tanaka", "phones": ["+81 3-1234-5678"]}
            ),
            "tanaka_jp": records.create(
                s, "contact", {"full_name": "田中 宏", "phones": ["+81 3-1234-5678"]}
            ),
        }


def test_the_pair_offered_is_the_strongest_and_a_phone_alone_is_weak(
    engine: Engine, lab: dict[str, int]
) -> None:
    with read_session(engine) as s:
        groups = find_duplicate_groups(s, "contact")
    chain = next(g for g in groups if lab["minh"] in g.ids)
    assert sorted(chain.ids) == sorted([lab["minh"], lab["weiss"], lab["weiss2"]])
    # the two Jürgen share the phone and the name: the pair to merge, and the group's rating
    assert chain.best_pair() == (lab["weiss"], lab["weiss2"])
    best = chain.pairs[0]
    assert best.confidence > 0.9 and "same name ignoring accents" in best.reasons
    assert chain.confidence == best.confidence
    assert chain.reasons[0].startswith("same phone") and "same name ignoring accents" in chain.reasons
    # Lê Quang Minh only shares the phone: weakly linked to either
    minh_pairs = [p for p in chain.pairs if lab["minh"] in (p.a, p.b)]
    assert minh_pairs and all(p.confidence == 0.5 for p in minh_pairs)
    # one record chosen: the one most like it; two chosen: those two
    assert chain.best_pair(lab["weiss2"]) == (lab["weiss"], lab["weiss2"])
    assert chain.best_pair(lab["minh"], lab["weiss2"]) == (lab["minh"], lab["weiss2"])
    tanaka = next(g for g in groups if lab["tanaka"] in g.ids)
    assert (
        tanaka.confidence == 0.5 and len(tanaka.reasons) == 1 and tanaka.reasons[0].startswith("same phone")
    )
    # ranked below the pair that shares a name
    assert groups.index(chain) < groups.index(tanaka)


def test_a_shared_email_stays_strong_whatever_the_names(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "N. Nhung", "emails": ["nhung@vin.vn"]})
        b = records.create(s, "contact", {"full_name": "Nguyễn Thị Hồng Nhung", "emails": ["nhung@vin.vn"]})
    with read_session(engine) as s:
        (group,) = find_duplicate_groups(s, "contact")
    assert group.best_pair() == (a, b) and group.confidence == 0.95
