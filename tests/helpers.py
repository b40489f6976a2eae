"""Helpers shared by the tests of every layer (app, command line, window); the window's own are in
tests/ui/helpers.py, the command line's in tests/cli/inproc.py."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
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


@contextmanager
def laptop_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[str]:
    """The laptop's own time zone set to ``zone`` (TZ, read again by the C library) for the
    block, then put back: Ketnoi keeps the office's time whatever the laptop says."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield zone
    finally:
        monkeypatch.undo()
        time.tzset()
