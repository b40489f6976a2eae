"""Building blocks shared by the briefs: title block, people, meetings, commitments, notes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from app import secret_names
from app.briefing.data import ActionRow, FileRow, MeetingRow, PersonRow, RelationshipSummary
from app.briefing.labels import Labels
from app.briefing.layout import (
    ALERT,
    CONFIDENTIAL,
    DECISIONS_LIMIT,
    FIELD_LIMIT,
    FONT,
    FONT_BOLD,
    NOTES_LIMIT,
    RULE,
    SectionHeading,
    clip,
    data_table,
    esc,
    format_date,
    para,
    styles,
    value_para,
)
from app.briefing.reorg_section import address_form
from app.validation import phone_display
from db import clock


def title_block(
    kicker: str, title: str, subtitle: str = "", *, subtitle_markup: str = "", title_markup: str = ""
) -> list[Flowable]:
    """``subtitle_markup``, ``title_markup``: the subtitle or title as markup (escaped, with
    marks: :func:`named`, :func:`free_markup`), drawn instead of ``subtitle``, ``title``."""
    st = styles()
    out: list[Flowable] = [
        Paragraph(esc(kicker.upper()), st.kicker),
        Paragraph(title_markup, st.title) if title_markup else para(title, st.title),
    ]
    if subtitle_markup:
        out.append(Paragraph(subtitle_markup, st.subtitle))
    elif subtitle:
        out.append(para(subtitle, st.subtitle))
    else:
        out.append(Spacer(1, 6))
    return out


def secret_mark(lab: Labels, note: str = "") -> list[Flowable]:
    """Above a confidential meeting's title (or a brief's that holds confidential records): the
    mark in a box, as an official document is stamped "MẬT" at its head, and ``note`` (the
    meeting's line by default) on who may read it."""
    st = styles()
    box = Table([[lab["secret_mark"]]], hAlign="LEFT")  # (a plain string: drawn as it is, no markup)
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 11),
                ("TEXTCOLOR", (0, 0), (-1, -1), CONFIDENTIAL),
                ("BOX", (0, 0), (-1, -1), 1.2, CONFIDENTIAL),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [box, Spacer(1, 3), Paragraph(esc(note or lab["secret_note"]), st.muted), Spacer(1, 6)]


def secret_line(lab: Labels) -> Paragraph:
    """A confidential record's mark in a table cell, above its name or title ("Mật" /
    "Confidential", in the confidential red): a printout handed on says which rows are secret."""
    word = esc(lab["secret_item"])
    return Paragraph(f'<font color="{CONFIDENTIAL.hexval()}"><b>{word}</b></font>', styles().muted)


def secret_note(text: str) -> Paragraph:
    """A line in the confidential red (what cannot carry :func:`secret_line` itself)."""
    return Paragraph(f'<font color="{CONFIDENTIAL.hexval()}">{esc(text)}</font>', styles().muted)


def named(name: str, kind: str, lab: Labels) -> str:
    """``name`` (a contact's, or an organisation's as printed: ``kind``) escaped for paragraph
    markup, followed by the confidential mark in red when the brief names a confidential record
    so (data.Secret): "Nguyễn Thị Hồng Nhung (Confidential)", "VIN (Mật)" (reviewer: a
    confidential contact listed unmarked among a meeting's "With")."""
    if (kind, name) not in lab.named:
        return esc(name)
    return with_mark(name, lab)


def free_para(text: str, lab: Labels, style: Any, *, limit: int = FIELD_LIMIT) -> Paragraph:
    """What someone wrote (a title, a decision, notes) as a paragraph, clipped to ``limit``
    characters, each confidential contact or organisation marked (:func:`free_markup`)."""
    return Paragraph(free_markup(clip(str(text or ""), limit)[0], lab), style)


def free_markup(text: str, lab: Labels) -> str:
    """``text`` (what someone wrote) escaped for paragraph markup, each confidential contact or
    organisation the brief names (``lab.named``) marked where the text names it (secrets.in_text
    found them: "Gặp Lưu Văn Mật (Mật) tuần trước"), however it is spelt there ("luu van mat":
    :func:`app.secret_names.spans`)."""
    body = str(text or "")
    names = tuple(sorted({name for kind, name in lab.named if secret_names.nameable(name, kind)}))
    if not names:
        return esc(body)
    out, last = [], 0
    for start, end in secret_names.spans(body, names):
        out += [esc(body[last:start]), with_mark(body[start:end], lab)]
        last = end
    out.append(esc(body[last:]))
    return "".join(out)


def with_mark(name: str, lab: Labels) -> str:
    """``name`` escaped for paragraph markup with the confidential mark after it (:func:`named`)."""
    word = esc(lab["secret_item"])
    # (a plain space: in a narrow column the mark goes whole to the next line; glued to the
    # name's last word, the two were too wide together and broke mid-word, "(Confidentia l)")
    return f'{esc(name)} <font color="{CONFIDENTIAL.hexval()}"><b>({word})</b></font>'


def named_para(
    names: Sequence[str] | str, kind: str, lab: Labels, style: Any, sep: str = "<br/>"
) -> Paragraph:
    """A paragraph of ``names`` (one name, or several one a line: ``sep``), each marked when
    confidential (:func:`named`)."""
    names = [names] if isinstance(names, str) else names
    return Paragraph(sep.join(named(n, kind, lab) for n in names if n), style)


def with_cell(m: MeetingRow, lab: Labels) -> str:
    """A meeting's "With": its organisations in bold, then the people attending; a confidential
    one marked (:func:`named`)."""
    who = ", ".join(named(o, "organisation", lab) for o in m.organisations)
    people = ", ".join(named(a, "contact", lab) for a in m.attendees)
    return "<br/>".join(x for x in (f"<b>{who}</b>" if who else "", people) if x)


def marked(row: Any, lab: Labels, cell: list[Any]) -> list[Any]:
    """``cell`` with the confidential mark first when ``row`` is a confidential record."""
    return [secret_line(lab), *cell] if getattr(row, "confidential", False) else cell


def score(value: int | None) -> str:
    """One score on its own line, out of five as the app shows it (influence and interest are two
    scores: "2 / 5" beside "Influence / interest" read as two out of five)."""
    return "" if value is None else f"{value}/5"


def none_line(lab: Labels) -> Paragraph:
    return Paragraph(esc(lab["none"]), styles().muted)


def _reach(p: PersonRow, room: float) -> Paragraph:
    """Emails and phones, one a line; an address too wide breaks after its "@" (value_para)."""
    return value_para("\n".join([*p.emails, *(phone_display(x) for x in p.phones)]), styles().cell, room)


def people_table(
    people: Sequence[PersonRow],
    lab: Labels,
    avail: float,
    *,
    show_org: bool = False,
    show_role: bool = False,
    org_heading: str = "organisation",
) -> Flowable:
    """``org_heading``: the label over the ``organisation`` column ("department" in an
    organisation's brief, where it names the department a person works in)."""
    if not people:
        return none_line(lab)
    st = styles()
    header = [lab["name"], lab["position"]]
    widths = [0.26, 0.30]
    if show_org:
        header.append(lab[org_heading])
        widths = [0.22, 0.21, 0.20]
    header += [lab["reach"], lab["last_met"]]
    rest = 1 - sum(widths)
    widths += [rest - 0.13, 0.13]
    reach_room = (rest - 0.13) * avail - 8  # (the cell's padding, data_table)
    rows = []
    for p in people:
        name: list[Any] = [para(p.name, st.cell_bold)]
        if p.honorific:  # the form of address in the brief's language: "Ông", "PGS.TS." / "Mr."
            name.insert(0, para(address_form(p.honorific, lab.lang), st.muted))
        if show_role and p.role and p.role != "participant":
            name.append(para(lab.role(p.role), st.muted))
        cells: list[Any] = [marked(p, lab, name), para(p.position, st.cell)]
        if show_org:
            cells.append(named_para(p.organisation, "organisation", lab, st.cell))
        cells += [_reach(p, reach_room), para(format_date(p.last_met, lab), st.cell)]
        rows.append(cells)
    return data_table(header, rows, widths, avail)


def summary_strip(summary: RelationshipSummary, lab: Labels, avail: float) -> Table:
    """Four figures side by side: first and last meeting, meetings in 12 months and in all."""
    return figures_strip(
        [
            (format_date(summary.first_meeting, lab) or "—", lab["first_meeting"]),
            (format_date(summary.last_meeting, lab) or "—", lab["last_meeting"]),
            (str(summary.last_12_months), lab["meetings_12m"]),
            (str(summary.total), lab["meetings_total"]),
        ],
        avail,
    )


def figures_strip(figures: Sequence[tuple[str, str]], avail: float) -> Table:
    """Big numbers with a small caption under each, side by side, separated by thin rules."""
    st = styles()
    row = [[Paragraph(esc(v), st.stat_value), Paragraph(esc(k), st.stat_label)] for v, k in figures]
    n = len(figures)
    t = Table([row], colWidths=[avail / n] * n, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("LINEBEFORE", (1, 0), (-1, 0), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return t


LONG_TEXT = 700  # characters of a decision shown in a table cell; the rest follows the table


def _clip(text: str) -> str:
    cut = text.rfind(" ", 0, LONG_TEXT)
    return text[: cut if cut > LONG_TEXT // 2 else LONG_TEXT].rstrip() + " …"


GIST = 360  # characters of a meeting's minutes shown where it has no decisions recorded
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+|\s*\n+\s*")


def gist(text: str, limit: int = GIST) -> str:
    """The first whole sentences (or lines) of ``text`` within ``limit`` characters, " …" when
    more follow; a first sentence longer than that is cut at a word."""
    parts = [p.strip(" -•*\t") for p in _SENTENCE_END.split(text.strip())]
    parts = [p for p in parts if p]
    taken: list[str] = []
    used = 0
    for part in parts:
        if taken and used + 1 + len(part) > limit:
            break
        taken.append(part)
        used += len(part) + (1 if used else 0)
    if not taken:
        return ""
    if len(taken) == 1 and len(taken[0]) > limit:
        return clip(taken[0], limit)[0]
    return " ".join(taken) + (" …" if len(taken) < len(parts) else "")


def meetings_table(
    meetings: Sequence[MeetingRow], lab: Labels, avail: float, *, show_with: bool = True, today: Any = None
) -> list[Flowable]:
    """The meetings as a table; decisions too long for a cell are given in full after it
    (a table row cannot run over a page break without breaking the layout). A meeting with no
    decisions recorded but minutes shows the minutes' first sentences (:func:`gist`): what a
    manager needs before meeting them again (h58: "No decisions are recorded" of a meeting whose
    minutes said NVIDIA committed 50 GPUs)."""
    if not meetings:
        return [none_line(lab)]
    st = styles()
    # a "Decisions" column of "—" in every row says nothing: left out, and said in one line
    decided = any(m.decisions.strip() for m in meetings)
    minuted = any(not m.decisions.strip() and m.minutes.strip() for m in meetings)
    column = decided or minuted
    header = [lab["date"], lab["meeting"]]
    widths = [0.13, 0.34] if column else [0.15, 0.50]
    if show_with:
        header.append(lab["with"])
        widths.append(0.18)
    if column:
        header.append(lab["decisions"] if decided else lab["from_minutes"])
        widths.append(0.0)
    widths[-1] += 1 - sum(widths)  # the last column takes the rest
    rows = []
    overflow: list[MeetingRow] = []
    for m in meetings:
        when = format_date(m.starts_at, lab)
        if today is not None and m.starts_at.date() > today:
            when += f"\n({lab['planned']})"
        title_cell = marked(m, lab, [free_para(m.title, lab, st.cell_bold)])
        meta = " · ".join(x for x in (lab.kind(m.kind), m.location) if x)
        if meta:
            title_cell.append(free_para(meta, lab, st.muted))
        cells: list[Any] = [para(when, st.cell), title_cell]
        if show_with:
            cells.append(Paragraph(with_cell(m, lab), st.cell))
        decisions = m.decisions.strip() or "—"
        if not column:
            pass  # no column
        elif not m.decisions.strip() and m.minutes.strip():
            said = free_para(gist(m.minutes), lab, st.cell).text
            cells.append(
                Paragraph(f"<i>{esc(lab['from_minutes'])}:</i> {said}" if decided else said, st.cell)
            )
        elif len(decisions) > LONG_TEXT:
            overflow.append(m)
            cells.append(
                [free_para(_clip(decisions), lab, st.cell), Paragraph(esc(lab["in_full"]), st.muted)]
            )
        else:
            cells.append(free_para(decisions, lab, st.cell))
        rows.append(cells)
    out: list[Flowable] = [data_table(header, rows, widths, avail)]
    if not column:
        out.append(Paragraph(esc(lab["no_decisions"]), st.muted))
    for m in overflow:
        title = free_para(m.title, lab, st.body).text
        head = f"<b>{esc(format_date(m.starts_at, lab))} · {title}</b> — {esc(lab['decisions'])}"
        out += [CondPageBreak(20 * mm), Spacer(1, 6), *marked(m, lab, [Paragraph(head, st.body)])]
        shown, left_out = clip(m.decisions, DECISIONS_LIMIT)
        out += [free_para(chunk, lab, st.note, limit=DECISIONS_LIMIT) for chunk in shown.split("\n")]
        if left_out:
            out.append(Paragraph(esc(lab["continues"].replace("%1", lab.number(left_out))), st.muted))
    return out


def _when(m: MeetingRow, lab: Labels) -> str:
    """A meeting's day and, on a line under it, its hours ("09:00–10:30"); no hours for a
    meeting entered with a day only (at midnight, no end)."""
    day = format_date(m.starts_at, lab)
    start = m.starts_at.strftime("%H:%M")
    if m.ends_at is None:
        return day if start == "00:00" else f"{day}\n{start}"
    if m.ends_at.date() == m.starts_at.date():
        return f"{day}\n{start}–{m.ends_at.strftime('%H:%M')}"
    return f"{day} {start}\n– {format_date(m.ends_at, lab, time=True)}"


def upcoming_section(meetings: Sequence[MeetingRow], more: int, lab: Labels, avail: float) -> list[Flowable]:
    """The "Upcoming meetings": the meetings to come, nearest first, with their day and hours, title,
    kind and place, who goes from our side and who from theirs (organisations in bold, then
    the people attending); nothing when none is planned (reviewer: the brief of MOST said
    "Last meeting 3 Dec" and nothing of the meeting set with them on 10 Dec). A confidential
    one is marked as the brief's other confidential rows."""
    if not meetings:
        return []
    st = styles()
    rows = []
    for m in meetings:
        title = marked(m, lab, [free_para(m.title, lab, st.cell_bold)])
        meta = " · ".join(x for x in (lab.kind(m.kind), m.location) if x)
        if meta:
            title.append(free_para(meta, lab, st.muted))
        theirs = with_cell(m, lab) or "—"
        rows.append(
            [
                para(_when(m, lab), st.cell),
                title,
                para("\n".join(m.staff) or "—", st.cell),
                Paragraph(theirs, st.cell),
            ]
        )
    out: list[Flowable] = [
        SectionHeading(lab["upcoming"]),
        data_table(
            [lab["when"], lab["meeting"], lab["our_team"], lab["with"]], rows, [0.17, 0.35, 0.18, 0.30], avail
        ),
    ]
    if more:
        out.append(Paragraph(esc(lab["upcoming_more"] % more), st.muted))
    return out


def responsible_para(name: str, lab: Labels, style: Any = None) -> Paragraph:
    """An action's responsible person ("—" when none), marked when a confidential contact."""
    return (
        named_para(name, "contact", lab, style or styles().cell)
        if name
        else para("—", style or styles().cell)
    )


def actions_table(
    actions: Sequence[ActionRow], lab: Labels, avail: float, *, show_org: bool = False
) -> Flowable:
    if not actions:
        return none_line(lab)
    st = styles()
    header = [lab["what"], lab["due"], lab["responsible"]]
    widths = [0.47, 0.14, 0.22]
    if show_org:
        header.insert(1, lab["organisation"])
        widths = [0.35, 0.15, 0.13, 0.20]
    header.append(lab["status"])
    widths.append(1 - sum(widths))
    rows = []
    highlight = []
    for i, a in enumerate(actions):
        what: list[Any] = marked(a, lab, [free_para(a.title, lab, st.cell)])
        if a.reference:
            what.append(para(a.reference, st.muted))
        due: list[Any] = [para(format_date(a.due_date, lab) or "—", st.alert if a.overdue else st.cell)]
        if a.overdue:
            due.append(Paragraph(esc(lab["overdue"]), st.alert))
            highlight.append(i)
        cells: list[Any] = [
            what,
            due,
            responsible_para(a.responsible, lab),
            para(lab.status(a.status), st.cell),
        ]
        if show_org:
            cells.insert(1, named_para(a.organisation, "organisation", lab, st.cell))
        rows.append(cells)
    return data_table(header, rows, widths, avail, highlight=highlight)


def commitments(
    we_owe: Sequence[ActionRow],
    they_owe: Sequence[ActionRow],
    lab: Labels,
    avail: float,
    *,
    show_org: bool = False,
) -> list[Flowable]:
    st = styles()
    if not we_owe and not they_owe:  # one line, as the window says it (not two empty tables)
        return [SectionHeading(lab["commitments"]), Paragraph(esc(lab["nothing_open"]), st.body)]
    # The heading keeps room below it for the first direction's line and the start of its
    # table, which follow it with no page break of their own: never the heading alone at the
    # foot of a page (reviewer). The second direction may start a page.
    out: list[Flowable] = [SectionHeading(lab["commitments"], need=28 * mm)]
    for key, rows in (("we_owe", we_owe), ("they_owe", they_owe)):
        late = sum(1 for a in rows if a.overdue)
        head = f"<b>{esc(lab[key])}</b> · {len(rows)}"
        if late:
            head += f' · <font color="{ALERT.hexval()}"><b>{late} {esc(lab["overdue"].lower())}</b></font>'
        block = [
            Spacer(1, 3),
            Paragraph(head, st.body),
            Spacer(1, 3),
            actions_table(rows, lab, avail, show_org=show_org),
        ]
        if key == "they_owe":
            # its line with the start of its table, or the whole block when it is shorter than
            # that: a one-row "They owe" asked for 28 mm, went to a page of its own with room for
            # it on the page before (reviewer: page 2 of a brief held one row)
            out.append(CondPageBreak(min(28 * mm, _height(block, avail))))
        out += block
    return out


def _height(flowables: Sequence[Flowable], avail: float) -> float:
    """The height ``flowables`` take one under the other, ``avail`` points wide."""
    total = 0.0
    for f in flowables:
        _w, h = f.wrap(avail, 10**6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def files_section(files: Sequence[FileRow], lab: Labels, avail: float) -> list[Flowable]:
    """The files attached to the record: name, size, when and by whom (none: no section)."""
    if not files:
        return []
    from app.attachments import human_size

    st = styles()
    rows = [
        [
            para(f.name, st.cell),
            para(human_size(f.size), st.cell),
            para(_join_by(format_date(clock.local_date(f.added_at), lab), f.added_by), st.cell),
        ]
        for f in files
    ]
    return [
        SectionHeading(lab["files"]),
        data_table([lab["file"], lab["size"], lab["added"]], rows, [0.58, 0.14, 0.28], avail),
    ]


def _join_by(when: str, who: str) -> str:
    return f"{when} · {who}" if who else when


def notes_section(text: str, lab: Labels, heading: str = "notes") -> list[Flowable]:
    """Long text under its heading (``lab[heading]``): notes, a meeting's decisions or minutes;
    nothing when empty."""
    if not text.strip():
        return []
    st = styles()
    shown, left_out = clip(text, NOTES_LIMIT)
    out: list[Flowable] = [SectionHeading(lab[heading])]
    out += [free_para(chunk, lab, st.note, limit=NOTES_LIMIT) for chunk in shown.split("\n\n")]
    if left_out:
        out.append(Paragraph(esc(lab["continues"].replace("%1", lab.number(left_out))), st.muted))
    return out


class RuledSpace(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """Ruled lines for handwritten notes filling the rest of the page (at least ``min_lines``)."""

    def __init__(self, *, pitch: float = 8 * mm, min_lines: int = 6, max_lines: int = 24) -> None:
        super().__init__()
        self.pitch = pitch
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.lines = min_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if avail_height < self.min_lines * self.pitch:
            return avail_width, avail_height + 1  # too little room: the next page
        self.lines = min(self.max_lines, int(avail_height // self.pitch))
        return avail_width, self.lines * self.pitch

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        for i in range(self.lines):
            c.line(0, i * self.pitch, self.width, i * self.pitch)


def writing_space(lab: Labels, avail: float) -> list[Flowable]:
    """A "Notes" heading and ruled lines down to the foot of the page."""
    del avail
    return [SectionHeading(lab["your_notes"], need=6 * 8 * mm), RuledSpace()]
