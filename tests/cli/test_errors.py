"""Errors the command line gives in one line, with the exit codes the README states:
0 done, 1 an error, 2 a usage error (argparse), 130 interrupted."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

READERS = [
    ["search", "nguyen"],
    ["info"],
    ["contact", "list"],
    ["org", "show", "1"],
    ["due"],
    ["history", "contact", "1"],
    ["trash"],
    ["action", "done", "1"],
    ["export", "out.xlsx"],
    ["brief", "org", "NIC"],
]
WRITERS = [
    ["demo"],
    ["org", "add", "--name", "NIC"],
    ["log-meeting", "--title", "Họp", "--at", "2026-12-01 09:00"],
    ["import", str(Path(__file__).resolve().parents[1] / "data" / "missing.csv")],
]


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ketnoi: ") and "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_command_that_reads_refuses_a_database_that_does_not_exist(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "new-folder" / "k.db"
    assert main([*args, "--db", str(missing)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line == f"ketnoi: no database at {missing}; run ketnoi demo or pass an existing file"
    assert not missing.parent.exists()  # no empty database, no new folder
    assert main([*args, "--db", str(tmp_path / "k.db")]) == 1
    assert not (tmp_path / "k.db").exists()


def test_the_default_database_must_exist_too_for_reading(capsys: pytest.CaptureFixture[str]) -> None:
    from db.paths import data_dir

    assert main(["info"]) == 1  # tests/conftest.py points the data directory at an empty folder
    said = (  # (not "run ketnoi demo": it writes the sample, another file)
        f"ketnoi: no database at {data_dir() / 'ketnoi.db'} yet: it is made when you first add or "
        "import records, or open the window; ketnoi demo writes a sample database of its own"
    )
    assert _one_line(capsys.readouterr().err) == said
    assert main(["demo"]) == 0  # the sample database of its own, never the default one
    capsys.readouterr()
    assert main(["info"]) == 1
    assert _one_line(capsys.readouterr().err) == said
    from app.sample_data import sample_path

    assert main(["info", "--db", str(sample_path())]) == 0


@pytest.mark.parametrize("args", WRITERS, ids=lambda a: a[0])
def test_a_command_that_writes_creates_the_file_but_not_a_folder(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "k.db"
    assert main([*args, "--db", str(missing)]) == 1
    line = _one_line(capsys.readouterr().err)
    assert (
        line == f"ketnoi: no folder {missing.parent} for the database; create it first or pass another path"
    )
    assert not missing.parent.exists()


def test_writers_create_a_new_file_in_an_existing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    assert main(["org", "add", "--name", "NIC", "--db", str(db)]) == 0
    assert db.exists()
    fresh = tmp_path / "m.db"
    assert main(["log-meeting", "--title", "Họp", "--at", "2026-12-01 09:00", "--db", str(fresh)]) == 0
    assert fresh.exists()


def test_postgresql_without_its_driver_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    assert main(["info", "--db", "postgresql://ketnoi@localhost/ketnoi"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "pip install 'ketnoi[postgres]'" in line


@pytest.mark.parametrize("url", ["mysql://u@localhost/k", "foo://bar", "oracle+cx://x/y"])
def test_an_unsupported_url_scheme_is_one_line(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--db", url]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("ketnoi: unsupported database URL scheme") and "postgresql://" in line


def test_a_negative_scale_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    assert main(["demo", "--scale", "-5", "--db", str(db)]) == 1
    assert _one_line(capsys.readouterr().err) == "ketnoi: --scale is a number of contacts, 0 or more (not -5)"
    assert not db.exists()


def test_usage_errors_exit_2_and_an_interrupt_130(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["contact", "frobnicate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["action", "reschedule", "1"])  # --to is required
    assert info.value.code == 2
    db = tmp_path / "k.db"
    assert main(["contact", "add", "--name", "Lê Hoa", "--db", str(db)]) == 0

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("app.search.search", interrupted)
    capsys.readouterr()
    assert main(["search", "le", "--db", str(db)]) == 130
    assert capsys.readouterr().err.strip() == "ketnoi: interrupted"


def test_a_reader_that_goes_away_stops_it_quietly_and_successfully(tmp_path: Path) -> None:
    """``ketnoi contact list --json | head -c 100`` on a big database: the reader chose to stop,
    so ketnoi stops without a word and exits 0 (it said "output closed early (broken pipe)" and
    exited 1, failing scripts run with ``set -o pipefail``)."""
    db = tmp_path / "k.db"
    assert main(["demo", "--scale", "600", "--db", str(db)]) == 0
    cmd = [sys.executable, "-m", "app.cli", "contact", "list", "--limit", "700", "--json", "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)  # the first bytes, then the reader closes the pipe
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""
    # the shell's own pipe, as a script writes it
    script = f"set -o pipefail; {shlex.join(cmd)} | head -2"
    shell = subprocess.run(["bash", "-c", script], check=False, capture_output=True, text=True, timeout=120)
    assert shell.returncode == 0, shell.stderr
    assert shell.stderr == "" and len(shell.stdout.splitlines()) == 2
