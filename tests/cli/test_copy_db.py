"""``ketnoi copy-db`` (issue 13 item 5): every table with its ids, compared in full; SQLite →
PostgreSQL → SQLite gives an identical export; a non-empty target is refused unless --merge,
and a merge goes through the duplicate matching."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import records
from app.cli import main
from db import copy as raw
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.db.test_team import PG_URL, SECRET_TITLE, Team, ready, secret_meeting, server, team  # noqa: F401


def _fill(db: Path) -> dict[str, int]:
    """The demo, and a row in every table the demo leaves empty, including an organisation
    whose parent has a higher id and a letter replying to a later one (self-references)."""
    assert main(["demo", "--db", str(db)]) == 0
    engine = open_database(f"sqlite:///{db}")
    at = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)
    with unit_of_work(engine) as s:
        lan = m.Staff(name="Trần Thị Lan", login="lan")
        batch = m.ImportBatch(file_name="danh-ba.xlsx", sha256="ab" * 32, sheet="Contacts", kind="contact")
        s.add_all([lan, batch])
        s.flush()
        child = records.create(s, "organisation", {"name": "Ban Hợp tác Liên ngành"}, actor="Lan")
        parent = records.create(s, "organisation", {"name": "Ủy ban Khoa học Liên ngành"}, actor="Lan")
        records.update(s, "organisation", child, {"parent_id": parent}, expected_version=1, actor="Lan")
        secret = records.create(
            s, "contact", {"full_name": "Phạm Văn Mật", "confidential": True, "owner_id": lan.id}
        )
        s.add(m.RecordShare(kind="contact", record_id=secret, staff_id=lan.id, created_at=at))
        s.add(m.OfficeDay(day=dt.date(2026, 12, 31), working=False, note="Nghỉ bù", created_at=at))
        s.add(m.LetterCounter(year=2026, symbol="NIC-VP", last_number=12))  # (the demo has NIC-HTQT's)
        s.add(m.AttachmentBlob(sha256="cd" * 32, size=3, content=b"\x00\x01\x02", text="", created_at=at))
        s.flush()
        s.add(
            m.Attachment(owner_kind="contact", owner_id=secret, sha256="cd" * 32, file_name="thư.pdf", size=3)
        )
        first = m.Letter(subject="Về việc hợp tác", direction="incoming", letter_date=dt.date(2026, 11, 2))
        s.add(first)
        s.flush()
        reply = m.Letter(subject="Trả lời", reply_to_id=None, organisation_id=parent)
        s.add(reply)
        s.flush()
        first.reply_to_id = reply.id  # points forward
        meeting = s.execute(select(m.Meeting.id)).scalars().first()
        s.add(
            m.EmailMessage(meeting_id=meeting, message_key="ef" * 32, sender="a@b.vn", recipients=["c@d.vn"])
        )
        s.add(m.OrgSuccession(predecessor_id=child, successor_id=parent, effective_on=dt.date(2026, 1, 1)))
        post = m.Post(title="Giám đốc", organisation_id=parent)
        s.add(post)
        s.flush()
        s.add(m.PostHolder(post_id=post.id, contact_id=secret, starts_on=dt.date(2025, 3, 1)))
        s.add(
            m.MeetingCalendar(
                meeting_id=meeting, ical_uid="040000008200E00074C5B7101A82E008@outlook", sequence=2
            )
        )
        s.add(m.Setting(key="office.symbol", value={"symbol": "NIC-HTQT", "years": [2025, 2026]}))
        s.execute(text("UPDATE change SET login = 'lan' WHERE actor = 'Lan'"))
    engine.dispose()
    return {"child": child, "parent": parent, "secret": secret}


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def test_a_file_copied_to_a_new_file_is_the_same_in_every_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _fill(a)
    capsys.readouterr()
    assert main(["copy-db", "--from", str(a), "--to", str(b), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["identical"] is True
    every = {t.name for t in raw.tables()}
    assert set(doc["tables"]) == every  # not a hand-kept list
    empty = sorted(t for t, v in doc["tables"].items() if v["rows"] == 0)
    assert empty == [], f"the test data leaves {empty} empty: they are not shown to be copied"
    ea, eb = open_database(f"sqlite:///{a}"), open_database(f"sqlite:///{b}")
    try:
        assert raw.fingerprint(ea) == raw.fingerprint(eb)
        with read_session(eb) as s:  # the full-text index was filled by the copy
            from app.search import search

            assert any(h.id for h in search(s, "Mật", kinds=("contact",)))
    finally:
        ea.dispose()
        eb.dispose()


def test_a_target_holding_only_added_users_says_to_copy_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The order docs/team.md gives is copy, then add-user; done the other way round, the
    refusal says so instead of only listing staff and change rows."""
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["demo", "--db", str(a)]) == 0
    eb = open_database(f"sqlite:///{b}")
    with unit_of_work(eb) as s:  # what add-user leaves in a new team database
        records.create(s, "staff", {"name": "Trần Thị Lan", "email": "lan@nic.vn", "active": True})
    eb.dispose()
    capsys.readouterr()
    assert main(["copy-db", "--from", str(a), "--to", str(b)]) == 1
    err = capsys.readouterr().err
    assert "add-user" in err and "Copy into the database first, then add the users" in err
    assert err.count("\n") == 1


def test_a_non_empty_target_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["demo", "--db", str(a)]) == 0
    assert main(["demo", "--db", str(b)]) == 0
    capsys.readouterr()
    assert main(["copy-db", "--from", str(a), "--to", str(b)]) == 1
    err = capsys.readouterr().err
    assert (
        "the target database is not empty" in err
        and "--merge" in err
        and err[-1] == "\n"
        and err.count("\n") == 1
    )
    eb = open_database(f"sqlite:///{b}")
    with read_session(eb) as s:
        assert s.execute(select(func.count()).select_from(m.Contact)).scalar() == 20
    eb.dispose()
    assert main(["copy-db", "--from", str(tmp_path / "missing.db"), "--to", str(tmp_path / "c.db")]) == 1
    assert not (tmp_path / "c.db").exists()


def test_a_merge_adds_what_the_target_lacks_and_matches_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["demo", "--db", str(a)]) == 0
    assert main(["demo", "--db", str(b)]) == 0
    ea = open_database(f"sqlite:///{a}")
    with unit_of_work(ea) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cổ phần Sao Khuê", "acronym": "SKC"})
        records.create(
            s,
            "contact",
            {"full_name": "Đinh Thị Khuê", "organisation_id": org, "emails": ["khue@saokhue.vn"]},
        )
        # the same person as the target's, under another spelling: matched by e-mail, not added
        nhung = s.execute(select(m.Contact.id).where(m.Contact.full_name == "Nguyễn Thị Hồng Nhung")).scalar()
        version = s.execute(select(m.Contact.version).where(m.Contact.id == nhung)).scalar()
        records.update(s, "contact", nhung, {"full_name": "Nhung Nguyen"}, expected_version=version)
    ea.dispose()
    capsys.readouterr()
    assert main(["copy-db", "--from", str(a), "--to", str(b), "--merge", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["created"] == {"organisation": 1, "contact": 1}
    assert doc["matched"]["contact"] == 20 and doc["matched"]["organisation"] >= 1
    assert doc["not_merged"]["meeting"] > 0
    eb = open_database(f"sqlite:///{b}")
    with read_session(eb) as s:
        khue = s.execute(select(m.Contact).where(m.Contact.full_name == "Đinh Thị Khuê")).scalar_one()
        sk = s.get(m.Organisation, khue.organisation_id)
        assert sk is not None and sk.acronym == "SKC"
        assert s.execute(select(func.count()).select_from(m.Contact)).scalar() == 21
        assert s.execute(select(func.count()).where(m.Contact.full_name == "Nhung Nguyen")).scalar() == 0
        ops = s.execute(
            select(m.Change.op).where(m.Change.entity == "contact", m.Change.entity_id == khue.id)
        )
        assert "create" in set(ops.scalars())
    eb.dispose()
    capsys.readouterr()
    assert main(["copy-db", "--from", str(a), "--to", str(b), "--merge", "--json"]) == 0  # again: nothing new
    assert json.loads(capsys.readouterr().out)["created"] == {"organisation": 0, "contact": 0}


@pytest.mark.postgres
def test_sqlite_to_postgresql_to_sqlite_gives_an_identical_export(
    tmp_path: Path, pg_empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_url = pg_empty_url  # a new team database: copy-db creates its schema
    a, c = tmp_path / "a.db", tmp_path / "c.db"
    ids = _fill(a)
    assert main(["copy-db", "--from", str(a), "--to", pg_url]) == 0
    assert main(["copy-db", "--from", pg_url, "--to", str(c)]) == 0
    out = capsys.readouterr().out
    assert out.count("the copy is identical to the source") == 2
    ea, ep, ec = (open_database(u) for u in (f"sqlite:///{a}", pg_url, f"sqlite:///{c}"))
    try:
        assert raw.fingerprint(ea) == raw.fingerprint(ep) == raw.fingerprint(ec)
        with unit_of_work(ep) as s:  # the sequences were set past the copied ids
            new = records.create(s, "organisation", {"name": "Viện Hàn lâm KHCN"})
            assert new == max(ids["child"], ids["parent"]) + 1
            row = s.execute(select(m.Change.login, m.Change.actor).where(m.Change.actor == "Lan")).first()
            assert tuple(row or ()) == ("lan", "Lan")  # history keeps who wrote it
            org = s.get(m.Organisation, ids["child"])
            assert org is not None and org.parent_id == ids["parent"]
    finally:
        for e in (ea, ep, ec):
            e.dispose()
    capsys.readouterr()
    assert main(["export", str(tmp_path / "a.xlsx"), "--db", str(a), "--lang", "en"]) == 0
    assert main(["export", str(tmp_path / "c.xlsx"), "--db", str(c), "--lang", "en"]) == 0
    first, last = _cells(tmp_path / "a.xlsx"), _cells(tmp_path / "c.xlsx")
    assert list(first) == list(last)
    for sheet, rows in first.items():
        assert rows == last[sheet], sheet
    assert sum(len(r) for r in first.values()) > 50  # rows of organisations, contacts, meetings…


@pytest.mark.postgres
def test_a_team_database_goes_to_a_file_and_into_a_new_team_database_with_its_secrets(
    tmp_path: Path,
    ready: Team,  # noqa: F811
    secret_meeting: int,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only the owner may copy (an officer would lose the confidential rows); the copy keeps
    who may see what (confidential, owner, staff.login) and who wrote the history."""
    laptop = tmp_path / "team.db"
    code, _out, err = _run_cli(["copy-db", "--from", ready.urls["lan"], "--to", str(laptop)])
    assert code == 1 and "may not see every row" in err and "owner" in err
    assert not laptop.exists()
    code, out, err = _run_cli(["copy-db", "--from", ready.urls["owner"], "--to", str(laptop)])
    assert code == 0, err
    assert "identical to the source" in out
    engine = open_database(f"sqlite:///{laptop}")
    with read_session(engine) as s:
        meeting = s.get(m.Meeting, secret_meeting)
        assert meeting is not None and meeting.title == SECRET_TITLE and meeting.confidential
        logins = set(s.execute(select(m.Change.login).where(m.Change.entity == "meeting")).scalars())
        assert logins == {f"{ready.prefix}lan"}
        assert s.execute(select(m.Staff.name).where(m.Staff.login == f"{ready.prefix}minh")).scalar()
    engine.dispose()

    # into a second team database, set up and empty (before any add-user)
    second = f"{ready.prefix}db2"
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {second} OWNER {ready.prefix}owner")
    urls = {k: make_url(u).set(database=second).render_as_string(False) for k, u in ready.urls.items()}
    try:
        assert _run_cli(["admin", "init", "--role-prefix", ready.prefix, "--db", urls["owner"]])[0] == 0
        code, out, err = _run_cli(["copy-db", "--from", str(laptop), "--to", urls["owner"]])
        assert code == 0, err
        assert _titles(urls["lan"]) >= {SECRET_TITLE}  # her meeting: she sees it
        assert SECRET_TITLE not in _titles(urls["minh"])  # a colleague does not
        assert SECRET_TITLE in _titles(urls["hoa"])  # the manager does
        owner = create_engine(urls["owner"])
        with owner.connect() as conn:
            rows = conn.execute(text("SELECT DISTINCT login FROM change WHERE entity = 'meeting'")).scalars()
            assert set(rows) == {f"{ready.prefix}lan"}  # not the copier's login
        owner.dispose()
        code, _out, err = _run_cli(
            ["log-meeting", "--title", "Sau khi chuyển", "--at", "2026-11-24 10:00", "--db", urls["minh"]]
        )
        assert code == 0, err  # ids continue after the copied ones
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {second} WITH (FORCE)")
        admin.dispose()


def _titles(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {str(t) for t in conn.execute(text("SELECT title FROM meeting")).scalars()}
    finally:
        engine.dispose()


def _run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()
