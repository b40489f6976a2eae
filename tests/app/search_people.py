"""Reviewer h149's Ctrl+K "Hà" in a few records, for the search-order tests of the service, the
command line and the window: people called Hà, Hạ, Ha, Hải and Hạnh, one whose family name is
Hà, one found only by an e-mail, and organisations in Hà Nội — one with "Hà" in its name, one
with "Hanoi", one that only lies there."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work

CALLED_HA = ["Bùi Văn Hà", "Trần Anh Hà"]  # the given name as typed: "Hà"
FAMILY_HA = "Hà Văn Nam"  # another exact name match: the family name
ORG_NAMED_HA = "Viện AI4LIFE, Đại học Bách khoa Hà Nội (AI4LIFE)"  # an organisation's name
OTHER_MARKS = ["Nguyễn Thị Hạ", "Pham Thu Ha"]  # the same letters, other marks or none
STARTS_WITH_HA = ["Lê Ngọc Hải", "Qualcomm AI R&D Center Hanoi (Qualcomm)", "Võ Ngọc Hạnh"]
ELSEWHERE = ["Đỗ Minh Tuấn", "FPT Corporation (FPT)"]  # an e-mail at hanoi-lab; a city

HA_TYPED = [*CALLED_HA, FAMILY_HA, ORG_NAMED_HA, *OTHER_MARKS, *STARTS_WITH_HA, *ELSEWHERE]
"""``Hà`` typed with its mark, best first."""

HA_PLAIN = [
    FAMILY_HA,  # a name that starts with the query, as before ("nguyen": the Nguyễns first)
    "Bùi Văn Hà",
    "Lê Ngọc Hải",
    "Nguyễn Thị Hạ",
    "Pham Thu Ha",
    "Qualcomm AI R&D Center Hanoi (Qualcomm)",
    "Trần Anh Hà",
    ORG_NAMED_HA,
    "Võ Ngọc Hạnh",
    *ELSEWHERE,
]
"""``ha`` typed without marks: every name it starts matches alike (by title), then the rest."""


def seed(engine: Engine) -> dict[str, int]:
    """The records above (in an order of their own: the ranking owes nothing to it)."""
    with unit_of_work(engine) as s:
        fpt = records.create(
            s, "organisation", {"name": "FPT Corporation", "acronym": "FPT", "city": "Hà Nội"}
        )
        qualcomm = records.create(
            s,
            "organisation",
            {"name": "Qualcomm AI R&D Center Hanoi", "acronym": "Qualcomm", "city": "Hà Nội"},
        )
        ai4life = records.create(
            s,
            "organisation",
            {"name": "Viện AI4LIFE, Đại học Bách khoa Hà Nội", "acronym": "AI4LIFE", "city": "Hà Nội"},
        )
        ids = {"fpt": fpt, "qualcomm": qualcomm, "ai4life": ai4life}
        for name, org, emails in (
            ("Võ Ngọc Hạnh", None, []),
            ("Lê Ngọc Hải", ai4life, []),
            ("Pham Thu Ha", None, []),
            ("Đỗ Minh Tuấn", None, ["tuan.do@hanoi-lab.example.vn"]),
            ("Trần Anh Hà", qualcomm, []),
            ("Nguyễn Thị Hạ", None, []),
            ("Hà Văn Nam", fpt, []),
            ("Bùi Văn Hà", fpt, []),
        ):
            ids[name] = records.create(
                s, "contact", {"full_name": name, "organisation_id": org, "emails": emails}
            )
    return ids
