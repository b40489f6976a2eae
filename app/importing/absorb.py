"""A duplicate row's values merged into the row of the same file it duplicates.

A later row that names the record of an earlier row of the file (the same e-mail, phone, or
name at the same organisation: :mod:`app.importing.matching`) is not written as a record of its
own, but what only it has is not lost: it is merged into the earlier row as an import merges
into an existing record ("fill"): its list values (e-mails, phones, tags, sectors, attendees …)
are added, the earlier row's blank fields filled, its notes appended; a value the earlier row
has otherwise is left as that row has it and said on the duplicate, with its sheet, row and
column (reviewer h119: an export imported into an empty file lost the phone of "Nguyễn Thị
Hồng Nhung", row 18, a "duplicate of row 16" "Nguyen Thi Hong Nhung", who had an e-mail only).

Merging rather than keeping the row as a record of its own: matching has decided they are one
person (or organisation, meeting …); two records would be a duplicate for the user to find and
merge by hand, which is what the import's rule of "the first row wins" is there to spare them.

Matching runs again over the same rows (after a split or join of organisations, or at the
commit when the database changed): :func:`restore` puts the earlier rows back as they were
read before each run, so that nothing is merged twice, nor kept when the row is no longer a
duplicate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app import entities
from app.importing.cleaning import kept_what
from app.importing.messages import FieldChange
from app.importing.resolve import fold

if TYPE_CHECKING:
    from app.importing.preview import Preview, RowResult

NAME_PARTS = ("family_name", "middle_name", "given_name")
DERIVED = frozenset({"search_text", "sort_key", "email_sort_key", "phone_sort_key"})
_ABSENT = object()


@dataclass
class _Before:
    """What an earlier row held before the merges into it: the values of the columns and lists
    they changed, and its supplied fields."""

    row: RowResult
    columns: dict[str, Any]
    relations: dict[str, Any]
    refs: dict[str, Any]
    supplied: frozenset[str]


def restore(preview: Preview) -> None:
    """The rows merged into by the last matching run, as they were read."""
    for before in reversed(preview.merged or ()):
        row = before.row
        if row.columns is not None:
            row.columns.update(before.columns)
        if row.relations is not None:
            for name, value in before.relations.items():
                if value is _ABSENT:
                    row.relations.pop(name, None)
                else:
                    row.relations[name] = value
        for name, value in before.refs.items():
            if value is _ABSENT:
                row.refs.pop(name, None)
            else:
                row.refs[name] = value
        row.supplied = before.supplied
    preview.merged = None


def _empty(value: Any) -> bool:
    return value is None or value in ("", [], {})


@dataclass
class Rules:
    """What merging needs to know of the kind (given by :mod:`app.importing.matching`)."""

    kind: str
    notes: str | None
    latest_wins: frozenset[str]
    field_columns: Callable[[str], Iterable[str]]  # a field's columns
    shown: Callable[[str, Any], str]  # a value as the preview shows it
    label: Callable[[str], str]  # a field's column in the sheet, "Chức vụ (C)"
    later: Callable[[Any, Any], bool]
    sheet: str = ""


def merge_duplicates(preview: Preview, rules: Rules, resolve: Callable[[RowResult], None]) -> None:
    """Merge every duplicate row into the row it duplicates, when that row is written (a
    skipped row's record is left alone, as the user chose). ``resolve`` gives a duplicate
    row's references (organisation, owner, attendees …) their ids, as its row's were."""
    duplicates = [
        r for r in preview.rows if r.status == "duplicate" and r.duplicate_of and r.columns is not None
    ]
    if not duplicates:
        return
    by_number = {r.row: r for r in preview.rows if r.columns is not None}
    merged: list[_Before] = []
    befores: dict[int, _Before] = {}
    for dup in duplicates:
        target = by_number.get(dup.duplicate_of or 0)
        if target is None or target.status not in ("new", "update") or target.relations is None:
            continue
        resolve(dup)
        before = befores.get(target.row)
        if before is None:
            before = befores[target.row] = _Before(target, {}, {}, {}, target.supplied)
            merged.append(before)
        _merge(dup, target, before, rules)
    preview.merged = merged


def _merge(dup: RowResult, target: RowResult, before: _Before, rules: Rules) -> None:
    added: list[FieldChange] = []
    kept: list[tuple[str, FieldChange]] = []
    _merge_columns(dup, target, before, rules, added, kept)
    for field_name in dup.supplied:  # (a parent organisation: resolved after the rows)
        ref = dup.refs.get(field_name)
        if ref is not None and field_name == "parent" and field_name not in target.refs:
            before.refs.setdefault(field_name, _ABSENT)
            target.refs[field_name] = ref
    _merge_relations(dup, target, before, rules, added)
    if added or kept or before.relations:
        target.supplied = target.supplied | dup.supplied
    if added:
        _rederive(rules.kind, target, before)
        dup.note("merged_into_row", other_row=target.row, changes=added)
    for field_name, change in kept:
        dup.note("row_keeps", other_row=target.row, changes=[change])
        last = dup.reasons[-1]
        dup.reasons[-1] = last.at(sheet=rules.sheet, column=rules.label(field_name))  # type: ignore[index]


def _merge_columns(
    dup: RowResult,
    target: RowResult,
    before: _Before,
    rules: Rules,
    added: list[FieldChange],
    kept: list[tuple[str, FieldChange]],
) -> None:
    """The duplicate's values of the fields it supplied: blanks filled, notes appended, a later
    last-met day taken; a value the earlier row has otherwise is kept (``kept``)."""
    assert dup.columns is not None and target.columns is not None
    c, into, kind = dup.columns, target.columns, rules.kind
    # each column once, under the field of its name where there is one (the parts of a name are
    # fields whose columns are all the name's: a difference of the name was said four times)
    field_of: dict[str, str] = {}
    for field_name in sorted(dup.supplied):
        for name in rules.field_columns(field_name):
            if name not in field_of or name == field_name:
                field_of[name] = field_name
    name_kept = False
    for name in sorted(field_of, key=lambda n: (n in NAME_PARTS, n)):  # (the full name first)
        if name in DERIVED or name not in c:
            continue
        new, old = c[name], into.get(name)
        if _empty(new) or new == old:
            continue
        if name in NAME_PARTS and name_kept:
            continue  # one name: its parts go with the full name kept (code review: "Hoa" kept,
            # its family and middle names filled from the other row's "Nguyễn Thị Hoa")
        value = _merged_value(name, new, old, rules)
        if value is not _ABSENT:
            if name not in before.columns:
                before.columns[name] = old
            into[name] = value
            added.append(FieldChange(name, rules.shown(name, old), rules.shown(name, value), kind))
            continue
        name_kept = name_kept or name == "full_name"
        if _worth_saying(name, new, old, into, rules):
            change = FieldChange(name, rules.shown(name, old), rules.shown(name, new), kind)
            kept.append((field_of[name], change))


def _merged_value(name: str, new: Any, old: Any, rules: Rules) -> Any:
    """The earlier row's value of ``name`` once the duplicate's ``new`` is merged in; _ABSENT
    when it keeps its own ``old``."""
    if _empty(old):
        return new
    if name == rules.notes:  # (the lines the first row has not, after its own)
        lines = {kept_what(x) for x in str(old).splitlines()}  # (from which row aside)
        more = [x for x in str(new).splitlines() if x.strip() and kept_what(x) not in lines]
        return "\n".join([str(old), *more]) if more else _ABSENT
    if name in rules.latest_wins:
        return new if rules.later(new, old) else _ABSENT
    if name == "confidential" and new is True:  # (the file says it is confidential: not left ordinary)
        return True
    return _ABSENT


def _worth_saying(name: str, new: Any, old: Any, into: dict[str, Any], rules: Rules) -> bool:
    """Whether a value kept as the earlier row has it differs enough to be said (not notes
    it holds already, nor an earlier last-met day)."""
    if name in ("confidential", rules.notes) or name in rules.latest_wins:
        return False
    if isinstance(new, str) and isinstance(old, str) and fold(new) == fold(old) and name != "full_name":
        return False  # (written otherwise, the same word: nothing to say)
    return not (name == "name" and fold(str(new)) in _other_names(into))  # (its acronym, an alias)


def _merge_relations(
    dup: RowResult, target: RowResult, before: _Before, rules: Rules, added: list[FieldChange]
) -> None:
    """The duplicate's lists added to the earlier row's (compared folded), its labels and roles."""
    assert target.relations is not None
    for rel, values in (dup.relations or {}).items():
        have = target.relations.get(rel)
        if isinstance(values, dict):  # labels of e-mails and phones, roles of attendees
            extra = {k: v for k, v in values.items() if have is None or k not in have}
            if extra:
                before.relations.setdefault(rel, _ABSENT if have is None else have)
                target.relations[rel] = {**(have or {}), **extra}
            continue
        if not isinstance(values, list) or not values:
            continue
        old_list = list(have or [])
        folded = {fold(str(x)) for x in old_list}
        extra_list = [x for x in values if x not in old_list and fold(str(x)) not in folded]
        if extra_list:
            before.relations.setdefault(rel, _ABSENT if have is None else have)
            target.relations[rel] = old_list + extra_list
            shown = rules.shown(rel, old_list), rules.shown(rel, old_list + extra_list)
            added.append(FieldChange(rel, *shown, rules.kind))


def _other_names(c: dict[str, Any]) -> set[str]:
    return {fold(str(x)) for x in [c.get("acronym"), c.get("name_en"), *(c.get("aliases") or [])] if x}


def _rederive(kind: str, row: RowResult, before: _Before) -> None:
    """The search text of a new record, from its merged values (the commit writes it as read)."""
    c, rels = row.columns, row.relations or {}
    assert c is not None
    if "search_text" not in c:
        return
    before.columns.setdefault("search_text", c["search_text"])
    if kind == "contact":
        c["search_text"] = entities.contact_search_text(c, rels.get("emails", []), rels.get("phones", []))
    elif kind == "organisation":
        c["search_text"] = entities.organisation_search_text(c)
    elif kind == "meeting":
        c["search_text"] = entities.meeting_search_text(c)
    elif kind == "action":
        c["search_text"] = entities.action_search_text(c)
