"""Draw a :class:`~app.letters.draft.LetterDoc` as a PDF with reportlab, for machines without
LibreOffice: the same blocks, sizes and margins as the .docx, in the bundled Noto Sans (Times
New Roman is not ours to ship; the .docx names it, and Word or LibreOffice use it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.briefing.layout import FONT, FONT_BOLD, FONT_BOLD_ITALIC, FONT_ITALIC, esc, register_fonts

if TYPE_CHECKING:
    from app.letters.draft import LetterDoc

TEXT_W = A4[0] - 45 * mm
LEFT_W = 62 * mm


def _style(
    size: float, font: str = FONT, align: int = TA_CENTER, after: float = 0, first: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        f"l{size}{font}{align}{after}{first}",
        fontName=font,
        fontSize=size,
        leading=size * 1.2,
        alignment=align,
        spaceAfter=after,
        firstLineIndent=first,
    )


class _Rule(Flowable):  # type: ignore[misc]
    """A short centred line (under the issuing body's name)."""

    def __init__(self, width: float, avail: float) -> None:
        super().__init__()
        self.line_w, self.avail = width, avail

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.avail, 8

    def draw(self) -> None:
        x = (self.avail - self.line_w) / 2
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 3, x + self.line_w, 3)  # 5 pt below the name


_BLANK = re.compile(r" {2,}")


def _p(text: str, style: ParagraphStyle, *, underline: bool = False) -> Paragraph:
    # A paragraph folds a run of spaces into one; the blanks an unsigned draft keeps for the
    # number and the day ("Số:      /NIC-HTQT") are no-break spaces, as wide as the .docx's.
    body = _BLANK.sub(lambda run: "\u00a0" * len(run.group()), esc(text))
    return Paragraph(f"<u>{body}</u>" if underline else body, style)


def story(doc: LetterDoc) -> list[Any]:
    left: list[Any] = []
    if doc.parent_body:
        left.append(_p(doc.parent_body, _style(12)))
    left.append(_p(doc.office_name, _style(12, FONT_BOLD)))
    left.append(_Rule(max(min(len(doc.office_name) * 2.3 * mm, LEFT_W) / 2.5, 15 * mm), LEFT_W - 12))
    number = [_p(doc.number_line, _style(13))]
    if doc.subject_line:
        number.append(_p(doc.subject_line, _style(12)))
    right = [
        _p(doc.national_title, _style(12, FONT_BOLD)),
        _p(doc.motto, _style(13, FONT_BOLD), underline=True),
    ]
    plain = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    place = [_p(doc.place_date, _style(13, FONT_ITALIC))]
    head = Table([[left, right], [number, place]], colWidths=[LEFT_W, TEXT_W - LEFT_W], style=plain)
    out: list[Any] = [head, Spacer(1, 14)]
    body = _style(13, align=TA_JUSTIFY, after=6, first=1.27 * cm)
    if len(doc.addressee) == 1:
        out.append(_p(f"{doc.to_label} {doc.addressee[0]}", _style(13, after=6)))
    else:
        out.append(_p(doc.to_label, _style(13)))
        out += [_p(f"- {line};", _style(13, align=TA_LEFT, first=3 * cm)) for line in doc.addressee]
        out.append(Spacer(1, 6))
    from app.letters.docx_layout import _standalone

    flush = _style(13, align=TA_LEFT, after=6)
    out += [_p(t, flush if _standalone(t) else body) for t in doc.paragraphs]
    copies = [_p(doc.copies_label, _style(12, FONT_BOLD_ITALIC, align=TA_LEFT))]
    copies += [_p(line, _style(11, align=TA_LEFT)) for line in doc.copies]
    sign = [_p(t, _style(13, FONT_BOLD)) for t in doc.signer_title]
    sign += [Spacer(1, 60), _p(doc.signer_name, _style(13, FONT_BOLD))]
    out += [Spacer(1, 10), Table([[copies, sign]], colWidths=[TEXT_W / 2, TEXT_W / 2], style=plain)]
    return out


def write(doc: LetterDoc, path: Path) -> Path:
    from app.letters.draft import write_whole

    register_fonts()
    return write_whole(path, lambda part: _build(doc, part))


def _build(doc: LetterDoc, part: Path) -> None:
    pdf = SimpleDocTemplate(
        str(part),
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=doc.subject_line or doc.number_line,
        author=doc.office_name,
    )
    pdf.build(story(doc))
