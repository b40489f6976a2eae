"""Errors the services raise; each message is written for the person using Ketnoi."""

from __future__ import annotations

from typing import Any

from db.errors import DatabaseBusy, DatabaseMoved, NotPermitted, UserError

__all__ = [
    "ConflictError",
    "DatabaseBusy",
    "DatabaseMoved",
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
    ``into_live``: that record is live; ``actor`` and ``at`` (aware UTC): who did it and when.
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
    ) -> None:
        super().__init__(entity, entity_id)
        self.how, self.label, self.actor, self.at = how, label, actor, at
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


class ConflictError(UserError):
    """Someone saved this record after it was opened; nothing was overwritten.

    ``current`` holds the values now stored, ``attempted`` the values this save tried to write,
    so that the UI can show both versions side by side. ``restored``: the database was restored
    from a backup after the record was opened (db.backup.RESTORED_KEY: ``at``, ``from``), so
    the record with this id now is the backup's — maybe another person or organisation.
    ``clashing``: when the save knew the values its edit started from, the fields both this
    save and the other one changed (the others were not a conflict); ``None`` when not known.
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
        super().__init__(
            f'{entity.capitalize()} "{label}" (id {entity_id}) was changed by someone else '
            f"(version {current_version}, you edited version {expected_version}); "
            "reload it and apply your change again."
        )
        self.vi = (
            f"{noun_vi[:1].upper()}{noun_vi[1:]} “{label}” (#{entity_id}) đã được người khác sửa "
            f"(phiên bản {current_version}, bạn sửa phiên bản {expected_version}); "
            "hãy tải lại rồi sửa lại."
        )
