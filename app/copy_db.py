"""``ketnoi copy-db --from URL --to URL``: a laptop's file into a team database, or back.

A plain copy (:func:`copy_database`) goes into an **empty** database (no rows in any table but
the settings a new database is born with, which the source's replace:
a new file, or a team database right after ``ketnoi admin init``, before ``admin add-user`` —
which then binds the copied staff by name). Every table goes over with its ids (``db.copy``),
then both databases are read again in full and compared table by table: rows counted and
every row hashed. Any difference is an error.

A target that holds records is refused unless ``--merge`` is given. A merge
(:func:`merge_database`) brings over **organisations and contacts** only, each through the
duplicate matching of the record forms (:func:`app.dedupe.possible_duplicates`): a record that
matches one of the target's — the same e-mail, phone or name at the same organisation, the
same organisation name, acronym or alias — is not copied (its id maps to the match); any other
is created anew through the services (``app.records.create``, with history and the copier as
author), its organisation and parent organisation mapped to the target's ids, its
relationship owner mapped by staff name (else left empty). Meetings, actions, letters,
attachments, history and import batches of the source are not merged (counted in the report).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import records
from app.cli_lines import refused
from app.dedupe import possible_duplicates
from app.errors import UserError
from db import copy as raw
from db.engine import read_session, unit_of_work
from db.migrate import current_revision
from db.tables import CON, ORG, STAFF

MATCH_AT = 0.75  # the dedupe confidence from which a source record is taken as a target's
Progress = Callable[[str, int, int], None]


@dataclass
class CopyReport:
    copied: dict[str, int] = field(default_factory=dict)
    source: dict[str, raw.TablePrint] = field(default_factory=dict)
    target: dict[str, raw.TablePrint] = field(default_factory=dict)

    @property
    def differences(self) -> list[str]:
        return [t for t in self.source if self.source[t] != self.target.get(t)]


def _same_schema(source: Engine, target: Engine) -> None:
    a, b = current_revision(source), current_revision(target)
    if a != b:
        raise refused(
            f"the two databases have different schemas ({a} and {b}); open both with this Ketnoi first",
            f"hai cơ sở dữ liệu có lược đồ khác nhau ({a} và {b}); hãy mở cả hai bằng Ketnoi này trước",
        )


def check_source(source: Engine) -> None:
    """Refuse a PostgreSQL source whose login row-level security keeps from some rows."""
    with source.connect() as conn:
        if not raw.sees_every_row(conn):
            raise refused(
                f"the login {source.url.username} may not see every row of {source.url.database} "
                "(confidential records are hidden from it); copy as the database's owner",
                f"tài khoản {source.url.username} không xem được mọi dòng của {source.url.database} "
                "(các hồ sơ mật bị ẩn với tài khoản này); hãy sao chép bằng tài khoản chủ sở hữu cơ sở dữ liệu",
            )


def non_empty_tables(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: n for t, n in raw.counts(conn).items() if n and t not in raw.SEEDED}


def copy_database(source: Engine, target: Engine, *, progress: Progress | None = None) -> CopyReport:
    """Copy everything into an empty ``target`` and compare the two in full."""
    _same_schema(source, target)
    full = non_empty_tables(target)
    if full:
        shown = ", ".join(f"{t} ({n})" for t, n in sorted(full.items())[:4])
        if set(full) <= {"staff", "change"}:  # only what `ketnoi admin add-user` writes
            raise refused(
                f"the target database is not empty: {shown} — the staff records that "
                "`ketnoi admin add-user` made. Copy into the database first, then add the users "
                "(docs/team.md), or add --merge to bring organisations and contacts into it",
                f"cơ sở dữ liệu đích không trống: {shown} — hồ sơ cán bộ do `ketnoi admin add-user` "
                "tạo. Hãy sao chép vào cơ sở dữ liệu trước rồi mới thêm người dùng (docs/team.md), "
                "hoặc thêm --merge để gộp tổ chức và liên hệ vào đó",
            )
        more = " …" if len(full) > 4 else ""
        raise refused(
            f"the target database is not empty: {shown}{more}; "
            "copy into an empty one, or add --merge to bring organisations and contacts into it",
            f"cơ sở dữ liệu đích không trống: {shown}{more}; hãy sao chép vào một cơ sở dữ liệu "
            "trống, hoặc thêm --merge để gộp tổ chức và liên hệ vào đó",
        )
    try:
        copied = raw.copy_all(source, target, progress=progress)
    except raw.CopyError as exc:
        raise UserError(str(exc)) from None
    report = CopyReport(copied, raw.fingerprint(source), raw.fingerprint(target))
    if report.differences:
        tables = ", ".join(report.differences)
        raise refused(
            f"the copy differs from the source in {tables} (the target keeps the copy: empty it "
            "before trying again)",
            f"bản sao khác với nguồn ở {tables} (đích vẫn giữ bản sao: hãy làm trống nó trước khi thử lại)",
        )
    return report


# --- merge -----------------------------------------------------------------------------------


@dataclass
class MergeReport:
    created: dict[str, int] = field(default_factory=lambda: {"organisation": 0, "contact": 0})
    matched: dict[str, int] = field(default_factory=lambda: {"organisation": 0, "contact": 0})
    not_merged: dict[str, int] = field(default_factory=dict)
    id_map: dict[str, dict[int, int]] = field(default_factory=lambda: {"organisation": {}, "contact": {}})


_KEEP = {
    "organisation": (
        "name", "name_en", "acronym", "aliases", "kind", "country", "city", "address", "website",
        "influence", "interest", "notes", "confidential", "sectors", "tags",
    ),
    "contact": (
        "full_name", "family_name", "middle_name", "given_name", "honorific", "position", "country",
        "influence", "interest", "notes", "source", "confidential", "emails", "phones", "tags",
    ),
}  # fmt: skip


def _parents_first(rows: list[tuple[int, int | None]]) -> list[int]:
    parent = dict(rows)
    out: list[int] = []
    seen: set[int] = set()

    def visit(i: int, depth: int = 0) -> None:
        if i in seen or depth > 50:
            return
        p = parent.get(i)
        if p is not None and p in parent:
            visit(p, depth + 1)
        seen.add(i)
        out.append(i)

    for i, _p in rows:
        visit(i)
    return out


def merge_database(source: Engine, target: Engine, *, actor: str = "") -> MergeReport:
    """Bring the source's live organisations and contacts into ``target`` through the
    duplicate matching (one unit of work on the target)."""
    _same_schema(source, target)
    report = MergeReport()
    with source.connect() as conn:
        counts = raw.counts(conn)
    report.not_merged = {
        t: counts[t]
        for t in ("meeting", "action", "letter", "attachment", "change", "import_batch")
        if counts.get(t)
    }
    with read_session(source) as src, read_session(target) as names:
        staff_by_name = {str(n): int(i) for i, n in names.execute(select(STAFF.c.id, STAFF.c.name))}
        src_staff = {int(i): str(n) for i, n in src.execute(select(STAFF.c.id, STAFF.c.name))}
        live_orgs = select(ORG.c.id, ORG.c.parent_id).where(ORG.c.deleted_at.is_(None))
        orgs = _parents_first([(int(i), p) for i, p in src.execute(live_orgs)])
        live_contacts = select(CON.c.id).where(CON.c.deleted_at.is_(None)).order_by(CON.c.id)
        contacts = [int(i) for i in src.execute(live_contacts).scalars()]
        with unit_of_work(target, lock="copy-db-merge") as dst:
            for kind, ids in (("organisation", orgs), ("contact", contacts)):
                for sid in ids:
                    snap = records.snapshot(src, kind, sid)
                    values: dict[str, Any] = {k: snap[k] for k in _KEEP[kind] if k in snap}
                    ref = "parent_id" if kind == "organisation" else "organisation_id"
                    if snap.get(ref) is not None:
                        values[ref] = report.id_map["organisation"].get(int(snap[ref]))
                    owner = snap.get("owner_id")
                    values["owner_id"] = staff_by_name.get(src_staff.get(int(owner), "")) if owner else None
                    found = [d for d in possible_duplicates(dst, kind, values) if d.confidence >= MATCH_AT]
                    if found:
                        report.id_map[kind][sid] = found[0].id
                        report.matched[kind] += 1
                        continue
                    report.id_map[kind][sid] = records.create(dst, kind, values, actor=actor)
                    dst.flush()
                    report.created[kind] += 1
    return report
