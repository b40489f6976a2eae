"""Fixtures for the briefing tests: the sample data set in the fresh migrated database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.engine import read_session
from tests.app.briefing.seed import Sample, sample


@pytest.fixture
def data(engine: Engine) -> Sample:
    return sample(engine)


@pytest.fixture
def session(engine: Engine, data: Sample) -> Iterator[Session]:
    with read_session(engine) as s:
        yield s
