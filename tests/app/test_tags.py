"""Tags and sectors: forms, bulk edits and imports resolve names through one function
(records.named_ids), so the same word spelt three ways is one tag."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app import bulk_edit, records
from app.importing.store import Vocab
from db import models as m
from db.engine import read_session, unit_of_work


def test_a_tag_spelt_three_ways_through_three_paths_is_one_tag(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica", "tags": ["Công nghệ sinh học"]})
        contact = records.create(s, "contact", {"full_name": "Phạm Quốc Hùng"})
    with unit_of_work(engine) as s:
        bulk_edit.add_tags(s, "contact", [contact], ["cong nghe sinh hoc", "  "])
    with unit_of_work(engine) as s:
        vocab = Vocab(s)
        (imported,) = vocab.tag_ids(["CÔNG NGHỆ SINH HỌC", "công nghệ sinh học"])
        new_sector = vocab.sector_ids(["Bán dẫn", "", "ban dan"])
    with read_session(engine) as s:
        tags = s.execute(select(m.Tag.name, m.Tag.id)).all()
        assert [name for name, _ in tags] == ["Công nghệ sinh học"]  # the first spelling is kept
        assert imported == tags[0][1]
        assert records.get(s, "contact", contact)["tags"] == ["Công nghệ sinh học"]
        assert records.get(s, "organisation", org)["tags"] == ["Công nghệ sinh học"]
        assert len(new_sector) == 1
        assert s.execute(select(func.count()).select_from(m.Sector)).scalar_one() == 1


def test_named_ids_without_create_only_finds(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        assert records.named_ids(s, m.Tag, ["VIP"], create=False) == {}
        found = records.named_ids(s, m.Tag, ["VIP", "x" * 150])
        assert set(found) == {"vip", "x" * 100}  # cut to the column's length
        assert records.named_ids(s, m.Tag, ["vip"], create=False) == {"vip": found["vip"]}
