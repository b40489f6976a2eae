"""db.queries: the one chunk helper and the one full-text query builder."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from app import lists
from app.vntext import fold_words
from db.engine import read_session
from db.queries import CHUNK, chunked, fts5_match, fts_candidates, pg_prefix_query
from tests.app.lists.seed import seed_network


def test_every_item_once_in_order_and_no_slice_too_long() -> None:
    items = list(range(2 * CHUNK + 7))
    parts = list(chunked(items))
    assert [len(p) for p in parts] == [CHUNK, CHUNK, 7]
    assert [i for p in parts for i in p] == items
    assert list(chunked((1, 2, 3), 2)) == [(1, 2), (3,)]
    assert list(chunked([], 5)) == []
    with pytest.raises(ValueError):
        list(chunked([1], 0))


def test_one_query_builder_for_the_search_box_and_the_list_filter(engine: Engine) -> None:
    ids = seed_network(engine)
    assert fts5_match(['o"neil', "an"]) == '"o""neil"* "an"*'
    assert pg_prefix_query(["o'neil", "a\\n"]) == "oneil:* & an:*"
    with read_session(engine) as s:
        for text in ("nguyen", "dang van", "nic", "genet"):
            words = fold_words(text)
            box = {r["id"] for r in fts_candidates(s, "contact", words, limit=50)}
            listed = set(lists.page_ids(s, lists.default_query("contact").with_(text=text)))
            assert box == listed, text
        assert set(lists.page_ids(s, lists.default_query("contact").with_(text="nguyen"))) == {ids["nhung"]}
        assert lists.page_ids(s, lists.default_query("contact").with_(text='"')) != []  # no words: no filter
