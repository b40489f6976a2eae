"""Undoing a merge after work on the kept record: each record exactly as it was, what was done
since kept, or a refusal that names what stands in the way (in English and Vietnamese).

Reviewer's questions (last round): both people had an e-mail and a phone — both kept by the
merge, and back on their own record after its undo, with their meetings, actions and history?
And after an edit of the kept record? A meeting logged with the kept person after the merge
moved their "Last contacted", which the merge had set: the undo refused for good ("edited after
the merge (last_contacted_on)", the field's code, in English in a Vietnamese terminal), though
nobody edited anything; it now goes through, the meeting staying with the kept person and each
one's date counted from their meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app import records, undo_history
from app.meetings import Chosen, MeetingDraft, save_meeting
from app.merge import merge
from app.undo import UndoConflict, undo_group
from db import clock
from db.engine import read_session, unit_of_work
from tests.app.dedupe.conftest import link_state, meeting, record_state


@pytest.fixture
def two_ans(engine: Engine) -> dict[str, int]:
    """One man twice, each with an e-mail, a phone, a meeting and an action; the other met later."""
    with unit_of_work(engine) as s:
        kept = records.create(
            s,
            "contact",
            {"full_name": "Nguyễn Văn An", "emails": ["an@nic.gov.vn"], "phones": ["0912345678"],
             "position": "Giám đốc", "tags": ["AI"]},
        )  # fmt: skip
        other = records.create(
            s,
            "contact",
            {"full_name": "Nguyen Van An", "emails": ["an@gmail.com"], "phones": ["0987654321"],
             "position": "Director", "tags": ["VIP"]},
        )  # fmt: skip
        records.update(
            s, "contact", other, {"notes": "Gặp ở Techfest"}, expected_version=None
        )  # its own history
        earlier = meeting(s, "Gặp lần đầu", [kept], days_ago=20)
        later = meeting(s, "Làm việc về AI", [other], days_ago=5)
        first = records.create(s, "action", {"title": "Gửi thư", "responsible_contact_id": kept})
        second = records.create(s, "action", {"title": "Gọi lại", "responsible_contact_id": other})
    return {"kept": kept, "other": other, "earlier": earlier, "later": later, "a1": first, "a2": second}


def _history(engine: Engine, ids: dict[str, int]) -> dict[int, list[tuple[Any, ...]]]:
    with read_session(engine) as s:
        return {
            i: [
                (h["op"], h["field"], h["old"], h["new"], h["group_id"])
                for h in records.history(s, "contact", i)
            ]
            for i in (ids["kept"], ids["other"])
        }


def _state(engine: Engine, ids: dict[str, int]) -> tuple[Any, Any]:
    with read_session(engine) as s:
        return record_state(s, "contact", [ids["kept"], ids["other"]]), link_state(s)


def _merged(engine: Engine, ids: dict[str, int]) -> str:
    with unit_of_work(engine) as s:
        group = merge(s, "contact", ids["kept"], ids["other"], actor="Lan").group_id
    with read_session(engine) as s:
        kept = records.snapshot(s, "contact", ids["kept"])
    assert kept["emails"] == ["an@nic.gov.vn", "an@gmail.com"]  # both kept
    assert kept["phones"] == ["+84912345678", "+84987654321"]
    assert kept["last_contacted_on"] == clock.today() - dt.timedelta(days=5)  # the other's meeting counts
    return group


def test_undo_puts_each_record_back_exactly_history_included(engine: Engine, two_ans: dict[str, int]) -> None:
    before, history = _state(engine, two_ans), _history(engine, two_ans)
    group = _merged(engine, two_ans)
    with unit_of_work(engine) as s:
        undo_group(s, group, actor="Lan")
    assert _state(engine, two_ans) == before  # fields, e-mails, phones, tags, meetings, actions
    after = _history(engine, two_ans)
    for i, rows in history.items():  # each one's history as it was, the merge and its undo on top
        assert after[i][-len(rows) :] == rows


def test_an_edit_of_what_the_merge_left_alone_is_kept(engine: Engine, two_ans: dict[str, int]) -> None:
    before = _state(engine, two_ans)
    group = _merged(engine, two_ans)
    with unit_of_work(engine) as s:  # the kept record's position was the merge's choice of its own
        records.update(s, "contact", two_ans["kept"], {"honorific": "TS."}, expected_version=None)
    with unit_of_work(engine) as s:
        undo_group(s, group, actor="Lan")
    records_now, links_now = _state(engine, two_ans)
    assert links_now == before[1]
    assert records_now[two_ans["other"]] == before[0][two_ans["other"]]
    expected = {**before[0][two_ans["kept"]], "honorific": "TS."}  # the edit, nothing else
    assert records_now[two_ans["kept"]] == expected


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            'Contact "Nguyễn Văn An" was edited after the merge (emails): undo that edit first, then the merge.',
        ),
        (
            "vi",
            'Liên hệ "Nguyễn Văn An" đã được sửa sau khi gộp (email): hãy hoàn tác thay đổi đó trước, '
            "rồi mới hoàn tác việc gộp.",
        ),
    ],
)
def test_an_edit_of_what_the_merge_set_refuses_naming_it(
    engine: Engine, two_ans: dict[str, int], lang: str, said: str
) -> None:
    group = _merged(engine, two_ans)
    with unit_of_work(engine) as s:  # the other's e-mail taken off the kept record
        records.update(s, "contact", two_ans["kept"], {"emails": ["an@nic.gov.vn"]}, expected_version=None)
    merged = _state(engine, two_ans)
    with unit_of_work(engine) as s, pytest.raises(UndoConflict) as refused:
        undo_group(s, group, actor="Lan")
    assert (str(refused.value) if lang == "en" else refused.value.vi) == said  # type: ignore[attr-defined]
    assert _state(engine, two_ans) == merged  # nothing written


def test_a_meeting_logged_since_with_the_kept_person_does_not_block_the_undo(
    engine: Engine, two_ans: dict[str, int]
) -> None:
    before = _state(engine, two_ans)
    group = _merged(engine, two_ans)
    draft = MeetingDraft(
        {"title": "Sau khi gộp", "starts_at": dt.datetime.combine(clock.today(), dt.time(8))},
        [],
        [Chosen(two_ans["kept"], "Nguyễn Văn An")],
    )
    with unit_of_work(engine) as s:
        since = save_meeting(s, draft, actor="Lan", group_id=records.new_group_id())
    with read_session(engine) as s:  # Undo history offers it, in either language
        assert undo_history.entry(s, group, "vi").status == undo_history.READY
    with unit_of_work(engine) as s:
        undo_history.undo_entry(s, group, actor="Lan", lang="vi")
    records_now, links_now = _state(engine, two_ans)
    assert records_now[two_ans["other"]] == before[0][two_ans["other"]]
    assert records_now[two_ans["kept"]] == {**before[0][two_ans["kept"]], "last_contacted_on": clock.today()}
    kept_meetings = {mid for mid, cid, _role in links_now["attendees"] if cid == two_ans["kept"]}
    other_meetings = {mid for mid, cid, _role in links_now["attendees"] if cid == two_ans["other"]}
    assert kept_meetings == {two_ans["earlier"], since} and other_meetings == {two_ans["later"]}
