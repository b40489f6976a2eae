"""Every field a record's history can name has a label in the user's language (reviewer: an
action's history showed "Completed on" in English in the Vietnamese window: the fallback of
ui.labels.field_label)."""

from __future__ import annotations

from app import records
from app.entities import DERIVED
from ui import i18n
from ui.labels import field_label

_BASE = {"id", "created_at", "updated_at", "version", "deleted_at", "import_batch_id"}
# relations and the fields written outside the models' columns (app.team, app.attachments)
_MORE = {"emails", "phones", "tags", "sectors", "attendees", "organisation_ids", "staff_ids", "attachments"}
_MORE |= {"shared_with", "login"}


def _history_fields() -> set[str]:
    out = set(_MORE)
    for entity in records.PREPARE:
        out |= {c.name for c in records._model(entity).__table__.columns}  # type: ignore[attr-defined]
    return out - _BASE - DERIVED


def test_every_field_in_a_history_has_a_vietnamese_label(qapp) -> None:
    fields = _history_fields()
    assert {"completed_on", "ends_at", "confidential", "letter_date"} <= fields
    english = {f: field_label(f) for f in fields}
    try:
        assert i18n.install(qapp, "vi") == "vi"
        # the fallback (the field's own name) and an English word left as it was both fail;
        # Vietnamese says "Email" too
        same = {f for f in fields if field_label(f) == english[f]} - {"email"}
        assert same == set(), "not translated: " + ", ".join(sorted(same))
        assert field_label("completed_on") == "Ngày hoàn thành"
    finally:
        i18n.install(qapp, "en")


def test_the_import_preview_says_the_sheet_says_otherwise_not_another_sheet(qapp) -> None:
    """ "(the sheet differs)" was "(trang tính khác)", read as "(another sheet)"."""
    from ui.import_wizard.messages import templates

    try:
        assert i18n.install(qapp, "vi") == "vi"
        said = templates()["fill_keeps"]
        assert "(trang tính ghi khác)" in said and "(trang tính khác)" not in said
    finally:
        i18n.install(qapp, "en")
