"""Find duplicates proposes organisations of the same English name or website domain, saying
which. Reviewer h109: "VNQuantum" renamed "VNQuantum JSC" in an exported workbook, imported
again: a second organisation with the same English name, website, sectors and owner, which
Find duplicates (the window and ``ketnoi dedupe``) did not propose."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.engine import Engine

from app import records
from app.dedupe import website_domain
from app.dedupe_groups import find_duplicate_groups
from db.engine import read_session, unit_of_work
from tests.cli.inproc import as_in_a_test, run_cli


def _groups(engine: Engine) -> list[tuple[set[int], list[str]]]:
    with read_session(engine) as s:
        return [({m.id for m in g.members}, g.reasons) for g in find_duplicate_groups(s, "organisation")]


def test_website_domain() -> None:
    assert website_domain("https://www.VNQuantum.vn/about?x=1") == "vnquantum.vn"
    assert website_domain("vnquantum.vn") == "vnquantum.vn"
    assert website_domain("http://facebook.com/vnquantum") == ""  # (many organisations have a page there)
    assert website_domain("") == website_domain("n/a") == ""


def test_same_english_name_or_website_is_proposed_with_its_reason(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        a = records.create(
            s,
            "organisation",
            {"name": "VNQuantum", "name_en": "Vietnam Quantum Network", "website": "https://vnquantum.vn"},
        )
        b = records.create(
            s, "organisation", {"name": "VNQuantum JSC", "name_en": "Vietnam  quantum network"}
        )
        c = records.create(
            s, "organisation", {"name": "Mạng lượng tử", "website": "http://www.vnquantum.vn/vi"}
        )
        records.create(s, "organisation", {"name": "Genetica", "website": "https://facebook.com/genetica"})
        records.create(s, "organisation", {"name": "ViSecurity", "website": "https://facebook.com/visec"})
    groups = _groups(engine)
    assert [ids for ids, _ in groups] == [{a, b, c}]
    reasons = groups[0][1]
    assert 'same English name "Vietnam Quantum Network"' in reasons, reasons
    assert "same website vnquantum.vn" in reasons, reasons


def test_departments_sharing_their_ministry_site_are_not_proposed(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        most = records.create(
            s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "website": "https://most.gov.vn"}
        )
        for name in ("Vụ Công nghệ cao", "Vụ Kế hoạch - Tài chính"):
            records.create(
                s, "organisation", {"name": name, "parent_id": most, "website": "https://most.gov.vn"}
            )
    assert _groups(engine) == []


def test_renamed_in_an_exported_workbook_then_found_by_ketnoi_dedupe(tmp_path: Path) -> None:
    db, export = tmp_path / "k.db", tmp_path / "export.xlsx"
    with as_in_a_test(tmp_path):
        assert run_cli(db, "org", "add", "--name", "VNQuantum", "--set", "name_en=Vietnam Quantum Network",
                       "--set", "website=https://vnquantum.vn").returncode == 0  # fmt: skip
        assert run_cli(db, "export", str(export)).returncode == 0
        book = load_workbook(export)
        sheet = book["Tổ chức (Organisations)"]
        for name in ("Liên hệ (Contacts)", "Cuộc họp (Meetings)", "Việc (Actions)", "Cán bộ (Staff)"):
            if name in book.sheetnames:
                del book[name]
        assert sheet.cell(2, 1).value == "VNQuantum"
        sheet.cell(2, 1).value = "VNQuantum JSC"
        book.save(export)
        assert run_cli(db, "import", str(export)).returncode == 0
        done = run_cli(db, "dedupe", "--kind", "organisation")
    assert done.returncode == 0, done.stderr
    said = done.stdout
    assert 'same English name "Vietnam Quantum Network"; same website vnquantum.vn' in said, said
    assert "#1  VNQuantum" in said and "#2  VNQuantum JSC" in said, said
