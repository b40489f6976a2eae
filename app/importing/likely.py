"""Rows the import creates that are probably a record Ketnoi has already, under another
spelling: said on the row in the preview (the wizard's and ``ketnoi import --dry-run``'s), never
merged silently (a reviewer imported "Tanaka Hiroshi" beside the same organisation's "Hiroshi
Tanaka", and "Genetca" beside "Genetica"; only Find duplicates, after the import, saw them).

Contacts, by the rules of Find duplicates (:func:`app.dedupe.compare_names`): the same words in
another order, or the same family and given names with middle names that do not contradict, and
the same name where one of the two has no organisation (at one organisation, the matching has
met it already); a name alone only counts where both are at one organisation or one of them has
none. A new row is compared with the database's live contacts, then with the new rows above it.
Both sides are keyed once (a dict of the sorted folded words, one of family|given): no row is
compared with every record. The rows that share no key with another row or a record are told
apart in a few passes over the sheet (:func:`_candidates`); the contacts are those the full-text
index finds for a small sheet, all of them for a big one (:func:`_records`). Names are folded
as the matching folds them: "J. Smith" is not "J Smith" here (Find duplicates drops the dot).

Organisations: a new one (a row of an organisations sheet, or one a row's organisation column
creates) whose folded name is a typo of a live organisation's name or acronym (:func:`typo`),
or else of another new one the sheet names first ("Genetica JSC" on row 5, "Genetca JSC" on
row 9: the later one's rows name row 5). Only the distinct new names meet the organisations and
each other, each only those of its frame (its short words and those with a digit, which a typo
never changes, in place: :func:`frame`) and a length within two letters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlmodel import Session

from app.dedupe import NAME_COLUMNS
from app.importing.messages import EarlierRow, Term
from app.importing.preview import Preview, RowResult
from app.importing.resolve import fold
from app.vntext import as_written
from db.queries import chunked, fts_candidates
from db.tables import CON

if TYPE_CHECKING:
    from app.importing.matching import MatchContext

SAID_APART = frozenset(
    {
        "other_person_than_row",
        "other_person_than_contact",
        "shares_detail_with_row",
        "shares_detail_with_contact",
        "matches_created_anyway",
    }
)
"""A row's notes that say already which record or row it resembles and why it is new."""

OTHER_ORDER, SAME_NAME, FAMILY_GIVEN = "likely_other_order", "likely_same_name", "likely_family_given"
OTHER_ACCENTS = "likely_other_accents"


def say(session: Session, preview: Preview, ctx: MatchContext, folded: dict[int, str] | None = None) -> None:
    """Note, on the rows of ``preview`` that create a record, the record (or row above) that
    they probably are; ``folded``: a contact row's folded name by row number, as the matching
    keyed it (not folded twice)."""
    if preview.kind == "contact":
        _contacts(session, preview, ctx, folded or {})
    if preview.kind != "staff":
        _organisations(preview, ctx)


# --- contacts ---------------------------------------------------------------------------------


def _part(text: str | None) -> str:
    return fold(text) if text else ""


Keys = tuple[str, str, str, str, str]
"""A name as Find duplicates keys it (:class:`app.dedupe.NameKeys`): its folded words in order,
sorted, and its folded family, middle and given names."""


def name_keys(full: str, family: str | None, middle: str | None, given: str | None) -> Keys:
    ordered = fold(full)
    return ordered, _bag(ordered), _part(family), _part(middle), _part(given)


def _bag(folded: str) -> str:
    """The words of a folded name, sorted: the same in any order (as the matching's names,
    words with their punctuation: "J. Smith" is not "J Smith")."""
    return " ".join(sorted(folded.split()))


Entry = tuple[int, str, str, Any]  # a record's id or a row's number, ordered words, middle, organisation


class _Names:
    """People by the keys of Find duplicates' rules: the sorted folded words (the first of each,
    and the others: few), and family|given, apart for those without a middle name."""

    def __init__(self) -> None:
        self.by_bag: dict[str, Entry] = {}
        self.more_bags: dict[str, list[Entry]] = {}
        self.bare: dict[str, list[Entry]] = {}  # family|given → those without a middle name
        self.middled: dict[str, list[Entry]] = {}  # → those with one
        self.names: dict[int, str] = {}

    def add(self, ident: int, name: str, keys: Keys, org: Any) -> None:
        ordered, bag, family, middle, given = keys
        entry = (ident, ordered, middle, org)
        if self.by_bag.setdefault(bag, entry) is not entry:
            self.more_bags.setdefault(bag, []).append(entry)
        if family and given:
            short = f"{family}|{given}"
            (self.middled if middle else self.bare).setdefault(short, []).append(entry)
        self.names[ident] = name

    def probable(self, keys: Keys, org: Any, others: _Names, written: str = "") -> tuple[int, str] | None:
        """The first one (oldest record, or row above) the name is probably, and why; ``others``:
        the rest of the people a family and given name is compared with (two middle names
        among them are two people, as Find duplicates groups them); ``written``: the name as
        written (:func:`app.vntext.as_written`), which the matching keys a name by at one
        organisation (the same name with other accents is said here, not joined there)."""
        ordered, bag, family, middle, given = keys
        first = self.by_bag.get(bag)
        if first is not None:
            for ident, their_order, _middle, other in (first, *self.more_bags.get(bag, ())):
                if not (org is None or other is None or org == other):
                    continue
                if their_order != ordered:
                    return ident, OTHER_ORDER
                if org != other:  # (one without an organisation: the matching keys the name with it)
                    return ident, SAME_NAME
                if written and as_written(self.names[ident]) != written:
                    return ident, OTHER_ACCENTS
        if not (family and given) or not (self.bare if middle else self.middled):
            return None
        short = f"{family}|{given}"
        found = (self.bare if middle else self.middled).get(short)
        if not found:
            return None
        middles = {m for e in (*found, *self.middled.get(short, ())) for m in (e[2],) if m}
        middles |= {e[2] for e in others.middled.get(short, ())}
        if len(middles | ({middle} if middle else set())) > 1:
            return None  # "Nguyễn Văn Hùng", "Nguyễn Đức Hùng": "Nguyễn Hùng" is neither
        for ident, their_order, _middle, other in found:
            if their_order != ordered and (org is None or other is None or org == other):
                return ident, FAMILY_GIVEN
        return None


def _contacts(session: Session, preview: Preview, ctx: MatchContext, folded: dict[int, str]) -> None:
    new = [r for r in preview.rows if r.status == "new" and r.columns is not None]
    if not new:
        return
    if not folded:  # (a caller other than the matching, which gives every new row's)
        folded = {r.row: fold((r.columns or {}).get("full_name") or "") for r in new}
    records = _records(session, new, folded, ctx)
    above = _Names()
    for row in _candidates(new, records, folded):
        c = row.columns or {}
        full = c.get("full_name") or ""
        keys = name_keys(full, c.get("family_name"), c.get("middle_name"), c.get("given_name"))
        org = c.get("organisation_id")
        if not (row.reasons and any(m.code in SAID_APART for m in row.reasons)):
            written = as_written(full)
            found = records.probable(keys, org, above, written)
            if found is not None:
                ident, why = found
                row.note("likely_contact", id=ident, name=records.names[ident], why=Term(why))
            else:
                found = above.probable(keys, org, records, written)
                if found is not None:
                    other, why = found
                    row.note("likely_row", other_row=other, name=above.names[other], why=Term(why))
        above.add(row.row, full, keys, org)


FEW_PER_RECORD = 300
"""A sheet of at most one new row per this many contacts (and :data:`FEW` rows in any case)
asks the full-text index for each row's namesakes; a bigger one reads every contact once."""
FEW = 100
NAMESAKES = 500  # (as Find duplicates while a form is typed: app.dedupe.NAME_CANDIDATES)
_WORD = re.compile(r"[^\W_]+")


def _records(session: Session, new: list[RowResult], folded: dict[int, str], ctx: MatchContext) -> _Names:
    """The live contacts a new row may be, keyed: for a few rows, those the full-text index
    finds by all the words of a row's name, or by its family and given names (a handful of
    look-ups a row, as Find duplicates makes while a form is typed); for many, all of them.
    A 20-row sheet previewed against 100k contacts keyed them all: 0.7 s more."""
    live = CON.c.deleted_at.is_(None)
    stmt = select(*NAME_COLUMNS).where(live).order_by(CON.c.id)
    total = session.connection().execute(select(func.count()).select_from(CON).where(live)).scalar() or 0
    records = _Names()
    if not total:
        return records
    if len(new) <= max(FEW, total // FEW_PER_RECORD):
        ids: set[int] = set()
        for row in new:
            c = row.columns or {}
            asked = [_WORD.findall(folded[row.row])]
            if c.get("family_name") and c.get("given_name"):
                asked.append(_WORD.findall(f"{_part(c['family_name'])} {_part(c['given_name'])}"))
            for words in asked:
                if words:
                    ids.update(r["id"] for r in fts_candidates(session, "contact", words, limit=NAMESAKES))
        if not ids:
            return records
        found = [
            r
            for part in chunked(sorted(ids))
            for r in session.connection().execute(stmt.where(CON.c.id.in_(part)))
        ]
    else:
        found = list(session.connection().execute(stmt))
    olds, now_of = ctx.successors.olds, ctx.successors.now_of
    for ident, full, family, middle, given, org in sorted(found, key=lambda r: r[0]):
        records.add(ident, full, name_keys(full, family, middle, given), now_of(org) if org in olds else org)
    return records


def _candidates(new: list[RowResult], records: _Names, folded: dict[int, str]) -> list[RowResult]:
    """The new rows that share a key with a record or another new row, in their order: the
    others can be no one's, and no one can be them. A few passes of plain operations over the
    rows (a 100k-row sheet of new people, each keyed fully, doubled the matching's time)."""
    # (_bag inline: a call a row is a tenth of the pass)
    keys = [(" ".join(sorted(folded[r.row].split())), r.columns.get("organisation_id")) for r in new]  # type: ignore[union-attr]
    pairs = Counter(keys)
    # the same words at the same organisation, or where one of the two has none (a name alone
    # is someone's only there)
    hot = {key for key, n in pairs.items() if n > 1}
    loose = {bag for bag, org in pairs if org is None}
    if loose:
        anywhere = Counter(bag for bag, _org in keys)
        hot.update((bag, org) for bag, org in pairs if (anywhere[bag] > 1 if org is None else bag in loose))
    if records.by_bag:
        known = {(bag, e[3]) for bag, e in records.by_bag.items()}
        known.update((bag, e[3]) for bag, more in records.more_bags.items() for e in more)
        known_loose = {bag for bag, org in known if org is None}
        hot.update(
            (bag, org)
            for bag, org in pairs
            if (bag in records.by_bag if org is None else (bag, org) in known or bag in known_loose)
        )
    kept = {r.row for r, key in zip(new, keys, strict=True) if key in hot}
    # family|given: only a name without a middle name meets one with (the others: by the bag)
    bare = [r for r in new if not r.columns.get("middle_name")]  # type: ignore[union-attr]
    if bare or records.bare:
        kept.update(_shorts(new, bare, records))
    return [r for r in new if r.row in kept] if kept else []


def _shorts(new: list[RowResult], bare: list[RowResult], records: _Names) -> Iterator[int]:
    """The rows that share family and given names with a row or a record, one of the two
    without a middle name."""
    part: dict[str, str] = {}

    def short(r: RowResult) -> str:
        c = r.columns or {}
        family, given = c.get("family_name") or "", c.get("given_name") or ""
        f = part.get(family)
        if f is None:
            f = part[family] = _part(family)
        g = part.get(given)
        if g is None:
            g = part[given] = _part(given)
        return f"{f}|{g}" if f and g else ""

    without = {r.row for r in bare}
    shorts = {r.row: short(r) for r in new}
    lacking = {shorts[n] for n in without if shorts[n]} | records.bare.keys()
    having = {s for n, s in shorts.items() if s and n not in without} | records.middled.keys()
    for n, s in shorts.items():
        if s and (s in having if n in without else s in lacking):
            yield n


# --- organisations ----------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_NOT_ALNUM = re.compile(r"[\W_]+")
MIN_TYPO_WORD = 5
"""Letters a word needs for one edit to be a typo: shorter ones are other words (Vietnamese
syllables and acronyms of 2–4 letters differ by a letter by nature: Nam / Nội, NIC / NIA)."""
MIN_TWO_EDITS = 8
"""Letters a word needs for two edits in it to be a typo."""


def distance(a: str, b: str, most: int = 2) -> int:
    """Edits (a letter added, dropped, changed, or two swapped) from ``a`` to ``b``; any number
    above ``most`` is ``most + 1``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if before is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], before[j - 2] + 1)
        if min(cur) > most:
            return most + 1
        before, prev = prev, cur
    return min(prev[-1], most + 1)


def typo(new: str, old: str) -> bool:
    """Whether the folded name ``new`` is probably ``old`` mistyped: one or two edits apart,
    in the same number of words, where every word that differs has no digit ("Lab 1" / "Lab 2"
    are two) and has at least :data:`MIN_TYPO_WORD` letters for one edit, :data:`MIN_TWO_EDITS`
    for two ("Genetca" / "Genetica", "Vietel" / "Viettel"; not "Sở KH&CN Hà Nam" / "… Hà Nội",
    nor acronyms of 2–4 letters); or the same letters spaced otherwise ("Vin Group" /
    "Vingroup"), five or more."""
    if new == old:
        return False
    a, b = new.split(), old.split()
    if len(a) != len(b):
        squeezed = _NOT_ALNUM.sub("", new)
        return len(squeezed) >= MIN_TYPO_WORD and squeezed == _NOT_ALNUM.sub("", old)
    edits = 0
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if _DIGIT.search(x) or _DIGIT.search(y):
            return False
        d = distance(x, y, 2 - edits)
        shortest = min(len(x), len(y))
        if d + edits > 2 or shortest < (MIN_TWO_EDITS if d == 2 else MIN_TYPO_WORD):
            return False
        edits += d
    return True


def frame(folded: str) -> str:
    """A folded name with the words :func:`typo` may find mistyped put as ``*``: two names
    that are typos of each other have the same frame (the words of fewer than
    :data:`MIN_TYPO_WORD` letters, or with a digit, the same in the same places)."""
    return " ".join("*" if len(w) >= MIN_TYPO_WORD and not _DIGIT.search(w) else w for w in folded.split())


def letters(folded: str) -> int:
    """The characters of ``folded`` as a set of bits: an edit adds or drops at most two of them,
    so two names with more than four bits apart are no typo of each other (a test of a few
    operations that spares most calls of :func:`typo`)."""
    bits = 0
    for c in set(folded):
        bits |= 1 << (ord(c) & 63)
    return bits


PEERS = 200
"""At most so many names of one frame, length and beginning (or end) are compared with a
name, the latest first: a sheet of 100,000 new organisations whose names share a frame, a
length and two letters would otherwise compare every pair."""


class _Organisations:
    """Organisations' folded names (and acronyms), by frame, length and first two letters, and
    by frame, length and last two (:func:`frame`: a name meets only those a typo may be, and
    those it shares a beginning or an end with: every typo of one edit, and of two unless one
    is in the first two letters and the other in the last two), and by their letters alone;
    ``ident``: a record's id, or a new organisation's place in the sheet."""

    def __init__(self, keys: Iterable[tuple[str, int]] = ()) -> None:
        self.by_shape: dict[tuple[str, int, str], list[tuple[str, int, int]]] = defaultdict(list)
        self.squeezed: dict[str, tuple[str, int]] = {}
        for key, ident in keys:
            self.add(Shaped(key), ident)

    def add(self, name: Shaped, ident: int) -> None:
        if not name.long:
            return
        entry = (name.folded, ident, name.bits)
        for end in name.ends:
            self.by_shape[(name.frame, len(name.folded), end)].append(entry)
        self.squeezed.setdefault(name.squeezed, (name.folded, ident))

    def near(self, name: Shaped) -> int | None:
        """The organisation ``name`` is probably a typo of (the oldest when several are)."""
        if not name.long:
            return None
        folded, bits, length = name.folded, name.bits, len(name.folded)
        found = [
            i
            for size in range(length - 2, length + 3)
            for end in name.ends
            for key, i, their in self.by_shape.get((name.frame, size, end), ())[-PEERS:]
            if (bits ^ their).bit_count() <= 4 and typo(folded, key)
        ]
        spaced = self.squeezed.get(name.squeezed)
        if spaced is not None and typo(folded, spaced[0]):
            found.append(spaced[1])
        return min(found) if found else None


class Shaped:
    """A folded organisation's name with what :class:`_Organisations` keys it by, worked out once."""

    __slots__ = ("bits", "ends", "folded", "frame", "long", "squeezed")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.long = len(folded) >= MIN_TYPO_WORD
        if self.long:
            self.frame, self.bits = frame(folded), letters(folded)
            self.ends = (folded[:2], folded[-2:] + "$")
            self.squeezed = _NOT_ALNUM.sub("", folded)


def _organisations(preview: Preview, ctx: MatchContext) -> None:
    """Each new organisation a typo of a live one is said so; else, one a typo of a new one
    the sheet names on a row above (two spellings in one file: "Genetica JSC" on row 5,
    "Genetca JSC" on row 9) is said so with that row's place, on the later one's rows."""
    orgs = ctx.orgs
    created = {k: p for k, p in orgs.pending.items() if k not in ctx.earlier}
    if not created:
        return
    first = _first_rows(preview, created.keys())
    live = [(key, i) for table in (orgs.by_name, orgs.by_acronym) for key, i in table.items() if i > 0]
    index = _Organisations(live)
    above = _Organisations()
    order = sorted(first, key=lambda k: (first[k], -k))  # (one row's two: as the matching met them)
    near: dict[int, tuple[int | EarlierRow, int]] = {}  # → (what the note names it by, the other)
    for place, key in enumerate(order):
        pending = created[key]
        name = Shaped(fold(pending.name))
        found = index.near(name) if live else None
        if found is not None:
            near[key] = (found, found)
        else:
            seen = above.near(name)
            if seen is not None:
                other = order[seen]
                near[key] = (EarlierRow("", first[other]), other)
        above.add(name, place)
        if pending.acronym:
            above.add(Shaped(fold(pending.acronym)), place)
    if not near:
        return
    for row in preview.rows:
        if row.status not in ("new", "update") or row.columns is None:
            continue
        for key in _orgs_of(preview.kind, row):
            if key in near:
                ident, other = near[key]
                row.note("likely_organisation", typed=orgs.name_of(key), id=ident, name=orgs.name_of(other))


def _first_rows(preview: Preview, created: Iterable[int]) -> dict[int, int]:
    """The first row that creates or names each new organisation (:func:`_orgs_of`'s, in a
    pass of a few operations a row: 100k rows of a contacts sheet took 0.3 s through it)."""
    left = set(created)
    first: dict[int, int] = {}
    org_sheet = preview.kind == "organisation"
    for row in preview.rows:
        c = row.columns
        if c is None or row.status not in ("new", "update"):
            continue
        keys = [c.get("organisation_id"), c.get("parent_id")]
        if org_sheet and row.status == "new":
            keys.append(row.new_id)
        if row.relations:
            keys += row.relations.get("organisation_ids") or ()
        for key in keys:
            if key in left:
                first[key] = row.row
                left.discard(key)
        if not left:
            break
    return first


def _orgs_of(kind: str, row: RowResult) -> list[Any]:
    """The organisations a row writes or refers to (placeholders of new ones among them)."""
    c = row.columns or {}
    out = [c.get("organisation_id"), c.get("parent_id")]
    if kind == "organisation" and row.status == "new":
        out.append(row.new_id)
    out += (row.relations or {}).get("organisation_ids") or []
    return list(dict.fromkeys(o for o in out if o is not None))
