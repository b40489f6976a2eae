"""A password gate in front of the test PostgreSQL server, which trusts every local login.

The gate speaks PostgreSQL's protocol up to the password: it asks each client for one
(cleartext), notes what it was given, turns a wrong or missing one away (SQLSTATE 28P01, as a
real server does) and, for the right one, hands the client's startup message to the real server
and relays both ways from then on. So a test sees whether libpq — in Ketnoi, or in pg_dump —
found the password (~/.pgpass, Ketnoi's password file, PGPASSWORD) and then works on a real
database."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

from sqlalchemy.engine import make_url


def _read(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError
        data += chunk
    return data


def _pipe(src: socket.socket, dst: socket.socket) -> None:
    try:
        while chunk := src.recv(65536):
            dst.sendall(chunk)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


class PasswordGate:
    """On 127.0.0.1:``port``: the server of ``upstream_url``, asking every login ``password``."""

    def __init__(self, upstream_url: str, password: str) -> None:
        u = make_url(upstream_url)
        self.upstream = (u.host or "127.0.0.1", int(u.port or 5432))
        self.password = password
        self.given: list[str | None] = []  # each client's password, None when it gave none
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        try:
            while True:  # SSLRequest / GSSENCRequest: "N", then the startup message
                head = _read(conn, 4)
                (length,) = struct.unpack("!i", head)
                body = _read(conn, length - 4)
                code = struct.unpack("!i", body[:4])[0]
                if code in (80877103, 80877104):
                    conn.sendall(b"N")
                    continue
                if code == 80877102:  # a CancelRequest: not relayed
                    conn.close()
                    return
                break
            startup = head + body
            conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
            try:
                kind = _read(conn, 1)
            except ConnectionError:  # (libpq hangs up when it has no password to give)
                self.given.append(None)
                return
            (length,) = struct.unpack("!i", _read(conn, 4))
            password = _read(conn, length - 4).rstrip(b"\0").decode()
            self.given.append(password if kind == b"p" else None)
            if password != self.password:
                fields = b"SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed\0\0"
                conn.sendall(b"E" + struct.pack("!i", len(fields) + 4) + fields)
                conn.close()
                return
            server = socket.create_connection(self.upstream)
            server.sendall(startup)
            threading.Thread(target=_pipe, args=(server, conn), daemon=True).start()
            _pipe(conn, server)
        except (ConnectionError, OSError):
            conn.close()

    def url(self, user: str, database: str) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def close(self) -> None:
        self.sock.close()


class Relay:
    """On 127.0.0.1:``port``: the server of ``upstream_url``, relayed byte for byte, until
    :meth:`cut` ends every connection under the client ("server closed the connection
    unexpectedly", as a server host that goes down does) and, with ``refuse``, refuses new
    ones (the server out of reach)."""

    def __init__(self, upstream_url: str) -> None:
        u = make_url(upstream_url)
        self.upstream = (u.host or "127.0.0.1", int(u.port or 5432))
        self.open: list[socket.socket] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
                server = socket.create_connection(self.upstream)
            except OSError:
                return
            self.open += [conn, server]
            threading.Thread(target=_pipe, args=(server, conn), daemon=True).start()
            threading.Thread(target=_pipe, args=(conn, server), daemon=True).start()

    def url(self, pg_url: str) -> str:
        return make_url(pg_url).set(host="127.0.0.1", port=self.port).render_as_string(False)

    def cut(self, *, refuse: bool = False) -> None:
        if refuse:  # (shut down first: a thread waiting in accept() holds a bare close off)
            with contextlib.suppress(OSError):
                self.sock.shutdown(socket.SHUT_RDWR)
            self.sock.close()
        for s in self.open:
            with contextlib.suppress(OSError):
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
                s.shutdown(socket.SHUT_RDWR)  # (wakes the relay's threads: a bare close would not)
                s.close()
        self.open.clear()

    def close(self) -> None:
        self.cut(refuse=True)
