"""Which library reads an attached PDF's text for search: pypdf (the app's choice,
app.attachments) against pdfminer.six, side by side on one 50-page PDF made with reportlab.

    python tests/benchmarks/bench_pdf_text.py [--runs 3]

pdfminer.six is not a dependency: install it in a scratch environment to compare
(``pip install pdfminer.six``). Prints the median time of each way to the same bound the app
uses (the first 20,000 characters, at most 50 pages) and the ratio.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def make_pdf(pages: int = 50) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for p in range(pages):
        for i in range(45):
            c.drawString(60, 800 - i * 17, f"Page {p} line {i}: Genetica introduction letter Hoa Lac {p * i}")
        c.showPage()
    c.save()
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    data = make_pdf()
    from app.attachments import PDF_PAGES, TEXT_LIMIT, extract_text

    def app_way() -> str:
        return extract_text("a.pdf", data)

    ways = {"pypdf (app.attachments.extract_text)": app_way}
    try:
        from pdfminer.high_level import extract_text as miner

        ways["pdfminer.six extract_text(maxpages=50)"] = lambda: miner(io.BytesIO(data), maxpages=PDF_PAGES)[
            :TEXT_LIMIT
        ]
    except ImportError:
        print("pdfminer.six not installed: only pypdf is timed")
    times = {}
    for name, fn in ways.items():
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            text = fn()
            samples.append(time.perf_counter() - start)
        times[name] = statistics.median(samples)
        print(f"{name}: {times[name] * 1000:.0f} ms, {len(text)} characters")
    if len(times) == 2:
        a, b = times.values()
        print(f"pdfminer.six / pypdf: {b / a:.1f}x")


if __name__ == "__main__":
    main()
