"""Switching the language in Settings speaks it at once: the whole window (menus, navigation,
filters, column titles, dashboard, the record's page) in the new language without a restart,
on the same record, at the same place and size. English → Vietnamese → English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6

from tests.ui.helpers import sized, wait_idle
from tests.ui.test_i18n import ENGLISH, _messages, _plain, _shown_texts

# Vietnamese words of the translation that are not also English (or data) words.
VIETNAMESE = {_plain(vi) for _c, src, vi, _t in _messages() if _plain(vi) and _plain(vi) != _plain(src)} - {
    "Email"
}


DATA = (
    "combo filter_tag",
    "combo filter_sector",
    "combo map_tag",
    "combo map_sector",
)  # the user's own tags and sectors ("priority")


@pytest.fixture
def back_to_english(qapp: Any) -> Iterator[None]:
    yield
    from ui import i18n

    i18n.install(qapp, "en")


def _found(qtbot: Any, ctx: Any, window: Any, words: set[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for row in range(window.nav.count()):  # every view, with a record selected
        window.nav.setCurrentRow(row)
        wait_idle(qtbot, ctx)
        window._fill_selection_menu()
        out += [
            (where, text)
            for where, text in _shown_texts(window)
            if _plain(text) in words and not where.startswith(DATA)
        ]
    return sorted(set(out))


def test_switching_language_retranslates_the_whole_window_at_once(
    qtbot: Any, ctx: Any, ids: dict[str, Any], back_to_english: None, monkeypatch: Any
) -> None:
    from ui.dialogs import settings as settings_dialog
    from ui.main_window import MainWindow

    window = MainWindow(ctx)  # not given to qtbot: the switch deletes it
    window.show()
    qtbot.waitExposed(window)
    sized(window, 1280, 720)
    window.move(40, 30)
    window.navigate("organisation", ids["nic"])
    wait_idle(qtbot, ctx)
    geometry = window.geometry()
    assert window.menuBar().actions()[0].text() == "&File"

    def choose_vietnamese(dialog: Any) -> int:  # Settings → Language → Tiếng Việt → OK
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        dialog.apply()
        return 1

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", choose_vietnamese)
    window.act_settings.trigger()
    wait_idle(qtbot, ctx)
    vi = next(w for w in qtbot_windows() if w is not window)  # deleted by the next switch
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=10_000)  # the old one is gone
    assert ctx.settings.language == "vi"
    assert vi.isVisible() and vi.geometry() == geometry
    assert vi.current_entity() == "organisation" and vi.views["organisation"].detail.record_id == ids["nic"]
    assert vi.views["organisation"].list.current_id() == ids["nic"]
    assert [a.text() for a in vi.menuBar().actions()][:3] == ["&Tệp", "&Sửa", "&Xem"]
    ctx.status_message.emit("Xin chào")  # announcements reach the new window, none the old one
    assert vi.statusBar().currentMessage() == "Xin chào"
    assert _found(qtbot, ctx, vi, ENGLISH) == []

    vi.navigate("contact", ids["nhung"])
    wait_idle(qtbot, ctx)
    en = vi.change_language("en")
    qtbot.addWidget(en)
    wait_idle(qtbot, ctx)
    assert en.geometry() == geometry and en.current_entity() == "contact"
    assert en.views["contact"].detail.record_id == ids["nhung"]
    assert en.menuBar().actions()[0].text() == "&File"
    assert _found(qtbot, ctx, en, VIETNAMESE) == []
    ctx.tasks.wait()


def qtbot_windows() -> list[Any]:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_language_switch_keeps_what_was_typed_and_chosen_above_each_list(
    qtbot: Any, ctx: Any, ids: dict[str, Any], back_to_english: None
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)  # not given to qtbot: the switch deletes it
    window.show()
    qtbot.waitExposed(window)
    contacts = window.views["contact"].list
    window.navigate("contact", ids["nhung"])
    wait_idle(qtbot, ctx)
    contacts.search.setText("nguyen thi")  # typed: no accents
    contacts.apply_filters()
    contacts.set_organisation(ids["nic"], "NIC")
    actions = window.views["action"].list
    actions.set_preset("we_owe")
    wait_idle(qtbot, ctx)
    window.navigate("contact", ids["nhung"])  # the contacts view, the filtered list, Nhung selected
    wait_idle(qtbot, ctx)
    shown = contacts.model.loaded_ids()
    assert ids["nhung"] in shown and ids["hung"] not in shown

    vi = window.change_language("vi")
    qtbot.addWidget(vi)
    wait_idle(qtbot, ctx)
    again = vi.views["contact"].list
    assert again.search.text() == "nguyen thi"
    assert again.organisation is not None and again.organisation.text() == "NIC"
    assert again.organisation_filter() == ids["nic"]
    assert again.model.loaded_ids() == shown  # the same rows, filtered the same way
    assert vi.views["action"].list._value("preset") == "we_owe"
    assert vi.current_entity() == "contact" and again.current_id() == ids["nhung"]
    vi.change_language("en").close()
    ctx.tasks.wait()
