"""The file names the Save dialogs offer are in the window's language (reviewer h129: the
Vietnamese window offered "ketnoi-export-….xlsx", "ketnoi-meetings-….xlsx", "brief-….pdf"), and
plain letters, digits and hyphens in both: a name any mail program and zip file keeps."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.app.lists.seed import TODAY
from ui import briefs, calendar_files, exports, file_dialogs

DAY = TODAY.isoformat()
EXPECTED = {
    "en": {
        "export": f"ketnoi-export-{DAY}.xlsx",
        "list": f"ketnoi-meetings-week-{DAY}.xlsx",
        "calendar": f"ketnoi-meetings-week-{DAY}.ics",
        "template": "ketnoi-mau-nhap-lieu-import-template.xlsx",
        "contact_brief": f"brief-nguyen-thi-hong-nhung-{DAY}.pdf",
        "digest": "brief-digest-2026-11-01-2026-11-30-{DAY}.pdf".replace("{DAY}", DAY),
        "new_database": "ketnoi-new.db",
    },
    "vi": {
        "export": f"ketnoi-xuat-du-lieu-{DAY}.xlsx",
        "list": f"ketnoi-cuoc-hop-tuan-nay-{DAY}.xlsx",
        "calendar": f"ketnoi-cuoc-hop-tuan-nay-{DAY}.ics",
        "template": "ketnoi-mau-nhap-lieu.xlsx",
        "contact_brief": f"tom-tat-nguyen-thi-hong-nhung-{DAY}.pdf",
        "digest": "tom-tat-tong-hop-2026-11-01-2026-11-30-{DAY}.pdf".replace("{DAY}", DAY),
        "new_database": "ketnoi-moi.db",
    },
}


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the Save dialogs offer; each dialog cancelled (nothing is written)."""
    names: list[str] = []

    def fake_dialog(_parent: Any, _title: str, name: str, _filters: str = "", **_kw: Any) -> tuple[str, str]:
        names.append(Path(name).name)
        return "", ""

    monkeypatch.setattr(file_dialogs, "get_save_file_name", fake_dialog)
    return names


def test_the_save_dialogs_offer_names_in_the_windows_language(
    language: str, qtbot: Any, ctx: Any, ids: dict[str, Any], offered: list[str], tmp_path: Path
) -> None:
    from ui.lists.panel import ListPanel
    from ui.open_questions import _choose_new

    expected = EXPECTED[language]
    said: dict[str, str] = {}

    def offer(key: str, ask: Any) -> None:
        before = len(offered)
        ask()
        qtbot.waitUntil(lambda: len(offered) > before, timeout=10_000)
        said[key] = offered[-1]

    offer("export", lambda: exports.export_all(None, ctx))
    offer("template", lambda: exports.save_import_template(None, ctx))
    panel = ListPanel(ctx, "meeting")
    qtbot.addWidget(panel)
    when = panel._combos["when"]
    when.setCurrentIndex(when.findData("week"))
    query, words = panel.model.query, panel.export_words()
    offer("list", lambda: exports.export_list(None, ctx, "meeting", query, words))
    offer(
        "calendar",
        lambda: calendar_files.export_list_calendar(None, ctx, "meeting", query, panel.filters_said(), words),
    )
    dialog = briefs.brief_contact(None, ctx, ids["nhung"])
    qtbot.addWidget(dialog)
    offer("contact_brief", dialog.save_button.click)
    dialog.close()
    digest = briefs.brief_digest(None, ctx)
    qtbot.addWidget(digest)
    digest.period.setCurrentIndex(digest.period.findData("this_month"))
    offer("digest", digest.save_button.click)
    digest.close()
    (tmp_path / "damaged.db").write_bytes(b"")
    offer("new_database", lambda: _choose_new(tmp_path / "damaged.db", None))

    assert said == expected
    for name in said.values():
        assert re.fullmatch(r"[a-z0-9.-]+", name), name  # plain letters in either language
