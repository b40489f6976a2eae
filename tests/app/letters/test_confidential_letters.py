"""A letter drafted from a confidential meeting or action is confidential: ``letter list --json``
says so, and the brief of the organisation it is written to marks it ("Confidential" / "Mật"
above its subject) and is headed CONFIDENTIAL (reviewer: ``letter draft meeting:8 --to NVIDIA``
then ``brief org NVIDIA`` printed the letter unmarked under the grey INTERNAL header). A letter
of an ordinary meeting stays unmarked. Briefs read back with pypdf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.inproc import as_in_a_test, copy_of, run_cli

SECRET = "Họp kín về thương vụ Genetica – QBM"


def _lines(path: Path) -> list[str]:
    return [
        ln.strip() for page in PdfReader(str(path)).pages for ln in (page.extract_text() or "").splitlines()
    ]


def _ok(db: Path, *argv: str) -> str:
    done = run_cli(db, *argv)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office, NVIDIA and VinAI; a confidential meeting with NVIDIA (its invitation drafted
    to NVIDIA) and an ordinary one with VinAI (its thank-you drafted)."""
    folder = tmp_path_factory.mktemp("confidential-letters")
    path = folder / "k.db"
    # (the clock pinned, as in a test: a module's fixture runs before the test's own pin, and
    # a year ahead (CI under faketime) the meeting of 09/12/2026 was past: a thank-you, not an
    # invitation)
    with as_in_a_test(folder):
        _ok(path, "org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--set", "acronym=NIC")
        _ok(path, "org", "add", "--name", "NVIDIA Vietnam R&D Center", "--set", "acronym=NVIDIA")
        _ok(path, "org", "add", "--name", "VinAI")
        _ok(
            path, "meeting", "add", "--title", SECRET, "--at", "09/12/2026 14:00", "--organisation", "NIC",
            "--agenda", "Định giá Genetica", "--confidential",
        )  # fmt: skip
        _ok(
            path,
            "meeting",
            "add",
            "--title",
            "Họp với VinAI về AI",
            "--at",
            "18/11/2026 10:00",
            "--organisation",
            "VinAI",
        )
        _ok(path, "letter", "draft", "meeting:1", "--to", "NVIDIA", "-o", str(folder / "m1.docx"))
        _ok(path, "letter", "draft", "meeting:2", "-o", str(folder / "m2.docx"))
    return path


def _marked_above(lines: list[str], mark: str, title: str) -> bool:
    at = next(i for i, ln in enumerate(lines) if title in ln)
    return lines[at - 1] == mark


def test_the_letter_of_a_confidential_meeting_is_confidential(db: Path) -> None:
    letters = {r["meeting_id"]: r for r in json.loads(_ok(db, "letter", "list", "--json"))["letters"]}
    assert letters[1]["confidential"] is True
    assert letters[2]["confidential"] is False


@pytest.mark.parametrize(
    ("lang", "header", "item", "usual"),
    [
        ("en", "CONFIDENTIAL — DO NOT CIRCULATE", "Confidential", "INTERNAL — NOT FOR CIRCULATION"),
        ("vi", "MẬT — KHÔNG PHỔ BIẾN", "Mật", "TÀI LIỆU NỘI BỘ — KHÔNG PHỔ BIẾN"),
    ],
)
def test_the_brief_of_its_addressee_marks_it_and_is_headed_confidential(
    db: Path, tmp_path: Path, lang: str, header: str, item: str, usual: str
) -> None:
    pdf = tmp_path / f"nvidia-{lang}.pdf"
    _ok(db, "brief", "org", "NVIDIA", "--lang", lang, "-o", str(pdf))
    for page in PdfReader(str(pdf)).pages:
        assert header in (page.extract_text() or "")
    lines = _lines(pdf)
    subject = next(ln for ln in lines if ln.startswith("Mời tham dự buổi làm việc"))
    assert _marked_above(lines, item, subject)
    pdf = tmp_path / f"vinai-{lang}.pdf"  # an ordinary meeting's letter: as it was
    _ok(db, "brief", "org", "VinAI", "--lang", lang, "-o", str(pdf))
    text = "\n".join(_lines(pdf))
    assert usual in text and "Cảm ơn sau buổi làm việc" in text
    assert header not in text


def test_a_letter_made_from_a_confidential_action_is_confidential(db: Path, tmp_path: Path) -> None:
    work = copy_of(db, tmp_path)
    _ok(
        work,
        "action",
        "add",
        "--title",
        "Gửi thư giới thiệu Genetica",
        "--organisation",
        "VinAI",
        "--confidential",
    )
    out = json.loads(_ok(work, "letter", "draft", "action:1", "-o", str(tmp_path / "a.docx"), "--json"))
    shown = json.loads(_ok(work, "letter", "show", str(out["letter_id"]), "--json"))
    assert shown["letter"]["confidential"] is True
