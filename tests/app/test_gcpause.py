"""app.gcpause: the cyclic collector is off inside, back as it was after the last pause."""

from __future__ import annotations

import gc
import threading

import pytest

from app.gcpause import paused_gc


@pytest.fixture(autouse=True)
def _collector_on() -> object:
    """As in the command line. (In a test process whose windows' tests turned it off, what Qt
    left unreachable is collected first, here on the main thread, so that no collection on
    this test's other thread meets it: ui.gui_gc.)"""
    was = gc.isenabled()
    if not was:
        gc.collect()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_off_inside_and_on_after() -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_and_concurrent_pauses_resume_after_the_last() -> None:
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=other)
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
        worker.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's step still runs
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_an_error_inside_still_resumes() -> None:
    with pytest.raises(ZeroDivisionError), paused_gc():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_the_preview_and_the_import_run_with_it_paused(
    engine: object, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cleaning, matching and writing each build an object or more per row: the collector
    waits (its passes walked a 100k preview's million objects again and again)."""
    from pathlib import Path

    import app.importing.commit as commit
    import app.importing.matching as matching
    from app.importing import inspect_sheet, preview_import, run_import
    from db.engine import read_session
    from tests.app.importing.helpers import write_xlsx

    seen: dict[str, bool] = {}
    real_match, real_write = matching._match, commit._Writer.write_new

    def match(*args: object, **kwargs: object) -> object:
        seen.setdefault("match", gc.isenabled())
        return real_match(*args, **kwargs)  # type: ignore[arg-type]

    def write(self: object, *args: object, **kwargs: object) -> object:
        seen["write"] = gc.isenabled()
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(matching, "_match", match)
    monkeypatch.setattr(commit._Writer, "write_new", write)
    book = write_xlsx(
        Path(str(tmp_path)) / "a.xlsx", {"Danh bạ": [["Họ và tên", "Email"], ["Lê Văn An", "an@x.vn"]]}
    )
    with read_session(engine) as s:  # type: ignore[arg-type]
        preview = preview_import(book, inspect_sheet(book, session=s), session=s)
    run_import(engine, preview)  # type: ignore[arg-type]
    assert seen == {"match": False, "write": False}
    assert gc.isenabled()
