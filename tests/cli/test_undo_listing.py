"""``ketnoi undo`` without an id lists what can be undone in one consistent layout (reviewer: a
redo's id ``uu43659ecb…`` stood out from the others unexplained): a header saying what the
ids are for, the ids in one column as wide as the longest, when in local time day first, and a
line saying what an id starting "uu" is. The command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.cli.inproc import run_cli


def _run(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang, env={"TZ": "Asia/Ho_Chi_Minh"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_redo_is_listed_in_the_same_columns_and_said_what_it_is(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    first = json.loads(_run(db, "contact", "add", "--name", "Lê Thị Thu Hà", "--json"))
    _run(db, "org", "add", "--name", "Viện Công nghệ sinh học")
    edited = json.loads(_run(db, "contact", "edit", str(first["id"]), "--position", "Giám đốc", "--json"))
    group = _run(db, "undo").splitlines()[1].split()[0]  # the edit, newest
    assert "Edited contact" in _run(db, "undo").splitlines()[1] and edited["changed"]
    _run(db, "undo", group)  # undone: its undo is "u" + group
    _run(db, "undo", "u" + group)  # and that undo undone: a redo, "uu" + group

    lines = _run(db, "undo").splitlines()
    assert lines[0] == "Can be undone, newest first (ketnoi undo ID):"
    rows = [line for line in lines[1:] if re.match(r"^u*[0-9a-f]{32} ", line)]
    assert rows[0].startswith(f"uu{group} ") and "Redo: Edited contact" in rows[0]
    assert len(rows) >= 2
    starts = {re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", r).start() for r in rows}  # type: ignore[union-attr]
    assert starts == {len("uu") + 32 + 2}  # one column for every id, the longest's width
    assert lines[-1] == 'An ID starting "uu" is a redo (an undo that was undone); give it as shown.'

    vi = _run(db, "undo", lang="vi_VN.UTF-8").splitlines()
    assert vi[0] == "Có thể hoàn tác, mới nhất trước (ketnoi undo MÃ):"
    assert "Làm lại: Sửa liên hệ" in vi[1] and vi[-1].startswith("Mã bắt đầu bằng “uu” là một lần làm lại")
