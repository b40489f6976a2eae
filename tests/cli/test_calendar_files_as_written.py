"""The README's calendar and vCard commands, run as written (reviewer h12, session 11)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import vobject
from icalendar import Calendar

from app.cli import main
from tests.app.mail.test_calendars import _outlook
from tests.cli.inproc import run_cli


def _run(cwd: Path, *args: str) -> SimpleNamespace:
    """``ketnoi ARGS`` typed in the folder ``cwd`` (relative paths are the shell's)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return run_cli(None, *args)


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


def _invitation(path: Path, *, start_hour: int, seq: int) -> Path:
    """An invitation from the Ministry as Outlook writes one (through icalendar)."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from icalendar import Event, vCalAddress

    cal = Calendar()
    cal.add("prodid", "-//Microsoft Corporation//Outlook 16.0//EN")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    ev = Event()
    ev.add("uid", "abc-123@most.example.vn")
    ev.add("sequence", seq)
    ev.add("summary", "Họp thẩm định đề án Trung tâm dữ liệu quốc gia")
    start = dt.datetime(2026, 12, 18, start_hour, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    ev.add("dtstart", start)
    ev.add("dtend", start + dt.timedelta(hours=2))
    ev.add("location", "Phòng họp tầng 3, Bộ KH&CN")
    organizer = vCalAddress("mailto:ha.bd@most.example.vn")
    organizer.params["CN"] = "Bùi Đức Hà"
    ev.add("organizer", organizer)
    for email, name in (
        ("yen.hq@most.example.vn", "Hoàng Quốc Yến"),
        ("dung.pt@most.example.vn", "Phạm Thị Dung"),
        ("lan.nt@mic.example.vn", "Nguyễn Thị Lan"),
    ):
        who = vCalAddress(f"mailto:{email}")
        who.params["CN"] = name
        ev.add("attendee", who)
    cal.add_component(ev)
    path.write_bytes(cal.to_ical())
    (parsed,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(parsed["SUMMARY"]) == "Họp thẩm định đề án Trung tâm dữ liệu quốc gia"
    return path


def test_an_invitation_is_said_in_vietnamese_gets_the_ministrys_organisation_and_lists_what_changes(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "k.db")
    assert main(["org", "add", "--name", "Bộ Khoa học và Công nghệ", "--db", db]) == 0
    for name, email, org in (
        ("Bùi Đức Hà", "ha.bd@most.example.vn", "Bộ Khoa học và Công nghệ"),
        ("Hoàng Quốc Yến", "yen.hq@most.example.vn", "Bộ Khoa học và Công nghệ"),
        ("Phạm Thị Dung", "dung.pt@most.example.vn", "Bộ Khoa học và Công nghệ"),
    ):
        assert (
            main(["contact", "add", "--name", name, "--email", email, "--organisation", org, "--db", db]) == 0
        )
    invite = _invitation(tmp_path / "invite.ics", start_hour=14, seq=0)
    done = _run(tmp_path, "import", str(invite), "--lang", "vi", "--db", db)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith(
        "Đã tạo cuộc họp #1: Họp thẩm định đề án Trung tâm dữ liệu quốc gia, 18/12/2026 14:00\n"
    )
    assert "  người tổ chức: Bùi Đức Hà <ha.bd@most.example.vn>\n" in out
    assert "  liên hệ #1 Bùi Đức Hà <ha.bd@most.example.vn>\n" in out
    assert "  tổ chức #1 Bộ Khoa học và Công nghệ\n" in out
    assert (
        "  chưa có trong Ketnoi: Nguyễn Thị Lan <lan.nt@mic.example.vn> "
        "(thêm --create-contacts để tạo liên hệ cho họ)\n" in out
    )
    assert "  (hoàn tác: ketnoi undo " in out
    for english in ("Meeting #", "created", "not in Ketnoi", "organiser:", "contact #", "undo:"):
        assert english not in out, out
    done = _run(tmp_path, "meeting", "show", "1", "--json", "--db", db)
    assert json.loads(done.stdout)["record"]["organisation_ids"] == [1]
    # the organiser moves it to 15:00: the preview and the update say so, old → new
    revised = _invitation(tmp_path / "invite2.ics", start_hour=15, seq=1)
    done = _run(tmp_path, "import", str(revised), "--lang", "vi", "--dry-run", "--db", db)
    assert done.stdout.splitlines()[:2] == [
        "Chạy thử: invite2.ics cập nhật cuộc họp #1: Họp thẩm định đề án Trung tâm dữ liệu quốc gia, 18/12/2026 15:00",
        "  bắt đầu: 14:00 → 15:00",
    ]
    assert "  kết thúc: 16:00 → 17:00" in done.stdout
    done = _run(tmp_path, "import", str(revised), "--lang", "en", "--db", db)
    assert done.stdout.splitlines()[:3] == [
        "Meeting #1 updated: Họp thẩm định đề án Trung tâm dữ liệu quốc gia, 18/12/2026 15:00",
        "  start: 14:00 → 15:00",
        "  end: 16:00 → 17:00",
    ]
    # the first invitation again, in a dry run: older than the one held, nothing to list
    done = _run(tmp_path, "import", str(invite), "--lang", "vi", "--dry-run", "--db", db)
    assert done.stdout == (
        "Chạy thử: invite.ics cũ hơn lời mời Ketnoi đang có, không thay đổi gì: "
        "Họp thẩm định đề án Trung tâm dữ liệu quốc gia, 18/12/2026 14:00\n"
    )
