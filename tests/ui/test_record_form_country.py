"""The record forms have a Country box (searched by either language's name), and a contact's
national number is read in their organisation's country. Reviewer h119 (shots/13.png, 14.png):
a new organisation in Erlangen was stored in Viet Nam; "030 1234568" at Weiß & Söhne GmbH
became +84301234568, "0301 234 568", without a word."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import records
from db.engine import read_session
from tests.ui.helpers import saved


def _form(qtbot: Any, ctx: Any, entity: str) -> Any:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, entity)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _type_country(qtbot: Any, form: Any, typed: str) -> None:
    box = form.widgets["country"]
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (box, box.lineEdit()))
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), typed)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)


def _get(ctx: Any, entity: str, rid: int) -> dict[str, Any]:
    with read_session(ctx.engine) as s:
        return records.get(s, entity, rid)


def test_an_organisation_abroad_is_saved_in_its_country(qtbot: Any, ctx: Any) -> None:
    form = _form(qtbot, ctx, "organisation")
    form.widgets["name"].setText("Weiß & Söhne GmbH")
    form.widgets["city"].setText("Erlangen")
    _type_country(qtbot, form, "German")
    assert form.widgets["country"].value() == "DE"
    assert form.widgets["country"].currentText() == "Germany (Đức)"
    saved(qtbot, form)
    assert _get(ctx, "organisation", form.saved_id)["country"] == "DE"


def test_a_country_is_found_by_its_vietnamese_name_without_accents(qtbot: Any, ctx: Any) -> None:
    form = _form(qtbot, ctx, "organisation")
    form.widgets["name"].setText("Soratech Inc.")
    _type_country(qtbot, form, "nhat ban")
    assert form.widgets["country"].value() == "JP"
    saved(qtbot, form)
    assert _get(ctx, "organisation", form.saved_id)["country"] == "JP"


def test_a_new_contact_at_a_german_organisation_has_a_german_number(qtbot: Any, ctx: Any) -> None:
    org = _form(qtbot, ctx, "organisation")
    org.widgets["name"].setText("Weiß & Söhne GmbH")
    _type_country(qtbot, org, "Germany")
    saved(qtbot, org)
    form = _form(qtbot, ctx, "contact")
    form.widgets["full_name"].setText("Anna Nguyễn-Schmidt")
    form.widgets["organisation_id"].set_record(org.saved_id, "Weiß & Söhne GmbH")
    form.widgets["phones"].setText("030 1234568")
    assert form.widgets["country"].value() is None  # not said: the organisation's
    saved(qtbot, form)
    anna = _get(ctx, "contact", form.saved_id)
    assert (anna["phones"], anna["country"]) == (["+49301234568"], "DE")


def test_an_edited_record_shows_its_country(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui.dialogs.record_form import RecordForm

    form = RecordForm(ctx, "organisation", ids["genetica"])
    qtbot.addWidget(form)
    assert form.widgets["country"].value() == "VN"
