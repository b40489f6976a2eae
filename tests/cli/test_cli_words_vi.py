"""What the command line still said in English under LANG=vi_VN.UTF-8, and what it named
otherwise than the window (reviewer): ``ketnoi info``'s read-only reason, a refused
``ketnoi KIND restore``, and ``ketnoi import``'s change lines, which named a field by the import
template's column header ("Loại hình", "Ảnh hưởng (1-5)") where the window's forms and import
preview say "Loại", "Mức ảnh hưởng (1–5)". The command line in this process on real SQLite
files and a real workbook."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _run(db: Path, *args: str, lang: str = VI, code: int = 0) -> SimpleNamespace:
    done = run_cli(db, *args, lang=lang, env={"HOME": str(db.parent), "KETNOI_ACTOR": "Hoa"})
    assert done.returncode == code, (done.stdout, done.stderr)
    return done


def test_an_imports_changes_name_each_field_as_the_window_does(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "ViSecurity", "--kind", "startup", "--influence", "2")
    _run(db, "meeting", "add", "--title", "Gặp ViSecurity", "--at", "2025-03-04 09:00", "--kind", "visit")
    book = write_xlsx(
        tmp_path / "cập nhật.xlsx",
        {
            "Tổ chức": [
                ["Tên đơn vị / Organisation", "Loại hình / Kind", "Ảnh hưởng (1-5) / Influence", "Thành phố"],
                ["ViSecurity", "Mạng lưới / hiệp hội", 4, "Đà Nẵng"],
            ],
            "Cuộc họp": [
                ["Tiêu đề / Title", "Bắt đầu / Starts", "Hình thức / Kind"],
                ["Gặp ViSecurity", "04/03/2025 09:00", "Cuộc họp"],
            ],
        },
    )
    said = _run(db, "import", str(book), "--dry-run").stdout
    # the window's form labels (app.value_labels.FIELDS, held to ui.labels.field_label)
    assert 'Loại: "Khởi nghiệp" → "Mạng lưới / hiệp hội"' in said, said
    assert "Mức ảnh hưởng (1–5): 2 → 4" in said, said
    assert 'Tỉnh/thành phố: ∅ → "Đà Nẵng"' in said, said
    assert 'Loại: "Chuyến thăm" → "Cuộc họp"' in said, said  # a meeting's kind too
    assert "Loại hình:" not in said and "Ảnh hưởng (1-5):" not in said and "Tỉnh/Thành phố:" not in said
    said = _run(db, "import", str(book), "--dry-run", lang=EN).stdout
    assert 'Kind: "Start-up" → "Network / association"' in said, said
    assert "Influence (1–5): 2 → 4" in said and 'City: ∅ → "Đà Nẵng"' in said, said
    assert 'Kind: "Visit" → "Meeting"' in said, said
