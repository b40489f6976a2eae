"""The same duplicate, merge, undo, bulk and map scenarios on PostgreSQL.

Runs when KETNOI_TEST_POSTGRES_URL names a server (.ci/run starts one), a database per test: this
module's ``engine`` fixture replaces the SQLite one for the scenarios imported below.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine

from db.migrate import open_database
from tests.app.dedupe.test_bulk_undo import (  # noqa: F401
    test_bulk_tag_1000_contacts_and_undo,
    test_set_field_status_and_due_date_and_undo,
    test_undo_of_a_single_edit_group_recomputes_search,
    thousand,
)
from tests.app.dedupe.test_duplicates import (  # noqa: F401
    people,
    test_name_in_either_order_and_at_the_same_or_no_organisation,
    test_organisation_name_acronym_alias,
    test_same_email_or_phone_whatever_the_name,
    test_unaccented_name_warns_of_the_accented_one,
)
from tests.app.dedupe.test_map_cli import (  # noqa: F401
    network,
    test_points_for_organisations_and_contacts,
    test_rating_is_saved_in_history_and_undoable,
)
from tests.app.dedupe.test_merge import (  # noqa: F401
    test_merge_keeps_every_meeting_and_action_and_undo_restores_both,
    test_merging_organisations_moves_contacts_actions_meetings_children_and_undoes,
    two_hungs,
)

PG_URL = os.environ.get("KETNOI_TEST_POSTGRES_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL and not os.environ.get("CI"), reason="KETNOI_TEST_POSTGRES_URL not set"),
]


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    eng = open_database(pg_url)
    yield eng
    eng.dispose()
