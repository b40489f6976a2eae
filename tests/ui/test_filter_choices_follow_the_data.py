"""The lists' filters offer the sectors, tags and staff there are now (reviewer, session 15: after
an import added "Lượng tử", the organisations' "All sectors" did not offer it, not even after
F5, while another process opened later did). The window that wrote them offers them after an
import or a save (any change that creates records or edits their sectors or tags), and after F5
for another program's write; the stakeholder map's filters too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import lists, records
from app.changes import Changes
from app.importing import run_import
from db.engine import unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import preview, write_xlsx
from tests.ui.helpers import wait_idle

TIMEOUT = 10_000


def _offered(window: Any, entity: str, key: str) -> list[str]:
    combo = window.views[entity].list._combos[key]
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_an_import_adds_its_new_sectors_to_the_filters(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path
) -> None:
    assert "Lượng tử" not in _offered(window, "organisation", "sector")
    head = ["Tên đơn vị", "Viết tắt", "Lĩnh vực"]
    path = write_xlsx(
        tmp_path / "to-chuc.xlsx", {"Tổ chức": [head, ["VNQuantum", "VNQ", "Lượng tử; Vi mạch"]]}
    )
    run_import(ctx.engine, preview(ctx.engine, path), actor=ctx.actor())
    ctx.changed.emit("", [])  # as the wizard's commit page does
    wait_idle(qtbot, ctx)
    for entity in ("organisation", "contact", "action"):
        qtbot.waitUntil(lambda e=entity: "Lượng tử" in _offered(window, e, "sector"), timeout=TIMEOUT)
    assert "Vi mạch" in _offered(window, "organisation", "sector")
    # chosen, it filters the list to the imported organisation
    combo = window.views["organisation"].list._combos["sector"]
    combo.setCurrentIndex(combo.findText("Lượng tử"))
    panel = window.views["organisation"].list
    qtbot.waitUntil(lambda: panel.model.complete and panel.model.rowCount() == 1, timeout=TIMEOUT)


def test_a_save_changes_the_tags_and_owners_offered(
    qtbot: Any, window: Any, ctx: Any, ids: dict[str, Any]
) -> None:
    nic = ids["nic"]

    def tag(s: Any) -> int:
        records.update(
            s, "organisation", nic, {"tags": ["priority", "đối tác chiến lược"]}, expected_version=None
        )
        return nic

    ctx.write(tag, entity="organisation")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "đối tác chiến lược" in _offered(window, "organisation", "tag"), timeout=TIMEOUT)
    assert "đối tác chiến lược" in _offered(window, "contact", "tag")
    # a new colleague is offered as an owner too
    ctx.write(lambda s: records.create(s, "staff", {"name": "Đỗ Thu Trang"}), entity="staff")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "Đỗ Thu Trang" in _offered(window, "organisation", "owner"), timeout=TIMEOUT)
    assert "Đỗ Thu Trang" in _offered(window, "action", "owner")


def test_f5_offers_what_another_program_added(qtbot: Any, window: Any, ctx: Any, db_url: str) -> None:
    other = open_database(db_url)  # another process on the same file; this window is not told
    with unit_of_work(other) as s:
        records.create(s, "organisation", {"name": "ViSecurity", "sectors": ["An ninh mạng"]})
    other.dispose()
    window.act_refresh.trigger()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "An ninh mạng" in _offered(window, "organisation", "sector"), timeout=TIMEOUT)
    window.nav.setCurrentRow(_map_row(window))  # the stakeholder map's filters too
    qtbot.waitUntil(
        lambda: window.map_view.sector.findText("An ninh mạng") >= 0 and not ctx.tasks.busy(), timeout=TIMEOUT
    )


def _map_row(window: Any) -> int:
    from ui.main_window import VIEWS

    return VIEWS.index("map")


def test_which_changes_can_change_the_choices() -> None:
    assert lists.choices_may_change(Changes.unknown())
    assert lists.choices_may_change(Changes.of({"organisation": [1]}))  # created
    assert lists.choices_may_change(
        Changes.of({"contact": [1]}, fields={"contact": ["tags"]}, membership=False)
    )
    assert lists.choices_may_change(Changes.of({"staff": [3]}, membership=False))
    assert not lists.choices_may_change(
        Changes.of({"organisation": [1]}, fields={"organisation": ["website"]}, membership=False)
    )
    assert not lists.choices_may_change(Changes.of({"meeting": [1]}, fields={"meeting": ["minutes"]}))
