"""``ketnoi history`` says the rows of posts and reorganisations in words, in English and
Vietnamese (reviewer: "post: action=add, post_id=2, organisation=…, organisation_id=2, rank=10",
"reorganisation: kind=merged, on=2025-03-01, note=…, into=1"), and names every record a field
points at (a letter's post, contact, action, the letter it answers: they printed ids), a staff
member's being active in words ("active: True → False"). The demo database (its MPI merged into
MOF, two posts of NIC and their holders), the CLI in-process."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app import records
from db.engine import make_engine, unit_of_work
from tests.cli.inproc import copy_of, demo_database, run_cli

VI = "vi_VN.UTF-8"
NIC = "Trung tâm Đổi mới sáng tạo Quốc gia"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _said(db: Path, kind: str, record: str, lang: str = "en_GB.UTF-8") -> list[str]:
    """What each row of the record's history says (without its date and who)."""
    lines = _ok(db, "history", kind, record, lang=lang).splitlines()[1:]
    return [line.split("  ", 2)[2] for line in lines]  # "  23/11/2026 09:00 by Hoa  Created"


def _no_codes(said: list[str]) -> None:
    for line in said:
        assert not re.search(r"\w+=|_id\b|\baction\b|\bkind\b|\d{4}-\d\d-\d\d", line), line


def test_posts_read_in_words_in_english_and_vietnamese(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    posts = json.loads(_ok(db, "post", "list", "--json"))
    deputy = next(p["id"] for p in posts if p["title"] == "Phó Giám đốc")
    _ok(db, "post", "edit", str(deputy), "--title", "Phó Giám đốc thường trực", "--rank", "3")
    _ok(db, "post", "end", str(deputy), "--on", "30/11/2026")
    added = json.loads(_ok(db, "post", "add", "NIC", "Chánh Văn phòng", "--rank", "5", "--json"))
    _ok(db, "post", "remove", str(added["id"]))

    org = _said(db, "org", "NIC")  # (the demo's rows and these share a minute: no order asserted)
    for line in (
        "Post removed: Chánh Văn phòng",
        "Post added: Chánh Văn phòng (precedence 5)",
        "Precedence of the post “Phó Giám đốc thường trực”: 2 → 3",
        "Post renamed: Phó Giám đốc → Phó Giám đốc thường trực",
        "Post added: Trưởng phòng Hợp tác quốc tế (precedence 10)",
        "Post added: Phó Giám đốc (precedence 2)",
    ):
        assert line in org, org
    person = _said(db, "contact", "Đặng Văn Khoa")
    assert f"Left a post: Phó Giám đốc thường trực, {NIC}, last day 30/11/2026" in person, person
    assert f"Took up a post: Phó Giám đốc, {NIC} from 01/03/2025 (decision 245/QĐ-BTC)" in person
    _no_codes(org + person)

    org = _said(db, "org", "NIC", VI)
    for line in (
        "Xoá chức vụ: Chánh Văn phòng",
        "Thêm chức vụ: Chánh Văn phòng (thứ tự 5)",
        "Thứ tự của chức vụ “Phó Giám đốc thường trực”: 2 → 3",
        "Đổi tên chức vụ: Phó Giám đốc → Phó Giám đốc thường trực",
    ):
        assert line in org, org
    person = _said(db, "contact", "Đặng Văn Khoa", VI)
    assert f"Thôi giữ chức vụ: Phó Giám đốc thường trực, {NIC}, ngày cuối 30/11/2026" in person, person
    assert f"Nhận chức vụ: Phó Giám đốc, {NIC} từ 01/03/2025 (quyết định 245/QĐ-BTC)" in person
    _no_codes(org + person)


def test_reorganisations_read_in_words_in_english_and_vietnamese(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    note = "(Nghị quyết 176/2025/QH15)"
    assert _said(db, "org", "MPI")[0] == f"Reorganisation: merged into Bộ Tài chính on 01/03/2025 {note}"
    assert _said(db, "org", "MOF")[0] == (
        f"Reorganisation: Bộ Kế hoạch và Đầu tư merged into it on 01/03/2025 {note}"
    )
    assert _said(db, "org", "MPI", VI)[0] == (
        f"Sắp xếp tổ chức: đã hợp nhất vào Bộ Tài chính từ ngày 01/03/2025 {note}"
    )
    assert _said(db, "org", "MOF", VI)[0] == (
        f"Sắp xếp tổ chức: tiếp nhận Bộ Kế hoạch và Đầu tư hợp nhất vào từ ngày 01/03/2025 {note}"
    )
    _ok(db, "org", "succeed", "VNQuantum", "--into", "ViSecurity", "--renamed", "--on", "01/11/2026")
    _ok(
        db,
        "org",
        "succeed",
        "VIN",
        "--into",
        "AI4LIFE",
        "--into",
        "Genetica",
        "--split",
        "--on",
        "01/10/2026",
    )
    said = {name: _said(db, "org", name)[0] for name in ("VNQuantum", "ViSecurity", "VIN", "Genetica")}
    assert said == {
        "VNQuantum": "Reorganisation: renamed to ViSecurity on 01/11/2026",
        "ViSecurity": "Reorganisation: formerly VNQuantum, renamed on 01/11/2026",
        # a name with a comma in it: the successors are told apart by a semicolon
        "VIN": "Reorganisation: split into Viện AI4LIFE, Đại học Bách khoa Hà Nội; Genetica on 01/10/2026",
        "Genetica": "Reorganisation: took over part of Mạng lưới Đổi mới sáng tạo Việt Nam, split on 01/10/2026",
    }
    assert _said(db, "org", "ViSecurity", VI)[0] == (
        "Sắp xếp tổ chức: tiền thân là VNQuantum, đổi tên ngày 01/11/2026"
    )
    assert _said(db, "org", "Genetica", VI)[0] == (
        "Sắp xếp tổ chức: tiếp nhận một phần của Mạng lưới Đổi mới sáng tạo Việt Nam, chia tách ngày 01/10/2026"
    )
    _no_codes(list(said.values()))


def test_a_letters_links_and_a_staff_members_flags_read_in_words(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    posts = json.loads(_ok(db, "post", "list", "--json"))
    deputy = next(p["id"] for p in posts if p["title"] == "Phó Giám đốc")
    head = next(p["id"] for p in posts if p["title"] == "Trưởng phòng Hợp tác quốc tế")
    asked = json.loads(
        _ok(
            db,
            "letter",
            "add",
            "--subject",
            "Đề nghị hợp tác",
            "--incoming",
            "--reference",
            "45/BKHCN",
            "--json",
        )
    )
    letter = json.loads(_ok(db, "letter", "add", "--subject", "Mời họp", "--to", "NIC", "--json"))
    engine = make_engine(f"sqlite:///{db}")
    try:
        with unit_of_work(engine) as s:
            contact = int(records.snapshot(s, "contact", 2)["id"])
            records.update(
                s, "letter", letter["id"], {"post_id": deputy, "contact_id": contact}, expected_version=None
            )
            records.update(
                s,
                "letter",
                letter["id"],
                {"post_id": head, "reply_to_id": asked["id"]},
                expected_version=None,
            )
            records.update(s, "staff", 2, {"active": False}, expected_version=None)
            contact_name = records.label(s, "contact", contact)
    finally:
        engine.dispose()
    said = _said(db, "letter", str(letter["id"]))
    assert f"To (post): Phó Giám đốc, {NIC} → Trưởng phòng Hợp tác quốc tế, {NIC}" in said, said
    assert "In reply to: — → Đề nghị hợp tác" in said and f"Contact: — → {contact_name}" in said, said
    said = _said(db, "letter", str(letter["id"]), VI)
    assert f"Gửi (chức vụ): Phó Giám đốc, {NIC} → Trưởng phòng Hợp tác quốc tế, {NIC}" in said, said
    assert "Trả lời văn bản: — → Đề nghị hợp tác" in said, said
    assert "Active: Yes → No" in _said(db, "staff", "2")
    assert "Đang làm việc: Có → Không" in _said(db, "staff", "2", VI)
