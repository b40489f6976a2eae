"""Screenshots of a reader's window on a team database (a login in the reader role): every
command that writes is greyed out and says why, the status bar says "Read only" — English and
Vietnamese, 1366x768. The set-up is made here and removed at the end: an owner role and a
database, ``ketnoi admin init``, an officer who fills the demo data and a reader.

    Xvfb :43 -screen 0 1366x768x24 & DISPLAY=:43 openbox &
    DISPLAY=:43 python docs/screenshots/take_reader_screenshots.py postgresql://SUPERUSER@HOST/DB [OUT]

Writes reader-<lang>.png (the organisations, Edit menu open) and reader-tooltip-<lang>.png
(the toolbar's New with its tooltip) into OUT (default: beside this file).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, cli, close, open_window, settle, snap, start_app


def main(superuser: str, out: Path) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    prefix = "kshots_"
    admin = create_engine(superuser, isolation_level="AUTOCOMMIT")
    base = make_url(superuser)

    def url(login: str) -> str:
        return base.set(username=prefix + login, password=None, database=prefix + "db").render_as_string(
            False
        )

    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE ROLE {prefix}owner LOGIN CREATEROLE PASSWORD 'owner-pw'")
        c.exec_driver_sql(f"CREATE DATABASE {prefix}db OWNER {prefix}owner")
    try:
        owner = cli(url("owner"))
        owner("admin", "init", "--role-prefix", prefix)
        for login, role, name in (("lan", "officer", "Trần Thị Lan"), ("tuan", "reader", "Lê Anh Tuấn")):
            owner("admin", "add-user", prefix + login, "--role", role, "--name", name, "--password-stdin",
                  stdin="correct horse battery staple\n")  # fmt: skip
        cli(url("lan"))("demo")
        shoot(url("tuan"), out)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {prefix}db WITH (FORCE)")
            for role in c.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                {"p": prefix.replace("_", r"\_") + "%"},
            ).scalars():
                c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def shoot(reader: str, out: Path) -> None:
    from PySide6.QtGui import QCursor

    from app import resolve
    from db.migrate import open_database

    app = start_app()
    engine = open_database(reader)
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language)
        settle(app, ctx, 1.0)
        with ctx.read() as s:
            mof = resolve.resolve(s, "organisation", "MOF")
        window.navigate("organisation", mof)
        settle(app, ctx, 0.8)
        menu, bar = window.menus["edit"], window.menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
        settle(app, ctx, 0.5)
        snap(app, window, out / f"reader-{language}.png")
        menu.hide()
        button = window.toolbar.widgetForAction(window.act_new)
        QCursor.setPos(button.mapToGlobal(button.rect().center()))  # hovering the greyed-out New
        settle(app, ctx, 1.5)
        snap(app, window, out / f"reader-tooltip-{language}.png")
        QCursor.setPos(0, 767)
        close(app, ctx, window)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else HERE)
