"""Counts of live records, for `ketnoi info` and status lines."""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from db import models as m


def record_counts(session: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for label, model in (
        ("organisations", m.Organisation),
        ("contacts", m.Contact),
        ("meetings", m.Meeting),
        ("actions", m.Action),
        ("staff", m.Staff),
    ):
        out[label] = int(
            session.exec(select(func.count()).select_from(model).where(col(model.deleted_at).is_(None))).one()
        )
    return out
