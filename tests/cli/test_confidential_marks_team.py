"""On a team database (PostgreSQL, row-level security) the lists, ``search``, ``due`` and
``show`` mark a confidential record for a login that may see it (the manager, its officer),
and still list nothing of it for a login that may not (another officer, a reader): the mark
reads the rows the login is given, and no query reaches past them."""

from __future__ import annotations

import json

import pytest

from tests.db.test_team import SECRET_TITLE, Team, ready, secret_meeting, server, team  # noqa: F401

pytestmark = pytest.mark.postgres
MARK = "(Confidential)"
SECRET_ACTION = "Gửi hồ sơ định giá bán dẫn"


def _ok(ready: Team, who: str, *argv: str) -> str:  # noqa: F811
    code, out, err = ready.cli(who, *argv)
    assert code == 0, (who, argv, err)
    return out


@pytest.fixture(scope="module")
def overdue(ready: Team, secret_meeting: int) -> int:  # noqa: F811
    """Lan's confidential action, overdue on the pinned day (23/11/2026): ``due`` lists it."""
    out = _ok(ready, "lan", "action", "add", "--title", SECRET_ACTION, "--due", "2026-11-20",
              "--staff", "Trần Thị Lan", "--confidential", "--json")  # fmt: skip
    return int(json.loads(out)["id"])


@pytest.mark.parametrize("who", ["lan", "hoa"])
def test_who_may_see_a_confidential_record_sees_it_marked(
    ready: Team,  # noqa: F811
    secret_meeting: int,  # noqa: F811
    overdue: int,
    who: str,
) -> None:
    meetings = _ok(ready, who, "meeting", "list")
    assert f"{SECRET_TITLE} {MARK}" in meetings, meetings
    actions = _ok(ready, who, "action", "list")
    assert f"{SECRET_ACTION} {MARK}" in actions and f"Gửi thư giới thiệu bí mật {MARK}" in actions, actions
    found = _ok(ready, who, "search", "pho thu tuong")
    assert f"{SECRET_TITLE} {MARK}" in found, found
    due = _ok(ready, who, "due")
    assert f"{SECRET_ACTION} {MARK}" in due, due
    first = _ok(ready, who, "meeting", "show", str(secret_meeting)).splitlines()[0]
    assert first.endswith(f"{SECRET_TITLE} {MARK}"), first
    genetica = _ok(ready, who, "org", "list")
    assert "Genetica" in genetica and MARK not in genetica, genetica  # an ordinary one: unmarked


@pytest.mark.parametrize("who", ["minh", "tuan"])
def test_who_may_not_see_it_is_still_shown_nothing_of_it(
    ready: Team,  # noqa: F811
    secret_meeting: int,  # noqa: F811
    overdue: int,
    who: str,
) -> None:
    said = "\n".join(
        [
            _ok(ready, who, "meeting", "list"),
            _ok(ready, who, "action", "list"),
            _ok(ready, who, "search", "pho thu tuong"),
            _ok(ready, who, "search", "dinh gia"),
            _ok(ready, who, "due"),
        ]
    )
    for words in (SECRET_TITLE, SECRET_ACTION, "Gửi thư giới thiệu bí mật", MARK):
        assert words not in said, (who, words, said)
    code, out, err = ready.cli(who, "meeting", "show", str(secret_meeting))
    assert code == 1 and SECRET_TITLE not in out + err, (out, err)
