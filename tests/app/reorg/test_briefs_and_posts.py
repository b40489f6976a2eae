"""Briefs and letters after reorganisations and changes of post holder (issue 15 items 4-5):
the organisation brief says "formerly …" / "merged into … on DATE" (PDF text read back); a
letter addressed to a post goes to the holder of the day (docx read back with python-docx);
the meeting brief lists attendees by the precedence of their posts, addressed as "Ông",
"PGS.TS." in Vietnamese and "Mr.", "Assoc. Prof. Dr." in English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import posts, records, reorg, story
from app.briefing.gather import gather_meeting, gather_organisation
from app.briefing.render import render_meeting, render_organisation
from app.errors import UserError
from app.letters import draft, register
from db.engine import read_session, unit_of_work

ON = dt.date(2025, 3, 1)
TODAY = dt.date(2026, 11, 23)  # the pinned clock


def _pdf_text(path: Path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(str(path)).pages).replace("\n", " ")


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            out += [p.text for p in cell.paragraphs]
    return "\n".join(out)


def test_the_briefs_say_formerly_and_merged_into_with_the_date(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        mic = records.create(s, "organisation", {"name": "Bộ Thông tin và Truyền thông", "acronym": "MIC"})
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        reorg.succeed(s, mic, [most], kind="merged", on=ON)
    with read_session(engine) as s:
        new = gather_organisation(s, most, today=TODAY)  # type: ignore[arg-type]
        old = gather_organisation(s, mic, today=TODAY)  # type: ignore[arg-type]
    expected = {
        ("en", "new"): ["Formerly", "Bộ Thông tin và Truyền thông (merged 1 Mar 2025)"],
        ("vi", "new"): ["Tiền thân", "Bộ Thông tin và Truyền thông (hợp nhất ngày 01/03/2025)"],
        ("en", "old"): ["Succeeded by", "merged into Bộ Khoa học và Công nghệ on 1 Mar 2025"],
        ("vi", "old"): ["Nay là", "đã hợp nhất vào Bộ Khoa học và Công nghệ từ ngày 01/03/2025"],
    }
    for (lang, which), words in expected.items():
        path = tmp_path / f"{which}-{lang}.pdf"
        render_organisation(new if which == "new" else old, str(path), lang=lang)
        text = _pdf_text(path)
        for w in words:
            assert w in text, (lang, which, w)


def _nic(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        ids = {"nic": nic}
        for key, name, hon in (
            ("an", "Nguyễn Văn An", "Ông"),
            ("binh", "Trần Thị Bình", "Bà"),
            ("chi", "Lê Minh Chi", "PGS.TS."),
            ("dung", "Phạm Dũng", "Mr."),
        ):
            ids[key] = records.create(
                s, "contact", {"full_name": name, "honorific": hon, "organisation_id": nic}
            )
        ids["director"] = posts.add_post(s, nic, "Giám đốc", rank=1)
        ids["deputy"] = posts.add_post(s, nic, "Phó Giám đốc", rank=2)
    return ids


def test_a_letter_to_a_post_goes_to_its_holder_of_the_day(engine: Engine, tmp_path: Path) -> None:
    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2024, 1, 1), decision="01/QĐ-BKHCN")
        letter = register.add_letter(
            s, {"subject": "Mời họp", "symbol": "NIC-HTQT", "post_id": ids["deputy"]}
        )
    with read_session(engine) as s:
        first = draft.write_docx(draft.letter_doc(s, letter), tmp_path / "a.docx")  # type: ignore[arg-type]
    text = _docx_text(first)
    assert "Ông Nguyễn Văn An - Phó Giám đốc Trung tâm Đổi mới sáng tạo Quốc gia" in text
    with unit_of_work(engine) as s:  # a new deputy from 01/11/2026: the draft follows
        posts.assign(s, ids["deputy"], ids["chi"], starts_on=dt.date(2026, 11, 1), decision="88/QĐ-BKHCN")
    with read_session(engine) as s:
        second = draft.write_docx(draft.letter_doc(s, letter), tmp_path / "b.docx")  # type: ignore[arg-type]
        english = draft.write_docx(draft.letter_doc(s, letter, lang="en"), tmp_path / "c.docx")  # type: ignore[arg-type]
        held = posts.held_by(s, ids["an"])  # type: ignore[arg-type]
    text = _docx_text(second)
    assert "PGS.TS. Lê Minh Chi - Phó Giám đốc" in text and "Nguyễn Văn An" not in text
    assert "Assoc. Prof. Dr. Lê Minh Chi" in _docx_text(english)
    assert [(h.post, h.starts_on, h.ends_on) for h in held] == [
        ("Phó Giám đốc", dt.date(2024, 1, 1), dt.date(2026, 10, 31))
    ]
    with unit_of_work(engine) as s:  # vacant: the letter goes to the post itself
        posts.end_current(s, ids["deputy"], on=dt.date(2026, 11, 20))
    with read_session(engine) as s:
        vacant = _docx_text(draft.write_docx(draft.letter_doc(s, letter), tmp_path / "d.docx"))  # type: ignore[arg-type]
    assert "Phó Giám đốc Trung tâm Đổi mới sáng tạo Quốc gia" in vacant and "Lê Minh Chi" not in vacant


def test_a_letter_naming_a_post_that_is_not_one_is_refused(engine: Engine) -> None:
    from app.errors import ValidationError

    with unit_of_work(engine) as s, pytest.raises(ValidationError, match="no post #42"):
        register.add_letter(s, {"subject": "Mời họp", "post_id": 42})


def test_the_meeting_brief_lists_attendees_by_precedence(engine: Engine, tmp_path: Path) -> None:
    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["director"], ids["chi"], starts_on=dt.date(2025, 1, 1))
        posts.assign(s, ids["deputy"], ids["dung"], starts_on=dt.date(2025, 1, 1))
        meeting = records.create(
            s,
            "meeting",
            {
                "title": "Làm việc với NIC",
                "starts_at": dt.datetime(2026, 12, 10, 9),
                "organisation_ids": [ids["nic"]],
                "attendees": [
                    {"contact_id": ids[k], "role": "participant"} for k in ("an", "binh", "dung", "chi")
                ],
            },
        )
    with read_session(engine) as s:
        brief = gather_meeting(s, meeting, today=TODAY)  # type: ignore[arg-type]
    names = [p.name for p in brief.attendees]
    assert names[:2] == ["Lê Minh Chi", "Phạm Dũng"]  # Giám đốc (1), then Phó Giám đốc (2)
    assert [p.position for p in brief.attendees[:2]] == ["Giám đốc", "Phó Giám đốc"]
    assert set(names[2:]) == {"Nguyễn Văn An", "Trần Thị Bình"}
    vi, en = tmp_path / "vi.pdf", tmp_path / "en.pdf"
    render_meeting(brief, str(vi), lang="vi")
    render_meeting(brief, str(en), lang="en")
    text_vi, text_en = _pdf_text(vi), _pdf_text(en)
    assert text_vi.index("Lê Minh Chi") < text_vi.index("Phạm Dũng") < text_vi.index("Nguyễn Văn An")
    assert "PGS.TS." in text_vi and "Ông" in text_vi and "Bà" in text_vi  # "Mr." said as "Ông"
    assert "Mr." not in text_vi
    assert "Assoc. Prof. Dr." in text_en and "Ms." in text_en


def test_posts_on_the_pages(engine: Engine) -> None:
    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2024, 1, 1), decision="01/QĐ")
        posts.assign(s, ids["deputy"], ids["binh"], starts_on=dt.date(2026, 6, 1))
    with read_session(engine) as s:
        org = story.story(s, "organisation", ids["nic"], today=TODAY)
        an = story.story(s, "contact", ids["an"], today=TODAY)
    assert [(p.title, p.holder.name if p.holder else None) for p in org.posts] == [  # type: ignore[union-attr]
        ("Giám đốc", None),
        ("Phó Giám đốc", "Trần Thị Bình"),
    ]
    assert [(h.post, h.ends_on) for h in an.posts_held] == [("Phó Giám đốc", dt.date(2026, 5, 31))]  # type: ignore[union-attr]


def test_a_holder_cannot_be_put_before_a_later_one(engine: Engine) -> None:
    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2026, 1, 1))
    with unit_of_work(engine) as s, pytest.raises(UserError, match="already has a holder"):
        posts.assign(s, ids["deputy"], ids["binh"], starts_on=dt.date(2025, 1, 1))


def test_a_change_of_holder_is_undone_and_redone_exactly(engine: Engine) -> None:
    from app import undo
    from tests.app.reorg.test_reorg import _state

    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2024, 1, 1), decision="01/QĐ")
    before = _state(engine)
    group = "g-post-1"
    with unit_of_work(engine) as s:  # a new post and a new holder of the old one, one operation
        new_post = posts.add_post(s, ids["nic"], "Trợ lý Giám đốc", rank=3, group_id=group)
        posts.assign(s, new_post, ids["dung"], starts_on=dt.date(2026, 11, 1), group_id=group)
        posts.assign(
            s, ids["deputy"], ids["binh"], starts_on=dt.date(2026, 11, 1), decision="77/QĐ", group_id=group
        )
    with read_session(engine) as s:
        offered = undo.last_undoable(s)
        assert offered is not None and offered.group_id == group
        assert offered.description == 'Assigned "Phạm Dũng" to the post "Trợ lý Giám đốc"'
        assert posts.holder_of(s, ids["deputy"]).name == "Trần Thị Bình"  # type: ignore[union-attr]
    after = _state(engine)
    with unit_of_work(engine) as s:
        undo.undo_group(s, group)
    assert _state(engine) == before
    with read_session(engine) as s:
        assert posts.holder_of(s, ids["deputy"]).name == "Nguyễn Văn An"  # type: ignore[union-attr]
    with unit_of_work(engine) as s:  # redo: the same rows, the same ids
        undo.undo_group(s, undo.undo_id(group))
    redone = _state(engine)
    assert {k: v for k, v in redone.items() if k not in ("post", "post_holder")} == {
        k: v for k, v in after.items() if k not in ("post", "post_holder")
    }
    # created_at is the redo's own time: post (…, created_at, deleted_at), post_holder (…, created_at)
    assert [r[:-2] + r[-1:] for r in redone["post"]] == [r[:-2] + r[-1:] for r in after["post"]]
    assert [r[:-1] for r in redone["post_holder"]] == [r[:-1] for r in after["post_holder"]]


def test_undoing_a_post_with_later_holders_is_refused(engine: Engine) -> None:
    from app import undo

    ids = _nic(engine)
    with unit_of_work(engine) as s:
        new_post = posts.add_post(s, ids["nic"], "Trợ lý", group_id="g-add")
    with unit_of_work(engine) as s:
        posts.assign(s, new_post, ids["an"], group_id="g-assign")
    with unit_of_work(engine) as s, pytest.raises(UserError, match="has holders recorded since"):
        undo.undo_group(s, "g-add")


def test_two_officers_assigning_one_post_at_once_leave_one_holder(engine: Engine) -> None:
    """The first holds its unit of work open after assigning; the second waits for it, then
    finds its holder and is refused — never two holders of one post from one day."""
    import threading
    import time

    ids = _nic(engine)
    day = dt.date(2026, 11, 1)
    started, results = threading.Event(), {}

    def first() -> None:
        with unit_of_work(engine) as s:
            posts.assign(s, ids["deputy"], ids["an"], starts_on=day)
            started.set()
            time.sleep(0.8)
        results["first"] = "ok"

    def second() -> None:
        started.wait(10)
        try:
            with unit_of_work(engine) as s:
                posts.assign(s, ids["deputy"], ids["binh"], starts_on=day)
            results["second"] = "ok"
        except UserError as exc:
            results["second"] = str(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results["first"] == "ok" and "already has a holder" in results["second"]
    with read_session(engine) as s:
        [row] = posts.posts_of(s, ids["nic"], TODAY)[1:]
    assert [h.name for h in row.holdings] == ["Nguyễn Văn An"]


def test_the_contact_brief_lists_the_posts_held(engine: Engine, tmp_path: Path) -> None:
    from app.briefing.gather import gather_contact
    from app.briefing.render import render_contact

    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2024, 1, 1), decision="01/QĐ-BKHCN")
        posts.assign(s, ids["director"], ids["an"], starts_on=dt.date(2026, 6, 1), decision="77/QĐ-TTg")
        posts.assign(s, ids["deputy"], ids["binh"], starts_on=dt.date(2026, 6, 1))
    with read_session(engine) as s:
        brief = gather_contact(s, ids["an"], today=TODAY)  # type: ignore[arg-type]
    assert [(h.post, h.ends_on) for h in brief.posts_held] == [
        ("Giám đốc", None),
        ("Phó Giám đốc", dt.date(2026, 5, 31)),
    ]
    for lang, words in (
        ("en", ["Posts held", "1 Jun 2026 – now", "77/QĐ-TTg", "1 Jan 2024 – 31 May 2026"]),
        ("vi", ["Chức vụ đã giữ", "01/06/2026 – nay", "01/QĐ-BKHCN"]),
    ):
        path = tmp_path / f"{lang}.pdf"
        render_contact(brief, str(path), lang=lang)
        text = _pdf_text(path)
        for w in words:
            assert w in text, (lang, w)


def test_a_holder_in_the_trash_leaves_the_post_vacant(engine: Engine) -> None:
    ids = _nic(engine)
    with unit_of_work(engine) as s:
        posts.assign(s, ids["deputy"], ids["an"], starts_on=dt.date(2025, 1, 1))
        records.delete(s, "contact", ids["an"])
    with read_session(engine) as s:
        row = posts.get_post(s, ids["deputy"], TODAY)
        assert row.holder is None and posts.holder_of(s, ids["deputy"], TODAY) is None
        assert [h.name for h in row.holdings] == ["Nguyễn Văn An"]  # still in its history
