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
