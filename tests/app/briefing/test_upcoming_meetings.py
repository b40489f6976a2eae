"""An organisation's and a person's brief list the meetings to come with them, under "Upcoming
meetings" / "Cuộc họp sắp tới": day and hours, title, kind and place, our staff and theirs,
nearest first, at most five and how many more (reviewer: the brief of MOST said "Last meeting
3 Dec 2026" and nothing of the meeting "Chuẩn bị làm việc với Bộ KH&CN về sandbox" set for
10 Dec). "To come" is from now, the clock's (db.clock): a meeting later today is to come, not
"recent" nor the "last meeting"; one held this morning is not to come. A confidential one is
marked as the brief's other confidential rows; a brief with none to come has no such part."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.inproc import copy_of, demo_database, run_cli

SANDBOX_START = "Chuẩn bị làm việc với Bộ"  # "… Khoa học và Công nghệ về sandbox": the demo's, in 4 days
HELD_START = "Phiên làm việc với Mạng lưới"  # "… Đổi mới sáng tạo Việt Nam tại Hòa Lạc": held with MOST

WORDS = {
    "en": {
        "upcoming": "Upcoming meetings",
        "next": "Key people",
        "recent": "Recent meetings and decisions",
        "head": ("When", "Meeting", "Our team", "With"),
        "day": "27 Nov 2026",
        "kind": "Meeting",
        "mark": "Confidential",
        "header": "CONFIDENTIAL — DO NOT CIRCULATE",
        "more": "… and 2 more planned after these",
    },
    "vi": {
        "upcoming": "Cuộc họp sắp tới",
        "next": "Nhân sự chủ chốt",
        "recent": "Các cuộc họp gần đây và kết luận",
        "head": ("Thời gian", "Cuộc họp", "Thành phần phía ta", "Với"),
        "day": "27/11/2026",
        "kind": "Cuộc họp",
        "mark": "Mật",
        "header": "MẬT — KHÔNG PHỔ BIẾN",
        "more": "… và 2 cuộc họp khác đã lên lịch",
    },
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's data, the clock at 23 Nov 2026 09:00 (tests/conftest.py): the meeting with MOST
    on the sandbox is on 27 Nov, 09:00–10:30; the working session at Hòa Lạc was held before."""
    return demo_database(tmp_path_factory)


def _ok(db: Path, *argv: str) -> None:
    done = run_cli(db, *argv)
    assert done.returncode == 0, done.stderr


def _meeting(db: Path, title: str, at: str, *more: str) -> None:
    _ok(db, "log-meeting", "--title", title, "--at", at, "--organisation", "MOST", *more)


def _lines(db: Path, tmp_path: Path, lang: str, *record: str) -> list[str]:
    pdf = tmp_path / f"{record[0]}-{lang}.pdf"
    _ok(db, "brief", *record, "--lang", lang, "-o", str(pdf))
    return [
        ln.strip() for page in PdfReader(str(pdf)).pages for ln in (page.extract_text() or "").splitlines()
    ]


def _part(lines: list[str], start: str, end: str) -> list[str]:
    """The lines from the heading ``start`` to the next heading ``end``."""
    at = lines.index(start)
    return lines[at + 1 : lines.index(end, at)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_meeting_to_come_is_in_the_organisations_and_the_persons_brief(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    w = WORDS[lang]
    for record, end in ((("org", "MOST"), w["next"]), (("contact", "Bùi Đức Hà"), w["recent"])):
        lines = _lines(demo, tmp_path, lang, *record)
        part = _part(lines, w["upcoming"], end)
        text = " ".join(part)
        assert part[: len(w["head"])] == list(w["head"]), (record, part[:6])  # the columns
        assert SANDBOX_START in text, record  # (the title wraps in its cell)
        for shown in (
            w["day"], "09:00–10:30", w["kind"], "113 Trần Duy Hưng",  # when, kind, place
            "Trần Minh Quang",  # our side
            "MOST, NIC", "Bùi Đức Hà", "Hoàng Quốc Yến",  # theirs
        ):  # fmt: skip
            assert shown in text, (record, shown, part)
        assert SANDBOX_START not in " ".join(_part(lines, w["recent"], lines[-1])), record
        assert HELD_START not in text  # the meeting held is not to come
        assert HELD_START in " ".join(lines), record
        # above the recent meetings, beside "Last meeting"
        assert lines.index(w["upcoming"]) < lines.index(w["recent"]), record


def test_a_meeting_later_today_is_to_come_one_this_morning_is_not(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    _meeting(db, "Họp sớm với Bộ", "23/11/2026 08:00")
    _meeting(db, "Họp chiều với Bộ", "23/11/2026 15:00", "--owner", "Lê Thu Hà")
    lines = _lines(db, tmp_path, "en", "org", "MOST")
    upcoming = " ".join(_part(lines, "Upcoming meetings", "Key people"))
    recent = " ".join(_part(lines, "Recent meetings and decisions", lines[-1]))
    assert "Họp chiều với Bộ" in upcoming and "23 Nov 2026 15:00" in upcoming
    assert "Lê Thu Hà" in upcoming  # in charge of it: our side, with no staff named on it
    assert "Họp chiều với Bộ" not in recent  # not held yet
    assert "Họp sớm với Bộ" in recent and "Họp sớm với Bộ" not in upcoming
    # the nearest first: this afternoon's, then the sandbox meeting on 27 Nov
    assert upcoming.index("Họp chiều với Bộ") < upcoming.index("Chuẩn bị làm việc")
    glance = " ".join(_part(lines, "Relationship at a glance", "Upcoming meetings"))
    assert "23 Nov 2026 Last meeting" in glance  # this morning's, not this afternoon's


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_confidential_meeting_to_come_is_marked_and_five_are_listed(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    w = WORDS[lang]
    db = copy_of(demo, tmp_path)
    _meeting(db, "Họp kín về ngân sách", "24/11/2026 14:00", "--confidential")
    for day in range(1, 6):  # in December: after the sandbox meeting
        _meeting(db, f"Họp định kỳ {day}", f"0{day}/12/2026 09:00")
    lines = _lines(db, tmp_path, lang, "org", "MOST")
    assert w["header"] in lines[-1] or w["header"] in " ".join(lines)
    part = _part(lines, w["upcoming"], w["next"])
    secret = next(i for i, ln in enumerate(part) if "Họp kín về ngân sách" in ln)
    assert part[secret - 1] == w["mark"]  # marked above its title, as every confidential row
    text = " ".join(part)
    shown = [t for t in ("Họp kín", "Chuẩn bị làm việc", "Họp định kỳ 1", "Họp định kỳ 2", "Họp định kỳ 3")]
    assert [text.index(t) for t in shown] == sorted(text.index(t) for t in shown)  # nearest first
    assert "Họp định kỳ 4" not in text and "Họp định kỳ 5" not in text
    assert w["more"] in text


def test_no_meeting_to_come_no_such_part(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    _ok(db, "org", "add", "--name", "Quỹ Mới")
    _ok(db, "log-meeting", "--title", "Gặp lần đầu", "--at", "02/11/2026 09:00", "--organisation", "Quỹ Mới")
    for lang in ("en", "vi"):
        lines = _lines(db, tmp_path, lang, "org", "Quỹ Mới")
        assert WORDS[lang]["upcoming"] not in lines and "Gặp lần đầu" in " ".join(lines)


def test_none_held_yet_one_to_come_is_not_no_meeting_recorded(demo: Path, tmp_path: Path) -> None:
    """A new partner's first meeting is next week: the brief says none has taken place yet, not
    that none is recorded, above the one it lists to come."""
    db = copy_of(demo, tmp_path)
    _ok(db, "org", "add", "--name", "Quỹ Mới")
    _ok(db, "log-meeting", "--title", "Gặp lần đầu", "--at", "30/11/2026 09:00", "--organisation", "Quỹ Mới")
    for lang, said, upcoming in (
        ("en", "No meeting with this organisation has taken place yet.", "Upcoming meetings"),
        ("vi", "Chưa diễn ra cuộc họp nào với tổ chức này.", "Cuộc họp sắp tới"),
    ):
        lines = _lines(db, tmp_path, lang, "org", "Quỹ Mới")
        assert lines.index(said) < lines.index(upcoming), lang
        assert "Gặp lần đầu" in " ".join(lines[lines.index(upcoming) :]), lang
