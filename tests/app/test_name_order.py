"""Names in the order their owners write them: Vietnamese and East Asian names family first,
Western names given first with their particles ("van der") in the family name, whatever
accents they carry (reviewer h119: "Jürgen Weiß" stored as family "Jürgen", "First name" |
"Last name" sheets joined as "Weiß Jürgen", "田中 宏" as family "宏")."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.name_order import looks_vietnamese, split_east_asian, vietnamese_syllable
from app.vntext import VIETNAMESE_SURNAMES, fold, join_name, split_name


@pytest.mark.parametrize(
    ("full", "family", "middle", "given"),
    [
        ("Jürgen Weiß", "Weiß", "", "Jürgen"),
        ("José Müller", "Müller", "", "José"),
        ("Zoë Becker", "Becker", "", "Zoë"),
        ("François Dupont", "Dupont", "", "François"),
        ("Hélène Dubois", "Dubois", "", "Hélène"),
        ("Björn Schröder", "Schröder", "", "Björn"),
        ("Anna Nguyễn-Schmidt", "Nguyễn-Schmidt", "", "Anna"),
        ("Nguyễn-Schmidt Anna", "Nguyễn-Schmidt", "", "Anna"),  # as main read it: kept
        ("Michael Brown", "Brown", "", "Michael"),
        ("John Paul Smith", "Smith", "Paul", "John"),
        ("Pieter van der Berg", "van der Berg", "", "Pieter"),
        ("Ludwig van Beethoven", "van Beethoven", "", "Ludwig"),
        ("Jean de la Fontaine", "de la Fontaine", "", "Jean"),
        ("Maria Clara da Silva", "da Silva", "Clara", "Maria"),
        ("Minjun Kim", "Kim", "", "Minjun"),
        # Vietnamese: a listed family name first, marks or none, or Vietnamese syllables
        ("Nguyen Thi Hong Nhung", "Nguyen", "Thi Hong", "Nhung"),
        ("Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng", "Nhung"),
        ("Tran Van An", "Tran", "Van", "An"),
        ("Le Van An", "Le", "Van", "An"),
        ("Đàm Vĩnh Hưng", "Đàm", "Vĩnh", "Hưng"),
        ("Hùng Nguyễn", "Nguyễn", "", "Hùng"),
        ("Hung Van Nguyen", "Nguyen", "Van", "Hung"),  # "Van": Văn, not a Dutch particle
        # East Asian scripts: family first, with or without a space
        ("田中 宏", "田中", "", "宏"),
        ("佐藤 花子", "佐藤", "", "花子"),
        ("田中宏", "田中", "", "宏"),
        ("佐藤花子", "佐藤", "", "花子"),
        ("山本太郎", "山本", "", "太郎"),
        ("王小明", "王", "", "小明"),
        ("欧阳修", "欧阳", "", "修"),
        ("이서연", "이", "", "서연"),
        ("남궁민수", "남궁", "", "민수"),
        ("김 민준", "김", "", "민준"),
    ],
)
def test_a_typed_name_splits_in_its_owners_order(full: str, family: str, middle: str, given: str) -> None:
    parts = split_name(full)
    assert (parts.family, parts.middle, parts.given) == (family, middle, given)


@pytest.mark.parametrize(
    ("family", "middle", "given", "full"),
    [
        ("Weiß", "", "Jürgen", "Jürgen Weiß"),
        ("Dupont", "", "François", "François Dupont"),
        ("Becker", "", "Zoë", "Zoë Becker"),
        ("Schröder", "", "Björn", "Björn Schröder"),
        ("Smith", "", "John", "John Smith"),
        ("Kim", "", "Minjun", "Minjun Kim"),
        ("Nguyen", "", "Anna", "Anna Nguyen"),
        ("Berg", "van der", "Pieter", "Pieter van der Berg"),
        ("van der Berg", "", "Pieter", "Pieter van der Berg"),
        ("Nguyen", "Thi Hong", "Nhung", "Nguyen Thi Hong Nhung"),
        ("Nguyễn Văn", "", "An", "Nguyễn Văn An"),
        ("Đàm", "Vĩnh", "Hưng", "Đàm Vĩnh Hưng"),
        ("佐藤", "", "花子", "佐藤 花子"),
        ("이", "", "서연", "이 서연"),
    ],
)
def test_parts_join_in_their_owners_order(family: str, middle: str, given: str, full: str) -> None:
    assert join_name(family, middle, given) == full


def test_accents_alone_do_not_make_a_name_vietnamese() -> None:
    for word in ("Jürgen", "Weiß", "François", "Zoë", "José", "Hélène", "Søren", "Łukasz", "Berg", "Anna"):
        assert not vietnamese_syllable(word), word
    for word in ("Nguyễn", "Nguyen", "Thị", "Hồng", "Nhung", "Quyết", "Thắng", "Huỳnh", "Khương", "Đặng"):
        assert vietnamese_syllable(word), word
    assert vietnamese_syllable(unicodedata.normalize("NFD", "Nguyễn"))
    assert looks_vietnamese("Đàm Vĩnh Hưng")
    assert not looks_vietnamese("Jürgen Weiß")
    assert not looks_vietnamese("Thanh Hoa")  # no marks: its letters do not tell


def test_an_east_asian_name_that_cannot_be_cut_stays_whole() -> None:
    assert split_east_asian("ジョン") is None  # katakana only: a foreign given name
    assert split_name("ジョン").given == "ジョン"
    assert split_name("宏").given == "宏"


# --- the round trip: parts → joined name → the same parts -----------------------------------

VN_FAMILIES = sorted(
    {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"}
    | {"Dương", "Lý", "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Vu", "Vo", "Dang", "Bui", "Do"}
)
VN_WORDS = ["Văn", "Thị", "Hồng", "Nhung", "Minh", "Anh", "Quyết", "Thắng", "Hữu", "Đức", "Lan", "Van",
            "Thi", "Hong", "Ngoc", "Ngọc", "Tuấn", "Hải", "Yến", "Khoa", "Bảo", "Mai", "Linh"]  # fmt: skip
WESTERN_GIVEN = ["Jürgen", "François", "Zoë", "John", "Anna", "José", "Björn", "Søren", "Łukasz",
                 "Michael", "Hélène", "Pieter", "Maria", "Sarah", "Minjun", "Ólafur", "Chloé"]  # fmt: skip
WESTERN_MIDDLE = ["", "", "Paul", "Marie", "Clara", "Jürgen"]
WESTERN_FAMILIES = ["Weiß", "Dupont", "Becker", "Smith", "Müller", "Schröder", "Brown", "Nowak",
                    "van der Berg", "de la Cruz", "von Braun", "da Silva", "Nguyễn-Schmidt", "Kim",
                    "Nguyen", "Tran", "Le", "Kierkegaard", "Dvořák"]  # fmt: skip
EA_FAMILIES = ["田中", "佐藤", "王", "이", "김", "欧阳"]
EA_GIVEN = ["宏", "花子", "小明", "서연", "민준", "太郎"]

vietnamese = st.tuples(
    st.sampled_from(VN_FAMILIES),
    st.lists(st.sampled_from(VN_WORDS), max_size=2).map(" ".join),
    st.sampled_from(VN_WORDS),
)
western = st.tuples(
    st.sampled_from(WESTERN_FAMILIES), st.sampled_from(WESTERN_MIDDLE), st.sampled_from(WESTERN_GIVEN)
)
east_asian = st.tuples(st.sampled_from(EA_FAMILIES), st.just(""), st.sampled_from(EA_GIVEN))


@given(st.one_of(vietnamese, western, east_asian), st.sampled_from(["NFC", "NFD"]))
def test_split_reads_a_joined_name_back_into_its_parts(parts: tuple[str, str, str], form: str) -> None:
    family, middle, given_name = (unicodedata.normalize(form, p) for p in parts)
    full = join_name(family, middle, given_name)
    back = split_name(full)
    assert (back.family, back.middle, back.given) == tuple(unicodedata.normalize("NFC", p) for p in parts)
    assert join_name(back.family, back.middle, back.given) == full


@given(western)
def test_a_western_name_is_joined_given_name_first(parts: tuple[str, str, str]) -> None:
    family, middle, given_name = parts
    full = join_name(family, middle, given_name)
    assert full.startswith(given_name + " ")
    assert full.endswith(" " + family)


@given(vietnamese)
def test_a_vietnamese_name_is_joined_family_name_first(parts: tuple[str, str, str]) -> None:
    family, _middle, _given = parts
    assert fold(family) in VIETNAMESE_SURNAMES
    assert join_name(*parts).startswith(family + " ")
