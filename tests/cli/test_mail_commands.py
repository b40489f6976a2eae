"""ketnoi log-email, attach, attachments, attachment save/remove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.app.mail.files import eml_bytes, pdf_bytes


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "k.db")
    assert main(["org", "add", "--name", "Genetica", "--db", path]) == 0
    assert main(["contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--email", "nhung@genetica.asia",
                 "--organisation", "Genetica", "--db", path]) == 0  # fmt: skip
    capsys.readouterr()
    return path


def test_log_email_twice_and_its_attachment(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = pdf_bytes("hi")  # reportlab stamps the time: one copy
    eml = tmp_path / "intro.eml"
    eml.write_bytes(eml_bytes(cc="binh@example.org", attachments=(("letter.pdf", pdf, "application/pdf"),)))
    assert main(["log-email", str(eml), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Logged e-mail #1: Thư giới thiệu Genetica" in out
    assert "contact #1 Nguyễn Thị Hồng Nhung <nhung@genetica.asia>" in out
    assert "not in Ketnoi: binh@example.org" in out and "not in Ketnoi: Trần Minh Anh <anh@nic.gov.vn>" in out
    assert main(["log-email", str(eml), "--db", db, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["status"] == "already" and doc["meeting_id"] == 1
    assert main(["attachments", "meeting", "1", "--db", db, "--json"]) == 0
    (att,) = json.loads(capsys.readouterr().out)
    assert att["file_name"] == "letter.pdf"
    assert main(["attachment", "save", str(att["id"]), "-o", str(tmp_path), "--db", db]) == 0
    assert (tmp_path / "letter.pdf").read_bytes() == pdf


def test_attach_list_remove(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "Biên bản.docx"
    f.write_bytes(b"not really a docx")
    assert main(["attach", "org", "genetica", str(f), "--db", db]) == 0
    assert "Attached #1 Biên bản.docx (17 bytes) to organisation #1" in capsys.readouterr().out
    assert main(["attachments", "org", "Genetica", "--db", db]) == 0
    assert "#1     Biên bản.docx  17 bytes" in capsys.readouterr().out
    assert main(["search", "bien ban", "--db", db]) == 0
    assert "Genetica" in capsys.readouterr().out
    assert main(["attachment", "remove", "1", "--db", db]) == 0
    assert "Moved Biên bản.docx to the trash" in capsys.readouterr().out
    assert main(["attachments", "org", "1", "--db", db]) == 0
    assert "No files attached to organisation #1." in capsys.readouterr().out
    assert main(["trash", "--db", db]) == 0
    assert "ketnoi attachment restore 1" in capsys.readouterr().out  # the trash names the command
    assert main(["attachment", "restore", "1", "--db", db]) == 0
    assert "Restored Biên bản.docx to organisation #1" in capsys.readouterr().out
    assert main(["attachments", "org", "1", "--db", db]) == 0
    assert "Biên bản.docx" in capsys.readouterr().out


def test_errors_are_one_line(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "x.msg"
    garbage.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert main(["log-email", str(garbage), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.startswith('ketnoi: "x.msg" cannot be read as an Outlook message') and "Traceback" not in err
    assert main(["attach", "org", "1", str(tmp_path / "missing.pdf"), "--db", db]) == 1
    assert "no file" in capsys.readouterr().err
    assert main(["attachment", "save", "99", "--db", db]) == 1
    assert "No attachment with id 99" in capsys.readouterr().err
