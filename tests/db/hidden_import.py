"""What the tests of an import partly hidden from its officer share, on a real team database
(tests/db/test_team.py's fixtures): Lan's four contacts, updated by Minh's import of one
workbook, then one of them made confidential by the manager (reviewer h139). The database, CLI
and window tests each undo it their own way."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.app.importing.helpers import do_import, write_xlsx
from tests.db.test_team import Team

SECRET = "Đỗ Văn Kín"
PEOPLE = ["Ngô Thị Một", "Lý Văn Hai", "Trịnh Ba", SECRET]


def add_people(team: Team) -> list[int]:
    """Lan adds the four contacts, each with an e-mail the workbook matches them by."""
    ids = []
    for i, name in enumerate(PEOPLE):
        code, out, err = team.cli(
            "lan", "contact", "add", "--name", name, "--email", f"p{i}@most.gov.vn", "--json"
        )
        assert code == 0, err
        ids.append(int(json.loads(out)["id"]))
    return ids


def update_book(folder: Path) -> Path:
    """A workbook that gives the four contacts a position."""
    rows = [["Họ và tên", "Email", "Chức vụ"]] + [
        [n, f"p{i}@most.gov.vn", "Chuyên viên"] for i, n in enumerate(PEOPLE)
    ]
    return write_xlsx(folder / "cap-nhat.xlsx", {"Liên hệ": rows})


def import_as(team: Team, who: str, book: Path) -> int:
    """``book`` imported by ``who`` through the app's import; its batch id."""
    engine = create_engine(team.urls[who])
    try:
        batch = do_import(engine, book)[1].batch_id
    finally:
        engine.dispose()
    assert batch is not None
    return batch


def make_confidential(team: Team, kind: str, ident: int, owner: str = "") -> None:
    """The manager marks the record confidential (and gives it to ``owner``)."""
    extra = ["--owner", owner] if owner else []
    code, _out, err = team.cli("hoa", kind, "edit", str(ident), "--set", "confidential=yes", *extra)
    assert code == 0, err


def imported_then_hidden(team: Team, folder: Path) -> int:
    """Minh's import updated Lan's four contacts; the manager then made the last one
    confidential. The import's batch id."""
    ids = add_people(team)
    batch = import_as(team, "minh", update_book(folder))
    make_confidential(team, "contact", ids[3])
    return batch


def live_positions(team: Team, who: str = "hoa") -> dict[str, str]:
    """Each live contact ``who`` sees, with its position (the manager: every one)."""
    engine = create_engine(team.urls[who])
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT full_name, position FROM contact WHERE deleted_at IS NULL ORDER BY id")
            ).all()
    finally:
        engine.dispose()
    return {str(n): str(p or "") for n, p in rows}
