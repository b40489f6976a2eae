"""A sheet imported again, its rows already in Ketnoi (skipped), does not say its columns are
empty. Reviewer h98: re-importing a meetings sheet said "No value in any row: Địa điểm (E)" —
the rows that held a place were the ones already logged; and a contacts sheet whose rows with
e-mails were skipped said "No value in any row: Email (D)"."""

from __future__ import annotations

from pathlib import Path

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, run_cli

HEADER = ["Ngày", "Tiêu đề", "Đơn vị", "Địa điểm"]
LOGGED = [
    ["03/12/2026", "Gặp Genetica", "Genetica", "Hà Nội"],
    ["04/12/2026", "Làm việc với NVIDIA", "NVIDIA", "Hòa Lạc"],
]


def test_a_sheet_imported_again_does_not_say_its_columns_are_empty(tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "hop.xlsx", {"Cuộc họp": [HEADER, *LOGGED]})
    again = write_xlsx(
        tmp_path / "hop-2.xlsx",
        {"Cuộc họp": [HEADER, *LOGGED, ["05/12/2026", "Gọi điện Viettel", "Viettel", None]]},
    )
    db = tmp_path / "k.db"
    with as_in_a_test(tmp_path):
        done = run_cli(db, "import", str(first))
        assert done.returncode == 0, done.stderr
        done = run_cli(db, "import", str(again), "--dry-run")
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert "1 new" in said, said
    assert "o value in any row" not in said, said
