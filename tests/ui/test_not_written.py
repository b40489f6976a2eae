"""A file chosen in a folder Ketnoi may not write, in the window: File → Export to Excel, the
brief dialog's "Save as…" and an attachment's "Save as…" say which file was not written and why
in one sentence of the person's language (ui.not_written, the window's wording of
app.written.NotWritten) — not "Read-only file system: /ro/e.xlsx.part", "⚠ OSError: [Errno 30]
…" or "cannot write /ro/n.txt: Read-only file system"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app import attachments
from app.written import TEMPLATES, NotWritten
from db.engine import unit_of_work
from tests.read_only import read_only
from tests.ui.helpers import wait_idle
from ui import briefs, exports
from ui.not_written import error_text, templates

TIMEOUT = 30_000


@pytest.fixture
def ro(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        yield folder


def _sentence(name: str, folder: Path) -> str:
    return f"{name} was not written: the folder {folder} is read-only for you. Choose another folder."


def _said(text: str, name: str, folder: Path) -> None:
    # (root writes through permissions: a read-only mount; another user: a folder of mode 555)
    assert text in (
        _sentence(name, folder),
        f"{name} was not written: you may not write to the folder {folder}. Choose another folder.",
    ), text
    assert ".part" not in text and "Errno" not in text and "OSError" not in text


def test_the_windows_words_are_the_clis(qapp: Any) -> None:
    """Each code's English sentence in the window is the CLI's (a code without its tr() would
    show a KeyError)."""
    assert set(templates()) == set(TEMPLATES)
    for code, (english, _vi) in TEMPLATES.items():
        cli = english.replace("{name}", "%1").replace("{folder}", "%2").replace("{reason}", "%3")
        assert templates()[code] == cli, code
    odd = NotWritten("no_folder", Path("/a%2b") / "x%1.pdf")  # a name with "%2" stays as it is
    assert error_text(odd) == "x%1.pdf was not written: there is no folder /a%2b."


def test_export_to_a_read_only_folder_names_the_file_chosen(
    qtbot: Any, ctx: Any, ro: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("ui.exports.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    exports.export_all(None, ctx, ro / "e.xlsx")
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    _said(shown[0], "e.xlsx", ro)
    assert list(ro.iterdir()) == []


def test_brief_saved_to_a_read_only_folder_says_why(
    qtbot: Any, ctx: Any, ids: dict[str, Any], ro: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: pytest.fail("nothing should open"))
    dialog = briefs.brief_organisation(None, ctx, ids["nic"])
    qtbot.addWidget(dialog)
    dialog.save_as(str(ro / "b.pdf"))
    qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
    assert dialog.message.text().startswith("⚠ ")
    _said(dialog.message.text()[2:], "b.pdf", ro)
    assert dialog.save_button.isEnabled()  # another folder can be chosen


class _Marked(QTranslator):
    """A stand-in for the Vietnamese catalogue: every sentence of ui.not_written marked."""

    def translate(self, context: str, source: str, disambiguation: Any = None, n: int = -1) -> str:  # type: ignore[override]
        return "VI " + source if context == "NotWritten" else ""


def test_the_sentence_is_in_the_persons_language(
    qtbot: Any, ctx: Any, ids: dict[str, Any], ro: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(briefs, "open_in_viewer", lambda p: pytest.fail("nothing should open"))
    marked = _Marked()
    QCoreApplication.installTranslator(marked)
    try:
        dialog = briefs.brief_organisation(None, ctx, ids["nic"])
        qtbot.addWidget(dialog)
        dialog.save_as(str(ro / "b.pdf"))
        qtbot.waitUntil(dialog.message.isVisible, timeout=TIMEOUT)
        assert dialog.message.text().startswith("⚠ VI b.pdf was not written: ")
    finally:
        QCoreApplication.removeTranslator(marked)


def test_attachment_saved_to_a_read_only_folder_says_why(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], ro: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with unit_of_work(ctx.engine) as s:
        ident = attachments.add(s, "contact", ids["hung"], attachments.prepare("n.txt", b"ghi chu"))
    window.navigate("contact", ids["hung"])
    wait_idle(qtbot, ctx)
    box = window.views["contact"].detail.attachments
    shown: list[str] = []
    monkeypatch.setattr("ui.details.attachments.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    box.save_to(ident, ro / "n.txt")
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    _said(shown[0], "n.txt", ro)
    assert box.busy == 0
