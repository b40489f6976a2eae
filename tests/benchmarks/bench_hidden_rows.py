"""Benchmark: what telling the rows Excel hides costs the import of a 100k-row sheet.

    python tests/benchmarks/bench_hidden_rows.py [--rows 100000] [--rounds 3] [--keep DIR]

Uses bench_import.py's workbook (``contacts-N-v2.xlsx``, made in ``--keep`` if missing) and a
copy of it with every tenth data row hidden (``hidden="1"`` added to its row tags, as Excel
writes them). Times, CPU, best of ``--rounds``: the extent pass the reader makes over a sheet's
XML before calamine reads it, as it was (without hidden rows) and as it is (noting them);
``reader.hidden_rows``' own pass (for a sheet the reader streams with openpyxl); and
``preview.mark_hidden`` over 100k rows. Compare the differences with the whole import's CPU
time (``bench_import.py``: about 8 s for 100k rows on the 2-core machine).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1].parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app.importing import reader as rd  # noqa: E402
from app.importing.preview import RowResult, mark_hidden  # noqa: E402


def extent_pass_before(path: Path, member: str) -> bool:
    """reader._dense_range_fits as it was before hidden rows were told (commit 5b2142a)."""
    max_row, max_col = 0, 26
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        tail = b""
        while chunk := fh.read(1 << 20):
            buf = tail + chunk
            cut = buf.rfind(b"<")
            body, tail = (buf[:cut], buf[cut:]) if cut > 0 else (buf, b"")
            if rd._UNREFERENCED.search(body) or rd._PREFIXED.search(body):
                return False
            for col in rd._EXTENT_COLUMNS.findall(body):
                max_col = max(max_col, rd._column_number(col))
            for row in rd._EXTENT_ROWS.findall(body):
                if len(row) >= len(str(max_row)):
                    max_row = max(max_row, int(row))
    return max_row * max_col <= rd.CALAMINE_MAX_CELLS


def best(fn: Callable[[], Any], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        rd.forget_parsed()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def hidden_copy(src: Path, dst: Path, every: int) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(
                    rb'<row r="(\d+)"',
                    lambda m: m.group(0) + (b' hidden="1"' if int(m.group(1)) % every == 0 else b""),
                    data,
                )
            zout.writestr(info, data)
    return dst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ketnoi-hidden-"))
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"contacts-{args.rows}-v2.xlsx"
    if not book.exists():
        from bench_import import generate

        generate(book, args.rows)
    hidden = hidden_copy(book, folder / f"contacts-{args.rows}-hidden10.xlsx", 10)
    sheet = rd.sheet_names(book)[0]
    member = rd._sheet_xml_path(book, sheet)
    assert member is not None
    print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    for path in (book, hidden):
        before = best(lambda p=path: extent_pass_before(p, member), args.rounds)
        now = best(lambda p=path: rd._dense_range_fits(p, member), args.rounds)

        def own(p: Path = path) -> frozenset[int]:
            rd._HIDDEN.clear()
            return rd.hidden_rows(p, sheet)

        alone = best(own, args.rounds)
        found = rd.hidden_rows(path, sheet)
        rows = [RowResult(n) for n in range(2, args.rows + 2)]
        marked = best(lambda r=rows, f=found: mark_hidden(r, f, sheet, skip=False), 1)
        print(
            f"{path.name}: {len(found):,} hidden rows; extent pass {before:.3f} s before, {now:.3f} s now "
            f"(+{(now - before) * 1000:.0f} ms CPU); hidden_rows' own pass {alone:.3f} s; "
            f"mark_hidden over {len(rows):,} rows {marked * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
