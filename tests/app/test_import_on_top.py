"""What Ctrl+Z meets after an import (app.undo_history.import_on_top): the user's latest import,
not undone, when it is newer than the operation Ctrl+Z would undo — whatever the clock says
(the tests' clock stands still: order comes from the history's ids)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from app import records, undo
from app.importing import run_import, undo_import
from app.undo_history import import_on_top
from db import models as m
from db.engine import read_session, unit_of_work
from tests.app.importing.helpers import preview, write_xlsx

ME = "Trần Minh Anh"


def _edit(engine: Engine, actor: str = ME) -> str:
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        rid = records.create(s, "organisation", {"name": f"Viện {group[:6]}"})
        records.update(
            s, "organisation", rid, {"city": "Huế"}, expected_version=None, actor=actor, group_id=group
        )
    return group


def _import(engine: Engine, tmp_path: Path, actor: str = ME, tag: str = "a") -> int:
    rows = [["Họ và tên", "Email"], *[[f"Người {tag} {i}", f"{tag}{i}@vidu.vn"] for i in (1, 2)]]
    path = write_xlsx(tmp_path / f"danh-ba-{tag}.xlsx", {"Danh bạ": rows})
    batch = run_import(engine, preview(engine, path), actor=actor).batch_id
    assert batch is not None
    return batch


def _on_top(engine: Engine, actor: str = ME):  # type: ignore[no-untyped-def]
    with read_session(engine) as s:
        found = undo.last_undoable(s, actor=actor)
        return import_on_top(s, actor=actor, above=found.group_id if found else None)


def test_nothing_imported_nothing_on_top(engine: Engine) -> None:
    _edit(engine)
    assert _on_top(engine) is None


def test_an_import_after_an_edit_is_on_top_with_what_it_wrote(engine: Engine, tmp_path: Path) -> None:
    _edit(engine)
    batch = _import(engine, tmp_path)
    found = _on_top(engine)
    assert found is not None
    assert (found.batch_id, found.file_name, found.kinds, found.records) == (
        batch,
        "danh-ba-a.xlsx",
        ("contact",),
        2,
    )


def test_an_edit_after_the_import_is_on_top_instead(engine: Engine, tmp_path: Path) -> None:
    _import(engine, tmp_path)
    _edit(engine)
    assert _on_top(engine) is None


def test_an_undone_import_is_not_and_an_older_one_comes_back(engine: Engine, tmp_path: Path) -> None:
    first = _import(engine, tmp_path)
    second = _import(engine, tmp_path, tag="b")
    found = _on_top(engine)
    assert found is not None and found.batch_id == second
    with unit_of_work(engine) as s:
        undo_import(second, session=s, actor=ME)
    found = _on_top(engine)
    assert found is not None and found.batch_id == first  # the stack's next: the first import
    with unit_of_work(engine) as s:
        undo_import(first, session=s, actor=ME)
    assert _on_top(engine) is None


def test_someone_elses_import_is_not_mine_to_meet(engine: Engine, tmp_path: Path) -> None:
    _edit(engine)
    _import(engine, tmp_path, actor="Lê Văn Bình")
    assert _on_top(engine) is None
    assert _on_top(engine, "Lê Văn Bình") is not None


def test_an_import_that_wrote_nothing_leaves_the_one_before_on_top(engine: Engine, tmp_path: Path) -> None:
    first = _import(engine, tmp_path)
    path = tmp_path / "danh-ba-a.xlsx"  # the same file again: every row already there, no batch
    assert run_import(engine, preview(engine, path), actor=ME).batch_id is None
    with unit_of_work(engine) as s:  # a batch with no rows (an older version's): passed over too
        s.add(m.ImportBatch(file_name="empty.xlsx", created_by=ME))
    found = _on_top(engine)
    assert found is not None and found.batch_id == first


def test_another_windows_or_the_command_lines_import_since_the_window_opened_is_not_its_own(
    engine: Engine, tmp_path: Path
) -> None:
    from app import changes

    with read_session(engine) as s:
        opened = changes.mark(s)  # a window opens
    edited = _edit(engine)  # the window's edit
    batch = _import(engine, tmp_path)  # `ketnoi import` under the same name, later

    def on_top(groups: frozenset[str]):  # type: ignore[no-untyped-def]
        own = undo.Own(groups, opened)
        with read_session(engine) as s:
            found = undo.last_undoable(s, actor=ME, own=own)
            assert found is not None and found.group_id == edited
            return import_on_top(s, actor=ME, above=found.group_id, own=own)

    assert on_top(frozenset({edited})) is None  # Ctrl+Z undoes the window's edit
    found = on_top(frozenset({edited, f"import-{batch}"}))  # the window's own import
    assert found is not None and found.batch_id == batch
