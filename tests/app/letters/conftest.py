"""What the letter tests share: ``run``, the command line on the test's database (its output;
the command must succeed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

Run = Callable[..., str]


@pytest.fixture
def run(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> str:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    return run
