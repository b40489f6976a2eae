"""Regenerate the PNG renderings of the briefs in this folder.

    python docs/briefs/make_pngs.py            (needs pdftoppm from poppler-utils)

Two databases: the test data set of tests/briefing/seed.py (overdue commitments, role
history) and the `ketnoi demo` data set; one page or two of each brief, at 70 dpi.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("KETNOI_DATA_DIR", tempfile.mkdtemp())

from app.briefing import gather, render  # noqa: E402
from app.cli import main as ketnoi  # noqa: E402
from db.engine import read_session  # noqa: E402
from db.migrate import open_database  # noqa: E402
from tests.app.briefing.seed import TODAY, big_organisation, sample  # noqa: E402


def png(pdf: Path, name: str, pages: tuple[int, int]) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "70",
            "-png",
            "-f",
            str(pages[0]),
            "-l",
            str(pages[1]),
            str(pdf),
            str(HERE / name),
        ],
        check=True,
    )


def main() -> None:
    for old in HERE.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        engine = open_database(f"sqlite:///{t}/sample.db")
        data = sample(engine)
        big = big_organisation(engine)
        with read_session(engine) as s:
            render.render_organisation(gather.gather_organisation(s, data.nic, today=TODAY), t / "org.pdf")
            render.render_contact(gather.gather_contact(s, data.nhung, today=TODAY), t / "contact.pdf")
            long_brief = gather.gather_organisation(s, big, today=TODAY, recent=None)
            render.render_organisation(long_brief, t / "long.pdf", paper="letter")
        engine.dispose()
        demo = f"sqlite:///{t}/demo.db"
        ketnoi(["demo", "--db", demo])
        ketnoi(["brief", "meeting", "6", "--db", demo, "-o", str(t / "meeting.pdf")])
        ketnoi(
            [
                "brief",
                "digest",
                "--from",
                "2026-09-01",
                "--to",
                "2026-11-30",
                "--db",
                demo,
                "-o",
                str(t / "digest.pdf"),
            ]
        )
        ketnoi(["brief", "org", "Viettel", "--lang", "vi", "--db", demo, "-o", str(t / "org-vi.pdf")])
        png(t / "org.pdf", "organisation", (1, 2))
        png(t / "contact.pdf", "contact", (1, 1))
        png(t / "meeting.pdf", "meeting", (1, 1))
        png(t / "digest.pdf", "digest", (1, 2))
        png(t / "org-vi.pdf", "organisation-vi", (1, 1))
        png(t / "long.pdf", "long-500-meetings", (3, 3))
    made = dt.datetime.now()  # noqa: TID251 (the maker's console, not the app's clock)
    print(f"{made:%H:%M} wrote", ", ".join(sorted(p.name for p in HERE.glob("*.png"))))


if __name__ == "__main__":
    main()
