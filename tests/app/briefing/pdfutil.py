"""Reading a written brief back: page texts and the fonts each page uses."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from pypdf import PdfReader


def _reader(source: Path | str | IO[bytes]) -> PdfReader:
    return PdfReader(source if hasattr(source, "read") else str(source))  # type: ignore[arg-type]


def pdf_text(source: Path | str | IO[bytes]) -> list[str]:
    """The text of each page, whitespace (line wraps included) collapsed to single spaces.

    The running header and footer are drawn when the document is saved, so they come last.
    """
    return [" ".join((page.extract_text() or "").split()) for page in _reader(source).pages]


def page_fonts(path: Path | str | IO[bytes]) -> list[dict[str, Any]]:
    """Every font dictionary used by any page (descendant fonts of Type0 fonts included)."""
    out: list[dict[str, Any]] = []
    for page in _reader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            out.append(font)
            for d in font.get("/DescendantFonts", []):
                out.append(d.get_object())
    return out


def is_embedded(font: dict[str, Any]) -> bool:
    desc = font.get("/FontDescriptor")
    if desc is None:
        return False
    desc = desc.get_object()
    return any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
