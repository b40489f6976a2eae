"""An .eml with a PDF attachment becomes an e-mail on the right contact's timeline, once;
broken and hostile files give a sentence, never a traceback."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import attachments, emails, records, story, undo
from app.errors import UserError
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.mail.files import eml_bytes, pdf_bytes
from tests.app.mail.outlook import msg_bytes

LETTER = pdf_bytes("Thu gioi thieu", "Genetica quarkonium")


def _people(engine: Engine) -> tuple[int, int, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
        nhung = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Thị Hồng Nhung", "organisation_id": org, "emails": ["Nhung@Genetica.asia"]},
        )
        staff = records.create(s, "staff", {"name": "Trần Minh Anh", "email": "anh@nic.gov.vn"})
    return org, nhung, staff


def _eml(tmp_path: Path, name: str = "intro.eml", **kw: object) -> Path:
    path = tmp_path / name
    path.write_bytes(eml_bytes(attachments=(("Thư giới thiệu.pdf", LETTER, "application/pdf"),), **kw))  # type: ignore[arg-type]
    return path


def test_an_eml_is_logged_on_the_right_contact_once(engine: Engine, tmp_path: Path) -> None:
    org, nhung, staff = _people(engine)
    parsed = emails.read_email(_eml(tmp_path, cc="Lê Văn Bình <binh@example.org>"))
    assert parsed.subject == "Thư giới thiệu Genetica" and parsed.message_id == "intro-42@genetica.asia"
    assert parsed.sent_at is not None and clock.local(parsed.sent_at).hour is not None
    with unit_of_work(engine) as s:
        first = emails.log_email(s, parsed, actor="Anh")
    assert first.status == "logged"
    assert [(c, e) for c, _, e in first.attendees] == [(nhung, "nhung@genetica.asia")]
    assert first.staff == [(staff, "Trần Minh Anh")]
    assert [a.email for a in first.unknown] == ["binh@example.org"]
    with read_session(engine) as s:
        meeting = records.get(s, "meeting", first.meeting_id)
        assert meeting["kind"] == "email" and meeting["organisation_ids"] == [org]
        assert meeting["staff_ids"] == [staff]
        assert "Genetica gửi thư giới thiệu." in meeting["minutes"]
        assert "From: Nguyễn Thị Hồng Nhung <nhung@genetica.asia>" in meeting["minutes"]
        (att,) = attachments.list_for(s, "meeting", first.meeting_id)
        assert att.file_name == "Thư giới thiệu.pdf" and attachments.content(s, att.id)[1] == LETTER
        contact_story = story.story(s, "contact", nhung, today=clock.today())
        event = contact_story.timeline[0]  # type: ignore[union-attr]
        assert (event.kind, event.id, event.meeting_kind) == ("meeting", first.meeting_id, "email")
        assert event.attachments == ("Thư giới thiệu.pdf",)
    # The same message again — read from a second copy of the file — is recognised.
    again = emails.read_email(_eml(tmp_path, "copy of intro.eml", cc="Lê Văn Bình <binh@example.org>"))
    with unit_of_work(engine) as s:
        second = emails.log_email(s, again)
    assert (second.status, second.meeting_id) == ("already", first.meeting_id)
    with read_session(engine) as s:
        assert len(story.story(s, "contact", nhung, today=clock.today()).timeline) == 1  # type: ignore[union-attr]


def test_logging_is_one_undoable_step_and_unknown_addresses_can_become_contacts(
    engine: Engine, tmp_path: Path
) -> None:
    _people(engine)
    parsed = emails.read_email(_eml(tmp_path, to="Lê Văn Bình <binh@example.org>"))
    with unit_of_work(engine) as s:
        result = emails.log_email(s, parsed, create_contacts=["binh@example.org"])
        assert undo.describe(s, result.group_id).startswith(
            'Logged meeting "Thư giới thiệu Genetica" with 1 attachment, 1 contact'
        )
    (new,) = result.created
    assert new in [c for c, _, _ in result.attendees] and result.unknown == []
    with unit_of_work(engine) as s:
        undo.undo_group(s, result.group_id)
    with read_session(engine) as s:
        assert records.history(s, "meeting", result.meeting_id)[0]["op"] == "delete"
        again = emails.log_email(s, parsed)
        assert again.status == "already" and again.in_trash


def test_dropped_on_an_organisation_the_email_joins_it(engine: Engine, tmp_path: Path) -> None:
    with unit_of_work(engine) as s:
        nic = records.create(s, "organisation", {"name": "NIC"})
    parsed = emails.read_email(_eml(tmp_path, sender="someone@else.org", to="x@y.org"))
    with unit_of_work(engine) as s:
        result = emails.log_email(s, parsed, kind="organisation", record_id=nic)
        assert records.get(s, "meeting", result.meeting_id)["organisation_ids"] == [nic]


def test_html_only_body_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / "html.eml"
    raw = (
        b"From: a@b.org\r\nTo: c@d.org\r\nSubject: Hi\r\nDate: Fri, 20 Nov 2026 10:00:00 +0700\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><head><style>p{}</style></head><body><p>Xin ch\xc3\xa0o</p><script>x()</script><p>B</p></body></html>"
    )
    path.write_bytes(raw)
    parsed = emails.read_email(path)
    assert parsed.body == "Xin chào\n\nB" and parsed.message_id == ""


def test_no_message_id_the_same_file_twice_is_still_once(engine: Engine, tmp_path: Path) -> None:
    parsed = emails.read_email(_eml(tmp_path, message_id=None))
    with unit_of_work(engine) as s:
        assert emails.log_email(s, parsed).status == "logged"
    with unit_of_work(engine) as s:
        assert emails.log_email(s, emails.read_email(_eml(tmp_path, message_id=None))).status == "already"


def test_a_truncated_eml_keeps_what_can_be_read(engine: Engine, tmp_path: Path) -> None:
    whole = eml_bytes(attachments=(("big.pdf", LETTER * 3, "application/pdf"),))
    path = tmp_path / "cut.eml"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    parsed = emails.read_email(path)
    assert parsed.subject == "Thư giới thiệu Genetica"
    assert any("incomplete" in w for w in parsed.warnings)
    with unit_of_work(engine) as s:
        assert emails.log_email(s, parsed).status == "logged"
    path.write_bytes(whole[:40])  # cut inside the headers
    with pytest.raises(UserError, match=r'"cut\.eml" is not an e-mail message'):
        emails.read_email(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "garbage.msg",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8,
            "cannot be read as an Outlook message",
        ),
        ("text.msg", b"From: a@b.org\r\n\r\nnot outlook", "is not an Outlook message"),
        ("random.eml", bytes(range(256)) * 4, "is not an e-mail message"),
        ("empty.eml", b"", "is not an e-mail message"),
    ],
)
def test_hostile_files_are_refused_in_one_sentence(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        emails.read_email(path)


def test_an_attachment_over_the_limit_is_left_out_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_BYTES", 1000)
    parsed = emails.read_email(_eml(tmp_path))
    assert parsed.files == []
    assert any('"Thư giới thiệu.pdf" is' in w and "left out" in w for w in parsed.warnings)


def _log_twice_at_once(engine: Engine, parsed: emails.ParsedEmail) -> list[str]:
    import threading

    statuses: list[str] = []
    start = threading.Barrier(2)

    def worker() -> None:
        start.wait()
        with unit_of_work(engine) as s:
            statuses.append(emails.log_email(s, parsed).status)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return sorted(statuses)


def test_two_people_logging_one_message_at_once_get_one_meeting(engine: Engine, tmp_path: Path) -> None:
    parsed = emails.read_email(_eml(tmp_path))
    assert _log_twice_at_once(engine, parsed) == ["already", "logged"]


def test_postgres_logs_once_too(pg_url: str, tmp_path: Path) -> None:
    from db.migrate import open_database

    engine = open_database(pg_url)
    try:
        _people(engine)
        parsed = emails.read_email(_eml(tmp_path))
        assert _log_twice_at_once(engine, parsed) == ["already", "logged"]
        with read_session(engine) as s:
            (meeting,) = [h for h in records.history(s, "meeting", 1) if h["op"] == "create"]
            assert meeting["new"]["kind"] == "email"
            (att,) = attachments.list_for(s, "meeting", 1)
            assert attachments.content(s, att.id)[1] == LETTER
    finally:
        engine.dispose()


def test_an_outlook_msg_is_logged_once_and_is_the_same_message_as_its_eml(
    engine: Engine, tmp_path: Path
) -> None:
    """A real .msg (an OLE compound file written by tests/app/mail/outlook.py) read by
    extract-msg: the same fields as the .eml; logged once, whichever file comes second."""
    _org, nhung, staff = _people(engine)
    annex = bytes(range(256)) * 40  # over 4,096 bytes: stored in regular sectors, not the mini stream
    path = tmp_path / "intro.msg"
    path.write_bytes(
        msg_bytes(
            subject="Thư giới thiệu Genetica",
            sender_name="Nguyễn Thị Hồng Nhung",
            sender_email="nhung@genetica.asia",
            to=[("Trần Minh Anh", "anh@nic.gov.vn")],
            cc=[("Lê Văn Bình", "binh@example.org")],
            body="Kính gửi anh Anh,\nGenetica gửi thư giới thiệu.",
            message_id="<intro-42@genetica.asia>",
            sent=dt.datetime(2026, 11, 20, 7, 30, tzinfo=dt.UTC),
            attachments=[("Thư giới thiệu.pdf", LETTER), ("annex.bin", annex)],
        )
    )
    parsed = emails.read_email(path)
    assert (parsed.subject, parsed.message_id) == ("Thư giới thiệu Genetica", "intro-42@genetica.asia")
    assert parsed.sender == emails.Address("Nguyễn Thị Hồng Nhung", "nhung@genetica.asia")
    assert [a.email for a in parsed.to] == ["anh@nic.gov.vn"] and [a.email for a in parsed.cc] == [
        "binh@example.org"
    ]
    assert parsed.body == "Kính gửi anh Anh,\nGenetica gửi thư giới thiệu."
    assert parsed.sent_at == dt.datetime(2026, 11, 20, 14, 30)  # 07:30 UTC, in Hanoi
    with unit_of_work(engine) as s:
        result = emails.log_email(s, parsed)
    assert result.status == "logged" and [c for c, _, _ in result.attendees] == [nhung]
    assert result.staff == [(staff, "Trần Minh Anh")]
    with read_session(engine) as s:
        files = {
            a.file_name: attachments.content(s, a.id)[1]
            for a in attachments.list_for(s, "meeting", result.meeting_id)
        }
    assert files == {"Thư giới thiệu.pdf": LETTER, "annex.bin": annex}
    with unit_of_work(engine) as s:  # the .eml of the same message
        again = emails.log_email(s, emails.read_email(_eml(tmp_path)))
    assert (again.status, again.meeting_id) == ("already", result.meeting_id)


def test_an_eml_nested_too_deeply_says_so_in_both_languages(tmp_path: Path) -> None:
    """Reviewer: multiparts nested 1000 deep said "not an e-mail message (maximum recursion
    depth exceeded while getting the str of an object)"."""
    head = "From: a@b.vn\r\nDate: Tue, 01 Dec 2026 10:00:00 +0700\r\nMessage-ID: <n@b.vn>\r\n"
    body = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(1000))
    path = tmp_path / "lồng.eml"
    path.write_text(head + body + "Content-Type: text/plain\r\n\r\nhi\r\n", encoding="utf-8")
    with pytest.raises(UserError) as info:
        emails.read_email(path)
    en, vi = str(info.value), getattr(info.value, "vi", "")
    assert en.startswith('"lồng.eml" cannot be read: its parts are nested too deeply')
    assert "log the meeting by hand" in en and "recursion" not in en
    assert vi.startswith('Không đọc được "lồng.eml": các phần của thư lồng vào nhau quá nhiều tầng')


def test_a_damaged_msg_logs_nothing_of_extract_msg_and_says_what_to_do(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Reviewer: "ERROR extract_msg.msg_classes.msg: incorrect CLSID in OLE header" came on the
    terminal before Ketnoi's own message."""
    import random

    path = tmp_path / "hỏng.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(7).randbytes(8000))
    with caplog.at_level(logging.DEBUG), pytest.raises(UserError) as info:
        emails.read_email(path)
    assert [r for r in caplog.records if r.name.startswith("extract_msg")] == []
    assert str(info.value).startswith('"hỏng.msg" cannot be read as an Outlook message (')
    assert str(info.value).endswith(
        "Open it in Outlook and save it again (File → Save As), then log that copy"
    )
    assert getattr(info.value, "vi", "").startswith('Không đọc được "hỏng.msg" như một thư Outlook (')
