"""Detail pages that tell a story: the data comes from ``app.story``; this lays it out as HTML.

Colours come from the palette (light or dark), never from constants. Links use the
``ketnoi:`` scheme (``ketnoi:contact/12``) and are followed by the window, not the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication, QPalette

from app import emails
from app.story import (
    ActionStory,
    Commitments,
    ContactStory,
    MeetingStory,
    OrganisationStory,
    Story,
    TimelineEvent,
)
from app.validation import phone_display, phone_verified
from ui import labels
from ui.settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Story", text)


# --- layout ---------------------------------------------------------------------------------------


OPS = {
    "create": QT_TRANSLATE_NOOP("Story", "Created"),
    "delete": QT_TRANSLATE_NOOP("Story", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("Story", "Restored"),
    "import": QT_TRANSLATE_NOOP("Story", "Imported"),
    "merge": QT_TRANSLATE_NOOP("Story", "Merged"),
    "update": QT_TRANSLATE_NOOP("Story", "Changed"),
    "undo": QT_TRANSLATE_NOOP("Story", "Undone"),
}  # translated when shown (a translation installed after import time must apply)


def css() -> str:
    p = QGuiApplication.palette()
    muted = p.color(QPalette.ColorRole.PlaceholderText).name()
    link = p.color(QPalette.ColorRole.Link).name()
    line = p.color(QPalette.ColorRole.Mid).name()
    accent = p.color(QPalette.ColorRole.Highlight).name()
    return f"""
    <style>
    body {{ margin: 0; }}
    h1 {{ font-size: 14pt; margin: 0 0 2px 0; }}
    h2 {{ font-size: 10.5pt; margin: 16px 0 4px 0; color: {accent}; }}
    .muted {{ color: {muted}; }}
    .small {{ font-size: 9pt; }}
    a {{ color: {link}; text-decoration: none; }}
    td {{ padding: 2px 10px 2px 0; vertical-align: top; }}
    th {{ text-align: left; padding: 2px 10px 4px 0; font-weight: normal; color: {muted};
          border-bottom: 1px solid {line}; }}
    .over {{ font-weight: bold; }}
    .tag {{ color: {muted}; }}
    </style>"""


def link(entity: str, record_id: Any, text: str) -> str:
    return f'<a href="ketnoi:{entity}/{int(record_id)}">{escape(text)}</a>'


def hidden_record() -> str:
    """What stands for a record this login may not see (app.story.UNSEEN): words, no id, no link."""
    return tr("a confidential record")


def ref(entity: str, record_id: Any, text: str, unseen: dict[str, set[int]]) -> str:
    """A link to the record, or, when this login may not see it, the words saying so (muted)."""
    if record_id in unseen.get(entity, ()):
        return f'<span class="muted">{escape(hidden_record())}</span>'
    return link(entity, record_id, text)


def org_ref(record_id: Any, text: str, unseen: dict[str, set[int]], trashed: set[int]) -> str:
    """A link to an organisation, marked "(in the trash)" when it is (reviewer h149: a
    contact's page named Genetica as if it were live after one Del put it in the trash)."""
    said = ref("organisation", record_id, text, unseen)
    if record_id in trashed and record_id not in unseen.get("organisation", ()):
        said += f' <span class="muted">{escape(tr("(in the trash)"))}</span>'
    return said


def _unbroken(text: str) -> str:
    """A phone number as one word: a narrow pane wraps the line before it, not inside it
    ("0995 747" on one line, "169" on the next)."""
    return text.replace(" ", "\u00a0")


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _commitments(c: Commitments, s: Settings) -> str:
    if c.empty and not c.any_done:
        return f'<p class="muted">{tr("Nothing open in either direction.")}</p>'
    cols = []
    for direction in ("we_owe", "they_owe"):
        items = c.of(direction)
        done = c.done_of(direction)
        rows = []
        for a in items:
            due = s.fmt_date(a.due_date) if a.due_date else tr("no date")
            mark = (
                f'<span class="over">⚠ {tr("overdue")} · {due}</span>'
                if a.overdue
                else f'<span class="over">{tr("today")}</span>'
                if a.due_today
                else f'<span class="muted">{due}</span>'
            )
            who = f' <span class="muted">· {escape(a.responsible)}</span>' if a.responsible else ""
            rows.append(f"<tr><td>{mark}<br>{link('action', a.id, a.title)}{who}</td></tr>")
        if not rows:
            rows.append(f'<tr><td class="muted">{tr("Nothing open") if done else tr("Nothing")}</td></tr>')
        for a in done:  # under the open ones, struck through and greyed: done, not gone
            when = f" · {s.fmt_date(a.completed_on)}" if a.completed_on else ""
            who = f" · {escape(a.responsible)}" if a.responsible else ""
            rows.append(
                f'<tr><td><span class="muted">✓ {tr("done")}{when}</span><br>'
                f'<a href="ketnoi:action/{a.id}"><s><span class="muted">{escape(a.title)}</span></s></a><span class="muted">{who}</span></td></tr>'
            )
        body = "".join(rows)
        count = (
            tr("%1 open, %2 done")
            .replace("%1", labels.number(len(items)))
            .replace("%2", labels.number(len(done)))
            if c.any_done
            else labels.number(len(items))
        )
        head = f"{escape(labels.direction(direction))} ({count})"
        cols.append(f'<td width="50%"><table width="100%"><tr><th>{head}</th></tr>{body}</table></td>')
    return f'<table width="100%"><tr>{"".join(cols)}</tr></table>'


def _files(names: tuple[str, ...] | list[str]) -> str:
    """The names of the files on a record (a line of the timeline)."""
    return f'<span class="muted small">{tr("Files")}: {escape(", ".join(names))}</span>' if names else ""


def _event(e: TimelineEvent) -> str:
    if e.kind == "meeting":
        mark = "✉" if e.meeting_kind == "email" else "◆"
        text = f"{mark} {link('meeting', e.id, e.title)}"
        if e.meeting_kind == "email":
            text += f' <span class="muted small">· {escape(labels.meeting_kind("email"))}</span>'
        if e.note:
            text += f'<br><span class="muted small">{escape(e.note)}</span>'
        if e.attachments:
            text += "<br>" + _files(e.attachments)
        return text
    verb = tr("done") if e.done else labels.direction(e.direction).lower()
    mark = "✓" if e.done else "○"
    return f"{mark} {link('action', e.id, e.title)} <span class='muted'>· {escape(verb)}</span>"


def _timeline(events: list[TimelineEvent], s: Settings) -> str:
    if not events:
        # (an action with neither a due date nor a done date has no day here: "no actions" said
        # under the open commitments listing them read as a contradiction, reviewer h98)
        return f'<p class="muted">{tr("No meetings yet, and no action with a date.")}</p>'
    return (
        "<table>"
        + "".join(f"<tr><td class='muted'>{s.fmt_date(e.day)}</td><td>{_event(e)}</td></tr>" for e in events)
        + "</table>"
    )


def _letters(rows: list[dict[str, Any]], s: Settings) -> str:
    """The organisation's letters in the register: number, date, subject, status."""
    out = []
    for r in rows:
        arrow = "→" if r["direction"] == "outgoing" else "←"
        ref = escape(r["reference"] or tr("draft"))
        when = s.fmt_date(r["letter_date"]) if r.get("letter_date") else ""
        late = ""
        if r["status"] == "received" and r.get("reply_due"):
            late = f" · {tr('reply by')} {s.fmt_date(r['reply_due'])}"
        out.append(
            f"<tr><td class='muted' style='white-space:nowrap'>{arrow} {ref}&nbsp;</td>"
            f"<td>{link('letter', r['id'], r['subject'])}<br><span class='muted small'>"
            f"{escape(labels.letter_status(r['status']))}{' · ' + when if when else ''}{late}</span></td></tr>"
        )
    return "<table>" + "".join(out) + "</table>"


REORGANISED = {
    "merged": QT_TRANSLATE_NOOP("Story", "merged"),
    "renamed": QT_TRANSLATE_NOOP("Story", "renamed"),
    "split": QT_TRANSLATE_NOOP("Story", "split"),
}
BECAME = {
    "merged": QT_TRANSLATE_NOOP("Story", "Merged into %1 on %2"),
    "renamed": QT_TRANSLATE_NOOP("Story", "Renamed to %1 on %2"),
    "split": QT_TRANSLATE_NOOP("Story", "Split into %1 on %2"),
}


def _lineage(d: OrganisationStory, s: Settings) -> list[str]:
    """ "formerly …" under a successor's name; "Merged into … on …" on a predecessor's page."""
    out = []
    for x in d.lineage.formerly:
        how = f"{tr(str(REORGANISED.get(x.kind, x.kind)))} {s.fmt_date(x.effective_on)}"
        out.append(
            f'<div class="muted">{tr("formerly")} {link("organisation", x.id, x.name)} ({escape(how)})</div>'
        )
    if d.lineage.became:
        first = d.lineage.became[0]
        names = ", ".join(link("organisation", x.id, x.name) for x in d.lineage.became)
        text = escape(tr(str(BECAME.get(first.kind, BECAME["merged"]))))
        text = text.replace("%1", names).replace("%2", escape(s.fmt_date(first.effective_on)))
        out.append(f'<div class="over">⤳ {text}</div>')
    return out


def _span(start: Any, end: Any, s: Settings) -> str:
    return f"{s.fmt_date(start) if start else '…'} – {s.fmt_date(end) if end else tr('now')}"


def _posts(d: OrganisationStory, s: Settings) -> list[str]:
    """The organisation's posts by precedence: today's holder, since when, by which decision;
    the earlier holders below in small type."""
    rows = []
    for p in d.posts:
        if p.holder is not None:
            h = p.holder
            since = f" · {tr('since')} {s.fmt_date(h.starts_on)}" if h.starts_on else ""
            decision = f" · {tr('decision')} {escape(h.decision)}" if h.decision else ""
            who = (
                f"{link('contact', h.contact_id, ' '.join(x for x in (h.honorific, h.name) if x))}"
                f'<span class="muted small">{since}{decision}</span>'
            )
        else:
            who = f'<span class="muted">{tr("vacant")}</span>'
        earlier = [
            x for x in p.holdings if x is not p.holder and (x.ends_on is not None and x.ends_on < d.today)
        ]
        before = ""
        if earlier:
            before = '<br><span class="muted small">' + tr("before:") + " " + "; ".join(
                f"{escape(x.name)} ({_span(x.starts_on, x.ends_on, s)})" for x in earlier[:4]
            ) + "</span>"  # fmt: skip
        rows.append(f"<tr><td>{escape(p.title)}</td><td>{who}{before}</td></tr>")
    if not rows:
        return []
    return [f"<h2>{tr('Posts')} ({len(d.posts)})</h2>", "<table>" + "".join(rows) + "</table>"]


def organisation_html(d: OrganisationStory, s: Settings, me: str | None = None) -> str:
    del me  # (no history lines on this page)
    r = d.record
    title = escape(r["name"]) + (
        f' <span class="muted">({escape(r["acronym"])})</span>' if r.get("acronym") else ""
    )
    facts = [labels.organisation_kind(r["kind"]), *(r.get("sectors") or [])]
    if r.get("city"):
        facts.append(r["city"])
    out = [css(), f"<h1>{title}</h1>"]
    if r.get("name_en"):
        out.append(f'<div class="muted">{escape(r["name_en"])}</div>')
    out += _lineage(d, s)
    out.append(f"<div>{escape(' · '.join(facts))}</div>")
    meta = []
    if d.parent:
        meta.append(f"{tr('Part of')} {link('organisation', d.parent['id'], d.parent['name'])}")
    if d.owner:
        meta.append(f"{tr('Relationship owner')}: {escape(d.owner)}")
    if r.get("influence") or r.get("interest"):
        meta.append(
            f"{tr('Influence')} {r.get('influence') or '–'}/5 · {tr('Interest')} {r.get('interest') or '–'}/5"
        )
    if r.get("website"):
        meta.append(f'<a href="{escape(r["website"])}">{escape(r["website"])}</a>')
    if r.get("tags"):
        meta.append('<span class="tag">#' + " #".join(escape(t) for t in r["tags"]) + "</span>")
    out.append('<div class="small">' + "<br>".join(meta) + "</div>")
    out.append(f"<h2>{tr('Open commitments')}</h2>")
    out.append(_commitments(d.commitments, s))
    out.append(f"<h2>{tr('People')} ({len(d.people)})</h2>")
    if d.people:
        rows = []
        for p in d.people:
            hist = "".join(
                f'<br><span class="muted small">{tr("formerly")} {escape(str(h["old"] or "–"))} ({s.fmt_date(h["at"].date())})</span>'
                for h in p["history"]
                if h["old"]
            )
            reach = " · ".join(
                escape(x)
                for x in (p["email"], _unbroken(phone_display(p["phone"])) if p["phone"] else "")
                if x
            )
            pos = f" · {escape(p['position'])}" if p["position"] else ""
            if p["organisation_id"] != r["id"]:
                pos += f" <span class='muted'>({escape(p['unit'])})</span>"
            rows.append(
                f"<tr><td>{link('contact', p['id'], p['full_name'])}{pos}"
                f"{'<br><span class=small>' + reach + '</span>' if reach else ''}{hist}</td></tr>"
            )
        out.append("<table>" + "".join(rows) + "</table>")
    else:
        out.append(f'<p class="muted">{tr("No one recorded yet.")}</p>')
    if d.former:
        out.append(
            '<p class="small muted">'
            + tr("Moved on:")
            + " "
            + ", ".join(link("contact", f["id"], f["full_name"]) for f in d.former)
            + "</p>"
        )
    out += _posts(d, s)
    if d.letters:
        out.append(f"<h2>{tr('Letters')} ({len(d.letters)})</h2>")
        out.append(_letters(d.letters, s))
    if d.departments:
        out.append(f"<h2>{tr('Departments')}</h2>")
        out.append("<br>".join(link("organisation", x["id"], x["name"]) for x in d.departments))
    out.append(f"<h2>{tr('Timeline')}</h2>")
    out.append(_timeline(d.timeline, s))
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    return "".join(out)


def contact_html(d: ContactStory, s: Settings, me: str | None = None) -> str:
    r = d.record
    out = [css(), f"<h1>{escape(((r.get('honorific') or '') + ' ' + r['full_name']).strip())}</h1>"]
    line = escape(r.get("position") or "")
    if r.get("organisation_id"):
        at = org_ref(r["organisation_id"], r.get("organisation_name") or "", d.unseen, d.trashed)
        line = f"{line} · {at}" if line else at
    out.append(f"<div>{line}</div>")
    reach = [f'<a href="mailto:{escape(e)}">{escape(e)}</a>' for e in r.get("emails") or []]
    reach += [
        escape(_unbroken(phone_display(p)))
        + ("" if phone_verified(p) else f' <span class="muted">({tr("unverified")})</span>')
        for p in r.get("phones") or []
    ]
    if reach:
        out.append('<div class="small">' + " · ".join(reach) + "</div>")
    if r.get("tags"):
        out.append('<div class="small tag">#' + " #".join(escape(t) for t in r["tags"]) + "</div>")
    if d.owner:
        out.append(f'<div class="small muted">{tr("Relationship owner")}: {escape(d.owner)}</div>')
    if r.get("last_contacted_on"):
        out.append(
            f'<div class="small muted">{tr("Last contacted")}: {s.fmt_date(r["last_contacted_on"])}</div>'
        )
    out.append(f"<h2>{tr('Open commitments')}</h2>")
    out.append(_commitments(d.commitments, s))
    if d.posts_held:
        out.append(f"<h2>{tr('Posts held')}</h2><table>")
        for ph in d.posts_held:
            where = (
                f", {link('organisation', ph.organisation_id, ph.organisation)}" if ph.organisation_id else ""
            )
            decision = (
                f' <span class="muted small">· {tr("decision")} {escape(ph.decision)}</span>'
                if ph.decision
                else ""
            )
            out.append(
                f"<tr><td class='muted' style='white-space:nowrap'>{_span(ph.starts_on, ph.ends_on, s)}</td>"
                f"<td>{escape(ph.post)}{where}{decision}</td></tr>"
            )
        out.append("</table>")
    if d.role_history:
        out.append(f"<h2>{tr('Role history')}</h2><table>")
        for h in d.role_history:
            what, old, new = labels.field_label(h["field"]), h.get("old"), h.get("new")
            # a blank filled (an import, an edit) is no change of role: "Position: – → Giám đốc"
            # read as a post begun that day (reviewer h98)
            change = (
                f"{escape(str(old))} → {escape(str(new or '–'))}"
                if old
                else f"{escape(str(new))} <span class='muted'>({escape(tr('none recorded before'))})</span>"
            )
            out.append(
                f"<tr><td class='muted'>{s.fmt_date(h['at'].date())}</td><td>{escape(what)}: "
                f"{change}{_by(h, me)}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{tr('Timeline')}</h2>")
    out.append(_timeline(d.timeline, s))
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    return "".join(out)


def meeting_html(d: MeetingStory, s: Settings, me: str | None = None) -> str:
    del me  # (no history lines on this page)
    r = d.record
    out = [css(), f"<h1>{escape(r['title'])}</h1>"]
    when = s.fmt_datetime(r["starts_at"])
    bits = [when, labels.meeting_kind(r["kind"])] + ([r["location"]] if r.get("location") else [])
    out.append(f"<div>{escape(' · '.join(bits))}</div>")
    if d.invitation is not None:  # imported from an .ics invitation (issue 14)
        organiser = d.invitation.get("organizer") or ""
        text = (
            tr("From a calendar invitation by %1").replace("%1", organiser)
            if organiser
            else tr("From a calendar invitation")
        )
        out.append(f'<div class="muted small">📅 {escape(text)}</div>')
    if d.organisations:
        out.append(
            "<div>"
            + ", ".join(org_ref(o["id"], o["name"], d.unseen, d.trashed) for o in d.organisations)
            + "</div>"
        )
    if r.get("kind") == "email":  # a logged e-mail (db.models.EMAIL_KIND)
        out.append(_email_parts(r))
    else:
        out.append(f"<h2>{tr('Attendees')} ({len(r.get('attendees') or [])})</h2>")
        rows = [
            f"<tr><td>{ref('contact', a['contact_id'], a.get('full_name', ''), d.unseen)}</td>"
            f"<td class='muted'>{escape(labels.role(a['role']))}</td></tr>"
            for a in r.get("attendees") or []
        ]
        out.append(
            "<table>" + "".join(rows) + "</table>"
            if rows
            else f'<p class="muted">{tr("No attendees recorded.")}</p>'
        )
        out.append(_our_staff(d.staff))
        for key, title in (
            ("agenda", tr("Agenda")),
            ("minutes", tr("Minutes")),
            ("decisions", tr("Decisions")),
        ):
            if r.get(key):
                out.append(f"<h2>{title}</h2><p>{_lines(r[key])}</p>")
    out.append(f"<h2>{tr('Follow-up actions')}</h2>")
    out.append(_commitments(d.commitments, s))
    return "".join(out)


def _our_staff(names: list[str]) -> str:
    """Our staff who took part, as `meeting show` lists them ("Our staff  Emily Carter")."""
    if not names:
        return ""
    return f'<p><span class="muted">{tr("Our staff")}:</span> {escape(", ".join(names))}</p>'


def _email_parts(r: dict[str, Any]) -> str:
    """A logged e-mail's page (it is kept as a meeting of kind "email"): its sender and
    recipients and its text, not attendees, roles and minutes (reviewer h12)."""
    head, body = emails.message_parts(r.get("minutes") or "")
    words = {"from": tr("From"), "to": tr("To"), "cc": tr("Cc")}
    out = ['<table class="small">']
    for key, value in head:
        out.append(f"<tr><td class='muted'>{escape(words[key])}:</td><td>{escape(value)}</td></tr>")
    out.append("</table>")
    people = r.get("attendees") or []
    if people:
        out.append(f"<h2>{tr('Contacts on this e-mail')} ({len(people)})</h2><div>")
        out.append(", ".join(link("contact", a["contact_id"], a.get("full_name", "")) for a in people))
        out.append("</div>")
    if body.strip():
        out.append(f"<h2>{tr('Message')}</h2><p>{_lines(body)}</p>")
    for key, title in (("agenda", tr("Agenda")), ("decisions", tr("Decisions"))):
        if r.get(key):
            out.append(f"<h2>{title}</h2><p>{_lines(r[key])}</p>")
    return "".join(out)


def action_html(d: ActionStory, s: Settings, me: str | None = None) -> str:
    r = d.record
    over = d.overdue
    out = [css(), f"<h1>{escape(r['title'])}</h1>"]
    due = s.fmt_date(r.get("due_date")) or tr("no due date")
    state = (
        f"{labels.status(r['status'])} · {labels.direction(r['direction'])} · {labels.action_kind(r['kind'])}"
    )
    out.append(f"<div>{escape(state)}</div>")
    due_html = f'<span class="over">⚠ {tr("Overdue")}: {due}</span>' if over else f"{tr('Due')}: {due}"
    out.append(f"<div>{due_html}</div>")
    facts = []
    if r.get("priority") in (1, 3):  # (a high one is bold in the list: the page says why, reviewer h86)
        facts.append(f"{labels.field_label('priority')}: {escape(labels.priority(int(r['priority'])))}")
    if d.responsible:
        facts.append(f"{tr('Responsible')}: {escape(d.responsible)}")
    elif r.get("responsible_contact_id") in d.unseen.get("contact", ()):
        facts.append(f"{tr('Responsible')}: {ref('contact', r['responsible_contact_id'], '', d.unseen)}")
    if r.get("organisation_id"):
        at = org_ref(r["organisation_id"], d.organisation, d.unseen, d.trashed)
        facts.append(f"{labels.field_label('organisation_id')}: {at}")
    if r.get("meeting_id"):
        facts.append(f"{tr('From meeting')}: {ref('meeting', r['meeting_id'], d.meeting, d.unseen)}")
    if r.get("reference"):
        facts.append(f"{tr('Reference')}: {escape(r['reference'])}")
    if r.get("completed_on"):
        facts.append(f"{tr('Completed')}: {s.fmt_date(r['completed_on'])}")
    out.append('<div class="small">' + "<br>".join(facts) + "</div>")
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    if d.history:
        out.append(f"<h2>{tr('History')}</h2><table class='small'>")
        for h in d.history:
            change = escape(tr(str(OPS[h["op"]])) if h.get("op") in OPS else str(h.get("op", "")))
            if h.get("field"):
                old, new = (
                    labels.field_value(s, "action", h["field"], h.get(k), h.get(f"{k}_label"))
                    for k in ("old", "new")
                )
                change = f"{escape(labels.field_label(h['field']))}: {escape(old)} → {escape(new)}"
            out.append(
                f"<tr><td class='muted'>{s.fmt_datetime(h['at'])}</td><td>{change}{_by(h, me)}</td></tr>"
            )
        out.append("</table>")
    return "".join(out)


RENDER: dict[type[Any], Callable[[Any, Settings, str | None], str]] = {
    OrganisationStory: organisation_html,
    ContactStory: contact_html,
    MeetingStory: meeting_html,
    ActionStory: action_html,
}


def render(story: Story, s: Settings, me: str | None = None) -> str:
    """The page for any story. ``me``: who reads it, as the history records them; a history
    line made by someone else says who (:func:`_by`); "" on a team database, where every line
    says who; None: no names (a page whose reader is not known)."""
    return RENDER[type(story)](story, s, me)


def _by(h: dict[str, Any], me: str | None) -> str:
    """ "Nguyễn Thị Hoa" on a line of its own under a history line someone other than ``me``
    made (every line's maker on a team database, ``me`` ""), as Record → History names them;
    "" otherwise. (After the line, " — Hoa" read as a value where the value was empty, itself
    a dash: "Responsible (us): Trần Thị Lan → — — Lê Minh Tuấn", reviewer h86.)"""
    actor = str(h.get("actor") or "")
    if me is None or not actor or actor == me:
        return ""
    return f"<br><span class='muted'>{escape(actor)}</span>"
