"""List queries: filters, SQL ordering by given name, paging, rows for a page of ids."""

from __future__ import annotations

import datetime as dt

from app import dashboard, lists, records
from db.engine import read_session, unit_of_work
from tests.app.lists.seed import TODAY, bulk_contacts, seed_network


def test_contacts_sort_by_given_name_and_page(engine):
    ids = seed_network(engine)
    with read_session(engine) as s:
        q = lists.default_query("contact")
        assert lists.count(s, q) == 5
        page = lists.page_ids(s, q, offset=0, limit=10)
        # Given names: An, Bảo, Hùng, John, Nhung
        assert page == [ids["dang"], ids["bao"], ids["hung"], ids["smith"], ids["nhung"]]
        assert lists.rows(s, "contact", page)[page[0]]["name"] == "Đặng Văn An"
        assert lists.page_ids(s, q, offset=2, limit=2) == page[2:4]
        desc = lists.page_ids(s, q.with_(descending=True), limit=10)
        assert desc == list(reversed(page))
        by_org = lists.page_ids(s, q.with_(sort="organisation"), limit=10)
        assert by_org[-1] == ids["smith"]  # no organisation: last
        row = lists.rows(s, "contact", [ids["nhung"]])[ids["nhung"]]
        assert row["email"] == "nhung@nic.gov.vn"
        assert row["organisation"] == "Trung tâm Đổi mới sáng tạo Quốc gia"


def test_filters(engine):
    ids = seed_network(engine)
    with read_session(engine) as s:
        c = lists.default_query("contact")
        assert set(lists.page_ids(s, c.with_(text="nguyen"))) == {ids["nhung"]}
        assert set(lists.page_ids(s, c.with_(text="dang"))) == {ids["dang"]}  # Đặng
        assert set(lists.page_ids(s, c.with_(organisation_id=ids["genetica"]))) == {
            ids["hung"],
            ids["bao"],
        }
        choices = lists.filter_choices(s)
        sector = {n: i for i, n in choices["sector"]}
        tag = {n: i for i, n in choices["tag"]}
        assert set(lists.page_ids(s, c.with_(sector_id=sector["Biotech"]))) == {
            ids["hung"],
            ids["bao"],
        }
        assert set(lists.page_ids(s, c.with_(tag_id=tag["expert"]))) == {ids["smith"]}
        o = lists.default_query("organisation")
        assert set(lists.page_ids(s, o.with_(kind="startup"))) == {ids["genetica"]}
        assert set(lists.page_ids(s, o.with_(sector_id=sector["AI"]))) == {
            ids["ministry"],
            ids["nic"],
        }
        assert set(lists.page_ids(s, o.with_(owner_id=ids["me"]))) == {ids["nic"]}
        assert set(lists.page_ids(s, o.with_(tag_id=tag["priority"]))) == {ids["nic"]}
        a = lists.default_query("action")
        assert ids["a_done"] not in lists.page_ids(s, a)
        assert lists.page_ids(s, a)[0] == ids["a_overdue"]  # earliest due first
        assert set(lists.page_ids(s, a.with_(overdue_on=TODAY))) == {ids["a_overdue"]}
        assert set(lists.page_ids(s, a.with_(direction="they_owe"))) == {ids["a_week"]}
        assert set(lists.page_ids(s, a.with_(owner_id=ids["me"]))) == {
            ids["a_overdue"],
            ids["a_today"],
        }
        week = a.with_(due_from=TODAY, due_to=dashboard.week_end(TODAY))
        assert set(lists.page_ids(s, week)) == {ids["a_today"], ids["a_week"]}
        assert set(lists.page_ids(s, a.with_(status="done"))) == {ids["a_done"]}
        m = lists.default_query("meeting")
        assert lists.page_ids(s, m) == [ids["next_meeting"], ids["past_meeting"]]
        assert lists.page_ids(s, m.with_(organisation_id=ids["nic"])) == [ids["past_meeting"]]
        mrow = lists.rows(s, "meeting", [ids["past_meeting"]])[ids["past_meeting"]]
        assert mrow["organisations"] == "NIC" and mrow["attendees"] == 2
        arow = lists.rows(s, "action", [ids["a_week"]])[ids["a_week"]]
        assert arow["responsible"] == "Nguyễn Thị Hồng Nhung" and arow["organisation"] == "NIC"
        for col in lists.COLUMNS["action"] + lists.COLUMNS["organisation"]:
            lists.page_ids(s, a.with_(sort=col)) if col in lists.COLUMNS["action"] else None
            lists.page_ids(s, lists.default_query("organisation").with_(sort=col))


def test_deleted_rows_are_hidden(engine):
    ids = seed_network(engine)
    with unit_of_work(engine) as s:
        records.delete(s, "contact", ids["bao"])
    with read_session(engine) as s:
        assert ids["bao"] not in lists.page_ids(s, lists.default_query("contact"))
        found = lists.find_contacts(s, "bao")
        assert found == []


def test_type_ahead_finds_vietnamese_names_without_accents(engine):
    ids = seed_network(engine)
    with read_session(engine) as s:
        for q in ("nhung", "nguyen", "NGUYỄN", "hong nh"):
            assert [c["id"] for c in lists.find_contacts(s, q)] == [ids["nhung"]], q
        assert [o["id"] for o in lists.find_organisations(s, "nic")] == [ids["nic"]]
        assert [o["id"] for o in lists.find_organisations(s, "doi moi")] == [ids["nic"]]


def test_paging_over_a_large_table_reads_only_a_page(engine):
    bulk_contacts(engine, 20_000)
    with read_session(engine) as s:
        q = lists.default_query("contact")
        assert lists.count(s, q) == 20_000
        first = lists.page_ids(s, q, limit=100)
        second = lists.page_ids(s, q, offset=100, limit=100)
        assert len(first) == 100 and not set(first) & set(second)
        rows = lists.rows(s, "contact", first)
        keys = [r["name"] for r in (rows[i] for i in first)]
        assert keys[0].endswith(" An")  # given name An sorts first
        assert lists.count(s, q.with_(text="nhung")) > 0


def test_dashboard_figures(engine):
    ids = seed_network(engine)
    with read_session(engine) as s:
        summary = dashboard.due_summary(s, today=TODAY)
        assert (summary.overdue, summary.due_today) == (1, 1)
        assert summary.first_titles[0] == "Gửi thư giới thiệu tới Genetica"
        mine = dashboard.due_summary(s, today=TODAY, staff_id=ids["colleague"])
        assert not mine.anything
        c = dashboard.counts(s, today=TODAY)
        assert c["overdue"] == 1 and c["due_this_week"] == 2
        assert c["we_owe"] == 3 and c["they_owe"] == 1
        assert c["meetings_this_month"] == 2
        up = dashboard.upcoming_meetings(s, now=dt.datetime.combine(TODAY, dt.time()))
        assert [m["id"] for m in up] == [ids["next_meeting"]] and up[0]["organisations"] == "Genetica"
        recent = dashboard.recent_organisations(s)
        assert recent[0]["id"] == ids["genetica"]  # met most recently (next meeting)
        now = dt.datetime.combine(TODAY, dt.time(12))
        met = {o["id"]: o["met"] for o in dashboard.recent_organisations(s, now=now)}
        assert met[ids["genetica"]] is None  # only a future meeting: not "met"
        assert met[ids["nic"]].date() == TODAY - dt.timedelta(days=10)
        people = dashboard.organisation_people(s, ids["nic"])
        assert [p["full_name"] for p in people] == ["Đặng Văn An", "Nguyễn Thị Hồng Nhung"]
        assert dashboard.departments(s, ids["ministry"])[0]["id"] == ids["nic"]
        acts = dashboard.actions_for(s, organisation_id=ids["nic"], open_only=True)
        assert [a["id"] for a in acts] == [ids["a_today"], ids["a_week"], ids["a_later"]]
        assert dashboard.is_overdue(dashboard.actions_for(s, organisation_id=ids["genetica"])[0], TODAY)
        assert [m["id"] for m in dashboard.meetings_for(s, contact_id=ids["dang"])] == [ids["past_meeting"]]
    with unit_of_work(engine) as s:
        v = records.get(s, "action", ids["a_overdue"])["version"]
        records.update(s, "action", ids["a_overdue"], {"status": "done"}, expected_version=v)
        v = records.get(s, "contact", ids["dang"])["version"]  # 2: the past meeting moved "last contacted"
        records.update(s, "contact", ids["dang"], {"position": "Giám đốc điều hành"}, expected_version=v)
    with read_session(engine) as s:
        assert dashboard.counts(s, today=TODAY)["overdue"] == 0
        people = dashboard.organisation_people(s, ids["nic"])
        assert people[0]["history"][0]["old"] == "Phó Giám đốc"


def test_former_people_from_history(engine):
    ids = seed_network(engine)
    with unit_of_work(engine) as s:
        v = records.get(s, "contact", ids["dang"])["version"]
        records.update(s, "contact", ids["dang"], {"organisation_id": ids["genetica"]}, expected_version=v)
    with read_session(engine) as s:
        former = dashboard.former_people(s, ids["nic"])
        assert [f["id"] for f in former] == [ids["dang"]]
