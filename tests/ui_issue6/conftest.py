"""Fixtures for the issue 6 UI tests: the workspace's fixtures (tests/ui) plus a few records."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.ui.conftest import ctx, ids, settings, window  # noqa: F401  (fixtures re-used)


def wait_idle(qtbot: Any, context: Any, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not context.tasks.busy(), timeout=timeout)
    context.tasks.wait()


@pytest.fixture
def hung(engine: Engine, ids: dict[str, Any]) -> int:  # noqa: F811  (the seed first)
    """An existing "Nguyễn Văn Hùng" (no organisation) with an email."""
    from app import records
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        return int(
            records.create(
                s, "contact", {"full_name": "Nguyễn Văn Hùng", "emails": ["hung.nv@viettel.com.vn"]}
            )
        )
