"""The choices of a list's filters that come from the data: sectors, tags, staff.

Read when the list is built, and again, off the UI thread, after a write that can change them
(``app.lists.choices_may_change``: an import, a save, an undo) and on F5 for another program's
write — a sector an import added was not offered until the window was opened again (reviewer:
"Lượng tử" missing from "All sectors", also after F5)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox

from app import lists
from db.engine import read_session
from ui.context import AppContext
from ui.tasks import Task

Choices = dict[str, list[tuple[int, str]]]

# the combos fed from the data: the filter's key → the vocabulary (lists.filter_choices)
FED = {"sector": "sector", "tag": "tag", "owner": "staff"}


def read(ctx: AppContext, owner: QObject, done: Callable[[Choices], None]) -> None:
    """Read the choices in the background; ``done`` gets them (a failed read — the server away —
    leaves the choices as they were: the list says why)."""
    engine = ctx.engine

    def work(_task: Task) -> Choices:
        with read_session(engine) as s:
            return lists.filter_choices(s)

    ctx.tasks.run(work, on_done=done, on_error=lambda _exc: None, owner=owner)


def refill(combos: Mapping[str, QComboBox], choices: Choices) -> bool:
    """Put the choices read into the combos fed from the data, each keeping its first item ("Any
    sector") and the choice made; whether a choice made is gone (its filter must run again)."""
    moved = False
    for key, vocabulary in FED.items():
        combo = combos.get(key)
        if combo is None:
            continue
        items = [(combo.itemText(0), None), *((n, i) for i, n in choices[vocabulary])]
        if [(combo.itemText(k), combo.itemData(k)) for k in range(combo.count())] == items:
            continue
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        moved = moved or combo.currentData() != current
    return moved
