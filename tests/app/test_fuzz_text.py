"""Fuzz: text of any content and length in the fields people type — markup, control
characters, emoji with joiners, right-to-left text, formulas, separators, very long text — is
stored (or refused with a field error), exported, imported back unchanged and printed in a
brief, without any other exception. Hypothesis draws the cases; the count is in the settings."""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from app import records
from app.briefing.gather import gather_organisation
from app.briefing.render import render_organisation
from app.errors import ValidationError
from app.exporting import export_workbook
from app.importing import fields
from db.engine import read_session, unit_of_work
from db.migrate import open_database
from db.models import Organisation
from tests.app.importing.helpers import do_import

HOSTILE = [
    "<b>đậm</b> & <script>x</script>", "=HYPERLINK(\"http://x\")", "+84 chưa rõ", "a; b, c", '"trích"',
    "\x00\x07\x1b", "\u202eRTL override", "مركز الابتكار الوطني", "שלום", "👩\u200d💻 👨\u200d👩\u200d👧",
    "Nguy\u00adễn\u200b", "e\u0301\u0323", "\t\r\n", "ﬁnn ＦＵＬＬ", "Łukasz Søren Straße", "\ufeff",
    "x" * 5000, "dòng\n" * 400,
]  # fmt: skip
piece = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
)
field_text = st.lists(piece, min_size=1, max_size=4).map("".join)

EXAMPLES = 150
_TEMPLATE: list[Path] = []


def fresh_database(folder: Path, name: str) -> str:
    """A migrated empty database, copied from one made once (migrating twice per example
    would spend the run on Alembic)."""
    if not _TEMPLATE:
        home = Path(tempfile.mkdtemp(prefix="ketnoi-fuzz-"))
        open_database(f"sqlite:///{home / 'template.db'}").dispose()
        _TEMPLATE.append(home / "template.db")
    shutil.copy(_TEMPLATE[0], folder / name)
    return f"sqlite:///{folder / name}"


@pytest.mark.slow  # (hundreds of examples: 13-50 s on two cores; the main run has it)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=field_text, notes=field_text, address=field_text, tag=field_text)
def test_any_text_is_stored_exported_imported_and_printed(
    name: str, notes: str, address: str, tag: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = open_database(fresh_database(folder, "a.db"))
        other = open_database(fresh_database(folder, "b.db"))
        try:
            try:
                with unit_of_work(engine) as s:
                    org = records.create(
                        s, "organisation", {"name": name, "notes": notes, "address": address, "tags": [tag]}
                    )
            except ValidationError as exc:  # refused, with the field named: fine
                assert exc.errors and set(exc.errors) <= {"name", "tags", "notes", "address"}
                event(f"refused: {', '.join(sorted(exc.errors))}")
                return
            with read_session(engine) as s:
                stored = records.get(s, "organisation", org)
                book = folder / "x.xlsx"
                export_workbook(book, session=s)
                brief = gather_organisation(s, org)
            buf = io.BytesIO()
            assert render_organisation(brief, buf) >= 1
            assert len(PdfReader(io.BytesIO(buf.getvalue())).pages) >= 1
            do_import(other, book, fields.LABELS["organisation"])
            with read_session(other) as s:
                back = s.execute(select(Organisation)).scalars().one()
                assert (back.name, back.notes, back.address) == (
                    stored["name"],
                    stored["notes"],
                    stored["address"],
                )
            event("stored, exported, imported back and printed")
        finally:
            engine.dispose()
            other.dispose()
