"""The registry of record kinds (db/kinds.py) agrees with the schema and the services."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from app import records
from db import kinds
from db import models as m
from db.migrations.fts import SEARCHABLE_TABLES
from db.tables import ACT


def _points_at(table_column: object, target: str) -> bool:
    return any(fk.column.table.name == target for fk in table_column.foreign_keys)  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", kinds.ALL_KINDS)
def test_every_entry_matches_the_tables(kind: str) -> None:
    info = kinds.info(kind)
    assert info.kind == kind and info.table.name == kind
    assert info.label_field in info.table.c
    if info.tag_link:
        link, column = info.tag_link
        assert _points_at(link.c[column], kind) and "tag_id" in link.c
    if info.meeting_link:
        link, column = info.meeting_link
        assert _points_at(link.c[column], kind) and "meeting_id" in link.c
    if info.action_column:
        assert _points_at(ACT.c[info.action_column], kind)
    if info.owner_column:
        assert _points_at(info.table.c[info.owner_column], "staff")


def test_the_lists_of_kinds() -> None:
    assert kinds.RECORD_KINDS == ("organisation", "contact", "meeting", "action")
    assert set(kinds.RECORD_KINDS) == set(SEARCHABLE_TABLES)  # every listed kind has a full-text index
    assert set(kinds.TAGGABLE) == {"organisation", "contact"}
    assert set(kinds.MERGEABLE) == {"organisation", "contact"}
    assert set(kinds.BRIEFABLE) == {"organisation", "contact", "meeting"}
    assert kinds.Kind.CONTACT == "contact"
    with pytest.raises(ValueError, match="unknown record kind 'sector'"):
        kinds.info("sector")


def test_relations_are_what_a_snapshot_adds_to_the_columns(engine: Engine) -> None:
    from db.engine import unit_of_work

    values = {
        "staff": {"name": "Trần Minh Anh"},
        "organisation": {"name": "NIC"},
        "contact": {"full_name": "Nguyễn Văn A"},
        "meeting": {"title": "Họp", "starts_at": "2026-11-23 09:00"},
        "action": {"title": "Gửi thư"},
        "letter": {"subject": "Giới thiệu Genetica", "symbol": "NIC-HTQT"},
    }
    with unit_of_work(engine) as s:
        s.add(m.AttachmentBlob(sha256="0" * 64, size=3, content=b"abc"))
        s.flush()
        for kind in kinds.ALL_KINDS:
            if kind == "attachment":  # a file on the organisation made above
                values[kind] = {
                    "owner_kind": "organisation",
                    "owner_id": 1,
                    "sha256": "0" * 64,
                    "file_name": "a.txt",
                }
            snap = records.snapshot(s, kind, records.create(s, kind, values[kind]))
            extra = set(snap) - set(kinds.table(kind).c.keys())
            assert extra == set(kinds.info(kind).relations), kind
