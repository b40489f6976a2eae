"""A LibreOffice that converts nothing does not cost the person their PDF (seen on this machine:
libreoffice-calc without Writer answers "Error: source file could not be loaded", exits 0 and
writes no PDF; ``letter draft --pdf`` then failed with "LibreOffice wrote no PDF for the
letter", and so did the Letters window's Draft). ``--engine auto`` draws it with reportlab
instead; ``--engine libreoffice`` still says LibreOffice failed."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.letters import draft


@pytest.fixture
def writerless_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    # (as on a computer with Times New Roman: else "auto" never asks LibreOffice, test_pdf_one_face.py)
    monkeypatch.setattr(draft, "office_font_whole", lambda: True)
    return script


def test_a_pdf_is_drawn_when_libreoffice_converts_nothing(
    writerless_soffice: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([*args, "--db", db])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("org", "add", "--name", "Công ty Cổ phần FPT", "--acronym", "FPT")[0] == 0
    assert run("meeting", "add", "--title", "Họp với FPT về sandbox", "--at", "2026-12-03 14:00",
               "--organisation", "FPT")[0] == 0  # fmt: skip
    pdf = tmp_path / "thu.pdf"
    code, out, err = run(
        "letter", "draft", "meeting:1", "-o", str(tmp_path / "thu.docx"), "--pdf", str(pdf), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["pdf_engine"] == "reportlab"
    text = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "Kính gửi: Công ty Cổ phần FPT" in text
    code, _, err = run("letter", "draft", "meeting:1", "-o", str(tmp_path / "b.docx"), "--pdf",
                       str(tmp_path / "b.pdf"), "--engine", "libreoffice")  # fmt: skip
    assert code != 0 and "LibreOffice wrote no PDF" in err
    assert not (tmp_path / "b.pdf").exists()
