"""A team server whose address takes the connection and never answers (a laptop taken off the
office network, a server hung) is given up as out of reach within the engine's connect timeout,
not held for the operating system's minutes-long TCP timeout while a window waits on it."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from sqlalchemy import text

from db import engine as engines


@pytest.fixture
def silent_server():
    """A port that accepts connections and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        held: list[socket.socket] = []
        stop = threading.Event()

        def accept() -> None:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])
                except OSError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        yield listener.getsockname()[1]
        stop.set()
        thread.join()
        for conn in held:
            conn.close()


def _connect(url: str) -> tuple[float, BaseException | None]:
    """Open a connection on a thread, waiting at most 20 s for it to give up."""
    out: list[BaseException | None] = [None]
    eng = engines.make_engine(url)

    def work() -> None:
        try:
            with eng.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            out[0] = exc

    started = time.monotonic()
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(20)
    took = time.monotonic() - started
    assert not thread.is_alive(), "the connection was still waiting after 20 s"
    eng.dispose()
    return took, out[0]


def test_a_server_that_never_answers_is_given_up_as_out_of_reach(silent_server, monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT_S", 2, raising=False)
    took, exc = _connect(f"postgresql+psycopg://ketnoi@127.0.0.1:{silent_server}/ketnoi")
    assert exc is not None
    assert engines.server_unreachable(exc), exc
    assert took < 10, took


def test_a_connect_timeout_in_the_url_wins(silent_server, monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT_S", 15, raising=False)
    took, exc = _connect(f"postgresql+psycopg://ketnoi@127.0.0.1:{silent_server}/ketnoi?connect_timeout=2")
    assert exc is not None and engines.server_unreachable(exc)
    assert took < 10, took
