"""A window whose login an administrator disables says the whole sentence, what to do included,
in a box over the window at 1280×720 (English) and 1366×768 (Vietnamese) — reviewer h130: the
status bar, which its permanent labels share, read "… Close Ketnoi; ask an a…". Not modal: what
is on screen stays to look at; the box goes when the login is given a role again. A real team
database (tests/db/test_team.py's set-up, tests/ui/test_role_change.py's window)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.test_role_change import _window, disable, set_role, viettel  # noqa: F401

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]

SAID = {
    "en": "Your login {login} was disabled: this window can no longer read or save. Close Ketnoi; ask "
    "an administrator if you still need it.",
    "vi": "Tài khoản {login} đã bị vô hiệu hóa: cửa sổ này không thể đọc hay lưu gì nữa. Hãy đóng Ketnoi; "
    "nếu vẫn cần dùng, hãy đề nghị quản trị viên.",
}
TITLE = {"en": "Login disabled", "vi": "Tài khoản bị vô hiệu hóa"}
SIZE = {"en": (1280, 720), "vi": (1366, 768)}


@pytest.fixture(params=["en", "vi"])
def lang(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    from ui import i18n

    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def disabled_window(qtbot: Any, viettel: Team, settings: Any, lang: str) -> Iterator[Any]:  # noqa: F811
    who = "yen" if lang == "en" else "yenvi"
    set_role(viettel, who, "officer")
    for w in _window(qtbot, viettel, who, settings, ping_s=30.0):
        w.resize(*SIZE[lang])
        yield w
    set_role(viettel, who, "officer")


def test_a_disabled_login_is_told_the_whole_sentence_in_a_box(
    qtbot: Any,
    viettel: Team,  # noqa: F811
    disabled_window: Any,
    lang: str,
) -> None:
    w = disabled_window
    who = "yen" if lang == "en" else "yenvi"
    login = viettel.prefix + who
    disable(viettel, who)
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "login_disabled_box") is not None, timeout=10_000)
    box = w.findChild(QMessageBox, "login_disabled_box")
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    said = SAID[lang].format(login=login)
    assert box.text() == said and box.windowTitle() == TITLE[lang]
    assert w.statusBar().currentMessage() == said  # the status bar says it too, as before
    assert box.windowModality() == Qt.WindowModality.NonModal
    # whole: the label wraps inside the box, which fits the window
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None and label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())
    assert box.width() <= w.width() and box.height() <= w.height()
    assert box.findChild(QLabel, "qt_msgbox_label").text() == said
    set_role(viettel, who, "officer")  # the administrator gives it back: the box goes
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "login_disabled_box") is None, timeout=10_000)
