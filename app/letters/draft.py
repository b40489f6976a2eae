"""Draft an official letter as a Word file in the layout of Decree 30/2020/NĐ-CP (Phụ lục I).

Gathering (:func:`letter_doc`: plain data from the register, the office profile and a body
template) is apart from drawing (:func:`write_docx` with python-docx; :func:`write_pdf`: the
.docx through LibreOffice when it is installed, else the same data drawn with reportlab).

What the decree sets, and where it is drawn here:

* A4, margins top and bottom 20 mm, left 30 mm, right 15 mm (the decree: 20-25, 20-25, 30-35,
  15-20); Times New Roman; body 14 pt, justified, first line indented 1.27 cm, 6 pt between
  paragraphs, single line spacing.
* A borderless two-column table at the top. Left: the parent body (cơ quan chủ quản, upper
  case, 12 pt, upright), the issuing body (upper case, 12 pt, bold) with a short line under it
  (a third to a half of the name), then "Số: 125/NIC-HTQT" (13 pt) and the subject "V/v …"
  (12 pt) of a công văn. Right: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12 pt bold), "Độc lập -
  Tự do - Hạnh phúc" (13 pt bold, underlined), then place and date in italics (14 pt).
* The date: "Hà Nội, ngày 05 tháng 12 năm 2026" — a day under 10 and the months 1 and 2 take a
  leading 0 ("ngày 01 tháng 02 năm 2027"); other months do not ("tháng 3").
* A number under 10 takes a leading 0 ("Số: 05/NIC-HTQT"). An unsigned draft leaves the number
  and the day blank ("Số:      /NIC-HTQT") for the register to fill when it is signed.
* "Kính gửi:" (14 pt) and the addressee; the body; signer's authority and post (upper case,
  14 pt bold) and name (14 pt bold) right; "Nơi nhận:" (12 pt, bold italic) and its lines
  (11 pt) left.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import string
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app import written
from app.errors import UserError
from app.letters import addressing, meeting_time, secrecy, wording
from app.letters import office as office_mod
from app.letters.cli_words import refused
from app.letters.office import Addressee, OfficeProfile
from app.vntext import clean
from app.written import check_folder
from db import models as m
from db.engine import data_dir

TEMPLATES = ("introduction", "invitation", "thanks", "reply", "other")
LANGS = ("vi", "en")
FONT = "Times New Roman"
NATIONAL_TITLE = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"}
MOTTO = {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"}
_MONTHS_EN = ("January February March April May June July August September October November December").split()


def vn_date_words(day: dt.date | None, year: int | None = None) -> str:
    """``ngày 05 tháng 12 năm 2026``; a blank day and month for a letter not yet dated."""
    if day is None:
        return f"ngày      tháng      năm {year or ''}".rstrip()
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def en_date_words(day: dt.date | None, year: int | None = None) -> str:
    if day is None:
        return f"      {year or ''}".rstrip()
    return f"{day.day:02d} {_MONTHS_EN[day.month - 1]} {day.year}"


# --- templates -------------------------------------------------------------------------------


def office_template_dir() -> Path:
    """Where an office keeps its own copies of the templates (they win over the shipped ones)."""
    return data_dir() / "letters"


def shipped_template_dir() -> Path:
    try:
        return Path(str(resources.files("resources.letters")))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - a source tree without the package
        return Path(__file__).resolve().parents[2] / "resources" / "letters"


def template_path(kind: str, lang: str) -> Path:
    if kind not in TEMPLATES:
        raise refused(
            f"no letter template {kind!r}; one of {', '.join(TEMPLATES)}",
            f"không có mẫu công văn {kind!r}; hãy chọn một trong: {', '.join(TEMPLATES)}",
        )
    if lang not in LANGS:
        raise refused(
            f"no letter language {lang!r}; one of {', '.join(LANGS)}",
            f"không có ngôn ngữ công văn {lang!r}; hãy chọn một trong: {', '.join(LANGS)}",
        )
    name = f"{kind}.{lang}.txt"
    own = office_template_dir() / name
    return own if own.is_file() else shipped_template_dir() / name


def read_template(kind: str, lang: str) -> str:
    path = template_path(kind, lang)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise refused(
            f"cannot read the letter template {path}: {exc}", f"không đọc được mẫu công văn {path}: {exc}"
        ) from exc
    return "\n".join(line for line in raw.splitlines() if not line.lstrip().startswith("#"))


def _meeting_place(
    place: str, guard: secrecy.Guard, lang: str, met: list[m.Organisation], base: OfficeProfile
) -> str:
    """The invitation's place: none that names a confidential record, in English names in an
    English letter, and when there is none (not recorded, or left out) what an office writes
    when the room is not yet booked (an invitation said "Địa điểm: .")."""
    if guard.names_hidden(place):
        place = ""
    if lang == "en" and place:
        place = _place_en(place, met, base)
    return place if place.strip() else PLACE_TO_BE_CONFIRMED[lang]


@dataclass(frozen=True)
class Event:
    """What a letter tied to no meeting invites to (``letter draft --event …``): its name as
    the letter says it ("the Vietnam Innovation Week" / "Tuần lễ Đổi mới sáng tạo Việt Nam"),
    when it starts, and where."""

    name: str = ""
    starts_at: dt.datetime | None = None
    place: str = ""


MEETING_WORDS = {"meeting_ref": "name", "meeting": "name", "meeting_date": "day", "meeting_time": "time"}
"""The body's words that a meeting (or an :class:`Event`) fills, and what of it each needs."""
MISSING_WORDS = {
    "name": ("the event's name", "tên sự kiện"),
    "day": ("its day", "ngày diễn ra"),
    "time": ("its starting time", "giờ bắt đầu"),
}


def _and(words: list[str], conj: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conj} {words[-1]}"


def _missing_event(body: str, event: Event | None) -> list[str]:
    """What a body that dates an event (``${meeting_date}`` or ``${meeting_time}``) needs and a
    letter tied to no meeting has not: never printed blank ("Time: , ."; reviewer h119)."""
    if "${meeting_date}" not in body and "${meeting_time}" not in body:
        return []  # (a thanks letter's "our recent meeting" is a sentence, not a blank)
    needed = list(dict.fromkeys(what for word, what in MEETING_WORDS.items() if "${" + word + "}" in body))
    have = {"name": bool(event and event.name.strip()), "day": bool(event and event.starts_at)}
    have["time"] = have["day"]
    return [what for what in needed if not have[what]]


def _refuse_blanks(letter_id: int, missing: list[str]) -> UserError:
    en = _and([MISSING_WORDS[w][0] for w in missing], "and")
    vi = _and([MISSING_WORDS[w][1] for w in missing], "và")
    return refused(
        f"letter #{letter_id} invites to an event but belongs to no meeting: {en} would be left "
        "blank. Draft it from its meeting (Draft letter on the meeting's page; ketnoi letter draft "
        "meeting:ID -o …), or give them: "
        f'--event "the Vietnam Innovation Week" --event-time "09/12/2026 08:30" [--event-place "…"]',
        f"công văn #{letter_id} mời dự một sự kiện nhưng không gắn với cuộc họp nào: {vi} sẽ bị "
        "để trống. Hãy soạn từ cuộc họp đó (Soạn công văn trên trang cuộc họp; ketnoi letter draft "
        "meeting:SỐ -o …), hoặc ghi rõ: "
        f'--event "Tuần lễ Đổi mới sáng tạo Việt Nam" --event-time "09/12/2026 08:30" [--event-place "…"]',
    )


def _when_values(
    session: Session, letter: dict[str, Any], starts_at: dt.datetime, lang: str
) -> dict[str, str]:
    """A meeting's or an event's day and time, as a letter says them: its time with its zone
    ("19:00 Hanoi time (UTC+7; 21:00 in Tokyo)", :mod:`app.letters.meeting_time`)."""
    day = starts_at.date()
    words = f"{day:%d/%m/%Y}" if lang == "vi" else en_date_words(day)
    return {
        "meeting_date": words,
        "meeting_time": meeting_time.time_words(
            starts_at,
            lang,
            meeting_time.abroad_of(session, letter),
            (lambda d: f"{d:%d/%m/%Y}") if lang == "vi" else en_date_words,
        ),
        "meeting_date_phrase": f"ngày {words}" if lang == "vi" else f"on {words}",
    }


def _event_values(event: Event, lang: str, session: Session, letter: dict[str, Any]) -> dict[str, str]:
    """The meeting's words of a letter, from an :class:`Event`."""
    out = {"meeting_ref": event.name.strip(), "meeting": event.name.strip(), "meeting_place": event.place}
    if event.starts_at is not None:
        out.update(_when_values(session, letter, event.starts_at, lang))
    return out


PLACE_TO_BE_CONFIRMED = {"vi": "sẽ thông báo sau", "en": "to be confirmed"}
"""An invitation's place when the meeting has none recorded ("Địa điểm: sẽ thông báo sau.")."""


def fill(template: str, values: dict[str, str]) -> list[str]:
    """The template's paragraphs with the known ``${words}`` filled in (others left as typed)."""
    text = string.Template(template).safe_substitute(values)
    paragraphs: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        para = " ".join(clean(line) for line in block.splitlines() if clean(line))
        para = para[:1].upper() + para[1:]  # "${further_to}we …" with no meeting before it
        if para:
            paragraphs.append(para)
    return paragraphs


# --- the data of one letter ------------------------------------------------------------------


@dataclass(frozen=True)
class LetterDoc:
    lang: str
    parent_body: str
    office_name: str
    number_line: str  # "Số: 125/NIC-HTQT"
    subject_line: str  # "V/v giới thiệu …"
    place_date: str  # "Hà Nội, ngày 05 tháng 12 năm 2026"
    addressee: list[str]
    paragraphs: list[str]
    signer_title: list[str]
    signer_name: str
    copies: list[str] = field(default_factory=list)  # "Nơi nhận" lines
    national_title: str = ""
    motto: str = ""
    # "meeting" / "action": drafted from a confidential record, none of whose words are in it;
    # "people": an ordinary meeting's title named a confidential person, left out
    # (app.letters.secrecy); "" when nothing was held back
    withheld: str = ""
    # no officer in charge: the body leaves "ông/bà ……" for the contact person, to fill in
    officer_blank: bool = False

    @property
    def to_label(self) -> str:
        return "Kính gửi:" if self.lang == "vi" else "To:"

    @property
    def copies_label(self) -> str:
        return "Nơi nhận:" if self.lang == "vi" else "Recipients:"


def _subject_line(subject: str, lang: str) -> str:
    subject = clean(subject)
    if lang == "en":
        return f"Re: {subject}" if subject else ""
    subject = wording.lower_first(subject)  # "V/v giới thiệu…"; an acronym or a name stays
    return f"V/v {subject}" if subject else ""


_EN_SUBJECT_WORDS = frozenset(
    "Introducing Inviting Requesting Proposing Following Supporting Establishing Organising "
    "Organizing Preparing Sharing Confirming Cooperation Collaboration Partnership Participation "
    "Proposal Request Support Follow-up Nomination Registration Our Your The A An".split()
)
"""A subject's first word that is no name ("Introducing our officer …"): written in lower case
after "regarding" in an English letter; any other first word (a name, an acronym) stays."""


def _subject_in_text(subject: str, lang: str) -> str:
    """The subject as words of a sentence ("về việc giới thiệu …", "regarding the introduction of …")."""
    in_text = _subject_line(subject, lang).removeprefix("V/v ").removeprefix("Re: ")
    if lang == "en" and wording.is_vietnamese(in_text):
        return "the matter above"  # never a Vietnamese phrase inside an English sentence
    if lang == "en" and in_text.startswith("Introduction of "):
        return "the i" + in_text[1:]
    if lang == "en" and in_text.split(" ", 1)[0] in _EN_SUBJECT_WORDS:
        return in_text[0].lower() + in_text[1:]  # "regarding introducing our officer …"
    return in_text


def _place_en(place: str, orgs: list[m.Organisation], prof: OfficeProfile) -> str:
    """A venue written with an organisation's Vietnamese name, in its English name when on record
    ("Bộ Khoa học và Công nghệ, 113 Trần Duy Hưng" → "Ministry of Science and Technology, …")."""
    pairs = [(o.name, o.name_en) for o in orgs if o.name_en]
    pairs.append((prof.name_in_text, prof.name_in_text_en))
    for vi, en in sorted(pairs, key=lambda p: -len(p[0])):
        if vi and en:
            place = re.sub(re.escape(vi), en, place, flags=re.IGNORECASE)
    return place


def _meeting_values(session: Session, letter: dict[str, Any], lang: str) -> dict[str, str]:
    meeting_id = letter.get("meeting_id")
    meeting = session.get(m.Meeting, meeting_id) if meeting_id else None
    if meeting is None or meeting.deleted_at is not None:
        return {
            "meeting_date": "",
            "meeting_time": "",
            "meeting_place": "",
            "meeting_date_phrase": "vừa qua" if lang == "vi" else "held recently",
        }
    return {**_when_values(session, letter, meeting.starts_at, lang), "meeting_place": meeting.location}


def letter_doc(
    session: Session,
    letter_id: int,
    *,
    lang: str = "vi",
    template: str | None = None,
    profile: OfficeProfile | None = None,
    event: Event | None = None,
) -> LetterDoc:
    """Everything drawn on the page for letter ``letter_id``, as plain data. ``event``: what a
    letter tied to no meeting invites to; an invitation that has neither is refused, naming
    what is missing, rather than drafted with blanks."""
    from app.letters.fields import format_reference
    from app.letters.register import get_letter

    letter = get_letter(session, letter_id)
    if letter["direction"] != "outgoing":
        raise refused(
            f"letter #{letter_id} is incoming: only our own letters are drafted",
            f"công văn #{letter_id} là công văn đến: chỉ soạn dự thảo cho công văn của cơ quan ta",
        )
    base = profile or office_mod.load_profile(session)
    prof = base.for_lang(lang)
    addressee: Addressee = office_mod.addressee_of(session, letter)
    symbol = letter["symbol"] or prof.symbol
    signed = letter["number"] is not None
    reference = format_reference(letter["number"], symbol) if signed else f"      /{symbol}"
    number_line = f"Số: {reference}" if lang == "vi" else f"No.: {reference}"
    day = letter["letter_date"] if signed else None
    from db import clock

    year = letter["year"] or clock.today().year
    place_date = (
        f"{prof.place}, {vn_date_words(day, year)}"
        if lang == "vi"
        else f"{prof.place}, {en_date_words(day, year)}"
    )
    staff = session.get(m.Staff, letter["owner_id"]) if letter.get("owner_id") else None
    action = session.get(m.Action, letter["action_id"]) if letter.get("action_id") else None
    if staff is None and action is not None and action.responsible_staff_id:
        staff = session.get(m.Staff, action.responsible_staff_id)
    reply = session.get(m.Letter, letter["reply_to_id"]) if letter.get("reply_to_id") else None
    reply_ref = ""
    if reply is not None:
        when = f"{reply.letter_date:%d/%m/%Y}" if reply.letter_date else ""
        if lang == "vi":
            reply_ref = f"Công văn số {reply.reference}" + (f" ngày {when}" if when else "")
        else:
            reply_ref = f"letter No. {reply.reference}" + (f" dated {when}" if when else "")
    subject_vi, subject_en = letter["subject"], letter.get("subject_en") or ""
    if subject_vi == wording.source_title(session, letter):  # a title pasted by an older Ketnoi
        subject_vi, derived_en = wording.derived_subjects(session, letter)
        subject_en = subject_en or derived_en
    subject = (subject_en or subject_vi) if lang == "en" else subject_vi
    meeting = session.get(m.Meeting, letter["meeting_id"]) if letter.get("meeting_id") else None
    if meeting is not None and meeting.deleted_at is not None:
        meeting = None
    met = wording.meeting_orgs(session, meeting.id if meeting else None)
    if letter.get("body") and lang == "vi":
        body = letter["body"]
    else:
        body = read_template(template or letter["template"] or "other", lang)
    if meeting is None:
        missing = _missing_event(body, event)
        if missing:
            raise _refuse_blanks(letter_id, missing)
    else:
        event = None  # (the meeting's own words)
    venue = ""
    premises = wording.premises_of(
        session.get(m.Organisation, letter["organisation_id"]) if letter.get("organisation_id") else None
    )
    if "${meeting_place}" not in body:  # an invitation says "Địa điểm:" on a line of its own
        venue = wording.venue_of(meeting, premises)
        if lang == "en":
            venue = _place_en(venue, met, base)
            own = base.name_in_text_en
            if own and venue.startswith(own) and not own.lower().startswith("the "):
                venue = f"the {venue}"  # "at the National Innovation Center", as "the ${office}"
    guard = secrecy.guard_of(session, letter)
    ref = wording.meeting_ref(
        meeting,
        lang,
        drop=wording.drop_names(session, letter.get("organisation_id")),
        orgs=met,
        venue=venue,
        people=wording.meeting_people(session, meeting.id if meeting else None),
        guard=guard,
        premises=premises,
    )
    withheld = guard.secret
    if not withheld and meeting is not None and guard.names_hidden(meeting.title):
        withheld = "people"
    at_meeting = meeting is not None and (
        not letter.get("organisation_id") or any(o.id == letter["organisation_id"] for o in met)
    )
    further = ("Thực hiện kết quả {}, " if lang == "vi" else "Further to {}, ").format(ref)
    org_name = addressee.org_name(lang) or (letter.get("organisation") or "")
    in_text = _subject_in_text(subject, lang)
    to_org = addressing.recipient_org(session, letter)
    you = addressing.addressed_as(
        to_org.name if to_org is not None else addressee.organisation or (letter.get("organisation") or ""),
        to_org.kind if to_org is not None else None,
        lang,
    )
    known = addressing.worked_with(session, to_org.id if to_org is not None else None, clock.now())
    thanks = (
        ("" if not known else f" và cảm ơn sự hợp tác của {you} trong thời gian qua")
        if lang == "vi"
        else (" and thank you for your cooperation" if known else "")
    )
    values = {
        "office": prof.name_in_text,
        "office_short": prof.short_name,
        "organisation": org_name,
        "meeting_ref": ref,
        # the officer's own title ("Họp với FPT về sandbox") is no words for a partner: an office
        # template written with ${meeting} (as the shipped ones were) names it as a letter does
        "meeting": ref,
        "further_to": further if at_meeting else "",
        "invitee": ("you" if lang == "en" else " ".join(addressee.lines(lang)))
        if addressee.name or addressee.text
        else ("you" if lang == "en" else f"đại diện {org_name}" if org_name else you),
        "addressed_as": you,
        "thanks_so_far": thanks,
        "recipient": " ".join(addressee.lines(lang)),
        "salutation": addressee.salutation(),
        "subject": in_text,
        "action": action.title if action and not guard.secret else "",
        "reply_to": reply_ref,
        "reply_to_subject": reply.subject if reply else "",
        # no officer in charge: a blank to fill on the draft, as Vietnamese drafts leave one,
        # never words that read as a name ("đầu mối của NIC là cán bộ phụ trách"; h129)
        "staff_name": staff.name if staff else ("ông/bà " if lang == "vi" else "Mr/Ms ") + addressing.BLANK,
        "staff_email": staff.email if staff else addressing.BLANK,
        "staff_email_phrase": f" (email: {staff.email})"
        if staff and staff.email
        else ("" if staff else f" (email: {addressing.BLANK})"),
        **_meeting_values(session, letter, lang),
        **(_event_values(event, lang, session, letter) if event is not None else {}),
    }
    values["meeting_place"] = _meeting_place(values["meeting_place"], guard, lang, met, base)
    paragraphs = fill(body, values)
    copies = [
        line.strip(" -;.")
        for line in (letter.get("recipients_copy") or "").splitlines()
        if line.strip(" -;.")
    ]
    unit = prof.unit_short or symbol.split("-")[-1]
    if lang == "vi":
        copy_lines = ["- Như trên;", *(f"- {c};" for c in copies), f"- Lưu: VT, {unit}."]
    else:
        copy_lines = ["- As above;", *(f"- {c};" for c in copies), f"- Archived: Records, {unit}."]
    return LetterDoc(
        lang=lang,
        parent_body=prof.parent_body.upper(),
        office_name=prof.name.upper(),
        number_line=number_line,
        subject_line=_subject_line(subject, lang),
        place_date=place_date,
        addressee=addressee.lines(lang) or ["…"],
        paragraphs=paragraphs,
        signer_title=[
            t.upper() for t in (letter.get("signer_title") or prof.signer_title).splitlines() if t.strip()
        ],
        signer_name=letter.get("signer_name") or prof.signer_name,
        copies=copy_lines,
        national_title=NATIONAL_TITLE[lang],
        motto=MOTTO[lang],
        withheld=withheld,
        officer_blank=staff is None and any(addressing.BLANK in p for p in paragraphs),
    )


# --- writing a chosen file --------------------------------------------------------------------


def write_whole(path: Path, make: Callable[[Path], object]) -> Path:
    """The letter written whole or not at all (:func:`app.written.write_whole`); returns ``path``."""
    written.write_whole(Path(path), make)
    return Path(path)


# --- drawing: Word ---------------------------------------------------------------------------


def write_docx(doc: LetterDoc, path: Path) -> Path:
    """The letter as a .docx (python-docx), in the decree's layout."""
    from app.letters import docx_layout

    return docx_layout.write(doc, path)


# --- PDF -------------------------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


LETTER_SERIFS = ("Times New Roman", "Liberation Serif", "Tinos")
"""The letter's face (``docx_layout.FONT``) and those LibreOffice sets in its place, metric for
metric, when it is missing."""
VIETNAMESE_LETTERS = "1ec7 1edf 1ee3 1b0 1a1"  # ệ ở ợ ư ơ: fontconfig's charset of the test


def office_font_whole() -> bool:
    """Whether LibreOffice can set a Vietnamese letter in one face: Times New Roman, or a face
    it substitutes for it, with the Vietnamese letters. Windows and macOS ship Times New Roman
    with them. Elsewhere fontconfig is asked; without such a face LibreOffice fills each ệ, ở, ư
    from another font, visibly wider inside the words of an official letter (reviewer: Nimbus
    Roman and DejaVu Serif mixed in "Đổi mới", "cảm ơn"). Nothing to ask (no fc-list): True."""
    if sys.platform in ("win32", "darwin"):
        return True
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True
    try:
        found = subprocess.run(
            [fc_list, f":charset={VIETNAMESE_LETTERS}", "family"],
            capture_output=True, text=True, timeout=20, check=False,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return True
    families = {name.strip() for line in found.splitlines() for name in line.split(",")}
    return any(face in families for face in LETTER_SERIFS)


def write_pdf(
    doc: LetterDoc, path: Path, *, engine: str = "auto", timeout_s: float = 120
) -> tuple[Path, str]:
    """The letter as a PDF: the .docx through LibreOffice headless when it is installed
    (``engine="libreoffice"``), else drawn with reportlab (``"reportlab"``). Returns the path
    and the engine used. ``"auto"`` draws it with reportlab also when LibreOffice is there but
    converts nothing (an install without Writer: "source file could not be loaded"), so that a
    draft is never refused for a PDF it can draw, and when the computer has no face to set the
    letter's Vietnamese in Times New Roman's place (:func:`office_font_whole`): reportlab embeds
    its own, whole."""
    office = soffice() if engine in ("auto", "libreoffice") else None
    if office is not None and engine == "auto" and not office_font_whole():
        office = None
    if engine == "libreoffice" and office is None:
        raise refused(
            "LibreOffice (soffice) is not installed; use the reportlab engine",
            "máy chưa cài LibreOffice (soffice); hãy dùng --engine reportlab",
        )
    check_folder(path)  # before LibreOffice is started
    if office is not None and engine == "auto":
        try:
            return _libreoffice_pdf(office, doc, path, timeout_s)
        except UserError:
            office = None
    if office is not None:
        return _libreoffice_pdf(office, doc, path, timeout_s)
    from app.letters import pdf_layout

    return pdf_layout.write(doc, path), "reportlab"


def _libreoffice_pdf(office: str, doc: LetterDoc, path: Path, timeout_s: float) -> tuple[Path, str]:
    """The .docx converted by LibreOffice headless (its own profile in a folder of its own)."""
    with tempfile.TemporaryDirectory(prefix="ketnoi-letter-") as tmp:
        source = write_docx(doc, Path(tmp) / (path.stem + ".docx"))
        profile = Path(tmp) / "profile"
        cmd = [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout_s)
        except (OSError, subprocess.SubprocessError) as exc:
            raise refused(
                f"LibreOffice could not convert the letter: {exc}",
                f"LibreOffice không chuyển được công văn sang PDF: {exc}",
            ) from exc
        made = Path(tmp) / (path.stem + ".pdf")
        if not made.is_file():
            raise refused(
                "LibreOffice wrote no PDF for the letter", "LibreOffice không tạo ra tệp PDF nào cho công văn"
            )
        write_whole(path, lambda part: shutil.copyfile(made, part))
    return path, "libreoffice"


def describe(doc: LetterDoc) -> dict[str, Any]:
    return {
        "number": doc.number_line,
        "place_date": doc.place_date,
        "subject": doc.subject_line,
        "addressee": doc.addressee,
        "paragraphs": len(doc.paragraphs),
    }
