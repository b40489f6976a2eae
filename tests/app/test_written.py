"""Why a chosen file was not written (app.written), in words: the OS's errors as codes that name
the file chosen and its folder, never a ``.part`` or Python's "[Errno …]"."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from app.written import TEMPLATES, NotWritten, check_folder, not_written


def _oserror(code: int, path: Path) -> OSError:
    return OSError(code, "whatever the OS says", str(path.with_name(path.name + ".part")))


@pytest.mark.parametrize(
    ("code", "expected", "words"),
    [
        (errno.EROFS, "read_only", "is read-only for you. Choose another folder."),
        (errno.EACCES, "no_permission", "you may not write to the folder"),
        (errno.EPERM, "no_permission", "you may not write to the folder"),
        (errno.ENOSPC, "disk_full", "is full. Free some space or choose another folder."),
        (errno.EDQUOT, "disk_full", "is full"),
        (errno.EIO, "other", "was not written to the folder"),
    ],
)
def test_each_error_is_a_sentence_naming_the_file_and_its_folder(
    tmp_path: Path, code: int, expected: str, words: str
) -> None:
    target = tmp_path / "x.xlsx"
    out = not_written(_oserror(code, target), target)
    assert out.code == expected and out.path == target
    text = str(out)
    assert text.startswith("x.xlsx was not written") and str(tmp_path) in text and words in text
    assert ".part" not in text and "Errno" not in text and "OSError" not in text
    assert out.text("vi").startswith("Chưa ghi được x.xlsx") and str(tmp_path) in out.text("vi")


def test_a_missing_folder_is_refused_not_made(tmp_path: Path) -> None:
    target = tmp_path / "nodir" / "sub" / "x.xlsx"
    with pytest.raises(NotWritten) as refused:
        check_folder(target)
    assert refused.value.code == "no_folder"
    assert str(refused.value) == f"x.xlsx was not written: there is no folder {target.parent}."
    assert not (tmp_path / "nodir").exists()
    assert not_written(_oserror(errno.ENOENT, target), target).code == "no_folder"
    check_folder(tmp_path / "x.xlsx")  # a folder that is there: nothing to say


def test_a_read_only_file_in_a_writable_folder_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "n.txt"
    target.write_text("kept")
    monkeypatch.setattr("app.written.os.access", lambda _p, _mode: False)  # (root may write anything)
    out = not_written(_oserror(errno.EACCES, target), target)
    assert out.code == "file_read_only"
    assert (
        str(out)
        == f"n.txt was not written: the file n.txt in {tmp_path} is read-only for you. Choose another name."
    )


def test_every_code_has_both_languages() -> None:
    for code, (en, vi) in TEMPLATES.items():
        assert en and vi and en != vi, code
        assert set(_fields(en)) == set(_fields(vi)), code


def _fields(template: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(template) if f]
