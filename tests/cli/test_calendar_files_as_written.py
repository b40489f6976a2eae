"""The README's calendar and vCard commands, run as written (reviewer h12, session 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import vobject
from icalendar import Calendar

from app.cli import main
from tests.app.mail.test_calendars import _outlook


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=env,
    )


def test_export_ics_and_export_vcard_take_the_file_as_the_readme_writes_them(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert main(["contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--email", "nhung@genetica.asia",
                 "--db", db]) == 0  # fmt: skip
    ics = tmp_path / "Họp Genetica.ics"
    ics.write_bytes(_outlook())
    assert main(["import", str(ics), "--db", db]) == 0
    # `ketnoi export-ics FILE.ics` · `ketnoi export-vcard FILE.vcf`, literally
    done = _run(tmp_path, "export-ics", "lich.ics", "--meeting", "1", "--db", db, "--lang", "vi")
    assert done.returncode == 0, done.stderr
    (event,) = Calendar.from_ical((tmp_path / "lich.ics").read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Họp Genetica về hợp tác"
    done = _run(tmp_path, "export-vcard", "danh-ba.vcf", "--db", db)
    assert done.returncode == 0, done.stderr
    card = vobject.readOne((tmp_path / "danh-ba.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "Nguyễn Thị Hồng Nhung"
    # -o still works; two different files is a mistake said, nothing written
    done = _run(tmp_path, "export-vcard", "-o", "b.vcf", "--db", db)
    assert done.returncode == 0 and (tmp_path / "b.vcf").is_file()
    done = _run(tmp_path, "export-ics", "x.ics", "-o", "y.ics", "--db", db)
    assert done.returncode == 1 and "give one" in done.stderr
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "y.ics").exists()


CARD = """BEGIN:VCARD
VERSION:3.0
FN:Đặng Thị Thu Thủy
N:Đặng;Thủy;Thị Thu;;
ORG:Viện Công nghệ sinh học
TITLE:Nghiên cứu viên chính
TEL;TYPE=CELL:0912 000 999
EMAIL;TYPE=INTERNET:thuy.dtt@ibt.example.vn
END:VCARD
"""


def test_a_vcard_import_speaks_of_cards_not_of_sheets_columns_or_formulas(tmp_path: Path) -> None:
    vcf = tmp_path / "new.vcf"
    vcf.write_text(CARD, encoding="utf-8")
    assert vobject.readOne(vcf.read_text(encoding="utf-8")).fn.value == "Đặng Thị Thu Thủy"
    db = str(tmp_path / "k.db")
    done = _run(tmp_path, "import", str(vcf), "--lang", "vi", "--db", db)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert 'Tệp vCard "new" (liên hệ, dòng N = thẻ N): mới 1,' in out
    assert "→ lần nhập #1, mọi thẻ trong một lần ghi (hoàn tác: ketnoi undo-import 1)" in out
    for spreadsheet_talk in ("công thức", "Excel", "không có giá trị ở dòng nào", "trang", "cột"):
        assert spreadsheet_talk not in out, out
