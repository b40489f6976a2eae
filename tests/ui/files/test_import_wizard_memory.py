"""A closed import wizard keeps nothing of its preview alive.

Found by a reviewer: File → Import… on a 100k-row workbook, preview, Cancel, again — the window
grew ~200 MB per preview and never gave it back: every wizard stayed the window's child, and its
preview page kept its own list of the previews after the wizard dropped its rows.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import weakref
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from app.importing import reader
from tests.ui.files.workbooks import contacts_workbook
from ui.import_wizard import ImportWizard, open_import_wizard, work

TIMEOUT = 30_000


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _cancel(w: Any) -> None:
    """Cancel, and Close if the wizard asks whether to discard the preview."""
    w.reject()
    box = getattr(w, "discard_box", None)
    if box is not None:
        box.findChild(QPushButton, "import_discard_close").click()


def _preview(qtbot: Any, w: Any) -> None:
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    w.file_page.select_sheet("Danh bạ")
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.preview is not None and not w.busy(), timeout=TIMEOUT)


def test_cancelled_previews_are_freed_with_the_wizard(qtbot, ctx, tmp_path):
    window = QWidget()  # the main window: the wizard's parent, alive all along
    qtbot.addWidget(window)
    path = contacts_workbook(tmp_path / "c.xlsx")
    previews, wizards = [], []
    for _ in range(2):
        w = open_import_wizard(window, ctx, path)
        _preview(qtbot, w)
        previews.append(weakref.ref(w.preview))
        previews.append(weakref.ref(w.preview_page._results[0].preview))
        wizards.append(weakref.ref(w))
        _cancel(w)
        del w
        _deleted_later()
        assert [p() for p in previews] == [None] * len(previews)
        assert [x() for x in wizards] == [None] * len(wizards)
        assert window.findChildren(QWidget, "import_wizard") == []
    with reader._LOCK:
        assert not reader._PARSED  # no parsed sheet of a closed import
    assert not gc.isenabled() and gc.get_freeze_count() == 0  # off: the GUI thread's timer collects


def test_a_closed_wizard_still_referenced_holds_no_preview(qtbot, ctx, tmp_path):
    """Whoever keeps the wizard object (a test, a screenshot script) keeps no rows with it."""
    w = ImportWizard(ctx, None, contacts_workbook(tmp_path / "c.xlsx"))  # not deleted when closed
    qtbot.addWidget(w)
    w.open()
    _preview(qtbot, w)
    preview = weakref.ref(w.preview)
    _cancel(w)
    gc.collect()
    assert w.isHidden() and preview() is None
    assert w.preview_page.model.total() == 0 and w.preview_page.folds.count() == 0


def _close_while_previewing(qtbot: Any, ctx: Any, window: QWidget, path: Any) -> Any:
    w = open_import_wizard(window, ctx, path)
    qtbot.waitUntil(lambda: bool(w.sheets) and not w.busy(), timeout=TIMEOUT)
    w.file_page.select_sheet("Danh bạ")
    w.next()
    w.next()
    assert w.busy()
    _cancel(w)
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=TIMEOUT)
    return weakref.ref(w)


def test_closing_while_previewing_frees_the_partial_preview(qtbot, ctx, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    path = contacts_workbook(tmp_path / "big.xlsx", extra_rows=3000)
    wizard = _close_while_previewing(qtbot, ctx, window, path)
    _deleted_later()
    assert wizard() is None
    with reader._LOCK:
        assert not reader._PARSED
    assert not gc.isenabled() and gc.get_freeze_count() == 0  # off: the GUI thread's timer collects


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(ctypes.CDLL(None), "malloc_trim"),
                    reason="glibc's malloc_trim")  # fmt: skip
def test_closing_gives_the_freed_heap_back_to_the_system() -> None:
    blocks = [bytes(2000) + i.to_bytes(4, "little") for i in range(60_000)]  # ~120 MB, malloc's own
    kept = blocks[-1]  # the top of the heap stays in use: only a trim can hand the rest back
    del blocks
    before = _rss_mb()
    work.release()
    assert before - _rss_mb() > 60
    assert kept
