"""The words a drafted letter takes from its meeting or action, so that the body reads as a
Vietnamese (or English) administrative letter whatever the record's title says.

A meeting is named by what it was, "buổi làm việc ngày 02/12/2026" / "the meeting on
02 December 2026", then what its title adds: "với Mạng lưới …" (the other side, unless it is the
addressee or our own office: they are "Quý Công ty" (:mod:`app.letters.addressing`) and "NIC"
already), "tại …", "về …" (the title's first letter lower-cased unless a proper noun or
acronym). A title in the other language than the letter's gives only the other side's name (in
the letter's language, when the organisation is on record) — never half a sentence in another
language.

An action's letter is written to the organisation the action's title names after "tới", "đến",
"cho" or "to" when one of that name is on record ("Gửi thư giới thiệu Genetica tới NVIDIA":
to NVIDIA, about "giới thiệu Genetica"), with a note saying so; else to the action's own
organisation. Its subject is the title without the verb of sending ("Gửi thư …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from app.due_words import without_due_words
from app.letters.secrecy import OPEN, Guard
from app.vntext import clean, fold
from db import models as m

_EVENT_VI = (
    ("chuan bi lam viec", "with"),
    ("chuan bi hop", "with"),
    ("phien lam viec", "with"),
    ("buoi lam viec", "with"),
    ("cuoc hop", "with"),
    ("lam viec", "with"),
    ("hop", "with"),
    ("gap go", "who"),
    ("gap", "who"),
    ("tiep don", "who"),
    ("tiep", "who"),
    ("trao doi", "with"),
)
_EVENT_EN = (
    ("working session", "with"),
    ("work session", "with"),
    ("meeting", "with"),
    ("call", "with"),
    ("session", "with"),
    ("visit to", "who"),
    ("visit", "who"),
    ("meet", "who"),
)
_WITH = {"voi": "vi", "with": "en"}
_AT = {"tai": "vi", "at": "en"}
_ABOUT = {"ve": "vi", "on": "en", "about": "en", "regarding": "en"}
_SEND_VI = ("gui", "soan", "viet", "chuan bi", "du thao", "lam")
_SEND_EN = ("send", "write", "draft", "prepare")
_LETTER_VI = ("cong van", "thu moi", "giay moi", "thu", "van ban")
_LETTER_EN = ("a letter of", "a letter", "letter of", "letter", "the letter")
_TARGET = ("toi", "den", "cho", "to")


def is_vietnamese(text: str) -> bool:
    """A title written in Vietnamese (any letter beyond ASCII), else taken as English."""
    return any(not c.isascii() and c.isalpha() for c in text)


_VN_SYLLABLE = re.compile(
    r"^(ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)


def lower_first(text: str) -> str:
    """ "Chương trình UAV" → "chương trình UAV" (after "V/v", "về"): a title's first letter in
    lower case, unless its first word is an acronym ("NVIDIA", "UAV") or a name — a word that
    is no Vietnamese syllable ("Genetica", "Viettel", "Samsung")."""
    text = clean(text)
    first = text.split(" ", 1)[0]
    if not text[:1].isupper() or text[1:2].isupper():
        return text
    if first.isascii() and first.isalpha() and not _VN_SYLLABLE.match(first.lower()):
        return text  # a name
    return text[0].lower() + text[1:]


def names_of(org: Any) -> list[str]:
    """An organisation's names, folded: name, English name, acronym, aliases."""
    found = [org.name, org.name_en, org.acronym, *(org.aliases or [])]
    return [f for f in (fold(x) for x in found if x) if len(f) >= 2]


def _words(text: str) -> tuple[list[str], list[str]]:
    words = clean(text).split()
    return words, [fold(w).strip(",.;:") for w in words]


def _starts(folded: list[str], phrase: str) -> int:
    parts = phrase.split()
    return len(parts) if folded[: len(parts)] == parts else 0


def _names(folded_text: str, names: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded_text) for n in names)


@dataclass(frozen=True)
class MeetingTitle:
    """A meeting title read into its parts ("" when not there)."""

    lang: str
    counterpart: str = ""
    place: str = ""
    topic: str = ""
    # Whether the words after its verb read as "with …", "about …" ("Họp kín về …", "Họp giao
    # ban …", "Họp trực tuyến với …" do not: their parts would be garbled, "về kín về …")
    clean: bool = True


def read_title(title: str) -> MeetingTitle:
    """ "Phiên làm việc với Mạng lưới X tại Hòa Lạc" → counterpart "Mạng lưới X", place "Hòa Lạc";
    "Họp với Viettel về chương trình UAV" → counterpart "Viettel", topic "chương trình UAV";
    "Chương trình hỗ trợ …" → topic the whole title; "Họp kín về …" → not ``clean``: after "Họp"
    (and the other verbs of meeting "with" someone) comes "với", "về" or nothing."""
    lang = "vi" if is_vietnamese(title) else "en"
    words, folded = _words(title)
    if not words:
        return MeetingTitle(lang)
    taken, how = 0, ""
    for phrase, kind in _EVENT_VI if lang == "vi" else _EVENT_EN:
        taken = _starts(folded, phrase)
        if taken:
            how = kind
            break
    if not taken:
        return MeetingTitle(lang, topic=clean(title))
    parts: dict[str, list[str]] = {"counterpart": [], "place": [], "topic": []}
    current = "counterpart" if how == "who" else "topic"
    if how == "with" and taken < len(words) and folded[taken] not in _WITH and folded[taken] not in _ABOUT:
        return MeetingTitle(lang, clean=False)
    for i in range(taken, len(words)):
        f = folded[i]
        if i == taken and f in _WITH:
            current = "counterpart"
            continue
        if i == taken and f in _ABOUT:  # "Working session on …"
            continue
        if f in _AT and current != "topic":
            current = "place"
            continue
        if f in _ABOUT and current != "topic":
            current = "topic"
            continue
        parts[current].append(words[i])
    said = {k: " ".join(v).strip(" ,;:-—") for k, v in parts.items()}
    return MeetingTitle(lang, said["counterpart"], said["place"], said["topic"])


def meeting_ref(
    meeting: m.Meeting | None,
    lang: str,
    *,
    drop: list[str] = (),  # type: ignore[assignment]
    orgs: list[Any] = (),  # type: ignore[assignment]
    brief: bool = False,
    venue: str = "",
    people: list[str] = (),  # type: ignore[assignment]
    guard: Guard = OPEN,
    premises: list[str] = (),  # type: ignore[assignment]
) -> str:
    """ "buổi làm việc ngày 02/12/2026 với Mạng lưới … tại Hòa Lạc về …" / "the meeting on 02
    December 2026 with … at … about …": ``drop`` the folded names of the addressee and our
    office; ``orgs`` the meeting's organisations, whose English names an English letter takes;
    ``brief``: the date and the topic only (for the "V/v" line); ``venue``: where it was held
    (:func:`venue_of`), said when the title names no place; ``people``: the folded names of
    the attendees who are not confidential; ``premises``: the addressee's (:func:`premises_of`),
    a place the title names there is not said either. The other side the title names is said only when it
    is (or ends with) a name of an organisation met or of such a person ("Gặp Lưu Văn Mật tuần
    trước" names nobody cleanly). ``guard``: a confidential meeting gives no words of its title;
    an ordinary one none that name a confidential person or organisation
    (:mod:`app.letters.secrecy`)."""
    from app.letters.draft import en_date_words

    if meeting is None:
        return "buổi làm việc vừa qua" if lang == "vi" else "our recent meeting"
    day = meeting.starts_at.date()
    noun = {
        "vi": {"call": "buổi trao đổi trực tuyến", "event": "sự kiện"},
        "en": {"call": "the call", "event": "the event"},
    }[lang].get(meeting.kind, "buổi làm việc" if lang == "vi" else "the meeting")
    out = f"{noun} ngày {day:%d/%m/%Y}" if lang == "vi" else f"{noun} on {en_date_words(day)}"
    title = read_title(meeting.title)
    if guard.secret or not title.clean:
        title = MeetingTitle(lang)
    said = ["" if guard.names_hidden(x) else x for x in (title.counterpart, title.place, title.topic)]
    title = MeetingTitle(title.lang, said[0], said[1], said[2])
    if guard.names_hidden(venue):
        venue = ""
    who = "" if brief else title.counterpart
    if who and not _ends_with_name(fold(who), [*people, *(n for o in orgs for n in names_of(o))]):
        who = ""
    if who and _names(fold(who), list(drop)):
        who = ""
    if who and title.lang != lang:
        match = next((o for o in orgs if _names(fold(who), names_of(o))), None)
        who = (match.name_en or match.name if lang == "en" else match.name) if match is not None else ""
    if who:
        out += f" với {who}" if lang == "vi" else f" with {who}"
    place = title.place if title.lang == lang else ""
    if place and at_premises(fold(place), list(premises)):
        place = ""
    if not brief and (place or venue):
        out += f" tại {place or venue}" if lang == "vi" else f" at {place or venue}"
    if title.lang == lang:
        if title.topic and not _names(fold(title.topic), list(drop)):
            out += f" về {lower_first(title.topic)}" if lang == "vi" else f" about {title.topic}"
        elif title.topic:  # "… với Bộ X về sandbox" when writing to Bộ X: the part after "về"
            _w, folded = _words(title.topic)
            cut = next((i for i, f in enumerate(folded) if f in _ABOUT), None)
            if cut is not None:
                rest = " ".join(_w[cut + 1 :])
                if rest:
                    out += f" về {lower_first(rest)}" if lang == "vi" else f" about {rest}"
    return out


def _ends_with_name(folded: str, names: list[str]) -> bool:
    """ "chuyen gia luong tu vnquantum" ends with the name "vnquantum"."""
    return any(folded == n or folded.endswith(" " + n) for n in names if n)


_ONLINE = re.compile(r"(?<!\w)(online|truc tuyen|teams|zoom|google meet|webex|skype|video ?call)(?!\w)")


def venue_of(meeting: m.Meeting | None, addressee: list[str]) -> str:
    """Where a meeting was held, as a letter to an outsider says it ("tại …"): its location,
    unless it was a call or online (a platform is no place), or at the addressee's own premises
    (``addressee``: :func:`premises_of` it, its folded names, abbreviations and street address)
    — they know where they are."""
    if meeting is None or meeting.kind == "call":
        return ""
    where = clean(meeting.location).strip(" ,;.")
    folded = fold(where)
    if not where or _ONLINE.search(folded) or at_premises(folded, addressee):
        return ""
    return where


_BODY_WORDS = (
    "tong cong ty", "cong ty", "tap doan", "tong cuc", "cuc", "bo", "vu", "so", "uy ban", "ban",
    "van phong", "hoc vien", "vien", "dai hoc", "truong", "trung tam", "hiep hoi", "hoi",
)  # fmt: skip
"""The first words of a Vietnamese body's name that its abbreviation keeps written out ("Bộ
KH&CN", "Sở KH&ĐT Hà Nội"), longest first where one begins another."""

_JOINERS = re.compile(r"(?<=\w)[&-](?=\w)")


def _abbreviations(folded_name: str) -> list[str]:
    """The usual Vietnamese abbreviations of a body's name, folded, with "&" and "-" dropped:
    "bo khoa hoc va cong nghe" → "bo khcn" ("Bộ KH&CN"), "so ke hoach va dau tu ha noi" → "so
    khdthn", "so khdt ha noi" ("Sở KH&ĐT Hà Nội"): its first words, then the first letter of
    each syllable ("và" is the "&"), the last syllables written out or not."""
    words = [w for w in re.split(r"[\s,.;:()&-]+", folded_name) if w]
    kind = next((k for k in _BODY_WORDS if words[: len(k.split())] == k.split()), "")
    if not kind:
        return []
    rest = [w for w in words[len(kind.split()) :] if w != "va"]
    out = []
    for cut in range(2, len(rest) + 1):
        short = "".join(w[0] for w in rest[:cut])
        out.append(" ".join([kind, short, *rest[cut:]]))
    return out


# "113 tran duy hung", "số 18 hoàng quốc việt", "18a ..." (folded): a number before a name
_STREET = re.compile(r"^(?:so\s+)?\d+[a-z]?(?:[/-]\d+[a-z]?)*\s+[^\d\s]")


def premises_of(org: Any) -> list[str]:
    """What a meeting's location says when it was held at ``org``'s own premises, folded: its
    names (:func:`names_of`), the Vietnamese abbreviations of its name ("Bộ KH&CN" for "Bộ Khoa
    học và Công nghệ", with no alias recorded) and the street of its address ("113 Trần Duy
    Hưng": a part of it with a number). A location "Bộ KH&CN, 113 Trần Duy Hưng" named the
    ministry by neither its name nor its acronym, and a thank-you to it said "tại Bộ KH&CN, 113
    Trần Duy Hưng", where it sits (reviewer h149)."""
    if org is None:
        return []
    out = list(names_of(org))
    out += _abbreviations(fold(org.name or ""))
    for part in re.split(r"[,;\n]", getattr(org, "address", "") or ""):
        street = fold(clean(part)).strip(" .")
        if _STREET.match(street):  # a house number, then a street's name: not "Tầng 5" (h157)
            out.append(street)
    return list(dict.fromkeys(x for x in out if x))


def at_premises(folded_place: str, premises: list[str]) -> bool:
    """Whether a place (folded) names one of ``premises`` (:func:`premises_of`): as written, or
    with an abbreviation's "&" and "-" dropped ("bo kh&cn" is "bo khcn")."""
    return _names(folded_place, premises) or _names(_JOINERS.sub("", folded_place), premises)


PURPOSE = {
    "vi": {"thanks": "cảm ơn sau {ref}", "invitation": "mời tham dự {ref}", "other": "trao đổi sau {ref}"},
    "en": {
        "thanks": "Thank you for {ref}",
        "invitation": "Invitation to {ref}",
        "other": "Follow-up to {ref}",
    },
}


def meeting_subject(meeting: m.Meeting, template: str, lang: str, **kw: Any) -> str:
    """The trích yếu of a meeting's letter: its purpose and the meeting ("cảm ơn sau buổi làm
    việc ngày 02/12/2026 với …"; "Invitation to the meeting on 09 December 2026")."""
    ref = meeting_ref(meeting, lang, brief=True, **kw)
    pattern = PURPOSE[lang].get(template, PURPOSE[lang]["other"])
    if lang == "en" and template == "invitation":
        ref = ref.removeprefix("the ")
        ref = f"{'an' if ref[:1] in 'aeiou' else 'a'} {ref}"
    return pattern.format(ref=ref)


# --- actions ---------------------------------------------------------------------------------


def action_target(session: Session, action: m.Action, skip: list[int]) -> m.Organisation | None:
    """The organisation on record that the action's title names after "tới/đến/cho/to" (other
    than the ``skip`` ids: the action's own and our office), or None."""
    folded = fold(action.title)
    orgs = session.exec(select(m.Organisation).where(col(m.Organisation.deleted_at).is_(None))).all()
    best: tuple[int, m.Organisation] | None = None
    for org in orgs:
        if org.id in skip:
            continue
        for name in names_of(org):
            for prep in _TARGET:
                hit = re.search(rf"(?<!\w){prep} {re.escape(name)}(?!\w)", folded)
                if hit and (best is None or hit.start() < best[0]):
                    best = (hit.start(), org)
    return best[1] if best else None


def action_subject(title: str, target: m.Organisation | None) -> str:
    """The trích yếu from an action's title: without the verb of sending and the letter's noun
    ("Gửi thư giới thiệu Genetica tới NVIDIA" → "giới thiệu Genetica" when writing to NVIDIA),
    and without a deadline at its end, which is the action's, not the letter's ("Gửi thư giới
    thiệu trước thứ sáu" → "giới thiệu", never "V/v giới thiệu trước thứ sáu": reviewer h149)."""
    title = without_due_words(title)
    words, folded = _words(title)
    lang = "vi" if is_vietnamese(title) else "en"
    start = 0
    for verb in _SEND_VI if lang == "vi" else _SEND_EN:
        start = _starts(folded, verb)
        if start:
            break
    if start:
        for noun in _LETTER_VI if lang == "vi" else _LETTER_EN:
            n = _starts(folded[start:], noun)
            if n and start + n < len(words):
                invite = noun in ("thu moi", "giay moi")
                start += n
                if invite:
                    words = [*words[:start], "mời", *words[start:]]
                    folded = [*folded[:start], "moi", *folded[start:]]
                break
    words, folded = words[start:], folded[start:]
    if target is not None:
        names = names_of(target)
        for i in range(len(folded) - 1):
            if folded[i] in _TARGET and _names(" ".join(folded[i + 1 :]), names):
                rest = " ".join(folded[i + 1 :])
                if any(rest == n or rest.startswith(n + " ") for n in names):
                    words, folded = words[:i], folded[:i]
                    break
    text = " ".join(words) or clean(title)
    return lower_first(text) if lang == "vi" else text[:1].upper() + text[1:]


# --- the letter's own words --------------------------------------------------------------------


def own_names(session: Session) -> list[str]:
    """Our office's names, folded (a meeting's "với NIC" is not said to NIC's partner)."""
    from app.letters import office

    prof = office.load_profile(session)
    found = (prof.name, prof.name_in_text, prof.name_en, prof.name_in_text_en, prof.short_name)
    return [fold(n) for n in found if n and len(fold(n)) >= 2]


def meeting_orgs(session: Session, meeting_id: int | None) -> list[m.Organisation]:
    if not meeting_id:
        return []
    return list(
        session.exec(
            select(m.Organisation)
            .join(m.MeetingOrganisation, col(m.MeetingOrganisation.organisation_id) == m.Organisation.id)
            .where(m.MeetingOrganisation.meeting_id == meeting_id, col(m.Organisation.deleted_at).is_(None))
        ).all()
    )


def meeting_people(session: Session, meeting_id: int | None) -> list[str]:
    """The folded full names of the meeting's attendees who are not confidential."""
    if not meeting_id:
        return []
    rows = session.exec(
        select(m.Contact.full_name)
        .join(m.MeetingAttendee, col(m.MeetingAttendee.contact_id) == m.Contact.id)
        .where(
            m.MeetingAttendee.meeting_id == meeting_id,
            col(m.Contact.confidential).is_(False),
            col(m.Contact.deleted_at).is_(None),
        )
    ).all()
    return [f for f in (fold(n) for n in rows if n) if len(f) >= 2]


NEUTRAL_ACTION_SUBJECT: dict[str, tuple[str, str]] = {
    "introduction": ("Giới thiệu đối tác", "Introduction of a partner"),
    "invitation": ("Mời tham dự buổi làm việc", "Invitation to a working session"),
    "thanks": ("Cảm ơn sự hợp tác", "Thank you for your cooperation"),
    "reply": ("Phúc đáp công văn", "Reply to your letter"),
    "other": ("Trao đổi công việc", "Follow-up on our cooperation"),
}
"""The subject of a confidential action's letter, by its kind: none of the action's words."""


def drop_names(session: Session, organisation_id: int | None) -> list[str]:
    org = session.get(m.Organisation, organisation_id) if organisation_id else None
    return own_names(session) + (names_of(org) if org is not None else [])


def derived_subjects(session: Session, letter: dict[str, Any]) -> tuple[str, str]:
    """The trích yếu (Vietnamese, English) a letter of a meeting or an action takes from its
    purpose (``template``) and the record; ("", "") for a letter of neither. The English one is
    "" when only a Vietnamese title is on record (the draft then keeps the Vietnamese)."""
    from app.letters import secrecy

    org_id = letter.get("organisation_id")
    template = str(letter.get("template") or "other")
    action = session.get(m.Action, letter["action_id"]) if letter.get("action_id") else None
    guard = secrecy.guard_of(session, letter)
    if action is not None and guard.secret:  # its title is no word of the letter
        vi, en = NEUTRAL_ACTION_SUBJECT.get(template, NEUTRAL_ACTION_SUBJECT["other"])
        return vi, en
    if action is not None:
        target = session.get(m.Organisation, org_id) if org_id else None
        vi = action_subject(action.title, target)
        en = action_subject(action.title, target) if not is_vietnamese(action.title) else ""
        introduced = session.get(m.Organisation, action.organisation_id) if action.organisation_id else None
        if (
            not en
            and introduced is not None
            and fold(vi).startswith("gioi thieu")
            and introduced.id != org_id
        ):
            en = f"Introduction of {introduced.name_en or introduced.name}"
        return vi[:1].upper() + vi[1:], en
    meeting = session.get(m.Meeting, letter["meeting_id"]) if letter.get("meeting_id") else None
    if meeting is None:
        return "", ""
    kw: dict[str, Any] = {
        "drop": drop_names(session, org_id),
        "orgs": meeting_orgs(session, meeting.id),
        "people": meeting_people(session, meeting.id),
        "guard": guard,
    }
    vi = meeting_subject(meeting, template, "vi", **kw)
    return vi[:1].upper() + vi[1:], meeting_subject(meeting, template, "en", **kw)


def source_title(session: Session, letter: dict[str, Any]) -> str:
    """The title of the action or meeting the letter was made from (its subject was that title,
    pasted, before letters took their own words)."""
    if letter.get("action_id"):
        action = session.get(m.Action, letter["action_id"])
        return action.title if action is not None else ""
    if letter.get("meeting_id"):
        meeting = session.get(m.Meeting, letter["meeting_id"])
        return meeting.title if meeting is not None else ""
    return ""
