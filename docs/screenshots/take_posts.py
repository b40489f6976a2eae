"""Screenshots of Posts… (an organisation's posts: rename, re-rank, remove; not a test), in
English and Vietnamese, at the size of the screen it runs on (1366×768 and 1280×720 laptops).

    Xvfb :75 -screen 0 1366x768x24 & DISPLAY=:75 openbox &
    DISPLAY=:75 python docs/screenshots/take_posts.py
    (again on a display started with -screen 0 1280x720x24)

From the demo database plus four posts of the finance ministry (MOF), one typed without its
accents and with a wrong precedence. Writes posts-<W>x<H>.png / -vi.png: the ministry's page
with the Posts… dialog over it, the minister's post chosen (held, so Remove is disabled and
the dialog says why, its notes in the box under the list); posts-edit-<W>x<H>.png / -vi.png:
the mistyped post being renamed in place; and posts-notes-refused-<W>x<H>.png / -vi.png: the
deputy minister's notes typed while a colleague changed them, refused in words, the typed
text kept in the box; posts-form-<W>x<H>.png / -vi.png: Edit… of the minister's post with
its notes. Offscreen (no DISPLAY) each picture is the dialog alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shots import HERE, cli, close, open_window, settle, snap, start_app, temp_home


def fill(db: Path) -> None:
    run = cli(db)
    run("demo")
    run("contact", "add", "--name", "Lương Thu Hà", "--honorific", "PGS.TS.", "--position", "Thứ trưởng",
        "--organisation", "MOF")  # fmt: skip
    run("contact", "add", "--name", "Đỗ Minh Khôi", "--honorific", "Ông", "--position", "Bộ trưởng",
        "--organisation", "MOF")  # fmt: skip
    from app import posts, resolve
    from db.engine import unit_of_work
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        mof = resolve.resolve(s, "organisation", "MOF")
        minister = posts.add_post(s, mof, "Bộ trưởng", rank=1, title_en="Minister",
                                  notes="Lịch tiếp khách: sáng thứ Ba và thứ Năm\n"
                                  "Hẹn qua Văn phòng Bộ: 024 2220 2828 (chị Hạnh)")  # fmt: skip
        deputy = posts.add_post(s, mof, "Thứ trưởng", rank=2, title_en="Deputy Minister")
        posts.add_post(s, mof, "Chánh Văn phòng Bộ", rank=5, title_en="Chief of the Ministry Office")
        posts.add_post(s, mof, "Pho Vu truong Vu Tai chinh ngan hang", rank=50)  # typed wrong
        for post, name, day in ((minister, "Đỗ Minh Khôi", dt.date(2025, 3, 1)),
                                (deputy, "Lương Thu Hà", dt.date(2024, 9, 1))):  # fmt: skip
            posts.assign(s, post, resolve.resolve(s, "contact", name), starts_on=day)
    engine.dispose()


def main() -> None:
    tmp = temp_home()
    db = tmp / "demo.db"
    fill(db)
    app = start_app(font=False)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app import posts, resolve
    from db import clock
    from db.engine import unit_of_work
    from db.migrate import open_database
    from ui.posts_dialog import COL_TITLE, PostForm, PostsDialog

    screen = app.primaryScreen().size()
    size = f"{screen.width()}x{screen.height()}"
    engine = open_database(f"sqlite:///{db}")
    with clock.frozen(dt.datetime(2026, 12, 5, 9, 30), ticking=False):
        for lang, suffix in (("en", ""), ("vi", "-vi")):
            ctx, window = open_window(
                engine,
                lang,
                tmp / f"{lang}.ini",
                size=(screen.width(), screen.height() - 28),
                at_origin=False,
            )
            settle(app, ctx, 0.9)
            with ctx.read() as session:
                mof = resolve.resolve(session, "organisation", "MOF")
            window.navigate("organisation", mof)
            settle(app, ctx, 0.9)
            dialog = PostsDialog(ctx, mof, window)
            dialog.show()
            dialog.table.selectRow(0)  # the minister's post: held, not removable
            settle(app, ctx, 0.9)
            snap(app, dialog, HERE / f"posts-{size}{suffix}.png")
            form = PostForm(dialog.model.rows[0], 1, dialog)  # Edit…: the notes with the names
            form.show()
            settle(app, ctx, 0.5)
            snap(app, form, HERE / f"posts-form-{size}{suffix}.png")
            form.reject()
            form.deleteLater()
            last = len(dialog.model.rows) - 1
            dialog.table.selectRow(last)
            index = dialog.model.index(last, COL_TITLE)
            dialog.table.edit(index)
            settle(app, ctx, 0.5)
            editor = dialog.table.focusWidget()
            editor.selectAll()  # type: ignore[union-attr]
            editor.insert("Phó Vụ trưởng Vụ Tài chính ngân hàng")  # type: ignore[union-attr]
            settle(app, ctx, 0.5)
            snap(app, dialog, HERE / f"posts-edit-{size}{suffix}.png")
            QTest.keyClick(editor, Qt.Key.Key_Escape)  # the renaming is only shown, not saved
            settle(app, ctx, 0.3)
            dialog.table.selectRow(1)  # the deputy minister's post
            settle(app, ctx, 0.5)
            deputy = dialog.current_id()
            with unit_of_work(engine) as s:  # a colleague, meanwhile, on another computer
                posts.edit_post(s, deputy, notes="Anh Khôi hẹn qua thư ký riêng")
            dialog.notes.setFocus()
            dialog.notes.setPlainText("Chị Hà phụ trách hợp tác quốc tế\nHẹn trước hai ngày")
            dialog.save_notes()
            settle(app, ctx, 0.9)
            snap(app, dialog, HERE / f"posts-notes-refused-{size}{suffix}.png")
            with unit_of_work(engine) as s:  # as it was, for the next language
                posts.edit_post(s, deputy, notes="")
            dialog.notes.setPlainText(dialog.notes_base)
            dialog.reject()
            settle(app, ctx, 0.5)
            close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main()
