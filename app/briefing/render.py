"""Lay a gathered brief out as a PDF: ``render_organisation``, ``render_contact``,
``render_meeting``, ``render_digest``.

Each takes the plain brief from :mod:`app.briefing.gather`, a path or a binary file, the paper
(``"a4"`` or ``"letter"``), the language of the fixed words (``"en"`` or ``"vi"``) and an
optional ``progress(pages_done, total)`` callback (``total`` is 0 until the last call). They
return the number of pages written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from app.briefing import sections as sec
from app.briefing.charts import FlexChart, meetings_per_month, stakeholder_map
from app.briefing.data import (
    ContactBrief,
    MeetingPrepBrief,
    OrganisationBrief,
    OverdueGroup,
    PeriodDigest,
    PersonRow,
    RelationshipSummary,
    confidential_items,
)
from app.briefing.labels import Labels, labels
from app.briefing.layout import (
    SectionHeading,
    build_document,
    data_table,
    esc,
    facts_table,
    format_date,
    para,
    styles,
    usable_width,
)
from app.briefing.letters_section import letters_section
from app.briefing.reorg_section import lineage_facts, posts_held_section
from app.validation import phone_display
from db import clock

Target = str | Any | BinaryIO
Progress = Callable[[int, int], None] | None


def _join(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def _chart_block(title: str, drawing: Flowable, *, compact: bool = False) -> Flowable:
    st = styles()
    return KeepTogether(
        [Spacer(1, 3 if compact else 8), Paragraph(esc(title), st.kicker), Spacer(1, 2), drawing]
    )


def _secret_labels(lab: Labels, brief: Any) -> Labels:
    """The running header of a brief that is, or holds, something confidential: the red mark
    on every page ("CONFIDENTIAL MEETING …" for a confidential meeting's own brief), not the
    grey "internal" one. A brief with nothing confidential keeps the usual mark."""
    lab = dataclasses.replace(lab, named=frozenset((s.kind, s.name) for s in brief.secrets))
    if isinstance(brief, MeetingPrepBrief) and brief.confidential:
        return dataclasses.replace(lab, confidential=lab["secret_header"], secret=True)
    if getattr(brief, "confidential", False) or confidential_items(brief):
        return dataclasses.replace(lab, confidential=lab["secret_some_header"], secret=True)
    return lab


def _secret_head(brief: Any, lab: Labels, subject_note: str) -> list[Flowable]:
    """Above the title of a brief that is, or holds, something confidential: the boxed mark and
    who may read it (``subject_note``: the line for a confidential subject), and how many
    confidential records it lists, each marked where it appears (sections.marked); nothing
    otherwise (reviewer: an organisation's brief printed a confidential meeting's minutes and
    follow-up under only the grey "internal" mark)."""
    notes = [lab[subject_note]] if getattr(brief, "confidential", False) else []
    if items := confidential_items(brief):
        # (below the subject's own line, not its "give this brief only to…" a second time:
        # reviewer h103)
        notes.append(lab["secret_items_also" if notes else "secret_items_note"].replace("%1", str(items)))
    return sec.secret_mark(lab, " ".join(notes)) if notes else []


COMPACT_CHART = 0.72
"""The meetings-per-month chart's height in a compacted brief, as a share of its own (the
layout compacts a brief whose last page would carry only a tail: layout.build_document)."""


def _relationship(
    summary: RelationshipSummary,
    nothing: str,
    height: float,
    lab: Labels,
    avail: float,
    compact: bool,
    noted: str = "",
) -> list[Flowable]:
    """ "Relationship at a glance": the four figures and the meetings per month; one line when no
    meeting is recorded (reviewer: an empty chart above "—, —, 0, 0"), followed by ``noted``
    (paragraph markup) when there is one, no chart when none was in the last twelve months (the
    figure beside it says 0)."""
    out: list[Flowable] = [SectionHeading(lab["relationship"])]
    if not summary.total:
        return [*out, Paragraph(" ".join(x for x in (esc(lab[nothing]), noted) if x), styles().body)]
    out.append(sec.summary_strip(summary, lab, avail))
    if summary.last_12_months:
        chart = meetings_per_month(
            summary.per_month, lab, avail, height=height * (COMPACT_CHART if compact else 1)
        )
        out.append(_chart_block(lab["per_month"], chart, compact=compact))
    return out


def organisation_story(
    b: OrganisationBrief, lab: Labels, avail: float, compact: bool = False
) -> list[Flowable]:
    subtitle = _join(b.name_en, b.acronym)
    story = [*_secret_head(b, lab, "secret_org_note"), *sec.title_block(lab["org_brief"], b.name, subtitle)]
    story.append(
        facts_table(
            [
                (lab["kind"], lab.kind(b.kind)),
                (lab["sectors"], ", ".join(b.sectors)),
                (lab["parent"], _org(b.parent, lab)),
                *lineage_facts(b.lineage, lab),
                (lab["also_known"], ", ".join(b.aliases)),
                (lab["location"], _join(b.city, lab.country(b.country), sep=", ")),
                (lab["address"], b.address),
                (lab["website"], b.website),
                (lab["owner"], b.owner),
                (lab["influence"], sec.score(b.influence)),
                (lab["interest"], sec.score(b.interest)),
            ],
            avail,
        )
    )
    # none held but one to come: not "no meeting recorded" above the meeting planned
    nothing = "no_held_org" if b.upcoming_meetings else "no_meetings_org"
    story += _relationship(b.summary, nothing, 110, lab, avail, compact, _people_last_met(b.people, lab))
    story += sec.upcoming_section(b.upcoming_meetings, b.upcoming_more, lab, avail)
    # the organisation's people and its departments' (as its page lists them), the department
    # named; the first few, how many more said under them
    departments = any(p.organisation for p in b.people)
    story += [
        SectionHeading(lab["key_people"]),
        sec.people_table(b.people, lab, avail, show_org=departments, org_heading="department"),
    ]
    if b.people_more:
        story.append(Paragraph(esc(lab["more_people"] % b.people_more), styles().muted))
    if b.recent_meetings:  # none: the line under "Relationship at a glance" said so
        story += [SectionHeading(lab["recent_meetings"]), *sec.meetings_table(b.recent_meetings, lab, avail)]
    story += sec.commitments(b.we_owe, b.they_owe, lab, avail)
    story += letters_section(b.letters, lab, avail)
    story += sec.files_section(b.files, lab, avail)
    story += sec.notes_section(b.notes, lab)
    return story


def _people_last_met(people: Sequence[PersonRow], lab: Labels) -> str:
    """When the organisation's people were last met or contacted, and who (paragraph markup), for
    the line saying no meeting with the organisation is recorded: the key people's "Last met"
    below may come from a date a sheet gave ("Ngày gặp gần nhất") or from a meeting under another
    organisation, and the line alone read as a contradiction of it (reviewer h98)."""
    latest = max((p for p in people if p.last_met is not None), key=lambda p: p.last_met or 0, default=None)
    if latest is None or latest.last_met is None:
        return ""
    day = esc(format_date(latest.last_met, lab))
    who = sec.with_mark(latest.name, lab) if latest.confidential else sec.named(latest.name, "contact", lab)
    return esc(lab["people_last_met"]).replace("%s", day, 1).replace("%s", who, 1)


def contact_story(b: ContactBrief, lab: Labels, avail: float, compact: bool = False) -> list[Flowable]:
    st = styles()
    story = _secret_head(b, lab, "secret_contact_note")
    story += sec.title_block(
        lab["contact_brief"],
        _join(b.honorific, b.name, sep=" "),
        _join(b.position, b.organisation, sep=" — "),
        subtitle_markup=" — ".join(
            x for x in (esc(b.position), sec.named(b.organisation, "organisation", lab)) if x
        ),
    )
    story.append(
        facts_table(
            [
                (lab["position"], b.position),
                (lab["organisation"], _org(b.organisation, lab)),
                (lab["email"], "\n".join(b.emails)),
                (lab["phone"], "\n".join(phone_display(p) for p in b.phones)),
                (lab["country"], lab.country(b.country)),
                (lab["owner"], b.owner),
                (lab["influence"], sec.score(b.influence)),
                (lab["interest"], sec.score(b.interest)),
                (lab["source"], b.source),
                (lab["last_contacted"], format_date(b.last_contacted_on, lab)),
            ],
            avail,
        )
    )
    nothing = "no_held_contact" if b.upcoming_meetings else "no_meetings_contact"
    story += _relationship(b.summary, nothing, 95, lab, avail, compact)
    story += sec.upcoming_section(b.upcoming_meetings, b.upcoming_more, lab, avail)
    if b.role_history:
        rows = [
            [
                para(format_date(clock.local(r.at), lab), st.cell),  # (stored in UTC)
                para(lab["field." + r.field], st.cell),
                # (a blank filled, by an import or an edit, is no change of role: said so,
                # not "— → Giám đốc" as though the post began that day: reviewer h98)
                _changed(r.field, r.old, lab, st.cell) if r.old else para(lab["not_recorded"], st.key),
                _changed(r.field, r.new, lab, st.cell_bold),
            ]
            for r in b.role_history
        ]
        story += [
            SectionHeading(lab["role_history"]),
            data_table(
                [lab["changed"], lab["field"], lab["from"], lab["to"]], rows, [0.14, 0.14, 0.36, 0.36], avail
            ),
        ]
    story += posts_held_section(b.posts_held, lab, avail)
    if b.recent_meetings:
        story += [SectionHeading(lab["recent_meetings"]), *sec.meetings_table(b.recent_meetings, lab, avail)]
    story += sec.commitments(b.we_owe, b.they_owe, lab, avail, show_org=True)
    if b.colleagues:
        story += [SectionHeading(lab["colleagues"]), sec.people_table(b.colleagues, lab, avail)]
    story += sec.files_section(b.files, lab, avail)
    story += sec.notes_section(b.notes, lab)
    return story


def meeting_story(b: MeetingPrepBrief, lab: Labels, avail: float) -> list[Flowable]:
    when = format_date(b.starts_at, lab, time=True)
    if b.ends_at is not None:
        when += f"–{b.ends_at.hour:02d}:{b.ends_at.minute:02d}"
    # (the meeting's own title and place, as written, may name a confidential person too)
    story = sec.title_block(
        lab["meeting_brief"],
        b.title,
        title_markup=sec.free_markup(b.title, lab),
        subtitle_markup=sec.free_markup(_join(when, b.location), lab),
    )
    story[:0] = _secret_head(b, lab, "secret_note")
    story.append(
        facts_table(
            [
                (lab["when"], when),
                (lab["kind"], lab.kind(b.kind)),
                (lab["where"], sec.free_para(b.location, lab, styles().value) if b.location else ""),
                (lab["organisations"], _org(b.organisations, lab)),
                (lab["our_team"], "\n".join(b.staff)),
                (lab["owner"], b.owner),
            ],
            avail,
        )
    )
    # in full up to the notes' limit, then how much is left out is said (reviewer h103: a long
    # agenda stopped mid-word at 1,200 characters with a bare "…")
    story += sec.notes_section(b.agenda, lab, heading="agenda")
    # a meeting that has taken place: what was decided and minuted (reviewer: its brief printed
    # the agenda and a blank notes page, not one word of the decisions)
    story += sec.notes_section(b.decisions, lab, "decisions")
    story += sec.notes_section(b.minutes, lab, "minutes")
    story += [
        SectionHeading(lab["attendees"]),
        sec.people_table(b.attendees, lab, avail, show_org=True, show_role=True),
    ]
    story += sec.commitments(b.we_owe, b.they_owe, lab, avail, show_org=True)
    story += [SectionHeading(lab["previous"]), *sec.meetings_table(b.previous_meetings, lab, avail)]
    story += sec.files_section(b.files, lab, avail)
    story = _ending(b, lab, story)  # (what it holds ends above the lines to write on)
    if not (b.decisions.strip() or b.minutes.strip()):  # ruled lines to write on, before it
        story += sec.writing_space(lab, avail)
    return story


def digest_story(b: PeriodDigest, lab: Labels, avail: float) -> list[Flowable]:
    st = styles()
    period = f"{format_date(b.start, lab)} – {format_date(b.end, lab)}"
    story = [*_secret_head(b, lab, ""), *sec.title_block(lab["digest"], period, "")]
    overdue_total = sum(len(g.actions) for g in b.overdue)
    on = b.overdue_on or b.today
    on_text = format_date(on, lab)
    story.append(
        sec.figures_strip(
            [
                (str(len(b.meetings)), lab["meetings_held"]),
                (str(len(b.new_contacts)), lab["new_contacts"]),
                (str(len(b.completed)), lab["completed"]),
                (str(overdue_total), lab["overdue_on"].replace("%1", on_text)),
            ],
            avail,
        )
    )
    story += [
        SectionHeading(lab["meetings_held"]),
        *sec.meetings_table(b.meetings, lab, avail, today=b.today),
        SectionHeading(lab["new_contacts"]),
    ]
    if b.new_contacts:
        rows = [
            [
                sec.marked(c, lab, [para(c.name, st.cell_bold)]),
                para(c.position, st.cell),
                sec.named_para(c.organisation, "organisation", lab, st.cell),
                para(format_date(clock.local(c.created_at), lab), st.cell),  # (stored in UTC)
            ]
            for c in b.new_contacts
        ]
        story.append(
            data_table(
                [lab["name"], lab["position"], lab["organisation"], lab["added"]],
                rows,
                [0.28, 0.28, 0.30, 0.14],
                avail,
            )
        )
    else:
        story.append(sec.none_line(lab))
    story += [SectionHeading(lab["completed"])]
    if b.completed:
        rows = [
            [
                sec.marked(a, lab, [para(a.title, st.cell)]),
                sec.named_para(a.organisation, "organisation", lab, st.cell),
                sec.responsible_para(a.responsible, lab),
                para(format_date(a.completed_on, lab), st.cell),
            ]
            for a in b.completed
        ]
        story.append(
            data_table(
                [lab["what"], lab["organisation"], lab["responsible"], lab["completed_on"]],
                rows,
                [0.46, 0.16, 0.24, 0.14],
                avail,
            )
        )
    else:
        story.append(sec.none_line(lab))
    # what was overdue on the period's last day (today when it has not ended), our delays and
    # the partners' apart (reviewer: one table mixed them, beside a count of today's)
    note = lab["overdue_at_end" if on == b.end else "overdue_today"].replace("%1", on_text)
    story += [SectionHeading(lab["overdue_by_person"]), Paragraph(esc(note), st.muted)]
    if b.overdue:
        for side in ("we_owe", "they_owe"):
            groups = [g for g in b.overdue if g.direction == side]
            if groups:
                story += _overdue_block(side, groups, lab, avail)
    else:
        story.append(sec.none_line(lab))
    if b.stakeholders:
        points = b.stakeholders
        chart = FlexChart(
            lambda h: stakeholder_map(points, lab, avail, height=h), min_height=260, max_height=avail * 0.8
        )
        story += [SectionHeading(lab["stakeholder_map"], need=262), chart]
        if secret := [p.label for p in points if p.confidential]:  # (a dot cannot carry the mark)
            story.append(sec.secret_note(lab["secret_map"].replace("%1", ", ".join(secret))))
    else:
        story += [SectionHeading(lab["stakeholder_map"]), Paragraph(esc(lab["no_scores"]), st.muted)]
    return story


def _org(names: str | tuple[str, ...], lab: Labels) -> Any:
    """A fact naming one organisation or several (one a line): the text as it is, or a
    paragraph with the mark after a confidential one (sections.named)."""
    listed = (names,) if isinstance(names, str) else names
    if not any(("organisation", n) in lab.named for n in listed):
        return "\n".join(listed)
    return sec.named_para(listed, "organisation", lab, styles().value)


def _changed(field: str, value: str, lab: Labels, style: Any) -> Paragraph:
    """A role history's old or new value: an organisation marked when confidential."""
    if field == "organisation" and value:
        return sec.named_para(value, "organisation", lab, style)
    return para(value or "—", style)


def _group_name(name: str, lab: Labels) -> Paragraph:
    """The person a group of overdue actions is theirs, marked when a confidential contact; the
    table carries the name, mark and all, onto a page it continues on (layout.GroupedTable)."""
    st = styles()
    if not name:
        return para(lab["unassigned"], st.cell_bold)
    cell = sec.named_para(name, "contact", lab, st.cell_bold)
    cell.owner, cell.owner_markup = name, sec.named(name, "contact", lab)
    return cell


def _overdue_block(side: str, groups: list[OverdueGroup], lab: Labels, avail: float) -> list[Flowable]:
    """One direction's overdue actions, by responsible person, under "We owe · N" / "They owe · N"."""
    st = styles()
    rows = []
    for g in groups:
        for i, a in enumerate(g.actions):
            # working days: weekends, Tết and office days off not counted; an action due just
            # before a weekend is overdue on it with no working day gone: "< 1", never "0"
            late = str(a.late_workdays) if a.late_workdays else lab["under_one"]
            rows.append(
                [
                    _group_name(g.responsible, lab) if i == 0 else "",
                    sec.marked(a, lab, [para(a.title, st.cell)]),
                    sec.named_para(a.organisation, "organisation", lab, st.cell),
                    para(format_date(a.due_date, lab), st.alert),
                    para(late, st.cell_right),
                ]
            )
    head = f"<b>{esc(lab[side])}</b> · {len(rows)}"
    return [
        CondPageBreak(28 * mm),
        Spacer(1, 3),
        Paragraph(head, st.body),
        Spacer(1, 3),
        data_table(
            [lab["responsible"], lab["what"], lab["organisation"], lab["due"], lab["days_late"]],
            rows,
            [0.22, 0.38, 0.14, 0.14, 0.12],
            avail,
            align_right=[4],
            carry=(0, lab["name_continued"]),  # the person's name again atop a new page
        ),
    ]


def _ending(brief: Any, lab: Labels, story: list[Flowable]) -> list[Flowable]:
    """``story`` with, when confidential records were left out of the brief and that changed
    what it says (app.briefing.leave_out), a line at its end that says so, naming none."""
    if not getattr(brief, "left_out", False):
        return story
    return [*story, Spacer(1, 6), Paragraph(esc(lab["left_out"]), styles().muted)]


def _render(
    story: Callable[[bool], list[Flowable]],
    target: Target,
    *,
    title: str,
    lab: Labels,
    generated: Any,
    paper: str,
    progress: Progress,
) -> int:
    return build_document(
        target,
        story,
        title=title,
        subject=title,
        lab=lab,
        generated=generated,
        paper=paper,
        progress=progress,
    )


def render_organisation(
    brief: OrganisationBrief,
    target: Target,
    *,
    paper: str = "a4",
    lang: str = "en",
    progress: Progress = None,
) -> int:
    lab = _secret_labels(labels(lang), brief)
    avail = usable_width(paper)
    title = f"{lab['org_brief']}: {brief.acronym or brief.name}"
    return _render(
        lambda compact: _ending(brief, lab, organisation_story(brief, lab, avail, compact)),
        target,
        title=title,
        lab=lab,
        generated=brief.generated_at,
        paper=paper,
        progress=progress,
    )


def render_contact(
    brief: ContactBrief, target: Target, *, paper: str = "a4", lang: str = "en", progress: Progress = None
) -> int:
    lab = _secret_labels(labels(lang), brief)
    avail = usable_width(paper)
    title = f"{lab['contact_brief']}: {brief.name}"
    return _render(
        lambda compact: _ending(brief, lab, contact_story(brief, lab, avail, compact)),
        target,
        title=title,
        lab=lab,
        generated=brief.generated_at,
        paper=paper,
        progress=progress,
    )


def render_meeting(
    brief: MeetingPrepBrief, target: Target, *, paper: str = "a4", lang: str = "en", progress: Progress = None
) -> int:
    lab = _secret_labels(labels(lang), brief)  # every page's header says so, not only the first
    avail = usable_width(paper)
    title = f"{lab['meeting_brief']}: {format_date(brief.starts_at, lab)}"
    return _render(
        lambda _compact: meeting_story(brief, lab, avail),
        target,
        title=title,
        lab=lab,
        generated=brief.generated_at,
        paper=paper,
        progress=progress,
    )


def render_digest(
    brief: PeriodDigest, target: Target, *, paper: str = "a4", lang: str = "en", progress: Progress = None
) -> int:
    lab = _secret_labels(labels(lang), brief)
    avail = usable_width(paper)
    title = f"{lab['digest']}: {format_date(brief.start, lab)} – {format_date(brief.end, lab)}"
    return _render(
        lambda _compact: _ending(brief, lab, digest_story(brief, lab, avail)),
        target,
        title=title,
        lab=lab,
        generated=brief.generated_at,
        paper=paper,
        progress=progress,
    )
