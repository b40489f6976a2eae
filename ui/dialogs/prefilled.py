"""What Log meeting filled in by itself: the person (and their organisation) or the organisation
selected in the list when Ctrl+M was pressed.

The dialog opened with them among the attendees and organisations, unmarked: a fast typist who
pressed Ctrl+M from Contacts with the wrong row selected logged the meeting with that person.
Their rows now say "(from the list)", and a line beside Save names them with a Remove link that
takes out what was filled in (a person removed by hand takes the line with them).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.meetings import Chosen
from ui.dialogs.pickers import Picker


class PrefilledNote(QLabel):
    """The line beside Save; hidden when nothing was filled in."""

    def __init__(self, attendees: Picker, organisations: Picker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prefilled_note")
        self.setWordWrap(True)  # a long name on a second line, never the dialog wider
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _href: self.remove())
        self.hide()
        self._pickers = (attendees, organisations)
        self._filled: list[tuple[Picker, str]] = []  # (picker, Chosen.key) filled in
        self._said = ""  # the key the line is about: gone, the line goes

    def fill(self, person: Chosen | None, organisation: Chosen | None) -> None:
        """Mark ``person`` (an attendee) and ``organisation`` as filled in, and say so."""
        attendees, organisations = self._pickers
        for picker, chosen in ((attendees, person), (organisations, organisation)):
            if chosen is not None and chosen.key in {c.key for c in picker.values()}:
                picker.mark(chosen.key)
                self._filled.append((picker, chosen.key))
        if not self._filled:
            return
        self._said = self._filled[0][1]
        word = self.tr("Remove")
        remove = f'<a href="remove">{html.escape(word)}</a>'
        named = person if person is not None else organisation
        assert named is not None
        # one line: the name, bold; its row (and the organisation's) says "(from the list)" too
        text = self.tr("Filled in from the list: %1.").replace("%1", f"<b>{html.escape(named.label)}</b>")
        self.setText(f"ⓘ {text} {remove}")
        self.setToolTip(
            self.tr(
                "Not the one you meant? Remove takes out what was filled in from the list; then type who came."
            )
        )
        self.show()
        for picker in self._pickers:
            picker.changed.connect(self._follow)

    def remove(self) -> None:
        """Take out what was filled in (what is left of it)."""
        filled, self._filled = self._filled, []
        for picker, key in filled:
            picker.remove(key)
        self.hide()

    def _follow(self) -> None:
        """The line goes once what it is about was removed (by hand, or a draft put back)."""
        if self.isHidden():
            return
        if not any(key == self._said and key in {c.key for c in p.values()} for p, key in self._filled):
            self._filled = []
            self.hide()
