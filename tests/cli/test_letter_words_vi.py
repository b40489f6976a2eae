"""Under a Vietnamese locale ``ketnoi letter …`` speaks Vietnamese, in the letters' own words
(reviewer: LANG=vi_VN.UTF-8 printed "Letter #1 (action #1: …): l.docx", "named in action #1's
title; the action is recorded under Genetica", "Letter #1 signed: Số …", "No letters match.");
English under another locale, and ``letter draft --lang`` stays the letter's language, not the
CLI's. The command line (tests/cli/inproc.py) on a copy of the demo's SQLite file, whose
register already holds four letters (app.demo._letters): the introduction letter of action #1
is the next, and takes the number the demo left for it, 125/NIC-HTQT."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli.inproc import copy_of, demo_database, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"
NEW = 5  # the letter drafted for action #1: after the demo's four


def _run(db: Path, *args: str, lang: str) -> SimpleNamespace:
    return run_cli(db, *args, lang=lang)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory, lang=VI)


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    return copy_of(demo, tmp_path)


def test_the_demo_leaves_number_125_for_the_introduction_letter(db: Path) -> None:
    letters = json.loads(_run(db, "letter", "list", "--json", lang=EN).stdout)["letters"]
    assert sorted(r["id"] for r in letters) == list(range(1, NEW))
    assert {r["reference"] for r in letters if r["direction"] == "outgoing"} == {
        "123/NIC-HTQT",
        "124/NIC-HTQT",
        "",
    }


def _title(db: Path) -> str:
    done = _run(db, "action", "show", "1", "--json", lang=EN)
    return str(json.loads(done.stdout)["record"]["title"])


def test_draft_and_sign_in_vietnamese(db: Path, tmp_path: Path) -> None:
    title = _title(db)
    docx, pdf = tmp_path / "l.docx", tmp_path / "l.pdf"
    done = _run(
        db,
        "letter",
        "draft",
        "action:1",
        "-o",
        str(docx),
        "--pdf",
        str(pdf),
        "--engine",
        "reportlab",
        lang=VI,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Công văn #{NEW} (việc #1: {title}): {docx}"
    assert lines[1].startswith("Kính gửi: NVIDIA") and lines[1].endswith(
        "(tổ chức được nêu trong tiêu đề việc #1; việc được ghi cho Genetica; gửi tổ chức khác: --to TỔ_CHỨC)"
    )
    assert lines[2] == f"Bản PDF (reportlab): {pdf}"
    done = _run(db, "letter", "sign", str(NEW), "--on", "03/12/2026", lang=VI)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == f"Đã ký công văn #{NEW}: Số 125/NIC-HTQT, ngày 03/12/2026"
    assert "Việc #1 nay ghi số 125/NIC-HTQT" in done.stdout
    for args, said in [
        (("letter", "status", str(NEW), "sent"), f"Công văn #{NEW}: đã gửi"),
        (("letter", "list", "zzzz"), "Không có công văn nào khớp."),
        (("letter", "start-at", "NIC-HTQT", "124", "--year", "2027"), "NIC-HTQT năm 2027: công văn ký tiếp theo sẽ mang số 125"),
    ]:  # fmt: skip
        done = _run(db, *args, lang=VI)
        assert done.returncode == 0 and done.stdout.strip() == said, (args, done.stdout, done.stderr)
    shown = _run(db, "letter", "show", str(NEW), lang=VI).stdout
    assert " đã gửi " in shown and "  việc: #1" in shown and "  lịch sử:" in shown
    assert "history:" not in shown and "by " not in shown
    done = _run(db, "letter", "delete", str(NEW), lang=VI)
    assert (
        done.stdout.strip()
        == f"Đã chuyển công văn #{NEW} vào thùng rác (khôi phục: ketnoi restore letter {NEW})"
    )


def test_draft_and_sign_in_english(db: Path, tmp_path: Path) -> None:
    title = _title(db)
    docx = tmp_path / "l.docx"
    # --lang vi is the letter's language: the lines follow the locale (English here)
    done = _run(db, "letter", "draft", "action:1", "-o", str(docx), "--lang", "vi", lang=EN)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Letter #{NEW} (action #1: {title}): {docx}"
    assert lines[1].startswith("Kính gửi: NVIDIA") and lines[1].endswith(
        "(named in action #1's title; the action is recorded under Genetica; --to ORG writes to another)"
    )
    done = _run(db, "letter", "sign", str(NEW), "--on", "03/12/2026", lang=EN)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == f"Letter #{NEW} signed: Số 125/NIC-HTQT, 03/12/2026"
    assert _run(db, "letter", "status", str(NEW), "sent", lang=EN).stdout.strip() == f"Letter #{NEW}: sent"
    assert _run(db, "letter", "list", "zzzz", lang=EN).stdout.strip() == "No letters match."
    # a refusal too: the draft's --lang (vi by default) is the letter's, not the CLI's (it printed
    # "Không tìm thấy tổ chức #999" under an English locale)
    done = _run(db, "letter", "draft", str(NEW), "-o", str(docx), "--to", "999", lang=EN)
    assert done.returncode == 1 and done.stderr.strip() == "ketnoi: No organisation with id 999"
    done = _run(db, "letter", "sign", str(NEW), lang=EN)
    assert done.returncode == 1 and done.stderr.startswith(f"ketnoi: letter #{NEW} is signed already (")


def test_refusals_in_vietnamese(db: Path, tmp_path: Path) -> None:
    docx = tmp_path / "l.docx"
    done = _run(db, "letter", "draft", "4", "-o", str(docx), "--lang", "en", "--to", "999", lang=VI)
    assert done.returncode == 1 and done.stderr.strip() == "ketnoi: Không tìm thấy tổ chức #999"
    done = _run(db, "letter", "draft", "action:1", "-o", str(tmp_path / "l.doc"), lang=VI)
    assert (
        done.stderr.strip()
        == f"ketnoi: -o {tmp_path / 'l.doc'}: bản dự thảo là tệp Word; hãy đặt tên tệp có đuôi .docx"
    )
    assert _run(db, "letter", "draft", "action:1", "-o", str(docx), lang=VI).returncode == 0
    assert _run(db, "letter", "sign", str(NEW), lang=VI).returncode == 0
    done = _run(db, "letter", "sign", str(NEW), lang=VI)
    assert done.returncode == 1 and done.stderr.startswith(
        f"ketnoi: công văn #{NEW} đã được ký (125/NIC-HTQT)"
    )
    done = _run(db, "letter", "add", "--incoming", "--subject", "Đề nghị", lang=VI)
    assert (
        done.stderr.strip() == "ketnoi: công văn đến cần có --reference (số và ký hiệu như ghi trên công văn)"
    )


def test_a_vietnamese_draft_under_english_keeps_its_json(db: Path, tmp_path: Path) -> None:
    docx = tmp_path / "l.docx"
    vi = json.loads(_run(db, "letter", "draft", "action:1", "-o", str(docx), "--json", lang=VI).stdout)
    en = json.loads(_run(db, "letter", "draft", "action:1", "-o", str(docx), "--json", lang=EN).stdout)
    assert vi == en and vi["letter_id"] == NEW


def test_the_drafts_and_offices_refusals_in_vietnamese(db: Path, tmp_path: Path) -> None:
    done = _run(db, "letter", "add", "--subject", "Thử", "--symbol", "A/B", lang=VI)
    assert done.stderr.strip() == (
        "ketnoi: 'A/B' không phải là ký hiệu của cơ quan: chỉ gồm chữ, số và dấu '-' (ví dụ NIC-HTQT), không có '/'"
    )
    done = _run(db, "letter", "office", "--set", "foo=1", lang=VI)
    assert done.returncode == 1 and done.stderr.startswith(
        "ketnoi: không có trường foo trong thông tin cơ quan"
    )
    done = _run(db, "letter", "office", "--set", "foo=1", lang=EN)
    assert done.stderr.startswith("ketnoi: unknown office fields: foo; one of ")
