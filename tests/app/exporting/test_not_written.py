"""An export whose file cannot be written: the file chosen and why (app.written.NotWritten),
no ``.part`` left, and openpyxl's write-only sheets finished (else each says "Exception ignored
in: <generator object WorksheetWriter.get_stream…>" when it is collected)."""

from __future__ import annotations

import errno
import gc
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine

from app.exporting import export_workbook, write_template
from app.written import NotWritten
from db.engine import read_session
from tests.app.exporting.test_export import seed
from tests.read_only import read_only


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    seen: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", seen.append)
    return seen


def _disk_full(self: Workbook, filename: str) -> None:
    raise OSError(errno.ENOSPC, "No space left on device", filename)


def test_a_save_that_fails_says_why_and_finishes_the_sheets(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unraisable: list[Any]
) -> None:
    seed(engine)
    monkeypatch.setattr(Workbook, "save", _disk_full)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "x.xlsx"
    with pytest.raises(NotWritten) as refused, read_session(engine) as s:
        export_workbook(target, session=s)
    assert refused.value.code == "disk_full" and refused.value.path == target
    assert ".part" not in str(refused.value)
    with pytest.raises(NotWritten, match=r"mau\.xlsx was not written: the disk"):
        write_template(out / "mau.xlsx")
    gc.collect()
    assert unraisable == []
    assert list(out.iterdir()) == []


def test_a_read_only_folder_is_said_before_the_records_are_read(
    engine: Engine, tmp_path: Path, unraisable: list[Any]
) -> None:
    seed(engine)
    ro = tmp_path / "ro"
    ro.mkdir()
    with read_only(ro), read_session(engine) as s:
        with pytest.raises(NotWritten) as refused:
            export_workbook(ro / "x.xlsx", session=s, progress=lambda *_: pytest.fail("nothing is read"))
        assert refused.value.code in ("read_only", "no_permission")  # (root: a read-only mount)
        with pytest.raises(NotWritten):
            write_template(ro / "mau.xlsx")
    gc.collect()
    assert unraisable == []
    assert list(ro.iterdir()) == []


def test_a_folder_that_is_not_there_is_not_made(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(NotWritten, match="there is no folder"), read_session(engine) as s:
        export_workbook(tmp_path / "no" / "x.xlsx", session=s)
    with pytest.raises(NotWritten, match="there is no folder"):
        write_template(tmp_path / "no" / "mau.xlsx")
    assert not (tmp_path / "no").exists()
