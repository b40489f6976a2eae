"""Edit → Undo history… of a colleague who may not see every record of an operation lists it as
"Cannot be undone", says why without naming the hidden record, and Undo selected writes nothing
(reviewer h130: ha's "Undone: Tagged 3 contacts 'bulktest'" undid 3 of quang's 4 contacts and
marked the operation undone for him too). The window and ``ketnoi undo`` agree
(tests/db/test_undo_hidden_part_team.py). A real team database (tests/db/test_team.py)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session

from app import bulk_edit
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)
from tests.ui.helpers import opened_context

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("KETNOI_TEST_POSTGRES_URL") and not os.environ.get("CI"),
        reason="KETNOI_TEST_POSTGRES_URL not set",
    ),
]
SECRET = "Đỗ Văn Kín"


@pytest.fixture
def tagged(ready: Team) -> str:  # noqa: F811
    """Lan tags four contacts of MOST, one of them confidential: the operation's group id."""
    from sqlalchemy import create_engine

    assert ready.cli("lan", "org", "add", "--name", "MOST")[0] == 0
    ids = []
    for name, secret in (("Ngô Thị Một", False), ("Lý Văn Hai", False), ("Trịnh Ba", False), (SECRET, True)):
        extra = ["--confidential"] if secret else []
        code, out, err = ready.cli(
            "lan", "contact", "add", "--name", name, "--organisation", "MOST", "--json", *extra
        )
        assert code == 0, err
        ids.append(int(json.loads(out)["id"]))
    engine = create_engine(ready.urls["lan"])
    with Session(engine) as session:
        group = bulk_edit.add_tags(session, "contact", ids, ["bulktest"], actor="Trần Thị Lan")
        session.commit()
    engine.dispose()
    return group


@pytest.fixture
def minh(qapp: Any, ready: Team, settings: Any) -> Iterator[Any]:  # noqa: F811
    with opened_context(ready.urls["minh"], settings) as context:
        yield context


def test_the_undo_history_of_a_colleague_refuses_an_operation_partly_hidden(
    qtbot: Any,
    ready: Team,  # noqa: F811
    tagged: str,
    minh: Any,
) -> None:
    from tests.ui.test_undo_history import _open
    from ui.dialogs.undo_history import COL_STATUS, COL_WHAT

    dialog = _open(qtbot, minh)
    dialog.select_group(tagged)
    e = dialog.current()
    assert e is not None and e.group_id == tagged
    row = dialog.view.currentIndex().row()
    assert dialog.model.index(row, COL_WHAT).data() == "Tagged 3 contacts 'bulktest'"  # what he sees
    assert dialog.model.index(row, COL_STATUS).data() == "Cannot be undone"
    assert not dialog.undo_button.isEnabled()
    detail = dialog.detail.text()
    assert "touches records you may not see" in detail and SECRET not in detail
    loads = dialog.loads
    dialog.undo_selected()  # even called directly, nothing is written
    qtbot.wait(300)
    assert dialog.loads == loads
    code, out, _err = ready.cli("lan", "undo")  # the author's list: all 4, and no undo of them
    assert code == 0
    assert "Tagged 4 contacts 'bulktest'" in next(x for x in out.splitlines() if x.startswith(tagged))
    assert not any(x.startswith("u" + tagged) for x in out.splitlines())
