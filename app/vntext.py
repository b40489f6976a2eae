"""Vietnamese-aware text helpers: normalising, folding for search, splitting and sorting names.

Vietnamese writes the family name first ("Nguyễn Thị Hồng Nhung": family Nguyễn, middle
Thị Hồng, given Nhung) and people are addressed and listed by their given name. Text arrives
in NFC from one keyboard and NFD from another (macOS, some web forms); everything stored is NFC.

``fold`` is the search key: lower case, no diacritics, đ/Đ mapped to d (Unicode has no
decomposition for đ, so stripping combining marks alone leaves it), whitespace collapsed.
``name_sort_key`` orders by given name, then family name, then middle name, in Vietnamese
alphabetical order (a < ă < â < b < … < d < đ < e < ê …), with tones as a tie-breaker only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.name_order import (
    east_asian,
    looks_vietnamese,
    name_words,
    particle_start,
    split_east_asian,
    vietnamese_words,
)

# Zero-width spaces, word joiners, byte-order marks and soft hyphens that spreadsheets and web
# forms leave in names. The zero-width joiner and non-joiner stay: they are part of emoji
# sequences (👩‍💻) and of how Persian, Arabic and Indic words are written; search keys drop
# them anyway (see the folding notes below).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)

# Vietnamese surnames, so that "Hùng Nguyễn" (given name first, as written abroad) can be
# recognised, and so that a single token is not mistaken for a family name.
VIETNAMESE_SURNAMES = frozenset(
    (
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lam mai trinh dinh "
        "truong ha cao luu luong ta quach kieu chu la thai lac tang van giang khuc doan to tieu lu "
        "kim au thach phung vuong"
    ).split()
)

HONORIFICS = (
    "Assoc. Prof. Dr.",
    "Assoc. Prof.",
    "Prof. Dr.",
    "GS.TS.",
    "PGS.TS.",
    "GS.",
    "PGS.",
    "TS.",
    "ThS.",
    "Prof.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Ông",
    "Bà",
)
# "Anh" and "Chị" are not here: they are also given names ("Anh Nguyễn" abroad).
# Longest first, so that "Assoc. Prof. Dr." wins over "Assoc. Prof.".
_HONORIFIC_RE = re.compile(
    r"^("
    + "|".join(re.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
    + r")(?:\s+|(?<=\.))(?=\S)",
    re.IGNORECASE,
)


# Control characters (NUL, bell, escape…) carry nothing a person wrote, and PostgreSQL refuses
# NUL in text outright; line breaks and tabs are whitespace and handled as such. Each becomes a
# space (then collapsed with the others): one stands where the program that wrote the cell had a
# separator, and dropping it ran the words together (reviewer h118: the cell "Lê Văn_x0007_Chuông"
# of a workbook became the name "Lê VănChuông", "Kỹ_x000B_sư" the position "Kỹsư").
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F], " ")


_HAS_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_CLEANED: dict[str, str] = {}
CLEAN_MEMO_SIZE = 1 << 16
"""Texts :func:`clean` remembers (up to 200 characters each; the memo is emptied when full).
An import cleans each cell's text four or five times on its way from the cell to the record
(the importer, the record's checks, the name split, the sort key): a dictionary look-up
against 0.5-1.5 microseconds of cleaning each time."""


def clean(text: str | None) -> str:
    """NFC, invisible characters removed, control characters made spaces ("Lê Văn\x07Chuông" →
    "Lê Văn Chuông"), whitespace trimmed and collapsed to single spaces."""
    if text is None:
        return ""
    if type(text) is not str:
        text = str(text)
    done = _CLEANED.get(text)
    if done is not None:
        return done
    out = text
    if not out.isascii():  # ASCII is already NFC and holds no invisible characters
        if _HAS_INVISIBLE.search(out):
            out = out.translate(_INVISIBLE)
        out = unicodedata.normalize("NFC", out)  # (a quick check first: NFC text is not copied)
    if not out.isprintable():  # fast: no control character in nearly every cell
        out = out.translate(_CONTROLS)
    out = " ".join(out.split())
    if len(text) <= 200:
        if len(_CLEANED) >= CLEAN_MEMO_SIZE:
            _CLEANED.clear()
        if out == text:
            out = text  # one string kept, not two
        _CLEANED[text] = out
    return out


_BLANKS = re.compile(r"[ \t\f\v]+")


_CLEANED_LINES: dict[str, str] = {}


def clean_multiline(text: str | None) -> str:
    """Like :func:`clean` but keeps line breaks (minutes, notes); trims each line's ends."""
    if text is None:
        return ""
    if type(text) is not str:
        text = str(text)
    done = _CLEANED_LINES.get(text)
    if done is not None:
        return done
    out = unicodedata.normalize("NFC", text.translate(_INVISIBLE).translate(_CONTROLS))
    out = out.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_BLANKS.sub(" ", line).strip() for line in out.split("\n")]
    out = "\n".join(lines).strip()
    if len(text) <= 200:  # notes that repeat down a column ("Quan tâm …"), as in clean()
        if len(_CLEANED_LINES) >= CLEAN_MEMO_SIZE:
            _CLEANED_LINES.clear()
        _CLEANED_LINES[text] = text if out == text else out
    return out


def as_written(text: str | None) -> str:
    """A person's name as written, to tell people apart: :func:`clean` and lower-cased, its
    accents kept. "Phạm Thị Thu Trang" and "Pham Thi Thu Trang" fold alike (search finds
    either) but are written otherwise: two people the database holds apart (reviewer h129),
    whom an import joins only by a shared e-mail or phone."""
    return clean(text).lower()


# --- folding ------------------------------------------------------------------------------
#
# Both folds below are defined by a "slow" function that runs the full Unicode algorithms on
# the whole text, and have a fast path: one ``str.translate`` with a table holding, for each
# character of the common ranges, exactly what the slow function makes of it when that is
# ASCII. If the translated text is ASCII the fast answer stands, otherwise the slow function
# answers, so the two agree on every input (tests/app/test_vntext_fold.py checks every code
# point and random text from all of Unicode). Per-character tables are exact because each
# step below works character by character; the only cross-character steps (canonical
# reordering of marks, composition) touch marks and non-ASCII characters alone.
#
# Invisible characters: every format character (category Cf: soft hyphen, zero-width space,
# ZWJ/ZWNJ, word joiner, bidi marks and isolates, BOM…) and every other default-ignorable
# code point (combining grapheme joiner, variation selectors, Hangul fillers, tag characters)
# is dropped from search keys. This affects keys only: display text is what :func:`clean`
# keeps, which strips the zero-width spaces and soft hyphens spreadsheets leave but keeps the
# joiners that emoji and Persian need.

_DEFAULT_IGNORABLE = frozenset(
    cp
    for lo, hi in (
        (0x00AD, 0x00AD),
        (0x034F, 0x034F),
        (0x061C, 0x061C),
        (0x115F, 0x1160),
        (0x17B4, 0x17B5),
        (0x180B, 0x180F),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x206F),
        (0x3164, 0x3164),
        (0xFE00, 0xFE0F),
        (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0),
        (0xFFF0, 0xFFF8),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
    )
    for cp in range(lo, hi + 1)
)  # Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt)


def _invisible(ch: str) -> bool:
    return ord(ch) in _DEFAULT_IGNORABLE or unicodedata.category(ch) == "Cf"


# Latin letters with no Unicode decomposition, so that stripping marks leaves them as they
# are: overseas names fold too ("lukasz" finds "Łukasz", "soren" "Søren", "aliyev" "Əliyev").
# Keys are case-folded; values follow anyascii's transliteration (ISC licence) for the
# Latin-1, Latin Extended-A/B and IPA letters, leaving out clicks, tone letters and the few
# where it gives punctuation. ß needs no entry: case folding makes it "ss".
FOLD_LETTERS: dict[str, str] = dict(
    pair.split(":")
    for pair in (
        "æ:ae ð:d ø:o þ:th đ:d ħ:h ı:i ĸ:q ł:l ŋ:ng œ:oe ŧ:t ƀ:b ƃ:b ƈ:c ƌ:d ƍ:z ƒ:f ƕ:hw ƙ:k ƚ:l "
        "ƛ:l ƞ:n ƣ:gh ƥ:p ƪ:sh ƫ:t ƭ:t ƴ:y ƶ:z ƺ:zh ƾ:ts ƿ:w ǝ:e ǥ:g ȝ:y ȡ:d ȣ:ou ȥ:z ȴ:l ȵ:n ȶ:t "
        "ȷ:j ȸ:db ȹ:qp ȼ:c ȿ:s ɀ:z ɇ:e ɉ:j ɋ:q ɍ:r ɏ:y ɓ:b ɔ:o ɖ:d ɗ:d ə:e ɛ:e ɠ:g ɣ:g ɨ:i ɩ:i "
        "ɯ:w ɲ:n ɵ:o ʀ:r ʃ:sh ʈ:t ʉ:u ʊ:u ʋ:v ʌ:a ʒ:zh ⱥ:a ⱦ:t"
    ).split()
)


def _fold_chars(text: str) -> str:
    """:func:`fold` before whitespace is collapsed: compatibility-decomposed (fullwidth letters,
    ligatures), case-folded, marks and invisible characters dropped, overseas letters mapped."""
    # Marks go before case folding too, or U+0345 (a Greek accent) would fold to the letter ι.
    text = _visible_base(unicodedata.normalize("NFKD", text))
    text = _visible_base(unicodedata.normalize("NFKD", text.casefold()))
    kept = "".join(FOLD_LETTERS.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", kept)  # what is left of other scripts, recomposed


def _visible_base(decomposed: str) -> str:
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and not _invisible(ch))


def _fold_slow(text: str) -> str:
    return " ".join(_fold_chars(text).split())


def _strip_diacritics_slow(text: str) -> str:
    stripped = _visible_base(unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


# The ranges the fast tables cover, below U+2190 so that a table is a short list (a list
# lookup is three times faster than a dict's in ``str.translate``): ASCII, Latin-1 to IPA,
# spacing modifiers and combining marks, the Vietnamese block (Latin Extended Additional),
# general punctuation (odd spaces, zero-width and bidi characters), letter-like symbols and
# number forms. A character past the end raises IndexError, which ``translate`` reads as
# "unchanged": it stays non-ASCII and the slow path answers.
_TABLE_RANGES = ((0, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1F00), (0x2000, 0x2070), (0x20D0, 0x2190))


def _build_table(slow: Callable[[str], str]) -> list[str]:
    """Each character of the covered ranges mapped to what ``slow`` makes of it where that is
    ASCII ("" deletes); every other character to itself, left for the slow path."""
    table = [chr(code) for code in range(_TABLE_RANGES[-1][1])]
    for lo, hi in _TABLE_RANGES:
        for code in range(lo, hi):
            out = slow(chr(code))
            if out.isascii():
                table[code] = out
    return table


_FOLD = _build_table(_fold_chars)
_STRIP = _build_table(_strip_diacritics_slow)


def strip_diacritics(text: str) -> str:
    """Remove combining marks and invisible characters, map đ/Đ to d/D; keeps case."""
    if text.isascii():
        return text
    fast = text.translate(_STRIP)
    return fast if fast.isascii() else _strip_diacritics_slow(text)


def fold(text: str | None) -> str:
    """Search key: case-folded, diacritics and invisible characters removed, đ→d, overseas
    letters spelt in ASCII (ł→l, ø→o, æ→ae, ß→ss, þ→th…), whitespace collapsed.

    ``fold("Đặng") == fold("dang") == "dang"``; NFC and NFD input fold alike.
    """
    if not text:
        return ""
    text = str(text)
    if text.isascii():
        return " ".join(text.lower().split())
    done = _FOLDED.get(text)
    if done is not None:
        return done
    fast = text.translate(_FOLD)  # lower-cases ASCII letters too
    out = " ".join(fast.split()) if fast.isascii() else _fold_slow(text)
    if len(text) <= 200:  # positions, organisations, family names repeat (as in clean())
        if len(_FOLDED) >= CLEAN_MEMO_SIZE:
            _FOLDED.clear()
        _FOLDED[text] = out
    return out


_FOLDED: dict[str, str] = {}


def fold_join(parts: Iterable[str]) -> str:
    """``fold(" ".join(parts))``, folded part by part, so that ASCII parts (emails, phone
    numbers) take the ASCII path and repeated ones the memo. The same key: every step of the
    fold works character by character or within a run of marks, which a space ends, and the
    whitespace is collapsed either way (tests/app/test_vntext_fold.py holds the two together)."""
    return " ".join([folded for folded in map(fold, parts) if folded])


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def fold_words(text: str | None) -> list[str]:
    """The folded words of ``text`` (letters and digits only), for tokenised search."""
    return _WORD_RE.findall(fold(text))


# A telephone number typed as people write it, its groups apart ("0912 345 678", "0966-544-817",
# "0966.544.817", "+84 966544817", "(024) 3825 1234"): a run that starts with "+", "(" or a
# national "0" and has groups of digits between single spaces, dots or dashes.
_PHONE_RUN = re.compile(r"(?:\+\s?|\(\+?)?\d+(?:\)?[ .\-]?\(?\d+\)?)+")
_DATE_RUN = re.compile(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}")
PHONE_QUERY_DIGITS = 7
"""Digits from which such a run is searched as one number (a prefix of one: "0912 345")."""


def _phone_run(found: re.Match[str]) -> str:
    run = found.group(0)
    digits = "".join(ch for ch in run if ch.isdigit())
    phone_like = run[0] in "+(" or digits.startswith("0")
    if not phone_like or len(digits) < PHONE_QUERY_DIGITS or _DATE_RUN.fullmatch(run.strip()):
        return run
    return " " + digits + " "


def query_words(text: str | None) -> list[str]:
    """The words a search looks for: :func:`fold_words`, except that a telephone number typed
    with spaces, dots or dashes between its groups is one word, its digits, as a number is
    indexed (:func:`app.validation.phone_search_tokens`: 0912345678 and 84912345678; reviewer:
    "0912 345 678", as the lists show it, found nothing). A date ("05.04.2025") stays words."""
    if not text:
        return []
    return fold_words(_PHONE_RUN.sub(_phone_run, text))


@dataclass(frozen=True, slots=True)
class NameParts:
    family: str
    middle: str
    given: str
    honorific: str = ""

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.family, self.middle, self.given) if p)


def split_honorific(full_name: str) -> tuple[str, str]:
    """Split a leading honorific ("PGS.TS.", "Dr.", "Ông") off a name."""
    name = clean(full_name)
    match = _HONORIFIC_RE.match(name)
    if match is None:
        return "", name
    found = match.group(1).casefold()
    canonical = next(h for h in HONORIFICS if h.casefold() == found)
    return canonical, name[match.end() :].strip()


def join_name(family: str = "", middle: str = "", given: str = "") -> str:
    """A full name from its parts, in the order its owner writes it: family first for a
    Vietnamese name ("Nguyễn Văn An", "Nguyen Thi Hong Nhung") and an East Asian one ("田中 宏"),
    given first otherwise ("John Smith", "Jürgen Weiß", "Pieter van der Berg", "Anna Nguyen").

    Vietnamese: a family name from the list whose other words could each be a Vietnamese
    syllable ("Anna" cannot), or every word a Vietnamese syllable with Vietnamese marks. An
    accented letter alone is no proof: ü, ß, ç, ë are not Vietnamese (reviewer h119: "Weiß
    Jürgen", "Dupont François" came of a "First name" | "Last name" sheet).
    :func:`split_name` reads the joined name back into the same parts."""
    family, middle, given = clean(family), clean(middle), clean(given)
    if not family:
        return " ".join(p for p in (middle, given) if p)
    rest = name_words(f"{middle} {given}")
    vietnamese = (
        east_asian(family)
        or east_asian(given)
        or (_is_surname(family.split()[0]) and vietnamese_words(rest))
        or looks_vietnamese(" ".join(p for p in (family, middle, given) if p))
    )
    order = (family, middle, given) if vietnamese else (given, middle, family)
    return " ".join(p for p in order if p)


def split_name(full_name: str | None, *, western: bool | None = None) -> NameParts:
    """Split a full name into family / middle / given parts.

    In this order: a comma puts the family name first ("Nguyen, Hung", "Smith, John Paul"). A
    name in Han, kana or Hangul is family first ("田中 宏"; "田中宏" without a space: see
    :func:`app.name_order.split_east_asian`). A Vietnamese family name first is family first
    ("Nguyen Thi Hong Nhung"); one last, and not first, is given first ("Hùng Nguyễn", "Anna
    Nguyễn-Schmidt"); a hyphenated one first is family first ("Nguyễn-Schmidt Anna"). Particles
    in small letters begin the family name ("Pieter van der Berg"). Otherwise a name whose words
    are Vietnamese syllables with Vietnamese marks is family first ("Đàm Vĩnh Hưng") and any
    other is given first ("John Smith", "Jürgen Weiß", "Zoë Becker").
    ``western=True`` takes any name as given first.
    """
    honorific, name = split_honorific(full_name or "")
    if "," in name:
        family, _, rest = name.partition(",")
        tokens = clean(rest).split()
        family = clean(family)
        if not tokens:
            return NameParts(family="", middle="", given=family, honorific=honorific)
        if fold(family) in VIETNAMESE_SURNAMES:  # "Nguyễn, Văn Hùng": the rest is middle + given
            return NameParts(family, " ".join(tokens[:-1]), tokens[-1], honorific)
        return NameParts(family, " ".join(tokens[1:]), tokens[0], honorific)  # "Smith, John Paul"
    tokens = name.split()
    if not tokens:
        return NameParts("", "", "", honorific)
    if len(tokens) == 1:
        cut = split_east_asian(tokens[0]) if east_asian(tokens[0]) else None
        if cut is not None:
            return NameParts(cut[0], "", cut[1], honorific)
        return NameParts("", "", tokens[0], honorific)
    if western is None:
        if east_asian(name) or _is_surname(tokens[0]):
            western = False  # (the import's fast path reads a listed family name first so too)
        elif any(map(_is_surname, tokens[-1].split("-"))):
            western = True  # "Hùng Nguyễn", "Anna Nguyễn-Schmidt"
        elif any(map(_is_surname, tokens[0].split("-"))):
            western = False  # "Nguyễn-Schmidt Anna"
        else:
            western = not looks_vietnamese(name)
    if western:
        start = particle_start(tokens)
        if start is not None:  # "Pieter van der Berg": family "van der Berg"
            return NameParts(" ".join(tokens[start:]), " ".join(tokens[1:start]), tokens[0], honorific)
        return NameParts(tokens[-1], " ".join(tokens[1:-1]), tokens[0], honorific)
    return NameParts(tokens[0], " ".join(tokens[1:-1]), tokens[-1], honorific)


@lru_cache(maxsize=8192)  # a few hundred family names; any word may come first
def _is_surname(token: str) -> bool:
    return fold(token) in VIETNAMESE_SURNAMES


# Vietnamese alphabet order: each letter becomes its Latin base plus a rank digit so that
# plain byte comparison of the key gives dictionary order (a < ă < â, d < đ, o < ô < ơ …).
_LETTER_RANK = {"ă": "1", "â": "2", "đ": "1", "ê": "1", "ô": "1", "ơ": "2", "ư": "1"}
_TONE_RANK = {"\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0301": "5", "\u0323": "6"}
_MODIFIERS = {"\u0306": "ă", "\u0302": "^", "\u031b": "horn"}


@lru_cache(maxsize=65536)  # names repeat: a few hundred given names cover most people
def _letter_keys(word: str) -> tuple[str, str]:
    """Primary (letters) and secondary (tones) keys for one word."""
    primary: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFC", word.casefold()):
        if ch == "đ":
            primary.append("d1")
            tones.append("1")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = "1"
        letter = base
        for m in marks:
            if m in _TONE_RANK:
                tone = _TONE_RANK[m]
            elif m in _MODIFIERS:
                letter = unicodedata.normalize("NFC", base + m)
        if not base.isalnum():
            continue
        if base in FOLD_LETTERS:  # an overseas letter sorts as it folds: Łukasz among the Ls
            primary.extend(c + "0" for c in FOLD_LETTERS[base])
            tones.extend("1" for _ in FOLD_LETTERS[base])
            continue
        rank = _LETTER_RANK.get(letter, "0")
        primary.append(base + rank)
        tones.append(tone)
    return "".join(primary), "".join(tones)


def spelling(word: str) -> tuple[str, str]:
    """How one word is spelt, for telling a word typed with its marks from its other spellings:
    its letters with their marks (a, ă, â, đ … as in the sort key) and its tone mark ("" for
    none), the same however the tone is placed ("hòa", "hoà") and in NFC or NFD.
    ``spelling("Hà") == ("h0a0", "2")``, ``spelling("Hạ") == ("h0a0", "6")``."""
    letters, tones = _letter_keys(word)
    return letters, next((t for t in tones if t != "1"), "")


# Joiners are kept in display text (emoji, Persian) but weigh nothing in a sort key: a lone
# joiner between spaces must not count as a word.
_JOINERS = dict.fromkeys((0x200C, 0x200D), None)

SORT_KEY_LENGTH = 600
"""Sort keys are stored in a 600-character column (db.models.SORT_KEY); a key is about three
times its text, so a very long name's key is cut: names that long sort by their beginning."""


def name_sort_key(given: str, family: str = "", middle: str = "") -> str:
    """A byte-comparable key ordering people by given name, then family, then middle name.

    Stored in an indexed column so that lists sort in SQL, never in Python or a proxy.
    Letters compare first across all three parts; tones only break ties.
    """
    g, f, m = _part_key(given), _part_key(family), _part_key(middle)
    # Separators sort below every letter code ("0"…"z"), and end of key < part < word, so
    # that a shorter name sorts before a longer one that starts the same way.
    return (g[0] + "#" + f[0] + "#" + m[0] + "!" + g[1] + f[1] + m[1])[:SORT_KEY_LENGTH]


def _part_key(part: str) -> tuple[str, str]:
    if type(part) is str and len(part) <= 100:
        return _part_keys(part)
    return _part_keys.__wrapped__(part)


@lru_cache(maxsize=65536)  # parts repeat even where whole names do not: Nguyễn, Thị, Anh…
def _part_keys(part: str) -> tuple[str, str]:
    """One part of a name: its words' letter keys joined by "+", and their tone keys."""
    text = clean(part)
    if "\u200c" in text or "\u200d" in text:
        text = text.translate(_JOINERS)
    words = [_letter_keys(w) for w in text.split()]
    return "+".join([p for p, _ in words]), "".join([t for _, t in words])


def text_sort_key(text: str) -> str:
    """Vietnamese dictionary-order key for a plain title (organisation names, meetings)."""
    words = [_letter_keys(w) for w in clean(text).translate(_JOINERS).split()]
    return ("+".join(p for p, _ in words) + "!" + "".join(t for _, t in words))[:SORT_KEY_LENGTH]
