"""``ketnoi brief`` without ``-o`` names its PDF in the brief's language, with the window's words
(app.file_names, shared with ui.file_names): "tom-tat-…pdf" with ``--lang vi`` or under a
Vietnamese locale, "brief-…pdf" in English. It wrote "brief-…pdf" whatever the language, while
the Vietnamese window offered "tom-tat-…pdf" for the same brief (h141). The names stay plain
letters, digits and hyphens in both languages: nothing Windows refuses in a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.inproc import run_cli

DAY = "2026-11-23"  # the pinned clock's (tests/conftest.py)
VI = "vi_VN.UTF-8"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "k.db"
    for args in (
        ("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC"),
        ("contact", "add", "--name", "Đặng Văn Long", "--organisation", "NIC"),
        ("contact", "add", "--name", "Lê Thị Mật", "--organisation", "NIC", "--confidential"),
        ("log-meeting", "--title", "Làm việc với NIC: “Hợp tác” 2026?", "--at", "27/11/2026 09:00",
         "--organisation", "NIC", "--attendee", "Đặng Văn Long"),
    ):  # fmt: skip
        done = run_cli(path, *args)
        assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # (without -o a brief is written in the current folder)
    return path


def _brief(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    """The one file ``ketnoi brief ARGS`` wrote in the current folder, by name."""
    before = set(Path().iterdir())
    done = run_cli(db, "brief", *args, lang=lang)
    assert done.returncode == 0, done.stderr
    (new,) = set(Path().iterdir()) - before
    assert new.name in done.stdout
    return new.name


def test_a_vietnamese_brief_is_named_in_vietnamese(db: Path) -> None:
    names = [
        _brief(db, "contact", "Đặng Văn Long", "--lang", "vi"),
        _brief(db, "org", "NIC", lang=VI),  # the locale's language, no --lang
        _brief(db, "meeting", "1", lang=VI),
        _brief(db, "digest", "--from", "01/11/2026", "--to", "30/11/2026", lang=VI),
        _brief(db, "contact", "Lê Thị Mật", lang=VI),  # a confidential one is not named
    ]
    assert names == [
        f"tom-tat-dang-van-long-{DAY}.pdf",
        f"tom-tat-nic-{DAY}.pdf",
        f"tom-tat-cuoc-hop-2026-11-27-lam-viec-voi-nic-hop-tac-2026-{DAY}.pdf",
        f"tom-tat-tong-hop-2026-11-01-2026-11-30-{DAY}.pdf",
        f"tom-tat-lien-he-mat-{DAY}.pdf",
    ]
    for name in names:  # none of Windows' reserved characters, no accent, no space
        assert re.fullmatch(r"[a-z0-9.-]+", name), name


def test_an_english_brief_keeps_its_english_name_whatever_the_locale(db: Path) -> None:
    assert _brief(db, "contact", "Đặng Văn Long", "--lang", "en", lang=VI) == f"brief-dang-van-long-{DAY}.pdf"
    assert _brief(db, "meeting", "1") == f"brief-meeting-2026-11-27-lam-viec-voi-nic-hop-tac-2026-{DAY}.pdf"
    assert _brief(db, "contact", "Lê Thị Mật") == f"brief-contact-confidential-{DAY}.pdf"
