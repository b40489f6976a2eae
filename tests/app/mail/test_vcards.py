"""Contacts to vCards and back through the import pipeline (issue 14 item 2)."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app import records, vcards
from app.importing import ImportFileError, inspect_sheet, preview_import, run_import, undo_import
from db import models as m
from db.engine import make_engine, read_session, unit_of_work
from db.migrate import upgrade

NHUNG = "Nguyễn Thị Hồng Nhung"


def _people(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Genetica"})
        nhung = records.create(
            s,
            "contact",
            {
                "full_name": NHUNG,
                "honorific": "TS.",
                "position": "Giám đốc khoa học",
                "organisation_id": org,
                "emails": ["nhung@genetica.asia", "hongnhung@gmail.com"],
                "phones": ["+84903112233", "+842435551234"],
            },
        )
        binh = records.create(s, "contact", {"full_name": "Lê Văn Bình", "emails": ["binh@most.gov.vn"]})
        s.flush()
        labels = {
            "nhung@genetica.asia": "công việc",
            "hongnhung@gmail.com": "home",
            "+84903112233": "di động",
            "+842435551234": "Văn phòng Hà Nội",
        }
        for row in s.scalars(select(m.ContactMethod).where(m.ContactMethod.contact_id == nhung)).all():
            row.label = labels[row.value]
            s.add(row)
    return {"nhung": nhung, "binh": binh}


def _methods(engine: Engine, name: str) -> list[tuple[str, str, str]]:
    with read_session(engine) as s:
        (cid,) = s.scalars(select(m.Contact.id).where(m.Contact.full_name == name)).all()
        rows = s.scalars(
            select(m.ContactMethod)
            .where(m.ContactMethod.contact_id == cid)
            .order_by(m.ContactMethod.kind, m.ContactMethod.position)
        ).all()
        return [(r.kind, r.value, r.label) for r in rows]


def _import(engine: Engine, path: Path) -> tuple[object, object]:
    with read_session(engine) as s:
        layout = inspect_sheet(path, session=s)
        assert layout.kind == "contact" and layout.header_row == 0
        preview = preview_import(path, layout, session=s)
    return preview, run_import(engine, preview, actor="Anh")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_then_import_into_an_empty_database_gives_the_same_people(
    engine: Engine, tmp_path: Path, version: str
) -> None:
    _people(engine)
    with read_session(engine) as s:
        out = vcards.export_vcards(s, version=version)
    assert out.count == 2
    text = out.data.decode()
    assert f"VERSION:{version}" in text and "FN:Nguyễn Thị Hồng Nhung" in text
    (card,) = [c for c in vobject.readComponents(text) if c.fn.value == NHUNG]
    assert card.org.value == ["Công ty Genetica"] and card.title.value == "Giám đốc khoa học"
    assert card.n.value.family == "Nguyễn" and card.n.value.given == "Nhung"
    path = tmp_path / "danh bạ.vcf"
    path.write_bytes(out.data)
    other = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    upgrade(other)
    preview, result = _import(other, path)
    assert preview.counts()["new"] == 2  # type: ignore[attr-defined]
    # A label written in the window's words comes back as their code ("di động" is "mobile",
    # shown "di động" in a Vietnamese window): the same label, stored one way.
    coded = [(k, v, "mobile" if label == "di động" else label) for k, v, label in _methods(engine, NHUNG)]
    assert _methods(other, NHUNG) == coded
    assert ("phone", "+84903112233", "mobile") in _methods(other, NHUNG)
    with read_session(other) as s:
        (nhung,) = s.scalars(select(m.Contact).where(m.Contact.full_name == NHUNG)).all()
        assert (nhung.honorific, nhung.position) == ("TS.", "Giám đốc khoa học")
        org = s.get(m.Organisation, nhung.organisation_id)
        assert org is not None and org.name == "Công ty Genetica"
    # The same file again: the same people, matched, not duplicated; then undone exactly.
    with read_session(other) as s:
        again = preview_import(path, inspect_sheet(path, session=s), session=s)
    assert again.counts()["new"] == 0
    with unit_of_work(other) as s:
        undo_import(result.batch_id, session=s)  # type: ignore[attr-defined]
    with read_session(other) as s:
        assert s.scalars(select(m.Contact).where(m.Contact.deleted_at.is_(None))).all() == []  # type: ignore[union-attr]
    other.dispose()


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode()).decode().replace("=\n", "=\r\n")


def test_an_old_android_export_and_a_broken_card(engine: Engine, tmp_path: Path) -> None:
    name = _qp(NHUNG).replace(" ", "=20")
    long_name = "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + name[:40] + "=\r\n" + name[40:]
    data = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
        + _qp("Nguyễn")
        + ";"
        + _qp("Nhung")
        + ";;;\r\n"
        + long_name
        + "\r\n"
        "TEL;CELL;PREF:0903 112 233\r\nTEL;WORK:024 3555 1234\r\nEMAIL;HOME:nhung@genetica.asia\r\n"
        "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n AAAAAAAA\r\n\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nTEL:0912 345 678\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Phạm Quốc Huy\r\nitem1.EMAIL;TYPE=INTERNET:huy@vinbio.vn\r\n"
        "item1.X-ABLabel:_$!<Other>!$_\r\nEND:VCARD\r\n"
    )
    cards = vcards.parse_cards(data)
    assert [c.full_name for c in cards] == [NHUNG, "", "Phạm Quốc Huy"]
    assert cards[0].phones == [("0903 112 233", "mobile"), ("024 3555 1234", "work")]
    assert cards[0].emails == [("nhung@genetica.asia", "home")] and cards[2].emails == [
        ("huy@vinbio.vn", "other")
    ]
    path = tmp_path / "contacts.vcf"
    path.write_bytes(data.encode())
    preview, _ = _import(engine, path)
    rows = {r.row: r for r in preview.rows}  # type: ignore[attr-defined]
    assert rows[1].status == "new" and rows[3].status == "new"
    assert rows[2].status == "error"  # the second card has no name: its number is the row
    assert ("phone", "+84903112233", "mobile") in _methods(engine, NHUNG)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x", "vcf_no_cards"),
        (b"\x00\x01garbage" * 100, "vcf_no_cards"),
    ],
)
def test_garbage_vcf_is_refused_with_a_message(
    engine: Engine, tmp_path: Path, data: bytes, code: str
) -> None:
    path = tmp_path / "rác.vcf"
    path.write_bytes(data)
    with read_session(engine) as s, pytest.raises(ImportFileError) as err:
        inspect_sheet(path, session=s)
    assert err.value.message.code == code  # type: ignore[attr-defined]


def test_a_huge_vcf_is_refused_before_it_is_read(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vcards, "MAX_VCF_BYTES", 1000)
    path = tmp_path / "big.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n" * 100)
    with read_session(engine) as s, pytest.raises(ImportFileError) as err:
        inspect_sheet(path, session=s)
    assert err.value.message.code == "vcf_too_large"  # type: ignore[attr-defined]


_text = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_text,
    org=_text,
    title=_text,
    label=st.sampled_from(["", "work", "công việc", "di động", "Văn phòng; tầng 3", "home"]),
    version=st.sampled_from(vcards.VERSIONS),
)
def test_a_card_round_trips(name: str, org: str, title: str, label: str, version: str) -> None:
    import datetime as dt
    from types import SimpleNamespace

    row = SimpleNamespace(
        full_name=name, family_name="", given_name="", middle_name="", honorific="", org_name=org,
        position=title, notes="", updated_at=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
    )  # fmt: skip
    text = vcards._card(
        row, [("email", "a@b.vn", label), ("phone", "+84903112233", label)], "u@x", version, False
    )
    (card,) = vcards.parse_cards(text)
    assert (card.full_name, card.organisation, card.position) == (name, org, title)
    assert card.emails == [("a@b.vn", label)] and card.phones == [("+84903112233", label)]


def test_notes_only_when_asked_and_a_trashed_organisation_is_left_out(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        org = records.create(s, "organisation", {"name": "Công ty Cũ"})
        cid = records.create(
            s, "contact", {"full_name": NHUNG, "notes": "Gặp ở hội thảo", "organisation_id": org}
        )
        records.delete(s, "organisation", org)
    with read_session(engine) as s:
        plain = vcards.export_vcards(s, [cid]).data.decode()
        noted = vcards.export_vcards(s, [cid], notes=True).data.decode()
    assert "NOTE" not in plain and "ORG" not in plain
    (card,) = vcards.parse_cards(noted)
    assert card.note == "Gặp ở hội thảo" and card.full_name == NHUNG


def test_unclosed_cards_are_read_in_linear_time() -> None:
    import time

    started = time.perf_counter()
    assert vcards.parse_cards("BEGIN:VCARD\r\n" * 200_000) == []  # 2.6 MB: quadratic took minutes
    assert time.perf_counter() - started < 5
    text = "BEGIN:VCARD\nFN:Lost\nBEGIN:VCARD\nFN:An\nEND:VCARD\nEND:VCARD\nBEGIN:VCARD\r\nFN:Bình\r\nEND:VCARD\r\n"
    assert [c.full_name for c in vcards.parse_cards(text)] == ["An", "Bình"]
    soft = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        + "=41=\r\n" * 300_000
        + "=42\r\nFN:x\r\nEND:VCARD\r\n"
    )
    started = time.perf_counter()
    (card,) = vcards.parse_cards(soft)  # 300,000 soft line breaks, joined once
    assert card.note == "A" * 300_000 + "B" and time.perf_counter() - started < 5
