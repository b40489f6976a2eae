"""Fixtures for the import / export / brief UI: an AppContext over the test database."""

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
