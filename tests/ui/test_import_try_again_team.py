"""An import whose write failed because the team database's server could not be reached offers
"Try again" on its last page: the same rows, mapping and choices written again once the server
is back, without redoing the wizard (reviewer h130: the "Import failed … Cannot reach the
database server … Try again when the network is back." page offered only Finish). A real team
database whose server goes away and comes back (tests/ui/test_team_unreachable.py's ``lan``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from db.engine import read_session
from tests.db.test_team import ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.files.test_import_wizard import TIMEOUT, open_wizard, to_preview
from tests.ui.files.workbooks import contacts_workbook
from tests.ui.test_team_unreachable import lan, plain  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


def _people(ctx: Any) -> set[str]:
    with read_session(ctx.engine) as s:
        return {str(n) for n in s.execute(text("SELECT full_name FROM contact")).scalars()}


def test_a_write_that_lost_the_server_is_tried_again_with_the_same_choices(
    qtbot: Any,
    lan: tuple[Any, Callable[[bool], None]],  # noqa: F811
    tmp_path: Path,
) -> None:
    ctx, cut = lan
    before = _people(ctx)
    w = open_wizard(qtbot, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    to_preview(qtbot, w)
    writes = sum(p.counts()[s] for p in w.previews for s in ("new", "update"))
    assert writes > 0
    cut(True)  # the server goes away as Import is pressed
    w.next()
    cp = w.commit_page
    qtbot.waitUntil(lambda: cp.state == "failed", timeout=TIMEOUT)
    assert cp.title() == "Import failed"
    plain(cp.message.text())
    assert cp.retry.isVisible() and cp.retry.text() == "&Try again"

    cut(False)  # the network is back
    assert _people(ctx) == before  # nothing was written
    qtbot.mouseClick(cp.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cp.state == "done", timeout=TIMEOUT)
    assert not cp.retry.isVisible()
    assert w.commit_result is not None and w.commit_result.batch_id is not None
    assert cp.headline.text() == f"Import #{w.commit_result.batch_id} is done."
    assert len(_people(ctx) - before) == w.commit_result.counts.get("new", 0) > 0
    w.accept()
