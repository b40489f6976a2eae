"""An introduction letter to a company Ketnoi has never met (reviewer h129, "sao viet"): it
calls the company "Quý Công ty", not "Quý cơ quan" (a state body's form); it thanks it for past
cooperation only once a meeting with it has been held; and with no officer in charge it leaves a
blank to fill, not "đầu mối của NIC là cán bộ phụ trách". Drafted to a real .docx and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy.engine import Engine

from app import records
from app.letters import addressing, draft, register
from db.engine import read_session, unit_of_work


def _body(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _letter(engine: Engine, org: dict[str, object]) -> tuple[int, int]:
    with unit_of_work(engine) as s:
        org_id = records.create(s, "organisation", org)
        letter = register.add_letter(
            s,
            {
                "subject": "Giới thiệu Chương trình hỗ trợ khởi nghiệp",
                "symbol": "NIC-HTQT",
                "organisation_id": org_id,
                "template": "introduction",
            },
        )
    return org_id, letter


def _drafted(engine: Engine, letter: int, tmp_path: Path, lang: str = "vi") -> str:
    with read_session(engine) as s:
        doc = draft.letter_doc(s, letter, lang=lang)
    return _body(draft.write_docx(doc, tmp_path / f"thu.{lang}.docx"))


def _meeting(engine: Engine, org_id: int, at: dt.datetime) -> None:
    with unit_of_work(engine) as s:
        records.create(
            s, "meeting", {"title": "Làm việc với Sao Việt", "starts_at": at, "organisation_ids": [org_id]}
        )


def test_a_new_company_is_quy_cong_ty_not_thanked_and_given_a_blank_for_the_officer(
    engine: Engine, tmp_path: Path
) -> None:
    _org, letter = _letter(engine, {"name": "Công ty Cổ phần Công nghệ Sao Việt", "kind": "enterprise"})
    body = _drafted(engine, letter, tmp_path)
    assert "Quý cơ quan" not in body
    assert "xin gửi tới Quý Công ty lời chào trân trọng." in body
    assert (
        "trân trọng gửi tới Quý Công ty thư này về việc giới thiệu Chương trình hỗ trợ khởi nghiệp." in body
    )
    assert "sự quan tâm, phối hợp của Quý Công ty./." in body
    assert "hợp tác" not in body and "trong thời gian qua" not in body  # never worked together
    assert "cán bộ phụ trách" not in body
    assert "đầu mối của NIC là ông/bà …………………… (email: ……………………)." in body
    english = _drafted(engine, letter, tmp_path, "en")
    assert "thank you for your cooperation" not in english and "continued cooperation" not in english
    assert "I would like to extend our warm greetings." in english
    assert "please contact Mr/Ms …………………… (email: ……………………)." in english
    assert "our officer in charge" not in english


def test_a_company_met_before_is_thanked_for_its_cooperation(engine: Engine, tmp_path: Path) -> None:
    org, letter = _letter(engine, {"name": "Sao Viet Technology JSC", "kind": "startup"})
    _meeting(engine, org, dt.datetime(2026, 12, 20, 9, 0))  # still to come: no history yet
    assert "trong thời gian qua" not in _drafted(engine, letter, tmp_path)
    _meeting(engine, org, dt.datetime(2026, 10, 2, 14, 0))  # held
    body = _drafted(engine, letter, tmp_path)
    assert (
        "xin gửi tới Quý Công ty lời chào trân trọng và cảm ơn sự hợp tác của Quý Công ty trong thời gian qua."
        in body
    )
    assert "warm greetings and thank you for your cooperation." in _drafted(engine, letter, tmp_path, "en")


def test_one_of_its_people_at_a_meeting_is_a_history_too(engine: Engine, tmp_path: Path) -> None:
    org, letter = _letter(engine, {"name": "Trường Đại học Bách khoa Hà Nội", "kind": "university"})
    with unit_of_work(engine) as s:
        person = records.create(s, "contact", {"full_name": "Lê Văn Minh", "organisation_id": org})
        records.create(
            s,
            "meeting",
            {
                "title": "Gặp anh Minh",
                "starts_at": dt.datetime(2026, 9, 1, 9, 0),
                "attendees": [{"contact_id": person, "role": "participant"}],
            },
        )
    body = _drafted(engine, letter, tmp_path)
    assert "cảm ơn sự hợp tác của Quý Trường trong thời gian qua." in body


@pytest.mark.parametrize(
    ("name", "kind", "said"),
    [
        ("Bộ Khoa học và Công nghệ", "ministry", "Quý Bộ"),
        ("Vụ Công nghệ cao", "ministry", "Quý Vụ"),  # its name, not its kind
        ("Sở Khoa học và Công nghệ Hà Nội", "agency", "Quý Sở"),
        ("UỶ BAN NHÂN DÂN TỈNH BẮC NINH", "agency", "Quý Ủy ban"),
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc", "agency", "Quý cơ quan"),
        ("KOICA", "agency", "Quý cơ quan"),
        ("Tổng công ty Viễn thông MobiFone", "enterprise", "Quý Tổng công ty"),
        ("Tập đoàn Viettel", "enterprise", "Quý Tập đoàn"),
        ("Genetica", "startup", "Quý Công ty"),
        ("Học viện Công nghệ Bưu chính Viễn thông", "university", "Quý Học viện"),
        ("Đại học Quốc gia Hà Nội", "university", "Quý Đại học"),
        ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "research_institute", "Quý Viện"),
        ("Hiệp hội Phần mềm Việt Nam", "network", "Quý Hiệp hội"),
        ("Vietnam Innovators Network", "network", "Quý đơn vị"),
        ("JICA Vietnam", "international_partner", "Quý đơn vị"),
        ("Vũ Gia Investment", "investor", "Quý đơn vị"),  # "Vũ", a family name, is no "Vụ"
        ("", None, "Quý cơ quan"),  # a letter to no organisation, as before
    ],
)
def test_the_form_of_address_follows_the_organisation(name: str, kind: str | None, said: str) -> None:
    assert addressing.addressed_as(name, kind) == said
    assert addressing.addressed_as(name, kind, "en") == "you"
