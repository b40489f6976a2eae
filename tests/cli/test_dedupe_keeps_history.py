"""``ketnoi dedupe`` and ``ketnoi merge`` agree with the window (reviewer h129): the pair to
merge is offered with the record a person would keep first — the one with more history, else
the older — and a merge is said naming the kept record as the merge left it ('Merged contact
"Pham Thi Thu Trang" into "Phạm Thị Thu Trang"', not into the unaccented name it no longer
has), in the undo list too."""

from __future__ import annotations

from pathlib import Path

from tests.cli.inproc import run_cli


def _trang_twice(db: Path) -> None:
    """#1 typed without accents, nothing linked; #2 the accented one, in a meeting."""
    assert (
        run_cli(db, "contact", "add", "--name", "Pham Thi Thu Trang", "--position", "Chuyên viên").returncode
        == 0
    )
    assert run_cli(db, "contact", "add", "--name", "Phạm Thị Thu Trang").returncode == 0
    logged = run_cli(
        db, "log-meeting", "--title", "Làm việc với đoàn", "--at", "2026-11-20 09:00", "--attendee", "2"
    )
    assert logged.returncode == 0, logged.stderr


def test_dedupe_offers_the_merge_keeping_the_record_with_the_meeting(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _trang_twice(db)
    listed = run_cli(db, "dedupe", "--kind", "contact")
    assert listed.stdout.splitlines()[4] == (
        "    merge: ketnoi merge contact 2 1 --dry-run (keeps #2: more history, else older)"
    ), listed.stdout
    vi = run_cli(db, "dedupe", "--kind", "contact", lang="vi_VN.UTF-8")
    assert "    gộp: ketnoi merge contact 2 1 --dry-run (giữ lại #2: nhiều lịch sử hơn" in vi.stdout


def test_a_merge_names_the_kept_record_as_the_merge_left_it(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _trang_twice(db)
    # #1 kept by choice: it takes the accented name of #2 (the default)
    merged = run_cli(db, "merge", "contact", "1", "2", lang="vi_VN.UTF-8")
    assert merged.returncode == 0, merged.stderr
    first = merged.stdout.splitlines()[0]
    # one name now: the ids say which went into which
    assert first.startswith('Gộp liên hệ "Phạm Thị Thu Trang" (#2) vào "Phạm Thị Thu Trang" (#1)'), first
    assert (
        'Merged contact "Phạm Thị Thu Trang" (#2) into "Phạm Thị Thu Trang" (#1)'
        in run_cli(db, "undo").stdout
    )
    shown = run_cli(db, "contact", "show", "1")
    assert "Phạm Thị Thu Trang" in shown.stdout


def test_merged_the_other_way_the_unaccented_is_said_merged_into_the_accented(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _trang_twice(db)
    merged = run_cli(db, "merge", "contact", "2", "1")
    assert merged.stdout.startswith('Merged contact "Pham Thi Thu Trang" into "Phạm Thị Thu Trang"'), (
        merged.stdout
    )
