"""``ketnoi KIND show`` prints the window's words, not stored codes (reviewer: it printed
``organisation_id 2``, ``direction we_owe``, ``priority 2``, ``confidential False`` and
``created_at 2026-12-05 13:47:51.064573+00:00``); ``--json`` keeps the stored values.
The command line (tests/cli/inproc.py) on a real SQLite file, under a Vietnamese and an English locale."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli.inproc import as_in_a_test, run_cli


def _run(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    done = run_cli(db, *args, lang=lang, env={"TZ": "Asia/Ho_Chi_Minh"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _fields(out: str) -> dict[str, str]:
    """Label → value: a label of several words ("Cán bộ phụ trách") ends at two spaces."""
    rows = [
        re.split(r"\s{2,}", line.strip(), maxsplit=1)
        for line in out.splitlines()[1:]
        if re.match(r"  \S", line)
    ]
    return {r[0]: r[1] for r in rows if len(r) == 2 and r[0]}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("show") / "k.db"
    with as_in_a_test(path.parent):
        _run(path, "demo")
    return path


def test_an_action_shows_the_window_words_names_yes_no_and_local_dates(db: Path) -> None:
    raw = json.loads(_run(db, "action", "show", "1", "--json"))["record"]
    assert raw["direction"] == "we_owe" and raw["confidential"] is False  # --json: as stored
    org = json.loads(_run(db, "org", "show", str(raw["organisation_id"]), "--json"))["record"]["name"]
    created = dt.datetime.fromisoformat(raw["created_at"]).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))

    vi = _fields(_run(db, "action", "show", "1", lang="vi_VN.UTF-8"))
    assert vi["Bên thực hiện"] == "Bên ta cần làm"
    assert vi["Trạng thái"] == "Đang mở"
    assert vi["Mức ưu tiên"] == "Cao"
    assert vi["Mật"] == "Không"
    assert vi["Tổ chức"] == f"{org} (#{raw['organisation_id']})"
    assert vi["Ngày tạo"] == f"{created:%d/%m/%Y %H:%M}"  # local time, day first
    assert vi["Hạn"] == f"{dt.date.fromisoformat(raw['due_date']):%d/%m/%Y}"

    en = _fields(_run(db, "action", "show", "1"))
    words = (en["Direction"], en["Status"], en["Priority"], en["Confidential"])
    assert words == ("We owe", "Open", "High", "No")


def test_a_meeting_shows_its_attendees_roles_and_organisations_by_name(db: Path) -> None:
    raw = json.loads(_run(db, "meeting", "show", "1", "--json"))["record"]
    out = _run(db, "meeting", "show", "1", lang="vi_VN.UTF-8")
    shown = _fields(out)
    chair = next(a["full_name"] for a in raw["attendees"] if a["role"] == "chair")
    assert f"{chair} (Chủ trì)" in shown["Thành phần tham dự"]
    assert "#" not in shown["Tổ chức"] and "," in shown["Tổ chức"]
    assert shown["Thời gian"] == f"{dt.datetime.fromisoformat(raw['starts_at']):%d/%m/%Y %H:%M}"
    # an agenda of several lines keeps them under its first, not at the margin
    agenda = out[out.index("  Chương trình họp") :].splitlines()
    first, second = raw["agenda"].splitlines()[:2]
    assert agenda[1] == " " * agenda[0].index(first) + second


def test_a_country_is_shown_by_its_name_not_its_code(db: Path) -> None:
    """``ketnoi org show`` printed ``country VN`` beside ``kind Cơ quan``."""
    assert json.loads(_run(db, "org", "show", "NIC", "--json"))["record"]["country"] == "VN"
    assert _fields(_run(db, "org", "show", "NIC", lang="vi_VN.UTF-8"))["Quốc gia"] == "Việt Nam"
    assert _fields(_run(db, "org", "show", "NIC"))["Country"] == "Viet Nam"
    expert = json.loads(_run(db, "contact", "show", "Hiroshi Tanaka", "--json"))["record"]
    assert expert["country"] == "JP"
    assert (
        _fields(_run(db, "contact", "show", "Hiroshi Tanaka", lang="vi_VN.UTF-8"))["Quốc gia"] == "Nhật Bản"
    )


STORED_NAMES = ("created_at", "updated_at", "version", "owner_id", "organisation_id", "confidential",
                "full_name", "last_contacted_on", "responsible_staff_id", "due_date")  # fmt: skip


def test_fields_are_named_as_the_window_names_them_not_by_their_columns(db: Path) -> None:
    """Reviewer: ``org show 1`` and ``contact show 1`` printed ``created_at``, ``version``,
    ``owner_id``, ``full_name``… under a Vietnamese locale too. Now each field is under the
    window's label in the CLI's language, when it was added and changed come last, the version
    (for scripts: --json) is left out, and so are name parts that only repeat the full name."""
    raw = json.loads(_run(db, "contact", "show", "1", "--json"))["record"]
    assert raw["version"] >= 1 and raw["family_name"]  # --json keeps every stored field
    owner = json.loads(_run(db, "org", "show", "1", "--json"))["record"]["owner_id"]

    vi_out = _run(db, "contact", "show", "1", lang="vi_VN.UTF-8")
    en_out = _run(db, "contact", "show", "1")
    assert vi_out.splitlines()[0] == f"Liên hệ #1  {raw['full_name']}"
    assert en_out.splitlines()[0] == f"Contact #1  {raw['full_name']}"
    vi, en = _fields(vi_out), _fields(en_out)
    assert vi["Họ và tên"] == en["Full name"] == raw["full_name"]
    assert vi["Tổ chức"] == en["Organisation"] and vi["Tổ chức"].endswith(f" (#{raw['organisation_id']})")
    assert vi["Liên hệ gần nhất"] == f"{dt.date.fromisoformat(raw['last_contacted_on']):%d/%m/%Y}"
    assert raw["phones"] == ["+84912345678"] and vi["Điện thoại"] == en["Phones"] == "0912 345 678"
    assert "Cán bộ phụ trách" in vi and "Relationship owner" in en
    assert list(vi)[-2:] == ["Ngày tạo", "Cập nhật lần cuối"] and list(en)[-2:] == ["Created", "Last changed"]
    assert raw["family_name"] + " " in raw["full_name"] and "Họ" not in vi and "Family name" not in en
    for out in (vi_out, en_out, _run(db, "action", "show", "1", lang="vi_VN.UTF-8")):
        assert not [name for name in STORED_NAMES if name in out], out
        assert "version" not in out.lower() and "Phiên bản" not in out

    org = _fields(_run(db, "org", "show", "1", lang="vi_VN.UTF-8"))
    assert org["Cán bộ phụ trách"].endswith(f" (#{owner})") and org["Mật"] == "Không"
    assert _run(db, "org", "show", "1", lang="vi_VN.UTF-8").startswith("Tổ chức #1  ")
    # a name its words do not give in order keeps its parts: family and given name are said
    tanaka = _fields(_run(db, "contact", "show", "Hiroshi Tanaka"))
    assert (tanaka["Family name"], tanaka["Given name"]) == ("Tanaka", "Hiroshi")
