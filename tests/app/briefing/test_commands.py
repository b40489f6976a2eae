"""``ketnoi brief …`` end to end through the real CLI entry point."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.briefing.commands import parse_day
from app.briefing.produce import slug
from app.cli import main
from db import clock
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import Sample


def test_slug_and_dates() -> None:
    assert slug("Trung tâm Đổi mới Sáng tạo Quốc gia") == "trung-tam-doi-moi-sang-tao-quoc-gia"
    assert slug("<b>R&D</b>") == "b-r-d-b"
    assert slug("Phiên làm việc với mạng lưới đổi mới sáng tạo", limit=30) == "phien-lam-viec-voi-mang-luoi"
    assert parse_day("2026-11-30") == dt.date(2026, 11, 30)
    assert parse_day("30/11/2026") == dt.date(2026, 11, 30)
    assert parse_day("1.2.2026") == dt.date(2026, 2, 1)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_day("31/02/2026")


def test_brief_org_by_alias_to_a_named_file(
    db_url: str, data: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nic.pdf"
    rc = main(
        [
            "brief",
            "org",
            "trung tam dmst",
            "-o",
            str(out),
            "--db",
            db_url,
            "--paper",
            "letter",
            "--today",
            "2026-11-20",
        ]
    )
    assert rc == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    reader = PdfReader(str(out))
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612.0)
    assert "Trung tâm Đổi mới Sáng tạo Quốc gia" in pdf_text(out)[0]


def test_default_file_names(
    db_url: str, data: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    today = clock.today().isoformat()
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "--lang", "vi"]) == 0
    assert (tmp_path / f"tom-tat-dang-van-long-{today}.pdf").is_file()  # (a Vietnamese brief's name)
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "--lang", "en"]) == 0
    assert (tmp_path / f"brief-dang-van-long-{today}.pdf").is_file()
    assert main(["brief", "meeting", str(data.planned), "--db", db_url]) == 0
    assert (tmp_path / f"brief-meeting-2026-11-27-lam-viec-voi-nic-ve-phong-thi-{today}.pdf").is_file()
    assert main(["brief", "digest", "--from", "01/11/2026", "--to", "2026-11-30", "--db", db_url]) == 0
    digest = tmp_path / f"brief-digest-2026-11-01-2026-11-30-{today}.pdf"
    assert "1 Nov 2026 – 30 Nov 2026" in pdf_text(digest)[0]


def test_user_errors_are_one_line(
    db_url: str, data: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", "org", "cong", "--db", db_url, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "matches 2 organisations" in capsys.readouterr().err
    assert main(["brief", "meeting", "999", "--db", db_url]) == 1
    assert "No meeting with id 999" in capsys.readouterr().err
    assert main(["brief", "digest", "--from", "2026-11-30", "--to", "2026-11-01", "--db", db_url]) == 1
    assert "--to is before --from" in capsys.readouterr().err
    assert main(["brief", "org", "NIC", "--db", db_url, "-o", str(tmp_path / "no" / "such" / "x.pdf")]) == 1
    assert f"there is no folder {tmp_path / 'no' / 'such'}" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_without_lang_the_brief_speaks_the_locales_language(
    db_url: str, data: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reviewer: `ketnoi brief` stayed English under LANG=vi_VN.UTF-8 while `ketnoi letter draft`
    wrote Vietnamese; --lang still decides."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    vi, en = tmp_path / "vi.pdf", tmp_path / "en.pdf"
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "-o", str(vi)]) == 0
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "-o", str(en), "--lang", "en"]) == 0
    assert "TÓM TẮT VỀ NGƯỜI LIÊN HỆ" in pdf_text(vi)[0]
    assert "CONTACT BRIEF" in pdf_text(en)[0]


def test_lang_is_the_pdfs_the_console_speaks_the_locale(
    db_url: str,
    data: Sample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Reviewer: `ketnoi brief … --lang vi` printed "Đã ghi … (1 trang)" to an English-locale
    user; --lang is documented as the language of the brief's headings. The PDF follows --lang,
    what is printed (the line written, a refusal) the locale."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    vi = tmp_path / "vi.pdf"
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "-o", str(vi), "--lang", "vi"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {vi} (2 pages)"  # (his meeting of 27 Nov to come)
    assert "TÓM TẮT VỀ NGƯỜI LIÊN HỆ" in pdf_text(vi)[0]
    digest = ["brief", "digest", "--from", "2026-11-30", "--to", "2026-11-01", "--db", db_url, "--lang", "vi"]
    assert main(digest) == 1
    assert "--to is before --from" in capsys.readouterr().err

    monkeypatch.setenv("LANG", "vi_VN.UTF-8")  # and the other way round
    en = tmp_path / "en.pdf"
    assert main(["brief", "contact", "Đặng Văn Long", "--db", db_url, "-o", str(en), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"Đã ghi {en} (2 trang)"
    assert "CONTACT BRIEF" in pdf_text(en)[0]
