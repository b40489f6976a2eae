"""An action's two people responsible — ours (a staff member) and theirs (a contact: the
ministry's official who owes the reply) — each in its own column of the export, so that an
export and import gives both back (reviewer: one cell "Người phụ trách / Responsible" held ours
and dropped theirs). A sheet with only the one column imports as it always did; the template
has the new column too. Real workbooks, real SQLite files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from app import records
from app.exporting import export_workbook, write_template
from app.importing import fields
from db import models as m
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from tests.app.importing.helpers import count, do_import, preview, write_xlsx
from tests.cli.inproc import run_cli

THEIRS = "Người phụ trách (đối tác) / Responsible (them)"
OURS = "Người phụ trách / Responsible"


def _seed(engine: Engine) -> None:
    with unit_of_work(engine) as s:
        lan = records.create(s, "staff", {"name": "Trần Thị Lan", "email": "lan@nic.gov.vn"})
        most = records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST"})
        fpt = records.create(s, "organisation", {"name": "FPT Software", "acronym": "FPT"})
        # two people of one name: the action names the ministry's, by its email
        records.create(
            s, "contact", {"full_name": "Bùi Đức Hà", "organisation_id": fpt, "emails": ["ha@fpt.com"]}
        )
        ha = records.create(
            s,
            "contact",
            {"full_name": "Bùi Đức Hà", "organisation_id": most, "emails": ["ha.bd@most.gov.vn"]},
        )
        chau = records.create(s, "contact", {"full_name": "Lê Minh Châu", "organisation_id": most})
        records.create(s, "action", {
            "title": "Bộ gửi công văn góp ý đề án", "direction": "they_owe", "organisation_id": most,
            "responsible_staff_id": lan, "responsible_contact_id": ha, "due_date": dt.date(2026, 3, 2),
        })  # fmt: skip
        records.create(s, "action", {"title": "Gửi số liệu khảo sát", "direction": "they_owe",
                                     "organisation_id": most, "responsible_contact_id": chau})  # fmt: skip
        records.create(s, "action", {"title": "Soạn thư mời", "responsible_staff_id": lan})


def _people(engine: Engine) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Each live action's title → (its staff member, its contact, that contact's organisation)."""
    with read_session(engine) as s:
        staff = {x.id: x.name for x in s.exec(select(m.Staff))}
        orgs = {o.id: o.acronym for o in s.exec(select(m.Organisation))}
        people = {c.id: (c.full_name, orgs.get(c.organisation_id)) for c in s.exec(select(m.Contact))}
        out = {}
        for a in s.exec(select(m.Action).where(col(m.Action.deleted_at).is_(None))):
            name, org = people.get(a.responsible_contact_id, (None, None))
            out[a.title] = (staff.get(a.responsible_staff_id), name, org)
        return out


def _import_all(engine: Engine, path: Path) -> None:
    for kind in fields.KINDS:
        do_import(engine, path, fields.LABELS[kind])


def test_both_people_of_an_action_come_back_from_an_export(engine: Engine, tmp_path: Path) -> None:
    _seed(engine)
    out = tmp_path / "ketnoi.xlsx"
    with read_session(engine) as s:
        export_workbook(out, session=s, lang="vi")

    ws = load_workbook(out)[fields.LABELS["action"]]
    header = [c.value for c in ws[1]]
    assert header.index(THEIRS) == header.index(OURS) + 1  # beside ours, in the header style
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    both = rows["Bộ gửi công văn góp ý đề án"]
    assert both[OURS] == "Trần Thị Lan <lan@nic.gov.vn>"
    assert both[THEIRS] == "Bùi Đức Hà <ha.bd@most.gov.vn>"  # "Name <email>", as attendees
    # theirs alone is in its own column, no longer in ours
    assert rows["Gửi số liệu khảo sát"][OURS] is None
    assert rows["Gửi số liệu khảo sát"][THEIRS] == "Lê Minh Châu"
    assert rows["Soạn thư mời"][THEIRS] is None

    # `ketnoi import` of the whole workbook in one step, into a new file: the contacts its
    # earlier sheet creates are the ones the actions name
    assert run_cli(tmp_path / "other.db", "import", str(out)).returncode == 0
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        expected = {
            "Bộ gửi công văn góp ý đề án": ("Trần Thị Lan", "Bùi Đức Hà", "MOST"),  # not FPT's namesake
            "Gửi số liệu khảo sát": (None, "Lê Minh Châu", "MOST"),
            "Soạn thư mời": ("Trần Thị Lan", None, None),
        }
        assert _people(other) == _people(engine) == expected
        _import_all(other, out)  # again, sheet by sheet: every row matches, nothing changes
        assert _people(other) == expected and count(other, m.Action) == 3
    finally:
        other.dispose()


def test_a_sheet_with_only_the_one_column_imports_as_before(engine: Engine, tmp_path: Path) -> None:
    """Ours or a contact, whichever the name is; an unknown name a new staff member."""
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Trần Thị Lan"})
        records.create(s, "contact", {"full_name": "Lê Minh Châu"})
    path = write_xlsx(
        tmp_path / "viec.xlsx",
        {"Việc": [["Việc", "Người phụ trách", "Hạn"],
                  ["Soạn thư mời", "Trần Thị Lan", "02/03/2026"],
                  ["Gửi số liệu", "Lê Minh Châu", "03/03/2026"],
                  ["Đặt phòng họp", "Phạm Văn Nam", "04/03/2026"]]},
    )  # fmt: skip
    pv = preview(engine, path)
    assert sorted(pv.layout.mapping.values()) == ["due_date", "responsible", "title"]
    do_import(engine, path)
    assert _people(engine) == {
        "Soạn thư mời": ("Trần Thị Lan", None, None),
        "Gửi số liệu": (None, "Lê Minh Châu", None),
        "Đặt phòng họp": ("Phạm Văn Nam", None, None),
    }


def test_their_column_by_its_other_headers_finds_contacts_as_attendees_are(
    engine: Engine, tmp_path: Path
) -> None:
    with unit_of_work(engine) as s:
        records.create(s, "staff", {"name": "Trần Thị Lan"})
        records.create(s, "contact", {"full_name": "Lê Minh Châu"})
        records.create(s, "contact", {"full_name": "Bùi Đức Hà", "emails": ["ha@fpt.com"]})
        records.create(s, "contact", {"full_name": "Bùi Đức Hà", "emails": ["ha.bd@most.gov.vn"]})
    for header in ("Đầu mối phía đối tác", "Người phụ trách (đối tác)", "Responsible (them)", "Counterpart"):
        assert fields.field_for_header("action", header) == "counterpart", header
    assert fields.field_for_header("action", "Đầu mối") == "responsible"
    path = write_xlsx(
        tmp_path / "viec.xlsx",
        {"Việc": [["Việc", "Phụ trách", "Đầu mối phía đối tác"],
                  ["Việc một", "Trần Thị Lan", "Lê Minh Châu"],
                  ["Việc hai", "Trần Thị Lan", "Bùi Đức Hà <ha.bd@most.gov.vn>"],
                  ["Việc ba", "", "Bùi Đức Hà"],
                  ["Việc bốn", "Trần Thị Lan", "Nguyễn Không Có"]]},
    )  # fmt: skip
    pv, _result = do_import(engine, path)
    assert sorted(pv.layout.mapping.values()) == ["counterpart", "responsible", "title"]
    notes = {r.row: [n.code for n in r.messages()] for r in pv.rows}
    assert "counterpart_not_found" in notes[5]
    assert "attendee_namesakes" in notes[4]  # two of that name: linked to the first, and said
    with read_session(engine) as s:
        acts = {a.title: a for a in s.exec(select(m.Action))}
        people = {c.id: c for c in s.exec(select(m.Contact))}
        emails = {x.contact_id: x.value for x in s.exec(select(m.ContactMethod))}
        assert acts["Việc một"].responsible_staff_id is not None
        assert people[acts["Việc một"].responsible_contact_id].full_name == "Lê Minh Châu"
        assert emails[acts["Việc hai"].responsible_contact_id] == "ha.bd@most.gov.vn"
        assert acts["Việc ba"].responsible_staff_id is None
        assert people[acts["Việc ba"].responsible_contact_id].full_name == "Bùi Đức Hà"
        # a name no contact has is not made a staff member, nor a contact: left blank, warned
        assert acts["Việc bốn"].responsible_contact_id is None
        assert {x.name for x in s.exec(select(m.Staff))} == {"Trần Thị Lan"}


def test_the_template_has_their_column(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    write_template(out)
    header = [c.value for c in load_workbook(out)[fields.LABELS["action"]][1]]
    assert THEIRS in header and OURS in header
