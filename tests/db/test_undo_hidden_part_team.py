"""On a team database an operation that touched a record a colleague may not see is not undone
by that colleague at all (reviewer h130: quang tagged 4 contacts, one confidential; ha's Undo
history read "Tagged 3 contacts", her undo said "Undone: Tagged 3 contacts" and marked the
operation undone for quang too, while the confidential contact kept its tag). The refusal does
not name the hidden record; whoever sees the whole operation (its author, a manager) undoes all
of it. The command line and the window's Undo history (app.undo_history) say the same. Real
login roles on a real PostgreSQL server (tests/db/test_team.py's fixtures)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from app import bulk_edit, undo_history
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)

SECRET = "Đỗ Văn Kín"


def _tags(team_db: Team, who: str) -> dict[str, list[str]]:
    """Each contact ``who`` sees, with its tags."""
    engine = create_engine(team_db.urls[who])
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.full_name, t.name FROM contact c LEFT JOIN contact_tag ct ON ct.contact_id = c.id "
                    "LEFT JOIN tag t ON t.id = ct.tag_id WHERE c.deleted_at IS NULL"
                )
            ).all()
    finally:
        engine.dispose()
    out: dict[str, list[str]] = {}
    for name, tag in rows:
        out.setdefault(str(name), [])
        if tag:
            out[str(name)].append(str(tag))
    return out


def _entry(team_db: Team, who: str, group: str, lang: str = "en") -> undo_history.GroupEntry:
    engine = create_engine(team_db.urls[who])
    try:
        with Session(engine) as session:
            return undo_history.entry(session, group, lang)
    finally:
        engine.dispose()


def test_a_colleague_cannot_half_undo_an_operation_on_a_record_hidden_from_them(
    ready: Team,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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
    assert group

    minh_sees = _entry(ready, "minh", group)
    assert minh_sees.status == undo_history.FINAL
    assert "may not see" in minh_sees.reason and SECRET not in minh_sees.reason
    assert "không được xem" in _entry(ready, "minh", group, "vi").reason

    code, out, err = ready.cli("minh", "undo", group)
    assert code != 0
    assert "may not see" in err and SECRET not in err + out
    with monkeypatch.context() as vi:
        vi.setenv("LC_ALL", "vi_VN.UTF-8")
        code, out, err = ready.cli("minh", "undo", group)
    assert code != 0 and "không được xem" in err

    # nothing was undone, for anyone: every contact keeps the tag, the history is true
    assert all(tags == ["bulktest"] for tags in _tags(ready, "hoa").values())
    assert len(_tags(ready, "hoa")) == 4
    assert _entry(ready, "lan", group).status == undo_history.READY

    code, out, err = ready.cli("lan", "undo", group)  # its author sees all of it
    assert code == 0, err
    assert all(tags == [] for tags in _tags(ready, "hoa").values())
    assert _entry(ready, "hoa", group).status == undo_history.UNDONE


def test_on_a_team_database_set_up_before_a_colleagues_operation_is_refused(ready: Team) -> None:  # noqa: F811
    """``admin init`` not run again since the upgrade (no ``ketnoi_group_hidden``): nothing can
    tell what is hidden, so a colleague's operation is refused, one's own is not."""
    ids = []
    for name in ("Cao Văn Bốn", "Hà Thị Năm"):
        code, out, err = ready.cli("lan", "contact", "add", "--name", name, "--json")
        assert code == 0, err
        ids.append(int(json.loads(out)["id"]))
    engine = create_engine(ready.urls["lan"])
    with Session(engine) as session:
        group = bulk_edit.add_tags(session, "contact", ids, ["cũ"], actor="Trần Thị Lan")
        session.commit()
    engine.dispose()
    owner = create_engine(ready.urls["owner"])
    with owner.begin() as conn:
        conn.execute(text("DROP FUNCTION ketnoi_group_hidden(text)"))
    owner.dispose()
    try:
        code, _out, err = ready.cli("minh", "undo", group)
        assert code != 0 and "may not see" in err
        code, _out, err = ready.cli("lan", "undo", group)
        assert code == 0, err
    finally:
        code, _out, err = ready.cli("owner", "admin", "init", "--role-prefix", ready.prefix)
        assert code == 0, err
