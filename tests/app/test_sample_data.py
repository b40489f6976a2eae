"""The first run's sample database: its own file, filled once, never the person's database."""

from __future__ import annotations

from sqlmodel import Session

from app import records, sample_data
from app.stats import record_counts
from db.engine import unit_of_work
from db.migrate import open_database


def test_is_empty_until_a_record_exists_even_a_deleted_one(engine):
    with Session(engine) as s:
        assert sample_data.is_empty(s)
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Genetica"})
    with unit_of_work(engine) as s:
        records.delete(s, "organisation", org)
    with Session(engine) as s:
        assert not sample_data.is_empty(s)


def test_the_sample_is_written_beside_the_default_database_once(tmp_path, monkeypatch):
    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path))
    url = sample_data.ensure_sample()
    assert url == f"sqlite:///{tmp_path / 'ketnoi-sample.db'}"
    engine = open_database(url)
    with Session(engine) as s:
        first = record_counts(s)
    engine.dispose()
    assert first["contacts"] >= 10 and first["meetings"] >= 5
    assert sample_data.ensure_sample() == url  # opened as it is, not filled twice
    engine = open_database(url)
    with Session(engine) as s:
        assert record_counts(s) == first
    engine.dispose()
    assert not (tmp_path / "ketnoi.db").exists()  # the person's own database is not touched
