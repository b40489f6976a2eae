"""The first-run choices that need the database: is it empty, and a sample database to try.

The sample goes into its own file beside the default one (``ketnoi-sample.db`` in the data
folder), never into the person's own database: records made up for a tour must not mix with
real ones.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from app import demo
from db import models as m
from db.engine import data_dir
from db.migrate import open_database

SAMPLE_FILE = "ketnoi-sample.db"


def is_empty(session: Session) -> bool:
    """True when the database holds no organisation, contact, meeting or action (deleted
    ones count: a trash with records in it is not a first start)."""
    for model in (m.Organisation, m.Contact, m.Meeting, m.Action):
        if session.exec(select(col(model.id)).limit(1)).first() is not None:
            return False
    return True


def sample_path() -> Path:
    return data_dir() / SAMPLE_FILE


def ensure_sample(path: Path | None = None, lang: str = "en") -> str:
    """The sample database's URL; written (``ketnoi demo``'s data, its sectors in the window's
    language ``lang``) when it is not there yet. A file that already holds the sample is opened
    as it is, with whatever was changed in it."""
    path = path or sample_path()
    url = f"sqlite:///{path}"
    engine = open_database(url)
    try:
        with Session(engine) as session:
            empty = is_empty(session)
        if empty:
            demo.fill(engine, lang=lang)
    finally:
        engine.dispose()
    return url
