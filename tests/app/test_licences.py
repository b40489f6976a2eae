"""The licence list a bundle carries (app/licences.py)."""

from __future__ import annotations

import json

from app import licences


def test_bundled_packages_follow_the_requirements_with_their_licences():
    rows = {p["name"].lower(): p for p in licences.bundled_packages()}
    for needed in ("sqlalchemy", "reportlab", "openpyxl", "alembic", "pyside6_essentials", "shiboken6"):
        assert needed in rows, needed
    assert rows["sqlalchemy"]["licence"] == "MIT"
    assert "LGPL-3.0" in rows["pyside6_essentials"]["licence"]
    assert "ketnoi" not in rows  # the app itself is not a third party
    assert "pytest" not in rows  # test tools are not bundled
    assert all(p["version"] and p["licence"] for p in rows.values())


def test_written_list_is_read_back_and_preferred(tmp_path):
    path = tmp_path / "licences.json"
    extra = licences.Package(name="Python", version="3.11", licence="PSF-2.0", url="")
    written = licences.write(path, [extra])
    assert json.loads(path.read_text(encoding="utf-8")) == written
    assert licences.packages(path) == written
    assert any(p["name"] == "Python" for p in licences.packages(path))


def test_a_missing_or_broken_file_falls_back_to_computing(tmp_path):
    broken = tmp_path / "licences.json"
    broken.write_text("{not json", encoding="utf-8")
    assert licences.packages(broken) == licences.bundled_packages()
    assert licences.packages(tmp_path / "missing.json") == licences.bundled_packages()
