"""A sector is free text a person types, so the demo writes its sectors in the language it runs
in (centre manager: under a Vietnamese window the demo's organisations read "Semiconductors",
"Biotech", "Policy"). Under LANG=vi_VN.UTF-8 ``ketnoi demo`` writes "Bán dẫn", "Trí tuệ nhân
tạo", … — seen in ``org list``, ``org show`` and the brief — and the filter and the stakeholder
map take those words; under English, the English ones. The window's sample database follows its
language the same way. The command line (tests/cli/inproc.py) on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import Session, select

from app import sample_data, stakeholder_map
from db import models as m
from db.migrate import open_database
from tests.cli.inproc import as_in_a_test, run_cli

ENGLISH = ("Semiconductors", "Biotech", "Policy", "Cybersecurity", "Robotics")


def _run(db: Path, *args: str, lang: str) -> str:
    done = run_cli(db, *args, lang=lang)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _pdf(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def _map(url: str, sector: str) -> dict[str, str]:
    """The stakeholder map's dots filtered by ``sector``: their labels and colouring sectors."""
    engine = open_database(url)
    try:
        with Session(engine) as s:
            return {p.label: p.sector for p in stakeholder_map.stakeholder_points(s, sectors=[sector])}
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demo-sectors")
    out = {"vi": folder / "vi.db", "en": folder / "en.db"}
    with as_in_a_test(folder):
        _run(out["vi"], "demo", lang="vi_VN.UTF-8")
        _run(out["en"], "demo", lang="en_GB.UTF-8")
    return out


def test_a_vietnamese_demo_writes_vietnamese_sectors(demos: dict[str, Path], tmp_path: Path) -> None:
    vi = "vi_VN.UTF-8"
    shown = _run(demos["vi"], "org", "show", "FPT", lang=vi)
    assert any(
        line.split() == ["Lĩnh", "vực", "Bán", "dẫn,", "Trí", "tuệ", "nhân", "tạo"]
        for line in shown.splitlines()
    )
    listed = _run(demos["vi"], "org", "list", lang=vi)
    for words in ("Chính sách, Lượng tử, Vũ trụ", "Công nghệ sinh học", "An ninh mạng"):
        assert words in listed, listed
    for word in ENGLISH:
        assert word not in listed and word not in shown
    brief = tmp_path / "fpt.pdf"
    _run(demos["vi"], "brief", "org", "FPT", "-o", str(brief), lang=vi)
    assert "Lĩnh vực Bán dẫn, Trí tuệ nhân tạo" in _pdf(brief)
    # the filter and the map read the words stored
    filtered = _run(demos["vi"], "org", "list", "--sector", "Bán dẫn", lang=vi)
    assert "Công ty Cổ phần FPT" in filtered and "Genetica" not in filtered
    assert _map(f"sqlite:///{demos['vi']}", "Bán dẫn")["Công ty Cổ phần FPT"] == "Bán dẫn"


def test_an_english_demo_keeps_english_sectors(demos: dict[str, Path]) -> None:
    en = "en_GB.UTF-8"
    shown = _run(demos["en"], "org", "show", "FPT", lang=en)
    assert any(line.split() == ["Sectors", "AI,", "Semiconductors"] for line in shown.splitlines())
    listed = _run(demos["en"], "org", "list", lang=en)
    assert "Policy, Quantum, Space" in listed and "Bán dẫn" not in listed
    filtered = _run(demos["en"], "org", "list", "--sector", "Semiconductors", lang=en)
    assert "Công ty Cổ phần FPT" in filtered and "Genetica" not in filtered


def test_the_windows_sample_takes_its_language(tmp_path: Path) -> None:
    url = sample_data.ensure_sample(tmp_path / "sample.db", lang="vi")
    assert "Công ty Cổ phần FPT" in _map(url, "Trí tuệ nhân tạo")
    assert _map(url, "AI") == {}


def test_the_generated_organisations_too(tmp_path: Path) -> None:
    """``ketnoi demo --scale N`` under a Vietnamese locale: no sector in English."""
    db = tmp_path / "scale.db"
    _run(db, "demo", "--scale", "500", lang="vi_VN.UTF-8")
    engine = open_database(f"sqlite:///{db}")
    try:
        with Session(engine) as s:
            names = set(s.exec(select(m.Sector.name)).all())
    finally:
        engine.dispose()
    assert {"Bán dẫn", "Năng lượng", "Vật liệu", "Chuỗi khối"} <= names
    assert not names & {*ENGLISH, "Energy", "Materials", "Blockchain"}


def test_the_list_names_kinds_in_the_locales_words(demos: dict[str, Path]) -> None:
    """Kinds and statuses are codes: ``org list`` printed "startup", "international partner" and
    "19 of 19 organisations" under a Vietnamese locale; now the window's words."""
    listed = _run(demos["vi"], "org", "list", lang="vi_VN.UTF-8").splitlines()
    assert any(" Genetica  Khởi nghiệp  " in line for line in listed), listed
    assert any("NVIDIA  Đối tác quốc tế  " in line for line in listed)
    assert listed[-1] == "19 trong số 19 tổ chức"
    actions = _run(demos["vi"], "action", "list", lang="vi_VN.UTF-8")
    assert "  Bên ta cần làm  Đang thực hiện  " in actions and "we owe" not in actions
    english = _run(demos["en"], "org", "list", lang="en_GB.UTF-8").splitlines()
    assert any(" Genetica  startup  " in line for line in english)
    assert english[-1] == "19 of 19 organisations"
