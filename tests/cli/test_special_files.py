"""A named pipe (or a device) given where a file is read is refused at once, by every command
that reads one (reviewer: import, attach, log-email and an .ics import each waited until killed
for a writer that never came)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["import", "{fifo}.csv"], "is not an ordinary file (a pipe, a device or a socket): choose the file"),
        (["import", "{fifo}.vcf"], "is not an ordinary file (a pipe, a device or a socket): choose the file"),
        (["import", "{fifo}.ics"], ": not an ordinary file (a pipe, a device or a socket)."),
        (["attach", "contact", "1", "{fifo}.pdf"], "is not an ordinary file (a pipe, a device or a socket)"),
        (["log-email", "{fifo}.eml"], "is not an ordinary file (a pipe, a device or a socket)"),
    ],
    ids=["xlsx-or-csv", "vcard", "ics", "attach", "log-email"],
)
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, args: list[str], said: str) -> None:
    db = tmp_path / "k.db"
    env = {**os.environ, "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    env.pop("KETNOI_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "app.cli", "demo", "--db", str(db)], env=env, cwd=ROOT,
                   capture_output=True, timeout=300, check=True)  # fmt: skip
    argv = [a.replace("{fifo}", str(tmp_path / "fifo")) for a in args]
    os.mkfifo(argv[-1])
    before = db.stat().st_mtime_ns
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *argv, "--db", str(db)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # (the old code waited for ever: a TimeoutExpired here)
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert said in done.stderr
    assert db.stat().st_mtime_ns == before  # nothing written


def test_a_named_pipe_is_no_database_nor_a_backup(tmp_path: Path) -> None:
    """Opening one said only "disk I/O error"; restoring from one said it "does not exist"."""
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    env = {**os.environ, "LANG": "C.UTF-8", "HOME": str(tmp_path)}
    run = [sys.executable, "-m", "app.cli"]
    opened = subprocess.run([*run, "info", "--db", str(fifo)], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=False)  # fmt: skip
    assert opened.returncode == 1
    assert "is not an ordinary file (a pipe, a device or a socket), not a database" in opened.stderr
    db = tmp_path / "k.db"
    restored = subprocess.run([*run, "restore", str(fifo), "--db", str(db)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert restored.returncode == 1
    assert f"Not restoring: {fifo} is not an ordinary file" in restored.stderr
