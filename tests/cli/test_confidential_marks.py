"""``ketnoi contact|org|meeting|action list``, ``search``, ``due`` and ``KIND show`` mark a
confidential record "(Confidential)" / "(Mật)" after its name or title, as ``letter list``
does (:func:`app.calendar_marks.marked`), the briefs and the calendar files mark one and the
window shows its lock (reviewer: a list piped into an e-mail showed no line as confidential);
an ordinary record stays unmarked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import as_in_a_test, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"
MARKS = [(EN, "(Confidential)"), (VI, "(Mật)")]
SECRET = {
    "organisation": "Quỹ Đầu tư Kín",
    "contact": "Lưu Văn Mật",
    "meeting": "Họp kín về bán dẫn",
    "action": "Gửi hồ sơ định giá",
}
PLAIN = {
    "organisation": "Genetica",
    "contact": "Nguyễn Thị Hồng Nhung",
    "meeting": "Hội thảo AI",
    "action": "Gửi thư giới thiệu",
}


def _ok(db: Path, *argv: str, lang: str = EN) -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One confidential and one ordinary record of each kind (ids 1 and 2 of each)."""
    path = tmp_path_factory.mktemp("marks") / "k.db"
    with as_in_a_test(path.parent):
        for which, extra in ((SECRET, ["--confidential"]), (PLAIN, [])):
            _ok(path, "org", "add", "--name", which["organisation"], *extra)
            _ok(path, "contact", "add", "--name", which["contact"], *extra)
            _ok(path, "meeting", "add", "--title", which["meeting"], "--at", "2026-11-20 14:00", *extra)
            _ok(path, "action", "add", "--title", which["action"], "--due", "2026-11-20", *extra)
        for kind in SECRET:
            items = json.loads(_ok(path, kind, "list", "--json"))["items"]
            assert {i["id"]: i["confidential"] for i in items} == {1: True, 2: False}, kind
    return path


def _line(out: str, text: str) -> str:
    found = [line for line in out.splitlines() if text in line]
    assert len(found) == 1, (text, out)
    return found[0]


@pytest.mark.parametrize(("lang", "mark"), MARKS)
@pytest.mark.parametrize("kind", list(SECRET))
def test_a_list_marks_a_confidential_record_after_its_name(db: Path, kind: str, lang: str, mark: str) -> None:
    out = _ok(db, kind, "list", lang=lang)
    assert f"{SECRET[kind]} {mark}" in _line(out, SECRET[kind]), out
    assert mark not in _line(out, PLAIN[kind]), out


@pytest.mark.parametrize(("lang", "mark"), MARKS)
@pytest.mark.parametrize("kind", list(SECRET))
def test_show_marks_a_confidential_record_in_its_heading(db: Path, kind: str, lang: str, mark: str) -> None:
    first = _ok(db, kind, "show", "1", lang=lang).splitlines()[0]
    assert first.endswith(f"#1  {SECRET[kind]} {mark}"), first
    other = _ok(db, kind, "show", "2", lang=lang).splitlines()[0]
    assert other.endswith(f"#2  {PLAIN[kind]}") and mark not in other, other


@pytest.mark.parametrize(("lang", "mark"), MARKS)
def test_search_marks_a_confidential_hit(db: Path, lang: str, mark: str) -> None:
    out = _ok(db, "search", "gui", lang=lang)  # both actions ("Gửi …")
    assert f"#1      {SECRET['action']} {mark}" in _line(out, SECRET["action"]), out
    assert mark not in _line(out, PLAIN["action"]), out
    hits = json.loads(_ok(db, "search", "gui", "--json"))["hits"]
    assert {h["id"]: h["confidential"] for h in hits} == {1: True, 2: False}
    out = _ok(db, "search", "mat", lang=lang)  # the contact
    assert f"{SECRET['contact']} {mark}" in _line(out, SECRET["contact"]), out


@pytest.mark.parametrize(("lang", "mark"), MARKS)
def test_due_marks_a_confidential_action(db: Path, lang: str, mark: str) -> None:
    out = _ok(db, "due", lang=lang)
    assert f"{SECRET['action']} {mark}" in _line(out, SECRET["action"]), out
    assert mark not in _line(out, PLAIN["action"]), out


@pytest.mark.parametrize(("lang", "mark"), MARKS)
def test_show_marks_the_confidential_records_an_ordinary_one_names(
    tmp_path: Path, lang: str, mark: str
) -> None:
    """An ordinary meeting's confidential attendee and organisation, a contact's confidential
    organisation: marked where ``show`` names them, as the calendar files mark them."""
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", SECRET["organisation"], "--confidential")
    _ok(db, "org", "add", "--name", PLAIN["organisation"])
    _ok(db, "contact", "add", "--name", SECRET["contact"], "--organisation", "1", "--confidential")
    _ok(db, "contact", "add", "--name", PLAIN["contact"], "--organisation", "2")
    _ok(db, "meeting", "add", "--title", PLAIN["meeting"], "--at", "2026-11-20 14:00",
        "--organisation", "1", "--organisation", "2", "--attendee", "1", "--attendee", "2")  # fmt: skip
    shown = _ok(db, "meeting", "show", "1", lang=lang)
    assert shown.splitlines()[0].endswith(f"#1  {PLAIN['meeting']}"), shown  # the meeting: ordinary
    assert f"{SECRET['contact']} {mark}, {PLAIN['contact']}\n" in shown, shown
    assert f"{SECRET['organisation']} {mark}, {PLAIN['organisation']}\n" in shown, shown
    contact = _ok(db, "contact", "show", "1", lang=lang)
    assert f"{SECRET['organisation']} (#1, {mark[1:-1]})\n" in contact, contact
    plain = _ok(db, "contact", "show", "2", lang=lang)
    assert f"{PLAIN['organisation']} (#2)\n" in plain and mark not in plain, plain
