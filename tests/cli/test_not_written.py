"""A file chosen in a folder Ketnoi may not write, from the command line: `ketnoi export`,
`ketnoi template`, `ketnoi brief … -o` and `ketnoi attachment save -o` say in one line which
file was not written and why (the folder is read-only), in the language asked for — not
Python's "OSError: [Errno 30] … x.xlsx.part", and not followed by openpyxl's "Exception
ignored in: <generator object WorksheetWriter.get_stream…>". A folder that is not there is
refused, not made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.read_only import demo_file, read_only

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_file(tmp_path / "data")


@pytest.fixture
def ro(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    folder.mkdir()
    return folder


def _ketnoi(*args: str) -> subprocess.CompletedProcess[str]:
    """A separate process: what openpyxl's unfinished sheets say shows at its exit."""
    code = f"import sys; from app.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run(
        [sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def _read_only_line(err: str, name: str, folder: Path) -> None:
    assert err == (
        f"ketnoi: {name} was not written: the folder {folder} is read-only for you. Choose another folder.\n"
    ), err


def test_export_to_a_read_only_folder_is_one_line_without_noise(db: Path, ro: Path) -> None:
    with read_only(ro):
        done = _ketnoi("export", str(ro / "x.xlsx"), "--db", str(db), "--lang", "en")
    assert done.returncode == 1
    _read_only_line(done.stderr, "x.xlsx", ro)  # (no "Exception ignored", no ".part")
    assert done.stdout == ""
    assert list(ro.iterdir()) == []


def test_export_and_template_in_the_persons_language(
    db: Path, ro: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only(ro):
        assert main(["export", str(ro / "x.xlsx"), "--db", str(db), "--lang", "vi"]) == 1
        assert capsys.readouterr().err == (
            f"ketnoi: Chưa ghi được x.xlsx: thư mục {ro} chỉ cho phép bạn đọc. Hãy chọn thư mục khác.\n"
        )
        assert main(["template", str(ro / "mau.xlsx"), "--lang", "en"]) == 1
        _read_only_line(capsys.readouterr().err, "mau.xlsx", ro)


def test_export_to_a_folder_that_is_not_there_is_refused_not_made(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nodir" / "sub"
    assert main(["export", str(missing / "x.xlsx"), "--db", str(db), "--lang", "en"]) == 1
    assert capsys.readouterr().err == f"ketnoi: x.xlsx was not written: there is no folder {missing}.\n"
    assert main(["template", "-o", str(missing / "mau.xlsx"), "--lang", "en"]) == 1
    assert "there is no folder" in capsys.readouterr().err
    assert not (tmp_path / "nodir").exists()


def test_brief_to_a_read_only_folder(
    db: Path, ro: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_only(ro):
        assert main(["brief", "org", "MOST", "--db", str(db), "-o", str(ro / "b.pdf")]) == 1
        _read_only_line(capsys.readouterr().err, "b.pdf", ro)
        monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")  # the locale's language (--lang: the PDF's headings)
        assert main(["brief", "org", "MOST", "--db", str(db), "-o", str(ro / "b.pdf"), "--lang", "en"]) == 1
        assert capsys.readouterr().err == (
            f"ketnoi: Chưa ghi được b.pdf: thư mục {ro} chỉ cho phép bạn đọc. Hãy chọn thư mục khác.\n"
        )
    assert list(ro.iterdir()) == []


def test_attachment_saved_to_a_read_only_folder(
    db: Path, ro: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    note = tmp_path / "n.txt"
    note.write_text("ghi chú")
    assert main(["attach", "organisation", "MOST", str(note), "--db", str(db), "--json"]) == 0
    capsys.readouterr()
    assert main(["attachments", "organisation", "MOST", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    ident = next(a["id"] for a in (listed if isinstance(listed, list) else listed["attachments"]))
    with read_only(ro):
        assert main(["attachment", "save", str(ident), "--db", str(db), "-o", str(ro / "n.txt")]) == 1
        _read_only_line(capsys.readouterr().err, "n.txt", ro)
        monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")  # the CLI's language: the locale's
        assert main(["attachment", "save", str(ident), "--db", str(db), "-o", str(ro / "n.txt")]) == 1
        assert capsys.readouterr().err == (
            f"ketnoi: Chưa ghi được n.txt: thư mục {ro} chỉ cho phép bạn đọc. Hãy chọn thư mục khác.\n"
        )
    # A folder that is not there: the same sentence (it was the command's own English "no folder …").
    missing = tmp_path / "nodir"
    assert main(["attachment", "save", str(ident), "--db", str(db), "-o", str(missing / "n.txt")]) == 1
    assert capsys.readouterr().err == f"ketnoi: Chưa ghi được n.txt: không có thư mục {missing}.\n"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert main(["attachment", "save", str(ident), "--db", str(db), "-o", str(missing / "n.txt")]) == 1
    assert capsys.readouterr().err == f"ketnoi: n.txt was not written: there is no folder {missing}.\n"
    assert not missing.exists()


@pytest.mark.parametrize(("command", "name"), [("export-ics", "k.ics"), ("export-vcard", "k.vcf")])
def test_calendar_and_vcard_to_a_read_only_folder_name_the_file_not_a_temporary_one(
    db: Path,
    ro: Path,
    command: str,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """They said "ketnoi: OSError: [Errno 30] Read-only file system: '/ro/.ketnoi-6qgy8uwi'"."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    with read_only(ro):
        assert main([command, "--db", str(db), "-o", str(ro / name)]) == 1
        _read_only_line(capsys.readouterr().err, name, ro)
        monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")  # the CLI's language: the locale's
        assert main([command, "--db", str(db), "-o", str(ro / name)]) == 1
        assert capsys.readouterr().err == (
            f"ketnoi: Chưa ghi được {name}: thư mục {ro} chỉ cho phép bạn đọc. Hãy chọn thư mục khác.\n"
        )
    assert list(ro.iterdir()) == []


@pytest.mark.parametrize(("command", "name"), [("export-ics", "k.ics"), ("export-vcard", "k.vcf")])
def test_calendar_and_vcard_to_a_folder_that_is_not_there(
    db: Path,
    tmp_path: Path,
    command: str,
    name: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    missing = tmp_path / "nodir"
    assert main([command, "--db", str(db), "-o", str(missing / name)]) == 1
    assert capsys.readouterr().err == f"ketnoi: {name} was not written: there is no folder {missing}.\n"
    assert not missing.exists()


def test_an_import_report_that_cannot_be_written_is_said_before_the_import(
    db: Path, ro: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ketnoi import --report` made a missing folder tree, and a report refused in a read-only
    folder came after the import had been written (a raw OSError). Both are refused first, and
    nothing is imported."""
    import openpyxl

    book = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Tổ chức", "Email"])
    ws.append(["Khổng Thị Lạ Lùng", "Công ty Mới Toanh", "lalung@moitoanh.vn"])
    wb.save(book)
    missing = tmp_path / "nodir" / "sub"
    args = ["import", str(book), "--db", str(db), "--lang", "en"]
    assert main([*args, "--report", str(missing / "r.xlsx")]) == 1
    assert capsys.readouterr().err == f"ketnoi: r.xlsx was not written: there is no folder {missing}.\n"
    assert not missing.parent.exists()
    with read_only(ro):
        assert main([*args, "--report", str(ro / "r.xlsx")]) == 1
    _read_only_line(capsys.readouterr().err, "r.xlsx", ro)
    assert main(["search", "Lạ Lùng", "--db", str(db)]) == 0
    assert "Khổng Thị Lạ Lùng" not in capsys.readouterr().out  # nothing was imported
