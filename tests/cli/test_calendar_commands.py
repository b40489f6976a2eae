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
    assert event.get("ATTENDEE") is None  # (named in the description: the file invites no one)
    assert "Nguyễn Thị Hồng Nhung" in str(event["DESCRIPTION"])


def test_export_vcard_and_import_it(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vcf = tmp_path / "danh bạ.vcf"
    assert main(["export-vcard", "--db", db, "-o", str(vcf), "--version", "4.0"]) == 0
    assert "1 contact, vCard 4.0" in capsys.readouterr().out
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


def test_a_cancellation_is_applied_and_said_in_english_and_vietnamese(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.app.mail.test_calendar_cancel import write_ics

    invite = write_ics(tmp_path / "invite.ics")
    cancel = write_ics(tmp_path / "Canceled.ics", method="CANCEL", status="CANCELLED", seq=1)
    assert main(["import", str(invite), "--db", db]) == 0
    assert "Meeting #1 created" in capsys.readouterr().out
    assert main(["import", str(cancel), "--db", db, "--dry-run", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith(
        "Dry run, nothing written: Meeting 'Họp Genetica về hợp tác' on 03/12/2026 09:30 cancelled by the organiser"
    )
    assert main(["import", str(cancel), "--db", db, "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Meeting 'Họp Genetica về hợp tác' on 03/12/2026 09:30 cancelled by the organiser: moved to the trash"
    )
    assert out[1].startswith("  (undo: ketnoi undo ")
    assert main(["meeting", "list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []
    assert main(["undo", out[1].split()[-1].rstrip(")"), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(cancel), "--db", db, "--lang", "vi"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "Cuộc họp 'Họp Genetica về hợp tác' ngày 03/12/2026 09:30 đã bị người tổ chức huỷ: "
        "đã chuyển vào thùng rác"
    )
    assert out[1].startswith("  (hoàn tác: ketnoi undo ")
    assert main(["import", str(cancel), "--db", db, "--lang", "vi"]) == 0
    assert "cuộc họp đã ở trong thùng rác, không thay đổi gì" in capsys.readouterr().out


def test_a_cancellation_never_imported_or_of_a_meeting_held_is_said_and_changes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.app.mail.test_calendar_cancel import write_ics

    stranger = write_ics(tmp_path / "other.ics", uid="x@google.com", method="CANCEL", title="Họp lạ")
    assert main(["import", str(stranger), "--db", db, "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "other.ics: the organiser cancelled 'Họp lạ' on 03/12/2026 09:30, a meeting not in Ketnoi: "
        "skipped, nothing imported\n"
    )
    assert main(["import", str(stranger), "--db", db, "--lang", "vi"]) == 0
    assert capsys.readouterr().out == (
        "other.ics: người tổ chức đã huỷ 'Họp lạ' ngày 03/12/2026 09:30, một cuộc họp không có trong "
        "Ketnoi: bỏ qua, không nhập gì\n"
    )
    assert main(["meeting", "list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []
    # A meeting with minutes logged took place: the cancellation leaves it.
    assert main(["import", str(write_ics(tmp_path / "invite.ics")), "--db", db]) == 0
    assert main(["meeting", "edit", "1", "--minutes", "Đã họp", "--db", db]) == 0
    capsys.readouterr()
    cancel = write_ics(tmp_path / "c.ics", method="CANCEL", seq=1)
    assert main(["import", str(cancel), "--db", db, "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "Meeting 'Họp Genetica về hợp tác' on 03/12/2026 09:30 cancelled by the organiser, but it took "
        "place (minutes, decisions or follow-up actions are logged): left as it is\n"
    )
    assert main(["import", str(cancel), "--db", db, "--lang", "vi"]) == 0
    assert capsys.readouterr().out == (
        "Cuộc họp 'Họp Genetica về hợp tác' ngày 03/12/2026 09:30 bị người tổ chức huỷ, nhưng cuộc họp "
        "đã diễn ra (đã ghi biên bản, kết luận hoặc việc cần làm): giữ nguyên\n"
    )
    assert main(["meeting", "list", "--db", db, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) == 1


def test_an_older_invitation_is_said_and_changes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.app.mail.test_calendar_cancel import write_ics

    assert main(["import", str(write_ics(tmp_path / "moved.ics", seq=2)), "--db", db]) == 0
    capsys.readouterr()
    assert main(["import", str(write_ics(tmp_path / "first.ics", seq=0)), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "first.ics: older than the invitation meeting #1 came from" in out and "nothing changed" in out
    assert "undo" not in out
