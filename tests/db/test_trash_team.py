"""Merging and emptying the trash on a team database never lose what a colleague cannot see.

Reviewer h130: Quang logged a confidential meeting with Ngô Anh Uyên and a confidential
follow-up she was responsible for; Hà, who may not see them, merged Uyên away into a duplicate
("…moved nothing else": the links stayed on the merged-away contact), then emptied the trash:
the meeting lost its attendee and the action its responsible contact, and neither history said
so. And any officer emptied the whole team's trash, "a backup being taken first" — none is, on
PostgreSQL. Real login roles on a real server (tests/db/test_team.py's fixtures): Lan and Minh
are officers, Hoa a manager.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import create_engine, text

from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)


def _one(team_db: Team, who: str, sql: str, **args: object) -> object:
    engine = create_engine(team_db.urls[who])
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), args).scalar()
    finally:
        engine.dispose()


def _id(out: str) -> int:
    return int(json.loads(out)["id"])


def _secret_with(team_db: Team, name: str, phone: str) -> tuple[int, int, int]:
    """Lan: the contact ``name`` (seen by all), a confidential meeting she attended and a
    confidential follow-up she is responsible for. Returns (contact, meeting, action)."""
    code, out, err = team_db.cli("lan", "contact", "add", "--name", name, "--phone", phone, "--json")
    assert code == 0, err
    contact = _id(out)
    code, out, err = team_db.cli(
        "lan", "log-meeting", "--title", f"Gặp riêng {name}", "--at", "2026-11-20 14:00",
        "--attendee", str(contact), "--confidential", "--json",
    )  # fmt: skip
    assert code == 0, err
    meeting = int(
        _one(team_db, "hoa", "SELECT id FROM meeting WHERE title = :t", t=f"Gặp riêng {name}")  # type: ignore[arg-type]
    )
    code, out, err = team_db.cli(
        "lan", "action", "add", "--title", f"Gửi tài liệu cho {name}", "--contact", str(contact),
        "--confidential", "--json",
    )  # fmt: skip
    assert code == 0, err
    return contact, meeting, _id(out)


def _links(team_db: Team, meeting: int, action: int) -> tuple[list[int], object]:
    """(the meeting's attendees, the action's responsible contact), as the manager sees them."""
    engine = create_engine(team_db.urls["hoa"])
    try:
        with engine.connect() as conn:
            attendees = [
                int(i)
                for i in conn.execute(
                    text("SELECT contact_id FROM meeting_attendee WHERE meeting_id = :m ORDER BY 1"),
                    {"m": meeting},
                ).scalars()
            ]
            responsible = conn.execute(
                text("SELECT responsible_contact_id FROM action WHERE id = :a"), {"a": action}
            ).scalar()
        return attendees, responsible
    finally:
        engine.dispose()


def test_a_merge_moves_the_links_its_officer_cannot_see_and_tells_nothing_of_them(
    ready: Team,  # noqa: F811
) -> None:
    contact, meeting, action = _secret_with(ready, "Ngô Anh Uyên", "+84912000101")
    code, out, err = ready.cli("minh", "contact", "add", "--name", "Ngo Anh Uyen", "--json")
    assert code == 0, err
    twin = _id(out)
    assert _one(ready, "minh", "SELECT count(*) FROM meeting WHERE id = :m", m=meeting) == 0
    code, out, err = ready.cli("minh", "merge", "contact", str(twin), str(contact))
    assert code == 0, err
    assert "Gặp riêng" not in out and "meeting" not in out  # nothing hidden is told
    assert _links(ready, meeting, action) == ([twin], twin)
    # the hidden records' own history says so, for those who see them
    moved = _one(
        ready,
        "lan",
        "SELECT count(*) FROM change WHERE op = 'merge' AND ((entity = 'meeting' AND entity_id = :m) "
        "OR (entity = 'action' AND entity_id = :a))",
        m=meeting,
        a=action,
    )
    assert moved == 2
    code, out, err = ready.cli("lan", "history", "meeting", str(meeting))
    assert code == 0, err
    assert f"Attendees: Ngô Anh Uyên (#{contact}) → Ngô Anh Uyên (#{twin}) (merge)" in out, out
    hidden = (
        "SELECT count(*) FROM change WHERE entity IN ('meeting', 'action') AND entity_id IN (:m, :a) "
        "AND op = 'merge'"
    )
    assert _one(ready, "minh", hidden, m=meeting, a=action) == 0
    # emptying the trash now loses nothing
    code, _out, err = ready.cli("minh", "trash", "--empty", "--yes")
    assert code == 0, err
    assert _links(ready, meeting, action) == ([twin], twin)


def test_a_merge_the_other_way_moves_the_hidden_links_too(ready: Team) -> None:  # noqa: F811
    contact, meeting, action = _secret_with(ready, "Đỗ Thị Hằng", "+84912000102")
    code, out, err = ready.cli("minh", "contact", "add", "--name", "Do Thi Hang", "--json")
    assert code == 0, err
    twin = _id(out)
    code, out, err = ready.cli("minh", "merge", "contact", str(contact), str(twin))
    assert code == 0, err
    assert _links(ready, meeting, action) == ([contact], contact)


def test_undoing_the_merge_moves_the_hidden_links_back(ready: Team) -> None:  # noqa: F811
    contact, meeting, action = _secret_with(ready, "Lý Thu Trang", "+84912000104")
    code, out, err = ready.cli("minh", "contact", "add", "--name", "Ly Thu Trang", "--json")
    assert code == 0, err
    twin = _id(out)
    code, out, err = ready.cli("minh", "merge", "contact", str(twin), str(contact))
    assert code == 0, err
    assert _links(ready, meeting, action) == ([twin], twin)
    group = re.search(r"ketnoi undo (\w+)", out)
    assert group is not None, out
    code, out, err = ready.cli("minh", "undo", group.group(1))
    assert code == 0, err
    assert _links(ready, meeting, action) == ([contact], contact)
    assert _one(ready, "hoa", "SELECT deleted_at IS NULL FROM contact WHERE id = :c", c=contact) is True


def test_emptying_the_trash_keeps_a_record_a_hidden_one_still_points_at(ready: Team) -> None:  # noqa: F811
    contact, meeting, action = _secret_with(ready, "Vũ Minh Khoa", "+84912000103")
    code, _out, err = ready.cli("minh", "contact", "delete", str(contact))
    assert code == 0, err
    code, out, err = ready.cli("minh", "trash", "--empty", "--yes")
    assert code == 0, err
    assert "Gặp riêng" not in out
    assert _links(ready, meeting, action) == ([contact], contact)
    assert _one(ready, "hoa", "SELECT count(*) FROM contact WHERE id = :c", c=contact) == 1
    assert "Kept in the trash: 1, still used by a record you may not see" in out, out
    assert "Nothing deleted" not in out


def test_an_officer_empties_what_they_deleted_and_a_manager_everything(ready: Team) -> None:  # noqa: F811
    ids = {}
    for who, name in (("lan", "Hồ sơ của Lan"), ("minh", "Hồ sơ của Minh")):
        code, out, err = ready.cli(who, "org", "add", "--name", name, "--json")
        assert code == 0, err
        ids[who] = _id(out)
        code, _out, err = ready.cli(who, "org", "delete", str(ids[who]))
        assert code == 0, err
    code, _out, err = ready.cli("minh", "trash", "--empty")
    assert code == 1
    assert "only what you deleted: what colleagues deleted (1) stays" in err, err
    code, _out, err = ready.cli("minh", "trash", "--empty", "--yes")
    assert code == 0, err
    gone = "SELECT count(*) FROM organisation WHERE id = :o"
    assert _one(ready, "hoa", gone, o=ids["minh"]) == 0
    assert _one(ready, "hoa", gone, o=ids["lan"]) == 1
    code, _out, err = ready.cli("hoa", "trash", "--empty")
    assert code == 1 and "every deleted record" in err, err
    assert "backup of the database is taken" not in err and "no copy is taken first" in err
    code, _out, err = ready.cli("hoa", "trash", "--empty", "--yes")
    assert code == 0, err
    assert _one(ready, "hoa", gone, o=ids["lan"]) == 0
