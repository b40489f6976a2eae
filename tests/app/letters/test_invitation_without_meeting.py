"""An invitation tied to no meeting is never drafted with blanks. Reviewer h119: `letter add
--subject … --subject-en "Invitation to the Vietnam Innovation Week" --organisation …
--template invitation`, then `letter draft 5 --lang en` read "invite you to attend our recent
meeting." and "Time: , ." ("Thời gian: , ." in Vietnamese). Now the draft is refused, naming
what is missing in the CLI's language, or drafted with the event given by --event,
--event-time and --event-place."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from app.cli import main


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


@pytest.fixture
def letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    db = str(tmp_path / "k.db")
    for args in (
        ["org", "add", "--name", "Weiß & Söhne GmbH"],
        [
            "letter", "add", "--subject", "Mời tham dự Tuần lễ Đổi mới sáng tạo Việt Nam",
            "--subject-en", "Invitation to the Vietnam Innovation Week",
            "--organisation", "Weiß & Söhne GmbH", "--template", "invitation",
        ],
    ):  # fmt: skip
        assert main([*args, "--db", db, "--json"]) == 0, capsys.readouterr().err
    return db, "1"


@pytest.mark.parametrize(
    ("cli_lang", "said"),
    [
        (
            "en",
            "letter #1 invites to an event but belongs to no meeting: the event's name, its day and "
            "its starting time would be left blank.",
        ),
        (
            "vi",
            "công văn #1 mời dự một sự kiện nhưng không gắn với cuộc họp nào: tên sự kiện, ngày "
            "diễn ra và giờ bắt đầu sẽ bị để trống.",
        ),
    ],
)
@pytest.mark.parametrize("letter_lang", ["en", "vi"])
def test_refused_naming_what_is_missing_in_the_clis_language(
    letter: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_lang: str,
    said: str,
    letter_lang: str,
) -> None:
    db, ident = letter
    monkeypatch.setenv("LANG", "vi_VN.UTF-8" if cli_lang == "vi" else "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8" if cli_lang == "vi" else "en_US.UTF-8")
    out = tmp_path / f"l-{letter_lang}.docx"
    capsys.readouterr()
    assert main(["letter", "draft", ident, "--lang", letter_lang, "-o", str(out), "--db", db]) == 1
    err = capsys.readouterr().err
    assert said in err and "--event" in err
    assert not out.exists()  # nothing half-written


def test_drafted_with_the_event_given(
    letter: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, ident = letter
    event = ["--event-time", "09/12/2026 08:30", "--event-place", "Khu Công nghệ cao Hòa Lạc"]
    en, vi = tmp_path / "en.docx", tmp_path / "vi.docx"
    args = ["letter", "draft", ident, "--db", db]
    assert main([*args, "--lang", "en", "-o", str(en), "--event", "the Vietnam Innovation Week", *event]) == 0
    assert (
        main([*args, "--lang", "vi", "-o", str(vi), "--event", "Tuần lễ Đổi mới sáng tạo Việt Nam", *event])
        == 0
    )
    english = _texts(en)
    assert any(t.endswith("invite you to attend the Vietnam Innovation Week.") for t in english), english
    assert "Time: 08:30 Hanoi time (UTC+7), 09 December 2026." in english  # (its zone, as a meeting's)
    assert "Venue: Khu Công nghệ cao Hòa Lạc." in english
    vietnamese = _texts(vi)
    assert any(t.endswith("tham dự Tuần lễ Đổi mới sáng tạo Việt Nam.") for t in vietnamese), vietnamese
    assert "Thời gian: 08 giờ 30, 09/12/2026." in vietnamese
    assert not any("vừa qua" in t or "recent meeting" in t or ": , ." in t for t in english + vietnamese)
    # a time is a day and an hour: a day alone is refused, not drafted at 09:00
    capsys.readouterr()
    assert main([*args, "-o", str(tmp_path / "x.docx"), "--event", "X", "--event-time", "09/12/2026"]) == 1
    assert "--event-time '09/12/2026': write the day and the hour" in capsys.readouterr().err
