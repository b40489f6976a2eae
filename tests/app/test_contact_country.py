"""A contact's national phone number is read in their organisation's country, and a contact
whose country was not said takes it from a foreign number, else from the organisation. Reviewer
h119: "Anna Nguyễn-Schmidt" at "Weiß & Söhne GmbH" (Germany) with "030 1234568" was stored in
Viet Nam, +84301234568; a vCard contact with a +49 number got country VN."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from app import records
from db.engine import read_session, unit_of_work
from tests.cli.inproc import run_cli


def _contact(engine: Engine, cid: int) -> dict[str, object]:
    with read_session(engine) as s:
        return records.get(s, "contact", cid)


def test_a_national_number_at_a_german_organisation_is_german(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(
            s, "organisation", {"name": "Weiß & Söhne GmbH", "country": "DE", "city": "Erlangen"}
        )
        anna = records.create(
            s,
            "contact",
            {"full_name": "Anna Nguyễn-Schmidt", "organisation_id": org, "phones": ["030 1234568"]},
        )
        home = records.create(s, "organisation", {"name": "Công ty Genetica"})
        lan = records.create(
            s, "contact", {"full_name": "Trần Thị Lan", "organisation_id": home, "phones": ["0912 345 678"]}
        )
    assert (_contact(engine, anna)["phones"], _contact(engine, anna)["country"]) == (["+49301234568"], "DE")
    assert (_contact(engine, lan)["phones"], _contact(engine, lan)["country"]) == (["+84912345678"], "VN")


def test_a_contact_s_own_country_reads_their_number(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        kim = records.create(
            s, "contact", {"full_name": "Kim Min-jun", "country": "KR", "phones": ["010-1234-5678"]}
        )
    assert _contact(engine, kim)["phones"] == ["+821012345678"]


def test_a_contact_without_a_country_takes_it_from_a_foreign_number(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        sato = records.create(s, "contact", {"full_name": "Sato Yuki", "phones": ["+81 3-1234-5678"]})
    assert _contact(engine, sato)["country"] == "JP"


def test_a_vcard_with_a_german_number_is_a_contact_in_germany(tmp_path: Path) -> None:
    card = tmp_path / "weiss.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xc3\xbcrgen Wei\xc3\x9f\r\nTEL;TYPE=WORK:+49 9131 123456\r\nEND:VCARD\r\n"
    )
    db = tmp_path / "k.db"
    assert run_cli(db, "import", str(card)).returncode == 0
    shown = run_cli(db, "contact", "show", "1")
    assert "Germany" in shown.stdout and "Viet Nam" not in shown.stdout
