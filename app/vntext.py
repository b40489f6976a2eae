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
from dataclasses import dataclass
from functools import lru_cache

# Zero-width and byte-order characters that spreadsheets and web forms leave in names.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

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


def clean(text: str | None) -> str:
    """NFC, invisible characters removed, whitespace trimmed and collapsed to single spaces."""
    if text is None:
        return ""
    text = str(text)
    if not text.isascii():  # ASCII is already NFC and holds no invisible characters
        text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


def clean_multiline(text: str | None) -> str:
    """Like :func:`clean` but keeps line breaks (minutes, notes); trims each line's ends."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text).translate(_INVISIBLE))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _strip_diacritics_slow(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def _build_strip_table() -> dict[int, str | None]:
    """Every precomposed Latin letter (Latin-1 to Latin Extended Additional, where all the
    Vietnamese letters live) mapped to its base letters, and combining marks to nothing."""
    table: dict[int, str | None] = dict.fromkeys(range(0x300, 0x370), None)
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        base = _strip_diacritics_slow(chr(code))
        if base != chr(code) and base.isascii():
            table[code] = base
    table.update(_INVISIBLE)
    return table


_STRIP = _build_strip_table()


def strip_diacritics(text: str) -> str:
    """Remove combining marks and map đ/Đ to d/D; keeps case."""
    if text.isascii():
        return text
    fast = text.translate(_STRIP)
    return fast if fast.isascii() else _strip_diacritics_slow(text)


def fold(text: str | None) -> str:
    """Search key: case-folded, diacritics removed, đ→d, whitespace collapsed.

    ``fold("Đặng") == fold("dang") == "dang"``; NFC and NFD input fold alike.
    """
    if not text:
        return ""
    text = str(text)
    if not text.isascii():
        text = text.translate(_INVISIBLE)
    return " ".join(strip_diacritics(text).casefold().split())


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def fold_words(text: str | None) -> list[str]:
    """The folded words of ``text`` (letters and digits only), for tokenised search."""
    return _WORD_RE.findall(fold(text))


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


def split_name(full_name: str | None, *, western: bool | None = None) -> NameParts:
    """Split a full name into family / middle / given parts.

    Vietnamese order (family first) is assumed unless the name looks Western: the last
    token is a known Vietnamese surname and the first is not ("Hùng Nguyễn"), or the name
    holds a comma ("Nguyen, Hung" is family-first already), or ``western=True``.
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
        return NameParts("", "", tokens[0], honorific)
    if western is None:
        first_vn = fold(tokens[0]) in VIETNAMESE_SURNAMES
        last_vn = fold(tokens[-1]) in VIETNAMESE_SURNAMES
        western = last_vn and not first_vn
        if not first_vn and not last_vn:
            # Neither end is a Vietnamese surname: an overseas name ("John Smith").
            western = not _looks_vietnamese(name)
    if western:
        return NameParts(tokens[-1], " ".join(tokens[1:-1]), tokens[0], honorific)
    return NameParts(tokens[0], " ".join(tokens[1:-1]), tokens[-1], honorific)


def _looks_vietnamese(name: str) -> bool:
    """True when the name carries Vietnamese-specific letters (ư, ơ, ă, đ, tone marks…)."""
    return strip_diacritics(name) != name


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
        rank = _LETTER_RANK.get(letter, "0")
        primary.append(base + rank)
        tones.append(tone)
    return "".join(primary), "".join(tones)


def name_sort_key(given: str, family: str = "", middle: str = "") -> str:
    """A byte-comparable key ordering people by given name, then family, then middle name.

    Stored in an indexed column so that lists sort in SQL, never in Python or a proxy.
    Letters compare first across all three parts; tones only break ties.
    """
    prim: list[str] = []
    sec: list[str] = []
    for part in (given, family, middle):
        words = [_letter_keys(w) for w in clean(part).split()]
        prim.append("+".join(p for p, _ in words))
        sec.append("".join(t for _, t in words))
    # Separators sort below every letter code ("0"…"z"), and end of key < part < word, so
    # that a shorter name sorts before a longer one that starts the same way.
    return "#".join(prim) + "!" + "".join(sec)


def text_sort_key(text: str) -> str:
    """Vietnamese dictionary-order key for a plain title (organisation names, meetings)."""
    words = [_letter_keys(w) for w in clean(text).split()]
    return "+".join(p for p, _ in words) + "!" + "".join(t for _, t in words)
