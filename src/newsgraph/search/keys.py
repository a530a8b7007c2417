"""The number that ties an index document to its store row: a 64-bit key of an article (or actor) id.

The index keeps numbers, not strings, because tantivy reads numeric fast fields for thousands of
hits at once without fetching stored documents (`Searcher.fast_field_values`). The key is the
first 8 bytes of the id's MD5 read little-endian, which is what DuckDB's `md5_number_upper(id)`
returns, so the store joins hits back to rows without a mapping table (`store.lists`).
"""
from __future__ import annotations

import hashlib


def article_key(identifier: str) -> int:
    """The 64-bit key of an article or actor id; equal to DuckDB's `md5_number_upper(identifier)`."""
    return int.from_bytes(hashlib.md5(identifier.encode()).digest()[:8], "little")
