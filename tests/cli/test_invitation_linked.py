"""``ketnoi import invite.ics`` for a meeting logged already by hand: the invitation is linked to
it, said in English and Vietnamese; ``--dry-run`` says it would be; ``--even-if-logged`` (also
``--new-meeting``) makes a separate meeting (app.invitation_links)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from tests.app.mail.test_invitation_linked import TITLE, live_meetings, log, meeting, net, write_ics
from tests.cli.inproc import run_cli

__all__ = ["net"]  # (the fixture)


def test_the_invitation_is_linked_to_the_meeting_logged_and_it_is_said(
    engine: Engine, db_path: Path, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]], minutes="Đã thống nhất hồ sơ.")
    invite = write_ics(tmp_path / "invite.ics")
    dry = run_cli(db_path, "import", str(invite), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0] == (
        f"Dry run: invite.ics: Trần Thị Lan already logged “{TITLE}” with Genetica at 09:00 "
        f"(meeting #{mid}): the invitation would be linked to it, and its updates and cancellation "
        "would apply to it (--even-if-logged makes a new meeting instead)"
    )
    assert "  kept as logged: title" in dry.stdout and live_meetings(engine) == 1
    done = run_cli(db_path, "import", str(invite), "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        f"Trần Thị Lan đã ghi cuộc họp “{TITLE}” với Genetica lúc 09:00 (cuộc họp #{mid}): lời mời "
        "đã được gắn với cuộc họp đó; các cập nhật và việc huỷ của lời mời sẽ áp dụng cho cuộc họp đó"
    )
    assert "  giữ nguyên như đã ghi: tiêu đề" in done.stdout and "(hoàn tác: ketnoi undo " in done.stdout
    assert live_meetings(engine) == 1
    after = meeting(engine, mid)
    assert after["title"] == TITLE and after["minutes"] == "Đã thống nhất hồ sơ."
    moved = write_ics(tmp_path / "moved.ics", seq=1, start=after["starts_at"].replace(hour=15), end=None)
    again = run_cli(db_path, "import", str(moved)).stdout
    assert again.startswith(f"Meeting #{mid} updated: {TITLE}, ") and "  start: 09:00 → 15:00" in again
    assert "  kept as logged: title" in again and "  title:" not in again
    assert meeting(engine, mid)["starts_at"].hour == 15 and live_meetings(engine) == 1


def test_even_if_logged_makes_a_new_meeting_and_its_dry_run_says_so(
    engine: Engine, db_path: Path, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]])
    invite = write_ics(tmp_path / "invite.ics")
    dry = run_cli(db_path, "import", str(invite), "--dry-run", "--even-if-logged")
    assert dry.stdout.startswith(
        "Dry run: invite.ics creates a planned meeting: Genetica - Sandbox discussion"
    )
    assert (
        f"(meeting #{mid}): the invitation would be linked"
        in run_cli(db_path, "import", str(invite), "--dry-run").stdout
    )
    done = run_cli(db_path, "import", str(invite), "--new-meeting")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Meeting #{mid + 1} created: Genetica - Sandbox discussion")
    assert live_meetings(engine) == 2


def test_undo_last_takes_the_link_away_and_the_history_says_it(
    engine: Engine, db_path: Path, net: dict[str, int], tmp_path: Path
) -> None:
    mid = log(engine, [net["gen"]], [net["giang"]])
    assert run_cli(db_path, "import", str(write_ics(tmp_path / "invite.ics"))).returncode == 0
    said = run_cli(db_path, "history", "meeting", str(mid)).stdout
    assert "Linked to the calendar invitation “Genetica - Sandbox discussion”" in said
    said_vi = run_cli(db_path, "history", "meeting", str(mid), lang="vi_VN.UTF-8").stdout
    assert "Liên kết với lời mời lịch “Genetica - Sandbox discussion”" in said_vi
    undone = run_cli(db_path, "undo", "--last")
    assert undone.returncode == 0, undone.stderr
    assert (
        f'Linked meeting "{TITLE}" to the calendar invitation "Genetica - Sandbox discussion"'
        in undone.stdout
    )
    moved = write_ics(tmp_path / "moved.ics", seq=1)  # the update: asked about again, not applied
    dry = run_cli(db_path, "import", str(moved), "--dry-run").stdout
    assert f"(meeting #{mid}): the invitation would be linked to it" in dry
