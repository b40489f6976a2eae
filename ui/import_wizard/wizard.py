"""The import wizard: choose file → mapping → preview → commit, built in code.

The wizard holds the plain state (the file, the sheet's layout as the user corrected it, the
preview, the commit result) and runs each step off the UI thread through the app's
:class:`~ui.tasks.TaskManager`. Only one step runs at a time; a result that arrives after the
user moved on (Back, Cancel) is dropped. Closing the wizard while a step runs cancels it and
closes when the worker has stopped, so a commit is never left half-way: the service rolls its
transaction back.

Closing (Cancel, Escape, the close box) once a preview was computed, while one is computed or
while the rows are written asks first ("Discard this import?"), since a big preview takes
seconds to make again; a write cancelled that way is announced in the main window's status
bar ("Import cancelled: nothing was written.").
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget, QWizard

from app.importing import CommitResult, Preview, SheetLayout
from app.importing.fields import KINDS
from ui.context import AppContext
from ui.icons import icon
from ui.import_wizard import work
from ui.import_wizard.work import SheetInfo
from ui.tasks import Task

PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_COMMIT = range(4)


class ImportWizard(QWizard):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, path: Path | str | None = None
    ) -> None:
        super().__init__(parent)
        from ui.import_wizard.commit_page import CommitPage
        from ui.import_wizard.file_page import FilePage
        from ui.import_wizard.mapping_page import MappingPage
        from ui.import_wizard.preview_page import PreviewPage

        self.ctx = ctx
        from ui.import_wizard.messages import dates_as

        dates_as(ctx)  # (an update's changed dates in the chosen format)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setWindowIcon(icon("import"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("import").pixmap(QSize(40, 40)))
        self.setMinimumSize(QSize(820, 560))
        self.resize(980, 660)

        self.path: Path | None = Path(path) if path else None
        self.sheets: list[SheetInfo] = []
        self.sheet: SheetInfo | None = None  # the sheet whose mapping is shown
        self.layout_: SheetLayout | None = None  # its layout, as the user corrected it
        self.chosen: list[SheetInfo] = []  # every sheet imported in this pass, organisations first
        self.layouts: dict[str, SheetLayout] = {}  # sheet name → the user's copy of its layout
        self.on_match = "fill"
        self.skip_hidden = False  # leave out the rows Excel hides (the preview page's choice)
        # bring back from the trash the records rows are or name (the preview page's choice; on
        # until unticked: ui.import_wizard.preview_page.PreviewPage._show_trash says why)
        self.restore_trashed = True
        self.preview: Preview | None = None  # the sheet shown on the preview page
        self.previews: list[Preview] = []  # every chosen sheet's preview, committed together
        self.commit_result: CommitResult | None = None
        self.imported: dict[str, int] = {}  # sheet → batch id, in this session of the wizard
        self._task: Task | None = None
        self._closing = False
        self.discard_box: QMessageBox | None = None  # "Discard this import?" while it is asked
        self.cancelled_box: QMessageBox | None = None  # "Import cancelled: …" once closed so

        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.commit_page = CommitPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_COMMIT, self.commit_page)
        self.currentIdChanged.connect(lambda _id: self.settle_focus())
        if self.path is not None:
            self.file_page.load(self.path)

    # --- the keyboard ---------------------------------------------------------------------------

    def forward_button(self) -> QAbstractButton:
        """The button that goes on from this page: Next, Import (the commit page) or Finish."""
        page = self.currentPage()
        if self.currentId() == PAGE_COMMIT or (page is not None and page.isFinalPage()):
            return self.button(QWizard.WizardButton.FinishButton)
        if page is not None and page.isCommitPage():
            return self.button(QWizard.WizardButton.CommitButton)
        return self.button(QWizard.WizardButton.NextButton)

    def settle_focus(self) -> None:
        """Keep the keyboard where Enter goes forward. Qt moves the focus on by itself when the
        focused button is hidden or disabled — onto "< Back" once "Next" gave way to "Import",
        onto "Save error report…" once "Undo this import" was disabled — and Enter then pressed
        that. So while a step runs a button never holds the focus (the wizard does: nothing to
        press yet), and when it ends, or a page opens, a focus so lost goes to the page's list
        (Enter there presses the default button, the forward one) or to the forward button.
        A field the user is typing in keeps it."""
        focus = QApplication.focusWidget()
        if self._task is not None:
            if focus is None or isinstance(focus, QAbstractButton):
                self.setFocus()
            return
        sides = (self.button(QWizard.WizardButton.BackButton), self.button(QWizard.WizardButton.CancelButton))
        if not (
            focus is None
            or focus is self
            or focus in sides
            or not self.isAncestorOf(focus)
            or not focus.isVisible()
            or not focus.isEnabled()
        ):
            return
        home = getattr(self.currentPage(), "home", lambda: None)()
        forward = self.forward_button()
        if home is not None and home.isVisible() and home.isEnabled():
            home.setFocus()
        elif forward.isVisible() and forward.isEnabled():
            forward.setFocus()

    # --- the chosen sheet ---------------------------------------------------------------------------

    def choose_sheet(self, info: SheetInfo) -> None:
        """Import this sheet alone, from the service's layout (a copy: the user's edits stay here)."""
        self.choose_sheets([info], info)

    def choose_sheets(self, infos: list[SheetInfo], current: SheetInfo | None = None) -> None:
        """Import these sheets in one pass (one transaction, one batch); show ``current``'s mapping.
        A sheet chosen before keeps the user's corrections."""
        order = {k: i for i, k in enumerate(KINDS)}
        self.chosen = sorted(infos, key=lambda i: order.get((i.layout.kind if i.layout else None) or "", 99))
        self.layouts = {
            i.name: self.layouts.get(i.name) or copy.deepcopy(i.layout)
            for i in self.chosen
            if i.layout is not None
        }
        self.show_sheet(current if current in self.chosen else self.chosen[0] if self.chosen else None)
        self.preview = None
        self.previews = []

    def show_sheet(self, info: SheetInfo | None) -> None:
        """The sheet whose mapping the mapping page shows (one of the chosen)."""
        self.sheet = info
        self.layout_ = self.layouts.get(info.name) if info is not None else None

    def chosen_layouts(self) -> list[SheetLayout]:
        return [self.layouts[i.name] for i in self.chosen if i.name in self.layouts]

    def another_sheet(self) -> None:
        """After an import: back to the first page, the file read again (its sheets may now
        match what was just imported), the next sheet not yet imported chosen."""
        if self.commit_result is not None and self.commit_result.batch_id:
            for info in self.chosen:
                self.imported[info.name] = self.commit_result.batch_id
        self.preview, self.commit_result, self.sheet, self.layout_ = None, None, None, None
        self.previews, self.chosen, self.layouts = [], [], {}
        self.commit_page.reset()
        self.restart()
        if self.path is not None:
            self.file_page.load(self.path)

    # --- background steps ---------------------------------------------------------------------------

    def busy(self) -> bool:
        return self._task is not None

    def run_task(
        self,
        fn: Callable[[Task], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        on_stage: Callable[[str], None] | None = None,
    ) -> Task:
        """Run ``fn`` in the background; callbacks only while this is still the current step."""
        holder: list[Task] = []

        def finished(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if not holder or holder[0] is not self._task:
                    return
                self._task = None
                callback(value)  # even when closing: a commit that finished is still announced
                if self._closing:
                    QWizard.reject(self)
                    return
                self._refresh_buttons()
                self.settle_focus()

            return call

        def progressed(done: int, total: int) -> None:
            if holder and holder[0] is self._task and on_progress is not None:
                on_progress(done, total)

        def staged(name: str) -> None:
            if holder and holder[0] is self._task and on_stage is not None:
                on_stage(name)

        task = self.ctx.tasks.run(
            fn,
            on_done=finished(on_done),
            on_error=finished(on_error),
            on_progress=progressed,
            write=write,
            on_stage=staged,
        )
        holder.append(task)
        self._task = task
        self._refresh_buttons()
        self.settle_focus()  # the button that started it may be disabled now: focus would fall on the next
        return task

    def closing(self) -> bool:
        """Closed while a step ran: it closes as soon as the step has stopped."""
        return self._closing

    def cancel_task(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def drop_task(self) -> None:
        """Forget the running step (Back was pressed): cancel it and ignore what it returns."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        page = self.currentPage()
        if page is not None:
            page.completeChanged.emit()

    def discard_question(self) -> str | None:
        """What closing now would lose, as the question to ask; None when nothing is lost."""
        if self.currentId() == PAGE_COMMIT:
            if self.commit_page.state == "writing":
                return self.tr("Discard this import? Writing stops and nothing is written.")
            # "finishing": its COMMIT runs, it cannot be stopped any more; the window closes when
            # it ends, and says that the import was written (commit_page._said_too_late)
            return None  # written (or cancelled, failed) already: the page said what was done
        if self.previews or self.preview is not None:
            previews = self.previews or ([self.preview] if self.preview is not None else [])
            ready = sum(1 for p in previews for r in p.rows if r.status in ("new", "update"))
            if not ready:
                return None  # nothing in it could be imported: nothing to lose
            return self.tr("Discard this import? %1 rows checked and ready will not be imported.").replace(
                "%1", self.ctx.fmt_number(ready)
            )
        if self.currentId() == PAGE_PREVIEW and self._task is not None:
            return self.tr("Discard this import? The preview being computed will be lost.")
        return None

    def reject(self) -> None:
        """Cancel, Escape or the window's close box: ask first if a preview would be lost, then
        stop a running step, then close."""
        if self._closing:
            return
        question = self.discard_question()
        if question is None:
            self._close_now()
            return
        if self.discard_box is not None:  # already asking
            self.discard_box.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), question, parent=self)
        box.setObjectName("import_discard")
        close = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
        close.setObjectName("import_discard_close")
        keep.setObjectName("import_discard_keep")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self.discard_box = None
            chosen = box.clickedButton() is close
            box.deleteLater()
            if chosen:
                self._close_now()

        box.finished.connect(answered)
        self.discard_box = box
        box.open()  # not exec(): the steps' results keep arriving while it is asked

    def _close_now(self) -> None:
        if self._task is not None:
            self._closing = True
            self._task.cancel()
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def done(self, result: int) -> None:
        self.ctx.settings.save_state("import_wizard", self.saveGeometry())
        super().done(result)
        # The rows of a big preview are no longer needed; the commit result (batch id) stays.
        self.preview = None
        self.previews = []
        self.preview_page.forget()  # its own list of the previews, the table's rows
        work.release()


def open_import_wizard(
    parent: QWidget | None, ctx: AppContext, path: Path | str | None = None
) -> ImportWizard:
    """File → Import…: show the wizard (window-modal, returns at once). ``path`` skips choosing."""
    wizard = ImportWizard(ctx, parent, path)
    if parent is not None:
        # Closed, it is deleted: a wizard left as the window's child kept its pages alive, and
        # with them ~200 MB for each 100k-row preview cancelled. (Without a parent, whoever
        # holds the wizard owns it.)
        wizard.finished.connect(wizard.deleteLater)
    state = ctx.settings.load_state("import_wizard")
    if state is not None:
        wizard.restoreGeometry(state)
    wizard.open()
    return wizard
