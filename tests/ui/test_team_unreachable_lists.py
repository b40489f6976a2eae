"""The menu windows whose list is their whole content — Trash, a record's History, Undo history,
Letters, Working days — on a team database whose server goes away and comes back: each says
the one sentence where its rows would be (above them, their titles kept), in its own language,
with no box to dismiss in front of an empty list (they said it in a box before, h44); and each
fills its list by itself once the server is back, as Duplicates now searches again by itself
(it was read again only when opened again). The server "goes away" as in
tests/ui/test_team_unreachable.py: every new connection goes to a port nothing listens on and
the open ones are dropped; it "comes back" when they go to it again and the live feed says so
(``server_back``)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from tests.db.test_team import ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.test_team_unreachable import LIBRARY_WORDS, commands_window, lan  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]

AWAY = {"en": "Cannot reach the database server", "vi": "Không kết nối được máy chủ cơ sở dữ liệu"}
_made = itertools.count(1)  # (the team's database is the module's: other names a test)


@pytest.fixture
def windows(qtbot: Any, lan: Any, monkeypatch: pytest.MonkeyPatch) -> Any:  # noqa: F811
    """The context, the cutter, the windows' makers and the boxes said (their text): a deleted
    contact in the trash, a contact with a history (an undoable change), a letter, two contacts
    alike."""
    from app import records
    from app.letters import register
    from db.engine import unit_of_work
    from ui.dialogs.duplicates import FindDuplicatesDialog
    from ui.dialogs.undo_history import UndoHistoryDialog
    from ui.history import HistoryDialog
    from ui.letters import LettersDialog
    from ui.trash import TrashDialog
    from ui.workdays import WorkingDaysDialog

    ctx, cut = lan
    n = next(_made)
    with unit_of_work(ctx.engine) as s:
        group = records.new_group_id()
        gone = records.create(s, "contact", {"full_name": f"Lê Thị Thu {n}"}, group_id=group)
        records.delete(s, "contact", gone, group_id=group)
        kept = records.create(
            s, "contact", {"full_name": f"Đỗ Minh Khoa {n}"}, group_id=records.new_group_id()
        )
        register.add_letter(
            s, {"subject": f"Mời họp tổng kết {n}", "symbol": "SKHCN-VP", "letter_date": dt.date(2026, 11, 2)}
        )
        for _ in range(2):
            records.create(s, "contact", {"full_name": f"Vũ Thị Hạnh {n}", "email": f"hanh{n}@skhcn.gov.vn"})
    window, commands, said = commands_window(qtbot, ctx, monkeypatch)

    def duplicates() -> Any:
        d = FindDuplicatesDialog(ctx, commands, window)
        d.show()
        d.look_among("contact")
        return d

    makers: dict[str, Callable[[], Any]] = {
        "trash": lambda: TrashDialog(ctx, window),
        "history": lambda: HistoryDialog(ctx, "contact", kept, window),
        "undo history": lambda: UndoHistoryDialog(ctx, window),
        "letters": lambda: LettersDialog(ctx, window),
        "working days": lambda: WorkingDaysDialog(ctx, window),
        "duplicates": duplicates,
    }
    return ctx, cut, commands, makers, said


def _table(dialog: QWidget) -> QTableView:
    (table,) = [v for v in dialog.findChildren(QTableView) if v.isVisible()]
    return table


def _rows(dialog: QWidget) -> int:
    model = _table(dialog).model()
    return model.rowCount() if model is not None else 0


def _note(dialog: QWidget, words: str) -> QLabel | None:
    """The visible label of ``dialog`` that says ``words``, if one does."""
    return next(
        (w for w in dialog.findChildren(QLabel) if w.isVisible() and words in w.text()),
        None,
    )


LISTS = ("trash", "history", "undo history", "letters", "working days")


def _open_away(qtbot: Any, commands: Any, make: Callable[[], Any], words: str) -> tuple[Any, QLabel]:
    dialog = commands.opened(make)
    assert dialog is not None
    dialog.show()
    qtbot.waitUntil(lambda: _note(dialog, words) is not None, timeout=10_000)
    note = _note(dialog, words)
    assert note is not None
    return dialog, note


@pytest.mark.parametrize("name", LISTS)
def test_a_list_window_says_in_its_list_that_the_server_is_away_and_fills_it_when_back(
    qtbot: Any, windows: Any, name: str
) -> None:
    ctx, cut, commands, makers, said = windows
    cut(True)
    dialog, note = _open_away(qtbot, commands, makers[name], AWAY["en"])
    table = _table(dialog)
    # where the rows would be: just above them, their titles kept
    below = note.mapTo(dialog, note.rect().bottomLeft()).y()
    top = table.mapTo(dialog, table.rect().topLeft()).y()
    assert 0 <= top - below < 30, (below, top)
    assert _rows(dialog) == 0
    assert table.model().headerData(0, table.horizontalHeader().orientation())
    assert not any(w in note.text() for w in LIBRARY_WORDS), note.text()
    assert not said, said  # no box to dismiss

    cut(False)
    ctx.server_back.emit()  # the live feed connected again (ui.live)
    qtbot.waitUntil(lambda: _rows(dialog) >= 1, timeout=10_000)
    assert not note.isVisible() and _note(dialog, AWAY["en"]) is None
    assert not said, said
    shown = " ".join(
        str(table.model().index(r, c).data() or "")
        for r in range(_rows(dialog))
        for c in range(table.model().columnCount())
    )
    assert {"trash": "Lê Thị Thu", "letters": "Mời họp tổng kết", "history": "Created"}.get(name, "") in shown
    dialog.close()
    dialog.deleteLater()


def test_the_list_windows_say_it_in_vietnamese_when_the_window_does(
    qtbot: Any, windows: Any, qapp: Any
) -> None:
    from ui import i18n

    ctx, cut, commands, makers, said = windows
    cut(True)
    assert i18n.install(qapp, "vi") == "vi"
    try:
        opened = []
        for name in ("trash", "letters", "working days"):
            dialog, note = _open_away(qtbot, commands, makers[name], AWAY["vi"])
            assert "Cannot reach" not in note.text(), name
            assert _rows(dialog) == 0, name
            opened.append(dialog)
        assert not said, said
        cut(False)
        ctx.server_back.emit()
        for dialog in opened:
            qtbot.waitUntil(lambda d=dialog: _rows(d) >= 1, timeout=10_000)
            assert _note(dialog, AWAY["vi"]) is None
            dialog.close()
            dialog.deleteLater()
    finally:
        i18n.install(qapp, "en")


def test_duplicates_searches_again_by_itself_when_the_server_is_back(qtbot: Any, windows: Any) -> None:
    ctx, cut, commands, makers, said = windows
    cut(True)
    dialog = commands.opened(makers["duplicates"])
    qtbot.waitUntil(lambda: AWAY["en"] in dialog.status.text(), timeout=10_000)
    assert dialog.tree.topLevelItemCount() == 0
    assert not any(w in dialog.status.text() for w in LIBRARY_WORDS), dialog.status.text()

    cut(False)
    ctx.server_back.emit()  # nothing pressed, the window not opened again
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() >= 1, timeout=30_000)
    assert AWAY["en"] not in dialog.status.text()
    names = [dialog.tree.topLevelItem(i).text(1) for i in range(dialog.tree.topLevelItemCount())]
    assert any("Vũ Thị Hạnh" in n for n in names), names
    assert not said, said
    dialog.close()
    dialog.deleteLater()
