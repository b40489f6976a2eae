"""A confidential meeting's brief (reviewer's findings on Lan's meeting with Phan Thanh Sơn):
marked confidential on every page, its attendees' emails break where a reader expects, each
person called by the title their record gives (as on their page and in the organisation's
brief), and "Previous meetings with these people" lists only meetings one of them attended."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import posts, records
from app.briefing import render
from app.briefing.gather import gather_meeting, gather_organisation
from db.engine import read_session, unit_of_work

TODAY = dt.date(2026, 11, 23)
KHOA_TITLE = "Phó Giám đốc phụ trách nghiên cứu và phát triển sản phẩm"
LONG = "dang.van.khoa.phogiamdoc@genetica-biotech-vietnam.example.vn"


def _setup(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica", "acronym": "GNT"})
        son = records.create(
            s,
            "contact",
            {"full_name": "Phan Thanh Sơn", "position": "Trưởng phòng", "organisation_id": org,
             "emails": ["son.pt@genetica.example.vn"]},
        )  # fmt: skip
        khoa = records.create(
            s,
            "contact",
            {"full_name": "Đặng Văn Khoa", "position": KHOA_TITLE, "organisation_id": org, "emails": [LONG]},
        )
        other = records.create(s, "contact", {"full_name": "Lý Thị Mai", "organisation_id": org})
        deputy = posts.add_post(s, org, "Phó Giám đốc", rank=2)
        posts.assign(s, deputy, khoa, starts_on=dt.date(2025, 1, 1))

        def meeting(title: str, at: dt.datetime, people: list[int], **kw: object) -> int:
            return records.create(
                s,
                "meeting",
                {"title": title, "starts_at": at, "organisation_ids": [org],
                 "attendees": [{"contact_id": c, "role": "participant"} for c in people], **kw},
            )  # fmt: skip

        ids = {"org": org, "son": son, "khoa": khoa}
        ids["with_son"] = meeting("Trao đổi với anh Sơn", dt.datetime(2026, 10, 1, 9), [son])
        ids["without"] = meeting("Làm việc với chị Mai", dt.datetime(2026, 10, 15, 9), [other])
        ids["secret"] = meeting(
            "Gặp riêng anh Sơn về đề án", dt.datetime(2026, 12, 4, 14), [son, khoa], confidential=True
        )
        return ids


def _lines(path: Path) -> list[str]:
    return [
        ln.strip() for page in PdfReader(str(path)).pages for ln in (page.extract_text() or "").splitlines()
    ]


def test_a_confidential_meetings_brief(engine: Engine, tmp_path: Path) -> None:
    ids = _setup(engine)
    with read_session(engine) as s:
        brief = gather_meeting(s, ids["secret"], today=TODAY)
        org_brief = gather_organisation(s, ids["org"], today=TODAY)
    assert brief.confidential
    # the same title as the organisation's brief (the record's position), not the post's name
    khoa = next(p for p in brief.attendees if p.name == "Đặng Văn Khoa")
    assert (
        khoa.position == KHOA_TITLE == next(p.position for p in org_brief.people if p.name == "Đặng Văn Khoa")
    )
    assert brief.attendees[0].name == "Đặng Văn Khoa"  # still first: he holds a post
    # only meetings one of these people attended, not every meeting of Genetica
    assert [m.title for m in brief.previous_meetings] == ["Trao đổi với anh Sơn"]
    for lang, mark, header in (
        ("en", "CONFIDENTIAL", "CONFIDENTIAL MEETING — DO NOT CIRCULATE"),
        ("vi", "MẬT", "MẬT — KHÔNG PHỔ BIẾN"),
    ):
        path = tmp_path / f"meeting-{lang}.pdf"
        render.render_meeting(brief, path, lang=lang)
        lines = _lines(path)
        reader = PdfReader(str(path))
        for page in reader.pages:  # every page's header, not only the first
            assert header in (page.extract_text() or ""), lang
        assert mark in lines, lines[:8]  # the boxed mark, a line of its own above the title
        assert lines.index(mark) < next(i for i, ln in enumerate(lines) if "Gặp riêng anh Sơn" in ln)
        # emails: whole, or broken after "@" (then after a "."), never inside a word
        text = "\n".join(lines)
        assert "son.pt@genetica.example.vn" in text or (
            "son.pt@" in lines and "genetica.example.vn" in lines
        ), [ln for ln in lines if "son" in ln or "genetica" in ln]
        broken = [ln for ln in lines if ln and ln in LONG]
        assert "".join(broken) == LONG, broken  # its pieces, each a line, make it whole
        assert all(p.endswith(("@", ".", "-")) for p in broken[:-1]), broken
        assert " ".join(lines).count("Phó Giám đốc phụ trách nghiên cứu và phát triển sản phẩm") == 1
        assert "Phó Giám đốc" not in lines  # (the post's short name, as the brief said before)


def test_an_ordinary_meetings_brief_is_not_marked(engine: Engine, tmp_path: Path) -> None:
    ids = _setup(engine)
    with read_session(engine) as s:
        brief = gather_meeting(s, ids["with_son"], today=TODAY)
    assert not brief.confidential
    path = tmp_path / "m.pdf"
    render.render_meeting(brief, path, lang="vi")
    lines = _lines(path)
    assert "MẬT" not in lines and "MẬT — KHÔNG PHỔ BIẾN" not in "\n".join(lines)
