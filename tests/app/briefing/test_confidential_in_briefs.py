"""An organisation's, a person's and a period's brief that list something confidential say so:
the red mark on every page's header, the boxed mark and who may read it above the title, and
"Confidential" / "Mật" on each confidential row (reviewer: a manager's brief of Genetica printed a
confidential meeting's minutes and follow-up under only the grey "internal" mark, as did the
brief of the person who attended it). A brief with nothing confidential stays as it was. The
team database's side (a manager's brief, an officer's without the meeting) is in
tests/db/test_confidential_briefs_team.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.inproc import copy_of, run_cli

SECRET = "Họp kín về đầu tư Genetica"
FOLLOW_UP = "Chuẩn bị hồ sơ đầu tư mật"
PLAIN = "Gặp thường với Genetica"


def _lines(path: Path) -> list[str]:
    return [
        ln.strip() for page in PdfReader(str(path)).pages for ln in (page.extract_text() or "").splitlines()
    ]


def _ok(db: Path, *argv: str) -> None:
    done = run_cli(db, *argv)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reviewer's data on a laptop's file (where one person sees everything): Genetica, Hồ Đức
    Giang, a confidential meeting with its minutes and a follow-up, and an ordinary meeting;
    VinAI with one ordinary meeting. Built once: a test that writes works on its own copy."""
    path = tmp_path_factory.mktemp("confidential") / "k.db"
    _ok(path, "org", "add", "--name", "Genetica")
    _ok(path, "org", "add", "--name", "VinAI")
    _ok(path, "contact", "add", "--name", "Hồ Đức Giang", "--organisation", "Genetica")
    _ok(
        path, "log-meeting", "--title", SECRET, "--at", "20/11/2026 15:00", "--organisation", "Genetica",
        "--attendee", "Hồ Đức Giang", "--follow-up", f"{FOLLOW_UP};due=+1w;we-owe",
        "--minutes", "Thông tin nhạy cảm: định giá 5 triệu USD", "--confidential",
    )  # fmt: skip
    _ok(path, "log-meeting", "--title", PLAIN, "--at", "18/11/2026 09:00", "--organisation", "Genetica")
    _ok(path, "log-meeting", "--title", "Gặp VinAI", "--at", "18/11/2026 10:00", "--organisation", "VinAI")
    return path


def _marked_above(lines: list[str], mark: str, title: str) -> bool:
    """The line just above the row's title (in its cell) is the confidential mark."""
    at = next(i for i, ln in enumerate(lines) if title in ln)
    return lines[at - 1] == mark


@pytest.mark.parametrize(
    ("lang", "box", "header", "item", "note"),
    [
        ("en", "CONFIDENTIAL", "CONFIDENTIAL — DO NOT CIRCULATE", "Confidential", "Holds confidential records ({})"),
        ("vi", "MẬT", "MẬT — KHÔNG PHỔ BIẾN", "Mật", "Có hồ sơ mật ({})"),
    ],
)  # fmt: skip
def test_organisation_person_and_digest_briefs_mark_a_confidential_meeting_and_its_follow_up(
    db: Path, tmp_path: Path, lang: str, box: str, header: str, item: str, note: str
) -> None:
    # the meeting and its follow-up; the digest lists the meeting (what was done and what is late
    # in the period: neither is the follow-up)
    for argv, count in (
        (("org", "Genetica"), 2),
        (("contact", "Hồ Đức Giang"), 2),
        (("digest", "--from", "2026-11-16"), 1),
    ):
        pdf = tmp_path / f"{argv[0]}-{lang}.pdf"
        _ok(db, "brief", *argv, "--lang", lang, "-o", str(pdf))
        for page in PdfReader(str(pdf)).pages:  # every page's header, not only the first
            assert header in (page.extract_text() or ""), (argv, lang)
        lines = _lines(pdf)
        assert lines.index(box) < next(i for i, ln in enumerate(lines) if SECRET in ln), argv
        assert any(ln.startswith(note.format(count)) for ln in lines), (argv, lines[:6])
        assert _marked_above(lines, item, SECRET), argv
        if argv[0] != "contact":  # (he did not attend it)
            assert not _marked_above(lines, item, PLAIN), argv  # the ordinary meeting: no mark
        if argv[0] != "digest":
            assert _marked_above(lines, item, FOLLOW_UP), argv


def test_a_brief_with_nothing_confidential_stays_as_it_was(db: Path, tmp_path: Path) -> None:
    for lang, usual, words in (
        ("en", "INTERNAL — NOT FOR CIRCULATION", ("CONFIDENTIAL", "Confidential")),
        ("vi", "TÀI LIỆU NỘI BỘ — KHÔNG PHỔ BIẾN", ("MẬT", "Mật")),
    ):
        pdf = tmp_path / f"vinai-{lang}.pdf"
        _ok(db, "brief", "org", "VinAI", "--lang", lang, "-o", str(pdf))
        text = "\n".join(_lines(pdf))
        assert usual in text and "Gặp VinAI" in text
        assert not any(w in text for w in words), lang


def test_a_confidential_organisations_brief_says_so_above_its_name(db: Path, tmp_path: Path) -> None:
    db = copy_of(db, tmp_path)
    _ok(db, "org", "add", "--name", "Quỹ Đầu tư Kín", "--confidential")
    pdf = tmp_path / "quy.pdf"
    _ok(db, "brief", "org", "Quỹ Đầu tư Kín", "--lang", "vi", "-o", str(pdf))
    lines = _lines(pdf)
    assert "MẬT — KHÔNG PHỔ BIẾN" in "\n".join(lines)
    assert lines.index("MẬT") < lines.index("Quỹ Đầu tư Kín")
    assert any(ln.startswith("Tổ chức mật: chỉ đưa tài liệu này") for ln in lines), lines[:6]


@pytest.mark.parametrize(
    ("lang", "own", "also", "who_may"),
    [
        (
            "en",
            "A confidential contact: give this brief only to those who may see them in Ketnoi.",
            "It also holds confidential records (2), each marked “Confidential” where it appears.",
            "give this brief only to",
        ),
        (
            "vi",
            "Người liên hệ mật: chỉ đưa tài liệu này cho người được xem người này trong Ketnoi.",
            "Tài liệu còn có hồ sơ mật khác (2), mỗi hồ sơ được đánh dấu “Mật” ở nơi nó xuất hiện.",
            "chỉ đưa tài liệu này cho",
        ),
    ],
)
def test_a_confidential_persons_brief_says_who_may_read_it_once(
    db: Path, tmp_path: Path, lang: str, own: str, also: str, who_may: str
) -> None:
    """Reviewer h103: the brief of a confidential contact who attended a confidential meeting
    said "give this brief only to those who may see them in Ketnoi" twice in its head."""
    db = copy_of(db, tmp_path)
    _ok(db, "contact", "edit", "Hồ Đức Giang", "--set", "confidential=true")
    pdf = tmp_path / f"giang-{lang}.pdf"
    _ok(db, "brief", "contact", "Hồ Đức Giang", "--lang", lang, "-o", str(pdf))
    text = " ".join(" ".join(_lines(pdf)).split())
    assert f"{own} {also}" in text, text[:600]
    assert text.count(who_may) == 1


def test_a_confidential_subjects_brief_is_not_named_after_it(db: Path, tmp_path: Path) -> None:
    """Reviewer h103: the temporary brief of a confidential meeting was written as
    "brief-meeting-2026-12-09-hop-kin-ve-thuong-vu-genetica-….pdf": a file's name travels where
    its content does not (an attachment, a folder's listing). Its day and kind only; the ordinary
    meeting keeps its title in the name."""
    import datetime as dt

    from sqlmodel import select

    from app.briefing.produce import BriefRequest, produce, suggested_file_name
    from db.engine import read_session
    from db.migrate import open_database
    from db.models import Meeting

    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            ids = {m.title: m.id for m in s.exec(select(Meeting))}
            today = dt.date(2026, 12, 7)
            secret = BriefRequest("meeting", ids[SECRET])
            plain = BriefRequest("meeting", ids[PLAIN])
            assert (
                suggested_file_name(s, secret, today)
                == "brief-meeting-2026-11-20-confidential-2026-12-07.pdf"
            )
            assert suggested_file_name(s, plain, today).startswith(
                "brief-meeting-2026-11-18-gap-thuong-voi-genetica"
            )
        done = produce(engine, secret, today=today, folder=tmp_path)
        assert done.path.name == "brief-meeting-2026-11-20-confidential-2026-12-07.pdf"
    finally:
        engine.dispose()
