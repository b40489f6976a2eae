"""The organisations an import will create and the ways of writing each that were folded into
it ("VIN", "Mạng lưới Đổi mới sáng tạo Việt Nam", "Mạng lưới … (VIN)"), and the user's
corrections before committing: split a mention off a wrong fold, or join two organisations.

The choices live on the :class:`~app.importing.preview.Preview` (``org_choices``), so that the
commit, which matches the rows again, honours them::

    for f in folds(preview): f.label, f.variants, f.rows
    split(session, preview, "VIN")                 # "VIN" becomes an organisation of its own
    join(session, preview, "Viện Vật lý", "IOP")   # one organisation, named as the second
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from app.importing.preview import Preview
from app.importing.resolve import fold
from app.vntext import text_sort_key


@dataclass
class OrgChoices:
    """What the user corrected: folded mention → mention it means; mentions that stand alone."""

    joins: dict[str, str] = field(default_factory=dict)
    splits: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Fold:
    key: int  # the placeholder id of the organisation to be created
    label: str  # "Name (ACR)", as it will be stored
    variants: tuple[str, ...]  # every way the file writes it, as written
    rows: int  # how many rows cite it

    @property
    def folded(self) -> bool:
        return len(self.variants) > 1


def choices(preview: Preview) -> OrgChoices:
    if not isinstance(preview.org_choices, OrgChoices):
        preview.org_choices = OrgChoices()
    return preview.org_choices


def folds(preview: Preview) -> list[Fold]:
    """The organisations the import creates, with their variants, as last matched."""
    ctx = preview.context
    if ctx is None:
        return []
    cited: dict[int, int] = {}
    for row in preview.rows:
        if row.columns is None or row.status not in ("new", "update"):
            continue
        first = row.columns.get("organisation_id")
        more = (row.relations or {}).get("organisation_ids")
        if not more:  # a contact or an action: one organisation (100k rows: 80 → 40 ms)
            if isinstance(first, int) and first < 0:
                cited[first] = cited.get(first, 0) + 1
            continue
        for ident in dict.fromkeys(i for i in (first, *more) if isinstance(i, int) and i < 0):
            cited[ident] = cited.get(ident, 0) + 1
    defined = {r.new_id for r in preview.rows if preview.kind == "organisation" and r.new_id is not None}
    out = []
    for key in ctx.orgs.pending:
        if key in defined or key in ctx.earlier:  # created by an earlier sheet, listed there
            continue
        variants = tuple(sorted(ctx.orgs.mentions.get(key, {}).values(), key=text_sort_key))
        out.append(Fold(key, ctx.orgs.name_of(key), variants or (ctx.orgs.name_of(key),), cited.get(key, 0)))
    # in Vietnamese dictionary order, as the organisations list sorts ("Đại học…" before "Viện…")
    return sorted(out, key=lambda f: text_sort_key(f.label))


def _rematch(session: Session, preview: Preview) -> None:
    from app.importing.matching import match_rows

    earlier = preview.context.earlier if preview.context is not None else frozenset()
    previous = list(preview.earlier_sheets) if earlier else []
    preview.context = preview.db_state = None
    match_rows(session, preview, after=previous)


def split(session: Session, preview: Preview, variant: str) -> None:
    """``variant`` stands alone: a new organisation of its own, tied to no other mention."""
    c = choices(preview)
    c.joins.pop(fold(variant), None)
    c.splits.add(fold(variant))
    _rematch(session, preview)


def join(session: Session, preview: Preview, variant: str, into: str) -> None:
    """Every mention folded with ``variant`` means the organisation ``into`` names instead."""
    c = choices(preview)
    ctx = preview.context
    moved = [variant]
    if ctx is not None:
        key = ctx.orgs.lookup(variant)
        if key is not None:
            moved = list(ctx.orgs.mentions.get(key, {}).values()) or moved
    for text in moved:
        if fold(text) != fold(into):
            c.splits.discard(fold(text))
            c.joins[fold(text)] = into
    _rematch(session, preview)


def reset(session: Session, preview: Preview) -> None:
    preview.org_choices = OrgChoices()
    _rematch(session, preview)
