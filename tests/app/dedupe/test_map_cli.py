"""Stakeholder map data and rating; the dedupe / merge / undo commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app import cli, records
from app.errors import ConflictError
from app.stakeholder_map import (
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    UNRATED,
    quadrant,
    rate,
    stakeholder_points,
)
from app.undo import last_undoable, undo_group
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.dedupe.conftest import meeting


def test_quadrants() -> None:
    assert quadrant(5, 5) == MANAGE_CLOSELY
    assert quadrant(4, 1) == KEEP_SATISFIED
    assert quadrant(2, 3) == KEEP_INFORMED
    assert quadrant(1, 2) == MONITOR
    assert quadrant(None, 3) == UNRATED


@pytest.fixture
def network(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "influence": 5, "interest": 4,
                                                  "sectors": ["Quantum", "AI"], "tags": ["Gov"]})  # fmt: skip
        fpt = records.create(s, "organisation", {"name": "FPT Software", "influence": 4, "interest": 2,
                                                 "sectors": ["AI"]})  # fmt: skip
        gene = records.create(s, "organisation", {"name": "Genetica", "influence": 2, "interest": 5,
                                                  "sectors": ["Biotech"]})  # fmt: skip
        unrated = records.create(s, "organisation", {"name": "Viện Vật liệu"})
        lan = records.create(s, "contact", {"full_name": "Trần Thị Lan", "organisation_id": most, "influence": 5,
                                            "interest": 5})  # fmt: skip
        hai = records.create(s, "contact", {"full_name": "Lê Văn Hải", "organisation_id": gene})
        meeting(s, "Họp Bộ", [lan], [most], days_ago=20)
        meeting(s, "Làm việc với Bộ và Genetica", [lan, hai], [], days_ago=100)  # via its people
        meeting(s, "Quá xa", [lan], [most], days_ago=500)  # older than 12 months
        meeting(s, "Genetica demo", [hai], [gene], days_ago=5)
    return {"most": most, "fpt": fpt, "gene": gene, "unrated": unrated, "lan": lan, "hai": hai}


def test_points_for_organisations_and_contacts(engine: Engine, network: dict[str, int]) -> None:
    with read_session(engine) as s:
        points = {p.id: p for p in stakeholder_points(s)}
        with_unrated = stakeholder_points(s, include_unrated=True)
        ai = {p.id for p in stakeholder_points(s, sectors=["ai"])}
        gov = {p.id for p in stakeholder_points(s, tags=["GOV"])}
        people = stakeholder_points(s, level="contact", include_unrated=True)
        long_view = {p.id: p for p in stakeholder_points(s, months=24)}
    most = points[network["most"]]
    assert (most.quadrant, most.meetings_recent, most.sector) == (MANAGE_CLOSELY, 2, "AI")
    assert points[network["fpt"]].quadrant == KEEP_SATISFIED and points[network["fpt"]].meetings_recent == 0
    assert points[network["gene"]].quadrant == KEEP_INFORMED and points[network["gene"]].meetings_recent == 2
    assert network["unrated"] not in points
    assert any(p.id == network["unrated"] and p.quadrant == UNRATED for p in with_unrated)
    assert ai == {network["most"], network["fpt"]} and gov == {network["most"]}
    lan = next(p for p in people if p.id == network["lan"])
    assert (lan.entity, lan.meetings_recent, lan.sector, lan.label) == ("contact", 2, "AI", "Trần Thị Lan")
    assert long_view[network["most"]].meetings_recent == 3


def test_rating_is_saved_in_history_and_undoable(engine: Engine, network: dict[str, int]) -> None:
    with read_session(engine) as s:
        point = next(p for p in stakeholder_points(s) if p.id == network["fpt"])
    with unit_of_work(engine) as s:
        rated = rate(s, "organisation", network["fpt"], 5, 5, point.version, actor="Quang")
    with read_session(engine) as s:
        moved = next(p for p in stakeholder_points(s) if p.id == network["fpt"])
        changes = [
            h for h in records.history(s, "organisation", network["fpt"]) if h["group_id"] == rated.group_id
        ]
        offered = last_undoable(s)
    assert moved.quadrant == MANAGE_CLOSELY and moved.version == rated.version == point.version + 1
    assert {(h["field"], h["old"], h["new"]) for h in changes} == {("influence", 4, 5), ("interest", 2, 5)}
    assert offered is not None and offered.description == 'Rated organisation "FPT Software"'
    with unit_of_work(engine) as s, pytest.raises(ConflictError):  # a stale drag
        rate(s, "organisation", network["fpt"], 1, 1, point.version, actor="Quang")
    with unit_of_work(engine) as s:
        undo_group(s, rated.group_id, actor="Quang")
    with read_session(engine) as s:
        back = next(p for p in stakeholder_points(s) if p.id == network["fpt"])
    assert (back.influence, back.interest, back.quadrant) == (4, 2, KEEP_SATISFIED)


def _ketnoi(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    if "app.dedupe_commands" not in cli.FEATURE_MODULES:  # until app/cli.py registers it
        monkeypatch.setattr(cli, "FEATURE_MODULES", (*cli.FEATURE_MODULES, "app.dedupe_commands"))
    return cli.main(list(args))


def test_cli_lists_merges_and_undoes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    with unit_of_work(engine) as s:
        a = records.create(s, "contact", {"full_name": "Nguyễn Văn Hùng", "emails": ["hung@nic.gov.vn"]})
        b = records.create(s, "contact", {"full_name": "Nguyen Van Hung", "phones": ["0912345678"]})
        meeting(s, "Gặp", [b])
    engine.dispose()

    assert _ketnoi(monkeypatch, "dedupe", "--kind", "contact", "--db", str(db)) == 0  # it only lists
    out = capsys.readouterr().out
    assert "1 group of likely duplicates" in out and "same name ignoring accents" in out
    assert f"#{a}  Nguyễn Văn Hùng" in out and f"#{b}  Nguyen Van Hung" in out

    assert (
        _ketnoi(
            monkeypatch,
            "merge",
            "contact",
            str(a),
            str(b),
            "--take",
            "position",
            "--dry-run",
            "--db",
            str(db),
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Nothing was written" in out
    keeps = {line.split()[0]: line.split()[-1] for line in out.splitlines()[1:-1]}
    # The survivor's name has the diacritics, so it stays by default though the other is newer;
    # position is taken from the other on request; both have no notes: the survivor's stay.
    assert (keeps["full_name"], keeps["position"], keeps["notes"]) == ("survivor", "other", "survivor")
    assert _ketnoi(monkeypatch, "merge", "contact", str(a), str(b), "--keep", "full_name", "--as", "Quang",
                   "--db", str(db)) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert 'Merged contact "Nguyen Van Hung" into "Nguyễn Văn Hùng"' in out and "1 attendance" in out
    group = out.strip().split()[-1]
    assert _ketnoi(monkeypatch, "undo", "--db", str(db)) == 0
    assert group in capsys.readouterr().out
    assert _ketnoi(monkeypatch, "undo", group, "--db", str(db)) == 0
    assert "Undone: Merged contact" in capsys.readouterr().out
    assert _ketnoi(monkeypatch, "undo", group, "--db", str(db)) == 1
    assert "already been undone" in capsys.readouterr().err
    engine = open_database(f"sqlite:///{db}")
    with read_session(engine) as s:
        assert records.snapshot(s, "contact", b)["phones"] == ["+84912345678"]
        assert records.get(s, "contact", a)["emails"] == ["hung@nic.gov.vn"]
    engine.dispose()
    assert _ketnoi(monkeypatch, "merge", "contact", str(a), str(b), "--take", "colour", "--db", str(db)) == 1
    assert "unknown field" in capsys.readouterr().err
