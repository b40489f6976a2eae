"""``ketnoi KIND show`` prints the window's words, not stored codes (reviewer: it printed
``organisation_id 2``, ``direction we_owe``, ``priority 2``, ``confidential False`` and
``created_at 2026-12-05 13:47:51.064573+00:00``); ``--json`` keeps the stored values.
Real subprocesses on a real SQLite file, under a Vietnamese and an English locale."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest


def _run(db: Path, *args: str, lang: str = "en_GB.UTF-8") -> str:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "TZ": "Asia/Ho_Chi_Minh"}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--db", str(db)],
        check=False, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _fields(out: str) -> dict[str, str]:
    rows = [line.strip().split(None, 1) for line in out.splitlines()[1:] if line.startswith("  ")]
    return {r[0]: r[1] for r in rows if len(r) == 2}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("show") / "k.db"
    _run(path, "demo")
    return path


def test_an_action_shows_the_window_words_names_yes_no_and_local_dates(db: Path) -> None:
    raw = json.loads(_run(db, "action", "show", "1", "--json"))["record"]
    assert raw["direction"] == "we_owe" and raw["confidential"] is False  # --json: as stored
    org = json.loads(_run(db, "org", "show", str(raw["organisation_id"]), "--json"))["record"]["name"]
    created = dt.datetime.fromisoformat(raw["created_at"]).astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))

    vi = _fields(_run(db, "action", "show", "1", lang="vi_VN.UTF-8"))
    assert vi["direction"] == "Bên ta cần làm"
    assert vi["status"] == "Đang mở"
    assert vi["priority"] == "Cao"
    assert vi["confidential"] == "Không"
    assert vi["organisation_id"] == f"{org} (#{raw['organisation_id']})"
    assert vi["created_at"] == f"{created:%d/%m/%Y %H:%M}"  # local time, day first
    assert vi["due_date"] == f"{dt.date.fromisoformat(raw['due_date']):%d/%m/%Y}"

    en = _fields(_run(db, "action", "show", "1"))
    words = (en["direction"], en["status"], en["priority"], en["confidential"])
    assert words == ("We owe", "Open", "High", "No")


def test_a_meeting_shows_its_attendees_roles_and_organisations_by_name(db: Path) -> None:
    raw = json.loads(_run(db, "meeting", "show", "1", "--json"))["record"]
    out = _run(db, "meeting", "show", "1", lang="vi_VN.UTF-8")
    shown = _fields(out)
    chair = next(a["full_name"] for a in raw["attendees"] if a["role"] == "chair")
    assert f"{chair} (Chủ trì)" in shown["attendees"]
    assert "#" not in shown["organisation_ids"] and "," in shown["organisation_ids"]
    assert shown["starts_at"] == f"{dt.datetime.fromisoformat(raw['starts_at']):%d/%m/%Y %H:%M}"
    # an agenda of several lines keeps them under its first, not at the margin
    agenda = out[out.index("  agenda") :].splitlines()
    assert len(raw["agenda"].splitlines()) > 1 and agenda[1].startswith(" " * 25)


def test_a_country_is_shown_by_its_name_not_its_code(db: Path) -> None:
    """``ketnoi org show`` printed ``country VN`` beside ``kind Cơ quan``."""
    assert json.loads(_run(db, "org", "show", "NIC", "--json"))["record"]["country"] == "VN"
    assert _fields(_run(db, "org", "show", "NIC", lang="vi_VN.UTF-8"))["country"] == "Việt Nam"
    assert _fields(_run(db, "org", "show", "NIC"))["country"] == "Viet Nam"
    expert = json.loads(_run(db, "contact", "show", "Hiroshi Tanaka", "--json"))["record"]
    assert expert["country"] == "JP"
    assert _fields(_run(db, "contact", "show", "Hiroshi Tanaka", lang="vi_VN.UTF-8"))["country"] == "Nhật Bản"
