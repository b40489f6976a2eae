"""Detail pages that tell a story: gather plain data (bounded queries), then lay it out as HTML.

Colours come from the palette (light or dark), never from constants. Links use the
``ketnoi:`` scheme (``ketnoi:contact/12``) and are followed by the window, not the browser.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication, QPalette

from app import dashboard, records
from app.validation import phone_display
from db.engine import Session
from ui import labels
from ui.settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("Story", text)


def gather(session: Session, entity: str, record_id: int, today: dt.date) -> dict[str, Any]:
    """Everything a detail page shows, as plain data."""
    rec = records.get(session, entity, record_id)
    data: dict[str, Any] = {"entity": entity, "id": record_id, "record": rec, "today": today}
    if entity == "organisation":
        data["parent"] = (
            records.get(session, "organisation", rec["parent_id"]) if rec.get("parent_id") else None
        )
        data["departments"] = dashboard.departments(session, record_id)
        data["people"] = dashboard.organisation_people(session, record_id, departments=True)
        data["former"] = dashboard.former_people(session, record_id)
        data["meetings"] = dashboard.meetings_for(session, organisation_id=record_id)
        data["actions"] = dashboard.actions_for(session, organisation_id=record_id)
        data["owner"] = dashboard.staff_name(session, rec.get("owner_id"))
    elif entity == "contact":
        data["meetings"] = dashboard.meetings_for(session, contact_id=record_id)
        data["actions"] = dashboard.actions_for(session, contact_id=record_id)
        data["history"] = [
            h
            for h in records.history(session, "contact", record_id)[:50]
            if h.get("field") in ("position", "organisation_id")
        ]
        for h in data["history"]:
            if h["field"] == "organisation_id":
                for k in ("old", "new"):
                    if h[k]:
                        h[k] = records.label(session, "organisation", int(h[k]))
        data["owner"] = dashboard.staff_name(session, rec.get("owner_id"))
    elif entity == "meeting":
        data["organisations"] = [
            {"id": oid, "name": records.label(session, "organisation", oid)}
            for oid in rec.get("organisation_ids", [])
        ]
        data["actions"] = dashboard.actions_for(session, meeting_id=record_id)
    elif entity == "action":
        data["responsible"] = dashboard.staff_name(session, rec.get("responsible_staff_id")) or (
            records.label(session, "contact", rec["responsible_contact_id"])
            if rec.get("responsible_contact_id")
            else ""
        )
        data["organisation"] = (
            records.label(session, "organisation", rec["organisation_id"])
            if rec.get("organisation_id")
            else ""
        )
        data["meeting"] = (
            records.label(session, "meeting", rec["meeting_id"]) if rec.get("meeting_id") else ""
        )
        data["history"] = records.history(session, "action", record_id)[:8]
    return data


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


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _commitments(actions: list[dict[str, Any]], today: dt.date, s: Settings) -> str:
    open_ = [a for a in actions if a["status"] in ("open", "in_progress", "waiting")]
    if not open_:
        return f'<p class="muted">{tr("Nothing open in either direction.")}</p>'
    cols = []
    for direction in ("we_owe", "they_owe"):
        items = [a for a in open_ if a["direction"] == direction]
        rows = []
        for a in items:
            over = dashboard.is_overdue(a, today)
            due = s.fmt_date(a["due_date"]) if a["due_date"] else tr("no date")
            mark = (
                f'<span class="over">⚠ {tr("overdue")} · {due}</span>'
                if over
                else f'<span class="over">{tr("today")}</span>'
                if a["due_date"] == today
                else f'<span class="muted">{due}</span>'
            )
            who = f' <span class="muted">· {escape(a["responsible"])}</span>' if a.get("responsible") else ""
            rows.append(f"<tr><td>{mark}<br>{link('action', a['id'], a['title'])}{who}</td></tr>")
        body = "".join(rows) or f'<tr><td class="muted">{tr("Nothing")}</td></tr>'
        head = f"{escape(labels.direction(direction))} ({len(items)})"
        cols.append(f'<td width="50%"><table width="100%"><tr><th>{head}</th></tr>{body}</table></td>')
    return f'<table width="100%"><tr>{"".join(cols)}</tr></table>'


def _timeline(meetings: list[dict[str, Any]], actions: list[dict[str, Any]], s: Settings) -> str:
    events: list[tuple[dt.datetime, str]] = []
    for m in meetings:
        text = f"◆ {link('meeting', m['id'], m['title'])}"
        if m.get("decisions"):
            text += f'<br><span class="muted small">{escape(m["decisions"][:200])}</span>'
        events.append(
            (
                m["starts_at"],
                f"<tr><td class='muted'>{s.fmt_date(m['starts_at'].date())}</td><td>{text}</td></tr>",
            )
        )
    for a in actions:
        day = a.get("completed_on") if a["status"] == "done" else a.get("due_date")
        if day is None:
            continue
        verb = tr("done") if a["status"] == "done" else labels.direction(a["direction"]).lower()
        mark = "✓" if a["status"] == "done" else "○"
        text = f"{mark} {link('action', a['id'], a['title'])} <span class='muted'>· {escape(verb)}</span>"
        events.append(
            (
                dt.datetime.combine(day, dt.time()),
                f"<tr><td class='muted'>{s.fmt_date(day)}</td><td>{text}</td></tr>",
            )
        )
    if not events:
        return f'<p class="muted">{tr("No meetings or actions yet.")}</p>'
    events.sort(key=lambda e: e[0], reverse=True)
    return "<table>" + "".join(e[1] for e in events[:40]) + "</table>"


def organisation_html(d: dict[str, Any], s: Settings) -> str:
    r = d["record"]
    title = escape(r["name"]) + (
        f' <span class="muted">({escape(r["acronym"])})</span>' if r.get("acronym") else ""
    )
    facts = [labels.organisation_kind(r["kind"]), *(r.get("sectors") or [])]
    if r.get("city"):
        facts.append(r["city"])
    out = [css(), f"<h1>{title}</h1>"]
    if r.get("name_en"):
        out.append(f'<div class="muted">{escape(r["name_en"])}</div>')
    out.append(f"<div>{escape(' · '.join(facts))}</div>")
    meta = []
    if d.get("parent"):
        meta.append(f"{tr('Part of')} {link('organisation', d['parent']['id'], d['parent']['name'])}")
    if d.get("owner"):
        meta.append(f"{tr('Relationship owner')}: {escape(d['owner'])}")
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
    out.append(_commitments(d["actions"], d["today"], s))
    out.append(f"<h2>{tr('People')} ({len(d['people'])})</h2>")
    if d["people"]:
        rows = []
        for p in d["people"]:
            hist = "".join(
                f'<br><span class="muted small">{tr("formerly")} {escape(str(h["old"] or "–"))} ({s.fmt_date(h["at"].date())})</span>'
                for h in p["history"]
                if h["old"]
            )
            reach = " · ".join(
                escape(x) for x in (p["email"], phone_display(p["phone"]) if p["phone"] else "") if x
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
    if d["former"]:
        out.append(
            '<p class="small muted">'
            + tr("Moved on:")
            + " "
            + ", ".join(link("contact", f["id"], f["full_name"]) for f in d["former"])
            + "</p>"
        )
    if d["departments"]:
        out.append(f"<h2>{tr('Departments')}</h2>")
        out.append("<br>".join(link("organisation", x["id"], x["name"]) for x in d["departments"]))
    out.append(f"<h2>{tr('Timeline')}</h2>")
    out.append(_timeline(d["meetings"], d["actions"], s))
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    return "".join(out)


def contact_html(d: dict[str, Any], s: Settings) -> str:
    r = d["record"]
    out = [css(), f"<h1>{escape(((r.get('honorific') or '') + ' ' + r['full_name']).strip())}</h1>"]
    line = escape(r.get("position") or "")
    if r.get("organisation_id"):
        at = link("organisation", r["organisation_id"], r.get("organisation_name") or "")
        line = f"{line} · {at}" if line else at
    out.append(f"<div>{line}</div>")
    reach = [f'<a href="mailto:{escape(e)}">{escape(e)}</a>' for e in r.get("emails") or []]
    reach += [escape(phone_display(p)) for p in r.get("phones") or []]
    if reach:
        out.append('<div class="small">' + " · ".join(reach) + "</div>")
    if r.get("tags"):
        out.append('<div class="small tag">#' + " #".join(escape(t) for t in r["tags"]) + "</div>")
    if d.get("owner"):
        out.append(f'<div class="small muted">{tr("Relationship owner")}: {escape(d["owner"])}</div>')
    out.append(f"<h2>{tr('Open commitments')}</h2>")
    out.append(_commitments(d["actions"], d["today"], s))
    if d["history"]:
        out.append(f"<h2>{tr('Role history')}</h2><table>")
        for h in d["history"]:
            what = labels.field_label(h["field"])
            out.append(
                f"<tr><td class='muted'>{s.fmt_date(h['at'].date())}</td><td>{escape(what)}: "
                f"{escape(str(h.get('old') or '–'))} → {escape(str(h.get('new') or '–'))}</td></tr>"
            )
        out.append("</table>")
    out.append(f"<h2>{tr('Timeline')}</h2>")
    out.append(_timeline(d["meetings"], d["actions"], s))
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    return "".join(out)


def meeting_html(d: dict[str, Any], s: Settings) -> str:
    r = d["record"]
    out = [css(), f"<h1>{escape(r['title'])}</h1>"]
    when = s.fmt_datetime(r["starts_at"])
    bits = [when, labels.meeting_kind(r["kind"])] + ([r["location"]] if r.get("location") else [])
    out.append(f"<div>{escape(' · '.join(bits))}</div>")
    if d["organisations"]:
        out.append(
            "<div>"
            + ", ".join(link("organisation", o["id"], o["name"]) for o in d["organisations"])
            + "</div>"
        )
    out.append(f"<h2>{tr('Attendees')} ({len(r.get('attendees') or [])})</h2>")
    rows = [
        f"<tr><td>{link('contact', a['contact_id'], a.get('full_name', ''))}</td>"
        f"<td class='muted'>{escape(labels.role(a['role']))}</td></tr>"
        for a in r.get("attendees") or []
    ]
    out.append(
        "<table>" + "".join(rows) + "</table>"
        if rows
        else f'<p class="muted">{tr("No attendees recorded.")}</p>'
    )
    for key, title in (("agenda", tr("Agenda")), ("minutes", tr("Minutes")), ("decisions", tr("Decisions"))):
        if r.get(key):
            out.append(f"<h2>{title}</h2><p>{_lines(r[key])}</p>")
    out.append(f"<h2>{tr('Follow-up actions')}</h2>")
    out.append(_commitments(d["actions"], d["today"], s))
    return "".join(out)


def action_html(d: dict[str, Any], s: Settings) -> str:
    r = d["record"]
    over = dashboard.is_overdue(r, d["today"])
    out = [css(), f"<h1>{escape(r['title'])}</h1>"]
    due = s.fmt_date(r.get("due_date")) or tr("no due date")
    state = (
        f"{labels.status(r['status'])} · {labels.direction(r['direction'])} · {labels.action_kind(r['kind'])}"
    )
    out.append(f"<div>{escape(state)}</div>")
    due_html = f'<span class="over">⚠ {tr("Overdue")}: {due}</span>' if over else f"{tr('Due')}: {due}"
    out.append(f"<div>{due_html}</div>")
    facts = []
    if d.get("responsible"):
        facts.append(f"{tr('Responsible')}: {escape(d['responsible'])}")
    if r.get("organisation_id"):
        facts.append(
            f"{labels.field_label('organisation_id')}: {link('organisation', r['organisation_id'], d['organisation'])}"
        )
    if r.get("meeting_id"):
        facts.append(f"{tr('From meeting')}: {link('meeting', r['meeting_id'], d['meeting'])}")
    if r.get("reference"):
        facts.append(f"{tr('Reference')}: {escape(r['reference'])}")
    if r.get("completed_on"):
        facts.append(f"{tr('Completed')}: {s.fmt_date(r['completed_on'])}")
    out.append('<div class="small">' + "<br>".join(facts) + "</div>")
    if r.get("notes"):
        out.append(f"<h2>{tr('Notes')}</h2><p>{_lines(r['notes'])}</p>")
    if d["history"]:
        out.append(f"<h2>{tr('History')}</h2><table class='small'>")
        for h in d["history"]:
            change = escape(tr(str(OPS[h["op"]])) if h.get("op") in OPS else str(h.get("op", "")))
            if h.get("field"):
                change = f"{escape(labels.field_label(h['field']))}: {escape(str(h.get('old') or '–'))} → {escape(str(h.get('new') or '–'))}"
            out.append(f"<tr><td class='muted'>{s.fmt_datetime(h['at'])}</td><td>{change}</td></tr>")
        out.append("</table>")
    return "".join(out)


RENDER = {
    "organisation": organisation_html,
    "contact": contact_html,
    "meeting": meeting_html,
    "action": action_html,
}
