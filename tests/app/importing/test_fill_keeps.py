"""An update that fills blanks only says what it leaves as the record has it: a reviewer's
re-import of a promotion ("Viện trưởng" → "Phó Viện trưởng", a later last-met date) showed as
"nothing new" with no hint that the sheet differed. (A later last-met date is now taken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.importing.messages import text
from tests.app.importing.helpers import do_import, preview, write_xlsx

HEADER = ["Họ và tên", "Chức vụ", "Email", "Ngày gặp gần nhất"]


def test_fill_names_what_it_leaves_and_overwrite_replaces_it(engine: Engine, tmp_path: Path) -> None:
    do_import(
        engine,
        write_xlsx(
            tmp_path / "a.xlsx",
            {"S": [HEADER, ["Nguyễn Văn Hùng", "Viện trưởng", "hung@ioit.vn", "15/03/2026"]]},
        ),
    )
    later = write_xlsx(
        tmp_path / "b.xlsx",
        {"S": [HEADER, ["Nguyễn Văn Hùng", "Phó Viện trưởng", "hung@ioit.vn", "15/05/2026"]]},
    )
    (row,) = preview(engine, later).rows
    # the later last-met day is taken in "fill" too (tests/app/importing/test_last_met_reimport.py)
    assert row.status == "update" and list(row.changes) == ["last_contacted_on"]
    said = [text(r) for r in row.reasons if r.code == "fill_keeps"]
    assert said == [
        'left as #1 has it (the sheet differs): Position: "Viện trưởng" → "Phó Viện trưởng"; '
        '"overwrite" would replace it'
    ]
    # "the sheet differs" is what the sheet says, not another sheet ("trang tính khác" read so)
    vi = text(row.reasons[-1], "vi")
    assert "(trang tính ghi khác)" in vi and 'chọn "ghi đè" để lấy giá trị trong trang tính' in vi
    (row,) = preview(engine, later, on_match="overwrite").rows
    assert row.status == "update" and not [r for r in row.reasons if r.code == "fill_keeps"]


def test_fill_says_nothing_when_the_sheet_agrees(engine: Engine, tmp_path: Path) -> None:
    sheet = write_xlsx(
        tmp_path / "a.xlsx", {"S": [HEADER, ["Nguyễn Văn Hùng", "Viện trưởng", "hung@ioit.vn", None]]}
    )
    do_import(engine, sheet)
    (row,) = preview(engine, sheet).rows
    assert row.status == "skip" and [r.code for r in row.reasons] == ["nothing_new"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "row 2 (not changed): left as #1"), ("vi", "dòng 2 (không đổi): giữ nguyên như #1")],
)
def test_the_cli_lists_what_fill_leaves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    from app.cli import main

    db = str(tmp_path / "k.db")
    first = write_xlsx(
        tmp_path / "a.xlsx", {"S": [HEADER, ["Nguyễn Văn Hùng", "Viện trưởng", "hung@ioit.vn", None]]}
    )
    later = write_xlsx(
        tmp_path / "b.xlsx", {"S": [HEADER, ["Nguyễn Văn Hùng", "Phó Viện trưởng", "hung@ioit.vn", None]]}
    )
    assert main(["import", str(first), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(later), "--db", db, "--dry-run", "--lang", lang]) == 0
    assert said in capsys.readouterr().out
