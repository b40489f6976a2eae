"""An export imported back gives the same records. Reviewer h129: the demo database with two
people whose names differ only by their accents, #21 "Phạm Thị Thu Trang" (met on 07/12/2026)
and #22 "Pham Thi Thu Trang" (never met); ``ketnoi export -o all.xlsx`` imported into an empty
database made the two one ("Pham Thi Thu Trang", with the meeting of the other), and the same
export imported into the same database "updated #22: Last contacted: ∅ → 07/12/2026" — the
namesake's day. A name is matched as written (case and spaces aside, accents kept); two names
that fold alike join only by a shared e-mail or phone, else the row says which record or row it
probably is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from db.tables import CON
from tests.cli.inproc import as_in_a_test, copy_of, demo_database, run_cli

SKIPPED = {"id", "created_at", "updated_at", "version", "deleted_at", "import_batch_id"}
SKIPPED |= {"sort_key", "org_sort_key", "email_sort_key", "phone_sort_key", "search_text"}
REFS = {"organisation_id": ("organisation", "name"), "owner_id": ("staff", "name")}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _with_the_two_trangs(demo: Path, folder: Path) -> Path:
    """The reviewer's database: the demo, and the two people of one name but its accents."""
    db = copy_of(demo, folder)
    added = _ok(db, "contact", "add", "--name", "Phạm Thị Thu Trang", "--organisation", "MOST")
    assert added.startswith("Added contact #21: ")
    _ok(db, "contact", "add", "--name", "Pham Thi Thu Trang", "--organisation", "MOST",
        "--position", "Chuyên viên", "--email", "trang.ptt@most.example.vn", "--phone", "0912000111",
        "--notes", "Ghi chú riêng")  # fmt: skip
    _ok(db, "log-meeting", "--title", "Gặp chị Trang", "--at", "2026-12-07 10:00",
        "--organisation", "MOST", "--attendee", "21")  # fmt: skip
    return db


def _contacts(db: Path, *, versions: bool = False) -> dict[str, dict[str, Any]]:
    """Every live contact by name: each field, its organisation and owner by name, its e-mails
    and phones (with their labels) and tags; with ``versions``, its version too."""
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            named = {
                (ref, ident): name
                for ref, (table, column) in REFS.items()
                for ident, name in c.exec_driver_sql(f"SELECT id, {column} FROM {table}")
            }
            methods: dict[int, list[tuple[str, str, str]]] = {}
            for who, kind, value, label in c.exec_driver_sql(
                "SELECT contact_id, kind, value, label FROM contact_method"
            ):
                methods.setdefault(who, []).append((kind, value, label or ""))
            tags: dict[int, list[str]] = {}
            for who, tag in c.exec_driver_sql(
                "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
            ):
                tags.setdefault(who, []).append(tag)
            out: dict[str, dict[str, Any]] = {}
            for row in c.execute(select(CON).where(CON.c.deleted_at.is_(None))).mappings():
                fields = {k: v for k, v in row.items() if k not in SKIPPED or (versions and k == "version")}
                for ref in REFS:
                    fields[ref] = named.get((ref, fields[ref])) if fields[ref] is not None else None
                fields["methods"] = sorted(methods.get(row["id"], []))
                fields["tags"] = sorted(tags.get(row["id"], []))
                assert row["full_name"] not in out, row["full_name"]
                out[row["full_name"]] = fields
        return out
    finally:
        engine.dispose()


def _attendees(db: Path) -> dict[str, list[tuple[str, str]]]:
    """Each live meeting's title and start → its attendees (name, role)."""
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as c:
            out: dict[str, list[tuple[str, str]]] = {}
            for title, starts, name, role in c.exec_driver_sql(
                "SELECT m.title, m.starts_at, c.full_name, a.role FROM meeting m"
                " JOIN meeting_attendee a ON a.meeting_id = m.id JOIN contact c ON c.id = a.contact_id"
                " WHERE m.deleted_at IS NULL"
            ):
                out.setdefault(f"{title} {starts}", []).append((name, role))
            return {k: sorted(v) for k, v in out.items()}
    finally:
        engine.dispose()


def test_an_export_imported_into_an_empty_database_gives_the_same_contacts(
    demo: Path, tmp_path: Path
) -> None:
    with as_in_a_test(tmp_path):
        db = _with_the_two_trangs(demo, tmp_path)
        book = tmp_path / "all.xlsx"
        _ok(db, "export", "-o", str(book))
        said = _ok(tmp_path / "empty.db", "import", str(book))
        before, after = _contacts(db), _contacts(tmp_path / "empty.db")
    assert len(after) == len(before) == 22
    assert after == before  # every field of every contact, its e-mails, phones and tags
    assert _attendees(tmp_path / "empty.db") == _attendees(db)
    assert _attendees(db)["Gặp chị Trang 2026-12-07 10:00:00.000000"] == [
        ("Phạm Thị Thu Trang", "participant")
    ]
    # the two are said to be probably one person, not made one
    assert (
        'row 21 (new): probably the same person as row 20 "Pham Thi Thu Trang", the same name with '
        "other accents, at the same organisation" in said
    )


def test_an_export_imported_into_its_own_database_changes_nothing(demo: Path, tmp_path: Path) -> None:
    with as_in_a_test(tmp_path):
        db = _with_the_two_trangs(demo, tmp_path)
        book = tmp_path / "all.xlsx"
        _ok(db, "export", "-o", str(book))
        before, meetings = _contacts(db, versions=True), _attendees(db)
        said = _ok(db, "import", str(book))
        after = _contacts(db, versions=True)
    counts = re.findall(r"(\d+) new, (\d+) updated, (\d+) duplicates?, (\d+) errors?", said)
    assert len(counts) == 5 and all(c == ("0", "0", "0", "0") for c in counts), said
    assert "Last contacted" not in said
    assert after == before and _attendees(db) == meetings
    assert after["Pham Thi Thu Trang"]["last_contacted_on"] is None


def test_a_name_written_as_one_of_two_names_it_folds_like_names_that_one(demo: Path, tmp_path: Path) -> None:
    """``--attendee "Phạm Thị Thu Trang"`` said "matches 2 contacts: #21 Phạm Thị Thu Trang; #22
    Pham Thi Thu Trang; give the id instead": the one written so, accents and all, is meant;
    written as neither ("Phạm Thi Thu Trang"), or with no accents at all (how people type either
    one), still asked."""
    with as_in_a_test(tmp_path):
        db = _with_the_two_trangs(demo, tmp_path)
        plain = run_cli(db, "contact", "show", "Pham Thi Thu Trang")
        logged = _ok(db, "log-meeting", "--title", "Gọi chị Trang", "--at", "2026-12-08 10:00",
                     "--attendee", "Phạm Thị Thu Trang")  # fmt: skip
        neither = run_cli(db, "contact", "show", "Phạm Thi Thu Trang")
    assert plain.returncode != 0 and "matches 2 contacts" in plain.stderr
    assert "attendee #21 Phạm Thị Thu Trang" in logged
    assert neither.returncode != 0 and "matches 2 contacts" in neither.stderr
