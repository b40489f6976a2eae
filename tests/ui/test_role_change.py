"""An open window follows a role an administrator changes (``ketnoi admin set-role``, ``admin
add-user LOGIN --role …`` again, or ``admin disable-user``): on a real team database, the live
listener asks the login's role (at each ping, and before a change of a staff record), and the
write commands, the dialogs' write buttons, the "Read only" label, Settings' "Signed in as" and
one sentence in the status bar follow it — without a restart. A write refused on a role gone
stale is one sentence in the person's language. SQLite has no roles: nothing is asked there.
Uses the server set-up of tests/db/test_team.py (real login roles)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]

PASSWORD = "correct horse battery staple\n"


def set_role(t: Team, who: str, role: str) -> None:
    """What an administrator does to change a colleague's role: add-user again, another role."""
    login = t.prefix + who
    argv = ("admin", "add-user", login, "--role", role, "--name", f"Người thử {who}", "--password-stdin")
    code, _out, err = t.cli("owner", *argv, stdin=PASSWORD)
    assert code == 0, err


def set_role_only(t: Team, who: str, role: str) -> None:
    """``ketnoi admin set-role``: the role alone (the password stays)."""
    code, _out, err = t.cli("owner", "admin", "set-role", t.prefix + who, "--role", role)
    assert code == 0, err


def disable(t: Team, who: str) -> None:
    code, _out, err = t.cli("owner", "admin", "disable-user", t.prefix + who)
    assert code == 0, err


def _url(t: Team, who: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(t.urls["owner"]).set(username=t.prefix + who).render_as_string(False)


@pytest.fixture(scope="module")
def viettel(ready: Team) -> Team:  # noqa: F811
    code, _out, err = ready.cli("lan", "org", "add", "--name", "Tập đoàn Viettel", "--acronym", "VTL")
    assert code == 0, err
    return ready


def _window(qtbot: Any, t: Team, who: str, settings: Any, *, ping_s: float | None) -> Iterator[Any]:
    from db.migrate import open_database
    from ui.context import AppContext
    from ui.main_window import MainWindow

    engine = open_database(_url(t, who))
    ctx = AppContext(engine, settings)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not ctx.tasks.busy(), timeout=10_000)
    if ping_s is not None:  # as ui/main.py does, with a quicker ping
        w.live.start(w.live_label, ping_s=ping_s)
        qtbot.waitUntil(lambda: w.live_label.state == "connected", timeout=10_000)
    try:
        yield w
    finally:
        w.live.stop()
        ctx.tasks.cancel_all()
        ctx.tasks.wait()
        engine.dispose()


def _actions(window: Any) -> dict[str, QAction]:
    return {a.objectName(): a for a in window.findChildren(QAction) if a.objectName()}


def _select_viettel(qtbot: Any, window: Any) -> None:
    from ui.main_window import VIEWS

    window.nav.setCurrentRow(VIEWS.index("organisation"))
    view = window.views["organisation"]
    qtbot.waitUntil(lambda: view.list.total >= 1, timeout=10_000)
    view.list.select_first()
    qtbot.waitUntil(lambda: bool(view.detail.record_id), timeout=10_000)


@pytest.fixture
def promoted(qtbot: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    """A window opened by the reader ``thu``, listening with a ping every 0.3 s."""
    set_role(viettel, "thu", "reader")
    yield from _window(qtbot, viettel, "thu", settings, ping_s=0.3)
    set_role(viettel, "thu", "reader")


def test_a_readers_window_gets_write_commands_after_set_role_officer_and_back(
    qtbot: Any, viettel: Team, promoted: Any
) -> None:
    from ui.dialogs.settings import SettingsDialog
    from ui.team import WRITE_ACTIONS, read_only_tip, wrapped
    from ui.trash import TrashDialog

    w, ctx = promoted, promoted.ctx
    assert ctx.identity.role == "reader"
    _select_viettel(qtbot, w)
    acts = _actions(w)
    assert not any(acts[n].isEnabled() for n in WRITE_ACTIONS)
    label = w.findChild(QLabel, "read_only_status")
    assert label is not None and label.isVisible()
    settings_dialog = SettingsDialog(ctx, w)  # open (not modal here) while the role changes
    qtbot.addWidget(settings_dialog)
    signed_in = settings_dialog.findChild(QLabel, "settings_signed_in")
    assert "reader" in signed_in.text()
    trash = TrashDialog(ctx, w)  # a dialog open while the role changes: its write buttons follow
    qtbot.addWidget(trash)
    assert not trash.restore_button.isEnabled() and not trash.empty_button.isEnabled()
    messages: list[str] = []
    ctx.status_message.connect(messages.append)

    set_role_only(viettel, "thu", "officer")  # nothing else: the listener hears it and asks
    qtbot.waitUntil(acts["act_new"].isEnabled, timeout=10_000)
    assert ctx.identity.role == "officer" and ctx.identity.login == viettel.prefix + "thu"
    for name in ("act_new", "act_log_meeting", "act_edit", "act_delete", "act_import", "act_reorganisation"):
        assert acts[name].isEnabled(), name  # Edit, Delete: a record is selected
        assert acts[name].toolTip() != wrapped(read_only_tip()), name  # its own tooltip back
    assert acts["act_new"].toolTip() == "New (Ctrl+N)"
    assert not label.isVisible()
    assert w.map_view.canvas.editable
    assert messages == ["Your role is now officer: you can edit."]
    assert "officer" in signed_in.text() and "reader" not in signed_in.text()
    assert w.statusBar().currentMessage() == messages[-1]
    assert trash.restore_button.toolTip() != wrapped(read_only_tip())  # its own tooltip back
    # ... and as its own code last wanted it: Restore needs a selected row (none is)
    assert not trash.restore_button.isEnabled()
    trash.restore_button.setEnabled(True)  # what its selection handler does: now it may
    assert trash.restore_button.isEnabled()

    set_role_only(viettel, "thu", "reader")
    qtbot.waitUntil(lambda: not acts["act_new"].isEnabled(), timeout=10_000)
    assert not any(acts[n].isEnabled() for n in WRITE_ACTIONS)
    assert acts["act_edit"].toolTip() == wrapped(read_only_tip())
    assert label.isVisible() and label.text() == "Read only"
    assert not w.map_view.canvas.editable
    assert messages[1:] == ["Your role is now reader: editing is off."]
    assert "reader" in signed_in.text()
    assert not trash.restore_button.isEnabled() and not trash.empty_button.isEnabled()
    assert trash.empty_button.toolTip() == wrapped(read_only_tip())
    w._update_enabled()  # what a selection change does: held off all the same
    assert not acts["act_edit"].isEnabled()
    qtbot.wait(1000)  # more pings, the same role: said once
    assert len(messages) == 2


@pytest.fixture
def demoted_officer(qtbot: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    """A window opened by the officer ``vy``, not listening (its role is only asked again when
    the database refuses a write)."""
    set_role(viettel, "vy", "officer")
    yield from _window(qtbot, viettel, "vy", settings, ping_s=None)
    set_role(viettel, "vy", "officer")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_write_refused_on_a_stale_role_is_one_sentence_and_the_window_follows(
    qtbot: Any, qapp: Any, viettel: Team, demoted_officer: Any, language: str
) -> None:
    from ui import i18n
    from ui.dialogs.record_form import RecordForm

    w, ctx = demoted_officer, demoted_officer.ctx
    acts = _actions(w)
    assert ctx.identity.role == "officer" and acts["act_new"].isEnabled()
    set_role(viettel, "vy", "reader")  # the window does not know yet
    assert i18n.install(qapp, language) == language
    try:
        messages: list[str] = []
        ctx.status_message.connect(messages.append)
        form = RecordForm(ctx, "organisation", parent=w)
        qtbot.addWidget(form)
        form.show()
        form.widgets["name"].setText("Tổng công ty Mobifone")
        form.save()
        qtbot.waitUntil(form.general_error.isVisible, timeout=10_000)
        said = form.general_error.text()
        login = viettel.prefix + "vy"
        expected = {
            "en": f"Not saved: your login {login} may not change anything in this database (your role "
            "may have just been changed). Ask a manager if you need to edit.",
            "vi": f"Chưa lưu: tài khoản {login} không được phép thay đổi gì trong cơ sở dữ liệu này "
            "(vai trò của bạn có thể vừa được thay đổi). Nếu cần sửa, hãy đề nghị lãnh đạo cấp quyền.",
        }[language]
        assert said.endswith(expected) and "\n" not in said
        assert "permission denied" not in said and "Traceback" not in said
        assert form.widgets["name"].text() == "Tổng công ty Mobifone"  # what was typed stays
        # the refusal made the window ask its role: the write commands are off now
        qtbot.waitUntil(lambda: not acts["act_new"].isEnabled(), timeout=10_000)
        assert ctx.identity.role == "reader"
        assert messages == [
            {
                "en": "Your role is now reader: editing is off.",
                "vi": "Vai trò của bạn giờ là người xem: không thể chỉnh sửa.",
            }[language]
        ]
        form.reject()
    finally:
        i18n.install(qapp, "en")


@pytest.fixture
def leaving(qtbot: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    set_role(viettel, "xuan", "officer")
    yield from _window(qtbot, viettel, "xuan", settings, ping_s=30.0)  # no ping in the test
    set_role(viettel, "xuan", "officer")


def test_a_login_disabled_while_the_window_is_open_says_so_and_comes_back(
    qtbot: Any, viettel: Team, leaving: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.team import WRITE_ACTIONS, wrapped

    w, ctx = leaving, leaving.ctx
    acts = _actions(w)
    login = viettel.prefix + "xuan"
    published: list[Any] = []
    ctx.changes.connect(published.append)
    disable(viettel, "xuan")  # its staff record's change is heard: the role is asked before it
    qtbot.waitUntil(lambda: not acts["act_new"].isEnabled(), timeout=10_000)
    said = (
        f"Your login {login} was disabled: this window can no longer read or save. Close Ketnoi; ask "
        "an administrator if you still need it."
    )
    assert ctx.identity.role == ""
    assert w.statusBar().currentMessage() == said
    assert w.status_line.text == said and not w.status_line._timer.isActive()  # it stays up
    assert not any(acts[n].isEnabled() for n in WRITE_ACTIONS)
    assert acts["act_new"].toolTip() == wrapped(said)
    label = w.findChild(QLabel, "read_only_status")
    assert label is not None and label.isVisible() and label.text() == "Login disabled"
    assert not w.live_label.isVisible()  # not "Live": colleagues' saves no longer appear
    # it reads nothing more: its pages and the commands that read are off; Settings and Quit stay
    assert not w.centralWidget().isEnabled()
    for name in ("act_refresh", "act_search", "act_export", "act_trash", "act_history"):
        assert not acts[name].isEnabled(), name
    assert acts["act_settings"].isEnabled() and acts["act_quit"].isEnabled()
    assert not w.notifier.timer.isActive()  # (the day's check of what is due)
    # a read refused all the same (a background one, say) is the same sentence, not the server's
    from sqlalchemy import text

    with pytest.raises(Exception, match="permission denied") as refused, ctx.read() as s:
        s.execute(text("SELECT count(*) FROM organisation")).scalar()
    boxes: list[str] = []
    monkeypatch.setattr("ui.commands.QMessageBox.warning", lambda _w, _t, message: boxes.append(message))
    w.commands.error(refused.value)
    assert boxes == []  # the disabled login's own box says it already (ui.team): not a second box
    w.findChild(QMessageBox, "login_disabled_box").close()  # OK: a refusal after that is boxed again
    w.commands.error(refused.value)
    assert boxes == [said]
    # neither the disabling nor a colleague's save is read again (every read would be refused)
    code, _out, err = viettel.cli("lan", "org", "add", "--name", "Tổng công ty Điện lực")
    assert code == 0, err
    qtbot.wait(1500)
    assert published == []

    set_role(viettel, "xuan", "officer")  # the administrator gives it back
    qtbot.waitUntil(acts["act_new"].isEnabled, timeout=10_000)
    assert w.statusBar().currentMessage() == "Your role is now officer: you can edit."
    assert not label.isVisible() and w.live_label.isVisible()
    assert (
        w.centralWidget().isEnabled() and acts["act_refresh"].isEnabled() and acts["act_search"].isEnabled()
    )
    assert w.notifier.timer.isActive()
    assert any(c.everything for c in published)  # what it missed meanwhile is read again


def test_sqlite_has_no_roles_and_asks_nothing(qtbot: Any, window: Any) -> None:
    from sqlalchemy import event

    from ui.team import _Hold

    ctx = window.ctx
    assert ctx.identity is None
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", seen)
    try:
        ctx.check_role()
        window.live.check_role_now()
        assert not ctx.tasks.busy()
        ctx.role_seen("reader")  # (what no listener says on SQLite): nothing follows
        qtbot.wait(50)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", seen)
    assert statements == []
    assert ctx.identity is None
    assert window.findChildren(_Hold) == [] and window.findChild(QLabel, "read_only_status") is None
    assert _actions(window)["act_new"].isEnabled()


@pytest.fixture
def reading(qtbot: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    """A window opened by the officer ``yen``, not listening."""
    set_role(viettel, "yen", "officer")
    yield from _window(qtbot, viettel, "yen", settings, ping_s=None)
    set_role(viettel, "yen", "officer")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_read_refused_while_the_login_has_a_role_is_not_said_as_disabled(
    qtbot: Any,
    qapp: Any,
    viettel: Team,
    reading: Any,
    language: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A read refused for a GRANT the role lacks (SQLSTATE 42501: a table the owner never granted)
    while the login still has its role: the box says it may not read this, not "was disabled"."""
    from sqlalchemy import create_engine, text

    from ui import i18n

    w, ctx = reading, reading.ctx
    table = viettel.prefix + "private_notes"
    owner = create_engine(viettel.urls["owner"], isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as c:
            c.exec_driver_sql(f'CREATE TABLE IF NOT EXISTS "{table}" (note text)')
            for kind in ("admin", "manager", "officer", "reader"):  # (admin init's default GRANTs)
                c.exec_driver_sql(f'REVOKE ALL ON "{table}" FROM "{viettel.prefix}{kind}"')
    finally:
        owner.dispose()
    with pytest.raises(Exception, match="permission denied") as refused, ctx.read() as s:
        s.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
    assert ctx.identity.role == "officer"
    login = viettel.prefix + "yen"
    boxes: list[str] = []
    monkeypatch.setattr("ui.commands.QMessageBox.warning", lambda _w, _t, message: boxes.append(message))
    assert i18n.install(qapp, language) == language
    try:
        w.commands.error(refused.value)
    finally:
        i18n.install(qapp, "en")
    expected = {
        "en": f"Not allowed: your login {login} may not read or change this in the database (your role "
        "may have just been changed). Ask a manager if you need it.",
        "vi": f"Không được phép: tài khoản {login} không được đọc hoặc thay đổi mục này trong cơ sở dữ "
        "liệu (vai trò của bạn có thể vừa được thay đổi). Nếu cần, hãy đề nghị lãnh đạo cấp quyền.",
    }[language]
    assert boxes == [expected]


@pytest.fixture
def zoe(qtbot: Any, viettel: Team, settings: Any) -> Iterator[Any]:
    """A window opened by the officer ``zoe``, not listening."""
    set_role(viettel, "zoe", "officer")
    yield from _window(qtbot, viettel, "zoe", settings, ping_s=None)
    set_role(viettel, "zoe", "officer")


def test_a_window_whose_login_is_disabled_on_a_server_speaking_german_says_disabled(
    qtbot: Any, viettel: Team, zoe: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server turns the disabled login away in its own language (lc_messages German here):
    a read the window tries is still said as "Your login … was disabled", and asking the role
    follows it — the server's words are not read."""
    from sqlalchemy import create_engine, text

    from tests.app.test_live_role import speak_german

    w, ctx = zoe, zoe.ctx
    login = viettel.prefix + "zoe"
    said: list[str] = []
    speak_german(ctx.engine, said)
    disable(viettel, "zoe")
    su = create_engine(os.environ["KETNOI_TEST_POSTGRES_URL"], isolation_level="AUTOCOMMIT")
    try:  # its sessions end (disable-user ends them where the server lets the administrator)
        with su.connect() as c:
            c.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"),
                {"n": login},
            )
    finally:
        su.dispose()
    with pytest.raises(Exception) as refused, ctx.read() as s:
        s.execute(text("SELECT count(*) FROM organisation")).scalar()
    assert said and "Einloggen" in said[-1] and "not permitted" not in str(refused.value)
    assert ctx.identity.role == "officer"  # not told yet
    boxes: list[str] = []
    monkeypatch.setattr("ui.commands.QMessageBox.warning", lambda _w, _t, message: boxes.append(message))
    w.commands.error(refused.value)
    assert boxes == [
        f"Your login {login} was disabled: this window can no longer read or save. Close Ketnoi; "
        "ask an administrator if you still need it."
    ]
    ctx.check_role()  # (what a refused write does)
    qtbot.waitUntil(lambda: ctx.identity.role == "", timeout=10_000)
    acts = _actions(w)
    assert not acts["act_new"].isEnabled() and not acts["act_refresh"].isEnabled()
