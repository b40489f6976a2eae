"""Long work from the window (import, export, a brief): a progress dialog over the task helper.

    run_with_progress(ctx.tasks, window, tr("Importing…"),
                      lambda task: importing.run(..., progress=task.progress,
                                                 should_cancel=task.cancelled),
                      on_done=show_result)

The dialog is window-modal (the rest of the desktop stays usable), shows ``done / total`` as
the service reports it, and its Cancel button sets the task's cancel flag; the service stops
at its next check and raises (``ui.tasks.Cancelled`` or its own), which arrives in
``on_error``. Nothing here blocks the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.tasks import Cancelled, Task, TaskManager


def run_with_progress(
    tasks: TaskManager,
    parent: QWidget | None,
    label: str,
    fn: Callable[[Task], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    write: bool = False,
) -> tuple[Task, QProgressDialog]:
    cancel = QCoreApplication.translate("Progress", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setObjectName("task_progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick work never flashes a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def finished(result: Any) -> None:
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            raise exc

    task = tasks.run(fn, on_done=finished, on_error=failed, on_progress=progress, write=write)
    dialog.canceled.connect(task.cancel)
    return task, dialog
