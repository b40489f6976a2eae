"""``ketnoi log-meeting`` names the successor of an organisation reorganised by the meeting's day
(app.reorg.successors_on), saying so in the CLI's language; ``--organisation-as-was`` keeps the
old one; a meeting dated before the reorganisation keeps it too; a split asks which.

Reviewer: ``ketnoi log-meeting --organisation MPI --at "20/12/2026 09:00"`` was saved under the
Ministry of Planning and Investment, merged into the Ministry of Finance on 01/03/2025.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.inproc import copy_of, run_cli


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


@pytest.fixture
def db(reorganised: Path, tmp_path: Path) -> Path:
    return copy_of(reorganised, tmp_path)


def _orgs_of(db: Path, title: str) -> list[str]:
    items = json.loads(_ok(db, "meeting", "list", "--json"))["items"]
    meeting = next(m for m in items if m["title"] == title)
    shown = json.loads(_ok(db, "meeting", "show", str(meeting["id"]), "--json"))["record"]
    orgs = {o["id"]: o["name"] for o in json.loads(_ok(db, "org", "list", "--json"))["items"]}
    return sorted(orgs[i] for i in shown["organisation_ids"])


def test_a_merged_ministry_is_its_successor_from_the_merger_on_said_in_both_languages(db: Path) -> None:
    out = _ok(
        db, "log-meeting", "--title", "Meeting with MPI", "--organisation", "MPI", "--at", "20/12/2026 09:00"
    )
    assert (
        "  Bộ Kế hoạch và Đầu tư became Bộ Tài chính on 01/03/2025: the meeting is with Bộ Tài chính "
        "(--organisation-as-was keeps Bộ Kế hoạch và Đầu tư)"
    ) in out.splitlines()
    assert _orgs_of(db, "Meeting with MPI") == ["Bộ Tài chính"]
    vi = run_cli(db, "log-meeting", "--title", "Họp MPI", "--organisation", "MPI", "--at", "21/12/2026 09:00",
                 lang="vi_VN.UTF-8")  # fmt: skip
    assert vi.returncode == 0, vi.stderr
    assert (
        "  Bộ Kế hoạch và Đầu tư đã trở thành Bộ Tài chính từ ngày 01/03/2025: cuộc họp được ghi với "
        "Bộ Tài chính (--organisation-as-was để giữ Bộ Kế hoạch và Đầu tư)"
    ) in vi.stdout.splitlines()


def test_as_it_was_and_before_the_merger_the_old_ministry_stays(db: Path) -> None:
    out = _ok(
        db, "log-meeting", "--title", "As was", "--organisation-as-was", "MPI", "--at", "20/12/2026 09:00"
    )
    assert "became" not in out
    assert _orgs_of(db, "As was") == ["Bộ Kế hoạch và Đầu tư"]
    out = _ok(db, "log-meeting", "--title", "Before", "--organisation", "MPI", "--at", "28/02/2025 09:00")
    assert "became" not in out
    assert _orgs_of(db, "Before") == ["Bộ Kế hoạch và Đầu tư"]


def test_a_split_organisation_asks_which(db: Path) -> None:
    done = run_cli(db, "log-meeting", "--title", "Split", "--organisation", "HA", "--at", "20/12/2026 09:00")
    assert done.returncode == 1
    assert "Hội A was split into Hội B, Hội C on 01/03/2025" in done.stderr
    assert "--organisation-as-was HA" in done.stderr
    assert "Split" not in [m["title"] for m in json.loads(_ok(db, "meeting", "list", "--json"))["items"]]
