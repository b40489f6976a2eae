"""The search key's fast path (one translate table) and slow path (full Unicode decomposition)
agree on every input, invisible characters never change a key, and overseas letters fold.

``app.vntext`` defines each fold by its slow function and derives the fast table from it; these
tests hold the two to each other: every table entry in many contexts, random text from all of
Unicode, and text built from the characters that made them differ before (soft hyphen, ZWJ,
combining marks, letters with no decomposition, compatibility forms).
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app import records
from app.vntext import (
    _FOLD,
    _STRIP,
    _fold_slow,
    _strip_diacritics_slow,
    fold,
    fold_join,
    fold_words,
    name_sort_key,
    split_name,
    strip_diacritics,
    text_sort_key,
)
from db.engine import unit_of_work
from db.migrate import open_database

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2066\u2069\ufeff\u034f\ufe0f\u180e\U000e0041"
MARKS = "\u0300\u0301\u0302\u0303\u0306\u0308\u0309\u030c\u0323\u031b\u0327\u0328\u0345\u20dd\u1dc0"
LATIN_EXTENDED = "".join(chr(c) for c in range(0xC0, 0x250) if unicodedata.category(chr(c)).startswith("L"))
IPA = "əɛɔɲŋʃʒɨʉ"
COMPAT = "ﬁﬂＡｚ０９　\u00a0\u2009\u3000ǅǈ²½™ℌⅫſ"
OTHER_SCRIPTS = "αβΣςДжЖ北京한국ไทย\u0e31\u0e34"

targeted = st.text(
    alphabet=st.sampled_from(
        VIETNAMESE
        + VIETNAMESE.upper()
        + INVISIBLE
        + MARKS
        + LATIN_EXTENDED
        + IPA
        + COMPAT
        + OTHER_SCRIPTS
        + " -'.,Aa"
    ),
    max_size=40,
)
nfd_vietnamese = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ", max_size=30).map(
    lambda s: unicodedata.normalize("NFD", s)
)


def _agree(text: str) -> None:
    assert fold(text) == _fold_slow(text), ascii(text)
    assert strip_diacritics(text) == _strip_diacritics_slow(text), ascii(text)


# --- fast == slow ----------------------------------------------------------------------------


@settings(max_examples=800)
@given(st.lists(st.one_of(targeted, nfd_vietnamese, st.text(max_size=12)), max_size=6))
@example(["Nguy\u00adễn", "\u0301", "", " ", "\u200b"])  # a part of marks or invisibles alone
@example(["a", "\u0345b", "ǅ", "한", "\u1161"])  # a mark, a case fold and jamo at a part's start
def test_folding_part_by_part_gives_the_key_of_the_joined_text(parts: list[str]) -> None:
    assert fold_join(parts) == fold(" ".join(parts)) == _fold_slow(" ".join(parts)), ascii(parts)


@settings(max_examples=1500)
@given(st.text())
@example("Nguy\u00adễn")  # the soft hyphen that once split the two paths
@example("a\u034f")  # combining grapheme joiner: a mark with no combining class
@example("\u0345")  # Greek ypogegrammeni: case-folds to the letter iota
def test_fast_and_slow_fold_agree_on_any_text(text: str) -> None:
    _agree(text)


@settings(max_examples=1500)
@given(targeted)
def test_fast_and_slow_fold_agree_on_names_with_invisibles_marks_and_latin_letters(text: str) -> None:
    _agree(text)
    _agree(unicodedata.normalize("NFD", text))
    _agree(unicodedata.normalize("NFKC", text))


CONTEXTS = [
    "",
    "a",
    "Z ",
    " ",
    "\u0301",
    "\u0345",
    "e\u0301",
    "đ",
    "\u00ad",
    "\u200d",
    "ß",
    "Ł",
    "北",
    "\u0e31",
]


@pytest.mark.parametrize("table", [_FOLD, _STRIP], ids=["fold", "strip"])
def test_every_fast_table_entry_agrees_with_the_slow_path_in_context(table: list[str]) -> None:
    fast = [code for code, out in enumerate(table) if out.isascii()]
    assert len(fast) > 800  # the table really covers the Latin ranges, not only ASCII
    for code in fast:
        ch = chr(code)
        for before in CONTEXTS:
            for after in CONTEXTS:
                _agree(before + ch + after)


# --- one defined behaviour -----------------------------------------------------------------


@given(targeted, st.lists(st.sampled_from(INVISIBLE), max_size=5), st.randoms(use_true_random=False))
def test_invisible_characters_never_change_a_key(text: str, extra: list[str], rnd: random.Random) -> None:
    chars = list(text)
    for ch in extra:
        chars.insert(rnd.randint(0, len(chars)), ch)
    assert fold("".join(chars)) == fold(text)


@settings(max_examples=500)
@given(st.one_of(st.text(), targeted))
def test_fold_is_idempotent_lower_case_and_form_independent(text: str) -> None:
    key = fold(text)
    assert fold(key) == key
    assert key == key.strip()
    assert "  " not in key
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert fold(unicodedata.normalize(form, text)) == key


@given(nfd_vietnamese)
def test_vietnamese_folds_to_ascii(text: str) -> None:
    assert fold(text).isascii()


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Łukasz Nowak", "lukasz nowak"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Straße", "strasse"),
        ("ẞ", "ss"),
        ("Æsa Ærø", "aesa aero"),
        ("Œuvre", "oeuvre"),
        ("Øystein", "oystein"),
        ("Đặng Ðorđe", "dang dorde"),
        ("Þórður", "thordur"),
        ("Yıldız İnan", "yildiz inan"),
        ("Əliyev", "eliyev"),
        ("Ħamrun", "hamrun"),
        ("Ｎｇｕｙｅｎ　Ｖａｎ", "nguyen van"),  # fullwidth forms and the ideographic space
        ("ﬁnn", "finn"),
        ("Nguy\u00adễn\u200d Văn\u200b", "nguyen van"),
        ("Nguyễn\u00a0Thị", "nguyen thi"),
    ],
)
def test_overseas_and_compatibility_letters_fold(written: str, typed: str) -> None:
    assert fold(written) == typed
    assert fold_words(written) == typed.split()


def test_other_scripts_keep_their_letters_and_only_lose_marks() -> None:
    assert fold("Ελλάδα") == "ελλαδα"
    assert fold("Пётр") == "петр"
    assert fold("北京大学") == "北京大学"
    assert fold("한국") == "한국"  # Hangul is decomposed and recomposed, not left in jamo


def test_display_text_is_untouched_only_the_key_changes() -> None:
    """Splitting a name keeps its letters; the key is a separate value."""
    parts = split_name("Łukasz Nowak")
    assert (parts.given, parts.family) == ("Łukasz", "Nowak")
    parts = split_name("Søren Kierkegaard")
    assert (parts.given, parts.family) == ("Søren", "Kierkegaard")
    assert strip_diacritics("Søren") == "Søren"  # strip keeps letters; only fold spells them out


def test_overseas_letters_sort_where_they_fold() -> None:
    names = ["Zygmunt", "Łukasz", "Lars", "Mads", "Søren", "Sven", "Ærø", "Adam", "Oscar", "Øystein", "Pia"]
    got = sorted(names, key=text_sort_key)
    assert got == [
        "Adam",
        "Ærø",
        "Lars",
        "Łukasz",
        "Mads",
        "Oscar",
        "Øystein",
        "Pia",
        "Søren",
        "Sven",
        "Zygmunt",
    ]
    assert name_sort_key("Łukasz", "Nowak") < name_sort_key("Marek", "Nowak")


# --- end to end: the service writes the key, the CLI finds it ---------------------------------


def _ketnoi(*args: str) -> list[tuple[str, int, str]]:
    """Run the ``ketnoi`` command (``python -m app.cli`` where it is not installed); the hits."""
    script = Path(sys.executable).with_name("ketnoi")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    done = subprocess.run([*argv, *args], capture_output=True, text=True, timeout=120, check=True)
    hits = [re.match(r"(\w+)\s+#(\d+)\s+(.+?)(?:  — .*)?$", line) for line in done.stdout.splitlines()]
    return [(m.group(1), int(m.group(2)), m.group(3)) for m in hits if m]


def test_cli_search_soren_finds_soren_kierkegaard(db_path: Path, db_url: str) -> None:
    engine = open_database(db_url)
    with unit_of_work(engine) as s:
        soren = records.create(s, "contact", {"full_name": "Søren Kierkegaard", "country": "DK"})
        records.create(s, "contact", {"full_name": "Nguyễn Văn Sơn"})
        lukasz = records.create(s, "contact", {"full_name": "Łukasz\u00ad Nowak"})  # a soft hyphen from Excel
        orsted = records.create(s, "organisation", {"name": "Ørsted", "country": "DK"})
    engine.dispose()
    assert _ketnoi("search", "soren", "--db", str(db_path)) == [("contact", soren, "Søren Kierkegaard")]
    assert _ketnoi("search", "kierkegaard", "SØREN", "--db", str(db_path)) == [
        ("contact", soren, "Søren Kierkegaard")
    ]
    assert _ketnoi("search", "lukasz", "--db", str(db_path)) == [("contact", lukasz, "Łukasz Nowak")]
    assert _ketnoi("search", "orsted", "--db", str(db_path)) == [("organisation", orsted, "Ørsted")]
