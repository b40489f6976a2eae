"""Under a Vietnamese locale the record commands, the mail and file commands, the backups and a
letter's history say what they did in Vietnamese, in the window's words (reviewer, under
LANG=vi_VN.UTF-8: "Added organisation #1: Genetica", "Deleted …", "Logged e-mail #1: …",
"Backed up … to …", "status: signed → sent"); English under an English locale, as it was, and
``--json`` unchanged. The command line in this process on a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from tests.app.mail.files import eml_bytes
from tests.cli.inproc import run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _run(db: Path, *args: str, lang: str = VI) -> SimpleNamespace:
    # (who the history says made each change: Hoa)
    done = run_cli(db, *args, lang=lang, env={"HOME": str(db.parent), "KETNOI_ACTOR": "Hoa"})
    assert done.returncode == 0, done.stderr
    return done


def _lines(db: Path, *args: str, lang: str = VI) -> list[str]:
    return _run(db, *args, lang=lang).stdout.splitlines()


def test_add_edit_delete_restore_say_it_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert _lines(db, "org", "add", "--name", "Genetica") == ["Đã thêm tổ chức #1: Genetica"]
    assert _lines(db, "contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--organisation", "1") == [
        "Đã thêm liên hệ #1: Nguyễn Thị Hồng Nhung"
    ]
    assert _lines(db, "action", "add", "--title", "Gửi thư giới thiệu", "--organisation", "1") == [
        "Đã thêm việc cần làm #1: Gửi thư giới thiệu"
    ]
    assert _lines(db, "org", "edit", "1", "--city", "Hà Nội") == ["Đã lưu tổ chức #1: Genetica"]
    assert _lines(db, "org", "edit", "1", "--city", "Hà Nội") == [
        "Không có gì thay đổi ở tổ chức #1: Genetica"
    ]
    deleted = _lines(db, "action", "delete", "1")
    assert deleted[0] == "Đã xoá việc cần làm #1: Gửi thư giới thiệu"
    assert re.fullmatch(r"Khôi phục bằng: ketnoi action restore 1  \(hoặc ketnoi undo \w+\)", deleted[1])
    assert _lines(db, "action", "restore", "1") == ["Đã khôi phục việc cần làm #1: Gửi thư giới thiệu"]

    # English as it was; --json unchanged
    assert _lines(db, "org", "edit", "1", "--city", "Huế", lang=EN) == ["Saved organisation #1: Genetica"]
    assert _lines(db, "org", "edit", "1", "--city", "Huế", lang=EN) == [
        "Nothing changed on organisation #1: Genetica"
    ]
    deleted = _lines(db, "contact", "delete", "1", lang=EN)
    assert deleted[0] == "Deleted contact #1: Nguyễn Thị Hồng Nhung"
    assert deleted[1].startswith("Restore with: ketnoi contact restore 1  (or ketnoi undo ")
    assert _lines(db, "contact", "restore", "1", lang=EN) == ["Restored contact #1: Nguyễn Thị Hồng Nhung"]
    assert _lines(db, "org", "add", "--name", "NIC", lang=EN) == ["Added organisation #2: NIC"]
    doc = json.loads(_run(db, "org", "edit", "2", "--city", "Hà Nội", "--json").stdout)
    assert doc["changed"] is True and doc["record"]["name"] == "NIC"

    # the history of a record, in the window's History words
    history = _lines(db, "history", "org", "1")
    assert history[0] == "tổ chức #1  Genetica"
    assert history[1].endswith("Tỉnh/thành phố: Hà Nội → Huế") and " — " in history[1], history
    assert history[-1].endswith("Tạo mới")
    assert _lines(db, "history", "org", "1", lang=EN)[1].endswith("City: Hà Nội → Huế")


def test_e_mails_and_files_say_it_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    _run(db, "contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--email", "nhung@genetica.asia")
    eml = tmp_path / "intro.eml"
    eml.write_bytes(eml_bytes(attachments=(("thu.txt", b"Kinh gui", "text/plain"),)))
    out = _lines(db, "log-email", str(eml))
    assert out[0] == "Đã ghi nhận thư điện tử #1: Thư giới thiệu Genetica"
    assert "  liên hệ #1 Nguyễn Thị Hồng Nhung <nhung@genetica.asia>" in out
    assert (
        "  chưa có trong Ketnoi: Trần Minh Anh <anh@nic.gov.vn> (--create-contacts sẽ thêm họ làm liên hệ)"
        in out
    )
    assert "  1 tệp đính kèm: ketnoi attachments meeting 1" in out
    assert re.fullmatch(r"  \(hoàn tác: ketnoi undo \w+\)", out[-1])
    assert _lines(db, "log-email", str(eml)) == [
        "Đã ghi nhận trước đó là cuộc họp #1: Thư giới thiệu Genetica"
    ]
    assert _lines(db, "log-email", str(eml), lang=EN) == [
        "Already logged as meeting #1: Thư giới thiệu Genetica"
    ]

    scan = tmp_path / "Biên bản.docx"
    scan.write_bytes(b"not really a docx")
    out = _lines(db, "attach", "org", "1", str(scan))
    assert out[0] == "Đã đính kèm #2 Biên bản.docx (17 byte) vào tổ chức #1"
    assert out[1].startswith("(hoàn tác: ketnoi undo ")
    assert _lines(db, "attachments", "org", "1")[0].startswith("#2     Biên bản.docx  17 byte  ")
    out = _lines(db, "attachment", "remove", "2")
    assert out[0].startswith("Đã chuyển Biên bản.docx vào thùng rác (hoàn tác: ketnoi undo ")
    assert _lines(db, "attachments", "org", "1") == ["Không có tệp nào đính kèm vào tổ chức #1."]
    assert _lines(db, "attachment", "restore", "2")[0].startswith(
        "Đã khôi phục Biên bản.docx vào tổ chức #1 (hoàn tác: ketnoi undo "
    )
    assert _lines(db, "attachment", "save", "2", "-o", str(tmp_path / "ra.docx")) == [
        f"Đã lưu {tmp_path / 'ra.docx'}"
    ]
    # English as it was
    out = _lines(db, "attach", "org", "1", str(scan), lang=EN)
    assert out[0] == "Attached #3 Biên bản.docx (17 bytes) to organisation #1"
    assert _lines(db, "attachment", "save", "3", "-o", str(tmp_path / "en.docx"), lang=EN) == [
        f"Saved {tmp_path / 'en.docx'}"
    ]


def test_backups_say_it_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    (line,) = _lines(db, "backup")
    copy = re.fullmatch(rf"Đã sao lưu sqlite:///{re.escape(str(db))} vào (\S+) \(\d+\.\d MB\)", line)
    assert copy is not None, line
    listing = _lines(db, "backups")
    assert listing[0] == f"Các bản sao lưu của {db}, mới nhất trước:"
    assert "  bản sao bạn yêu cầu " in listing[1] and listing[1].endswith(copy[1])
    assert re.fullmatch(
        r" +thay đổi cuối .+, do .+ · 0 người liên hệ, 0 cuộc họp, 0 việc, 1 tổ chức", listing[2]
    )
    assert listing[-1] == f"Khôi phục một bản bằng: ketnoi restore TỆP --db {db}"
    restored = _lines(db, "restore", copy[1])
    assert restored[0] == f"Đã khôi phục {db} từ {copy[1]}."
    assert restored[1].startswith("Dữ liệu trước đó được giữ trong ")
    # English as it was
    (line,) = _lines(db, "backup", str(tmp_path / "copy.db"), lang=EN)
    assert re.fullmatch(
        rf"Backed up sqlite:///{re.escape(str(db))} to {re.escape(str(tmp_path))}/copy.db \(.+ MB\)", line
    )
    listing = _lines(db, "backups", lang=EN)
    assert listing[0] == f"Backups of {db}, newest first:" and " manual " in "\n".join(listing)
    assert " before-restore " in "\n".join(listing)


def test_a_letters_history_in_the_windows_words(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    _run(db, "letter", "add", "--subject", "Thư mời hội thảo", "--organisation", "1", "--symbol", "NIC-HTQT")
    _run(db, "letter", "sign", "1")
    _run(db, "letter", "status", "1", "sent")
    out = _lines(db, "letter", "show", "1")
    history = out[out.index("  lịch sử:") + 1 :]
    said = [re.sub(r"^    \d\d/\d\d/\d{4} \d\d:\d\d — Hoa  ", "", line) for line in history]
    assert said[:2] == ["Trạng thái: Đã ký → Đã gửi", "Trạng thái: Dự thảo → Đã ký"], history
    assert "Số hiệu: — → 01/NIC-HTQT" in said and said[-1] == "Tạo mới"
    out = _lines(db, "letter", "show", "1", lang=EN)
    history = out[out.index("  history:") + 1 :]
    assert history[0].endswith("  Status: Signed → Sent") and history[-1].endswith("  Created")


def test_a_meeting_logged_and_its_follow_up_done_in_vietnamese(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "contact", "add", "--name", "Nguyễn Thị Hồng Nhung")
    out = _lines(
        db, "log-meeting", "--title", "Họp Genetica", "--at", "2026-12-10 14:00", "--attendee", "1:chair",
        "--follow-up", "Gửi tài liệu;due=2026-12-17;we-owe",
    )  # fmt: skip
    assert out == [
        "Đã ghi cuộc họp #1: Họp Genetica (10/12/2026 14:00)",
        "  người tham dự #1 Nguyễn Thị Hồng Nhung (Chủ trì)",
        "  việc tiếp theo #1 Gửi tài liệu — hạn 17/12/2026, Bên ta cần làm",
    ]
    out = _lines(db, "action", "done", "1")
    assert out[0] == "* #1      Đã xong        hạn 17/12/2026 Gửi tài liệu"
    assert re.fullmatch(r"Đã đánh dấu xong 1 việc \(hoàn tác: ketnoi undo \w+\)", out[1])
    assert _lines(db, "action", "done", "1")[1:] == [
        "Đã đánh dấu xong 0 việc",
        "#1 đã xong từ trước (do Hoa): giữ nguyên",
    ]
    # English as it was
    out = _lines(db, "action", "reopen", "1", lang=EN)
    assert out[0] == "* #1      open        due 17/12/2026 Gửi tài liệu"
    assert out[1].startswith("Reopened 1 action (undo: ketnoi undo ")
    out = _lines(
        db, "log-meeting", "--title", "Họp 2", "--at", "2026-12-11 09:00", "--attendee", "1:chair",
        "--follow-up", "Gọi lại;we-owe", lang=EN,
    )  # fmt: skip
    assert out == [
        "Logged meeting #2: Họp 2 (11/12/2026 09:00)",
        "  attendee #1 Nguyễn Thị Hồng Nhung (chair)",
        "  follow-up #2 Gọi lại — no due date, we owe",
    ]
