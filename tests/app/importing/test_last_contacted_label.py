"""One label for one field (reviewer): the import's field for "Ngày gặp gần nhất" was offered as
"Lần liên hệ cuối" on the mapping page (ui.import_wizard.mapping_page shows the Vietnamese of its
header), where the contact page, the forms and ``ketnoi import``'s change lines say "Liên hệ gần
nhất" (app.value_labels). A template written with the old header still maps to it."""

from __future__ import annotations

from app import value_labels
from app.importing import fields as fs
from app.importing.sheet import suggest_mapping


def test_the_import_names_last_contacted_as_the_contact_page_does() -> None:
    vi, _, en = fs.spec("contact", "last_contacted_on").header.partition(" / ")
    assert vi == value_labels.field_name("last_contacted_on", "vi") == "Liên hệ gần nhất"
    assert en == value_labels.field_name("last_contacted_on", "en") == "Last contacted"


def test_a_sheet_with_the_old_or_new_header_maps_to_it() -> None:
    for header in (
        "Lần liên hệ cuối / Last contacted",
        "Liên hệ gần nhất / Last contacted",
        "Ngày gặp gần nhất",
    ):
        assert suggest_mapping("contact", ["Họ và tên", header]) == {
            0: "full_name",
            1: "last_contacted_on",
        }, header
