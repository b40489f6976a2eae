"""Screenshots of an open window following a role an administrator changes (team database): a
reader's window after ``ketnoi admin add-user LOGIN --role officer`` (the write commands come on,
the status bar says so), and after ``ketnoi admin disable-user LOGIN`` (the status bar says the
login was disabled and what to do) — English and Vietnamese, 1366x768. The set-up is made here
and removed at the end: an owner role and a database, ``ketnoi admin init``, an officer who fills
the demo data and a reader.

    Xvfb :71 -screen 0 1366x768x24 & DISPLAY=:71 openbox &
    DISPLAY=:71 python docs/screenshots/take_role_change.py postgresql://SUPERUSER@HOST/DB [OUT [1280x720]]

Writes role-officer-<lang>.png and role-disabled-<lang>.png into OUT (default: beside this file);
with a size, the window has that size and the names end in -<width>.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from shots import HERE, cli, close, open_window, settle, snap, start_app

PASSWORD = "correct horse battery staple\n"


def main(superuser: str, out: Path, size: tuple[int, int] | None = None) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    prefix = "krole_"
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

        def set_role(login: str, role: str, name: str) -> None:
            owner("admin", "add-user", prefix + login, "--role", role, "--name", name, "--password-stdin",
                  stdin=PASSWORD)  # fmt: skip

        set_role("lan", "officer", "Trần Thị Lan")
        set_role("tuan", "reader", "Lê Anh Tuấn")
        cli(url("lan"))("demo")
        shoot(url("tuan"), out, lambda role: set_role("tuan", role, "Lê Anh Tuấn"),
              lambda: owner("admin", "disable-user", prefix + "tuan"), size)  # fmt: skip
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {prefix}db WITH (FORCE)")
            for role in c.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                {"p": prefix.replace("_", r"\_") + "%"},
            ).scalars():
                c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def _until(app: object, ctx: object, done: object, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        settle(app, ctx, 0.1)
    if not done():  # type: ignore[operator]
        raise SystemExit("the window did not follow the role change")


def shoot(reader: str, out: Path, set_role: object, disable: object, size: tuple[int, int] | None) -> None:
    from PySide6.QtGui import QCursor

    from app import resolve
    from db.migrate import open_database

    app = start_app()
    for language in ("en", "vi"):
        set_role("reader")  # type: ignore[operator]
        engine = open_database(reader)
        ctx, window = open_window(engine, language, size=size) if size else open_window(engine, language)
        tail = f"-{size[0]}" if size else ""
        window.live.start(window.live_label, ping_s=0.5)  # as ui/main.py does (ping every 10 s)
        settle(app, ctx, 1.0)
        with ctx.read() as s:
            mof = resolve.resolve(s, "organisation", "MOF")
        window.navigate("organisation", mof)
        QCursor.setPos(0, 767)
        settle(app, ctx, 1.0)
        set_role("officer")  # type: ignore[operator]
        _until(app, ctx, window.act_new.isEnabled)
        settle(app, ctx, 0.8)
        snap(app, window, out / f"role-officer-{language}{tail}.png")
        disable()  # type: ignore[operator]
        _until(app, ctx, lambda w=window: not w.act_new.isEnabled())
        settle(app, ctx, 0.8)
        snap(app, window, out / f"role-disabled-{language}{tail}.png")
        window.live.stop()
        close(app, ctx, window)
        engine.dispose()


if __name__ == "__main__":
    wh = tuple(int(n) for n in sys.argv[3].split("x")) if len(sys.argv) > 3 else None
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else HERE, (wh[0], wh[1]) if wh else None)
