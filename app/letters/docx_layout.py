"""Draw a :class:`~app.letters.draft.LetterDoc` with python-docx in the layout of Decree
30/2020/NĐ-CP (sizes and margins: see :mod:`app.letters.draft`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

if TYPE_CHECKING:
    from app.letters.draft import LetterDoc

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 less the left and right margins
LEFT_COL_MM = 62  # the issuing body; the national title (88 mm at 12 pt bold) needs the rest
RIGHT_COL_MM = TEXT_WIDTH_MM - LEFT_COL_MM


def _font(
    run: Any, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False
) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(
    container: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    after: float = 0,
    first: Any = None,
) -> Any:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if first is not None:
        fmt.first_line_indent = first
    if text:
        _font(p.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return p


def _short_rule(cell: Any, width_mm: float, cell_mm: float) -> None:
    """A centred line a third to a half of the name's length under the issuing body's name:
    an empty paragraph with a bottom border, indented from both sides."""
    p = cell.add_paragraph()
    side = max((cell_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.space_after = Pt(2)
    p.paragraph_format.line_spacing = Pt(4)
    ppr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def _table(document: Any, widths_mm: tuple[float, float], rows: int = 1) -> Any:
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    # LibreOffice reads the grid, not the cells' widths: set both, and a fixed layout
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(Mm(w).twips)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    return table


def _first(cell: Any, text: str, size: float, **kw: Any) -> None:
    """Write into the cell's first (empty) paragraph, then use add_paragraph for the rest."""
    p = cell.paragraphs[0]
    p.alignment = kw.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_after = Pt(0)
    _font(p.add_run(text), size, **kw)


def build(doc: LetterDoc) -> Any:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr()
    _font_style(normal)

    # Two rows, as the decree's forms: issuing body | national title and motto, then
    # number and subject | place and date, so that "Số:" and the date stand on one line.
    header = _table(document, (LEFT_COL_MM, RIGHT_COL_MM), rows=2)
    left, right = header.rows[0].cells
    if doc.parent_body:
        _first(left, doc.parent_body, 12)
        _para(left, doc.office_name, 12, bold=True)
    else:
        _first(left, doc.office_name, 12, bold=True)
    name_mm = min(len(doc.office_name) * 2.3, LEFT_COL_MM)  # about 2.3 mm a capital at 12 pt
    _short_rule(left, max(name_mm / 2.5, 15), LEFT_COL_MM)
    _first(right, doc.national_title, 12, bold=True)
    _para(right, doc.motto, 13, bold=True, underline=True)
    number, place = header.rows[1].cells
    _first(number, doc.number_line, 13)
    if doc.subject_line:
        _para(number, doc.subject_line, 12)
    _first(place, doc.place_date, 14, italic=True)

    _para(document, "", 14, after=6)
    to = _para(document, "", 14, after=12)
    _font(to.add_run(doc.to_label + " "), 14)
    if len(doc.addressee) == 1:
        _font(to.add_run(doc.addressee[0]), 14)
    else:
        for line in doc.addressee:
            _para(document, f"- {line};" if not line.startswith("-") else line, 14, after=0)
    for text in doc.paragraphs:
        if _standalone(text):  # "Dear Mr. …," and "Yours sincerely,": flush left
            _para(document, text, 14, align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
        else:
            _para(document, text, 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, first=Cm(1.27))

    _para(document, "", 12)
    foot = _table(document, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2))
    copies, sign = foot.rows[0].cells
    _first(copies, doc.copies_label, 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in doc.copies:
        _para(copies, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    titles = doc.signer_title or [""]
    _first(sign, titles[0], 14, bold=True)
    for line in titles[1:]:
        _para(sign, line, 14, bold=True)
    for _ in range(4):
        _para(sign, "", 14)  # the signature and the seal
    _para(sign, doc.signer_name, 14, bold=True)
    core = document.core_properties
    core.title = doc.subject_line or doc.number_line
    core.author = doc.office_name
    return document


def _standalone(text: str) -> bool:
    """A greeting or closing line of an English letter: short and ending in a comma."""
    return text.endswith(",") and len(text) < 60


def _font_style(style: Any) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def write(doc: LetterDoc, path: Path) -> Path:
    from app.letters.draft import write_whole

    document = build(doc)
    return write_whole(Path(path), lambda part: document.save(str(part)))
