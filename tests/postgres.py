"""Databases of the test PostgreSQL server (``KETNOI_TEST_POSTGRES_URL``), one per test.

Each test that asks for one gets a database of its own, named for this test process, and the
database is dropped after the test: tests in different processes (``pytest -n``) never share
one, so the PostgreSQL tests run on every worker like the others. A test that starts from the
schema gets a copy of a template the migrations built once per process (``CREATE DATABASE …
TEMPLATE``, a fraction of a second, where running the 16 migrations up and back down took
seconds); the tests of the migrations themselves ask for an empty one and run Alembic.

What these databases do not hold is the server's: roles. A test that creates roles names them
with a prefix of its own and drops them (tests/db/test_team.py)."""

from __future__ import annotations

import itertools
import json
import os
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool

_RUN = f"kt{os.getpid()}{secrets.token_hex(2)}"  # this process's databases: ``<_RUN>_<n>``
_numbers = itertools.count(1)


def server_url() -> str:
    """The server's URL (a database the tests may connect to, never one they fill); a test is
    skipped without one, except in CI, which must provide it."""
    url = os.environ.get("KETNOI_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide KETNOI_TEST_POSTGRES_URL")
        pytest.skip("KETNOI_TEST_POSTGRES_URL not set")
    return url


def url_of(database: str) -> str:
    return make_url(server_url()).set(database=database).render_as_string(hide_password=False)


def _admin() -> Engine:
    return create_engine(server_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def create(template: str | None = None) -> str:
    """A new database's name: empty, or a copy of ``template`` with a calendar uuid of its own
    (a new database draws one in migration 0007)."""
    name = f"{_RUN}_{next(_numbers)}"
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    finally:
        admin.dispose()
    if template:
        copy = create_engine(url_of(name), poolclass=NullPool)
        try:
            with copy.begin() as conn:
                changed = conn.execute(
                    text("UPDATE setting SET value = CAST(:v AS json) WHERE key = 'database.uuid'"),
                    {"v": json.dumps(str(uuid.uuid4()))},
                ).rowcount
            assert changed == 1
        finally:
            copy.dispose()
    return name


def drop(name: str) -> None:
    """Drop the database ``name``, ending any connection a test left open to it."""
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.dispose()


@contextmanager
def database(template: str | None = None) -> Iterator[str]:
    """The URL of a new database (see :func:`create`), dropped at the end."""
    name = create(template)
    try:
        yield url_of(name)
    finally:
        drop(name)
