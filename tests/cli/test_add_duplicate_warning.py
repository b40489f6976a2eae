"""``ketnoi contact add`` / ``org add`` of an obvious duplicate: still added (exit 0), with a
warning on stderr naming the likely duplicate and the ``ketnoi merge`` that merges it — the
look-up the window's form runs while typing (``app.dedupe.possible_duplicates``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return code, out, err


def test_adding_an_unaccented_duplicate_warns_and_still_adds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    assert _run(capsys, db, "org", "add", "--name", "Tập đoàn Vingroup", "--acronym", "VIN")[0] == 0
    code, out, err = _run(
        capsys, db, "contact", "add", "--name", "Nguyễn Thị Hồng Nhung", "--organisation", "VIN",
        "--email", "nhung@vingroup.net",
    )  # fmt: skip
    assert code == 0 and err == ""  # the first one: nothing like it
    first = int(out.split("#")[1].split(":")[0])

    code, out, err = _run(
        capsys, db, "contact", "add", "--name", "Nguyen Thi Hong Nhung", "--organisation", "VIN",
        "--phone", "0912345678",
    )  # fmt: skip
    assert code == 0 and out.startswith("Added contact #")
    added = int(out.split("#")[1].split(":")[0])
    lines = err.splitlines()
    assert lines[0] == f'ketnoi: warning: contact #{added} "Nguyen Thi Hong Nhung" looks like a duplicate of:'
    assert lines[1].startswith(f"  #{first} Nguyễn Thị Hồng Nhung · Tập đoàn Vingroup (")
    assert "same name ignoring accents at the same organisation" in lines[1]
    assert f"ketnoi merge contact {first} {added} --dry-run" in lines[2]

    # --json: the document says so too; stdout stays one JSON document
    code, out, err = _run(
        capsys,
        db,
        "contact",
        "add",
        "--name",
        "Nguyen Thi Hong  Nhung",
        "--email",
        "nhung@vingroup.net",
        "--json",
    )
    assert code == 0
    document = json.loads(out)
    assert [d["id"] for d in document["possible_duplicates"]][:1] == [first]
    assert "same email nhung@vingroup.net" in document["possible_duplicates"][0]["reasons"]
    assert err.startswith("ketnoi: warning: contact #")


def test_adding_an_organisation_with_a_known_acronym_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "k.db"
    assert (
        _run(capsys, db, "org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")[0]
        == 0
    )
    # (the same name without accents is refused outright: names are unique)
    code, out, err = _run(
        capsys, db, "org", "add", "--name", "National Innovation Centre", "--acronym", "NIC"
    )
    assert code == 0 and out.startswith("Added organisation #2")
    assert "looks like a duplicate of:" in err and "#1 Trung tâm Đổi mới sáng tạo Quốc gia (NIC)" in err
    assert "same acronym NIC" in err
    assert "ketnoi merge organisation 1 2 --dry-run" in err
