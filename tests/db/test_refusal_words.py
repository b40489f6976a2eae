"""A refusal by PostgreSQL (SQLSTATE 42501) is said as what was refused, wholly in the CLI's
language, without the server's own words (reviewer: a reader's write under a Vietnamese locale
ended "… không được thực hiện thay đổi này — permission denied for table organisation")."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import ProgrammingError

from app.role_words import in_language
from db.engine import not_permitted


class _ServerError(Exception):
    sqlstate = "42501"


def _refusal(detail: str) -> str:
    engine: Any = sa.create_engine("postgresql+psycopg://tuan@localhost/ketnoi")
    exc = ProgrammingError("INSERT …", {}, _ServerError(detail))
    refused = not_permitted(exc, engine)
    assert refused is not None
    return str(refused)


def test_a_readers_write_says_which_records_it_may_not_change() -> None:
    english = _refusal("permission denied for table organisation")
    assert english == (
        "Not allowed: the database login tuan may not change organisations in this database; nothing was saved"
    )
    assert in_language(english, "vi") == (
        "Không được phép: tài khoản cơ sở dữ liệu tuan không được thay đổi hồ sơ tổ chức trong cơ sở "
        "dữ liệu này; chưa có gì được lưu"
    )
    # a link table names the records it belongs to
    assert "may not change contacts" in _refusal("permission denied for table contact_tag")
    assert "hồ sơ cuộc họp" in in_language(_refusal("permission denied for table meeting_attendee"), "vi")


def test_no_server_words_are_left_in_any_refusal() -> None:
    for detail in (
        "permission denied for table organisation",
        "permission denied for sequence import_batch_id_seq",
        'new row violates row-level security policy for table "meeting"',
    ):
        english = _refusal(detail)
        vietnamese = in_language(english, "vi")
        assert "permission denied" not in english + vietnamese and "row-level" not in english + vietnamese
        assert "—" not in vietnamese and vietnamese != english, vietnamese
