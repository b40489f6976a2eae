"""A folder that really is read-only for this process, for tests of what Ketnoi says about it.

Not running as root: ``chmod 0555``. As root (this CI's containers) chmod changes nothing for
this process, so the folder is bind-mounted read-only over itself (``mount --bind`` then
``mount -o remount,ro,bind``) and unmounted afterwards; where mounting is not allowed the test
is skipped. Either way ``os.access(folder, W_OK)`` is False and SQLite cannot create a file in it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("running as root without mount: no way to make a folder read-only here")
    bound = subprocess.run([mount, "--bind", str(folder), str(folder)], check=False, capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"running as root and mount --bind is refused: {bound.stderr.decode().strip()}")
    try:
        ro = subprocess.run([mount, "-o", "remount,ro,bind", str(folder)], check=False, capture_output=True)
        if ro.returncode != 0:
            pytest.skip(f"running as root and a read-only remount is refused: {ro.stderr.decode().strip()}")
        assert not os.access(folder, os.W_OK)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def demo_file(folder: Path) -> Path:
    """``folder`` made, holding ``ketnoi.db`` filled with the demo data and closed cleanly
    (everything in the file: no -wal or -shm beside it)."""
    from app import demo
    from db.migrate import open_database

    folder.mkdir()
    db = folder / "ketnoi.db"
    engine = open_database(f"sqlite:///{db}")
    demo.fill(engine)
    engine.dispose()
    assert sorted(p.name for p in folder.iterdir()) == ["ketnoi.db"]
    return db


def file_digest(path: Path) -> str:
    """The file's bytes as a SHA-256: unchanged means nothing was written into it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
