"""Reorganisations (issue 15 item 4): Bộ Kế hoạch và Đầu tư merged into Bộ Tài chính on
01/03/2025 moves its open actions, people, departments and future meetings; history, past
meetings and closed actions stay; one undo puts every row back as it was; the old name finds
the successor; pages and briefs say "formerly …" with the date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine

from app import records, reorg, search, story, undo
from app.errors import UserError
from db import models as m
from db.engine import read_session, unit_of_work

ON = dt.date(2025, 3, 1)


def _ministries(engine: Engine) -> dict[str, int]:
    with unit_of_work(engine) as s:
        ids = {
            "mpi": records.create(s, "organisation", {"name": "Bộ Kế hoạch và Đầu tư", "acronym": "MPI", "kind": "ministry"}),
            "mof": records.create(s, "organisation", {"name": "Bộ Tài chính", "acronym": "MOF", "kind": "ministry"}),
            "mic": records.create(s, "organisation", {"name": "Bộ Thông tin và Truyền thông", "acronym": "MIC", "kind": "ministry"}),
            "most": records.create(s, "organisation", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST", "kind": "ministry"}),
        }  # fmt: skip
        ids["dept"] = records.create(
            s,
            "organisation",
            {"name": "Cục Phát triển doanh nghiệp", "kind": "agency", "parent_id": ids["mpi"]},
        )
        ids["an"] = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "position": "Vụ trưởng", "organisation_id": ids["mpi"]},
        )
        ids["binh"] = records.create(
            s, "contact", {"full_name": "Trần Thị Bình", "organisation_id": ids["mpi"]}
        )
        ids["open"] = records.create(
            s,
            "action",
            {"title": "Gửi công văn góp ý", "organisation_id": ids["mpi"], "due_date": dt.date(2026, 12, 10)},
        )
        ids["waiting"] = records.create(
            s, "action", {"title": "Chờ phản hồi", "organisation_id": ids["mpi"], "status": "waiting"}
        )
        ids["done"] = records.create(
            s, "action", {"title": "Đã gửi báo cáo", "organisation_id": ids["mpi"], "status": "done",
                          "completed_on": dt.date(2025, 1, 5)}
        )  # fmt: skip
        ids["past"] = records.create(
            s, "meeting", {"title": "Họp 2024", "starts_at": dt.datetime(2024, 11, 5, 9), "organisation_ids": [ids["mpi"]],
                           "attendees": [{"contact_id": ids["an"], "role": "chair"}]}
        )  # fmt: skip
        ids["future"] = records.create(
            s, "meeting", {"title": "Làm việc tháng 12", "starts_at": dt.datetime(2026, 12, 15, 14),
                           "organisation_ids": [ids["mpi"]]}
        )  # fmt: skip
    return ids


def _state(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the history, without the version counters and stamps an
    undo moves forward."""
    skip = {"version", "updated_at"}
    out = {}
    with engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            if name in ("change", "alembic_version") or name.startswith("fts_"):
                continue
            table = table_of_name(name)
            if table is None:
                continue
            cols = [c for c in table.c if c.name not in skip]
            out[name] = sorted(tuple(map(repr, r)) for r in conn.execute(select(*cols)))
    return out


def table_of_name(name: str) -> Any:
    return m.SQLModel.metadata.tables.get(name)


def test_a_merge_moves_what_is_open_and_undo_puts_back_every_row(engine: Engine) -> None:
    ids = _ministries(engine)
    before = _state(engine)
    with unit_of_work(engine) as s:
        plan = reorg.preview(s, ids["mpi"], [ids["mof"]], kind="merged", on=ON)
        assert [i.id for i in plan.actions] == [ids["open"], ids["waiting"]]
        assert {i.id for i in plan.contacts} == {ids["an"], ids["binh"]}
        assert [i.id for i in plan.meetings] == [ids["future"]]  # the 2024 meeting stays
        assert [i.id for i in plan.departments] == [ids["dept"]]
        group, _ = reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=ON, actor="Anh")
    with read_session(engine) as s:
        assert records.get(s, "action", ids["open"])["organisation_id"] == ids["mof"]
        assert records.get(s, "action", ids["waiting"])["organisation_id"] == ids["mof"]
        assert records.get(s, "action", ids["done"])["organisation_id"] == ids["mpi"]  # history stays
        assert records.get(s, "contact", ids["an"])["organisation_id"] == ids["mof"]
        assert records.get(s, "meeting", ids["future"])["organisation_ids"] == [ids["mof"]]
        assert records.get(s, "meeting", ids["past"])["organisation_ids"] == [ids["mpi"]]
        assert records.get(s, "organisation", ids["dept"])["parent_id"] == ids["mof"]
        assert records.get(s, "organisation", ids["mpi"])["deleted_at"] is None  # not a duplicate merge
        line = reorg.lineage(s, ids["mpi"])
        assert [(b.name, b.kind, b.effective_on) for b in line.became] == [("Bộ Tài chính", "merged", ON)]
        assert [f.name for f in reorg.lineage(s, ids["mof"]).formerly] == ["Bộ Kế hoạch và Đầu tư"]
        offered = undo.last_undoable(s)
        assert offered is not None and offered.group_id == group
        assert offered.description == 'Reorganisation: "Bộ Kế hoạch và Đầu tư" merged into "Bộ Tài chính"'
    assert _state(engine) != before
    with unit_of_work(engine) as s:
        undo.undo_group(s, group, actor="Anh")
    assert _state(engine) == before
    with read_session(engine) as s:
        assert reorg.lineage(s, ids["mpi"]).became == []
    with unit_of_work(engine) as s:  # a redo brings it all back, succession included
        undo.undo_group(s, undo.undo_id(group), actor="Anh")
    with read_session(engine) as s:
        assert records.get(s, "contact", ids["an"])["organisation_id"] == ids["mof"]
        assert [b.name for b in reorg.lineage(s, ids["mpi"]).became] == ["Bộ Tài chính"]


def test_the_old_name_finds_the_successor(engine: Engine) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=ON)
    with read_session(engine) as s:
        hits = search.search(s, "Bộ Kế hoạch và Đầu tư")
        found = [(h.kind, h.id) for h in hits]
        assert ("organisation", ids["mof"]) in found
        mof = next(h for h in hits if h.id == ids["mof"])
        mpi = next(h for h in hits if h.id == ids["mpi"])
        assert found.index(("organisation", ids["mof"])) < found.index(("organisation", ids["mpi"]))
        assert "Bộ Kế hoạch và Đầu tư" in mof.subtitle
        assert "Bộ Tài chính" in mpi.subtitle
        plain = search.search(s, "ke hoach dau tu")  # without accents too
        assert ("organisation", ids["mof"]) in [(h.kind, h.id) for h in plain]
        assert ("organisation", ids["mof"]) not in [(h.kind, h.id) for h in search.search(s, "thong tin")]


def test_a_split_sends_each_item_where_the_person_chose(engine: Engine) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        choices = {f"contact:{ids['binh']}": ids["most"], f"action:{ids['open']}": ids["most"]}
        reorg.succeed(s, ids["mpi"], [ids["mof"], ids["most"]], kind="split", on=ON, choices=choices)
    with read_session(engine) as s:
        assert records.get(s, "contact", ids["binh"])["organisation_id"] == ids["most"]
        assert records.get(s, "contact", ids["an"])["organisation_id"] == ids["mof"]
        assert records.get(s, "action", ids["open"])["organisation_id"] == ids["most"]
        assert records.get(s, "action", ids["waiting"])["organisation_id"] == ids["mof"]
        assert {b.name for b in reorg.lineage(s, ids["mpi"]).became} == {
            "Bộ Tài chính",
            "Bộ Khoa học và Công nghệ",
        }


@pytest.mark.parametrize(
    ("kind", "into", "message"),
    [
        ("merged", ["mpi"], "cannot succeed itself"),
        ("merged", ["mof", "most"], "one other"),
        ("split", ["mof"], "two or more"),
        ("swallowed", ["mof"], "one of merged, renamed, split"),
        ("merged", [], "successor"),
    ],
)
def test_a_reorganisation_that_is_not_one_is_refused(
    engine: Engine, kind: str, into: list[str], message: str
) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s, pytest.raises(UserError, match=message):
        reorg.succeed(s, ids["mpi"], [ids[x] for x in into], kind=kind, on=ON)


def test_twice_is_refused_and_the_successor_of_a_predecessor_too(engine: Engine) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        reorg.succeed(s, ids["mic"], [ids["most"]], kind="merged", on=ON)
    with unit_of_work(engine) as s, pytest.raises(UserError, match="already merged into Bộ Khoa học"):
        reorg.succeed(s, ids["mic"], [ids["mof"]], kind="merged", on=ON)
    with unit_of_work(engine) as s, pytest.raises(UserError, match="has itself been succeeded"):
        reorg.succeed(s, ids["mpi"], [ids["mic"]], kind="merged", on=ON)


def test_the_pages_say_formerly_and_merged_into_with_the_date(engine: Engine) -> None:
    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        reorg.succeed(s, ids["mic"], [ids["most"]], kind="merged", on=ON)
    with read_session(engine) as s:
        most = story.story(s, "organisation", ids["most"], today=dt.date(2026, 11, 23))
        mic = story.story(s, "organisation", ids["mic"], today=dt.date(2026, 11, 23))
    assert [(f.name, f.effective_on) for f in most.lineage.formerly] == [("Bộ Thông tin và Truyền thông", ON)]  # type: ignore[union-attr]
    assert [(b.name, b.kind) for b in mic.lineage.became] == [("Bộ Khoa học và Công nghệ", "merged")]  # type: ignore[union-attr]


def test_two_reorganisations_of_one_ministry_at_once_leave_one(engine: Engine) -> None:
    import threading
    import time

    ids = _ministries(engine)
    started, results = threading.Event(), {}

    def first() -> None:
        with unit_of_work(engine) as s:
            reorg.succeed(s, ids["mpi"], [ids["mof"]], kind="merged", on=ON)
            started.set()
            time.sleep(0.8)
        results["first"] = "ok"

    def second() -> None:
        started.wait(10)
        try:
            with unit_of_work(engine) as s:
                reorg.succeed(s, ids["mpi"], [ids["most"]], kind="merged", on=ON)
            results["second"] = "ok"
        except UserError as exc:
            results["second"] = str(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results["first"] == "ok" and "already merged into Bộ Tài chính" in results["second"]
    with read_session(engine) as s:
        assert [b.name for b in reorg.lineage(s, ids["mpi"]).became] == ["Bộ Tài chính"]
        assert records.get(s, "contact", ids["an"])["organisation_id"] == ids["mof"]


def test_a_duplicate_merge_takes_posts_and_reorganisations_along_and_its_undo_puts_them_back(
    engine: Engine,
) -> None:
    from app import merge, posts

    ids = _ministries(engine)
    with unit_of_work(engine) as s:
        dup = records.create(s, "organisation", {"name": "Bộ Tài chính (bản trùng)", "kind": "ministry"})
        post = posts.add_post(s, dup, "Thứ trưởng", rank=2)
        reorg.succeed(s, ids["mpi"], [dup], kind="merged", on=ON)
    before = _state(engine)
    with unit_of_work(engine) as s:
        result = merge.merge(s, "organisation", ids["mof"], dup)
    with read_session(engine) as s:
        assert [p.id for p in posts.posts_of(s, ids["mof"])] == [post]
        assert [b.id for b in reorg.lineage(s, ids["mpi"]).became] == [ids["mof"]]
        assert [f.id for f in reorg.lineage(s, ids["mof"]).formerly] == [ids["mpi"]]
    with unit_of_work(engine) as s:
        undo.undo_group(s, result.group_id)
    assert _state(engine) == before
