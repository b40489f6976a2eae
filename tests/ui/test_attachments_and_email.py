"""Files and e-mails dropped on a record's page (QMimeData with file URLs, as a file manager
sends them), the Add/Open/Remove list, and File → Log e-mail's drop on the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from sqlalchemy import func, select

from app import attachments, emails
from db.engine import read_session
from db.tables import MEET
from tests.app.mail.files import eml_bytes, pdf_bytes
from tests.ui.helpers import wait_idle
from ui.mail import WindowDrops


def _drop(widget: Any, paths: list[Path]) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        widget.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(widget.rect().center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(drop)
    return drop.isAccepted()


def _open_contact(window: Any, qtbot: Any, ctx: Any, contact_id: int) -> Any:
    window.navigate("contact", contact_id)
    wait_idle(qtbot, ctx)
    pane = window.views["contact"].detail
    assert pane.record_id == contact_id
    return pane


def test_files_dropped_on_a_contact_are_attached_listed_opened_and_removed(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    box = pane.attachments
    assert box.isVisible() and box.list.count() == 0 and box.title.text() == "Files (0)"
    pdf = tmp_path / "Biên bản ghi nhớ.pdf"
    pdf.write_bytes(pdf_bytes("memorandum"))
    assert _drop(pane, [pdf])
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=10_000)
    wait_idle(qtbot, ctx)  # the page read again after the change, its files with it
    assert box.list.item(0).text().startswith("Biên bản ghi nhớ.pdf — ")
    assert ctx.undo_offer is not None and "Biên bản ghi nhớ.pdf" in ctx.undo_offer[0]

    opened: list[str] = []
    monkeypatch.setattr(
        "ui.details.attachments.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    box.list.item(0).setSelected(True)
    box.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert Path(opened[0]).read_bytes() == pdf.read_bytes() and Path(opened[0]).name == pdf.name

    box.remove_button.click()
    qtbot.waitUntil(lambda: box.list.count() == 0, timeout=10_000)
    window.commands.undo()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=10_000)


def test_a_file_over_the_limit_is_refused_with_its_name(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    shown: list[str] = []
    monkeypatch.setattr("ui.details.attachments.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    big = tmp_path / "video.mp4"
    with big.open("wb") as f:
        f.truncate(attachments.MAX_BYTES + 5 * 1024 * 1024)
    assert _drop(pane, [big])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ['"video.mp4" is 30.0 MB; files up to 25.0 MB can be attached']
    assert pane.attachments.list.count() == 0


def test_an_eml_dropped_on_a_contact_is_logged_on_its_timeline_once(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    asked: list[list[str]] = []

    def tick_all(_parent: Any, _subject: str, unknown: list[emails.Address]) -> list[str]:
        asked.append([a.email for a in unknown])
        return [a.email for a in unknown if a.email == "lan@genetica.asia"]

    monkeypatch.setattr("ui.mail.ask_new_contacts", tick_all)
    infos: list[str] = []
    monkeypatch.setattr("ui.mail.QMessageBox.information", lambda _p, _t, text: infos.append(text))
    eml = tmp_path / "Re Genetica.eml"
    eml.write_bytes(
        eml_bytes(
            subject="Lịch làm việc với Genetica",
            sender="Phạm Quốc Hùng <hung@genetica.asia>",
            to="Trần Thị Lan <lan@genetica.asia>",
            attachments=(("agenda.pdf", pdf_bytes("agenda"), "application/pdf"),),
        )
    )
    assert _drop(pane, [eml])
    qtbot.waitUntil(lambda: "Lịch làm việc với Genetica" in pane.browser.toPlainText(), timeout=10_000)
    assert asked == [["lan@genetica.asia"]]
    text = pane.browser.toPlainText()
    assert "✉ Lịch làm việc với Genetica" in text and "Files: agenda.pdf" in text
    # Dropped again, on the window this time: recognised, not logged twice.
    wait_idle(qtbot, ctx)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(eml))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    drops = window.findChild(WindowDrops)  # what Qt calls for a drop on the window (offscreen has no drag)
    assert drops.eventFilter(window, drop) and drop.isAccepted()
    qtbot.waitUntil(lambda: bool(infos), timeout=10_000)
    assert infos[0] == "Already logged: “Lịch làm việc với Genetica”"
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert s.execute(select(func.count()).select_from(MEET).where(MEET.c.kind == "email")).scalar() == 1
        lan = emails.contacts_by_address(s, ["lan@genetica.asia"])
        assert lan and lan["lan@genetica.asia"][1] == "Trần Thị Lan"


def test_a_broken_msg_dropped_says_so(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    shown: list[str] = []
    monkeypatch.setattr("ui.mail.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "broken.msg"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    assert _drop(pane, [bad])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith('"broken.msg" cannot be read as an Outlook message')


def test_a_damaged_msg_dropped_on_a_vietnamese_window_says_so_in_vietnamese(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window showed the English refusal whatever its language."""
    from PySide6.QtCore import QLocale

    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    shown: list[str] = []
    monkeypatch.setattr("ui.mail.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "hỏng.msg"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese))
    try:
        assert _drop(pane, [bad])
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    finally:
        QLocale.setDefault(before)
    assert shown[0].startswith('Không đọc được "hỏng.msg" như một thư Outlook (')


def test_when_no_viewer_opens_a_file_the_message_says_where_it_is(
    window: Any, qtbot: Any, ctx: Any, ids: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    pane = _open_contact(window, qtbot, ctx, ids["hung"])
    box = pane.attachments
    f = tmp_path / "notes.xyz"
    f.write_bytes(b"no program knows this")
    box.attach([f])
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=10_000)
    urls: list[str] = []
    monkeypatch.setattr(
        "ui.details.attachments.QDesktopServices.openUrl",
        lambda url: urls.append(url.toLocalFile()) and False,
    )
    box.list.item(0).setSelected(True)
    with qtbot.waitSignal(box.open_failed, timeout=10_000) as failed:
        box.open_button.click()
    where = Path(failed.args[0])
    assert where.read_bytes() == f.read_bytes()
    (message,) = [m for m in box.findChildren(QMessageBox) if m.isVisible()]
    assert str(where.parent) in message.text() and "notes.xyz" in message.text()
    show = next(b for b in message.buttons() if b.text() == "Show in folder")
    show.click()
    assert urls[-1] == str(where.parent)
    from ui.details.attachments import remove_session_folder, session_folder

    folder = session_folder()
    assert where.is_relative_to(folder)
    remove_session_folder()  # what quitting Ketnoi runs (aboutToQuit, and atexit)
    assert not folder.exists()


def test_a_logged_emails_page_shows_sender_recipients_and_message_not_attendees_and_minutes(
    window: Any, qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """Reviewer h12: an e-mail's page read "Attendees (1) … Participant", "Minutes" and an
    English "From:/To:/Cc:" block inside them."""
    from app import email_files
    from db.engine import unit_of_work

    eml = tmp_path / "thu.eml"
    eml.write_bytes(
        eml_bytes(
            subject="Đề nghị phối hợp hội thảo",
            sender="Phạm Quốc Hùng <hung@genetica.asia>",
            to="Trần Minh Anh <anh@nic.gov.vn>",
            cc="Lê Thu Hà <ha@most.gov.vn>",
            body="Kính gửi anh Anh,\nGenetica đề nghị phối hợp.\n",
        )
    )
    with unit_of_work(ctx.engine) as s:
        parsed = email_files.parse_email(eml.name, eml.read_bytes())
        meeting_id = emails.log_email(s, parsed).meeting_id
    window.navigate("meeting", meeting_id)
    wait_idle(qtbot, ctx)
    pane = window.views["meeting"].detail
    qtbot.waitUntil(lambda: "Đề nghị phối hợp hội thảo" in pane.browser.toPlainText(), timeout=10_000)
    text = pane.browser.toPlainText()
    assert "From:\nPhạm Quốc Hùng <hung@genetica.asia>\nTo:\nTrần Minh Anh <anh@nic.gov.vn>\n" in text
    assert "Cc:\nLê Thu Hà <ha@most.gov.vn>" in text
    assert "Contacts on this e-mail (1)\nPhạm Quốc Hùng" in text
    assert "Message\nKính gửi anh Anh," in text
    for meeting_word in (
        "Attendees",
        "Minutes",
        "Participant",
        "From: Phạm Quốc Hùng <hung@genetica.asia>\nTo",
    ):
        assert meeting_word not in text, text


def test_the_new_contacts_dialog_is_sized_to_its_title_and_addresses(qtbot: Any, qapp: Any) -> None:
    """Reviewer h12: the dialog opened so narrow that its title read "Ghi nhận thư… từ" and an
    address was cut, with a scroll bar under it."""
    from ui.mail import NewContactsDialog

    unknown = [
        emails.Address("Nguyễn Văn Mới", "moi.nv@genetica.ex"),
        emails.Address("Trần Thị Thanh Hương", "truong.phong.hop.tac.quoc.te@genetica-vietnam.example.vn"),
    ]
    dialog = NewContactsDialog("Đề nghị phối hợp tổ chức hội thảo quốc tế", unknown)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    lst = dialog.list
    assert not lst.horizontalScrollBar().isVisible()
    for i in range(lst.count()):
        text = lst.item(i).text()
        assert lst.fontMetrics().horizontalAdvance(text) + 24 <= lst.viewport().width(), text
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 120
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
