"""File → Import history… of an officer, on a team database, lists an import that touched a
record he may not see as "Cannot be undone", says why without naming the record, and its Undo
import is off and writes nothing (reviewer h139: Minh's import updated 4 contacts, the manager
made one confidential, his Undo import put back the 3 he sees and marked the import undone for
everyone). Edit → Undo history… says the same of it. A real team database (tests/db/test_team.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.db.hidden_import import SECRET, imported_then_hidden, live_positions
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import opened_context

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]
TIMEOUT = 20_000


@pytest.fixture(scope="module")
def imported(ready: Team, tmp_path_factory: pytest.TempPathFactory) -> int:  # noqa: F811
    """Minh's import updated Lan's 4 contacts; the manager then made one of them confidential."""
    return imported_then_hidden(ready, tmp_path_factory.mktemp("book"))


@pytest.fixture
def minh(qapp: Any, ready: Team, settings: Any) -> Iterator[Any]:  # noqa: F811
    with opened_context(ready.urls["minh"], settings) as context:
        yield context


def _positions(team_db: Team) -> list[str]:
    return list(live_positions(team_db).values())


def test_import_history_of_an_officer_refuses_an_import_partly_hidden_from_him(
    qtbot: Any,
    qapp: Any,
    ready: Team,  # noqa: F811
    imported: int,
    minh: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui import i18n
    from ui.import_wizard import history_dialog
    from ui.import_wizard.history_dialog import COL_STATE, ImportHistoryDialog

    asked: list[Any] = []
    monkeypatch.setattr(history_dialog, "answer", lambda box: asked.append(box) or box.defaultButton())
    dialog = ImportHistoryDialog(minh)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(imported)
    e = dialog.current()
    assert e is not None and e.id == imported and e.hidden
    state = dialog.model.index(0, COL_STATE)
    assert state.data() == "Cannot be undone"
    tip = state.data(Qt.ItemDataRole.ToolTipRole)
    assert "touches records you may not see" in tip and SECRET not in tip
    assert not dialog.undo_button.isEnabled()
    assert dialog.detail.text() == tip  # said beside the list too, for the one selected
    dialog.undo_selected()  # even called directly: no question, nothing written
    qtbot.wait(500)
    assert not asked and not dialog.busy
    assert _positions(ready) == ["Chuyên viên"] * 4
    code, out, _err = ready.cli("hoa", "import-history", "--lang", "en")
    assert code == 0 and "can be undone" in out  # the import stands

    try:
        assert i18n.install(qapp, "vi") == "vi"
        assert dialog.model.index(0, COL_STATE).data() == "Không thể hoàn tác"
        assert "không được xem" in dialog.model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        i18n.install(qapp, "en")


def test_undo_history_of_an_officer_lists_the_import_as_not_undoable(
    qtbot: Any,
    ready: Team,  # noqa: F811
    imported: int,
    minh: Any,
) -> None:
    from tests.ui.test_undo_history import _open
    from ui.dialogs.undo_history import COL_STATUS

    dialog = _open(qtbot, minh)
    dialog.select_group(f"import-{imported}")
    e = dialog.current()
    assert e is not None and e.group_id == f"import-{imported}"
    row = dialog.view.currentIndex().row()
    assert dialog.model.index(row, COL_STATUS).data() == "Cannot be undone"
    assert not dialog.undo_button.isEnabled()
    assert "touches records you may not see" in dialog.detail.text() and SECRET not in dialog.detail.text()
    loads = dialog.loads
    dialog.undo_selected()
    qtbot.wait(300)
    assert dialog.loads == loads
    assert _positions(ready) == ["Chuyên viên"] * 4
