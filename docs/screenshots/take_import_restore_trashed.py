"""Screenshots of the import wizard's preview after an import was undone and the same workbook is
imported again: the rows whose people and organisations are in the trash, the choice to bring
them back (ticked: brought back and updated; unticked: each row says its person is in the trash),
in English and Vietnamese (not a test). Run under Xvfb with a window manager, at 1280×720:

    Xvfb :71 -screen 0 1280x720x24 & DISPLAY=:71 openbox &
    DISPLAY=:71 python docs/screenshots/take_import_restore_trashed.py en [OUT_FOLDER]
    DISPLAY=:71 python docs/screenshots/take_import_restore_trashed.py vi [OUT_FOLDER]

Writes import-restore-trashed[-vi].png (ticked) and import-restore-trashed-off[-vi].png
(unticked) into OUT_FOLDER (default: this folder). Everything happens in a temporary folder: a
fresh database, tests/data/field-contacts.xlsx imported and undone there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, ROOT, start_app, temp_home

SAMPLE = ROOT / "tests" / "data" / "field-contacts.xlsx"


def _imported_and_undone(engine: object) -> None:
    from app.importing import inspect_workbook, preview_import, run_import, undo_import
    from db.engine import read_session, unit_of_work

    with read_session(engine) as s:  # type: ignore[arg-type]
        layouts = [x for x in inspect_workbook(SAMPLE, session=s) if not isinstance(x, Exception)]
        layouts.sort(key=lambda x: x.kind != "organisation")
        done: list[object] = []
        for lay in layouts:
            done.append(preview_import(SAMPLE, lay, session=s, after=list(done)))  # type: ignore[arg-type]
    result = run_import(engine, done)  # type: ignore[arg-type]
    assert result.batch_id is not None
    with unit_of_work(engine) as s:  # type: ignore[arg-type]
        undo_import(result.batch_id, session=s)


def main(lang: str, out: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    tmp = temp_home()
    app = start_app()
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.import_wizard import open_import_wizard
    from ui.settings import Settings

    i18n.install(app, lang)
    suffix = "" if lang == "en" else f"-{lang}"
    engine = open_database(f"sqlite:///{tmp / 'shots.db'}")
    _imported_and_undone(engine)
    settings = Settings(str(tmp / "shots.ini"))
    settings.language = lang
    ctx = AppContext(engine, settings)
    wizard = open_import_wizard(None, ctx, SAMPLE)
    wizard.move(20, 20)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: None if wizard.busy() else loop.quit())
        timer.start(20)
        loop.exec()
        timer.stop()
        wait = QEventLoop()
        QTimer.singleShot(ms, wait.quit)
        wait.exec()

    def shoot(name: str) -> None:
        settle(500)
        app.primaryScreen().grabWindow(0).save(str(out / f"{name}{suffix}.png"))

    settle()
    wizard.file_page.select_sheet("Danh bạ")
    wizard.next()
    settle()
    wizard.next()
    settle()
    preview = wizard.preview_page
    shoot("import-restore-trashed")  # (no row chosen: the first one's note is said whole under the table)
    preview.trash_box.click()
    settle()
    shoot("import-restore-trashed-off")
    wizard.reject()
    settle()
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en", Path(sys.argv[2]) if len(sys.argv) > 2 else HERE)
