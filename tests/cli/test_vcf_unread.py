"""A .vcf file's cards that are not imported are said, with why and where (reviewer h23: a card
with no END:VCARD vanished, "1 new, 0 errors"; 100,000 BEGIN:VCARD lines gave "0 new … 0 errors,
nothing written" and no reason)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(list(args))
    out = capsys.readouterr()
    return out.out + out.err


def test_a_card_that_never_ends_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tr\xe1\xba\xa7n V\xc4\x83n An\r\nEMAIL:an@x.vn\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nFN:Unterminated\r\n"
    )
    out = _run(capsys, "--db", str(tmp_path / "k.db"), "import", "--dry-run", "--lang", "vi", str(path))
    assert "mới 1" in out
    assert "thẻ không có dòng kết thúc (BEGIN:VCARD mà thiếu END:VCARD): 1, thẻ đầu tiên ở dòng 6" in out


def test_a_file_of_nothing_but_begin_lines_says_why_nothing_was_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nest.vcf"
    path.write_text("BEGIN:VCARD\r\n" * 1000 + "END:VCARD\r\n")
    out = _run(capsys, "--db", str(tmp_path / "k.db"), "import", "--dry-run", "--lang", "en", str(path))
    assert "cards that never end (BEGIN:VCARD with no END:VCARD): 999, the first at line 1" in out
    assert "cards with nothing to import (no name, e-mail or phone): 1, the first is card 1" in out
