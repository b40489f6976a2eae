"""An organisation's country follows a location that names another country (reviewer: Kennesaw
State University, Location "Georgia, USA", came in with Country = VN). Viet Nam only when
nothing says otherwise; a location naming two countries is not guessed from and says so."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from app.importing.messages import text
from db import models as m
from db.engine import Engine, read_session
from tests.app.importing.helpers import SAMPLE, do_import, write_xlsx


def _countries(engine: Engine) -> dict[str, str]:
    with read_session(engine) as s:
        return {o.name: o.country for o in s.exec(select(m.Organisation)).all()}


def test_the_field_workbooks_american_university_is_in_the_united_states(engine: Engine) -> None:
    _pv, result = do_import(engine, SAMPLE, "Organisations", kind="organisation")
    assert result.counts["new"] == 14
    got = _countries(engine)
    assert got["Kennesaw State University"] == "US"
    assert got["Trung tâm Đổi mới sáng tạo Quốc gia"] == got["Anti-Scam"] == "VN"  # Hòa Lạc, TP. HCM


def test_a_location_names_the_country_a_country_column_still_wins(engine: Engine, tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "orgs.xlsx",
        {
            "Organisations": [
                ["Organisation", "Location", "Quốc gia"],
                ["Kennesaw State University", "Georgia, USA", None],
                ["University of Tokyo", "Tokyo, Nhật Bản", ""],
                ["KAIST", "Daejeon (Hàn Quốc)", None],
                ["UIUC", "Urbana, IL, United States", None],
                ["Qualcomm AI R&D Center Hanoi", "Hà Nội", None],
                ["Imperial College", "London - Anh", None],
                ["NIC", "Hòa Lạc, Hà Nội", None],
                ["Samsung SRV", "Seoul, Korea", "VN"],  # the office says VN: kept
                ["Mỹ Đình Centre", "Mỹ Đình, Hà Nội", None],  # "Mỹ" inside a place name: Viet Nam
                ["Hai văn phòng", "Hà Nội / Tokyo, Japan", None],
            ]
        },
    )
    pv, result = do_import(engine, book, kind="organisation")
    assert result.counts["new"] == 10
    got = _countries(engine)
    assert got == {
        "Kennesaw State University": "US",
        "University of Tokyo": "JP",
        "KAIST": "KR",
        "UIUC": "US",
        "Qualcomm AI R&D Center Hanoi": "VN",
        "Imperial College": "GB",
        "NIC": "VN",
        "Samsung SRV": "VN",
        "Mỹ Đình Centre": "VN",
        "Hai văn phòng": "VN",
    }
    said = {r.row: [text(w, "en") for w in r.said_warnings] for r in pv.rows}
    vi = {r.row: [text(w, "vi", where=True) for w in r.said_warnings] for r in pv.rows}
    assert said[11] == [
        'Location (B): "Hà Nội / Tokyo, Japan" names more than one country (VN, JP): '
        "Country left as VN; check it"
    ]
    assert vi[11] == [
        'trang "Organisations", dòng 11, cột Location (B): "Hà Nội / Tokyo, Japan" nêu tên nhiều nước '
        "(VN, JP): Quốc gia để là VN; hãy kiểm tra lại"
    ]
    assert all(not w for row, w in said.items() if row != 11), said


def test_updating_an_organisation_takes_the_country_its_location_names(
    engine: Engine, tmp_path: Path
) -> None:
    """An organisation imported before (as VN) and imported again with "overwrite" moves to the
    country its location names: the location is what the row says of its country."""
    first = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "Organisations": [
                ["Organisation", "Website"],
                ["Kennesaw State University", "https://kennesaw.edu"],
            ]
        },
    )
    do_import(engine, first, kind="organisation")
    assert _countries(engine) == {"Kennesaw State University": "VN"}
    again = write_xlsx(
        tmp_path / "b.xlsx",
        {"Organisations": [["Organisation", "Location"], ["Kennesaw State University", "Georgia, USA"]]},
    )
    _pv, result = do_import(engine, again, kind="organisation", on_match="overwrite")
    assert result.counts["update"] == 1
    assert _countries(engine) == {"Kennesaw State University": "US"}
