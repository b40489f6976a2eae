"""A letter's PDF is set in one face: LibreOffice is asked only when the computer has Times New
Roman, or a face it puts in its place, with the Vietnamese letters; without one (a Linux machine
with Nimbus Roman only) LibreOffice filled each ệ, ở, ư from DejaVu Serif, visibly wider inside
"Đổi mới" and "cảm ơn" of an official letter (reviewer), and reportlab, which embeds its own
faces whole, draws it instead. ``--engine libreoffice`` still asks LibreOffice."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.letters import draft
from tests.cli.inproc import run_cli

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="fontconfig's machines")


def _script(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A PATH whose fc-list lists the faces given, and whose soffice only notes it was run."""
    folder = tmp_path / "bin"
    asked = tmp_path / "soffice-ran"
    _script(folder, "soffice", f"touch {asked}\nexit 0")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")

    def faces(*names: str) -> Path:
        listed = "\\n".join(names)
        _script(folder, "fc-list", f'case "$1" in :charset=*) printf "{listed}\\n";; esac')
        return asked

    return faces


@pytest.mark.parametrize(
    ("faces", "whole"),
    [
        (("DejaVu Serif", "DejaVu Sans,DejaVu Sans Condensed", "Noto Mono"), False),
        (("DejaVu Serif", "Liberation Serif"), True),
        (("Times New Roman",), True),
        ((), False),
    ],
)
def test_fontconfig_is_asked_for_a_face_with_the_vietnamese_letters(machine, faces, whole) -> None:  # type: ignore[no-untyped-def]
    machine(*faces)
    assert draft.office_font_whole() is whole


def test_without_such_a_face_the_letter_is_drawn_in_one_face(machine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    asked = machine("DejaVu Serif", "Nimbus Roman")  # (no Vietnamese in Nimbus Roman)
    db = tmp_path / "k.db"

    def run(*args: str) -> tuple[int, str, str]:
        done = run_cli(db, *args)
        return done.returncode, done.stdout, done.stderr

    assert run("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")[0] == 0
    assert run("meeting", "add", "--title", "Họp về hợp tác", "--at", "2026-12-03 14:00",
               "--organisation", "NIC")[0] == 0  # fmt: skip
    pdf = tmp_path / "thu.pdf"
    code, out, err = run(
        "letter", "draft", "meeting:1", "-o", str(tmp_path / "thu.docx"), "--pdf", str(pdf), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["pdf_engine"] == "reportlab" and not asked.exists()
    page = PdfReader(str(pdf)).pages[0]
    used: set[str] = set()  # the faces of the text on the page (reportlab lists Helvetica unused)

    def seen(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and font is not None:
            used.add(str(font["/BaseFont"]).split("+")[-1].split("-")[0])  # type: ignore[index]

    text = page.extract_text(visitor_text=seen)
    assert len(used) == 1, used
    assert "Đổi mới sáng tạo" in " ".join(text.split())

    # asked for, LibreOffice is still run (this one converts nothing: said so)
    code, _, err = run("letter", "draft", "meeting:1", "-o", str(tmp_path / "b.docx"), "--pdf",
                       str(tmp_path / "b.pdf"), "--engine", "libreoffice")  # fmt: skip
    assert asked.exists() and code != 0 and "LibreOffice wrote no PDF" in err


def test_with_such_a_face_libreoffice_is_asked_first(machine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    asked = machine("Liberation Serif")
    db = tmp_path / "k.db"
    assert run_cli(db, "org", "add", "--name", "NIC").returncode == 0
    assert (
        run_cli(
            db, "meeting", "add", "--title", "Họp", "--at", "2026-12-03 14:00", "--organisation", "NIC"
        ).returncode
        == 0
    )
    done = run_cli(
        db, "letter", "draft", "meeting:1", "-o", str(tmp_path / "t.docx"), "--pdf", str(tmp_path / "t.pdf")
    )
    assert done.returncode == 0, done.stderr
    assert asked.exists()  # (it wrote nothing: drawn with reportlab after all, as before)
