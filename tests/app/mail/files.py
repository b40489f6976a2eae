"""Real files for the attachment and e-mail tests: a PDF (reportlab), a .docx (python-docx) and
e-mail messages (the standard library's ``email``), built here rather than kept as fixtures."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid


def pdf_bytes(*lines: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(72, y, line)
        y -= 20
    c.showPage()
    c.save()
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def eml_bytes(
    *,
    subject: str = "Thư giới thiệu Genetica",
    sender: str = "Nguyễn Thị Hồng Nhung <nhung@genetica.asia>",
    to: str = "Trần Minh Anh <anh@nic.gov.vn>",
    cc: str = "",
    body: str = "Kính gửi anh Anh,\nGenetica gửi thư giới thiệu.\n",
    html: str = "",
    attachments: tuple[tuple[str, bytes, str], ...] = (),
    message_id: str | None = "<intro-42@genetica.asia>",
    when: dt.datetime = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Date"] = format_datetime(when)
    if message_id is not None:
        msg["Message-ID"] = message_id or make_msgid()
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    for name, data, mime in attachments:
        main, _, sub = mime.partition("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return bytes(msg)
