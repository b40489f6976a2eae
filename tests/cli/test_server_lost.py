"""A command stopped because the team database's server went away says so in one line of the
CLI's language, and what was written (reviewer h107, as a Vietnamese user: ``ketnoi import
big.csv``, the server stopped after 12 s: "ketnoi: AdminShutdown: terminating connection due to
administrator command (run with --debug for details)" — English, the driver's words, and not
that nothing was imported). Each kind of loss on a real server: the backend terminated by an
administrator (pg_terminate_backend), the connection reset under the command (a relay cut,
tests/pg_gate.py), and the server no longer reachable after an import was written."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

from app.cli import main
from tests.pg_gate import Relay

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres
WORDS_OF_THE_DRIVER = (
    "AdminShutdown",
    "OperationalError",
    "terminating connection",
    "server closed",
    "--debug",
)


@pytest.fixture
def admin(pg_url: str) -> Iterator[Engine]:
    """The superuser on the test's database, from outside the command."""
    engine = create_engine(pg_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _count(admin: Engine, table: str) -> int:
    with admin.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _sheet(path: Path, rows: int, first: int = 0) -> Path:
    """``rows`` people numbered from ``first``; with ``first`` > 0, Nguyễn Văn 0 first too."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Họ và tên", "Cơ quan", "Email", "Điện thoại"])
        for i in ([0] if first else []) + list(range(first, first + rows)):
            w.writerow([f"Nguyễn Văn {i}", f"Công ty {i % 300}", f"nv{i}@example.vn", f"09{i:08d}"])
    return path


def _environment(tmp_path: Path, lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "KETNOI_", "LANG"))}
    env |= {"HOME": str(tmp_path), "KETNOI_DATA_DIR": str(tmp_path / "data"), "LANG": lang}
    # (kept after ours: under CI's faketime it holds the sitecustomize mending time.sleep)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return env


def _when(admin: Engine, sql: str, timeout_s: float = 60.0) -> list[int]:
    """The backends of this database (not ``admin``'s) for which ``sql`` holds, once there are."""
    until = time.monotonic() + timeout_s
    while time.monotonic() < until:
        with admin.connect() as conn:
            found = conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    f"AND pid <> pg_backend_pid() AND {sql}"
                )
            ).scalars()
            pids = [int(p) for p in found]
        if pids:
            return pids
        time.sleep(0.05)
    raise AssertionError(f"no backend where {sql}")


def test_an_import_whose_backend_is_terminated_says_in_vietnamese_that_nothing_was_imported(
    pg_url: str, admin: Engine, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "big.csv", 20_000)
    command = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "import", str(sheet), "--db", pg_url],
        env=_environment(tmp_path, "vi_VN.UTF-8"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pids = _when(admin, "state = 'active' AND query LIKE 'INSERT INTO contact%'")
        with admin.connect() as conn:
            for pid in pids:
                conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        _out, err = command.communicate(timeout=120)
    finally:
        command.kill()
    server = f"{make_url(pg_url).host}:{make_url(pg_url).port}"
    assert command.returncode == 1, err
    assert err.strip().splitlines() == [
        f"ketnoi: mất kết nối tới máy chủ cơ sở dữ liệu {server} (máy chủ đã dừng hoặc khởi động lại, "
        "hoặc mạng bị ngắt): chưa nhập gì (cơ sở dữ liệu giữ nguyên như trước); hãy nhập lại khi máy "
        "chủ hoạt động trở lại"
    ], err
    assert not any(w in err for w in WORDS_OF_THE_DRIVER), err
    assert _count(admin, "contact") == 0 and _count(admin, "import_batch") == 0  # (as it says)


def test_a_command_whose_connection_is_reset_says_in_english_that_nothing_was_written(
    pg_url: str, admin: Engine, tmp_path: Path
) -> None:
    """The connection reset under ``ketnoi org add`` while it waits on a lock: the line says the
    connection was lost and nothing was written — as it was not."""
    relay = Relay(pg_url)
    before = _count(admin, "organisation")
    try:
        with admin.connect() as holder:
            holder.execute(text("BEGIN"))
            holder.execute(text("LOCK TABLE organisation IN ACCESS EXCLUSIVE MODE"))
            command = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli",
                    "org",
                    "add",
                    "--name",
                    "Genetica",
                    "--db",
                    relay.url(pg_url),
                ],
                env=_environment(tmp_path, "C.UTF-8"),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            try:
                _when(admin, "wait_event_type = 'Lock'")
                relay.cut()
                _out, err = command.communicate(timeout=60)
            finally:
                command.kill()
            holder.execute(text("ROLLBACK"))
    finally:
        relay.close()
    assert command.returncode == 1, err
    assert err.strip().splitlines() == [
        f"ketnoi: lost the connection to the database server 127.0.0.1:{relay.port} (the server "
        "stopped or restarted, or the network is down): nothing was written (the database is as it "
        "was); run the command again when the server is back"
    ], err
    assert _count(admin, "organisation") == before


def test_a_server_gone_after_the_import_was_written_says_which_import_and_its_undo(
    pg_url: str, admin: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """The import committed; then the server could not be reached (the relay cut and refusing)
    as the command read back what it had created: the line names the import written and its
    undo, in both languages."""
    from app import records
    from app.importing import commands
    from db.engine import unit_of_work
    from db.migrate import open_database

    engine = open_database(pg_url)  # a row the import skips: what it created is read back for it
    try:
        with unit_of_work(engine) as s:
            records.create(s, "contact", {"full_name": "Nguyễn Văn 0", "emails": ["nv0@example.vn"]})
    finally:
        engine.dispose()
    for first, lang, said in (
        (0, "en", "the import had been written: import #{id} (undo: ketnoi undo-import {id})"),
        (1000, "vi", "lần nhập đã được ghi trước đó: lần nhập #{id} (hoàn tác: ketnoi undo-import {id})"),
    ):
        sheet = _sheet(tmp_path / f"{lang}.csv", 30, first)
        relay = Relay(pg_url)
        created = commands._created

        def cut_then_read(*args: Any, relay: Relay = relay, created: Any = created) -> Any:
            relay.cut(refuse=True)
            return created(*args)

        monkeypatch.setattr(commands, "_created", cut_then_read)
        try:
            code = main(
                ["import", str(sheet), "--db", relay.url(pg_url), "--lang", lang, "--on-match", "skip"]
            )
        finally:
            relay.close()
            monkeypatch.undo()
        seen = capsys.readouterr()
        err = seen.err
        with admin.connect() as conn:
            batch = conn.execute(text("SELECT max(id) FROM import_batch")).scalar_one()
        assert code == 1 and batch is not None, (err, seen.out)
        assert err.strip().endswith(said.format(id=batch)), err
        assert len(err.strip().splitlines()) == 1 and not any(w in err for w in WORDS_OF_THE_DRIVER), err
    assert _count(admin, "contact") == 1 + 29 + 30
