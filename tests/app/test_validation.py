import datetime as dt

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given
from hypothesis import strategies as st

from app import validation as v


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+84 966544817", "+84966544817"),
        ("84941609082", "+84941609082"),
        ("0961 253 034", "+84961253034"),
        ("(+84) 95-900-2358", "+84959002358"),
        (966544817, "+84966544817"),  # an integer cell that lost its leading zero
        (966544817.0, "+84966544817"),
        ("+1 650 253 0000", "+16502530000"),
    ],
)
def test_phones_become_e164_with_vietnam_as_default(raw: object, expected: str) -> None:
    assert v.phone(raw) == expected


@pytest.mark.parametrize("raw", ["123", "abc", "0000000000", "+84 12"])
def test_bad_phones_are_refused(raw: str) -> None:
    with pytest.raises(v.FieldError, match="not a valid phone number"):
        v.phone(raw)


def test_dates_are_day_first() -> None:
    assert v.date("05/04/2025") == dt.date(2025, 4, 5)
    assert v.date("23-10-2024") == dt.date(2024, 10, 23)
    assert v.date("2025-11-15") == dt.date(2025, 11, 15)
    assert v.date(dt.datetime(2025, 8, 28, 9, 30)) == dt.date(2025, 8, 28)
    with pytest.raises(v.FieldError):
        v.date("31/02/2025")


def test_rating_scale() -> None:
    assert v.rating("4") == 4
    assert v.rating(None) is None
    for bad in (0, 6, 2.5, "cao", float("inf"), float("nan")):
        with pytest.raises(v.FieldError):
            v.rating(bad)


ascii_local = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789._%+-!#'", min_size=1, max_size=20)
ascii_domain = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-", min_size=1, max_size=20)


@given(ascii_local, ascii_domain)
def test_email_fast_path_never_accepts_what_the_full_validator_refuses(local: str, domain: str) -> None:
    address = f"{local}@{domain}"
    try:
        ours: str | None = v.email(address)
    except v.FieldError:
        ours = None
    try:
        theirs: str | None = str(
            validate_email(address.lower(), check_deliverability=False).normalized
        ).lower()
    except EmailNotValidError:
        theirs = None
    assert ours == theirs


def test_email_is_lower_cased_and_checked() -> None:
    assert v.email(" HA.BUI1@NVIDIA.EXAMPLE.VN ") == "ha.bui1@nvidia.example.vn"
    assert v.email("mailto:an@vin.vn") == "an@vin.vn"
    for bad in ("an@", "an@localhost", "an..b@vin.vn", "an@vin.test"):
        with pytest.raises(v.FieldError):
            v.email(bad)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ngày 5 tháng 3 năm 2026", dt.date(2026, 3, 5)),  # Vietnamese official documents
        ("Ngày 05 tháng 03 năm 2026", dt.date(2026, 3, 5)),
        ("5 tháng 3, 2026", dt.date(2026, 3, 5)),
        ("ngay 5 thang 3 nam 2026", dt.date(2026, 3, 5)),
        ("March 8, 2026", dt.date(2026, 3, 8)),
        ("8 March 2026", dt.date(2026, 3, 8)),
        ("8-Mar-2026", dt.date(2026, 3, 8)),
        ("Sept. 1st, 2025", dt.date(2025, 9, 1)),
        ("1 sep 2025.", dt.date(2025, 9, 1)),
    ],
)
def test_dates_written_out_in_words(raw: str, expected: dt.date) -> None:
    assert v.date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["ngày 31 tháng 2 năm 2026", "8 Marching 2026", "tháng 3 năm 2026", "March 2026"]
)
def test_written_dates_that_are_no_day_are_refused(raw: str) -> None:
    with pytest.raises(v.FieldError, match="is not a date"):
        v.date(raw)


def test_an_imported_date_written_out_is_a_date_not_a_note() -> None:
    from app.importing.cleaning import to_input

    warnings: list[object] = []
    data, _refs, errors = to_input(
        "contact",
        {"full_name": "Nguyễn Thị Hồng Nhung", "last_contacted_on": "ngày 5 tháng 3 năm 2026"},
        warnings,
    )  # type: ignore[arg-type]
    assert data["last_contacted_on"] == dt.date(2026, 3, 5) and not errors and not warnings
    assert "notes" not in data
