"""An actions sheet's "who owes it" column in the words offices write: "Họ nợ", "Đối tác nợ",
"Bên kia làm", "Họ phải làm" are the partner's; "Ta nợ", "Chúng ta nợ" ours. Reviewer h98: each
of those was "kept in the notes" and the action filed as ours, so the partner's commitments
landed in our overdue list, and the warning never said the action had become "We owe"."""

from __future__ import annotations

import json
from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli

ROWS = {
    "Genetica gửi báo cáo": ("Họ nợ", "they_owe"),
    "Bộ TT&TT gửi góp ý": ("Đối tác nợ", "they_owe"),
    "NVIDIA gửi điều khoản": ("Bên kia làm", "they_owe"),
    "Viettel gửi đề xuất": ("Họ phải làm", "they_owe"),
    "Partner sends the terms": ("They have to send", "they_owe"),
    "Gửi thư giới thiệu": ("Ta nợ", "we_owe"),
    "Gửi dự thảo": ("Chúng ta nợ", "we_owe"),
    "Hẹn lịch": ("Chưa rõ", "we_owe"),
}


def test_who_owes_it_is_read_from_the_words_offices_write(tmp_path: Path) -> None:
    book = tmp_path / "viec.xlsx"
    write_xlsx(book, {"Việc cần làm": [["Việc", "Chiều", "Hạn"]]
                      + [[title, words, "20/12/2026"] for title, (words, _d) in ROWS.items()]})  # fmt: skip
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        done = run_cli(db, "import", str(book), "--kind", "action")
        assert done.returncode == 0, done.stderr
        said = done.stdout + done.stderr
        listed = run_cli(db, "action", "list", "--json")
    directions = {a["title"]: a["direction"] for a in json.loads(listed.stdout)["items"]}
    assert directions == {title: d for title, (_w, d) in ROWS.items()}
    # the one not read says what the action became, and how to write it
    assert '"Chưa rõ" does not say who owes it: kept in the notes, and the action is "We owe"' in said
    assert "Họ nợ" not in said
