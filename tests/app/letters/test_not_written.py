"""A letter drafted to a folder Ketnoi may not write, or to one that is not there: the .docx and
the PDF (reportlab; LibreOffice's is copied the same way) say which file was not written and why
(app.written.NotWritten, the words of every other chosen file), leave no ``.part`` behind, and
make no folder. They made missing folders (a typo became a folder tree) and said "cannot write
/ro/thu.docx: Read-only file system" in English only; the command line now says it in its
language and the window through ui.not_written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.cli import main
from app.letters import draft
from app.written import NotWritten
from db.engine import read_session
from tests.app.letters.test_draft import _signed_letter
from tests.read_only import read_only


@pytest.fixture
def doc(engine: Engine) -> draft.LetterDoc:
    letter = _signed_letter(engine)
    with read_session(engine) as s:
        return draft.letter_doc(s, letter)  # type: ignore[arg-type]


@pytest.fixture
def ro(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    return folder


def _read_only(exc: NotWritten, path: Path) -> None:
    # (root writes through permissions: a read-only mount; another user: a folder of mode 555)
    assert exc.code in ("read_only", "no_permission") and exc.path == path, (exc.code, exc.path)
    assert ".part" not in str(exc) and "Errno" not in str(exc)


def test_docx_and_pdf_to_a_read_only_folder(doc: draft.LetterDoc, ro: Path) -> None:
    with read_only(ro):
        with pytest.raises(NotWritten) as docx:
            draft.write_docx(doc, ro / "thu.docx")
        _read_only(docx.value, ro / "thu.docx")
        with pytest.raises(NotWritten) as pdf:
            draft.write_pdf(doc, ro / "thu.pdf", engine="reportlab")
        _read_only(pdf.value, ro / "thu.pdf")
    assert list(ro.iterdir()) == []


def test_docx_and_pdf_to_a_folder_that_is_not_there_make_none(doc: draft.LetterDoc, tmp_path: Path) -> None:
    missing = tmp_path / "nodir" / "sub"
    for write in (draft.write_docx, lambda d, p: draft.write_pdf(d, p, engine="reportlab")):
        with pytest.raises(NotWritten) as refused:
            write(doc, missing / "thu.x")
        assert str(refused.value) == f"thu.x was not written: there is no folder {missing}."
    assert not (tmp_path / "nodir").exists()


def test_a_written_letter_leaves_no_part_beside_it(doc: draft.LetterDoc, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    draft.write_docx(doc, out / "thu.docx")
    draft.write_pdf(doc, out / "thu.pdf", engine="reportlab")
    assert sorted(p.name for p in out.iterdir()) == ["thu.docx", "thu.pdf"]


def test_letter_draft_on_the_command_line(
    tmp_path: Path, ro: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "k.db")
    assert main(["org", "add", "--name", "Genetica", "--db", db]) == 0
    capsys.readouterr()
    assert main(["action", "add", "--title", "Thư giới thiệu", "--kind", "letter", "--db", db, "--json"]) == 0
    action = json.loads(capsys.readouterr().out)["id"]
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    missing = tmp_path / "nodir"
    draft_args = ["letter", "draft", f"action:{action}", "--db", db]
    assert main([*draft_args, "-o", str(missing / "a.docx")]) == 1
    assert capsys.readouterr().err == f"ketnoi: a.docx was not written: there is no folder {missing}.\n"
    assert main([*draft_args, "-o", str(tmp_path / "a.docx"), "--pdf", str(missing / "a.pdf")]) == 1
    assert capsys.readouterr().err == f"ketnoi: a.pdf was not written: there is no folder {missing}.\n"
    assert not missing.exists() and not (tmp_path / "a.docx").exists()
    assert main(["letter", "list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["letters"] == []  # refused before a letter was made
    with read_only(ro):
        assert main([*draft_args, "-o", str(ro / "a.docx")]) == 1
        err = capsys.readouterr().err
        assert err.startswith("ketnoi: a.docx was not written: ") and err.count("\n") == 1, err
        assert ".part" not in err and "Errno" not in err
        monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")  # the CLI's language: the locale's, not the letter's
        assert main([*draft_args, "-o", str(ro / "a.docx"), "--lang", "en"]) == 1
        assert capsys.readouterr().err.startswith("ketnoi: Chưa ghi được a.docx: ")
    assert list(ro.iterdir()) == []
    assert main(["letter", "list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["letters"] == []  # nor for a read-only folder
