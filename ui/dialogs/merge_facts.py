"""What tells the two records of a merge apart, shown above the fields chosen one by one.

Two contacts both called "Nguyễn Văn An" read alike field by field (reviewer: the dialog showed
no id nor anything else to tell which one is kept). Each side's column names its id in its
heading, and these rows give what differs between namesakes and is not chosen in the merge —
a contact's e-mails and phones (both kept), when it was last contacted, and for either kind how
many meetings and actions it has and when it was added — as plain text, read in the dialog's
read session (bounded: two counts per side, read once).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import merge
from db import clock
from db.engine import Session
from ui import labels
from ui.context import AppContext
from ui.phones import phone_shown

SIDES = ("survivor", "other")


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
