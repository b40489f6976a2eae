"""Which order a person's name is written in, told from the name alone.

Three conventions meet in an innovation centre's address book:

- Vietnamese: family name first ("Nguyễn Thị Hồng Nhung"). Told by a family name from the
  common list (:data:`app.vntext.VIETNAMESE_SURNAMES`, with or without its diacritics: "Nguyen
  Thi Hong Nhung" too), or by words that are each one Vietnamese syllable and carry Vietnamese
  marks ("Đàm Vĩnh Hưng"). An accent alone proves nothing: "Jürgen Weiß", "François Dupont",
  "Zoë Becker", "José Müller" carry letters Vietnamese never writes (ü, ß, ç, ë) or words no
  Vietnamese syllable has the shape of ("José": j; "Hélène": two tone marks).
- East Asian (Han, kana, Hangul): family name first ("田中 宏", "佐藤花子", "이서연").
- Western: given name first; the particles of a family name ("van der", "de la", "von")
  stay with it, in small letters ("Pieter van der Berg": family "van der Berg").

This module holds the tests of the letters themselves; :mod:`app.vntext` decides the order
(``split_name``, ``join_name``) with them and the list of Vietnamese family names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_SHAPES = {"\u0302": "aeo", "\u0306": "a", "\u031b": "ou"}  # â ê ô; ă; ơ ư: the bases they go on
_VOWELS = frozenset("aeiouy")
# Initial consonant, one to three vowels, final consonant: the shape of every Vietnamese
# syllable, written without its marks (f, j, w and z are not Vietnamese letters).
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


@lru_cache(maxsize=65536)  # names reuse few words
def vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable as written, marks or none: Vietnamese
    letters only (no ü, ç, ß, ë, ñ), at most one tone mark, on a vowel, and the syllable's shape
    ("Nguyễn", "Nhung", "Thị", "Kim"; not "Anna", "Becker", "José", "Zoë", "Hélène", "Berg")."""
    letters: list[str] = []
    tones = 0
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch == "đ":
            letters.append("d")
        elif unicodedata.combining(ch):
            if not letters or letters[-1] not in _VOWELS:
                return False
            if ch in _TONES:
                tones += 1
            elif letters[-1] not in _SHAPES.get(ch, ""):
                return False
        elif "a" <= ch <= "z":
            letters.append(ch)
        else:
            return False
    return tones <= 1 and _SYLLABLE.fullmatch("".join(letters)) is not None


def _marked(word: str) -> bool:
    return not word.isascii()


_LETTERS = re.compile(r"[^\W\d_]+")


def name_words(name: str) -> list[str]:
    """The runs of letters of a name (NFC): hyphenated words in their parts ("Nguyễn-Schmidt":
    two), punctuation left out ("A;" of "Lê Văn A; Trần Thị B" is "A")."""
    return _LETTERS.findall(name)


def vietnamese_words(words: list[str]) -> bool:
    """Whether every word could be written by a Vietnamese: one syllable, or a lone letter (an
    initial, "Nguyễn Văn A")."""
    return all(len(w) == 1 or vietnamese_syllable(w) for w in words)


def looks_vietnamese(name: str) -> bool:
    """Every word a Vietnamese syllable (or an initial) and at least one with Vietnamese marks:
    "Đàm Vĩnh Hưng" is; "Jürgen Weiß", "Zoë Becker", "José Müller", "Anna Nguyễn-Schmidt" are
    not; a name without marks ("Thanh Hoa") is not told by its letters (its family name may
    tell it)."""
    words = name_words(name)
    return bool(words) and vietnamese_words(words) and any(map(_marked, words))


def _east_asian_letter(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1100 <= code <= 0x11FF  # Hangul jamo
        or 0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3130 <= code <= 0x318F  # Hangul compatibility jamo
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0xFF66 <= code <= 0xFF9F  # halfwidth katakana
        or 0x20000 <= code <= 0x3134F  # CJK extensions B-G
    )


def east_asian(text: str) -> bool:
    """Whether ``text`` holds a Han character, kana or Hangul: a name written family first."""
    return not text.isascii() and any(map(_east_asian_letter, text))


# The family names that take more than one character, so that a name written without a space
# is cut after them: the most common Japanese family names of two and three kanji, the Chinese
# compound surnames (simplified and traditional) and the Korean two-syllable ones.
_JAPANESE_FAMILIES = frozenset(
    (
        "佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 "
        "清水 山崎 森田 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 "
        "遠藤 青木 坂本 斉藤 斎藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 松田 竹内 中川 "
        "小野 田村 中山 和田 石田 上田 森本 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 "
        "丸山 今井 高田 藤本 武田 村田 上野 杉山 増田 小山 平野 大塚 千葉 久保 松井 小島 岩崎 桜井 "
        "野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井 浅野 山内 西田 北村 安田 川口 渡部"
    ).split()
)
_CHINESE_COMPOUNDS = frozenset(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 司徒 夏侯 端木 轩辕 軒轅".split()
)
_KOREAN_COMPOUNDS = frozenset("남궁 제갈 선우 황보 독고 사공 서문".split())


def _hangul(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7AF


def _kana(ch: str) -> bool:
    return 0x3040 <= ord(ch) <= 0x30FF or 0xFF66 <= ord(ch) <= 0xFF9F


def _han(ch: str) -> bool:
    return _east_asian_letter(ch) and not _hangul(ch) and not _kana(ch)


def split_east_asian(word: str) -> tuple[str, str] | None:
    """Family and given name of an East Asian name written without a space, or None where it
    cannot be told (the whole is then kept as the given name, as a single word always was).

    Hangul of two to four syllables: the first syllable (two for 남궁, 제갈…). Kana in the name
    (Japanese): a known family name, else the kanji before the kana ("佐藤はなこ"). Han only,
    two to four characters: a common Japanese family name of two or three kanji ("田中宏",
    "佐々木健") or a Chinese compound one ("欧阳修"), else one character ("王小明") and two for a
    name of four ("山本太郎")."""
    size = len(word)
    if not 2 <= size <= 5 or not all(map(_east_asian_letter, word)):
        return None
    if all(map(_hangul, word)):
        if size > 4:
            return None
        cut = 2 if size >= 3 and word[:2] in _KOREAN_COMPOUNDS else 1
        return word[:cut], word[cut:]
    for cut in (3, 2):  # a known family name, longest first, leaving a given name
        if size > cut and (word[:cut] in _JAPANESE_FAMILIES or word[:cut] in _CHINESE_COMPOUNDS):
            return word[:cut], word[cut:]
    if any(map(_kana, word)):
        lead = 0
        while lead < size and _han(word[lead]):
            lead += 1
        return (word[:lead], word[lead:]) if 1 <= lead <= 3 and lead < size else None
    if size > 4:
        return None
    cut = 2 if size == 4 else 1
    return word[:cut], word[cut:]


PARTICLES = frozenset(
    "van von de der den da di du des del della dello degli dos das do la le ter ten zu af av".split()
)
"""Words that begin a Western family name in small letters ("van der Berg", "de la Cruz",
"von Braun", "da Silva")."""


def particle_start(words: list[str]) -> int | None:
    """Where a family name with particles begins among a name's words ("Pieter van der Berg":
    1), or None: a run of particles after the first word, in small letters, followed by a word
    no Vietnamese syllable could be ("Berg", "Gogh", "Cruz"), so that "Hùng Van Nguyen" and
    "Le Van An" (Văn, a Vietnamese middle name written without its marks) are not taken."""
    for start in range(1, len(words) - 1):
        end = start
        while end < len(words) - 1 and words[end] in PARTICLES:
            end += 1
        if end > start and not vietnamese_syllable(words[end]):
            return start
    return None


def particles_in_small_letters(words: list[str]) -> list[str]:
    """A name's words (already given a capital each) with the particles of a family name back in
    small letters where a particle run is followed by a word no Vietnamese syllable could be
    ("Pieter Van Der Berg" → "Pieter van der Berg"; "Nguyen Van An" stays), or where the words are
    all particles, more than one ("Van Der", a middle-name cell of "van der")."""
    lowered = [w.lower() for w in words]
    if len(words) > 1 and all(w in PARTICLES for w in lowered):
        return lowered
    out = list(words)
    index = 0
    while index < len(words) - 1:
        end = index
        while end < len(words) - 1 and lowered[end] in PARTICLES:
            end += 1
        if end > index and not vietnamese_syllable(words[end]):
            out[index:end] = lowered[index:end]
        index = end + 1
    return out
