"""A Vietnamese window says what is wrong with a field in Vietnamese (reviewer, LANG=vi_VN: the
New action form said '⚠ "31/02/2026" is not a date (expected day/month/year, …)', the New
contact form 'is not a valid email address (An email address must have an @-sign.)')."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ui.dialogs.record_form import RecordForm


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    from ui import i18n

    assert i18n.install(qapp, "vi") == "vi"
    yield
    i18n.install(qapp, "en")


def _refused(qtbot: Any, form: RecordForm, *fields: str) -> dict[str, str]:
    form.save()
    qtbot.waitUntil(lambda: all(form.errors[f].isVisible() for f in fields), timeout=10_000)
    qtbot.waitUntil(form.buttons.isEnabled, timeout=10_000)
    return {f: form.errors[f].text() for f in fields}


def test_the_new_action_form_says_a_date_that_does_not_exist_in_vietnamese(
    qtbot: Any, ctx: Any, vietnamese: None
) -> None:
    form = RecordForm(ctx, "action")
    qtbot.addWidget(form)
    form.show()
    form.widgets["title"].setText("Gửi thư mời Genetica")
    form.widgets["due_date"].setText("31/02/2026")
    assert _refused(qtbot, form, "due_date") == {
        "due_date": "⚠ “31/02/2026” không phải ngày (hãy ghi ngày/tháng/năm, ví dụ 05/04/2025)"
    }
    assert form.isVisible() and form.widgets["due_date"].text() == "31/02/2026"


def test_the_new_contact_form_says_a_bad_email_and_phone_in_vietnamese(
    qtbot: Any, ctx: Any, vietnamese: None
) -> None:
    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    form.show()
    form.widgets["full_name"].setText("Nguyễn Văn An")
    form.widgets["emails"].setText("khong-co-email")
    form.widgets["phones"].setText("12345")
    assert _refused(qtbot, form, "emails", "phones") == {
        "emails": "⚠ “khong-co-email” không phải địa chỉ email hợp lệ (thiếu dấu @)",
        "phones": "⚠ “12345” không phải số điện thoại hợp lệ",
    }


def test_an_english_window_says_them_in_english(qtbot: Any, ctx: Any) -> None:
    form = RecordForm(ctx, "contact")
    qtbot.addWidget(form)
    form.show()
    form.widgets["full_name"].setText("Nguyen Van An")
    form.widgets["emails"].setText("khong-co-email")
    assert _refused(qtbot, form, "emails") == {
        "emails": '⚠ "khong-co-email" is not a valid email address (it has no @)'
    }
