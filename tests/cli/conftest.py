"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.inproc import as_in_a_test, run_cli


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture(scope="module")
def reorganised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """MPI merged into MOF, Hội A split into Hội B and C, on 01/03/2025 (built once)."""
    path = tmp_path_factory.mktemp("reorg") / "k.db"
    with as_in_a_test(path.parent):
        for name, acronym in (("Bộ Tài chính", "MOF"), ("Bộ Kế hoạch và Đầu tư", "MPI"), ("Hội A", "HA"),
                              ("Hội B", "HB"), ("Hội C", "HC")):  # fmt: skip
            _ok(path, "org", "add", "--name", name, "--acronym", acronym)
        _ok(path, "org", "succeed", "MPI", "--into", "MOF", "--on", "01/03/2025")
        _ok(path, "org", "succeed", "HA", "--into", "HB", "--into", "HC", "--split", "--on", "01/03/2025")
    return path
