"""Undoing an import leaves the database as it was before the import: every table read whole
(every row, every column) before the import and after its undo, on an empty database and on
the demo's, where the import's rows match and update records it has.

What may differ, and the undo's report says so: the records it created are in the Trash (soft
deleted, their ids never reused, restorable with their links: their link rows, e-mails and
search index rows stay with them); the column choices it remembered for its sheets' layouts
stay for the next import of that layout; the records it put back have a new version and
``updated_at`` (a window holding the import's version must not save over the undo); the import's
own row says "undone"; the history (``change``) says what was done. Nothing else: before this
test, the undo gave a contact's e-mails and phones new rows (new ids) and left the records of an
earlier import, updated by this one, marked as written by no import."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool
from sqlmodel import select

from app.contacted import THROUGH_KEY
from db import models as m
from db.migrate import open_database
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import as_in_a_test, demo_database, run_cli

Key = tuple[Any, ...]
Snapshot = dict[str, Any]
# the history, and the schema's version: not the data the undo puts back
NOT_COMPARED = frozenset({"change", "alembic_version"})
BUMPED = frozenset({"version", "updated_at"})  # on records the undo wrote to put them back


def _book(folder: Path) -> Path:
    """A workbook of the four kinds of sheets (and staff): on the demo's database its rows match
    records and update them (a new phone, tags, a city, sectors, a meeting's attendees, an
    action's status), on an empty one every row is new."""
    return write_xlsx(
        folder / "all.xlsx",
        {
            "Contacts": [
                ["Full name", "Email", "Phone", "Position", "Organisation", "Tags"],
                ["Nguyễn Thị Hồng Nhung", "nhung.nth@vin.example.vn", "0912 000 111", "Chủ tịch",
                 "Mạng lưới Đổi mới sáng tạo Việt Nam", "VIP; Mới"],
                ["Lê Văn Mới", "moi@newco.vn", "0988 111 222", "CEO", "Công ty Mới Tinh", "Mới"],
                ["Trần Thị Hai", "hai@fpt.example.vn", "", "Kỹ sư", "Công ty Cổ phần FPT", ""],
            ],
            "Organisations": [
                ["Name", "Acronym", "Parent", "City", "Sectors"],
                ["Genetica", "GEN", "", "TP Hồ Chí Minh", "biotech; Genomics"],
                ["Viện Mới", "VM", "Bộ Khoa học và Công nghệ", "Đà Nẵng", "Quantum"],
            ],
            "Meetings": [
                ["Title", "Start", "Attendees", "Organisations", "Location"],
                ["Họp với Viettel về chương trình UAV", dt.datetime(2026, 11, 12, 10), "Lê Văn Mới; Bùi Đức Hà",
                 "Viện Mới", "Hà Nội"],
                ["Họp mới", dt.datetime(2026, 11, 20, 9), "Lê Văn Mới; Trương Gia Bình", "Công ty Mới Tinh; Genetica",
                 "Hòa Lạc"],
            ],
            "Actions": [
                ["Title", "Due", "Status", "Organisation", "Responsible"],
                ["Gửi thư giới thiệu Genetica tới NVIDIA", dt.date(2026, 12, 9), "done", "Genetica", "Lê Thu Hà"],
                ["Việc mới", dt.date(2026, 12, 20), "open", "Viện Mới", "Lê Văn Mới"],
            ],
            "Staff": [["Name", "Email", "Active"], ["Lê Thu Hà", "ha.lt@nic.example.vn", "no"],
                      ["Người Mới", "nm@nic.vn", "yes"]],
        },
    )  # fmt: skip


def _on_top(folder: Path) -> Path:
    """A second workbook, imported over the first with "overwrite": it updates the records the
    first created (a phone moved, a new one; an organisation renamed, another's parent)."""
    return write_xlsx(
        folder / "two.xlsx",
        {
            "Organisations": [["Name", "Acronym", "City", "Parent"], ["Tập đoàn FPT", "FPT", "Hà Nội", "Genetica"],
                              ["Viện Mới", "", "Huế", ""]],
            "Contacts": [
                ["Full name", "Email", "Phone", "Position", "Organisation"],
                ["Trương Gia Bình", "binh.tg@fpt.example.vn", "0904 000 222; 0904 000 111", "Chủ tịch", "Viện Mới"],
                ["Lê Văn Mới", "moi@newco.vn", "0988 111 333; 0988 111 222", "CTO", "Genetica"],
            ],
            "Staff": [["Name", "Email", "Active"], ["Người Mới", "nm@nic.vn", "no"]],
        },
    )  # fmt: skip


def _cards(folder: Path) -> Path:
    path = folder / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lê Minh Châu\r\nEMAIL:chau.lm@genetica.example.vn\r\n"
        "TEL:+84 939 000 999\r\nTITLE:CEO\r\nORG:Genetica\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hà Văn Thẻ\r\nEMAIL:the@card.vn\r\nTEL:0977 123 456\r\n"
        "ORG:Thẻ Co\r\nCATEGORIES:Card\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return path


def _engine(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool)


def snapshot(url: str) -> Snapshot:
    """Every table's rows by primary key (the whole row when it has none), and on SQLite every
    full-text index's entries (term, record, column, offset) as its fts5vocab reads them."""
    engine = _engine(url)
    out: Snapshot = {}
    try:
        insp = inspect(engine)
        with engine.connect() as conn:
            for name in insp.get_table_names():
                if name in NOT_COMPARED or name.startswith("fts_"):
                    continue
                pk = insp.get_pk_constraint(name)["constrained_columns"]
                rows: dict[Key, dict[str, Any]] = {}
                for row in conn.execute(text(f'SELECT * FROM "{name}"')).mappings():
                    values = dict(row)
                    if name == "setting" and values.get("key") == THROUGH_KEY:
                        continue  # (the meetings-started check's mark, stored before the import)
                    rows[tuple(values[c] for c in pk) if pk else tuple(sorted(values.items()))] = values
                out[name] = rows
            if engine.dialect.name == "sqlite":
                indexes = conn.execute(
                    text("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5(%'")
                ).scalars()
                for name in list(indexes):
                    conn.execute(
                        text(f"CREATE VIRTUAL TABLE temp.v_{name} USING fts5vocab(main, {name}, instance)")
                    )
                    out[name] = Counter(tuple(r) for r in conn.execute(text(f"SELECT * FROM temp.v_{name}")))
    finally:
        engine.dispose()
    return out


def _foreign_keys(url: str) -> dict[str, list[tuple[str, str]]]:
    """Each table's (column, table it points to)."""
    engine = _engine(url)
    try:
        insp = inspect(engine)
        return {
            name: [
                (fk["constrained_columns"][0], fk["referred_table"])
                for fk in insp.get_foreign_keys(name)
                if len(fk["constrained_columns"]) == 1
            ]
            for name in insp.get_table_names()
            if not name.startswith("fts_")
        }
    finally:
        engine.dispose()


def _trashed(before: Snapshot, after: Snapshot, batch: int, out: list[str]) -> dict[str, set[Any]]:
    """The ids of the records in the trash that were not there before, per table: the import's."""
    trashed: dict[str, set[Any]] = {}
    for name, rows in after.items():
        if name.startswith("fts_"):
            continue
        for key, row in rows.items():
            if key not in before.get(name, {}) and row.get("deleted_at") is not None:
                if row.get("import_batch_id") != batch:
                    out.append(f"{name} {key}: in the trash, not marked as import #{batch}'s: {row}")
                trashed.setdefault(name, set()).add(row["id"])
    return trashed


def _unmeant(name: str, row: dict[str, Any], batch: int, trashed: dict[str, set[Any]], fks: Any) -> bool:
    """Whether a row the undo left that was not there before is one it did not mean to leave."""
    if row.get("id") in trashed.get(name, ()) or any(
        row[c] in trashed.get(t, ()) for c, t in fks.get(name, ())
    ):
        return False  # a record the import created, in the trash, and its links
    if name == "import_batch":
        return row["id"] != batch or row["undone_at"] is None
    # the columns it remembered for the layout (the report says they stay)
    return not (name == "setting" and str(row["key"]).startswith("import.mapping."))


def differences(
    before: Snapshot, after: Snapshot, batch: int, fks: dict[str, list[tuple[str, str]]]
) -> list[str]:
    """What differs that the undo did not mean (the module's docstring says what it may)."""
    out: list[str] = []
    trashed = _trashed(before, after, batch, out)
    for name in sorted(set(before) | set(after)):
        was, now = before.get(name, {}), after.get(name, {})
        if name.startswith("fts_"):
            gone = trashed.get(name.removeprefix("fts_"), set())
            extra = Counter({k: n for k, n in (now - was).items() if k[1] not in gone})
            if extra or was - now:
                out.append(f"{name}: index entries added {sorted(extra)[:8]}, lost {sorted(was - now)[:8]}")
            continue
        for key in sorted(set(was) | set(now), key=repr):
            if key not in now:
                out.append(f"{name} {key}: gone: {was[key]}")
            elif key not in was:
                if _unmeant(name, now[key], batch, trashed, fks):
                    out.append(f"{name} {key}: new: {now[key]}")
            elif not (name == "setting" and str(key[0]).startswith("import.mapping.")):  # remembered again
                changed = {
                    c: (v, now[key][c]) for c, v in was[key].items() if c not in BUMPED and now[key][c] != v
                }
                if changed:
                    out.append(f"{name} {key}: {changed}")
    return out


def _last_batch(url: str) -> int:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT max(id) FROM import_batch")).scalar_one())
    finally:
        engine.dispose()


def _undone_as_before(url: str, book: Path, *args: str) -> str:
    """Import ``book`` into ``url`` and undo it: the undo's report, once the database is seen
    to be as it was (but for what the report says)."""
    fks = _foreign_keys(url)
    before = snapshot(url)
    done = run_cli(None, "import", str(book), *args, "--db", url)
    assert done.returncode == 0, done.stdout + done.stderr
    batch = _last_batch(url)
    done = run_cli(None, "undo-import", str(batch), "--db", url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert differences(before, snapshot(url), batch, fks) == [], done.stdout
    return str(done.stdout)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's database and an empty one (built once), and the files imported."""
    folder = tmp_path_factory.mktemp("undo-no-trace")
    with as_in_a_test(folder):
        empty = folder / "empty.db"
        open_database(f"sqlite:///{empty}").dispose()
    return {
        "demo": demo_database(tmp_path_factory),
        "empty": empty,
        "book": _book(folder),
        "two": _on_top(folder),
        "cards": _cards(folder),
    }


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, files: dict[str, Path], tmp_path: Path) -> Iterator[Any]:
    """``database(base)``: the URL of a new database like ``base`` ("empty" or "demo"): a copy
    of the module's SQLite file, or a PostgreSQL database the demo is written into."""

    def make(base: str) -> str:
        if request.param == "sqlite":
            path = tmp_path / f"{base}.db"
            shutil.copy(files[base], path)
            return f"sqlite:///{path}"
        url = str(request.getfixturevalue("pg_url"))
        if base == "demo":
            assert run_cli(None, "demo", "--db", url).returncode == 0
        return url

    yield make


@pytest.mark.parametrize("base", ["empty", "demo"])
def test_undo_of_a_workbook_leaves_the_database_as_it_was(
    database: Any, files: dict[str, Path], base: str
) -> None:
    said = _undone_as_before(database(base), files["book"])
    assert "in the trash" in said


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("sheet", ["Contacts", "Organisations", "Meetings", "Actions", "Staff"])
def test_undo_of_a_sheet_leaves_the_database_as_it_was(
    database: Any, files: dict[str, Path], sheet: str
) -> None:
    """Each kind of sheet alone, over the demo's records (on an empty database the workbook's
    undo has every kind of new record already)."""
    _undone_as_before(database("demo"), files["book"], "--sheet", sheet)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("base", ["empty", "demo"])
def test_undo_of_an_overwriting_import_leaves_the_database_as_it_was(
    database: Any, files: dict[str, Path], base: str
) -> None:
    said = _undone_as_before(database(base), files["book"], "--on-match", "overwrite")
    assert "column choices" in said  # remembered for the layout: kept, and said


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
@pytest.mark.parametrize("base", ["empty", "demo"])
def test_undo_of_cards_leaves_the_database_as_it_was(
    database: Any, files: dict[str, Path], base: str
) -> None:
    _undone_as_before(database(base), files["cards"])


@pytest.mark.parametrize("base", ["empty", "demo"])
def test_undo_of_an_import_over_an_earlier_one_leaves_that_one_as_it_stood(
    database: Any, files: dict[str, Path], base: str
) -> None:
    """The records of an earlier import, updated by this one, are its records again (their
    "Import" is the earlier one's), their e-mails and phones the same rows."""
    url = database(base)
    assert run_cli(None, "import", str(files["book"]), "--db", url).returncode == 0
    _undone_as_before(url, files["two"], "--on-match", "overwrite")


def test_the_undo_report_says_what_stays(files: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    shutil.copy(files["empty"], path)
    url = f"sqlite:///{path}"
    assert run_cli(None, "import", str(files["book"]), "--sheet", "Contacts", "--db", url).returncode == 0
    done = run_cli(None, "undo-import", "1", "--db", url, "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert "Xem → Thùng rác" in done.stdout, done.stdout


# --- what the user did since the import: kept, and said ------------------------------------

SINCE = {
    "Contacts": [
        ["Full name", "Email", "Organisation"],
        ["Lê Văn Mới", "moi@newco.vn", "Viện Mới"],
        ["Trần Hai", "hai@vienhai.vn", "Viện Hai"],
        ["Phạm Ba", "ba@vienba.vn", "Viện Ba"],
        ["Đỗ Bốn", "bon@vienbon.vn", "Viện Bốn"],
    ],
    "Staff": [["Name", "Email", "Active"], ["Người Mới", "nm@nic.vn", "yes"]],
}
# what points at a record by a column, for the user's work that an import never creates
WORK = {
    "post": [("organisation_id", "organisation")],
    "post_holder": [("contact_id", "contact")],
    "org_succession": [("predecessor_id", "organisation"), ("successor_id", "organisation")],
    "letter": [("organisation_id", "organisation"), ("contact_id", "contact")],
    "record_share": [("staff_id", "staff"), ("shared_by_id", "staff")],
    "contact": [("organisation_id", "organisation")],
}


def _in_trash(snap: Snapshot, kind: str, ident: Any) -> bool:
    row = snap.get(kind, {}).get((ident,))
    return row is not None and row.get("deleted_at") is not None


def test_undo_keeps_what_was_done_since_with_what_it_needs_and_says_so(
    database: Any, files: dict[str, Path], tmp_path: Path
) -> None:
    """A post held by a contact the import brought, a reorganisation of its organisation, a file
    attached to one, a letter to another, a record shared with the colleague it brought: each
    stays as it was, and no live record of that work points into the trash after the undo
    (before, a file attached to an imported contact went to the trash with it, and a share
    named a colleague in the trash)."""
    from app import attachments, posts, reorg, team
    from app.letters.register import add_letter
    from db.engine import unit_of_work

    url = database("demo")
    book = write_xlsx(tmp_path / "since.xlsx", SINCE)
    assert run_cli(None, "import", str(book), "--db", url).returncode == 0
    batch = _last_batch(url)
    note = tmp_path / "scan.txt"
    note.write_text("Biên bản", encoding="utf-8")
    engine = open_database(url)
    try:
        with unit_of_work(engine) as s:
            org = {
                r.name: r.id
                for r in s.exec(select(m.Organisation).where(m.Organisation.import_batch_id == batch))
            }
            who = {
                r.full_name: r.id for r in s.exec(select(m.Contact).where(m.Contact.import_batch_id == batch))
            }
            staff = s.exec(select(m.Staff.id).where(m.Staff.name == "Người Mới")).one()
            post = posts.add_post(s, org["Viện Mới"], "Viện trưởng", actor="Lan")
            posts.assign(s, post, who["Lê Văn Mới"], starts_on=dt.date(2026, 11, 1), actor="Lan")
            reorg.succeed(s, org["Viện Hai"], [1], kind="merged", on=dt.date(2026, 11, 2), actor="Lan")
            attachments.add_file(s, "contact", who["Phạm Ba"], note, actor="Lan")
            add_letter(s, {"direction": "outgoing", "subject": "Thư mời", "organisation_id": org["Viện Bốn"]})
            team.share(s, "contact", 1, [staff], by=None, actor="Lan")
    finally:
        engine.dispose()
    before = snapshot(url)
    done = run_cli(None, "undo-import", str(batch), "--db", url)
    assert done.returncode == 0, done.stderr
    after = snapshot(url)
    for name in (*WORK, "attachment"):
        if name != "contact":
            assert after[name] == before[name], name  # the user's work, as it was
    pointing = [
        (name, row["id"], column)
        for name, columns in WORK.items()
        for row in after[name].values()
        if row.get("deleted_at") is None
        for column, kind in columns
        if _in_trash(after, kind, row[column]) and not _in_trash(before, kind, row[column])
    ] + [
        ("attachment", row["id"], "owner_id")
        for row in after["attachment"].values()
        if row["deleted_at"] is None and _in_trash(after, row["owner_kind"], row["owner_id"])
    ]
    assert pointing == [], done.stdout
    said = done.stdout
    assert 'contact "Phạm Ba" (#{}) is used by attached file "scan.txt"'.format(who["Phạm Ba"]) in said
    assert f'staff member "Người Mới" (#{staff}) is used by contact' in said
    assert f'contact "Lê Văn Mới" (#{who["Lê Văn Mới"]}) was edited after the import; kept' in said
    assert f'organisation "Viện Bốn" (#{org["Viện Bốn"]}) is used by letter' in said
