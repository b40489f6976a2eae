"""A control character in a cell stands where its program had a separator: it becomes a space,
never nothing (reviewer h118: "Lê Văn_x0007_Chuông" — a bell, as a workbook writes it —
imported as the name "Lê VănChuông", "Kỹ_x000B_sư" as the position "Kỹsư")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.vntext import clean, clean_multiline
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli


def test_a_control_character_between_words_becomes_a_space(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "kýtự.xlsx",
        {
            "Danh bạ": [
                ["Họ và tên", "Chức vụ", "Đơn vị", "Email", "Ghi chú"],
                [
                    "Lê Văn_x0007_Chuông",
                    "Kỹ_x000B_sư",
                    "Viện Ký Tự_x001F_Lạ",
                    "kt@x.example.vn",
                    "ghi_x0000_chú",
                ],
            ]
        },
    )
    db = tmp_path / "k.db"
    done = run_cli(db, "import", str(book))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as con:
        contact = con.execute("SELECT full_name, given_name, position, notes FROM contact").fetchall()
        orgs = con.execute("SELECT name FROM organisation").fetchall()
    con.close()
    assert contact == [("Lê Văn Chuông", "Chuông", "Kỹ sư", "ghi chú")]
    assert orgs == [("Viện Ký Tự Lạ",)]


def test_clean_spaces_control_characters_and_collapses_them() -> None:
    assert clean("Lê Văn\x07Chuông") == "Lê Văn Chuông"
    assert clean("Lê \x00\x1b Văn") == "Lê Văn"
    assert clean("\x07An\x7f") == "An"
    assert clean_multiline("dòng\x07một\nhai\x00 ba") == "dòng một\nhai ba"
