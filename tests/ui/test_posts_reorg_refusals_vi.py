"""Posts…, Reorganisation… and Assign holder… refuse in the window's language: a Vietnamese
officer (Settings → Language: Tiếng Việt) read "An organisation cannot succeed itself.", "The post
… already has a holder from … or later; end or remove that first." and "No contact matches …" in
English under the Vietnamese window. The refusals of app.reorg, app.posts and app.resolve carry
their Vietnamese (the one ``ketnoi org succeed`` / ``ketnoi post`` print); the three dialogs now
show it when the window speaks Vietnamese. Real dialogs, real SQLite file, each language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate

from app import posts, records, reorg
from db.engine import unit_of_work
from tests.ui.helpers import wait_idle
from tests.ui.test_posts_dialog import _open, _row_of, _two_posts


def _said(qtbot: Any, ctx: Any, label: Any, before: str) -> str:
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: not label.isHidden() and label.text() != before, timeout=10_000)
    return str(label.text())


def test_the_reorganisation_dialog_refuses_in_the_windows_language(
    qtbot: Any, ctx: Any, ids: dict[str, Any], language: str
) -> None:
    from ui.reorg import ReorganisationDialog

    with unit_of_work(ctx.engine) as s:
        old = records.create(s, "organisation", {"name": "Bộ Thông tin và Truyền thông", "acronym": "MIC"})
        reorg.succeed(s, old, [ids["ministry"]], kind="merged", on=dt.date(2025, 3, 1))
    dialog = ReorganisationDialog(ctx, ids["genetica"])
    qtbot.addWidget(dialog)
    dialog.on.setDate(QDate(2025, 3, 1))

    def preview(kind: str, into: str, into2: str = "") -> str:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.into.setText(into)
        dialog.into2.setText(into2)
        before = dialog.error.text() if not dialog.error.isHidden() else ""
        dialog.preview_button.click()
        said = _said(qtbot, ctx, dialog.error, before)
        assert not dialog.apply_button.isEnabled()
        return said

    vi = language == "vi"
    assert preview("merged", "Genetica") == (
        "Một tổ chức không thể tự kế thừa chính nó." if vi else "An organisation cannot succeed itself."
    )
    assert preview("merged", "") == (
        "Hãy ghi tên tổ chức kế thừa (tổ chức mới)."
        if vi
        else "Name the organisation it became (the successor)."
    )
    assert preview("merged", "Không có đơn vị này") == (
        "Không có tổ chức nào khớp với “Không có đơn vị này”"
        if vi
        else "No organisation matches 'Không có đơn vị này'"
    )
    assert preview("merged", "NIC; Bộ Khoa học và Công nghệ") == (
        "Một tổ chức hợp nhất vào một tổ chức khác; chia tách mới ghi nhiều tổ chức kế thừa."
        if vi
        else "An organisation merged into one other; a split names several."
    )
    assert preview("split", "NIC") == (
        "Chia tách cần ghi từ hai tổ chức kế thừa trở lên." if vi else "A split names two or more successors."
    )
    assert preview("split", "NIC", "NIC") == (
        "Một tổ chức kế thừa được ghi hai lần." if vi else "A successor is named twice."
    )
    assert preview("merged", "MIC") == (
        "Bộ Thông tin và Truyền thông cũng đã được tổ chức khác kế thừa; hãy ghi tên tổ chức hiện nay."
        if vi
        else "Bộ Thông tin và Truyền thông has itself been succeeded; name what it became."
    )
    # previewed, then another officer records the merger first: Reorganise says so
    dialog.kind.setCurrentIndex(dialog.kind.findData("merged"))
    dialog.into.setText("NIC")
    dialog.error.clear()
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=10_000)
    with unit_of_work(ctx.engine) as s:
        reorg.succeed(s, ids["genetica"], [ids["ministry"]], kind="merged", on=dt.date(2025, 3, 1))
    dialog.apply_button.click()
    assert _said(qtbot, ctx, dialog.error, "") == (
        "Genetica đã hợp nhất vào Bộ Khoa học và Công nghệ từ ngày 01/03/2025; hãy hoàn tác việc đó trước."
        if vi
        else "Genetica already merged into Bộ Khoa học và Công nghệ on 01/03/2025; undo that first."
    )
    assert dialog.isVisible() or not dialog.result()  # stays open with the reason


def test_assign_holder_refuses_in_the_windows_language(
    qtbot: Any, ctx: Any, ids: dict[str, Any], language: str
) -> None:
    from ui.reorg import AssignHolderDialog

    head, _ = _two_posts(ctx, ids)  # "Giám đốc" held by Nhung from 05/01/2026
    dialog = AssignHolderDialog(ctx, ids["nic"])
    qtbot.addWidget(dialog)

    def save(post: int, holder: str, day: QDate, title: str = "") -> str:
        dialog.post.setCurrentIndex(dialog.post.findData(post))
        dialog.title.setText(title)
        dialog.contact.setCurrentIndex(-1)
        dialog.contact.setEditText(holder)
        dialog.starts.setDate(day)
        before = dialog.error.text() if not dialog.error.isHidden() else ""
        dialog.buttons.accepted.emit()
        said = _said(qtbot, ctx, dialog.error, before)
        assert dialog.holder_id is None and dialog.buttons.isEnabled()
        return said

    vi = language == "vi"
    # a holder before the one recorded: the two would overlap
    assert save(head, "Đặng", QDate(2026, 1, 5)) == (
        "Chức vụ Giám đốc đã có người giữ từ ngày 05/01/2026 trở về sau; hãy kết thúc hoặc xoá nhiệm kỳ đó trước."
        if vi
        else "The post Giám đốc already has a holder from 05/01/2026 or later; end or remove that first."
    )
    assert save(head, "Người Không Có", QDate(2026, 2, 1)) == (
        "Không có liên hệ nào khớp với “Người Không Có”" if vi else "No contact matches 'Người Không Có'"
    )
    assert save(-1, "Đặng", QDate(2026, 2, 1), title="  ") == (
        "Hãy ghi tên chức vụ (ví dụ Phó Giám đốc)." if vi else "Name the post (e.g. Phó Giám đốc)."
    )
    with unit_of_work(ctx.engine) as s:  # another officer removes the post meanwhile
        fresh = posts.add_post(s, ids["nic"], "Trợ lý Giám đốc")
    dialog.post.addItem("Trợ lý Giám đốc", fresh)
    with unit_of_work(ctx.engine) as s:
        posts.remove_post(s, fresh)
    assert save(fresh, "Đặng", QDate(2026, 2, 1)) == (
        f"Không có chức vụ #{fresh}." if vi else f"There is no post #{fresh}."
    )


def test_the_posts_dialog_refuses_in_the_windows_language(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any], language: str
) -> None:
    _, deputy = _two_posts(ctx, ids)
    dialog = _open(qtbot, window, ctx, ids)
    dialog.table.selectRow(_row_of(dialog, "Pho Giam doc"))
    assert dialog.remove_button.isEnabled()  # no holder when the list was read
    with unit_of_work(ctx.engine) as s:  # another officer assigns one meanwhile
        posts.assign(s, deputy, ids["dang"], starts_on=dt.date(2026, 11, 1))
    dialog.remove_button.click()
    vi = language == "vi"
    # the window points to its own End holding… button, not to `ketnoi post end` (the CLI's words)
    source = (
        "A holder of “%1” was recorded meanwhile: their role history stays, so the post cannot be "
        "removed. If they hold it now, choose End holding… in this window to end their holding instead."
    )
    said = _said(qtbot, ctx, dialog.error, "")
    assert said == QCoreApplication.translate("Posts", source).replace("%1", "Pho Giam doc")
    assert "ketnoi" not in said
    if not vi:
        assert "choose End holding… in this window" in said
    assert dialog.end_button.isEnabled()  # the list read again: the button is there to use
    with unit_of_work(ctx.engine) as s:  # a post added by mistake, removed by another officer
        spare = posts.add_post(s, ids["nic"], "Tro ly", rank=9)
    dialog.reload()
    qtbot.waitUntil(lambda: "Tro ly" in [r.title for r in dialog.model.rows], timeout=10_000)
    with unit_of_work(ctx.engine) as s:
        posts.remove_post(s, spare)
    before = dialog.error.text()
    dialog.model.setData(
        dialog.model.index(_row_of(dialog, "Tro ly"), 0), "Trợ lý Giám đốc"
    )  # renamed in place
    assert _said(qtbot, ctx, dialog.error, before) == (
        f"Không có chức vụ #{spare}." if vi else f"There is no post #{spare}."
    )
