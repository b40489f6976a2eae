"""Understanding a sheet: where its header row is, what it holds, which column is which field.

Each step is a function over plain data, so that a wizard can show the guess and let the user
change it: :func:`find_header_row` → :func:`detect_kind` → :func:`suggest_mapping`;
:func:`inspect_sheet` runs the three over the first rows of a sheet. A mapping the user
confirmed is remembered per header row (:func:`remember_mapping`) and offered again for the
next workbook with the same headers.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from sqlmodel import Session

from app.importing import fields as fs
from app.importing.errors import ImportFileError
from app.importing.messages import msg
from app.importing.reader import Row, iter_rows, sheet_names
from app.vntext import clean, fold
from db.models import Setting

HEADER_SCAN_ROWS = 30
LIST_FIELDS = frozenset(
    {"emails", "phones", "tags", "sectors", "aliases", "organisations", "attendees", "staff"}
)
GATHERED_FIELDS = LIST_FIELDS | {"notes"}
"""Fields several columns may be mapped to: lists, and the notes (each further column's cells
go in with its header: a column no field names can be kept there)."""
_DISTINCTIVE = {
    "organisation": ("acronym", "kind", "website", "sectors", "parent"),
    "contact": ("full_name", "emails", "phones", "position", "family_name", "given_name"),
    "meeting": ("starts_at", "location", "attendees", "agenda", "minutes"),
    "action": ("due_date", "status", "responsible", "priority", "completed_on"),
    "staff": ("active",),
}


@dataclass
class SheetLayout:
    """What the importer understood of one sheet; every part can be overridden by the caller."""

    sheet: str
    header_row: int
    headers: list[str]
    kind: str | None
    mapping: dict[int, str] = field(default_factory=dict)
    kind_scores: dict[str, float] = field(default_factory=dict)
    remembered: bool = False
    data_rows_sampled: int = 0

    def column_label(self, col: int) -> str:
        header = self.headers[col] if col < len(self.headers) else ""
        letter = get_column_letter(col + 1)
        return f"{header} ({letter})" if header else letter

    def columns_for(self, name: str) -> list[int]:
        return [c for c, f in sorted(self.mapping.items()) if f == name]


def cell_text(value: Any) -> str:
    return clean(value) if value is not None else ""


def _row_score(values: list[Any]) -> tuple[float, int]:
    texts = [cell_text(v) for v in values if isinstance(v, str)]
    texts = [t for t in texts if t]
    if len(texts) < 2:
        return 0.0, 0
    best = 0.0
    for kind in fs.KINDS:
        mapped = [fs.field_for_header(kind, t) for t in texts]
        score = sum(1 for m in mapped if m and m != fs.IGNORE) + 0.25 * sum(
            1 for m in mapped if m == fs.IGNORE
        )
        best = max(best, score)
    return best, len(texts)


def find_header_row(rows: list[Row]) -> tuple[int, list[str]]:
    """The row that names the columns: the one, among the first rows, whose cells best match
    known headers (at least two). Title rows, merged banners and blank rows above it are skipped.

    Returns ``(row_number, headers)``; ``(0, [])`` when no row looks like a header.
    """
    best: tuple[float, int, list[Any]] | None = None
    scanned = rows[:HEADER_SCAN_ROWS]
    for number, values in scanned:
        score, _count = _row_score(values)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, number, values)
    if best is None:
        return 0, []
    best = _two_row_header(scanned, best)
    values = best[2]
    headers = [cell_text(v) for v in values]
    while headers and not headers[-1]:
        headers.pop()
    return best[1], headers


def _two_row_header(rows: list[Row], best: tuple[float, int, list[Any]]) -> tuple[float, int, list[Any]]:
    """A header written on two rows, as official lists write it: "Thông tin liên hệ" merged
    over "Email" | "Điện thoại", or "Họ và tên" over "Họ" | "Tên", the other columns named on
    the upper row (or merged down both). The best row and the row below it (or above it) are
    read as one — each column named by its lower cell, else its upper one, and the data
    starting below both — when together they name more known fields than the best row alone.
    Both rows hold text only; a row below the best one counts only if each of its cells is a
    known header or the one above it (merged down): a first data row never does."""
    score, number, _values = best
    at = dict(rows)
    for top_number in (number, number - 1):
        top, bottom = at.get(top_number), at.get(top_number + 1)
        if top is None or bottom is None:
            continue
        if not all(v is None or isinstance(v, str) for v in [*top, *bottom]):
            continue
        width = max(len(top), len(bottom))
        top = [*top, *[None] * (width - len(top))]
        bottom = [*bottom, *[None] * (width - len(bottom))]
        lower = [cell_text(v) for v in bottom]
        if top_number == number and not all(
            not text or _known(text) or text == cell_text(above)
            for text, above in zip(lower, top, strict=True)
        ):
            continue  # the row below names something no header does: data
        combined = [b if text else t for t, b, text in zip(top, bottom, lower, strict=True)]
        together, _count = _row_score(combined)
        if together > score:
            return together, top_number + 1, combined
    return best


def _known(text: str) -> bool:
    """Whether a header of some kind of sheet reads ``text`` as a field (or as one to skip)."""
    return any(fs.field_for_header(kind, text) for kind in fs.KINDS)


def detect_kind(sheet: str, headers: list[str]) -> tuple[str | None, dict[str, float]]:
    """Which record kind the sheet holds, from its name and its headers (English or Vietnamese)."""
    name = fold(sheet)
    scores: dict[str, float] = {}
    for kind in fs.KINDS:
        found = {fs.field_for_header(kind, h) for h in headers if h}
        found.discard(None)
        found.discard(fs.IGNORE)
        score = float(len(found)) + sum(0.5 for f in _DISTINCTIVE[kind] if f in found)
        if any(hint in name for hint in fs.SHEET_NAME_HINTS[kind]):
            score += 1.5
        if fs.REQUIRED[kind] not in found and kind != "contact":
            score -= 1
        if kind == "contact" and not ({"full_name", "given_name", "family_name", "family_middle"} & found):
            score -= 1
        scores[kind] = score
    staff = _staff_sheet(name, headers)
    others = max(s for k, s in scores.items() if k != "staff")
    # Our staff only where the sheet says so; otherwise never (a list of names and emails
    # is the contacts it always was).
    scores["staff"] = max(scores["staff"], others + 0.5) if staff else min(scores["staff"], others - 1)
    kind = max(scores, key=lambda k: scores[k])
    return (kind if scores[kind] >= 2 else None), scores


_ORGANISATION_COLUMNS = frozenset({"organisation", "organisations"})


def _staff_sheet(folded_name: str, headers: list[str]) -> bool:
    """Whether a sheet lists our own staff: it has a name column and no organisation column
    (people of organisations are contacts, whatever the sheet is called: "Cán bộ đầu mối" of
    the partners), and its name says staff ("Cán bộ", "Nhân sự", "Staff") or it has an
    "Active" / "Đang làm việc" column, which no other kind of record has."""
    found = {fs.field_for_header("staff", h) for h in headers if h}
    if "name" not in found:
        return False
    for kind in ("contact", "meeting", "action"):
        if _ORGANISATION_COLUMNS & {fs.field_for_header(kind, h) for h in headers if h}:
            return False
    return "active" in found or any(hint in folded_name for hint in fs.SHEET_NAME_HINTS["staff"])


def suggest_mapping(kind: str, headers: list[str]) -> dict[int, str]:
    """Column index → field for the headers that name one; unrecognised columns are left out.

    A field takes the first column naming it, except list fields (several phone columns…).
    """
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for col, header in enumerate(headers):
        name = fs.field_for_header(kind, header) if header else None
        if not name:
            continue
        if name != fs.IGNORE and name in used and name not in GATHERED_FIELDS:
            continue
        used.add(name)
        mapping[col] = name
    name_parts = {"full_name", "family_name", "family_middle", "middle_given"}
    if kind == "contact" and "given_name" in used and not (name_parts & used):
        # A lone "Tên" column holds the whole name in most Vietnamese lists; beside "Họ và tên
        # đệm" it is the given name.
        mapping = {c: ("full_name" if f == "given_name" else f) for c, f in mapping.items()}
    return mapping


def header_key(headers: list[str]) -> str:
    """Identity of a header row: a hash of its folded cells (order matters)."""
    folded = [fold(h) for h in headers]
    while folded and not folded[-1]:
        folded.pop()
    return hashlib.sha256("\x1f".join(folded).encode()).hexdigest()[:24]


def _setting_key(headers: list[str]) -> str:
    return f"import.mapping.{header_key(headers)}"


def remembered_mapping(session: Session, headers: list[str]) -> tuple[str, dict[int, str]] | None:
    """The kind and mapping confirmed last time for this header row, if any."""
    row = session.get(Setting, _setting_key(headers))
    if row is None or not isinstance(row.value, dict):
        return None
    kind = row.value.get("kind")
    raw = row.value.get("mapping") or {}
    if kind not in fs.KINDS or not isinstance(raw, dict):
        return None
    valid = set(fs.field_names(kind)) | {fs.IGNORE}
    raw = {c: fs.RENAMED.get(f, f) for c, f in raw.items()}
    mapping = {int(c): f for c, f in raw.items() if str(c).isdigit() and f in valid}
    return kind, mapping


def remember_mapping(session: Session, headers: list[str], kind: str, mapping: dict[int, str]) -> None:
    """Store a confirmed mapping for the next workbook with the same headers."""
    key = _setting_key(headers)
    value = {"kind": kind, "mapping": {str(c): f for c, f in sorted(mapping.items())}, "headers": headers}
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
    session.flush()


def inspect_sheet(path: Path, sheet: str | None = None, *, session: Session | None = None) -> SheetLayout:
    """Header row, kind and suggested mapping of one sheet, from its first rows only."""
    names = sheet_names(path)
    if sheet is None:
        sheet = names[0] if names else path.stem
    # keep=True: the preview that follows reads the rows from this parse (one parse a sheet).
    head = list(itertools.islice(iter_rows(path, sheet, keep=True), HEADER_SCAN_ROWS + 20))
    if not any(any(v is not None for v in values) for _, values in head):
        raise ImportFileError(msg("sheet_empty", file=path.name, sheet_name=sheet))
    header_row, headers = find_header_row(head)
    if not headers:  # (a .vcf file's header is row 0: its cards are rows 1, 2, …)
        raise ImportFileError(msg("sheet_no_header", file=path.name, sheet_name=sheet, rows=HEADER_SCAN_ROWS))
    # A column with data under no header is still offered (as its letter, "not imported"):
    # trimming the headers at the last named column hid it from the mapping altogether.
    width = max((_last_filled(v) for n, v in head if n > header_row), default=0)
    headers = headers + [""] * (width - len(headers))
    kind, scores = detect_kind(sheet, headers)
    layout = SheetLayout(sheet, header_row, headers, kind, kind_scores=scores)
    layout.data_rows_sampled = sum(1 for n, v in head if n > header_row and any(x is not None for x in v))
    remembered = remembered_mapping(session, headers) if session is not None else None
    if remembered is not None:
        layout.kind, layout.mapping = remembered
        layout.remembered = True
    elif kind is not None:
        layout.mapping = suggest_mapping(kind, headers)
    return layout


def _last_filled(values: list[Any]) -> int:
    """How many cells a row spans to its last one that holds something."""
    for i in range(len(values) - 1, -1, -1):
        if values[i] is not None and not (isinstance(values[i], str) and not values[i].strip()):
            return i + 1
    return 0


def inspect_workbook(path: Path, *, session: Session | None = None) -> list[SheetLayout | ImportFileError]:
    """Every sheet's layout, or the reason it cannot be imported (an empty sheet…)."""
    out: list[SheetLayout | ImportFileError] = []
    for name in sheet_names(path):
        try:
            out.append(inspect_sheet(path, name, session=session))
        except ImportFileError as exc:
            out.append(exc)
    return out
