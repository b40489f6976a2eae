"""A brief that can be handed over: ``ketnoi brief … --without-confidential`` leaves every
confidential record out — its name, its rows, its part in counts and in "last met" — is not
marked confidential, and ends with a line saying records were left out when that changed it;
the brief of a confidential record itself is refused that way (reviewer h129 could not give
the ministry a brief about itself: one contact there was confidential).

One demo database with the ministry's Hoàng Quốc Yến, the meeting of 20 Nov, the call to
confirm the ministry's delegation and VNQuantum made confidential; each brief written as usual
and without confidential records, read back from the PDF."""

from __future__ import annotations

import re

import pytest

from tests.app.briefing.pdfutil import pdf_text
from tests.cli.inproc import as_in_a_test, demo_database, run_cli

YEN = "Hoàng Quốc Yến"  # MOST's Cục Đổi mới sáng tạo; at the meeting of 27 Nov (to come)
MEETING_1 = "Phiên làm việc với Mạng lưới"  # 20 Nov: MOST, VIN, Genetica…, made confidential
CALL = "Gọi điện xác nhận thành phần đoàn"  # MOST's open action, made confidential
VNQ = "VNQuantum"  # an organisation made confidential: Lê Quang Minh met Đỗ Quang Huy there
HEADER = "CONFIDENTIAL — DO NOT CIRCULATE"
INTERNAL = "INTERNAL — NOT FOR CIRCULATION"
LEFT_OUT = {"en": "Confidential records were left out of this brief.", "vi": "Các hồ sơ mật đã được lược bỏ"}
BRIEFS = {
    "most": ("org", "MOST"),
    "ha": ("contact", "Bùi Đức Hà"),  # at the meetings of 20 and 27 Nov, with Yến at the second
    "minh": ("contact", "Lê Quang Minh"),  # "Gặp chuyên gia lượng tử VNQuantum" (24 Sep)
    "meeting6": ("meeting", "6"),  # 27 Nov, ordinary: Bùi Đức Hà and Yến
    "digest": ("digest", "--from", "2026-11-01", "--to", "2026-11-30"),
    "ksu": ("org", "KSU"),  # nothing confidential about it
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, bool], str]:
    """(brief, language, without confidential) → the PDF's text."""
    db = demo_database(tmp_path_factory)
    out: dict[tuple[str, str, bool], str] = {}
    with as_in_a_test(db.parent):
        for argv in (
            ("contact", "edit", "4", "--set", "confidential=yes"),
            ("meeting", "edit", "1", "--set", "confidential=yes"),
            ("action", "edit", "8", "--set", "confidential=yes"),
            ("org", "edit", VNQ, "--set", "confidential=yes"),
        ):
            done = run_cli(db, *argv)
            assert done.returncode == 0, done.stderr
        for key, (kind, *subject) in BRIEFS.items():
            for lang in ("en", "vi"):
                if lang == "vi" and key not in ("most", "meeting6"):
                    continue
                for without in (False, True):
                    pdf = db.parent / f"{key}-{lang}-{without}.pdf"
                    flag = ["--without-confidential"] if without else []
                    done = run_cli(db, "brief", kind, *subject, *flag, "--lang", lang, "-o", str(pdf))
                    assert done.returncode == 0, done.stderr
                    out[key, lang, without] = " ".join(pdf_text(pdf))
    return out


def test_the_ministrys_brief_leaves_its_confidential_person_meeting_and_call_out(
    made: dict[tuple[str, str, bool], str],
) -> None:
    usual, handed = made["most", "en", False], made["most", "en", True]
    for name in (YEN, MEETING_1, CALL):
        assert name in usual
        assert name not in handed, name
    assert HEADER in usual and INTERNAL not in usual
    assert HEADER not in handed and INTERNAL in handed and "Holds confidential" not in handed
    # the meeting of 20 Nov counts nowhere: it was the last one held, the only one
    assert "20 Nov 2026 Last meeting" in usual
    assert "20 Nov 2026" not in handed
    assert "No meeting with this organisation has taken place yet" in handed
    # what stays: the meeting to come (27 Nov) with Bùi Đức Hà, his commitment
    assert "Chuẩn bị làm việc với Bộ Khoa học và Công nghệ về sandbox" in handed
    assert "Bùi Đức Hà" in handed and "Gửi dự thảo quy định sandbox" in handed
    assert handed.index(LEFT_OUT["en"]) > handed.index("Letters")  # the last line of the brief
    assert LEFT_OUT["en"] not in usual


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_meeting_to_come_lists_no_confidential_attendee_nor_previous_meeting(
    made: dict[tuple[str, str, bool], str], lang: str
) -> None:
    usual, handed = made["meeting6", lang, False], made["meeting6", lang, True]
    assert YEN in usual and MEETING_1 in usual  # an attendee; the previous meeting with them
    assert YEN not in handed and MEETING_1 not in handed
    assert "Bùi Đức Hà" in handed
    assert LEFT_OUT[lang] in handed and LEFT_OUT[lang] not in usual


def test_a_persons_brief_leaves_out_who_met_them_and_the_meeting(
    made: dict[tuple[str, str, bool], str],
) -> None:
    usual, handed = made["ha", "en", False], made["ha", "en", True]
    assert YEN in usual and MEETING_1 in usual and HEADER in usual
    assert YEN not in handed and MEETING_1 not in handed and HEADER not in handed
    assert "20 Nov 2026" not in handed  # not his last meeting either
    assert LEFT_OUT["en"] in handed


def test_a_confidential_organisation_named_in_a_title_is_left_out_of_it(
    made: dict[tuple[str, str, bool], str],
) -> None:
    usual, handed = made["minh", "en", False], made["minh", "en", True]
    assert f"{VNQ} (Confidential)" in usual
    assert VNQ not in handed
    assert "Gặp chuyên gia lượng tử …" in handed  # the meeting stays, its title without the name
    assert HEADER not in handed and LEFT_OUT["en"] in handed


def test_the_digest_leaves_out_the_confidential_meeting(made: dict[tuple[str, str, bool], str]) -> None:
    usual, handed = made["digest", "en", False], made["digest", "en", True]
    assert MEETING_1 in usual and VNQ in usual
    assert MEETING_1 not in handed and VNQ not in handed and YEN not in handed
    assert HEADER not in handed and LEFT_OUT["en"] in handed


def test_a_brief_with_nothing_confidential_says_nothing_was_left_out(
    made: dict[tuple[str, str, bool], str],
) -> None:
    # (each PDF says when it was made: the ticking clock crossed a minute between the two once)
    stamp = re.compile(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}")
    assert stamp.sub("…", made["ksu", "en", True]) == stamp.sub("…", made["ksu", "en", False])
    assert LEFT_OUT["en"] not in made["ksu", "en", True]


REFUSED = {
    "en_GB.UTF-8": (
        "This meeting is confidential itself: its brief cannot leave confidential records out.",
        "This contact is confidential themselves: their brief cannot leave confidential records out.",
    ),
    "vi_VN.UTF-8": (
        "Cuộc họp này là hồ sơ mật: không thể lập tài liệu về nó mà lược bỏ hồ sơ mật.",
        "Người liên hệ này là hồ sơ mật: không thể lập tài liệu về họ mà lược bỏ hồ sơ mật.",
    ),
}


@pytest.mark.parametrize("lang", list(REFUSED))
def test_a_confidential_records_own_brief_is_refused_that_way(
    tmp_path_factory: pytest.TempPathFactory, lang: str
) -> None:
    meeting, contact = REFUSED[lang]
    db = demo_database(tmp_path_factory)
    with as_in_a_test(db.parent):
        assert run_cli(db, "meeting", "edit", "1", "--set", "confidential=yes").returncode == 0
        assert run_cli(db, "contact", "edit", "4", "--set", "confidential=yes").returncode == 0
        pdf = db.parent / "m.pdf"
        done = run_cli(db, "brief", "meeting", "1", "--without-confidential", "-o", str(pdf), lang=lang)
        assert done.returncode != 0 and meeting in done.stderr and not pdf.exists()
        done = run_cli(db, "brief", "contact", YEN, "--without-confidential", "-o", str(pdf), lang=lang)
        assert done.returncode != 0 and contact in done.stderr and not pdf.exists()
        # the default is as before: the confidential meeting's own brief, marked so
        done = run_cli(db, "brief", "meeting", "1", "--lang", "en", "-o", str(pdf), lang=lang)
        assert done.returncode == 0, done.stderr
        assert "CONFIDENTIAL MEETING" in " ".join(pdf_text(pdf))


def test_a_persons_confidential_organisation_is_named_nowhere_nor_their_colleagues(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Lê Minh Châu, of Genetica made confidential: her brief names Genetica nowhere (the facts,
    the subtitle, a meeting's "With", the commitments, the decisions "NIC gửi thư giới thiệu
    Genetica tới NVIDIA") and lists none of its people as her colleagues."""
    db = demo_database(tmp_path_factory)
    with as_in_a_test(db.parent):
        assert run_cli(db, "org", "edit", "Genetica", "--set", "confidential=yes").returncode == 0
        text = {}
        for without in (False, True):
            pdf = db.parent / f"chau-{without}.pdf"
            flag = ["--without-confidential"] if without else []
            done = run_cli(db, "brief", "contact", "Lê Minh Châu", *flag, "--lang", "en", "-o", str(pdf))
            assert done.returncode == 0, done.stderr
            text[without] = " ".join(pdf_text(pdf))
    assert "Genetica (Confidential)" in text[False] and "Phan Thanh Sơn" in text[False]
    assert "Genetica" not in text[True] and "Phan Thanh Sơn" not in text[True]
    assert "NIC gửi thư giới thiệu … tới NVIDIA." in text[True]
    assert HEADER not in text[True] and LEFT_OUT["en"] in text[True]
