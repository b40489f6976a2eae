"""ketnoi export-ics, export-vcard, import FILE.ics|FILE.vcf (issue 14 item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from app.cli import main
from tests.app.mail.test_calendars import _outlook


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "k.db")
    assert main(["contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--email", "nhung@genetica.asia",
                 "--phone", "0903112233", "--db", path]) == 0  # fmt: skip
    capsys.readouterr()
    return path


def test_import_an_invitation_twice_then_export_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "Họp Genetica.ics"
    ics.write_bytes(_outlook())
    assert main(["import", str(ics), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Meeting #1 created: Họp Genetica về hợp tác, 03/12/2026 09:30" in out
    assert "contact #1 Nguyễn Thị Hồng Nhung <nhung@genetica.asia>" in out
    assert "not in Ketnoi: Phạm Quốc Huy <huy@vinbio.vn>" in out and "only its first occurrence" in out
    assert main(["import", str(ics), "--db", db, "--create-contacts"]) == 0
    out = capsys.readouterr().out
    assert "Meeting #1 updated" in out and "new contact #" in out
    assert main(["export-ics", "--db", db, "-o", str(tmp_path / "out.ics"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["meetings"] == 1
    (event,) = Calendar.from_ical((tmp_path / "out.ics").read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Họp Genetica về hợp tác"
    assert len(event["ATTENDEE"]) >= 2


def test_export_vcard_and_import_it(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vcf = tmp_path / "danh bạ.vcf"
    assert main(["export-vcard", "--db", db, "-o", str(vcf), "--version", "4.0"]) == 0
    assert "1 contact(s), vCard 4.0" in capsys.readouterr().out
    assert "FN:Nguyễn Thị Hồng Nhung" in vcf.read_text(encoding="utf-8")
    other = str(tmp_path / "other.db")
    assert main(["import", str(vcf), "--db", other]) == 0
    out = capsys.readouterr().out
    assert "→ import #1" in out and 'vCard file "danh bạ" (contact, row N = card N): 1 new,' in out
    assert main(["contact", "show", "1", "--db", other, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["record"]["full_name"] == "Nguyễn Thị Hồng Nhung"
    assert doc["record"]["emails"] == ["nhung@genetica.asia"] and doc["record"]["phones"] == ["+84903112233"]


def test_garbage_is_refused_with_one_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"\x00\xff" * 1000)
    assert main(["import", str(bad), "--db", db]) == 1
    assert "bad.ics: not a calendar file" in capsys.readouterr().err
    vcf = tmp_path / "bad.vcf"
    vcf.write_bytes(b"\x00\xff" * 1000)
    assert main(["import", str(vcf), "--db", db]) == 1
    assert "bad.vcf" in capsys.readouterr().err
