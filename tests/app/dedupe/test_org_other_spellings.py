"""An organisation typed under another's English name, or its German name spelt without umlauts,
is warned of while typing and proposed by Find duplicates. Reviewer h119: `org add --name
"Soratech Inc."` said nothing though 株式会社ソラテック has the English name "Soratech Inc.";
"Weiss & Soehne GmbH" and "Weiß & Söhne GmbH" were never flagged."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from app.dedupe import possible_duplicates
from app.dedupe_groups import find_duplicate_groups
from db.engine import read_session, unit_of_work


@pytest.fixture
def orgs(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        return {
            "sora": records.create(
                s, "organisation", {"name": "株式会社ソラテック", "name_en": "Soratech Inc."}
            ),
            "weiss": records.create(s, "organisation", {"name": "Weiß & Söhne GmbH", "country": "DE"}),
            "khoe": records.create(s, "organisation", {"name": "Công ty Sức Khoẻ Xanh"}),
        }


def test_typing_another_organisations_english_name_or_its_name_without_umlauts_warns(
    engine: Engine, orgs: dict[str, int]
) -> None:
    with read_session(engine) as s:
        sora = possible_duplicates(s, "organisation", {"name": "Soratech Inc."})
        sora_en = possible_duplicates(s, "organisation", {"name": "ソラテック", "name_en": "SORATECH inc"})
        weiss = possible_duplicates(s, "organisation", {"name": "Weiss & Soehne GmbH"})
        # "oe" in a Vietnamese name is no umlaut: "Sức Kho Xanh" is another name
        khoe = possible_duplicates(s, "organisation", {"name": "Công ty Sức Kho Xanh"})
    assert [(d.id, d.reasons) for d in sora] == [(orgs["sora"], ['same English name "Soratech Inc."'])]
    assert sora[0].confidence < 0.75  # (a warning: copy-db takes 0.75 as the same organisation)
    assert [(d.id, d.reasons) for d in sora_en] == [(orgs["sora"], ['same English name "Soratech Inc."'])]
    assert [(d.id, d.reasons) for d in weiss] == [(orgs["weiss"], ["same name ignoring accents"])]
    assert khoe == []


def test_find_duplicates_proposes_them(engine: Engine, orgs: dict[str, int]) -> None:
    with unit_of_work(engine) as s:
        sora2 = records.create(s, "organisation", {"name": "Soratech Inc."})
        weiss2 = records.create(s, "organisation", {"name": "Weiss & Soehne GmbH"})
        records.create(s, "organisation", {"name": "Công ty Sức Kho Xanh"})
    with read_session(engine) as s:
        groups = {frozenset(g.ids): g for g in find_duplicate_groups(s, "organisation")}
    assert set(groups) == {frozenset({orgs["sora"], sora2}), frozenset({orgs["weiss"], weiss2})}
    assert groups[frozenset({orgs["sora"], sora2})].reasons == ['same English name "Soratech Inc."']
    assert groups[frozenset({orgs["weiss"], weiss2})].reasons == ["same name ignoring accents"]


def test_org_add_says_so(
    engine: Engine, orgs: dict[str, int], db_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["org", "add", "--name", "Soratech Inc.", "--db", str(db_path), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in said["possible_duplicates"]] == [orgs["sora"]]
