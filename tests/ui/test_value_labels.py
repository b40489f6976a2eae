"""The export's words for the codes (app.value_labels, no Qt) are the window's words
(ui.labels and its Vietnamese translation), in both languages: what a manager reads in the
workbook is what the officer saw on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from app import value_labels
from ui import i18n, labels

WINDOW: dict[tuple[str, str], Callable[[Any], str]] = {
    ("organisation", "kind"): labels.organisation_kind,
    ("meeting", "kind"): labels.meeting_kind,
    ("action", "kind"): labels.action_kind,
    ("action", "direction"): labels.direction,
    ("action", "status"): labels.status,
    ("action", "priority"): labels.priority,
    ("staff", "active"): lambda flag: labels.field_value(None, "staff", "active", flag),  # type: ignore[arg-type]
    ("staff", "role"): lambda role: labels.field_value(None, "staff", "role", role),  # type: ignore[arg-type]
    ("meeting", "role"): labels.role,
    ("letter", "status"): labels.letter_status,  # a letter's history (ketnoi letter show)
    ("letter", "direction"): labels.letter_direction,
    ("letter", "template"): labels.letter_template,
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_word_is_the_windows_word(qapp: Any, lang: str) -> None:
    assert set(WINDOW) == set(value_labels.TABLES)
    assert i18n.install(qapp, lang) == lang
    try:
        for key, table in value_labels.TABLES.items():
            for code in table:
                shown = WINDOW[key](code)
                assert value_labels.label(*key, code, lang) == shown, (key, code, shown)
        assert QCoreApplication.translate("Labels", "We owe") == (
            "Bên ta cần làm" if lang == "vi" else "We owe"
        )
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_field_is_named_as_the_windows_form_names_it(qapp: Any, lang: str) -> None:
    """``ketnoi KIND show`` names a field by app.value_labels.FIELDS: the form's own label."""
    assert i18n.install(qapp, lang) == lang
    try:
        for field in value_labels.FIELDS:
            assert value_labels.field_name(field, lang) == labels.field_label(field), field
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_history_window_words_every_coded_value_as_the_rest_of_the_window(qapp: Any, lang: str) -> None:
    """A record's History (ui.labels.field_value) says a letter's status "Signed" ("Đã ký"), not
    the stored "signed", as `ketnoi letter show` and the register do: every coded field of every
    kind (an attendee's role is no field of a record)."""
    assert i18n.install(qapp, lang) == lang
    try:
        for (entity, field), table in value_labels.TABLES.items():
            if (entity, field) == ("meeting", "role"):
                continue
            for code in table:
                shown = labels.field_value(None, entity, field, code)  # type: ignore[arg-type]
                assert shown == value_labels.label(entity, field, code, lang), (entity, field, code)
    finally:
        i18n.install(qapp, "en")
