"""An .ics file that is not an invitation is refused in the CLI's language, naming the file and
saying what to do (``ketnoi import FILE.ics`` under LANG=vi_VN.UTF-8 said "the event has no start
(DTSTART)" in English). Real broken files, a real SQLite file, the command line in-process (tests/cli/inproc.py)."""

from __future__ import annotations

import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.calendar_refusals import TEMPLATES
from tests.cli.inproc import run_cli

HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Outlook//EN\r\n"
BROKEN: dict[str, tuple[bytes, str, str]] = {  # file's bytes, the Vietnamese, the English said
    "not_calendar": (
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "không phải tệp lịch (.ics): tệp không bắt đầu bằng BEGIN:VCALENDAR. Hãy chọn tệp .ics của lời "
        "mời (đính kèm email, hoặc lưu ra từ ứng dụng lịch).",
        "not a calendar file (.ics)",
    ),
    "no_event": (
        HEAD + "BEGIN:VTODO\r\nUID:t1\r\nSUMMARY:Gửi thư\r\nEND:VTODO\r\nEND:VCALENDAR\r\n".encode(),
        "tệp lịch không có sự kiện (VEVENT) nào để nhập",
        "the calendar holds no event (VEVENT) to import",
    ),
    "no_start": (
        HEAD + "BEGIN:VEVENT\r\nUID:h1@x\r\nSUMMARY:Họp NIC\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode(),
        "sự kiện không có thời điểm bắt đầu (DTSTART) nên không biết cuộc họp diễn ra khi nào. Hãy nhờ "
        "người tổ chức gửi lại lời mời, hoặc tự ghi cuộc họp (Ghi nhận cuộc họp…).",
        "the event has no start (DTSTART)",
    ),
    "no_uid": (
        HEAD + b"BEGIN:VEVENT\r\nDTSTART:20261203T093000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "sự kiện không có UID nên khi nhập lại lời mời sẽ không tìm được cuộc họp đã tạo.",
        "the event has no UID",
    ),
    "bad_times": (
        HEAD + b"BEGIN:VEVENT\r\nUID:1\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "không đọc được thời gian của sự kiện (",
        "the event's times cannot be read (",
    ),
}


def _run(db: Path, *args: str, lang: str = "vi_VN.UTF-8") -> SimpleNamespace:
    return run_cli(db, *args, lang=lang)


def test_each_broken_file_is_refused_in_vietnamese_under_a_vietnamese_locale(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    for code, (data, vi, en) in BROKEN.items():
        path = tmp_path / f"Họp {code}.ics"
        path.write_bytes(data)
        done = _run(db, "import", str(path))
        said = done.stderr.strip()
        assert done.returncode == 1 and said.startswith(f"ketnoi: Họp {code}.ics: ") and vi in said, said
        assert "Traceback" not in said and en not in said
        english = _run(db, "import", str(path), lang="en_GB.UTF-8").stderr.strip()
        assert english.startswith(f"ketnoi: Họp {code}.ics: ") and en in english, english
        assert _run(db, "import", str(path), "--lang", "vi", lang="en_GB.UTF-8").stderr.strip() == said


def test_a_file_that_cannot_be_opened_is_refused_in_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / "Họp.ics"  # a folder named like an invitation: the system refuses to read it
    folder.mkdir()
    done = _run(tmp_path / "k.db", "import", str(folder), "--lang", "vi")
    said = done.stderr.strip()
    assert done.returncode == 1 and said.startswith("ketnoi: Họp.ics: không đọc được tệp ("), said
    assert said.endswith("Hãy kiểm tra tệp vẫn còn đó và bạn có quyền mở tệp, rồi nhập lại."), said


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_refusal_has_both_languages_names_the_file_and_says_what_to_do(code: str) -> None:
    en, vi = TEMPLATES[code]
    fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
    assert fields == {f for _, f, _, _ in string.Formatter().parse(vi) if f} and "name" in fields
    assert en.startswith("{name}: ") and vi.startswith("{name}: ")
    assert re.search(r"[.:] (Ask|Check|Choose|Import|save) ", en), en  # says what to do
    assert re.search(r"[.:] (Hãy|hãy) ", vi) and re.search(
        "[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", vi
    )
