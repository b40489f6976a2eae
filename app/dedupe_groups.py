"""Likely duplicates across the whole database, grouped and ranked (Tools → Find duplicates,
``ketnoi dedupe``): emails and phones grouped in SQL, folded names keyed in one pass, pairs
joined with union-find. The keys and reasons are those of :mod:`app.dedupe`, which warns while
a single record is typed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import func, select
from sqlmodel import Session

from app import validation as v
from app.dedupe import (
    C_EMAIL,
    C_NAME_OTHER_ORDER,
    C_NAME_SAME_ORDER,
    C_NAME_SHORT,
    C_ORG_NAME_IS_ENGLISH,
    C_PHONE,
    C_SAME_ORG_BONUS,
    ENTITIES,
    MAX_SHARING_A_DOMAIN,
    NAME_COLUMNS,
    ORG_COLUMNS,
    DedupeCancelled,
    DuplicateGroup,
    DuplicatePair,
    GroupMember,
    combine,
    more_reason,
    name_keys,
    org_keys,
    org_more_keys,
    org_reason,
    subtitles,
)
from db.tables import CON, METHOD, ORG

# --- the whole database ----------------------------------------------------------------------


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


C_PHONE_ALONE = 0.5
"""A phone shared by two contacts whose names have nothing in common: an office's or a family's
line as often as one person (reviewer h119: Hiroshi Tanaka and 田中 宏 rated 85 % on a phone
alone; Lê Quang Minh and Jürgen Weiß, who share a lab's number, offered as the pair to merge)."""
PAIRS_OF_A_LINK = 40
"""A value shared by more records than this (a switchboard number) pairs its first record with
each other, not every two of them (k links, not k²)."""


class _Evidence:
    """What links records: each link the records sharing one value (a name key, an e-mail, a
    phone …); union-find over them gives the groups, and the links a group's pairs."""

    def __init__(self) -> None:
        self.uf = _UnionFind()
        self.links: list[tuple[tuple[int, ...], float, str]] = []

    def link(self, ids: list[int], conf: float, reason: str) -> None:
        first = ids[0]
        for other in ids[1:]:
            self.uf.union(first, other)
        self.links.append((tuple(dict.fromkeys(ids)), conf, reason))

    def groups(self) -> list[tuple[list[int], float, list[str], list[DuplicatePair]]]:
        by_root: dict[int, list[tuple[tuple[int, ...], float, str]]] = defaultdict(list)
        for link in self.links:
            if len(link[0]) > 1:
                by_root[self.uf.find(link[0][0])].append(link)
        out = []
        for links in by_root.values():
            pairs = _pairs(links)
            if not pairs:
                continue
            ids = sorted({i for ids, _, _ in links for i in ids})
            reasons: list[str] = []
            for pair in pairs:  # (the strongest pair's reasons first)
                for r in pair.reasons:
                    if r not in reasons:
                        reasons.append(r)
            out.append((ids, pairs[0].confidence, reasons, pairs))
        return out


# The reason a shared e-mail or phone gives ("same phone 0912 345 678"; app.dedupe.reason_text
# says it in Vietnamese): written by the link, read back by :func:`_pairs`.
SAME_METHOD = {"email": "same email ", "phone": "same phone "}


def _pairs(links: list[tuple[tuple[int, ...], float, str]]) -> list[DuplicatePair]:
    """The pairs of records of one group, each with every link both are in, strongest first. A
    phone is strong evidence only beside a name in common: alone it counts for
    :data:`C_PHONE_ALONE` (names that differ, one phone: two people of one office)."""
    evidence: dict[tuple[int, int], list[tuple[float, str]]] = defaultdict(list)
    for ids, conf, reason in links:
        first = ids[0]
        if len(ids) > PAIRS_OF_A_LINK:
            pairs = [(first, other) for other in ids[1:]]
        else:
            pairs = [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
        for a, b in pairs:
            said = evidence[(min(a, b), max(a, b))]
            if reason not in (r for _, r in said):
                said.append((conf, reason))
    out = []
    for (a, b), said in evidence.items():
        named = any(not r.startswith(tuple(SAME_METHOD.values())) for _, r in said)
        confs = [C_PHONE_ALONE if r.startswith(SAME_METHOD["phone"]) and not named else c for c, r in said]
        reasons = [r for _, r in sorted(said, key=lambda x: -x[0])]
        out.append(DuplicatePair(a, b, combine(confs), reasons))
    out.sort(key=lambda p: (-p.confidence, p.a, p.b))
    return out


def find_duplicate_groups(
    session: Session,
    entity: str,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    min_confidence: float = 0.0,
) -> list[DuplicateGroup]:
    """Every group of live records that look like one another, most certain first."""
    if entity not in ENTITIES:
        raise ValueError(f"duplicates are looked for among {', '.join(ENTITIES)}, not {entity!r}")

    def tick(done: int, total: int) -> None:
        if cancel is not None and cancel():
            raise DedupeCancelled()
        if progress is not None:
            progress(done, total)

    ev = _Evidence()
    if entity == "contact":
        _contact_evidence(session, ev, tick)
    else:
        _organisation_evidence(session, ev, tick)
    raw = [g for g in ev.groups() if g[1] >= min_confidence]
    labels = subtitles(session, entity, sorted({i for ids, _, _, _ in raw for i in ids}))
    groups = [
        DuplicateGroup(
            entity,
            [GroupMember(i, *labels[i]) for i in ids if i in labels],
            conf,
            reasons,
            [p for p in pairs if p.a in labels and p.b in labels],
        )
        for ids, conf, reasons, pairs in raw
    ]
    groups = [g for g in groups if len(g.members) > 1]
    groups.sort(key=lambda g: (-g.confidence, g.members[0].label, g.members[0].id))
    tick(4, 4)
    return groups


def _contact_evidence(session: Session, ev: _Evidence, tick: Progress) -> None:
    tick(0, 4)
    for kind, conf in (("email", C_EMAIL), ("phone", C_PHONE)):
        live = (
            select(METHOD.c.value, METHOD.c.contact_id)
            .join(CON, CON.c.id == METHOD.c.contact_id)
            .where(METHOD.c.kind == kind, CON.c.deleted_at.is_(None))
        ).subquery()
        shared = (
            select(live.c.value)
            .group_by(live.c.value)
            .having(func.count(func.distinct(live.c.contact_id)) > 1)
        ).subquery()
        rows = session.execute(
            select(live.c.value, live.c.contact_id)
            .where(live.c.value.in_(select(shared.c.value)))
            .order_by(live.c.value, live.c.contact_id)
        ).all()
        by_value: dict[str, list[int]] = defaultdict(list)
        for value, cid in rows:
            if cid not in by_value[value]:
                by_value[value].append(cid)
        for value, ids in by_value.items():
            shown = v.phone_display(value) if kind == "phone" else value
            ev.link(ids, conf, SAME_METHOD[kind] + shown)
        tick(1 if kind == "email" else 2, 4)
    # One pass over the live names, keyed in Python (folding needs Python).
    buckets: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    shorts: dict[str, list[tuple[int, int | None, str]]] = defaultdict(list)
    result = session.execute(select(*NAME_COLUMNS).where(CON.c.deleted_at.is_(None)))
    ordered: dict[int, str] = {}
    for n, (cid, full, fam, mid, giv, org) in enumerate(result):
        keys = name_keys(full, fam, mid, giv)
        if keys.bag:
            buckets[keys.bag].append((cid, org))
            ordered[cid] = keys.ordered
        if keys.short:
            shorts[keys.short].append((cid, org, keys.middle))
        if n % 20000 == 19999:
            tick(2, 4)
    for members in buckets.values():
        if len(members) > 1:
            for ids, same_org in _org_clusters(members):
                if len(ids) > 1:
                    _link_names(ev, ids, ordered, same_org)
    for members3 in shorts.values():
        if len(members3) < 2:
            continue
        middles = {mid for _, _, mid in members3 if mid}
        if len(middles) > 1:  # "Nguyễn Văn Hùng" and "Nguyễn Đức Hùng": two people
            continue
        for ids, same_org in _org_clusters([(i, o) for i, o, _ in members3]):
            if len(ids) > 1 and len({ordered.get(i) for i in ids}) > 1:
                conf = C_NAME_SHORT + (C_SAME_ORG_BONUS if same_org else 0.0)
                ev.link(ids, conf, "same family and given name")
    tick(3, 4)


def _link_names(ev: _Evidence, ids: list[int], ordered: dict[int, str], same_org: bool) -> None:
    """Link records whose names hold the same words: those written alike, then the orders."""
    by_order: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        by_order[ordered[i]].append(i)
    bonus, where = (C_SAME_ORG_BONUS, " at the same organisation") if same_org else (0.0, "")
    for alike in by_order.values():
        if len(alike) > 1:
            ev.link(alike, C_NAME_SAME_ORDER + bonus, "same name ignoring accents" + where)
    heads = [alike[0] for alike in by_order.values()]
    if len(heads) > 1:
        ev.link(heads, C_NAME_OTHER_ORDER + bonus, "same name in another order" + where)


def _org_clusters(members: list[tuple[int, int | None]]) -> list[tuple[list[int], bool]]:
    """Split records sharing a name by organisation: same organisation together; those
    without one join the only organisation present, or each other when there are several
    (which one they belong to is not known)."""
    by_org: dict[int, list[int]] = defaultdict(list)
    loose: list[int] = []
    for cid, org in members:
        (by_org[org] if org is not None else loose).append(cid)
    if len(by_org) == 1:
        ((_, ids),) = by_org.items()
        return [(sorted(ids + loose), len(ids) > 1)]
    out = [(sorted(ids), True) for ids in by_org.values()]
    out.append((sorted(loose), False))
    return out


def _organisation_evidence(session: Session, ev: _Evidence, tick: Progress) -> None:
    tick(0, 4)
    rows = session.execute(select(*ORG_COLUMNS).where(ORG.c.deleted_at.is_(None))).all()
    tick(1, 4)
    by_key: dict[str, list[tuple[int, int | None, str, str]]] = defaultdict(list)
    for oid, name, acronym, aliases, parent in rows:
        for key, what in org_keys(name, acronym, aliases or []).items():
            by_key[key].append((oid, parent, what, acronym if what == "acronym" else ""))
    tick(2, 4)
    for key, members in by_key.items():
        if len({oid for oid, _, _, _ in members}) < 2:
            continue
        for ids, _same in _org_clusters([(oid, parent) for oid, parent, _, _ in members]):
            if len(ids) < 2:
                continue
            whats = {oid: (what, shown) for oid, _, what, shown in members}
            first = whats[ids[0]]
            for other in ids[1:]:
                shown = first[1] or whats[other][1] or key
                conf, reason = org_reason(first[0], whats[other][0], key, shown)
                ev.link([ids[0], other], conf, reason)
    _more_evidence(session, ev, by_key)
    tick(3, 4)


def _more_evidence(
    session: Session, ev: _Evidence, names: dict[str, list[tuple[int, int | None, str, str]]] | None = None
) -> None:
    """Organisations of the same English name or website domain (a department, which shares
    its parent's site, by its English name only; a domain of more than a few, none)."""
    rows = session.execute(
        select(ORG.c.id, ORG.c.parent_id, ORG.c.name_en, ORG.c.website).where(
            ORG.c.deleted_at.is_(None), (ORG.c.name_en != "") | (ORG.c.website != "")
        )
    ).all()
    by_key: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    english: dict[str, str] = {}
    for oid, parent, name_en, website in rows:
        for key, what in org_more_keys(name_en, "" if parent is not None else website).items():
            by_key[key].append((oid, parent))
            if what == "english":
                english.setdefault(key, name_en.strip())
    if names:  # an organisation named as another's English name (株式会社ソラテック, "Soratech Inc.")
        _named_in_english(ev, by_key, english, names)
    for key, members in by_key.items():
        if len(members) < 2 or (key.startswith("web ") and len(members) > MAX_SHARING_A_DOMAIN):
            continue
        for ids, _same in _org_clusters(members):
            if len(ids) > 1:
                what = "website" if key.startswith("web ") else "english"
                conf, reason = more_reason(what, key, english.get(key, ""))
                ev.link(ids, conf, reason)


def _named_in_english(
    ev: _Evidence,
    by_key: dict[str, list[tuple[int, int | None]]],
    english: dict[str, str],
    names: dict[str, list[tuple[int, int | None, str, str]]],
) -> None:
    """Link an organisation whose name or alias is another's English name (weaker than one
    English name for both: :data:`app.dedupe.C_ORG_NAME_IS_ENGLISH`)."""
    for key, members in by_key.items():
        if not key.startswith("en "):
            continue
        named = [
            (oid, parent) for oid, parent, what, _ in names.get(key[3:], ()) if what in ("name", "alias")
        ]
        with_english = {oid for oid, _ in members}
        others = [(oid, parent) for oid, parent in dict.fromkeys(named) if oid not in with_english]
        if not others:
            continue
        for ids, _same in _org_clusters([*members, *others]):
            firsts = [i for i in ids if i in with_english]
            for other in (i for i in ids if i not in with_english):
                if firsts:
                    ev.link(
                        [firsts[0], other],
                        C_ORG_NAME_IS_ENGLISH,
                        f'same English name "{english.get(key, key[3:])}"',
                    )
