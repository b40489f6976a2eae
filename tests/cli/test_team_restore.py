"""``ketnoi restore`` on a team database: refused in one line that says why and how a team
database is put back (reviewer: it printed the note about automatic copies, in either language).
No server is needed: the refusal comes before any connection."""

from __future__ import annotations

from pathlib import Path

from tests.cli.inproc import run_cli

TEAM_URL = "postgresql+psycopg://hoa@127.0.0.1:1/ketnoi"  # no server there: never reached


def test_restore_on_a_team_database_is_refused_and_says_how_the_owner_restores(tmp_path: Path) -> None:
    dump = tmp_path / "lan-backup.dump"
    dump.write_bytes(b"PGDMP")
    done = run_cli(None, "restore", str(dump), "--db", TEAM_URL)
    assert done.returncode == 1 and done.stdout == ""
    err = done.stderr
    assert len(err.strip().splitlines()) == 1, err
    assert "refused on a team database" in err, err
    assert "by its owner with pg_restore" in err and "into an empty database" in err, err
    assert "docs/team.md" in err, err
    assert "automatic copies" not in err, err  # (the `backups` note it printed)


def test_restore_on_a_team_database_is_refused_in_vietnamese(tmp_path: Path) -> None:
    dump = tmp_path / "lan-backup.dump"
    dump.write_bytes(b"PGDMP")
    err = run_cli(None, "restore", str(dump), "--db", TEAM_URL, lang="vi_VN.UTF-8").stderr
    assert len(err.strip().splitlines()) == 1, err
    assert "bị từ chối trên cơ sở dữ liệu nhóm" in err, err
    assert "chủ sở hữu khôi phục bằng pg_restore" in err and "vào một cơ sở dữ liệu trống" in err, err
    assert "bản sao tự động" not in err, err
