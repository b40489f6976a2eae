"""Renderings of a drafted letter for the docs (not a test): docx → PDF → PNG.

    python docs/letters/make_renderings.py

Builds a throw-away database (an organisation, its director, a letter from a follow-up
action, signed as number 125 of NIC-HTQT), drafts it in Vietnamese and English, converts each
.docx to PDF with LibreOffice (``soffice --headless``) when it is installed and with reportlab
otherwise (the reportlab PDF is always made too), and each PDF's first page to PNG with
pdftoppm. Writes docs/letters/thu-gioi-thieu.{docx,pdf,png}, letter-en.{docx,pdf,png} and
thu-gioi-thieu-reportlab.{pdf,png}.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "letters"


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["KETNOI_DATA_DIR"] = str(tmp / "data")
    from app import records
    from app.letters import draft, office, register
    from db.engine import read_session, unit_of_work
    from db.migrate import open_database

    engine = open_database(f"sqlite:///{tmp / 'k.db'}")
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cổ phần Genetica", "acronym": "Genetica"})
        boss = records.create(
            s,
            "contact",
            {"full_name": "Ông Nguyễn Văn An", "position": "Tổng Giám đốc", "organisation_id": org},
        )
        staff = records.create(s, "staff", {"name": "Trần Minh Quang", "email": "quang@nic.gov.vn"})
        action = records.create(
            s,
            "action",
            {"title": "Gửi thư giới thiệu Genetica", "kind": "letter", "organisation_id": org,
             "responsible_staff_id": staff},
        )  # fmt: skip
        office.save_profile(s, {"signer_name": "Vũ Quốc Huy", "name": "TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA"})
        register.start_register_at(s, 2026, "NIC-HTQT", 124)
        letter = register.add_letter(
            s,
            {
                "subject": "Giới thiệu cán bộ đến làm việc về hợp tác giải mã gen",
                "subject_en": "Introducing our officer for work on cooperation in genome sequencing",
                "symbol": "NIC-HTQT",
                "organisation_id": org,
                "contact_id": boss,
                "action_id": action,
                "owner_id": staff,
                "template": "introduction",
                "recipients_copy": "Giám đốc Trung tâm (để b/c)",
            },
        )
        register.sign(s, letter, on=dt.date(2026, 12, 5))
    outputs = []
    with read_session(engine) as s:
        for lang, stem in (("vi", "thu-gioi-thieu"), ("en", "letter-en")):
            doc = draft.letter_doc(s, letter, lang=lang)  # type: ignore[arg-type]
            docx = draft.write_docx(doc, OUT / f"{stem}.docx")
            pdf, used = draft.write_pdf(doc, OUT / f"{stem}.pdf")
            outputs.append((pdf, used))
            if lang == "vi":
                rl, used_rl = draft.write_pdf(doc, OUT / f"{stem}-reportlab.pdf", engine="reportlab")
                outputs.append((rl, used_rl))
            print(docx)
    engine.dispose()
    for pdf, used in outputs:
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-r", "90", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                check=True,
            )
        print(pdf, used)


if __name__ == "__main__":
    main()
