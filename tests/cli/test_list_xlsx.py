"""``ketnoi <kind> list … --xlsx FILE``: the rows the list holds — its filters, its order, every
one of them — written in the full export's layout for that kind, which imports back (a manager
handing over a colleague's open actions got the whole database from ``ketnoi export``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.exporting.workbook import BECAME_HEADER, exported_fields
from app.importing.fields import LABELS
from tests.cli.inproc import copy_of, demo_database, run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _ok(db: Path, *argv: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _rows(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path, read_only=True)
    try:
        (ws,) = wb.worksheets  # one sheet: the list's kind
        return ws.title, [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _listed(db: Path, *argv: str) -> list[dict[str, Any]]:
    doc = json.loads(_ok(db, *argv, "--json", "--limit", "1000"))
    assert doc["count"] == doc["total"]
    return list(doc["items"])


ACTIONS = ("action", "list", "--preset", "open", "--owner", "Trần Minh Quang", "--sort", "title", "--desc")
CONTACTS = ("contact", "list", "--kind", "ministry", "--sort", "organisation")
MEETINGS = ("meeting", "list", "--preset", "past", "--sort", "title")
ORGANISATIONS = ("org", "list", "--kind", "ministry", "--sort", "owner", "--desc")


@pytest.mark.parametrize(
    "argv",
    [ACTIONS, CONTACTS, MEETINGS, ORGANISATIONS],
    ids=["actions", "contacts", "meetings", "organisations"],
)
def test_a_filtered_list_is_written_row_for_row_in_its_order(demo: Path, tmp_path: Path, argv: Any) -> None:
    db = copy_of(demo, tmp_path)
    kind = {"org": "organisation"}.get(argv[0], argv[0])
    listed = _listed(db, *argv)
    assert (
        1
        < len(listed)
        < len(_listed(db, argv[0], "list", *(["--status", "all"] if kind == "action" else [])))
    )
    out = _ok(db, *argv, "--xlsx", str(tmp_path / "list.xlsx"))
    noun = f"{kind}s"
    assert f"Exported {len(listed)} {noun} to {tmp_path / 'list.xlsx'}" in out, out
    title, rows = _rows(tmp_path / "list.xlsx")
    assert title == LABELS[kind]
    # the full export's columns (and, where the demo's merged ministries are listed, what each became)
    extra = [BECAME_HEADER] if kind == "organisation" and BECAME_HEADER in rows[0] else []
    assert list(rows[0]) == [f.header for f in exported_fields(kind)] + extra
    first = "title" if kind in ("action", "meeting") else "name"
    assert [r[0] for r in rows[1:]] == [item[first] for item in listed]


def test_more_than_a_list_prints_and_limit_still_bounds(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import record_commands

    monkeypatch.setattr(record_commands, "LIST_LIMIT", 3)  # (the demo's 20 contacts: more than that)
    db = copy_of(demo, tmp_path)
    printed = _ok(db, "contact", "list")
    assert "3 of 20 contacts" in printed, printed
    _ok(db, "contact", "list", "--xlsx", str(tmp_path / "all.xlsx"))
    assert len(_rows(tmp_path / "all.xlsx")[1]) == 1 + 20
    _ok(db, "contact", "list", "--limit", "5", "--xlsx", str(tmp_path / "5.xlsx"))
    assert len(_rows(tmp_path / "5.xlsx")[1]) == 1 + 5


@pytest.mark.parametrize("argv", [ACTIONS, CONTACTS], ids=["actions", "contacts"])
def test_the_list_imported_into_a_fresh_database_lists_the_same(
    demo: Path, tmp_path: Path, argv: Any
) -> None:
    db = copy_of(demo, tmp_path)
    _ok(db, *argv, "--xlsx", str(tmp_path / "one.xlsx"))
    fresh = tmp_path / "fresh.db"
    _ok(fresh, "import", str(tmp_path / "one.xlsx"))
    kind = argv[0]
    again = (
        kind,
        "list",
        *(["--status", "all"] if kind == "action" else []),
        "--sort",
        argv[-2 if kind == "action" else -1],
    )
    _ok(fresh, *again, *(["--desc"] if kind == "action" else []), "--xlsx", str(tmp_path / "two.xlsx"))
    _, one = _rows(tmp_path / "one.xlsx")
    _, two = _rows(tmp_path / "two.xlsx")
    if kind == "action":
        # An action's meeting is named by its title; a fresh database has no such meeting (the
        # list holds actions, not the meetings they came from): that column alone stays empty.
        meeting = one[0].index("Cuộc họp / Meeting")
        assert any(r[meeting] for r in one[1:])
        one = [r[:meeting] + r[meeting + 1 :] for r in one]
        two = [r[:meeting] + r[meeting + 1 :] for r in two]
    assert two == one


def test_a_list_holding_confidential_records_says_so(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "contact", "add", "--name", "Nguyễn Văn An")
    _ok(db, "contact", "add", "--name", "Lê Thị Bình", "--confidential")
    out = _ok(db, "contact", "list", "--xlsx", str(tmp_path / "c.xlsx"))
    assert "It holds 1 confidential record(s) (contact 1)" in out, out
    assert "CONFIDENTIAL" in (load_workbook(tmp_path / "c.xlsx").worksheets[0].oddHeader.center.text or "")
    out = _ok(db, "contact", "list", "an", "--xlsx", str(tmp_path / "an.xlsx"))
    assert "Exported 1 contact to" in out and "confidential" not in out, out


def test_in_vietnamese_and_refusals(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", "Genetica")
    out = _ok(db, "org", "list", "--xlsx", str(tmp_path / "o.xlsx"), lang="vi_VN.UTF-8")
    assert f"Đã xuất 1 tổ chức vào {tmp_path / 'o.xlsx'}" in out, out
    done = run_cli(db, "org", "list", "--xlsx", str(tmp_path / "o.csv"))
    assert done.returncode != 0 and "must end in .xlsx" in done.stderr, done.stderr
    done = run_cli(db, "org", "list", "--xlsx", str(tmp_path / "nowhere" / "o.xlsx"))
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "o.csv").exists()
