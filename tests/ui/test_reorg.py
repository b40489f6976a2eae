"""The Reorganisation… and Assign holder… dialogs of an organisation's page (issue 15): a
preview of what moves, one write that Edit → Undo takes back, the page saying "formerly …"
and "Merged into … on …", posts with their holders and a contact's posts held."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate

from app import posts, records, reorg
from db.engine import read_session, unit_of_work
from tests.ui.helpers import show_page, wait_idle


def _page(qtbot: Any, window: Any, entity: str, ident: int) -> str:
    window.navigate(entity, ident)
    view = window.current_view()
    return show_page(qtbot, view.detail, entity, ident)


def test_reorganisation_dialog_previews_moves_and_is_undone(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.reorg import ReorganisationDialog

    with unit_of_work(ctx.engine) as s:
        mof = records.create(
            s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF", "kind": "ministry"}
        )
    window.navigate("organisation", ids["genetica"])
    wait_idle(qtbot, ctx)
    assert window.org_actions[0] in window.current_view().detail.toolbar.actions()
    dialog = ReorganisationDialog(ctx, ids["genetica"], window)
    qtbot.addWidget(dialog)
    dialog.into.setText("MOF")
    dialog.on.setDate(QDate(2025, 3, 1))
    assert not dialog.apply_button.isEnabled()  # nothing to apply before a preview
    dialog.preview_button.click()
    wait_idle(qtbot, ctx)  # read off the UI thread
    assert dialog.error.isHidden(), dialog.error.text()
    with read_session(ctx.engine) as s:
        expected = reorg.preview(s, ids["genetica"], [mof], kind="merged", on=dt.date(2025, 3, 1))
    tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [t.childCount() for t in tops] == [
        len(expected.of(k)) for k in ("action", "contact", "meeting", "organisation")
    ]
    assert sum(t.childCount() for t in tops) > 0
    dialog.apply_button.click()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert [b.id for b in reorg.lineage(s, ids["genetica"]).became] == [mof]
        moved = [records.get(s, i.kind, i.id) for i in expected.contacts]
    assert all(r["organisation_id"] == mof for r in moved)
    assert "Merged into Bộ Tài chính on 01/03/2025" in _page(qtbot, window, "organisation", ids["genetica"])
    assert "formerly Genetica (merged 01/03/2025)" in _page(qtbot, window, "organisation", mof)
    assert ctx.undo_offer is not None and ctx.undo_offer[1] == dialog.group
    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert reorg.lineage(s, ids["genetica"]).became == []
        assert all(
            records.get(s, i.kind, i.id)["organisation_id"] == ids["genetica"] for i in expected.contacts
        )


def test_reorganisation_dialog_says_what_is_wrong(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from ui.reorg import ReorganisationDialog

    dialog = ReorganisationDialog(ctx, ids["genetica"])
    qtbot.addWidget(dialog)
    dialog.into.setText("Genetica")
    dialog.preview_button.click()
    wait_idle(qtbot, ctx)
    assert not dialog.error.isHidden() and "cannot succeed itself" in dialog.error.text()
    assert not dialog.apply_button.isEnabled()


def test_assign_holder_makes_a_post_and_the_pages_show_it(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.reorg import AssignHolderDialog

    dialog = AssignHolderDialog(ctx, ids["nic"], window)
    qtbot.addWidget(dialog)
    assert dialog.post.currentData() == -1 and dialog.title.isVisibleTo(dialog)  # no post yet: a new one
    dialog.title.setText("Phó Giám đốc")
    dialog.rank.setValue(2)
    name = dialog.contact.itemText(0)
    dialog.contact.setCurrentIndex(0)
    dialog.starts.setDate(QDate(2026, 1, 5))
    dialog.decision.setText("05/QĐ-BKHCN")
    dialog.buttons.accepted.emit()
    wait_idle(qtbot, ctx)
    assert dialog.holder_id is not None
    with read_session(ctx.engine) as s:
        [post] = posts.posts_of(s, ids["nic"], dt.date(2026, 11, 23))
    assert post.holder is not None and post.holder.name == name and post.rank == 2
    page = _page(qtbot, window, "organisation", ids["nic"])
    assert "Posts (1)" in page and "Phó Giám đốc" in page and "05/QĐ-BKHCN" in page
    contact_page = _page(qtbot, window, "contact", post.holder.contact_id)
    assert "Posts held" in contact_page and "05/01/2026 – now" in contact_page

    window.act_undo.trigger()  # Edit → Undo takes the new post and its holder back
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert posts.posts_of(s, ids["nic"]) == []


def test_the_letter_form_addresses_a_post(qtbot: Any, ctx: Any, ids: dict[str, Any]) -> None:
    from app.letters import draft, register
    from ui.letter_form import LetterForm

    with unit_of_work(ctx.engine) as s:
        post = posts.add_post(s, ids["nic"], "Phó Giám đốc", rank=2)
        posts.assign(s, post, ids["nhung"], starts_on=dt.date(2026, 1, 1))
    form = LetterForm(ctx, None, direction="outgoing")
    qtbot.addWidget(form)
    assert form.post.isVisibleTo(form) and form.post.currentData() is None
    form.post.setCurrentIndex(form.post.findData(post))
    assert "Phó Giám đốc" in form.post.currentText()
    form.subject.setText("Mời dự Hội thảo")
    form.save()
    wait_idle(qtbot, ctx)
    assert form.saved_id is not None
    with read_session(ctx.engine) as s:
        assert register.get_letter(s, form.saved_id)["post_id"] == post
        doc = draft.letter_doc(s, form.saved_id)  # type: ignore[arg-type]
        name = records.label(s, "contact", ids["nhung"])
    assert doc.addressee == [f"{name} - Phó Giám đốc Trung tâm Đổi mới sáng tạo Quốc gia"]
    edit = LetterForm(
        ctx, None, direction="outgoing", letter={"id": form.saved_id, "post_id": post, "version": 1}
    )
    qtbot.addWidget(edit)
    assert edit.post.currentData() == post  # an edit shows the post it was addressed to


def test_a_split_from_the_dialog_sends_each_item_where_it_is_chosen(
    qtbot: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from ui.reorg import ReorganisationDialog

    with unit_of_work(ctx.engine) as s:
        a = records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF"})
        b = records.create(s, "organisation", {"name": "Bộ Công Thương", "acronym": "MOIT"})
    dialog = ReorganisationDialog(ctx, ids["genetica"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.into2.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("split"))
    assert dialog.into2.isVisible()
    dialog.into.setText("MOF")
    qtbot.keyClicks(dialog.into2, "bo cong thuong")  # picked through the look-up, no accents
    assert dialog.into2.value() == b
    dialog.preview_button.click()
    wait_idle(qtbot, ctx)
    assert dialog.error.isHidden(), dialog.error.text()
    assert dialog.combos and all(c.currentData() == a for c in dialog.combos.values())
    key, combo = next((k, c) for k, c in dialog.combos.items() if k.startswith("contact:"))
    combo.setCurrentIndex(combo.findData(b))
    dialog.apply_button.click()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert {x.id for x in reorg.lineage(s, ids["genetica"]).became} == {a, b}
        assert records.get(s, "contact", int(key.split(":")[1]))["organisation_id"] == b
        others = [int(k.split(":")[1]) for k in dialog.combos if k.startswith("contact:") and k != key]
        assert all(records.get(s, "contact", i)["organisation_id"] == a for i in others)


def test_a_succeeded_organisation_is_marked_in_the_list_until_undone(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    from ui.icons import icon
    from ui.lists.model import ID_ROLE

    with unit_of_work(ctx.engine) as s:
        mof = records.create(
            s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF", "kind": "ministry"}
        )
    window.navigate("organisation", ids["genetica"])
    model = window.current_view().list.model
    wait_idle(qtbot, ctx)

    def cell(org_id: int, role: Qt.ItemDataRole, column: int = 0) -> Any:
        wait_idle(qtbot, ctx)
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == org_id)
        return model.index(row, column).data(role)

    grey = QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
    name = cell(ids["genetica"], Qt.ItemDataRole.DisplayRole)
    assert "→" not in name and cell(ids["genetica"], Qt.ItemDataRole.ForegroundRole) != grey

    actor = ctx.actor()
    ctx.write(
        lambda s: reorg.succeed(
            s, ids["genetica"], [mof], kind="merged", on=dt.date(2025, 3, 1), actor=actor
        )[0],
        entity="organisation",
        on_done=lambda group: ctx.push_undo("Reorganisation", group),
    )
    wait_idle(qtbot, ctx)
    assert cell(ids["genetica"], Qt.ItemDataRole.DisplayRole) == f"{name} → Bộ Tài chính"
    assert (
        cell(ids["genetica"], Qt.ItemDataRole.ToolTipRole)
        == f"{name}\nMerged into Bộ Tài chính on 01/03/2025"
    )
    assert cell(ids["genetica"], Qt.ItemDataRole.ForegroundRole) == grey
    assert cell(ids["genetica"], Qt.ItemDataRole.ForegroundRole, column=1) == grey  # the whole row
    merge, plain = icon("merge").cacheKey(), icon("organisation").cacheKey()
    assert cell(ids["genetica"], Qt.ItemDataRole.DecorationRole).cacheKey() == merge  # seen when cut
    assert cell(mof, Qt.ItemDataRole.DecorationRole).cacheKey() == plain
    assert cell(mof, Qt.ItemDataRole.DisplayRole) == "Bộ Tài chính"  # the successor is current
    assert cell(mof, Qt.ItemDataRole.ForegroundRole) != grey

    window.act_undo.trigger()
    wait_idle(qtbot, ctx)
    with read_session(ctx.engine) as s:
        assert reorg.lineage(s, ids["genetica"]).became == []
    assert cell(ids["genetica"], Qt.ItemDataRole.DisplayRole) == name
    assert cell(ids["genetica"], Qt.ItemDataRole.ForegroundRole) != grey
