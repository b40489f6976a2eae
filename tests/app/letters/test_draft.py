"""A drafted letter, parsed back with python-docx: the national title, the motto, the number
from the register, the date in the Vietnamese form of Decree 30/2020/NĐ-CP, "Kính gửi:" and the
recipient; fonts, sizes and margins; the English variant; templates an office overrides; the
PDF through reportlab (and LibreOffice where it is installed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from app.letters import draft, office, register
from db.engine import read_session, unit_of_work


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            out += [p.text for p in cell.paragraphs]
    return out


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2026, 12, 5), "ngày 05 tháng 12 năm 2026"),
        (dt.date(2027, 2, 1), "ngày 01 tháng 02 năm 2027"),
        (dt.date(2027, 1, 15), "ngày 15 tháng 01 năm 2027"),
        (dt.date(2027, 3, 9), "ngày 09 tháng 3 năm 2027"),  # months from 3 on: no leading 0
        (dt.date(2027, 10, 20), "ngày 20 tháng 10 năm 2027"),
    ],
)
def test_dates_are_written_as_the_decree_says(day: dt.date, words: str) -> None:
    assert draft.vn_date_words(day) == words


def _signed_letter(engine: Engine, on: dt.date = dt.date(2026, 12, 5)) -> int:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cổ phần Genetica"})
        person = records.create(
            s,
            "contact",
            {"full_name": "PGS.TS. Trần Thị Bích Ngọc", "position": "Tổng Giám đốc", "organisation_id": org},
        )
        office.save_profile(s, {"signer_name": "Vũ Quốc Huy", "unit_short": "HTQT"})
        register.start_register_at(s, on.year, "NIC-HTQT", 124)
        letter = register.add_letter(
            s,
            {
                "subject": "Giới thiệu cán bộ đến làm việc",
                "symbol": "NIC-HTQT",
                "organisation_id": org,
                "contact_id": person,
                "template": "introduction",
                "recipients_copy": "Ban Giám đốc (để b/c)",
            },
        )
        assert register.sign(s, letter, on=on) == "125/NIC-HTQT"
    return letter


def test_the_docx_holds_what_the_decree_asks_in_its_fonts_and_margins(engine: Engine, tmp_path: Path) -> None:
    letter = _signed_letter(engine)
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter)  # type: ignore[arg-type]
    path = draft.write_docx(doc, tmp_path / "thu.docx")
    texts = _texts(path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "Số: 125/NIC-HTQT" in texts
    assert "Hà Nội, ngày 05 tháng 12 năm 2026" in texts
    assert "V/v giới thiệu cán bộ đến làm việc" in texts
    assert "Kính gửi: PGS.TS. Trần Thị Bích Ngọc - Tổng Giám đốc Công ty Cổ phần Genetica" in texts
    assert "Nơi nhận:" in texts and "- Ban Giám đốc (để b/c);" in texts and "- Lưu: VT, HTQT." in texts
    assert "Vũ Quốc Huy" in texts and "KT. GIÁM ĐỐC" in texts
    assert any("Quý Công ty" in t for t in texts)  # the body came from the template (to a company)

    document = Document(str(path))
    section = document.sections[0]
    mm = [round(x.mm, 1) for x in (section.page_width, section.page_height)]  # type: ignore[union-attr]
    assert mm == [210, 297]  # A4 (stored in twips)
    margins = [
        round(x.mm)
        for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ]  # type: ignore[union-attr]
    assert margins == [20, 20, 30, 15]  # the decree: 20-25, 20-25, 30-35, 15-20
    runs = {r.text: r for t in document.tables for c in t._cells for p in c.paragraphs for r in p.runs}
    title, motto, date = (
        runs["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        runs["Độc lập - Tự do - Hạnh phúc"],
        runs[doc.place_date],
    )
    assert title.bold and title.font.size == Pt(12) and title.font.name == "Times New Roman"
    assert motto.bold and motto.underline and motto.font.size == Pt(13)
    assert date.italic and date.font.size == Pt(14)
    assert runs["TRUNG TÂM ĐỔI MỚI SÁNG TẠO QUỐC GIA"].bold
    assert runs["Nơi nhận:"].bold and runs["Nơi nhận:"].italic and runs["Nơi nhận:"].font.size == Pt(12)
    assert runs["- Lưu: VT, HTQT."].font.size == Pt(11)
    body = next(p for p in document.paragraphs if "Quý Công ty" in p.text)
    assert body.runs[0].font.size == Pt(14) and body.runs[0].font.name == "Times New Roman"


def test_an_unsigned_draft_leaves_number_and_day_blank(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        letter = register.add_letter(
            s, {"subject": "Mời họp", "symbol": "NIC-HTQT", "addressee": "Bộ Khoa học và Công nghệ"}
        )
        doc = draft.letter_doc(s, letter)
    assert doc.number_line == "Số:       /NIC-HTQT"
    assert doc.place_date == "Hà Nội, ngày      tháng      năm 2026"
    assert doc.addressee == ["Bộ Khoa học và Công nghệ"]


def test_the_english_variant(engine: Engine, tmp_path: Path) -> None:
    letter = _signed_letter(engine)
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter, lang="en")  # type: ignore[arg-type]
    texts = _texts(draft.write_docx(doc, tmp_path / "en.docx"))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in texts and "Independence - Freedom - Happiness" in texts
    assert "No.: 125/NIC-HTQT" in texts and "Ha Noi, 05 December 2026" in texts
    assert "To: Assoc. Prof. Dr. Trần Thị Bích Ngọc, Tổng Giám đốc, Công ty Cổ phần Genetica" in texts
    assert "Dear Assoc. Prof. Dr. Trần Thị Bích Ngọc," in texts
    assert "Re: Giới thiệu cán bộ đến làm việc" in texts  # no English subject: the Vietnamese one
    with unit_of_work(engine) as s:
        records.update(s, "letter", letter, {"subject_en": "Introducing our officer"}, expected_version=None)
        doc = draft.letter_doc(s, letter, lang="en")
    assert doc.subject_line == "Re: Introducing our officer"


def test_an_office_copy_of_a_template_wins(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KETNOI_DATA_DIR", str(tmp_path / "data"))
    letter = _signed_letter(engine)
    own = draft.office_template_dir()
    own.mkdir(parents=True)
    (own / "introduction.vi.txt").write_text(
        "# ours\nThư riêng của ${office_short} gửi ${organisation}.\n", "utf-8"
    )
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter)  # type: ignore[arg-type]
    assert doc.paragraphs == ["Thư riêng của NIC gửi Công ty Cổ phần Genetica."]


def test_the_addressee_of_a_registered_source_wins(engine: Engine) -> None:
    letter = _signed_letter(engine)

    def holder(session: object, values: dict[str, object]) -> office.Addressee | None:
        return office.Addressee(
            name="Lê Văn Minh", honorific="Ông", title="Phó Giám đốc", organisation="Sở KH&CN"
        )

    office.register_addressee_source(holder)
    try:
        with read_session(engine) as s:
            doc = draft.letter_doc(s, letter)  # type: ignore[arg-type]
        assert doc.addressee == ["Ông Lê Văn Minh - Phó Giám đốc Sở KH&CN"]
    finally:
        office.ADDRESSEE_SOURCES.remove(holder)


def test_the_pdf_through_reportlab(engine: Engine, tmp_path: Path) -> None:
    letter = _signed_letter(engine)
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter)  # type: ignore[arg-type]
    path, used = draft.write_pdf(doc, tmp_path / "thu.pdf", engine="reportlab")
    assert used == "reportlab"
    text = PdfReader(str(path)).pages[0].extract_text()
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "125/NIC-HTQT",
        "ngày 05 tháng 12 năm 2026",
        "Kính gửi:",
    ):
        assert expected in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_reportlab_pdf_keeps_a_drafts_blanks_as_the_docx_does(
    engine: Engine, tmp_path: Path, lang: str
) -> None:
    """The reviewer's PDF read "Số: /NIC-HTQT" and "Hà Nội, ngày tháng năm 2026": the blanks
    left for the number and the day, to be written in when signed, were folded to one space."""
    with unit_of_work(engine) as s:
        letter = register.add_letter(s, {"subject": "Mời họp", "symbol": "NIC-HTQT", "addressee": "Bộ KH&CN"})
        doc = draft.letter_doc(s, letter, lang=lang)
    assert "      /NIC-HTQT" in doc.number_line and "      " in doc.place_date
    docx = _texts(draft.write_docx(doc, tmp_path / "thu.docx"))
    assert doc.number_line in docx and doc.place_date in docx
    path, _ = draft.write_pdf(doc, tmp_path / "thu.pdf", engine="reportlab")
    text = PdfReader(str(path)).pages[0].extract_text().replace("\u00a0", " ")
    assert doc.number_line in text and doc.place_date in text


@pytest.mark.skipif(draft.soffice() is None, reason="LibreOffice is not installed")
def test_the_pdf_through_libreoffice(engine: Engine, tmp_path: Path) -> None:
    letter = _signed_letter(engine)
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter)  # type: ignore[arg-type]
    path, used = draft.write_pdf(doc, tmp_path / "thu.pdf", engine="libreoffice")
    assert used == "libreoffice"
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1 and "125/NIC-HTQT" in reader.pages[0].extract_text()


def test_letter_draft_from_an_action_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "k.db")

    def run(*args: str) -> dict[str, object]:
        capsys.readouterr()
        assert main([*args, "--db", db, "--json"]) == 0, capsys.readouterr().err
        return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]

    run("org", "add", "--name", "Công ty Cổ phần Genetica", "--acronym", "Genetica")
    action = run(
        "action",
        "add",
        "--title",
        "Thư giới thiệu Genetica",
        "--kind",
        "letter",
        "--organisation",
        "Genetica",
    )
    out = run("letter", "draft", f"action:{action['id']}", "-o", str(tmp_path / "a.docx"))
    letter_id = out["letter_id"]
    assert out["number"] == "Số:       /NIC-HTQT"  # a draft: no number burnt
    signed = run("letter", "sign", str(letter_id))
    assert signed["reference"] == "01/NIC-HTQT"
    again = run("letter", "draft", f"action:{action['id']}", "-o", str(tmp_path / "b.docx"), "--lang", "en")
    assert again["letter_id"] == letter_id and again["number"] == "No.: 01/NIC-HTQT"
    assert "Kính gửi: Công ty Cổ phần Genetica" in _texts(tmp_path / "a.docx")
    shown = run("action", "show", str(action["id"]))
    assert shown["record"]["reference"] == "01/NIC-HTQT"  # type: ignore[index]
    listed = run("letter", "list", "--year", "2026")
    assert [x["reference"] for x in listed["letters"]] == ["01/NIC-HTQT"]  # type: ignore[attr-defined]
    scan = tmp_path / "scan-01.pdf"
    draft.write_pdf(
        draft.LetterDoc("vi", "", "NIC", "Số: 01/NIC-HTQT", "", "", ["x"], [], [], ""),
        scan,
        engine="reportlab",
    )
    attached = run("letter", "attach", str(letter_id), str(scan))
    assert len(attached["attachments"]) == 1  # type: ignore[arg-type]
    assert run("letter", "show", str(letter_id))["letter"]["files"] == ["scan-01.pdf"]  # type: ignore[index]
    capsys.readouterr()
    assert main(["letter", "draft", "action:999", "-o", str(tmp_path / "c.docx"), "--db", db]) == 1
    assert "no action #999" in capsys.readouterr().err


def test_the_cli_says_what_a_drafted_letter_is_for_and_what_a_bare_number_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer: "letter draft 1" meant action 1, redrafted letter #1 (action 2's) and said only
    "Letter #1": the line names the letter's action, and that a bare number is a letter's id."""
    db = str(tmp_path / "k.db")

    def run(*args: str) -> str:
        capsys.readouterr()
        assert main([*args, "--db", db]) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    run("org", "add", "--name", "Công ty Cổ phần Genetica", "--acronym", "Genetica")
    run("action", "add", "--title", "Gọi lại Genetica", "--organisation", "Genetica")
    run(
        "action",
        "add",
        "--title",
        "Thư giới thiệu Genetica",
        "--kind",
        "letter",
        "--organisation",
        "Genetica",
    )
    first = run("letter", "draft", "action:2", "-o", str(tmp_path / "a.docx")).splitlines()[0]
    assert first == f"Letter #1 (action #2: Thư giới thiệu Genetica): {tmp_path / 'a.docx'}"
    bare = run("letter", "draft", "1", "-o", str(tmp_path / "b.docx")).splitlines()[0]
    assert "action #2: Thư giới thiệu Genetica" in bare
    assert "a bare number is a letter's id; action #1's letter: action:1" in bare


@pytest.mark.parametrize(
    ("full_name", "dear"),
    [
        ("Ms Siobhan O'Brien", "Dear Ms O'Brien,"),  # reviewer h119: "Dear Ms Siobhan O'Brien,"
        ("Dr. Pieter van der Berg", "Dear Dr. van der Berg,"),
        ("Prof. Dr. Jürgen Weiß", "Dear Prof. Dr. Weiß,"),
        ("Siobhan O'Brien", "Dear Siobhan O'Brien,"),  # no form of address: the whole name
        ("Ông Nguyễn Văn An", "Dear Mr. Nguyễn Văn An,"),  # family first: never "Dear Mr. Nguyễn,"
    ],
)
def test_the_english_greeting_takes_a_western_name_by_its_family_name(
    engine: Engine, tmp_path: Path, full_name: str, dear: str
) -> None:
    with unit_of_work(engine) as s:
        person = records.create(s, "contact", {"full_name": full_name})
        letter = register.add_letter(
            s,
            {"subject": "Invitation", "symbol": "NIC-HTQT", "contact_id": person, "template": "introduction"},
        )
        doc = draft.letter_doc(s, letter, lang="en")
    texts = _texts(draft.write_docx(doc, tmp_path / "dear.docx"))
    assert dear in texts
