"""Benchmark: the organisation brief for an organisation with 500 meetings and 2,000 actions.

    python tests/benchmarks/bench_brief.py [--runs 5] [--meetings 500] [--actions 2000] [--json FILE]

Times, as medians of a few runs:
  (a) the whole brief: gather from SQLite + lay out + write the PDF,
  (b) the gather step alone (the database queries and building the dataclasses),
  (c) reportlab alone laying out the same content: a plain SimpleDocTemplate with the same
      tables (same rows, same embedded font, repeatRows=1), no Ketnoi code around it.
and prints (a)/(b) and (a)/(c) side by side, for the default brief (last 8 meetings with
their decisions, every open commitment) and for the full history (all 500 meetings).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ratios
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.briefing.data import OrganisationBrief
from app.briefing.gather import gather_organisation
from app.briefing.layout import font_dir
from app.briefing.render import render_organisation
from db.engine import read_session
from db.migrate import open_database
from tests.app.briefing.seed import TODAY, big_organisation


def interleaved_times(fns: list[Callable[[], Any]], runs: int) -> list[list[float]]:
    """Each function's times, the functions taking turns within every run so that a burst of
    load on a shared machine hits them alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t0)
    return times


def interleaved_medians(fns: list[Callable[[], Any]], runs: int) -> list[float]:
    """Median time of each function, the functions taking turns (:func:`interleaved_times`)."""
    return [statistics.median(t) for t in interleaved_times(fns, runs)]


def plain_reportlab(b: OrganisationBrief) -> bytes:
    """The same tables laid out by reportlab with nothing of Ketnoi: one font, plain styles."""
    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(font_dir() / "NotoSans-Regular.ttf")))
    body = ParagraphStyle("b", fontName="BenchSans", fontSize=8.3, leading=10.8)
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.25, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    w = A4[0] - 40 * mm

    def table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
        data = [[Paragraph(h, body) for h in header]] + [[Paragraph(c, body) for c in r] for r in rows]
        return Table(data, colWidths=[x * w for x in widths], repeatRows=1, style=style)

    story: list[Any] = [Paragraph(b.name, body), Spacer(1, 6)]
    story.append(
        table(
            ["Name", "Position", "How to reach", "Last met"],
            [[p.name, p.position, " ".join(p.emails), str(p.last_met or "")] for p in b.people],
            [0.26, 0.30, 0.31, 0.13],
        )
    )
    story.append(
        table(
            ["Date", "Meeting", "With", "Decisions"],
            [
                [str(m.starts_at.date()), m.title, ", ".join((*m.organisations, *m.attendees)), m.decisions]
                for m in b.recent_meetings
            ],
            [0.13, 0.34, 0.18, 0.35],
        )
    )
    for rows in (b.we_owe, b.they_owe):
        story.append(
            table(
                ["Commitment", "Due", "Responsible", "Status"],
                [[a.title, str(a.due_date or ""), a.responsible, a.status] for a in rows],
                [0.47, 0.14, 0.22, 0.17],
            )
        )
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm).build(story)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--meetings", type=int, default=500)
    ap.add_argument("--actions", type=int, default=2000)
    ap.add_argument("--json", metavar="FILE", help="write the measures as JSON objects (run_all.py)")
    args = ap.parse_args()
    measures: list[dict[str, Any]] = []
    print(ratios.load(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(f"sqlite:///{tmp}/bench.db")
        org = big_organisation(engine, meetings=args.meetings, actions=args.actions)
        print(
            f"Organisation with {args.meetings} meetings and {args.actions} actions; medians of {args.runs} runs"
        )
        print(
            f"{'brief':<22}{'pages':>6}{'(a) full':>11}{'(b) gather':>12}{'(c) plain RL':>14}{'a/b':>8}{'a/c':>8}"
        )
        for label, recent in (("default (8 meetings)", 8), ("full history", None)):

            def gather(recent: int | None = recent) -> OrganisationBrief:
                with read_session(engine) as s:
                    return gather_organisation(s, org, today=TODAY, recent=recent)

            def full(recent: int | None = recent) -> int:
                buf = io.BytesIO()
                return render_organisation(gather(recent), buf)

            brief = gather()
            pages = full()
            plain_reportlab(brief)  # warm the font cache, like full() above
            runs = interleaved_times([full, gather, lambda b=brief: plain_reportlab(b)], args.runs)
            t_full, t_gather, t_plain = (statistics.median(t) for t in runs)
            measures.append(
                ratios.measure(
                    f"brief {label}: whole brief ÷ plain reportlab", runs[2], runs[0], None, pages=pages
                )
            )
            measures.append(
                ratios.measure(f"brief {label}: whole brief ÷ gather alone", runs[1], runs[0], None)
            )
            print(
                f"{label:<22}{pages:>6}{t_full:>10.3f}s{t_gather:>11.3f}s{t_plain:>13.3f}s"
                f"{t_full / t_gather:>7.1f}x{t_full / t_plain:>7.2f}x"
            )
        engine.dispose()
    ratios.show(measures, "base", "brief")
    ratios.write(args.json, measures)


if __name__ == "__main__":
    main()
