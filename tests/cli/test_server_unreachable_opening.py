"""A command whose team database's server cannot be reached when it starts says the window's
sentence, in the CLI's language, not libpq's (reviewer h130, the server down: "ketnoi: Cannot open
the database postgresql+psycopg://quang@127.0.0.1:55490/ketnoi: connection failed: connection
to server at "127.0.0.1", port 55490 failed: Connection refused", where the window said "Cannot
reach the database server 127.0.0.1:55490. Try again when the network is back."). A real server
behind a relay (tests/pg_gate.py) that answers, then refuses every connection."""

from __future__ import annotations

import contextlib
import io

import pytest

from app.cli import main
from tests.pg_gate import Relay

pytestmark = pytest.mark.postgres


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en_GB.UTF-8",
            "Cannot reach the database server 127.0.0.1:{port}. Try again when the network is back.",
        ),
        (
            "vi_VN.UTF-8",
            "Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:{port}. Hãy thử lại khi có mạng.",
        ),
    ],
)
def test_a_server_out_of_reach_is_said_as_the_window_says_it(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    relay = Relay(pg_url)
    try:
        url = relay.url(pg_url)
        code, _out, err = _run(["contact", "list", "--db", url])
        assert code == 0, err  # the server answers through the relay
        relay.cut(refuse=True)  # now nothing answers on its port
        code, out, err = _run(["contact", "list", "--db", url])
    finally:
        relay.close()
    assert code == 1
    assert out == ""
    assert err == f"ketnoi: {said.format(port=relay.port)}\n"
