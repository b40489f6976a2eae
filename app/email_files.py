"""Reading e-mail files: an ``.eml`` (the standard library's ``email``, ``policy.default``) or an
Outlook ``.msg`` (extract-msg) as plain data (:class:`ParsedEmail`), with its attachments read
and hashed (:func:`app.attachments.prepare`). No database here: the window reads the file off
the UI thread before anything is written; :mod:`app.emails` logs it.

A file that is no e-mail, a damaged ``.msg`` or an ``.eml`` cut in its headers is a UserError
naming the file; an ``.eml`` cut in its body keeps what could be read, with a warning.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import email.policy
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from app import attachments
from app.cli_lines import refused
from app.errors import UserError
from db import clock
from db.engine import held_here
from db.paths import not_ordinary

log = logging.getLogger(__name__)

MAX_FILE = 60 * 1024 * 1024  # an e-mail file read at all (its attachments are limited one by one)
BODY_LIMIT = 100_000  # characters of body kept as the meeting's minutes
SUFFIXES = (".eml", ".msg")


@dataclass(frozen=True)
class Address:
    name: str
    email: str  # lower case

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


@dataclass(frozen=True)
class ParsedEmail:
    file_name: str
    message_id: str
    subject: str
    sent_at: dt.datetime | None  # local wall-clock time, as meetings are kept
    sender: Address | None
    to: list[Address]
    cc: list[Address]
    body: str
    files: list[attachments.PreparedFile]
    warnings: list[str] = field(default_factory=list)  # attachments left out, a cut message…

    @property
    def addresses(self) -> list[Address]:
        seen: dict[str, Address] = {}
        for a in [*([self.sender] if self.sender else []), *self.to, *self.cc]:
            seen.setdefault(a.email, a)
        return list(seen.values())

    @property
    def key(self) -> str:
        """What makes two files the same message."""
        if self.message_id:
            basis = "mid:" + self.message_id
        else:
            when = self.sent_at.isoformat() if self.sent_at else ""
            sender = self.sender.email if self.sender else ""
            basis = "\x1f".join(("nomid", sender, when, self.subject, self.body[:2000]))
        return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


# --- reading files ---------------------------------------------------------------------------------


class EmailRefused(UserError):
    """An e-mail file that is not read, said in English (its text) and in Vietnamese (``vi``:
    the CLI under ``--lang vi`` or a Vietnamese locale, the window in Vietnamese)."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.vi = vi


def _too_deep(name: str) -> EmailRefused:
    """Reviewer: an .eml of multiparts nested 1000 deep said "not an e-mail message (maximum
    recursion depth exceeded while getting the str of an object)"."""
    return EmailRefused(
        f'"{name}" cannot be read: its parts are nested too deeply inside one another (no e-mail '
        "program writes a message like this; it may be damaged or made to harm). Open it in your "
        "e-mail program and save it again, then log that copy, or log the meeting by hand",
        f'Không đọc được "{name}": các phần của thư lồng vào nhau quá nhiều tầng (chương trình thư '
        "điện tử không tạo ra thư như vậy; tệp có thể bị hỏng hoặc được tạo ra để gây hại). Hãy mở thư "
        "trong chương trình thư điện tử và lưu lại, rồi ghi nhận bản đó, hoặc ghi nhận cuộc họp bằng tay",
    )


def is_email_file(path: Path | str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def read_email(path: Path) -> ParsedEmail:
    """Read an ``.eml`` or ``.msg`` file; UserError naming the file for anything unreadable."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise UserError(f"{path} is a folder, not an e-mail file")
        if not_ordinary(path):  # a pipe or a device: reading it could wait forever
            raise UserError(
                f"{path} is not an ordinary file (a pipe, a device or a socket), not an e-mail file"
            )
        if held_here(path):  # read by SQLite alone here: closing it would drop SQLite's locks
            raise UserError(
                f"{path.name} is the Ketnoi database open in this program: it cannot be read as a file here"
            )
        size = path.stat().st_size
        if size > MAX_FILE:
            raise UserError(
                f'"{path.name}" is {attachments.human_size(size)}; e-mail files up to '
                f"{attachments.human_size(MAX_FILE)} are read"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise refused(f"no file {path}", f"không có tệp {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return parse_email(path.name, data)


def parse_email(name: str, data: bytes) -> ParsedEmail:
    """``data`` as an Outlook message (an OLE file) or a MIME message, by its content."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return parse_msg(name, data)
    if name.lower().endswith(".msg"):
        raise UserError(f'"{name}" is not an Outlook message (.msg): its content is not in Outlook\'s format')
    try:
        return parse_eml(name, data)
    except RecursionError:  # the parser and the walks over the parts recurse once per level
        raise _too_deep(name) from None


def _address_list(values: Iterable[str]) -> list[Address]:
    out: list[Address] = []
    for display, raw in getaddresses([v for v in values if v]):
        addr = raw.strip().strip("<>").lower()
        if "@" in addr and " " not in addr:
            out.append(Address(" ".join(display.split()), addr))
    return out


def _header(msg: Message, name: str) -> str:
    """A header as text, whatever its defects (a broken encoded word, a bad address)."""
    try:
        value = msg.get(name)
    except Exception:  # the header parser rejects some hostile values outright
        raw = msg.get_all(name, failobj=[])
        value = raw[0] if raw else None
    return " ".join(str(value).split()) if value is not None else ""


def _local(when: dt.datetime | None) -> dt.datetime | None:
    if when is None:
        return None
    return clock.local(when) if when.tzinfo is not None else when


def _clean_id(value: str) -> str:
    return value.strip().strip("<>").strip()[:900]


def parse_eml(name: str, data: bytes) -> ParsedEmail:
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        raise
    except Exception as exc:
        raise UserError(f'"{name}" is not an e-mail message ({exc})') from None
    subject, sender_raw, date_raw = _header(msg, "Subject"), _header(msg, "From"), _header(msg, "Date")
    mid = _clean_id(_header(msg, "Message-ID"))
    if not (sender_raw or date_raw or mid) or not msg.keys():
        raise UserError(f'"{name}" is not an e-mail message: it has no From, Date or Message-ID header')
    warnings: list[str] = []
    try:
        sent = _local(parsedate_to_datetime(date_raw)) if date_raw else None
    except (TypeError, ValueError, IndexError):
        sent = None
        warnings.append(f"its date {date_raw!r} cannot be read")
    senders = _address_list([sender_raw])
    body = _eml_body(msg)
    files = _eml_files(name, msg, warnings)
    if msg.defects or any(p.defects for p in msg.walk()):
        warnings.append("the message is incomplete or damaged; what could be read was kept")
    return ParsedEmail(
        file_name=name,
        message_id=mid,
        subject=subject,
        sent_at=sent,
        sender=senders[0] if senders else None,
        to=_address_list([_header(msg, "To")]),
        cc=_address_list([_header(msg, "Cc")]),
        body=body[:BODY_LIMIT],
        files=files,
        warnings=warnings,
    )


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", "replace")


def _eml_body(msg: Message) -> str:
    part: Message | None = None
    if isinstance(msg, EmailMessage):
        try:
            part = msg.get_body(preferencelist=("plain", "html"))
        except Exception:
            part = None
    if part is None and not msg.is_multipart():
        part = msg
    if part is None:
        return ""
    text = _part_text(part)
    if part.get_content_type() == "text/html":
        text = html_to_text(text)
    return text.replace("\r\n", "\n").strip()


def _eml_files(name: str, msg: Message, warnings: list[str]) -> list[attachments.PreparedFile]:
    if not isinstance(msg, EmailMessage):
        return []
    out: list[attachments.PreparedFile] = []
    try:
        parts = list(msg.iter_attachments())
    except Exception:
        return out
    for n, part in enumerate(parts, 1):
        try:
            file_name = part.get_filename() or ""
        except Exception:
            file_name = ""
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            data = (
                inner[0].as_bytes()
                if isinstance(inner, list) and inner and isinstance(inner[0], Message)
                else b""
            )
            file_name = file_name or f"message-{n}.eml"
        else:
            if not file_name:  # an inline picture of a signature, not a file someone sent
                continue
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
        _keep(out, file_name, data, warnings)
    return out


def _keep(out: list[attachments.PreparedFile], file_name: str, data: bytes, warnings: list[str]) -> None:
    try:
        out.append(attachments.prepare(file_name, data))
    except UserError as exc:  # over the size limit: the rest of the message is still logged
        warnings.append(f"{exc}; it was left out")


def _not_outlook(name: str, exc: Exception) -> EmailRefused:
    detail = f"{type(exc).__name__}: {exc}"
    return EmailRefused(
        f'"{name}" cannot be read as an Outlook message ({detail}): it is damaged or not an e-mail. '
        "Open it in Outlook and save it again (File → Save As), then log that copy",
        f'Không đọc được "{name}" như một thư Outlook ({detail}): tệp bị hỏng hoặc không phải thư. '
        "Hãy mở thư trong Outlook và lưu lại (File → Save As), rồi ghi nhận bản đó",
    )


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """``logger`` says nothing while the block runs: extract-msg logs what it refuses ("ERROR
    extract_msg.msg_classes.msg: incorrect CLSID in OLE header" on the terminal, before the
    refusal Ketnoi says itself, reviewer)."""
    before = logger.level
    logger.setLevel(logging.CRITICAL + 1)  # its own loggers (extract_msg.msg_classes.msg, …) inherit it
    try:
        yield
    finally:
        logger.setLevel(before)


def parse_msg(name: str, data: bytes) -> ParsedEmail:
    """An Outlook ``.msg`` through extract-msg."""
    import extract_msg

    try:
        with _quiet(logging.getLogger("extract_msg")):
            msg = extract_msg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # extract-msg raises many kinds for damaged files
        raise _not_outlook(name, exc) from None
    try:
        return _from_msg(name, msg)
    except UserError:
        raise
    except Exception as exc:
        raise _not_outlook(name, exc) from None
    finally:
        try:
            msg.close()
        except Exception:
            log.debug("closing %s failed", name)


def _msg_date(msg: Any) -> dt.datetime | None:
    when = getattr(msg, "date", None)
    if isinstance(when, dt.datetime):
        return _local(when)
    if isinstance(when, str) and when:
        try:
            return _local(parsedate_to_datetime(when))
        except (TypeError, ValueError, IndexError):
            return None
    return None


def _from_msg(name: str, msg: Any) -> ParsedEmail:
    warnings: list[str] = []
    kind = type(msg).__name__
    if not hasattr(msg, "subject") or not hasattr(msg, "body"):
        raise UserError(f'"{name}" is an Outlook item of another kind ({kind}), not an e-mail message')
    senders = _address_list([str(msg.sender or "")])
    body = str(msg.body or "")
    if not body.strip():
        html = msg.htmlBody
        if isinstance(html, bytes):
            body = html_to_text(html.decode("utf-8", "replace"))
    files: list[attachments.PreparedFile] = []
    for n, att in enumerate(msg.attachments or [], 1):
        file_name = str(getattr(att, "longFilename", None) or getattr(att, "shortFilename", None) or "")
        payload = getattr(att, "data", None)
        if isinstance(payload, bytes):
            _keep(files, file_name or f"attachment-{n}", payload, warnings)
        elif payload is not None and hasattr(payload, "exportBytes"):  # an e-mail inside the e-mail
            _keep(files, (file_name or f"message-{n}") + ".msg", payload.exportBytes(), warnings)
    return ParsedEmail(
        file_name=name,
        message_id=_clean_id(str(msg.messageId or "")),
        subject=" ".join(str(msg.subject or "").split()),
        sent_at=_msg_date(msg),
        sender=senders[0] if senders else None,
        to=_address_list(str(msg.to or "").split(";")),
        cc=_address_list(str(msg.cc or "").split(";")),
        body=body.replace("\r\n", "\n").strip()[:BODY_LIMIT],
        files=files,
        warnings=warnings,
    )


class _Text(HTMLParser):
    """The visible text of HTML: scripts and styles dropped, blocks on their own lines."""

    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient; anything it still refuses leaves what it read
        log.debug("HTML body not fully read")
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
