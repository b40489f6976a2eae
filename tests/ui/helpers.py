"""Helpers shared by the UI tests (fixtures live in tests/ui/conftest.py)."""

from __future__ import annotations

from typing import Any


def wait_idle(qtbot: Any, context: Any, timeout: int = 20_000) -> None:
    """Until the task helper has no work running or queued, then join its workers."""
    qtbot.waitUntil(lambda: not context.tasks.busy(), timeout=timeout)
    context.tasks.wait()
