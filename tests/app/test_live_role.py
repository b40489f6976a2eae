"""The live listener asks the login's role on its own connection (a team database on a real
PostgreSQL server): at connection, at every ping in place of ``SELECT 1``, and at once after
``check_now`` — so a role an administrator changed by hand (a GRANT in psql: no staff record
written, nothing notified) still reaches an open window. Uses tests/db/test_team.py's server."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from app import live
from app import team as app_team
from db.migrate import open_database
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]


@pytest.fixture(scope="module")
def quoc(ready: Team) -> Iterator[tuple[Team, Engine, Callable[[str], None]]]:  # noqa: F811
    """The reader ``quoc``'s engine, and ``grant(role)``: the role changed by hand, as the
    database's owner would in psql (REVOKE the others, GRANT this one)."""
    p = ready.prefix
    argv = ("admin", "add-user", p + "quoc", "--role", "reader", "--name", "Võ Quốc", "--password-stdin")
    code, _out, err = ready.cli("owner", *argv, stdin="pw\n")
    assert code == 0, err
    owner = create_engine(ready.urls["owner"], isolation_level="AUTOCOMMIT")

    def grant(role: str) -> None:
        with owner.connect() as c:
            for other in ("admin", "manager", "officer", "reader"):
                c.exec_driver_sql(f'REVOKE "{p}{other}" FROM "{p}quoc"')
            c.exec_driver_sql(f'GRANT "{p}{role}" TO "{p}quoc"')

    engine = open_database(make_url(ready.urls["owner"]).set(username=p + "quoc").render_as_string(False))
    yield ready, engine, grant
    engine.dispose()
    owner.dispose()


class Heard:
    def __init__(self) -> None:
        self.roles: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, role: str) -> None:
        with self.lock:
            self.roles.append(role)

    def wait_for(self, role: str, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            with self.lock:
                if self.roles and self.roles[-1] == role:
                    return True
            time.sleep(0.05)
        return False


def test_the_ping_asks_the_role_and_hears_a_grant_made_by_hand(
    quoc: tuple[Team, Engine, Callable[[str], None]],
) -> None:
    _t, engine, grant = quoc
    grant("reader")
    heard = Heard()
    feed = live.start(engine, lambda _c: None, lambda _s: None, on_role=heard, ping_s=0.3)
    assert feed is not None
    try:
        assert heard.wait_for("reader", 10), heard.roles  # asked at connection
        grant("officer")
        assert heard.wait_for("officer", 5), heard.roles  # the next ping
        assert app_team.role_now(engine) == "officer"  # the same query through the engine
    finally:
        feed.stop()
        grant("reader")


def test_check_now_asks_at_once(
    quoc: tuple[Team, Engine, Callable[[str], None]],
) -> None:
    _t, engine, grant = quoc
    grant("officer")
    heard = Heard()
    feed = live.start(engine, lambda _c: None, lambda _s: None, on_role=heard, ping_s=600)
    assert feed is not None
    try:
        assert heard.wait_for("officer", 10), heard.roles
        grant("reader")
        time.sleep(1.0)
        assert heard.roles == ["officer"]  # no ping for ten minutes: not heard yet
        feed.check_now()
        assert heard.wait_for("reader", 3), heard.roles
    finally:
        feed.stop()
        grant("reader")
