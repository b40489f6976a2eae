"""Files attached to records: a signed letter on an action, minutes on a meeting, a proposal on
an organisation.

    prepared = prepare_file(Path("thu-gioi-thieu.pdf"))   # read, hash, text: outside any transaction
    with unit_of_work(engine) as s:
        attachment_id = add(s, "action", 12, prepared, actor="Anh")
    with read_session(engine) as s:
        list_for(s, "action", 12)                         # name, size, date, who
        info, data = content(s, attachment_id)

Where the bytes live: in the database, once per distinct content (``attachment_blob``, keyed
by SHA-256), with one ``attachment`` row per record it is attached to. So a backup, a restore,
``ketnoi backup``, a copy of the file and a team's PostgreSQL database carry every attachment
with no second place to keep in step, and attaching is part of the same transaction as the
history row that records it. The price is a larger database file; the size limit
(:data:`MAX_BYTES`, 25 MB a file) keeps single rows reasonable for both SQLite and
PostgreSQL (``bytea``), which read and write a value of that size whole without streaming.

Removing an attachment is a soft delete (``deleted_at``), recorded in history and undoable like
any record's; the attachments of a record in the trash are hidden with it and come back with
it. Emptying the trash removes both for good, and the bytes no attachment uses any more
(:func:`drop_unused_blobs`).

Text is read from PDFs (pypdf) and .docx files (python-docx), bounded to the first
:data:`PDF_PAGES` pages and :data:`TEXT_LIMIT` characters, so that search finds a file by what
it says as well as by its name. A file those libraries cannot read is still attached; it is
then found by its name only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import mimetypes
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import Session

from app import records
from app.cli_lines import refused
from app.entities import ATTACHMENT_TEXT_LIMIT
from app.errors import NotFoundError, UserError
from app.vntext import fold_words
from app.written import check_folder, not_written
from db import kinds
from db import models as m
from db.engine import held_here
from db.paths import not_ordinary
from db.queries import chunked, fts_filter, insert_new
from db.tables import table_of

log = logging.getLogger(__name__)

ATT = table_of(m.Attachment)
BLOB = table_of(m.AttachmentBlob)
MAX_BYTES = m.ATTACHMENT_MAX_BYTES
TEXT_LIMIT = ATTACHMENT_TEXT_LIMIT
PDF_PAGES = 50  # pages of a PDF read for its text


def human_size(size: int, lang: str = "en") -> str:
    """``1.2 MB``, ``340 KB``, ``12 bytes`` (``12 byte`` in Vietnamese, ``lang`` "vi")."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} {'byte' if lang == 'vi' else 'bytes'}"


def check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise UserError(
            f'"{name}" is {human_size(size)}; files up to {human_size(MAX_BYTES)} can be attached'
        )


def guess_mime(name: str) -> str:
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


# --- reading a file ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PreparedFile:
    """A file read and hashed, its text extracted: ready for :func:`add`."""

    name: str
    data: bytes
    sha256: str
    mime: str
    text: str

    @property
    def size(self) -> int:
        return len(self.data)


def prepare(name: str, data: bytes) -> PreparedFile:
    """Hash ``data`` and read its text (no database: call it before the unit of work)."""
    check_size(name, len(data))
    return PreparedFile(
        name, data, hashlib.sha256(data).hexdigest(), guess_mime(name), extract_text(name, data)
    )


def prepare_file(path: Path) -> PreparedFile:
    """Read ``path``; a missing, unreadable or oversized file is a UserError naming it."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise UserError(f"{path} is a folder, not a file")
        if not_ordinary(path):  # a pipe or a device: reading it could wait forever
            raise UserError(
                f"{path} is not an ordinary file (a pipe, a device or a socket); nothing attached"
            )
        if held_here(path):  # read by SQLite alone here: closing it would drop SQLite's locks
            raise UserError(
                f"{path.name} is the Ketnoi database open in this program: it cannot be read as a file here"
            )
        size = path.stat().st_size
        check_size(path.name, size)
        data = path.read_bytes()
    except FileNotFoundError:
        raise refused(f"no file {path}", f"không có tệp {path}") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    return prepare(path.name, data)


def extract_text(name: str, data: bytes) -> str:
    """The text of a PDF or .docx, at most :data:`TEXT_LIMIT` characters; "" for anything else
    or anything those readers cannot read (a broken file is still attached)."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".pdf" or data[:5] == b"%PDF-":
            return _pdf_text(data)
        if suffix == ".docx":
            return _docx_text(data)
        if suffix in (".txt", ".csv", ".md"):
            return data[: TEXT_LIMIT * 4].decode("utf-8", "replace")[:TEXT_LIMIT]
    except Exception as exc:  # hostile or damaged files: many exception types, none fatal
        log.info("no text read from %s: %s", name, exc)
    return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts: list[str] = []
    total = 0
    for page in reader.pages[:PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total >= TEXT_LIMIT:
            break
    return "\n".join(parts)[:TEXT_LIMIT]


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    total = 0
    for para in document.paragraphs:
        parts.append(para.text)
        total += len(para.text)
        if total >= TEXT_LIMIT:
            break
    for table in document.tables:
        if total >= TEXT_LIMIT:
            break
        for row in table.rows:
            cells = " ".join(c.text for c in row.cells)
            parts.append(cells)
            total += len(cells)
    return "\n".join(parts)[:TEXT_LIMIT]


# --- writing ------------------------------------------------------------------------------------


def add(
    session: Session,
    kind: str,
    record_id: int,
    file: PreparedFile,
    *,
    actor: str = "",
    group_id: str = "",
) -> int:
    """Attach ``file`` to a live record; returns the attachment's id. Its history row is part of
    ``group_id`` (a new group when empty), so Edit → Undo takes it back."""
    check_size(file.name, file.size)
    if kind not in kinds.ATTACHABLE:
        raise UserError(f"files attach to one of: {', '.join(kinds.ATTACHABLE)}; not {kind!r}")
    insert_new(
        session,
        BLOB,
        [
            {
                "sha256": file.sha256,
                "size": file.size,
                "content": file.data,
                "text": file.text[:TEXT_LIMIT],
                "created_at": m.utcnow(),
            }
        ],
        key="sha256",
    )
    return records.create(
        session,
        "attachment",
        {
            "owner_kind": kind,
            "owner_id": record_id,
            "sha256": file.sha256,
            "file_name": file.name,
            "mime": file.mime,
            "added_by": actor,
        },
        actor=actor,
        group_id=group_id or records.new_group_id(),
    )


def add_file(
    session: Session, kind: str, record_id: int, path: Path, *, actor: str = "", group_id: str = ""
) -> int:
    """:func:`prepare_file` and :func:`add` in one (the file is read inside the transaction:
    for scripts; the window prepares first)."""
    return add(session, kind, record_id, prepare_file(path), actor=actor, group_id=group_id)


def remove(session: Session, attachment_id: int, *, actor: str = "", group_id: str = "") -> str:
    """Move an attachment to the trash; returns the undo group."""
    _live(session, attachment_id)
    group = group_id or records.new_group_id()
    records.delete(session, "attachment", attachment_id, actor=actor, group_id=group)
    return group


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    owner_kind: str
    owner_id: int
    file_name: str
    mime: str
    size: int
    sha256: str
    added_at: dt.datetime  # aware UTC
    added_by: str

    @property
    def size_text(self) -> str:
        return human_size(self.size)


_COLUMNS = (
    ATT.c.id,
    ATT.c.owner_kind,
    ATT.c.owner_id,
    ATT.c.file_name,
    ATT.c.mime,
    ATT.c.size,
    ATT.c.sha256,
    ATT.c.created_at,
    ATT.c.added_by,
)


def _info(row: Any) -> AttachmentInfo:
    return AttachmentInfo(
        int(row.id),
        str(row.owner_kind),
        int(row.owner_id),
        str(row.file_name),
        str(row.mime),
        int(row.size),
        str(row.sha256),
        row.created_at,
        str(row.added_by or ""),
    )


def list_for(session: Session, kind: str, record_id: int) -> list[AttachmentInfo]:
    """The live attachments of one record, oldest first (never their bytes)."""
    rows = session.execute(
        select(*_COLUMNS)
        .where(ATT.c.owner_kind == kind, ATT.c.owner_id == record_id, ATT.c.deleted_at.is_(None))
        .order_by(ATT.c.created_at, ATT.c.id)
    ).all()
    return [_info(r) for r in rows]


def names_for(session: Session, kind: str, ids: Sequence[int]) -> dict[int, list[str]]:
    """File names of the live attachments of several records (a timeline's meetings)."""
    out: dict[int, list[str]] = defaultdict(list)
    for part in chunked(list(ids)):
        rows = session.execute(
            select(ATT.c.owner_id, ATT.c.file_name)
            .where(ATT.c.owner_kind == kind, ATT.c.owner_id.in_(part), ATT.c.deleted_at.is_(None))
            .order_by(ATT.c.id)
        ).all()
        for owner, name in rows:
            out[int(owner)].append(str(name))
    return dict(out)


def _live(session: Session, attachment_id: int) -> Any:
    row = session.execute(select(*_COLUMNS, ATT.c.deleted_at).where(ATT.c.id == attachment_id)).first()
    if row is None or row.deleted_at is not None:
        raise NotFoundError("attachment", attachment_id)
    return row


def get(session: Session, attachment_id: int) -> AttachmentInfo:
    return _info(_live(session, attachment_id))


def content(session: Session, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """An attachment and its bytes."""
    info = get(session, attachment_id)
    data = session.execute(select(BLOB.c.content).where(BLOB.c.sha256 == info.sha256)).scalar_one()
    return info, bytes(data)


_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def safe_name(name: str) -> str:
    """A file name every system accepts (no folders, no reserved characters)."""
    cleaned = _UNSAFE.sub("_", name).strip(" .") or "attachment"
    return cleaned[:200]


def write_to(session: Session, attachment_id: int, target: Path, *, overwrite: bool = False) -> Path:
    """Write an attachment's bytes to ``target`` (a folder: under its own name, made unique
    there). Returns the file written."""
    info, data = content(session, attachment_id)
    target = Path(target).expanduser()
    if target.is_dir():
        target = unique_path(target / safe_name(info.file_name))
    elif target.exists() and not overwrite:
        raise UserError(f"{target} exists already; choose a new file name")
    else:
        check_folder(target)
    try:
        target.write_bytes(data)
    except OSError as exc:  # why, in words (ui.not_written: in the person's language)
        raise not_written(exc, target) from None
    return target


def unique_path(path: Path) -> Path:
    """``path``, or ``name (2).ext``, ``name (3).ext``… if it exists."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate


# --- search ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentHit:
    owner_kind: str
    owner_id: int
    owner_label: str
    attachment_id: int
    file_name: str
    in_name: bool  # every word is in the file name (not only in its text)


def search(session: Session, words: list[str], *, limit: int = 20) -> list[AttachmentHit]:
    """Live attachments of live records whose name or text has every (folded) word as a prefix,
    through the full-text index; at most ``limit``."""
    if not words:
        return []
    rows = session.execute(
        select(ATT.c.id, ATT.c.owner_kind, ATT.c.owner_id, ATT.c.file_name)
        .where(fts_filter(session, ATT, words), ATT.c.deleted_at.is_(None))
        .order_by(ATT.c.id.desc())
        .limit(limit * 3)
    ).all()
    out: list[AttachmentHit] = []
    for r in rows:
        kind = str(r.owner_kind)
        if kind not in kinds.ATTACHABLE:
            continue
        owner = session.get(kinds.model(kind), int(r.owner_id))
        if owner is None or owner.deleted_at is not None:
            continue
        name_words = fold_words(str(r.file_name))
        in_name = all(any(n.startswith(w) for n in name_words) for w in words)
        label = str(getattr(owner, kinds.info(kind).label_field, ""))
        out.append(AttachmentHit(kind, int(r.owner_id), label, int(r.id), str(r.file_name), in_name))
        if len(out) >= limit:
            break
    return out


# --- the trash ------------------------------------------------------------------------------------


def purgeable_ids(session: Session) -> list[int]:
    """Attachments to remove for good when the trash is emptied: those removed, and those of
    records in the trash (which go with them)."""
    ids = {int(i) for i in session.execute(select(ATT.c.id).where(ATT.c.deleted_at.is_not(None))).scalars()}
    for kind in kinds.ATTACHABLE:
        table = kinds.table(kind)
        trashed = select(table.c.id).where(table.c.deleted_at.is_not(None))
        ids.update(
            int(i)
            for i in session.execute(
                select(ATT.c.id).where(ATT.c.owner_kind == kind, ATT.c.owner_id.in_(trashed))
            ).scalars()
        )
    return sorted(ids)


def drop_unused_blobs(session: Session) -> int:
    """Remove the bytes no attachment row uses any more; returns how many files went."""
    used = select(ATT.c.sha256).distinct()
    result = session.execute(delete(BLOB).where(BLOB.c.sha256.not_in(used)))
    return int(getattr(result, "rowcount", 0) or 0)


def stored_bytes(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.sum(BLOB.c.size), 0))).scalar_one())


def attach_many(
    session: Session,
    kind: str,
    record_id: int,
    files: Iterable[PreparedFile],
    *,
    actor: str = "",
    group_id: str = "",
) -> tuple[str, list[int]]:
    """Several files on one record as one undoable step; returns (group, ids)."""
    group = group_id or records.new_group_id()
    ids = [add(session, kind, record_id, f, actor=actor, group_id=group) for f in files]
    return group, ids
