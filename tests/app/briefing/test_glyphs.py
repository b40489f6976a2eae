"""Characters Noto Sans cannot draw are printed, never dropped (reviewer: a Korean contact's
brief had a blank title, "R&D ≥ 5 năm" printed as "R&D  5 năm", which changes its meaning)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from app.briefing import layout, render
from app.briefing.data import OrganisationBrief
from tests.app.briefing.pdfutil import pdf_text
from tests.app.briefing.seed import TODAY


def _brief(name: str, notes: str = "") -> OrganisationBrief:
    return OrganisationBrief(
        organisation_id=1, name=name, generated_at=dt.datetime(2026, 11, 23, 9), today=TODAY, notes=notes
    )


def _text(brief: OrganisationBrief) -> list[str]:
    buf = io.BytesIO()
    render.render_organisation(brief, buf)
    return pdf_text(io.BytesIO(buf.getvalue()))


def test_symbols_print_from_the_bundled_symbols_font() -> None:
    pages = _text(_brief("Nhóm R&D ≥ 5 năm", notes="Ưu tiên → AI ✓ ★"))
    assert "Nhóm R&D ≥ 5 năm" in pages[0]
    assert "Ưu tiên → AI ✓ ★" in pages[0]


def test_a_script_no_font_here_draws_prints_as_boxes_not_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "_SYSTEM_FONTS", ())
    monkeypatch.setattr(layout, "_SYSTEM_LOADED", [])
    monkeypatch.setattr(layout, "_FALLBACK", {})
    pages = _text(_brief("김민수 (Samsung)", notes="Tên tiếng Hàn: 김민수; tiếng Nhật: 田中"))
    assert "□□□ (Samsung)" in pages[0]  # the title and the running head
    assert "Organisation brief: □□□ (Samsung)" in pages[0]
    assert "Tên tiếng Hàn: □□□; tiếng Nhật: □□" in pages[0]


def test_a_missing_or_unreadable_system_font_is_passed_over(
    monkeypatch: pytest.MonkeyPatch, tmp_path: layout.Path
) -> None:
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font")
    monkeypatch.setattr(layout, "_SYSTEM_FONTS", ((str(tmp_path / "absent.ttf"), 0), (str(bad), 0)))
    monkeypatch.setattr(layout, "_SYSTEM_LOADED", [])
    monkeypatch.setattr(layout, "_FALLBACK", {})
    assert layout.fallback_font(ord("김")) is None
    assert layout.fallback_font(ord("≥")) == layout.SYMBOLS


def test_a_korean_font_on_the_computer_prints_the_name() -> None:
    """Windows has Malgun Gothic; this machine may have a Korean TrueType font or not."""
    if layout.fallback_font(ord("김")) is None:
        pytest.skip("no Korean TrueType font on this computer")
    pages = _text(dataclasses.replace(_brief("김민수"), acronym="KMS"))
    assert "김민수" in pages[0]
