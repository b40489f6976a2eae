"""Under a Vietnamese locale ``ketnoi demo``, ``export-ics`` and ``export-vcard`` say what they
wrote in Vietnamese (reviewer: LANG=vi_VN.UTF-8 printed "Demo data written…", "Wrote …" and
"left out: meeting #999: no such meeting"); ``--json`` keeps its English for scripts. The
command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli.inproc import as_in_a_test, run_cli


def _run(db: Path, *args: str, lang: str = "vi_VN.UTF-8") -> SimpleNamespace:
    return run_cli(db, *args, lang=lang)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("vi") / "k.db"
    with as_in_a_test(path.parent):
        done = _run(path, "demo")
    assert done.returncode == 0, done.stderr
    return path, done.stdout


def test_demo_says_what_it_wrote_in_vietnamese(demo: tuple[Path, str]) -> None:
    db, out = demo
    lines = out.splitlines()
    assert lines[0].startswith("Đã ghi dữ liệu mẫu vào ") and lines[0].endswith(" giây:"), out
    kinds = [line.split(None, 1)[1] for line in lines[1:-1]]
    assert kinds == ["cán bộ", "tổ chức", "liên hệ", "cuộc họp", "việc cần làm", "công văn"]
    assert lines[-1].startswith(f"Mở nó: ketnoi --db {db}")  # (how to open it)
    english = _run(db.with_name("en.db"), "demo", lang="en_GB.UTF-8").stdout
    assert english.startswith("Demo data written to ") and english.splitlines()[1].endswith(" staff")


def test_exports_say_what_they_wrote_and_left_out_in_vietnamese(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    db, _ = demo
    ics, vcf = tmp_path / "lich.ics", tmp_path / "danh-ba.vcf"
    done = _run(db, "export-ics", str(ics), "--meeting", "1", "--meeting", "999")
    assert done.returncode == 0 and ics.is_file(), done.stderr
    first, left = done.stdout.splitlines()[:2]
    assert first.startswith(f"Đã ghi {ics}: 1 cuộc họp, ") and first.endswith(" lời nhắc cả ngày"), first
    assert left == "  bỏ qua: cuộc họp #999: không tìm thấy"
    done = _run(db, "export-vcard", str(vcf), "--contact", "1", "--contact", "999")
    assert done.returncode == 0 and vcf.is_file(), done.stderr
    assert done.stdout.splitlines() == [
        f"Đã ghi {vcf}: 1 liên hệ, vCard 3.0",
        "  bỏ qua: liên hệ #999: không tìm thấy",
    ]
    # --lang en where the command has it; English under an English locale; --json stays English
    done = _run(db, "export-ics", str(ics), "--meeting", "999", "--reminders", "todo", "--lang", "en")
    assert re.fullmatch(
        rf"Wrote {re.escape(str(ics))}: 0 meetings, \d+ open actions as tasks", done.stdout.splitlines()[0]
    )
    assert "  left out: meeting #999: no such meeting" in done.stdout.splitlines()
    done = _run(db, "export-vcard", str(vcf), "--contact", "999", lang="en_GB.UTF-8")
    assert done.stdout.splitlines() == [
        f"Wrote {vcf}: 0 contacts, vCard 3.0",
        "  left out: contact #999: no such contact",
    ]
    doc = json.loads(_run(db, "export-vcard", str(vcf), "--contact", "999", "--json").stdout)
    assert doc["skipped"] == ["contact #999: no such contact"]


def test_brief_and_exports_say_what_they_wrote_with_its_number_in_words(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    """Reviewer: ``ketnoi brief`` said "Wrote b.pdf (1 page)" under LANG=vi_VN.UTF-8, and the
    exports said "1 contact(s)", "1 meeting(s)" in English. Now Vietnamese under a Vietnamese
    locale (``--lang`` is the brief's headings, not the line printed), and English with its plural."""
    db, _ = demo
    pdf = tmp_path / "b.pdf"
    done = _run(db, "brief", "org", "1", "-o", str(pdf))
    assert done.returncode == 0 and pdf.is_file(), done.stderr
    assert done.stdout.splitlines() == [f"Đã ghi {pdf} (1 trang)"]
    done = _run(db, "brief", "org", "1", "-o", str(pdf), lang="en_GB.UTF-8")
    assert done.stdout.splitlines() == [f"Wrote {pdf} (1 page)"]
    done = _run(  # --lang is the PDF's headings: the line printed is in the locale's language
        db, "brief", "digest", "--from", "2020-01-01", "--to", "2030-12-31", "-o", str(pdf), "--lang", "en"
    )
    pages = int(re.fullmatch(rf"Đã ghi {re.escape(str(pdf))} \((\d+) trang\)", done.stdout.strip())[1])  # type: ignore[index]
    assert pages > 1
    done = _run(
        db,
        "brief",
        "digest",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
        "-o",
        str(pdf),
        "--lang",
        "vi",
        lang="en_GB.UTF-8",
    )
    assert done.stdout.splitlines() == [f"Wrote {pdf} ({pages} pages)"]

    vcf, ics = tmp_path / "c.vcf", tmp_path / "c.ics"
    done = _run(db, "export-vcard", str(vcf), "--contact", "1", lang="en_GB.UTF-8")
    assert done.stdout.splitlines() == [f"Wrote {vcf}: 1 contact, vCard 3.0"]
    done = _run(db, "export-vcard", str(vcf), "--contact", "1", "--contact", "2", lang="en_GB.UTF-8")
    assert done.stdout.splitlines() == [f"Wrote {vcf}: 2 contacts, vCard 3.0"]
    done = _run(db, "export-ics", str(ics), "--meeting", "1", lang="en_GB.UTF-8")
    assert re.fullmatch(
        rf"Wrote {re.escape(str(ics))}: 1 meeting, \d+ open actions? as all-day reminders",
        done.stdout.strip(),
    ), done.stdout
