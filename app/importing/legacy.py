"""Vietnamese typed in the legacy 8-bit encodings, found and read as Unicode.

Offices still send sheets typed with the old fonts: TCVN3 ("ABC": ``.VnTime``, ``.VnArial``)
and VNI-Windows (``VNI-Times``). Their cells hold the fonts' bytes, which every program but the
font shows as Latin-1 characters: "Nguyễn Văn Hùng" is "NguyÔn V¨n Hïng" in TCVN3 and
"Nguyeãn Vaên Huøng" in VNI. :func:`converted` reads the rows of a sheet through a sample that
decides, per column, whether its text is such legacy text and in which encoding, and gives
those columns' legacy cells back in Unicode (NFC); every other value comes back untouched,
a cell typed in Unicode in such a column too (a row added later to an old list, a header
typed again: "Họ và tên" holds "ọ", which no TCVN3 cell does).

* TCVN3 is one byte a letter: :data:`_TCVN3` is a ``str.translate`` table. It has no capital
  toned letters — a heading is typed in a capital font (``.VnTimeH``) that draws the small
  letters' bytes as capitals — so a word whose other letters are all capitals is given back in
  capitals ("NGUYÔN" → "NGUYỄN"), and a toned letter that starts a cell, or a word in a name
  whose other words are capitalised, is a capital ("ñy ban" → "Ủy ban", "Hoµng ¸nh" → "Hoàng
  Ánh").
* VNI writes a toned vowel as its base letter followed by a mark byte ("e" + "ã" = "ễ"), and
  a few letters as one byte ("ñ" = "đ", "ô" = "ơ"): :data:`_VNI_RE`, one precompiled pattern
  of every sequence, longest first, looked up in :data:`_VNI`.

Deciding is counting cells: a cell is legacy text when its letters are all the encoding's
and it holds a character Unicode Vietnamese never does (:func:`_read`), and such a cell is
good when its words read as Vietnamese syllables (:func:`syllable`), bad when not. A column is
legacy when a quarter of its cells with such characters are good and almost none bad (:func:`_columns_in`):
half a sheet in TCVN3 and half added in Unicode is found. English, French ("café", "Société
Générale"), German ("Müller") and Unicode Vietnamese do not turn into Vietnamese syllables;
legacy text does, almost word for word.

No library is used: the one on PyPI that reads these encodings (viparse 0.1.31, a document
loader for RAG) reads no capital toned letter of TCVN3 back (60 of the 134 letters, even in a
word typed in capitals), lacks VNI's ẳ/Ẳ and its one-byte ỵ/Ỵ ("î"/"Î"), and converts with a
loop in Python per character: 2.6-3.1 times slower over 20,000 names than ``str.translate``
and the one regular expression here (``tests/app/importing/test_legacy_encodings.py``
checks every letter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

TCVN3 = "tcvn3"
VNI = "vni"
ENCODINGS = (TCVN3, VNI)
NAMES = {TCVN3: "TCVN3 (ABC, .VnTime)", VNI: "VNI-Windows (VNI-Times)"}
"""How each encoding is named to the user (the fonts are what people recognise)."""

SAMPLE_ROWS = 300
"""The rows read ahead to decide (a sheet's title, header and first data rows)."""

_TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
_VOWELS = "aăâeêioôơuưy"


def _letter(base: str, tone: int) -> str:
    """``base`` with tone ``tone`` (0 = none, 1…5 as :data:`_TONES`), NFC."""
    return unicodedata.normalize("NFC", base + (_TONES[tone - 1] if tone else ""))


LETTERS: tuple[str, ...] = tuple(
    sorted(
        {_letter(v, t) for v in _VOWELS for t in range(6)} - set("aeiouy") | {"đ"}
        | {_letter(v, t).upper() for v in _VOWELS for t in range(6)} - set("AEIOUY") | {"Đ"}
    )
)  # fmt: skip
"""The 134 letters of Vietnamese that are not ASCII: 67 small, 67 capital."""

# --- TCVN3 ------------------------------------------------------------------------------------
# Each small vowel's five toned bytes (sắc, huyền, hỏi, ngã, nặng), as their Latin-1 characters;
# the plain ă â ê ô ơ ư đ have a byte of their own, small (0xA8-0xAE) and capital (0xA1-0xA7).
_TCVN3_TONED = {
    "a": "¸µ¶·¹", "ă": "¾»¼½Æ", "â": "ÊÇÈÉË", "e": "ÐÌÎÏÑ", "ê": "ÕÒÓÔÖ", "i": "Ý×ØÜÞ",
    "o": "ãßáâä", "ô": "èåæçé", "ơ": "íêëìî", "u": "óïñòô", "ư": "øõö÷ù", "y": "ýúûüþ",
}  # fmt: skip
_TCVN3_PLAIN = {"ă": "¨", "â": "©", "ê": "ª", "ô": "«", "ơ": "¬", "ư": "\xad", "đ": "®",
                "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}  # fmt: skip
_TCVN3_DECODE: dict[str, str] = {
    byte: _letter(v, t + 1) for v, bytes_ in _TCVN3_TONED.items() for t, byte in enumerate(bytes_)
} | {byte: letter for letter, byte in _TCVN3_PLAIN.items()}
_TCVN3 = str.maketrans(_TCVN3_DECODE)
_TCVN3_ENCODE = str.maketrans(
    {letter: byte for byte, letter in _TCVN3_DECODE.items()}
    # no capital toned letters: a capital font draws the small letter's byte as a capital
    | {letter.upper(): byte for byte, letter in _TCVN3_DECODE.items() if letter.upper() not in _TCVN3_PLAIN}
)
_CASELESS = frozenset(letter for byte, letter in _TCVN3_DECODE.items() if byte not in "¡¢£¤¥¦§")
"""Letters from bytes a capital font draws as capitals: their case is not in the byte."""
_NO_CAPITAL = frozenset(_letter(v, t + 1) for v in _TCVN3_TONED for t in range(5))
"""The toned letters, which have no capital byte: a capital one is typed as the small one."""

# --- VNI --------------------------------------------------------------------------------------
# Marks after a base letter, small and capital: the five tones; the circumflex (â ê ô) alone
# and with each tone; the breve (ă) alone and with each tone.
_VNI_TONE = ("ùøûõï", "ÙØÛÕÏ")
_VNI_HAT = ("â" + "áàåãä", "Â" + "ÁÀÅÃÄ")
_VNI_BREVE = ("ê" + "éèúüë", "Ê" + "ÉÈÚÜË")
# Letters of one byte: ơ ư đ, and i with its tones (í and ì are the Latin-1 letters themselves).
_VNI_ONE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for capital in (0, 1):
        up = str.upper if capital else str
        for small, letter in _VNI_ONE.items():
            out[up(small)] = up(letter)
        for base, to in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"), ("ô", "ơ"), ("ö", "ư")):
            for t, mark in enumerate(_VNI_TONE[capital]):
                out[up(base) + mark] = up(_letter(to, t + 1))  # (ỵ: "î", but "yï" is read too)
        for base, to in (("a", "â"), ("e", "ê"), ("o", "ô")):
            for t, mark in enumerate(_VNI_HAT[capital]):
                out[up(base) + mark] = up(_letter(to, t))
        for t, mark in enumerate(_VNI_BREVE[capital]):
            out[up("a") + mark] = up(_letter("ă", t))
    return out


_VNI: dict[str, str] = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))
_VNI_ENCODE: dict[str, str] = {letter: seq for seq, letter in _VNI.items() if seq not in ("yï", "YÏ")} | {
    c: c for c in "íìÍÌ"
}  # (í ì are written as themselves)
_VNI_ENCODE_RE = re.compile("|".join(map(re.escape, _VNI_ENCODE)))

_MARKERS = {
    TCVN3: frozenset(_TCVN3_DECODE),
    VNI: frozenset("".join(_VNI)) - frozenset("aeouyAEOUY"),
}
"""The characters that make a string worth a look for each encoding."""
_ANY_MARKER = re.compile("[" + re.escape("".join(sorted(_MARKERS[TCVN3] | _MARKERS[VNI]))) + "]")


def decode(text: str, encoding: str) -> str:
    """``text`` typed in ``encoding`` (shown as Latin-1 characters), in Unicode (NFC)."""
    if encoding == TCVN3:
        out = text.translate(_TCVN3)
        if not out.isascii():
            out = _restore_capitals(out)
    else:
        out = _VNI_RE.sub(lambda m: _VNI[m.group()], text)
    return out if out.isascii() else unicodedata.normalize("NFC", out)


def encode(text: str, encoding: str) -> str:
    """Unicode ``text`` as the legacy font would hold it (the inverse of :func:`decode`; TCVN3
    writes capital toned letters as the small ones, as a capital font needs them)."""
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        return text.translate(_TCVN3_ENCODE)
    return _VNI_ENCODE_RE.sub(lambda m: _VNI_ENCODE[m.group()], text)


_WORD = re.compile(r"[^\s!-/:-@\[-`{-~]+")  # runs of anything but spaces and ASCII punctuation


_KNOWN_CAPITALS = "A-ZĂÂÊÔƠƯĐ"
_TWO_CAPITALS = re.compile(rf"[{_KNOWN_CAPITALS}][^\s!-/:-@\[-`{{-~]*[{_KNOWN_CAPITALS}]")
_TONED_START = re.compile(rf"(?<![^\s!-/:-@\[-`{{-~])[{''.join(sorted(_NO_CAPITAL))}]")


def _restore_capitals(out: str) -> str:
    """The capitals a TCVN3 capital font drew: a word whose letters of known case (ASCII ones
    and the capital Ă Â Ê Ô Ơ Ư Đ bytes) are all capitals, two at least, is put in capitals,
    and a whole cell whose words are all so. A toned letter has no capital byte: one that
    starts a cell ("ñy ban" → "Ủy ban": a list's cells start with a capital), or a word in a
    cell whose other words all start with a capital ("Hoµng ¸nh" → "Hoàng Ánh"), is a capital."""
    if not (_TWO_CAPITALS.search(out) or _TONED_START.search(out)):
        return out  # (most names: "Nguyễn Văn Hùng", one capital a word, none toned)
    words = [(m.start(), m.end()) for m in _WORD.finditer(out)]
    known = [[c for c in out[start:end] if c.isalpha() and c not in _CASELESS] for start, end in words]
    cased = [w for w in known if w]
    if cased and all(c.isupper() for w in cased for c in w) and any(len(w) >= 2 for w in cased):
        return out.upper()
    chars = list(out)
    initials = [out[start] for start, _end in words]
    for i, (start, end) in enumerate(words):
        if len(known[i]) >= 2 and all(c.isupper() for c in known[i]):
            chars[start:end] = out[start:end].upper()
        elif out[start] in _NO_CAPITAL and (
            i == 0 or all(c.isupper() for j, c in enumerate(initials) if j != i and c.isalpha())
        ):
            chars[start] = out[start].upper()
    return "".join(chars)


# --- Vietnamese syllables ---------------------------------------------------------------------
_OPEN = (
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ưa ua iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu"
)
_CLOSED = "iê yê uô ươ uyê â ă oă uâ oo"
_FREE = "a e ê i o ô ơ u ư y oa oe uê uy uơ"
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
    rf"(?:(?:{'|'.join(sorted(_OPEN.split(), key=len, reverse=True))})"
    rf"|(?:{'|'.join(sorted(_CLOSED.split(), key=len, reverse=True))})(ch|ng|nh|[cmnpt])"
    rf"|(?:{'|'.join(sorted(_FREE.split(), key=len, reverse=True))})(ch|ng|nh|[cmnpt])?)"
)
_TONE_MARKS = frozenset(_TONES)
_STOPS = frozenset({"c", "ch", "p", "t"})


@lru_cache(maxsize=8192)
def syllable(word: str) -> bool:
    """Whether ``word`` is one Vietnamese syllable: an onset, a vowel nucleus, a final; one
    tone at most, and after a final c, ch, p or t only the sắc or nặng tone."""
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(bare)
    if m is None:
        return False
    final = m.group(1) or m.group(2)
    return final not in _STOPS or (bool(tones) and tones[0] in ("\u0301", "\u0323"))


@dataclass(frozen=True)
class Finding:
    """What a sheet's sample showed: its encoding, the columns typed in it (0-based), and
    examples (row, column, as typed, as read), first rows first."""

    encoding: str
    columns: tuple[int, ...]
    examples: tuple[tuple[int, int, str, str], ...] = field(default=())

    @property
    def name(self) -> str:
        return NAMES[self.encoding]


# --- Which cells are legacy text -------------------------------------------------------------
_VIETNAMESE = frozenset(LETTERS)
_DOMAIN = {TCVN3: frozenset(_TCVN3_DECODE), VNI: frozenset("".join(_VNI)) | frozenset("íìÍÌ")}
"""The letters a cell typed in each encoding can hold besides ASCII (a letter outside, "ộ",
"ư", "ñ" in TCVN3, is Unicode or another language: such a cell is left as typed)."""
_SPECIFIC = {e: frozenset(c for c in chars if not c.isascii()) - _VIETNAMESE for e, chars in _DOMAIN.items()}
"""The characters of each encoding that Vietnamese typed in Unicode never holds ("Ç", "ª",
"µ", the soft hyphen of TCVN3; "ø", "ï", "ñ" of VNI)."""


def _well_cased(word: str) -> bool:
    return word in (word.lower(), word.upper(), word[:1] + word[1:].lower())


_ALLOWED = {e: chars | frozenset(map(chr, range(128))) for e, chars in _DOMAIN.items()}


@lru_cache(maxsize=16384)
def _read(text: str, encoding: str) -> tuple[str, bool] | None:
    """``text`` read from ``encoding`` and whether it is surely legacy text, or None when it
    is not legacy text and is kept as typed.

    A cell is legacy text when every letter in it is ASCII or one of the encoding's, and it
    holds a character Unicode Vietnamese never does ("TrÇn ThÞ Lan"), or is no Vietnamese as
    typed (a word not a syllable, or in odd capitals: "Cè vÊn") and is Vietnamese once read
    ("Cố vấn"). A cell that is Vietnamese both ways ("Ghi chó" is "Ghi chú"; "Tô Lâm" would be
    "Tụ Lõm") may be: it is read only in a row that holds sure legacy text, and then not when
    it is untoned Vietnamese as typed (:func:`_row`)."""
    if any(c.isalpha() for c in set(text).difference(_ALLOWED[encoding])):
        return None  # ("Bùi Thị Hà": "ị" is no letter of TCVN3)
    after = decode(text, encoding)
    if after == text:
        return None
    if not _SPECIFIC[encoding].isdisjoint(text):
        return after, True
    changed = _changed(text, encoding)
    if not (changed and all(syllable(a) for _w, a in changed)):
        return None
    return after, not all(syllable(w) and _well_cased(w) for w, _a in changed)


def _changed(text: str, encoding: str) -> list[tuple[str, str]]:
    """The words of ``text`` (letters only) that reading it from ``encoding`` changes, and
    what they become."""
    pairs = [
        (w, decode(w, encoding))
        for w in _WORD.findall(text)
        if not w.isascii() and not any(c.isdigit() for c in w)
    ]
    return [(w, a) for w, a in pairs if a != w]


def _cell(text: str, encoding: str) -> str:
    """What ``text`` is in a column typed in ``encoding``: "" when it is not legacy text
    (:func:`_read`), "maybe" when it may be, "good" when it surely is and its words that
    change all become Vietnamese syllables, "bad" when one does not ("Société" read as TCVN3
    is "Sociộtộ")."""
    read = _read(text, encoding)
    if read is None:
        return ""
    if not read[1]:
        return "maybe"
    changed = _changed(text, encoding)
    return "good" if changed and all(syllable(a) for _w, a in changed) else "bad"


def _row(values: list[Any], columns: tuple[int, ...], encoding: str) -> dict[int, str]:
    """The cells of a row's legacy ``columns`` read as Unicode: the sure ones, and those that
    may be legacy text when the row holds a sure one (a row is typed in one font), but not
    one that reads as untoned Vietnamese as typed (:func:`_untoned_as_typed`)."""
    reads: dict[int, tuple[str, bool]] = {}
    for col in columns:
        if col < len(values):
            value = values[col]
            if value.__class__ is str and not value.isascii():
                read = _read(value, encoding)
                if read is not None:
                    reads[col] = read
    if not reads:
        return {}
    sure = any(is_sure for _after, is_sure in reads.values())
    if not sure:
        return {}
    return {
        col: after
        for col, (after, is_sure) in reads.items()
        if is_sure or not _untoned_as_typed(values[col], encoding)
    }


def _untoned_as_typed(text: str, encoding: str) -> bool:
    """Whether a cell Vietnamese both ways has a word that, as typed, is a syllable with no
    tone ("Tô", "Lâm", "Lê") while TCVN3 reads it with one: such a cell is kept as typed, even
    in a row of TCVN3 text (reviewer: the Unicode "Tô Lâm" beside TCVN3 cells became "Tụ Lõm").
    TCVN3 types the untoned â, ê, ô with bytes of their own (© ª «), so the bytes "â", "ê",
    "ô" are toned letters in it ("Tô" → "Tụ", "Lê" → "Lờ"), and untoned syllables are
    Vietnamese's commonest: the cell is far likelier typed in Unicode. A cell whose words carry
    a tone both ways ("Ghi chó", TCVN3 for "Ghi chú") is read as its row is. (VNI types the
    untoned ơ as "ô": "Sôn" is "Sơn" there, untoned both ways, and such a cell is read as its
    row is.)"""
    if encoding != TCVN3:
        return False
    return any(
        not _TONE_MARKS.intersection(unicodedata.normalize("NFD", w)) for w, _a in _changed(text, encoding)
    )


def _legacy_cells(rows: list[tuple[int, list[Any]]]) -> dict[int, list[str]]:
    """Each column's strings that hold a character some legacy encoding changes."""
    cells: dict[int, list[str]] = {}
    for _number, values in rows:
        for col, value in enumerate(values):
            if value.__class__ is str and not value.isascii() and _ANY_MARKER.search(value):
                cells.setdefault(col, []).append(value)
    return cells


def _columns_in(encoding: str, cells: dict[int, list[str]]) -> tuple[int, list[int]]:
    """The columns typed in ``encoding`` and how many of their cells read as Vietnamese.

    A column is legacy when a fair share (a quarter) of its cells with such characters are
    legacy text that reads as Vietnamese syllables, two at least, and almost none (one in
    five) is legacy text that does not: a list typed in TCVN3 with rows added later in
    Unicode is one (those rows are kept as typed); French, German, English or Unicode
    Vietnamese are not ("Société" read as TCVN3 is "Sociộtộ")."""
    counts: dict[int, dict[str, int]] = {}
    for col, texts in cells.items():
        count = counts[col] = {"": 0, "maybe": 0, "good": 0, "bad": 0}
        for text in texts:
            count[_cell(text, encoding)] += 1
    legacy = [
        c
        for c, n in counts.items()
        if n["good"] >= 2 and 4 * n["good"] >= len(cells[c]) and 5 * n["bad"] <= n["good"]
    ]
    if not legacy or sum(counts[c]["good"] for c in legacy) < 3:
        return 0, []
    # (in a sheet found legacy, a column all of whose cells may be: a header "Ghi chó" over an empty column)
    leaning = {c for c, n in counts.items() if n["good"] + n["maybe"] and not n["bad"] and not n[""]}
    columns = sorted(set(legacy) | leaning)
    return sum(counts[c]["good"] for c in columns), columns


def detect(rows: list[tuple[int, list[Any]]]) -> Finding | None:
    """The columns of ``rows`` typed in a legacy encoding (the encoding that more of the words
    become syllables in), or None. A string without a character of either encoding (English,
    most of any sheet) costs one search of a regular expression; the words of the others are
    scored once each (:func:`_verdict` is cached)."""
    cells = _legacy_cells(rows)
    if not cells:
        return None
    # (the encoding more words become syllables in: a TCVN3 sheet read as VNI gains few)
    _became, columns, encoding = max(((*_columns_in(e, cells), e) for e in ENCODINGS), key=lambda x: x[0])
    if not columns:
        return None
    examples: list[tuple[int, int, str, str]] = []
    for number, values in rows:
        for col, after in sorted(_row(values, tuple(columns), encoding).items()):
            if len(examples) < 20:
                examples.append((number, col, values[col], after))
    return Finding(encoding, tuple(columns), tuple(examples))


def converted(rows: Iterator[tuple[int, list[Any]]], found: Any = None) -> Iterator[tuple[int, list[Any]]]:
    """``rows`` with the strings of the columns typed in a legacy encoding read as Unicode.
    The first :data:`SAMPLE_ROWS` rows decide (:func:`detect`); ``found(finding)`` is told what
    they showed (None: nothing legacy, and the rows pass through as they are)."""
    sample = []
    for row in rows:
        sample.append(row)
        if len(sample) >= SAMPLE_ROWS:
            break
    finding = detect(sample)
    if found is not None:
        found(finding)
    if finding is None:
        yield from sample
        yield from rows
        return
    encoding, columns = finding.encoding, finding.columns
    for number, values in _chain(sample, rows):
        reads = _row(values, columns, encoding)
        out = values
        if reads:  # (a cell typed in Unicode, "Bùi Thị Hà", is kept as typed)
            out = list(values)  # (a parsed sheet's rows are kept for another reading)
            for col, after in reads.items():
                out[col] = after
        yield number, out


def _chain(
    first: list[tuple[int, list[Any]]], rest: Iterator[tuple[int, list[Any]]]
) -> Iterator[tuple[int, list[Any]]]:
    yield from first
    yield from rest
