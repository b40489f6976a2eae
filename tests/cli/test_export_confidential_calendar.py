"""``ketnoi export-ics`` with confidential records (reviewer h106): the calendar says how many
events went private; ``--meeting N`` writes that meeting and its own follow-ups, not every open
action of the office (confidential ones too, as it did)."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from tests.cli.inproc import run_cli

VI = "vi_VN.UTF-8"


def _ok(db: Path, *argv: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _office(db: Path) -> None:
    _ok(db, "org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")
    _ok(db, "contact", "add", "--name", "Lưu Văn Mật", "--organisation", "MOST", "--email",
        "mat.lv@most.example.vn", "--phone", "0901 234 567", "--confidential")  # fmt: skip
    _ok(
        db,
        "contact",
        "add",
        "--name",
        "Trần Thị Lan",
        "--organisation",
        "MOST",
        "--email",
        "lan@most.example.vn",
    )
    _ok(db, "log-meeting", "--title", "Họp kín về đề án", "--at", "26/11/2026 09:00", "--agenda",
        "Danh sách chuyên gia", "--attendee", "Trần Thị Lan", "--confidential",
        "--follow-up", "Soạn tờ trình;due=+1w")  # fmt: skip
    _ok(db, "log-meeting", "--title", "Làm việc với MOST", "--at", "27/11/2026 14:00", "--organisation", "MOST",
        "--attendee", "Trần Thị Lan", "--attendee", "Lưu Văn Mật",
        "--follow-up", "Gửi danh sách chuyên gia;due=+1w;who=Lưu Văn Mật")  # fmt: skip
    _ok(db, "log-meeting", "--title", "Giao ban", "--at", "28/11/2026 08:00", "--attendee", "Trần Thị Lan",
        "--follow-up", "Gửi giấy mời;due=+2w")  # fmt: skip


def _uids(path: Path) -> list[str]:
    cal = Calendar.from_ical(path.read_bytes())
    return sorted(str(e["UID"]).split("@")[0] for e in cal.walk("VEVENT"))


def test_export_ics_says_what_went_private_and_a_meeting_goes_with_its_follow_ups(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _office(db)
    every = tmp_path / "all.ics"
    out = _ok(db, "export-ics", "-o", str(every))
    assert out.splitlines()[0] == f"Wrote {every}: 3 meetings, 3 open actions as all-day reminders"
    assert "  4 events marked private (CLASS:PRIVATE: confidential, or naming a confidential record" in out
    assert "give the file only to those who may see them in Ketnoi" in out
    classes = {
        str(e["UID"]).split("@")[0]: str(e["CLASS"])
        for e in Calendar.from_ical(every.read_bytes()).walk("VEVENT")
    }
    assert sorted(classes.values()).count("PRIVATE") == 4 and "CONFIDENTIAL" not in classes.values()
    vi = _ok(db, "export-ics", "-o", str(every), lang=VI)
    assert "  4 sự kiện được đánh dấu riêng tư (CLASS:PRIVATE: hồ sơ mật" in vi
    assert "chỉ đưa tệp cho người được xem các hồ sơ đó trong Ketnoi" in vi
    # --meeting N: that meeting and its own follow-up, nothing else of the office
    one = tmp_path / "m2.ics"
    out = _ok(db, "export-ics", "-o", str(one), "--meeting", "2")
    assert out.splitlines()[0] == f"Wrote {one}: 1 meeting, 1 open action as all-day reminders"
    assert "1 event marked private" not in out and "2 events marked private" in out
    assert _uids(one) == ["action-2", "meeting-2"]
    plain = tmp_path / "m3.ics"
    out = _ok(db, "export-ics", "-o", str(plain), "--meeting", "3", "--json")
    doc = json.loads(out)
    assert (doc["meetings"], doc["reminders"], doc["private"]) == (1, 1, 0)
    assert _uids(plain) == ["action-3", "meeting-3"]
    out = _ok(db, "export-ics", "-o", str(plain), "--meeting", "3")
    assert "private" not in out
