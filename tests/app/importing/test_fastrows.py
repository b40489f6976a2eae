"""The contacts fast path (app.importing.fastrows) gives exactly what the general path gives.

Each test compares :class:`RowResult`s field by field (status, columns, relations, refs,
supplied fields, errors, warnings): for any row of a plain contacts sheet, the fast path's
answer is either "let the general path do it" or the general path's own answer.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importing import fastrows as fr
from app.importing import inspect_sheet
from app.importing.preview import clean_row, collect_plan, field_headers, read_rows
from app.importing.sheet import SheetLayout
from tests.app.importing.helpers import write_xlsx

ROOT = Path(__file__).resolve().parents[3]

NAMES = ["Nguyễn Thị Hồng Nhung", "PGS.TS. Trần Văn An", "Hùng Nguyễn", "Smith, John Paul", "John Smith",
         "  Lê  Văn   Chín ", "\u200bĐặng Văn Bình", "Nguyễn, Văn Hùng", "Ông Nguyễn Văn A", "Bà Lê Thị B",
         "Nguye\u0302\u0303n Văn Cường", "Đỗ", "A" * 301, "Dr. " + "B" * 40, "Lê Văn\nChín", "Madonna",
         "Phạm  Minh\tChính", "\u200b", "-", "Nguyễn Văn (NIC)", "Ông Nguyễn Văn Tâm; Bà Trần Thị Lụa",
         "Nguyễn Văn Tâm và Trần Thị Lụa", "Ông/Bà Nguyễn Văn A"]  # fmt: skip
POSITIONS = ["CEO", "Giám đốc", "  Chuyên viên ", "x" * 501, "Phó Giám đốc\nkiêm Trưởng phòng", "Đ\u200bH"]
ORGS = ["NIC", "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)", "A" * 301, "Công ty X (" + "B" * 60 + ")",
        "FPT  Corporation", "\u200b"]  # fmt: skip
EMAILS = ["an@nic.vn", "AN@NIC.VN", "an@nic.vn; binh@fpt.com", "an@nic.vn (công việc)", "not an email",
          "an@nic.vn, an@nic.vn", "mailto:an@nic.vn", "<an@nic.vn>", "an@localhost", "an@example.invalid",
          '"a,b"@x.vn', "an.@nic.vn", "an@nic.vn\nbinh@fpt.com", "an@nic.local", "nguyen.van.an123@nic.vn",
          "Nguyễn@nic.vn", ";", "Công việc: an@nic.vn", "Email: an@nic.vn", "E-mail cơ quan: an@nic.gov.vn",
          "Cá nhân: an@gmail.com, Work: an@nic.vn", "Trợ lý: an@nic.vn", "an@nic.vn (công việc); binh@fpt.com"]  # fmt: skip
PHONES = ["0912 345 678", "(+84) 98-662-6738", "+84 992808850", "0992976585", "84912345678", "0912345678 (di động)",
          "0912345678 / 0987654321", "123", "+1 650 253 0000", "0912345678 hoặc 0987654321", "(024) 3826 1234",
          "0912345678, 0912345678", "(+84)", "+84912345678", "0912-345-678 (nhà riêng)", "090 - 123 4567",
          "Mobile: 0912 345 678", "Di động: 0912345678; Cơ quan: 024 3826 1234", "ĐT: 0912 345 678", "Zalo: 0912345678"]  # fmt: skip
DATES = [dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, 10, 30), dt.datetime(2025, 1, 2), "02/01/2025",
         "2025-01-02", "not a date", "31/02/2025", "  05/04/2025 "]  # fmt: skip
NOTES = ["Quan tâm AI", "line1\nline2", "  a  \r\n b ", "Quan tâm\u200b AI\x07"]
COUNTRIES = ["Việt Nam", "VN", "Mỹ", "xx", "Nowhere", "us", "  Nhật Bản ", "Tokyo, Japan", "Georgia, USA",
             "Hà Nội / Tokyo, Japan", "Urbana, IL, USA", "Mỹ Đình, Hà Nội"]  # fmt: skip
SOURCES = ["Hội thảo", "Đề xuất\u200b", "x" * 40]
TAGS = ["AI; Biotech", "AI, ai", "x" * 101, "Đổi mới sáng tạo", ";", "AI\nFintech"]
POOLS = {
    "full_name": NAMES,
    "position": POSITIONS,
    "organisation": ORGS,
    "emails": EMAILS,
    "phones": PHONES,
    "last_contacted_on": DATES,
    "notes": NOTES,
    "country": COUNTRIES,
    "source": SOURCES,
    "tags": TAGS,
}
ODD = [None, "", "   ", 0, 1, 912345678, 912345678.0, 45000, 45000.5, 1.5, True, False, float("nan"),
       dt.time(10, 30), -3]  # fmt: skip


def _cell(field: str) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(POOLS[field]),
        st.sampled_from(ODD),
        st.text(max_size=25),
        st.sampled_from(POOLS[field]).map(lambda s: f" {s} " if isinstance(s, str) else s),
    )


def _layout(fields: list[str]) -> SheetLayout:
    headers = ["STT", *fields]
    mapping = {0: "_ignore"} | {i + 1: name for i, name in enumerate(fields)}
    return SheetLayout(sheet="Danh bạ", header_row=1, headers=headers, kind="contact", mapping=mapping)


def _general(layout: SheetLayout, number: int, values: list[Any]) -> Any:
    headers = field_headers(layout.mapping, layout.headers)
    return clean_row(layout, number, values, headers, collect_plan(layout.mapping, layout.headers))


@pytest.mark.slow  # (hundreds of examples: 13-50 s on two cores; the main run has it)
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_row_is_the_general_row_or_leaves_it_to_it(data: st.DataObject) -> None:
    others = data.draw(st.lists(st.sampled_from(sorted(set(POOLS) - {"full_name"})), unique=True))
    fields = data.draw(st.permutations(["full_name", *others]))
    layout = _layout(fields)
    fast = fr.fast_rows(layout)
    assert fast is not None
    for number in range(2, 6):  # several rows through one FastRows: its memos answer later ones
        values = [number - 1, *(data.draw(_cell(f), label=f) for f in fields)]
        if data.draw(st.booleans()):
            values = values[: data.draw(st.integers(0, len(values)))]  # a short row
        answer = fast.row(number, values)
        if answer is fr.FALLBACK:
            continue
        assert answer == _general(layout, number, values), values


def _plain_rows(n: int, seed: int = 3) -> list[list[Any]]:
    """Rows as an office writes them (the benchmark's generator, smaller)."""
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    import bench_import

    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        name = " ".join(
            [rnd.choice(bench_import.FAMILY), rnd.choice(bench_import.MIDDLE), rnd.choice(bench_import.GIVEN)]
        )
        org = rnd.choice(bench_import.ORGS)
        phone = rnd.choice(["09{:08d}", "(+84) 9{:01d}-{:03d}-{:04d}", "+84 9{:08d}"])
        digits = rnd.randrange(10**8)
        phone = (
            phone.format(digits)
            if "{:08d}" in phone
            else phone.format(digits % 10, digits // 10 % 1000, digits // 10**4 % 10**4)
        )
        rows.append(
            [
                i + 1,
                name,
                rnd.choice(bench_import.POSITIONS),
                f"{org[0]} ({org[1]})" if org[1] and i % 3 == 0 else org[0],
                f"user{i}@{rnd.choice(['nic.vn', 'fpt.com', 'most.gov.vn'])}",
                phone,
                dt.datetime(2025, 1 + i % 12, 1 + i % 28)
                if i % 2
                else f"{1 + i % 28:02d}/{1 + i % 12:02d}/2025",
                "Quan tâm AI" if i % 5 else None,
                "Việt Nam",
                "Hội thảo",
            ]
        )
    return rows


def test_an_office_sheet_reads_the_same_both_ways_and_mostly_fast(tmp_path: Path) -> None:
    headers = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Email", "Điện thoại", "Ngày gặp gần nhất",
               "Ghi chú", "Quốc gia", "Nguồn"]  # fmt: skip
    rows = _plain_rows(3000)
    rows[10][4] = "sai địa chỉ"  # a warning: kept in the notes
    rows[11][1] = None  # no name: an error
    rows[12][5] = "0912345678 (di động)"  # a label
    path = write_xlsx(tmp_path / "office.xlsx", {"Danh bạ": [headers, *rows]})
    layout = inspect_sheet(path)
    fast = fr.fast_rows(layout)
    assert fast is not None
    general, read_general = read_rows(path, layout, parallel=False, fast=False)
    quick, read_quick = read_rows(path, layout, parallel=False)
    assert read_general == read_quick == 3000
    assert quick == general
    assert general[10].warnings and general[11].status == "error"
    assert general[12].relations and general[12].relations["labels"]
    # The fast path answered every other row itself (a sheet of fallbacks would prove nothing),
    # the 099x numbers too: kept unverified with the general path's warning (about one in a
    # hundred random mobile numbers), equal to the general rows above.
    answered = [fast.row(n + 2, [*r]) for n, r in enumerate(rows)]
    assert [n for n, a in enumerate(answered) if a is fr.FALLBACK] == [10, 11, 12]
    unverified = [a for a in answered if a is not fr.FALLBACK and a.warnings]
    assert unverified and all(w.code == "phone_unverified" for a in unverified for w in a.warnings)


@pytest.mark.parametrize(
    ("mapping", "why"),
    [
        ({0: "full_name", 1: "influence"}, "a field it does not know"),
        ({0: "full_name", 1: "emails", 2: "emails"}, "a field in two columns"),
        ({0: "family_name", 1: "given_name"}, "the name in parts"),
        ({0: "full_name", 1: "notes", 2: "notes"}, "notes gathered from two columns"),
    ],
)
def test_sheets_it_leaves_to_the_general_path(mapping: dict[int, str], why: str) -> None:
    layout = SheetLayout(sheet="S", header_row=1, headers=["a", "b", "c"], kind="contact", mapping=mapping)
    assert fr.fast_rows(layout) is None, why
    org = SheetLayout(sheet="S", header_row=1, headers=["a"], kind="organisation", mapping={0: "name"})
    assert fr.fast_rows(org) is None


def test_a_column_of_new_values_is_not_remembered() -> None:
    layout = _layout(["full_name", "position"])
    fast = fr.fast_rows(layout)
    assert fast is not None
    for i in range(fr.MEMO_TRIAL + 10):
        assert fast.row(i + 2, [i, f"Nguyễn Văn {i}", "CEO"]) is not fr.FALLBACK
    memos = {name: memo for _col, name, _analyse, memo in fast.plan}
    assert memos["full_name"] is None  # every name new: not kept
    assert memos["position"] == {"CEO": memos["position"]["CEO"]}  # one position, kept once


_PHONE_PREFIXES = ["0", "+84", "84", "+84 ", "(+84) ", "(+84)", "(+84 ", "+84-", "0 ", "+1 ", "", " 0", "(0"]


@settings(max_examples=400, deadline=None)
@given(
    prefix=st.sampled_from(_PHONE_PREFIXES),
    body=st.text(alphabet="0123456789 .-()\n", max_size=16),
    email=st.one_of(
        st.from_regex(
            r"[a-z0-9._%+-]{1,12}@[a-z0-9.-]{1,12}\.(vn|com|test|local|invalid|arpa|x)\n?", fullmatch=True
        ),
        st.text(alphabet="aA0.@-_+ \n;", max_size=14),
        st.from_regex(r"[A-Za-z0-9._%+-]{1,12}@[A-Za-z0-9.-]{1,12}\.(VN|com|Test|LOCAL|x)", fullmatch=True),
    ),
)
def test_plain_phones_and_emails_read_directly_are_what_the_checks_give(
    prefix: str, body: str, email: str
) -> None:
    """The phone and email cells the fast path reads without the general checks (a plainly
    written Vietnamese number, one lower-case address) come out as v.phone and v.email
    would have them: the same row as the general path's, or left to it."""
    layout = _layout(["full_name", "phones", "emails"])
    fast = fr.fast_rows(layout)
    assert fast is not None
    values = [1, "Nguyễn Văn An", prefix + body, email]
    answer = fast.row(2, values)
    if answer is not fr.FALLBACK:
        assert answer == _general(layout, 2, values), values


@pytest.mark.parametrize(
    "phone",
    [
        "0912 345 678",
        "0912.345.678",
        "+84 24 3825 1234",
        "84912345678",
        "+84-912-345-678",
        "0243 825 1234",
        "(+84) 98-662-6738",
        "(+84)912345678",
    ],
)
def test_plainly_written_numbers_take_the_direct_way(phone: str) -> None:
    layout = _layout(["full_name", "phones"])
    fast = fr.fast_rows(layout)
    assert fast is not None
    given = fr._PLAIN_VN_PHONE.fullmatch(phone)
    assert given is not None, phone
    answer = fast.row(2, [1, "Nguyễn Văn An", phone])
    assert answer == _general(layout, 2, [1, "Nguyễn Văn An", phone])
    assert answer.relations["phones"][0].startswith("+84")


def test_special_use_mail_domains_still_go_through_the_check() -> None:
    """ "an@nic.test" looks plain but is a special-use domain: the full check refuses it."""
    layout = _layout(["full_name", "emails"])
    fast = fr.fast_rows(layout)
    assert fast is not None
    for email in ["an@nic.test", "an@nic.vn", "an@nic.local"]:
        answer = fast.row(2, [1, "Nguyễn Văn An", email])
        general = _general(layout, 2, [1, "Nguyễn Văn An", email])
        assert answer is fr.FALLBACK or answer == general
    assert fast.row(2, [1, "Nguyễn Văn An", "an@nic.vn"]).relations == {"emails": ["an@nic.vn"]}
