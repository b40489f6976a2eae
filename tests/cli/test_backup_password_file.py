"""``ketnoi backup`` of a team database finds the password where the command's own connection
found it (reviewer h107: a login whose password the IT person put in ~/.pgpass, as docs/team.md
says, got "pg_dump failed: Password:" from Back up now and from ``ketnoi backup``, while every
other command worked — pg_dump was always told to read Ketnoi's own password file, even when
there was none). Ketnoi's file still comes first when it holds the login; when it holds only
another server's, it no longer hides ~/.pgpass from any connection. A pg_dump that fails says
its own reason, not the "perl: warning: Setting locale failed." of its wrapper under a locale
this computer lacks, and says it in the CLI's language.

The test server trusts every local login, so a password gate (tests/pg_gate.py) stands in front
of it and asks each connection for one; the dump itself is of the real database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app import records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.pg_gate import PasswordGate

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Gate-pw-2026"
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump here"),
]


@pytest.fixture
def gate(pg_url: str) -> Iterator[PasswordGate]:
    engine = open_database(pg_url)
    try:
        with unit_of_work(engine) as s:
            records.create(s, "organisation", {"name": "Genetica"})
    finally:
        engine.dispose()
    g = PasswordGate(pg_url, PASSWORD)
    yield g
    g.close()


def _login(pg_url: str) -> tuple[str, str]:
    u = make_url(pg_url)
    return str(u.username), str(u.database)


def _environment(home: Path, lang: str = "C.UTF-8") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "LC_", "KETNOI_", "LANG"))}
    # (the PYTHONPATH before ours kept: under CI's faketime it holds the sitecustomize that mends
    # time.sleep, which subprocess's wait with a timeout calls: "[Errno 22] Invalid argument")
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env |= {"HOME": str(home), "KETNOI_DATA_DIR": str(home / "data"), "LANG": lang, "PYTHONPATH": path}
    return env


def _pgpass(path: Path, *lines: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    path.chmod(0o600)


def _ketnoi(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _holds_genetica(dump: Path) -> bool:
    sql = subprocess.run(
        [shutil.which("pg_restore") or "pg_restore", "-f", "-", "-a", "-t", "organisation", str(dump)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "Genetica" in sql


def test_the_password_in_home_pgpass_is_found_by_the_backup(
    gate: PasswordGate, pg_url: str, tmp_path: Path
) -> None:
    user, database = _login(pg_url)
    home = tmp_path / "home"
    _pgpass(home / ".pgpass", f"127.0.0.1:{gate.port}:{database}:{user}:{PASSWORD}")
    env, url = _environment(home), gate.url(user, database)
    searched = _ketnoi(env, "search", "genetica", "--db", url)
    assert searched.returncode == 0 and "Genetica" in searched.stdout, searched.stderr
    dump = tmp_path / "team.dump"
    done = _ketnoi(env, "backup", str(dump), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "Dumped" in done.stdout and _holds_genetica(dump)
    assert None not in gate.given and set(gate.given) == {PASSWORD}  # (never asked in vain)


def test_ketnois_file_holding_another_servers_password_does_not_hide_home_pgpass(
    gate: PasswordGate, pg_url: str, tmp_path: Path
) -> None:
    """Settings → Database remembered a password for another server in Ketnoi's own file: the
    connection was told to read that file alone, and asked this login for a password."""
    user, database = _login(pg_url)
    home = tmp_path / "home"
    _pgpass(home / "data" / "pgpass", f"db.example.org:5432:ketnoi:lan:{'other'}")
    _pgpass(home / ".pgpass", f"127.0.0.1:{gate.port}:*:{user}:{PASSWORD}")
    env, url = _environment(home), gate.url(user, database)
    searched = _ketnoi(env, "search", "genetica", "--db", url)
    assert searched.returncode == 0 and "Genetica" in searched.stdout, searched.stderr
    dump = tmp_path / "team.dump"
    done = _ketnoi(env, "backup", str(dump), "--db", url)
    assert done.returncode == 0, done.stderr
    assert _holds_genetica(dump)


def test_ketnois_file_comes_first_when_it_holds_the_login_and_pgpassfile_is_read(
    gate: PasswordGate, pg_url: str, tmp_path: Path
) -> None:
    user, database = _login(pg_url)
    home = tmp_path / "home"
    _pgpass(home / ".pgpass", f"127.0.0.1:{gate.port}:{database}:{user}:wrong")
    _pgpass(home / "data" / "pgpass", f"127.0.0.1:{gate.port}:{database}:{user}:{PASSWORD}")
    env, url = _environment(home), gate.url(user, database)
    done = _ketnoi(env, "backup", str(tmp_path / "a.dump"), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "wrong" not in gate.given
    # no file of Ketnoi's: the user's own PGPASSFILE, as libpq reads it
    (home / "data" / "pgpass").unlink()
    _pgpass(tmp_path / "mine.conf", f"127.0.0.1:{gate.port}:{database}:{user}:{PASSWORD}")
    done = _ketnoi(
        env | {"PGPASSFILE": str(tmp_path / "mine.conf")}, "backup", str(tmp_path / "b.dump"), "--db", url
    )
    assert done.returncode == 0, done.stderr
    assert _holds_genetica(tmp_path / "b.dump")


def test_a_failed_pg_dump_says_its_reason_in_both_languages_not_a_locale_warning(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under LANG=vi_VN.UTF-8 on a computer without that locale, the wrapper's perl warning was
    the whole message. pg_dump runs in the C locale now; its reason comes whole, in a sentence
    of the person's language."""
    from db import backup as backups

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    missing = make_url(pg_url).set(database="ketnoi_no_such_db").render_as_string(False)
    with pytest.raises(backups.BackupError) as raised:
        backups.pg_dump(missing, tmp_path / "x.dump")
    en, vi = str(raised.value), raised.value.vi
    assert en.startswith("pg_dump failed: ") and 'database "ketnoi_no_such_db" does not exist' in en, en
    assert vi.startswith(
        'pg_dump không tạo được bản sao: cơ sở dữ liệu "ketnoi_no_such_db" không tồn tại. '
    ), vi
    assert vi.endswith(f"Thông báo gốc của pg_dump (tiếng Anh): “{en.removeprefix('pg_dump failed: ')}”"), vi
    assert "perl" not in en + vi and "locale" not in en + vi
    assert not (tmp_path / "x.dump").exists()
