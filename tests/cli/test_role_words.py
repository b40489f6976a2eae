"""The team's role and permission refusals in the CLI's language (reviewer: with a Vietnamese
locale, ``ketnoi share`` by a colleague said "Not shared: only its owner (…) or a manager can
share …" and a reader's write "Not allowed: the database login … may not make this change" in
English, while the window says them in Vietnamese). The Vietnamese is the window's
(``ui/context.py``, ``ui/team.py``: owner *cán bộ phụ trách*, manager *lãnh đạo*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.role_words import PATTERNS, in_language
from app.team import ShareRefused
from tests.db.test_team import Team, ready, secret_meeting, server, team  # noqa: F401 (fixtures)


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_team_commands_on_a_file_say_what_they_need_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], vietnamese: None
) -> None:
    db = str(tmp_path / "k.db")
    assert _run(capsys, "org", "add", "--name", "NIC", "--db", db)[0] == 0
    code, err = _run(capsys, "admin", "list-users", "--db", db)
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert err.startswith("ketnoi: vai trò nhóm cần một cơ sở dữ liệu PostgreSQL:"), err
    assert "ketnoi copy-db --from FILE --to postgresql://…" in err  # the command stays as typed


def test_an_english_locale_keeps_the_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    db = str(tmp_path / "k.db")
    assert _run(capsys, "org", "add", "--name", "NIC", "--db", db)[0] == 0
    code, err = _run(capsys, "admin", "list-users", "--db", db)
    assert code == 1 and err.startswith("ketnoi: team roles need a PostgreSQL database"), err


def test_each_role_sentence_the_services_write_has_its_vietnamese() -> None:
    said = {
        str(ShareRefused("meeting", 12, "Trần Thị Lan")): "Chưa chia sẻ: chỉ cán bộ phụ trách (Trần Thị Lan) "
        "hoặc lãnh đạo mới chia sẻ được cuộc họp #12 với đồng nghiệp — hãy nhờ họ chia sẻ",
        str(ShareRefused("contact", 3, "")): "Chưa chia sẻ: chỉ cán bộ phụ trách hoặc lãnh đạo mới chia sẻ "
        "được liên hệ #3 với đồng nghiệp — hãy nhờ họ chia sẻ",
    }
    for english, vietnamese in said.items():
        assert in_language(english, "vi") == vietnamese
        assert in_language(english, "en") == english
    assert in_language("a name is required", "vi") == "a name is required"  # not a role sentence
    for _pattern, vietnamese in PATTERNS:  # full diacritics, no English left but commands
        assert "only" not in vietnamese and "may not" not in vietnamese


def test_a_colleague_and_a_reader_are_refused_in_vietnamese(
    ready: Team,  # noqa: F811 (the fixture)
    secret_meeting: int,  # noqa: F811
    vietnamese: None,
) -> None:
    code, _out, err = ready.cli("tuan", "org", "add", "--name", "Viettel")  # a reader writes
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert err.strip() == (
        f"ketnoi: Không được phép: tài khoản cơ sở dữ liệu {ready.prefix}tuan không được thay đổi hồ sơ "
        "tổ chức trong cơ sở dữ liệu này; chưa có gì được lưu"
    ), err
    code, _out, err = ready.cli("lan", "share", "meeting", str(secret_meeting), "--with", "Phạm Văn Minh")
    assert code == 0, err
    try:
        code, _out, err = ready.cli(
            "minh", "share", "meeting", str(secret_meeting), "--with", "Nguyễn Thị Hoa"
        )
        assert code == 1 and len(err.strip().splitlines()) == 1, err
        assert err.strip() == (
            "ketnoi: Chưa chia sẻ: chỉ cán bộ phụ trách (Trần Thị Lan) hoặc lãnh đạo mới chia sẻ được "
            f"cuộc họp #{secret_meeting} với đồng nghiệp — hãy nhờ họ chia sẻ"
        ), err
    finally:
        code, _out, err = ready.cli(
            "lan", "share", "meeting", str(secret_meeting), "--remove", "Phạm Văn Minh"
        )
        assert code == 0, err
    group = f"{ready.prefix}officer"
    code, _out, err = ready.cli("owner", "admin", "disable-user", group)
    assert code == 1 and err.startswith(f"ketnoi: '{group}' là một vai trò nhóm của Ketnoi"), err
