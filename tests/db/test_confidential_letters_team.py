"""On a team database a letter drafted from a confidential meeting is hidden, with its history,
from whoever may not see the meeting — as the meeting's other rows are (reviewer: row-level
security covered organisation, contact, meeting and action, not letters: a colleague listed the
letter, its subject and its addressee). Its officer and a manager see it; an ordinary letter is
seen by all. Real login roles on a real PostgreSQL server (tests/db/test_team.py's fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.db.test_team import Team, ready, secret_meeting, server, team  # noqa: F401  (module fixtures)


def _seen(team_db: Team, who: str, letter: int) -> tuple[int, int]:
    """(letter rows, history rows of the letter) ``who`` sees."""
    engine = create_engine(team_db.urls[who])
    try:
        with engine.connect() as conn:
            rows = int(
                conn.execute(text("SELECT count(*) FROM letter WHERE id = :l"), {"l": letter}).scalar() or 0
            )
            changes = int(
                conn.execute(
                    text("SELECT count(*) FROM change WHERE entity = 'letter' AND entity_id = :l"),
                    {"l": letter},
                ).scalar()
                or 0
            )
        return rows, changes
    finally:
        engine.dispose()


def test_a_confidential_meetings_letter_is_seen_by_who_sees_the_meeting(
    ready: Team,  # noqa: F811
    secret_meeting: int,  # noqa: F811
    tmp_path: Path,
) -> None:
    code, out, err = ready.cli(
        "lan", "letter", "draft", f"meeting:{secret_meeting}", "-o", str(tmp_path / "m.docx"), "--json"
    )
    assert code == 0, err
    letter = int(json.loads(out)["letter_id"])
    code, out, err = ready.cli(
        "lan", "letter", "add", "--subject", "Giới thiệu cán bộ", "--to", "Genetica", "--json"
    )
    assert code == 0, err
    plain = int(json.loads(out)["id"])
    for who in ("lan", "hoa"):
        rows, changes = _seen(ready, who, letter)
        assert rows == 1 and changes > 0, who
    assert _seen(ready, "minh", letter) == (0, 0)
    assert _seen(ready, "tuan", letter) == (0, 0)
    assert _seen(ready, "minh", plain)[0] == 1
    code, out, err = ready.cli("minh", "letter", "list", "--json")
    assert code == 0, err
    assert [r["id"] for r in json.loads(out)["letters"]] == [plain]
    code, out, err = ready.cli("minh", "brief", "org", "Genetica", "-o", str(tmp_path / "g.pdf"))
    assert code == 0, err
