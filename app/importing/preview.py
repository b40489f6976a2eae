"""Preview: every row of a sheet cleaned, checked and matched, nothing written.

:func:`preview_import` reads the sheet (streaming), turns each row into the values the record
services accept, checks them with the same code a form uses (:mod:`app.entities`), and then
:func:`match_rows` decides, row by row, whether it is a new record, an update of one in the
database, a duplicate of an earlier row, an error, or to be skipped. The result is plain data
(:class:`Preview` holding :class:`RowResult`s) for a wizard page or the CLI to show.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app import validation as v
from app import value_labels
from app.errors import ValidationError
from app.gcpause import paused_gc
from app.importing import fields as fs
from app.importing.cleaning import (
    NOTES_FIELD,
    SERVICE_FIELD,
    SOURCE,
    DateOrders,
    Plan,
    collect,
    collect_plan,
    field_headers,
    prepare_row,
    row_source,
    service_error,
    to_input,
)
from app.importing.errors import ImportCancelled, ImportFileError
from app.importing.messages import Level, Message, Term, msg, text
from app.importing.notation import split_label
from app.importing.reader import (
    csv_code_page,
    estimate_rows,
    hidden_columns,
    hidden_rows,
    iter_rows,
    legacy_text,
    odd_cells,
    read_other_way,
)
from app.importing.resolve import OrgIndex
from app.importing.sheet import SheetLayout
from app.importing.workers import BIG_SHEET_ROWS, Helpers, helper_count
from app.importing.workers import context as workers_context

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

STATUSES = ("new", "update", "duplicate", "error", "skip")
ON_MATCH = ("create", "fill", "overwrite", "skip")
CHECK_EVERY = 500
CHUNK_ROWS = 2000


def _no_errors() -> Mapping[str, Message]:
    return _NO_ERRORS


class _NoErrors(dict[str, Message]):
    """The empty, read-only error map shared by every clean row (pickles for worker processes)."""

    def _readonly(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a row's errors are replaced, not edited")

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = _readonly  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_no_errors, ())


_NO_ERRORS: Mapping[str, Message] = _NoErrors()
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 200_000
_SHARED_FIELDS = frozenset(
    {"honorific", "family_name", "middle_name", "position", "country", "source", "notes", "kind", "status",
     "direction", "city", "location"}
)  # fmt: skip


def _share(value: Any) -> Any:
    """One object for values that repeat down a column (positions, notes, field sets): a 100k
    row preview keeps a third less memory. Bounded: a column of unique values stops adding."""
    if len(_SHARED) < _SHARED_MAX:
        return _SHARED.setdefault(value, value)
    return _SHARED.get(value, value)


@dataclass(slots=True)
class RowResult:
    """One data row: its sheet row number, what will happen to it and why."""

    row: int
    status: str = "new"
    reasons: list[Message] | tuple[Message, ...] = ()
    errors: Mapping[str, Message] = field(default_factory=_no_errors)  # column label → what is wrong
    warnings: list[Message] | tuple[Message, ...] = ()  # kept as typed, said aloud
    columns: dict[str, Any] | None = None
    relations: dict[str, Any] | None = None
    refs: dict[str, Any] = field(default_factory=dict)
    supplied: frozenset[str] = frozenset()
    match_id: int | None = None
    duplicate_of: int | None = None
    new_id: int | None = None
    changes: dict[str, tuple[Any, Any]] | None = None

    @property
    def said_warnings(self) -> Sequence[Message]:
        """The warnings worth saying: a written row's ("kept in the notes" is moot for a
        duplicate, an error or a skipped row, whose values are not written anywhere)."""
        return self.warnings if self.status in ("new", "update") else ()

    def messages(self) -> list[Message]:
        """Everything said about the row: its errors, then why it has its status, then its
        warnings (:attr:`said_warnings`)."""
        return [*self.errors.values(), *self.reasons, *self.said_warnings]

    def message_text(self, lang: str = "en") -> str:
        """The row's messages in one line, worded in ``lang`` (the CLI and the error report)."""
        return "; ".join(text(m, lang) for m in self.messages())

    @property
    def message(self) -> str:
        return self.message_text("en")

    def note(self, code: str, /, **params: Any) -> None:
        """Add a reason shown beside the row (the list is created on the first one)."""
        if isinstance(self.reasons, tuple):
            self.reasons = list(self.reasons)
        self.reasons.append(msg(code, row=self.row, **params))


@dataclass
class Preview:
    path: Path
    layout: SheetLayout
    on_match: str
    sha256: str
    rows: list[RowResult]
    total_rows: int = 0
    context: Any = None  # the indexes of the last matching run (see app.importing.matching)
    db_state: Any = None  # the database fingerprint that run saw
    org_choices: Any = None  # the user's splits and joins of organisations (app.importing.folds)
    earlier_sheets: Sequence[Preview] = ()  # the workbook's sheets imported before this one
    hidden: tuple[int, ...] = ()  # the data rows Excel hides (hidden, filtered out): see mark_hidden
    skip_hidden: bool = False  # whether they are left out
    hidden_columns: frozenset[int] = frozenset()  # the columns Excel hides: see hidden_mapped_columns
    sheet_warnings: tuple[Message, ...] = ()  # said once of the sheet (a column's dates month first)
    legacy: Any = None  # the columns read from a legacy encoding (app.importing.legacy.Finding)
    merged: Any = None  # the rows duplicates were merged into, as they were read (app.importing.absorb)
    # Bring back from the trash the people and organisations rows name that are there, instead of
    # creating second records (app.importing.trashed); only in "fill" and "overwrite" (``restoring``)
    restore_trashed: bool = False
    # what is in the trash that this sheet's rows are (kind → ids): brought back when
    # ``restoring``, else what ticking the choice would bring back (app.importing.trashed.count)
    in_trash: dict[str, frozenset[int]] = field(default_factory=dict)
    # what the preview showed coming back from the trash: the commit, matching again, brings back
    # only these (a record a colleague deleted after the preview is not restored unsaid: its row
    # is made anew and said to be, app.importing.commit._rematched); None before the preview
    announced: dict[str, frozenset[int]] | None = None

    @property
    def restoring(self) -> bool:
        """Whether the import brings back the records in the trash its rows are: asked for,
        and the rows update the records they match (not "create anyway" nor "skip")."""
        return self.restore_trashed and self.on_match in ("fill", "overwrite")

    @property
    def kind(self) -> str:
        assert self.layout.kind is not None
        return self.layout.kind

    @property
    def is_vcard(self) -> bool:
        """A .vcf file read as a contacts sheet (its header is row 0, its cards rows 1, 2, …;
        :mod:`app.importing.vcf`): no sheets, columns or formulas to speak of."""
        return self.layout.header_row == 0

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for r in self.rows:
            out[r.status] += 1
        return out

    def rejected(self) -> list[RowResult]:
        return [r for r in self.rows if r.status in ("error", "duplicate")]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _label_for(layout: SheetLayout, name: str) -> str:
    cols = layout.columns_for(name)
    if cols:
        return layout.column_label(cols[0])
    spec_header = next((f.header for f in fs.FIELDS[layout.kind or "contact"] if f.name == name), name)
    return spec_header


def _as_message(value: Message | str, column: str = "") -> Message:
    """A cleaning or validation error as a :class:`Message` (text not yet given a code is kept
    as it is, ``field_error``)."""
    if isinstance(value, Message):
        return value
    return msg("field_error", detail=value, column=column)


def _take_labels(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Labels written after emails and phones ("an@x.vn (công việc)"): taken off the values
    before they are checked; (field, value, label) for each labelled one."""
    out: list[tuple[str, str, str]] = []
    for name in ("emails", "phones"):
        items = data.get(name)
        if not isinstance(items, list):
            continue
        kept = []
        for item in items:
            value, label = (
                split_label(item, phone=name == "phones")
                if isinstance(item, str) and ")" in item  # (a label ends in a bracket)
                else (item, "")
            )
            kept.append(value)
            if label:  # (the export's words for a label's code, "(cơ quan)", read as the code)
                out.append((name, value, value_labels.contact_label_code(label)))
        data[name] = kept
    return out


def _labels_of(labelled: list[tuple[str, str, str]], relations: dict[str, Any]) -> dict[str, str]:
    """Each label by the stored (normalised) value it belongs to."""
    out: dict[str, str] = {}
    for name, value, label in labelled:
        try:
            stored = v.email(value) if name == "emails" else v.phone(value, unverified_ok=True)
        except (v.FieldError, ValueError):
            continue
        if stored in relations.get(name, ()):
            out[stored] = label
    return out


def clean_row(
    layout: SheetLayout,
    number: int,
    values: list[Any],
    headers: Mapping[str, str] | None = None,
    plan: Plan | None = None,
) -> RowResult | None:
    """One sheet row cleaned and checked; None for a row with nothing in its mapped columns.
    ``headers``: :func:`field_headers` of the layout, and ``plan`` its :func:`collect_plan`,
    when the caller has them already (a chunk computes them once, not per row)."""
    kind = layout.kind
    assert kind is not None
    raw = collect(layout.mapping, values, layout.headers, plan)
    if not raw:
        return None
    result = RowResult(number, supplied=_share(frozenset(raw)))
    warnings: list[Message] = []
    if headers is None:  # what kept values are noted under
        headers = field_headers(layout.mapping, layout.headers)
    if kind == "contact":  # and where they came from (an email that is none: cleaning.SOURCE)
        headers = {**headers, SOURCE: row_source(layout.sheet, number)}
    data, refs, errors = to_input(kind, raw, warnings, headers)
    required = fs.REQUIRED[kind]
    if required not in raw and not (kind == "contact" and {"family_name", "given_name"} & raw.keys()):
        errors.setdefault(required, msg("required_empty"))
    labelled = _take_labels(data) if kind == "contact" else []
    try:
        prepared = prepare_row(kind, data, warnings, headers)
        columns = prepared.columns  # (a dict of its own, made for this row)
        share = _SHARED.setdefault if len(_SHARED) < _SHARED_MAX else _SHARED.get  # (_share, inline)
        for k in _SHARED_FIELDS.intersection(columns):
            value = columns[k]
            columns[k] = share(value, value)
        result.columns = columns
        result.relations = {k: v for k, v in prepared.relations.items() if v}
        if labelled:
            result.relations["labels"] = _labels_of(labelled, result.relations)
    except ValidationError as exc:
        for key, message in exc.errors.items():
            errors.setdefault(SERVICE_FIELD.get(key, key), service_error(kind, key, message, data))
    except (ValueError, TypeError, ArithmeticError) as exc:
        # A value the checks did not foresee: the row is rejected, the import goes on.
        errors.setdefault(required, msg("unreadable_value", detail=f"{type(exc).__name__}: {exc}"))
    result.refs = refs
    notes = NOTES_FIELD.get(kind)  # (a staff member has none)
    if notes and notes in data and notes not in raw:  # values kept in the notes
        result.supplied = _share(result.supplied | {notes})
    if "country" in data and "country" not in raw:  # an organisation's, from its location
        result.supplied = _share(result.supplied | {"country"})
    if warnings:
        result.warnings = [
            w.at(sheet=layout.sheet, row=number, column=_label_for(layout, w.column) if w.column else "")
            for w in warnings
        ]
    if errors:
        result.status = "error"
        placed = {}
        for name, value in errors.items():
            label = _label_for(layout, name)
            placed[label] = _as_message(value).at(sheet=layout.sheet, row=number, column=label)
        result.errors = placed
        result.columns = result.relations = None
    return result


def read_rows(
    path: Path,
    layout: SheetLayout,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    parallel: bool | None = None,
    fast: bool = True,
    said: list[Message] | None = None,
    organisations: Callable[[], OrgIndex] | None = None,
) -> tuple[list[RowResult], int]:
    """Clean and check every data row below the header; returns the rows and the rows read.
    ``said``: what is said once of the sheet is added to it (:func:`_date_orders`).
    ``organisations``: the database's, read if a delegate list's heading needs them
    (:meth:`app.importing.sections.Sections.apply`).

    Rows are read in a stream and cleaned in chunks. For a sheet of :data:`PARALLEL_ROWS`
    or more (or with ``parallel=True``) worker processes clean chunks beside this one, one
    per core but this one's (see :func:`_helpers`); ``parallel=False`` keeps everything in
    this process.
    ``fast=False`` cleans every row the general way (see :func:`clean_chunk`).
    """
    from app.importing.fastrows import fast_rows
    from app.importing.formrows import FormRows
    from app.importing.sections import Sections

    if layout.kind is None:
        raise ImportFileError(msg("unknown_kind", file=path.name, sheet_name=layout.sheet))
    if not any(f != fs.IGNORE for f in layout.mapping.values()):
        raise ImportFileError(msg("nothing_mapped", file=path.name, sheet_name=layout.sheet))
    _SHARED.clear()
    total = estimate_rows(path, layout.sheet) or 0
    total = max(total - layout.header_row, 0)
    out: list[RowResult] = []
    read = 0
    chunk: list[tuple[int, list[Any]]] = []
    helpers: Helpers | None = None
    count = helper_count(parallel)
    # A sheet whose size is known to be small never starts a worker; one of unknown size
    # (no <dimension> in the file) starts them once it has proved big.
    big = parallel is True or total >= PARALLEL_ROWS
    rows_fast: Any = fast_rows(layout) if fast else False
    orders = DateOrders.of(layout.mapping)
    sections = Sections.of(layout.kind, layout.mapping)  # a delegate list's headings
    # an official form's column numbers, and its totals and signatures at the foot
    form = FormRows(frozenset(c for c, f in layout.mapping.items() if f == "position"))
    c1, c2 = sections.pair if sections is not None and sections.pair else (0, -1)
    chunks = 0
    here = 0.0  # seconds this process took per chunk it cleaned (the last one)

    def local(chunk_layout: SheetLayout, rows: list[tuple[int, list[Any]]], _fast: bool) -> list[RowResult]:
        return clean_chunk(chunk_layout, rows, rows_fast)

    try:
        if count and big:
            helpers = Helpers(count, start=_pool)
        for number, values in iter_rows(path, layout.sheet):
            if number <= layout.header_row:
                continue
            read += 1
            if form.see(number, values):
                continue  # "(1) | (2) | … | (6)": the columns' numbers
            if (
                sections is not None
                and not (len(values) > c2 >= 0 and values[c1] and values[c2])  # (a person's row)
                and sections.see(number, values)
            ):
                continue  # "I | BỘ KHOA HỌC VÀ CÔNG NGHỆ": the organisation of the rows below
            chunk.append((number, values))
            if len(chunk) < CHUNK_ROWS:
                continue
            if cancel is not None and cancel():
                raise ImportCancelled()
            if not chunks and not total:  # no <dimension>: known now that the sheet is parsed
                total = max((estimate_rows(path, layout.sheet) or 0) - layout.header_row, 0)
                big = big or total >= PARALLEL_ROWS
            if progress is not None:
                progress(read, max(total, read))
            if orders is not None:
                orders.see(chunk)
            chunks += 1
            big = big or (not total and read >= PARALLEL_ROWS // 2)
            if helpers is None and count and big:
                helpers = Helpers(count, start=_pool)
            if helpers is not None:
                for done in helpers.done(local):
                    out += done
            # The first chunk here (it warms this process's memos); the others to a free worker,
            # or here when none is free or started yet.
            if (
                helpers is None
                or chunks == 1
                or not helpers.offer(clean_chunk, layout, chunk, bool(rows_fast))
            ):
                started = time.perf_counter()
                out += clean_chunk(layout, chunk, rows_fast)
                here = time.perf_counter() - started
            chunk = []
        if chunk:
            if orders is not None:
                orders.see(chunk)
            out += clean_chunk(layout, chunk, rows_fast)
        if helpers is not None:
            for done in helpers.results(local, patience=max(1.0, 4 * here)):
                if cancel is not None and cancel():
                    raise ImportCancelled()
                out += done
    finally:
        if helpers is not None:
            helpers.close()
    out = mark_odd_cells(out, odd_cells(path, layout.sheet), layout)
    if said is not None and layout.header_row == 0:  # a .vcf file: the cards it left out
        from app.importing import vcf

        said += vcf.unread(path)
    other = read_other_way(path, layout.sheet)
    if other is not None and said is not None:  # a cell calamine refused: read the other way
        cell, value, read_as = other
        said.append(
            msg("sheet_read_other_way", sheet=layout.sheet, cell=cell, value=value, read=read_as or '""')
            if cell
            else msg("sheet_read_other_way_somewhere", sheet=layout.sheet, detail=read_as)
        )
    out.sort(key=lambda r: r.row)
    if orders is not None:
        _date_orders(path, layout, orders, out, said)
    if sections is not None:  # (after _date_orders, which may clean a row again)
        out = sections.apply(out, layout.sheet, organisations)
    out = _form_rows_apart(form, out, layout.sheet, said)
    if progress is not None:
        progress(read, read)
    return out, read


def _form_rows_apart(
    form: Any, rows: list[RowResult], sheet: str, said: list[Message] | None
) -> list[RowResult]:
    """The rows without the form's signatures, and both said once of the sheet
    (:mod:`app.importing.formrows`)."""
    if form.numbering is not None and said is not None:
        row, written = form.numbering
        said.append(msg("numbering_row", sheet=sheet, number=row, value=written))
    foot = form.signatures()
    if not foot:
        return rows
    if said is not None:
        totals, signed = form.foot()
        if totals:  # which rows, and what they say ("Tổng cộng: 3000 liên hệ")
            code = "total_left_out" if len(totals) == 1 else "totals_left_out"
            said.append(
                msg(code, sheet=sheet, rows=", ".join(map(str, totals)), value=" / ".join(totals.values()))
            )
        if signed:
            rows_said = f"{signed[0]}–{signed[-1]}" if len(signed) > 1 else str(signed[0])
            code = "signatures_left_out" if len(signed) > 1 else "signature_left_out"
            said.append(msg(code, sheet=sheet, rows=rows_said))
    left_out = set(foot)
    return [r for r in rows if r.row not in left_out]


def _date_orders(
    path: Path, layout: SheetLayout, orders: DateOrders, rows: list[RowResult], said: list[Message] | None
) -> None:
    """The rows of a date column written month first, or both ways, cleaned again the way
    :class:`~app.importing.cleaning.DateOrders` tells, and said once of the sheet, naming the
    column and an example row. Rare, so the rows are read again from the file rather than
    kept while the sheet is read (the day-first sheets every office writes keep nothing)."""
    redo = orders.redo()
    if redo:
        at = {r.row: i for i, r in enumerate(rows)}
        names = dict(orders.columns)
        headers = field_headers(layout.mapping, layout.headers)
        plan = collect_plan(layout.mapping, layout.headers)
        last = max(redo)
        for number, values in iter_rows(path, layout.sheet):
            if number > last:
                break
            if number not in redo or number not in at:
                continue
            cells = list(values)
            for col, how in redo[number].items():
                if col < len(cells):
                    cells[col] = orders.value(names[col], cells[col], how)
            again = clean_row(layout, number, cells, headers, plan)
            if again is not None:
                rows[at[number]] = again
    if said is None:
        return
    for col, (month_row, month_value), day in orders.said():
        sheet, header, example = layout.sheet, layout.column_label(col), str(month_row)
        if day is None:
            said.append(
                msg("dates_month_first", sheet=sheet, header=header, example_row=example, value=month_value)
            )
        else:
            said.append(
                msg("dates_both_orders", sheet=sheet, header=header, day_row=str(day[0]), day_value=day[1],
                    month_row=example, month_value=month_value)
            )  # fmt: skip


_FAST: dict[Any, Any] = {}


def clean_chunk(layout: SheetLayout, rows: list[tuple[int, list[Any]]], fast: Any = True) -> list[RowResult]:
    """:func:`clean_row` over a chunk of rows (run in a worker process for big sheets).

    ``fast``: the sheet's :class:`~app.importing.fastrows.FastRows` (its memos kept from chunk
    to chunk), True to make one, False for the general path only. A plain contacts sheet's
    rows are assembled column by column from what each cell gives; a row with anything
    unusual in it, and every row of another sheet, goes through :func:`clean_row`."""
    from app.importing.fastrows import FALLBACK, fast_rows

    if fast is True:  # (in a worker process: the same FastRows for every chunk of the sheet)
        key = (layout.sheet, tuple(sorted(layout.mapping.items())), tuple(layout.headers))
        if key not in _FAST:
            _FAST.clear()
            _FAST[key] = fast_rows(layout)
        fast = _FAST[key]
    out = []
    headers = field_headers(layout.mapping, layout.headers)
    plan = collect_plan(layout.mapping, layout.headers)
    answers = fast.rows(rows) if fast else [FALLBACK] * len(rows)
    for (number, values), answer in zip(rows, answers, strict=True):
        result = clean_row(layout, number, values, headers, plan) if answer is FALLBACK else answer
        if result is not None:
            out.append(result)
    return out


PARALLEL_ROWS = BIG_SHEET_ROWS


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes for cleaning: checking a row (emails, phones, names) is pure CPU work
    that a thread cannot spread over cores (:mod:`app.importing.workers`)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=workers_context())


def empty_columns(preview: Preview) -> Message | None:
    """The mapped columns with no value in any row read because they hold formulas whose
    results were never saved: said, not left silently empty in every record (reviewer: e-mail
    and phone columns written as formulas by a script gave contacts without either and not a
    word); the words say how to save their results. A column simply left blank (an optional
    column of Ketnoi's own export) is :func:`blank_columns`', without that advice. None when no
    such column, or nothing was read, or the file is a vCard (its "columns" are the card's
    fields)."""
    formulas, _blank = _empty_columns(preview)
    return msg("columns_empty", sheet=preview.layout.sheet, columns=formulas) if formulas else None


def blank_columns(preview: Preview) -> Message | None:
    """The mapped columns with no value in any row and no formula in them either: said as a
    note (a column mapped by mistake shows up), never as formulas to save (reviewer: Ketnoi's
    own export, imported again, was told for every empty optional column to open the file in
    Excel "if they hold formulas")."""
    _formulas, blank = _empty_columns(preview)
    return msg("columns_blank", sheet=preview.layout.sheet, columns=blank) if blank else None


def _empty_columns(preview: Preview) -> tuple[list[str], list[str]]:
    """The labels of the mapped columns empty in every row read: those with formulas without a
    saved result (:func:`mark_odd_cells` said so of their cells), and the others. A row
    skipped (in Ketnoi already, unchanged) was read too: a column it holds is not empty
    (reviewer h98: a sheet imported again said "no value in any row: Địa điểm", the rows with a
    place being those already logged). Said only while some row is still to be written."""
    rows = preview.rows
    if preview.is_vcard or all(r.status == "skip" for r in rows):  # (a card: no formula unsaved)
        return [], []
    seen: set[str] = set()
    unsaved: set[str] = set()
    for r in rows:
        seen |= r.supplied
        for m in (*r.errors.values(), *r.warnings):  # (a duplicate's warnings too)
            if m.code == "formula_no_result":
                unsaved.add(m.column)
    layout = preview.layout
    empty = [
        layout.column_label(c)
        for c, field in sorted(layout.mapping.items())
        if field != fs.IGNORE and field not in seen
    ]
    return [c for c in empty if c in unsaved], [c for c in empty if c not in unsaved]


def hidden_mapped_columns(preview: Preview) -> Message | None:
    """The mapped columns Excel hides: their values are imported like the others', and said
    (reviewer: a hidden "Email cũ" column went into the contacts without a word; a hidden
    column is often an old value kept out of sight). None when no mapped column is hidden."""
    layout = preview.layout
    hidden = [
        layout.column_label(c)
        for c, field in sorted(layout.mapping.items())
        if c in preview.hidden_columns and field != fs.IGNORE
    ]
    return msg("columns_hidden", sheet=layout.sheet, columns=hidden) if hidden else None


def legacy_note(preview: Preview) -> Message | None:
    """The columns typed in a legacy Vietnamese encoding (TCVN3, VNI) and read as Unicode,
    said once for the sheet with the encoding and one example of a data row ("NguyÔn V¨n
    Hïng" → "Nguyễn Văn Hùng"); None when the sheet is Unicode."""
    found = preview.legacy
    if found is None:
        return None
    layout = preview.layout
    examples = [e for e in found.examples if e[0] > layout.header_row] or list(found.examples)
    if not examples:
        return None
    mapped = [c for c in found.columns if layout.mapping.get(c, fs.IGNORE) != fs.IGNORE]
    _row, _col, typed, read = examples[0]
    return msg(
        "legacy_encoding",
        sheet=layout.sheet,
        encoding=found.name,
        columns=[layout.column_label(c) for c in (mapped or found.columns)],
        typed=typed,
        read=read,
    )


def code_page_note(path: Path, layout: SheetLayout, legacy: Any) -> Message | None:
    """A CSV file that is not UTF-8 text, read in a Windows code page: which one, with a row as
    read, said once for the sheet so that names read wrong are seen before they are imported
    (reviewer: bytes that are no UTF-8 came in as "ÿ₫Ă(" and "Í €" without a word). None for
    UTF-8 or UTF-16 text, a workbook, and a sheet typed in TCVN3 or VNI (:func:`legacy_note`
    says that one)."""
    found = csv_code_page(path, layout.sheet)
    if found is None or legacy is not None:
        return None
    encoding, examples = found
    data = [e for e in examples if e[0] > layout.header_row] or list(examples)
    if not data:
        return None
    row, example = data[0]
    return msg(
        "csv_code_page",
        sheet=layout.sheet,
        encoding=Term("code_page_" + encoding),
        example_row=str(row),
        example=example,
    )


def mark_odd_cells(
    rows: list[RowResult], odd: Mapping[int, Mapping[int, str]], layout: SheetLayout
) -> list[RowResult]:
    """Say of each mapped cell that reads as empty but is not (:func:`app.importing.reader.odd_cells`:
    a formula whose result was never saved, an error value such as #REF!) what it is, at its
    row and column: of a row refused, one of its errors (in place of "required, but empty"
    for its name); of a row imported, a warning (the field is left empty). A row of nothing but
    such cells is refused, never left out unsaid. After either path cleaned the rows (the fast
    path and the general one read such a cell alike: empty); a pass only over those rows."""
    if not odd:
        return rows
    kind = layout.kind or "contact"
    mapped = {c: f for c, f in layout.mapping.items() if f != fs.IGNORE}
    by_row = {r.row: r for r in rows}
    added: list[RowResult] = []
    for number in sorted(odd):
        cells = {c: v for c, v in odd[number].items() if c in mapped}
        if number <= layout.header_row or not cells:
            continue
        row = by_row.get(number)
        if row is None:  # nothing else in its mapped columns: refused, with why
            row = RowResult(number, status="error")
            errors = {}
            if fs.REQUIRED[kind] not in {mapped[c] for c in cells}:
                label = _label_for(layout, fs.REQUIRED[kind])
                errors[label] = msg("required_empty", sheet=layout.sheet, row=number, column=label)
            row.errors = errors
            added.append(row)
        for col, value in sorted(cells.items()):
            label = layout.column_label(col)
            level: Level = "error" if row.status == "error" else "warning"  # (a name that is one: an error)
            said = (
                msg("error_value", value=value, level=level)
                if value
                else msg("formula_no_result", level=level)
            ).at(sheet=layout.sheet, row=number, column=label)
            if level == "error":
                errors = dict(row.errors)
                errors.pop(_label_for(layout, mapped[col]), None)  # (its "required, but empty")
                errors[label] = said
                row.errors = errors
            else:
                row.warnings = [*row.warnings, said]
    return rows + added if added else rows


def mark_hidden(rows: list[RowResult], hidden: frozenset[int], sheet: str, *, skip: bool) -> tuple[int, ...]:
    """Say of each row Excel hides (by hand, by an autofilter, in a collapsed group) that it
    was hidden: imported with a warning, or with ``skip`` left out (status "skip", nothing
    of it matched or written). Returns their numbers. A pass over the rows only when the
    sheet hides any (:func:`app.importing.reader.hidden_rows`)."""
    if not hidden:
        return ()
    out = []
    for row in rows:
        if row.row not in hidden:
            continue
        out.append(row.row)
        if skip:
            row.status, row.reasons = "skip", [msg("hidden_row_left_out", sheet=sheet, row=row.row)]
            row.errors, row.warnings, row.columns, row.relations = _NO_ERRORS, (), None, None
        else:
            row.warnings = [*row.warnings, msg("hidden_row_imported", sheet=sheet, row=row.row)]
    return tuple(out)


def preview_import(
    path: Path,
    layout: SheetLayout,
    *,
    session: Session,
    on_match: str = "fill",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    parallel: bool | None = None,
    after: Sequence[Preview] = (),
    skip_hidden: bool = False,
    restore_trashed: bool = False,
) -> Preview:
    """Read, clean and match a sheet; nothing is written to the database. ``after``: the
    sheets of the same workbook imported before this one (see :func:`match_rows`).
    ``skip_hidden``: leave out the rows Excel hides (:func:`mark_hidden`).
    ``restore_trashed``: a row whose person or organisation is in the trash brings that record
    back (updated from the row as a live match is) instead of creating a second one.

    ``progress(done, total)`` is called now and then (``total`` is an estimate while reading);
    ``cancel()`` returning True stops the work with :class:`ImportCancelled`.
    """
    from app.importing.matching import match_rows

    if on_match not in ON_MATCH:
        raise ImportFileError(msg("bad_on_match", value=on_match, choices=list(ON_MATCH)))
    path = Path(path)
    with paused_gc():  # a million objects that live until the step ends (app.gcpause)
        said: list[Message] = []
        rows, read = read_rows(
            path,
            layout,
            progress=progress,
            cancel=cancel,
            parallel=parallel,
            said=said,
            organisations=lambda: OrgIndex.load(session),
        )
        hidden = mark_hidden(rows, hidden_rows(path, layout.sheet), layout.sheet, skip=skip_hidden)
        preview = Preview(path, layout, on_match, file_sha256(path), rows, read, earlier_sheets=tuple(after))
        preview.hidden, preview.skip_hidden = hidden, skip_hidden
        preview.restore_trashed = restore_trashed
        preview.hidden_columns = hidden_columns(path, layout.sheet)
        preview.legacy = legacy_text(path, layout.sheet)
        code_page = code_page_note(path, layout, preview.legacy)
        preview.sheet_warnings = tuple(said) + ((code_page,) if code_page is not None else ())
        match_rows(session, preview, progress=progress, cancel=cancel, after=after)
        preview.announced = dict(preview.in_trash)
        preview.sheet_warnings += new_vocabulary(session, preview)
    return preview


NEW_NAMES_SAID = 8
"""New sectors or tags named in the note (then "… +N" for the rest)."""


def new_vocabulary(session: Session, preview: Preview) -> tuple[Message, ...]:
    """The sectors and tags the rows to be written name that none saved has (by folded name):
    said before the import, once per sheet (reviewer h95: a sheet's English "Quantum", "Policy"
    were added beside the saved "Lượng tử", "Chính sách", and 13 organisations then had both);
    those that name a saved one under another name are said with it ("Quantum" → "Lượng tử":
    :mod:`app.importing.samenames`), and only then is the person told they would be there twice
    (reviewer h117: an empty database was told so, with an example that was not its own)."""
    from sqlmodel import select

    from app.importing.samenames import saved_as
    from app.records import name_key
    from db import models as m

    out: list[Message] = []
    for rel, model, key in (("sectors", m.Sector, "new_sectors"), ("tags", m.Tag, "new_tags")):
        named: dict[str, str] = {}
        for r in preview.rows:
            if r.status in ("new", "update") and r.relations:
                for name in r.relations.get(rel) or ():
                    folded = name_key(str(name))
                    if folded and folded not in named:
                        named[folded] = str(name)
        if not named:
            continue
        saved = set(session.exec(select(model.folded).where(model.folded.in_(list(named)))))  # type: ignore[attr-defined]
        new = [name for folded, name in named.items() if folded not in saved]
        if new:
            shown = new[:NEW_NAMES_SAID]
            if len(new) > len(shown):
                shown.append(f"… +{len(new) - len(shown)}")
            # those saved under another name, named with it (a few hundred saved at most: all read)
            pairs = saved_as(new, session.exec(select(model.name)))
            if pairs:
                said = [f"“{a}” → “{b}”" for a, b in pairs[:NEW_NAMES_SAID]]
                if len(pairs) > len(said):
                    said.append(f"… +{len(pairs) - len(said)}")
                out.append(msg(key, sheet=preview.layout.sheet, names=shown, pairs=said))
            else:
                out.append(msg(f"{key}_only", sheet=preview.layout.sheet, names=shown))
    return tuple(out)
