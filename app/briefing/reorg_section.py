"""Issue 15 in the briefs: an organisation's lineage ("Formerly: Bộ Kế hoạch và Đầu tư, merged
01/03/2025" / "Merged into Bộ Tài chính on 01/03/2025") among its facts, and a meeting's
attendees in order of precedence of the posts they hold, addressed in the brief's language."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from reportlab.platypus import Flowable, Paragraph
from sqlmodel import Session

from app.briefing.data import PersonRow
from app.briefing.labels import Labels
from app.briefing.layout import SectionHeading, data_table, esc, format_date, para, styles
from app.letters.office import Addressee

_WORDS = {
    "en": {
        "formerly": "Formerly",
        "became": "Succeeded by",
        "merged": "merged %s",
        "renamed": "renamed %s",
        "split": "split %s",
        "merged.to": "merged into %s on %s",
        "renamed.to": "renamed to %s on %s",
        "split.to": "split into %s on %s",
        "posts_held": "Posts held",
        "post": "Post",
        "period": "From – to",
        "decision": "Decision",
        "now": "now",
    },
    "vi": {
        "formerly": "Tiền thân",
        "became": "Nay là",
        "merged": "hợp nhất ngày %s",
        "renamed": "đổi tên ngày %s",
        "split": "chia tách ngày %s",
        "merged.to": "đã hợp nhất vào %s từ ngày %s",
        "renamed.to": "đã đổi tên thành %s từ ngày %s",
        "split.to": "đã chia tách thành %s từ ngày %s",
        "posts_held": "Chức vụ đã giữ",
        "post": "Chức vụ",
        "period": "Từ – đến",
        "decision": "Quyết định",
        "now": "nay",
    },
}


def _day(day: dt.date, lab: Labels) -> str:
    """A day as every other date of the brief ("1 Mar 2025" in English, 01/03/2025 in
    Vietnamese; reviewer: English briefs mixed the two)."""
    return format_date(day, lab)


def lineage_facts(lineage: Any, lab: Labels) -> list[tuple[str, Any]]:
    """Rows for the organisation brief's facts table (none when nothing was recorded): text, or
    a paragraph when a confidential organisation is named with its mark."""
    if lineage is None:
        return []
    from app.briefing.sections import named

    w = _WORDS.get(lab.lang, _WORDS["en"])
    out: list[tuple[str, Any]] = []
    # a confidential organisation named there carries its mark (sections.named): the fact is
    # then a paragraph of markup, not plain text
    secret = any(("organisation", x.name) in lab.named for x in (*lineage.formerly, *lineage.became))
    if lineage.formerly:
        lines = [(x.name, f" ({w[x.kind] % _day(x.effective_on, lab)})") for x in lineage.formerly]
        if secret:
            text = "<br/>".join(named(n, "organisation", lab) + esc(rest) for n, rest in lines)
            out.append((w["formerly"], Paragraph(text, styles().value)))
        else:
            out.append((w["formerly"], "\n".join(n + rest for n, rest in lines)))
    if lineage.became:
        kind, day = lineage.became[0].kind, lineage.became[0].effective_on
        if secret:
            names = ", ".join(named(x.name, "organisation", lab) for x in lineage.became)
            words = esc(w[kind + ".to"]).replace("%s", "\0", 1) % (_day(day, lab),)
            out.append((w["became"], Paragraph(words.replace("\0", names, 1), styles().value)))
        else:
            names = ", ".join(x.name for x in lineage.became)
            out.append((w["became"], w[kind + ".to"] % (names, _day(day, lab))))
    return out


def address_form(honorific: str, lang: str) -> str:
    """ "Mr." → "Ông" in a Vietnamese brief, "PGS.TS." → "Assoc. Prof. Dr." in an English one."""
    return Addressee(honorific=honorific).form("en" if lang == "en" else "vi")


def by_precedence(session: Session, people: list[PersonRow], on: dt.date) -> list[PersonRow]:
    """Attendees holding a post on ``on`` first, by the post's precedence (1 first); the others
    after them in the order given. A person's title is their record's position, as on their
    page and in every other brief (a post's short name, "Phó Giám đốc", only when the record
    gives none)."""
    from app import posts

    held = posts.ranks(session, [p.contact_id for p in people], on)
    ordered = sorted(
        enumerate(people),
        key=lambda ip: (
            ip[1].contact_id not in held,
            held[ip[1].contact_id].rank if ip[1].contact_id in held else 0,
            ip[0],
        ),
    )
    out = []
    for _, p in ordered:
        h = held.get(p.contact_id)
        out.append(dataclasses.replace(p, position=h.post) if h is not None and not p.position else p)
    return out


def posts_held_section(held: Any, lab: Labels, avail: float) -> list[Flowable]:
    """The contact brief's "Posts held": post and organisation, from – to, decision."""
    if not held:
        return []
    from app.briefing.sections import named

    w = _WORDS.get(lab.lang, _WORDS["en"])
    st = styles()
    rows = [
        [
            Paragraph(  # a confidential organisation with its mark (sections.named)
                ", ".join(
                    x
                    for x in (
                        esc(h.post),
                        named(h.organisation, "organisation", lab) if h.organisation else "",
                    )
                    if x
                ),
                st.cell,
            ),
            para(
                f"{_day(h.starts_on, lab) if h.starts_on else '…'} – {_day(h.ends_on, lab) if h.ends_on else w['now']}",
                st.cell,
            ),
            para(h.decision or "—", st.cell),
        ]
        for h in held
    ]
    header = [w["post"], w["period"], w["decision"]]
    return [SectionHeading(w["posts_held"]), data_table(header, rows, [0.5, 0.28, 0.22], avail)]
