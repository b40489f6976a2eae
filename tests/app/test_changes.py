"""Issue 11: what a write changed, read back from its history, and what that asks of a list."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import changes, lists, records
from app.changes import Changes
from db.engine import unit_of_work
from tests.app.lists.seed import seed_network


@pytest.fixture
def ids(engine: Engine) -> dict[str, Any]:
    return seed_network(engine)


def _write(engine: Engine, fn: Any) -> Changes:
    with unit_of_work(engine) as s:
        before = changes.mark(s)
        fn(s)
        return changes.since(s, before)


def test_a_save_says_which_fields_of_which_record_changed(engine: Engine, ids: dict[str, Any]) -> None:
    found = _write(
        engine,
        lambda s: records.update(
            s, "contact", ids["hung"], {"notes": "x", "position": "Chủ tịch"}, expected_version=None
        ),
    )
    assert found.ids == {"contact": frozenset({ids["hung"]})}
    assert found.fields == {"contact": frozenset({"notes", "position"})}
    assert not found.membership and not found.everything


def test_creates_and_deletes_change_membership(engine: Engine, ids: dict[str, Any]) -> None:
    made = _write(engine, lambda s: records.create(s, "organisation", {"name": "Viettel"}))
    assert made.membership == {"organisation"}
    gone = _write(engine, lambda s: records.delete(s, "contact", ids["bao"]))
    assert gone.membership == {"contact"} and gone.ids["contact"] == {ids["bao"]}
    assert not _write(engine, lambda s: None)  # nothing written, nothing said


def test_more_history_than_the_limit_counts_as_unknown(
    engine: Engine, ids: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "LIMIT", 1)
    found = _write(
        engine,
        lambda s: records.update(
            s, "contact", ids["hung"], {"notes": "x", "position": "y"}, expected_version=None
        ),
    )
    assert found.everything


def test_a_list_runs_its_query_again_only_when_the_change_can_alter_its_result() -> None:
    by_name = lists.default_query("contact").with_(organisation_id=7)
    notes = Changes.of({"contact": [1]}, fields={"contact": ["notes"]}, membership=False)
    assert not lists.affects_result(by_name, notes)
    assert lists.stale_rows("contact", notes) == {1}  # that row is read again
    renamed = Changes.of({"contact": [1]}, fields={"contact": ["full_name"]}, membership=False)
    assert lists.affects_result(by_name, renamed)  # sorted by name
    moved = Changes.of({"contact": [1]}, fields={"contact": ["organisation_id"]}, membership=False)
    assert lists.affects_result(by_name, moved)  # filtered on the organisation
    assert lists.affects_result(by_name, Changes.of({"contact": [9]}))  # created or deleted
    assert lists.affects_result(by_name.with_(text="ngu"), notes)  # the search text follows notes
    # the contacts' organisation column: an organisation renamed reorders them, and every row
    # shows organisation names, so all are stale (those on screen are read again)
    org_renamed = Changes.of({"organisation": [7]}, fields={"organisation": ["name"]}, membership=False)
    assert lists.affects_result(by_name.with_(sort="organisation"), org_renamed)
    assert not lists.affects_result(by_name, org_renamed)
    assert lists.stale_rows("contact", org_renamed) is None
    assert lists.stale_rows("organisation", notes) == frozenset()  # organisations show no contact
    # open actions: a status change may take one out; a title change may not
    actions = lists.default_query("action")
    done = Changes.of({"action": [3]}, fields={"action": ["status"]}, membership=False)
    assert lists.affects_result(actions, done)
    retitled = Changes.of({"action": [3]}, fields={"action": ["title"]}, membership=False)
    assert not lists.affects_result(actions, retitled)
    assert lists.affects_result(actions.with_(sort="title"), retitled)
    assert lists.affects_result(actions, Changes.unknown())
