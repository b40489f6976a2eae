"""Under a Vietnamese locale ``ketnoi info``, ``search``, ``merge`` (and its ``--dry-run``),
``undo``, ``trash``, ``whoami`` and a refused ``KIND restore`` speak Vietnamese in the window's
words (reviewer, under LANG=vi_VN.UTF-8: "organisations", "1 result in 121 ms", "Merged
contact…", "full_name", "organisation_id 2", "deleted … by root"); English under an English
locale, as before.
The command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli.inproc import copy_of, demo_database, run_cli

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _run(db: Path, *args: str, lang: str = VI) -> SimpleNamespace:
    return run_cli(db, *args, lang=lang, env={"HOME": str(db.parent), "KETNOI_ACTOR": "hoa"})


def _ok(db: Path, *args: str, lang: str = VI) -> list[str]:
    done = _run(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


@pytest.fixture
def db(demo: Path, tmp_path: Path) -> Path:
    return copy_of(demo, tmp_path)


def test_info_and_search(db: Path) -> None:
    lines = _ok(db, "info")
    assert lines[1] == f"Cơ sở dữ liệu: sqlite:///{db}"
    assert lines[2] == "Đã kiểm tra (SQLite quick_check): không thấy hư hỏng"
    assert [line.split(None, 1)[1] for line in lines[3:]] == [
        "tổ chức",
        "liên hệ",
        "cuộc họp",
        "việc cần làm",
        "cán bộ",
    ]
    english = _ok(db, "info", lang=EN)
    assert english[2] == "Checked (SQLite quick_check): no damage found" and english[3].endswith(
        " organisations"
    )
    lines = _ok(db, "search", "nguyen thi hong nhung")
    assert lines[0].startswith("liên hệ  #1      Nguyễn Thị Hồng Nhung")
    assert re.fullmatch(r"1 kết quả trong \d+ ms", lines[-1]), lines
    assert re.fullmatch(r"2 kết quả đầu tiên trong \d+ ms \(còn kết quả khác; --limit N để xem thêm\)",
                        _ok(db, "search", "a", "--limit", "2")[-1])  # fmt: skip
    assert _ok(db, "search", "zzzq") == ["Không có gì khớp với “zzzq”."]
    assert re.fullmatch(r"1 result in \d+ ms", _ok(db, "search", "nguyen thi hong nhung", lang=EN)[-1])


def test_merge_and_its_dry_run(db: Path) -> None:
    other = json.loads(
        _run(db, "contact", "add", "--name", "Nguyen Thi Hong Nhung", "--organisation", "2", "--owner", "2",
             "--json").stdout
    )["id"]  # fmt: skip
    lines = _ok(db, "merge", "contact", "1", str(other), "--dry-run", "--take", "owner_id")
    heading = lines[0].split()
    assert heading[:3] == ["trường", "giữ", "lại"] and "lấy" in heading
    rows = {line.split(" [")[0]: line for line in lines[1:-1]}
    assert rows["Họ và tên"].split("  ")[-1].strip() == "#1"
    assert "Cán bộ phụ trách" in rows and "Tổ chức" in rows
    assert "(#2)" in rows["Cán bộ phụ trách"] and rows["Cán bộ phụ trách"].endswith(f"#{other}")
    for code in ("full_name", "owner_id", "organisation_id"):
        assert f"[{code}]" in "\n".join(lines)  # the name --take and --keep take, beside the label
    assert not re.search(r"\] +\d+ ", rows["Cán bộ phụ trách"])  # a name, not a bare id
    assert lines[-1] == "Chưa ghi gì cả (--dry-run)."
    english = _ok(db, "merge", "contact", "1", str(other), "--dry-run", lang=EN)
    assert english[0].split() == ["field", "survivor", "#1", "other", f"#{other}", "keeps"]
    assert english[-1] == "Nothing was written (--dry-run)."
    lines = _ok(db, "merge", "contact", "1", str(other))
    assert (
        lines[0]
        == 'Gộp liên hệ "Nguyen Thi Hong Nhung" vào "Nguyễn Thị Hồng Nhung"; không có gì khác cần chuyển.'
    )
    assert lines[1].startswith("Hoàn tác: ketnoi undo ")
    # its history, and the trash it went to
    lines = _ok(db, "history", "contact", str(other))
    assert lines[0] == f"liên hệ #{other}  Nguyen Thi Hong Nhung"
    assert lines[1].endswith(" — hoa  Đã gộp vào “Nguyễn Thị Hồng Nhung”") and lines[-1].endswith(
        " — hoa  Tạo mới"
    )
    trash = _ok(db, "trash")
    assert any(
        re.fullmatch(
            rf"liên hệ +#{other} +Nguyen Thi Hong Nhung  \(xoá lúc \d\d/\d\d/\d{{4}} \d\d:\d\d bởi hoa; "
            rf"đã gộp vào Nguyễn Thị Hồng Nhung; ketnoi contact restore {other}\)",
            line,
        )
        for line in trash
    ), trash
    english = _ok(db, "trash", lang=EN)
    assert any(line.startswith("contact ") and " by hoa; merged into " in line for line in english)
    assert _ok(db, "undo", "--last") == [
        'Đã hoàn tác: Gộp liên hệ "Nguyen Thi Hong Nhung" vào "Nguyễn Thị Hồng Nhung".'
    ]


def test_whoami_and_a_restore_refused(db: Path) -> None:
    assert _ok(db, "whoami") == ["Không phải cơ sở dữ liệu nhóm; lịch sử ghi tên bạn là hoa"]
    assert _ok(db, "whoami", lang=EN) == ["Not a team database; history names you as hoa"]
    _ok(db, "contact", "delete", "3")
    assert _ok(db, "contact", "restore", "3") == ["Đã khôi phục liên hệ #3: Bùi Đức Hà"]
    done = _run(db, "contact", "restore", "3")
    assert done.stderr.strip() == "ketnoi: Liên hệ #3 không có trong thùng rác; chưa khôi phục gì"
