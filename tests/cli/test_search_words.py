"""``ketnoi search`` words an action's direction, status and due date as the CLI does elsewhere
(``ketnoi show``, ``ketnoi due``), in the CLI's language, never as stored codes (reviewer: "we owe ·
in_progress · due 03/12/2026", and the same English in a Vietnamese window)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def _db_with_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "k.db")
    for title, extra in [
        ("Shortlist 5 start-ups", ["--status", "in_progress"]),
        ("Gửi biên bản họp", ["--direction", "they_owe", "--status", "done"]),
    ]:
        args = ["action", "add", "--title", title, "--due", "2026-12-03", *extra, "--db", db]
        assert main(args) == 0, capsys.readouterr()
    capsys.readouterr()
    return db


@pytest.mark.parametrize(
    ("locale", "first", "second"),
    [
        ("en_GB.UTF-8", "We owe · In progress · due 03/12/2026", "They owe · Done · due 03/12/2026"),
        (
            "vi_VN.UTF-8",
            "Bên ta cần làm · Đang thực hiện · hạn 03/12/2026",
            "Đối tác cần làm · Đã xong · hạn 03/12/2026",
        ),
    ],
)
def test_search_words_an_actions_codes_in_the_clis_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    first: str,
    second: str,
) -> None:
    db = _db_with_actions(tmp_path, capsys)
    monkeypatch.setenv("LC_ALL", locale)
    assert main(["search", "shortlist", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"Shortlist 5 start-ups  — {first}" in out
    assert main(["search", "bien ban", "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"Gửi biên bản họp  — {second}" in out
    for code in ("we owe", "in_progress", "they owe", "we_owe"):
        assert code not in out


def test_search_json_keeps_the_codes_beside_the_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _db_with_actions(tmp_path, capsys)
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert main(["search", "shortlist", "--db", db, "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)["hits"]
    assert hit["subtitle"] == "We owe · In progress · due 03/12/2026"
    assert (hit["direction"], hit["status"], hit["due_date"]) == ("we_owe", "in_progress", "2026-12-03")


@pytest.mark.parametrize(("locale", "word"), [("en_GB.UTF-8", "file"), ("vi_VN.UTF-8", "tệp")])
def test_search_names_the_file_a_record_was_found_by_in_the_clis_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    word: str,
) -> None:
    db = str(tmp_path / "k.db")
    note = tmp_path / "Bien_ban_ghi_nho.txt"
    note.write_text("zygomorphic minutes", encoding="utf-8")
    assert main(["organisation", "add", "--name", "Genetica", "--db", db]) == 0
    assert main(["attach", "organisation", "Genetica", str(note), "--db", db]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LC_ALL", locale)
    assert main(["search", "bien", "ban", "--db", db]) == 0
    assert f"Genetica  — {word}: Bien_ban_ghi_nho.txt" in capsys.readouterr().out
