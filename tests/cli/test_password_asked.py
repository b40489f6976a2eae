"""A team server that asks for a password nobody gave (the owner's documented first
``ketnoi admin init --db "postgresql://ketnoi_owner@…"``): on a terminal the password is asked
for and the command goes on with it; elsewhere the message says a password is needed and the
ways to give it — never that the login may have been disabled (reviewer h30). A refused login is
said in Vietnamese under a Vietnamese locale.

The server is a small stand-in speaking PostgreSQL's protocol up to the password: it asks for
one (cleartext), notes what it was given and turns it away (SQLSTATE 28P01), as a real server
does a wrong one. No PostgreSQL is needed."""

from __future__ import annotations

import os
import pty
import select
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class AsksPassword:
    """A server on 127.0.0.1 that asks every login for a password and refuses any given."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.passwords: list[str] = []
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    @staticmethod
    def _read(conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise ConnectionError
            data += chunk
        return data

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            try:
                while True:  # SSLRequest / GSSENCRequest: "N", then the startup message
                    (length,) = struct.unpack("!i", self._read(conn, 4))
                    body = self._read(conn, length - 4)
                    code = struct.unpack("!i", body[:4])[0]
                    if code in (80877103, 80877104):
                        conn.sendall(b"N")
                        continue
                    break
                conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
                kind = self._read(conn, 1)
                if kind != b"p":
                    return
                (length,) = struct.unpack("!i", self._read(conn, 4))
                self.passwords.append(self._read(conn, length - 4).rstrip(b"\0").decode())
                fields = b"SFATAL\0VFATAL\0C28P01\0" + b'Mpassword authentication failed for user "boss"\0\0'
                conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
            except (ConnectionError, OSError):
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()


@pytest.fixture
def server() -> Iterator[AsksPassword]:
    s = AsksPassword()
    yield s
    s.close()


def environment(tmp_path: Path, lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "LC_", "KETNOI_"))}
    env |= {"HOME": str(tmp_path), "KETNOI_DATA_DIR": str(tmp_path / "data"), "LANG": lang, "LC_ALL": lang}
    env["PYTHONPATH"] = str(ROOT)
    return env


def command(server: AsksPassword) -> list[str]:
    url = f"postgresql://boss@127.0.0.1:{server.port}/ketnoi?sslmode=disable"
    return [sys.executable, "-m", "app.cli", "admin", "init", "--db", url]


def test_not_on_a_terminal_the_message_says_a_password_is_needed_and_how_to_give_it(
    server: AsksPassword, tmp_path: Path
) -> None:
    done = subprocess.run(
        command(server),
        cwd=ROOT,
        check=False,
        env=environment(tmp_path, "C.UTF-8"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    err = done.stderr
    assert f"the server (127.0.0.1:{server.port}, database ketnoi) asks login 'boss' for a password" in err
    for way in (
        "type it when asked",
        "~/.pgpass",
        "PGPASSWORD",
        f"postgresql://boss:PASSWORD@127.0.0.1:{server.port}",
    ):
        assert way in err, err
    assert "disabled" not in err and "add-user" not in err and "fe_sendauth" not in err
    assert "postgresql+psycopg" not in err
    assert server.passwords == []  # nothing was sent in its place

    vi = subprocess.run(
        command(server),
        cwd=ROOT,
        check=False,
        env=environment(tmp_path, "vi_VN.UTF-8"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "cần mật khẩu của tài khoản 'boss'" in vi.stderr and "PGPASSWORD" in vi.stderr, vi.stderr
    assert "vô hiệu hóa" not in vi.stderr


def _on_a_terminal(
    server: AsksPassword, tmp_path: Path, locale: str, prompt: bytes, typed: bytes
) -> tuple[int, str]:
    """``ketnoi`` on a terminal of its own (a pty): ``typed`` and Return once it has said
    ``prompt``; its exit code and all it said."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        command(server),
        cwd=ROOT,
        env=environment(tmp_path, locale),
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        start_new_session=True,  # no controlling terminal: getpass reads this one (stdin)
    )
    os.close(secondary)
    said = b""
    try:
        end = time.monotonic() + 60
        answered = False
        while time.monotonic() < end:
            ready, _, _ = select.select([primary], [], [], 0.2)
            chunk = b""
            if ready:
                try:
                    chunk = os.read(primary, 4096)
                except OSError:  # the terminal closed: it has ended
                    break
                said += chunk
            if not answered and prompt in said:
                os.write(primary, typed + b"\n")
                answered = True
            if proc.poll() is not None and not chunk:
                break  # ended, and nothing more to read
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(primary)
    return code, said.decode(errors="replace")


def test_on_a_terminal_the_password_is_asked_and_sent_and_a_refusal_is_said_in_vietnamese(
    server: AsksPassword, tmp_path: Path
) -> None:
    code, text = _on_a_terminal(
        server, tmp_path, "vi_VN.UTF-8", "Mật khẩu của tài khoản boss".encode(), b"s3cret"
    )
    assert "Mật khẩu của tài khoản boss trên máy chủ 127.0.0.1" in text, text
    assert code == 1, text
    assert server.passwords and set(server.passwords) == {"s3cret"}  # what was typed went to the server
    assert "s3cret" not in text  # and was not echoed
    # the server turned it away: said in the locale's language, as the password typed refused
    # for that login on that server, and what to do — not that the login may have been disabled
    assert "máy chủ (127.0.0.1:" in text and "không nhận mật khẩu vừa gõ cho tài khoản 'boss'" in text, text
    for way in ("chạy lại lệnh và gõ lại", "~/.pgpass", "nhờ quản trị viên đặt mật khẩu mới"):
        assert way in text, text
    assert "vô hiệu hóa" not in text and "turned login" not in text and "Traceback" not in text
    assert "postgresql+psycopg" not in text and "postgresql://" not in text


def test_a_password_typed_wrong_is_said_with_the_login_the_server_and_what_to_do(
    server: AsksPassword, tmp_path: Path
) -> None:
    """In English: the password typed for boss on that server was refused; type it again, keep
    the right one in ~/.pgpass or ask the administrator. One line, no traceback, no URL (it
    would hold the password), the exit code of the CLI's other refusals (1)."""
    code, text = _on_a_terminal(server, tmp_path, "C.UTF-8", b"(not stored): ", b"wrong-one")
    assert code == 1, text
    assert set(server.passwords) == {"wrong-one"}  # (the check whether the server answers sends it too)
    error = text.split("(not stored): ", 1)[1].strip()
    assert error.startswith("ketnoi: the server (127.0.0.1:"), error
    assert f"127.0.0.1:{server.port}, database ketnoi) refused the password typed for login 'boss'" in error
    for way in ("type it again", "~/.pgpass", "ask your administrator to set a new one"):
        assert way in error, error
    assert len(error.splitlines()) == 1, error  # one line: no traceback
    assert "wrong-one" not in error and "postgresql://" not in error and "postgresql+psycopg" not in error
    assert "disabled" not in error and "add-user" not in error


def serve_elsewhere(passwords: Path) -> tuple[subprocess.Popen[str], int]:
    """The stand-in in a process of its own (what it is given goes to ``passwords``, a line
    each): a test that connects from its own process needs it, as libpq's PQping holds the
    interpreter's lock while it waits for an answer."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.cli.test_password_asked", str(passwords)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    return proc, int(proc.stdout.readline())


if __name__ == "__main__":
    stand_in = AsksPassword()
    print(stand_in.port, flush=True)
    written = 0
    while True:
        time.sleep(0.05)
        if len(stand_in.passwords) > written:
            with open(sys.argv[1], "a", encoding="utf-8") as fh:
                fh.writelines(p + "\n" for p in stand_in.passwords[written:])
            written = len(stand_in.passwords)
