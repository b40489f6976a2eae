import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.vntext import clean, fold, fold_words, name_sort_key, split_name, text_sort_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
vn_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " -'.", max_size=40)


def test_fold_examples() -> None:
    assert fold("Đặng") == "dang"
    assert fold("Nguyễn Thị Hồng Nhung") == "nguyen thi hong nhung"
    assert fold("  HÒA   Lạc ") == "hoa lac"
    assert fold(None) == ""
    assert fold_words("Viện AI4LIFE, ĐH Bách khoa") == ["vien", "ai4life", "dh", "bach", "khoa"]


@given(vn_text)
def test_fold_ignores_normalisation_form(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert fold(nfc) == fold(nfd)


@given(vn_text)
def test_fold_is_ascii_for_vietnamese_and_idempotent(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert "đ" not in folded
    assert fold(folded) == folded
    assert folded == folded.lower()


@given(vn_text)
def test_clean_is_nfc_and_trimmed(text: str) -> None:
    cleaned = clean(unicodedata.normalize("NFD", "  " + text + "\u200b "))
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


def test_split_vietnamese_name() -> None:
    parts = split_name("Nguyễn Thị Hồng Nhung")
    assert (parts.family, parts.middle, parts.given) == ("Nguyễn", "Thị Hồng", "Nhung")


def test_split_handles_honorific_western_order_and_single_names() -> None:
    p = split_name("PGS.TS. Huỳnh Quyết Thắng")
    assert (p.honorific, p.family, p.middle, p.given) == ("PGS.TS.", "Huỳnh", "Quyết", "Thắng")
    p = split_name("Hùng Nguyễn")
    assert (p.family, p.given) == ("Nguyễn", "Hùng")
    p = split_name("Dr. Sarah Chen")
    assert (p.honorific, p.family, p.given) == ("Dr.", "Chen", "Sarah")
    p = split_name("Nguyen, Van Hung")
    assert (p.family, p.middle, p.given) == ("Nguyen", "Van", "Hung")
    p = split_name("Smith, John Paul")
    assert (p.family, p.middle, p.given) == ("Smith", "Paul", "John")
    assert split_name("Madonna").given == "Madonna"
    assert split_name("").given == ""


def test_split_nfd_input_gives_nfc_parts() -> None:
    parts = split_name(unicodedata.normalize("NFD", "Đặng Văn Khoa"))
    assert parts.family == "Đặng"
    assert unicodedata.is_normalized("NFC", parts.given)


def _sorted(names: list[str]) -> list[str]:
    def key(full: str) -> str:
        p = split_name(full)
        return name_sort_key(p.given, p.family, p.middle)

    return sorted(names, key=key)


def test_sort_by_given_name_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đặng Hữu Đức", "Phạm Minh Dũng"]
    assert _sorted(names) == ["Lê Văn An", "Nguyễn Thị An", "Trần Văn Bình", "Phạm Minh Dũng", "Đặng Hữu Đức"]


def test_sort_follows_vietnamese_alphabet() -> None:
    words = ["Ân", "Ăn", "An", "Đào", "Dung", "Ơn", "Ôn", "On", "Ưng", "Ung", "Bảo"]
    got = sorted(words, key=text_sort_key)
    assert got == ["An", "Ăn", "Ân", "Bảo", "Dung", "Đào", "On", "Ôn", "Ơn", "Ung", "Ưng"]


def test_tones_only_break_ties() -> None:
    # "Anh" < "Ánh" (same letters, tone decides) but "Ánh" < "Ao" (letters decide first).
    assert sorted(["Ao", "Ánh", "Anh"], key=text_sort_key) == ["Anh", "Ánh", "Ao"]


@given(st.lists(vn_text, min_size=2, max_size=6))
def test_sort_key_is_deterministic_and_nfd_insensitive(names: list[str]) -> None:
    nfd = [unicodedata.normalize("NFD", n) for n in names]
    assert [text_sort_key(n) for n in names] == [text_sort_key(n) for n in nfd]


@given(st.text(max_size=30))
def test_fast_fold_agrees_with_full_decomposition(text: str) -> None:
    from app.vntext import _strip_diacritics_slow, strip_diacritics

    assert strip_diacritics(text) == _strip_diacritics_slow(text)


def test_clean_keeps_the_joiners_that_emoji_and_persian_need() -> None:
    from app.vntext import clean, clean_multiline, fold

    family = "Nhóm 👨\u200d👩\u200d👧 Hòa Lạc"
    persian = "می\u200cخواهم"
    assert clean(family) == family
    assert clean_multiline(persian + "\n" + family) == persian + "\n" + family
    assert clean("Nguy\u00adễn\u200b Văn\ufeff") == "Nguyễn Văn"
    assert fold("Nguy\u200dễn") == fold("Nguyễn")  # keys ignore joiners
