"""Fixtures for the import / export / brief dialogs: an AppContext over the empty test database
(this ctx overrides the seeded one of tests/ui/conftest.py for the tests in this folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine


@pytest.fixture
def ctx(qapp: Any, engine: Engine, tmp_path: Path) -> Iterator[Any]:
    from ui.context import AppContext
    from ui.settings import Settings

    context = AppContext(engine, Settings(str(tmp_path / "ketnoi.ini")))
    yield context
    context.tasks.cancel_all()
    context.tasks.wait()
