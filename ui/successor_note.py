"""The note under an organisation's box when the organisation picked was reorganised by today.

A merger's or renaming's successor is put in the box in its place and said, with a link to keep
the organisation as it was; a split says what it became, each a link to take it
(:func:`app.reorg.successors_on`, Log meeting's rule). Used by the record forms (reviewer: a new
action for MPI, merged into Bộ Tài chính, was filed under MPI) and by the list's "Set
organisation" on a selection (reviewer h98: a bulk edit set contacts to a merged ministry, with
no word of it).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app import records, reorg
from ui.context import AppContext
from ui.widgets import Lookup


class SuccessorNote(QLabel):
    """The note under ``lookup``; ``resized`` is called after its text changed (a dialog may
    need to grow to show it whole)."""

    def __init__(
        self, ctx: AppContext, lookup: Lookup, parent: QWidget, resized: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.lookup, self._resized = ctx, lookup, resized
        self.moved: tuple[int, str, reorg.Link] | None = None  # (old id, its label, the successor)
        self.splits: tuple[int, str, list[reorg.Link]] | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self.link)
        self.hide()
        # after the list's pick has set the box's text (Qt sets it after the picked signal: the
        # successor's name put in at once was written over by the old one's)
        lookup.picked.connect(lambda _i: QTimer.singleShot(0, self, self.follow))
        lookup.textEdited.connect(lambda _t: self.forget())

    def follow(self) -> None:
        """The organisation now in the box reorganised by today: its successor put in, or a
        split's choices offered."""
        self.moved = self.splits = None
        picked = self.lookup.value()
        if picked is not None:
            with self.ctx.read() as s:
                links = reorg.successors_on(s, [picked], self.ctx.today()).get(picked, [])
                label = records.label(s, "organisation", picked)
            if len(links) == 1:
                self.moved = (picked, label, links[0])
                self.lookup.set_record(links[0].id, links[0].name)
            elif links:
                self.splits = (picked, label, links)
                self.lookup.set_record(picked, label)  # its name, without the list's "→ …" hint
        self.say()

    def say(self) -> None:
        fmt = self.ctx.settings.fmt_date
        text = ""
        if self.moved is not None:
            _old, label, link = self.moved
            text = (
                # (the record form's sentences, under its translation context)
                QCoreApplication.translate(
                    "RecordForm", '%1 became %2 on %3: saved with %2. <a href="keep">Keep %1</a>'
                )
                .replace("%1", escape(label))
                .replace("%2", escape(link.name))
                .replace("%3", fmt(link.effective_on))
            )
        elif self.splits is not None:
            _old, label, links = self.splits
            choices = " · ".join(f'<a href="split:{x.id}">{escape(x.name)}</a>' for x in links)
            text = (
                QCoreApplication.translate("RecordForm", "%1 was split on %2: which one is it now? %3")
                .replace("%1", escape(label))
                .replace("%2", fmt(links[0].effective_on))
                .replace("%3", choices)
            )
        self.setText(text)
        self.setVisible(bool(text))
        if self._resized is not None:
            QTimer.singleShot(0, self, self._resized)

    def forget(self) -> None:
        """Another organisation typed (or the pick taken out): what was said of the one before goes."""
        self.moved = self.splits = None
        self.say()

    def link(self, href: str) -> None:
        """Keep the organisation as it was picked, or take one a split made."""
        if href == "keep" and self.moved is not None:
            old, label, _link = self.moved
            self.moved = None
            self.lookup.set_record(old, label)
        elif href.startswith("split:") and self.splits is not None:
            links = self.splits[2]
            self.splits = None
            chosen = next((x for x in links if x.id == int(href[6:])), None)
            if chosen is not None:
                self.lookup.set_record(chosen.id, chosen.name)
        self.say()
