"""A failed pg_dump is said in Vietnamese with its reason in Vietnamese where Ketnoi knows it,
and pg_dump's own English words set apart as its message (reviewer: "pg_dump không tạo được
bản sao: permission denied for table organisation" ran the tool's English into the Vietnamese
sentence as if it were Vietnamese). pg_dump here is a stand-in on PATH that fails as pg_dump
fails (its stderr, exit status 1), so no server is needed: the URL names a port no one
listens on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from db import backup as backups

URL = "postgresql+psycopg://ketnoi@127.0.0.1:9/ketnoi"


def _fake_pg_dump(folder: Path, stderr: str, status: int = 1) -> None:
    folder.mkdir(exist_ok=True)
    tool = folder / "pg_dump"
    (folder / "stderr.txt").write_text(stderr, encoding="utf-8")
    tool.write_text(f"#!/bin/sh\ncat '{folder / 'stderr.txt'}' >&2\nexit {status}\n", encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)


def _failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: str, status: int = 1
) -> tuple[str, str]:
    _fake_pg_dump(tmp_path / "bin", stderr, status)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(backups.BackupError) as raised:
        backups.pg_dump(URL, tmp_path / "x.dump")
    return str(raised.value), raised.value.vi


@pytest.mark.parametrize(
    ("stderr", "en", "vi"),
    [
        (
            "pg_dump: error: query failed: ERROR:  permission denied for table organisation\n",
            "pg_dump failed: query failed: ERROR:  permission denied for table organisation",
            "pg_dump không tạo được bản sao: tài khoản này không có quyền đọc bảng organisation. Thông báo gốc của "
            "pg_dump (tiếng Anh): “query failed: ERROR:  permission denied for table organisation”",
        ),
        (
            "pg_dump: error: aborting because of server version mismatch\n"
            "pg_dump: detail: server version: 17.2; pg_dump version: 15.10\n",
            "pg_dump failed: aborting because of server version mismatch",
            "pg_dump không tạo được bản sao: pg_dump trên máy này cũ hơn máy chủ PostgreSQL: hãy cài pg_dump "
            "cùng phiên bản với máy chủ (hoặc mới hơn). Thông báo gốc của pg_dump (tiếng Anh): “aborting "
            "because of server version mismatch”",
        ),
        (
            "pg_dump: error: something no one has seen before\n",
            "pg_dump failed: something no one has seen before",
            "pg_dump không tạo được bản sao. Thông báo gốc của pg_dump (tiếng Anh): “something no one has "
            "seen before”",
        ),
        ("", "pg_dump failed: exit status 1", "pg_dump không tạo được bản sao (mã thoát 1)"),
    ],
)
def test_the_vietnamese_sentence_says_the_reason_or_frames_pg_dumps_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stderr: str, en: str, vi: str
) -> None:
    said_en, said_vi = _failure(tmp_path, monkeypatch, stderr)
    assert (said_en, said_vi) == (en, vi)
    assert not (tmp_path / "x.dump").exists()


def test_a_pg_dump_that_cannot_be_started_frames_the_systems_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "pg_dump").write_text("#!/no/such/interpreter\n", encoding="utf-8")
    (folder / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(backups.BackupError) as raised:
        backups.pg_dump(URL, tmp_path / "x.dump")
    assert str(raised.value).startswith("pg_dump did not run: [Errno "), str(raised.value)
    vi = raised.value.vi
    assert vi.startswith("pg_dump không chạy được. Thông báo gốc của hệ thống (tiếng Anh): “[Errno "), vi
    assert vi.endswith("”"), vi
