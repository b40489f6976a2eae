"""``ketnoi dedupe`` is the listing command its help says it is: with no option it lists the
groups (reviewer: it stopped with "run it with --dry-run to list the groups"); ``--dry-run``,
which it once required, is still accepted and lists the same; nothing is written either way."""

from __future__ import annotations

from pathlib import Path

from tests.cli.inproc import run_cli


def test_dedupe_with_no_option_lists_the_groups_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    for name in ("Nguyễn Văn Hùng", "Nguyen Van Hung"):
        assert run_cli(db, "contact", "add", "--name", name).returncode == 0
    before = db.read_bytes()
    listed = run_cli(db, "dedupe", "--kind", "contact")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert listed.stdout.splitlines()[:2] == [
        "contacts: 1 group of likely duplicates",
        "  75%  same name ignoring accents",
    ], listed.stdout
    assert run_cli(db, "dedupe", "--kind", "contact", "--dry-run").stdout == listed.stdout
    assert db.read_bytes() == before
    help_text = run_cli(None, "dedupe", "--help").stdout
    assert "--dry-run is not needed" in help_text
