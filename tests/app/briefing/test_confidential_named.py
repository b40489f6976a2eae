"""A confidential contact or organisation is marked wherever a brief names it, not only in its
own row: among a meeting's "With" (upcoming, recent, previous, the digest's), as an action's
responsible or organisation, as a person's organisation or department, among the facts (part
of, succeeded by, the contact's organisation, the meeting's organisations); and a brief naming
one is headed CONFIDENTIAL (reviewer: with Nguyễn Thị Hồng Nhung confidential, the brief of Lê
Quang Minh named her unmarked under "With", below "INTERNAL — NOT FOR CIRCULATION").

One demo database, the briefs written once per language and read back."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from app.briefing import render
from app.briefing.data import ActionRow, ContactBrief, OverdueGroup, PeriodDigest, RoleChange, Secret
from app.posts import PostHolding
from tests.app.briefing.pdfutil import pdf_text
from tests.cli.inproc import as_in_a_test, demo_database, run_cli

NHUNG = "Nguyễn Thị Hồng Nhung"  # VIN's director, at meetings 1 and 7
LAN_ANH = "Võ Thị Lan Anh"  # Viettel: responsible for an overdue action (6)
WORDS = {
    "en": ("Confidential", "CONFIDENTIAL — DO NOT CIRCULATE", "INTERNAL — NOT FOR CIRCULATION", "Holds confidential records (%d)"),
    "vi": ("Mật", "MẬT — KHÔNG PHỔ BIẾN", "TÀI LIỆU NỘI BỘ — KHÔNG PHỔ BIẾN", "Có hồ sơ mật (%d)"),
}  # fmt: skip
BRIEFS = {
    "minh": ("contact", "Lê Quang Minh"),  # met Nhung at meeting 7 (upcoming), VNQuantum at 5
    "chau": ("contact", "Lê Minh Châu"),  # of Genetica
    "vin": ("org", "VIN"),
    "most": ("org", "MOST"),  # meeting 1 with Genetica; its department Vụ Công nghệ cao
    "nic": ("org", "NIC"),  # part of Bộ Tài chính
    "mpi": ("org", "MPI"),  # merged into Bộ Tài chính
    "meeting": ("meeting", "1"),  # VIN, Genetica…: Nhung and Lê Minh Châu attending
    "digest": ("digest", "--from", "2026-11-01", "--to", "2026-11-30"),
}


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """The text of each brief, in each language, after the demo's Nhung, Võ Thị Lan Anh,
    Genetica, Vụ Công nghệ cao and Bộ Tài chính are made confidential."""
    db = demo_database(tmp_path_factory)
    out: dict[tuple[str, str], str] = {}
    with as_in_a_test(db.parent):
        for argv in (
            ("contact", "edit", "1", "--set", "confidential=yes"),
            ("contact", "edit", "8", "--set", "confidential=yes"),
            ("org", "edit", "Genetica", "--set", "confidential=yes"),
            ("org", "edit", "Vụ Công nghệ cao", "--set", "confidential=yes"),
            ("org", "edit", "MOF", "--set", "confidential=yes"),
        ):
            done = run_cli(db, *argv)
            assert done.returncode == 0, done.stderr
        for lang in WORDS:
            for key, (kind, *subject) in BRIEFS.items():
                if lang == "vi" and key not in ("minh", "vin", "meeting"):
                    continue  # (the words are the same code's: three briefs say them)
                pdf = db.parent / f"{key}-{lang}.pdf"
                done = run_cli(db, "brief", kind, *subject, "--lang", lang, "-o", str(pdf))
                assert done.returncode == 0, done.stderr
                out[key, lang] = " ".join(pdf_text(pdf))
    return out


def _unmarked(text: str, name: str, word: str) -> list[str]:
    """Where ``name`` is printed with no mark: neither "(Confidential)" after it nor the row's
    "Confidential" line above it."""
    found = re.finditer(rf"(?<!{word} ){re.escape(name)}(?! \({word}\))", text)
    return [text[max(0, f.start() - 40) : f.end() + 20] for f in found]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_confidential_attendee_is_marked_in_another_persons_brief(
    texts: dict[tuple[str, str], str], lang: str
) -> None:
    word, header, internal, holds = WORDS[lang]
    text = texts["minh", lang]
    assert f"{NHUNG} ({word})" in text  # "With" of the meeting of 5 Dec
    assert _unmarked(text, NHUNG, word) == []
    assert header in text and internal not in text  # the header follows
    assert holds % 1 in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_organisations_brief_marks_her_in_every_meeting(
    texts: dict[tuple[str, str], str], lang: str
) -> None:
    word, header, internal, holds = WORDS[lang]
    text = texts["vin", lang]
    assert text.count(f"{NHUNG} ({word})") == 2  # upcoming (7) and recent (1) meetings' "With"
    assert f"{word} {NHUNG}" in text  # her row among the key people, as before
    assert _unmarked(text, NHUNG, word) == []
    assert f"Genetica ({word})" in text  # in meeting 1's "With"
    assert holds % 2 in text  # she and Genetica, each counted once wherever they appear
    assert header in text and internal not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_meeting_brief_marks_an_organisation_in_its_facts_and_tables(
    texts: dict[tuple[str, str], str], lang: str
) -> None:
    word, header, _, _ = WORDS[lang]
    text = texts["meeting", lang]
    # its organisations (facts), Lê Minh Châu's organisation (attendees), the commitments'
    assert text.count(f"Genetica ({word})") >= 4, text
    assert f"{word} {NHUNG}" in text
    assert header in text


def test_a_contacts_organisation_and_commitments(texts: dict[tuple[str, str], str]) -> None:
    text = texts["chau", "en"]
    assert "Organisation Genetica (Confidential)" in text  # the facts
    assert "(CTO) — Genetica (Confidential)" in text  # the subtitle under her name
    assert text.count("Genetica (Confidential)") >= 4  # subtitle, facts, "With", commitments
    assert "CONFIDENTIAL — DO NOT CIRCULATE" in text


def test_departments_parents_and_successors(texts: dict[tuple[str, str], str]) -> None:
    most, nic, mpi = texts["most", "en"], texts["nic", "en"], texts["mpi", "en"]
    assert "Vụ Công nghệ cao (Confidential)" in most  # Bùi Đức Hà's department, key people
    assert "Genetica (Confidential)" in most  # meeting 1's "With"
    assert "Part of Bộ Tài chính (Confidential)" in nic
    assert "merged into Bộ Tài chính (Confidential) on" in mpi
    for text in (most, nic, mpi):
        assert "CONFIDENTIAL — DO NOT CIRCULATE" in text
        assert "INTERNAL — NOT FOR CIRCULATION" not in text


def test_the_digest_marks_names_in_meetings_and_overdue_actions(texts: dict[tuple[str, str], str]) -> None:
    text = texts["digest", "en"]
    assert f"{NHUNG} (Confidential)" in text  # meeting 1's "With"
    assert "Genetica (Confidential)" in text
    assert f"{LAN_ANH} (Confidential)" in text  # whose overdue action it is
    assert _unmarked(text, NHUNG, "Confidential") == []
    assert _unmarked(text, LAN_ANH, "Confidential") == []
    assert "CONFIDENTIAL — DO NOT CIRCULATE" in text


GENERATED = dt.datetime(2026, 11, 20, 9, tzinfo=dt.UTC)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_confidential_persons_name_is_carried_marked_onto_every_page_of_her_overdue_actions(
    lang: str,
) -> None:
    """The digest's overdue table names the person once per group, and again atop each page it
    continues on: with her mark there too, not only on the first page."""
    word = WORDS[lang][0]
    title = "Gửi công văn đề nghị phối hợp tổ chức hội thảo về chuyển đổi số " * 4
    actions = tuple(
        ActionRow(i, title, "they_owe", "open", due_date=dt.date(2026, 10, 1), responsible=LAN_ANH,
                  organisation="Viettel", overdue=True, late_workdays=20)
        for i in range(40)
    )  # fmt: skip
    digest = PeriodDigest(
        start=dt.date(2026, 11, 1),
        end=dt.date(2026, 11, 30),
        generated_at=GENERATED,
        today=dt.date(2026, 11, 20),
        overdue=(OverdueGroup(LAN_ANH, actions, "they_owe"),),
        secrets=(Secret("contact", 8, LAN_ANH),),
    )
    buf = io.BytesIO()
    assert render.render_digest(digest, buf, lang=lang) > 2
    pages = pdf_text(io.BytesIO(buf.getvalue()))
    continued = {"en": "(continued)", "vi": "(tiếp theo)"}[lang]
    assert f"{LAN_ANH} ({word}) Viettel" in pages[0] or f"{LAN_ANH} ({word}) Gửi" in pages[0]
    for page in pages[1:]:
        assert f"{LAN_ANH} ({word}) {continued}" in page, page[:300]
        assert _unmarked(page, LAN_ANH, word) == []
    assert WORDS[lang][1] in pages[0]


def test_a_role_history_and_posts_held_mark_a_confidential_organisation() -> None:
    """The contact brief's "Role history" (organisation changed) and "Posts held" name the
    organisations she was at: a confidential one with its mark."""
    secret_org = "Viện Nghiên cứu Quốc phòng"
    brief = ContactBrief(
        contact_id=3,
        name="Trần Văn Nam",
        generated_at=GENERATED,
        today=dt.date(2026, 11, 20),
        organisation="FPT",
        role_history=(RoleChange(dt.datetime(2026, 3, 1, 9), "organisation", secret_org, "FPT"),),
        posts_held=(
            PostHolding(
                1,
                1,
                "Phó Viện trưởng",
                7,
                secret_org,
                2,
                3,
                "Trần Văn Nam",
                "",
                dt.date(2020, 1, 1),
                dt.date(2026, 2, 28),
                "QĐ 12/2020",
            ),
        ),
        secrets=(Secret("organisation", 7, secret_org),),
    )
    buf = io.BytesIO()
    render.render_contact(brief, buf)
    text = " ".join(pdf_text(io.BytesIO(buf.getvalue())))
    assert text.count(f"{secret_org} (Confidential)") == 2, text
    assert _unmarked(text, secret_org, "Confidential") == []
    assert "CONFIDENTIAL — DO NOT CIRCULATE" in text
    assert "Holds confidential records (1)" in text
