"""Errors the services raise; each message is written for the person using Ketnoi."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from db import clock
from db.errors import DatabaseBusy, DatabaseMoved, NotPermitted, UserError

__all__ = [
    "ConflictError",
    "DatabaseBusy",
    "DatabaseMoved",
    "LastSave",
    "NotFoundError",
    "NotPermitted",
    "RecordGone",
    "UserError",
    "ValidationError",
]


class NotFoundError(UserError):
    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__(f"No {entity} with id {entity_id}.")
        self.entity = entity
        self.entity_id = entity_id
        from db import kinds  # (the Vietnamese, for the CLI under a Vietnamese locale)

        noun = kinds.KINDS[entity].noun_vi if entity in kinds.KINDS else _NOUNS_VI.get(entity, entity)
        self.vi = f"Không tìm thấy {noun} #{entity_id}."


_NOUNS_VI = {"import batch": "lần nhập"}  # (as ketnoi import says it: "lần nhập #3")


class RecordGone(NotFoundError):
    """The record is no longer there because someone merged it into another, deleted it, or
    emptied the trash (its history says which, who and when): a form opened before can say so
    and offer the way on (the record it went into; the trash) instead of "No contact with id 70".

    ``how``: "merged", "deleted" or "purged"; ``into_id``/``into_label``: for a merge, the
    record it lives on in (followed through later merges: the live one, when there is one);
    ``into_live``: that record is live; ``actor`` and ``at`` (aware UTC): who did it and when;
    ``group_id``: the history group that did it (a window tells its own steps from others').
    """

    def __init__(
        self,
        entity: str,
        entity_id: int,
        *,
        how: str,
        label: str,
        actor: str,
        at: Any,
        into_id: int | None = None,
        into_label: str = "",
        into_live: bool = False,
        group_id: str = "",
    ) -> None:
        super().__init__(entity, entity_id)
        self.how, self.label, self.actor, self.at = how, label, actor, at
        self.group_id = group_id  # the history group of the delete, merge or purge
        self.into_id, self.into_label, self.into_live = into_id, into_label, into_live
        from db import kinds

        noun_vi = kinds.KINDS[entity].noun_vi if entity in kinds.KINDS else entity
        by = f" by {actor}" if actor else ""
        by_vi = f" {actor}" if actor else ""  # "đã bị Hoa xóa", "đã được Hoa gộp vào"
        name = (
            f'{entity.capitalize()} "{label}" (id {entity_id})'
            if label
            else f"{entity.capitalize()} #{entity_id}"
        )
        noun_vi = noun_vi[:1].upper() + noun_vi[1:]
        name_vi = f"{noun_vi} “{label}” (#{entity_id})" if label else f"{noun_vi} #{entity_id}"
        if how == "merged":
            self.args = (f'{name} was merged into "{into_label}" (id {into_id}){by}.',)
            self.vi = f"{name_vi} đã được{by_vi} gộp vào “{into_label}” (#{into_id})."
        elif how == "purged":
            self.args = (f"{name} was removed for good{by} (the trash was emptied).",)
            self.vi = f"{name_vi} đã bị{by_vi} xóa hẳn (khi dọn thùng rác)."
        else:
            self.args = (f"{name} was deleted{by}; it is in the trash.",)
            self.vi = f"{name_vi} đã bị{by_vi} xóa; hồ sơ đang ở thùng rác."


class ValidationError(UserError):
    """Field-level problems: ``errors`` maps a field name to what is wrong with it."""

    def __init__(self, entity: str, errors: dict[str, str]) -> None:
        self.entity = entity
        self.errors = dict(errors)
        detail = "; ".join(f"{field}: {msg}" for field, msg in self.errors.items())
        super().__init__(f"The {entity} was not saved: {detail}")


@dataclass(frozen=True)
class LastSave:
    """Who saved a record last, as its history says (:func:`app.records.last_save`): what a
    conflict names instead of "someone else"."""

    actor: str  # the name the history recorded ("" when none was)
    login: str  # the database login that wrote it: a team (PostgreSQL) database's; "" on SQLite
    at: dt.datetime  # aware, UTC
    team: bool  # a shared server, where another person saves; else a file one person uses

    def when(self) -> str:
        """The time, local, as the command line writes dates (day first)."""
        return clock.local(self.at).strftime("%d/%m/%Y %H:%M")

    def said(self) -> tuple[str, str]:
        """Who, in a sentence (English, Vietnamese): "Nguyễn Văn A (login nva)"; on a file one
        person uses, "another window or the command line"; "someone else" when not known."""
        if not self.team:
            return "another window or the command line", "một cửa sổ khác hoặc dòng lệnh"
        if self.actor and self.login and self.login != self.actor:
            return f"{self.actor} (login {self.login})", f"{self.actor} (tài khoản {self.login})"
        who = self.actor or self.login
        return (who, who) if who else ("someone else", "người khác")


class ConflictError(UserError):
    """Someone saved this record after it was opened; nothing was overwritten.

    ``current`` holds the values now stored, ``attempted`` the values this save tried to write,
    so that the UI can show both versions side by side. ``restored``: the database was restored
    from a backup after the record was opened (db.backup.RESTORED_KEY: ``at``, ``from``), so
    the record with this id now is the backup's — maybe another person or organisation.
    ``clashing``: when the save knew the values its edit started from, the fields both this
    save and the other one changed (the others were not a conflict); ``None`` when not known.
    ``saved``: who saved it last and when (the record's history), named instead of "someone
    else": a colleague on a team database, another window or the command line on a file.
    """

    def __init__(
        self,
        entity: str,
        entity_id: int,
        label: str,
        *,
        expected_version: int,
        current_version: int,
        current: dict[str, Any],
        attempted: dict[str, Any],
        restored: dict[str, Any] | None = None,
        clashing: list[str] | None = None,
        saved: LastSave | None = None,
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.label = label
        self.clashing = clashing
        self.expected_version = expected_version
        self.current_version = current_version
        self.current = current
        self.attempted = attempted
        self.restored = restored
        self.saved = saved
        from db import kinds  # (the Vietnamese: the CLI's under a Vietnamese locale, the window's)

        noun_vi = kinds.KINDS[entity].noun_vi if entity in kinds.KINDS else entity
        if restored is not None:
            at = str(restored.get("at") or "").replace("T", " ")[:16]
            source = str(restored.get("from") or "a backup")
            super().__init__(
                f"Not saved: the database was restored from {source} ({at}) after you opened "
                f'this {entity}; id {entity_id} is now {entity} "{label}" as the backup holds it, '
                "maybe another record than yours. Nothing was overwritten; open the record again "
                "(or find the one you meant) and apply your change again."
            )
            source_vi = str(restored.get("from") or "một bản sao lưu")
            self.vi = (
                f"Chưa lưu: cơ sở dữ liệu đã được khôi phục từ {source_vi} ({at}) sau khi bạn mở "
                f"{noun_vi} này; #{entity_id} nay là {noun_vi} “{label}” như trong bản sao lưu, có thể "
                "không phải bản ghi của bạn. Không có gì bị ghi đè; hãy mở lại bản ghi (hoặc tìm bản "
                "ghi bạn cần) rồi sửa lại."
            )
            return
        by, by_vi = saved.said() if saved is not None else ("someone else", "người khác")
        at, at_vi = (f" at {saved.when()}", f" lúc {saved.when()}") if saved is not None else ("", "")
        where = "from" if saved is not None and not saved.team else "by"
        done_vi = f"sửa từ {by_vi}" if where == "from" else f"{by_vi} sửa"
        if clashing:
            # the fields both saves changed: named, with the other person's value (the command
            # line's refusal says what to look at; a window shows the same in its dialog)
            super().__init__(
                f'{entity.capitalize()} "{label}" (id {entity_id}) was changed {where} {by}{at} '
                f"meanwhile: {_clashes(entity, clashing, current, attempted, 'en')}. Nothing was "
                "overwritten; apply your change again to write it over theirs."
            )
            self.vi = (
                f"{noun_vi[:1].upper()}{noun_vi[1:]} “{label}” (#{entity_id}) vừa được {done_vi}{at_vi}: "
                f"{_clashes(entity, clashing, current, attempted, 'vi')}. Không có gì bị ghi đè; hãy "
                "thực hiện lại để ghi thay đổi của bạn đè lên."
            )
            return
        super().__init__(
            f'{entity.capitalize()} "{label}" (id {entity_id}) was changed {where} {by}{at} '
            f"(version {current_version}, you edited version {expected_version}); "
            "reload it and apply your change again."
        )
        self.vi = (
            f"{noun_vi[:1].upper()}{noun_vi[1:]} “{label}” (#{entity_id}) đã được {done_vi}{at_vi} "
            f"(phiên bản {current_version}, bạn sửa phiên bản {expected_version}); "
            "hãy tải lại rồi sửa lại."
        )


def _clashes(
    entity: str, fields: list[str], current: dict[str, Any], attempted: dict[str, Any], lang: str
) -> str:
    """ "Due is now 10/12/2026 (yours: 12/12/2026)", for each field both saves changed."""
    import datetime as dt

    from app.value_labels import field_name
    from app.value_labels import label as value_label

    def shown(field: str, value: Any) -> str:
        if value is None or value in ("", []):
            return "(trống)" if lang == "vi" else "(empty)"
        if isinstance(value, dt.datetime):
            return f"{value:%d/%m/%Y %H:%M}"
        if isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}"
        if isinstance(value, list):  # (a meeting's attendees by name, when the window named them)
            return ", ".join(str(x.get("full_name", x)) if isinstance(x, dict) else str(x) for x in value)
        return str(value_label(entity, field, value, lang))

    now, yours = ("nay là", "của bạn") if lang == "vi" else ("is now", "yours")
    return "; ".join(
        f"{field_name(f, lang)} {now} {shown(f, current.get(f))} ({yours}: {shown(f, attempted.get(f))})"
        for f in fields
    )
