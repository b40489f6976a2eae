"""Two windows edit the same organisation (reviewer, session 15): A changes its acronym and notes
and saves; B, editing since before A's save, changes only its website and saves. B got the
conflict dialog listing only "Website", its "Saved now" the unchanged original, never what A had
changed. Edits to different fields now merge without asking: B's website is saved, A's acronym
and notes kept, and B's window says the record had been changed meanwhile and both were kept.
The dialog comes only for a field both changed, and shows the other person's value."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records
from db.engine import read_session, unit_of_work
from tests.ui.helpers import open_form, saved

TIMEOUT = 10_000


def _form(qtbot: Any, ctx: Any, record_id: int) -> Any:
    return open_form(qtbot, ctx, "organisation", record_id)


def test_edits_to_different_fields_merge_without_asking(
    qtbot: Any, ctx: Any, ctx_b: Any, ids: dict[str, Any], engine: Engine, asked: list[Any]
) -> None:
    genetica = ids["genetica"]
    with unit_of_work(engine) as s:
        records.update(
            s, "organisation", genetica, {"website": "https://genetica.example.vn"}, expected_version=None
        )
    a, b = _form(qtbot, ctx, genetica), _form(qtbot, ctx_b, genetica)  # both open before A saves
    a.widgets["acronym"].setText("GEN")
    a.widgets["notes"].setPlainText("Gặp tại Techfest 2026")
    saved(qtbot, a)
    said: list[str] = []
    ctx_b.status_message.connect(said.append)
    b.widgets["website"].setText("https://genetica.vn")
    saved(qtbot, b)
    assert asked == []  # no dialog: nobody's change is in question
    with read_session(engine) as s:
        now = records.get(s, "organisation", genetica)
    assert now["website"] == "https://genetica.vn"  # B's
    assert now["acronym"] == "GEN" and now["notes"] == "Gặp tại Techfest 2026"  # A's, kept
    assert said == [  # (one file: the other save was another window's, not a stranger's)
        "“Genetica” was changed in another window or from the command line while you were editing it "
        "here; both changes were saved."
    ]


def test_a_field_both_changed_asks_showing_the_other_persons_value(
    qtbot: Any, ctx: Any, ctx_b: Any, ids: dict[str, Any], engine: Engine, asked: list[Any]
) -> None:
    genetica = ids["genetica"]
    a, b = _form(qtbot, ctx, genetica), _form(qtbot, ctx_b, genetica)
    a.widgets["acronym"].setText("GEN")
    a.widgets["city"].setText("Hà Nội")
    saved(qtbot, a)
    b.widgets["city"].setText("TP. Hồ Chí Minh")
    b.widgets["website"].setText("https://genetica.vn")
    b.save()
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert asked[0] == [["City", "Hà Nội", "TP. Hồ Chí Minh"]]  # only the clash, with A's value
    with read_session(engine) as s:
        now = records.get(s, "organisation", genetica)
    assert now["city"] == "Hà Nội" and not now["website"]  # nothing of B's written yet
    saved(qtbot, b)  # saved again, from the version now stored: B's city and website over it
    with read_session(engine) as s:
        now = records.get(s, "organisation", genetica)
    assert (now["city"], now["website"], now["acronym"]) == ("TP. Hồ Chí Minh", "https://genetica.vn", "GEN")


def test_a_third_save_between_the_check_and_the_write_is_merged_with_in_turn(
    engine: Engine, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge's version check is the UPDATE's own condition: a save that lands after the
    record was read for the merge (another program on PostgreSQL without the write lock) is
    not written over: the merge reads again and keeps it too, or asks."""
    genetica = ids["genetica"]
    with read_session(engine) as s:
        base = records.get(s, "organisation", genetica)
    with unit_of_work(engine) as s:  # A, before B saves
        records.update(s, "organisation", genetica, {"acronym": "GEN"}, expected_version=base["version"])
    real_snapshot = records.snapshot
    third = {"done": False}

    def snapshot(session: Any, entity: str, entity_id: int, **kw: Any) -> Any:
        values = real_snapshot(session, entity, entity_id, **kw)
        if not third["done"]:  # C saves the notes right after B's merge read the record
            third["done"] = True
            session.execute(
                records.kinds.table("organisation")
                .update()
                .where(records.kinds.table("organisation").c.id == genetica)
                .values(notes="C's note", version=values["version"] + 1)
            )
        return values

    monkeypatch.setattr(records, "snapshot", snapshot)
    with unit_of_work(engine) as s:
        edited = records.update_edited(
            s, "organisation", genetica, {"website": "https://genetica.vn"}, base=base
        )
    assert edited.merged
    with read_session(engine) as s:
        now = records.get(s, "organisation", genetica)
    assert (now["website"], now["acronym"], now["notes"]) == ("https://genetica.vn", "GEN", "C's note")
    assert now["version"] == edited.version == base["version"] + 3
