"""Team mode on a real PostgreSQL server: logins, roles, row-level security, history by login.

A fresh database per module, owned by a non-superuser owner role as in docs/team.md, set up by
``ketnoi admin init``; two officers, a manager and a reader are real login roles created by
``ketnoi admin add-user``. Roles belong to the whole server, so their names carry a prefix
unique to this run, and every role made here is dropped at the end.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url

from app.cli import main

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="KETNOI_TEST_POSTGRES_URL not set"),
]
SECRET_TITLE = "Làm việc với Phó Thủ tướng về đề án bán dẫn"


@dataclass
class Team:
    prefix: str
    urls: dict[str, str]  # owner, lan, minh (officers), hoa (manager), tuan (reader)

    def cli(self, who: str, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        return _run(self.urls[who], list(argv), stdin)


def _run(url: str, argv: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    """``ketnoi ARGV --db URL``: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--db", url])
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, str]]:
    """(superuser URL, prefix): a database owned by a fresh non-superuser owner role."""
    if not PG_URL:
        # Other modules borrow these fixtures (tests/cli/test_copy_db.py): skip as conftest's pg_url does.
        if os.environ.get("CI"):
            pytest.fail("CI must provide KETNOI_TEST_POSTGRES_URL")
        pytest.skip("KETNOI_TEST_POSTGRES_URL not set")
    prefix = f"kt{secrets.token_hex(3)}_"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    owner, database = f"{prefix}owner", f"{prefix}db"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'owner-pw'")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {owner}")
    try:
        yield PG_URL, prefix
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname"),
                {"p": prefix.replace("_", r"\_") + "%"},
            ).scalars()
            for role in roles:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


def _url(base: str, user: str, database: str) -> str:
    return make_url(base).set(username=user, password=None, database=database).render_as_string(False)


@pytest.fixture(scope="module")
def team(server: tuple[str, str]) -> Team:
    base, prefix = server
    db = f"{prefix}db"
    people = {"lan": "officer", "minh": "officer", "hoa": "manager", "tuan": "reader"}
    urls = {"owner": _url(base, f"{prefix}owner", db)}
    urls |= {p: _url(base, f"{prefix}{p}", db) for p in people}
    return Team(prefix, urls)


@pytest.fixture(scope="module")
def ready(team: Team) -> Team:
    """The database after ``admin init`` (twice: it is idempotent) and four add-users."""
    names = {"lan": "Trần Thị Lan", "minh": "Phạm Văn Minh", "hoa": "Nguyễn Thị Hoa", "tuan": "Lê Anh Tuấn"}
    roles = {"lan": "officer", "minh": "officer", "hoa": "manager", "tuan": "reader"}
    for _ in range(2):
        code, _out, err = team.cli("owner", "admin", "init", "--role-prefix", team.prefix)
        assert code == 0, err
    for who, role in roles.items():
        code, _out, err = team.cli(
            "owner",
            "admin",
            "add-user",
            f"{team.prefix}{who}",
            "--role",
            role,
            "--name",
            names[who],
            "--password-stdin",
            stdin="correct horse battery staple\n",
        )
        assert code == 0, err
    return team


@pytest.fixture(scope="module")
def secret_meeting(ready: Team) -> int:
    """Lan logs a confidential meeting with Genetica (an organisation everyone sees)."""
    assert ready.cli("lan", "org", "add", "--name", "Genetica")[0] == 0
    code, _o, err = ready.cli(
        "lan",
        "log-meeting",
        "--title",
        SECRET_TITLE,
        "--at",
        "2026-11-20 14:00",
        "--organisation",
        "Genetica",
        "--follow-up",
        "Gửi thư giới thiệu bí mật;due=+1w",
        "--confidential",
    )
    assert code == 0, err
    engine = create_engine(ready.urls["hoa"])
    with engine.connect() as conn:
        found = conn.execute(text("SELECT id FROM meeting WHERE title = :t"), {"t": SECRET_TITLE}).scalar()
    engine.dispose()
    assert found is not None
    return int(found)


def _select_titles(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [str(t) for t in conn.execute(text("SELECT title FROM meeting")).scalars()]
    finally:
        engine.dispose()


def test_a_confidential_meeting_is_seen_by_its_officer_and_the_manager_only(
    ready: Team, secret_meeting: int, tmp_path: Path
) -> None:
    # A plain SQL SELECT on each login's own connection.
    assert SECRET_TITLE in _select_titles(ready.urls["lan"])
    assert SECRET_TITLE in _select_titles(ready.urls["hoa"])
    assert SECRET_TITLE not in _select_titles(ready.urls["minh"])
    assert SECRET_TITLE not in _select_titles(ready.urls["tuan"])

    # ketnoi search
    for who, sees in (("lan", True), ("hoa", True), ("minh", False), ("tuan", False)):
        code, out, err = ready.cli(who, "search", "pho thu tuong", "--json")
        assert code == 0, err
        titles = [h["title"] for h in json.loads(out)["hits"]]
        assert (SECRET_TITLE in titles) is sees, who
        code, out, err = ready.cli(who, "search", "thu gioi thieu bi mat", "--json")  # its follow-up
        assert code == 0, err
        assert bool(json.loads(out)["hits"]) is sees, who

    # ketnoi meeting list (all, and filtered by words: the full-text filter), and the
    # follow-up in ketnoi action list
    for who, sees in (("lan", True), ("hoa", True), ("minh", False)):
        code, out, err = ready.cli(who, "meeting", "list", "--json")
        assert code == 0, err
        assert (SECRET_TITLE in out) is sees, who
        code, out, err = ready.cli(who, "meeting", "list", "pho thu tuong", "--json")
        assert code == 0, err
        assert (SECRET_TITLE in out) is sees, who
        code, out, err = ready.cli(who, "action", "list", "--json")
        assert code == 0, err
        assert ("Gửi thư giới thiệu bí mật" in out) is sees, who

    # ketnoi brief: the meeting's own brief, and the organisation's (its timeline)
    code, _out, err = ready.cli(
        "minh", "brief", "meeting", str(secret_meeting), "-o", str(tmp_path / "m.pdf")
    )
    assert code == 1 and f"{secret_meeting}" in err and "Traceback" not in err
    for who, sees in (("lan", True), ("minh", False)):
        pdf = tmp_path / f"org-{who}.pdf"
        code, _out, err = ready.cli(who, "brief", "org", "Genetica", "-o", str(pdf))
        assert code == 0, err
        words = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert ("Phó Thủ tướng" in words) is sees, who

    # ketnoi export
    for who, sees in (("lan", True), ("hoa", True), ("minh", False), ("tuan", False)):
        book = tmp_path / f"export-{who}.xlsx"
        code, _out, err = ready.cli(who, "export", str(book))
        assert code == 0, err
        wb = openpyxl.load_workbook(book, read_only=True)
        cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row if c}
        wb.close()
        assert (SECRET_TITLE in cells) is sees, who


def test_history_rows_name_the_login_whatever_the_client_says(ready: Team, secret_meeting: int) -> None:
    engine = create_engine(ready.urls["hoa"])
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT login, actor FROM change WHERE entity = 'meeting' AND entity_id = :i"),
            {"i": secret_meeting},
        ).all()
    engine.dispose()
    assert rows and {r.login for r in rows} == {f"{ready.prefix}lan"}
    assert {r.actor for r in rows} == {"Trần Thị Lan"}
    # Even a client claiming to be someone else is written down as who it is.
    engine = create_engine(ready.urls["minh"])
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO change (entity, entity_id, op, field, at, actor, group_id, login) "
                "VALUES ('staff', 1, 'update', 'x', now(), 'Trần Thị Lan', '', 'lan')"
            )
        )
        last = conn.execute(text("SELECT login, actor FROM change ORDER BY id DESC LIMIT 1")).one()
    engine.dispose()
    assert (last.login, last.actor) == (f"{ready.prefix}minh", "Phạm Văn Minh")
    _code, out, _err = ready.cli("minh", "history", "meeting", str(secret_meeting))
    assert SECRET_TITLE not in out


def test_a_reader_cannot_write_and_is_told_so_in_one_line(ready: Team, secret_meeting: int) -> None:
    """Tuấn's write is refused in one line; his search still finds Genetica (made by the
    ``secret_meeting`` fixture: asked for here, so the test holds whichever worker runs it)."""
    code, out, err = ready.cli("tuan", "org", "add", "--name", "Viettel")
    assert code == 1
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "Not allowed" in err and f"{ready.prefix}tuan" in err, err
    code, out, err = ready.cli("tuan", "search", "genetica")
    assert code == 0 and "Genetica" in out


def test_an_officer_cannot_take_a_colleagues_login_or_a_record_outside_their_sight(
    ready: Team, secret_meeting: int
) -> None:
    engine = create_engine(ready.urls["minh"])
    with pytest.raises(Exception, match="only an administrator"), engine.begin() as conn:
        conn.execute(text("UPDATE staff SET login = :me WHERE name = 'Phạm Văn Minh'"), {"me": "x"})
    with engine.begin() as conn:  # updating what one cannot see changes nothing
        n = conn.execute(text("UPDATE meeting SET title = 'x' WHERE id = :i"), {"i": secret_meeting}).rowcount
    engine.dispose()
    assert n == 0
    code, _out, err = ready.cli("minh", "meeting", "show", str(secret_meeting))
    assert code == 1 and "No meeting" in err


def test_the_owner_shares_with_a_named_colleague(ready: Team, secret_meeting: int) -> None:
    code, _out, err = ready.cli("minh", "share", "meeting", str(secret_meeting), "--with", "Phạm Văn Minh")
    assert code == 1 and "Traceback" not in err
    code, _out, err = ready.cli("lan", "share", "meeting", str(secret_meeting), "--with", "Phạm Văn Minh")
    assert code == 0, err
    assert SECRET_TITLE in _select_titles(ready.urls["minh"])
    code, out, err = ready.cli("minh", "search", "pho thu tuong")
    assert code == 0 and SECRET_TITLE in out, err
    assert SECRET_TITLE not in _select_titles(ready.urls["tuan"])
    code, out, err = ready.cli("lan", "share", "meeting", str(secret_meeting), "--remove", "Phạm Văn Minh")
    assert code == 0, err
    assert SECRET_TITLE not in _select_titles(ready.urls["minh"])
    # the owner takes it back with ketnoi undo, under the same row-level security
    group = out.rsplit("ketnoi undo ", 1)[1].split()[0]
    code, _out, err = ready.cli("lan", "undo", group)
    assert code == 0, err
    assert SECRET_TITLE in _select_titles(ready.urls["minh"])
    code, _out, err = ready.cli("lan", "share", "meeting", str(secret_meeting), "--remove", "Phạm Văn Minh")
    assert code == 0, err  # (the module's next tests start from a meeting shared with no one)


def test_admin_lists_and_disables_users_and_whoami_names_the_login(ready: Team) -> None:
    code, out, err = ready.cli("owner", "admin", "list-users", "--json")
    assert code == 0, err
    users = {u["login"]: u for u in json.loads(out)}
    p = ready.prefix
    assert {u: users[p + u]["role"] for u in ("lan", "minh", "hoa", "tuan")} == {
        "lan": "officer",
        "minh": "officer",
        "hoa": "manager",
        "tuan": "reader",
    }
    assert users[p + "lan"]["name"] == "Trần Thị Lan"
    code, out, err = ready.cli("lan", "whoami", "--json")
    assert json.loads(out) | {"staff_id": 0} == {
        "team": True,
        "login": p + "lan",
        "role": "officer",
        "staff_id": 0,
        "name": "Trần Thị Lan",
    }
    # An officer is not an administrator.
    code, _out, err = ready.cli(
        "lan",
        "admin",
        "add-user",
        p + "eve",
        "--role",
        "admin",
        "--name",
        "Eve",
        "--password-stdin",
        stdin="pw\n",
    )
    assert code == 1 and "Traceback" not in err
    code, _out, err = ready.cli(
        "owner",
        "admin",
        "add-user",
        p + "gone",
        "--role",
        "officer",
        "--name",
        "Gone",
        "--password-stdin",
        stdin="pw\n",
    )
    assert code == 0, err
    assert ready.cli("owner", "admin", "disable-user", p + "gone")[0] == 0
    code, out, _err = ready.cli("owner", "admin", "list-users", "--json")
    assert {u["login"]: u["can_login"] for u in json.loads(out)}[p + "gone"] is False


def test_a_disabled_login_loses_its_open_session_and_comes_back_when_added_again(ready: Team) -> None:
    """An officer who leaves is disabled while their laptop still has Ketnoi open: the open
    connection must lose every right at once (NOLOGIN alone only refuses new connections), the
    list still shows the login, disabled, with its former role, and add-user gives it back."""
    p = ready.prefix
    add = ("admin", "add-user", p + "leaver", "--role", "officer", "--name", "Đỗ Văn Rời", "--password-stdin")
    assert ready.cli("owner", *add, stdin="pw\n")[0] == 0
    leaver = create_engine(
        _url(ready.urls["owner"], p + "leaver", make_url(ready.urls["owner"]).database or "")
    )
    try:
        with leaver.connect() as open_session:  # the laptop's pooled connection, open all along
            assert open_session.execute(text("SELECT count(*) FROM organisation")).scalar() is not None
            open_session.rollback()  # (the app reads and writes in short transactions)
            code, _out, err = ready.cli("owner", "admin", "disable-user", p + "leaver")
            assert code == 0, err
            with pytest.raises(Exception, match=r"permission denied|terminat|closed|server"):
                open_session.execute(text("SELECT count(*) FROM organisation")).scalar()
        leaver.dispose()  # a new connection, not the pooled one
        with (
            pytest.raises(Exception, match=r"not permitted to log in|permission denied"),
            leaver.connect() as c,
        ):
            c.execute(text("SELECT 1"))
    finally:
        leaver.dispose()
    code, out, err = ready.cli("owner", "admin", "list-users", "--json")
    assert code == 0, err
    row = {u["login"]: u for u in json.loads(out)}[p + "leaver"]
    assert (row["role"], row["can_login"], row["name"]) == ("officer", False, "Đỗ Văn Rời")
    assert ready.cli("owner", *add, stdin="pw\n")[0] == 0  # back, in the role given now
    leaver = create_engine(
        _url(ready.urls["owner"], p + "leaver", make_url(ready.urls["owner"]).database or "")
    )
    try:
        with leaver.connect() as c:
            assert c.execute(text("SELECT count(*) FROM organisation")).scalar() is not None
    finally:
        leaver.dispose()
    code, out, _err = ready.cli("owner", "admin", "list-users", "--json")
    assert {u["login"]: (u["role"], u["can_login"]) for u in json.loads(out)}[p + "leaver"] == (
        "officer",
        True,
    )


def test_the_password_is_never_printed_nor_sent_as_text(ready: Team) -> None:
    """The server logs statements (log_statement = ddl): what it is sent must not hold the
    password, only its SCRAM verifier."""
    password = "s3cret-" + secrets.token_hex(4)
    sent: list[str] = []

    def spy(_conn: object, _cursor: object, statement: str, params: object, *_a: object) -> None:
        sent.append(f"{statement} {params!r}")

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        code, out, err = ready.cli(
            "owner",
            "admin",
            "add-user",
            ready.prefix + "pw",
            "--role",
            "reader",
            "--name",
            "P",
            "--password-stdin",
            stdin=password + "\n",
        )
    finally:
        event.remove(Engine, "before_cursor_execute", spy)
    assert code == 0, err
    assert any("CREATE ROLE" in s and "SCRAM-SHA-256$" in s for s in sent)
    assert not [s for s in sent if password in s]
    assert password not in out + err
    admin = create_engine(PG_URL or "")
    with admin.connect() as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": ready.prefix + "pw"}
        ).scalar()
    admin.dispose()
    assert str(stored).startswith("SCRAM-SHA-256$") and password not in str(stored)


def test_first_sign_in_creates_the_staff_record_of_a_login_the_admin_made_by_hand(ready: Team) -> None:
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    login = ready.prefix + "new"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {login} LOGIN IN ROLE {ready.prefix}officer")
    admin.dispose()
    url = make_url(ready.urls["lan"]).set(username=login).render_as_string(False)
    code, out, err = _run(url, ["whoami", "--json"])
    assert code == 0, err
    me = json.loads(out)
    assert me["login"] == login and me["name"] == login and me["staff_id"]


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="no pg_dump here")
def test_a_backup_by_an_officer_holds_what_they_may_see(
    ready: Team, secret_meeting: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for who, sees in (("lan", True), ("minh", False), ("hoa", True)):
        dump = tmp_path / f"{who}.dump"
        code, out, err = ready.cli(who, "backup", str(dump))
        assert code == 0, err
        # an officer is told the copy is not the whole database, and whose is; the manager is not
        partial = f"This copy holds only what the login {ready.prefix}{who} may see (officer)"
        assert (partial in out) is (who != "hoa"), out
        assert ("The complete backup is the database owner's" in out) is (who != "hoa"), out
        restore = shutil.which("pg_restore") or "pg_restore"
        sql = subprocess.run(
            [restore, "-f", "-", "-a", "-t", "meeting", str(dump)], capture_output=True, text=True, check=True
        ).stdout
        assert (SECRET_TITLE in sql) is sees, who
    code, out, err = ready.cli("lan", "backup", str(tmp_path / "vi.dump"), "--json")
    assert code == 0 and json.loads(out)["complete"] is False, err
    code, out, err = ready.cli("hoa", "backup", str(tmp_path / "hoa.json.dump"), "--json")
    assert code == 0 and json.loads(out)["complete"] is True, err
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    code, out, err = ready.cli("minh", "backup", str(tmp_path / "minh-vi.dump"))
    assert code == 0, err
    assert f"Bản sao này chỉ chứa những gì tài khoản {ready.prefix}minh được xem (cán bộ)" in out, out
    assert "Bản sao lưu đầy đủ là của chủ sở hữu cơ sở dữ liệu" in out, out


def test_a_managers_brief_marks_the_confidential_meeting_a_readers_brief_does_not_hold(
    ready: Team, secret_meeting: int, tmp_path: Path
) -> None:
    """Reviewer: manager hoa's brief of Genetica printed lan's confidential meeting and its
    follow-up under only the grey "internal" mark; tuan (a reader) does not see them at all."""
    pdf = tmp_path / "hoa.pdf"
    code, _out, err = ready.cli("hoa", "brief", "org", "Genetica", "--lang", "vi", "-o", str(pdf))
    assert code == 0, err
    lines = [ln.strip() for p in PdfReader(str(pdf)).pages for ln in (p.extract_text() or "").splitlines()]
    assert "MẬT — KHÔNG PHỔ BIẾN" in "\n".join(lines)
    assert any(ln.startswith("Có hồ sơ mật (2)") for ln in lines), lines[:6]  # the meeting, its follow-up
    for title in (SECRET_TITLE[:16], "Gửi thư giới thiệu bí mật"):
        at = next(i for i, ln in enumerate(lines) if ln.startswith(title))
        assert lines[at - 1] == "Mật", (title, lines[at - 2 : at + 1])
    pdf = tmp_path / "tuan.pdf"
    code, _out, err = ready.cli("tuan", "brief", "org", "Genetica", "--lang", "vi", "-o", str(pdf))
    assert code == 0, err
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    assert SECRET_TITLE[:16] not in text and "MẬT" not in text and "TÀI LIỆU NỘI BỘ" in text


def test_an_officer_on_an_older_schema_is_told_who_upgrades_it(ready: Team) -> None:
    admin = create_engine(ready.urls["owner"])
    with admin.begin() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        conn.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    try:
        code, _out, err = ready.cli("minh", "search", "genetica")
    finally:
        with admin.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        admin.dispose()
    assert code == 1 and "ketnoi admin init" in err and "Traceback" not in err


def test_an_admin_login_other_than_the_owner_adds_users(ready: Team) -> None:
    p = ready.prefix
    pw = "correct horse battery staple\n"
    code, _o, err = ready.cli(
        "owner",
        "admin",
        "add-user",
        p + "boss",
        "--role",
        "admin",
        "--name",
        "Đỗ Văn Sếp",
        "--password-stdin",
        stdin=pw,
    )
    assert code == 0, err
    boss = make_url(ready.urls["lan"]).set(username=p + "boss").render_as_string(False)
    code, _o, err = _run(
        boss,
        ["admin", "add-user", p + "thu", "--role", "officer", "--name", "Vũ Thị Thu", "--password-stdin"],
        pw,
    )
    assert code == 0, err
    code, out, err = _run(boss, ["admin", "list-users", "--json"])
    assert code == 0, err
    users = {u["login"]: (u["role"], u["name"]) for u in json.loads(out)}
    assert users[p + "thu"] == ("officer", "Vũ Thị Thu") and users[p + "boss"] == ("admin", "Đỗ Văn Sếp")


def test_what_hangs_off_a_confidential_record_is_hidden_with_it(ready: Team, secret_meeting: int) -> None:
    code, out, err = ready.cli(
        "lan",
        "contact",
        "add",
        "--name",
        "Trương Gia Bình",
        "--email",
        "binh@example.vn",
        "--confidential",
        "--json",
    )
    assert code == 0, err
    contact = json.loads(out)["id"]
    queries = {
        "contact": ("SELECT count(*) FROM contact WHERE id = :c", {"c": contact}),
        "contact_method": ("SELECT count(*) FROM contact_method WHERE contact_id = :c", {"c": contact}),
        "meeting_organisation": (
            "SELECT count(*) FROM meeting_organisation WHERE meeting_id = :m",
            {"m": secret_meeting},
        ),
        "change": (
            "SELECT count(*) FROM change WHERE (entity = 'contact' AND entity_id = :c) "
            "OR (entity = 'meeting' AND entity_id = :m)",
            {"c": contact, "m": secret_meeting},
        ),
    }
    seen: dict[str, dict[str, int]] = {}
    for who in ("lan", "minh", "hoa"):
        engine = create_engine(ready.urls[who])
        with engine.connect() as conn:
            seen[who] = {
                name: int(conn.execute(text(sql), args).scalar() or 0)
                for name, (sql, args) in queries.items()
            }
        engine.dispose()
    assert all(n > 0 for n in seen["lan"].values()), seen["lan"]
    assert seen["hoa"] == seen["lan"]
    assert seen["minh"] == dict.fromkeys(queries, 0)


def test_duplicate_finding_sees_only_what_the_login_may_see(ready: Team) -> None:
    code, _o, err = ready.cli(
        "lan", "contact", "add", "--name", "Hoàng Thị Mật", "--email", "mat@example.vn", "--confidential"
    )
    assert code == 0, err
    code, _o, err = ready.cli(
        "minh", "contact", "add", "--name", "Hoang Thi Mat", "--email", "mat@example.vn"
    )
    assert code == 0, err
    for who, sees in (("lan", True), ("hoa", True), ("minh", False)):
        code, out, err = ready.cli(who, "dedupe", "--dry-run", "--kind", "contact")
        assert code == 0, err
        assert ("Hoàng Thị Mật" in out) is sees, (who, out)


def test_a_confidential_meeting_does_not_tell_its_date_through_last_contacted(
    ready: Team, tmp_path: Path
) -> None:
    """Reviewer's defect: Lan logged a confidential meeting with Phan Thanh Sơn; reader Tuấn could
    not see it, yet `contact show` gave him its date as last_contacted_on and his Genetica brief
    printed it as "Last met"."""
    assert ready.cli("lan", "org", "add", "--name", "Genetica Bình Dương")[0] == 0
    code, _o, err = ready.cli(
        "lan", "contact", "add", "--name", "Phan Thanh Sơn", "--org", "Genetica Bình Dương"
    )
    assert code == 0, err
    code, _o, err = ready.cli(
        "lan",
        "log-meeting",
        "--title",
        "Gặp riêng anh Sơn",
        "--at",
        "2026-11-20 10:00",
        "--organisation",
        "Genetica Bình Dương",
        "--attendee",
        "Phan Thanh Sơn",
        "--confidential",
    )
    assert code == 0, err
    for who in ("tuan", "lan"):  # the shared field stays as it was for everyone
        code, out, err = ready.cli(who, "contact", "show", "Phan Thanh Sơn", "--json")
        assert code == 0, err
        assert json.loads(out)["record"]["last_contacted_on"] is None, who
        assert "2026-11-20" not in out
    for who, sees in (("tuan", False), ("lan", True)):  # "Last met": from the meetings one sees
        pdf = tmp_path / f"org-{who}.pdf"
        code, _out, err = ready.cli(who, "brief", "org", "Genetica Bình Dương", "-o", str(pdf))
        assert code == 0, err
        words = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Phan Thanh Sơn" in words
        assert ("20 Nov 2026" in words) is sees, who


def test_a_colleague_given_a_meeting_is_told_only_its_owner_or_a_manager_shares_it(
    ready: Team, secret_meeting: int
) -> None:
    """Reviewer's defect: Minh, given Lan's confidential meeting, tried to share it with Hoa and
    was told "the change would leave a confidential record that … may not see"."""
    code, _out, err = ready.cli("lan", "share", "meeting", str(secret_meeting), "--with", "Phạm Văn Minh")
    assert code == 0, err
    try:
        code, _out, err = ready.cli(
            "minh", "share", "meeting", str(secret_meeting), "--with", "Nguyễn Thị Hoa"
        )
        assert code == 1 and "Traceback" not in err
        assert "only its owner (Trần Thị Lan) or a manager can share" in err
        assert "may not see" not in err and len(err.strip().splitlines()) == 1
        # the manager may (and the owner did above)
        code, _out, err = ready.cli("hoa", "share", "meeting", str(secret_meeting), "--with", "Lê Anh Tuấn")
        assert code == 0, err
        code, _out, err = ready.cli("hoa", "share", "meeting", str(secret_meeting), "--remove", "Lê Anh Tuấn")
        assert code == 0, err
    finally:
        code, _out, err = ready.cli(
            "lan", "share", "meeting", str(secret_meeting), "--remove", "Phạm Văn Minh"
        )
        assert code == 0, err


def test_set_role_changes_the_role_alone_and_is_written_in_the_staff_history(ready: Team) -> None:
    """``ketnoi admin set-role``: the login's group role changes, its password does not (read as
    the server's superuser), the staff record's history names the old and the new role; an
    unknown or disabled login is refused in one line."""
    p = ready.prefix
    add = (
        "admin",
        "add-user",
        p + "mover",
        "--role",
        "reader",
        "--name",
        "Hà Văn Chuyển",
        "--password-stdin",
    )
    assert ready.cli("owner", *add, stdin="pw\n")[0] == 0
    mover = _url(ready.urls["owner"], p + "mover", make_url(ready.urls["owner"]).database or "")
    su = create_engine(PG_URL or "")

    def verifier() -> str:
        with su.connect() as c:
            return str(
                c.execute(
                    text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": p + "mover"}
                ).scalar()
            )

    try:
        before = verifier()
        code, out, err = ready.cli("owner", "admin", "set-role", p + "mover", "--role", "officer", "--json")
        assert code == 0, err
        assert json.loads(out) == {"login": p + "mover", "old_role": "reader", "role": "officer"}
        assert verifier() == before  # the password stays
    finally:
        su.dispose()
    code, out, err = _run(mover, ["whoami", "--json"])
    assert code == 0, err
    assert json.loads(out)["role"] == "officer"
    code, out, err = _run(mover, ["org", "add", "--name", "Công ty Chuyển đổi số"])
    assert code == 0, err  # an officer writes
    code, out, _err = ready.cli("owner", "admin", "set-role", p + "mover", "--role", "officer")
    assert code == 0 and "already officer; nothing changed" in out
    staff_id = json.loads(_run(mover, ["whoami", "--json"])[1])["staff_id"]
    owner = create_engine(ready.urls["owner"])
    try:
        with owner.connect() as c:
            rows = c.execute(
                text(
                    "SELECT old, new, login FROM change WHERE entity = 'staff' AND entity_id = :i AND field = 'role'"
                ),
                {"i": staff_id},
            ).all()
    finally:
        owner.dispose()
    assert [(o, n) for o, n, _login in rows] == [("reader", "officer")]
    assert rows[0][2] == p + "owner"  # the administrator who changed it

    code, _out, err = ready.cli("owner", "admin", "set-role", p + "nobody", "--role", "officer")
    assert code == 1 and f"no login '{p}nobody' on this server" in err and "Traceback" not in err
    assert ready.cli("owner", "admin", "disable-user", p + "mover")[0] == 0
    code, _out, err = ready.cli("owner", "admin", "set-role", p + "mover", "--role", "manager")
    assert code == 1 and "is disabled or has no Ketnoi role" in err and "add-user" in err
    assert err.count("\n") == 1


def test_set_role_and_disable_user_refuse_the_database_owner_in_one_line(ready: Team) -> None:
    """The owner's login is not one set-role changes: refused before the server is asked (whose
    own words were "must have admin option on role …"); nor one disable-user disables (the server
    let the owner disable itself, and then no one could run admin init)."""
    owner = ready.prefix + "owner"
    for role in ("reader", "admin"):
        code, _out, err = ready.cli("owner", "admin", "set-role", owner, "--role", role)
        assert code == 1, err
        assert f"login '{owner}' owns this database" in err and err.count("\n") == 1, err
        assert "admin option" not in err and "Traceback" not in err
    # nor disable-user: the server would let the owner lock itself out (ALTER ROLE … NOLOGIN)
    code, _out, err = ready.cli("owner", "admin", "disable-user", owner)
    assert code == 1 and f"login '{owner}' owns this database" in err and err.count("\n") == 1, err
    code, out, err = ready.cli("owner", "whoami", "--json")
    assert code == 0 and json.loads(out)["login"] == owner, err  # it still connects


def test_the_staff_history_set_role_writes_is_shown_by_ketnoi_history(ready: Team) -> None:
    """``ketnoi history staff NAME_OR_ID``: the role changes set-role writes (the kind used to be
    refused, its error listing the Kind enum's reprs)."""
    p = ready.prefix
    add = ("admin", "add-user", p + "shown", "--role", "reader", "--name", "Đỗ Thị Hiện", "--password-stdin")
    assert ready.cli("owner", *add, stdin="pw\n")[0] == 0
    assert ready.cli("owner", "admin", "set-role", p + "shown", "--role", "manager")[0] == 0
    code, out, err = ready.cli("owner", "history", "staff", "Đỗ Thị Hiện", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["kind"] == "staff" and found["label"] == "Đỗ Thị Hiện"
    roles = [(c["old"], c["new"]) for c in found["changes"] if c["field"] == "role"]
    assert roles == [("reader", "manager")]
    code, out, err = ready.cli("owner", "history", "staff", str(found["id"]))
    assert code == 0 and f"staff #{found['id']}  Đỗ Thị Hiện" in out, err
    assert "manager" in out and "reader" in out
    # by the login the administrator knows them by (reviewer: "No staff member matches 'boss'")
    code, out, err = ready.cli("owner", "history", "staff", p + "shown", "--json")
    assert code == 0 and json.loads(out)["id"] == found["id"], err


def _staff_changes(ready: Team, staff_id: int, field: str) -> list[tuple[Any, Any]]:
    owner = create_engine(ready.urls["owner"])
    try:
        with owner.connect() as c:
            rows = c.execute(
                text(
                    "SELECT old, new FROM change WHERE entity = 'staff' AND entity_id = :i AND field = :f "
                    "ORDER BY id"
                ),
                {"i": staff_id, "f": field},
            ).all()
    finally:
        owner.dispose()
    return [(o, n) for o, n in rows]


def test_group_roles_a_superuser_and_ones_own_login_are_refused_in_one_line(ready: Team) -> None:
    """Reviewer: `disable-user ketnoi_officer` took every officer out of the database
    (it ran REVOKE ketnoi_reader FROM ketnoi_officer), `add-user ketnoi_officer` made the group a
    login, a superuser's set-role answered in the server's words, and an administrator disabling
    their own login ended the command's own session (PendingRollbackError). Each is refused in one
    line naming the login, and nothing changes: the officers still read."""
    p = ready.prefix
    pw = "correct horse battery staple\n"
    for kind in ("officer", "reader", "admin"):
        group = p + kind
        for argv in (
            ("admin", "disable-user", group),
            ("admin", "set-role", group, "--role", "reader"),
            ("admin", "add-user", group, "--role", "reader", "--name", "Nhóm", "--password-stdin"),
        ):
            code, _out, err = ready.cli("owner", *argv, stdin=pw)
            assert code == 1, (argv, err)
            assert f"'{group}' is one of Ketnoi's group roles" in err and err.count("\n") == 1, err
    superuser = make_url(PG_URL).username or ""
    for argv in (("admin", "disable-user", superuser), ("admin", "set-role", superuser, "--role", "reader")):
        code, _out, err = ready.cli("owner", *argv)
        assert code == 1 and f"login '{superuser}' is a superuser" in err and err.count("\n") == 1, err
        assert "must be superuser" not in err
    add = ("admin", "add-user", p + "self", "--role", "admin", "--name", "Hồ Tự Quản", "--password-stdin")
    assert ready.cli("owner", *add, stdin=pw)[0] == 0
    myself = make_url(ready.urls["lan"]).set(username=p + "self").render_as_string(False)
    for argv in (
        ["admin", "disable-user", p + "self"],
        ["admin", "set-role", p + "self", "--role", "reader"],
    ):
        code, _out, err = _run(myself, argv)
        assert code == 1 and f"login '{p}self' is your own" in err and err.count("\n") == 1, err
        assert "PendingRollbackError" not in err and "admin option" not in err
    code, out, err = _run(myself, ["whoami", "--json"])
    assert code == 0 and json.loads(out)["role"] == "admin", err  # still an administrator
    code, out, err = ready.cli("lan", "whoami", "--json")
    assert code == 0 and json.loads(out)["role"] == "officer", err  # the officers still connect


def test_disabling_twice_changes_nothing_and_adding_back_writes_what_changed(ready: Team) -> None:
    """Reviewer: a second disable-user said it disabled the login again and wrote a second
    'active True → False'; add-user giving a disabled login back wrote 'login: — → x' (the login
    was x all along) and neither its return nor its new role."""
    p = ready.prefix
    pw = "correct horse battery staple\n"
    add = ("admin", "add-user", p + "back", "--role", "officer", "--name", "Đinh Văn Về", "--password-stdin")
    assert ready.cli("owner", *add, stdin=pw)[0] == 0
    back = make_url(ready.urls["lan"]).set(username=p + "back").render_as_string(False)
    staff_id = json.loads(_run(back, ["whoami", "--json"])[1])["staff_id"]
    code, out, err = ready.cli("owner", "admin", "disable-user", p + "back")
    assert code == 0 and "can no longer connect" in out, err
    code, out, err = ready.cli("owner", "admin", "disable-user", p + "back", "--json")
    assert code == 0 and json.loads(out)["changed"] is False, err
    code, out, err = ready.cli("owner", "admin", "disable-user", p + "back")
    assert code == 0 and f"Login {p}back is disabled already; nothing changed" in out, err
    assert len(_staff_changes(ready, staff_id, "active")) == 1
    readd = ("admin", "add-user", p + "back", "--role", "reader", "--name", "Đinh Văn Về", "--password-stdin")
    code, _out, err = ready.cli("owner", *readd, stdin=pw)
    assert code == 0, err
    assert len(_staff_changes(ready, staff_id, "active")) == 2
    assert _staff_changes(ready, staff_id, "role") == [("officer", "reader")]
    assert len(_staff_changes(ready, staff_id, "login")) == 1  # the first add-user's only
    code, out, err = _run(back, ["whoami", "--json"])
    assert code == 0 and json.loads(out)["role"] == "reader", err


def test_a_disabled_login_running_a_command_is_told_what_happened_in_one_line(ready: Team) -> None:
    """Reviewer: the CLI printed libpq's raw line (OperationalError: connection failed: … FATAL:
    role "…" is not permitted to log in) where the window says the login was disabled."""
    p = ready.prefix
    add = ("admin", "add-user", p + "gone", "--role", "officer", "--name", "Mai Văn Đi", "--password-stdin")
    assert ready.cli("owner", *add, stdin="pw\n")[0] == 0
    gone = make_url(ready.urls["lan"]).set(username=p + "gone").render_as_string(False)
    assert _run(gone, ["whoami"])[0] == 0
    assert ready.cli("owner", "admin", "disable-user", p + "gone")[0] == 0
    code, _out, err = _run(gone, ["search", "Nguyễn"])
    assert code == 1 and err.count("\n") == 1, err
    assert f"turned login '{p}gone' away: an administrator may have disabled it" in err, err
    assert "OperationalError" not in err and "--debug" not in err
    assert f'"{p}gone" is not permitted to log in' in err  # the server's own words, kept at the end


def test_a_meeting_logged_twice_is_said_only_to_who_may_see_the_first(
    ready: Team, secret_meeting: int
) -> None:
    """app.already_logged on a team database: Minh, who may not see Lan's confidential meeting
    with Genetica, logs one beside it without a word about it (its title never said); Hoa, a
    manager who sees it, is told Lan logged it, and saves hers with --even-if-logged."""
    again = ["log-meeting", "--title", "Gặp Genetica", "--organisation", "Genetica"]
    code, out, err = ready.cli("minh", *again, "--at", "2026-11-20 14:30")
    assert code == 0, err
    assert SECRET_TITLE not in out + err and "already logged" not in err
    code, out, err = ready.cli("hoa", *again, "--at", "2026-11-20 14:00")
    said = " ".join(err.split())
    assert code != 0 and f"Trần Thị Lan already logged “{SECRET_TITLE}” with Genetica at 14:00" in said
    code, _out, err = ready.cli("hoa", *again, "--at", "2026-11-20 14:00", "--even-if-logged")
    assert code == 0, err


def test_a_confidential_meeting_to_come_is_in_a_managers_brief_marked_not_in_a_readers(
    ready: Team, secret_meeting: int, tmp_path: Path
) -> None:
    """The briefs' "Upcoming meetings" follow the rule of their other rows: Lan's confidential
    meeting planned with Genetica is listed, marked "Mật", in manager Hoa's brief; Tuấn, a
    reader who may not see it, has no word of it (nor the part, with nothing else to come)."""
    title = "Họp kín sắp tới về vốn cho đề án"
    code, _o, err = ready.cli(
        "lan", "log-meeting", "--title", title, "--at", "2026-11-30 10:00", "--organisation", "Genetica",
        "--confidential",
    )  # fmt: skip
    assert code == 0, err
    pdf = tmp_path / "hoa.pdf"
    code, _out, err = ready.cli("hoa", "brief", "org", "Genetica", "--lang", "vi", "-o", str(pdf))
    assert code == 0, err
    lines = [ln.strip() for p in PdfReader(str(pdf)).pages for ln in (p.extract_text() or "").splitlines()]
    upcoming = lines[lines.index("Cuộc họp sắp tới") :]
    at = next(i for i, ln in enumerate(upcoming) if ln.startswith(title[:16]))
    assert upcoming[at - 1] == "Mật", upcoming[: at + 1]
    pdf = tmp_path / "tuan.pdf"
    code, _out, err = ready.cli("tuan", "brief", "org", "Genetica", "--lang", "vi", "-o", str(pdf))
    assert code == 0, err
    said = "\n".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    assert title[:16] not in said and "Cuộc họp sắp tới" not in said and "MẬT" not in said
