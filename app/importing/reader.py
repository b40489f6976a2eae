"""Reading the rows of a workbook or CSV file, streaming, as plain Python values.

Every reader yields ``(row_number, values)`` with 1-based sheet row numbers (as Excel shows
them) and values normalised to ``None``, ``str``, ``int``, ``float``, ``bool``, ``date``,
``datetime`` or ``time``: empty cells are ``None``, whole floats become ``int`` (calamine returns
every number as a float), formula cells give their cached value, hidden rows and columns are
read like any other. Which rows of an ``.xlsx`` sheet Excel hides (rows hidden by hand, rows an
autofilter filters out, rows of a collapsed group: all ``<row … hidden="1">``) is told apart by
:func:`hidden_rows`, for the preview to say so (calamine does not tell it), and so are an
``.ods`` sheet's (``table:visibility``) and an ``.xls`` sheet's (its ROW records); CSV has none. The sheets
a workbook hides are told by :func:`sheet_states` (an ``.xlsx``'s workbook part, an ``.xls``'s
BOUNDSHEET records, an ``.ods``'s table styles), and the columns an ``.xlsx`` sheet hides by
:func:`hidden_columns` from the head of the sheet's XML, not from its rows.

``.xlsx``/``.xlsm`` are read with python-calamine (a native reader: 1.4 s against openpyxl's
15.7 s for 100k rows × 10 columns, ``python tests/benchmarks/bench_choices.py --only read``)
unless the sheet's XML is larger than :data:`CALAMINE_MAX_XML_BYTES` or its cells span more
than :data:`CALAMINE_MAX_CELLS`;
such a sheet is streamed with openpyxl in read-only mode, so that memory stays flat however many
rows it has. Cells covered by a merged range take the value of its top-left cell (calamine
only: openpyxl's streaming mode does not see merges).

``.xls`` (Excel 97–2003) and ``.ods`` (LibreOffice) are read by python-calamine too, in a child
process (:mod:`app.importing.sheetproc`) with bounded memory and time: their extent cannot be
checked before reading the way an ``.xlsx`` sheet's XML can, and calamine aborts the whole
process, past any ``except``, when a hostile file asks it for an impossible block of cells.

A sheet read through calamine is parsed once: the rows are kept (:data:`_PARSED`) until the
reading that follows the header search has taken them, so that finding the header row and
reading the rows share one parse.

CSV is read in the encoding :func:`app.importing.csvtext.detect_encoding` finds (UTF-8 with or
without a mark, UTF-16, cp1258, cp1252); the delimiter (``,`` ``;`` tab ``|``) is detected.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import threading
import unicodedata
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from app.importing import csvtext
from app.importing.errors import ImportFileError
from app.importing.messages import Detail, Term, msg

Row = tuple[int, list[Any]]

CALAMINE_MAX_XML_BYTES = 128 * 1024 * 1024
"""Above this uncompressed sheet size the streaming openpyxl reader is used instead.

calamine holds the whole sheet natively: measured 98 MB of RSS for a 100k × 10 sheet (58 MB of
XML); 128 MB of XML is about 220k such rows. Past that, openpyxl streams in flat memory."""

MAX_SHEET_XML_BYTES = 2 * 1024 * 1024 * 1024
"""A sheet whose XML is larger than this is refused (a zip bomb, not a contact list)."""

CALAMINE_MAX_CELLS = 40_000_000
"""calamine holds a sheet as one dense block from its first to its last cell, wherever they
are: one value at XFD1048576 asks for 17 billion cells (~512 GB) and aborts the process, which
no ``except`` can catch. A sheet whose cells span more than this (16 bytes each: ~640 MB) is
read by the streaming reader instead, which only sees the cells that exist."""

MAX_COLUMNS = 1024
"""Columns past this (AMJ) are not read: no contact list is that wide, and padding each row of
a hostile sheet out to XFD would take hours."""

# Cell references with two or three letters (column AA and beyond), row numbers, and cells this
# scan cannot place: no reference first (calamine then counts positions) or a namespace prefix.
# One pattern each, every one starting with a literal that the regular-expression engine finds
# by a fast scan (one alternation starting at every "<" took 1.2 s of CPU over a 100k-row
# sheet's 63 MB of XML, more than calamine's whole read; these four take 0.2 s).
_EXTENT_COLUMNS = re.compile(rb'<c r="([A-Z]{2,3})\d')
_EXTENT_ROWS = re.compile(rb'<row r="(\d+)"')
_UNREFERENCED = re.compile(rb"<c(?:>| (?!r=))")
_PREFIXED = re.compile(rb":(?:c|row)[ >]")  # <x:c …>, <x:row …> (a prefixed namespace)
# A row Excel hides: each hidden="1" of the XML (none in most sheets: one scan of a fast
# regular expression over each megabyte), then the tag it is in, if a row's, and its number.
_HIDDEN_FLAG = re.compile(rb'hidden="(?:1|true)"')
_ROW_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
# A formula with no saved result (a script's workbook never opened in Excel: openpyxl writes
# <f>…</f><v></v>, others no <v>) and an error value (<c … t="e"><v>#REF!</v>): calamine reads
# both as an empty cell. Each pattern starts with a literal, found by a fast scan (most
# sheets have neither: one substring search per megabyte).
_UNSAVED_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)(?:<v\s*/>|<v></v>)?</c>")
_ERROR_TYPE = re.compile(rb't="e"')
_CELL_REF = re.compile(rb'<c\s[^>]*?\br="([A-Z]{1,3})(\d+)"')
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv", ".vcf")
"""What the importer reads (for a file dialog's filter); a .vcf file is a contacts "sheet"
(:mod:`app.importing.vcf`)."""
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# Stream names of an OLE compound file, as stored in its directory (UTF-16LE): Excel 97-2003
# keeps its sheets in "Workbook" (Excel 5/95: "Book"); an encrypted .xlsx is an OLE file holding
# "EncryptedPackage" and "EncryptionInfo" instead.
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLE_WORKBOOK = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))


def _ole_kind(path: Path) -> str:
    """ "xls" for an Excel 97-2003 workbook; refuses an encrypted or unknown OLE file."""
    name = path.name
    with path.open("rb") as fh:
        data = fh.read(64 * 1024 * 1024)  # the directory of any honest workbook is well inside
    if _OLE_ENCRYPTED in data:
        raise ImportFileError(msg("file_password", file=name))
    if any(stream in data for stream in _OLE_WORKBOOK):
        return "xls"
    raise ImportFileError(msg("file_password_or_not_spreadsheet", file=name))


def _head(path: Path) -> bytes:
    """The first bytes of ``path``; :class:`ImportFileError` for what cannot be read."""
    name = path.name
    if not path.exists():
        raise ImportFileError(msg("file_not_found", file=name))
    if path.is_dir():
        raise ImportFileError(msg("file_is_folder", file=name))
    from db.paths import not_ordinary

    if not_ordinary(path):  # a pipe or a device: opening it could wait forever
        raise ImportFileError(msg("file_not_ordinary", file=name))
    from db.engine import held_here  # (here: the reader's worker processes need no SQLAlchemy)

    if held_here(path):  # never opened but by SQLite here: closing it would drop SQLite's locks
        raise ImportFileError(msg("file_is_open_database", file=name))
    try:
        with path.open("rb") as fh:
            return fh.read(8)
    except PermissionError:  # locked by another program (Windows), or no right to read it
        raise ImportFileError(msg("file_no_access", file=name)) from None
    except OSError as exc:
        raise ImportFileError(msg("file_unreadable", file=name, detail=exc.strerror or str(exc))) from None


_NAMED = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",), "ods": (".ods",)}  # a workbook kind's own suffixes


def file_kind(path: Path) -> str:
    """ "xlsx", "xls", "ods", "csv" or "vcf"; raises :class:`ImportFileError` for anything unreadable,
    and for a workbook named as another kind (the readers go by the name: reviewer, an .xlsx named
    .xls gave "Cfb error: Invalid OLE (signature ...)", one named .ods "'mimetype' file not found")."""
    kind = _file_kind(path)
    suffix = path.suffix.lower()
    if kind in _NAMED and suffix in SUFFIXES and suffix not in _NAMED[kind]:
        raise ImportFileError(
            msg(
                "file_named_as_other",
                file=path.name,
                kind=Term("workbook_" + kind),
                suffix=suffix,
                expected=_NAMED[kind][0],
            )
        )
    return kind


def _file_kind(path: Path) -> str:
    name = path.name
    head = _head(path)
    if not head:
        raise ImportFileError(msg("file_empty", file=name))
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    from app.importing import vcf

    if vcf.looks_like_vcf(path, head + _more_head(path)):
        return "vcf"
    if path.suffix.lower() == ".csv":
        return "csv"
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ImportFileError(msg("file_damaged", file=name, detail=Detail(str(exc)))) from None
        names = {i.filename for i in infos}
        _check_unpacked_sizes(name, infos)
        if "content.xml" in names and _zip_member_head(path, "mimetype").startswith(_ODS_MIME):
            return "ods"
        if "xl/workbook.xml" not in names:
            raise ImportFileError(msg("file_not_excel", file=name))
        return "xlsx"
    if path.suffix.lower() in (".txt", ".tsv"):
        return "csv"
    if path.suffix.lower() == ".xls":
        return _text_saved_as_xls(path)
    if path.suffix.lower() in SUFFIXES:  # a CSV renamed .xlsx: the name is one we read, the content not
        raise ImportFileError(msg("file_not_as_named", file=name, suffix=path.suffix.lower()))
    raise ImportFileError(msg("file_unknown_format", file=name))


_HTML = re.compile(rb"<\s*(!doctype|html|table|\?xml)", re.IGNORECASE)


def _more_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(64)[8:]


def _text_saved_as_xls(path: Path) -> str:
    """Web systems often export a table as text or HTML under an .xls name (Excel opens both
    with a warning): text is read as CSV; HTML (or Excel 2003 XML) is named for what it is."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if _HTML.search(head.lstrip(b"\xef\xbb\xbf\r\n\t ")[:200]):
        raise ImportFileError(msg("file_web_page", file=path.name))
    return "csv"


def _zip_member_head(path: Path, member: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            return fh.read(200)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return b""


MAX_UNPACKED_BYTES = 4 * 1024 * 1024 * 1024
"""A workbook that unpacks to more than this is refused before anything is read."""

MAX_RATIO = 200
"""Sheet XML packs about 8 to 15 times; a member over 64 MB that packs more than 200 times is
a zip bomb (a few kilobytes that unpack to gigabytes), refused before anything is read."""


SHARED_MAX_RATIO = 50
"""The shared-strings table is text, which packs 4 to 10 times: one over 64 MB that packs more
than 50 times is built to be unpacked (a reviewer's 9 MB file unpacked to 1 GB of strings at
107:1, under :data:`MAX_RATIO`, and took 3.3 GB of memory and 68 s to read one row)."""

MAX_SHARED_STRINGS_BYTES = 1024 * 1024 * 1024
"""A shared-strings table larger than this is refused however it packs: calamine holds every
string, about three times the XML in memory."""


def _check_unpacked_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    bomb = [
        i
        for i in infos
        if i.file_size > 64 * 1024 * 1024 and i.file_size > MAX_RATIO * max(1, i.compress_size)
    ]
    bomb += [
        i
        for i in infos
        if i.filename.lower().endswith("sharedstrings.xml")
        and (
            i.file_size > MAX_SHARED_STRINGS_BYTES
            or (i.file_size > 64 * 1024 * 1024 and i.file_size > SHARED_MAX_RATIO * max(1, i.compress_size))
        )
    ]
    if total > MAX_UNPACKED_BYTES or bomb:
        raise ImportFileError(
            msg(
                "file_zip_bomb",
                file=name,
                gb=f"{total / 2**30:.1f}",
                mb=f"{sum(i.compress_size for i in infos) / 2**20:.1f}",
            )
        )


def sheet_names(path: Path) -> list[str]:
    """Names of the worksheets, in workbook order; a CSV file has one sheet named after it."""
    kind = file_kind(path)
    if kind in ("csv", "vcf"):
        return [path.stem]
    if kind in ("xls", "ods"):
        from app.importing import sheetproc

        key = _file_key(path, "")
        with _LOCK:
            names = _NAMES.get(key)
        if names is None:
            # One child reads the whole workbook (a child costs a process start, about a second
            # where there is no fork server): the names, and every sheet kept for its readings.
            names, sheets = sheetproc.run(sheetproc.read_book, path)
            with _LOCK:
                if len(_NAMES) > 100:
                    _NAMES.clear()
                _NAMES[key] = names
                for sheet, rows in sheets.items():
                    _keep(_file_key(path, sheet), rows)
        return list(names)
    return read_sheet_names(path)


def read_sheet_names(path: Path) -> list[str]:
    """The worksheets calamine sees (run in this process for .xlsx, in a child for the rest)."""
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    if _strict_ooxml(path):  # neither calamine nor openpyxl reads its cells (reviewer: KeyError)
        raise ImportFileError(msg("file_strict_ooxml", file=path.name))
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise ImportFileError(msg("file_password", file=path.name)) from None
    except Exception as exc:
        raise ImportFileError(msg("file_unreadable", file=path.name, detail=str(exc))) from None
    with wb:
        return [
            s.name
            for s in wb.sheets_metadata
            if s.typ == SheetTypeEnum.WorkSheet and s.visible != SheetVisibleEnum.VeryHidden
        ]


def _strict_ooxml(path: Path) -> bool:
    """An .xlsx saved as Excel's "Strict Open XML Spreadsheet" (ISO/IEC 29500 strict: its
    workbook part in the purl.oclc.org namespace)."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("xl/workbook.xml") as fh:
            head = fh.read(4096)
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return False
    return b"http://purl.oclc.org/ooxml/spreadsheetml/main" in head


# --- one parse per sheet ----------------------------------------------------------------------

PARSED_MAX_CELLS = 10_000_000
"""Cells kept between the header search and the reading of the rows, over every sheet kept."""

_LOCK = threading.Lock()
_Key = tuple[str, int, int, int, int, str]
Parsed = Any  # a sheet's rows (from a child process), or calamine's parsed sheet (in this one)
_PARSED: OrderedDict[_Key, Parsed] = OrderedDict()
_NAMES: dict[_Key, list[str]] = {}
_STREAMED: dict[_Key, bool] = {}  # sheets the streaming reader reads (their extent was scanned)
_HEIGHTS: dict[_Key, int] = {}  # the last row of each sheet parsed (for estimate_rows)
_HIDDEN: dict[_Key, frozenset[int]] = {}  # the rows Excel hides, by (file, "\0" + the sheet's XML)
_LEGACY: dict[_Key, Any] = {}  # what legacy.converted found, by (file, "\0legacy:" + the sheet)


def _file_key(path: Path, sheet: str) -> _Key:
    """The file as it is now: a file written again under the same name is another file."""
    st = path.stat()
    return (str(path.resolve()), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, sheet)


def _last_row(parsed: Parsed) -> int:
    """The sheet row number of a parsed sheet's last row."""
    if isinstance(parsed, list):
        return int(parsed[-1][0]) if parsed else 0
    return int(parsed.height) + (parsed.start[0] if parsed.start else 0)


def _cells(parsed: Parsed) -> int:
    if isinstance(parsed, list):
        return sum(len(values) for _, values in parsed) + len(parsed)
    return int(parsed.height) * (int(parsed.width) + 1)


def _parsed_rows(path: Path, sheet: str, kind: str, *, keep: bool) -> Iterator[Row]:
    """The rows of a sheet calamine reads. A reading with ``keep`` (the header search) leaves
    the parse for the next reading, which takes it: one parse serves both. An .xlsx sheet is
    kept as calamine holds it and normalised row by row at each reading; an .xls or .ods one
    comes back from its child process as rows."""
    key = _file_key(path, sheet)
    with _LOCK:
        parsed = _PARSED.get(key) if keep else _PARSED.pop(key, None)
    if parsed is None:
        if kind == "xlsx":
            try:
                parsed = _calamine_sheet(path, sheet)
            except ImportFileError as exc:
                if exc.message is None or exc.message.code != "sheet_unreadable":
                    raise
                yield from _rows_other_way(path, sheet, str(exc.message.params.get("detail", "")))
                return
        else:
            from app.importing import sheetproc

            parsed = sheetproc.run(sheetproc.read_rows, path, sheet)
        with _LOCK:
            if len(_HEIGHTS) > 100:
                _HEIGHTS.clear()
            _HEIGHTS[key] = _last_row(parsed)
            if keep:
                _keep(key, parsed)
    if isinstance(parsed, list):
        yield from parsed
    else:
        yield from _calamine_rows(path, sheet, parsed)


_OTHER_WAY: dict[_Key, tuple[str, str, str]] = {}  # by (file, "\0other:" + sheet): see read_other_way
_BAD_BOOLEAN = re.compile(rb'<c r="([A-Z]{1,3}\d+)"[^>]*?\st="b"[^>]*>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>')
_CELL_NAMED = re.compile(r"\b([A-Z]{1,3}[1-9][0-9]{0,6})\b")


def _rows_other_way(path: Path, sheet: str, detail: str) -> Iterator[Row]:
    """The rows of a sheet calamine refuses whole for one odd cell (reviewer: <c t="b"><v>7</v>,
    "Unrecognized boolean cell value: 7", lost every good row), read by the streaming openpyxl
    reader instead; what was odd and where is kept for :func:`read_other_way`. When that reader
    refuses it too, the refusal names the sheet and, when it is found, the cell."""
    cell, value = _refused_cell(path, sheet, detail)
    key = _file_key(path, sheet)
    with _LOCK:
        _STREAMED[key] = True  # the next reading goes straight to the other reader
        _OTHER_WAY[_file_key(path, "\0other:" + sheet)] = (cell, value, "" if cell else detail[:200])
    at = _cell_position(cell) if cell else None
    try:
        for number, values in _openpyxl_rows(path, sheet):
            if at is not None and number == at[0]:
                read = values[at[1]] if at[1] < len(values) else None
                shown = (
                    ("TRUE" if read else "FALSE")
                    if isinstance(read, bool)
                    else ("" if read is None else str(read))
                )
                with _LOCK:
                    _OTHER_WAY[_file_key(path, "\0other:" + sheet)] = (cell, value, shown)
            yield number, values
    except ImportFileError as exc:
        failed_at = exc.message.params.get("at") if exc.message is not None else None
        if cell and at is not None and failed_at in (None, at[0]):
            raise ImportFileError(
                msg("sheet_cell_unreadable", file=path.name, sheet_name=sheet, cell=cell, value=value)
            ) from None
        raise


def _cell_position(cell: str) -> tuple[int, int] | None:
    """(row number, column from 0) of a reference such as "D4"."""
    found = re.fullmatch(r"([A-Z]{1,3})(\d+)", cell)
    if found is None:
        return None
    return int(found.group(2)), _column_number(found.group(1).encode()) - 1


def _refused_cell(path: Path, sheet: str, detail: str) -> tuple[str, str]:
    """The cell calamine's refusal (``detail``) is about, and what it holds, when it can be
    found: a TRUE/FALSE cell holding another value (found in the sheet's XML), or a cell the
    text names; ("", "") otherwise."""
    member = _sheet_xml_path(path, sheet)
    if "boolean" in detail.lower() and member is not None:
        try:
            with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
                for body in _xml_parts(fh):
                    for found in _BAD_BOOLEAN.finditer(body):
                        if found.group(2).strip() not in (b"0", b"1", b"true", b"false"):
                            return found.group(1).decode(), found.group(2).decode("utf-8", "replace")[:50]
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
            pass
    named = _CELL_NAMED.search(detail)
    return (named.group(1), "") if named else ("", "")


def read_other_way(path: Path, sheet: str) -> tuple[str, str, str] | None:
    """When calamine refused ``sheet`` for an odd cell and the other reader read it: (the
    cell, what it holds, what it was read as), or ("", "", calamine's words) when the cell is
    not known; None for a sheet read as usual."""
    try:
        key = _file_key(Path(path), "\0other:" + sheet)
    except OSError:
        return None
    with _LOCK:
        return _OTHER_WAY.get(key)


def _keep(key: _Key, rows: Parsed) -> None:
    """Keep a parsed sheet for its next reading (the caller holds :data:`_LOCK`). Only the
    sheets of one file are kept (inspecting another file means the last one was left, as in a
    wizard cancelled before its preview); the oldest go past :data:`PARSED_MAX_CELLS`, the
    newest always stays."""
    for other in [k for k in _PARSED if k[:5] != key[:5]]:
        del _PARSED[other]
    _PARSED[key] = rows
    _PARSED.move_to_end(key)
    total = sum(_cells(r) for r in _PARSED.values())
    while len(_PARSED) > 1 and total > PARSED_MAX_CELLS:
        _, dropped = _PARSED.popitem(last=False)
        total -= _cells(dropped)


def forget_parsed() -> None:
    """Drop every sheet kept for a second reading (tests; a long-lived process after a wizard)."""
    with _LOCK:
        _PARSED.clear()
        _NAMES.clear()
        _STREAMED.clear()
        _HEIGHTS.clear()
        _HIDDEN.clear()
        _LEGACY.clear()
        _ODD.clear()
        _OTHER_WAY.clear()
        _MEMBERS.clear()


def iter_rows(path: Path, sheet: str | None = None, *, keep: bool = False) -> Iterator[Row]:
    """All rows of ``sheet`` (the first sheet when None), empty ones included.

    ``keep``: the rows parsed are kept for the next reading of the same sheet (the header
    search reads the first rows and the preview all of them from one parse).

    Columns typed in a legacy Vietnamese encoding (TCVN3, VNI) come back in Unicode, header
    and all: the first rows decide (:func:`app.importing.legacy.converted`), and what they
    found is told by :func:`legacy_text`."""
    kind = file_kind(path)
    if kind == "vcf":
        from app.importing import vcf

        yield from vcf.rows(path)
        return
    from app.importing import legacy

    if kind == "csv":
        encoding = _csv_encoding(path)
        rows = _csv_rows(path, encoding)
        sheet = path.stem
        if encoding in _CODE_PAGES:
            rows = _noting_code_page(rows, _file_key(path, "\0codepage:" + sheet), encoding)
    else:
        names = sheet_names(path)
        sheet = names[0] if sheet is None and names else sheet
        rows = _sheet_rows(path, sheet, kind, names, keep=keep)
    key = _file_key(path, "\0legacy:" + (sheet or ""))

    def found(finding: legacy.Finding | None) -> None:
        with _LOCK:
            if len(_LEGACY) > 100:
                _LEGACY.clear()
            _LEGACY[key] = finding

    yield from legacy.converted(rows, found)


_CODE_PAGES = ("cp1258", "cp1252")  # what a CSV that is not UTF-8 (nor UTF-16) is read in
_CODE_PAGE: dict[_Key, tuple[str, tuple[tuple[int, str], ...]]] = {}  # by (file, "\0codepage:" + sheet)
_CODE_PAGE_EXAMPLES = 2  # rows shown: the header's, if it has such letters, and a data row's


def _noting_code_page(rows: Iterator[Row], key: _Key, encoding: str) -> Iterator[Row]:
    """``rows`` as they are, the CSV's code page and its first rows with letters beyond ASCII
    kept for :func:`csv_code_page` (reviewer: bytes that are no UTF-8 came in as "ÿ₫Ă(" without
    a word)."""
    examples: list[tuple[int, str]] = []
    with _LOCK:
        if len(_CODE_PAGE) > 100:
            _CODE_PAGE.clear()
        _CODE_PAGE[key] = (encoding, ())
    for number, values in rows:
        if len(examples) < _CODE_PAGE_EXAMPLES:
            shown = ", ".join(str(v) for v in values if v not in (None, ""))
            if not shown.isascii():
                examples.append((number, shown[:120]))
                with _LOCK:
                    _CODE_PAGE[key] = (encoding, tuple(examples))
        yield number, values


def csv_code_page(path: Path, sheet: str) -> tuple[str, tuple[tuple[int, str], ...]] | None:
    """The Windows code page the last reading of a CSV that is not UTF-8 text read it in
    ("cp1258" or "cp1252") and its first rows holding letters beyond ASCII as read (row number,
    the row's values); None for a UTF-8 or UTF-16 CSV and for a workbook."""
    try:
        key = _file_key(Path(path), "\0codepage:" + sheet)
    except OSError:
        return None
    with _LOCK:
        return _CODE_PAGE.get(key)


def legacy_text(path: Path, sheet: str) -> Any:
    """What the last reading of ``sheet`` found typed in a legacy Vietnamese encoding (an
    :class:`app.importing.legacy.Finding`), or None."""
    try:
        key = _file_key(Path(path), "\0legacy:" + sheet)
    except OSError:
        return None
    with _LOCK:
        return _LEGACY.get(key)


def _sheet_rows(path: Path, sheet: str | None, kind: str, names: list[str], *, keep: bool) -> Iterator[Row]:
    """:func:`iter_rows` of a workbook's sheet, as read."""
    if not names:
        raise ImportFileError(msg("file_no_sheets", file=path.name))
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise ImportFileError(
            msg("file_no_such_sheet", file=path.name, sheet_name=sheet, names=", ".join(names))
        )
    if kind != "xlsx":
        yield from _parsed_rows(path, sheet, kind, keep=keep)
        return
    with _LOCK:
        kept = _file_key(path, sheet) in _PARSED
    if kept:  # the header search parsed it: no size check or extent scan again
        yield from _parsed_rows(path, sheet, kind, keep=keep)
        return
    member = _sheet_xml_path(path, sheet)
    size = _sheet_xml_size(path, sheet)
    if size > MAX_SHEET_XML_BYTES:
        raise ImportFileError(
            msg(
                "sheet_too_large",
                file=path.name,
                sheet_name=sheet,
                gb=f"{size / 2**30:.1f}",
                most=MAX_SHEET_XML_BYTES // 2**30,
            )
        )
    key = _file_key(path, sheet)
    with _LOCK:
        streamed = _STREAMED.get(key)
    if streamed is None:
        streamed = size > CALAMINE_MAX_XML_BYTES or member is None or not _dense_range_fits(path, member)
        with _LOCK:
            if len(_STREAMED) > 100:
                _STREAMED.clear()
            _STREAMED[key] = streamed
    if streamed:  # the choice is made once a sheet: the extent scan is a pass over all its XML
        yield from _openpyxl_rows(path, sheet)
    else:
        yield from _parsed_rows(path, sheet, kind, keep=keep)


EMPTY_SHEET_XML_BYTES = 64 * 1024
"""A sheet's XML this small is looked through for a cell before it is read: one with none is
empty, found without a parse (reviewer h23: 3000 empty sheets took over 90 s, each inspected and
read as if it held rows)."""
_ANY_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>]")


def empty_sheets(path: Path) -> list[str]:
    """The sheets of an ``.xlsx``/``.xlsm`` workbook that hold no cell at all, in workbook
    order, found from their XML (its size, then a search for a cell) without parsing them; a
    sheet with cells, even empty ones, is left to the reading. Other files: none."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return []
    members = _sheet_members(path)
    out: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf:
            sizes = {i.filename: i.file_size for i in zf.infolist()}
            for name, member in members.items():
                size = sizes.get(member)
                if size is None or size > EMPTY_SHEET_XML_BYTES:
                    continue
                if _ANY_CELL.search(zf.read(member)) is None:
                    out.append(name)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, RuntimeError):
        return []  # the reading names what is wrong
    return out


_MEMBERS: dict[_Key, dict[str, str]] = {}


def _sheet_xml_path(path: Path, sheet: str) -> str | None:
    """The zip member holding ``sheet`` (from xl/workbook.xml and its relationships)."""
    return _sheet_members(path).get(sheet)


def _sheet_members(path: Path) -> dict[str, str]:
    """Each sheet's zip member by name, read once per file (a workbook of 3000 sheets parsed
    its workbook part again for each sheet)."""
    try:
        key = _file_key(path, "\0members")
    except OSError:
        return {}
    with _LOCK:
        known = _MEMBERS.get(key)
    if known is not None:
        return known
    out = _read_sheet_members(path)
    with _LOCK:
        if len(_MEMBERS) > 100:
            _MEMBERS.clear()
        _MEMBERS[key] = out
    return out


def _read_sheet_members(path: Path) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    try:
        with zipfile.ZipFile(path) as zf:
            book = ET.fromstring(zf.read("xl/workbook.xml"))
            rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target") or "" for rel in rels}
    out: dict[str, str] = {}
    for el in book.iterfind("m:sheets/m:sheet", ns):
        target = targets.get(el.get(f"{{{ns['r']}}}id"))
        if target is not None:
            out[el.get("name") or ""] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return out


def sheet_states(path: Path) -> dict[str, str]:
    """The sheets of a workbook that Excel hides, by name: "hidden" (Home → Format → Hide;
    Unhide shows it again: often old data) or "veryHidden" (only a macro or the VBA editor
    shows it: a workbook's machinery, lists for its drop-downs). An ``.xlsx``/``.xlsm``'s from
    ``xl/workbook.xml`` (a few kilobytes), none of the sheets; an ``.xls``'s from its BOUNDSHEET
    records (:func:`_xls_sheets`); an ``.ods``'s (LibreOffice: Sheet → Hide Sheet) from the
    table styles of ``content.xml`` (:func:`_ods_sheet_states`). Other files: none (CSV has
    no sheets to hide). A file this cannot look at hides nothing: its reading names what is
    wrong."""
    import xml.etree.ElementTree as ET

    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        try:
            kind = file_kind(path)
        except ImportFileError:
            return {}
        if kind == "xls":
            return {name: state for name, (_offset, state) in _xls_sheets(path).items() if state != "visible"}
        if kind == "ods":
            return _ods_sheet_states(path)
        if kind != "xlsx":
            return {}
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    try:
        with zipfile.ZipFile(path) as zf:
            book = ET.fromstring(zf.read("xl/workbook.xml"))
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError):
        return {}  # the reading names what is wrong
    return {
        el.get("name") or "": state
        for el in book.iterfind(f"{main}sheets/{main}sheet")
        if (state := el.get("state") or "visible") in ("hidden", "veryHidden")
    }


# LibreOffice hides a sheet with its table's style: <style:style style:name="ta2"
# style:family="table"><style:table-properties table:display="false"/>, and
# <table:table table:name="…" table:style-name="ta2">.
_ODS_STYLE_TAG = re.compile(rb"<(style:style|style:table-properties|table:table)[\s/>][^>]*>")
_ODS_STYLE_NAME = re.compile(rb'style:name="([^"]*)"')
_ODS_TABLE_STYLE = re.compile(rb'table:style-name="([^"]*)"')
_ODS_NOT_SHOWN = re.compile(rb'table:display="false"')


def _xml_parts(fh: IO[bytes], limit: int | None = MAX_SHEET_XML_BYTES) -> Iterator[bytes]:
    """The XML read from ``fh`` a megabyte at a time, each part ending before its last ``<``
    (a tag cut by the megabyte goes whole with the next part), the end as it is; at most
    ``limit`` bytes (None: all). The passes over a sheet's or a workbook's XML share it."""
    tail = b""
    read = 0
    while limit is None or read < limit:
        chunk = fh.read(1 << 20)
        if not chunk:
            break
        read += len(chunk)
        buf = tail + chunk
        cut = buf.rfind(b"<")
        body, tail = (buf[:cut], buf[cut:]) if cut > 0 else (buf, b"")
        yield body
    if tail:
        yield tail


def _ods_sheet_states(path: Path) -> dict[str, str]:
    """:func:`sheet_states` of an .ods workbook: one streaming pass over content.xml (its
    automatic styles come first, then the tables), bounded like the reading."""
    from html import unescape

    not_shown: set[bytes] = set()
    style = b""
    out: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            for body in _xml_parts(fh):
                for tag in _ODS_STYLE_TAG.finditer(body):
                    kind, text = tag.group(1), tag.group(0)
                    if kind == b"style:style":
                        found = _ODS_STYLE_NAME.search(text)
                        style = found.group(1) if found else b""
                    elif kind == b"style:table-properties":
                        if _ODS_NOT_SHOWN.search(text):
                            not_shown.add(style)
                    elif (found := _ODS_TABLE_STYLE.search(text)) and found.group(1) in not_shown:
                        name = _ODS_NAME.search(text)
                        if name:
                            out[unescape(name.group(1).decode("utf-8", "replace"))] = "hidden"
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return {}  # the reading names what is wrong
    return out


# A column Excel hides: <col min="4" max="4" … hidden="1"/> in the <cols> before <sheetData>.
_COL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s[^>]*>")
_COL_MIN = re.compile(rb'\smin="(\d+)"')
_COL_MAX = re.compile(rb'\smax="(\d+)"')
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData[\s/>]")
COLUMNS_XML_MAX_BYTES = 8 * 1024 * 1024  # (the <cols> of a sheet: a few hundred bytes)


def hidden_columns(path: Path, sheet: str) -> frozenset[int]:
    """The columns Excel hides in ``sheet`` of an ``.xlsx``/``.xlsm`` workbook, numbered from 0
    (A) like a layout's mapping, up to :data:`MAX_COLUMNS`. From the ``<cols>`` element at the
    head of the sheet's XML: the reading stops at ``<sheetData>``, no row is looked at. CSV
    has none; .xls and .ods sheets are not looked at."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return frozenset()
    member = _sheet_xml_path(path, sheet)
    if member is None:
        return frozenset()
    head = b""
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            while len(head) < COLUMNS_XML_MAX_BYTES and (chunk := fh.read(64 * 1024)):
                head += chunk
                found = _SHEET_DATA.search(head)
                if found is not None:
                    head = head[: found.start()]
                    break
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return frozenset()  # the reading names what is wrong
    out: set[int] = set()
    for tag in _COL_TAG.finditer(head):
        text = tag.group(0)
        low, high = _COL_MIN.search(text), _COL_MAX.search(text)
        if _HIDDEN_FLAG.search(text) is None or low is None:
            continue
        first = int(low.group(1))
        last = int(high.group(1)) if high is not None else first
        out.update(range(first - 1, min(last, MAX_COLUMNS)))
    return frozenset(out)


def estimate_rows(path: Path, sheet: str) -> int | None:
    """The sheet's last row number: known once the sheet was parsed (from the moment its
    first row is read), else from its ``<dimension>`` element (cheap; absent from a workbook
    written in openpyxl's write-only mode, and from a sheet streamed by openpyxl: None)."""
    try:
        key = _file_key(path, sheet)
    except OSError:
        return None
    with _LOCK:
        kept = _PARSED.get(key)
        height = _HEIGHTS.get(key)
    if kept is not None:
        return _last_row(kept)
    if height is not None:
        return height
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return None
    member = _sheet_xml_path(path, sheet)
    if member is None:
        return None
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    match = re.search(r'<dimension ref="[A-Z]+\d+:?[A-Z]*(\d*)"', head)
    if not match:
        return None
    return int(match.group(1)) if match.group(1) else 1


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _dense_range_fits(path: Path, member: str) -> bool:
    """Whether calamine can hold the sheet: the block from A1 to its last row and column is at
    most :data:`CALAMINE_MAX_CELLS`. One streaming pass over the sheet's XML (0.29 s of CPU for
    a 100k-row sheet against calamine's 0.9 s read; ``tests/benchmarks/bench_parse_once.py``).
    The same pass notes the rows Excel hides, for :func:`hidden_rows`, and the cells calamine
    reads as empty that are not, for :func:`odd_cells` (when it reads to the end)."""
    max_row, max_col = 0, 26
    hidden: set[int] = set()
    odd: dict[int, dict[int, str]] = {}
    carry = b""
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            for body in _xml_parts(fh, None):
                if _UNREFERENCED.search(body) or _PREFIXED.search(body):
                    return False  # positions counted by the reader: let the streaming one count
                # Each distinct column once, the rows' numbers in C: a 40-column sheet has a
                # million multi-letter references, none of which needs a Python step.
                for col in set(_EXTENT_COLUMNS.findall(body)):
                    max_col = max(max_col, _column_number(col))
                max_row = max(max_row, max(map(int, _EXTENT_ROWS.findall(body)), default=0))
                _hidden_in(body, hidden)
                carry = _odd_in(carry + body, odd)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return False  # the streaming reader will name what is wrong
    _keep_hidden(_file_key(path, "\0" + member), hidden)
    _keep_odd(_file_key(path, "\0odd:" + member), odd)
    return max_row * max_col <= CALAMINE_MAX_CELLS


def _hidden_in(body: bytes, out: set[int]) -> None:
    """The numbers of the rows of ``body`` (whole tags of a sheet's XML) that Excel hides:
    the work is in proportion to the hidden rows (and columns), not to the rows. A hidden row
    without its number (``r``), which no spreadsheet program writes, is not told."""
    for flag in _HIDDEN_FLAG.finditer(body):
        start = body.rfind(b"<", 0, flag.start())  # (an attribute's value holds no "<")
        if start < 0 or not _ROW_OPEN.match(body, start):
            continue  # a hidden column (<col … hidden="1"/>), not a row
        end = body.find(b">", flag.end())
        number = _ROW_NUMBER.search(body, start, end if end >= 0 else len(body))
        if number is not None:
            out.add(int(number.group(1)))


OddCells = dict[int, dict[int, str]]
_ODD: dict[_Key, OddCells] = {}


def _odd_in(body: bytes, out: OddCells) -> bytes:
    """The cells of ``body`` (whole tags of a sheet's XML) that calamine reads as empty but
    are not: a formula with no saved result ("" in ``out[row][column]``, columns from 0) and an
    error value ("#REF!"). The work is in proportion to such cells, not to the rows. Returns
    the cell ``body`` ends inside, if any, for the next part to begin with (a megabyte's cut
    falls between a cell's tags now and then)."""
    last = body.rfind(b"<c ")
    carry = body[last:] if last >= 0 and body.find(b"</c>", last) < 0 and len(body) - last < 65536 else b""
    found: list[tuple[int, bool]] = [(m.start(), False) for m in _UNSAVED_FORMULA.finditer(body)]
    found += [(m.start(), True) for m in _ERROR_TYPE.finditer(body)]
    for pos, error in found:
        start = body.rfind(b"<c ", 0, pos)
        if start < 0:
            continue
        tag_end = body.find(b">", start)
        if error and (tag_end < pos or body[pos - 1 : pos] not in (b" ", b"\t", b"\n", b"\r")):
            continue  # t="e" of another element than a cell, or the end of another attribute
        ref = _CELL_REF.match(body, start)
        if ref is None or ref.end() > tag_end + 1:
            continue
        value = ""
        if not error:
            if body.rfind(b"</c>", start, pos) >= 0 or b't="str"' in body[start:tag_end]:
                continue  # (another cell's formula; or a text result saved as "")
        else:
            end = body.find(b"</c>", tag_end)
            saved = _ERROR_VALUE.search(body, tag_end, end if end >= 0 else len(body))
            value = saved.group(1).decode("ascii", "replace") if saved else "#VALUE!"
        col = _column_number(ref.group(1)) - 1
        if col < MAX_COLUMNS:
            out.setdefault(int(ref.group(2)), {})[col] = value
    return carry


def _keep_odd(key: _Key, odd: OddCells) -> None:
    with _LOCK:
        if len(_ODD) > 100:
            _ODD.clear()
        _ODD[key] = odd


def odd_cells(path: Path, sheet: str) -> OddCells:
    """The cells of an ``.xlsx``/``.xlsm`` sheet that read as empty but are not, by sheet row
    number and column (from 0): "" for a formula whose result was never saved (a workbook a
    program wrote and Excel never opened), the error's text ("#REF!", "#N/A") for an error
    value. Found by the pass over the sheet's XML that checks its extent, else by one of its
    own. An ``.xls`` sheet's error cells are found in its records (:func:`_xls_marks`), an
    ``.ods`` sheet's in its XML (:func:`_ods_marks`); CSV and vCard have none."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        try:
            kind = file_kind(path)
        except ImportFileError:
            return {}
        if kind in ("xls", "ods"):
            return _marks(path, sheet, kind, _xls_marks if kind == "xls" else _ods_marks)[1]
        if kind != "xlsx":
            return {}
    member = _sheet_xml_path(path, sheet)
    if member is None:
        return {}
    try:
        key = _file_key(path, "\0odd:" + member)
    except OSError:
        return {}
    with _LOCK:
        known = _ODD.get(key)
    if known is not None:
        return known
    odd: OddCells = {}
    carry = b""
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            for body in _xml_parts(fh):
                carry = _odd_in(carry + body, odd)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return {}  # the reading names what is wrong
    _keep_odd(key, odd)
    return odd


def _known_hidden(path: Path, tag: str) -> tuple[_Key, frozenset[int] | None]:
    """The key of ``path``'s hidden rows under ``tag`` (a sheet) and the rows already found
    for it (nothing hidden when the file cannot be looked at)."""
    try:
        key = _file_key(path, tag)
    except OSError:
        return (str(path), 0, 0, 0, 0, tag), frozenset()
    with _LOCK:
        return key, _HIDDEN.get(key)


def _keep_hidden(key: _Key, hidden: set[int]) -> None:
    with _LOCK:
        if len(_HIDDEN) > 100:
            _HIDDEN.clear()
        _HIDDEN[key] = frozenset(hidden)


def hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """The sheet row numbers Excel hides in ``sheet`` of an ``.xlsx``/``.xlsm`` workbook: rows
    hidden by hand, filtered out by an autofilter, or in a collapsed group (Excel writes each
    of them ``<row r="N" … hidden="1">``; calamine reads them like any other). Found by the
    pass over the sheet's XML that checks its extent before it is read (a substring search per
    megabyte where nothing is hidden), else by a pass of its own, bounded like the reading
    (:data:`MAX_SHEET_XML_BYTES`). An ``.ods`` sheet's rows hidden or filtered out, and an
    ``.xls`` sheet's hidden rows, are found in their own files' ways; CSV and vCard have none."""
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        try:
            kind = file_kind(path)
        except ImportFileError:
            return frozenset()
        if kind == "ods":
            return _ods_hidden_rows(path, sheet)
        if kind == "xls":
            return _xls_hidden_rows(path, sheet)
        if kind != "xlsx":
            return frozenset()
    member = _sheet_xml_path(path, sheet)
    if member is None:
        return frozenset()
    key, known = _known_hidden(path, "\0" + member)
    if known is not None:
        return known
    hidden: set[int] = set()
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
            for body in _xml_parts(fh):
                _hidden_in(body, hidden)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return frozenset()  # the reading names what is wrong
    _keep_hidden(key, hidden)
    return frozenset(hidden)


# A LibreOffice sheet's tables and rows: <table:table table:name="…">, <table:table-row …> with
# table:visibility="collapsed" (hidden) or "filter" (filtered out), and
# table:number-rows-repeated="N" for N identical rows in one tag.
_ODS_TAG = re.compile(rb"<table:table(-row)?(?:[\s/][^>]*)?>")
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_HIDDEN = re.compile(rb'table:visibility="(?:collapsed|filter)"')
_ODS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_MAX_REPEATED = 65_536  # a hidden block of more identical rows is empty rows (no data row is there)


def _ods_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """:func:`hidden_rows` of an .ods sheet (:func:`_ods_marks`)."""
    return _marks(path, sheet, "ods", _ods_marks)[0]


def _marks(
    path: Path, sheet: str, kind: str, find: Callable[[Path, str], tuple[set[int], OddCells]]
) -> tuple[frozenset[int], OddCells]:
    """The hidden rows and the odd cells of an .ods or .xls ``sheet``, found together by one
    pass (``find``) and kept for both :func:`hidden_rows` and :func:`odd_cells`."""
    key, hidden = _known_hidden(path, f"\0{kind}:" + sheet)
    try:
        odd_key: _Key | None = _file_key(path, f"\0odd:{kind}:" + sheet)
    except OSError:
        odd_key = None
    with _LOCK:
        odd = _ODD.get(odd_key) if odd_key is not None else None
    if hidden is not None and odd is not None:
        return hidden, odd
    found_hidden, found_odd = find(path, sheet)
    _keep_hidden(key, found_hidden)
    if odd_key is not None:
        _keep_odd(odd_key, found_odd)
    return frozenset(found_hidden), found_odd


# An .ods sheet's cells that calamine reads as empty but are not: an error value (LibreOffice
# writes office:string-value="" calcext:value-type="error", the error's text as the cell's
# text) and a formula with no saved result (no office:value-type: a script's file never opened).
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell(?:[\s/][^>]*)?>")
_ODS_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')
_ODS_ERROR = b'calcext:value-type="error"'
_ODS_FORMULA = b"table:formula="
_ODS_ROW_END = b"</table:table-row>"
_ODS_TEXT = re.compile(rb"<text:p(?:\s[^>]*)?>(.*?)</text:p>", re.S)
_ODS_MAX_ROW_BYTES = 64 * 1024 * 1024
_ANY_TAG = re.compile(rb"<[^>]*>")


def _ods_marks(path: Path, sheet: str) -> tuple[set[int], OddCells]:
    """One streaming pass over an .ods file's content.xml, counting the rows of ``sheet``
    (their repeats too) up to its end: the rows it hides or filters out, and its cells that
    hold an error value or a formula with no saved result, by row number and column from 0
    (the error's text, "#DIV/0!" or "Err:502"; "" for an unsaved formula). The odd cells are
    found by substring searches and their columns counted only in their own rows: the work is
    in proportion to the rows and to such cells. Each part is looked at up to the end of its
    last whole row; the rest goes with the next part. Nothing is refused here: a file this
    cannot read reports nothing."""
    from bisect import bisect_right
    from html import unescape

    hidden: set[int] = set()
    odd: OddCells = {}
    current: str | None = None
    number = 0
    carry = b""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            for part in itertools.chain(_xml_parts(fh), [None]):
                if part is None:  # the end: what is left is whole
                    body, carry = carry, b""
                else:
                    body = carry + part
                    cut = body.rfind(_ODS_ROW_END)
                    cut = cut + len(_ODS_ROW_END) if cut >= 0 else 0
                    body, carry = body[:cut], body[cut:]
                    if len(carry) > _ODS_MAX_ROW_BYTES:
                        break  # a row this long is no sheet of contacts: say what was found
                starts: list[int] = []  # this sheet's rows in ``body``: where each begins,
                numbers: list[int] = []  # the number of its first row, how many it stands for
                repeats: list[int] = []
                ended = len(body)
                for tag in _ODS_TAG.finditer(body):
                    if tag.group(1) is None:  # a sheet begins
                        if current == sheet:
                            ended = tag.start()
                            break
                        name = _ODS_NAME.search(tag.group(0))
                        current = unescape(name.group(1).decode("utf-8", "replace")) if name else None
                        number = 0
                        continue
                    if current != sheet:
                        continue
                    text = tag.group(0)
                    repeated = _ODS_REPEATED.search(text)
                    n = int(repeated.group(1)) if repeated else 1
                    if _ODS_HIDDEN.search(text) and n <= _ODS_MAX_REPEATED:
                        hidden.update(range(number + 1, number + n + 1))
                    starts.append(tag.end())
                    numbers.append(number + 1)
                    repeats.append(n)
                    number += n
                if starts:
                    _ods_odd_in(body, starts, numbers, repeats, ended, odd, bisect_right, unescape)
                if ended < len(body):
                    break
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error):
        return set(), {}
    return hidden, odd


def _ods_odd_in(
    body: bytes,
    starts: list[int],
    numbers: list[int],
    repeats: list[int],
    ended: int,
    out: OddCells,
    bisect_right: Callable[[list[int], int], int],
    unescape: Callable[[str], str],
) -> None:
    """The odd cells of the rows of ``body`` that begin at ``starts`` (after their tags),
    into ``out``: each error value and each formula's cell tag without a saved value, at the
    row it falls in and the column counted from that row's first cell."""
    found: set[int] = set()
    pos = body.find(_ODS_ERROR, starts[0], ended)
    while pos >= 0:
        found.add(body.rfind(b"<", 0, pos))
        pos = body.find(_ODS_ERROR, pos + 1, ended)
    pos = body.find(_ODS_FORMULA, starts[0], ended)
    while pos >= 0:
        tag_start = body.rfind(b"<", 0, pos)
        tag_end = body.find(b">", pos)
        if b"office:value-type=" not in body[tag_start:tag_end]:
            found.add(tag_start)
        pos = body.find(_ODS_FORMULA, tag_end, ended)
    rows: dict[int, list[int]] = {}
    for at in found:
        index = bisect_right(starts, at) - 1
        if index >= 0:
            rows.setdefault(index, []).append(at)
    for index, cells in rows.items():
        n = repeats[index]
        if n > _ODS_MAX_REPEATED:
            continue
        row_end = body.find(_ODS_ROW_END, starts[index])
        wanted = set(cells)
        col = 0
        said: dict[int, str] = {}
        for cell in _ODS_CELL.finditer(body, starts[index], row_end if row_end >= 0 else ended):
            if col >= MAX_COLUMNS:
                break
            tag = cell.group(0)
            repeated = _ODS_COLUMNS_REPEATED.search(tag)
            width = int(repeated.group(1)) if repeated else 1
            if cell.start() in wanted:
                value = ""
                if _ODS_ERROR in tag:
                    close = body.find(b"</table:", cell.end())
                    text = _ODS_TEXT.search(body, cell.end(), close if close >= 0 else len(body))
                    raw = _ANY_TAG.sub(b"", text.group(1)) if text else b""
                    value = unescape(raw.decode("utf-8", "replace")).strip() or "#VALUE!"
                for c in range(col, min(col + width, MAX_COLUMNS)):
                    said[c] = value
            col += width
        if said:
            for row in range(numbers[index], numbers[index] + n):
                out.setdefault(row, {}).update(said)


XLS_MAX_STREAM_BYTES = 256 * 1024 * 1024
"""An .xls workbook's stream larger than this is not looked through for hidden rows (an
Excel 97-2003 sheet holds at most 65,536 rows: tens of megabytes)."""


def _xls_hidden_rows(path: Path, sheet: str) -> frozenset[int]:
    """:func:`hidden_rows` of an Excel 97-2003 sheet (:func:`_xls_marks`)."""
    return _marks(path, sheet, "xls", _xls_marks)[0]


# An error value's code in an .xls cell ([MS-XLS] 2.5.97 BErr), as Excel shows it.
_XLS_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}


def _xls_marks(path: Path, sheet: str) -> tuple[set[int], OddCells]:
    """One walk over the records of an Excel 97-2003 sheet: the rows it hides and its cells
    that hold an error value (which calamine reads as empty). The sheet's part of the
    "Workbook" stream is found from its BOUNDSHEET record (0x0085); a ROW record (0x0208)
    whose flags say fDyZero (0x20; [MS-XLS] 2.4.221) is a hidden row; a BOOLERR record
    (0x0205, 2.4.24) with fError set, or a FORMULA record (0x0006, 2.4.127) whose saved result
    is an error (FormulaValue 2.5.133: fExprO 0xFFFF, type 2), is an error cell ("#N/A" by its
    code, at its row number and column from 0). The stream is read with olefile (the reader
    of OLE files the mail import uses already); Excel 5/95 files ("Book") are not looked
    through. Nothing is refused here: a file this cannot read reports nothing."""
    import struct

    hidden: set[int] = set()
    odd: OddCells = {}
    try:
        data = _xls_stream(path)
        pos = _xls_sheets(path, data).get(sheet, (-1, ""))[0]
        first = True
        while pos >= 0 and pos + 4 <= len(data):
            kind, size = struct.unpack_from("<HH", data, pos)
            at = pos + 4
            if kind == 0x0208 and size >= 16 and data[at + 12] & 0x20:
                hidden.add(struct.unpack_from("<H", data, at)[0] + 1)
            elif kind == 0x0205 and size >= 8 and data[at + 7] == 1:
                row, col = struct.unpack_from("<HH", data, at)
                if col < MAX_COLUMNS:
                    odd.setdefault(row + 1, {})[col] = _XLS_ERRORS.get(data[at + 6], "#VALUE!")
            elif (
                kind == 0x0006 and size >= 14 and data[at + 12 : at + 14] == b"\xff\xff" and data[at + 6] == 2
            ):
                row, col = struct.unpack_from("<HH", data, at)
                if col < MAX_COLUMNS:
                    odd.setdefault(row + 1, {})[col] = _XLS_ERRORS.get(data[at + 8], "#VALUE!")
            elif kind == 0x000A or (kind == 0x0809 and not first):  # the sheet's EOF (or the next BOF)
                break
            first = False
            pos += 4 + size
    except Exception:
        return set(), {}
    return hidden, odd


def _xls_stream(path: Path) -> bytes:
    """The "Workbook" stream of an Excel 97-2003 file, read with olefile (the reader of OLE
    files the mail import uses already); b"" for an Excel 5/95 file ("Book"), one too large
    (:data:`XLS_MAX_STREAM_BYTES`) or one olefile cannot read."""
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook") or ole.get_size("Workbook") > XLS_MAX_STREAM_BYTES:
                return b""
            return bytes(ole.openstream("Workbook").read())
    except Exception:
        return b""


_XLS_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}


def _xls_sheets(path: Path, data: bytes | None = None) -> dict[str, tuple[int, str]]:
    """Each sheet of an Excel 97-2003 workbook by name: where its records start in the stream
    and whether Excel hides it, from the workbook's BOUNDSHEET records (0x0085; [MS-XLS]
    2.4.28: the offset, then hsState in the low two bits of the next byte: 0 visible, 1 hidden,
    2 very hidden). Nothing is refused here: a file this cannot read has no sheets."""
    import struct

    data = _xls_stream(path) if data is None else data
    out: dict[str, tuple[int, str]] = {}
    pos = 0
    try:
        while pos + 4 <= len(data):  # the workbook's globals: one BOUNDSHEET per sheet
            kind, size = struct.unpack_from("<HH", data, pos)
            body = data[pos + 4 : pos + 4 + size]
            if kind == 0x0085 and len(body) >= 8:
                count, high = body[6], body[7] & 1
                raw = body[8 : 8 + count * (2 if high else 1)]
                name = raw.decode("utf-16-le" if high else "latin-1", "replace")
                out[name] = (struct.unpack_from("<I", body, 0)[0], _XLS_STATES.get(body[4] & 3, "visible"))
            elif kind == 0x000A:  # EOF of the globals
                break
            pos += 4 + size
    except struct.error:
        return out
    return out


def _sheet_xml_size(path: Path, sheet: str) -> int:
    """Uncompressed size of the sheet's XML (0 when unknown)."""
    member = _sheet_xml_path(path, sheet)
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.getinfo(member).file_size if member else 0
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0


def norm(value: Any) -> Any:
    """One cell value in the reader's common types."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return value
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (str, int, bool, dt.date, dt.time)):
        return value
    return str(value)


_AS_IS = frozenset({int, bool, dt.date, dt.datetime, dt.time, type(None)})


def _norm_row(raw: list[Any], *, copy: bool = True) -> list[Any]:
    """:func:`norm` over a row of calamine's values, without a call per cell for the types
    that need nothing or little (a third less time over a 100k-row sheet). ``copy=False``
    normalises ``raw`` itself (a list calamine made for this one reading)."""
    out = list(raw) if copy else raw
    for i, value in enumerate(out):
        cls = value.__class__
        if cls is str:
            if not value:
                out[i] = None
        elif cls is float:
            if value.is_integer() and abs(value) < 2**53:
                out[i] = int(value)
        elif cls not in _AS_IS:
            out[i] = norm(value)
    return out


def _calamine_sheet(path: Path, sheet: str) -> Any:
    """The sheet parsed by calamine (a ``CalamineSheet``: its cells in native memory, about a
    third of what the same rows take as Python lists); the workbook is closed."""
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        with CalamineWorkbook.from_path(str(path)) as wb:
            return wb.get_sheet_by_name(sheet)
    except PasswordError:
        raise ImportFileError(msg("file_password", file=path.name)) from None
    except Exception as exc:
        raise ImportFileError(
            msg("sheet_unreadable", file=path.name, sheet_name=sheet, detail=str(exc))
        ) from None


def _calamine_rows(path: Path, sheet: str, ws: Any = None) -> Iterator[Row]:
    """The rows of a sheet calamine parsed (``ws``, or parsed now), normalised row by row."""
    if ws is None:
        ws = _calamine_sheet(path, sheet)
    try:
        merged = ws.merged_cell_ranges or []
        start = ws.start
        col_offset = start[1] if start is not None and ws.height else 0
        rows = ws.iter_rows()
    except Exception as exc:
        raise ImportFileError(
            msg("sheet_unreadable", file=path.name, sheet_name=sheet, detail=str(exc))
        ) from None
    # Merged ranges spanning rows: cells below the top-left one take its value.
    fills: dict[int, list[tuple[int, int, int]]] = {}
    for (r0, c0), (r1, c1) in merged:
        if r1 > r0 or c1 > c0:
            for r in range(r0, r1 + 1):
                fills.setdefault(r, []).append((r0, c0, c1))
    limit = max(0, MAX_COLUMNS - col_offset)
    pad: list[Any] = [None] * col_offset
    if not fills:  # (most sheets: no merged range below their header) each row as it comes
        for i, raw in enumerate(rows):
            values = _norm_row(raw if len(raw) <= limit else raw[:limit], copy=False)
            yield i + 1, (pad + values if col_offset else values)
        return
    yield from _merged_rows(rows, merged, fills, pad, limit)


def _merged_rows(
    rows: Iterator[list[Any]],
    merged: list[Any],
    fills: dict[int, list[tuple[int, int, int]]],
    pad: list[Any],
    limit: int,
) -> Iterator[Row]:
    """:func:`_calamine_rows` for a sheet with merged ranges: each cell under a range's top-left
    one (in its rows, below the top one) takes its value."""
    top_values: dict[tuple[int, int], Any] = {}
    top_rows = {r0 for spans in fills.values() for r0, _, _ in spans}
    for i, raw in enumerate(rows):
        values = pad + _norm_row(raw[:limit], copy=False)
        if i in top_rows:
            for (r0, c0), (_r1, _c1) in merged:
                if r0 == i and c0 < len(values):
                    top_values[(r0, c0)] = values[c0]
        for r0, c0, c1 in fills.get(i, ()):
            if r0 == i:
                continue
            top = top_values.get((r0, c0))
            if len(values) <= c1:
                values += [None] * (c1 + 1 - len(values))
            for c in range(c0, c1 + 1):
                if values[c] is None:
                    values[c] = top
        yield i + 1, values


def _openpyxl_rows(path: Path, sheet: str) -> Iterator[Row]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(msg("file_unreadable", file=path.name, detail=str(exc))) from None
    try:
        ws = wb[sheet]
        # Only the cells that exist: a <dimension> of A1:XFD1048576 would otherwise pad every
        # row out to column XFD.
        ws.reset_dimensions()
        expected = 1
        rows = ws.iter_rows()
        while True:
            # A damaged cell (a shared-string index past the table, "abc" in a number) raises in
            # openpyxl's parser: one sentence naming the row, as the other readers say it,
            # never a traceback (reviewer: IndexError, ValueError on this streaming path).
            try:
                row = next(rows, None)
                if row is None:
                    break
                number, values = _streamed_row(row, expected)
            except (ImportFileError, MemoryError):
                raise
            except Exception as exc:
                raise ImportFileError(
                    msg(
                        "sheet_row_unreadable",
                        file=path.name,
                        sheet_name=sheet,
                        at=expected,
                        detail=f"{type(exc).__name__}: {exc}"[:200],
                    )
                ) from None
            while expected < number:  # openpyxl skips rows that have no cells at all
                yield expected, []
                expected += 1
            yield number, values
            expected = number + 1
    finally:
        wb.close()


def _streamed_row(row: Any, expected: int) -> tuple[int, list[Any]]:
    """One row of openpyxl's read-only sheet: its number and its values up to the last cell."""
    cells = [c for c in row if getattr(c, "row", None)]
    number = cells[0].row if cells else expected
    values: list[Any] = []
    for c in row:
        col = getattr(c, "column", None)
        if (col or len(values) + 1) > MAX_COLUMNS:
            break
        if col is not None and col - 1 > len(values):
            values += [None] * (col - 1 - len(values))
        value = c.value
        if getattr(c, "data_type", None) == "e":
            value = None  # an error value (#REF!), as calamine reads it: odd_cells says it
        elif (
            isinstance(value, dt.datetime)
            and value.time() == dt.time()
            and "h" not in str(c.number_format).lower()
        ):
            value = value.date()  # a date-only cell, as calamine reports it
        values.append(norm(value))
    return number, values


CSV_FIELD_LIMIT = 64 * 1024 * 1024
"""The csv module refuses a field over 131,072 characters (and with it the whole file); a
pasted e-mail thread in a notes column is longer. 64 MB still stops a file of one runaway
quote from being read into a single field."""


def _check_quotes_close(text: Any, delimiter: str, path: Path) -> None:
    """Refuse a CSV file in which a quote opens a cell and never closes: the lenient reader
    would take the rest of the file as that one cell (reviewer: a row "Unclosed quote,… and the
    rows after it became one contact's name, their e-mails lost). One pass of the strict C
    reader; its other complaints (a quote inside an unquoted cell) are left to the lenient one."""
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    rows, started = 0, 1
    try:
        for _row in reader:
            rows += 1
            started = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportFileError(
                msg("csv_unclosed_quote", file=path.name, at=rows + 1, line=started)
            ) from None


def _csv_encoding(path: Path) -> str:
    """The CSV file's encoding (:func:`app.importing.csvtext.detect_encoding`); but text typed
    in the TCVN3 or VNI fonts, saved as CSV, is in their bytes, which the Vietnamese code page
    (cp1258) reads as other letters: when the first rows read as Western cp1252 show legacy
    Vietnamese (:func:`app.importing.legacy.detect`), cp1252, for the legacy tables to read."""
    try:
        encoding = csvtext.detect_encoding(path)
    except csvtext.NotText:
        raise ImportFileError(msg("file_not_text", file=path.name)) from None
    if encoding == "cp1258":
        from app.importing import legacy

        sample = list(itertools.islice(_csv_rows(path, "cp1252"), legacy.SAMPLE_ROWS))
        if legacy.detect(sample) is not None:
            return "cp1252"
    return encoding


def _csv_rows(path: Path, encoding: str) -> Iterator[Row]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    # cp1258 writes most tones as combining marks: compose them (NFC) like every other text.
    compose = encoding == "cp1258"
    with path.open("r", encoding=encoding, errors="replace", newline="") as text:
        sample = text.read(64 * 1024)
        text.seek(0)
        delimiter = csvtext.detect_delimiter(sample)
        _check_quotes_close(text, delimiter, path)
        text.seek(0)
        try:
            for number, row in enumerate(csv.reader(text, delimiter=delimiter), start=1):
                cells = [unicodedata.normalize("NFC", v) for v in row] if compose else row
                yield number, [norm(v.strip()) for v in cells[:MAX_COLUMNS]]
        except csv.Error as exc:
            raise ImportFileError(msg("file_bad_csv", file=path.name, detail=str(exc))) from None
