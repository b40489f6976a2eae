"""``ketnoi history`` tells a redo from an undo (reviewer h129: after an undo and a redo of an
action's new due date, ``history action 10`` said "Hoàn tác" twice), each with what it took
back or did again, as Edit → Undo history says them ("Làm lại: Dời hạn việc cần làm …"); a
redo from the command line is said as one ("Redone: …", not "Undone: Undo: …"); and a value of
several lines (a meeting's minutes) goes on under its field, not at the margin."""

from __future__ import annotations

from pathlib import Path

from tests.cli.inproc import run_cli

TITLE = "Send the compute-credit programme terms"


def _rescheduled_undone_redone(db: Path) -> None:
    assert run_cli(db, "action", "add", "--title", TITLE, "--due", "2026-12-10").returncode == 0
    assert run_cli(db, "action", "reschedule", "1", "--to", "2026-12-20").returncode == 0
    latest = run_cli(db, "undo").stdout.splitlines()[1].split()[0]  # the reschedule's group
    undone = run_cli(db, "undo", latest)
    assert undone.stdout == f'Undone: Rescheduled action "{TITLE}".\n', undone.stdout
    redone = run_cli(db, "undo", "u" + latest)  # the undo undone: a redo
    assert redone.returncode == 0, redone.stderr
    assert redone.stdout == f'Redone: Rescheduled action "{TITLE}".\n', redone.stdout


def test_history_says_the_redo_as_a_redo_and_what_each_worked_on(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _rescheduled_undone_redone(db)
    lines = [
        line.split("  ", 2)[-1] for line in run_cli(db, "history", "action", "1").stdout.splitlines()[1:]
    ]
    assert lines == [
        "Due: 10/12/2026 → 20/12/2026",
        f'Redo: Rescheduled action "{TITLE}"',
        "Due: 20/12/2026 → 10/12/2026",
        f'Undo: Rescheduled action "{TITLE}"',
        "Due: 10/12/2026 → 20/12/2026",
        "Created",
    ], lines
    vi = run_cli(db, "history", "action", "1", lang="vi_VN.UTF-8").stdout
    assert f'Làm lại: Dời hạn việc cần làm "{TITLE}"' in vi
    assert f'Hoàn tác: Dời hạn việc cần làm "{TITLE}"' in vi


def test_minutes_of_several_lines_go_on_under_their_field(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    minutes = "Hai bên thống nhất lộ trình.\nBộ gửi dự thảo trước 18/12.\n\nNIC góp ý."
    logged = run_cli(db, "log-meeting", "--title", "Làm việc với Bộ", "--at", "2026-11-20 09:00")
    assert logged.returncode == 0, logged.stderr
    assert run_cli(db, "meeting", "edit", "1", "--minutes", minutes).returncode == 0
    out = run_cli(db, "history", "meeting", "1", lang="vi_VN.UTF-8").stdout.splitlines()
    first = next(n for n, line in enumerate(out) if "Biên bản: — → " in line)
    column = out[first].index("Biên bản: ") + len("Biên bản: ")
    assert out[first].endswith("Hai bên thống nhất lộ trình."), out
    assert out[first + 1 : first + 4] == [
        " " * column + "Bộ gửi dự thảo trước 18/12.",
        "",
        " " * column + "NIC góp ý.",
    ], out
