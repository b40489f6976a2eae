"""Dates said in words mean what a Vietnamese officer means (reviewer h149, office day Tuesday
08/12/2026):
- Reschedule: a word that names a day ("thứ sáu", "ngày mai", "next friday", "eom") counts from
  today, a count ("+3 ngày", "3wd") from the due date while it lies ahead (app.due.reschedule_from,
  the window's and ``ketnoi action reschedule``'s rule);
- a deadline at the end of a follow-up's text ("Gửi thư giới thiệu trước thứ sáu") is its due
  date, counted from the meeting's day, and leaves the title; words that only look like a date
  inside a sentence stay (app.due_words)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.due import is_count, parse_due, reschedule_from
from app.due_words import due_in_text, without_due_words

TUESDAY = dt.date(2026, 12, 8)  # the office day of the review
DUE = dt.date(2026, 12, 14)  # the action's due date, a Monday ahead


@pytest.mark.parametrize(
    ("typed", "new_due"),
    [
        ("thứ sáu", dt.date(2026, 12, 11)),  # this Friday, not the Friday after the 14th
        ("ngày mai", dt.date(2026, 12, 9)),  # not Tuesday 15th (nor a Saturday)
        ("next friday", dt.date(2026, 12, 11)),
        ("thứ sáu tuần sau", dt.date(2026, 12, 18)),
        ("cuối tháng", dt.date(2026, 12, 31)),
        ("+3 ngày", dt.date(2026, 12, 17)),  # a count: from the due date, as the picks count
        ("3 ngày", dt.date(2026, 12, 17)),
        ("+1w", dt.date(2026, 12, 21)),
        ("+1 ngày làm việc", dt.date(2026, 12, 15)),
    ],
)
def test_reschedule_words_name_a_day_from_today_counts_from_the_due_date(
    typed: str, new_due: dt.date
) -> None:
    assert parse_due(typed, reschedule_from(typed, DUE, TUESDAY)) == new_due


def test_a_count_on_an_overdue_action_counts_from_today() -> None:
    assert reschedule_from("+3 ngày", dt.date(2026, 12, 1), TUESDAY) == TUESDAY
    assert is_count("+3 working days") and is_count("+2 tuần") and not is_count("thứ 6 tuần sau")


@pytest.mark.parametrize(
    ("text", "title", "words", "due"),
    [
        ("Gửi thư giới thiệu trước thứ sáu", "Gửi thư giới thiệu", "trước thứ sáu", dt.date(2026, 12, 11)),
        ("Gửi thư giới thiệu trước ngày 15/12", "Gửi thư giới thiệu", "trước ngày 15/12", dt.date(2026, 12, 15)),
        ("Gửi báo cáo trong tuần này", "Gửi báo cáo", "trong tuần này", dt.date(2026, 12, 11)),
        ("Gọi lại cho anh Hùng ngày mai", "Gọi lại cho anh Hùng", "ngày mai", dt.date(2026, 12, 9)),
        ("Gửi dự thảo MoU trước cuối tháng.", "Gửi dự thảo MoU", "trước cuối tháng", dt.date(2026, 12, 31)),
        ("Gui thu gioi thieu truoc thu 6", "Gui thu gioi thieu", "truoc thu 6", dt.date(2026, 12, 11)),
        ("Gửi thư (trước thứ sáu tuần sau)", "Gửi thư", "trước thứ sáu tuần sau", dt.date(2026, 12, 18)),
        ("Trao đổi trong nhóm, trước thứ 6", "Trao đổi trong nhóm", "trước thứ 6", dt.date(2026, 12, 11)),
        ("Send the deck by friday", "Send the deck", "by friday", dt.date(2026, 12, 11)),
        ("Call back by tomorrow", "Call back", "by tomorrow", dt.date(2026, 12, 9)),
        ("Send the MoU by 15/12", "Send the MoU", "by 15/12", dt.date(2026, 12, 15)),
        ("Send the MoU before end of month", "Send the MoU", "before end of month", dt.date(2026, 12, 31)),
        ("Share the slides within 3 working days", "Share the slides", "within 3 working days", dt.date(2026, 12, 11)),
    ],
)  # fmt: skip
def test_a_deadline_at_the_end_of_a_follow_up_is_read(
    text: str, title: str, words: str, due: dt.date
) -> None:
    found = due_in_text(text, TUESDAY)
    assert found is not None
    assert (found.title, found.words, found.due) == (title, words, due)


@pytest.mark.parametrize(
    "text",
    [
        "Báo cáo ngày mai của Bộ",  # inside the sentence
        "Tổ chức hội thảo lần thứ 6",  # "thứ 6": the sixth, not Friday
        "Rà soát CN",  # công nghệ, not chủ nhật
        "Gửi thư giới thiệu",
        "Làm rõ các điểm nêu trước",
        "Trình bày trước Bộ",
        "ngày mai",  # nothing left of the title
        "Chuẩn bị báo cáo thứ sáu",  # a weekday alone is not read (see app.due_words)
    ],
)
def test_words_that_only_look_like_a_date_are_left_as_they_are(text: str) -> None:
    assert due_in_text(text, TUESDAY) is None
    assert without_due_words(text) == text
