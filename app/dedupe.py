"""Finding records that are probably the same person or organisation.

Two entry points, both plain functions over a session (the UI calls them from a worker):

* :func:`possible_duplicates` — while a contact or organisation form is being typed: a handful
  of indexed look-ups (the ``contact_method (kind, value)`` index for emails and phones, the
  full-text index for names), never a scan of the table.
* :func:`app.dedupe_groups.find_duplicate_groups` — the "Find duplicates" view and ``ketnoi dedupe``: emails and
  phones grouped in SQL (``GROUP BY value HAVING count > 1``), names keyed in one pass over the
  live rows, pairs joined into groups with union-find.

Name rules (contacts): folded names (case, diacritics, đ→d ignored) are equal, in the same or
another word order ("Hùng Nguyễn Văn" ~ "Nguyễn Văn Hùng"), or family and given names are equal
and the middle names do not contradict ("Nguyễn Hùng" ~ "Nguyễn Văn Hùng"). A name alone only
counts when both are at the same organisation or one of them has none.
Organisations: folded name, acronym, alias, and "Name (ACRONYM)" all compared with each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app import validation as v
from app.errors import UserError
from app.name_order import vietnamese_syllable
from app.vntext import fold_words, split_honorific, split_name
from db import kinds
from db.queries import chunked, fts_candidates
from db.tables import CON, METHOD, ORG

NAME_COLUMNS = (
    CON.c.id,
    CON.c.full_name,
    CON.c.family_name,
    CON.c.middle_name,
    CON.c.given_name,
    CON.c.organisation_id,
)
ORG_COLUMNS = (ORG.c.id, ORG.c.name, ORG.c.acronym, ORG.c.aliases, ORG.c.parent_id)

ENTITIES = kinds.MERGEABLE

# Confidence of each kind of evidence; several pieces combine as 1 - Π(1 - c).
C_EMAIL = 0.95
C_PHONE = 0.85
C_NAME_SAME_ORDER = 0.75
C_NAME_OTHER_ORDER = 0.7
C_NAME_SHORT = 0.5
C_SAME_ORG_BONUS = 0.1
C_ORG_NAME = 0.85
C_ORG_ACRONYM = 0.7
C_ORG_ALIAS = 0.75
C_ORG_ENGLISH = 0.75
C_ORG_NAME_IS_ENGLISH = 0.7  # one's name is the other's English name
C_ORG_WEBSITE = 0.7
C_ORG_CORE = 0.6  # the same name once the legal form and trade words are left out
# Full-text candidates fetched per name; a common name at 100k contacts has a few hundred.
NAME_CANDIDATES = 500


class DedupeCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Đã huỷ tìm trùng lặp. / Duplicate search cancelled.")


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    id: int
    label: str
    subtitle: str
    confidence: float
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class GroupMember:
    id: int
    label: str
    subtitle: str


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records of a group (``a`` < ``b``), how likely they are one, and why."""

    a: int
    b: int
    confidence: float
    reasons: list[str]


@dataclass(slots=True)
class DuplicateGroup:
    entity: str
    members: list[GroupMember]
    confidence: float  # its strongest pair's
    reasons: list[str] = field(default_factory=list)
    # the pairs of its records that something links, strongest first: the first is the pair to
    # merge first (in a chain A–B–C, A and C may be two people)
    pairs: list[DuplicatePair] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [x.id for x in self.members]

    def best_pair(self, *among: int) -> tuple[int, int]:
        """The strongest pair (the older record first); with ``among``, the strongest that has
        one of them (both of two: those two)."""
        if len(among) == 2:
            return min(among), max(among)
        for p in self.pairs:
            live = p.a in self.ids and p.b in self.ids
            if live and (not among or p.a in among or p.b in among):
                return p.a, p.b
        ids = self.ids
        if among and among[0] in ids:  # (no link of its own left: beside the group's first)
            other = ids[0] if among[0] != ids[0] else ids[1]
            return min(among[0], other), max(among[0], other)
        return ids[0], ids[1]


def combine(confidences: Iterable[float]) -> float:
    rest = 1.0
    for c in confidences:
        rest *= 1.0 - c
    return round(min(0.99, 1.0 - rest), 3)


# --- name keys -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameKeys:
    ordered: str  # folded words in written order
    bag: str  # folded words sorted: equal in any order
    family: str
    middle: str
    given: str

    @property
    def short(self) -> str:
        return f"{self.family}|{self.given}" if self.family and self.given else ""


@lru_cache(maxsize=65536)
def _folded(token: str) -> tuple[str, ...]:
    return tuple(fold_words(token))


def _words(text: str) -> list[str]:
    """``fold_words`` through a cache per written word: names reuse few words, and folding
    (Unicode decomposition) is most of the cost of keying 100k names."""
    return [w for token in (text or "").split() for w in _folded(token)]


def name_keys(full_name: str, family: str = "", middle: str = "", given: str = "") -> NameKeys:
    words = _words(full_name)
    if not (family or given):
        parts = split_name(full_name)
        family, middle, given = parts.family, parts.middle, parts.given
    return NameKeys(
        " ".join(words),
        " ".join(sorted(words)),
        " ".join(_words(family)),
        " ".join(_words(middle)),
        " ".join(_words(given)),
    )


def compare_names(a: NameKeys, b: NameKeys) -> tuple[float, str] | None:
    """How strongly two names say "same person", with the reason; None when they do not."""
    if not a.bag or not b.bag:
        return None
    if a.ordered == b.ordered:
        return C_NAME_SAME_ORDER, "same name ignoring accents"
    if a.bag == b.bag:
        return C_NAME_OTHER_ORDER, "same name in another order"
    if a.short and a.short == b.short and (not a.middle or not b.middle or a.middle == b.middle):
        return C_NAME_SHORT, "same family and given name"
    return None


def _org_ok(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


# --- organisation name keys ------------------------------------------------------------------

_PAREN_RE = re.compile(r"^(.*?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$")


def org_keys(name: str, acronym: str = "", aliases: Iterable[str] = ()) -> dict[str, str]:
    """Folded keys of an organisation and what each one is ("name", "acronym", "alias")."""
    keys: dict[str, str] = {}

    def put(text: str, what: str) -> None:
        k = " ".join(fold_words(text))
        if len(k) >= 2 and k not in keys:
            keys[k] = what

    match = _PAREN_RE.match(name or "")
    if match:  # "Trung tâm Đổi mới sáng tạo Quốc gia (NIC)"
        put(match.group(1), "name")
        put(match.group(2), "acronym")
    put(name, "name")
    put(acronym, "acronym")
    for alias in aliases:
        put(alias, "alias")
    for text in (name, *aliases):
        core = core_name(text)
        if core and len(core.replace(" ", "")) >= 4:
            put(core, "core")
    for text, what in ((name, "name"), *((a, "alias") for a in aliases)):
        if text and _UMLAUTS.search(text):  # "Weiß & Söhne" is "Weiss & Soehne" too
            put(text.translate(_UMLAUT_SPELT), what)
    return keys


# Words of an organisation's name that say its legal form or trade, not which one it is
# (folded): "Công ty CP Công nghệ Sao Mai" and "Sao Mai Tech" are both "sao mai" without them
# (reviewer h149: imported as a second organisation, and Find duplicates found nothing).
# Longest first, so "cong ty co phan" goes before "cong ty".
_FORM_WORDS = sorted(
    (
        tuple(p.split())
        for p in (
            "tong cong ty", "cong ty co phan", "cong ty cp", "cong ty tnhh mot thanh vien",
            "cong ty tnhh mtv", "cong ty tnhh", "cong ty", "tap doan", "co phan", "cp", "tnhh", "mtv",
            "mot thanh vien", "cong nghe", "giai phap", "jsc", "joint stock company", "company", "co",
            "ltd", "co ltd", "limited", "corp", "corporation", "inc", "llc", "plc", "group", "tech",
            "technology", "technologies", "solutions", "vn",
        )
    ),
    key=len,
    reverse=True,
)  # fmt: skip


_FORM_SET = frozenset(_FORM_WORDS)


def core_name(name: str) -> str:
    """The folded words of ``name`` left once its legal form and trade words (:data:`_FORM_WORDS`)
    are taken off both ends ("" when none were, or nothing is left): "Công ty CP Công nghệ Sao
    Mai" → "sao mai", "Sao Mai Tech" → "sao mai", "FPT Software" → "" (nothing to take off)."""
    words = fold_words(name or "")
    start, end = 0, len(words)
    moved = True
    while moved and start < end:
        moved = False
        for phrase in _FORM_WORDS:
            n = len(phrase)
            if end - start > n and tuple(words[start : start + n]) == phrase:
                start, moved = start + n, True
                break
            if end - start > n and tuple(words[end - n : end]) == phrase:
                end, moved = end - n, True
                break
    core = words[start:end]
    if (start, end) == (0, len(words)) or all((w,) in _FORM_SET for w in core):
        return ""  # (nothing taken off, or only trade words left: "Tech Co" is no name)
    return " ".join(core)


# German umlauts as they are spelt without them (ö → oe): a second key, beside the folded one
# (ö → o, as search folds it). Vietnamese writes none of these letters, so no Vietnamese name
# gains a key (whereas folding "oe" to "o" would make "khoe" of "kho").
_UMLAUTS = re.compile("[äöüÄÖÜ]")
_UMLAUT_SPELT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_SPELT_WORD = re.compile(r"(?<=[a-z])(ae|oe|ue)")


def _unspelt(key: str) -> str:
    """The words of a folded key with "ae", "oe", "ue" after a letter read as the umlaut's
    folded letter ("soehne" → "sohne"): to find candidates only, each then compared by its keys.
    A word that can be a Vietnamese syllable stays as it is ("Huế" folded "hue" is not "hu",
    which as a prefix would find every Hùng and Hữu: code review)."""
    return " ".join(
        word if vietnamese_syllable(word) else _SPELT_WORD.sub(lambda m: m.group(1)[0], word)
        for word in key.split(" ")
    )


# Hosts many organisations have a page on: the same one says nothing about being the same.
SHARED_HOSTS = frozenset(
    {"facebook.com", "fb.com", "linkedin.com", "google.com", "sites.google.com", "youtube.com",
     "zalo.me", "twitter.com", "x.com", "instagram.com", "github.com", "wordpress.com", "blogspot.com"}
)  # fmt: skip
# A domain more live organisations than this share (a portal, a group's site) is not evidence.
MAX_SHARING_A_DOMAIN = 3
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*://")


def website_domain(website: str) -> str:
    """ "https://www.VNQuantum.vn/about" → "vnquantum.vn"; "" for none or a shared host."""
    text = (website or "").strip().lower()
    text = _SCHEME_RE.sub("", text)
    host = re.split(r"[/?#:\s]", text, maxsplit=1)[0].strip(".")
    host = host.removeprefix("www.")
    if "." not in host or host in SHARED_HOSTS:
        return ""
    return host


def org_more_keys(name_en: str, website: str) -> dict[str, str]:
    """Keys beyond the names (:func:`org_keys`): the English name and the website's domain
    (reviewer h109: "VNQuantum" renamed "VNQuantum JSC" in a workbook, imported as a second
    organisation with the same English name and website, and Find duplicates missed it)."""
    keys: dict[str, str] = {}
    english = " ".join(fold_words(name_en or ""))
    if len(english) >= 2:
        keys["en " + english] = "english"
    domain = website_domain(website)
    if domain:
        keys["web " + domain] = "website"
    return keys


def more_reason(what: str, key: str, name_en: str = "") -> tuple[float, str]:
    """The confidence and reason of a key of :func:`org_more_keys` two organisations share."""
    if what == "website":
        return C_ORG_WEBSITE, f"same website {key.removeprefix('web ')}"
    return C_ORG_ENGLISH, f'same English name "{name_en or key.removeprefix("en ")}"'


def org_reason(what_a: str, what_b: str, key: str, shown: str) -> tuple[float, str]:
    if "core" in (what_a, what_b):
        return C_ORG_CORE, f'same name without its legal form and trade words: "{key}"'
    if what_a == what_b == "name":
        return C_ORG_NAME, "same name ignoring accents"
    if what_a == what_b == "acronym":
        return C_ORG_ACRONYM, f"same acronym {shown}"
    if "name" in (what_a, what_b) and "acronym" in (what_a, what_b):
        return C_ORG_ACRONYM, f"the acronym {shown} of one is the name of the other"
    if what_a == what_b:
        return C_ORG_ALIAS, f'same alias "{shown}"'
    other = what_b if what_a == "alias" else what_a
    return C_ORG_ALIAS, f'"{shown}" is an alias of one and the {other} of the other'


_REASONS_VI = (
    (re.compile(r"^same email (.+)$"), r"cùng email \1"),
    (re.compile(r"^same phone (.+)$"), r"cùng số điện thoại \1"),
    (re.compile(r"^same name ignoring accents"), "trùng họ tên (bỏ dấu)"),
    (re.compile(r"^same name in another order"), "trùng họ tên, khác thứ tự"),
    (re.compile(r"^same family and given name"), "trùng họ và tên"),
    (re.compile(r" at the same organisation$"), " cùng tổ chức"),
    (re.compile(r"^same acronym (.+)$"), r"cùng tên viết tắt \1"),
    (re.compile(r"^the acronym (.+) of one is the name of the other$"), r"tên viết tắt \1 của bên này là tên bên kia"),
    (re.compile(r'^same alias "(.+)"$'), r'cùng tên gọi khác "\1"'),
    (re.compile(r'^same English name "(.+)"$'), r'cùng tên tiếng Anh "\1"'),
    (re.compile(r"^same website (.+)$"), r"cùng website \1"),
    (re.compile(r'^same name without its legal form and trade words: "(.+)"$'),
     r'cùng tên khi bỏ loại hình doanh nghiệp và ngành nghề: "\1"'),
    (re.compile(r'^"(.+)" is an alias of one and the name of the other$'), r'"\1" là tên gọi khác của bên này, tên của bên kia'),
    (re.compile(r'^"(.+)" is an alias of one and the acronym of the other$'),
     r'"\1" là tên gọi khác của bên này, tên viết tắt của bên kia'),
)  # fmt: skip


def reason_text(reason: str, lang: str = "en") -> str:
    """A reason as the user reads it: English as given, or Vietnamese (``lang="vi"``)."""
    if not lang.lower().startswith("vi"):
        return reason
    for pattern, replacement in _REASONS_VI:
        reason = pattern.sub(replacement, reason)
    return reason


# --- while typing ----------------------------------------------------------------------------


def possible_duplicates(
    session: Session,
    entity: str,
    values: Mapping[str, Any],
    *,
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[DuplicateCandidate]:
    """Live records that look like the one being typed, most likely first.

    ``values`` are the form's values (full_name, emails, phones, organisation_id for a contact;
    name, acronym, aliases, parent_id for an organisation); invalid emails or phones are simply
    not compared. ``exclude_id`` is the record being edited.
    """
    if entity == "contact":
        found = _contact_candidates(session, values)
    elif entity == "organisation":
        found = _organisation_candidates(session, values)
    else:
        raise ValueError(f"duplicates are looked for among {', '.join(ENTITIES)}, not {entity!r}")
    found.pop(exclude_id, None)  # type: ignore[arg-type]
    if not found:
        return []
    shown = subtitles(session, entity, list(found))
    out = [
        DuplicateCandidate(i, shown[i][0], shown[i][1], combine(c for c, _ in ev), [r for _, r in ev])
        for i, ev in found.items()
        if i in shown
    ]
    out.sort(key=lambda d: (-d.confidence, d.label, d.id))
    return out[:limit]


def _normalised(raw: Iterable[Any], check: Callable[[Any], str]) -> list[str]:
    out: list[str] = []
    for item in raw or []:
        try:
            value = check(item)
        except v.FieldError:
            continue
        if value not in out:
            out.append(value)
    return out


def _contact_candidates(session: Session, values: Mapping[str, Any]) -> dict[int, list[tuple[float, str]]]:
    found: dict[int, list[tuple[float, str]]] = defaultdict(list)
    emails = _normalised(values.get("emails") or [], v.email)
    phones = _normalised(values.get("phones") or [], v.phone)
    for kind, wanted, conf in (("email", emails, C_EMAIL), ("phone", phones, C_PHONE)):
        if not wanted:
            continue
        rows = session.execute(
            select(METHOD.c.contact_id, METHOD.c.value)
            .join(CON, CON.c.id == METHOD.c.contact_id)
            .where(METHOD.c.kind == kind, METHOD.c.value.in_(wanted), CON.c.deleted_at.is_(None))
        ).all()
        for cid, value in rows:
            shown = v.phone_display(value) if kind == "phone" else value
            reason = f"same {kind} {shown}"
            if reason not in (r for _, r in found[cid]):
                found[cid].append((conf, reason))
    # Stored names carry no honorific (the services move it out); "TS. Nguyễn Văn Hùng" typed
    # is Nguyễn Văn Hùng.
    full = split_honorific(str(values.get("full_name") or ""))[1]
    words = fold_words(full)
    if words:
        mine = name_keys(
            full,
            str(values.get("family_name") or ""),
            str(values.get("middle_name") or ""),
            str(values.get("given_name") or ""),
        )
        org_id = _int_or_none(values.get("organisation_id"))
        # Every word a prefix, in any order: the short form "Nguyễn Hùng" finds "Nguyễn Văn
        # Hùng" too. Family + given are enough to find the longer forms.
        query = sorted({mine.family, mine.given} - {""}) if mine.short else words
        query = [w for q in query for w in q.split()]
        ids = [r["id"] for r in fts_candidates(session, "contact", query, limit=NAME_CANDIDATES)]
        for cid, name, fam, mid, giv, other_org in _contact_names(session, ids):
            verdict = compare_names(mine, name_keys(name, fam, mid, giv))
            if verdict is None or not _org_ok(org_id, other_org):
                continue
            conf, reason = verdict
            if org_id is not None and org_id == other_org:
                conf, reason = conf + C_SAME_ORG_BONUS, reason + " at the same organisation"
            found[cid].append((conf, reason))
    return found


def _contact_names(session: Session, ids: list[int]) -> list[tuple[int, str, str, str, str, int | None]]:
    if not ids:
        return []
    rows = session.execute(select(*NAME_COLUMNS).where(CON.c.id.in_(ids))).all()
    return [tuple(r) for r in rows]


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "", 0) else None
    except (TypeError, ValueError):
        return None


def _organisation_candidates(
    session: Session, values: Mapping[str, Any]
) -> dict[int, list[tuple[float, str]]]:
    found: dict[int, list[tuple[float, str]]] = defaultdict(list)
    mine = org_keys(
        str(values.get("name") or ""), str(values.get("acronym") or ""), values.get("aliases") or []
    )
    my_english = str(values.get("name_en") or "").strip()
    mine_en = " ".join(fold_words(my_english))
    parent = _int_or_none(values.get("parent_id"))
    ids: set[int] = set()
    # (the search text holds the English name too: "Soratech Inc." finds 株式会社ソラテック)
    for key in dict.fromkeys([*mine, *map(_unspelt, mine), *([mine_en] if len(mine_en) >= 2 else [])]):
        ids.update(r["id"] for r in fts_candidates(session, "organisation", key.split(), limit=100))
    if not ids:
        return found
    rows = session.execute(select(*ORG_COLUMNS, ORG.c.name_en).where(ORG.c.id.in_(ids))).all()
    for oid, name, acronym, aliases, other_parent, name_en in rows:
        if not _org_ok(parent, other_parent):
            continue
        theirs = org_keys(name, acronym, aliases or [])
        said = found[oid]
        for key, what in mine.items():
            if key in theirs:
                shown = acronym if theirs[key] == "acronym" and acronym else key
                conf, reason = org_reason(what, theirs[key], key, shown)
                if reason not in (r for _, r in said):
                    said.append((conf, reason))
        theirs_en = " ".join(fold_words(name_en or ""))
        for conf, english in _english_links(mine, mine_en, my_english, theirs, theirs_en, name_en or ""):
            reason = f'same English name "{english}"'
            if reason not in (r for _, r in said):
                said.append((conf, reason))
        if not said:
            del found[oid]
    return found


def _english_links(
    mine: Mapping[str, str],
    mine_en: str,
    my_english: str,
    theirs: Mapping[str, str],
    theirs_en: str,
    english: str,
) -> list[tuple[float, str]]:
    """An organisation whose name (or alias) is the other's English name, or both of one
    English name (reviewer h119: "Soratech Inc." added with no warning beside 株式会社ソラテック,
    English name "Soratech Inc."). A name that is another's English name is weaker than one
    English name for both: below :data:`app.copy_db.MATCH_AT`, a warning, not a match."""
    out: list[tuple[float, str]] = []
    if len(theirs_en) >= 2 and (theirs_en == mine_en or theirs_en in mine):
        out.append((C_ORG_ENGLISH if theirs_en == mine_en else C_ORG_NAME_IS_ENGLISH, english.strip()))
    elif len(mine_en) >= 2 and mine_en in theirs:
        out.append((C_ORG_NAME_IS_ENGLISH, my_english))
    return out


def subtitles(session: Session, entity: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Label and a short second line for each live id (in chunks: ids may be many)."""
    out: dict[int, tuple[str, str]] = {}
    for chunk in chunked(ids, 5000):
        if entity == "contact":
            org = ORG.alias("o")
            rows = session.execute(
                select(CON.c.id, CON.c.full_name, CON.c.position, org.c.name)
                .outerjoin(org, org.c.id == CON.c.organisation_id)
                .where(CON.c.id.in_(chunk), CON.c.deleted_at.is_(None))
            ).all()
            for i, name, position, org_name in rows:
                out[i] = (name, " · ".join(b for b in (position, org_name) if b))
        else:
            rows = session.execute(
                select(ORG.c.id, ORG.c.name, ORG.c.acronym, ORG.c.city).where(
                    ORG.c.id.in_(chunk), ORG.c.deleted_at.is_(None)
                )
            ).all()
            for i, name, acronym, city in rows:
                out[i] = (f"{name} ({acronym})" if acronym else name, city or "")
    return out
