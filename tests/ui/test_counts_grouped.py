"""A count is written as the window's language groups it — 100,020 in English, 100.020 in
Vietnamese — and an id plainly after a # (reviewer: the Backups dialog said "100020 contacts,
10008 meetings"; the undo of an import said "#2276" and "#2,276" of one contact in one message).
Real databases, real backups, the real dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QPushButton
from sqlalchemy import insert, select, update

from app import records
from app.importing import run_import
from db.engine import unit_of_work
from db.models import Contact, Organisation
from tests.app.importing.helpers import preview, write_xlsx
from ui import i18n
from ui.import_wizard import history_dialog
from ui.import_wizard.history_dialog import ImportHistoryDialog

TIMEOUT = 20_000


@pytest.fixture(params=["en", "vi"])
def speaking(request: Any, qapp: Any) -> Any:
    """The window's language, as Settings → Language installs it (its locale the default)."""
    was = QLocale()
    i18n.install(QCoreApplication.instance(), request.param)  # type: ignore[arg-type]
    yield request.param
    i18n.install(QCoreApplication.instance(), "en")  # type: ignore[arg-type]
    QLocale.setDefault(was)


@pytest.fixture
def english(qapp: Any) -> Any:
    was = QLocale()
    i18n.install(QCoreApplication.instance(), "en")  # type: ignore[arg-type]  (en_GB: 1,000)
    yield
    QLocale.setDefault(was)


def _many_contacts(engine: Any, n: int) -> None:
    with unit_of_work(engine) as s:
        s.execute(insert(Contact), [{"full_name": f"Người thứ {i}", "version": 1} for i in range(n)])


def _holds(qtbot: Any, ctx: Any, window: Any) -> str:
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.take_button.click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1 and not dialog.busy, timeout=TIMEOUT)
    item = dialog.list.topLevelItem(0)
    qtbot.waitUntil(lambda: item.text(2) not in ("", "…"), timeout=TIMEOUT)
    text = item.text(2)
    dialog.close()
    return text


def test_the_backups_dialog_groups_its_counts(
    qtbot: Any, window: Any, ctx: Any, engine: Any, speaking: str
) -> None:
    with unit_of_work(engine) as s:
        before = len(s.execute(select(Contact.id)).all())
    _many_contacts(engine, 1_200)
    total = f"{before + 1_200:,}"
    expected = f"{total} contacts," if speaking == "en" else f"{total.replace(',', '.')} người liên hệ,"
    assert expected in _holds(qtbot, ctx, window)


def test_an_undo_names_records_by_plain_ids(
    qtbot: Any, ctx: Any, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english: Any
) -> None:
    """Ids past a thousand, as in a real office's database: the contact kept and the
    organisation kept for it are "#2276", "#1500" wherever they are named."""
    with unit_of_work(engine) as s:  # the next ids: 2276 and 1500
        contact = records.create(s, "contact", {"full_name": "Chỗ giữ số"})
        org = records.create(s, "organisation", {"name": "Chỗ giữ số"})
        s.flush()
        s.execute(update(Contact).where(Contact.id == contact).values(id=2275))  # type: ignore[arg-type]
        s.execute(update(Organisation).where(Organisation.id == org).values(id=1499))  # type: ignore[arg-type]
    rows = [["Họ và tên", "Đơn vị", "Email"], ["Lê Văn Chín", "Viện Công nghệ Sinh học", "chin@ibt.vn"]]
    book = write_xlsx(tmp_path / "field-contacts.xlsx", {"Danh bạ": rows})
    batch = run_import(engine, preview(engine, book)).batch_id
    assert batch is not None
    with unit_of_work(engine) as s:
        chin, org_id = s.execute(
            select(Contact.id, Contact.organisation_id).where(Contact.full_name == "Lê Văn Chín")
        ).one()
        records.update(s, "contact", chin, {"position": "Viện trưởng"}, expected_version=None)
    assert (chin, org_id) == (2276, 1500)
    monkeypatch.setattr(
        history_dialog, "answer", lambda box: box.findChild(QPushButton, "import_history_confirm_undo")
    )
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    dialog.select(batch)
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: f"Import #{batch} was undone" in dialog.detail.text(), timeout=TIMEOUT)
    said = dialog.detail.text()
    assert 'contact "Lê Văn Chín" (#2276) was edited after the import; kept' in said
    assert (
        'organisation "Viện Công nghệ Sinh học" (#1500): contact "Lê Văn Chín" (#2276), which is kept, '
        "still refers to it; kept"
    ) in said
    assert "#2," not in said and "#1," not in said
    ctx.tasks.wait()
