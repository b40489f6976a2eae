"""A letter goes to a ministry or a partner: it never says what is confidential. Drafted through
``ketnoi letter draft`` and read back with python-docx (every paragraph, every cell, the core
properties), in Vietnamese and in English.

Reviewer's case: a confidential meeting "Họp kín về thương vụ Genetica – QBM" with a confidential
contact of MOST gave "V/v mời tham dự buổi làm việc ngày 09/12/2026 về kín về thương vụ Genetica
– QBM" addressed to MOST by default; an ordinary meeting "Gặp Lưu Văn Mật tuần trước" thanked the
ministry for the meeting "với Lưu Văn Mật tuần trước"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy.engine import Engine

from app import records
from app.cli import main
from db.engine import unit_of_work

Run = Callable[..., str]
SECRET_TITLE = "Họp kín về thương vụ Genetica – QBM"
AGENDA = "Định giá cổ phần Genetica; điều khoản độc quyền với QBM"
SECRET_WORDS = (
    "kín về",
    "thương vụ",
    "Genetica",
    "QBM",
    "Lưu Văn Mật",
    "Định giá",
    "độc quyền",
    "Luu Van Mat",
)


def _all_text(path: Path) -> str:
    """Every word of the .docx: paragraphs, table cells and the core properties."""
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            out += [p.text for p in cell.paragraphs]
    core = doc.core_properties
    out += [core.title or "", core.subject or "", core.keywords or "", core.comments or ""]
    out += [core.category or "", core.author or ""]
    return "\n".join(out)


def _title(path: Path) -> str:
    return Document(str(path)).core_properties.title or ""


def _kinh_gui(path: Path) -> str:
    doc = Document(str(path))
    return next(p.text for p in doc.paragraphs if p.text.startswith(("Kính gửi:", "To:")))


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
    """The office, MOST, NVIDIA; Lưu Văn Mật of MOST, confidential; Lê Thu Hà of MOST, not.
    Meetings are saved as the window saves them: the attendees' organisations linked."""
    with unit_of_work(engine) as s:
        nic = records.create(
            s,
            "organisation",
            {
                "name": "Trung tâm Đổi mới sáng tạo Quốc gia",
                "name_en": "National Innovation Center",
                "acronym": "NIC",
            },
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
        nvidia = records.create(s, "organisation", {"name": "NVIDIA Vietnam R&D Center", "acronym": "NVIDIA"})
        mat = records.create(
            s, "contact", {"full_name": "Lưu Văn Mật", "organisation_id": most, "confidential": True}
        )
        ha = records.create(s, "contact", {"full_name": "Lê Thu Hà", "organisation_id": most})

        def meeting(title: str, day: dt.datetime, orgs: list[int], people: list[int], **more: object) -> int:
            return records.create(
                s,
                "meeting",
                {
                    "title": title,
                    "starts_at": day,
                    "organisation_ids": orgs,
                    "attendees": [{"contact_id": c, "role": "participant"} for c in people],
                    **more,
                },
            )

        return {
            "nic": nic,
            "most": most,
            "nvidia": nvidia,
            "secret": meeting(
                SECRET_TITLE,
                dt.datetime(2026, 12, 9, 14, 0),
                [nic, most],
                [mat],
                agenda=AGENDA,
                confidential=True,
            ),
            "names_him": meeting(
                "Gặp Lưu Văn Mật tuần trước", dt.datetime(2026, 11, 20, 10, 0), [nic, most], [mat]
            ),
            "mixed": meeting(
                "Họp với NVIDIA về cụm GPU", dt.datetime(2026, 11, 18, 9, 0), [nic, most, nvidia], [mat]
            ),
            "open_most": meeting(
                "Họp với Bộ Khoa học và Công nghệ về sandbox",
                dt.datetime(2026, 11, 17, 9, 0),
                [nic, most],
                [mat, ha],
            ),
        }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_confidential_meetings_letter_says_nothing_of_it(
    run: Run, tmp_path: Path, ids: dict[str, int], lang: str
) -> None:
    path = tmp_path / "m.docx"
    out = run("letter", "draft", f"meeting:{ids['secret']}", "--lang", lang, "-o", str(path))
    text = _all_text(path)
    assert not [w for w in SECRET_WORDS if w in text], text
    # MOST was "met" only through its confidential attendee: not the default addressee
    assert "Khoa học" not in _kinh_gui(path) and "Science" not in _kinh_gui(path)
    if lang == "vi":
        assert _title(path) == "V/v mời tham dự buổi làm việc ngày 09/12/2026"
        assert "tham dự buổi làm việc ngày 09/12/2026." in text
    else:
        assert _title(path) == "Re: Invitation to a meeting on 09 December 2026"
    assert f"Meeting #{ids['secret']} is confidential" in out
    # written to MOST when chosen: still nothing of the meeting
    out = run("letter", "draft", f"meeting:{ids['secret']}", "--lang", lang, "--to", "MOST", "-o", str(path))
    text = _all_text(path)
    assert not [w for w in SECRET_WORDS if w in text], text
    assert "Khoa học" in _kinh_gui(path) or "Science" in _kinh_gui(path)


def test_the_cli_says_it_in_vietnamese_under_a_vietnamese_locale(
    run: Run, tmp_path: Path, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    out = run("letter", "draft", f"meeting:{ids['secret']}", "-o", str(tmp_path / "m.docx"))
    assert f"Cuộc họp #{ids['secret']} là cuộc họp mật" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_ordinary_meetings_title_naming_a_confidential_person_is_left_out(
    run: Run, tmp_path: Path, ids: dict[str, int], lang: str
) -> None:
    path = tmp_path / "m.docx"
    out = run(
        "letter", "draft", f"meeting:{ids['names_him']}", "--to", "MOST", "--lang", lang, "-o", str(path)
    )
    text = _all_text(path)
    assert "Lưu Văn Mật" not in text and "tuần trước" not in text, text
    if lang == "vi":
        assert "tham dự buổi làm việc ngày 20/11/2026 và có những ý kiến" in text
        assert _title(path) == "V/v cảm ơn sau buổi làm việc ngày 20/11/2026"
    assert "names a confidential person" in out


def test_an_organisation_met_also_through_an_open_attendee_is_the_default(
    run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    path = tmp_path / "m.docx"
    run("letter", "draft", f"meeting:{ids['open_most']}", "-o", str(path))
    assert _kinh_gui(path) == "Kính gửi: Bộ Khoa học và Công nghệ"
    path = tmp_path / "n.docx"
    out = run("letter", "draft", f"meeting:{ids['mixed']}", "-o", str(path))
    assert _kinh_gui(path) == "Kính gửi: NVIDIA Vietnam R&D Center"  # not MOST, met only through Mật
    assert "Bộ Khoa học" not in out  # nor offered as another to write to
    assert "về cụm GPU" in _all_text(path)  # an ordinary meeting keeps its topic


@pytest.mark.parametrize(
    ("title", "lang", "garbled", "kept"),
    [
        ("Họp kín về thương vụ mới", "vi", "về kín", ""),
        ("Họp trực tuyến với NVIDIA về GPU", "vi", "trực tuyến", ""),
        ("Họp giao ban tuần", "vi", "giao ban", ""),
        ("Meeting of the board on GPUs", "en", "of the board", ""),
        ("Họp với NVIDIA về cụm GPU", "vi", "", "với NVIDIA về cụm GPU"),
        ("Meeting with NVIDIA on GPU clusters", "en", "", "with NVIDIA about GPU clusters"),
        ("Gặp chuyên gia NVIDIA", "vi", "", "với chuyên gia NVIDIA"),
        ("Gặp anh Tuấn tuần trước", "vi", "tuần trước", ""),
    ],
)
def test_a_title_that_does_not_read_as_with_or_about_is_not_used(
    engine: Engine, run: Run, tmp_path: Path, title: str, lang: str, garbled: str, kept: str
) -> None:
    with unit_of_work(engine) as s:
        nic = records.create(
            s, "organisation", {"name": "Trung tâm Đổi mới sáng tạo Quốc gia", "acronym": "NIC"}
        )
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        nvidia = records.create(s, "organisation", {"name": "NVIDIA Vietnam R&D Center", "acronym": "NVIDIA"})
        meeting = records.create(
            s,
            "meeting",
            {
                "title": title,
                "starts_at": dt.datetime(2026, 11, 20, 9, 0),
                "organisation_ids": [most, nvidia, nic],
            },
        )
    path = tmp_path / "m.docx"
    run("letter", "draft", f"meeting:{meeting}", "--to", "MOST", "--lang", lang, "-o", str(path))
    text = _all_text(path)
    if garbled:
        assert garbled not in text, text
        day = "ngày 20/11/2026 và" if lang == "vi" else "on 20 November 2026"
        assert day in text
    if kept:
        assert kept in text, text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_confidential_actions_letter_has_a_neutral_subject(
    engine: Engine, run: Run, tmp_path: Path, ids: dict[str, int], lang: str
) -> None:
    with unit_of_work(engine) as s:
        action = records.create(
            s,
            "action",
            {
                "title": "Gửi thư giới thiệu Genetica tới NVIDIA về thương vụ QBM",
                "kind": "letter",
                "organisation_id": ids["nvidia"],
                "confidential": True,
            },
        )
    path = tmp_path / "a.docx"
    out = run("letter", "draft", f"action:{action}", "--lang", lang, "-o", str(path))
    text = _all_text(path)
    assert not [w for w in SECRET_WORDS if w in text], text
    assert _title(path) == ("V/v giới thiệu đối tác" if lang == "vi" else "Re: Introduction of a partner")
    assert _kinh_gui(path).endswith("NVIDIA Vietnam R&D Center")
    assert f"Action #{action} is confidential" in out


def test_an_actions_letter_from_a_confidential_meeting_says_nothing_of_it(
    engine: Engine, run: Run, tmp_path: Path, ids: dict[str, int]
) -> None:
    with unit_of_work(engine) as s:
        action = records.create(
            s,
            "action",
            {
                "title": "Mời NVIDIA dự họp về QBM",
                "organisation_id": ids["nvidia"],
                "meeting_id": ids["secret"],
            },
        )
    path = tmp_path / "a.docx"
    run("letter", "draft", f"action:{action}", "-o", str(path))
    text = _all_text(path)
    assert not [w for w in SECRET_WORDS if w in text], text
    assert _title(path) == "V/v mời tham dự buổi làm việc"
