"""The load test of issue 13, short: 10 processes save to 5 shared records for 10 s through the
service layer on the real server; no update is lost (every loser got a ConflictError), no other
error, one notification per save. The 60 s run: tests/benchmarks/load_team.py (see its doc)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_ten_processes_saving_to_shared_records_lose_nothing(pg_url: str) -> None:
    here = str(Path(__file__).resolve().parents[1] / "benchmarks")
    sys.path.insert(0, here)  # the spawned workers import load_team too
    try:
        import load_team

        figures = load_team.run(pg_url, seconds=10, workers=10, records_n=5)
    finally:
        sys.path.remove(here)
    assert figures["problems"] == []
    assert figures["errors"] == 0
    assert figures["saves"] > 20 and figures["conflicts"] > 0  # the records were really contended
    assert figures["notifications"] == figures["saves"]
