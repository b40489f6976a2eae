"""Every capability through ``ketnoi`` with ``--json`` parsed back: records, a logged meeting
and its follow-ups, done / reopen / reschedule, history, due, trash and restore.

In-process (``app.cli.main``) so that the pinned clock of tests/conftest.py holds: today is
2026-11-23, and the meeting is logged a month ahead of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from db import clock

MEETING_DAY = dt.date(2026, 12, 23)  # a month after the pinned today


class Ketnoi:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = str(db), capsys

    def __call__(self, *args: str) -> Any:
        """Run a command with --json; its one JSON document, parsed (the command must succeed)."""
        self.capsys.readouterr()
        code = main([*args, "--db", self.db, "--json"])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return json.loads(out)

    def fails(self, *args: str) -> tuple[Any, str]:
        """Run a command that must fail: the JSON error document and the line on stderr."""
        self.capsys.readouterr()
        code = main([*args, "--db", self.db, "--json"])
        out, err = self.capsys.readouterr()
        assert code == 1
        assert len(err.strip().splitlines()) == 1 and err.startswith("ketnoi: ")
        return json.loads(out), err


@pytest.fixture
def ketnoi(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    return Ketnoi(tmp_path / "k.db", capsys)


def test_a_meeting_with_a_follow_up_from_adding_the_people_to_reopening(ketnoi: Ketnoi) -> None:
    org = ketnoi("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC",
                 "--kind", "agency", "--sector", "AI", "--tag", "VIP")  # fmt: skip
    assert org["record"]["acronym"] == "NIC" and org["record"]["sectors"] == ["AI"]
    contact = ketnoi("contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--organisation", "nic",
                     "--email", "Nhung@NIC.gov.vn", "--position", "Giám đốc")  # fmt: skip
    person = contact["record"]
    assert person["organisation_id"] == org["id"]  # found by its acronym, case ignored
    assert person["emails"] == ["nhung@nic.gov.vn"] and person["given_name"] == "Nhung"

    logged = ketnoi(
        "log-meeting",
        "--title", "Làm việc với NIC",
        "--at", f"{MEETING_DAY.isoformat()} 14:00",
        "--organisation", "Trung tam Doi moi sang tao Quoc gia",
        "--attendee", "nguyen thi hong nhung:chair",
        "--new-attendee", "Trần Văn Bình",
        "--follow-up", "Gửi thư giới thiệu Genetica;due=+1 week;we-owe;who=Nhung",
        "--follow-up", "Gửi số liệu;they-owe",
    )  # fmt: skip
    meeting = logged["meeting"]
    assert meeting["starts_at"] == f"{MEETING_DAY.isoformat()}T14:00:00"
    assert meeting["organisation_ids"] == [org["id"]]
    roles = {a["full_name"]: a["role"] for a in meeting["attendees"]}
    assert roles == {"Nguyễn Thị Hồng Nhung": "chair", "Trần Văn Bình": "participant"}
    letter, data = logged["actions"]
    # "+1 week" counts from the meeting's day, not from today (a month earlier)
    assert letter["due_date"] == (MEETING_DAY + dt.timedelta(days=7)).isoformat()
    assert letter["responsible_contact_id"] == person["id"] and letter["direction"] == "we_owe"
    assert data["direction"] == "they_owe" and data["due_date"] is None
    # a meeting of our own office (NIC) alone: the follow-ups are about none, never ours unless named
    assert letter["meeting_id"] == meeting["id"] and letter["organisation_id"] is None

    both = ketnoi("action", "done", str(letter["id"]), str(data["id"]))  # one group, undone in one go
    assert both["changed"] == sorted([letter["id"], data["id"]])
    ketnoi.capsys.readouterr()
    assert main(["undo", both["group_id"], "--db", ketnoi.db]) == 0
    assert {a["status"] for a in ketnoi("action", "list")["items"]} == {"open"}

    done = ketnoi("action", "done", str(letter["id"]))
    assert done["changed"] == [letter["id"]]
    [row] = done["actions"]
    assert row["status"] == "done" and row["completed_on"] == clock.today().isoformat()
    reopened = ketnoi("action", "reopen", str(letter["id"]))
    assert reopened["actions"][0]["status"] == "open" and reopened["actions"][0]["completed_on"] is None

    history = ketnoi("history", "action", str(letter["id"]))
    changes = [(c["op"], c["field"], c["new"]) for c in history["changes"]]  # newest first
    assert changes[:4] == [
        ("update", "completed_on", None),
        ("update", "status", "open"),
        ("update", "completed_on", clock.today().isoformat()),
        ("update", "status", "done"),
    ]
    assert changes[-1][:2] == ("create", "")
    assert changes[-1][2]["due_date"] == (MEETING_DAY + dt.timedelta(days=7)).isoformat()
    assert changes[-1][2]["title"] == "Gửi thư giới thiệu Genetica"
    assert history["changes"][1]["group_id"] == reopened["group_id"]

    found = ketnoi("contact", "list", "nguyen", "--organisation", "NIC")
    assert found["total"] == 1
    assert (
        found["items"][0]["name"] == "Nguyễn Thị Hồng Nhung"
        and found["items"][0]["email"] == "nhung@nic.gov.vn"
    )
    assert ketnoi("contact", "list", "--sort", "name", "--desc")["total"] == 2
    assert ketnoi("org", "list", "--sector", "ai", "--tag", "vip")["items"][0]["acronym"] == "NIC"
    error, _ = ketnoi.fails("org", "list", "--tag", "no such tag")
    assert error["error"] == "No tag called 'no such tag'"


def test_reschedule_counts_from_a_due_date_ahead_and_reopens_a_done_action(ketnoi: Ketnoi) -> None:
    ahead = ketnoi("action", "add", "--title", "Gọi lại", "--due", "2026-12-10")["id"]
    overdue = ketnoi("action", "add", "--title", "Trả lời thư", "--due", "2026-11-01", "--status", "done")[
        "id"
    ]
    moved = ketnoi("action", "reschedule", str(ahead), str(overdue), "--to", "+1w")
    due = {a["id"]: (a["due_date"], a["status"]) for a in moved["actions"]}
    assert due[ahead] == ("2026-12-17", "open")  # a week after its own date, which lies ahead
    assert due[overdue] == ((clock.today() + dt.timedelta(days=7)).isoformat(), "open")  # from today
    fixed = ketnoi("action", "reschedule", str(ahead), "--to", "31/12/2026")
    assert fixed["actions"][0]["due_date"] == "2026-12-31"


def test_done_on_an_already_done_action_says_so_and_rewrites_nothing(
    ketnoi: Ketnoi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KETNOI_ACTOR", "Lan")
    aid = str(ketnoi("action", "add", "--title", "Gọi lại")["id"])
    first = ketnoi("action", "done", aid)
    assert first["changed"] == [int(aid)] and first["already"] == []
    monkeypatch.setenv("KETNOI_ACTOR", "Quang")
    history = len(ketnoi("history", "action", aid)["changes"])
    again = ketnoi("action", "done", aid)
    assert again["changed"] == [] and again["group_id"] == ""
    assert again["already"] == [{"id": int(aid), "by": "Lan"}]
    assert len(ketnoi("history", "action", aid)["changes"]) == history
    assert again["actions"][0]["status"] == "done"
    ketnoi.capsys.readouterr()
    assert main(["action", "done", aid, "--db", ketnoi.db]) == 0
    out = ketnoi.capsys.readouterr().out
    assert "Marked done 0 actions" in out and f"#{aid} was already done (by Lan): left as it is" in out
    # and reopen of an open one likewise
    ketnoi("action", "reopen", aid)
    assert main(["action", "reopen", aid, "--db", ketnoi.db]) == 0
    assert f"#{aid} was already open (by Quang): left as it is" in ketnoi.capsys.readouterr().out


def test_due_shows_what_the_banner_shows(ketnoi: Ketnoi) -> None:
    today = clock.today()
    ketnoi("action", "add", "--title", "Quá hạn", "--due", (today - dt.timedelta(days=3)).isoformat())
    ketnoi("action", "add", "--title", "Hôm nay", "--due", "today")
    ketnoi("action", "add", "--title", "Tuần sau", "--due", "+1w")
    ketnoi("action", "add", "--title", "Xong rồi", "--due", "2026-11-01", "--status", "done")
    due = ketnoi("due")
    assert due["today"] == today.isoformat()
    assert (due["overdue"], due["due_today"]) == (1, 1)
    assert [(a["title"], a["overdue"]) for a in due["actions"]] == [("Quá hạn", True), ("Hôm nay", False)]
    # the window's list presets name the same views
    assert [a["title"] for a in ketnoi("action", "list", "--preset", "overdue")["items"]] == ["Quá hạn"]
    week = ketnoi("action", "list", "--preset", "week")["items"]  # Monday 23/11 to Sunday 29/11
    assert [a["title"] for a in week] == ["Hôm nay"]
    assert [a["title"] for a in ketnoi("action", "list", "--preset", "done")["items"]] == ["Xong rồi"]
    everything = ketnoi("action", "list", "--preset", "all", "--sort", "title")["items"]
    assert [a["title"] for a in everything] == sorted(a["title"] for a in everything) and len(everything) == 4


def test_delete_goes_to_the_trash_and_restore_brings_it_back(ketnoi: Ketnoi) -> None:
    cid = ketnoi("contact", "add", "--name", "Đặng Văn Long")["id"]
    assert ketnoi("trash")["items"] == []
    deleted = ketnoi("contact", "delete", "dang van long")
    assert deleted["deleted"] == [cid]
    [item] = ketnoi("trash")["items"]
    assert (item["kind"], item["id"], item["label"]) == ("contact", cid, "Đặng Văn Long")
    assert item["restore"] == f"ketnoi contact restore {cid}"
    assert ketnoi("contact", "list")["total"] == 0
    error, _ = ketnoi.fails("contact", "show", str(cid))
    assert (
        error["error"] == f"Contact #{cid} is in the trash: restore it first (ketnoi contact restore {cid})"
    )
    assert ketnoi("contact", "restore", str(cid))["restored"] == [cid]
    assert ketnoi("trash")["items"] == []
    assert ketnoi("contact", "show", "Long")["record"]["full_name"] == "Đặng Văn Long"
    ops = [c["op"] for c in ketnoi("history", "contact", str(cid))["changes"]]
    assert ops == ["restore", "delete", "create"]


def test_edit_show_and_generic_set(ketnoi: Ketnoi) -> None:
    oid = ketnoi("org", "add", "--name", "Genetica", "--kind", "startup")["id"]
    cid = ketnoi("contact", "add", "--name", "Lê Minh Anh", "--set", "tags=Biotech,VIP")["id"]
    edited = ketnoi("contact", "edit", str(cid), "--organisation", "genetica", "--phone", "0912 345 678")
    assert edited["changed"] is True
    record = edited["record"]
    assert record["organisation_id"] == oid and record["phones"] == ["+84912345678"]
    assert record["tags"] == ["Biotech", "VIP"]
    again = ketnoi("contact", "edit", str(cid), "--organisation", str(oid))
    assert again["changed"] is False
    # an edit started from an older version is merged with the save since (other fields)…
    merged = ketnoi("contact", "edit", str(cid), "--if-version", "1", "--position", "CEO")
    assert merged["record"]["position"] == "CEO" and merged["record"]["organisation_id"] == oid
    # … and a conflict on a field both changed, not an overwrite
    error, line = ketnoi.fails("contact", "edit", str(cid), "--if-version", "1", "--phone", "0987 654 321")
    assert "changed from another window or the command line" in line and "Phones is now" in error["error"]
    assert ketnoi("contact", "show", str(cid))["record"]["phones"] == ["+84912345678"]
    shown = ketnoi("org", "show", "Genetica")
    assert shown["id"] == oid and shown["record"]["kind"] == "startup"


def test_names_that_match_several_records_list_the_candidates(ketnoi: Ketnoi) -> None:
    a = ketnoi("contact", "add", "--name", "Nguyễn Văn Hùng")["id"]
    b = ketnoi("contact", "add", "--name", "Nguyen Van Hung")["id"]
    error, line = ketnoi.fails("contact", "show", "nguyen van hung")
    assert sorted(c["id"] for c in error["candidates"]) == sorted([a, b])
    assert f"#{a}" in line and f"#{b}" in line and "give the id" in line
    assert ketnoi("contact", "show", str(b))["record"]["full_name"] == "Nguyen Van Hung"


def test_field_errors_come_back_by_field(ketnoi: Ketnoi) -> None:
    error, line = ketnoi.fails("contact", "add", "--name", "Hoàng Mai", "--email", "mai at most")
    assert set(error["fields"]) == {"emails"} and "emails" in line
    error, _ = ketnoi.fails("contact", "add", "--set", "nickname=Mai")
    assert "no field 'nickname'" in error["error"]
    ketnoi("contact", "add", "--name", "Hoàng Mai")
    # a follow-up due before its meeting is refused, and nothing of the meeting is written
    error, _ = ketnoi.fails(
        "log-meeting", "--title", "Họp", "--at", "2026-12-23 09:00", "--attendee", "Hoang Mai",
        "--new-attendee", "Người Mới", "--follow-up", "Viết thư;due=2026-12-01",
    )  # fmt: skip
    assert "due_date" in error["fields"]
    assert ketnoi("meeting", "list")["total"] == 0
    assert ketnoi("contact", "list")["total"] == 1


def test_log_meeting_from_a_file(ketnoi: Ketnoi, tmp_path: Path) -> None:
    ketnoi("org", "add", "--name", "Viettel")
    ketnoi("contact", "add", "--name", "Phạm Quang Huy")
    spec = {
        "title": "Khảo sát Viettel",
        "at": "23/12/2026 08:30",
        "kind": "visit",
        "organisations": ["viettel"],
        "attendees": [{"name": "pham quang huy", "role": "presenter"}, {"new": "Vũ Thu Trang"}],
        "follow_ups": [
            {"title": "Gửi biên bản", "due": "+3d", "who": "Trang"},
            "Gửi đề xuất;due=eom;they-owe",
        ],
    }
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    logged = ketnoi("log-meeting", "--from-file", str(path))
    assert logged["meeting"]["kind"] == "visit" and len(logged["meeting"]["attendees"]) == 2
    minutes, proposal = logged["actions"]
    assert minutes["due_date"] == "2026-12-26" and minutes["responsible_contact_id"] is not None
    assert proposal["due_date"] == "2026-12-31" and proposal["direction"] == "they_owe"


def test_search_and_info_answer_in_json(ketnoi: Ketnoi) -> None:
    ketnoi("contact", "add", "--name", "Nguyễn Thị Hồng Nhung")
    hits = ketnoi("search", "nguyen", "nhung")["hits"]
    assert [(h["kind"], h["title"]) for h in hits] == [("contact", "Nguyễn Thị Hồng Nhung")]
    info = ketnoi("info")
    assert info["counts"]["contacts"] == 1 and info["database"].endswith("k.db")


def test_the_console_script_speaks_json_too(tmp_path: Path) -> None:
    """The installed ``ketnoi`` (ui/launcher.py), in a process of its own: explicit dates only,
    since the pinned clock does not reach a child process."""
    script = Path(sys.executable).with_name("ketnoi")
    if not script.exists():
        pytest.skip("the ketnoi console script is not installed in this environment")
    db = str(tmp_path / "k.db")
    env = {**os.environ, "KETNOI_ACTOR": "Quang"}

    def run(*args: str) -> Any:
        done = subprocess.run(
            [str(script), *args, "--db", db, "--json"],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    run("org", "add", "--name", "Genetica")
    run("contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--organisation", "Genetica")
    logged = run(
        "log-meeting", "--title", "Gặp Genetica", "--at", "2031-03-03 10:00",
        "--attendee", "Nhung", "--follow-up", "Gửi thư;due=+1w",
    )  # fmt: skip
    assert logged["actions"][0]["due_date"] == "2031-03-10"
    aid = str(logged["actions"][0]["id"])
    assert run("action", "done", aid)["actions"][0]["status"] == "done"
    assert run("action", "reopen", aid)["actions"][0]["status"] == "open"
    assert {c["actor"] for c in run("history", "action", aid)["changes"]} == {"Quang"}
    assert run("contact", "list", "nhung")["items"][0]["organisation"] == "Genetica"


def test_the_list_prints_codes_as_words_and_json_keeps_them(ketnoi: Ketnoi) -> None:
    ketnoi("action", "add", "--title", "Gửi thư giới thiệu", "--direction", "we_owe")
    ketnoi.capsys.readouterr()
    assert main(["action", "list", "--db", ketnoi.db]) == 0
    out = ketnoi.capsys.readouterr().out
    assert "we owe" in out and "we_owe" not in out
    assert ketnoi("action", "list")["items"][0]["direction"] == "we_owe"


def test_restore_of_a_record_not_in_the_trash_says_so_and_restores_nothing(ketnoi: Ketnoi) -> None:
    """Reviewer: `ketnoi meeting restore 3` of a meeting not in the trash printed "Restored
    meeting #3: …" and exited 0."""
    oid = ketnoi("org", "add", "--name", "Viettel")["id"]
    cid = ketnoi("contact", "add", "--name", "Đặng Văn Long")["id"]
    aid = ketnoi("action", "add", "--title", "Gửi biên bản")["id"]
    mid = ketnoi("log-meeting", "--title", "Họp với Viettel", "--at", f"{MEETING_DAY.isoformat()} 14:00",
                 "--organisation", "Viettel")["meeting"]["id"]  # fmt: skip
    for kind, record_id in (("meeting", mid), ("org", oid), ("contact", cid), ("action", aid)):
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", kind, "restore", str(record_id), "--db", ketnoi.db],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        noun = {"meeting": "Meeting", "org": "Organisation", "contact": "Contact", "action": "Action"}[kind]
        assert done.returncode == 1, done.stdout
        assert f"{noun} #{record_id} is not in the trash; nothing restored" in done.stderr
        assert "Restored" not in done.stdout
    # one in the trash and one not: nothing restored, the one not in the trash named
    ketnoi("contact", "delete", str(cid))
    other = ketnoi("contact", "add", "--name", "Phạm Thu Hà")["id"]
    error, _ = ketnoi.fails("contact", "restore", str(cid), str(other))
    assert error["error"] == f"Contact #{other} is not in the trash; nothing restored"
    assert [i["id"] for i in ketnoi("trash")["items"]] == [cid]
    assert ketnoi("contact", "restore", str(cid))["restored"] == [cid]


def test_trash_takes_the_verbs_other_commands_have(ketnoi: Ketnoi) -> None:
    """``ketnoi trash restore 3`` searched the trash for the words "restore" and "3", said
    "Nothing in the trash matches." and exited 0, restoring nothing; ``trash list`` listed
    nothing. Now ``list`` lists, ``restore [KIND] ID…`` restores as ``ketnoi KIND restore`` does,
    and an id two kinds of record have in the trash is asked about."""
    org = ketnoi("org", "add", "--name", "Viettel")["id"]
    contact = ketnoi("contact", "add", "--name", "Đặng Văn Long", "--organisation", "Viettel")["id"]
    ketnoi("contact", "delete", str(contact))
    assert [i["id"] for i in ketnoi("trash", "list")["items"]] == [contact]
    assert ketnoi("trash", "restore", str(contact))["restored"] == [contact]
    assert ketnoi("trash")["items"] == []

    ketnoi("contact", "delete", str(contact))
    ketnoi("org", "delete", str(org))
    # the same id in the trash as an organisation and a contact: which is asked
    assert org == contact == 1  # (a fresh file: each kind's first record)
    error, _ = ketnoi.fails("trash", "restore", str(org))
    assert "more than one kind of record" in error["error"]
    assert f"ketnoi org restore {org}" in error["error"] and f"ketnoi contact restore {org}" in error["error"]
    assert ketnoi("trash", "restore", "org", str(org))["restored"] == [org]
    error, _ = ketnoi.fails("trash", "restore", "424242")
    assert error["error"] == "#424242 is not in the trash; nothing restored (ketnoi trash lists what is)"
    error, _ = ketnoi.fails("trash", "restore")
    assert error["error"].startswith("restore what?")
    assert [i["id"] for i in ketnoi("trash", "--kind", "contact")["items"]] == [contact]
