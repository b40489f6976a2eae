"""A record that went away while a form edited it: what the form says, and the way on it offers.

Shared by the record form (organisation, contact, action) and the Log meeting dialog in edit
mode. A colleague merged the record into another (the way on: that record), deleted it (the
way on: restore it from the trash and keep the changes) or emptied the trash (the way on: save
what is typed as a new record). Whatever the person answers, what was typed stays in the form.
The words keep the record form's translation context, where they were first translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import RecordGone
from db import clock
from ui import labels
from ui.context import AppContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordForm", text)


@dataclass(frozen=True)
class WayOn:
    """What to say about a record gone, and what to offer.

    ``said``: who did what and when, and that nothing typed was lost (the form's error line);
    ``question`` and ``go`` (its button): the way on, none when ``question`` is empty;
    ``target``: the record the way on leads to (the one merged into; the one to restore)."""

    how: str
    said: str
    question: str = ""
    go: str = ""
    target: int = 0


def way_on(
    ctx: AppContext, exc: RecordGone, entity: str, record_id: int, *, follow_merge: bool = True
) -> WayOn:
    """The words for ``exc`` raised by a save of ``entity`` ``record_id``, in the window's
    language. ``follow_merge``: the form can move to the record a merged one went into."""
    who = exc.actor or _tr("A colleague")
    noun = labels.entity_name(entity).lower()
    when = ""
    if exc.at is not None:
        when = ctx.fmt_datetime(clock.local(exc.at))
    kept = _tr("Your changes were not saved; they are still in this form.")
    question, go, target = "", "", 0
    if exc.how == "merged" and exc.into_id and exc.into_live:
        said = _tr("%1 merged this %2 into “%3” (%4).")
        if follow_merge:
            question = _tr("Fill in your changes on “%1”, to check and save them there?").replace(
                "%1", exc.into_label
            )
            go, target = _tr("Go to “%1”").replace("%1", exc.into_label), exc.into_id
    elif exc.how == "merged":
        said = _tr("%1 merged this %2 into “%3” (%4), which is no longer there either.")
    elif exc.how == "deleted":
        said = _tr("%1 deleted this %2 (%4). It is in the trash (View → Trash).")
        question = _tr("Restore it from the trash and keep your changes?")
        go, target = _tr("Restore and keep my changes"), record_id
    else:
        said = _tr("%1 removed this %2 for good (%4): the trash was emptied.")
        question = _tr("Save what is in this form as a new %1?").replace("%1", noun)
        go = _tr("Save as new")
    said = said.replace("%1", who).replace("%2", noun).replace("%3", exc.into_label).replace("%4", when)
    return WayOn(exc.how, f"{said} {kept}", question, go, target)


def ask_way_on(parent: QWidget, title: str, text: str, go: str) -> bool:
    """Offer the way on after a record went away (``go``: the button that takes it); True
    when taken. One function, so that tests can answer it."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    take = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(take)
    box.exec()
    return box.clickedButton() is take


def offer(parent: QWidget, way: WayOn) -> bool:
    """Ask whether to take the way on (none to offer: False)."""
    if not way.question:
        return False
    return ask_way_on(parent, _tr("Not saved"), f"{way.said}\n\n{way.question}", way.go)
