"""Ctrl+C during the other long commands (export, demo --scale, backup, brief): one line in the
CLI's language that says what was written, exit 130 (each said only "interrupted", and a Ctrl+C
as the database closed after the command escaped as a traceback)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.cli.inproc import run_cli

VI = "vi_VN.UTF-8"


def interrupt(*_a: Any, **_k: Any) -> None:
    raise KeyboardInterrupt


def stopped(db: Path | None, *args: str, lang: str = "en_GB.UTF-8") -> Any:
    try:
        return run_cli(db, *args, lang=lang)
    except KeyboardInterrupt:
        pytest.fail("the KeyboardInterrupt escaped the command")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.db"
    assert run_cli(path, "contact", "add", "--name", "Lê Hoa").returncode == 0
    return path


def test_export_stopped_before_and_after_its_workbook_is_written(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "all.xlsx"
    with monkeypatch.context() as mp:
        mp.setattr("app.exporting.commands.export_workbook", interrupt)
        done = stopped(db, "export", str(target))
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        [f"ketnoi: interrupted: {target} was not written"],
    )
    monkeypatch.setattr("db.engine.settle_if_moved", interrupt)  # as the database closes
    done = stopped(db, "export", str(target), lang=VI)
    assert done.returncode == 130
    assert done.stderr.splitlines() == [f"ketnoi: đã dừng (Ctrl+C) sau khi đã ghi {target}"]
    assert target.exists()


def test_demo_stopped_while_it_writes_and_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.db"
    with monkeypatch.context() as mp:
        mp.setattr("app.demo.fill_scale", interrupt)
        done = stopped(db, "demo", "--scale", "10", lang=VI)
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        ["ketnoi: đã dừng (Ctrl+C): chưa ghi dữ liệu mẫu nào"],
    )
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM contact").fetchone() == (0,)
    monkeypatch.setattr("db.engine.settle_if_moved", interrupt)
    done = stopped(db, "demo")
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        ["ketnoi: interrupted after the demo data was written"],
    )


def test_backup_stopped_while_it_copies(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.backup.copy", interrupt)
    done = stopped(db, "backup", str(tmp_path / "copy.db"))
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        ["ketnoi: interrupted: no backup was written"],
    )
    assert not (tmp_path / "copy.db").exists()


def test_brief_stopped_while_its_pdf_is_made(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "hoa.pdf"
    with monkeypatch.context() as mp:
        mp.setattr("app.briefing.commands.produce", interrupt)
        done = stopped(db, "brief", "contact", "1", "-o", str(target), lang=VI)
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        [f"ketnoi: đã dừng (Ctrl+C): chưa ghi {target}"],
    )
    monkeypatch.setattr("db.engine.settle_if_moved", interrupt)
    done = stopped(db, "brief", "contact", "1", "-o", str(target))
    assert (done.returncode, done.stderr.splitlines()) == (
        130,
        [f"ketnoi: interrupted after {target} was written"],
    )


def test_stopped_while_the_command_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the command began (its module loading, a second on a slow laptop): a traceback."""
    monkeypatch.setattr("app.cli.build_parser", interrupt)
    done = stopped(None, "import", "x.xlsx", lang=VI)
    assert (done.returncode, done.stderr.splitlines()) == (130, ["ketnoi: đã dừng (Ctrl+C)"])
