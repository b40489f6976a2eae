"""``ketnoi log-meeting`` refuses a meeting a colleague logged already (app.already_logged), in
the CLI's language, naming who and when; ``--even-if-logged`` saves it anyway.

Reviewer: Lan logged "Lam viec voi Genetica ve sandbox" at 09:33 with Genetica and Hồ Đức
Giang; Hoa logged "Lam viec voi Genetica" at the same minute: saved without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.inproc import run_cli

LAN = {"KETNOI_ACTOR": "Trần Thị Lan"}
HOA = {"KETNOI_ACTOR": "Nguyễn Thị Hoa"}


def _meetings(db: Path) -> list[str]:
    done = run_cli(db, "meeting", "list", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(m["title"] for m in json.loads(done.stdout)["items"])


def test_a_meeting_logged_by_a_colleague_is_refused_until_saved_anyway(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert run_cli(db, "org", "add", "--name", "Genetica").returncode == 0
    assert (
        run_cli(db, "contact", "add", "--name", "Hồ Đức Giang", "--organisation", "Genetica").returncode == 0
    )
    lan = run_cli(
        db, "log-meeting", "--title", "Lam viec voi Genetica ve sandbox", "--at", "2026-12-06 09:33",
        "--organisation", "Genetica", "--attendee", "Ho Duc Giang",
        "--follow-up", "Send sandbox proposal to Genetica;due=+1w", env=LAN,
    )  # fmt: skip
    assert lan.returncode == 0, lan.stderr
    again = ("log-meeting", "--title", "Lam viec voi Genetica", "--at", "2026-12-06 09:33",
             "--organisation", "Genetica", "--attendee", "Ho Duc Giang",
             "--follow-up", "Send sandbox proposal;due=+1w")  # fmt: skip
    hoa = run_cli(db, *again, env=HOA)
    assert hoa.returncode != 0 and hoa.stdout == ""
    said = " ".join(hoa.stderr.split())
    assert "Trần Thị Lan already logged “Lam viec voi Genetica ve sandbox” with Genetica at 09:33" in said
    assert "nothing saved" in said and "--even-if-logged" in said and "Traceback" not in said
    vi = run_cli(db, *again, lang="vi_VN.UTF-8", env=HOA)
    said_vi = " ".join(vi.stderr.split())
    assert vi.returncode != 0
    assert "Trần Thị Lan đã ghi cuộc họp “Lam viec voi Genetica ve sandbox” với Genetica lúc 09:33" in said_vi
    assert "chưa lưu gì" in said_vi and "--even-if-logged" in said_vi
    assert _meetings(db) == ["Lam viec voi Genetica ve sandbox"]
    # the same officer again: "You"; then saved anyway
    mine = run_cli(db, *again, env=LAN)
    assert mine.returncode != 0 and "You already logged" in mine.stderr
    anyway = run_cli(db, *again, "--even-if-logged", env=HOA)
    assert anyway.returncode == 0, anyway.stderr
    assert _meetings(db) == ["Lam viec voi Genetica", "Lam viec voi Genetica ve sandbox"]
    # another day is another meeting
    later = run_cli(db, *again[:3], "--at", "2026-12-07 09:33", *again[5:], env=HOA)
    assert later.returncode == 0, later.stderr
