"""Property tests: no cell value makes cleaning or the importer raise (only row errors)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.importing import fields
from app.importing.cleaning import to_input
from app.importing.preview import STATUSES, clean_row
from app.importing.sheet import LIST_FIELDS, SheetLayout
from tests.app.importing.helpers import do_import, write_xlsx

WORDS = ["Mở", "Xong", "Bộ", "Start-up", "05/04/2025", "31/02/2025", "0912345678", "a@b.vn", "NIC",
         "Trung tâm (NIC)", "=1+2", "+84", "-", "@x", "1", "0", "6", "  ", "\n", "x" * 300]  # fmt: skip
any_cell = st.one_of(
    st.none(),
    st.text(),
    st.sampled_from(WORDS),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
legal_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40).filter(
    lambda s: not ILLEGAL_CHARACTERS_RE.search(s)
)
sheet_cell = st.one_of(
    st.none(),
    legal_text,
    st.sampled_from(WORDS),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(fields.KINDS), data=st.data())
def test_cleaning_never_raises(kind: str, data: st.DataObject) -> None:
    names = [f.name for f in fields.FIELDS[kind]]
    values: list[Any] = data.draw(st.lists(any_cell, min_size=len(names), max_size=len(names)))
    layout = SheetLayout("S", 1, [f.header for f in fields.FIELDS[kind]], kind, dict(enumerate(names)))
    result = clean_row(layout, 2, values)
    if result is not None:
        assert result.status in STATUSES
        assert (result.columns is None) == (result.status == "error")
        raw = {n: v for n, v in zip(names, values, strict=True) if v is not None}
        to_input(kind, {n: ([v] if n in LIST_FIELDS else v) for n, v in raw.items()})


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(fields.KINDS), data=st.data())
def test_importer_never_raises_on_any_cells(engine, kind: str, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    headers = [f.header for f in fields.FIELDS[kind]]
    rows = data.draw(
        st.lists(st.lists(sheet_cell, min_size=len(headers), max_size=len(headers)), min_size=1, max_size=6)
    )
    required_col = [f.name for f in fields.FIELDS[kind]].index(fields.REQUIRED[kind])
    rows.append([("Tên hợp lệ" if i == required_col else None) for i in range(len(headers))])
    if kind == "meeting":
        rows[-1][1] = dt.datetime(2025, 11, 26, 9, 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsx(Path(tmp) / "p.xlsx", {fields.LABELS[kind]: [headers, *rows]})
        pv, result = do_import(engine, path, kind=kind, on_match="overwrite")
    assert sum(pv.counts().values()) <= len(rows)
    assert result.counts["new"] + result.counts["update"] + result.counts["skip"] >= 1
