import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert f"Ketnoi {__version__}" in capsys.readouterr().out


def test_demo_then_search_prints_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert main(["demo", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "contacts" in out
    assert main(["search", "nguyen", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Nguyễn Thị Hồng Nhung" in out
    assert main(["search", "hoa", "lac", "--db", db]) == 0
    assert "Hòa Lạc" in capsys.readouterr().out


def test_demo_refuses_a_database_with_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert main(["demo", "--db", db]) == 0
    capsys.readouterr()
    assert main(["demo", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ketnoi: ") and "already has records of its own" in err and "demo --db" in err
    assert "Traceback" not in err


def test_demo_has_the_story_the_brief_promises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    main(["demo", "--db", db])
    for query, expected in [
        ("genetica", "Gửi thư giới thiệu Genetica"),
        ("nic", "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)"),
        ("viettel", "Viettel"),
        ("vnquantum", "VNQuantum"),
        ("visecurity", "ViSecurity"),
        ("fpt", "FPT"),
    ]:
        capsys.readouterr()
        main(["search", query, "--db", db])
        assert expected in capsys.readouterr().out, query


def test_scale_generates_proportional_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert main(["demo", "--db", db, "--scale", "500"]) == 0
    capsys.readouterr()
    assert main(["info", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "520 contacts" in out  # 20 story contacts + 500 generated
    assert "57 meetings" in out


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database, it is a text file" * 100)
    result = _run("search", "x", "--db", str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ketnoi: ")
    assert "Traceback" not in result.stderr
    assert f"{bad} is not a Ketnoi database (not an SQLite file); not opening it." in lines[0]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"garbage" * 1000)
    result = _run("search", "x", "--db", str(bad), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_environment_variable_selects_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("KETNOI_DATABASE_URL", f"sqlite:///{db}")
    assert main(["demo"]) == 0
    assert db.exists()
    capsys.readouterr()
    main(["info"])
    assert str(db) in capsys.readouterr().out
