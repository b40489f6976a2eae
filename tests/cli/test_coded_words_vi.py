"""Roles, kinds, directions and statuses are typed as the code or as the window's word, in
English or Vietnamese, accents optional (reviewer, under LANG=vi_VN.UTF-8: ``--attendee "phan
thanh son:Chủ trì"`` gave "No contact matches …", ``--kind "Buổi làm việc"`` was refused in
English with codes only, and --help listed no roles). A word that names none is refused in the
CLI's language, listing that language's words. The command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli.inproc import copy_of, demo_database, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _run(db: Path, *args: str, lang: str = VI) -> SimpleNamespace:
    return run_cli(db, *args, lang=lang, env={"HOME": str(db.parent)})


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    return copy_of(demo, tmp_path)


def _meeting(db: Path, meeting_id: int) -> dict[str, object]:
    done = _run(db, "meeting", "show", str(meeting_id), "--json", lang=EN)
    return dict(json.loads(done.stdout)["record"])


def test_log_meeting_takes_roles_and_kinds_as_the_windows_words(db: Path) -> None:
    done = _run(
        db, "log-meeting", "--title", "Làm việc với NIC", "--at", "2026-12-10 14:00",
        "--kind", "Buổi làm việc",
        "--attendee", "nguyen thi hong nhung:Chủ trì",
        "--attendee", "2:chu tri",
        "--attendee", "3:Note taker",
        "--attendee", "4:observer",
        "--new-attendee", "Trần Văn Bình:Người trình bày",
        "--follow-up", "Gửi thư giới thiệu;due=+1w;Đối tác cần làm",
        "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    meeting = document["meeting"]
    assert meeting["kind"] == "working_session"
    roles = [a["role"] for a in meeting["attendees"]]
    assert sorted(roles) == sorted(["chair", "chair", "note_taker", "observer", "presenter"])
    assert [a["direction"] for a in document["actions"]] == ["they_owe"]
    # the codes still work, with hyphens too; English words as well
    done = _run(
        db, "log-meeting", "--at", "2026-12-11 09:00", "--title", "Call", "--kind", "working-session",
        "--attendee", "1:Chair", "--attendee", "2:note-taker", "--json", lang=EN,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    meeting = json.loads(done.stdout)["meeting"]
    assert meeting["kind"] == "working_session"
    assert [a["role"] for a in meeting["attendees"]] == ["chair", "note_taker"]


def test_a_word_that_is_no_role_or_kind_is_refused_in_the_clis_language(db: Path) -> None:
    done = _run(db, "log-meeting", "--title", "Họp", "--at", "2026-12-10 14:00", "--kind", "Buổi họp")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        'ketnoi: --kind "Buổi họp" không phải là một loại cuộc họp; hãy dùng một trong: Cuộc họp, '
        "Buổi làm việc, Cuộc gọi, Sự kiện, Chuyến thăm, Thư điện tử (hoặc mã: meeting, working-session, "
        "call, event, visit, email)"
    )
    done = _run(db, "log-meeting", "--title", "Họp", "--at", "2026-12-10 14:00", "--attendee", "1:Chủ toạ")
    assert done.returncode == 1
    assert (
        "không phải là một vai trò; hãy dùng một trong: Thành viên, Chủ trì, Người trình bày" in done.stderr
    )
    done = _run(
        db, "log-meeting", "--title", "Họp", "--at", "2026-12-10 14:00", "--attendee", "1:Chairman", lang=EN
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        'ketnoi: "1:Chairman": "Chairman" is not a role; use one of: Participant, Chair, Presenter, '
        "Note taker, Observer (or the code: participant, chair, presenter, note-taker, observer)"
    )
    assert _run(db, "meeting", "list", "--json", lang=EN).stdout.count('"Họp"') == 0  # nothing saved


def test_help_lists_the_roles_and_kinds_accepted(db: Path) -> None:
    text = " ".join(_run(db, "log-meeting", "--help", lang=EN).stdout.split())
    assert "chair (Chủ trì)" in text and "note-taker (Thư ký)" in text
    assert "working-session (Buổi làm việc)" in text and "email (E-mail, Thư điện tử)" in text
    text = " ".join(_run(db, "action", "add", "--help", lang=EN).stdout.split())
    assert "we-owe (Bên ta cần làm)" in text and "in-progress (Đang thực hiện)" in text


def test_record_commands_take_the_windows_words_for_codes(db: Path) -> None:
    done = _run(
        db, "action", "add", "--title", "Gửi công văn", "--kind", "cong van", "--direction", "Đối tác cần làm",
        "--status", "Đang chờ", "--priority", "Cao", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)["record"]
    assert (record["kind"], record["direction"], record["status"], record["priority"]) == (
        "letter", "they_owe", "waiting", 1,
    )  # fmt: skip
    done = _run(db, "org", "add", "--name", "Viện Thử nghiệm", "--kind", "Viện nghiên cứu", "--json")
    assert json.loads(done.stdout)["record"]["kind"] == "research_institute", done.stderr
    done = _run(db, "org", "edit", "Viện Thử nghiệm", "--set", "kind=Start-up", "--json", lang=EN)
    assert json.loads(done.stdout)["record"]["kind"] == "startup", done.stderr
    # the list filters too
    done = _run(db, "action", "list", "--status", "dang cho", "--direction", "doi tac can lam", "--json")
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["items"]
    assert "Gửi công văn" in [i["title"] for i in items]
    assert {(i["status"], i["direction"]) for i in items} == {("waiting", "they_owe")}
    done = _run(db, "action", "add", "--title", "X", "--status", "xong")
    assert done.returncode == 1
    assert done.stderr.startswith(
        'ketnoi: --status "xong" không phải là một trạng thái; hãy dùng một trong: Đang mở'
    )


def test_log_meetings_other_refusals_in_the_clis_language(db: Path) -> None:
    """What log-meeting refuses besides roles and kinds is said in Vietnamese too."""
    done = _run(db, "log-meeting", "--title", "Họp")
    assert done.stderr.strip() == "ketnoi: Chưa lưu cuộc họp: hãy cho biết cuộc họp diễn ra khi nào (--at)"
    done = _run(db, "log-meeting", "--title", "Họp", "--at", "2026-12-10", "--follow-up", "Gửi thư;xyz")
    assert done.stderr.strip() == (
        "ketnoi: ở việc tiếp theo 'Gửi thư;xyz': 'xyz' không phải due=…, who=…, org=…, "
        "we-owe (Bên ta cần làm) hay they-owe (Đối tác cần làm)"
    )
    done = _run(
        db, "log-meeting", "--title", "Họp", "--at", "2026-12-10", "--follow-up", "Gửi thư;who=Zzzz Qqq"
    )
    assert (
        done.stderr.strip() == "ketnoi: who=Zzzz Qqq: không phải người tham dự, cán bộ bên ta hay một liên hệ"
    )
    done = _run(db, "log-meeting", "--title", "Họp", lang=EN)
    assert (
        done.stderr.strip() == "ketnoi: The meeting was not saved: starts_at: say when it took place (--at)"
    )
