"""The page template of every brief: fonts, colours, paragraph styles, header and footer.

Fonts are Noto Sans from ``resources/fonts`` (SIL OFL, licence beside them), embedded as
TrueType subsets so that every Vietnamese letter prints and copies out correctly; what Noto Sans
cannot draw comes from the bundled DejaVu Sans (symbols) or a font of the computer (Korean,
Japanese, Chinese, Thai: Windows has them), and a character none has prints as □, never nothing. The footer's
"Page X of Y" needs the page count before the first page is finished, so pages are kept as
canvas states and numbered when the document is saved (the classic two-pass NumberedCanvas).

Every user string goes through :func:`esc` (or :func:`para`, which calls it) before it meets
reportlab's paragraph markup: a name like ``<b>R&D</b>`` prints literally.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.briefing.labels import Labels
from db import clock

FONT = "KetnoiSans"
FONT_BOLD = "KetnoiSans-Bold"
FONT_ITALIC = "KetnoiSans-Italic"
FONT_BOLD_ITALIC = "KetnoiSans-BoldItalic"
_FONT_FILES = {
    FONT: "NotoSans-Regular.ttf",
    FONT_BOLD: "NotoSans-Bold.ttf",
    FONT_ITALIC: "NotoSans-Italic.ttf",
    FONT_BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN_X: float = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm

NAVY = colors.HexColor("#1F3A5F")
INK = colors.HexColor("#1C2430")
MUTED = colors.HexColor("#5B6675")
RULE = colors.HexColor("#C5CEDA")
HEAD_BG = colors.HexColor("#E6ECF3")
ZEBRA = colors.HexColor("#F6F8FB")
ALERT = colors.HexColor("#B42318")
ALERT_BG = colors.HexColor("#FDEEEC")
CONFIDENTIAL = colors.HexColor("#9A3412")


def font_dir() -> Path:
    """The directory holding the bundled TTF files and their licence."""
    try:
        path = Path(str(resources.files("resources.fonts")))
    except (ModuleNotFoundError, TypeError):
        path = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    return path


@cache
def register_fonts() -> str:
    """Register the bundled family with reportlab once per process; returns the base name."""
    base = font_dir()
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(base / file)))
    pdfmetrics.registerFont(TTFont(SYMBOLS, str(base / "DejaVuSans.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


SYMBOLS = "KetnoiSymbols"  # DejaVu Sans, bundled: the symbols Noto Sans lacks (≥ → ✓ ★ □)
MISSING = "\u25a1"  # □, printed for a character no font here can draw (never left out)

# Fonts a computer may have for the scripts neither bundled font draws (Korean, Japanese,
# Chinese, Thai…): TrueType only (reportlab reads no PostScript-outline OpenType), tried in
# order, each loaded only when a character needs it.
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
_SYSTEM_FONTS: tuple[tuple[str, int], ...] = (
    *(
        (str(_WINDOWS_FONTS / name), index)
        for name, index in (
            ("malgun.ttf", 0),  # Korean (every Windows since 7)
            ("YuGothR.ttc", 0),  # Japanese
            ("msgothic.ttc", 0),
            ("msyh.ttc", 0),  # Chinese
            ("simsun.ttc", 0),
            ("LeelawUI.ttf", 0),  # Thai, Lao, Khmer
            ("tahoma.ttf", 0),
            ("seguisym.ttf", 0),  # symbols
            ("arialuni.ttf", 0),
        )
    ),
    ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 0),
    ("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
)


@cache
def _coverage(name: str) -> frozenset[int]:
    """The code points the registered font ``name`` has a glyph for."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


_FALLBACK: dict[int, str | None] = {}  # code point → the font that draws it (None: none here)
_SYSTEM_LOADED: list[str] = []


def fallback_font(code: int) -> str | None:
    """The font that draws ``code`` when Noto Sans does not: the bundled symbols font, else the
    first system font (:data:`_SYSTEM_FONTS`) that has it; None when none here has it."""
    if code in _FALLBACK:
        return _FALLBACK[code]
    register_fonts()
    found: str | None = SYMBOLS if code in _coverage(SYMBOLS) else None
    if found is None:
        found = next((name for name in _SYSTEM_LOADED if code in _coverage(name)), None)
    while found is None and len(_SYSTEM_LOADED) < len(_SYSTEM_FONTS):
        path, index = _SYSTEM_FONTS[len(_SYSTEM_LOADED)]
        name = f"KetnoiFallback{len(_SYSTEM_LOADED)}"
        _SYSTEM_LOADED.append(name)
        try:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
        except Exception:  # absent, unreadable or PostScript outlines: the next one
            _SYSTEM_LOADED[-1] = SYMBOLS  # (a placeholder that covers nothing new)
            continue
        if code in _coverage(name):
            found = name
    _FALLBACK[code] = found
    return found


def _runs(text: str) -> list[tuple[str | None, str]]:
    """``text`` cut where the font that draws it changes: (None for Noto Sans, or a fallback
    font's name, text); a character no font here has becomes :data:`MISSING`."""
    if text.isascii():
        return [(None, text)]
    register_fonts()
    noto = _coverage(FONT)
    out: list[tuple[str | None, str]] = []
    for char in text:
        code, ch = ord(char), char
        font = None
        if code not in noto and ch not in "\n\r\t":
            font = fallback_font(code)
            if font is None:
                font, ch = SYMBOLS, MISSING
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def marked(text: str) -> str:
    """``text`` escaped for paragraph markup, each run Noto Sans cannot draw in a font that can
    (reviewer: a Korean name printed as nothing, "R&D ≥ 5 năm" as "R&D  5 năm")."""
    return "".join(
        escape(part) if font is None else f'<font name="{font}">{escape(part)}</font>'
        for font, part in _runs(text)
    )


def draw_text(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, *, right: bool = False
) -> None:
    """``c.drawString`` (``right``: ``drawRightString``) of user text in ``font``, with the
    fallback fonts of :func:`marked` for what it cannot draw."""
    runs = [(font if f is None else f, part) for f, part in _runs(text)]
    if right:
        x -= sum(c.stringWidth(part, f, size) for f, part in runs)
    for f, part in runs:
        c.setFont(f, size)
        c.drawString(x, y, part)
        x += c.stringWidth(part, f, size)


def esc(text: object) -> str:
    """User text made safe for paragraph markup; line breaks kept; characters Noto Sans lacks
    drawn in a font that has them (:func:`marked`)."""
    return marked(str(text or "")).replace("\n", "<br/>")


class Styles:
    """The paragraph styles of a brief (built after the fonts are registered)."""

    def __init__(self) -> None:
        register_fonts()
        base = ParagraphStyle(
            "body", fontName=FONT, bulletFontName=FONT, fontSize=9, leading=12.2, textColor=INK
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10.4)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", base, fontSize=8.3, leading=10.8)
        self.cell_bold = ParagraphStyle("cellb", self.cell, fontName=FONT_BOLD)
        self.cell_right = ParagraphStyle("cellr", self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle(
            "head", self.cell, fontName=FONT_BOLD, fontSize=7.8, textColor=NAVY, leading=10
        )
        self.alert = ParagraphStyle("alert", self.cell, fontName=FONT_BOLD, textColor=ALERT)
        self.kicker = ParagraphStyle(
            "kicker", base, fontName=FONT_BOLD, fontSize=8.5, textColor=MUTED, leading=11
        )
        self.title = ParagraphStyle(
            "title",
            base,
            fontName=FONT_BOLD,
            fontSize=19,
            leading=24,
            textColor=NAVY,
            spaceBefore=2,
            spaceAfter=2,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", base, fontSize=11, leading=15, textColor=MUTED, spaceAfter=8
        )
        self.key = ParagraphStyle("key", self.cell, textColor=MUTED)
        self.value = ParagraphStyle("value", self.cell)
        self.note = ParagraphStyle("note", base, leading=13, spaceAfter=4)
        self.figure = ParagraphStyle("fig", base, fontSize=10, leading=12, alignment=TA_LEFT)
        self.stat_value = ParagraphStyle(
            "statv", base, fontName=FONT_BOLD, fontSize=15, leading=18, textColor=NAVY
        )
        self.stat_label = ParagraphStyle("statl", self.small, textColor=MUTED)


@cache
def styles() -> Styles:
    return Styles()


FIELD_LIMIT = 1200
"""Characters of one field printed in a paragraph; the rest stays in Ketnoi. A brief is read in
a meeting: a 10,000-character address or a pasted e-mail thread would otherwise fill pages
(and a table row taller than a page cannot be laid out at all)."""

NOTES_LIMIT = 20_000
"""Characters of free notes printed (about six pages); a 1 MB note took 161 pages and 429 s."""

DECISIONS_LIMIT = 40_000
"""Characters of one meeting's decisions printed in full after the table: what was decided
matters more than notes, so more of it is printed."""


def clip(text: str, limit: int) -> tuple[str, int]:
    """``text`` cut at a word boundary within ``limit`` characters, and how many were left out."""
    if len(text) <= limit:
        return text, 0
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit * 3 // 4 else limit
    return text[:cut].rstrip() + " …", len(text) - cut


def para(
    text: object, style: ParagraphStyle | None = None, *, markup: str = "", limit: int = FIELD_LIMIT
) -> Paragraph:
    """A paragraph of user text, escaped and clipped to ``limit`` characters; ``markup``
    (trusted, ours) wraps it, e.g. ``<b>%s</b>``."""
    body = esc(clip(str(text or ""), limit)[0])
    return Paragraph(markup % body if markup else body, style or styles().body)


class SectionHeading(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """A section title with a rule under it.

    It never sits alone at the foot of a page: when less than ``need`` points remain below it,
    it moves to the next page (it reports itself too tall to fit and cannot be split). Unlike
    ``keepWithNext`` this does not glue a long table to it, which would push the whole table
    to the next page and leave a gap.
    """

    def __init__(self, text: str, *, space_before: float = 12, need: float = 72) -> None:
        super().__init__()
        self.text = text
        self.space_before = space_before
        self.need = need

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        # ``need`` is what follows: under the line and the space after it (a chart's heading
        # kept 262 points under its line but not the 5 after it, and ended the page alone)
        if avail_height < 19 + self.getSpaceAfter() + self.need:
            return avail_width, avail_height + 1
        return avail_width, 19

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return self.space_before

    def getSpaceAfter(self) -> float:
        return 5

    def draw(self) -> None:
        c = self.canv
        c.setFont(FONT_BOLD, 11.5)
        c.setFillColor(NAVY)
        c.drawString(0, 6, self.text)
        c.setStrokeColor(NAVY)
        c.setLineWidth(0.8)
        c.line(0, 1, self.width, 1)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    avail: float,
    *,
    highlight: Sequence[int] = (),
    align_right: Sequence[int] = (),
    carry: tuple[int, str] | None = None,
) -> Table:
    """A ruled table with a bold header row that repeats on every page it spans.

    ``widths`` are fractions of ``avail``; ``highlight`` lists data rows (0-based) to tint as
    alerts; every cell should already be a Paragraph (or a plain trusted string); each is
    fitted to its column (:func:`fitted`: no word broken inside). ``carry``: see
    :class:`GroupedTable`.
    """
    st = styles()
    rooms = [w * avail - 8 for w in widths]  # (the cells' left and right padding)
    data: list[list[Any]] = [[Paragraph(esc(h), st.head) for h in header]]
    data.extend(list(r) for r in rows)
    data = [[fitted(cell, room) for cell, room in zip(row, rooms, strict=False)] for row in data]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    for i in range(1, len(data)):
        if i % 2 == 0:
            commands.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    for r in highlight:
        commands.append(("BACKGROUND", (0, r + 1), (-1, r + 1), ALERT_BG))
    for col in align_right:
        commands.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    table = GroupedTable(
        data,
        colWidths=[w * avail for w in widths],
        style=TableStyle(commands),
        repeatRows=1,
        splitInRow=1,  # a row taller than a page continues on the next one
        hAlign="LEFT",
    )
    if carry is not None:
        table.carry = carry
    return table


LEFT_OVER = 36.0
"""Points a table may leave empty at the foot of a page rather than cut a row in two."""


class GroupedTable(Table):  # type: ignore[misc]  # reportlab ships no types
    """A table whose rows come in groups named once, in the first row of each (the digest's
    overdue actions: the person, then their actions). ``carry``: (column, "%1 (continued)") —
    when the table runs onto a new page, or a row continues there, and the first row on that
    page is not a group's first, the group's name is printed in it again with the words, so
    that every row on a page says whose it is (reviewer: a continuation page of overdue actions
    with no name on it). Without ``carry`` it is a plain table."""

    carry: tuple[int, str] | None = None
    carried: str = ""  # the name of the group the rows at the top of this part belong to
    carried_markup: str = ""  # that name as printed (marked when confidential)
    continued = False  # the part after a page break: it starts on a page of its own

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)  # (set by the frame asking)
        if self.continued and frame is not None and not getattr(frame, "_atTop", True):
            # The rest of a table split at the foot of a page goes to the top of the next page.
            # Laid into the few points left under the first part instead, it repeated the
            # header there, mid-page, above the start of a row cut in two (reviewer: a repeated
            # header with an empty Responsible column).
            return []
        parts: list[Flowable] = super().split(avail_width, avail_height)
        if len(parts) == 2 and avail_height - parts[0].wrap(avail_width, avail_height)[1] > LEFT_OVER:
            # A tall row did not fit below the last whole one: cut it at the foot of the page
            # rather than leave the space empty (the rest would otherwise go there, see above).
            in_row = self._splitRows(avail_height, doInRowSplit=True) if self.splitInRow else []
            parts = in_row if len(in_row) == 2 else parts
        if len(parts) == 2 and _nothing_after_header(parts[1]):
            # A row cut in two a point or two short of the foot of the page: all its words in
            # the first part, only its bottom padding in the rest, which would print as the
            # header alone at the top of the next page (reviewer h103: "Họ và tên | Chức vụ |
            # …" and no row under it). The table ends here.
            parts = [parts[0]]
        if len(parts) == 2:
            parts[1].continued = True
            # (reportlab drops the header's rule from the rest of a row cut in two: drawn again)
            parts[1].setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY)]))
        if self.carry is None or len(parts) != 2:
            return parts
        col, words = self.carry
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        first, rest = parts
        name, shown = self.carried, self.carried_markup
        for row in first._cellvalues[head:]:
            cell = _first_para(row[col])
            found = getattr(cell, "owner", None) or _cell_text(row[col])
            if found:  # (``owner_markup``: the name as printed, a confidential one with its mark)
                name, shown = found, getattr(cell, "owner_markup", None) or esc(found)
        for part in parts:
            part.carry, part.carried, part.carried_markup = self.carry, self.carried, self.carried_markup
        rest.carried, rest.carried_markup = name, shown
        if name and head < len(rest._cellvalues) and not _cell_text(rest._cellvalues[head][col]):
            cell = Paragraph(esc(words).replace("%1", shown or esc(name)), styles().cell_bold)
            cell.owner, cell.owner_markup = name, shown
            rest._cellvalues[head][col] = cell
            if isinstance(rest._argH, list):  # (its height again from what it now holds)
                rest._argH[head] = None
        return parts


def _nothing_after_header(part: Table) -> bool:
    """Whether every row of ``part`` under its repeated header holds no words."""
    head = part.repeatRows if isinstance(part.repeatRows, int) else len(part.repeatRows)
    return all(not _cell_text(cell).strip() for row in part._cellvalues[head:] for cell in row)


def _first_para(cell: Any) -> Any:
    if isinstance(cell, list | tuple):
        return next((c for c in cell if isinstance(c, Paragraph)), None)
    return cell


def _cell_text(cell: Any) -> str:
    """The words a table cell shows ("" for an empty one, or the empty half of a split row)."""
    if isinstance(cell, Paragraph):
        return str(cell.getPlainText()).strip()
    if isinstance(cell, list | tuple):
        return " ".join(_cell_text(c) for c in cell).strip()
    return str(cell or "").strip() if isinstance(cell, str) else ""


def facts_table(pairs: Sequence[tuple[str, Any]], avail: float, *, columns: int = 2) -> Table:
    """Key/value pairs laid out in ``columns`` column pairs (empty values are skipped)."""
    st = styles()
    gap = 0.02
    shown = [(k, v) for k, v in pairs if v not in (None, "", ())]
    per = (len(shown) + columns - 1) // columns or 1
    pair_w = (1 - (columns - 1) * gap) / columns
    # each column's labels as wide as its widest label, from 16% up to 22% of the width: a label
    # never wraps (reviewer h129: "Thành phần phía" / "ta", its value read as two rows)
    key_ws = []
    for c in range(columns):
        keys = [k for k, _v in shown[c * per : (c + 1) * per]]
        widest = max((pdfmetrics.stringWidth(k, st.key.fontName, st.key.fontSize) for k in keys), default=0.0)
        key_ws.append(min(0.22, max(0.16, (widest + 7) / avail)) if avail > 0 else 0.16)
    cells = []
    for n, (k, v) in enumerate(shown):
        key_w = key_ws[min(n // per, columns - 1)]
        room = (pair_w - key_w) * avail - 6  # (the cell's right padding)
        cells.append(
            (
                fit_cell(Paragraph(esc(k), st.key), key_w * avail - 6),
                fitted(v, room) if isinstance(v, Flowable) else value_para(v, st.value, room),
            )
        )
    rows: list[list[Any]] = []
    for i in range(per):
        row: list[Any] = []
        for c in range(columns):
            idx = c * per + i
            row.extend(cells[idx] if idx < len(cells) else ("", ""))
        rows.append(row)
    widths: list[float] = []
    for c in range(columns):
        widths += [key_ws[c], pair_w - key_ws[c]] + ([gap] if c < columns - 1 else [])
    if columns > 1:
        rows = [[*r[:2], "", *r[2:]] for r in rows] if columns == 2 else rows
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )
    return Table(rows, colWidths=[w * avail for w in widths], style=style, hAlign="LEFT", splitInRow=1)


def fitted(cell: Any, room: float) -> Any:
    """A table cell's content with each paragraph fitted to ``room`` points (:func:`fit_cell`);
    a plain string or another flowable is kept as it is."""
    if isinstance(cell, Paragraph):
        return fit_cell(cell, room)
    if isinstance(cell, list | tuple):
        return [fitted(c, room) for c in cell]
    return cell


def value_para(value: object, style: ParagraphStyle, room: float) -> Paragraph:
    """:func:`para` for a value in a cell ``room`` points wide, one line of ``value`` a line,
    fitted by :func:`fit_cell`: an e-mail address too wide is printed a little smaller when that
    keeps it whole, else it breaks after its "@" ("huong.nguyen7@" / "visecurity.example.vn"),
    then, if a part is still too wide, after a "." or "-" that leaves more than a fragment on
    each side (never "vn" alone on a line). The contact brief's facts and every table's
    "Email / phone" cell use it."""
    text = clip(str(value or ""), FIELD_LIMIT)[0]
    return fit_cell(Paragraph("<br/>".join(marked(line) for line in text.split("\n")), style), room)


MIN_CELL_SIZE = 6.5
"""The smallest type a cell's text is shrunk to so that a word too wide for the cell stays whole
(8.3 points in a table, 9 in the facts): below it, the word breaks at a hyphen or a slash."""

_MARKUP = re.compile(r"(<[^>]*>)")
_FONT_NAME = re.compile(r"""name\s*=\s*["']([^"']+)["']""")
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _ENTITIES[name]

    return _ENTITY.sub(one, text)


@cache
def _unit_width(text: str, font: str) -> float:
    """The width of ``text`` in ``font`` at one point (scaled by the size)."""
    return float(pdfmetrics.stringWidth(text, font, 1))


def _plain(markup: str, style: ParagraphStyle) -> tuple[list[str], list[tuple[str, str]]]:
    """``markup`` cut into its tags and text (unescaped), and each character of the text (a
    ``<br/>`` is a newline) with the font it is drawn in."""
    bold = style.fontName in (FONT_BOLD, FONT_BOLD_ITALIC)
    fonts: list[str] = []
    parts = _MARKUP.split(markup)
    chars: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        if i % 2 == 1:  # a tag
            tag = part.strip("<>/ ").split(" ")[0].lower()
            closing = part.startswith("</")
            if tag == "br":
                chars.append(("\n", style.fontName))
            elif tag == "b":
                bold = not closing
            elif tag == "font":
                if closing:
                    if fonts:
                        fonts.pop()
                else:
                    found = _FONT_NAME.search(part)
                    fonts.append(found.group(1) if found else "")
            continue
        font = next((f for f in reversed(fonts) if f), "") or (FONT_BOLD if bold else style.fontName)
        chars.extend((ch, font) for ch in _unescape(part))
    return parts, chars


def _tokens(chars: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """(start, end) of each run of characters without a space or a line break."""
    out: list[tuple[int, int]] = []
    start = None
    for i, (ch, _font) in enumerate([*chars, (" ", "")]):
        if ch.isspace():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    return out


def _span_width(chars: list[tuple[str, str]], start: int, end: int) -> float:
    """Width at one point of ``chars[start:end]``, measured run by run of one font."""
    total, i = 0.0, start
    while i < end:
        j, font = i, chars[i][1]
        while j < end and chars[j][1] == font:
            j += 1
        text = "".join(ch for ch, _f in chars[i:j])
        try:
            total += _unit_width(text, font)
        except KeyError:  # a font not registered (never here): measured in ours
            total += _unit_width(text, FONT)
        i = j
    return total


_EMAIL_BREAK = re.compile(r"(?<=[._-])(?=.)")
_WORD_BREAK = re.compile(r"(?<=[-/])(?=.)")


def _pieces(word: str) -> list[list[str]]:
    """Where a word too wide for its cell may break: groups of pieces; a line ends after each
    group, and within a group, between pieces where needed. An e-mail address: its part up to
    the "@" and its domain, each cut after a "." "-" or "_" that leaves at least four characters
    on both sides ("example.vn" stays together); any other word: after a hyphen or a slash,
    leaving at least three on both sides."""
    local, at, domain = word.rpartition("@")
    if at and local and domain:  # (a short name before the "@" stays with its domain: "an@nic.")
        groups = [local + at, domain] if len(local) >= 3 else [word]
        splitter, least = _EMAIL_BREAK, 4
    else:
        groups, splitter, least = [word], _WORD_BREAK, 3
    out = []
    for group in groups:
        pieces: list[str] = []
        for piece in splitter.split(group):
            if pieces and len(pieces[-1].rstrip("._-/")) < least:
                pieces[-1] += piece  # (a fragment before: joined to this piece)
            else:
                pieces.append(piece)
        if len(pieces) > 1 and len(pieces[-1]) < least:
            pieces[-2:] = [pieces[-2] + pieces[-1]]  # a fragment at the end ("vn"): to the one before
        out.append(pieces)
    return out


def fit_cell(p: Paragraph, room: float) -> Paragraph:
    """``p`` laid out in a cell ``room`` points wide without breaking a word inside it (reviewer:
    "VNPT-Te" / "chnology", an address ending "…example.v" / "n"). Words wrap whole at spaces;
    a word wider than the cell (a long acronym, an organisation's code, an e-mail address)
    makes the paragraph's type a little smaller when that keeps it whole (down to
    :data:`MIN_CELL_SIZE`); failing that it breaks only at a hyphen or a slash (an address:
    after its "@", then a "."), see :func:`_pieces`. Only a word with none of these, wider than
    the cell even in the smallest type, is cut where the line ends, the last resort."""
    style = p.style
    size = float(style.fontSize)
    parts, chars = _plain(p.text, style)
    room -= 0.5  # (rounding in reportlab's own measure)
    words = [(s, e, _span_width(chars, s, e)) for s, e in _tokens(chars)]
    widest = max((w for _s, _e, w in words), default=0.0)
    if widest * size <= room or room <= 0:
        return p
    if widest * MIN_CELL_SIZE <= room:  # smaller type keeps every word whole
        return Paragraph(p.text, _sized(style, room / widest))
    # break the words too wide at the places _pieces allows, in type as large as lets each piece fit
    breaks: set[int] = set()
    plans = []
    for s, e, w in words:
        if w * MIN_CELL_SIZE <= room:
            continue
        word = "".join(ch for ch, _f in chars[s:e])
        groups, at = [], s
        for group in _pieces(word):
            spans = []
            for piece in group:
                spans.append((at, at + len(piece), _span_width(chars, at, at + len(piece))))
                at += len(piece)
            groups.append(spans)
        plans.append(groups)
    piece_widest = max(
        [w for _s, _e, w in words if w * MIN_CELL_SIZE <= room]
        + [w for groups in plans for spans in groups for _s, _e, w in spans]
    )
    new_size = max(MIN_CELL_SIZE, min(size, room / piece_widest))
    for groups in plans:
        for g, spans in enumerate(groups):
            if g:
                breaks.add(spans[0][0])
            line = 0.0
            for k, (ps, _pe, w) in enumerate(spans):
                if k and (line + w) * new_size > room:
                    breaks.add(ps)
                    line = 0.0
                line += w
    return Paragraph(
        _with_breaks(parts, breaks),
        _sized(style, new_size, split_words=piece_widest * new_size > room),
    )


def _with_breaks(parts: list[str], breaks: set[int]) -> str:
    """The markup cut into ``parts`` again, with ``<br/>`` before each character index of
    ``breaks`` (indices as :func:`_plain` counts them)."""
    out, i = [], 0
    for n, part in enumerate(parts):
        if n % 2 == 1:
            out.append(part)
            if part.strip("<>/ ").split(" ")[0].lower() == "br":
                i += 1
            continue
        for ch in _unescape(part):
            if i in breaks:
                out.append("<br/>")
            out.append(escape(ch))
            i += 1
    return "".join(out)


def _sized(style: ParagraphStyle, size: float, *, split_words: bool = False) -> ParagraphStyle:
    size = min(float(style.fontSize), math.floor(size * 10) / 10)
    return ParagraphStyle(
        f"{style.name}-{size}",
        style,
        fontSize=size,
        leading=style.leading * size / style.fontSize,
        splitLongWords=1 if split_words else 0,
    )


def format_date(value: dt.date | dt.datetime | None, lab: Labels, *, time: bool = False) -> str:
    if value is None:
        return ""
    if lab.lang == "vi":
        text = f"{value.day:02d}/{value.month:02d}/{value.year}"
    else:
        text = f"{value.day} {lab.month_abbr[value.month - 1]} {value.year}"
    if time and isinstance(value, dt.datetime):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def make_canvas(title: str, lab: Labels, generated: dt.datetime, paper: tuple[float, float]) -> type[Canvas]:
    """A canvas class that draws the running header and the "Page X of Y" footer at save time."""
    width, height = paper
    generated_text = lab.generated % format_date(clock.local(generated), lab, time=True)

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The page's initial font would otherwise be Helvetica (not embedded, no Vietnamese).
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            top = height - 13 * mm
            self.setFont(FONT_BOLD, 8.5)
            self.setFillColor(NAVY)
            draw_text(self, MARGIN_X, top, _fit(self, title, FONT_BOLD, 8.5, width * 0.5), FONT_BOLD, 8.5)
            self.setFont(FONT_BOLD, 7.5)
            # red only for a confidential meeting: the usual internal mark in grey, so that the
            # two are told apart at a glance (reviewer: both were the same red)
            self.setFillColor(CONFIDENTIAL if lab.secret else MUTED)
            self.drawRightString(width - MARGIN_X, top, lab.confidential)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, top - 3 * mm, width - MARGIN_X, top - 3 * mm)
            bottom = 11 * mm
            self.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, bottom, generated_text)
            self.drawRightString(width - MARGIN_X, bottom, lab.page_of % (self._pageNumber, total))
            self.restoreState()

    return NumberedCanvas


def _fit(c: Canvas, text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` points (running header only)."""
    if c.stringWidth(text, font, size) <= room:
        return text
    while text and c.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _fit_short_sections(story: list[Flowable], width: float) -> None:
    """A heading asks for ``need`` points below it so that it never ends a page alone; a
    section shorter than that asks only for its own height. A one-line last section ("Notes")
    otherwise went to a page of its own, with room for it on the page before."""
    for i, item in enumerate(story):
        if not isinstance(item, SectionHeading):
            continue
        height = 0.0
        for following in story[i + 1 :]:
            if isinstance(following, SectionHeading) or height >= item.need:
                break
            if not isinstance(following, Paragraph | Table | Spacer):
                height = item.need  # (measured only once laid out on a page: taken as tall)
                break
            _w, h = following.wrap(width, 10**6)
            height += h + following.getSpaceBefore() + following.getSpaceAfter()
        item.need = min(item.need, height)


TAIL = 120.0
"""Points of a last page that make it a tail: a one-line section, a table's last row or two
(reviewer: page 2 of a brief held one row, or only "No open commitments on either side")."""

KEEP_ON_LAST = 170.0
"""Points a last page carries when rows are pulled over to it (about a third of a meeting table:
its repeated header and a few rows above the tail)."""

RETRY_PAGES = 8
"""Briefs of up to this many pages are laid out again to avoid a tail (each try is a layout)."""

COMPACT_SPACE = 5.0
"""The space above a section heading in a compacted layout (12 points otherwise)."""


@dataclass
class _Layout:
    data: bytes
    pages: int
    used: list[float]  # points of each page's frame holding something, from the top


def _lay_out(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    lab: Labels,
    generated: dt.datetime,
    size: tuple[float, float],
    shorten: dict[int, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> _Layout:
    """One layout of ``story``; ``shorten``: page number → points taken off the foot of its frame."""
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="Ketnoi",
        creator="Ketnoi",
        lang="vi" if lab.lang == "vi" else "en",
        initialFontName=FONT,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    top = doc.bottomMargin + doc.height
    used: list[float] = []

    def on_page(_canvas: Canvas, _doc: Any) -> None:
        used.append(0.0)
        # (before the frame is reset for the page: its new foot counts from this page on)
        frame.bottomPadding = (shorten or {}).get(len(used), 0.0)
        if progress is not None:
            progress(len(used), 0)

    def after(_flowable: Flowable) -> None:
        current = getattr(doc, "frame", None)  # (none between a page break and the next page)
        if used and current is not None:
            used[-1] = max(used[-1], top - float(current._y))

    doc.afterFlowable = after
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    _fit_short_sections(story, doc.width)
    doc.build(story, canvasmaker=make_canvas(title, lab, generated, size))
    return _Layout(out.getvalue(), len(used), used)


def _compacted(story: list[Flowable]) -> list[Flowable]:
    """``story`` with less space above its section headings (the other tightening, a smaller
    chart, is the story's own: see :func:`build_document`)."""
    for item in story:
        if isinstance(item, SectionHeading):
            item.space_before = min(item.space_before, COMPACT_SPACE)
    return story


def build_document(
    target: Any,
    story: list[Flowable] | Callable[[bool], list[Flowable]],
    *,
    title: str,
    subject: str,
    lab: Labels,
    generated: dt.datetime,
    paper: str = "a4",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Lay ``story`` out into ``target`` (a path or a binary file); returns the page count.

    ``story`` may be a function making it afresh, ``story(compact)``; then a brief whose last
    page would carry only a tail (:data:`TAIL`: a one-line section, a table's last row or two)
    is laid out again: first compacted (less space above the headings, the story's chart
    smaller; never smaller type or narrower margins), kept if that saves the page; else with
    the page before ending earlier, so that the rows above the tail go over with it and the
    last page carries about :data:`KEEP_ON_LAST` points, kept if the page count stays the same
    and the page before stays at least half full. A list is laid out once as it is.
    """
    if paper not in PAPERS:
        raise ValueError(f"Unknown paper size {paper!r}; use a4 or letter")
    size = PAPERS[paper]
    register_fonts()
    make = story if callable(story) else (lambda _compact: story)
    common: dict[str, Any] = {"title": title, "subject": subject, "lab": lab, "generated": generated}
    done = _lay_out(make(False), size=size, progress=progress, **common)
    if callable(story) and 1 < done.pages <= RETRY_PAGES and done.used[-1] <= TAIL:
        compact = _lay_out(_compacted(make(True)), size=size, **common)
        if compact.pages < done.pages:
            done = compact
        else:
            full = size[1] - MARGIN_TOP - MARGIN_BOTTOM
            shorten = {done.pages - 1: KEEP_ON_LAST - done.used[-1]}
            pulled = _lay_out(make(False), size=size, shorten=shorten, **common)
            if pulled.pages == done.pages and pulled.used[-1] > done.used[-1] and pulled.used[-2] >= full / 2:
                done = pulled
    if isinstance(target, str | Path):
        Path(target).write_bytes(done.data)
    else:
        target.write(done.data)
    if progress is not None:
        progress(done.pages, done.pages)
    return done.pages


def usable_width(paper: str) -> float:
    if paper not in PAPERS:
        raise ValueError(f"Unknown paper size {paper!r}; use a4 or letter")
    return PAPERS[paper][0] - 2 * MARGIN_X
