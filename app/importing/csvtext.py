"""Which text encoding and which delimiter a CSV file uses, decided from its bytes.

Offices send CSV files saved every way Excel and LibreOffice offer: "CSV UTF-8" (with a
byte-order mark), plain UTF-8, "Unicode text" (UTF-16 with a mark, tab-separated), and the
Windows code pages of a Vietnamese (cp1258) or Western (cp1252) desktop; European Excel
separates with ``;``. :func:`detect_encoding` tries the strict decodings first (a mark; UTF-8
over the whole file, which random bytes of a legacy code page almost never pass); only text
that is neither falls back to a code page, and between cp1258 and cp1252, which differ in 17
bytes, the one whose text reads as Vietnamese (or fails to read as anything) wins by a score
(:func:`vietnamese_score`). :func:`detect_delimiter` counts ``, ; TAB |`` outside quotes on
the first lines and takes the one that splits them most consistently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t", "|")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Letters only Vietnamese writes: the Latin Extended Additional block (ạ ả ấ ầ … ỹ) and
# ă ơ ư đ ĩ ũ; in cp1252 their bytes read as Ã Ì Ò Õ Ý Þ ã ì ò õ ý ð þ.
_VIETNAMESE = re.compile(r"[\u1ea0-\u1ef9ăĂơƠưƯđĐĩĨũŨ]")
_STRONG = re.compile(r"[\u1ea0-\u1ef9]")
# What reads as noise: a combining mark left over after NFC (nothing to sit on), a control
# character, a replacement character, and cp1252 letters no Western list uses in names.
_NOISE = re.compile(r"[\u0300-\u036f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffdÞþÐð]")
_WESTERN = re.compile(r"[ÃÌÒÕÝãìòõý]")


class NotText(ValueError):
    """The bytes are not text in any encoding a spreadsheet program writes."""


def vietnamese_score(text: str) -> int:
    """How much ``text`` (NFC) reads as well-formed Vietnamese or Western text: 2 a letter
    only Vietnamese composes with a tone, 1 any other Vietnamese-only letter or Western
    accented letter a cp1252 reading gives, −3 each noise character."""
    text = unicodedata.normalize("NFC", text)
    strong = len(_STRONG.findall(text))
    weak = len(_VIETNAMESE.findall(text)) - strong + len(_WESTERN.findall(text))
    return 2 * strong + weak - 3 * len(_NOISE.findall(text))


def _utf16_without_mark(sample: bytes) -> str | None:
    """UTF-16 written without a mark: every other byte of ASCII text is zero."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with path.open("rb") as fh:
        try:
            while block := fh.read(SAMPLE_BYTES):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def detect_encoding(path: Path) -> str:
    """The codec to read ``path`` with; raises :class:`NotText` for binary data."""
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec
    if b"\0" in sample and (codec16 := _utf16_without_mark(sample)):
        return codec16
    if _is_utf8(path):
        return "utf-8"  # a stray NUL in UTF-8 text (other systems' exports) is dropped later
    if b"\0" in sample:
        raise NotText("binary data")
    scores = {codec: vietnamese_score(sample.decode(codec, "replace")) for codec in ("cp1258", "cp1252")}
    return "cp1258" if scores["cp1258"] > scores["cp1252"] else "cp1252"


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number of fields, most often
    and most fields; a comma when nothing splits them (one column)."""
    lines = [_QUOTED.sub("", line) for line in sample.splitlines()[:50] if line.strip()]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end mid-line
    best, best_key = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        if mode == 0:
            continue
        key = (counts.count(mode) / len(counts), mode)
        if key > best_key:
            best, best_key = delimiter, key
    return best
