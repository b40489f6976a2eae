"""Confidential records in the window: the checkbox in the record form and the Log meeting
dialog, the lock in the lists, the bar above a record's page, sharing with a named colleague;
and Settings on a team database, where who you are is the login, not a choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel
from sqlalchemy import text

from app import lists, records, team, undo
from db.engine import read_session
from tests.ui.helpers import show_page


def test_the_record_form_marks_an_organisation_confidential_and_the_list_shows_a_lock(
    qtbot, ctx, ids, engine
):
    from ui.dialogs.record_form import RecordForm
    from ui.icons import icon
    from ui.lists.model import ID_ROLE, RecordListModel

    form = RecordForm(ctx, "organisation", ids["nic"])
    qtbot.addWidget(form)
    form.show()
    box = form.widgets["confidential"]
    assert isinstance(box, QCheckBox) and not box.isChecked()
    box.setChecked(True)
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    ctx.tasks.wait()
    with read_session(engine) as s:
        assert records.get(s, "organisation", ids["nic"])["confidential"] is True

    model = RecordListModel(ctx, lists.default_query("organisation"))
    lock = icon("lock").cacheKey()
    locked = set()
    for row in range(model.rowCount()):
        deco = model.index(row, 0).data(Qt.ItemDataRole.DecorationRole)
        if deco is not None and deco.cacheKey() == lock:
            locked.add(model.index(row, 0).data(ID_ROLE))
    assert locked == {ids["nic"]}


def test_log_meeting_saves_a_confidential_meeting_and_its_follow_ups(qtbot, ctx, ids, engine):
    from ui.dialogs.log_meeting import LogMeetingDialog

    dialog = LogMeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Làm việc với Phó Thủ tướng")
    dialog.confidential.setChecked(True)
    dialog.followups.what.setText("Gửi thư giới thiệu")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with read_session(engine) as s:
        mid = s.execute(text("SELECT id FROM meeting WHERE title = 'Làm việc với Phó Thủ tướng'")).scalar()
        assert records.get(s, "meeting", mid)["confidential"] is True
        follow = s.execute(text("SELECT confidential FROM action WHERE meeting_id = :m"), {"m": mid}).all()
    assert follow and all(bool(c) for (c,) in follow)
    again = LogMeetingDialog(ctx, mid)  # opening it again shows the mark
    qtbot.addWidget(again)
    assert again.confidential.isChecked()


def test_the_page_of_a_confidential_record_says_so_and_its_owner_shares_it(
    qtbot, ctx, ids, engine, monkeypatch
):
    from ui.details.pane import DetailPane
    from ui.team import ConfidentialBar, ShareDialog

    with read_session(engine) as s:
        version = records.get(s, "meeting", ids["past_meeting"])["version"]
    from db.engine import unit_of_work

    with unit_of_work(engine) as s:
        records.update(s, "meeting", ids["past_meeting"], {"confidential": True}, expected_version=version)
    pane = DetailPane(ctx)
    qtbot.addWidget(pane)
    pane.show()
    show_page(qtbot, pane, "meeting", ids["past_meeting"])  # read off the UI thread
    bar = pane.findChild(ConfidentialBar)
    assert bar.isVisible() and "Confidential" in bar.text.text()
    assert not bar.share.isVisible()  # SQLite: one person, nobody to share with
    show_page(qtbot, pane, "organisation", ids["nic"])
    assert not bar.isVisible()

    dialog = ShareDialog(ctx, "meeting", ids["past_meeting"])
    qtbot.addWidget(dialog)
    names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert "Lê Văn Bình" in names and "Trần Minh Anh" not in names  # not oneself
    item = dialog.people.item(names.index("Lê Văn Bình"))
    item.setCheckState(Qt.CheckState.Checked)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)
    with read_session(engine) as s:
        assert team.shares_of(s, "meeting", ids["past_meeting"]) == [(ids["colleague"], "Lê Văn Bình")]
    assert ctx.undo_offer is not None  # Edit → Undo takes the share back, as one step
    with unit_of_work(engine) as s:
        undo.undo_group(s, ctx.undo_offer[1])
        assert team.shares_of(s, "meeting", ids["past_meeting"]) == []
        undo.undo_group(s, undo.undo_id(ctx.undo_offer[1]))  # redo
    show_page(qtbot, pane, "meeting", ids["past_meeting"])
    assert "Lê Văn Bình" in bar.text.text()


def test_settings_on_sqlite_still_asks_who_you_are(qtbot, ctx):
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QComboBox, "settings_staff").isVisibleTo(dialog)
    assert dialog.findChild(QLabel, "settings_signed_in") is None


def test_on_a_team_database_you_are_your_login_not_a_choice(qtbot, ctx, ids, monkeypatch):
    """The identity comes from the server (app.team.identity, tested against a real login in
    tests/db/test_team.py); the window shows it read-only and writes history with it."""
    from ui.dialogs.settings import SettingsDialog

    who = team.Identity("lan", ids["colleague"], "Lê Văn Bình", "officer")
    monkeypatch.setattr(team, "identity", lambda _engine: who)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    shown = dialog.findChild(QLabel, "settings_signed_in")
    assert shown is not None and "Lê Văn Bình" in shown.text() and "lan" in shown.text()
    assert not dialog.findChild(QComboBox, "settings_staff").isVisibleTo(dialog)
    before = ctx.settings.staff_id
    dialog.apply()
    assert ctx.settings.staff_id == before  # the laptop's choice is left alone
    assert ctx.actor() == "Lê Văn Bình" and ctx.staff_id == ids["colleague"]


def test_the_share_dialog_says_only_the_owner_or_a_manager_shares_in_the_users_language(
    qtbot, qapp, ctx, ids, monkeypatch
):
    """Reviewer's defect: a colleague given a confidential meeting who tried to share it read
    the database's "would leave a confidential record that … may not see". The refusal itself
    (app.team.ShareRefused) is tested against real logins in tests/db/test_team.py."""
    from ui import i18n
    from ui.team import ShareDialog

    def refuse(_s, kind, record_id, *_a, **_k):
        raise team.ShareRefused(kind, record_id, "Trần Thị Lan")

    monkeypatch.setattr(team, "share", refuse)
    try:
        for lang, said in (
            ("vi", "chỉ cán bộ phụ trách (Trần Thị Lan) hoặc lãnh đạo mới chia sẻ được"),
            ("en", "only its owner (Trần Thị Lan) or a manager can share it"),
        ):
            assert i18n.install(qapp, lang) == lang
            dialog = ShareDialog(ctx, "meeting", ids["past_meeting"])
            qtbot.addWidget(dialog)
            dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
            dialog.save()
            error = dialog.findChild(QLabel, "share_error")
            qtbot.waitUntil(lambda e=error, d=dialog: e.isVisibleTo(d), timeout=10_000)
            assert said in error.text() and "may not see" not in error.text()
    finally:
        i18n.install(qapp, "en")
