"""``ketnoi contact add``, ``action add`` and ``org add`` (and ``edit``) name the successor of an
organisation merged or renamed by today, as the window's forms do, saying so; ``--as-was`` keeps
the old one; a split one is refused, naming what it became (reviewer h97: an action for MPI,
merged into Bộ Tài chính on 01/03/2025, was filed under MPI with no word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import copy_of, run_cli


def _ok(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture
def db(reorganised: Path, tmp_path: Path) -> Path:
    """A copy of the database where MPI merged into MOF and Hội A split (tests/cli/conftest.py)."""
    return copy_of(reorganised, tmp_path)


def _org_names(db: Path) -> dict[int, str]:
    return {o["id"]: o["name"] for o in json.loads(_ok(db, "org", "list", "--json"))["items"]}


def test_a_new_action_for_the_merged_ministry_is_for_its_successor_said_in_both_languages(db: Path) -> None:
    out = _ok(db, "action", "add", "--title", "Gửi dự thảo quy định", "--organisation", "MPI")
    assert (
        "  Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: saved with Bộ Tài chính "
        "(--as-was keeps Bộ Kế hoạch và Đầu tư)"
    ) in out.splitlines()
    action = json.loads(_ok(db, "action", "show", "Gửi dự thảo quy định", "--json"))["record"]
    assert _org_names(db)[action["organisation_id"]] == "Bộ Tài chính"

    vi = _ok(
        db, "contact", "add", "--name", "Lê Văn Mới", "--organisation", "MPI", "--json", lang="vi_VN.UTF-8"
    )
    document = json.loads(vi)
    assert document["successor_used"] == {
        "old": "Bộ Kế hoạch và Đầu tư",
        "new": "Bộ Tài chính",
        "since": "01/03/2025",
    }
    assert _org_names(db)[document["record"]["organisation_id"]] == "Bộ Tài chính"
    said = _ok(db, "contact", "add", "--name", "Lê Thị Hai", "--organisation", "MPI", lang="vi_VN.UTF-8")
    assert (
        "  Bộ Kế hoạch và Đầu tư đã trở thành Bộ Tài chính từ ngày 01/03/2025: đã lưu với Bộ Tài chính "
        "(--as-was để giữ Bộ Kế hoạch và Đầu tư)"
    ) in said.splitlines()


def test_as_it_was_it_stays_and_an_edit_naming_it_moves_too(db: Path) -> None:
    out = _ok(db, "contact", "add", "--name", "Vũ Văn Cũ", "--organisation", "MPI", "--as-was")
    assert "became" not in out
    person = json.loads(_ok(db, "contact", "show", "Vũ Văn Cũ", "--json"))["record"]
    assert _org_names(db)[person["organisation_id"]] == "Bộ Kế hoạch và Đầu tư"
    out = _ok(db, "contact", "edit", "Vũ Văn Cũ", "--position", "Chuyên viên")  # not named: kept
    assert "became" not in out
    out = _ok(db, "contact", "edit", "Vũ Văn Cũ", "--organisation", "MPI")
    assert "saved with Bộ Tài chính" in out
    person = json.loads(_ok(db, "contact", "show", "Vũ Văn Cũ", "--json"))["record"]
    assert _org_names(db)[person["organisation_id"]] == "Bộ Tài chính"


def test_a_split_organisation_asks_which(db: Path) -> None:
    done = run_cli(db, "org", "add", "--name", "Phòng Hợp tác", "--parent", "HA")
    assert done.returncode == 1
    assert "Hội A was split into Hội B, Hội C on 01/03/2025" in done.stderr and "--as-was" in done.stderr
    assert "Phòng Hợp tác" not in _org_names(db).values()
    _ok(db, "org", "add", "--name", "Phòng Hợp tác", "--parent", "HA", "--as-was")
    assert "Phòng Hợp tác" in _org_names(db).values()
