"""Helpers shared by the tests of every layer (app, command line, window); the window's own are in
tests/ui/helpers.py, the command line's in tests/cli/inproc.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from app import records
from db.engine import unit_of_work


def another_save(engine: Engine, kind: str, record_id: int, values: dict[str, Any], actor: str) -> int:
    """Another officer saves ``values`` on the record meanwhile, from another window or the
    command line, as every Ketnoi save does: its own step in the history (a change group of its
    own), by ``actor``, on top of whatever version is stored. Returns the new version."""
    with unit_of_work(engine) as s:
        return records.update(
            s,
            kind,
            record_id,
            values,
            expected_version=None,
            actor=actor,
            group_id=records.new_group_id(),
        )
