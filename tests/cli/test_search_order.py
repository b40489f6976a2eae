"""``ketnoi search`` lists the people called what was typed first (reviewer h149: "Hà" gave the
organisations in Hà Nội first, then the Hà mixed with Hải and Hạnh): the order of
:mod:`tests.app.search_people`, in the text and in ``--json``, in either language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests.app import search_people
from tests.cli.inproc import run_cli


@pytest.mark.parametrize(
    ("typed", "expected"), [("Hà", search_people.HA_TYPED), ("ha", search_people.HA_PLAIN)]
)
def test_search_lists_names_as_typed_first(
    engine: Engine, db_path: Path, typed: str, expected: list[str]
) -> None:
    search_people.seed(engine)
    done = run_cli(db_path, "search", typed, "--json")
    assert done.returncode == 0, done.stderr
    assert [h["title"] for h in json.loads(done.stdout)["hits"]] == expected
    for lang in ("en_GB.UTF-8", "vi_VN.UTF-8"):
        done = run_cli(db_path, "search", typed, lang=lang)
        assert done.returncode == 0, done.stderr
        # "liên hệ  #8      Bùi Văn Hà  — FPT Corporation": the title between the id and the dash
        shown = [re.fullmatch(r".*? #\d+ +(.+?)(?:  — .*)?", line) for line in done.stdout.splitlines()]
        assert [m.group(1) for m in shown if m] == expected
