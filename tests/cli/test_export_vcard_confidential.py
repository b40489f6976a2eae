"""``ketnoi export-vcard`` with confidential contacts (reviewer h106: the whole office's file
carried a confidential contact unmarked, into a phone's address book): the whole office's file
leaves them out, said with how many; one named with ``--contact``, or all with
``--confidential``, is written, CLASS:PRIVATE in vCard 3.0, and the file said to hold it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import vobject

from tests.cli.test_export_confidential_calendar import VI, _office, _ok


def test_export_vcard_leaves_confidential_contacts_out_unless_asked(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _office(db)
    vcf = tmp_path / "danh-ba.vcf"
    out = _ok(db, "export-vcard", "-o", str(vcf))
    assert out.splitlines() == [
        f"Wrote {vcf}: 1 contact, vCard 3.0",
        "  left out: 1 confidential contact (--confidential to include them, or name them with --contact)",
    ]
    names = [c.fn.value for c in vobject.readComponents(vcf.read_text(encoding="utf-8"))]
    assert names == ["Trần Thị Lan"]
    vi = _ok(db, "export-vcard", "-o", str(vcf), lang=VI)
    assert "  bỏ qua: 1 liên hệ mật (thêm --confidential để ghi cả các liên hệ này" in vi
    # asked for by id: written, CLASS:PRIVATE, and said
    out = _ok(db, "export-vcard", "-o", str(vcf), "--contact", "1")
    assert out.splitlines()[1] == (
        "  it holds 1 confidential contact, marked CLASS:PRIVATE: give the file only to those who may "
        "see them in Ketnoi"
    )
    (card,) = vobject.readComponents(vcf.read_text(encoding="utf-8"))
    assert card.fn.value == "Lưu Văn Mật" and card.getChildValue("class") == "PRIVATE"
    # the whole office, confidential ones too
    out = _ok(db, "export-vcard", "-o", str(vcf), "--confidential", "--version", "4.0", lang=VI)
    assert re.search(r"Đã ghi .*: 2 liên hệ, vCard 4.0", out)
    assert "tệp có 1 liên hệ mật (vCard 4.0 không có cách đánh dấu)" in out
    assert "CLASS" not in vcf.read_text(encoding="utf-8")  # (RFC 6350 has none)


def test_a_confidential_contact_exported_stays_confidential_imported_elsewhere(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _office(db)
    vcf = tmp_path / "hai.vcf"
    _ok(db, "export-vcard", "-o", str(vcf), "--confidential")
    other = tmp_path / "other.db"
    _ok(other, "import", str(vcf))
    shown = {}
    for cid in ("1", "2"):
        doc = json.loads(_ok(other, "contact", "show", cid, "--json"))
        shown[doc["record"]["full_name"]] = doc["record"]["confidential"]
    assert shown == {"Lưu Văn Mật": True, "Trần Thị Lan": False}
