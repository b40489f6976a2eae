"""``ketnoi letter list`` and ``letter show`` mark a confidential letter "(Confidential)" /
"(Mật)" after its subject, as the briefs and the calendar files mark a confidential record and
the window's list shows its lock (reviewer: the window showed the lock, the command line
printed the letter of a confidential action like any other); an ordinary letter stays unmarked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"
SECRET, PLAIN = "V/v định giá Genetica", "V/v hội thảo AI"


def _ok(db: Path, *argv: str, lang: str = EN) -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A letter answering a confidential action (#1, confidential as its action) and an
    ordinary one (#2)."""
    path = tmp_path / "k.db"
    _ok(path, "org", "add", "--name", "Genetica")
    _ok(path, "action", "add", "--title", "Gửi thư", "--organisation", "Genetica", "--confidential")
    _ok(path, "letter", "add", "--subject", SECRET, "--organisation", "Genetica", "--action", "1")
    _ok(path, "letter", "add", "--subject", PLAIN, "--organisation", "Genetica")
    letters = json.loads(_ok(path, "letter", "list", "--json"))["letters"]
    assert {r["id"]: r["confidential"] for r in letters} == {1: True, 2: False}
    return path


@pytest.mark.parametrize(("lang", "mark"), [(EN, "(Confidential)"), (VI, "(Mật)")])
def test_letter_list_and_show_mark_a_confidential_letter(db: Path, lang: str, mark: str) -> None:
    listed = {line.split()[0]: line for line in _ok(db, "letter", "list", lang=lang).splitlines()}
    assert listed["#1"].endswith(f"{SECRET} {mark} — Genetica"), listed
    assert listed["#2"].endswith(f"{PLAIN} — Genetica") and mark not in listed["#2"], listed
    first = _ok(db, "letter", "show", "1", lang=lang).splitlines()[0]
    assert first.startswith("#1 ") and first.endswith(f"{SECRET} {mark} — Genetica"), first
    other = _ok(db, "letter", "show", "2", lang=lang).splitlines()[0]
    assert other.endswith(f"{PLAIN} — Genetica") and mark not in other, other
