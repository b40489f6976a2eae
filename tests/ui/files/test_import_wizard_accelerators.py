"""No two things on one page of the import wizard answer the same Alt+letter, in English or in
Vietnamese (reviewer: on the last page "Hoàn tất" (Finish) and "Hoàn tác lần nhập này" (Undo this
import) were both Alt+H, and Alt+H undid the import the user meant to keep)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget, QWizard

from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import open_import_wizard
from ui.import_wizard.wizard import PAGE_COMMIT, PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW

TIMEOUT = 30_000


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" (Qt's accelerator), casefolded; "&&" is a plain "&"."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _accelerators(wizard: Any) -> dict[str, list[str]]:
    """letter → the texts of the widgets shown now (the page's and the wizard's buttons) using it."""
    out: dict[str, list[str]] = {}
    own = {wizard.button(b) for b in QWizard.WizardButton if b != QWizard.WizardButton.NButtons}
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisibleTo(wizard):
            continue
        if widget in own and not widget.isEnabled():  # "< Back" on the first page: never pressed there
            continue  # (the page's own disabled buttons count: they are enabled in turn)
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabEnabled(i)]
        for text in texts:
            letter = _mnemonic(text)
            if letter:
                out.setdefault(letter, []).append(text)
    return out


def _clashes(wizard: Any) -> dict[str, list[str]]:
    return {k: v for k, v in _accelerators(wizard).items() if len(v) > 1}


def test_no_two_things_on_a_wizard_page_share_an_accelerator(
    qtbot: Any, ctx: Any, tmp_path: Path, language: str
) -> None:
    w = open_import_wizard(None, ctx, contacts_workbook(tmp_path / "dai-bieu.xlsx"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    seen: dict[int, dict[str, list[str]]] = {}
    assert w.currentId() == PAGE_FILE
    seen[PAGE_FILE] = _clashes(w)
    assert len(w.file_page.ticked()) == 2  # both sheets: the next pages show their sheet boxes
    w.next()
    assert w.currentId() == PAGE_MAPPING
    assert w.mapping_page.sheet_label.isVisibleTo(w)
    seen[PAGE_MAPPING] = _clashes(w)
    w.next()
    assert w.currentId() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: len(w.previews) == 2 and not w.busy(), timeout=TIMEOUT)
    seen[PAGE_PREVIEW] = _clashes(w)
    pp = w.preview_page
    pp.tabs.setCurrentWidget(pp.folds)  # the organisations created alongside, with their buttons
    assert pp.folds.split_button.isVisibleTo(w)
    seen[PAGE_PREVIEW] = {**seen[PAGE_PREVIEW], **_clashes(w)}
    pp.tabs.setCurrentIndex(0)
    w.next()
    assert w.currentId() == PAGE_COMMIT
    qtbot.waitUntil(lambda: w.commit_page.state == "done" and not w.busy(), timeout=TIMEOUT)
    last = _accelerators(w)
    seen[PAGE_COMMIT] = _clashes(w)
    assert seen == {PAGE_FILE: {}, PAGE_MAPPING: {}, PAGE_PREVIEW: {}, PAGE_COMMIT: {}}
    finish = w.button(w.WizardButton.FinishButton).text()
    assert _mnemonic(finish) in last and last[_mnemonic(finish) or ""] == [finish]  # Alt+H finishes
