"""The letter register: numbers given at signing, per year and office symbol, never twice and
never skipped — also when two processes sign at the same moment (SQLite here; PostgreSQL with
KETNOI_TEST_POSTGRES_URL); incoming letters, replies, overdue replies, history and undo."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import records, undo
from app.errors import UserError, ValidationError
from app.letters import register
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.tables import LETTER, LETTER_COUNTER

ROOT = Path(__file__).resolve().parents[3]


def _draft(
    engine: Engine, subject: str = "Giới thiệu Genetica", symbol: str = "NIC-HTQT", **kw: object
) -> int:
    with unit_of_work(engine) as s:
        return register.add_letter(s, {"subject": subject, "symbol": symbol, **kw}, actor="t")


def test_a_draft_takes_no_number_signing_takes_the_next_of_its_year_and_symbol(engine: Engine) -> None:
    a, b, c = _draft(engine), _draft(engine), _draft(engine, symbol="NIC-VP")
    with read_session(engine) as s:
        assert s.execute(select(LETTER.c.number).where(LETTER.c.id == a)).scalar_one() is None
        assert s.execute(select(LETTER_COUNTER)).all() == []  # drafts burn nothing
    with unit_of_work(engine) as s:
        assert register.sign(s, b, actor="t") == "01/NIC-HTQT"  # in order of signing, not drafting
        assert register.sign(s, a, actor="t") == "02/NIC-HTQT"
        assert register.sign(s, c, actor="t") == "01/NIC-VP"  # another register
        nxt = register.add_letter(s, {"subject": "Năm sau", "symbol": "NIC-HTQT"})
        assert register.sign(s, nxt, on=dt.date(2027, 1, 2)) == "01/NIC-HTQT"  # a new year starts at 01
        with pytest.raises(UserError, match="signed already"):
            register.sign(s, a)
    with read_session(engine) as s:
        row = register.get_letter(s, a)  # type: ignore[arg-type]
    assert (row["number"], row["year"], row["status"], row["letter_date"]) == (
        2,
        2026,
        "signed",
        dt.date(2026, 11, 23),
    )


def test_a_failed_signing_gives_its_number_back(engine: Engine) -> None:
    a, b = _draft(engine), _draft(engine)
    with pytest.raises(RuntimeError), unit_of_work(engine) as s:
        register.sign(s, a)
        raise RuntimeError("the power went out")
    with unit_of_work(engine) as s:
        assert register.sign(s, b) == "01/NIC-HTQT"  # not 02: nothing was skipped


def test_the_register_only_moves_forward(engine: Engine) -> None:
    a = _draft(engine)
    with unit_of_work(engine) as s:
        register.start_register_at(s, 2026, "nic-htqt", 124)
        assert register.sign(s, a) == "125/NIC-HTQT"
        with pytest.raises(UserError, match="only moves forward"):
            register.start_register_at(s, 2026, "NIC-HTQT", 100)


def _sign_in_two_processes(url: str, tmp_path: Path, n: int) -> list[int]:
    open_database(url).dispose()
    go = tmp_path / "go"
    # The project first, then whatever the run already had (CI's year-ahead run puts its
    # time.sleep mend for libfaketime on PYTHONPATH; replacing it broke the children's sleep).
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.app.letters._signer", url, str(go), str(n), who],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("officer-a", "officer-b")
    ]
    go.touch()
    numbers: list[int] = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        numbers += [int(x) for x in out.split()]
    return numbers


def _assert_consecutive(url: str, numbers: list[int], n: int) -> None:
    assert sorted(numbers) == list(range(1, 2 * n + 1))  # never twice, never skipped
    engine = open_database(url)
    try:
        with read_session(engine) as s:
            stored = s.execute(select(LETTER.c.number).where(LETTER.c.number.is_not(None))).scalars().all()
            last = s.execute(select(LETTER_COUNTER.c.last_number)).scalar_one()
        assert sorted(stored) == sorted(numbers) and last == 2 * n
    finally:
        engine.dispose()


def test_two_processes_signing_at_once_get_consecutive_numbers_sqlite(db_url: str, tmp_path: Path) -> None:
    numbers = _sign_in_two_processes(db_url, tmp_path, 8)
    _assert_consecutive(db_url, numbers, 8)


def test_two_processes_signing_at_once_get_consecutive_numbers_postgres(pg_url: str, tmp_path: Path) -> None:
    numbers = _sign_in_two_processes(pg_url, tmp_path, 8)
    _assert_consecutive(pg_url, numbers, 8)


def test_incoming_letters_replies_and_overdue(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        inc = register.add_letter(
            s,
            {
                "direction": "incoming",
                "reference": "Số: 45/BKHCN-HTQT",
                "letter_date": "01/11/2026",
                "subject": "Đề nghị cử cán bộ",
                "reply_due": dt.date(2026, 11, 20),
            },
        )
        with pytest.raises(UserError, match="registered already"):
            register.add_letter(
                s,
                {
                    "direction": "incoming",
                    "reference": "45/BKHCN-HTQT",
                    "letter_date": "2026-11-01",
                    "subject": "x",
                },
            )
        assert register.overdue_replies(s, dt.date(2026, 11, 23)) == 1
        assert register.overdue_replies(s, dt.date(2026, 11, 20)) == 0
        shown = register.get_letter(s, inc)
        assert (shown["number"], shown["symbol"], shown["reference"]) == (45, "BKHCN-HTQT", "45/BKHCN-HTQT")
        answer = register.add_letter(s, {"subject": "Phúc đáp", "symbol": "NIC-HTQT", "reply_to_id": inc})
        assert register.get_letter(s, inc)["status"] == "replied"
        assert register.overdue_replies(s, dt.date(2026, 11, 23)) == 0
        with pytest.raises(UserError, match="sign it first"):
            register.set_status(s, answer, "sent")
        with pytest.raises(ValidationError):
            register.add_letter(s, {"subject": "", "symbol": "NIC-HTQT"})
        found = register.list_letters(s, text="bkhcn")
        assert [r["id"] for r in found] == [inc]


def test_signing_is_in_history_and_a_deletion_is_undone(engine: Engine) -> None:
    a = _draft(engine)
    with unit_of_work(engine) as s:
        register.sign(s, a, actor="Lan")
        group = records.new_group_id()
        records.delete(s, "letter", a, actor="Lan", group_id=group)
    with read_session(engine) as s:
        fields = {c["field"] for c in records.history(s, "letter", a)}  # type: ignore[arg-type]
        assert {"number", "reference", "status"} <= fields
        assert register.list_letters(s) == []
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="Lan")
    with read_session(engine) as s:
        assert [r["reference"] for r in register.list_letters(s)] == ["01/NIC-HTQT"]


def test_the_register_on_postgresql(pg_url: str) -> None:
    engine = open_database(pg_url)
    try:
        a, b = _draft(engine, "Giới thiệu Genetica"), _draft(engine, "Mời họp")
        with unit_of_work(engine) as s:
            assert register.sign(s, b) == "01/NIC-HTQT"
            assert register.sign(s, a) == "02/NIC-HTQT"
            register.add_letter(
                s,
                {
                    "direction": "incoming",
                    "reference": "45/BKHCN-HTQT",
                    "letter_date": "2026-11-02",
                    "subject": "Đề nghị",
                    "reply_due": "2026-11-13",
                },
            )
        with read_session(engine) as s:
            assert [r["reference"] for r in register.list_letters(s, year=2026, direction="outgoing")] == [
                "02/NIC-HTQT",
                "01/NIC-HTQT",
            ]
            assert [r["id"] for r in register.list_letters(s, text="genetica")] == [a]
            assert register.overdue_replies(s, dt.date(2026, 11, 23)) == 1
    finally:
        engine.dispose()


def test_an_edit_is_in_history_and_undone_exactly(engine: Engine) -> None:
    a = _draft(engine, "Mời họp")
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        version = register.get_letter(s, a)["version"]
        records.update(
            s, "letter", a, {"subject": "Mời dự hội thảo", "addressee": "Bộ KH&CN"}, expected_version=version,
            actor="Lan", group_id=group,
        )  # fmt: skip
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="Lan")
    with read_session(engine) as s:
        shown = register.get_letter(s, a)  # type: ignore[arg-type]
    assert (shown["subject"], shown["addressee"]) == ("Mời họp", "")
