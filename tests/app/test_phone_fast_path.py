"""The fast path for plainly written Vietnamese numbers gives exactly what parsing gives."""

from __future__ import annotations

import random

import pytest

from app import validation as v

PREFIXES = [
    "0",
    "+84",
    "+84 ",
    "(+84) ",
    "(+84)",
    "+84-",
    "84",
    "0084",
    "+84 0",
    "0 ",
    "00",
    "+840",
    "(0",
    "+",
]
SEPARATORS = ["", "", "", " ", ".", "-", "(", ")", "/", "  "]


def _outcome(text: str, unverified_ok: bool) -> str:
    try:
        return v.phone(text, unverified_ok=unverified_ok)
    except v.FieldError as exc:
        return f"error: {exc}"


def _samples() -> list[str]:
    rnd = random.Random(11)
    out = ["0912345678", "+84 912 345 678", "(+84) 91-234-5678", "0992345678", "02438253456", "0123456789"]
    for _ in range(4000):
        digits = "".join(rnd.choice("0123456789") for _ in range(rnd.randrange(5, 13)))
        if rnd.random() < 0.7:  # mostly real-looking mobile and landline ranges
            digits = rnd.choice(["9", "8", "3", "7", "5", "24", "28", "2"]) + digits[: rnd.randrange(7, 10)]
        text = rnd.choice(PREFIXES)
        for d in digits:
            text += d + (rnd.choice(SEPARATORS) if rnd.random() < 0.25 else "")
        out.append(text)
    for _ in range(1000):  # "84…" with the plus lost, mobile and landline lengths
        tail = "".join(rnd.choice("0123456789") for _ in range(rnd.randrange(7, 11)))
        out.append("84" + rnd.choice("1235789") + tail)
    return out


@pytest.mark.parametrize("unverified_ok", [False, True])
def test_the_fast_path_agrees_with_parsing(monkeypatch: pytest.MonkeyPatch, unverified_ok: bool) -> None:
    samples = _samples()
    fast = [_outcome(t, unverified_ok) for t in samples]
    taken = sum(v._vietnamese_valid(t) is not None for t in samples)
    monkeypatch.setattr(v, "_vietnamese_valid", lambda text: None)
    slow = [_outcome(t, unverified_ok) for t in samples]
    assert [(t, f) for t, f, s in zip(samples, fast, slow, strict=True) if f != s] == []
    assert taken > 150  # the path is taken for the common forms, not bypassed


def test_the_fast_path_leaves_other_writings_to_the_parser() -> None:
    for text in [
        "0912345678 ext 12",
        "+1 650 253 0000",
        "０９１２３４５６７８",
        "0912/345/678",
        "+84 0912345678",
    ]:
        assert v._vietnamese_valid(text) is None
    assert v._vietnamese_valid("(+84) 91-234-5678") == "+84912345678"


def test_vietnamese_validity_as_libphonenumber_says() -> None:
    import phonenumbers

    rnd = random.Random(5)
    samples = []
    for prefix in range(1000):  # every three-digit start, each length a number can have and more
        for size in range(5, 13):
            tail = "".join(rnd.choice("0123456789") for _ in range(max(size - 3, 0)))
            samples.append((f"{prefix:03d}" + tail)[:size].lstrip("0") or "1")
    mine = [v._vietnamese_national_valid(n) for n in samples]
    theirs = [
        phonenumbers.is_valid_number(phonenumbers.PhoneNumber(country_code=84, national_number=int(n)))
        for n in samples
    ]
    assert [n for n, a, b in zip(samples, mine, theirs, strict=True) if a != b] == []
    assert sum(mine) > 500


def test_phone_checked_says_what_phone_says_both_ways() -> None:
    """One reading gives the number (as ``unverified_ok=True``) and whether the strict check
    accepts it too: the import keeps a 099x number unverified with a warning from it."""
    for text in _samples():
        loose, strict = _outcome(text, True), _outcome(text, False)
        try:
            e164, valid = v.phone_checked(text)
        except v.FieldError as exc:
            assert (loose, strict) == (f"error: {exc}", f"error: {exc}"), text
            continue
        assert e164 == loose, text
        assert valid == (strict == loose), text


def test_a_number_only_possible_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A number libphonenumber finds possible but not valid (Vietnam's 099x) is parsed once,
    not once to be found invalid and again to be found possible."""
    import phonenumbers

    calls: list[str] = []
    parse = phonenumbers.parse

    def counted(text: str, region: str | None = None) -> phonenumbers.PhoneNumber:
        calls.append(text)
        return parse(text, region)

    monkeypatch.setattr(phonenumbers, "parse", counted)
    assert v.phone("0992 345 678", unverified_ok=True) == "+84992345678"
    assert calls == ["0992 345 678"]
    calls.clear()
    assert v.phone_checked("0992 345 678") == ("+84992345678", False)
    assert calls == ["0992 345 678"]
    assert v.phone_checked("0912 345 678") == ("+84912345678", True)
