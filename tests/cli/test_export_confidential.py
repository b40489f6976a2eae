"""``ketnoi export`` of a database holding confidential records says so, and the sheets holding
them say so when printed (reviewer: a manager's export carried a confidential meeting and its
follow-up, unsaid). An export with none says nothing more."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.importing.fields import LABELS
from tests.cli.inproc import run_cli


def _ok(db: Path, *argv: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *argv, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def test_an_export_says_how_many_confidential_records_it_holds(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ok(db, "org", "add", "--name", "Genetica")
    plain = _ok(db, "export", str(tmp_path / "plain.xlsx"))
    assert "confidential" not in plain.lower(), plain
    assert not load_workbook(tmp_path / "plain.xlsx")[LABELS["organisation"]].oddHeader.center.text
    _ok(
        db, "log-meeting", "--title", "Họp kín", "--at", "20/11/2026 15:00", "--organisation", "Genetica",
        "--follow-up", "Hồ sơ mật;due=+1w", "--confidential",
    )  # fmt: skip
    out = _ok(db, "export", str(tmp_path / "en.xlsx"))
    assert "It holds 2 confidential record(s) (meeting 1, action 1)" in out, out
    assert "give the file only to those who may see them in Ketnoi" in out, out
    wb = load_workbook(tmp_path / "en.xlsx")
    for kind, marked in (("organisation", False), ("meeting", True), ("action", True)):
        header = wb[LABELS[kind]].oddHeader.center.text or ""
        assert ("CONFIDENTIAL" in header and "MẬT" in header) is marked, (kind, header)
    out = _ok(db, "export", str(tmp_path / "vi.xlsx"), lang="vi_VN.UTF-8")
    assert "Tệp có 2 hồ sơ mật (" in out and "chỉ đưa tệp cho người được xem các hồ sơ đó" in out, out
