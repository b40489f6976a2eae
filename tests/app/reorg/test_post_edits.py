"""A post renamed, or removed because it was added by mistake, through app.posts: each is one
undoable step whose undo and redo (the undo of the undo) put the post back exactly, described
in the Edit menu's words in English and Vietnamese; a change made since stops the undo."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from app import posts, records, undo
from app.errors import UserError
from db import models as m
from db.engine import read_session, unit_of_work


def _nic(engine: Engine) -> int:
    with unit_of_work(engine) as s:
        org = m.Organisation(name="Trung tâm Đổi mới sáng tạo Quốc gia", acronym="NIC", sort_key="nic")
        s.add(org)
        s.flush()
        assert org.id is not None
        return int(org.id)


def test_an_edit_is_undone_and_redone_and_described(engine: Engine) -> None:
    nic = _nic(engine)
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, "Pho Giam doc", rank=3)
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        changed = posts.edit_post(s, post, title="Phó Giám đốc", rank=2, notes="", group_id=group)
    assert changed == {"title": "Phó Giám đốc", "rank": 2}  # notes were already empty: not written
    with read_session(engine) as s:
        assert undo.describe(s, group) == 'Edited the post "Phó Giám đốc"'
        assert undo.describe(s, group, "vi") == 'Sửa chức vụ "Phó Giám đốc"'
    with unit_of_work(engine) as s:
        done = undo.undo_group(s, group)
    with read_session(engine) as s:
        row = posts.get_post(s, post)
        assert (row.title, row.rank) == ("Pho Giam doc", 3)
    with unit_of_work(engine) as s:
        redone = undo.undo_group(s, done.group_id)  # redo
    with read_session(engine) as s:
        row = posts.get_post(s, post)
        assert (row.title, row.rank) == ("Phó Giám đốc", 2)
    with unit_of_work(engine) as s:  # renamed again since: the first edit's undo would lose it
        posts.edit_post(s, post, title="Phó Giám đốc thường trực")
    with unit_of_work(engine) as s, pytest.raises(undo.UndoConflict, match="changed since"):
        undo.undo_group(s, redone.group_id)
    with read_session(engine) as s:
        assert posts.get_post(s, post).title == "Phó Giám đốc thường trực"


def test_a_post_added_by_mistake_is_removed_and_comes_back(engine: Engine) -> None:
    nic = _nic(engine)
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, "Trưởng ban (nhầm)")
    group = records.new_group_id()
    with unit_of_work(engine) as s:
        posts.remove_post(s, post, group_id=group)
    with read_session(engine) as s:
        assert post not in [p.id for p in posts.list_posts(s, nic)]
        assert undo.describe(s, group, "vi") == 'Xoá chức vụ "Trưởng ban (nhầm)"'
        with pytest.raises(UserError, match="no post"):
            posts.get_post(s, post)
    with unit_of_work(engine) as s:
        done = undo.undo_group(s, group)
    with read_session(engine) as s:
        assert post in [p.id for p in posts.list_posts(s, nic)]
    with unit_of_work(engine) as s:
        undo.undo_group(s, done.group_id)
    with read_session(engine) as s:
        assert post not in [p.id for p in posts.list_posts(s, nic)]


def test_a_post_with_a_holder_recorded_is_not_removed(engine: Engine) -> None:
    nic = _nic(engine)
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, "Giám đốc", rank=1)
        an = m.Contact(full_name="Nguyễn Văn An", given_name="An", family_name="Nguyễn", organisation_id=nic)
        s.add(an)
        s.flush()
        assert an.id is not None
        holding = posts.assign(s, post, int(an.id))
        posts.end(s, holding)  # a past holder is role history too
    with unit_of_work(engine) as s, pytest.raises(UserError, match="role history stays"):
        posts.remove_post(s, post)
    with read_session(engine) as s:
        assert [h.name for h in posts.get_post(s, post).holdings] == ["Nguyễn Văn An"]


def test_a_post_whose_organisation_was_removed_for_good_says_so(engine: Engine) -> None:
    """Emptying the trash removes an organisation for good and leaves its posts without one
    (ON DELETE SET NULL): changing such a post is refused in words, not a TypeError."""
    from sqlalchemy import text

    nic = _nic(engine)
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, "Phó Giám đốc", rank=2)
        s.execute(text("UPDATE post SET organisation_id = NULL WHERE id = :i"), {"i": post})
    for change in (lambda s: posts.edit_post(s, post, rank=1), lambda s: posts.remove_post(s, post)):
        with (
            unit_of_work(engine) as s,
            pytest.raises(UserError, match="no longer belongs to an organisation"),
        ):
            change(s)


def test_an_edit_from_values_changed_since_is_refused_and_writes_nothing(engine: Engine) -> None:
    """A window's edit names the values it started from: a colleague's change made since is
    not overwritten silently (posts have no version number; the values are compared)."""
    nic = _nic(engine)
    with unit_of_work(engine) as s:
        post = posts.add_post(s, nic, "Phó Giám đốc", rank=2, notes="Phụ trách  \n hợp tác\r\nquốc tế ")
    with read_session(engine) as s:
        assert posts.get_post(s, post).notes == "Phụ trách\nhợp tác\nquốc tế"  # lines kept, ends trimmed
    with unit_of_work(engine) as s:  # a colleague
        posts.edit_post(s, post, notes="Anh Đặng phụ trách", actor="Đặng Văn Hùng")
    with unit_of_work(engine) as s, pytest.raises(posts.PostChanged) as refused:
        posts.edit_post(s, post, notes="Chị Hà phụ trách", expected={"notes": "Phụ trách\nhợp tác\nquốc tế"})
    assert refused.value.current == {"notes": "Anh Đặng phụ trách"}
    saved = refused.value.saved  # who, as the organisation's history says (not "someone else")
    assert saved is not None and saved.actor == "Đặng Văn Hùng"
    how = "by Đặng Văn Hùng" if saved.team else "in another window or from the command line"
    assert f"changed {how} at {saved.when()} since you began (notes)" in str(refused.value)
    with read_session(engine) as s:
        assert posts.get_post(s, post).notes == "Anh Đặng phụ trách"
    with unit_of_work(engine) as s:  # a field nobody else touched: written
        assert posts.edit_post(s, post, rank=3, expected={"rank": 2}) == {"rank": 3}
    with unit_of_work(engine) as s:  # the colleague wrote the same: nothing to refuse or write
        assert posts.edit_post(s, post, notes="Anh Đặng phụ trách", expected={"notes": "x"}) == {}
    with unit_of_work(engine) as s, pytest.raises(posts.PostChanged, match="name"):
        posts.edit_post(s, post, title="Phó Giám đốc thường trực", expected={"title": "Pho Giam doc"})
