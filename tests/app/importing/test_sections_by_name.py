"""A delegate list's headings that do not begin with an organisation's word: a company written
by its brand after the section's numbering ("II | GENETICA", merged across the table, as
reviewer h149's list wrote it), in capitals or not, or with its legal form ("CÔNG TY
GENETICA", "TẬP ĐOÀN VIETTEL"), give their organisation to the rows below, matched to the
saved one as the import matches any row's organisation (app.importing.sections). A numbered
row with only a person's name stays a person. Real workbooks written with openpyxl (merged
cells included), read back through the import into a real SQLite file, and ``ketnoi import``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app.importing.sections import without_legal_form
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import do_import, preview
from tests.cli.inproc import run_cli

HEADER = ["STT", "Họ và tên", "Chức vụ", "Điện thoại", "Email"]


def saved(engine: Engine) -> dict[str, int]:
    """Genetica and Viettel as the sample data saves them (Viettel by its acronym)."""
    ids: dict[str, int] = {}
    with unit_of_work(engine) as session:
        for key, org in (
            ("genetica", m.Organisation(name="Genetica", kind="startup")),
            (
                "viettel",
                m.Organisation(
                    name="Tập đoàn Công nghiệp - Viễn thông Quân đội", acronym="Viettel", kind="enterprise"
                ),
            ),
            ("most", m.Organisation(name="Bộ Khoa học và Công nghệ", acronym="MOST", kind="ministry")),
        ):
            session.add(org)
            session.flush()
            assert org.id is not None
            ids[key] = org.id
    return ids


def sections(path: Path, first: str, second: str) -> Path:
    """Reviewer h149's sec-a/b/c.xlsx: two headings merged across B:E, numbered I and II."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(HEADER)
    ws.append(["I", first])  # row 2
    ws.merge_cells("B2:E2")
    ws.append([1, "Phan Văn Khải", "Kỹ sư", "0988111200", "khai@genetica.vn"])
    ws.append([2, "Lê Thị Mận", "Chuyên viên", "0988111300", "man@genetica.vn"])
    ws.append(["II", second])  # row 5
    ws.merge_cells("B5:E5")
    ws.append([3, "Đỗ Văn Tài", "Kỹ sư", "0988111201", "tai@viettel.vn"])
    ws.append([4, "Lê Thị Thu", "Chuyên viên", "0988111301", "thu@viettel.vn"])
    wb.save(path)
    return path


def people(engine: Engine) -> dict[str, int | None]:
    with read_session(engine) as session:
        return dict(session.execute(select(m.Contact.full_name, m.Contact.organisation_id)).all())  # type: ignore[arg-type]


def organisations(engine: Engine) -> list[str]:
    with read_session(engine) as session:
        return sorted(session.scalars(select(m.Organisation.name)))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GENETICA", "VIETTEL"),  # sec-a.xlsx: one word in capitals
        ("Genetica", "Viettel"),  # sec-c.xlsx: as the records write them
        ("CÔNG TY GENETICA", "TẬP ĐOÀN VIETTEL"),  # sec-b.xlsx: with their legal form
    ],
)
def test_a_heading_files_its_people_under_the_saved_organisation(
    tmp_path: Path, first: str, second: str
) -> None:
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    ids = saved(engine)
    pv, _result = do_import(engine, sections(tmp_path / "ds.xlsx", first, second))
    assert people(engine) == {
        "Phan Văn Khải": ids["genetica"],
        "Lê Thị Mận": ids["genetica"],
        "Đỗ Văn Tài": ids["viettel"],
        "Lê Thị Thu": ids["viettel"],
    }
    assert organisations(engine) == [
        "Bộ Khoa học và Công nghệ",
        "Genetica",
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
    ]
    by_row = {r.row: r for r in pv.rows}
    assert by_row[2].status == by_row[5].status == "skip"
    assert by_row[2].reasons[0].code == "section_organisation"
    assert by_row[2].reasons[0].params["rows"] == "3-4"
    assert by_row[5].reasons[0].params["rows"] == "6-7"
    # the heading's row says which saved organisation its rows go to, when it writes it otherwise
    viettel = [x for x in by_row[5].reasons if x.code == "section_saved_as"]
    assert [(x.params["text"], x.params["id"]) for x in viettel] == [(second, ids["viettel"])]
    genetica = [x.params["id"] for x in by_row[2].reasons if x.code == "section_saved_as"]
    assert genetica == ([] if first == "Genetica" else [ids["genetica"]])


def test_the_reviewers_list_files_the_genetica_engineer_under_genetica(tmp_path: Path) -> None:
    """ds-dai-bieu.xlsx: a title, a blank row, the header on row 3; "I | BỘ KHOA HỌC VÀ CÔNG
    NGHỆ" and "II | GENETICA" merged across B:F; the Ministry's people, then Genetica's."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "DS dai bieu"
    ws.append(["DANH SÁCH ĐẠI BIỂU DỰ HỘI THẢO SANDBOX, 09/12/2026"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Điện thoại", "Email", "Ghi chú"])
    ws.append(["I", "BỘ KHOA HỌC VÀ CÔNG NGHỆ"])  # row 4
    ws.merge_cells("B4:F4")
    ws.append([1, "Ông Lê Minh Quang", "Vụ trưởng Vụ Công nghệ cao", "0903 112 233", "quang.lm@most.gov.vn"])
    ws.append([2, "Bà Ngô Anh Uyên", "Trưởng phòng", "0917 292 250", "uyen.ngo@most.gov.vn", "đã có"])
    ws.append(["II", "GENETICA"])  # row 7
    ws.merge_cells("B7:F7")
    ws.append([3, "Nguyen Thi Hoa", "Kỹ sư", "0988 111 222", "hoa.nt@genetica.vn"])
    ws.append(["III", "KHÁCH MỜI QUỐC TẾ"])  # row 9
    ws.merge_cells("B9:F9")
    ws.append([4, "Jürgen Weiß", "CTO, Soratech GmbH", "+49 30 1234567", "jw@soratech.de"])
    path = tmp_path / "ds-dai-bieu.xlsx"
    wb.save(path)

    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    ids = saved(engine)
    pv, _result = do_import(engine, path)
    assert people(engine) == {
        "Lê Minh Quang": ids["most"],
        "Ngô Anh Uyên": ids["most"],
        "Nguyen Thi Hoa": ids["genetica"],  # was filed under the Ministry
        "Jürgen Weiß": None,
    }  # and no contact "Genetica"
    assert len(organisations(engine)) == 3
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (4, 7, 9)] == ["skip"] * 3
    assert by_row[4].reasons[0].params["rows"] == "5-6"  # (was "5-8": the Genetica rows too)
    assert by_row[7].reasons[0].params == {"organisation": "GENETICA", "rows": "8"}


def test_ketnoi_import_names_the_headings(tmp_path: Path) -> None:
    """``ketnoi import --dry-run --lang vi`` of sec-a.xlsx said "mới 6" and no heading."""
    db = tmp_path / "k.db"
    ids = saved(open_database(f"sqlite:///{db}"))
    path = sections(tmp_path / "sec-a.xlsx", "GENETICA", "VIETTEL")
    done = run_cli(db, "import", str(path), "--dry-run", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert "mới 4, cập nhật 0, trùng 0, lỗi 0, bỏ qua 2 (dòng tiêu đề nhóm)" in done.stdout
    assert (
        'dòng 2: dòng tiêu đề nhóm: tổ chức "GENETICA" được gán cho các dòng bên dưới chưa ghi tổ chức: 3-4; '
        f'"GENETICA" là tổ chức đã có Genetica (#{ids["genetica"]}); các dòng trong nhóm được gán vào tổ chức này'
    ) in done.stdout
    assert f"Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) (#{ids['viettel']})" in done.stdout
    assert "tạo" not in done.stdout  # no organisation created
    en = run_cli(db, "import", str(path), "--dry-run")
    assert (
        f'"VIETTEL" is the saved organisation Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) (#{ids["viettel"]})'
        in en.stdout
    )


def test_a_new_organisation_keeps_the_headings_name_as_written(tmp_path: Path) -> None:
    """Nothing saved: "GENETICA" is a new organisation, in capitals as written (Ketnoi gives
    capitals a readable case in a person's name only)."""
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    do_import(engine, sections(tmp_path / "ds.xlsx", "GENETICA", "CÔNG TY CP VIETTEL"))
    assert organisations(engine) == ["CÔNG TY CP VIETTEL", "GENETICA"]
    with read_session(engine) as session:
        by_org = dict(
            session.execute(
                select(m.Contact.full_name, m.Organisation.name).join(
                    m.Organisation,
                    m.Organisation.id == m.Contact.organisation_id,  # type: ignore[arg-type]
                )
            ).all()
        )
    assert by_org == {
        "Phan Văn Khải": "GENETICA",
        "Lê Thị Mận": "GENETICA",
        "Đỗ Văn Tài": "CÔNG TY CP VIETTEL",
        "Lê Thị Thu": "CÔNG TY CP VIETTEL",
    }


def test_a_numbered_name_is_a_heading_only_if_an_organisation_has_it(tmp_path: Path) -> None:
    """Numbered 1, 2 (digits) and in small letters, a name alone is a heading when the database
    has that organisation ("Genetica") or a row of the sheet names it in its organisation
    column ("Do Ventures"); a person's name alone ("Trần Văn Bình", "Madonna") stays a person
    with nothing else known, as before; "III | KHÁC" (the others) names no organisation and
    ends the section."""
    path = tmp_path / "ds.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Danh bạ"
    ws.append(["TT", "Họ và tên", "Đơn vị", "Email"])
    ws.append([1, "Genetica"])  # row 2: saved
    ws.append(["1.1", "Phan Văn Khải", None, "khai@genetica.vn"])
    ws.append(["1.2", "Trần Văn Bình"])  # row 4: a person, nothing else known
    ws.append([2, "Do Ventures"])  # row 5: named by row 8's organisation column
    ws.append(["2.1", "Madonna"])  # row 6: a person of one name
    ws.append(["III", "KHÁC"])  # row 7
    ws.merge_cells("B7:D7")
    ws.append(["3.1", "Nguyễn Thu Trang", "Do Ventures", "trang@doventures.vn"])
    ws.append(["3.2", "Lê Văn Nam", None, "nam@example.vn"])
    wb.save(path)
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    ids = saved(engine)
    pv, _result = do_import(engine, path)
    with read_session(engine) as session:
        ventures = session.scalars(
            select(m.Organisation.id).where(m.Organisation.name == "Do Ventures")
        ).one()
    assert people(engine) == {
        "Phan Văn Khải": ids["genetica"],
        "Trần Văn Bình": ids["genetica"],
        "Madonna": ventures,
        "Nguyễn Thu Trang": ventures,  # (its own)
        "Lê Văn Nam": None,  # under "KHÁC", which names none
    }
    by_row = {r.row: r for r in pv.rows}
    assert [by_row[n].status for n in (2, 5, 7)] == ["skip"] * 3
    assert [by_row[n].status for n in (4, 6)] == ["new"] * 2
    assert by_row[7].reasons[0].code == "section_heading"


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("CÔNG TY GENETICA", "genetica"),
        ("CÔNG TY CP FPT", "fpt"),
        ("Công ty TNHH MTV Genetica", "genetica"),
        ("TẬP ĐOÀN VIETTEL", "viettel"),
        ("Tổng công ty Viettel", "viettel"),
        ("Genetica JSC", "genetica"),
        ("Genetica Co., Ltd", "genetica"),
        ("Viettel Group", "viettel"),
        ("Genetica", ""),
        ("CÔNG TY", ""),
    ],
)
def test_a_legal_form_is_read_off_the_name(written: str, bare: str) -> None:
    assert without_legal_form(written) == bare


def test_a_legal_form_that_names_a_saved_organisation_as_written_keeps_it(tmp_path: Path) -> None:
    """ "Công ty Cổ phần FPT" saved: the heading "CÔNG TY CỔ PHẦN FPT" is that one as written
    (never its bare "FPT" looked up first), and nothing is said of a heading the records write
    the same way."""
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    with unit_of_work(engine) as session:
        fpt = m.Organisation(name="Công ty Cổ phần FPT", acronym="FPT", kind="enterprise")
        other = m.Organisation(name="FPT", kind="enterprise")  # (a record named as the acronym)
        session.add_all([fpt, other])
        session.flush()
        fpt_id = fpt.id
    pv = preview(engine, sections(tmp_path / "ds.xlsx", "CÔNG TY CỔ PHẦN FPT", "KHÁCH MỜI QUỐC TẾ"))
    by_row: dict[int, Any] = {r.row: r for r in pv.rows}
    assert by_row[3].columns is not None and by_row[3].columns["organisation_id"] == fpt_id
    assert by_row[6].columns is not None and by_row[6].columns["organisation_id"] is None
