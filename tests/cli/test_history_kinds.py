"""``ketnoi history KIND …`` takes every kind the history holds (staff, letters and attachments
too), and a wrong kind's error lists plain words, not the Kind enum's reprs. The staff role
history set-role writes is read back in tests/db/test_team.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_history_of_a_staff_member(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert _run(capsys, "demo", "--scale", "1", "--db", db)[0] == 0  # its staff: 1 Trần Minh Quang
    for record in ("1", "Trần Minh Quang", "tran minh quang"):
        code, out, err = _run(capsys, "history", "staff", record, "--db", db, "--json")
        assert code == 0, err
        found = json.loads(out)
        assert (found["kind"], found["id"], found["label"]) == ("staff", 1, "Trần Minh Quang")
        assert [c["op"] for c in found["changes"]] == ["create"]
    code, out, err = _run(capsys, "history", "staff", "1", "--db", db)
    assert code == 0 and out.startswith("staff #1  Trần Minh Quang\n") and "Created" in out, err


def test_a_wrong_kind_lists_the_kinds_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    code, _out, err = _run(capsys, "history", "people", "1", "--db", db)
    assert code == 2
    assert "Kind." not in err and "<" not in err, err
    assert "'staff'" in err and "'organisation'" in err and "'letter'" in err, err
    code, _out, err = _run(capsys, "trash", "--kind", "people", "--db", db)
    assert code == 2 and "Kind." not in err and "'staff'" in err, err


def test_a_letter_is_named_by_its_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "k.db")
    assert _run(capsys, "org", "add", "--name", "NIC", "--db", db)[0] == 0
    code, _out, err = _run(capsys, "history", "letter", "thư mời", "--db", db)
    assert code == 1 and "give the letter's id" in err and err.count("\n") == 1, err
    code, _out, err = _run(capsys, "history", "letter", "999", "--db", db)
    assert code == 1 and "999" in err and "Traceback" not in err, err
