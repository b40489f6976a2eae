"""The preview says which new rows are probably a record Ketnoi has under another spelling, and
leaves them new (app.importing.likely).

Reviewer: importing an office's contact list made "Tanaka Hiroshi" a second contact beside the
same organisation's "Hiroshi Tanaka", and "Genetca" a new organisation beside "Genetica"; only
Find duplicates, after the import, caught them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app.importing import run_import
from app.importing.messages import Message, text
from db import models as m
from db.engine import read_session
from tests.app.importing.helpers import by_status, do_import, preview, write_xlsx

HEAD = ["Họ và tên", "Đơn vị", "Email"]
LIKELY = ("likely_contact", "likely_row", "likely_organisation")


def _book(path: Path, rows: list[list[Any]]) -> Path:
    return write_xlsx(path, {"Danh bạ": [HEAD, *rows]})


def _said(pv: Any) -> dict[int, list[Message]]:
    """The notes of each row about a record it probably is."""
    return {r.row: [x for x in r.reasons if x.code in LIKELY] for r in pv.rows}


def _ids(engine: Engine, model: Any, column: Any) -> dict[str, int]:
    with read_session(engine) as s:
        rows = s.exec(select(column, model.id).where(col(model.deleted_at).is_(None))).all()
    return {name: ident for name, ident in rows}


@pytest.fixture(params=["index", "every contact"])
def office(request: pytest.FixtureRequest, engine: Engine, tmp_path: Path) -> dict[str, int]:
    """Genetica's people and FPT's, as a first import left them: name → id. The contacts a row
    may be are found by the full-text index (a few rows), or among every contact read (many)."""
    if request.param == "every contact":
        request.getfixturevalue("monkeypatch").setattr("app.importing.likely.FEW", 0)
    do_import(engine, _book(tmp_path / "first.xlsx", [
        ["Hiroshi Tanaka", "Genetica", "tanaka@genetica.vn"],
        ["Nguyễn Văn Hùng", "Genetica", None],
        ["Trần Thị Mai", None, None],
        ["Phạm Minh Đức", "FPT", None],
    ]))  # fmt: skip
    return _ids(engine, m.Contact, m.Contact.full_name)


def test_a_name_in_another_order_is_said_and_stays_new(
    engine: Engine, office: dict[str, int], tmp_path: Path
) -> None:
    path = _book(tmp_path / "office.xlsx", [["Tanaka Hiroshi", "Genetica", "hiroshi.t@genetica.vn"]])
    pv = preview(engine, path)
    assert by_status(pv) == {"new": [2]}
    (note,) = _said(pv)[2]
    ident = office["Hiroshi Tanaka"]
    assert note.code == "likely_contact" and note.params["id"] == ident
    assert text(note) == (
        f"probably Hiroshi Tanaka (#{ident}), names in another order: imported as a new contact; to update "
        f"#{ident} instead, write the name and organisation as #{ident} has them, or merge the two after the "
        "import (Find duplicates)"
    )
    assert text(note, "vi") == (
        f"có lẽ là Hiroshi Tanaka (#{ident}), họ tên viết theo thứ tự khác: được nhập thành liên hệ mới; để "
        f"cập nhật #{ident} thay vào đó, hãy ghi họ tên và đơn vị như #{ident} đang có, hoặc gộp hai bản ghi "
        "sau khi nhập (Tìm bản ghi trùng lặp)"
    )
    run_import(engine, pv)  # not merged silently: a second contact, the first unchanged
    after = _ids(engine, m.Contact, m.Contact.full_name)
    assert after["Hiroshi Tanaka"] == ident and "Tanaka Hiroshi" in after


def test_family_and_given_names_count_when_the_middle_names_do_not_contradict(
    engine: Engine, office: dict[str, int], tmp_path: Path
) -> None:
    path = _book(tmp_path / "office.xlsx", [
        ["Nguyễn Hùng", "Genetica", None],  # no middle name: probably Nguyễn Văn Hùng
        ["Nguyễn Đức Hùng", "Genetica", None],  # another middle name: another man
        ["Mai Trần Thị", "FPT", None],  # Trần Thị Mai has no organisation: probably her
        ["Hiroshi Tanaka", "FPT", None],  # the name alone, at another organisation: not said
        ["Trần Thị Mai", "FPT", None],  # the same name, the record has no organisation
    ])  # fmt: skip
    said = _said(preview(engine, path))
    assert [(n.params["id"], n.params["why"].code) for n in said[2]] == [
        (office["Nguyễn Văn Hùng"], "likely_family_given")
    ]
    assert said[3] == [] and said[5] == []
    assert [(n.params["id"], n.params["why"].code) for n in said[4]] == [
        (office["Trần Thị Mai"], "likely_other_order")
    ]
    assert [(n.params["id"], n.params["why"].code) for n in said[6]] == [
        (office["Trần Thị Mai"], "likely_same_name")
    ]
    assert text(said[2][0]).startswith(
        f"probably Nguyễn Văn Hùng (#{office['Nguyễn Văn Hùng']}), the same family and given names, "
        "middle names not contradicting: "
    )
    assert text(said[6][0], "vi").startswith(
        f"có lẽ là Trần Thị Mai (#{office['Trần Thị Mai']}), cùng họ tên, một bên không ghi đơn vị: "
    )


def test_a_row_is_compared_with_the_new_rows_above_it(engine: Engine, tmp_path: Path) -> None:
    path = _book(tmp_path / "office.xlsx", [
        ["Hiroshi Tanaka", "Genetica", "a@genetica.vn"],
        ["Lê Văn Nam", "Genetica", None],
        ["Tanaka Hiroshi", "Genetica", "b@genetica.vn"],
        ["Tanaka Hiroshi", "FPT", None],  # another organisation: not said
    ])  # fmt: skip
    pv = preview(engine, path)
    assert by_status(pv) == {"new": [2, 3, 4, 5]}
    said = _said(pv)
    assert said[2] == said[3] == said[5] == []
    (note,) = said[4]
    assert note.code == "likely_row" and note.params["other_row"] == 2
    assert text(note) == (
        'probably the same person as row 2 "Hiroshi Tanaka", names in another order: imported as another '
        "new contact; if it is, merge the two after the import (Find duplicates)"
    )
    assert text(note, "vi") == (
        'có lẽ cùng một người với dòng 2 "Hiroshi Tanaka", họ tên viết theo thứ tự khác: được nhập thành '
        "một liên hệ mới nữa; nếu đúng vậy, hãy gộp hai bản ghi sau khi nhập (Tìm bản ghi trùng lặp)"
    )


def test_a_misspelt_organisation_is_said_on_every_row_that_would_create_it(
    engine: Engine, office: dict[str, int], tmp_path: Path
) -> None:
    genetica = _ids(engine, m.Organisation, m.Organisation.name)["Genetica"]
    path = _book(tmp_path / "office.xlsx", [
        ["Lê Văn Nam", "Genetca", None],
        ["Đỗ Thu Hà", "Genetca", None],
        ["Vũ Minh Quân", "Genetica", None],
    ])  # fmt: skip
    pv = preview(engine, path)
    said = _said(pv)
    assert said[4] == []
    for row in (2, 3):
        (note,) = said[row]
        assert note.code == "likely_organisation"
        assert note.params["id"] == genetica
        assert text(note) == (
            f'organisation "Genetca" is probably Genetica (#{genetica}) spelt another way: it is created as '
            f"a new organisation; to use #{genetica}, write its name as #{genetica} has it, or merge the two "
            "after the import (Find duplicates)"
        )
        assert text(note, "vi") == (
            f'tổ chức "Genetca" có lẽ là Genetica (#{genetica}) viết khác đi: tổ chức này được tạo mới; để '
            f"dùng #{genetica}, hãy ghi tên như #{genetica} đang có, hoặc gộp hai tổ chức sau khi nhập "
            "(Tìm bản ghi trùng lặp)"
        )
    run_import(engine, pv)  # still a new organisation: the user decides
    assert set(_ids(engine, m.Organisation, m.Organisation.name)) == {"Genetica", "FPT", "Genetca"}


def test_an_organisations_sheet_row_of_a_misspelt_name_is_said(engine: Engine, tmp_path: Path) -> None:
    do_import(engine, write_xlsx(tmp_path / "orgs.xlsx", {"Tổ chức": [
        ["Tên tổ chức", "Tên viết tắt"],
        ["Tập đoàn Công nghiệp - Viễn thông Quân đội", "Viettel"],
        ["Sở Khoa học và Công nghệ Hà Nội", None],
        ["Trung tâm Đổi mới sáng tạo Quốc gia", "NIC"],
    ]}), kind="organisation")  # fmt: skip
    ids = _ids(engine, m.Organisation, m.Organisation.name)
    pv = preview(engine, write_xlsx(tmp_path / "more.xlsx", {"Tổ chức": [
        ["Tên tổ chức", "Tên viết tắt"],
        ["Vietel", None],  # the acronym of one, a letter short
        ["Sở Khoa học và Công nghệ Hà Nam", None],  # another province: a word of 3 letters
        ["NIA", None],  # an acronym of 3 letters: NIC's letters differ by nature
        ["Tập đoàn Công nghiệp Viễn thông Quân đội", "VTL"],  # the hyphen left out
    ]}), kind="organisation")  # fmt: skip
    assert by_status(pv) == {"new": [2, 3, 4, 5]}
    said = _said(pv)
    viettel = ids["Tập đoàn Công nghiệp - Viễn thông Quân đội"]
    assert [n.params["id"] for n in said[2]] == [viettel]
    assert said[3] == said[4] == []
    assert [n.params["id"] for n in said[5]] == [viettel]
    assert text(said[2][0]).startswith(
        f'organisation "Vietel" is probably Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) (#{viettel}) '
    )


@pytest.mark.parametrize(
    ("new", "old", "said"),
    [
        ("genetca", "genetica", True),  # a letter left out
        ("gnetica", "genetica", True),  # a letter left out at the start
        ("geentica", "genetica", True),  # two letters swapped: one edit
        ("genetica biotechnolgy", "genetica biotechnology", True),  # two words, one letter each
        ("biotecnolgy", "biotechnology", True),  # two edits in a word of 11 letters
        ("genetca biotechnolgy", "genetica biotechnology", True),  # two edits in all
        ("genetca biotecnolgy", "genetica biotechnology", False),  # three
        ("gentca", "genetica", False),  # two edits in a word of 6 letters
        ("vin group", "vingroup", True),  # spaced otherwise
        ("nic", "nia", False),  # acronyms of 3 letters
        ("vnpt", "vnpc", False),  # and of 4
        ("vinasa", "vinasaa", True),  # an acronym of 6 letters, a letter doubled
        ("so khcn ha nam", "so khcn ha noi", False),  # two provinces: words of 3 letters
        ("so khcn quang ngai", "so khcn quang nam", False),
        ("phuoc thinh", "phuoc thanh", True),  # 5-letter syllables: said, a warning only
        ("phong thi nghiem 1", "phong thi nghiem 2", False),  # numbered: two laboratories
        ("k61 group", "k62 group", False),
        ("genetica", "genetica", False),  # the same: matched, not a typo
        ("genetica viet nam", "genetica", False),  # another number of words: a branch, maybe
    ],
)
def test_what_counts_as_a_typo_of_an_organisations_name(new: str, old: str, said: bool) -> None:
    from app.importing.likely import typo

    assert typo(new, old) is said
    assert typo(old, new) is said


def test_two_new_spellings_of_one_organisation_in_one_file_are_said_on_the_later_rows(
    engine: Engine, tmp_path: Path
) -> None:
    """Reviewer: "Genetica JSC" on row 5 and "Genetca JSC" on row 9 of one file, neither in the
    database, became two organisations with no word in the preview; the later one's rows now
    name the earlier one's row (no live organisation at all: the file alone)."""
    path = _book(tmp_path / "office.xlsx", [
        ["Lê Văn Nam", "FPT", None],
        ["Đỗ Thu Hà", None, None],
        ["Vũ Minh Quân", "Viettel", None],
        ["Trần Văn Bảo", "Genetica JSC", None],  # row 5
        ["Phạm Thị Lan", "Genetica JSC", None],
        ["Hoàng Văn Long", "Vietel", None],  # a letter short of row 4's
        ["Ngô Thị Mai", "Lab 2", None],
        ["Bùi Văn Sơn", "Genetca JSC", None],  # row 9: a letter short of row 5's
        ["Đặng Thu Trang", "Genetca JSC", None],
        ["Lý Văn Hải", "Lab 3", None],  # numbered: another laboratory
    ])  # fmt: skip
    pv = preview(engine, path)
    said = _said(pv)
    assert {row: [n.params["typed"] for n in notes] for row, notes in said.items() if notes} == {
        7: ["Vietel"],
        9: ["Genetca JSC"],
        10: ["Genetca JSC"],
    }
    note = said[9][0]
    assert text(note) == (
        'organisation "Genetca JSC" is probably Genetica JSC (row 5) spelt another way: it is created as '
        "a new organisation; to use row 5, write its name as row 5 has it, or merge the two after the import "
        "(Find duplicates)"
    )
    assert text(note, "vi") == (
        'tổ chức "Genetca JSC" có lẽ là Genetica JSC (dòng 5) viết khác đi: tổ chức này được tạo mới; để '
        "dùng dòng 5, hãy ghi tên như dòng 5 đang có, hoặc gộp hai tổ chức sau khi nhập (Tìm bản ghi trùng "
        "lặp)"
    )
    assert text(said[7][0]).startswith('organisation "Vietel" is probably Viettel (row 4) spelt another way')
    run_import(engine, pv)  # both created: the user decides
    assert {"Genetica JSC", "Genetca JSC", "Viettel", "Vietel"} <= set(
        _ids(engine, m.Organisation, m.Organisation.name)
    )


def test_a_new_organisation_a_typo_of_a_live_one_names_the_live_one_before_a_row_above(
    engine: Engine, office: dict[str, int], tmp_path: Path
) -> None:
    genetica = _ids(engine, m.Organisation, m.Organisation.name)["Genetica"]
    path = _book(tmp_path / "office.xlsx", [
        ["Lê Văn Nam", "Geneticaa", None],  # a typo of the live Genetica, and of row 3's
        ["Đỗ Thu Hà", "Genetca", None],
    ])  # fmt: skip
    said = _said(preview(engine, path))
    assert [n.params["id"] for n in said[2]] == [genetica]
    assert [n.params["id"] for n in said[3]] == [genetica]


def test_an_organisations_sheet_names_its_own_earlier_row(engine: Engine, tmp_path: Path) -> None:
    pv = preview(engine, write_xlsx(tmp_path / "orgs.xlsx", {"Tổ chức": [
        ["Tên tổ chức", "Tên viết tắt"],
        ["Công ty Cổ phần Genetica", "GNT"],
        ["Sở Khoa học và Công nghệ Hà Nội", None],
        ["Sở Khoa học và Công nghệ Hà Nam", None],  # another province: not a typo
        ["Công ty Cổ phần Gentica", None],
        ["Vin Group", None],
        ["Vingroup", None],  # spaced otherwise
    ]}), kind="organisation")  # fmt: skip
    assert by_status(pv) == {"new": [2, 3, 4, 5, 6, 7]}
    said = _said(pv)
    assert {row: [text(n) for n in notes] for row, notes in said.items() if notes} == {
        5: [
            'organisation "Công ty Cổ phần Gentica" is probably Công ty Cổ phần Genetica (GNT) (row 2) spelt '
            "another way: it is created as a new organisation; to use row 2, write its name as row 2 has it, "
            "or merge the two after the import (Find duplicates)"
        ],
        7: [
            'organisation "Vingroup" is probably Vin Group (row 6) spelt another way: it is created as a new '
            "organisation; to use row 6, write its name as row 6 has it, or merge the two after the import "
            "(Find duplicates)"
        ],
    }


@pytest.mark.parametrize(
    ("new", "old", "found"),
    [
        ("genetca", "genetica", True),
        ("gnetica", "genetica", True),  # the first letters differ: met by the last two
        ("genetic", "genetica", True),  # the last: by the first two
        ("geentica", "genetica", True),
        ("genetca biotechnolgy", "genetica biotechnology", True),
        ("biotecnolgy", "biotechnology", True),
        ("vin group", "vingroup", True),  # by the letters alone
        ("phong thi nghiem a", "phong thi nghiem b", False),  # a short word: the frames differ
        ("xenetica", "genetice", False),  # two edits, one in each end: the index's one blind spot
    ],
)
def test_the_index_meets_a_typo_by_its_frame_and_either_end(new: str, old: str, found: bool) -> None:
    from app.importing.likely import Shaped, _Organisations

    assert (_Organisations([(old, 7)]).near(Shaped(new)) == 7) is found
    assert (_Organisations([(new, 7)]).near(Shaped(old)) == 7) is found
