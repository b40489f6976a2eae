"""Under a Vietnamese locale ``ketnoi due`` and "no such record" speak Vietnamese, in the
window's words (reviewer: LANG=vi_VN.UTF-8 printed "2 overdue · 1 due today … (4 wd late)",
"No action with id 999", "No contact with id 999"). The command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli.inproc import as_in_a_test, run_cli


def _run(db: Path, *args: str, lang: str = "vi_VN.UTF-8") -> SimpleNamespace:
    return run_cli(db, *args, lang=lang)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("due") / "k.db"
    with as_in_a_test(path.parent):
        assert _run(path, "demo").returncode == 0
    return path


def test_due_in_vietnamese_uses_the_banner_words(db: Path) -> None:
    doc = json.loads(_run(db, "due", "--json").stdout)
    assert doc["overdue"] and doc["due_today"]  # the demo has both
    out = _run(db, "due").stdout.splitlines()
    assert out[0] == f"{doc['overdue']} việc quá hạn · {doc['due_today']} việc đến hạn hôm nay"
    late = [a for a in doc["actions"] if a["late_working_days"]]
    assert late and any(f"(trễ {late[0]['late_working_days']} ngày làm việc)" in line for line in out)
    assert any(" hôm nay " in line for line in out)  # the one due today
    assert "overdue" not in "\n".join(out) and "wd late" not in "\n".join(out)
    english = _run(db, "due", lang="en_GB.UTF-8").stdout
    assert english.startswith(f"{doc['overdue']} overdue · ") and "working day" in english


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (("action", "show", "999"), "Không tìm thấy việc cần làm #999", "No action with id 999"),
        (("contact", "show", "999"), "Không tìm thấy liên hệ #999", "No contact with id 999"),
        (("action", "done", "999"), "Không tìm thấy việc cần làm #999", "No action with id 999"),
        (("contact", "show", "zzzz"), "Không có liên hệ nào khớp với “zzzz”", "No contact matches 'zzzz'"),
    ],
)
def test_no_such_record_is_said_in_the_locales_language(
    db: Path, args: tuple[str, ...], vi: str, en: str
) -> None:
    done = _run(db, *args)
    assert done.returncode == 1 and done.stderr.strip() == f"ketnoi: {vi}"
    done = _run(db, *args, lang="en_GB.UTF-8")
    assert done.returncode == 1 and done.stderr.strip() == f"ketnoi: {en}"
