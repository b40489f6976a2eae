"""A table whose last row ends a point or two below the foot of the page: the row is not cut
into its words on this page and its empty bottom padding on the next, which printed the
repeated header alone at the top of page 2 (reviewer h103: the Vietnamese MOST brief's page 2
opened with "Họ và tên | Chức vụ | …" and no row under it). Laid out for real, read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Spacer

from app.briefing.labels import labels
from app.briefing.layout import build_document, data_table, para, styles, usable_width

NOW = dt.datetime(2026, 12, 7, 9)
HEADER = ["Họ và tên", "Chức vụ", "Liên hệ"]


def _table(avail: float):  # type: ignore[no-untyped-def]
    st = styles()
    rows = [
        [
            para("Bùi Đức Hà", st.cell_bold),
            para("Vụ trưởng", st.cell),
            para("ha.bd@most.example.vn", st.cell),
        ],
        [
            [para("Mật", st.cell), para("Ông", st.muted), para("Lưu Văn Mật", st.cell_bold)],
            para("Cố vấn riêng Bộ trưởng", st.cell),
            para("mat.lv@most.example.vn\n0901 234 567", st.cell),
        ],
    ]
    return data_table(HEADER, rows, [0.3, 0.3, 0.4], avail)


def _pages(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


def _build(path: Path, push: float) -> int:
    avail = usable_width("a4")
    story = [Spacer(1, push), _table(avail)]
    return build_document(path, story, title="t", subject="t", lab=labels("vi"), generated=NOW)


def test_no_page_begins_with_a_tables_header_alone(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    # the least push that takes the table over the foot of page 1 (to a quarter point)
    low, high = 0.0, 700.0
    assert _build(path, low) == 1 and _build(path, high) == 2
    while high - low > 0.25:
        mid = (low + high) / 2
        low, high = (low, mid) if _build(path, mid) == 2 else (mid, high)
    # from there, a quarter point at a time: the last row's bottom padding, then its lines,
    # then the row itself go over
    for quarter in range(0, 4 * 6):
        push = high + quarter / 4
        _build(path, push)
        for text in _pages(path)[1:]:
            assert "Họ và tên Chức vụ Liên hệ" not in text or "Lưu Văn Mật" in text, (push, text)
