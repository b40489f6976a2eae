"""Sheets typed in the legacy Vietnamese encodings (TCVN3 with the .VnTime fonts, VNI-Windows with
VNI-Times), as ministries and provinces still send them: the cells hold the fonts' bytes, shown
as Latin-1 ("NguyÔn V¨n Hïng"). Imported, the names are Unicode, the header typed in TCVN3 is
recognised, the sheet says once what was read and how; English, French and Unicode Vietnamese
are left as they are."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.importing import inspect_sheet, legacy_note
from app.importing import legacy as lg
from app.importing.messages import text
from db import models as m
from db.engine import read_session
from db.migrate import open_database
from tests.app.importing.helpers import do_import, write_xlsx

PEOPLE = [
    ("Nguyễn Văn Hùng", "Phó Giám đốc", "Sở Khoa học và Công nghệ Hà Nội", "hung.nv@dost.hanoi.gov.vn"),
    ("Trần Thị Thuỷ", "Chuyên viên", "Bộ Khoa học và Công nghệ", "thuy.tt@most.gov.vn"),
    ("Lê Hoàng Ánh", "Trưởng phòng", "Trung tâm Đổi mới sáng tạo Quốc gia", "anh.lh@nic.gov.vn"),
    ("Phạm Đức Thắng", "Giám đốc", "Sở Khoa học và Công nghệ Đà Nẵng", "thang.pd@danang.gov.vn"),
    ("Đỗ Thị Ngọc Diệp", "Phó Viện trưởng", "Viện Vật lý", "diep.dtn@iop.vast.vn"),
    ("Vũ Quốc Trưởng", "Chuyên viên chính", "Ủy ban nhân dân tỉnh Quảng Ninh", "truong.vq@quangninh.gov.vn"),
]
HEADER = ["Họ và tên", "Chức vụ", "Đơn vị", "Email"]


@pytest.mark.parametrize("encoding", lg.ENCODINGS)
def test_each_table_reads_back_all_134_vietnamese_letters(encoding: str) -> None:
    """Every letter, small and capital, with every tone: written as the font holds it and read
    back. TCVN3 has no capital toned letters (a capital font draws the small ones' bytes as
    capitals): they come back as capitals in a word typed in capitals, "NỄN" in "NÔN"."""
    assert len(lg.LETTERS) == 134 and len(set(lg.LETTERS)) == 134
    for letter in lg.LETTERS:
        assert unicodedata.is_normalized("NFC", letter)
        typed = lg.encode(letter, encoding)
        assert typed != letter or letter in "íìÍÌý", letter  # (VNI writes í, ì as themselves, TCVN3 ý)
        assert all(ord(c) <= 0xFF for c in typed), (letter, typed)  # bytes of an 8-bit font
        word = f"N{letter}N" if letter.isupper() else f"n{letter}n"
        assert lg.decode(lg.encode(word, encoding), encoding) == word, (letter, typed)
        if encoding == lg.VNI or letter in "ĂÂÊÔƠƯĐ":  # (a cell of one small toned TCVN3 letter
            assert lg.decode(typed, encoding) == letter, (letter, typed)  # is read as a capital)


def test_the_fonts_bytes_as_offices_send_them() -> None:
    assert lg.decode("NguyÔn V¨n Hïng", lg.TCVN3) == "Nguyễn Văn Hùng"
    assert lg.decode("Nguyeãn Vaên Huøng", lg.VNI) == "Nguyễn Văn Hùng"
    assert lg.decode("Hä vµ tªn", lg.TCVN3) == "Họ và tên"
    assert lg.decode("DANH S¸CH §¹I BIÓU", lg.TCVN3) == "DANH SÁCH ĐẠI BIỂU"  # a .VnTimeH title
    assert lg.decode("Hoµng ¸nh", lg.TCVN3) == "Hoàng Ánh"
    assert lg.decode("Lª Hµ", lg.TCVN3) == "Lê Hà"  # (not "LÊ HÀ": one capital a word)
    assert lg.decode("Ng­êi", lg.TCVN3) == "Người"  # ư is the soft hyphen's byte
    assert lg.decode("Quaûng Ngaõi, Ñaø Naüng, Thò xaõ Kyø Anh, Ngaåu nhieân yù", lg.VNI) == (
        "Quảng Ngãi, Đà Nẵng, Thị xã Kỳ Anh, Ngẩu nhiên ý"
    )


def _sheet(encoding: str | None, *, legacy_cols: tuple[int, ...] = (0, 1, 2)) -> list[list[Any]]:
    def typed(value: str, col: int) -> str:
        return lg.encode(value, encoding) if encoding and col in legacy_cols else value

    title = "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ"
    rows: list[list[Any]] = [[typed(title, 0)], [], [typed(h, c) for c, h in enumerate(HEADER)]]
    rows += [[typed(v, c) for c, v in enumerate(person)] for person in PEOPLE]
    return rows


@pytest.mark.parametrize(
    ("encoding", "example"),
    [
        (lg.TCVN3, '"NguyÔn V¨n Hïng" → "Nguyễn Văn Hùng"'),
        (lg.VNI, '"Nguyeãn Vaên Huøng" → "Nguyễn Văn Hùng"'),
    ],
)
def test_a_legacy_sheet_is_imported_as_unicode_and_said_once(
    tmp_path: Path, encoding: str, example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    path = write_xlsx(tmp_path / f"{encoding}.xlsx", {"Đại biểu": _sheet(encoding)})
    db = tmp_path / "k.db"
    engine = open_database(f"sqlite:///{db}")
    try:
        with read_session(engine) as s:
            layout = inspect_sheet(path, "Đại biểu", session=s)
        # the header typed in the legacy font names the columns once read
        assert layout.header_row == 3 and layout.headers == HEADER
        assert layout.kind == "contact" and layout.mapping[0] == "full_name"
        pv, _result = do_import(engine, path, "Đại biểu")
        note = legacy_note(pv)
        assert note is not None and note.level == "note"
        assert note.params["columns"] == ["Họ và tên (A)", "Chức vụ (B)", "Đơn vị (C)"]
        name = lg.NAMES[encoding]
        assert text(note, "en") == f"typed in the old {name} encoding, read as Unicode: " + (
            f"Họ và tên (A), Chức vụ (B), Đơn vị (C) (e.g. {example})"
        )
        assert text(note, "vi").startswith(
            f"gõ bằng bảng mã cũ {name}, đã chuyển sang Unicode: Họ và tên (A)"
        )
        with read_session(engine) as s:
            contacts = s.exec(select(m.Contact).where(m.Contact.deleted_at.is_(None))).all()  # type: ignore[union-attr]
            names = sorted(c.full_name for c in contacts)
            positions = sorted(c.position for c in contacts)
            orgs = sorted(s.exec(select(m.Organisation.name)).all())
        assert names == sorted(p[0] for p in PEOPLE)
        assert positions == sorted(p[1] for p in PEOPLE)
        assert orgs == sorted({p[2] for p in PEOPLE})
        assert all(unicodedata.is_normalized("NFC", n) for n in names + positions + orgs)
    finally:
        engine.dispose()
    # ketnoi import says it once, under the sheet's line, in the language asked for
    assert main(["import", str(path), "--dry-run", "--db", str(tmp_path / "k2.db"), "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert out.count("lưu ý: gõ bằng bảng mã cũ") == 1, out
    assert example.replace("e.g.", "") in out


def test_one_legacy_column_among_unicode_ones_is_the_only_one_read(tmp_path: Path) -> None:
    """A list pasted together: the names typed in TCVN3, the positions and organisations in
    Unicode. The Unicode columns are left exactly as typed."""
    path = write_xlsx(tmp_path / "mixed.xlsx", {"DS": _sheet(lg.TCVN3, legacy_cols=(0,))})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _ = do_import(engine, path, "DS")
        assert pv.legacy is not None and pv.legacy.columns == (0,)
        with read_session(engine) as s:
            contacts = s.exec(select(m.Contact)).all()
            assert sorted((c.full_name, c.position) for c in contacts) == sorted((p[0], p[1]) for p in PEOPLE)
    finally:
        engine.dispose()


FOREIGN = [
    ["Name", "Position", "Organisation", "Email", "City"],
    ["Jean-Luc Müller", "Directeur général", "Société Générale", "jl.muller@socgen.fr", "Paris"],
    ["Hélène Dupré", "Chargée d'affaires", "Ambassade de France au Việt Nam", "helene.dupre@diplomatie.fr", "Hà Nội"],
    ["José Peña Núñez", "Gerente", "Telefónica España", "jose.pena@telefonica.es", "Madrid"],
    ["Zoë Brontë", "Head of Café Partnerships", "Café Noël Ltd", "zoe@cafenoel.co.uk", "London"],
    ["Nguyễn Văn Hùng", "Phó Giám đốc", "Sở Khoa học và Công nghệ", "hung@dost.gov.vn", "Hồ Chí Minh"],
    ["Trần Thị Thuỷ", "Chuyên viên", "Bộ Khoa học và Công nghệ", "thuy@most.gov.vn", "Hòa Bình"],
    ["Lê Hoàng Ánh", "Trưởng phòng", "Hội đồng Quốc gia", "anh@nic.gov.vn", "Thái Nguyên"],
    ["Phạm Đức Thắng", "Giám đốc", "Công ty Cổ phần Đức Việt", "thang@ducviet.vn", "Đà Nẵng"],
    ["Mỹ Tâm", "Thư ký", "Tổng công ty Bưu chính", "tam@vnpost.vn", "Huế"],
    ["Hồ Thị Lý", "Kế toán", "Phòng Tài chính", "ly@tc.vn", "Cà Mau"],
    ["Đoàn Thế Lộc", "Cố vấn", "Viện Toán học", "loc@math.ac.vn", "Vũng Tàu"],
]  # fmt: skip


def test_english_french_and_unicode_vietnamese_are_never_converted(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "foreign.xlsx", {"Contacts": FOREIGN})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _ = do_import(engine, path, "Contacts")
        assert pv.legacy is None and legacy_note(pv) is None
        with read_session(engine) as s:
            names = sorted(c.full_name for c in s.exec(select(m.Contact)).all())
            orgs = set(s.exec(select(m.Organisation.name)).all())
    finally:
        engine.dispose()
    assert names == sorted(r[0] for r in FOREIGN[1:])
    assert {"Société Générale", "Telefónica España", "Café Noël Ltd"} <= orgs


@pytest.mark.parametrize(
    "values",
    [
        [
            "café",
            "Société Générale",
            "Müller",
            "Crème brûlée",
            "Hôtel de Ville",
            "déjà vu",
            "naïve",
            "où",
            "dû",
        ],
        ["Nguyễn Văn Hùng", "Hòa Bình", "Hồ Chí Minh", "Lê Thị Hà", "Tô Lâm", "Phòng Tổ chức", "Chí Linh"],
        ["São Paulo", "Ångström", "Ñandú", "Zürich", "Kraków", "Dvořák", "Œuvre", "ß", "Tôt ou tard"],
    ],
)
def test_columns_of_other_languages_are_not_taken_for_legacy(values: list[str]) -> None:
    rows = [(n, [v, v.upper()]) for n, v in enumerate(values * 3, start=1)]
    assert lg.detect(rows) is None


@pytest.mark.parametrize("encoding", lg.ENCODINGS)
def test_a_legacy_sheet_saved_as_csv_is_read_as_unicode(tmp_path: Path, encoding: str) -> None:
    """Saved as CSV, the sheet is in the fonts' bytes, which the Vietnamese code page (cp1258,
    which the reader would otherwise take) reads as other letters ("Th̃" for "ThÞ")."""
    lines = [",".join(HEADER)] + [",".join(p) for p in PEOPLE]
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(lg.encode("\r\n".join(lines), encoding).encode("cp1252"))
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _ = do_import(engine, path)
        assert pv.legacy is not None and pv.legacy.encoding == encoding
        with read_session(engine) as s:
            assert sorted(c.full_name for c in s.exec(select(m.Contact)).all()) == sorted(
                p[0] for p in PEOPLE
            )
    finally:
        engine.dispose()


def test_a_tcvn3_xls_workbook_is_read_once_as_unicode(tmp_path: Path) -> None:
    """Excel 97-2003: the sheet is parsed once, kept between the header search and the reading
    of the rows; its kept rows are not decoded a second time ("Hùng" read again as TCVN3 would
    be "Hựng")."""
    from tests.app.importing.test_formats import write_xls

    path = write_xls(tmp_path / "dai-bieu.xls", {"DS": _sheet(lg.TCVN3)})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        for _ in range(2):  # (a second import reads the kept parse again)
            pv, _ = do_import(engine, path, "DS")
            assert pv.legacy is not None and pv.legacy.encoding == lg.TCVN3
        with read_session(engine) as s:
            contacts = s.exec(select(m.Contact)).all()
            assert sorted(c.full_name for c in contacts) == sorted(p[0] for p in PEOPLE)
            assert sorted(c.position for c in contacts) == sorted(p[1] for p in PEOPLE)
    finally:
        engine.dispose()


OLD_LIST = ["Trần Thị Lan", "Nguyễn Văn Hùng", "Lê Quốc Toàn", "Phạm Thị Hương"]
"""An old list typed in the legacy fonts, every one "Chuyên viên" at "Bộ Tài chính"."""


def _stored(engine: Any) -> tuple[list[tuple[str, str | None]], list[str]]:
    with read_session(engine) as s:
        contacts = s.exec(select(m.Contact)).all()
        orgs = sorted(s.exec(select(m.Organisation.name)).all())
        return sorted((c.full_name, c.position) for c in contacts), orgs


@pytest.mark.parametrize("encoding", lg.ENCODINGS)
def test_a_row_added_in_unicode_to_a_legacy_list_is_kept_as_typed(tmp_path: Path, encoding: str) -> None:
    """The reviewer's list: an old TCVN3 list, one row added later in Unicode. That row was
    read as TCVN3 too ("Bựi Thị Hà · Chuyờn viờn chớnh · Bộ Tài chớnh") and made a second
    organisation "Bộ Tài chớnh" (in VNI, "Hòa" was "Hịa"); a cell already in Unicode is now left
    as typed."""
    enc = lambda s: lg.encode(s, encoding)  # noqa: E731
    rows: list[list[Any]] = [[enc(h) for h in HEADER[:3]]]
    rows += [[enc(n), enc("Chuyên viên"), enc("Bộ Tài chính")] for n in OLD_LIST]
    rows.append(["Bùi Thị Hòa", "Chuyên viên chính", "Bộ Tài chính"])
    path = write_xlsx(tmp_path / "added.xlsx", {"DS": rows})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _ = do_import(engine, path, "DS")
        assert pv.legacy is not None and pv.legacy.encoding == encoding
        people, orgs = _stored(engine)
    finally:
        engine.dispose()
    assert people == sorted([(n, "Chuyên viên") for n in OLD_LIST] + [("Bùi Thị Hòa", "Chuyên viên chính")])
    assert orgs == ["Bộ Tài chính"]


@pytest.mark.parametrize("added", [False, True], ids=["legacy rows", "and one unicode row"])
def test_a_unicode_header_over_legacy_rows_names_the_column(tmp_path: Path, added: bool) -> None:
    """The reviewer's sheets: the header typed again in Unicode ("Họ và tên") over rows in
    TCVN3. The header was read as TCVN3 ("Họ và tờn"), named no field, and every row was
    rejected ("Họ và tên / Full name: required, but empty"); the note named B and C only."""
    tc = lambda s: lg.encode(s, lg.TCVN3)  # noqa: E731
    rows: list[list[Any]] = [HEADER[:3]]
    rows += [[tc(n), tc("Chuyên viên"), tc("Bộ Tài chính")] for n in OLD_LIST]
    if added:
        rows.append(["Bùi Thị Hà", "Chuyên viên chính", "Bộ Tài chính"])
    path = write_xlsx(tmp_path / "header.xlsx", {"DS": rows})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _result = do_import(engine, path, "DS")
        assert pv.layout.headers == HEADER[:3] and pv.layout.mapping[0] == "full_name"
        assert [r.row for r in pv.rows if r.status == "error"] == []
        note = legacy_note(pv)
        assert note is not None and note.params["columns"] == ["Họ và tên (A)", "Chức vụ (B)", "Đơn vị (C)"]
        people, orgs = _stored(engine)
    finally:
        engine.dispose()
    expected = [(n, "Chuyên viên") for n in OLD_LIST] + (
        [("Bùi Thị Hà", "Chuyên viên chính")] if added else []
    )
    assert people == sorted(expected)
    assert orgs == ["Bộ Tài chính"]


@pytest.mark.parametrize("encoding", lg.ENCODINGS)
def test_a_sheet_half_legacy_half_unicode_is_read_as_legacy(tmp_path: Path, encoding: str) -> None:
    """The reviewer's sheet: three rows typed in TCVN3, three added in Unicode. Nothing was
    found, and "TrÇn ThÞ Lan" at "Bé Tµi chÝnh" was stored as typed."""
    enc = lambda s: lg.encode(s, encoding)  # noqa: E731
    added = ["Bùi Thị Hà", "Phó Đức Toàn", "Lý Thị Mỹ Hòa"]
    rows: list[list[Any]] = [[*HEADER[:3], "Ghi chú"]]
    rows += [[enc(n), enc("Chuyên viên"), enc("Bộ Tài chính"), enc("Hà Nội")] for n in OLD_LIST[:3]]
    rows += [[n, "Chuyên viên", "Bộ Tài chính", "Café sáng thứ Hai"] for n in added]
    path = write_xlsx(tmp_path / "half.xlsx", {"DS": rows})
    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    try:
        pv, _ = do_import(engine, path, "DS")
        assert pv.legacy is not None and pv.legacy.encoding == encoding
        people, orgs = _stored(engine)
    finally:
        engine.dispose()
    assert people == sorted((n, "Chuyên viên") for n in OLD_LIST[:3] + added)
    assert orgs == ["Bộ Tài chính"]


def test_a_cell_vietnamese_both_ways_is_read_only_in_a_legacy_row() -> None:
    """ "Ghi chó" is "Ghi chú" typed in TCVN3, and "Tô Lâm" would be "Tụ Lỏm": both are
    Vietnamese as typed. The header typed in TCVN3 is read (its row holds "Hä vµ tªn"), over
    an empty column too; a name added in Unicode in a row of its own is kept."""
    tc = lambda s: lg.encode(s, lg.TCVN3)  # noqa: E731
    rows: list[tuple[int, list[Any]]] = [(1, [tc("Họ và tên"), tc("Chức vụ"), tc("Ghi chú")])]
    rows += [(n, [tc(name), tc("Cố vấn"), None]) for n, name in enumerate(OLD_LIST, start=2)]
    rows.append((9, ["Tô Lâm", "Cố vấn", None]))
    assert tc("Ghi chú") == "Ghi chó" and tc("Cố vấn") == "Cè vÊn"
    read = [values for _n, values in lg.converted(iter(rows))]
    assert read[0] == ["Họ và tên", "Chức vụ", "Ghi chú"]
    assert [r[:2] for r in read[1:]] == [[n, "Cố vấn"] for n in OLD_LIST] + [["Tô Lâm", "Cố vấn"]]


def test_a_unicode_name_in_a_tcvn3_row_is_kept_and_a_tcvn3_one_toned_both_ways_is_read() -> None:
    """Reviewer: in a row of TCVN3 cells, the Unicode "Tô Lâm" (a name added later, in a cell of
    its own) became "Tụ Lõm": its words are untoned syllables as typed, which TCVN3 could only
    have typed with « and ©, and it is kept. A name typed in TCVN3 that reads as Vietnamese
    both ways with a tone both ways ("Vò Tó", TCVN3 for "Vũ Tú") is read as its row is."""
    tc = lambda s: lg.encode(s, lg.TCVN3)  # noqa: E731
    assert tc("Vũ Tú") == "Vò Tó"
    rows: list[tuple[int, list[Any]]] = [(1, [tc("Họ và tên"), tc("Chức vụ"), tc("Đơn vị")])]
    rows += [(n, [tc(name), tc("Cố vấn"), tc("Bộ Tài chính")]) for n, name in enumerate(OLD_LIST, start=2)]
    rows.append((9, ["Tô Lâm", tc("Cố vấn"), tc("Bộ Tài chính")]))
    rows.append((10, ["Lê Văn Tô", tc("Cố vấn"), tc("Bộ Tài chính")]))
    rows.append((11, [tc("Vũ Tú"), tc("Cố vấn"), tc("Bộ Tài chính")]))
    read = [values for _n, values in lg.converted(iter(rows))]
    assert [r[0] for r in read[-3:]] == ["Tô Lâm", "Lê Văn Tô", "Vũ Tú"]
    assert all(r[1:] == ["Cố vấn", "Bộ Tài chính"] for r in read[1:])
