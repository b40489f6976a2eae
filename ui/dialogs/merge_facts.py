"""What tells the two records of a merge apart, shown above the fields chosen one by one.

Two contacts both called "Nguyễn Văn An" read alike field by field (reviewer: the dialog showed
no id nor anything else to tell which one is kept). Each side's column names its id in its
heading, and these rows give what differs between namesakes and is not chosen in the merge —
a contact's e-mails and phones (both kept), when it was last contacted, and for either kind how
many meetings and actions it has and when it was added — as plain text, read in the dialog's
read session (bounded: two counts per side, read once).

:func:`read_pair` is everything the dialog shows of the two, read in one session: a list's
"Merge the two selected…" runs it on a pool thread (with :func:`app.merge.kept_first`) and opens
the dialog on what it read, so the click never waits for the database on the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import merge, records
from db import clock
from db.engine import Session
from ui import labels
from ui.context import AppContext
from ui.phones import phone_shown

SIDES = ("survivor", "other")
# the fields that hold another record's id: the dialog shows that record's name
REFERS = {"organisation_id": "organisation", "parent_id": "organisation", "owner_id": "staff"}


@dataclass(frozen=True)
class Pair:
    """What the merge dialog shows of two records: the preview (:func:`app.merge.merge_preview`),
    the names of the records their references point at by (field, side), and each side's
    meetings and actions (:func:`work_counts`). Plain data, read in one session."""

    entity: str
    survivor_id: int
    other_id: int
    preview: dict[str, Any]
    refers: dict[tuple[str, str], str]
    work: dict[str, tuple[int, int]]


def read_pair(s: Session, entity: str, survivor_id: int, other_id: int) -> Pair:
    """The two records as the merge dialog shows them, ``survivor_id`` kept. No Qt: it runs on a
    pool thread as well as in the dialog."""
    preview = merge.merge_preview(s, entity, survivor_id, other_id)
    refers: dict[tuple[str, str], str] = {}
    for row in preview["fields"]:
        field = row["field"]
        for side in SIDES:
            value = row[side]
            if field in REFERS and value not in (None, "", []):
                try:
                    refers[(field, side)] = records.label(s, REFERS[field], int(value))
                except Exception:
                    refers[(field, side)] = str(value)
    sides = {"survivor": preview["survivor"], "other": preview["other"]}
    return Pair(entity, survivor_id, other_id, preview, refers, work_counts(s, entity, sides))


def swapped(pair: Pair) -> Pair:
    """``pair`` with the other record kept: the same values, the defaults chosen again
    (:func:`app.merge.preview_of`), nothing read."""
    preview = merge.preview_of(pair.entity, pair.preview["other"], pair.preview["survivor"])
    flip = {"survivor": "other", "other": "survivor"}
    refers = {(field, flip[side]): name for (field, side), name in pair.refers.items()}
    work = {flip[side]: counts for side, counts in pair.work.items()}
    return Pair(pair.entity, pair.other_id, pair.survivor_id, preview, refers, work)


def read_kept_first(s: Session, entity: str, a: int, b: int) -> Pair:
    """:func:`read_pair` of ``a`` and ``b``, the one a person would keep first
    (:func:`app.merge.kept_first`: more linked history, else the older)."""
    survivor, other = merge.kept_first(s, entity, a, b)
    return read_pair(s, entity, survivor, other)


def tr(text: str) -> str:
    return QCoreApplication.translate("Duplicates", text)


def heading(record: Mapping[str, Any], label_field: str) -> str:
    """ "Nguyễn Văn An (#22)": the record's name with its id, as lists and the CLI name it."""
    return f"{record[label_field]} (#{record['id']})"


def work_counts(
    s: Session, entity: str, records: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[int, int]]:
    """Each side's (meetings, actions), read once: the facts show both, the dialog says the
    other's as what moves to the kept record."""
    return {k: merge.moving_counts(s, entity, int(r["id"])) for k, r in records.items()}


def fact_rows(
    ctx: AppContext,
    entity: str,
    records: Mapping[str, Mapping[str, Any]],
    work: Mapping[str, tuple[int, int]],
) -> list[tuple[str, str, dict[str, str]]]:
    """(key, label, {side: text}) for each fact shown: ``records`` are the two snapshots by
    side ("survivor", "other"), ``work`` their :func:`work_counts`."""
    rows: list[tuple[str, str, dict[str, str]]] = []
    if entity == "contact":
        rows.append(
            ("emails", labels.field_label("emails"), {k: _listed(r["emails"]) for k, r in records.items()})
        )
        rows.append(
            (
                "phones",
                labels.field_label("phones"),
                {k: _listed([phone_shown(p) for p in r["phones"]]) for k, r in records.items()},
            )
        )
        rows.append(
            (
                "last_contacted_on",
                labels.field_label("last_contacted_on"),
                {
                    k: ctx.fmt_date(r["last_contacted_on"]) if r["last_contacted_on"] else tr("(never)")
                    for k, r in records.items()
                },
            )
        )
    rows.append(("work", tr("Meetings and actions"), {k: _work(*work[k]) for k in records}))
    rows.append(
        (
            "added",
            tr("Added"),
            {k: ctx.fmt_date(clock.local(r["created_at"]).date()) for k, r in records.items()},
        )
    )
    return rows


def _listed(values: list[str]) -> str:
    return "\n".join(values) if values else tr("(empty)")


def _work(meetings: int, actions: int) -> str:
    return ", ".join(
        (
            QCoreApplication.translate("Duplicates", "%Ln meeting(s)", "", meetings),
            QCoreApplication.translate("Duplicates", "%Ln action(s)", "", actions),
        )
    )
