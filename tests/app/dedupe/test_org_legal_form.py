"""Organisations whose names differ only by their legal form and trade words ("Công ty CP Công
nghệ Sao Mai", "Sao Mai Tech") are proposed by Find duplicates and warned of while typing, with
that reason. Reviewer h149: the import created "Công ty CP Công nghệ Sao Mai" beside "Sao Mai
Tech", and Find duplicates (window and ``ketnoi dedupe``) reported 0 groups."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app import records
from app.dedupe import core_name, possible_duplicates, reason_text
from app.dedupe_groups import find_duplicate_groups
from db.engine import read_session, unit_of_work


def test_core_name() -> None:
    assert core_name("Công ty CP Công nghệ Sao Mai") == core_name("Sao Mai Tech") == "sao mai"
    assert core_name("CÔNG TY TNHH GENETICA") == core_name("Genetica JSC") == "genetica"
    assert core_name("Tập đoàn Vingroup") == "vingroup"
    # nothing to take off, or nothing but trade words left: no second key
    assert core_name("Genetica") == core_name("FPT Software") == core_name("Tech Co") == ""


def test_find_duplicates_proposes_names_apart_by_their_legal_form(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        tech = records.create(s, "organisation", {"name": "Sao Mai Tech"})
        jsc = records.create(s, "organisation", {"name": "Công ty CP Công nghệ Sao Mai"})
        records.create(s, "organisation", {"name": "Sao Mai Software"})  # another trade: not proposed
        records.create(s, "organisation", {"name": "Công ty CP Sao Khuê"})
        records.create(s, "organisation", {"name": "FPT Software"})
        records.create(s, "organisation", {"name": "FPT Telecom"})
    with read_session(engine) as s:
        groups = [({m.id for m in g.members}, g.reasons) for g in find_duplicate_groups(s, "organisation")]
    assert [ids for ids, _ in groups] == [{tech, jsc}]
    [reason] = groups[0][1]
    assert reason == 'same name without its legal form and trade words: "sao mai"'
    assert reason_text(reason, "vi") == 'cùng tên khi bỏ loại hình doanh nghiệp và ngành nghề: "sao mai"'


def test_typing_the_other_form_warns(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        tech = records.create(s, "organisation", {"name": "Sao Mai Tech"})
    with read_session(engine) as s:
        found = possible_duplicates(s, "organisation", {"name": "Công ty TNHH Sao Mai"})
    assert [c.id for c in found] == [tech]
