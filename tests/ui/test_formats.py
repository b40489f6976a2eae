"""One way to write each value: dates in the chosen format on a record's page and in its history
(never ISO unless ISO was chosen), phones as the app writes them, names for ids, plurals by %n."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.engine import Engine

from db.engine import unit_of_work
from tests.ui.helpers import wait_idle


def _page_text(ctx: Any, entity: str, record_id: int) -> str:
    from app.story import story
    from ui.details.story import render

    with ctx.read() as s:
        html = render(story(s, entity, record_id, today=ctx.today()), ctx.settings)
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_an_actions_history_writes_dates_and_names_as_the_page_does(
    qapp: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from app import records

    action = ids["a_week"]
    with unit_of_work(engine) as s:
        rec = records.get(s, "action", action)
        records.update(
            s,
            "action",
            action,
            {"due_date": dt.date(2027, 1, 15), "status": "waiting", "responsible_staff_id": ids["colleague"]},
            expected_version=rec["version"],
        )
    text = _page_text(ctx, "action", action)
    assert "15/01/2027" in text and "2027-01-15" not in text
    assert "Lê Văn Bình" in text  # the new responsible by name, not an id
    assert "Waiting" in text and "waiting" not in text.replace("Waiting", "")
    ctx.settings.date_format = "mdy"
    assert "01/15/2027" in _page_text(ctx, "action", action)


def test_phones_read_the_same_in_the_history_dialog_and_on_the_page(
    qtbot: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from app import records
    from ui.history import HistoryDialog

    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", ids["nhung"])
        records.update(
            s, "contact", ids["nhung"], {"phones": ["+84912345678"]}, expected_version=rec["version"]
        )
    assert "0912 345 678" in _page_text(ctx, "contact", ids["nhung"])
    dialog = HistoryDialog(ctx, "contact", ids["nhung"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    shown = [dialog.model.index(r, c).data() for r in range(dialog.model.rowCount()) for c in range(5)]
    assert "0912 345 678" in shown and "+84912345678" not in shown
    ctx.tasks.wait()


def test_plurals_are_counted_by_qt_never_written_as_s_in_brackets(qapp: Any) -> None:
    import re
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    assert tr("Commands", "Marked %n action(s) done", "", 1) == "Marked 1 action done"
    assert tr("Commands", "Marked %n action(s) done", "", 3) == "Marked 3 actions done"
    assert tr("Trash", "Restored %Ln record(s)", "", 0) == "Restored 0 records"
    root = Path(__file__).resolve().parents[2]
    literal = re.compile(r"\"[^\"\n]*\(s\)[^\"\n]*\"")
    bare = [
        f"{p.relative_to(root)}: {m.group(0)}"
        for p in sorted((root / "ui").rglob("*.py"))
        if p.name != "i18n.py"  # the plural translator itself
        for m in literal.finditer(p.read_text(encoding="utf-8"))
        if "%n" not in m.group(0) and "%Ln" not in m.group(0)
    ]
    assert bare == []


def test_the_plural_translator_survives_many_calls(qapp: Any) -> None:
    """Qt calls back into the Python translator for every string: tens of thousands of calls
    (and garbage collections) must neither crash nor slow the window."""
    import gc
    import time

    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    spent = 0.0  # in the calls alone: a full collection's time grows with the whole test run's heap
    for i in range(30_000):
        started = time.perf_counter()
        tr("Labels", "Name")
        assert (
            tr("Commands", "Rescheduled %n action(s)", "", i % 2)
            == f"Rescheduled {i % 2} action{'s' * (i % 2 != 1)}"
        )
        spent += time.perf_counter() - started
        if i % 10_000 == 0:
            gc.collect()
    assert spent < 10


def test_the_contacts_list_shows_phones_as_the_page_does(
    qapp: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from app import lists, records

    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", ids["dang"])
        records.update(s, "contact", ids["dang"], {"phones": ["0903112233"]}, expected_version=rec["version"])
    with ctx.read() as s:
        row = lists.rows(s, "contact", [ids["dang"]])[ids["dang"]]
        stored = records.get(s, "contact", ids["dang"])["phones"]
    assert stored == ["+84903112233"]  # kept (and exported) as E.164
    assert row["phone"] == "0903 112 233" and row["phone_e164"] == "+84903112233"
    assert "0903 112 233" in _page_text(ctx, "contact", ids["dang"])


def test_the_contact_form_shows_phones_as_the_page_does_and_saves_them_unchanged(
    qtbot: Any, ctx: Any, engine: Engine, ids: dict[str, Any]
) -> None:
    from app import records
    from ui.dialogs.record_form import RecordForm

    with unit_of_work(engine) as s:
        rec = records.get(s, "contact", ids["dang"])
        # the second stored unverified (as an import keeps it): possible, not (yet) valid
        records.update(
            s,
            "contact",
            ids["dang"],
            {"phones": ["+84903112233", "+84992123456"]},
            expected_version=rec["version"],
        )
    form = RecordForm(ctx, "contact", ids["dang"])
    qtbot.addWidget(form)
    assert form.widgets["phones"].text() == "0903 112 233, +84992123456"
    form.widgets["position"].setText("Phó Giám đốc thường trực")  # another edit; phones as shown
    form.save()
    wait_idle(qtbot, ctx)
    assert [e.text() for e in form.errors.values() if e.text()] == []
    qtbot.waitUntil(lambda: form.saved_id is not None, timeout=10_000)
    with ctx.read() as s:
        assert records.get(s, "contact", ids["dang"])["phones"] == ["+84903112233", "+84992123456"]
    ctx.tasks.wait()
