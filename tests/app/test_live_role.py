"""The live listener asks the login's role on its own connection (a team database on a real
PostgreSQL server): at connection, at every ping in place of ``SELECT 1``, and at once after
``check_now`` — so a role an administrator changed by hand (a GRANT in psql: no staff record
written, nothing notified) still reaches an open window. Uses tests/db/test_team.py's server."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

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


# What a PostgreSQL server with lc_messages = 'de_DE.UTF-8' says to a disabled login (the words of
# Debian's postgres-15.mo): the server's language, not English — and libpq gives no SQLSTATE.
def german(message: str) -> str:
    import re

    return re.sub(
        r'FATAL:  role "([^"]+)" is not permitted to log in',
        r"FATAL:  Rolle »\1« hat keine Berechtigung zum Einloggen",
        message,
    )


def speak_german(engine: Engine, said: list[str]) -> None:
    """Every connection ``engine`` opens is refused in German (the words rewritten, the
    refusal the real server's)."""
    import psycopg
    from sqlalchemy import event

    def connect(dialect: Any, _rec: Any, cargs: Any, cparams: Any) -> Any:
        try:
            return dialect.connect(*cargs, **cparams)
        except psycopg.OperationalError as exc:
            said.append(german(str(exc)))
            raise psycopg.OperationalError(said[-1]) from None

    event.listen(engine, "do_connect", connect)


@pytest.fixture
def disabled_gert(ready: Team) -> Iterator[tuple[Team, Engine]]:  # noqa: F811
    """A login ``gert`` the administrator disabled, and its engine."""
    p = ready.prefix
    argv = ("admin", "add-user", p + "gert", "--role", "officer", "--name", "Gert Vũ", "--password-stdin")
    assert ready.cli("owner", *argv, stdin="pw\n")[0] == 0
    assert ready.cli("owner", "admin", "disable-user", p + "gert")[0] == 0
    engine = create_engine_for(ready, "gert")
    yield ready, engine
    engine.dispose()


def create_engine_for(t: Team, who: str) -> Engine:
    from db.engine import make_engine

    return make_engine(make_url(t.urls["owner"]).set(username=t.prefix + who).render_as_string(False))


def test_a_disabled_login_is_told_from_offline_whatever_language_the_server_speaks(
    disabled_gert: tuple[Team, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listener says ``refused`` (the window: "Signed out", and it reads nothing more) and
    ``role_now`` says "" for a login the server turns away, though its words are German: the
    server is asked whether it answers (PQping), its words are not read."""
    import psycopg

    _t, engine = disabled_gert
    said: list[str] = []
    speak_german(engine, said)
    with pytest.raises(Exception) as refused, engine.connect():
        pass
    assert "hat keine Berechtigung zum Einloggen" in str(refused.value)
    assert "not permitted" not in str(refused.value)
    assert app_team.login_refused(refused.value) and app_team.refused(refused.value)
    assert app_team.role_now(engine) == ""

    real_connect = psycopg.connect

    def connect_in_german(*args: Any, **kwargs: Any) -> Any:
        try:
            return real_connect(*args, **kwargs)
        except psycopg.OperationalError as exc:
            said.append(german(str(exc)))
            raise psycopg.OperationalError(said[-1]) from None

    monkeypatch.setattr(psycopg, "connect", connect_in_german)
    states: list[str] = []
    feed = live.start(engine, lambda _c: None, states.append, on_role=lambda _r: None, ping_s=0.3)
    assert feed is not None
    try:
        end = time.monotonic() + 10
        while "refused" not in states and time.monotonic() < end:
            time.sleep(0.05)
    finally:
        feed.stop()
    assert "refused" in states and "offline" not in states, states
    assert said and all("Einloggen" in s and "not permitted" not in s for s in said), said


def test_a_server_that_cannot_be_reached_is_offline_not_a_refused_login(ready: Team) -> None:  # noqa: F811
    """The other side of the same check: nothing answers on the port (the network, a server
    down) — the listener says ``offline`` and ``role_now`` does not claim the login disabled."""
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = make_url(ready.urls["lan"]).set(host="127.0.0.1", port=port).render_as_string(False)
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        with pytest.raises(Exception) as failed:
            app_team.role_now(engine)
        assert not app_team.login_refused(failed.value) and not app_team.refused(failed.value)
        states: list[str] = []
        feed = live.start(engine, lambda _c: None, states.append, on_role=lambda _r: None)
        assert feed is not None
        try:
            end = time.monotonic() + 10
            while "offline" not in states and time.monotonic() < end:
                time.sleep(0.05)
        finally:
            feed.stop()
        assert "offline" in states and "refused" not in states, states
    finally:
        engine.dispose()


def test_a_slow_failure_is_not_asked_about() -> None:
    """A connection that failed only after a long wait (a dead network) is not pinged: PQping
    holds the GIL while it waits (a window would freeze), and a server's refusal of a login is
    quick. Here a "server" takes the TCP connection and never says a word: a ping would wait its
    2 s connect_timeout, the answer comes at once."""
    import socket

    from db.engine import REFUSED_WITHIN_S, server_refuses

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        conninfo = f"host=127.0.0.1 port={silent.getsockname()[1]} dbname=x user=y sslmode=disable"
        began = time.monotonic()
        assert server_refuses(conninfo, REFUSED_WITHIN_S + 1) is False
        assert time.monotonic() - began < 0.5
        began = time.monotonic()
        assert server_refuses(conninfo, 0.1) is False  # a quick failure is asked: no answer
        assert time.monotonic() - began >= 1.5
