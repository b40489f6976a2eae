"""An import's undo names records and imports by number as a # does ("#1234"), never grouped
like a quantity ("#1,234", "#1.234" in Vietnamese), in the CLI's words (the window's:
tests/ui/files/test_import_undo_merged_since.py):
the record a kept one is used by, the import that lists it, the record it was merged into."""

from __future__ import annotations

import pytest

from app.importing.messages import Term, msg, text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_ids_over_a_thousand_are_written_whole(lang: str) -> None:
    used = msg("undo_kept_used", entity=Term("contact"), id=1200, name="An", user=Term("meeting"),
               user_id=4321, user_name="Họp")  # fmt: skip
    listed = msg("undo_kept_listed", entity=Term("contact"), id=1200, name="An", batch=1002, file="a.xlsx")
    merged = msg("undo_merged_since", entity=Term("contact"), id=1200, name="An", into_id=3456,
                 into_name="Bình", at="23/11/2026")  # fmt: skip
    said = " ".join(text(m, lang) for m in (used, listed, merged))
    for number in ("#1200", "#4321", "#1002", "#3456"):
        assert number in said, said
