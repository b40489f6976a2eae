"""``ketnoi demo`` never fills the person's own database (reviewer, following the README's "look
around first" with a fresh HOME: the demo went into ``…/Ketnoi/ketnoi.db``, the file the window
opens, while the welcome promised a separate sample; an officer then imported her real list into
it). Without ``--db`` it writes the sample database of its own (the welcome's file) and says how
to open it; a database with records of its own — any kind, not only contacts — is refused."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from app import sample_data
from app.stats import record_counts
from db.migrate import open_database
from db.paths import data_dir
from tests.cli.inproc import run_cli


def _counts(path: Path) -> dict[str, int]:
    engine = open_database(f"sqlite:///{path}")
    try:
        with Session(engine) as s:
            return record_counts(s)
    finally:
        engine.dispose()


def test_demo_without_db_writes_the_sample_file_not_the_own_database() -> None:
    done = run_cli(None, "demo")
    assert done.returncode == 0, done.stderr
    sample = sample_data.sample_path()
    own = data_dir() / "ketnoi.db"
    assert sample.name == "ketnoi-sample.db" and _counts(sample)["contacts"] >= 10
    assert not own.exists()  # the person's database: not made, not filled
    assert f"Sample data written to sqlite:///{sample} in " in done.stdout
    assert "yours was not touched" in done.stdout
    assert f"Open it: ketnoi --db {sample}  (plain ketnoi opens your own database)" in done.stdout


def test_demo_again_says_where_the_sample_is_and_changes_nothing() -> None:
    assert run_cli(None, "demo").returncode == 0
    before = _counts(sample_data.sample_path())
    again = run_cli(None, "demo", lang="vi_VN.UTF-8")
    assert again.returncode == 0, again.stderr
    assert f"Cơ sở dữ liệu mẫu đã có sẵn: {sample_data.sample_path()}" in again.stdout
    assert f"Mở nó: ketnoi --db {sample_data.sample_path()}" in again.stdout
    assert _counts(sample_data.sample_path()) == before


def test_demo_refuses_a_database_holding_only_organisations(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    added = run_cli(db, "org", "add", "--name", "Đại học Bách khoa Hà Nội")
    assert added.returncode == 0, added.stderr
    refused = run_cli(db, "demo")
    assert refused.returncode == 1
    assert refused.stderr.startswith("ketnoi: This database already has records of its own")
    assert _counts(db) == {**_counts(db), "organisations": 1, "contacts": 0}
    vi = run_cli(db, "demo", lang="vi_VN.UTF-8")
    assert vi.returncode == 1 and "Cơ sở dữ liệu này đã có bản ghi" in vi.stderr


def test_demo_into_a_named_file_says_how_to_open_it(tmp_path: Path) -> None:
    db = tmp_path / "thử.db"
    done = run_cli(db, "demo")
    assert done.returncode == 0, done.stderr
    assert f"Demo data written to sqlite:///{db} in " in done.stdout
    assert "       20 contacts" in done.stdout
    assert f"Open it: ketnoi --db {db}" in done.stdout
    assert not sample_data.sample_path().exists()
