"""``ketnoi contact edit`` of a contact a colleague merged into another says where it went, by
whom, and which id to use, in the locale's language — not "is in the trash: restore it first",
which would bring back a duplicate the merge had folded in. The command line (tests/cli/inproc.py)
on a SQLite file."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from app import merge, records
from db.engine import unit_of_work
from db.migrate import open_database
from tests.cli.inproc import run_cli


def _run(db: Path, *args: str, lang: str) -> SimpleNamespace:
    return run_cli(db, *args, lang=lang)


def test_editing_a_merged_away_contact_names_the_kept_one(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        kept = records.create(s, "contact", {"full_name": "Bùi Văn Hà"})
        gone = records.create(s, "contact", {"full_name": "Phan Hồng Hà"})
        merge.merge(s, "contact", kept, gone, actor="Nguyễn Thị Hoa")
    engine.dispose()
    done = _run(db, "contact", "edit", str(gone), "--position", "Vụ trưởng", lang="vi_VN.UTF-8")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"ketnoi: Liên hệ “Phan Hồng Hà” (#{gone}) đã được Nguyễn Thị Hoa gộp vào “Bùi Văn Hà” "
        f"(#{kept}): hãy dùng mã số {kept}"
    )
    done = _run(db, "contact", "edit", str(gone), "--position", "Vụ trưởng", lang="en_GB.UTF-8")
    assert done.stderr.strip() == (
        f'ketnoi: Contact "Phan Hồng Hà" (id {gone}) was merged into "Bùi Văn Hà" (id {kept}) by '
        f"Nguyễn Thị Hoa: give id {kept} instead"
    )
