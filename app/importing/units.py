"""Telling a department's name from a person's, where the import expects one of our staff.

An office's sheets name a unit where a person is expected: "Phụ trách: Phòng Hợp tác" (the
Cooperation Office is in charge), "Cán bộ dự: Phòng Hợp tác; Nguyễn Văn An". Taken as a name,
the import would make a staff member "Phòng Hợp tác". :func:`looks_like_unit` says which texts
are evidently a unit, and errs the other way: a person's name is never taken for one.

A text is a unit when it begins with a unit's word, written with its accents ("Phòng", "Ban",
"Văn phòng", "Trung tâm", "Bộ phận"), followed by the unit's own name, which either

* has a word in small letters, as a unit's name is written ("Phòng Hợp tác", "Ban Tổ chức
  cán bộ") and a person's never is (a name in small letters only, "phòng văn minh", is a
  person's written carelessly: not a unit), or
* starts with a word unit names are made of ("Phòng Hợp Tác Quốc Tế", "PHÒNG TỔ CHỨC",
  "Phòng CNTT": :data:`UNIT_WORDS`),

and its first word is not a Vietnamese family name ("Ban Nguyễn …" is not read as a unit).
"Ban Ki-moon" and "BAN KI-MOON" stay people ("Ban" with no unit's name after it); so do
"Phong", "Văn Phòng" alone, and any name without one of those first words. In English:
"Department of …", "Office of …", or a name whose last word is "Department" or "Office"
("International Cooperation Office").
"""

from __future__ import annotations

import re
import unicodedata

from app.vntext import fold

PREFIXES = ("văn phòng", "trung tâm", "bộ phận", "phòng", "ban")
"""A unit's first words, lower case and with their accents (the longest first)."""

UNIT_WORDS = frozenset(
    (
        "hop tac|to chuc|hanh chinh|ke hoach|tai chinh|ke toan|dao tao|quan ly|quan tri|doi ngoai|"
        "khoa hoc|cong nghe|thong tin|truyen thong|nhan su|phap che|thanh tra|kinh te|kinh doanh|"
        "giam doc|thu ky|tuyen giao|dan van|noi chinh|kiem tra|kiem soat|dieu hanh|chi dao|"
        "cong tac|ho tro|dich vu|nghien cuu|quan he|chinh tri|van hoa|xa hoi|y te|giao duc|tu van|"
        "dau tu|phat trien|ky thuat|tong hop|quoc te|du an|dam bao|khao thi|sau dai hoc|dai hoc|"
        "cong doan|thi dua|le tan|bao ve|vat tu|thiet bi|ban quan|hau can|xuat nhap|tiep nhan|"
        "bo|tong cuc|cong ty|dang uy|hoi dong|cntt|it|hcth|tccb|khtc|qlkh|hctc|tchc|khcn|htqt|dtdh"
    ).split("|")
)
"""The first word or two of a unit's own name, folded ("hop tac" for "Hợp tác")."""

_SURNAMES = frozenset(
    (
        "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lâm mai trịnh "
        "đinh trương hà cao lưu lương tạ quách kiều chu la thái lạc tăng văn giang khúc đoàn tô "
        "tiêu lữ kim âu thạch phùng vương"
    ).split()
)
"""Vietnamese family names with their accents ("Tô", not "Tổ" of "Tổ chức")."""

_ENGLISH_FIRST = re.compile(r"(?:department|office)\s+of\s+\S", re.IGNORECASE)
_ENGLISH_LAST = frozenset({"department", "office"})


def looks_like_unit(text: str) -> bool:
    """Whether ``text`` is evidently a department's or an office's name, not a person's."""
    words = unicodedata.normalize("NFC", text).split()
    if not words:
        return False
    text = " ".join(words)
    if _ENGLISH_FIRST.match(text) or (len(words) >= 2 and words[-1].lower() in _ENGLISH_LAST):
        return True
    lower = text.lower()
    for prefix in PREFIXES:
        if lower.startswith(prefix + " "):
            rest = words[len(prefix.split()) :]
            break
    else:
        return False
    folded = fold(" ".join(rest[:2]))
    if folded in UNIT_WORDS or folded.split()[0] in UNIT_WORDS:
        return True
    # a unit's name in sentence case ("Phòng Hợp tác"), not a family name with a small "thị"
    return rest[0].lower() not in _SURNAMES and any(w[:1].islower() for w in rest) and not text.islower()
