"""Team mode's commands on a laptop's SQLite file: the confidential flag is kept (one person sees
everything), and the PostgreSQL-only commands say so in one line. The server side is
tests/db/test_team.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_confidential_records_on_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    code, out, err = _run(capsys, "org", "add", "--name", "Genetica", "--confidential", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out)["record"]["confidential"] is True
    code, out, err = _run(
        capsys, "log-meeting", "--title", "Họp kín", "--at", "2026-11-20 10:00", "--confidential",
        "--follow-up", "Gửi báo cáo;due=+1w", "--db", db, "--json",
    )  # fmt: skip
    assert code == 0, err
    logged = json.loads(out)
    assert logged["meeting"]["confidential"] is True
    assert [a["confidential"] for a in logged["actions"]] == [True]
    code, out, _err = _run(capsys, "search", "hop kin", "--db", db)
    assert "Họp kín" in out  # one person: they see everything
    code, out, err = _run(capsys, "org", "edit", "Genetica", "--set", "confidential=no", "--db", db, "--json")
    assert code == 0 and json.loads(out)["record"]["confidential"] is False, err
    code, _out, err = _run(capsys, "org", "edit", "Genetica", "--set", "confidential=maybe", "--db", db)
    assert code == 1 and "confidential: yes or no" in err


def test_team_commands_on_sqlite_say_what_they_need(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")
    assert _run(capsys, "org", "add", "--name", "NIC", "--db", db)[0] == 0
    code, _out, err = _run(capsys, "admin", "init", "--db", db)
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "team roles need a PostgreSQL database" in err and "ketnoi copy-db" in err, err  # (reviewer)
    # not "run ketnoi admin init first" (init refuses a file: the advice went round in a circle)
    for argv in (
        ("admin", "list-users"),
        ("admin", "set-role", "lan", "--role", "officer"),
        ("admin", "disable-user", "lan"),
    ):
        code, _out, err = _run(capsys, *argv, "--db", db)
        assert code == 1 and len(err.strip().splitlines()) == 1, (argv, err)
        assert "team roles need a PostgreSQL database" in err and "ketnoi copy-db" in err, (argv, err)
        assert "run ketnoi admin init first" not in err, (argv, err)
    code, out, err = _run(capsys, "whoami", "--db", db, "--json")
    assert code == 0 and json.loads(out)["team"] is False, err
