"""A drafted letter reads as an administrative letter whatever the record's title says: the
meeting named "buổi làm việc ngày …" with its subject after "về", the addressee never invited to
an event that names it, the "V/v" line from the letter's purpose; the English letter in English
names. Drafted through ``ketnoi letter draft``, read back from the .docx (python-docx) and the
PDF (pypdf) drawn by reportlab: LibreOffice's PDF, when it is installed, gives pypdf its
Vietnamese letters split apart ("B TÀI CHÍNHỘ")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from app.letters import register
from db.engine import read_session, unit_of_work

Run = Callable[..., str]


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            out += [p.text for p in cell.paragraphs]
    return [t for t in out if t.strip()]


def _pdf(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


@pytest.fixture
def run(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str, ok: bool = True) -> str:
        capsys.readouterr()
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        assert (code == 0) == ok, err
        return out + err

    return run


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    """The office, the Ministry (with its English name), Genetica and NVIDIA; a meeting to come
    at the Ministry whose title names the Ministry; a past one of several organisations."""
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        most = records.create(
            s,
            "organisation",
            {
                "name": "Bộ Khoa học và Công nghệ",
                "name_en": "Ministry of Science and Technology",
                "acronym": "MOST",
            },
        )
        gen = records.create(s, "organisation", {"name": "Genetica"})
        nvidia = records.create(s, "organisation", {"name": "NVIDIA Vietnam R&D Center", "acronym": "NVIDIA"})
        vin = records.create(
            s,
            "organisation",
            {"name": "Mạng lưới Đổi mới sáng tạo Việt Nam", "name_en": "Vietnam Innovation Network"},
        )
        sandbox = records.create(
            s,
            "meeting",
            {
                "title": "Chuẩn bị làm việc với Bộ Khoa học và Công nghệ về sandbox",
                "starts_at": dt.datetime(2026, 12, 9, 9, 0),
                "location": "Bộ Khoa học và Công nghệ, 113 Trần Duy Hưng, Hà Nội",
                "organisation_ids": [most, nic],
            },
        )
        session = records.create(
            s,
            "meeting",
            {
                "title": "Phiên làm việc với Mạng lưới Đổi mới sáng tạo Việt Nam tại Hòa Lạc",
                "starts_at": dt.datetime(2026, 11, 20, 9, 0),
                "organisation_ids": [most, gen, vin, nic],
            },
        )
        action = records.create(
            s,
            "action",
            {
                "title": "Gửi thư giới thiệu Genetica tới NVIDIA",
                "organisation_id": gen,
                "meeting_id": session,
            },
        )
    return {
        "most": most,
        "gen": gen,
        "nvidia": nvidia,
        "sandbox": sandbox,
        "session": session,
        "action": action,
    }


def _draft(run: Run, tmp_path: Path, target: str, lang: str, *extra: str) -> tuple[list[str], str, str]:
    name = re.sub(r"\W", "-", target) + f".{lang}"
    docx, pdf = tmp_path / f"{name}.docx", tmp_path / f"{name}.pdf"
    out = run(
        "letter",
        "draft",
        target,
        "--lang",
        lang,
        "-o",
        str(docx),
        "--pdf",
        str(pdf),
        "--engine",
        "reportlab",
        *extra,
    )
    return _texts(docx), _pdf(pdf), out


def test_an_invitation_to_a_meeting_whose_title_names_the_addressee(
    run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    texts, pdf, _ = _draft(run, tmp_path, f"meeting:{ids['sandbox']}", "vi")
    assert "V/v mời tham dự buổi làm việc ngày 09/12/2026 về sandbox" in texts
    assert "Kính gửi: Bộ Khoa học và Công nghệ" in texts
    invite = (
        "Trung tâm Đổi mới sáng tạo Quốc gia (NIC) trân trọng kính mời đại diện Bộ Khoa học và Công nghệ "
        "tham dự buổi làm việc ngày 09/12/2026 về sandbox."
    )
    assert invite in texts
    assert not any("Chuẩn bị" in t or "chuẩn bị" in t for t in texts)
    assert (
        "kính mời đại diện Bộ Khoa học và Công nghệ tham dự buổi làm việc ngày 09/12/2026 về sandbox" in pdf
    )
    assert "Chuẩn bị" not in pdf


def test_the_english_letter_names_organisations_in_english(
    run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    texts, pdf, out = _draft(run, tmp_path, f"meeting:{ids['sandbox']}", "en")
    assert "To: Ministry of Science and Technology" in texts
    assert "Re: Invitation to a meeting on 09 December 2026" in texts
    assert "Venue: Ministry of Science and Technology, 113 Trần Duy Hưng, Hà Nội." in texts
    assert any("invite you to attend the meeting on 09 December 2026." in t for t in texts)
    # the CLI's first line names the meeting by its title, as recorded (Vietnamese here); the
    # lines about the letter do not
    said = out.split("\n", 1)[1]
    for text in (*texts, pdf, said):
        assert "Bộ Khoa học" not in text and "Chuẩn bị" not in text
    assert "To: Ministry of Science and Technology" in pdf


def test_a_thank_you_names_the_meeting_by_its_date_and_the_other_side(
    run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    texts, pdf, _ = _draft(run, tmp_path, f"meeting:{ids['session']}", "vi")
    assert "Kính gửi: Bộ Khoa học và Công nghệ" in texts
    assert "V/v cảm ơn sau buổi làm việc ngày 20/11/2026" in texts
    assert any(
        "cảm ơn Quý Bộ đã dành thời gian tham dự buổi làm việc ngày 20/11/2026 với Mạng lưới "
        "Đổi mới sáng tạo Việt Nam tại Hòa Lạc và có những ý kiến trao đổi quý báu." in t
        for t in texts
    )
    assert "Phiên làm việc" not in pdf and "về phiên" not in pdf
    # written to the network instead: "với Mạng lưới …" is not said to it
    texts, _, _ = _draft(run, tmp_path, f"meeting:{ids['session']}", "en", "--to", "Mạng lưới")
    assert "To: Vietnam Innovation Network" in texts
    assert "Re: Thank you for the meeting on 20 November 2026" in texts
    assert not any("with Vietnam Innovation Network" in t or "Mạng lưới" in t for t in texts)


def test_an_action_letter_goes_to_the_organisation_its_title_names(
    run: Run, tmp_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    texts, pdf, out = _draft(run, tmp_path, f"action:{ids['action']}", "vi")
    assert "Kính gửi: NVIDIA Vietnam R&D Center" in texts
    assert "V/v giới thiệu Genetica" in texts
    assert any(
        t.endswith("trân trọng gửi tới Quý đơn vị thư này về việc giới thiệu Genetica.") for t in texts
    )
    assert not any("tới NVIDIA" in t or "gửi thư giới thiệu" in t for t in texts)
    assert "về việc giới thiệu Genetica." in pdf
    # NVIDIA was not at the meeting: the letter does not say "Thực hiện kết quả buổi làm việc"
    assert "Thực hiện kết quả" not in pdf
    # not guessed silently: the command and the letter's notes say where the addressee came from
    assert "named in action" in out and "recorded under Genetica" in out and "--to ORG" in out
    with read_session(engine) as s:
        letter = register.get_letter(s, register.letter_for_record(s, "action", ids["action"]))
    assert letter["organisation_id"] == ids["nvidia"]
    assert "Gửi tới NVIDIA Vietnam R&D Center" in letter["notes"] and "Genetica" in letter["notes"]
    texts, pdf, _ = _draft(run, tmp_path, f"action:{ids['action']}", "en")
    assert "Re: Introduction of Genetica" in texts
    assert any("regarding the introduction of Genetica." in t for t in texts)


def test_a_letter_whose_subject_is_the_pasted_title_is_drafted_in_its_own_words(
    run: Run, tmp_path: Path, engine: Engine, ids: dict[str, int]
) -> None:
    """A draft an older Ketnoi registered with the meeting's title as its subject."""
    with unit_of_work(engine) as s:
        letter = register.add_letter(
            s,
            {
                "subject": "Chuẩn bị làm việc với Bộ Khoa học và Công nghệ về sandbox",
                "meeting_id": ids["sandbox"],
                "organisation_id": ids["most"],
                "template": "invitation",
                "symbol": "NIC-HTQT",
            },
        )
    texts, _, _ = _draft(run, tmp_path, str(letter), "vi")
    assert "V/v mời tham dự buổi làm việc ngày 09/12/2026 về sandbox" in texts


def test_a_letter_id_that_is_none_says_how_to_draft_an_actions_letter(
    run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    out = run("letter", "draft", "7", "-o", str(tmp_path / "x.docx"), ok=False)
    assert "action:7" in out and "meeting:7" in out


def test_letter_show_prints_its_history_in_words(run: Run, tmp_path: Path, ids: dict[str, int]) -> None:
    run("letter", "draft", f"action:{ids['action']}", "-o", str(tmp_path / "a.docx"))
    run("letter", "sign", "1", "--on", "05/12/2026")
    out = run("letter", "show", "1")
    assert "{'" not in out and ": None →" not in out
    assert re.search(r"Status: Draft → Signed", out)
    assert re.search(r"Created", out)


def test_an_english_letter_to_a_post_names_its_organisation_in_english(
    engine: Engine, ids: dict[str, int]
) -> None:
    from app import posts
    from app.letters import draft

    with unit_of_work(engine) as s:
        post = posts.add_post(s, ids["most"], "Vụ trưởng Vụ Hợp tác quốc tế", rank=1)
        letter = register.add_letter(s, {"subject": "Mời họp", "symbol": "NIC-HTQT", "post_id": post})
    with read_session(engine) as s:
        en = draft.letter_doc(s, letter, lang="en")
        vi = draft.letter_doc(s, letter, lang="vi")
    assert en.addressee == ["Vụ trưởng Vụ Hợp tác quốc tế, Ministry of Science and Technology"]
    assert vi.addressee == ["Vụ trưởng Vụ Hợp tác quốc tế Bộ Khoa học và Công nghệ"]


@pytest.mark.parametrize(
    ("lang", "line"), [("vi", "Địa điểm: sẽ thông báo sau."), ("en", "Venue: to be confirmed.")]
)
def test_an_invitation_to_a_meeting_with_no_place_yet(
    run: Run, tmp_path: Path, engine: Engine, ids: dict[str, int], lang: str, line: str
) -> None:
    """A meeting logged before its room is booked: the invitation said "Địa điểm: ." (and
    "Venue: ."); now what an office writes then, in the .docx and the PDF."""
    with unit_of_work(engine) as s:
        planned = records.create(
            s,
            "meeting",
            {"title": "Làm việc về sandbox", "starts_at": dt.datetime(2026, 12, 16, 14, 0),
             "organisation_ids": [ids["most"]]},
        )  # fmt: skip
    texts, pdf, _ = _draft(run, tmp_path, f"meeting:{planned}", lang)
    assert line in texts, texts
    assert line in pdf and ": ." not in pdf
