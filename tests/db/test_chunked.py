"""db.queries.chunked: the one helper that cuts long id lists for IN (…) and executemany."""

from __future__ import annotations

import pytest

from db.queries import CHUNK, chunked


def test_every_item_once_in_order_and_no_slice_too_long() -> None:
    items = list(range(2 * CHUNK + 7))
    parts = list(chunked(items))
    assert [len(p) for p in parts] == [CHUNK, CHUNK, 7]
    assert [i for p in parts for i in p] == items
    assert list(chunked((1, 2, 3), 2)) == [(1, 2), (3,)]
    assert list(chunked([], 5)) == []
    with pytest.raises(ValueError):
        list(chunked([1], 0))
